"""Two titles joined by "and" before one name: "Health Minister and Minister for Sanitation Dr Kofi Mensah". Both are
the person's, and a country told once is both titles' country: before the first ("Ruritania's Deputy Prime Minister
and Minister of Foreign Affairs A", "the Ruritanian Finance Minister and Minister of Trade B") or after it ("Deputy
Prime Minister of Ruritania and Minister of State for Defence Affairs C"). Rules over text and mentions only (no
spaCy)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import Mention, RoleMention
from ..text import gazetteer as gz
from . import confidence as conf
from .chunks import Piece
from .roles import _country_before, _honorifics, _title_case, title_regex


def joined_titles(role: RoleMention, text: str, piece: Piece) -> list[RoleMention]:
    """`role` (read next to the name) and the title joined before it, with the country either names, if any."""
    left = text[max(0, role.person.start - 250):role.person.start]
    offset = role.person.start - len(left)
    # the whole pattern only where its middle is there: "… and [the] <title>" (a pattern per title costs more to
    # compile than to run)
    m = _and_title_re(role.title).search(left) and _joined_title_re(role.title).search(left)
    if m is None or not m.group(1)[0].isupper():
        return [role]
    land = None
    if m.group(2):  # "Deputy Prime Minister of Ruritania and …"
        c = gz.country_of(m.group(2))
        if c is not None:
            land = Mention(c.name, "Country", offset + m.start(2), offset + m.end(2), role.sentence, "gazetteer",
                           conf.GAZETTEER_MENTION, c.name)
    elif role.org is None:  # "Ruritania's Deputy Prime Minister and …"
        land = _country_before(left[:m.start(1)], offset, role.sentence, piece)
    if land is not None and role.org is None:
        role = RoleMention(role.title, role.person, land, role.sentence, conf.TITLE_WITH_DEMONYM)
    first = RoleMention(_title_case(m.group(1)), role.person, land or role.org, role.sentence, role.confidence)
    return [role, first]


@lru_cache(maxsize=512)
def _and_title_re(title: str) -> re.Pattern:
    return re.compile(rf"\s+and\s+(?:the\s+)?{re.escape(title)}", re.I)


@lru_cache(maxsize=512)
def _joined_title_re(title: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-])({title_regex().pattern})(?:\s+of\s+(?:the\s+)?((?-i:[A-Z])[\w'-]+"
                      rf"(?:\s+(?-i:[A-Z])[\w'-]+){{0,2}}))?\s+and\s+(?:the\s+)?{re.escape(title)}"
                      rf"(?:\s+(?:of|for)\s+[^,;.]{{1,80}}?)?\s*,?\s*{_honorifics()}$", re.I)


# a word that heads a post of its own, so no portfolio: "President and Prime Minister A" are two posts
_HEADS = (r"(?:Minister|Ministers|Secretary|President|Prime|Premier|King|Queen|Emir|Amir|Sultan|Chancellor|Ambassador|"
          r"Governor|Chair\w*|Director|Head|Envoy|Commissioner|Leader|Speaker|Mayor|Crown|Prince|General|Chief|Vice|"
          r"Deputy|State)")
# one portfolio in a coordination: "Foreign Affairs", "Women's", "Expatriates" (capitalised, or all lower-case in
# the plural "deputy foreign and environment ministers")
_PORT = rf"(?!{_HEADS}\b)(?-i:[A-Z])[\w-]+(?:['’]s)?(?:\s+(?!{_HEADS}\b)(?-i:[A-Z])[\w-]+(?:['’]s)?)?"
_LOWER_PORT = r"(?!and\b|the\b|of\b)[a-z][\w-]+"


def _land_word(word: str) -> gz.Country | None:
    return gz.country_of(word) or gz.demonym_index().get(word)


def _own_port(m: re.Match, group: int) -> int:
    """Where the first portfolio starts: after a demonym the pattern took in ("Kenyan Foreign and Defence")."""
    words = m.group(group).split()
    return m.start(group) + len(words[0]) + 1 if len(words) > 1 and _land_word(words[0]) else m.start(group)


def coordinated_portfolio(role: RoleMention, text: str, piece: Piece) -> RoleMention:
    """"Deputy Foreign and Expatriates Minister A", "Ruritanian Foreign Affairs and Women's Minister B": two
    portfolios of one minister are the title's, which the grammar read as a bare "Minister"."""
    bare = re.fullmatch(r"(?:(?:Deputy|Vice|First)\s+)?(?:Minister|Secretary)", role.title)
    if not bare and (not re.fullmatch(r"(?:(?-i:[A-Z])[\w'-]+\s+){1,2}(?:Minister|Secretary)", role.title)
                     or re.match(_HEADS + r"\b", role.title)):
        return role  # "Prime Minister" is a post of its own, no portfolio a coordination could share
    left = text[max(0, role.person.start - 160):role.person.start]
    offset = role.person.start - len(left)
    second = rf"({_PORT})\s+" if bare else "()"  # "Foreign and Defence Minister": the title has the second already
    m = re.search(rf"(?<![\w-])((?:(?:Deputy|Vice|First)\s+)?({_PORT})\s+(?:and|&)\s+{second}"
                  rf"{re.escape(role.title)})\s*,?\s*{_honorifics()}$", left)
    if m is None or any(_land_word(w) for w in (m.group(2), m.group(3)) if w) \
            or re.search(r"\bof\s+(?:the\s+)?$", left[:m.start(1)]) or any(  # "… of Ruritania and …": a land
            q.type == "Person" and q.end > offset + m.start(1) and q.start < role.person.start
            for q in piece.mentions):
        return role  # "Ruritanian and Freedonian Ministers": two countries; "A and Trade Minister B": a name
    at = m.start(1) if m.group(1).split()[0] in ("Deputy", "Vice", "First") else _own_port(m, 2)
    org = role.org or _country_before(left[:at], offset, role.sentence, piece)
    return RoleMention(" ".join(left[at:m.end(1)].split()), role.person, org, role.sentence,
                       conf.TITLE_WITH_DEMONYM if org else role.confidence)


def split_portfolios(piece: Piece, text: str) -> list[RoleMention]:
    """"the deputy foreign and environment ministers A and B", "the Ruritanian Trade and Energy Ministers C and D":
    one plural title over two portfolios and two names, each name the portfolio in its place."""
    people = sorted((m for m in piece.mentions if m.type == "Person"), key=lambda m: m.start)
    out = []
    for m in re.finditer(rf"(?<![\w-])((?:deputy|vice|first)\s+)?({_PORT}|{_LOWER_PORT})\s+(?:and|&)\s+"
                         rf"({_PORT}|{_LOWER_PORT})\s+(minister|secretar)(?:s|ies)\b", piece.text, re.I):
        if any(_land_word(w) or re.fullmatch(_HEADS, w, re.I) for w in (m.group(2), m.group(3))):
            continue
        end = piece.offset + m.end()
        first = next((q for q in people if q.start >= end
                      and re.fullmatch(rf"\s*,?\s*{_honorifics()}", text[end:q.start])), None)
        if any(q.type == "Person" and q.end > piece.offset + m.start() and q.start < end for q in piece.mentions):
            continue
        second = first and next((q for q in people if q.start > first.end and re.fullmatch(
            rf"\s*,?\s*(?:and|&)\s+{_honorifics()}", text[first.end:q.start])), None)
        if second is None:
            continue
        start = piece.offset + (m.start() if m.group(1) else _own_port(m, 2))
        land = _country_before(text[max(0, start - 80):start], max(0, start - 80), first.sentence, piece)
        rank = _title_case(m.group(1).strip()) + " " if m.group(1) else ""
        noun = "Minister" if m.group(4).lower() == "minister" else "Secretary"
        port = " ".join(piece.text[(m.start(2) if m.group(1) else _own_port(m, 2)):m.end(2)].split())
        for q, port in ((first, port), (second, m.group(3))):
            title = f"{rank}{_title_case(port)} {noun}"
            out.append(RoleMention(title, q, land, q.sentence, conf.TITLE_WITH_DEMONYM if land else conf.TITLE_ALONE))
    return out
