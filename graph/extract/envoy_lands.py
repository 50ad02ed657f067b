"""The country an envoy speaks for, read from the words around his name where his post was not read as a role:
"representatives from Norway (Erik Johansen)", "Erik Johansen (Norway)", "Amadou Diallo from Senegal", "Portugal's new ambassador in Valletta
Rui Mendes", "John Carver, the new United States Ambassador to Peru", "Klaus Brenner Ambassador of
the Federal Republic of Germany", "High Commissioner of Republic of Zambia Grace Mwale".

At a credentials ceremony (and at the calls a listed group of envoys pays one by one) the envoy's country is met as
such: the annotation's convention (eval/realnews/README.md). `envoy_counterparts(ctx, events)` adds it to each such
event that lacks it; `text_land(ctx, key, sentences)` reads it for one envoy.
"""

from __future__ import annotations

import re

from ..records import Event
from ..text import gazetteer as gz
from .context import Context, take_part
from .envoys import country_entity
from .mentions import counterpart_org

ENVOY_LAND_CONFIDENCE = 0.6

TITLE = r"(?i:ambassadors?(?:[- ]designate)?|envoys?|high[- ]commissioners?|charg[ée]s?[- ]d['’]affaires|" \
        r"(?:diplomatic\s+)?representatives?|heads? of (?:diplomatic )?mission)"
FULL = r"(?:\s+(?i:extraordinary\s+and\s+plenipotentiary))?"
QUAL = r"(?:(?i:new|newly[- ]appointed|incoming|outgoing|former|resident|non-resident)\s+)*"
HON = r"(?:(?:H\.?\s?E\.?|His Excellency|Her Excellency|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Professor|Ambassador)\s+)*"
# a country's name: capitalised words, "of" and "the" inside ("Federal Republic of Germany", "People's Republic of
# China", "United States of America")
LAND = r"(?P<land>(?:[A-Z][\w.'’-]*)(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’-]*){0,5})"
# what stands right before the envoy's name
BEFORE = [
    re.compile(LAND + r"\s*\(\s*$"),  # "Norway (Erik Johansen)"
    re.compile(r"\b" + TITLE + FULL + r"\s+of\s+(?:the\s+)?" + LAND + r"(?:\s+to\s+(?:the\s+)?[A-Z][\w.'’-]*"
               r"(?:\s+[A-Z][\w.'’-]*){0,3})?\s*,?\s*" + HON + r"$"),  # "Ambassador of Japan Masato Takaoka"
    re.compile(LAND + r"(?:['’]s?)?\s+" + QUAL + TITLE + FULL + r"(?:\s+(?:in|to)\s+[A-Z][\w.'’-]*)?\s*,?\s*" + HON + r"$"),
    # "Portugal's new ambassador in Valletta Rui Mendes", "Ghana's non-resident High Commissioner, Prof. A",
    # "Nigerian High Commissioner A"
]
# what follows the envoy's name
AFTER = [
    re.compile(r"^\s+from\s+(?:the\s+)?" + LAND + r"(?=\s*(?:[,.;)]|and\b|$))"),  # "Amadou Diallo from Senegal,"
    re.compile(r"^\s*\(\s*(?:the\s+)?" + LAND + r"\s*\)"),  # "The envoys included Erik Johansen (Norway), …"
    re.compile(r"^\s*,?\s*(?:the\s+)?" + QUAL + LAND + r"(?:['’]s)?\s+" + TITLE + r"\b"),
    # "John Carver, the new United States Ambassador to Peru"
    re.compile(r"^\s*,?\s*(?:the\s+)?" + QUAL + TITLE + FULL + r"\s+of\s+(?:the\s+)?" + LAND +
               r"(?=\s*(?:[,.;)]|and\b|to\b|$))"),  # "Klaus Brenner Ambassador of the Federal Republic of Germany"
]
REACH = 120  # how far before or after the name the words are read


def _country(words: str) -> gz.Country | None:
    """The country a captured phrase names, its last words first ("the Republic of Zambia" → Zambia, "the new
    Mexican" → Mexico)."""
    parts = re.sub(r"['’]s?$", "", words.strip()).split()  # "Kenya’s"
    for i in range(len(parts)):
        tail = " ".join(parts[i:]).strip(".,'’")
        land = gz.country_of(tail) or gz.demonym_index().get(tail)
        if land is not None:
            return land
    return None


def _party(ctx: Context, words: str, start: int) -> str | None:
    """The key of the country (or the union of countries, a body met as such) that `words`, found at `start` in
    the text, names."""
    land = _country(words)
    if land is not None:
        return ctx.country_key(land) or country_entity(ctx, land.name)
    for m in ctx.mentions_between(start - 5, start + len(words) + 1):  # "the European Union (Erik Hoeg)"
        key = ctx.key_of[m]
        e = ctx.entities[key]
        if m.text in words and len(m.text) >= len(words) - 4 and e.type == "Organization" and counterpart_org(e.label):
            return key
    return None


def text_land(ctx: Context, key: str) -> str | None:
    """The country (or union) the envoy `key` speaks for, as the words right around one of his mentions say (in
    the text's sentence that names him so, often a list after the one that tells the ceremony); None when none
    says it or they say two."""
    found: set[str] = set()
    if not ctx.is_person(key):
        return None  # "the ambassadors of Brazil, Germany": a country listed is no envoy
    for m in [m for m, k in ctx.key_of.items() if k == key]:
        party = _around(ctx, m.start, m.end, m.sentence.start, m.sentence.end)
        if party:
            found.add(party)
    return next(iter(found)) if len(found) == 1 else None


def _around(ctx: Context, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """The country the words right before or after a name at [start, end) say its bearer is the envoy of. In a list
    both may say one ("Ambassador of X, A Ambassador of Y, B …" or "A Ambassador of X, B the Ambassador of Y"): the
    side joined to the name without a comma is his."""
    lo = max(s_start, start - REACH)
    before, after = ctx.norm[lo:start], ctx.norm[end:min(s_end, end + REACH)]
    got = []  # (party, set off by a comma)
    for rx in BEFORE:
        g = rx.search(before)
        if g and (party := _party(ctx, g.group("land"), lo + g.start("land"))):
            got.append((party, "," in before[g.end("land"):]))
            break
    for rx in AFTER:
        g = rx.match(after)
        if g and (party := _party(ctx, g.group("land"), end + g.start("land"))):
            got.append((party, after.lstrip().startswith(",")))
            break
    close = [p for p, comma in got if not comma]
    return close[0] if close else got[0][0] if got else None


CREDENTIALS = re.compile(r"\b(?:credentials|letters? of credence|accredit(?:s|ed|ing|ation)?)\b", re.I)


def envoy_counterparts(ctx: Context, events: list[Event]) -> None:
    """At each credentials ceremony, the country of each envoy there whose country is not there yet, read from the
    words around his name (`text_land`); not the receiver's own."""
    own = ctx.lands_of({ctx.host}) if ctx.host else set()
    for ev in events:
        if ev.type not in ("Ceremony", "Meeting"):
            continue
        sentences = list(dict.fromkeys([ev.sentence, *(q.sentence for q in ev.participants)]))
        if ev.type == "Meeting":  # told as the receiving of his credentials ("Receiving the credentials of …, X said")
            sentences = sentences[:1]
        if not any(CREDENTIALS.search(ctx.norm, s.start, s.end) for s in sentences):
            continue
        there = {q.entity for q in ev.participants}
        for q in list(ev.participants):
            if q.role != "guest" or not ctx.is_person(q.entity) or ctx.lands_of({q.entity}) & there:
                continue
            party = text_land(ctx, q.entity)
            if party and party not in there and party not in own:
                take_part(ev, party, "guest", ENVOY_LAND_CONFIDENCE, "rule", q.sentence)
                there.add(party)
