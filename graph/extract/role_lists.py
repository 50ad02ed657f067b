"""Lists that pair countries with names under one plural title: "the new ambassadors of Chile, Ana Soto, Peru, Jon
Ruiz and Bolivia, Eva Mamani", "the Presidents of Peru, Ana Soto; and Canada, Jon Ruiz". Each name holds the title
(in the singular) in the country named right before it. Rules over text and mentions only (no spaCy)."""

from __future__ import annotations

import re

from ..records import Mention, RoleMention
from ..text import gazetteer as gz
from . import confidence as conf
from .chunks import Piece
from .roles import _title_case, plural_title_regex

# between one pair and the next: "Chile, Ana Soto, Peru" / "Ana Soto; and Canada" / "Jon Ruiz and the Bahamas"
_NEXT = re.compile(r"\s*[,;]?\s*(?:as well as\s+|and\s+)?(?:the\s+)?")


def _country_at(text: str, at: int, countries: list[Mention]) -> tuple[str, int] | None:
    """The country named at `at`: a country mention starting there, or the longest run of capitalised words the
    gazetteer knows. (name, end)."""
    hit = next((c for c in countries if c.start == at), None)
    if hit is not None:
        c = gz.country_of(hit.text)
        return (c.name if c else hit.text), hit.end
    words = re.match(r"(?-i:[A-Z])[\w'-]+(?:\s+(?:of\s+)?(?-i:[A-Z])[\w'-]+){0,3}", text[at:at + 60])
    parts = words.group(0).split() if words else []
    hit = gz.country_at_start(parts, most=len(parts))
    return (hit[0].name, at + len(" ".join(parts[:hit[1]]))) if hit else None


def country_pairs(piece: Piece, text: str) -> list[RoleMention]:
    """The roles of a list "<plural title> of <Country>, <Name>, <Country>, <Name> and <Country>, <Name>"."""
    countries = [m for m in piece.mentions if m.type == "Country"]
    names = sorted((m for m in piece.mentions if m.type in ("Person", "Organization")), key=lambda m: m.start)
    out = []
    for m in plural_title_regex().finditer(piece.text):
        if not m.group(0).rstrip().endswith(("of", "the")):
            continue
        title = _title_case(m.group(1))
        pos = piece.offset + m.end()
        while True:
            land = _country_at(text, pos, countries)
            if land is None:
                break
            sep = re.match(r"\s*,\s*", text[land[1]:land[1] + 4])
            who = sep and next((q for q in names if q.start == land[1] + sep.end()), None)
            if who is None:
                break
            if who.type == "Person":
                c = gz.country_of(land[0])
                org = Mention(land[0], "Country", pos, land[1], who.sentence, "gazetteer", conf.GAZETTEER_MENTION,
                              c.name if c else "")
                out.append(RoleMention(title, who, org, who.sentence, conf.TITLE_WITH_DEMONYM))
            pos = who.end + _NEXT.match(text, who.end).end() - who.end
    return out
