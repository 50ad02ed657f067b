"""Persons the model missed, found by rule: names after a title, vocative or honorific ("President Lukashenko",
"Dear Aleksandr Grigoryevich", "Deputies Thiago Moraes Cunha and …"), names around a post ("Premier of the State
Council … Li Keqiang", "Pavel Orlov, Chairman of …", "High Commissioner to Ruritania Ana Ruiz"), names written with
a glued initial ("L.Oyun-Erdene"), and the items of a list of envoys of one form ("A from Peru, B from Chile, …").
Each function returns new PERSON spans (and, for "<Title> of <Place> <Name>", the place) over tokens no given span
covers."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..text import gazetteer as gz
from ..text.alternation import alternation
from .names import PARTICLES, honorific_end, is_name_token, name_run
from .tokens import free_tokens, lowers, texts

# "B.Tsogt", "Ts.Bold": a name written with the initial of the father's name glued before it
INITIALLED = re.compile(r"^[A-Z][a-z]?\.[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?$")


def titled_persons(doc: Doc, spans: list[Span]) -> list[Span]:
    """Name-like tokens after a title or vocative that no person, country or equipment covers: "President
    Lukashenko", "Dear Aleksandr Grigoryevich Lukashenko", "Prime Minister Marek Halas" (even where the model
    took "Halas" for a place)."""
    free = free_tokens(doc, [s for s in spans if s.label_ in ("PERSON", "EQUIPMENT") or s.label_ == "GPE"
                             and gz.country_of(s.text) is not None])
    out = []
    words, low, heads = texts(doc), lowers(doc), gz.title_heads()
    i = 0
    while i < len(doc):
        if not words[i][:1].isupper() and low[i] not in _CUES and words[i] not in STAFF:  # nothing starts here
            i += 1
            continue
        tok = doc[i]
        cue = (tok.text[:1].isupper() and (tok.lower_ in heads or _plural_title(tok))) or tok.lower_ in _CUES \
            or _staff_after_body(doc, i)
        h = honorific_end(doc, i) if tok.text[:1].isupper() else i
        if (cue or h > i) and i + 1 < len(doc):
            j = max(i + 1, h)
            while j < len(doc) and honorific_end(doc, j) > j:  # "H.E. Dr. Ali", "HH Sheikh Tamim"
                j = honorific_end(doc, j)
            window = doc[i:i + 8].text
            whole = next((t for t in _titles_with_of() if window.startswith(t + " ")), None)
            if doc[j].lower_ == "of" and whole:  # "Secretary of State Ana Ruiz": a title with "of" in it
                j = doc.char_span(tok.idx, tok.idx + len(whole), alignment_mode="expand").end
            elif doc[j].lower_ == "to" and (land := _country_after(doc, j + 1)) is not None:
                # "High Commissioner to Ruritania Ana Ruiz": the country the envoy is sent to, then the name
                if all(free[x] for x in range(land.start, land.end)):
                    out.append(land)
                j = land.end
            elif doc[j].lower_ in ("of", "for"):  # "Minister of Energy Olga Vesely": the portfolio is the title's
                rest = doc[j + 1:j + 7].text
                port = next((p for p in gz.portfolios() if rest.startswith(p + " ")), None)
                # "Assistant Secretary for Insular and International Affairs Ana Ruiz": any "… Affairs"
                affairs = re.match(r"(?:(?-i:[A-Z])[\w-]+(?:,?\s+(?:and\s+|&\s+)?)){0,5}?Affairs(?=\s)",
                                   doc[j + 1:j + 9].text)
                port = affairs.group(0) if affairs and (port is None or len(affairs.group(0)) > len(port)) else port
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


_CUES = ("dear", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "comrade")  # vocatives before a name, in any case

# lower-case staff titles a body's name comes before: "Foreign Ministry spokesperson Ana Ruiz"
STAFF = {"spokesperson", "spokesman", "spokeswoman"}


def _staff_after_body(doc: Doc, i: int) -> bool:
    """Token i is a lower-case staff title right after a capitalised word (the end of a body's name), with two
    name-like words after it: "Ministry of External Affairs spokesperson Ana Ruiz"."""
    return doc[i].text in STAFF and i > 0 and doc[i - 1].text[:1].isupper() and i + 2 < len(doc) \
        and is_name_token(doc[i + 1]) and is_name_token(doc[i + 2])


def _country_after(doc: Doc, j: int) -> Span | None:
    """The country named by the (up to four) words from token j, longest first, with a name-like word after it."""
    hit = gz.country_at_start(doc[j:j + 4], 4, fits=lambda n: j + n < len(doc) and is_name_token(doc[j + n]),
                              text_of=lambda n: doc[j:j + n].text)
    return Span(doc, j, j + hit[1], label="GPE", span_id=hit[0].name) if hit else None


@lru_cache(maxsize=1)
def _titles_with_of() -> tuple[str, ...]:
    """"Secretary of State", "Chief of Staff": titles with "of" in them, longest first."""
    return tuple(t for t in gz.titles() if " of " in t)


def _plural_title(tok) -> bool:
    """"comprised Deputies Thiago Moraes Cunha and …": a title in the plural right before a list of names (not the
    end of a body's name: "the Council of Ministers")."""
    word, doc = tok.lower_, tok.doc
    if tok.i == 0 or doc[tok.i - 1].lower_ in ("of", "the", "and") or tok.i + 1 >= len(doc) \
            or doc[tok.i + 1].is_space or not tok.whitespace_:
        return False
    return word.endswith("ies") and word[:-3] + "y" in gz.title_heads() or word.endswith("s") \
        and word[:-1] in gz.title_heads()


def persons_after_posts(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Premier of the State Council of the People's Republic of China Li Keqiang": name-like tokens right after an
    organisation or country that follows "<Title> of [the]"."""
    free = free_tokens(doc, spans)
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
    low, heads = lowers(doc), gz.title_heads()
    # "the President of the Republic, Luiz Inácio Lula da Silva, received …": a title, its body, a comma, a name
    for i, word in enumerate(low):
        if word not in heads:
            continue
        tok = doc[i]
        if not (tok.text[:1].isupper() or i > 0 and low[i - 1] == "the"):
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
        if not free[i] or not _may_start_name(doc[i]) or (i > 0 and doc[i - 1].text[:1].isupper()
                                                            and doc[i - 1].is_alpha):
            continue
        k = name_run(doc, i, free)
        if k - i >= 2 and k + 1 < len(doc) and doc[k].text == "," and _title_next().match(doc[k + 1:k + 6].text):
            out.append(Span(doc, i, k, label="PERSON"))
    # the model saw nothing: "Prime Minister of Ruritania Jan Kowal" → a place or body, then a two-word name
    for i, word in enumerate(low):
        if word != "of" or i == 0 or low[i - 1] not in heads:
            continue
        j = i + 1 + (doc[i + 1].lower_ == "the" if i + 1 < len(doc) else 0)
        k, listed = j, False
        while k < len(doc) and free[k] and (doc[k].text[:1].isupper() and doc[k].is_alpha
                                            and doc[k].lower_ not in gz.org_heads()
                                            or doc[k].text in ("and", ",", "&") and k + 1 < len(doc)
                                            and doc[k + 1].text[:1].isupper() and k > j):
            listed = listed or not doc[k].is_alpha or doc[k].text == "and"
            k += 1
        if k - j >= 3 and all(is_name_token(t) for t in doc[k - 2:k]) and not (k < len(doc) and doc[k].is_alpha
                                                                               and doc[k].text[:1].isupper()):
            if not listed:
                out.append(Span(doc, j, k - 2, label="GPE"))
                out.append(Span(doc, k - 2, k, label="PERSON"))
            elif doc[k - 3].lower_ in gz.portfolio_words():
                # "Minister of Economic Development and Trade Ana Ruiz": a list of portfolios, then the name
                out.append(Span(doc, k - 2, k, label="PERSON"))
    return out


@lru_cache(maxsize=1)
def _title_next() -> re.Pattern:
    """A title (any of the gazetteer's, with "the" and "Deputy", "Vice" … before it) at the start of a text."""
    return re.compile(r"\s*(?:the\s+)?(?:Deputy |Vice |First |Acting )*(?:" + alternation(gz.titles()) + r")\b")


def _may_start_name(tok) -> bool:
    """Whether a run of name words (`name_run`) can start at `tok`: its first word's tokens are all name tokens,
    each capitalised, "-" and "'" aside."""
    return tok.text[:1].isupper() or tok.text in ("-", "'")


def initialled_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A word that no entity covers, written as an initial and a name with no space between ("L.Oyun-Erdene" in
    "met L.Oyun-Erdene and B.Battsetseg"): a person, unless the gazetteers know it as a place."""
    free = free_tokens(doc, spans)
    out = []
    for i, tok in enumerate(doc):
        if free[i] and INITIALLED.match(tok.text) and gz.country_of(tok.text) is None \
                and gz.place_of(tok.text) is None and gz.place_of(tok.text.replace(".", ". ")) is None:
            out.append(Span(doc, i, i + 1, label="PERSON"))
    return out


LIST_OPENERS = {",", ";", ":", "and", "are", "were", "was", "is"}
_BEFORE_COUNTRY = LIST_OPENERS | {"of", "to", "the"}  # where the country before "<Country>, <Name>" begins


def listed_persons(doc: Doc, spans: list[Span]) -> list[Span]:
    """Names in a list of envoys whose items all take one form, "<Name> from <Country>, <Name> from <Country>, …" or
    "<Country>, <Name>, <Country>, <Name> and …": where the model saw persons in at least two items, the name-like
    items it took for something else (or missed) are persons too ("Baktygulova Kanaiym from Kyrgyzstan")."""
    person = [False] * len(doc)
    for sp in spans:
        if sp.label_ == "PERSON":
            for x in range(sp.start, sp.end):
                person[x] = True
    out = []
    for sent in doc.sents if doc.has_annotation("SENT_START") else [doc[:]]:
        for items in (_items_before_from(doc, sent), _items_after_country(doc, sent)):
            known = [it for it in items if all(person[x] for x in range(it[0], it[1]))]
            if len(known) >= 2 and len(items) >= 3:
                out += [Span(doc, a, b, label="PERSON") for a, b in items if (a, b) not in known]
    return out


def _name_item(doc: Doc, a: int, b: int) -> bool:
    words = [t for t in doc[a:b] if not (t.text in ("-", "'") or t.lower_ in PARTICLES and t.text.islower())]
    return 2 <= len(words) <= 5 and all(is_name_token(t) for t in words) and doc[a].text[:1].isupper()


def _items_before_from(doc: Doc, sent: Span) -> list[tuple[int, int]]:
    """(start, end) of each "<Name> from <Country>" item of the sentence, the name set off before by a list word."""
    items = []
    for t in sent:
        if t.lower_ != "from" or not any(gz.country_of(doc[t.i + 1:t.i + 1 + n].text) for n in (1, 2, 3, 4)):
            continue
        a = t.i
        while a > sent.start and doc[a - 1].lower_ not in LIST_OPENERS and t.i - a < 6:
            a -= 1
        if a > sent.start and doc[a - 1].lower_ in LIST_OPENERS and _name_item(doc, a, t.i):
            items.append((a, t.i))
    return items


def _items_after_country(doc: Doc, sent: Span) -> list[tuple[int, int]]:
    """(start, end) of each name right after "<Country>," in the sentence, up to the next list word or stop."""
    items = []
    for t in sent:
        if t.text != "," or t.i + 1 >= sent.end:
            continue
        b = t.i
        while b > sent.start and doc[b - 1].lower_ not in _BEFORE_COUNTRY and t.i - b < 4:
            b -= 1
        if b == t.i or gz.country_of(doc[b:t.i].text) is None:
            continue
        e = t.i + 1
        while e < sent.end and doc[e].text not in (",", ";", ".", ")") and doc[e].lower_ != "and" and e - t.i < 7:
            e += 1
        if _name_item(doc, t.i + 1, e):
            items.append((t.i + 1, e))
    return items
