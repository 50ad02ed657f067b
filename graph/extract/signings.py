"""Signings told as events: "A and B signed an agreement on …", "the memorandum was signed by A and B", "A signed the
accord for X and B signed for Y", "C and D attended (witnessed) the signing", "presided over the signing of seven
memoranda with his counterpart", "the signing took place in the presence of A and B", "Signing the document were A
for X and B for Y", "the Government of X and the Government of Y signed …", "they signed".

`signing_told(sent, offset, mentions)` reads one parsed sentence into `Told` records of type "Signing": who signed or
saw it signed (`subject`; a group word such as "they" or "the two sides" in `subject_word`), the sides it was signed
with or for (`objects`), where. told_events.py makes them events with `signing_event`: the signings a text tells of
one day are one ceremony (the signatories, the witnesses, the countries signed for); a signing told inside the
sentence of a meeting ("met X in Apia, where they signed …") is part of that meeting and no event of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..nlp.tokens import lemmas_lowers
from ..records import Event, Mention, Sentence
from ..text.dates import to_date
from . import confidence as conf
from .arguments import covers, subject_tokens
from .context import Context, take_part
from .identity import meeting_key
from .outcomes import DOCUMENT_NOUNS, NEEDS_MODIFIER

if TYPE_CHECKING:
    from .sentence_events import Told

SIGN_VERBS = {"sign", "ink", "initial", "countersign"}
# what is signed at a ceremony with a counterpart (an order, a law or a decree is signed alone)
DOCUMENTS = (DOCUMENT_NOUNS - {"order", "letter"}) | {"document", "documents", "memoranda", "mous", "instrument",
                                                      "instruments", "agreements", "deals", "treaties"}
SIGNING_NOUNS = {"signing", "signature", "signings"}
# who sees a signing through: "attended / witnessed / presided over / oversaw the signing"
WITNESS_VERBS = {"attend", "witness", "observe", "preside", "oversee", "grace", "hold", "conduct", "host", "chair",
                 "supervise"}
# a signing told as past: "had signed", "signed previously" (not "First Secretary A signed")
BEFORE = re.compile(r"\b(?:previously|earlier|already|once|had|last)\b", re.I)
# where a list of who saw it ends: a clause said about the last of them
LIST_END = re.compile(r",\s*(?:who|which|where|whose|while)\b|;")
SIDES = {"Person", "Country", "Organization"}
GOVERNMENT = re.compile(r"\b(?:the )?(?:[Gg]overnments?|[Ss]tates?) of (?:the )?", re.I)
# a subject that names the sides without naming anyone: the people of the event told before
COLLECTIVE = re.compile(r"^(?:they|both(?: sides| leaders| countries| parties| governments| ministers)?|"
                        r"the (?:two |both )?(?:sides|leaders|presidents|countries|nations|governments|parties|"
                        r"delegations|ministers|heads of state|heads of government|prime ministers|men|women))$",
                        re.I)


def _document(tok: Token) -> bool:
    words = {tok.lemma_.lower(), tok.lower_}
    if tok.pos_ not in ("NOUN", "PROPN") or not words & DOCUMENTS:
        return False
    need = NEEDS_MODIFIER.get(tok.lemma_.lower())
    return need is None or bool({c.lower_ for c in tok.children} & need)


def _unphrasal(tok: Token) -> bool:
    """Not "signed up", "signed off", "signed in": a signing verb of a document."""
    return not any(c.dep_ == "prt" for c in tok.children)


def signing_tokens(sent: Span) -> list[Token]:
    """The words of `sent` that tell a signing: a signing verb of a document (or of a side: "signed for X"), or a
    signing noun someone attended, presided over or held, or that took place before someone."""
    out = []
    lemmas, lowers = lemmas_lowers(sent.doc)
    for i in range(sent.start, sent.end):
        lemma = lemmas[i].lower()
        if lemma not in SIGN_VERBS and lowers[i] not in SIGNING_NOUNS and lemma != "ceremony":
            continue  # neither form below can start here (`_signing_noun`'s own first test): most words
        tok = sent.doc[i]
        if tok.pos_ == "VERB" and tok.lemma_.lower() in SIGN_VERBS and _unphrasal(tok):
            if any(c.dep_ in ("dobj", "nsubjpass") and _document(c) for c in tok.children) or \
                    tok.dep_ in ("acl", "relcl") and _document(tok.head) or \
                    not any(c.dep_ == "dobj" for c in tok.children) and any(
                        c.dep_ == "prep" and c.lower_ in ("for", "on") for c in tok.children) and \
                    any(t.lemma_.lower() in SIGN_VERBS and t.i < tok.i for t in sent):
                out.append(tok)  # … "and B signed for Y": a second signatory of the document just told
        elif tok.pos_ in ("NOUN", "PROPN") and _signing_noun(tok):
            out.append(tok)
    return out


def _inverted(tok: Token) -> Token | None:
    """The "were" of "Signing the agreement were A and B" (the parse makes it the head or an auxiliary)."""
    if tok.lower_ != "signing" or tok.pos_ != "VERB":
        return None
    return next((t for t in (tok.head, *tok.children) if t.lemma_.lower() == "be" and t.i > tok.i), None)


def _signing_noun(tok: Token) -> bool:
    """"the signing (of X)", "the signing ceremony" seen through by someone: its governing verb is one of
    WITNESS_VERBS, or the signing "took place" / "was held" (in someone's presence)."""
    if tok.lower_ in SIGNING_NOUNS:
        noun = tok
    elif tok.lemma_.lower() == "ceremony" and any(c.lower_ in ("signing", "signature") for c in tok.children):
        noun = tok
    else:
        return False
    if noun.lower_ in SIGNING_NOUNS and noun.head.lemma_.lower() == "ceremony" and noun.dep_ in ("compound", "amod"):
        return False  # "the signing ceremony": read at "ceremony"
    verb = _governor(noun)
    if verb is None:
        return False
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return verb.lemma_.lower() in ("take", "be", "hold", "happen", "attend", "witness", "grace") and (
            any(c.dep_ == "agent" for c in verb.children) or _presence(verb) is not None)
    return verb.lemma_.lower() in WITNESS_VERBS


def _governor(noun: Token) -> Token | None:
    """The verb whose object (or subject) the noun is: "attended [the signing]", "presided over [the signing]"."""
    h = noun
    if h.dep_ == "pobj" and h.head.dep_ == "prep":
        h = h.head
    if h.dep_ in ("dobj", "prep", "nsubj", "nsubjpass") and h.head.pos_ in ("VERB", "AUX"):
        return h.head
    return None


def _presence(verb: Token) -> Token | None:
    """The "in the presence of" phrase on `verb`: its "of"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "under"):
            for n in c.children:
                if n.lemma_.lower() in ("presence", "auspices", "witness"):
                    for o in n.children:
                        if o.dep_ == "prep" and o.lower_ == "of":
                            return o
    return None


def _in_meeting(tok: Token, meeting: set[int]) -> bool:
    """The signing is told in a clause of a meeting's verb: "met X in Apia, where they signed …", "met and signed"."""
    return any(a.i in meeting for a in tok.ancestors)


def _subtree(tok: Token) -> set[int]:
    return {w.i for w in tok.subtree}


def signing_told(sent: Span, offset: int, mentions: list[Mention], meeting: set[int], unreal) -> list[tuple[set[int], "Told"]]:
    """The signings `sent` tells, each with the token indices it took (so no other rule reads them as a meeting too),
    undated. `meeting`: the indices of the sentence's meeting triggers; `unreal(tok)`: planned, wished or negated."""
    from .sentence_events import SIDELINES, Told, _past_perfect, summit_name

    s_start, s_end = offset + sent.start_char, offset + sent.end_char
    text = sent.text
    out = []
    used: set[int] = set()  # people already read as one signing's signatories (a later verb's fallback skips them)
    in_sent = [m for m in mentions if s_start <= m.start and m.end <= s_end and m.type in SIDES]

    def within(cover: set[int], types=SIDES) -> list[Mention]:
        return [m for m in in_sent if m.type in types and covers(cover, sent, m.start, m.end, offset)]

    for tok in signing_tokens(sent):
        if unreal(tok) or tok.pos_ == "VERB" and _in_meeting(tok, meeting):
            continue
        signers: set[int] = set()
        heads: set[int] = set()  # the signers' head words: a country or body signs as such only as one
        withs: set[int] = set()  # signed with
        fors: set[int] = set()  # signed for, on behalf of
        word = ""
        taken = {tok.i}
        verb = tok if tok.pos_ == "VERB" else _governor(tok)
        taken.add(verb.i)
        if tok.pos_ != "VERB" and tok.dep_ in ("nsubj", "nsubjpass"):
            pass  # "the signing took place in the presence of A and B": who saw it, below
        else:
            for c in verb.children:
                if c.dep_ == "nsubj" and c.lower_ not in ("who", "that", "which"):
                    signers |= subject_tokens(c)
                    heads |= {c.i, *(w.i for w in c.conjuncts)}
                    word = " ".join(w.text for w in c.subtree)
                elif c.dep_ == "agent":
                    signers |= {w.i for p in c.children for w in p.subtree}
                    heads |= {w.i for p in c.children for w in (p, *p.conjuncts)}
        be = _inverted(tok)
        if be is not None:  # "Signing the document were A for X and B for Y"
            signers |= {t.i for t in sent if t.i > be.i}
            taken.add(be.i)
        rest = _presence(verb) or next((c for c in verb.children if c.dep_ == "agent"), None)
        if rest is not None and tok.pos_ != "VERB":  # "in the presence of A, …, and B, who …": to the clause's end
            stop = LIST_END.search(text[rest.idx - sent.start_char:])
            end = rest.idx + (stop.start() if stop else len(text))
            signers |= {t.i for t in sent if rest.i < t.i and t.idx < end}
        # "signed X with Y", "presided over the signing of X with Y": on the verb, its object or the signing noun
        for t in (verb, *(w for c in verb.children if c.dep_ == "dobj" for w in c.subtree),
                  *(() if tok is verb else tok.subtree)):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "with":
                    withs |= _subtree(c)
                elif c.dep_ == "prep" and (c.lower_ == "for" or c.lower_ == "on" and any(
                        n.lower_ == "behalf" for n in c.children)):
                    fors |= _subtree(c)
        who = [m for m in within(signers) if m.type == "Person" and id(m) not in used]
        if not who and tok.pos_ == "VERB" and not word:
            # the parse lost the subject of a second signatory ("… for X and B signed for Y"): the names between the
            # signing told before and this verb
            before = max((t.i for t in sent if t.i < tok.i and t.lemma_.lower() in SIGN_VERBS), default=sent.start - 1)
            who = [m for m in within({t.i for t in sent if before < t.i < tok.i}, {"Person"}) if id(m) not in used]
        if not who:
            who = [m for m in within(heads) if m.type != "Person"]
        sides = [m for m in within(withs) if m.type == "Person"] or within(withs)
        fors_named = [m for m in within(fors | signers) if m.type != "Person" and _after_for(text, m.start - s_start)
                      and m not in sides and not text[m.end - s_start:].startswith(("'s", "’s"))]  # "for X's ministry"
        sides += fors_named
        # who signed for each side: the person named last before it
        sides_of = tuple((m, p[-1]) for m in fors_named
                         for p in [[q for q in who if q.end <= m.start and q.type == "Person"]] if p)
        if not who and not COLLECTIVE.match(word.strip()) and not (
                word.strip().lower() in ("he", "she") and any(m.type == "Person" for m in sides)):
            continue  # "agreements signed previously", "an accord signed with X", "at the signing": nobody told
        used |= {id(m) for m in who}
        places = [m for m in in_sent if m.type in ("Place",) and re.search(
            r"\b(?:in|at)\s+(?:the\s+)?$", text[max(0, m.start - s_start - 8):m.start - s_start])]
        side = SIDELINES.search(text)
        out.append((taken, Told("Signing", Sentence(s_start, s_end), who, word.strip(), sides, None, False,
                                places[0] if places else None,
                                bool(BEFORE.search(text[:tok.idx - sent.start_char])) or _past_perfect(tok),
                                summit_name(side.group(1)) if side else None, text, sides_of=sides_of)))
    if len(out) > 1:  # "they signed X, in addition to Y signed by A and B": one signing of the sentence's documents
        told = [t for _, t in out]
        word = next((t.subject_word for t in told if COLLECTIVE.match(t.subject_word)), told[0].subject_word)
        out = [(set().union(*(took for took, _ in out)), replace(
            told[0], subject=[m for t in told for m in t.subject], subject_word=word,
            objects=[m for t in told for m in t.objects], sides_of=tuple(x for t in told for x in t.sides_of),
            reported_cue=all(t.reported_cue for t in told)))]
    return out


def _after_for(text: str, pos: int) -> bool:
    """The mention at `pos` is what someone signed for: "for (the) X", "on behalf of (the) X"."""
    return bool(re.search(r"\b(?:for|on behalf of)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}$", text[max(0, pos - 60):pos]))


def government_land(text: str, lands: dict[str, str]) -> str | None:
    """The country a government names: "the Government of the Republic of X" → X's key (`lands`: names → keys)."""
    m = GOVERNMENT.search(text)
    if m is None:
        return None
    rest = text[m.end():]
    found = [(rest.find(name), -len(name), k) for name, k in lands.items() if name and name in rest]
    return min(found)[2] if found else None  # the first country named after it (of two there, the longer name)


def signing_event(ctx: Context, t: Told, parent: Event | None, start: str | None, ref: dt.date | None,
                  earlier: list[Event], signings: list[Event]) -> Event | None:
    """The ceremony of the signing `t` tells: its signatories and witnesses, the sides signed with or for (a
    government as its country), or for "they" / "the two sides" the people (for "the two countries": the countries)
    of the event told before. A signing told again on the same day (more signatories, who attended it) joins the
    one told before (`signings`, updated) and gives None."""
    entities, key_of, host = ctx.entities, ctx.key_of, ctx.host
    lands = {n: k for k, e in entities.items() if e.type == "Country" for n in (e.label, *e.aliases)}
    own = ctx.lands_of({host}) if host else set()

    def side(m: Mention) -> str | None:
        k = key_of.get(m)
        if k and entities[k].type == "Organization":
            return government_land(ctx.norm[m.start:m.end + 40], lands) or (None if GOVERNMENT.search(m.text) else k)
        return k

    keys = [k for k in map(side, t.subject) if k]
    if not keys and t.subject_word.lower() in ("he", "she") and earlier and earlier[-1].participants:
        keys = [earlier[-1].participants[0].entity]  # "he signed an accord with X": the one told of last
    mine = {id(m) for m, signer in t.sides_of if key_of.get(signer) == host}  # what the host signed for: his own side
    keys += [k for m, k in ((m, side(m)) for m in t.objects) if k and k not in keys and id(m) not in mine and not (
        entities[k].type == "Country" and k in own and any(entities[x].type == "Person" for x in keys))]
    if COLLECTIVE.match(t.subject_word) and earlier:
        prev = [q.entity for q in earlier[-1].participants]
        if re.search(r"countries|nations|governments|states", t.subject_word, re.I):
            prev = [k for k in prev if entities[k].type == "Country"] or sorted(ctx.lands_of(set(prev)))
        elif not keys and not any(not e.start or not start or e.start == start for e in signings):
            return None  # "the two ministers signed …" after their talks, naming no one else: part of those talks
        keys += [k for k in prev if k not in keys]
    if not keys:
        return None
    reported = parent is not None or t.reported_cue or bool(
        start and ref and len(start) == 10 and to_date(start) < ref - dt.timedelta(days=10))
    told = next((e for e in reversed(signings) if e.reported == reported and (
        not e.start or not start or e.start == start)), None)
    if told is not None:
        for k in keys:
            take_part(told, k, "host" if k == host else "guest", conf.COUNTERPART, "rule", t.sentence)
        return None
    ev = Event("", "Ceremony", "", start, None, t.sentence, "rule",
               conf.REPORTED_EVENT if reported else conf.TOLD_EVENT, reported=reported)
    for k in keys:
        take_part(ev, k, "host" if k == host else "guest", conf.SUBJECT, "rule", t.sentence)
    if t.place is not None and key_of.get(t.place):
        ev.place = key_of[t.place]
    if parent is not None:
        ev.part_of = parent.part_of or (parent.key if parent.type in ("StateVisit", "Visit") else None)
    ev.label = "Signing: " + ", ".join(entities[q.entity].label for q in ev.participants)
    ev.key = meeting_key(ev)
    signings.append(ev)
    return ev
