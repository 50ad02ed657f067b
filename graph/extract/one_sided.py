"""A meeting of one is no meeting. A meeting, talks or call that comes out with a single participant (the one met
was not read: a group never named, "the other side", a name the model missed, a meeting only wished for) says
nothing of who met whom and is mostly not one of the report's events. It is dropped, unless a header tells it, it
is part of a visit or summit (or has parts), or it is a gathering (summit, conference, ceremony, visit) the one
named attended."""

from __future__ import annotations

from ..records import Event

TWO_SIDED = ("Meeting", "Negotiations", "PhoneCall")


def without_one_sided(events: list[Event]) -> list[Event]:
    """`events` without the meetings of one participant (module docstring)."""
    parents = {e.part_of for e in events if e.part_of}
    return [e for e in events if not _one_sided(e, parents)]


def _one_sided(ev: Event, parents: set[str]) -> bool:
    return (ev.type in TWO_SIDED and len({q.entity for q in ev.participants}) < 2 and ev.method != "header"
            and not ev.part_of and ev.key not in parents)
