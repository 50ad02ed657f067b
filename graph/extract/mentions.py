"""spaCy docs → mentions (names with their type, offsets into the whole document and sentence) and acronyms.

Each segment's header title and body go through the pipeline as separate pieces (chunks.py); `Piece.offset` maps a
piece's offsets back to the document. The `Doc` is passed in and not kept: what leaves here is records.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..text import gazetteer as gz
from ..records import Mention, Sentence
from . import confidence as conf
from .chunks import Piece

LABEL_TYPES = {"PERSON": "Person", "ORG": "Organization", "LOC": "Place", "FAC": "Place",
               "EQUIPMENT": "Equipment", "PROJECT": "Project"}
BUSINESS_HEADS = {"corporation", "company", "group", "holding", "inc", "ltd", "corp", "bank", "llc", "plc", "ag",
                  "gmbh", "concern", "works", "motors", "airlines"}


# titles that stand right before a name and that the model may take into the name of a country or body before them
NAME_TITLES = {"President", "Minister", "King", "Queen", "Emir", "Amir", "Sultan", "Prince", "Chancellor", "Premier",
               "Ambassador", "Chairman", "Governor", "Mayor", "Speaker", "Senator"}


def entity_type(span: Span) -> str | None:
    """Our entity type for a pipeline span (None for spans we do not keep)."""
    if span.label_ == "GPE":
        return "Country" if gz.country_of(span.text) else "Place"
    if span.label_ == "ORG" and gz.place_of(span.text) in ("city", "region", "sea", "continent", "macro-region"):
        return "Place"
    return LABEL_TYPES.get(span.label_)


def sentence_of(span: Span, offset: int) -> Sentence:
    """The sentence `span` is in; a span that is itself two parser sentences joined into one ("… the day, PM |
    Dahal paid …": analyse._sents) is the whole of it, not its first part."""
    s = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    if s.start == span.start and s.end < span.end:
        s = span
    return Sentence(offset + s.start_char, offset + s.end_char)


# letters after a name that are a seat or an honour, not part of it: "Jan Kowal MP", "Ana Lopez TD"
POST_NOMINAL = re.compile(r"(?:\s+(?-i:MPs?|MLA|MNA|MHA|MPP|TD|QC|KC|SC|OBE|CBE|MBE|KBE|DBE|CMG|KCMG|GCMG|PhD))+$")


def clean_name(text: str) -> str:
    """Whitespace folded, possessive dropped, a governing body's "Board of" dropped from its company's name."""
    name = " ".join(text.split())
    name = re.sub(r"^(?:(?:Supervisory|Executive|Management|Managing|Board of Directors|Directors)\s+)?"
                  r"(?:Board|Management|Leadership|Presidium)\s+of\s+(?:the\s+)?(?=[A-Z])", "", name)
    return re.sub(r"(?:'s|s')$", "", name).strip(" -,")


def mentions_of(piece: Piece, doc: Doc) -> list[Mention]:
    """The names spaCy found in `piece` (its `doc`), typed, cleaned and placed in the document; nationality words
    go to `piece.norp`."""
    out = []
    honorific = {h for h in gz.honorifics() if " " not in h} | NAME_TITLES
    for ent in doc.ents:
        while ent.label_ != "PERSON" and len(ent) > 1 and ent[-1].text in honorific and ent.end < len(doc) \
                and doc[ent.end].text[:1].isupper():
            ent = ent[:-1]  # "Sultan of Brunei Sultan Hassanal": the title begins the name after the country
        typ = entity_type(ent)
        if ent.label_ == "NORP":
            piece.norp.append((piece.offset + ent.start_char, piece.offset + ent.end_char, ent.text))
            continue
        if typ is None:
            continue
        method = "gazetteer" if ent.id_ or typ == "Country" else ("rule" if ent.label_ in ("PROJECT",) else "model")
        name = clean_name(ent.text)
        if typ == "Person":  # "Jan Kowal MP": the seat stays in the span (the parse hangs the name on it)
            name = re.sub(POST_NOMINAL, "", name)
        if not name or _noise(name, typ, ent):
            continue
        if name.isupper() and re.match(r",\s*\d{1,2} [A-Z][a-z]+ \d{4}|,\s*[A-Z][a-z]+ \d{1,2}, \d{4}",
                                       piece.text[ent.end_char:ent.end_char + 25]):
            typ = "Place"  # a dateline: "MINSK, 7 November 2024 —"
        out.append(Mention(name, typ, piece.offset + ent.start_char, piece.offset + ent.end_char,
                           sentence_of(ent, piece.offset), method, conf.GAZETTEER_MENTION if method == "gazetteer" else conf.MODEL_MENTION,
                           ent.id_ or (gz.country_of(ent.text).name if typ == "Country" else "")))
    return out


def _noise(name: str, typ: str, ent: Span) -> bool:
    """Names the model tags that are no actor: codes ("B12", "COVID-19"), shouted headings ("PRESIDENT'S WEEK"),
    nationality words ("Kazakh")."""
    if name in gz.demonym_index() and typ != "Country":
        return True
    if typ == "Organization" and not ent.id_ and (name[:1].islower() or " " not in name
                                                  and name.lower() in gz.org_heads()):
        return True  # "congress of the party" (an event), "Army" at the start of a sentence
    if typ in ("Organization", "Place", "Person") and re.fullmatch(r"[A-Z]+-?\d+", name):
        return True
    if name.isupper() and len(name.replace(" ", "")) >= 7 and not ent.id_:
        return True
    return False


# ---------------------------------------------------------------------------------------------------- acronyms

ACRONYM_DEF = re.compile(r"\s*\(([A-Z][A-Za-z0-9&.-]{1,12}(?:\s[A-Z][A-Za-z]+)?)\)")  # "… Corporation (FAW Group)"


def acronym_links(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """"China First Automotive Group Corporation (FAW Group)": short form → the long form's mention."""
    links = {}
    by_end = {m.end: m for m in mentions if m.type in ("Organization", "Project", "Place")}
    for m in re.finditer(ACRONYM_DEF, text):
        long = by_end.get(m.start())
        if long is None or not _initials_match(m.group(1), long.text):
            continue
        links[m.group(1)] = long
    return links


def _initials_match(short: str, long: str) -> bool:
    """"FAW Group" for "China First Automotive Group Corporation": every capital of the short form's first word
    appears, in order, among the long form's initials, or the short form is a word of the long form."""
    first = short.split()[0]
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", long) if w[0].isupper())
    caps = [c for c in first if c.isupper()]
    it = iter(initials)
    in_order = sum(1 for c in caps if c in it)
    shares_word = any(w in long.split() for w in short.split()[1:])
    return (len(caps) >= 2 and in_order == len(caps)) or (in_order >= 2 and shares_word) or first in long.split()


def acronym_mentions(text: str, links: dict[str, Mention], taken: list[Mention],
                     sentences: list[Sentence]) -> list[Mention]:
    """Stand-alone uses of a defined short form that no mention covers: "BNBC 1 and 2", "BNBC-3"."""
    covered = [(m.start, m.end) for m in taken]
    out = []
    for short, long in links.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?:[- ]?\d+(?:\s+and\s+\d+)?)?(?![\w])", text):
            if any(s <= m.start() < e or s < m.end() <= e for s, e in covered):
                continue
            typ = "Project" if re.search(r"\d", m.group()) else long.type
            out.append(Mention(m.group(), typ, m.start(), m.end(), _sentence_at(sentences, m.start()), "rule",
                               conf.ACRONYM_MENTION))
    return out


def _sentence_at(sentences: list[Sentence], pos: int) -> Sentence:
    for s in sentences:
        if s.start <= pos < s.end:
            return s
    return Sentence(pos, pos)


# ---------------------------------------------------------------------------------------------------- kinds of organisation

GOV_HEADS = {"ministry", "council", "committee", "parliament", "assembly", "government", "administration",
             "office", "congress", "party", "court", "service", "senate", "duma", "cabinet", "presidium",
             "secretariat", "commission", "agency", "authority", "department", "directorate", "bureau", "chamber",
             "army", "forces", "navy", "guard", "police", "kgb"}


def counterpart_org(name: str) -> bool:
    """An organisation met as such (a company, a bank, a holding), not the state body an official works for."""
    return not any(w.lower().strip("()") in GOV_HEADS for w in name.replace("-", " ").split())


def agency_like(name: str) -> bool:
    """A body of the state by its head word ("… Committee") or a short all-capitals name ("KGB")."""
    words = name.replace("-", " ").split()
    return any(w.lower() in gz.org_heads() for w in words) or (name.isupper() and 2 <= len(name) <= 6)


def business(name: str) -> bool:
    """A company by its head word ("… Corporation", "… Bank")."""
    return any(w.lower().strip("()") in BUSINESS_HEADS for w in name.split())
