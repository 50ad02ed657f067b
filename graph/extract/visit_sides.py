"""Who a visit is by: nobody visits his own country. A visit to a country (the visitor and the country visited, the
annotation's convention) sometimes gathers the host country's officials told as present around it ("The
Ruritanian delegation includes Foreign Minister A, Finance Minister B, …", read into the visit as attendees). A person read among
those present who holds a post in the country visited is on the host's side, not a visitor: he is taken out of
the visit when a visitor stays (his meeting with the visitor is its own event). The host the sentence names ("A
received B on B's visit") stays: the annotation counts the one who received in the visit."""

from __future__ import annotations

from ..records import Event, Participant
from .context import Context

VISITS = ("Visit", "StateVisit")


def without_home_visitors(ctx: Context, events: list[Event]) -> list[Event]:
    """`events` with each visit's participants who hold a post in the country visited taken out, when a visitor
    stays (module docstring)."""
    for ev in events:
        if ev.type in VISITS and (lands := _lands_visited(ctx, ev)):
            home = [q for q in ev.participants if _home(ctx, q, lands)]
            if home and any(ctx.is_person(q.entity) and q not in home for q in ev.participants):
                ev.participants = [q for q in ev.participants if q not in home]
    return events


def _home(ctx: Context, q: Participant, lands: set[str]) -> bool:
    """Whether participant `q` is a person holding a post in one of `lands`, read among those present (an
    attendee): the one the sentence tells received or visited stays, his meeting is the visit's in the
    annotation's convention."""
    return q.role == "attendee" and ctx.is_person(q.entity) and bool(ctx.lands_of({q.entity}) & lands)


def _lands_visited(ctx: Context, ev: Event) -> set[str]:
    """The countries `ev` is a visit to: its country participants, when it has one only (a visit told with the
    visitor's own country beside the one visited is left alone)."""
    lands = {q.entity for q in ev.participants if ctx.entities[q.entity].type == "Country"}
    return lands if len(lands) == 1 else set()
