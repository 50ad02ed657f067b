"""Event identity: one meeting told twice is one event, and its id comes from its date and who took part, so that
another document telling it gets the same id."""

from __future__ import annotations

from ..ids import told_key
from ..records import Event
from .context import take_part
from .topic_share import join_topics

OWN_TITLE = ("Summit", "Conference", "StateVisit", "Visit")  # a header's event of these kinds keeps its title's id


def meeting_key(ev: Event) -> str:
    """A meeting's id: its date and the ids of who took part."""
    return told_key(ev.start, ev.reported, (q.entity for q in ev.participants))


def event_keys(events: list[Event]) -> list[Event]:
    """Every event's stable id from its date and who took part (the same meeting told by another document gets the
    same id); an event with nobody but its host keeps the id made from its title."""
    renames = {}
    for ev in events:
        if ev.type in OWN_TITLE and ev.method == "header" or len(ev.participants) < 2:
            continue
        new = meeting_key(ev)
        renames[ev.key] = new
        ev.key = new
    for ev in events:
        if ev.part_of in renames:
            ev.part_of = renames[ev.part_of]
    return events


def unique(events: list[Event]) -> list[Event]:
    """One record per event id: two meetings that came out with one id are one (their participants and subjects
    joined: "paid a courtesy call on the President. The President welcomed …; the discussions centred on …" tells one
    meeting twice, the subjects after the second telling)."""
    by_key: dict[str, Event] = {}
    for ev in events:
        if ev.key in by_key:
            for q in ev.participants:
                take_part(by_key[ev.key], q.entity, q.role, q.confidence, q.method, q.sentence, q.source)
            join_topics(by_key[ev.key], ev)
        else:
            by_key[ev.key] = ev
    return list(by_key.values())


def same_meeting(a: Event, b: Event, host: str | None, any_tier: bool = False) -> bool:
    """One real meeting told twice: same day (or one undated) and a shared participant other than the host."""
    if a.type in ("StateVisit", "Visit", "Summit", "Conference") and a.end:
        return False
    if a.start and b.start and a.start != b.start:
        return False
    if (a.type in ("StateVisit", "Visit")) != (b.type in ("StateVisit", "Visit")):
        return False  # a visit and a meeting on it are two events
    return same_people(a, b, host) and (any_tier or a.reported == b.reported)


def same_people(a: Event, b: Event, host: str | None) -> bool:
    """One side's participants (the host aside) all take part in the other, and there is someone besides the host."""
    pa = {q.entity for q in a.participants} - {host}
    pb = {q.entity for q in b.participants} - {host}
    return bool(pa & pb) and (pa <= pb or pb <= pa)
