"""One envoy's call told twice: "X received the ambassadors of Ruritania, Osterland and Tarvik" (a meeting with each
country) and then "Ambassador of Ruritania A called on X" (a meeting with the envoy). The country's meeting and its
envoy's are one: the country joins the envoy's meeting (the annotation's convention: the envoy's country is met as
such) and its own record goes. Only where the country's meeting holds nobody else but those who received the envoy,
and one envoy of that country has a meeting with them."""

from __future__ import annotations

from ..records import Event
from .context import Context
from .identity import event_keys, unique
from .learned import ENVOYS
from .same_events import dated_apart, merge_groups


def envoy_joins(ctx: Context, events: list[Event]) -> list[Event]:
    """`events` with each country's meeting joined into its envoy's (module docstring)."""
    groups: dict[int, list[int]] = {}
    for i, ev in enumerate(events):
        people = {q.entity for q in ev.participants if ctx.is_person(q.entity)}
        lands = {q.entity for q in ev.participants if ctx.entities[q.entity].type == "Country"}
        if ev.type != "Meeting" or len(lands) != 1 or not people:
            continue
        land = next(iter(lands))
        if any(land in ctx.lands_of({k}) for k in people):
            continue  # the country's own people are there: not a meeting with the country alone
        calls = [j for j, other in enumerate(events) if j != i and other.type in ("Meeting", "Ceremony")
                 and _envoys_of(ctx, other, land) and people <= {q.entity for q in other.participants}
                 and not dated_apart(ev, other)]
        if len(calls) == 1 and not any(i in g for g in groups.values()):
            groups.setdefault(calls[0], [calls[0]]).append(i)
    if not groups:
        return events
    merge_groups(events, list(groups.values()))  # into the envoy's record, in place
    away = {i for g in groups.values() for i in g[1:]}
    return unique(event_keys([ev for i, ev in enumerate(events) if i not in away]))


def _envoys_of(ctx: Context, ev: Event, land: str) -> bool:
    """Does `ev` hold an envoy (by the title of a role) of `land`?"""
    return any(ctx.is_person(q.entity) and any(
        r.org == land and any(w in ENVOYS for w in r.title.lower().split()) for r in ctx.entities[q.entity].roles)
               for q in ev.participants)
