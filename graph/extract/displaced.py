"""Whom "received", "hosted" or "welcomed" met when news puts when and where first and names the one received by his
country's title: "received yesterday at Ruritania Palace Borduria's Deputy Prime Minister A", "welcomed on Monday
in the capital Syldavia's Foreign Minister B". The parse hangs the possessive country on the place before it (the
model often reads "Ruritania Palace Borduria" as one name), so the zone of arguments.displaced_object, which stops
at the "'s", is read on past it: the one received starts at the title after the "'s"."""

from __future__ import annotations

from spacy.tokens import Token

from .arguments import ADJUNCT_PREPS, SIDE_CLAUSES, displaced_object


def displaced(verb: Token, title_words: set[str]) -> set[int]:
    """Token indices of whom `verb` met when its object comes after the day and the place
    (arguments.displaced_object), or after a place that runs into the possessive country of his title."""
    return displaced_object(verb, title_words) or _after_possessive(verb, title_words)


def _after_possessive(verb: Token, title_words: set[str]) -> set[int]:
    """The zone from the one received when only the day and the place stand between `verb` and him, read past what
    arguments.displaced_object stops at: a possessive country before his title ("… Palace Borduria's Minister A":
    the zone starts at the title), a time of day without a date ("this evening", "on Monday morning"). Anything
    else before him is no such zone ("received at the palace a letter")."""
    doc = verb.doc
    if verb.i + 1 >= len(doc) or not (doc[verb.i + 1].lower_ in ADJUNCT_PREPS | TIME_WORDS
                                      or doc[verb.i + 1].ent_type_ in ("DATE", "TIME")):
        return set()
    side = {w.i for t in verb.sent if t.dep_ in SIDE_CLAUSES and t.i > verb.i for w in t.subtree}
    for t in doc[verb.i + 1:verb.sent.end]:
        if t.i in side:
            break
        if t.lower_ in ("'s", "’s") and t.i > verb.i + 2 and doc[t.i - 1].pos_ == "PROPN":
            title = next((w for w in doc[t.i + 1:min(t.i + 5, verb.sent.end)] if w.pos_ not in ("PROPN", "ADJ")
                          or w.lemma_.lower() in title_words), None)
            if title is not None and title.lemma_.lower() in title_words:
                return {w.i for w in doc[t.i + 1:verb.sent.end] if w.i not in side}
            break
        if t.ent_type_ == "NORP" or t.ent_type_ == "PERSON" and t.ent_iob_ == "B" and doc[t.i - 1].lower_ in \
                TIME_WORDS or t.lemma_.lower() in title_words and doc[t.i - 1].lower_ in TIME_WORDS:
            return {w.i for w in doc[t.i:verb.sent.end] if w.i not in side}  # "… this evening German Minister A"
        if t.lower_ in ADJUNCT_PREPS | TIME_WORDS | {"the", ","} or t.ent_type_ in ("DATE", "TIME") or \
                t.pos_ in ("PROPN", "NUM"):
            continue
        break
    return set()


# the words of a time of day or a day said without a date
TIME_WORDS = {"yesterday", "today", "tonight", "this", "last", "morning", "afternoon", "evening", "night", "monday",
              "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
