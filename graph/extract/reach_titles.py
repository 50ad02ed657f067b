"""A title with its own reach, then the body it is held in, closed by a comma or colon before the name: "the Executive
Director for the Americas of the European External Action Service, Ana Lima", "the Head of the Ruritanian
President's Bureau for International Policy, Jan Kowal", "the head of the National Security Office: Ola Berg". The
body is named after "of"; what the title is "for" stays the title's. Rules over text and mentions only (no spaCy)."""

from __future__ import annotations

import re

from ..records import Mention, RoleMention
from ..text import gazetteer as gz
from . import confidence as conf
from .chunks import Piece

# capitalised words of a region or portfolio: "Latin America", "the Americas", "Eastern and Southern Africa"
_REACH = r"(?:the\s+)?(?-i:[A-Z])[\w'-]+(?:\s+(?:and\s+|&\s+)?(?-i:[A-Z])[\w'-]+){0,3}"
# a body's name: capitalised words, a possessive and "for"/"of"/"and" inside ("the Ruritanian President's Bureau
# for International Policy"), ending in a capitalised word
_BODY = (r"(?-i:[A-Z])[\w&'’.-]*(?:\s+(?:(?:for|of|and|on|the|&)\s+)*(?-i:[A-Z])[\w&'’.-]*){0,7}")
_RANKS = r"(?:(?:Executive|Regional|Senior|Special|Permanent|Managing|Chief|Deputy|Vice)\s+)*"


def title_of_body(p: Mention, text: str, orgs: list[Mention], people: list[Mention], title_pattern: str,
                  honorifics: str, piece: Piece) -> RoleMention | None:
    """"[the] <Title> [for <Reach>] of [the] <Body>, [<Title>] <Person>": the title with its reach, in the body,
    where the body is one the model saw or its name holds a body's word ("Office", "Service", "Bureau")."""
    left = text[max(0, p.start - 220):p.start]
    if not re.search(rf"[,:]\s*(?:(?:{title_pattern})\s+)?{honorifics}$", left, re.I):
        return None  # the pattern's end, tried from each comma or colon only (the whole is tried from every character)
    offset = p.start - len(left)
    m = re.search(rf"(?<![\w-])({_RANKS}(?:{title_pattern})(?:\s+for\s+{_REACH})?)\s+of\s+(?:the\s+)?({_BODY})"
                  rf"\s*[,:]\s*(?:(?:{title_pattern})\s+)?{honorifics}$", left, re.I)
    if m is None:
        return None
    start, body = offset + m.start(2), m.group(2)
    if re.fullmatch(r"(?:(?:Deputy|Vice|First|Acting)\s+)*(?:Minister|Secretary)", m.group(1), re.I) \
            or body in gz.portfolios():
        return None  # "the Minister of Coastal Works, A": what a minister is "of" is the portfolio, read elsewhere
    from .roles import _titled_before  # it reads the title grammar of that module
    at = offset + m.start(1)
    if any(q.start < p.start and q.end > at for q in people) or any(
            0 <= at - q.end <= 6 and re.fullmatch(r",\s*(?:the\s+)?", text[q.end:at]) for q in people) \
            and not _titled_before(at, text, piece):
        return None  # "A, Minister of Energy, B": the post of the name before (or inside)
    if re.search(title_pattern, body, re.I) and re.search(rf"\b(?:and|&)\s+(?:the\s+)?(?:{title_pattern})", body):
        return None  # "Vice-President of the Council of Ministers and the Minister of …": two posts
    land = re.search(r"\s+of\s+(?:the\s+)?((?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+){0,3})$", body)
    if land and (gz.country_of(land.group(1)) or re.match(r"(?:Republic|Kingdom|Federation|State)\b", land.group(1))):
        body = body[:land.start()]  # "the Border Guard Service of the Ruritanian Republic": the service
    if gz.country_of(body) or re.match(r"(?:[A-Z]\w+\s+){0,3}(?:Republic|Kingdom|Federation|State|Emirates)\b", body):
        return None  # a country's post: read elsewhere ("President of the Republic of Ruritania, A")
    seen = next((o for o in orgs if o.type == "Organization" and o.end == start + len(body) and o.start >= start),
                None)
    if seen is None and not any(w.lower().strip(".,") in gz.org_heads() for w in body.split()):
        return None
    if seen is not None and seen.start == start:
        org = seen
    else:
        org = Mention(body, "Organization", start, start + len(body), p.sentence, "rule", conf.ORG_AFTER_TITLE)
    title = " ".join(m.group(1).split())
    return RoleMention(title[:1].upper() + title[1:], p, org, p.sentence, conf.COMPANY_THEN_TITLE)
