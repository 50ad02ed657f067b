"""Lists of those met that hang off a meeting's clause where the parse does not put them in the trigger's phrase:
after a colon ("a meeting was held that brought six leaders around the table: A, B, C and D", "talks were held
with the following: A, B"), as what the meetings "included" ("his bilateral meetings included talks with A, B and
C", "the meetings were with A and B"), and items set off by semicolons ("held meetings with the Chair of X,
Senator A; the Chair of Y, Senator B; and C"). Whether it is one meeting of them all or one each is the trigger's
frame (a plural "meetings", "separately"): sentence_events decides that, as for any list.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..records import Mention

# plural nouns of people that announce a list after a colon ("six leaders …:", "the participants:")
LIST_NOUNS = {"leaders", "participants", "heads", "ministers", "presidents", "guests", "delegates", "officials",
              "representatives", "members", "dignitaries", "counterparts", "attendees", "envoys", "ambassadors",
              "chiefs", "executives", "lawmakers", "senators", "following", "others"}
# verbs whose subject is the meetings and whose object is whom they were with: "the meetings included talks with A"
LIST_VERBS = {"include", "be", "comprise", "feature", "involve"}


def colon_list(tok: Token) -> set[int]:
    """Token indices of a list of two or more names after a colon that ends the clause of `tok` and is announced in
    it by a plural noun of people ("… brought six leaders around the table: A, B, …"); empty otherwise."""
    sent = tok.sent
    colon = next((t for t in sent if t.i > tok.i and t.text == ":"), None)
    if colon is None or not any(t.lower_ in LIST_NOUNS for t in sent.doc[tok.i + 1:colon.i]):
        return set()
    after = sent.doc[colon.i + 1:sent.end]
    names = [t for t in after if t.ent_type_ == "PERSON" and t.ent_iob_ == "B"]
    if len(names) < 2 or any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp") for t in after):
        return set()  # "…: they discussed …" is no list
    return {t.i for t in after}


def copula_list(tok: Token) -> set[int]:
    """Token indices of whom the meetings were with, when the meeting noun `tok` is the subject of "included",
    "were", …: "The bilateral meetings included an interaction with A, B and C", "Her talks were with A and B"."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("nsubj", "nsubjpass") or \
            tok.head.lemma_.lower() not in LIST_VERBS:
        return set()
    verb = tok.head
    out: set[int] = set()
    for c in verb.children:
        if c.i > verb.i and (c.dep_ in ("dobj", "attr") or c.dep_ == "prep" and c.lower_ in ("with", "between")):
            out |= {t.i for t in c.subtree}
    return out


SEGMENT = re.compile(r"^\s*(?:and\s+|as well as\s+)?(?:the\s+)?[A-Z]")


def semicolon_list(rest: str) -> bool:
    """The text after a trigger (`rest`) goes on past a semicolon as a list, each item a title or a name ("with the
    Chair of X, Senator A; Chair of Y, Senator B; and C"), not as a new clause ("…; he also signed …")."""
    parts = re.split(r";", re.split(r"(?<=[.!?])\s+(?=[A-Z])", rest)[0])
    return len(parts) > 1 and all(SEGMENT.match(p) and len(p) < 200 and not re.search(
        r"\b(?:he|she|they|it|we|also|was|were|is|are|has|have|had|will|said)\b", p) for p in parts[1:])


def under_plural_meetings(tok: Token, plural: set[str]) -> bool:
    """`tok` tells whom plural meetings were with: "Her bilateral meetings included talks with A, B and C" (`tok` the
    talks), "The bilaterals were with A and B" (`tok` the verb), "meetings including discussions with A and B": one
    meeting each, as for "meetings with A, B"."""
    if tok.dep_ == "pobj" and tok.head.lower_ in ("including", "among") and tok.head.head.lower_ in plural:
        return True  # "a series of bilateral meetings including discussions with A and B"
    verb = tok if tok.lemma_.lower() in LIST_VERBS and tok.pos_ in ("VERB", "AUX") else \
        tok.head if tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in LIST_VERBS else None
    return verb is not None and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in plural for c in verb.children)


def title_fragment(m: Mention, text: str, offset: int) -> bool:
    """A "name" the model cut out of a list item's title: "St. Lucia Prime Minister A" read with "Lucia" a person,
    "Chair, House Budget Committee" with "House Budget" one. A name run straight on (no comma) into more capitalised
    words is part of the item, not one met (the item's own name ends it or is set off by a comma)."""
    return bool(re.match(r" (?-i:[A-Z])[a-z]+", text[m.end - offset:m.end - offset + 20]))
