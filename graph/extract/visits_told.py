"""Visits told beside the meeting, not as its own sentence: "B, currently visiting the UAE", "B, who is on a
four-day state visit to the East African nation", "B arrived here on Friday for a three-day visit", "as part of a
one-day visit", "B's official visit to Kenya", "the visiting Ruritanian premier". The meeting is the
sentence's event; the trip it tells is an event of its own in the annotation's convention (the visitor and the
country visited), which the rules leave out when they read the trip as background to the meeting (trips.py). A
visit is added for a visitor on no visit yet, to the country the words name (a city's country), else, for "the
country", "here" or a visit told with no place, the country the report is from (its dateline) or the receiver's.
Planned, wished and past visits ("will visit", "invited B to visit", "his last visit to") are not added."""

from __future__ import annotations

import re

from ..records import Event, Mention
from ..text import gazetteer as gz
from . import confidence as conf
from .context import Context, take_part
from .envoys import country_entity
from .home import dateline_country, travelled_to
from .identity import meeting_key

TRIP = r"(?:visit|trip)"
KIND = r"(?:[\w-]+\s+){0,3}"  # "a two-day official", "his first"
# what stands right after the visitor's name (and its appositions: no other person between)
AFTER = re.compile(
    r"^(?:,\s*(?:the\s+)?[A-Z][^,;.]{0,90}?(?=,|\s+who\s))?"  # ", President of the Republic of X," (", Minister who …")
    r"(?:,?\s*(?:who\s+(?:is|are|was|were|has\s+been)\s+|currently\s+|now\s+|also\s+)*)"
    r"(?:(?P<on>(?:(?:is|are|was|were)\s+)?(?:currently\s+)?(?:here\s+|in\s+(?P<in>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})\s+)?"
    r"(?:on|(?<=[a-z] )for)\s+(?:a|an|his|her|their)\s+" + KIND + TRIP + r"\b(?:\s+(?:to|of)\s+(?P<to1>[^,.;]{1,60}))?)"
    r"|(?P<visiting>(?:(?:is|are)\s+)?visiting\s+(?P<to2>[^,.;]{1,60}))"
    r"|(?P<arrived>arrived\s+(?:(?:here|in\s+(?P<to3>[A-Z][^,.;]{0,40}?))\s+)?(?:[^,.;]{0,40}?\s)?"
    r"(?:on|for)\s+(?:a|an|his|her|their)\s+" + KIND + TRIP + r"\b))")
# the visitor's possessive before "visit": "B's official visit to Kenya"
OWN = re.compile(r"^['’]s?\s+(?!(?:last|previous|earlier|next|upcoming|planned|future)\b)" + KIND + TRIP +
                 r"\s+to\s+(?P<to4>[^,.;]{1,60})")
# the visitor named after the visit's noun: "the three-day official visit to Vietnam (1-3 October) by Mr A", "a visit by
# Prime Minister A to Mongolia"
BY = re.compile(r"\b" + TRIP + r"(?:\s+to\s+(?P<to5>[^,.;()]{1,40}?))?(?:\s*\([^()]{0,30}\))?\s+by\s+(?:the\s+)?"
                r"(?:[A-Z][\w.'’-]*\s+){0,4}$")
TO = re.compile(r"^\s+to\s+(?P<to6>[^,.;]{1,60})")
NOT_REAL = re.compile(r"\b(?:will|would|shall|plans?|planned|planning|to\s+visit|invit\w*|expected|upcoming|next|"
                      r"last\s+(?:year|month|week)|previous|earlier\s+this|ago|former|anticipat\w*|look\w*\s+forward|hope\w*|"
                      r"await\w*)\b", re.I)
CALLED_OFF = re.compile(r"\b(?:postponed|cancell?ed|called off|delayed|put off)\b", re.I)
HERE = re.compile(r"^(?:the\s+(?:[\w-]+\s+){0,3}(?:country|nation|kingdom|emirate|republic|capital|city)|here|this\s+"
                  r"(?:country|capital|city))\b", re.I)


def visits_told(ctx: Context, events: list[Event]) -> list[Event]:
    """The visits told beside the meetings of `events` (module docstring), one per visitor not on a visit yet."""
    on_visit = {q.entity for e in events if e.type in ("Visit", "StateVisit") for q in e.participants}
    out: list[Event] = []
    persons = sorted((m for m, k in ctx.key_of.items() if ctx.is_person(k)), key=lambda m: m.start)
    for i, m in enumerate(persons):
        key = ctx.key_of[m]
        if key in on_visit:
            continue
        found = _told(ctx, m, persons[i + 1] if i + 1 < len(persons) else None)
        if found is None:
            continue
        dest, where = found
        land = _land(ctx, key, dest, where, m.sentence)
        if land is None or land in ctx.lands_of({key}):
            continue
        ev = Event("", "Visit", f"Visit to {ctx.entities[land].label}", None, None, m.sentence, "rule",
                   conf.VISIT_BESIDE)
        take_part(ev, key, "guest", conf.VISIT_BESIDE, "rule", m.sentence)
        take_part(ev, land, "guest", conf.VISIT_BESIDE, "rule", m.sentence)
        ev.key = meeting_key(ev)
        out.append(ev)
        on_visit.add(key)
    return events + out


def _told(ctx: Context, m: Mention, nxt: Mention | None) -> tuple[str | None, int] | None:
    """(the words naming where to, where they start) when a visit of `m`'s bearer is told right around the name (up
    to the next person named, `nxt`), or None. The words may be None (a visit told with no place)."""
    end = min(m.sentence.end, m.end + 160, nxt.start if nxt is not None and nxt.start >= m.end else m.sentence.end)
    after = ctx.norm[m.end:end]
    before = ctx.norm[max(m.sentence.start, m.start - 60):m.start]
    hit = AFTER.match(after) or OWN.match(after)
    if hit is None and (by := BY.search(ctx.norm[max(m.sentence.start, m.start - 100):m.start])) is not None:
        rest = re.sub(r"\bat the invitation\b", "", ctx.norm[m.end:min(m.sentence.end, m.end + 80)], flags=re.I)
        if NOT_REAL.search(ctx.norm[max(m.sentence.start, m.start - 130):m.start]) or NOT_REAL.search(rest) or \
                CALLED_OFF.search(rest):
            return None  # "the visit by A to X was postponed", "… by A, expected next month"
        if by.group("to5"):
            return by.group("to5"), m.start - len(by.group()) + by.start("to5")
        to = TO.match(after)
        return (to.group("to6"), m.end + to.start("to6")) if to else (None, m.end)
    if hit is not None:
        if NOT_REAL.search(before[-30:] + after[:hit.end()]):
            return None
        # "who is in Zambia for a state visit": the country it names ("in X on a visit" keeps the report's own)
        where = ("in",) if re.search(r"\bfor\s+(?:a|an|his|her|their)\b", hit.group()) else ()
        name = next((g for g in ("to1", "to2", "to3", "to4", *where) if hit.groupdict().get(g)), None)
        return (hit.group(name), m.end + hit.start(name)) if name else (None, m.end + hit.end())
    return None  # "at the start of a three-day visit": whose (the subject's, the one received) the words do not say


def _land(ctx: Context, visitor: str, dest: str | None, where: int, sentence) -> str | None:
    """The country visited: named in `dest` (a country, a city's country), else the report's own."""
    if dest and not HERE.match(dest.strip()):
        for mm in ctx.mentions_between(where, where + len(dest)):
            k = ctx.key_of.get(mm)
            if k is None:
                continue
            if ctx.entities[k].type == "Country":
                return k
            if ctx.entities[k].type == "Place" and (c := gz.country_of_city(mm.text)) is not None:
                return country_entity(ctx, c.name)
        c = gz.country_of(dest.strip()) or (gz.country_at_start(dest.split(), 6) or (None,))[0]
        return country_entity(ctx, c.name) if c is not None else None
    home = dateline_country(ctx.norm)
    went = travelled_to(ctx.norm)  # "LIMA - B arrived here …": the dateline's place is where he went
    if home is None and len(went) == 1:
        home = gz.country_of(next(iter(went)))
    if home is not None:
        return country_entity(ctx, home.name)
    # the receiver's: the text's host, else the others the sentence names, when they hold posts of one country
    others = {ctx.host} - {visitor, None} or {k for mm in ctx.mentions_between(sentence.start, sentence.end)
                                             if ctx.is_person(k := ctx.key_of.get(mm)) and k != visitor}
    lands = ctx.lands_of(others) - ctx.lands_of({visitor})
    return next(iter(lands)) if len(lands) == 1 else None
