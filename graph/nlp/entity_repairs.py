"""The model's entity spans repaired one at a time: determiners, vocatives and stray punctuation trimmed, countries
and places retyped from the gazetteers, titles and honorifics cut off persons ("President Xi Jinping" → "Xi
Jinping"), a person's name split off the organisation it was glued to ("… Committee Anatoly Lappo"), and
organisations that are only a name after a vocative retyped as persons."""

from __future__ import annotations

import re

from spacy.tokens import Span

from ..text import gazetteer as gz
from .names import VOCATIVES, headline_word, honorific_end, honorific_words, is_name_token, name_run, word_end
from .places_projects import PLACE_SUFFIXES
from .tokens import DETERMINERS

def _trim(span: Span) -> Span | None:
    doc, s, e = span.doc, span.start, span.end
    while s < e and (doc[s].lower_ in DETERMINERS or doc[s].lower_ in VOCATIVES or doc[s].is_space
                     or doc[s].is_punct):
        s += 1
    while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct and doc[e - 1].text not in ")"
                     or doc[e - 1].lower_ in ("'s", "'d", "'ll", "i", "'ve", "'m")
                     or doc[e - 1].text.islower()):
        e -= 1
    if span.label_ == "ORG" and (cut := _title_of_body(doc, s, e)) > s:
        s = cut  # "Chair of the Budget Committee": the title is the person's, the body what follows
    # "the Appropriations Committee Congresswoman" before a name: the style of address is the name's, not the body's
    while span.label_ == "ORG" and e - s > 1 and doc[e - 1].lower_ in honorific_words() and e < len(doc) \
            and is_name_token(doc[e]):
        e -= 1
    if e > s and doc[s:e].text.count("(") != doc[s:e].text.count(")"):
        e = s + next((i for i, t in enumerate(doc[s:e]) if t.text == "("), e - s)
        while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct):
            e -= 1
    return Span(doc, s, e, label=span.label_, span_id=span.id_) if e > s else None


def _title_of_body(doc, s: int, e: int) -> int:
    """Where the body starts in an ORG span that opens with a title and "of [the]" ("Chair of the House Budget
    Committee"), if the rest is a body's name of two words or more ending in a body's head word; else `s`."""
    text = doc[s:e].text
    title = next((t for t in gz.titles() if text.startswith(t + " of ")), None)
    if title is None:
        return s
    k = s
    while k < e and doc[k].idx < doc[s].idx + len(title):
        k += 1
    k += 1  # "of"
    if k < e and doc[k].lower_ == "the":
        k += 1
    if e - k < 2 or doc[e - 1].lower_ not in gz.org_heads():
        return s
    return k


def repair_span(ent: Span) -> list[Span]:
    """One entity of the model's, repaired: the spans it stands for (none, itself retyped or trimmed, or split in
    two: a place or organisation and a person)."""
    span = _trim(ent)
    if span is None:
        return []
    doc, label = span.doc, span.label_
    if label != "EQUIPMENT" and (c := gz.country_of(span.text)) is not None:
        return [Span(doc, span.start, span.end, label="GPE", span_id=c.name)]
    ands = [t.i for t in span if t.lower_ == "and"]
    if len(ands) == 1 and label != "EQUIPMENT":  # "Malawi and Equatorial Guinea": two countries
        lands = [Span(doc, span.start, ands[0]), Span(doc, ands[0] + 1, span.end)]
        ids = [gz.country_of(x.text) for x in lands]
        if all(ids):
            return [Span(doc, x.start, x.end, label="GPE", span_id=c.name) for x, c in zip(lands, ids)]
    if label in ("PERSON", "ORG", "NORP") and gz.place_of(span.text) is not None:
        return [Span(doc, span.start, span.end, label="LOC")]  # "Vilnius", "Dushanbe" taken for persons
    if label == "NORP":
        return [span]
    if label == "PERSON" and span.start >= 2 and doc[span.start - 1].lower_ == "for" \
            and doc[span.start - 2].lower_ in gz.title_heads() and _after_portfolio(doc, span.start, span.end) == span.start:
        return []  # "Minister for Pacific Peoples": what a post is for is never a person
    if label == "PERSON" and len(span) >= 2 and span[0].lower_ in VENUE_FIRST:
        return [Span(doc, span.start, span.end, label="FAC")]  # "Palazzo Orlani": a building, not a person
    if label == "PERSON":
        # a title inside a PERSON span: "President Xi Jinping" → "Xi Jinping"
        s = span.start
        while s < span.end and (doc[s].lower_ in gz.title_words() or doc[s].lower_ in VOCATIVES
                                or doc[s].lower_ in ("of", "the") or honorific_end(doc, s) > s):
            s = max(s + 1, honorific_end(doc, s))
        s = _after_portfolio(doc, s, span.end)
        # a title inside the span after words that are not a name: "Livestock PS Ana Lopez" → "Ana Lopez"
        for k in range(span.end - 2, s, -1):
            if doc[k].lower_ in gz.title_words() and doc[k].text[:1].isupper() \
                    and all(is_name_token(t) for t in doc[k + 1:span.end]) and not _honorific_name_word(doc, s, k):
                s = k + 1
                break
        if s >= span.end or no_name(doc[s:span.end]):
            return []
        if _honorific_inside(doc, s, span.end):
            return []  # "Chief Minister Sindh Syed" + "Murad Ali Shah": the name starts at the honorific
        s = _title_before_name(doc, s, span.end)
        if s == span.end:
            return []  # "Arabian King" before "Salman …": a title the model read as a person
        # a hyphenated given name the model cut: "Park Min" + "-jun"
        e = span.end
        # a name never runs over a line break: "… with Vice President Brandt" + a paragraph starting "Following"
        e = next((t.i for t in doc[s:e] if t.is_space and "\n" in t.text), e)
        while e + 1 < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_ and not doc[e].whitespace_ \
                and doc[e + 1].is_alpha:
            e += 2
        while e - s >= 2 and headline_word(doc[e - 1]):
            e -= 1  # "Prime Minister Kowal Invited to …": a headline's capitalised verb after the name
        if e != span.end:
            span = Span(doc, span.start, e, label="PERSON")
        # a country whose first word the model left out glued before the name: "to Việt" + "Nam Ha Vi"
        if s > 0 and gz.country_of(doc[s - 1:s + 1].text) is not None and span.end - s >= 3:
            return [Span(doc, s - 1, s + 1, label="GPE"), Span(doc, s + 1, span.end, label="PERSON")]
        # a country glued before the name: "Ambassador to Vietnam Ha Vi" → "Vietnam" and "Ha Vi"
        for k in range(min(span.end - 1, s + 3), s, -1):
            if gz.country_of(doc[s:k].text) is not None and k < span.end:
                return [Span(doc, s, k, label="GPE"), Span(doc, k, span.end, label="PERSON")]
        if span.end - s >= 2 and (kind := _thing_head(doc[span.end - 1])) is not None:
            if kind not in ("", "OFFICE"):
                return [Span(doc, s, span.end, label=kind)]
            return _before_office(doc, s, span.end) if kind == "OFFICE" else []
        if not all(is_name_token(t) or t.is_space or t.text in ("-", "'") for t in doc[s:span.end]):
            if any(t.lower_ in gz.org_heads() for t in doc[s:span.end]):
                return [Span(doc, s, span.end, label="ORG")]
        return [Span(doc, s, span.end, label="PERSON")]
    if label == "ORG":
        fixed = _org_that_is_not(span)
        if fixed is not None:
            return fixed
    if label in ("ORG", "GPE", "FAC", "LOC"):
        tail = _name_tail(span)
        if tail is not None:
            head = _trim(Span(doc, span.start, tail.start, label=label))
            if head is not None and all(t.lower_ in gz.title_words() or t.text in gz.demonym_index()
                                        or t.lower_ in ("of", "the", "and", ",") or t.is_space
                                        or t.lower_ in gz.portfolio_words() for t in head):
                head = None  # "Kazakh President" is a title, "Ocean Resources" a portfolio: not organisations
            out = [tail]
            if head is not None:
                out.extend(repair_span(head) if head.label_ != label or len(head) < len(span) else [head])
            return out
        if label == "ORG" and _looks_like_person(span):
            return [Span(doc, span.start, span.end, label="PERSON")]
    return [span]


# the last word of a name of a thing, never of a person's: a building or place, a policy or document, an office
PLACE_LAST = {"haus", "causeway", "bridge", "stadium", "mosque", "cathedral", "pagoda", "shrine", "memorial",
              "airport", "prefecture", "province", "district", "square", "island", "islands", "port", "harbour"}
THING_LAST = {"policy", "instrument", "mou", "agreement", "treaty", "programme", "program", "initiative", "strategy",
              "plan", "training", "partnership", "mail", "fund", "dialogue", "conference"}  # (summit, forum: no_name)
OFFICE_LAST = {"minister", "chairperson", "chairman", "chairwoman", "governor", "secretary", "ambassador",
               "director", "spokesman", "spokesperson", "commissioner", "mayor", "senator", "adviser", "advisor",
               "envoy", "officer", "manager", "deputy", "representative", "lawmaker", "premier"}


def _thing_head(token) -> str | None:
    """The kind of what a name the model took for a person's ends in ("Lumo Palace" FAC, "… Friendship Clubs"
    ORG, "Kovac Partnership" "" (none), "Fisheries Minister" OFFICE), or None when the last word may end a person's name."""
    low = token.lower_
    one = low[:-1] if low.endswith("s") else low
    if low in VENUE_HEADS or low in PLACE_LAST:
        return "FAC"
    if low in gz.org_heads() or one in gz.org_heads():
        return "ORG"
    if one in OFFICE_LAST:
        return "OFFICE"
    if low in THING_LAST or one in THING_LAST:
        return ""
    return None


def _before_office(doc, s: int, end: int) -> list[Span]:
    """A name the model ran into the office after it ("… Rewiti High Commissioner") without the office; nothing
    when no name of two words or more is left ("Fisheries Minister")."""
    e = end
    while e > s and (doc[e - 1].lower_ in gz.title_words() or doc[e - 1].lower_.rstrip("s") in OFFICE_LAST):
        e -= 1
    if e - s >= 2 and all(is_name_token(t) for t in doc[s:e]) and not no_name(doc[s:e]):
        return [Span(doc, s, e, label="PERSON")]
    return []


def _honorific_inside(doc, s: int, end: int) -> bool:
    """An honorific word inside a person's span that starts the name rather than being one of its words: the last
    word of the span ("… Sindh Syed" + "Murad Ali Shah"), or one after words that are no name. Inside a name
    ("Abdi Sheikh Warsame") or glued to a particle ("Al-Sheikh") it is a word of the name."""
    for k in range(s + 1, end):
        if doc[k].lower_ in honorific_words() and doc[k - 1].whitespace_:
            return k == end - 1 or not _honorific_name_word(doc, s, k)
    return False


def _honorific_name_word(doc, s: int, k: int) -> bool:
    """"Abdi Sheikh Warsame": an honorific after given names is a word of the name, not a title before it."""
    return doc[k].lower_ in honorific_words() and all(is_name_token(t) and gz.place_of(t.text) is None
                                                      for t in doc[s:k])


def _title_before_name(doc, s: int, end: int) -> int:
    """Where the name begins in a span that ends in a capitalised title right before another name ("Arabian King" +
    "Salman …", "Ruritanian Prime Minister" + "Ana …"): `end` (no name in the span); else `s`."""
    last = doc[end - 1]
    if end < len(doc) and last.lower_ in gz.title_heads() and last.text[:1].isupper() and last.whitespace_ \
            and is_name_token(doc[end]):
        return end
    return s


# the last word of a building the model takes for an organisation: "Al-Bahr Palace", "Hotel Libertador" is first
VENUE_HEADS = {"palace", "hotel", "theater", "theatre", "opera", "villa", "residence", "mansion", "castle"}
# the first word of a building or square named in its own language, which the model takes for a person or an
# organisation: "Palazzo Orlani", "Piazza Tessera", "Casa Mirano", "Hotel Sorvino"
VENUE_FIRST = {"palazzo", "palacio", "palais", "piazza", "plaza", "casa", "quinta", "schloss", "hotel"}


def _org_that_is_not(span: Span) -> list[Span] | None:
    """An organisation of the model's that is something else: a building ("Elysee Palace" → a place), a titled name
    ("PM Tanaka", "Secretary of State Ruiz" read as "State Ruiz" → the person), a title or portfolio alone
    ("Chargé d'Affaires", "Co-Chairs", "Foreign Affairs" → none), a pair of countries ("Kazakh-Chinese" → none).
    None when it is an organisation."""
    doc = span.doc
    toks = [t for t in span if not t.is_space]
    words = [t.lower_ for t in toks if t.text not in ("-", "'", "&", ",")]
    if len(toks) >= 2 and (words[-1] in VENUE_HEADS or words[0] in VENUE_FIRST):
        return [Span(doc, span.start, span.end, label="FAC")]
    demonyms = gz.demonym_index()
    lands = re.split(r"\s*-\s*", span.text)
    if len(lands) == 2 and all(gz.country_of(x) or x in demonyms or x.rstrip(".") in demonyms for x in lands):
        return []
    def titled(t) -> bool:  # a word a title ends in, before a name: "PM", "Presidents", "(Secretary of) State"
        low = t.lower_
        return low in gz.title_heads() or low.endswith("s") and low[:-1] in gz.title_heads() \
            or t.text in ("PM", "FM") or low == "state" and doc[max(0, t.i - 2):t.i].text.lower() == "secretary of"
    k = span.start
    while k < span.end and (titled(doc[k]) or doc[k].text == "-"):
        k += 1
    if k == span.end:
        return []  # "State" of "Secretary of State": the end of a title
    if span.start < k < span.end and k - span.start <= 3 and span.end - k <= 3 \
            and all(is_name_token(t) or t.text in ("-", "'") for t in doc[k:span.end]) \
            and doc[span.end - 1].text[:1].isupper():
        return [Span(doc, k, span.end, label="PERSON")]
    if len(words) >= 3 and words[1] == "of" and words[0].endswith("s") and words[0][:-1] in gz.title_heads():
        return []  # "Heads of State and Government", "Ministers of Foreign Affairs": people by their title
    if words and words[0] == "state" and doc[max(0, span.start - 2):span.start].text.lower() in (
            "secretary of", "minister of"):
        words = words[1:]  # "(Secretary of) State for Foreign Affairs": the rank of a title, then its portfolio
        toks = [t for t in toks if t.lower_ != "state" or t.i != span.start]
    if span.start >= 2 and doc[span.start - 1].lower_ == "for" and doc[span.start - 2].lower_ in gz.title_heads() \
            and not any(w in gz.org_heads() for w in words) and _name_tail(span) is None:
        return []  # "Minister for Pacific Peoples": what a post is for
    filler = {"of", "for", "and", "the", "co", "d'affaires"}
    if not any(w in gz.org_heads() for w in words) and all(w in gz.title_words() or w in filler or w in gz.portfolio_words() or w.endswith("s") and w[:-1] in
           gz.title_words() or t.text in demonyms for w, t in zip(words, [t for t in toks if t.text not in
                                                                              ("-", "'", "&", ",")])):
        return []
    return None


def _after_portfolio(doc, s: int, end: int) -> int:
    """"Minister for Law Padam Giri": a portfolio the model took into the name after "<Title> for|of"; "Minister of
    Arts, Culture and Heritage Ana Ruiz": the last words of a list of portfolios."""
    if s >= 2 and doc[s - 1].lower_ in ("and", ",", "&"):
        k = s
        while k < end - 1 and doc[k].lower_ in gz.portfolio_words():
            k += 1
        j = s - 1
        while j > 0 and (doc[j].lower_ in ("and", ",", "&") or doc[j].lower_ in gz.portfolio_words()):
            j -= 1
        if k > s and j > 0 and doc[j].lower_ in ("for", "of") and doc[j - 1].lower_ in gz.title_words():
            return k
    if s < 2 or doc[s - 1].lower_ not in ("for", "of") or doc[s - 2].lower_ not in gz.title_words():
        return s
    for p in gz.portfolios():
        n = len(p.split())
        if n < end - s - 1 and " ".join(t.text for t in doc[s:s + n]).lower() == p.lower():
            return s + n
    return s


def no_name(words: Span) -> bool:
    """A span the model took for a person that is no name: a portfolio ("Regional Affairs"), a day, a meeting or
    a verb of one in a headline ("Summit Meeting", "Amir Receives Visiting"), a gathering ("Action Forum"), a
    people ("Papua New Guineans")."""
    toks = [t for t in words if not t.is_space and t.text not in ("-", "'")]
    if not toks:
        return True
    last = toks[-1].lower_
    demonyms = gz.demonym_index()
    return (any(t.lower_ in NOT_NAME_WORDS for t in toks) or last in gz.portfolio_words()
            or toks[-1].text.endswith("s") and toks[-1].text[:-1] in demonyms)


# words that are never a word of a person's name, printed capitalised in headlines and names of things
NOT_NAME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "meets", "receives",
                  "visiting", "holds", "hosts", "meeting", "summit", "talks", "forum", "affairs", "news", "agency",
                  "statement", "communique", "release",
                  # words of headlines, by-lines and titles left alone once a title is cut ("President Emeritus",
                  # "Staff Correspondent", "Chief Financial …", "Ministers Meet", "… Wraps Up Visit")
                  "meet", "wraps", "readout", "emeritus", "attached", "correspondent", "financial", "ministerial",
                  "updated", "online", "addressing", "administrative", "demographic", "retd", "narrative"}


def _name_tail(span: Span) -> Span | None:
    """A person's name glued to the end of an organisation: the last 2-3 name-like words after a word that ends an
    organisation's or place's name (Committee, Region, a country, a closing bracket), or after any name that
    follows "<Title> of" ("Prime Minister of Ruritania Jan Kowal"), or after a title's portfolios ("Minister of
    Fisheries and Ocean Resources Jan Kowal")."""
    doc = span.doc
    starts = []
    i = span.start
    while i < span.end:
        if doc[i].is_space:
            i += 1
            continue
        starts.append(i)
        i = word_end(doc, i)
    titled = span.start >= 2 and doc[span.start - 1].lower_ in ("of", "the", "for") and any(
        t.lower_ in gz.title_heads() for t in doc[max(0, span.start - 4):span.start]) \
        or span.start >= 1 and doc[span.start - 1].lower_ in gz.title_heads() and doc[span.start - 1].text[:1].isupper()
    # "Chairman Board of Investment Ana Lopez": a title, the body it heads, then the name
    for n in (3, 2):
        if len(starts) <= n:
            continue
        first = starts[-n]
        if name_run(doc, first, most=n) < span.end:
            continue
        before = doc[word_end(doc, starts[-n - 1]) - 1]
        # "(the) Minister of Economic Development and Trade Ana Lopez": a title's portfolios, then the name
        portfolio = n == 2 and before.lower_ in gz.portfolio_words() and before.text[:1].isupper() and any(
            t.lower_ in gz.title_heads() and t.nbor().lower_ in ("of", "for")
            for t in doc[max(0, first - 10):first - 1])
        ends_org = (portfolio or before.lower_ in gz.org_heads() or before.lower_ in PLACE_SUFFIXES
                    or before.lower_ in gz.title_heads() and before.text[:1].isupper()
                    or gz.country_of(before.text) is not None
                    or before.text in (")", "-", "–", "—", ":") or before.text.isupper() and len(before.text) > 1
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
    # a title's word before it, not a preposition inside a title ("Minister for Pacific Peoples" is a portfolio)
    return patronymic or (prev is not None and (prev.lower_ in VOCATIVES or prev.lower_ in gz.title_words()
                                                and prev.lower_ not in ("for", "to", "in", "on", "at")))
