"""Gatherings someone attended, told as such: "A attended the 7th Summit of the Community of X (CELAC)", "A and B
took part in the World Economic Forum", "A participated in the Tokyo International Conference on African
Development"; and a sentence that only says meetings were held "on the sidelines of" one ("The meetings took place
on the margins of the X Summit").

`attended_told(sent, offset, mentions, unreal)` reads one parsed sentence into `Told` records of type "Conference"
whose `sidelines` is the gathering's name; told_events.py makes (or finds) the gathering's event and adds those who
attended it. A gathering is a named one: its noun (summit, conference, forum, …) with a proper name in its phrase,
not "attended the meeting" (someone more at a meeting: triggers.py) or "attended the ceremony".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..nlp.tokens import lemmas_lowers, parts_of_speech
from ..records import Mention, Sentence
from .arguments import covers, subject_tokens

if TYPE_CHECKING:
    from .sentence_events import Told

GATHERINGS = {"summit", "conference", "forum", "congress", "assembly", "symposium", "convention", "expo", "games",
              "olympics", "exhibition", "fair", "session"}
ATTEND_VERBS = {"attend", "participate", "join", "take"}  # "took part in"
CLAUSES = ("relcl", "acl", "appos", "advcl")


def _gathering(tok: Token) -> bool:
    """A named gathering: "the SCO summit", "the 7th Summit of the Community of …", "the World Economic Forum"."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in GATHERINGS and (
        tok.pos_ == "PROPN" or any(w.pos_ == "PROPN" for w in _name_tokens(tok)))


def _name_tokens(tok: Token) -> list[Token]:
    """The gathering's name: its phrase without a clause said about it ("…, which brings together 33 countries")."""
    skip = {w.i for c in tok.children if c.dep_ in CLAUSES or c.dep_ == "prep" and c.lower_ in ("in", "at")
            for w in c.subtree}  # "… Forum in Davos": where it was held, not its name
    words = [w for w in tok.subtree if w.i not in skip]
    while words and (words[0].dep_ in ("det", "poss", "punct") or words[0].is_punct):
        words = words[1:]
    while words and words[-1].is_punct and words[-1].text != ")":
        words = words[:-1]
    return words


def _place_of(verb: Token) -> Token | None:
    """The gathering the verb's object or "in"/"at" phrase names."""
    for c in verb.children:
        if c.dep_ == "dobj" and _gathering(c):
            return c
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            for w in c.children:
                if w.dep_ == "pobj" and _gathering(w):
                    return w
    return None


def attended_told(sent: Span, offset: int, mentions: list[Mention], unreal) -> list[tuple[set[int], "Told"]]:
    """Who attended which named gathering in `sent`, undated, with the token indices taken."""
    from .sentence_events import REPORTED_CUES, Told, _past_perfect, summit_name

    s_start, s_end = offset + sent.start_char, offset + sent.end_char
    out = []
    doc = sent.doc
    lemmas, _ = lemmas_lowers(doc)  # the first tests read from the doc's arrays: a Token only past them
    tags = parts_of_speech(doc)
    for i in range(sent.start, sent.end):
        if tags[i] != "VERB" or lemmas[i].lower() not in ATTEND_VERBS:
            continue
        tok = doc[i]
        if unreal(tok):
            continue
        if tok.lemma_.lower() == "take" and not any(c.lower_ == "part" for c in tok.children):
            continue
        place = _place_of(tok)
        if place is None:
            continue
        subj = [c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in ("who", "that", "which")]
        if not subj:
            continue  # "dignitaries who attended the conference", "leaders attending the summit": nobody named
        cover = subject_tokens(subj[0])
        who = [m for m in mentions if s_start <= m.start and m.end <= s_end and m.type == "Person"
               and covers(cover, sent, m.start, m.end, offset)]
        word = " ".join(w.text for w in subj[0].subtree)
        words = _name_tokens(place)
        name = summit_name(sent.doc[words[0].i:words[-1].i + 1].text) if words else place.text
        out.append(({tok.i, place.i}, Told("Conference", Sentence(s_start, s_end), who, word, [], None, False, None,
                                           bool(REPORTED_CUES.search(sent.text[:tok.idx - sent.start_char]))
                                           or _past_perfect(tok), name, sent.text)))
    return out


def sidelines_only(sent: Span, offset: int, name: str) -> "Told":
    """A sentence that says only that meetings were held on the sidelines of a gathering: the host was there."""
    from .sentence_events import Told

    return Told("Conference", Sentence(offset + sent.start_char, offset + sent.end_char), [], "", [], None, False,
                None, bool(re.search(r"\b(?:last|previously|earlier|had)\b", sent.text)), name, sent.text)
