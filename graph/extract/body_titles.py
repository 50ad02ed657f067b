"""Posts in a body named before the title, with the title's own reach after it, closed by a comma before the name:
"the World Bank's Regional Vice President for Eastern and Southern Africa, Ana Lima", "the IMF Deputy Director of
Research, Jan Kowal", "UNICEF's Regional Director for West and Central Africa, Marie Dupont". What the title is
"for" or "of" there (a region, a department, a portfolio) is part of the title, never the body: the body is the one
named before. Rules over text and mentions only (no spaCy)."""

from __future__ import annotations

import re

from ..records import Mention, RoleMention
from ..text import gazetteer as gz
from . import confidence as conf

# capitalised words joined as one name: "Eastern and Southern Africa", "the Western Hemisphere", "Trade, Industry
# and Mining"
_REACH = (r"(?:the\s+)?(?-i:[A-Z])[\w'-]+(?:(?:\s+|\s*,\s*|\s+(?:and|&|of|the)\s+|\s*,\s*and\s+)"
          r"(?-i:[A-Z])[\w'-]+){0,7}")


def body_title(p: Mention, text: str, orgs: list[Mention], title_pattern: str, honorifics: str) -> RoleMention | None:
    """"<Body>['s] [<Modifier>] <Title> [(of|for) <Reach>], <Person>": the title with its reach, in the body."""
    pattern = re.compile(rf"(?:['’]s)?\s+((?:(?-i:[A-Z])[a-z]+\s+){{0,2}}?(?:{title_pattern})(?:\s+(?:of|for)\s+{_REACH})?)"
                         rf"\s*,\s*{honorifics}", re.I)
    for body in sorted((o for o in orgs if o.type == "Organization" and 0 < p.start - o.end <= 200),
                       key=lambda o: -o.end):
        m = pattern.fullmatch(text, body.end, p.start)
        if m is None or not m.group(1)[0].isupper():
            continue
        if any(m.start(1) <= o.start < p.start and re.search(r"\bof\s+(?:the\s+)?$", text[m.start(1):o.start])
               for o in orgs if o.type == "Country"):
            return None  # "Minister for Trade of Ruritania, A": a country's post, read elsewhere
        return RoleMention(" ".join(m.group(1).split()), p, body, p.sentence, conf.COMPANY_THEN_TITLE)
    return None


# the places a post is held at: "Counsellor at the Embassy of Ruritania", "Senior Fellow at the Brookings Institution"
_SEATS = {"embassy", "consulate", "high commission", "mission", "permanent mission"}


def title_at_body(p: Mention, text: str, orgs: list[Mention], title_pattern: str, honorifics: str,
                  people: list[Mention]) -> RoleMention | None:
    """"the Minister Counsellor for Trade at the Embassy of Ruritania, Ana Lima": the title with its reach, in the
    body it is held at (a body the model saw, or a capitalised name whose first or last word heads a body)."""
    left = text[max(0, p.start - 250):p.start]
    if not re.search(rf",\s*{honorifics}$", left, re.I):
        return None  # the pattern's end, tried from each comma only (the whole is tried from every character)
    at = p.start - len(left)
    m = re.search(rf"(?<![\w-])((?-i:[A-Z])[\w-]*\s+)*?((?:{title_pattern})(?:\s+(?:of|for)\s+{_REACH})?)\s+at\s+"
                  rf"(?:the\s+)?((?-i:[A-Z])[\w'-]+(?:\s+(?:of\s+(?:the\s+)?)?(?-i:[A-Z])[\w'-]+){{0,5}})"
                  rf"\s*,\s*{honorifics}$", left, re.I)
    if m is None or not m.group(2)[0].isupper() or _apposed(text, at + m.start(2), people):
        return None
    start = at + m.start(3)
    body = next((o for o in orgs if o.type == "Organization" and o.start == start), None)
    words = m.group(3).split()
    if body is None and (words[0].lower() in gz.org_heads() | _SEATS or words[-1].lower() in gz.org_heads()):
        body = Mention(m.group(3), "Organization", start, start + len(m.group(3)), p.sentence, "rule",
                       conf.ORG_AFTER_TITLE)
    if body is None:
        return None
    return RoleMention(" ".join(m.group(2).split()), p, body, p.sentence, conf.COMPANY_THEN_TITLE)


def _apposed(text: str, at: int, people: list[Mention]) -> bool:
    """"Ana Soto, Advisor at the Ministry of X, Jon Ruiz, …": a title right after a name and a comma is that
    name's (names and titles alternate), not the next one's."""
    base = max(0, at - 12)
    lead = re.search(r"[,;]\s*(?:the\s+)?$", text[base:at])
    return bool(lead) and any(0 <= base + lead.start() - q.end <= 1 for q in people)


def shared_body(roles: list[RoleMention], text: str) -> list[RoleMention]:
    """"the World Bank Managing Director, Ana Lima, the Ruritania Country Director, Jan Kowal": a country before a
    "Country …" post says where it serves; the body is the one the list named for the name before."""
    roles = sorted(roles, key=lambda r: r.person.start)
    out = []
    for r in roles:
        if r.title.startswith("Country ") and (r.org is None or r.org.type == "Country"):
            prev = out[-1] if out else None
            body = prev.org if prev is not None and prev.org is not None and prev.org.type == "Organization" \
                and prev.sentence == r.sentence and re.fullmatch(r"\s*,\s*(?:and\s+)?(?:the\s+)?[^,;.]{0,60},\s*",
                                                                  text[prev.person.end:r.person.start]) else None
            r = RoleMention(r.title, r.person, body, r.sentence, r.confidence)
        out.append(r)
    return out
