"""Two forms that tell a country named near a post-holder belongs to another: the post of someone else
("…, the president-elect of Ruritania", "the Minister for Foreign Affairs of Ruritania, A") and a list of the other
side's countries ("met his peers from Ruritania and Freedonia", "sanctions against Ruritania")."""

from __future__ import annotations

import re

from ..text import gazetteer as gz
from .roles import title_regex

# the words before a country that head a list of the other side's: "with", "to", "from", "against"
_LIST_HEAD = re.compile(r"\b(?:with|(?<!according )to|from|against)\s+(?:the\s+)?"
                        r"(?:(?-i:[A-Z])[\w'’.-]*(?:\s+(?:of\s+)?(?-i:[A-Z])[\w'’.-]*)*\s*"
                        r"(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?)+$", re.I)


def in_others_list(norm: str, start: int) -> bool:
    """The country at `start` closes a list its first member's preposition gives to the other side: "met his peers
    from Argentina and Brazil", "our guests from A, B and C"."""
    return bool(_LIST_HEAD.search(norm[max(0, start - 80):start]))


_NOT_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
              "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
              "Meanwhile", "However", "Also", "Later", "Earlier", "Today", "Yesterday"}


def others_post(norm: str, start: int, end: int, holder: list[tuple[int, int]], people: list[tuple[int, int]]) -> bool:
    """Another person's country: "B of Ruritania", or the country at `start`–`end` completes a post ("President
    of …", "Minister for Foreign Affairs in …", "president-elect of …") that the text gives to another person named
    next to it: one of `people` (not of the holder's spans `holder`) right before it ("B, the president-elect of
    Ruritania"), a name the model missed there, or a name right after it ("the Minister for Foreign Affairs of
    Ruritania, Tomas Dall")."""
    left = norm[max(0, start - 120):start]
    of = re.search(r"(@\w+)?\s+of\s+(?:the\s+)?$", left)
    if of and (of.group(1) or any(e == start - len(of.group(0)) for s, e in people if (s, e) not in holder)):
        return True  # "FM Fischer of Germany", "FM @handle of Argentina": another person's country
    post = None
    for m in title_regex().finditer(left):
        if re.fullmatch(r"(?:-elect)?\s+(?:of|in)\s+(?:the\s+)?(?:Republic\s+of\s+)?", left[m.end():]):
            post = m
    if post is None:
        return False
    at = start - len(left) + post.start()
    lead = re.search(r"\s*,\s*(?:the\s+)?(?:(?:new|visiting|outgoing|incoming)\s+)?$", norm[max(0, at - 30):at])
    if lead and any(e == at - len(lead.group(0)) for s, e in people if (s, e) not in holder):
        return True
    # a name the model missed, inside a sentence: "received a guest in the form of Amadou Kali Sene, the …"
    named = re.search(r"(?<=[a-z,] )((?-i:[A-Z])[a-z'’-]+(?:\s+(?-i:[A-Z])[a-z'’-]+){1,3})$",
                      norm[max(0, at - 80):at - len(lead.group(0))]) if lead and "," in lead.group(0) else None
    if named and not any(s <= at - len(lead.group(0)) <= e + 1 for s, e in holder) \
            and not any(w in _NOT_NAMES for w in named.group(1).split()):
        return True
    after = re.match(r"\s*,?\s*(?:(?:Mr|Ms|Mrs|Dr|H\.?\s?E)\.?\s+)?(?-i:[A-Z])[\w'’.-]+\s+(?-i:[A-Z])",
                     norm[end:end + 60])
    return bool(after) and not any(end <= s <= end + after.end() for s, e in holder)


def others_group(norm: str, end: int) -> bool:
    """A country's demonym before a plural post ("Venezuelan parliamentarians", "the Ruritanian ministers"): a
    group of its people, not the one post-holder."""
    after = re.match(r"\s+([a-z]+?)(?:es|s)\b", norm[end:end + 40])
    if not after:
        return False
    word = after.group(0).strip()
    words = gz.title_words()
    return word[:-1] in words or word[:-2] in words or word.endswith("ies") and word[:-3] + "y" in words
