"""What the pair model must not be asked about (learned.py): sentences that tell a meeting still to come and names
only mentioned in a sentence, not taking part in what it tells.

The model scores the words around two names; it has seen few sentences of these kinds and passes some of them when
its threshold is low. These are rules before the model, the same for any news text:

- a sentence that sets what it tells in the future ("would raise it with A later this month", "accepted an
  invitation to pay a visit next year", "an invitation to visit B"): nothing happened yet;
- a name the sentence gives a past post ("then President A", "the late King B"): he is recalled, not met;
- a name right after "discuss" ("A and B discuss C", "discussed D's debt"): what was discussed, not who.
"""

from __future__ import annotations

import re

# a time still to come; with a word that looks ahead it makes the sentence a plan
FUTURE_TIME = re.compile(r"\b(?:later this|next|the coming|the following)\s+(?:week|month|year|weeks|months|days)\b|"
                         r"\bin the (?:coming|next few|near) (?:days|weeks|months|future)\b", re.I)
AHEAD = re.compile(r"\b(?:will|would|shall|'ll|plans?|planned|planning|expected|scheduled|due|invitation|invited|"
                   r"intends?|hopes?)\b", re.I)
# "accepted an invitation to make an official visit", "an invitation to visit": a visit still to come
INVITATION = re.compile(r"\binvitations?\s+to\s+(?:[\w.'-]+\s+){0,5}?(?:visit|make|pay|attend|come|travel)\b", re.I)
# a post held before: "then President", "then-Foreign Minister", "the late King"
PAST_POST = re.compile(r"(?:\b(?:the|by|under|of|with) then\s+|\bthen-|\bthe late\s+)(?:[A-Z][\w.'-]*\s+){0,4}$")
DISCUSSED = re.compile(r"\bdiscuss(?:es|ed|ing)?\s+(?:the\s+)?$", re.I)


def planned(text: str) -> bool:
    """Whether the sentence tells something still to come: a future time with a word that looks ahead ("would meet
    her later this month" even when the verb is not one of meeting), or an invitation to visit."""
    return bool(INVITATION.search(text) or (FUTURE_TIME.search(text) and AHEAD.search(text)))


def only_mentioned(text: str, start: int) -> bool:
    """Whether the name starting at `start` of the sentence `text` is only mentioned: given a past post ("then
    President A", "the late King B") or the thing discussed ("A, B discuss C")."""
    before = text[max(0, start - 60):start]
    return bool(PAST_POST.search(before) or DISCUSSED.search(before))
