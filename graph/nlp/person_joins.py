"""Person spans joined and widened after all rules have run: halves of one name found by two rules joined ("Aleksandr"
+ "Lukashenko", "Sayyid Talal" + "bin Khalid Al-Harthy"), initials and given names before a family name taken in
("Foreign Minister AH Mahmood Ali"), regnal numbers and short name words at the edges added ("King Felipe VI"), a
given name left out in a list taken in, and an "organisation" of name words the text names again by its last word
retyped as a person."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..text import gazetteer as gz
from .names import VOCATIVES, honorific_words, is_name_token, is_name_word
from .tokens import DETERMINERS, doc_sentence_start

INITIALS = re.compile(r"^(?:[A-Z]{2,3}|(?:[A-Z]\.){1,3})$")
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
REGNAL = re.compile(r"^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XVI{0,3})$")


def join_split_names(spans: list[Span]) -> list[Span]:
    """"Aleksandr" (taken for a place) right before "Lukashenko" (a person): one person."""
    spans = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and s.label_ == "PERSON" and prev.end == s.start and len(prev) == 1 \
                and prev.label_ in ("GPE", "LOC", "ORG", "NORP") and is_name_token(prev[0]) \
                and gz.place_of(prev.text) is None and not (prev.start > 0 and s.doc[prev.start - 1].lower_ in
                                                              ("of", "in", "to", "from", "the", "for")):
            out[-1] = Span(s.doc, prev.start, s.end, label="PERSON")
            continue
        out.append(s)
    return out


def join_adjacent_persons(spans: list[Span]) -> list[Span]:
    """Two persons with only a space between are one name that two rules found in halves: "Attorney-General Aliya"
    (after a title) and "Khan-Prasad" (the model's), "Sayyid Talal" and "bin Khalid Al-Harthy"."""
    spans = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == s.label_ == "PERSON" and prev.end == s.start \
                and prev[-1].whitespace_ == " " and not prev[-1].is_punct:
            out[-1] = Span(s.doc, prev.start, s.end, label="PERSON")
            continue
        out.append(s)
    out = [_initials_before(s, out) if s.label_ == "PERSON" else s for s in out]
    out = [s for s in out if s.label_ == "PERSON" or not any(
        p.label_ == "PERSON" and p.start <= s.start and s.end <= p.end for p in out)]
    return [_widen_person(s, out) if s.label_ == "PERSON" else s for s in out]


def _initials_before(span: Span, spans: list[Span]) -> Span:
    """Initials and given names the model left out between a title and the family name: "Foreign Minister AH
    Mahmood Ali", "press secretary AKM Shameem Chowdhury". A run of initials is a name's only after a title; a
    one-token span of the model's that the run covers ("AKM" read as a code) gives way."""
    doc, k = span.doc, span.start
    owner = {i: x for x in spans if x is not span for i in range(x.start, x.end)}
    initials = False
    while k > 0 and span.start - k < 3 and doc[k - 1].whitespace_ == " ":
        tok = doc[k - 1]
        other = owner.get(k - 1)
        if other is not None and (len(other) > 1 or other.label_ in ("PERSON", "GPE")):
            break
        if tok.lower_ in gz.title_words() or tok.lower_ in honorific_words():
            break  # "Deputy PM Vo Van Thuong": an abbreviated title is no initials
        if INITIALS.match(tok.text) and gz.country_of(tok.text) is None:
            initials = True
        elif not is_name_token(tok):
            break
        k -= 1
    if not initials or k == 0 or doc[k - 1].lower_ not in gz.title_heads() | honorific_words():
        return span
    return Span(doc, k, span.end, label="PERSON", span_id=span.id_)


def _widen_person(span: Span, spans: list[Span]) -> Span:
    """A regnal number after a name ("King Felipe VI"), and a short family name the model reads as a word before it
    ("Ambassador to Kenya, Do Minh Khoa": "Do" capitalised inside a sentence, after a comma or a title)."""
    doc, s, e = span.doc, span.start, span.end
    taken = {i for x in spans if x is not span for i in range(x.start, x.end)}
    if e < len(doc) and REGNAL.match(doc[e].text) and e not in taken:
        e += 1
    elif e - s >= 2:  # "Pham Minh Tuan", "Dang Thi Ngoc Thinh": the model left out the last words of a long name
        k = e
        while k + 1 < len(doc) and k - s < 4 and k not in taken and doc[k - 1].whitespace_ == " " \
                and is_name_word(doc, k, k + 1) and doc[k].lower_ not in WEEKDAYS:
            k += 1
        if k + 1 < len(doc) and not (doc[k].text[:1].isupper() and doc[k].is_alpha):
            e = k
    if s >= 2 and s - 1 not in taken and _listed_given_name(doc, s - 1, spans):
        s -= 1  # "…; Ana Maria Lopez, …": a given name the model left out of a name in a list
    elif s >= 2 and s - 1 not in taken and doc[s - 1].is_stop and doc[s - 1].text.istitle() \
            and doc[s - 1].is_alpha and doc[s - 1].lower_ not in DETERMINERS and doc[s - 1].whitespace_ == " " \
            and not doc_sentence_start(doc[s - 1]) \
            and (doc[s - 2].text == "," or doc[s - 2].lower_ in gz.title_heads()):
        s -= 1
    return span if (s, e) == (span.start, span.end) else Span(doc, s, e, label="PERSON")


def _listed_given_name(doc, i: int, spans: list[Span]) -> bool:
    """Token i, a name word right after a list's comma or semicolon (or "and"), is the given name of the person after
    it: "…; Maria Elena Lopez, …" where the model took only "Elena Lopez". Not at a sentence's start, not a
    place. After a comma or "and" only where the item before is a person too: the words of a portfolio are listed
    the same way ("Minister for Water, Sanitation and Irrigation Ana Lopez")."""
    tok = doc[i]
    sep = doc[i - 1].text
    if sep in (",", "and") and not (i >= 2 and doc[i - 2].text == ";"):
        if not any(x.label_ == "PERSON" and x.end == i - 1 for x in spans):
            return False
    return sep in (",", ";", "and") and tok.whitespace_ == " " and is_name_token(tok) \
        and tok.lower_ not in WEEKDAYS and not doc_sentence_start(tok) and gz.place_of(tok.text) is None \
        and tok.text.istitle() and not (i + 1 < len(doc) and doc[i + 1].is_punct)


def named_again(spans: list[Span]) -> list[Span]:
    """An "organisation" of two or three name words whose last word the text uses again alone is a person: "met
    Natsu Okada, …; later Okada said …" (an organisation is named again whole or by its initials, a person by the
    family name). The lone uses the model typed as a place or organisation are that person too."""
    doc = spans[0].doc if spans else None
    out = list(spans)
    for n, s in enumerate(spans):
        words = [t for t in s if not t.is_space]
        if s.label_ != "ORG" or not 2 <= len(words) <= 3 or not all(is_name_token(t) for t in words) \
                or gz.place_of(s.text) is not None:
            continue
        last = words[-1].text
        # used alone: an entity of its own to the model, or after a title ("Mr Okada")
        ones = {o.start for o in spans if len(o) == 1 and o.label_ in ("GPE", "LOC", "ORG", "PERSON", "NORP")}
        alone = [t.i for t in doc if t.text == last and not s.start <= t.i < s.end and _alone(doc, t.i) and (
            t.i in ones or t.i > 0 and (doc[t.i - 1].lower_ in gz.title_heads() or doc[t.i - 1].lower_ in VOCATIVES))]
        if not alone:
            continue
        out[n] = Span(doc, s.start, s.end, label="PERSON")
        for m, o in enumerate(out):
            if o.start in alone and len(o) == 1 and o.label_ in ("GPE", "LOC", "ORG") \
                    and gz.country_of(o.text) is None and gz.place_of(o.text) is None:
                out[m] = Span(doc, o.start, o.end, label="PERSON")
    return out


def _alone(doc, i: int) -> bool:
    """Token i is a capitalised word with no other name word right before or after it."""
    return not (i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha and not doc_sentence_start(doc[i])) \
        and not (i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and doc[i + 1].is_alpha)
