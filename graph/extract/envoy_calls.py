"""Envoys of several countries who call on someone together: one meeting for each envoy's country.

"The envoys of Chile, Peru and Kenya paid a courtesy call on the Prime Minister", "the new Danish, Chilean and
Kenyan ambassadors called on the President": each envoy met the one they called on, on behalf of his own country;
the countries did not meet one another. The annotation's convention for credentials ceremonies (one event per envoy,
his country met as such) holds for any joint call of envoys: the rules' one meeting of all of them becomes one
meeting per country, each with the others who took part (the one called on) and the subjects told.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import Event
from .context import Context
from ..text import gazetteer as gz
from .envoys import ENVOY, unnamed_envoys

# "the envoys of A, B and C", "ambassadors from A and B", "Heads of Mission of A, B", "diplomats of A and B"
ENVOYS_OF = re.compile(r"\b(?:" + ENVOY + r"|(?i:heads?\s+of\s+(?:diplomatic\s+)?missions?|diplomats|"
                       r"representatives))\s+(?:(?i:of|from)\s+)(?:the\s+)?(?P<list>[^.;:]*)")
SPLIT = frozenset({"Meeting", "Negotiations", "Ceremony"})


def envoy_calls(ctx: Context, events: list[Event]) -> list[Event]:
    """`events` with each meeting of two or more envoys' countries (listed as the envoys' in its sentence) made one
    meeting per country."""
    out: list[Event] = []
    for ev in events:
        lands = _envoy_lands(ctx, ev) if ev.type in SPLIT and ev.method != "header" else []
        if len(lands) < 2:
            out.append(ev)
            continue
        rest = [p for p in ev.participants if p.entity not in lands]
        for land in lands:
            one = next(p for p in ev.participants if p.entity == land)
            out.append(replace(ev, key="", participants=[*rest, one], topics=list(ev.topics),
                               mentioned=list(ev.mentioned), outcomes=list(ev.outcomes)))
    return out


def _envoy_lands(ctx: Context, ev: Event) -> list[str]:
    """The event's country participants whose names fall inside a list of envoys in its sentence, in order."""
    start, end = ev.sentence.start, ev.sentence.end
    text = ctx.norm[start:end]
    spans = [(m.start("list"), m.end("list")) for m in ENVOYS_OF.finditer(text)]
    lands = {p.entity for p in ev.participants if ctx.entities[p.entity].type == "Country"}
    found: list[str] = []
    for m in ctx.mentions_between(start, end):
        key = ctx.key_of.get(m)
        if key in lands and key not in found and any(a <= m.start - start < b for a, b in spans):
            found.append(key)
    for name, _ in unnamed_envoys(text):  # "the new Danish, Chilean and Kenyan ambassadors"
        land = gz.country_of(name)
        key = ctx.country_key(land) if land is not None else None
        if key in lands and key not in found:
            found.append(key)
    people = {p.entity for p in ev.participants if ctx.entities[p.entity].type == "Person"}
    if len(people) > 1 or ctx.lands_of(people) & set(found):
        return []  # envoys named too ("envoys from A (B), C (D)"): the rules read who is whose
    return found
