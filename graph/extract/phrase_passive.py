"""Passive, inverted and reported forms that say what a meeting was about (round 9), read beside phrases.py's and
phrase_forms.py's: a passive whose preposition is left behind ("the floods were touched upon"), a passive put
first ("Highlighted during the talks was water security"), the meeting as the subject of what it held ("the talks
also featured A and B", "the session covered …"), the weight put on a thing as a subject ("the main focus was on
X"), hope or wishes for a thing ("expressed hope for closer energy cooperation"), a list that goes on past a
semicolon or an apposition the parse hung elsewhere ("discussions on A; B, as well as C"), and "in addition to X"
after a verb of discussing.

`passive_heads(tok, lemma)` gives (head token, strength) pairs for one token, as phrases.py's loop does for its own
forms. Counted on the 159 dev texts before building: passive of a verb of discussing 11 items (11 outlets), a
meeting noun that featured/included/covered 11 (11), "expressed gratitude/thanks for" 8 (8), "on the agenda were"
and "the focus was on" 1 each.
"""

from __future__ import annotations

from spacy.tokens import Token

# the verbs a subject is the object of, and those whose preposition says what about (phrases.py's)
from .phrases import OBJECT_VERBS, PREP_VERBS, STRONG_VERBS, TALK_NOUNS

PREP_VERB_LEMMAS = {v for v, _ in PREP_VERBS}
# what a meeting "featured", "covered", "included": its subjects
HELD_VERBS = {"feature", "cover", "include", "involve", "span", "encompass", "address", "tackle", "touch",
              "concern", "examine", "review", "explore"}
MEETINGS = TALK_NOUNS | {"agenda", "session", "sessions", "visit", "summit", "forum", "deliberations",
                         "consultation", "negotiation", "debate", "debates"}
# "the main focus was on X", "the emphasis is on X": a noun of weight as the subject of "be … on"
FOCUS_NOUNS = {"focus", "emphasis", "accent", "stress", "spotlight", "attention", "priority"}
# "expressed hope for closer ties", "voiced wishes for …": what is hoped for
HOPE_NOUNS = {"hope", "hopes", "wish", "wishes", "desire", "aspiration", "aspirations", "call", "calls",
              "support"}
# "conveyed his gratitude to … for X": the verbs that give thanks, and the thanks
THANKING_VERBS = {"convey", "express", "extend", "offer", "voice", "reiterate", "register", "record"}
THANKS = {"gratitude", "thanks", "appreciation", "thankfulness"}
# the verbs of discussing after which "in addition to X" adds a subject
DISCUSS_VERBS = {"discuss", "review", "address", "tackle", "explore", "consider", "examine", "cover", "debate",
                 "talk", "exchange", "touch", "focus"}


def passive_heads(tok: Token, lemma: str) -> list[tuple[Token, float]]:
    """(head, strength) of the subjects the forms of this module find at `tok`."""
    heads: list[tuple[Token, float]] = []
    if tok.pos_ == "VERB":
        heads += _stranded(tok, lemma)
        if lemma in OBJECT_VERBS and any(c.dep_ == "auxpass" for c in tok.children) and not any(
                c.dep_ == "nsubjpass" for c in tok.children):  # "the coup, which …, was discussed": subject lost
            heads += [(c, 0.85 if lemma in STRONG_VERBS else 0.6) for c in _passive_subjects(tok)]
        heads += _inverted(tok, lemma)
        heads += _held(tok, lemma)
        heads += _in_addition(tok, lemma)
    if tok.pos_ in ("AUX", "VERB") and lemma == "be":
        heads += _focus_on(tok)
    if tok.pos_ == "NOUN" and tok.lower_ in HOPE_NOUNS and tok.dep_ == "dobj" and tok.head.lemma_.lower() in (
            "express", "voice", "convey", "share", "reiterate", "reaffirm"):
        heads += [(w, 0.6) for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                  for w in [w for w in c.children if w.dep_ == "pobj"] + _gerund_objects(c)]
    if tok.pos_ == "VERB" and lemma in THANKING_VERBS:
        heads += _thanks_for(tok)
    if tok.pos_ == "ADP" and tok.lower_ in ("on", "about", "regarding", "concerning") and (
            tok.head.lower_ in TALK_NOUNS or tok.head.lower_ in ("views", "opinions", "ideas")):
        heads += [(w, 0.8) for w in _list_after(tok)]
    return heads


def _thanks_for(verb: Token) -> list[tuple[Token, float]]:
    """"Conveyed the government's gratitude to the people of Liria for its flood relief": thanks given for a thing,
    the "for" read as the verb's."""
    objects = [w for c in verb.children if c.dep_ == "dobj" for w in (c, *c.conjuncts)]
    if not any(w.lemma_.lower() in THANKS for w in objects):
        return []
    # the "for" hangs on the verb, or on the one thanked ("to the ambassador for the pumps")
    places = [verb, *(w for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                      for w in c.children if w.dep_ == "pobj")]
    return [(w, 0.6) for x in places for c in x.children if c.dep_ == "prep" and c.lower_ == "for"
            for w in [w for w in c.children if w.dep_ == "pobj"] + _gerund_objects(c)]


def _stranded(verb: Token, lemma: str) -> list[tuple[Token, float]]:
    """"The floods were touched upon", "trade was focused on", "the border was talked about": a passive whose
    preposition is left behind without its object; the passive's subject is what the preposition would take."""
    if lemma not in PREP_VERB_LEMMAS or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    if not any(c.dep_ == "prep" and (lemma, c.lower_) in PREP_VERBS and not any(
            w.dep_ in ("pobj", "pcomp") for w in c.children) for c in verb.children):
        return []
    return [(c, 0.85) for c in _passive_subjects(verb)]


def _passive_subjects(verb: Token) -> list[Token]:
    """The passive's subject; where the parse lost it ("During the meeting with the Lirians, the coup in Vardonia,
    which borders Liria, was touched upon": the subject read as an apposition of the word before), the noun in
    apposition nearest before the verb in its sentence."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if subjects or any(c.dep_ == "nsubj" for c in verb.children):
        return subjects
    return [t for t in reversed(list(verb.sent)) if t.i < verb.i and t.dep_ == "appos" and t.pos_ == "NOUN"][:1]


def _inverted(verb: Token, lemma: str) -> list[tuple[Token, float]]:
    """"Highlighted during the dialogue was climate change", "Discussed were A and B": a passive put first, what
    it is about after "was" (the parse makes it the verb's attribute)."""
    if lemma not in OBJECT_VERBS or verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("nsubjpass", "nsubj")
                                                               for c in verb.children):
        return []
    if not any(c.dep_ == "auxpass" and c.i > verb.i for c in verb.children):
        return []
    # (the parse hangs what comes after on the verb, or on its "was")
    return [(c, 0.8) for x in (verb, *(a for a in verb.children if a.dep_ == "auxpass")) for c in x.children
            if c.dep_ in ("attr", "dobj", "nsubj") and c.i > x.i]


def _held(verb: Token, lemma: str) -> list[tuple[Token, float]]:
    """"The talks also featured A and B", "the session covered …": what the meeting itself held."""
    if lemma not in HELD_VERBS or not any(c.dep_ == "nsubj" and (c.lower_ in MEETINGS or c.lemma_.lower() in
                                                                  MEETINGS) for c in verb.children):
        return []
    # ("the talks featured discussions on X": the discussions' own "on" says what about, phrases.py reads it)
    return [(c, 0.85) for c in verb.children if c.dep_ == "dobj" and c.lower_ not in TALK_NOUNS] + [
        (w, 0.85) for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and lemma == "touch"
        for w in c.children if w.dep_ == "pobj"]


def _focus_on(be: Token) -> list[tuple[Token, float]]:
    """"The main focus, he added, was on building up trade ties", "the emphasis of the talks is on the dam"."""
    if not any(c.dep_ == "nsubj" and c.lemma_.lower() in FOCUS_NOUNS for c in be.children):
        return []
    return [(w, 0.8) for c in be.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
            for w in [w for w in c.children if w.dep_ == "pobj"] + _gerund_objects(c)]


def _in_addition(verb: Token, lemma: str) -> list[tuple[Token, float]]:
    """"… were discussed, in addition to developments in the region", "… were discussed, including fisheries":
    what is added to the subjects, or singled out among them."""
    if lemma not in DISCUSS_VERBS:
        return []
    return [(w, 0.8) for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
            for a in c.children if a.dep_ == "pobj" and a.lower_ == "addition"
            for t in a.children if t.dep_ == "prep" and t.lower_ == "to"
            for w in t.children if w.dep_ == "pobj"] + [
        (w, 0.8) for c in verb.children if c.dep_ == "prep" and c.lower_ == "including"
        for w in c.children if w.dep_ == "pobj"]


def _gerund_objects(prep: Token) -> list[Token]:
    """What a gerund after a preposition acts on ("on building up [trade ties]")."""
    return [o for g in prep.children if g.dep_ == "pcomp" and g.tag_ == "VBG" for w in (g, *g.conjuncts)
            for o in w.children if o.dep_ == "dobj"]


def _list_after(prep: Token) -> list[Token]:
    """"discussions on cooperation; security developments in the region, as well as global issues", "views on
    bilateral relations, the evolution of the situation in Gabon, as well as …": the parse hangs the items after
    the first as appositions of a word before it; the nouns in apposition after the preposition's object, up to the
    end of the clause."""
    objs = [w for w in prep.children if w.dep_ == "pobj"]
    if not objs:
        return []
    first = objs[0]
    sent = prep.sent
    end = next((t.i for t in sent if t.i > first.i and (t.text in (".", "!", "?", ":") or t.pos_ in ("VERB", "AUX")
                                                         and t.dep_ not in ("amod", "compound", "pcomp", "acl"))),
               sent.end)
    return [t for t in sent if first.i < t.i < end and t.dep_ in ("appos", "conj") and t.pos_ == "NOUN"
            and t.head.i < first.i and t.left_edge.i > sent.start and t.doc[t.left_edge.i - 1].text in (",", ";")]
