"""Who a visit is by: nobody visits his own country. A visit to a country (the visitor and the country visited, the
annotation's convention) sometimes gathers the host country's officials told as present around it ("The
Ruritanian delegation includes Foreign Minister A, Finance Minister B, …", read into the visit as attendees). A person read among
those present who holds a post in the country visited, or is listed in its delegation, is on the host's side, not a visitor: he is taken out of
the visit when a visitor stays (his meeting with the visitor is its own event). The host the sentence names ("A
received B on B's visit") stays: the annotation counts the one who received in the visit."""

from __future__ import annotations

import re

from ..records import Event, Participant
from ..text import gazetteer as gz
from .context import Context

COMPANIONS = re.compile(r"\baccompan(?:ied|ying|ies)\b", re.I)
DELEGATION = re.compile(r"\b([A-Z][\w-]+)\s+(?:delegation|side)\b")

VISITS = ("Visit", "StateVisit")


def without_home_visitors(ctx: Context, events: list[Event]) -> list[Event]:
    """`events` with each visit's participants who hold a post in the country visited taken out, when a visitor
    stays (module docstring)."""
    for ev in events:
        if ev.type in VISITS and (lands := _lands_visited(ctx, ev)):
            home = [q for q in ev.participants if _home(ctx, q, lands)]
            visitors = {q.entity for q in ev.participants if ctx.is_person(q.entity) and q not in home}
            # listed beside a visitor's name ("… are among PM A's delegation"): his side
            home = [q for q in home if not visitors & {ctx.key_of.get(m) for m in
                                                        ctx.mentions_between(q.sentence.start, q.sentence.end)}]
            if home and visitors:
                ev.participants = [q for q in ev.participants if q not in home]
    return events


def _home(ctx: Context, q: Participant, lands: set[str]) -> bool:
    """Whether participant `q`, read among those present (an attendee), is a person holding a post in one of
    `lands`, or a person or organisation listed in its delegation: the one the sentence tells received or visited
    stays, his meeting is the visit's in the annotation's convention."""
    if q.role != "attendee" or ctx.entities[q.entity].type not in ("Person", "Organization"):
        return False
    if COMPANIONS.search(ctx.norm, q.sentence.start, q.sentence.end):
        return False  # "She was accompanied by Foreign Minister A": the visitor's side, whatever post was read for A
    return ctx.is_person(q.entity) and bool(ctx.lands_of({q.entity}) & lands) or _listed_with(ctx, q, lands)


def _listed_with(ctx: Context, q: Participant, lands: set[str]) -> bool:
    """Whether `q` was read from a sentence naming one country's delegation or side only, one of `lands` ("The
    Ruritanian delegation includes the head of its central bank A"): a post the text gives no country for."""
    named = {c.name for w in DELEGATION.findall(ctx.norm[q.sentence.start:q.sentence.end])
             if (c := gz.demonym_index().get(w) or gz.country_of(w)) is not None}
    visited = {c.name for k in lands if (c := gz.country_of(ctx.entities[k].label)) is not None}
    return len(named) == 1 and named <= visited


def _lands_visited(ctx: Context, ev: Event) -> set[str]:
    """The countries `ev` is a visit to: its country participants, when it has one only (a visit told with the
    visitor's own country beside the one visited is left alone)."""
    lands = {q.entity for q in ev.participants if ctx.entities[q.entity].type == "Country"}
    return lands if len(lands) == 1 else set()
