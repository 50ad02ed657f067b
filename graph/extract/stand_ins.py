"""Names that stand for someone else, or for the meeting itself, taken out of the meetings the rules read.

- A meeting of countries only ("Iran, Azerbaijan discuss cooperation", "the leaders of A and B met in Manila")
  when the text also tells a meeting of people holding posts in each of those countries: the countries stand for
  their leaders, and the people's meeting is that meeting. "The foreign ministers of A and B met separately with …"
  tells no meeting between the two at all.
- An organisation named like an event ("the G20 Summit", "the State Visit", "the Summit") is where people met, not
  someone they met.
"""

from __future__ import annotations

import re

from ..records import Event
from .context import Context

MEETINGS = frozenset({"Meeting", "Negotiations", "PhoneCall"})
SEPARATELY = re.compile(r"\b(?:separately|separate meetings|one by one|individually)\b", re.I)
EVENT_HEADS = frozenset({"summit", "summits", "visit", "conference", "forum", "session", "sessions", "games", "expo",
                         "talks", "meeting", "ceremony", "festival", "exhibition", "fair", "week", "retreat"})


def without_stand_ins(ctx: Context, events: list[Event]) -> list[Event]:
    """`events` without event-named organisations among their participants (a meeting left with nobody goes), and
    without meetings of countries standing for people told meeting elsewhere in the text."""
    out = []
    for ev in events:
        ev.participants = [p for p in ev.participants if not _event_named(ctx, p.entity)]
        if ev.participants or ev.method == "header":
            out.append(ev)
    return [ev for ev in out if not _countries_for_people(ctx, ev, out)]


def _event_named(ctx: Context, key: str) -> bool:
    ent = ctx.entities.get(key)
    if ent is None or ent.type != "Organization":
        return False
    words = ent.label.split()
    return bool(words) and words[-1].casefold() in EVENT_HEADS


def _countries_for_people(ctx: Context, ev: Event, events: list[Event]) -> bool:
    """A meeting of two or more countries and nobody else, told apart or told as the meeting of people holding posts
    in each of them that another event of the text holds."""
    keys = {p.entity for p in ev.participants}
    if ev.type not in MEETINGS or len(keys) < 2 or any(ctx.entities[k].type != "Country" for k in keys):
        return False
    if SEPARATELY.search(ctx.norm[ev.sentence.start:ev.sentence.end]):
        return True
    for other in events:
        if other is ev:
            continue
        people = {p.entity for p in other.participants if ctx.entities[p.entity].type == "Person"}
        if len(people) >= 2 and keys <= ctx.lands_of(people):
            return True
    return False
