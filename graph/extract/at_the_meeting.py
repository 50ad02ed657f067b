"""Who a sentence about the meeting just told has acting in it: "During the meeting, Trade Minister A presented the
port plan", "After the talks, B confirmed that …", "At the courtesy call, C and D briefed the guest on …". The
sentence opens by pointing back at the meeting ("the meeting", "the talks", "this call": no one named with it); the
one who acts in its main clause was there. Read on the dependency parse: the subject of the sentence's root verb,
with its conjuncts and titles, not a clause said about it; someone who only reports it (a spokesperson, a press
office) is not a participant.

`at_the_meeting(sent, offset, mentions)` gives the mentions of those who were there, for sentence_events to tell as
more people at the meeting just told (a "Joined" record: told_events.py reads which meeting that is)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..records import Mention
from .arguments import covers, subject_tokens

# the opening that points back at the meeting just told, and nothing named with it ("During the meeting with A,"
# names whom it was with: that is the trigger's own reading)
BACK_TO_IT = re.compile(r"^\W*(?:after|during|at|following|throughout|in the course of|over the course of|in|"
                        r"on the occasion of|at the end of|at the close of)\s+(?:the|this|that|their|today['’]s)\s+"
                        r"(?:[\w-]+\s+){0,2}?(?:meeting|talks|discussions?|courtesy call|call|audience|negotiations|"
                        r"session|conversation|consultations|encounter|tête-à-tête|tete-a-tete)\s*,", re.I)
# who speaks about a meeting without having been in it
REPORTERS = re.compile(r"\b(?:spokes(?:man|woman|person|people)|press (?:secretary|office|service|attach[eé])|"
                       r"communiqu[eé]|statement|reporters?|journalists?|sources?|media)\b", re.I)
# verbs whose subject is not someone at the meeting but someone who tells of it: "After the meeting, X told reporters"
TELLING = {"tell", "say", "report", "quote", "write", "post", "tweet", "announce"}


def at_the_meeting(sent: Span, offset: int, mentions: list[Mention]) -> list[Mention]:
    """The persons who act in `sent` when it opens by pointing back at the meeting just told; [] otherwise."""
    opening = BACK_TO_IT.search(sent.text)
    if opening is None:
        return []
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or root.lemma_.lower() in TELLING and not _has_object(root):
        return []
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.idx - sent.start_char >= opening.end()]
    if not subj:
        return []
    cover = subject_tokens(subj[0])
    words = " ".join(sent.doc[i].text for i in sorted(cover))
    if REPORTERS.search(words):
        return []
    s_start, s_end = offset + sent.start_char, offset + sent.end_char
    return [m for m in mentions if _someone(m) and s_start <= m.start and m.end <= s_end
            and covers(cover, sent, m.start, m.end, offset)]


def _someone(m: Mention) -> bool:
    """A person's mention, or a lone surname the model took for an organisation ("After the talks, Ruiz said"):
    told_events keeps it only if it resolves to a person named before."""
    return m.type == "Person" or m.type == "Organization" and " " not in m.text.strip() and m.text[:1].isupper()


def not_a_call(text: str) -> bool:
    """The sentence points back at a meeting held face to face ("During the meeting, …"), not at a telephone call
    ("During the call, …", "In the conversation, …"): the phone call told just before is not the one it means."""
    opening = BACK_TO_IT.search(text)
    return opening is not None and not re.search(r"(?<!courtesy )\bcall\s*,|conversation\s*,", opening.group(), re.I)


def _has_object(verb) -> bool:
    """"told the guest that …": a verb of telling with whom it was told to is a word said at the meeting."""
    return any(c.dep_ in ("dobj", "dative") for c in verb.children)
