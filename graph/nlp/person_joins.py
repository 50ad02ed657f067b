"""Person spans joined and widened after all rules have run: halves of one name found by two rules joined ("Aleksandr"
+ "Lukashenko", "Sayyid Talal" + "bin Khalid Al-Harthy"), initials and given names before a family name taken in
("Foreign Minister AH Mahmood Ali"), regnal numbers and short name words at the edges added ("King Felipe VI"), a
given name left out in a list taken in, and an "organisation" of name words the text names again by its last word
retyped as a person."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..text import gazetteer as gz
from .names import PARTICLES, VOCATIVES, honorific_words, is_name_token, is_name_word, name_run
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
        if prev is not None and s.label_ == "PERSON" and prev.end == s.start and _given_name_glued(prev):
            # "High Commissioner of the Republic of Malawi Tamanda" + "Grace Phiri"
            out[-1] = Span(s.doc, prev.start, prev.end - 1, label=prev.label_)
            out.append(Span(s.doc, prev.end - 1, s.end, label="PERSON"))
            continue
        out.append(s)
    return out


def join_particle_names(spans: list[Span]) -> list[Span]:
    """"Ursula" + "von der" + "Leyen" (taken for a place or left out): a person's name goes on over its lower-case
    particles to the capitalised word after them, which no country is."""
    spans = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    dropped: set[int] = set()
    for s in spans:
        if s.start in dropped:
            continue
        doc, k = s.doc, s.end
        while s.label_ == "PERSON" and k < len(doc) and doc[k].text in PARTICLES and doc[k - 1].whitespace_:
            k += 1
        if k == s.end or k >= len(doc) or not (is_name_token(doc[k]) and doc[k].text[:1].isupper()) \
                or gz.country_of(doc[k].text) is not None:
            out.append(s)
            continue
        nxt = [x for x in spans if x is not s and x.start < k + 1 and s.end <= x.end and x.start >= s.end]
        if any(len(x) > (3 if x.label_ == "PERSON" and x.start == k else 2) for x in nxt):
            out.append(s)
            continue
        e = max([k + 1] + [x.end for x in nxt])
        dropped |= {x.start for x in nxt}
        out.append(Span(doc, s.start, e, label="PERSON"))
    return out


def _given_name_glued(span: Span) -> bool:
    """The last word of a place or organisation is a given name glued to it: a name word after a country's name
    or an organisation's word ("Republic of Malawi Tamanda")."""
    doc, last = span.doc, span[-1]
    if span.label_ not in ("GPE", "ORG", "LOC") or len(span) < 2 or not is_name_token(last) or not last.is_alpha \
            or gz.place_of(last.text) is not None or not span[-2].whitespace_:
        return False
    before = doc[span.start:span.end - 1]
    return span[-2].lower_ in gz.org_heads() or any(gz.country_of(before[k:].text) is not None
                                                    for k in range(max(0, len(before) - 3), len(before)))


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


LIST_SEPARATORS = {",", ";", "and", "&"}


def listed_among_persons(spans: list[Span]) -> list[Span]:
    """An "organisation" of two to four name words listed between persons is a person: "met Presidents A (X), B C D
    (Y) and E (Z)" where the model typed B C D as an organisation. The items before and after it, across a list's
    comma, semicolon or "and" (and a bracketed country), are persons, or one is and a bracketed country follows it;
    an organisation's word keeps it one, and so does an "of" before it (a body, then who heads it)."""
    spans = sorted(spans, key=lambda s: s.start)
    doc = spans[0].doc if spans else None
    out = list(spans)
    for n, s in enumerate(spans):
        words = [t for t in s if not t.is_space and t.text not in ("-", "'", "’")]
        if s.label_ != "ORG" or not 2 <= len(words) <= 4 or not all(is_name_token(t) for t in words) \
                or gz.place_of(s.text) is not None:
            continue
        before = next((x for x in reversed(spans[:n]) if x.end <= s.start and x.label_ in ("PERSON", "ORG")), None)
        after = next((x for x in spans[n + 1:] if x.start >= s.end and x.label_ in ("PERSON", "ORG")), None)
        if s.start > 0 and doc[s.start - 1].lower_ in ("of", "the", "for", "at", "from", "by"):
            continue  # "the chairman of Hanbit Steel, Ana Ruiz": a body and who heads it, not a list
        prev_listed = before is not None and before.label_ == "PERSON" and _listed(doc, before.end, s.start)
        next_listed = after is not None and after.label_ == "PERSON" and _listed(doc, s.end, after.start)
        bracket = s.end < len(doc) and doc[s.end].text == "("  # "B C D (Niger)": a name and the country it is of
        if prev_listed and next_listed or (prev_listed or next_listed) and bracket:
            out[out.index(s)] = Span(doc, s.start, s.end, label="PERSON")
    return out


def _listed(doc, i: int, j: int) -> bool:
    """Tokens i..j are a list's separator, maybe after a bracketed word or two: ", ", " and ", " (Gabon), "."""
    toks = [t for t in doc[i:j] if not t.is_space]
    if toks and toks[0].text == "(":
        close = next((k for k, t in enumerate(toks) if t.text == ")"), None)
        if close is None or close > 4:
            return False
        toks = toks[close + 1:]
    return 1 <= len(toks) <= 2 and all(t.lower_ in LIST_SEPARATORS for t in toks)


def split_coordinated(spans: list[Span]) -> list[Span]:
    """One span of two names joined by "and" the text names apart elsewhere: "Kowal and Novak discussed …" after
    "Jan Kowal met Petra Novak" is two persons (a company "Marks and Spencer" is never named apart as persons)."""
    doc = spans[0].doc if spans else None
    persons = [s for s in spans if s.label_ == "PERSON"]
    out: list[Span] = []
    for s in spans:
        ands = [t.i for t in s if t.lower_ == "and"]
        if s.label_ in ("ORG", "PERSON") and len(ands) == 1 and s.start < ands[0] < s.end - 1:
            halves = [Span(doc, s.start, ands[0], label="PERSON"), Span(doc, ands[0] + 1, s.end, label="PERSON")]
            if all(name_run(doc, h.start, most=4) == h.end and _named_apart(h, persons) for h in halves):
                out.extend(halves)
                continue
        out.append(s)
    return out


def _named_apart(half: Span, persons: list[Span]) -> bool:
    """A person of the text is named by these words, or ends in them (a family name used alone)."""
    words = half.text.split()
    return any(p.text.split()[-len(words):] == words for p in persons
               if not (p.start <= half.start and half.end <= p.end))
