"""spaCy docs → mentions, roles, speakers and acronyms, with offsets into the whole document.

Each segment's header title and body go through the pipeline as separate pieces (a header is its own sentence);
`Piece.offset` maps piece offsets back to the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from . import gazetteer as gz
from .records import Mention, RoleMention, Sentence

LABEL_TYPES = {"PERSON": "Person", "ORG": "Organization", "LOC": "Place", "FAC": "Place",
               "EQUIPMENT": "Equipment", "PROJECT": "Project"}
BUSINESS_HEADS = {"corporation", "company", "group", "holding", "inc", "ltd", "corp", "bank", "llc", "plc", "ag",
                  "gmbh", "concern", "works", "motors", "airlines"}


@dataclass
class Piece:
    """A header title or a segment body, as processed by spaCy."""

    offset: int
    text: str
    segment: int
    is_header: bool
    doc: Doc | None = None
    mentions: list[Mention] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # country and place names of the whole document
    norp: list[tuple[int, int, str]] = field(default_factory=list)


def entity_type(span: Span) -> str | None:
    """Our entity type for a pipeline span (None for spans we do not keep)."""
    if span.label_ == "GPE":
        return "Country" if gz.country_of(span.text) else "Place"
    if span.label_ == "ORG" and gz.place_of(span.text) in ("city", "region", "sea", "continent", "macro-region"):
        return "Place"
    return LABEL_TYPES.get(span.label_)


def sentence_of(span: Span, offset: int) -> Sentence:
    s = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
    return Sentence(offset + s.start_char, offset + s.end_char)


def clean_name(text: str) -> str:
    """Whitespace folded, possessive dropped, a governing body's "Board of" dropped from its company's name."""
    name = " ".join(text.split())
    name = re.sub(r"^(?:(?:Supervisory|Executive|Management|Managing|Board of Directors|Directors)\s+)?"
                  r"(?:Board|Management|Leadership|Presidium)\s+of\s+(?:the\s+)?(?=[A-Z])", "", name)
    return re.sub(r"(?:'s|s')$", "", name).strip(" -,")


def mentions_of(piece: Piece) -> list[Mention]:
    out = []
    for ent in piece.doc.ents:
        typ = entity_type(ent)
        if ent.label_ == "NORP":
            piece.norp.append((piece.offset + ent.start_char, piece.offset + ent.end_char, ent.text))
            continue
        if typ is None:
            continue
        method = "gazetteer" if ent.id_ or typ == "Country" else ("rule" if ent.label_ in ("PROJECT",) else "model")
        name = clean_name(ent.text)
        if not name or _noise(name, typ, ent):
            continue
        if name.isupper() and re.match(r",\s*\d{1,2} [A-Z][a-z]+ \d{4}|,\s*[A-Z][a-z]+ \d{1,2}, \d{4}",
                                       piece.text[ent.end_char:ent.end_char + 25]):
            typ = "Place"  # a dateline: "MINSK, 7 November 2024 —"
        out.append(Mention(name, typ, piece.offset + ent.start_char, piece.offset + ent.end_char,
                           sentence_of(ent, piece.offset), method, 0.9 if method == "gazetteer" else 0.8,
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

def acronym_links(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """"China First Automotive Group Corporation (FAW Group)": short form → the long form's mention."""
    links = {}
    by_end = {m.end: m for m in mentions if m.type in ("Organization", "Project", "Place")}
    for m in re.finditer(r"\s*\(([A-Z][A-Za-z0-9&.-]{1,12}(?:\s[A-Z][A-Za-z]+)?)\)", text):
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
            out.append(Mention(m.group(), typ, m.start(), m.end(), _sentence_at(sentences, m.start()), "rule", 0.75))
    return out


def _sentence_at(sentences: list[Sentence], pos: int) -> Sentence:
    for s in sentences:
        if s.start <= pos < s.end:
            return s
    return Sentence(pos, pos)


# ---------------------------------------------------------------------------------------------------- roles

_TITLE_RE = None


def _title_regex() -> re.Pattern:
    global _TITLE_RE
    if _TITLE_RE is None:
        alts = "|".join(re.escape(t) for t in gz.titles())
        ports = "|".join(re.escape(p) for p in gz.portfolios())
        _TITLE_RE = re.compile(rf"(?:(?:Deputy|Vice|First|Acting|Former)\s+)*(?:{alts})(?:\s+of\s+(?:{ports}))?\b",
                               re.I)
    return _TITLE_RE


def roles_of(piece: Piece, text: str) -> list[RoleMention]:
    """Titles next to person mentions in one piece, in the patterns:
    "[Belarusian] <Title> [of [the] <Org>] <Person>", "<Person>, <Title> of [the] <Org>",
    "the <Title> of <Org>, <Person>"."""
    out = []
    orgs = [m for m in piece.mentions if m.type in ("Organization", "Country", "Place")]
    for p in (m for m in piece.mentions if m.type == "Person"):
        role = _role_before(p, text, orgs, piece) or _role_after(p, text, orgs)
        if role:
            out.append(role)
    return out


HONORIFICS = r"(?:Mr\.?|Ms\.?|Mrs\.?|Dr\.?|H\.\s?E\.?|Hon\.?|His Excellency|Her Excellency)(?:\s+(?:Mr\.?|Ms\.?|Mrs\.?|Dr\.?))?"


def _role_before(p: Mention, text: str, orgs: list[Mention], piece: Piece) -> RoleMention | None:
    left = text[max(0, p.start - 250):p.start]
    # "<Title> of [the] <Org> <Person>", also with the org's short form or a comma between
    org = next((o for o in orgs if re.fullmatch(rf"\s*(?:\([A-Z][\w&.-]{{1,10}}\))?\s*,?\s*(?:{HONORIFICS})?\s*",
                                                text[o.end:p.start])
                and o.end <= p.start), None)
    if org is not None:
        before_org = text[max(0, org.start - 120):org.start]
        m = re.search(rf"({_title_regex().pattern})\s+of\s+(?:the\s+)?$", before_org, re.I)
        if m:
            return RoleMention(_title_case(m.group(1)), p, org, p.sentence)
        m = re.search(rf"({_title_regex().pattern})\s*$", before_org, re.I)
        if m and org.type == "Country":  # "China President Xi Jinping"
            return RoleMention(_title_case(m.group(1)), p, org, p.sentence)
    # "the Prime Minister of Ruritania, Marek Halas" where the model saw no entity in "Ruritania"
    m = re.search(rf"({_title_regex().pattern})\s+of\s+(?:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,3}})"
                  rf"\s*,?\s*$", left)
    if m and m.group(1)[0].isupper() and not any(m.group(2).startswith(x) for x in gz.portfolios()) \
            and m.group(2).lower() not in ("republic", "federation", "kingdom", "state", "government", "country"):
        pos = p.start - len(left) + m.start(2)
        name = m.group(2)
        c = gz.country_of(name)
        typ = "Country" if c or not any(w.lower() in gz.org_heads() for w in name.split()) else "Organization"
        synthetic = Mention(c.name if c else name, typ, pos, pos + len(name), p.sentence, "rule", 0.7,
                            c.name if c else "")
        return RoleMention(_title_case(m.group(1)), p, synthetic, p.sentence, 0.75)
    # "Lotus Mobility chairman Tran Quoc Bao": the company, then a lower-case title
    m = re.search(rf"({_title_regex().pattern})\s*$", left)
    if m and m.group(1)[0].islower():
        org = next((o for o in orgs if o.type == "Organization" and 0 <= m.start() + p.start - len(left) - o.end <= 1),
                   None)
        if org is not None:
            return RoleMention(_title_case(m.group(1)), p, org, p.sentence, 0.75)
    m = re.search(rf"({_title_regex().pattern})\s*,?\s*(?:{HONORIFICS})?\s*$", left, re.I)
    if not m or not (m.group(1)[0].isupper() or re.search(r"\b([A-Z][\w'-]+)\s+$", left[:m.start()])
                     and gz.demonym_index().get(re.search(r"\b([A-Z][\w'-]+)\s+$", left[:m.start()]).group(1))):
        return None  # a lower-case title only after a demonym: "Turkish defence minister Hulusi Akar"
    title = _title_case(m.group(1))
    before = left[:m.start()]
    # "Belarusian Minister of Foreign Affairs Sergei Aleinik", "Ruritanian President Jan Kowal"
    dm = re.search(r"([A-Z][\w'-]+)\s+$", before)
    country = None
    if dm:
        c = gz.demonym_index().get(dm.group(1)) or gz.country_of(dm.group(1))
        pos = p.start - len(left) + dm.start(1)
        if c is not None:
            country = Mention(c.name, "Country", pos, pos + len(dm.group(1)), p.sentence, "gazetteer", 0.9, c.name)
        elif re.search(r"(?:ian|ean|ese|ish|an|i)$", dm.group(1)) and piece.places:
            # a demonym the gazetteer lacks ("Ruritanian"): the country of the text it was made from
            stem = dm.group(1)
            land = next((n for n in piece.places if stem.startswith(n[:max(4, len(n) - 2)])), None)
            if land:
                country = Mention(land, "Country", pos, pos + len(stem), p.sentence, "rule", 0.7, "")
    return RoleMention(title, p, country, p.sentence, 0.85 if country else 0.7)


def _role_after(p: Mention, text: str, orgs: list[Mention]) -> RoleMention | None:
    right = text[p.end:p.end + 200]
    m = re.match(rf",\s+(?:the\s+)?({_title_regex().pattern})(?:\s+of\s+(?:the\s+)?)?", right, re.I)
    if not m:
        return None
    title = _title_case(m.group(1))
    org = next((o for o in orgs if p.end + m.end() <= o.start <= p.end + m.end() + 1), None)
    if org is None:
        org = next((o for o in orgs if p.end + m.end(1) < o.start <= p.end + m.end(1) + 1), None)
    if org is None and m.group(0).rstrip().endswith(("of", "of the")):
        # "Carla Ventura, chairwoman of the Brazilian-Mexican offshore venture Atlântico Golfo Petróleo"
        org = next((o for o in orgs if o.type == "Organization" and 0 < o.start - (p.end + m.end()) <= 60
                    and re.fullmatch(r"(?:[\w-]+\s+){1,5}", text[p.end + m.end():o.start])), None)
    return RoleMention(title, p, org, p.sentence, 0.8 if org else 0.6)


def _title_case(title: str) -> str:
    small = {"of", "the", "and", "for"}
    words = " ".join(title.split()).split(" ")
    if title.isupper() and len(title) <= 4:
        return title
    return " ".join(w if w.lower() in small or w.isupper() else w[:1].upper() + w[1:] for w in words)


def unnamed_posts(text: str, mentions: list[Mention]) -> list[tuple[str, Mention]]:
    """"the president of the Republic of Belarus" with no name attached: (title, country mention)."""
    out = []
    for c in (m for m in mentions if m.type == "Country"):
        before = text[max(0, c.start - 60):c.start]
        m = re.search(rf"\b(?:the|as)\s+({_title_regex().pattern})\s+of\s+(?:the\s+)?$", before, re.I)
        if m:
            out.append((_title_case(m.group(1)), c))
    # "the first state visit of a Serbian president": a demonym before a lower-case title
    for m in re.finditer(r"\b(?:a|the|as)\s+([A-Z][\w'-]+)\s+(president|prime minister|chancellor|premier|king)\b",
                         text):
        c = gz.demonym_index().get(m.group(1))
        if c is not None:
            sent = Sentence(m.start(), m.end())
            out.append((_title_case(m.group(2)), Mention(c.name, "Country", m.start(1), m.end(1), sent, "rule", 0.6,
                                                         c.name)))
    return out


# ---------------------------------------------------------------------------------------------------- speakers

def speaker_intros(piece: Piece, text: str, roles: list[RoleMention]) -> list[RoleMention]:
    """Transcript speakers introduced inline by title and name with no verb between them and the speech:
    "Chairman of the State Authority for Military Industry of Belarus Dmitry Pantus We presented a report"."""
    out = []
    for r in roles:
        start = r.org.start if r.org and r.org.start < r.person.start else r.person.start
        # the title text begins the sentence ...
        lead = text[r.sentence.start:start]
        title_at_start = re.fullmatch(rf"\s*(?:[A-Z][\w'-]+\s+)?{_title_regex().pattern}(?:\s+of\s+(?:the\s+)?)?\s*",
                                      lead, re.I)
        # ... and a new sentence (a capitalised pronoun or word) follows the name directly
        after = text[r.person.end:r.person.end + 12]
        if title_at_start and re.match(r"\s+(?:We|I|Our|My|The|This|Thank|Good|Dear|First|As|It)\b", after):
            out.append(r)
    return out


SPEAKER_LINE = re.compile(r"^(?P<who>[A-Z][^\n:]{2,120}?):\s", re.M)


def speaker_labels(text: str, mentions: list[Mention]) -> list[Mention]:
    """Kremlin style "Vladimir Putin: Good afternoon" or "President of Ruritania Jan Kowal: …": the person
    mention inside each speaker label."""
    out = []
    for m in SPEAKER_LINE.finditer(text):
        inside = [x for x in mentions if x.type == "Person" and m.start("who") <= x.start and x.end <= m.end("who")]
        if inside:
            out.append(inside[-1] if len(inside) > 1 else inside[0])
    return out


VOCATIVE = re.compile(r"\b(?:Dear|Mr\.?|Mrs\.?|Ms\.?|Madam|Comrade)\s+(?:(?:President|Prime Minister|Chairman|"
                      r"Premier|Chancellor|Minister|Mr\.?)\s+)*$")


ADDRESS_TITLE = re.compile(r"(?:^|[.!?]\s+|\n)(?:President|Prime Minister|Premier|Chancellor|Chairman|Mr\.?|Madam)"
                           r"\s+$")


def vocatives(text: str, mentions: list[Mention]) -> list[Mention]:
    """Person mentions addressed directly: "Dear President Lukashenko", "Mr. President Lukashenko",
    "President Vučić, welcome to …" (a title and name opening a sentence, then a comma)."""
    # "Mr."/"Ms." before a name is how news refers to people: a vocative only when the address ends there
    return [m for m in mentions if m.type == "Person" and (
        VOCATIVE.search(text[max(0, m.start - 40):m.start]) and (
            re.search(r"\b(?:Dear|Comrade)\b", text[max(0, m.start - 40):m.start])
            or text[m.end:m.end + 1] in (",", "!", "?"))
        or ADDRESS_TITLE.search(text[max(0, m.start - 40):m.start]) and text[m.end:m.end + 1] in (",", "!"))]
