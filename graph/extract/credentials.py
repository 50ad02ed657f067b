"""Credentials ceremonies told for several envoys at once: "X received the credentials of the new ambassadors of A,
B and C", "X accredited the envoys of A, name1, and B, name2", or a credentials sentence followed by the list ("They
include …", "The ambassadors are …"). Each envoy presents his own letters: one ceremony per envoy (with the country
his post names), or per country when only the countries or nationalities are named."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..records import Event, Mention
from . import confidence as conf
from .chunks import Piece
from .context import Context, take_part
from .envoys import envoy_party, unnamed_envoys
from .identity import meeting_key

if TYPE_CHECKING:
    from .sentence_events import Told

CUE = re.compile(r"\b(?:credentials|letters? of credence|accredit(?:s|ed|ing)?)\b", re.I)
# a sentence that lists the envoys just told of: "They include …", "The new ambassadors are …"
LIST_OPENER = re.compile(r"^\W*(?:they|these|the (?:new |other |[a-z]+ )?(?:ambassadors|envoys|diplomats|"
                         r"heads of mission|high commissioners)(?: (?:who|that) [^.;]{0,80}?)?) (?:include[sd]?|are|"
                         r"were)\b", re.I)  # "The envoys who presented their credentials were – A, B …"


def envoys_listed(ctx: Context, piece: Piece, start: int, end: int) -> tuple[list[str], int]:
    """Each envoy a credentials sentence (`start`:`end`) names after its cue (or before it: "A and B presented their
    letters"), or the list sentence right after it names; each country when no envoy is named ("the ambassadors of A,
    B and C"). The envoy is whom the receiver met: his country is told by his post ("Ambassador of A"), not here.
    Also where the envoys' list ends (`end`, or the end of the list sentence). Empty when no cue or nobody is listed,
    or when one envoy alone is named (the meeting told in the sentence is his ceremony)."""
    cue = CUE.search(ctx.norm, start, end)
    receiver = ctx.host if ctx.is_person(ctx.host) else None
    if cue is None or receiver is None:
        return [], end
    people, lands = _listed(ctx, piece, cue.end(), end, receiver)
    if not people:  # "A and B also presented their letters of credence": the envoys named before the cue
        before = _listed(ctx, piece, start, cue.start(), receiver)
        people, lands = before if before[0] or before[1] and not lands else (people, lands)
    last = end
    if len(people) < 2:  # the envoys named in the sentence after it, rather than their countries
        nxt = [m for m in piece.mentions if m.sentence.start >= end]
        if nxt:
            s = min(nxt, key=lambda m: m.sentence.start).sentence
            if LIST_OPENER.match(ctx.norm[s.start:s.end]):
                named = _listed(ctx, piece, s.start, s.end, receiver)
                if len(named[0]) >= 2 or not lands:
                    people, lands = named
                    last = s.end
    if len(people) >= 2:
        return [ctx.key_of[m] for m in people], last
    if not people and not lands:  # "the new Mexican, Italian and Belgian ambassadors presented …": no one named
        return [envoy_party(ctx, land, kind) for land, kind in unnamed_envoys(ctx.norm[start:end])], end
    if not people and lands and re.search(r"\b(?:ambassadors?|envoys?|high commissioners?) of\b",
                                          ctx.norm[start:end], re.I):  # "Ambassadors of A and B presented …"
        return [ctx.key_of[m] for m in lands], last
    return [], end


def _listed(ctx: Context, piece: Piece, start: int, end: int, receiver: str) -> tuple[list[Mention], list[Mention]]:
    """The envoys (persons other than the receiver) and the countries named between `start` and `end`; a country
    named more than once there (the receiving country: "… to Ghana") or the receiver's own is nobody's."""
    names = sorted((m for m in piece.mentions if start <= m.start < end and ctx.key_of.get(m)), key=lambda m: m.start)
    own = {r.org for r in ctx.entities[receiver].roles}
    people, seen = [], set()
    for m in names:
        k = ctx.key_of[m]
        if ctx.entities[k].type == "Person" and k != receiver and k not in seen:
            people.append(m)
            seen.add(k)
    lands = [m for m in names if ctx.entities[ctx.key_of[m]].type == "Country" and ctx.key_of[m] not in own]
    counts: dict[str, int] = {}
    for m in lands:
        counts[ctx.key_of[m]] = counts.get(ctx.key_of[m], 0) + 1
    return people, [m for m in lands if counts[ctx.key_of[m]] == 1]


def ceremonies(ctx: Context, t: Told, listed: list[str], start: str | None, reported: bool,
               part_of: str | None) -> list[Event]:
    """One ceremony per envoy (or country) listed: who received the credentials, and the envoy."""
    out = []
    for key in listed:
        ev = Event("", "Ceremony", "", start, None, t.sentence, "rule",
                   conf.REPORTED_EVENT if reported else conf.TOLD_EVENT, reported=reported, part_of=part_of)
        take_part(ev, ctx.host, "host", conf.HOST_UNSAID, "inference", t.sentence)
        take_part(ev, key, "guest", conf.COUNTERPART, "rule", t.sentence)
        for land in envoy_lands(ctx, key):  # the country he speaks for is met as such
            take_part(ev, land, "guest", conf.COUNTERPART, "inference", t.sentence)
        ev.label = f"Credentials presented by {ctx.entities[key].label}"
        ev.key = meeting_key(ev)
        out.append(ev)
    return out


ENVOY_TITLE = re.compile(r"\b(?:ambassador|envoy|high commissioner|charg[ée] d['’]affaires)\b", re.I)


def envoy_lands(ctx: Context, key: str) -> list[str]:
    """The country an envoy's post says he speaks for ("Ambassador of Chile", "the Chilean Ambassador"), not the one
    he is accredited to (the receiver's)."""
    if not ctx.is_person(key):
        return []
    own = ctx.lands_of({ctx.host}) if ctx.host else set()
    lands = {r.org for r in ctx.entities[key].roles if ENVOY_TITLE.search(r.title) and r.org in ctx.entities
             and ctx.entities[r.org].type == "Country" and r.org not in own}
    return sorted(lands) if len(lands) == 1 else []
