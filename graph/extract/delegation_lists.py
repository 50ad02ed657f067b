"""The members of a delegation a sentence lists: each titled name of the list serves the delegation's country.

"The Ruritanian delegation includes Deputy Chairman of the Security Council A, First Deputy Prime Minister B, …,
and presidential aides C and D", "Freedonian government officials, who accompanied E during the visit, are Minister
of Health F, …", "The delegation of the Republic of Ruritania includes …", "The Ruritanian delegation included G,
Deputy Minister of Agriculture, H, …": a post the list gives with no country of its own is one of the delegation's
country, however far into the list it stands. Rules over text and role mentions only (no spaCy)."""

from __future__ import annotations

import re
from functools import cache

from ..records import Mention, RoleMention
from ..text import gazetteer as gz
from . import confidence as conf

# a country's name, also joined by "and" ("St Kitts and Nevis")
_LAND = r"(?-i:[A-Z])[\w'-]+(?:\s+(?:and\s+)?(?-i:[A-Z])[\w'-]+){0,2}|(?-i:[A-Z]\.){2,3}"


@cache
def _lead() -> re.Pattern:
    """The words that open a delegation's list, ending with the verb: the country's name or demonym in `land`."""
    return re.compile(
        rf"(?:\b(?P<a>{_LAND})(?:['’]s)?\s+(?:(?-i:[a-z])[\w-]*\s+){{0,2}}(?:delegation|officials)"
        rf"|\bdelegation\s+(?:of|from)\s+(?:the\s+)?(?P<b>(?:(?-i:[A-Z])[\w'-]+\s+of\s+(?:the\s+)?)?(?:{_LAND})))"
        r"(?:\s+(?:at|in|on|for|to)\s+(?:the\s+)?(?-i:[a-z])[\w-]*)?"  # "… delegation at the meeting includes"
        r"(?:\s*,?\s*(?:who|which|that)\s+[^,.;:]{1,60}?)?"  # ", who accompanied A during the visit,"
        r"\s*,?\s*(?:also\s+)?(?:are|were|include[sd]?|included|including|comprised|comprises|comprising|consist(?:s|ed)\s+of)\s*:?\s+")


def _land(name: str):
    """The country a lead names: "Ruritanian", "Republic of Ruritania", "Kyrgyz Republic"."""
    words = name.split()
    for k in range(len(words)):
        tail = " ".join(words[k:])
        c = gz.country_of(tail) or gz.demonym_index().get(tail)
        if c is not None:
            return c
    hit = gz.country_at_start(words, most=len(words))
    return hit[0] if hit else None


# another side or list begins: its members are not the first delegation's
_OTHER = re.compile(r"\b(?:delegations?|side|officials|counterparts?|accompanied|accompanying)\b", re.I)


def delegation_members(roles: list[RoleMention], text: str) -> list[RoleMention]:
    """Each role with no organisation whose holder is listed after a delegation's lead in the same sentence gets
    the delegation's country."""
    out = []
    for r in roles:
        out.append(_member(r, text) if r.org is None else r)
    return out


def _member(r: RoleMention, text: str) -> RoleMention:
    s = r.sentence
    left = text[s.start:r.person.start]
    lead = None
    for m in _lead().finditer(left):
        lead = m
    if lead is None or _OTHER.search(left[lead.end():]) or re.search(r"[.!?]\s+(?-i:[A-Z])|\n", left[lead.end():]):
        return r
    group = "a" if lead.group("a") else "b"
    c = _land(lead.group(group))
    if c is None:
        return r
    at = s.start + lead.start(group)
    land = Mention(c.name, "Country", at, at + len(lead.group(group)), r.sentence, "gazetteer",
                   conf.GAZETTEER_MENTION, c.name)
    return RoleMention(r.title, r.person, land, r.sentence, conf.TITLE_WITH_DEMONYM)
