"""Where a role's organisation ends: a country's name that ran on into the holder's honorifics or name.

"Foreign Minister of Palestine Ana al-Rami" where the model saw only "al-Rami", "the Ambassador of the Czech
Republic H.E Jan Kowal", "President of the United States of America HE President Tom Vance": the words after
the country belong to the person, not to the organisation. Rules over text and mentions only (no spaCy)."""

from __future__ import annotations

import re

from ..records import Mention, RoleMention
from ..text import gazetteer as gz
from . import confidence as conf

# courtesy words printed between a post and a name, also misspelt ("Her Exellency")
_COURTESY = re.compile(r"(?:H\.?\s?E\.?|HE|HH|H\.H\.?|His|Her|Excell?ency|Exell?ency|Highness|Majesty|Hon\.?|"
                       r"Honou?rable|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Professor)$", re.I)


def country_cut(roles: list[RoleMention], text: str) -> list[RoleMention]:
    """Each role whose organisation is no country the gazetteer knows but opens with one, followed only by words
    of courtesy or by the words right before the holder's name: the organisation is that country."""
    return [_cut(r, text) for r in roles]


def _cut(r: RoleMention, text: str) -> RoleMention:
    org = r.org
    if org is None or org.type not in ("Country", "Organization", "Place") or gz.country_of(org.text) is not None:
        return r
    words = org.text.split()
    hit = gz.country_at_start(words, most=len(words) - 1) if len(words) > 1 else None
    if hit is None:
        return r
    land, k = hit
    rest = words[k:]
    heads = gz.org_heads() | gz.title_words()
    if any(w.lower() in heads or not w[:1].isupper() for w in rest):
        return r  # "Thailand Board of Investment", "Chile Trade Office": a body of that country
    close = 0 <= r.person.start - org.end <= 1  # the organisation runs right up to the name
    if not (close or all(_COURTESY.match(w) for w in rest)):
        return r
    name = " ".join(words[:k])
    at = text.find(words[0], org.start) if org.start < len(text) else -1
    start = at if 0 <= at < org.end else org.start
    land_mention = Mention(land.name, "Country", start, start + len(name), r.sentence, "gazetteer",
                           conf.GAZETTEER_MENTION, land.name)
    return RoleMention(r.title, r.person, land_mention, r.sentence, r.confidence)
