"""Where a report's news happens: the place its dateline names (unless its subject travelled there), the country
envoys are sent to, the cities where the host is named receiving. Rules over the text only (no spaCy)."""

from __future__ import annotations

import re
from collections import Counter

from ..text import gazetteer as gz

DATELINE = re.compile(r"(?:^|\n)[ \t]*([A-Z][A-Za-z'.-]+(?: [A-Z][A-Za-z'.-]+){0,2})(?:, ([A-Z][A-Za-z'.-]+(?: [A-Z]"
                      r"[A-Za-z'.-]+){0,2}))?[ \t]*(?::|[–—-]{1,2} |/[A-Z]+/|\(|, (?:[A-Z][a-z]{2,8}\.? \d|\d))")
# the subject's own journey ("arrived in", "on a visit to"), not a guest's ("who is visiting the country")
TRAVEL = re.compile(r"\b(?:arriv\w*|(?:visit|trip|tour|journey) (?:to|of)|visited|landed in|travel\w* to|flew to|"
                    r"flies to)\b", re.I)


def dateline_country(norm: str) -> gz.Country | None:
    """The country of the place a report opens with ("ABU DHABI:", "Doha, Qatar:", "KUWAIT, Feb 2 (KUNA) --",
    "Ulaanbaatar /MONTSAME/"), where its news happened; None when the opening sentence has its subject travel
    there ("HARARE - President X arrived in …"): the place is then the other side's."""
    m = DATELINE.search(norm[:400])
    if m is None:
        return None
    for name in (m.group(2), m.group(1)):
        if name:
            name = name.title() if name.isupper() else name
            c = gz.country_of_city(name) or gz.country_of(name)
            if c is not None:
                rest = norm[m.end():m.end() + 300]
                first = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
                return None if TRAVEL.search(first) else c
    return None


def dateline_end(norm: str) -> int:
    """Where a report's dateline ends ("DAVOS, Switzerland - "), 0 without one: the place there is where the report
    is filed, not the country of the person the sentence goes on to name."""
    m = DATELINE.search(norm[:400])
    if m is None or norm[:m.start()].strip() and "\n" not in norm[:m.start()]:
        return 0
    named = [n for n in (m.group(1), m.group(2)) if n]
    if not any(gz.country_of_city(n.title() if n.isupper() else n) or gz.country_of(n.title() if n.isupper() else n)
               for n in named):
        return 0
    return m.end()


def travelled_to(norm: str) -> set[str]:
    """The country a report opens by having its subject travel to ("HARARE - President X arrived in the Ruritanian
    capital"): the other side's, not the subject's."""
    m = DATELINE.search(norm[:400])
    if m is None:
        return set()
    first = re.split(r"(?<=[.!?])\s", norm[m.end():m.end() + 300], maxsplit=1)[0]
    if not TRAVEL.search(first):
        return set()
    out = set()
    for name in (m.group(2), m.group(1)):
        if name:
            name = name.title() if name.isupper() else name
            c = gz.country_of_city(name) or gz.country_of(name)
            out |= {c.name} if c else set()
    return out


def envoys(norm: str, possessive: bool = False) -> list[tuple[gz.Country, gz.Country | None]]:
    """"Ambassador of India to Mongolia", "the new Ruritanian envoy to Freedonia": (the country that receives an
    envoy, where the news happens; the one that sends them, if named)."""
    out = []
    for m in re.finditer(r"\b(?:Ambassador|Envoy|High Commissioner|Charg[eé] d.Affaires)\b([^.;]{0,80}?)\bto "
                         r"(?:the )?((?-i:[A-Z])[\w'-]+(?: (?-i:[A-Z])[\w'-]+){0,2})", norm, re.I):
        to = country_at_start(m.group(2))
        if to is None:
            continue
        sent = re.search(r"\bof (?:the )?((?-i:[A-Z])[\w'-]+(?: (?:of )?(?-i:[A-Z])[\w'-]+){0,3})", m.group(1))
        before = re.search(r"((?-i:[A-Z])[\w'-]+)(?:['’]s)?\s+(?:new\s+)?$", norm[max(0, m.start() - 30):m.start()])
        # "Ruritania's Ambassador to …" names the sender only where the caller asks (`possessive`): a host's own
        # envoy is written so as often as a guest
        own = re.sub(r"['’]s$", "", before.group(1)) if before and possessive else before and before.group(1)
        sender = (sent and country_at_start(sent.group(1))) or (before and (
            gz.demonym_index().get(own) or gz.country_of(own)))
        out.append((to, sender if sender and sender.name != to.name else None))
    return out


def country_at_start(words: str) -> gz.Country | None:
    """The country the longest run of `words` from their start names ("Republic of India to" → India)."""
    hit = gz.country_at_start(words.split())
    return hit[0] if hit else None


# right before a city: where someone goes or comes from, not where they are
_AWAY = re.compile(r"\b(?:to|from|for|towards?|via|visit\w*|leaves?|left|leaving)\s+(?:the\s+)?$", re.I)


def cities_at_home(norm: str, places: list, sentences: set) -> Counter:
    """"received the minister at the palace in Dakar", "paid him a courtesy call at State House, Nairobi": the
    country of each city named in `sentences` (those that name the host) that no one travels to or from there."""
    out: Counter = Counter()
    for m in places:
        s = next((s for s in sentences if s.start <= m.start < s.end), None)
        if s is None or TRAVEL.search(norm[s.start:s.end]) or _AWAY.search(norm[max(0, m.start - 20):m.start]):
            continue
        c = gz.country_of_city(m.text)
        if c is not None:
            out[c.name] += 1
    return out


def visited_by(norm: str, sentences: list) -> set[str]:
    """"A, who is on a working visit to Lima", "during his state visit to Ruritania": the countries `sentences` (those
    that name A) have A visit, by the country's or a city's name."""
    out = set()
    for s in sentences:
        for m in re.finditer(r"\b(?:visit|trip|tour|journey)\s+to\s+(?:the\s+)?((?-i:[A-Z])[\w'.-]+(?:\s+(?-i:[A-Z])"
                             r"[\w'.-]+){0,2})", norm[s.start:s.end]):
            words = m.group(1).split()
            for k in range(len(words), 0, -1):
                c = gz.country_of(" ".join(words[:k])) or gz.country_of_city(" ".join(words[:k]))
                if c is not None:
                    out.add(c.name)
                    break
    return out
