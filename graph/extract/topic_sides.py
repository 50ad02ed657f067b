"""Subjects of a meeting read as held by whole countries, shared with the meeting of their people: a text that tells
"X and Y signed four agreements" or "A held talks with [country] B" beside "A met B's president C" tells one
meeting twice, once by its sides' countries and once by its people. What the country record got (the documents
signed, the subjects stated by its sentences) was that meeting's too (round 14)."""

from __future__ import annotations

from ..records import Event
from .topics import MAX_STATED, TRIPS, add_stated


def share_with_people(ctx, events: list[Event]) -> None:
    """Each record that holds a country as a side gives its subjects to the told meeting of people
    it stands for (`_stands_for`), after that meeting's own, up to MAX_STATED."""
    entities = ctx.entities
    for e in events:
        if e.type in TRIPS or not any(entities[q.entity].type == "Country" for q in e.participants):
            continue
        meetings = [m for m in events if m is not e and _stands_for(ctx, e, m)]
        if len({m.key for m in meetings}) != 1:
            continue  # none, or several a country side may stand for: which one is a guess
        m = meetings[0]
        taking_part = {q.entity for q in m.participants} | ctx.lands_of({q.entity for q in m.participants})
        for key in [t.entity for t in e.topics]:
            if len(m.topics) >= MAX_STATED:
                break
            if key in taking_part or any(t.entity == key for t in m.topics):
                continue
            add_stated(ctx, m, key, 0.0)


def _stands_for(ctx, e: Event, m: Event) -> bool:
    """`e`, a record with a country side, tells `m`, a meeting of people the story tells (not in passing): every
    side of `e` that is no country takes part in `m`, every country of `e` is one whose posts `m`'s people hold,
    and `m` has someone `e` names only by his country."""
    if m.reported or m.type in TRIPS:
        return False
    entities = ctx.entities
    e_keys = {q.entity for q in e.participants}
    m_keys = {q.entity for q in m.participants}
    lands = {k for k in e_keys if entities[k].type == "Country"}
    people = {k for k in m_keys if entities[k].type == "Person"} - e_keys
    return bool(people) and e_keys - lands <= m_keys and lands <= ctx.lands_of(people) | m_keys
