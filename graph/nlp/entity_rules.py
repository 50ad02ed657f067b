"""The rules of the `kg_entities` component (model.py): the model's entities repaired with general rules, and
entities the model misses found by rule (persons after titles and vocatives, places after place nouns, projects,
equipment named by class). Functions of a `Doc`; what they return is spans.

Why over 350 lines: one family of rules over the same token helpers (`name_run`, `_is_name_word`, `_free`), each
short and tested through tests/test_nlp_rules.py; split, they would import each other's helpers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..text import gazetteer as gz

KEEP = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EQUIPMENT", "PROJECT"}
DESIGNATION = r"^(?!COVID|SARS|MERS|G-?\d)[A-Z][A-Za-z]{0,4}-\d{1,4}[A-Z0-9]{0,4}$"
VOCATIVES = {"dear", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "comrade", "madam", "sir", "his", "her", "excellency",
             "your", "majesty", "highness", "h.e.", "dr", "dr.", "mister"}
DETERMINERS = {"the", "a", "an", "this", "that", "our", "my", "your", "his", "her", "their"}
PLACE_HEADS = ("training area", "training ground", "military training area", "city of", "town of", "village of",
               "region of", "province of")
PLACE_SUFFIXES = {"region", "oblast", "province", "district", "krai", "governorate", "county", "square", "airport"}
COMPLEMENT_HEADS = {"roadmap", "road map", "programme", "program", "strategy", "plan"}
WEAK_PROJECT_HEADS = {"programme", "program", "initiative", "roadmap", "road map", "hub", "corridor", "park",
                      "project"}
GENERIC_MODIFIERS = {"state", "government", "national", "new", "joint", "large", "big", "major", "federal", "special",
                     "whole", "entire", "first", "second", "third", "next", "current", "main", "key", "important",
                     "investment", "regional", "local", "international", "bilateral", "this", "that", "other",
                     "planned", "proposed", "future", "largest", "biggest", "first", "last", "promising"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}



def repair_entities(doc: Doc, keep: set[str] = KEEP) -> Doc:
    """Repair the model's entities with general rules and write them back to `doc.ents`:
    determiners and vocatives trimmed, countries and equipment retyped from the gazetteers, titles cut off names,
    names split off organisations they were glued to ("… Committee Anatoly Lappo"), persons after titles and
    vocatives ("President Lukashenko", "Dear Aleksandr Grigoryevich"), places after place nouns, projects."""
    spans: list[Span] = []
    for ent in doc.ents:
        if ent.label_ == "PRODUCT" and re.match(DESIGNATION, ent.text):
            ent = Span(doc, ent.start, ent.end, label="EQUIPMENT")
        if ent.label_ not in keep:
            continue
        spans.extend(_repair(ent))
    spans = _join_split_names(spans)
    places = _places(doc)
    spans.extend(_brand_models(doc))
    spans.extend(s for s in _named_by_class(doc) if not any(x.start < s.end and s.start < x.end for x in spans
                                                            if x.label_ in ("EQUIPMENT", "PERSON", "GPE")))
    titled = _titled_persons(doc, spans + places)
    # a name after a title is a person even where the model saw a place in it ("President Vučić")
    spans = [s for s in spans if not any(t.start < s.end and s.start < t.end for t in titled)
             or s.label_ in ("PERSON", "EQUIPMENT") or s.label_ == "GPE" and gz.country_of(s.text)]
    spans.extend(titled)
    spans.extend(_persons_after_posts(doc, spans + places))
    spans.extend(_initialled_names(doc, spans + places))
    rules = places + _projects(doc)
    doc.ents = _join_adjacent_persons(_merge(spans, rules))
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.id_:
            for tok in ent:  # a code the model read inside a name ("AKM") leaves its gazetteer id on the tokens
                tok.ent_id_ = ""
    return doc


def _join_adjacent_persons(spans: list[Span]) -> list[Span]:
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


# "U.Khurelsukh", "Ts.Elbegdorj": a name written with the initial of the father's name glued before it
INITIALLED = re.compile(r"^[A-Z][a-z]?\.[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?$")


def _initialled_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A word that no entity covers, written as an initial and a name with no space between ("L.Oyun-Erdene" in
    "met L.Oyun-Erdene and B.Battsetseg"): a person, unless the gazetteers know it as a place."""
    free = _free(doc, spans)
    out = []
    for i, tok in enumerate(doc):
        if free[i] and INITIALLED.match(tok.text) and gz.country_of(tok.text) is None \
                and gz.place_of(tok.text) is None and gz.place_of(tok.text.replace(".", ". ")) is None:
            out.append(Span(doc, i, i + 1, label="PERSON"))
    return out


INITIALS = re.compile(r"^(?:[A-Z]{2,3}|(?:[A-Z]\.){1,3})$")


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
        if INITIALS.match(tok.text) and gz.country_of(tok.text) is None:
            initials = True
        elif not _is_name_token(tok):
            break
        k -= 1
    if not initials or k == 0 or doc[k - 1].lower_ not in gz.title_heads() | _honorific_words():
        return span
    return Span(doc, k, span.end, label="PERSON", span_id=span.id_)


WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
REGNAL = re.compile(r"^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XVI{0,3})$")


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
                and _is_name_word(doc, k, k + 1) and doc[k].lower_ not in WEEKDAYS:
            k += 1
        if k + 1 < len(doc) and not (doc[k].text[:1].isupper() and doc[k].is_alpha):
            e = k
    if s >= 2 and s - 1 not in taken and doc[s - 1].is_stop and doc[s - 1].text.istitle() \
            and doc[s - 1].is_alpha and doc[s - 1].lower_ not in DETERMINERS and doc[s - 1].whitespace_ == " " \
            and not doc_sentence_start(doc[s - 1]) and (doc[s - 2].text == "," or doc[s - 2].lower_ in gz.title_heads()):
        s -= 1
    return span if (s, e) == (span.start, span.end) else Span(doc, s, e, label="PERSON")


@lru_cache(maxsize=1)
def _honorific_words() -> frozenset[str]:
    """One-word honorifics ("sheikh", "hon.", "hon", "datuk"): never a word of the name they stand before."""
    words = set()
    for h in gz.honorifics():
        if " " not in h:
            words.update((h.lower(), h.lower().rstrip(".")))
    return frozenset(words)


def honorific_end(doc: Doc, i: int) -> int:
    """Where an honorific printed at token i ends ("Datuk Seri", "Hon.", "H.E."), i if there is none."""
    tok = doc[i]
    # the next few tokens only: `doc.text` is built anew on each read, so reading it per token was quadratic
    window = doc[i:i + 8].text + (" " if i + 8 >= len(doc) else doc[i + 7].whitespace_ or "x")
    for h in gz.honorifics():
        if window.startswith(h) and len(window) > len(h) and window[len(h)].isspace():
            end = tok.idx + len(h)
            span = doc.char_span(tok.idx, end, alignment_mode="expand")
            if span is not None and span.end_char == end:
                return span.end
    return i


def _join_split_names(spans: list[Span]) -> list[Span]:
    """"Aleksandr" (taken for a place) right before "Lukashenko" (a person): one person."""
    spans = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and s.label_ == "PERSON" and prev.end == s.start and len(prev) == 1 \
                and prev.label_ in ("GPE", "LOC", "ORG", "NORP") and _is_name_token(prev[0]) \
                and gz.place_of(prev.text) is None and not (prev.start > 0 and s.doc[prev.start - 1].lower_ in
                                                              ("of", "in", "to", "from", "the", "for")):
            out[-1] = Span(s.doc, prev.start, s.end, label="PERSON")
            continue
        out.append(s)
    return out


def _merge(spans: list[Span], rules: list[Span]) -> list[Span]:
    """Rule spans (places after place nouns, projects) replace the model's spans they overlap; among the rest the
    longest wins."""
    rules = filter_spans([s for s in rules if len(s) and s.text.strip()])
    taken = set()
    for r in rules:
        taken.update(range(r.start, r.end))
    kept = [s for s in spans if len(s) and s.text.strip() and not taken.intersection(range(s.start, s.end))]
    return filter_spans(kept + rules)


def _is_name_token(tok) -> bool:
    t = tok.text
    low = t.lower().rstrip(".")
    return (
        bool(re.match(r"^(?:[^\W\d_]\.)*[^\W\d_][^\W\d_'’]*(?:-[^\W\d_]+)?$", t)) and t[0].isupper()
        and (len(t) == 1 or not t[1:].replace("-", "").replace("'", "").isupper())
        and low not in gz.org_heads()
        and low not in gz.title_words()
        and low not in MONTHS
        and low not in VOCATIVES
        and t.lower() not in _honorific_words()
        and gz.country_of(t) is None
        and t not in gz.demonym_index()
        and not tok.is_stop
    )


def _word_end(doc: Doc, i: int) -> int:
    """The end of the whitespace-delimited word starting at token i ("Kassym-Jomart" is three tokens)."""
    k = i + 1
    while k < len(doc) and not doc[k - 1].whitespace_ and doc[k].text in ("-", "'") and k + 1 < len(doc) \
            and not doc[k].whitespace_:
        k += 2
    return k


def _is_name_word(doc: Doc, i: int, k: int) -> bool:
    toks = [doc[x] for x in range(i, k) if doc[x].text not in ("-", "'")]
    return bool(toks) and all(_is_name_token(t) for t in toks) and (k - i == 1 or doc[i:k].text.count("-") == 1)


PARTICLES = {"da", "de", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn", "al",
             "el", "la", "le", "du", "ter", "ten"}


def name_run(doc: Doc, j: int, free: list[bool] | None = None, most: int = 3) -> int:
    """Where a run of up to `most` name-like words starting at token j ends (j if there is none); particles inside
    a name are part of it ("Luiz Inácio Lula da Silva")."""
    k, words = j, 0
    while k < len(doc) and words < most + 1:
        if words and doc[k].lower_ in PARTICLES and doc[k].text.islower() and k + 1 < len(doc) \
                and _is_name_token(doc[k + 1]) and (free is None or free[k]):
            k += 1
            continue
        e = _word_end(doc, k)
        if not _is_name_word(doc, k, e) or (free is not None and not all(free[x] for x in range(k, e))):
            break
        k, words = e, words + 1
        if words >= most and not (k < len(doc) and doc[k].lower_ in PARTICLES):
            break
        while k < len(doc) and doc[k].is_space and k + 1 < len(doc) and _is_name_token(doc[k + 1]):
            k += 1  # a double space left by removed brackets
    return k


def _trim(span: Span) -> Span | None:
    doc, s, e = span.doc, span.start, span.end
    while s < e and (doc[s].lower_ in DETERMINERS or doc[s].lower_ in VOCATIVES or doc[s].is_space
                     or doc[s].is_punct):
        s += 1
    while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct and doc[e - 1].text not in ")"
                     or doc[e - 1].lower_ in ("'s", "'d", "'ll", "i", "'ve", "'m")
                     or doc[e - 1].text.islower()):
        e -= 1
    if e > s and doc[s:e].text.count("(") != doc[s:e].text.count(")"):
        e = s + next((i for i, t in enumerate(doc[s:e]) if t.text == "("), e - s)
        while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct):
            e -= 1
    return Span(doc, s, e, label=span.label_, span_id=span.id_) if e > s else None


def _repair(ent: Span) -> list[Span]:
    span = _trim(ent)
    if span is None:
        return []
    doc, label = span.doc, span.label_
    if label != "EQUIPMENT" and (c := gz.country_of(span.text)) is not None:
        return [Span(doc, span.start, span.end, label="GPE", span_id=c.name)]
    if label in ("PERSON", "ORG", "NORP") and gz.place_of(span.text) is not None:
        return [Span(doc, span.start, span.end, label="LOC")]  # "Vilnius", "Dushanbe" taken for persons
    if label == "NORP":
        return [span]
    if label == "PERSON":
        # a title inside a PERSON span: "President Xi Jinping" → "Xi Jinping"
        s = span.start
        while s < span.end and (doc[s].lower_ in gz.title_words() or doc[s].lower_ in VOCATIVES
                                or doc[s].lower_ in ("of", "the") or honorific_end(doc, s) > s):
            s = max(s + 1, honorific_end(doc, s))
        if s == span.end:
            return []
        if any(t.lower_ in _honorific_words() for t in doc[s + 1:span.end]):
            return []  # "Chief Minister Sindh Syed" + "Murad Ali Shah": the name starts at the honorific
        # a hyphenated given name the model cut: "Park Min" + "-jun"
        e = span.end
        while e + 1 < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_ and not doc[e].whitespace_ \
                and doc[e + 1].is_alpha:
            e += 2
        if e != span.end:
            span = Span(doc, span.start, e, label="PERSON")
        # a country glued before the name: "Ambassador to Vietnam Ha Vi" → "Vietnam" and "Ha Vi"
        for k in range(min(span.end - 1, s + 3), s, -1):
            if gz.country_of(doc[s:k].text) is not None and k < span.end:
                return [Span(doc, s, k, label="GPE"), Span(doc, k, span.end, label="PERSON")]
        if not all(_is_name_token(t) or t.is_space or t.text in ("-", "'") for t in doc[s:span.end]):
            if any(t.lower_ in gz.org_heads() for t in doc[s:span.end]):
                return [Span(doc, s, span.end, label="ORG")]
        return [Span(doc, s, span.end, label="PERSON")]
    if label in ("ORG", "GPE", "FAC", "LOC"):
        tail = _name_tail(span)
        if tail is not None:
            head = _trim(Span(doc, span.start, tail.start, label=label))
            if head is not None and all(t.lower_ in gz.title_words() or t.text in gz.demonym_index()
                                        or t.lower_ in ("of", "the") or t.is_space for t in head):
                head = None  # "Kazakh President" is a title, not an organisation
            out = [tail]
            if head is not None:
                out.extend(_repair(head) if head.label_ != label or len(head) < len(span) else [head])
            return out
        if label == "ORG" and _looks_like_person(span):
            return [Span(doc, span.start, span.end, label="PERSON")]
    return [span]


def _name_tail(span: Span) -> Span | None:
    """A person's name glued to the end of an organisation: the last 2-3 name-like words after a word that ends an
    organisation's or place's name (Committee, Region, a country, a closing bracket), or after any name that
    follows "<Title> of" ("Prime Minister of Ruritania Jan Kowal")."""
    doc = span.doc
    starts = []
    i = span.start
    while i < span.end:
        if doc[i].is_space:
            i += 1
            continue
        starts.append(i)
        i = _word_end(doc, i)
    titled = span.start >= 2 and doc[span.start - 1].lower_ in ("of", "the", "for") and any(
        t.lower_ in gz.title_heads() for t in doc[max(0, span.start - 4):span.start])
    for n in (3, 2):
        if len(starts) <= n:
            continue
        first = starts[-n]
        if name_run(doc, first, most=n) < span.end:
            continue
        before = doc[_word_end(doc, starts[-n - 1]) - 1]
        ends_org = (before.lower_ in gz.org_heads() or before.lower_ in PLACE_SUFFIXES
                    or before.lower_ in gz.title_heads() and before.text[:1].isupper()
                    or gz.country_of(before.text) is not None
                    or before.text in (")",) or before.text.isupper() and len(before.text) > 1
                    or titled and n == 2 and before.text[:1].isupper())
        if ends_org:
            return Span(doc, first, span.end, label="PERSON")
    return None


def _looks_like_person(span: Span) -> bool:
    """An ORG made only of name-like words, right after a vocative or title: "Dear Aleksandr Grigoryevich"."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if name_run(span.doc, span.start, most=4) < span.end:
        return False
    patronymic = bool(re.search(r"(?:ovich|evich|ich|ovna|evna|ichna|uly|kyzy)$", span[-1].text))
    return patronymic or (prev is not None and (prev.lower_ in VOCATIVES or prev.lower_ in gz.title_words()))


def _free(doc: Doc, taken: list[Span]) -> list[bool]:
    free = [True] * len(doc)
    for s in taken:
        for i in range(s.start, s.end):
            free[i] = False
    return free


def _titled_persons(doc: Doc, spans: list[Span]) -> list[Span]:
    """Name-like tokens after a title or vocative that no person, country or equipment covers: "President
    Lukashenko", "Dear Aleksandr Grigoryevich Lukashenko", "Prime Minister Marek Halas" (even where the model
    took "Halas" for a place)."""
    free = _free(doc, [s for s in spans if s.label_ in ("PERSON", "EQUIPMENT") or s.label_ == "GPE"
                       and gz.country_of(s.text) is not None])
    out = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        cue = (tok.text[:1].isupper() and (tok.lower_ in gz.title_heads() or _plural_title(tok)))  \
            or tok.lower_ in ("dear", "mr.", "mr", "mrs.", "ms.", "comrade")
        h = honorific_end(doc, i) if tok.text[:1].isupper() else i
        if (cue or h > i) and i + 1 < len(doc):
            j = max(i + 1, h)
            while j < len(doc) and honorific_end(doc, j) > j:  # "H.E. Dr. Ali", "HH Sheikh Tamim"
                j = honorific_end(doc, j)
            if doc[j].lower_ == "of":  # "Minister of Energy Olga Vesely": the portfolio belongs to the title
                rest = doc[j + 1:j + 7].text
                port = next((p for p in gz.portfolios() if rest.startswith(p + " ")), None)
                if port:
                    j = j + 1 + len(doc.char_span(doc[j + 1].idx, doc[j + 1].idx + len(port),
                                                  alignment_mode="expand"))
            while j < len(doc) and (doc[j].is_space or doc[j].lower_ in gz.title_words() and doc[j].text[:1].isupper()
                                    or doc[j].lower_ in ("mr.", "mr")):
                j += 1
            k = name_run(doc, j, free, most=4)
            if k < len(doc) and honorific_end(doc, k) > k:
                k = j  # "Chief Minister Sindh Syed Murad Ali Shah": the name starts at the honorific
            if k > j and free[j]:
                out.append(Span(doc, j, k, label="PERSON"))
                i = k
                continue
        i += 1
    return out


def _plural_title(tok) -> bool:
    """"comprised Deputies Thiago Moraes Cunha and …": a title in the plural right before a list of names (not the
    end of a body's name: "the Council of Ministers")."""
    word, doc = tok.lower_, tok.doc
    if tok.i == 0 or doc[tok.i - 1].lower_ in ("of", "the", "and") or tok.i + 1 >= len(doc) \
            or doc[tok.i + 1].is_space or not tok.whitespace_:
        return False
    return word.endswith("ies") and word[:-3] + "y" in gz.title_heads() or word.endswith("s") \
        and word[:-1] in gz.title_heads()


def phrase_hits(lowers: list[str], phrases) -> list[tuple[int, tuple[str, ...]]]:
    """(position, phrase) for every occurrence of the word tuples `phrases` in `lowers`, in one pass over the text
    (an index by first word, so the cost grows with the text, not with text × phrases)."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for ph in phrases:
        by_first.setdefault(ph[0], []).append(ph)
    hits = []
    for i, w in enumerate(lowers):
        for ph in by_first.get(w, ()):
            if tuple(lowers[i:i + len(ph)]) == ph:
                hits.append((i, ph))
    return hits


@lru_cache(maxsize=1)
def _class_words() -> dict[tuple[str, ...], int]:
    """Equipment class phrases as lower-case token tuples (singular and plural) → length."""
    out = {}
    for c in gz.equipment_classes():
        words = tuple(c.replace("-", " - ").split())
        out[words] = len(words)
        out[words[:-1] + (words[-1] + "s",)] = len(words)
    return out


def _named_by_class(doc: Doc) -> list[Span]:
    """A capitalised name right next to a kind of equipment: "the Wing Loong drones", "the multiple rocket launcher
    Polonez" (countries, demonyms, persons' titles and organisations' words excluded)."""
    out = []
    lowers = [t.lower_ for t in doc]
    for i, words in phrase_hits(lowers, _class_words()):
        n = len(words)
        k = i + n  # after: "… system Polonez"
        if k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha and _equipment_name(doc[k]):
            out.append(Span(doc, k, k + 1, label="EQUIPMENT"))
        j = i  # before: "Wing Loong drones"
        while j > 0 and j > i - 3 and doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha \
                and _equipment_name(doc[j - 1]):
            j -= 1
        if j < i and not (j > 0 and doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha):
            out.append(Span(doc, j, i, label="EQUIPMENT"))
    return out


def _equipment_name(tok) -> bool:
    t = tok.text
    return (gz.country_of(t) is None and t not in gz.demonym_index() and tok.lower_ not in gz.org_heads()
            and tok.lower_ not in gz.title_words() and not tok.is_stop and tok.lower_ not in MONTHS
            and gz.place_of(t) is None and not (tok.i == 0 or doc_sentence_start(tok)))


def doc_sentence_start(tok) -> bool:
    return tok.is_sent_start is True or tok.i > 0 and tok.doc[tok.i - 1].text in (".", "!", "?", "\n")


def _brand_models(doc: Doc) -> list[Span]:
    """A brand and a model number before a kind of equipment: "Belarus 3522 tractors", "Vector 410 combines"."""
    classes = {c.split()[-1] for c in gz.equipment_classes()}
    out = []
    for i in range(len(doc) - 2):
        a, b, c = doc[i], doc[i + 1], doc[i + 2]
        noun = c.lower_[:-1] if c.lower_.endswith("s") else c.lower_
        if a.text[:1].isupper() and a.is_alpha and re.fullmatch(r"\d{2,5}[A-Z]?", b.text) and \
                (noun in classes or c.lower_ in classes):
            out.append(Span(doc, i, i + 2, label="EQUIPMENT"))
    return out


def _persons_after_posts(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Premier of the State Council of the People's Republic of China Li Keqiang": name-like tokens right after an
    organisation or country that follows "<Title> of [the]"."""
    free = _free(doc, spans)
    out = []
    for s in spans:
        if s.label_ not in ("ORG", "GPE", "LOC") or s.start < 2:
            continue
        before = [t.lower_ for t in doc[max(0, s.start - 3):s.start]]
        if "of" not in before[-2:]:
            continue
        k = s.end
        while k < len(doc) and doc[k].is_space:
            k += 1
        j = k
        k = name_run(doc, j, free)
        title_before = any(t.lower_ in gz.title_heads() for t in doc[max(0, s.start - 6):s.start])
        if k > j and len(doc[j:k].text.split()) >= 2 and title_before:
            out.append(Span(doc, j, k, label="PERSON"))
    # "the President of the Republic, Luiz Inácio Lula da Silva, received …": a title, its body, a comma, a name
    for i, tok in enumerate(doc):
        if tok.lower_ not in gz.title_heads() or not (tok.text[:1].isupper() or i > 0 and doc[i - 1].lower_ == "the"):
            continue
        j = i + 1
        if j < len(doc) and doc[j].lower_ == "of":
            j += 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "the")
            while j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha:
                j += 1
        if j + 1 < len(doc) and doc[j].text == ",":
            k = name_run(doc, j + 1, free, most=4)
            if len(doc[j + 1:k].text.split()) >= 2 and (k >= len(doc) or doc[k].text in (",", ".", ")", ";")):
                out.append(Span(doc, j + 1, k, label="PERSON"))
    # "Pavel Orlov, Chairman of the Board of …": a name followed by a comma and a title
    for i in range(len(doc)):
        if not free[i] or (i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha):
            continue
        k = name_run(doc, i, free)
        if k - i >= 2 and k + 1 < len(doc) and doc[k].text == "," and \
                re.match(r"\s*(?:the\s+)?(?:Deputy |Vice |First |Acting )*(?:" + "|".join(
                    re.escape(t) for t in gz.titles()) + r")\b", doc[k + 1:k + 6].text):
            out.append(Span(doc, i, k, label="PERSON"))
    # the model saw nothing: "Prime Minister of Ruritania Jan Kowal" → a place or body, then a two-word name
    for i, tok in enumerate(doc):
        if tok.lower_ != "of" or i == 0 or doc[i - 1].lower_ not in gz.title_heads():
            continue
        j = i + 1 + (doc[i + 1].lower_ == "the" if i + 1 < len(doc) else 0)
        k = j
        while k < len(doc) and free[k] and doc[k].text[:1].isupper() and doc[k].is_alpha \
                and doc[k].lower_ not in gz.org_heads():
            k += 1
        if k - j >= 3 and all(_is_name_token(t) for t in doc[k - 2:k]) and not (k < len(doc) and doc[k].is_alpha
                                                                                and doc[k].text[:1].isupper()):
            out.append(Span(doc, j, k - 2, label="GPE"))
            out.append(Span(doc, k - 2, k, label="PERSON"))
    return out


def _places(doc: Doc) -> list[Span]:
    """A capitalised name right after a place noun: "the military training area Obuz-Lesnovsky"."""
    out = []
    text_lower = [t.lower_ for t in doc]
    for i in range(len(doc)):
        for head in PLACE_HEADS:
            words = head.split()
            if text_lower[i:i + len(words)] != words:
                continue
            j = i + len(words)
            k = j
            while k < len(doc) and (doc[k].text[:1].isupper() and doc[k].is_alpha or doc[k].text == "-"
                                    and k + 1 < len(doc) and doc[k + 1].text[:1].isupper()):
                k += 1
            if k > j and doc[j].text[:1].isupper():
                out.append(Span(doc, j, k, label="LOC"))
    for i, tok in enumerate(doc):  # "the Vitebsk Region", "Minsk Oblast"
        if tok.lower_ in PLACE_SUFFIXES and tok.text[:1].isupper() and i > 0:
            j = i
            while j > 0 and doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha and \
                    doc[j - 1].lower_ not in gz.title_words() and i - j < 3:
                j -= 1
            if j < i:
                out.append(Span(doc, j, i + 1, label="LOC"))
    return out


def _projects(doc: Doc) -> list[Span]:
    """Noun phrases headed by a project noun with a modifier: "a mining and processing plant", "the Geely car
    plant", "Great Stone Industrial Park", "the biotechnological cluster"."""
    out = []
    lowers = [t.lower_ for t in doc]
    heads = {tuple(h.split()): h for h in gz.project_heads()}
    for i, words in sorted(phrase_hits(lowers, heads), key=lambda x: -len(x[1])):
        head = heads[words]
        n = len(words)
        end = i + n
        if end < len(doc) and doc[end].lower_ in ("for", "on", "until", "till", "with") and \
                head in COMPLEMENT_HEADS:
            # "the roadmap for industrial cooperation", "roadmap on water and energy cooperation",
            # "roadmap until 2026", "the roadmap with Belarus"
            k = end + 1
            while k < len(doc) and k - end <= 6 and doc[k].pos_ not in ("VERB", "AUX") and (
                    doc[k].is_alpha and not doc[k].is_stop or doc[k].like_num
                                                     or doc[k].lower_ == "and" and k + 1 < len(doc)
                                                     and doc[k + 1].is_alpha and not doc[k + 1].is_stop):
                k += 1
            if k > end + 1:
                out.append(Span(doc, i, k, label="PROJECT"))
            continue
        if end < len(doc) and doc[end].lower_ in ("of", "for", "on"):
            continue  # "manufacturing of vitamins": the phrase goes on, no name here
        if end < len(doc) and doc[end].is_alpha and not doc[end].is_stop and doc[end].text.islower() \
                and doc[end].pos_ in ("NOUN", "PROPN", ""):
            continue  # "manufacturing capabilities": the head noun is further right
        s = i
        while s > 0:
            prev = doc[s - 1]
            if prev.is_alpha and not prev.is_stop and prev.lower_ not in DETERMINERS or prev.text == "-":
                s -= 1
            elif prev.lower_ == "and" and s - 2 >= 0 and doc[s - 2].is_alpha and not doc[s - 2].is_stop:
                s -= 1
            else:
                break
        while s < i and (doc[s].lower_ in GENERIC_MODIFIERS or doc[s].lower_ == "and"):
            s += 1  # "a new nuclear power plant" → "nuclear power plant"
        mods = [t.lower_ for t in doc[s:i] if t.is_alpha]
        if head in WEAK_PROJECT_HEADS and not any(t.text[:1].isupper() for t in doc[s:i]) and \
                all(m in GENERIC_MODIFIERS for m in mods):
            continue
        if s < i and doc[s].lower_ != "and":
            if doc[i].text[:1].isupper():  # "China-Belarus Industrial Park Great Stone": the name follows
                k = name_run(doc, end, most=3)
                end = k if k > end else end
            out.append(Span(doc, s, end, label="PROJECT"))
    return out
