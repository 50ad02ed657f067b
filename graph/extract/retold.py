"""One meeting told twice, or two meetings told one after the other (told_events decides which meeting a sentence
tells again): "In his meeting with A, …" after "met with the head of X's party" is that meeting; "Prior to this,
the visiting Prime Minister called on B" after the host's talks with him is another."""

from __future__ import annotations

import re

from ..records import Event
from .context import Context

# the meeting told before, named again with whom it was with: "In his meeting with A, …", "During the talks with A"
THE_MEETING = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Aa]t)\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?(?:meeting|talks|"
                         r"conversation|discussions?)\s+with\b")


def named_now(ctx: Context, ev: Event, out: list[Event]) -> Event | None:
    """The meeting told just before whose one met was named only as a body or a group ("met with the head of
    Japan's X Party"), now named by name ("In his meeting with A, …"): same day, same one who met, and no other
    person met there."""
    prev = next((e for e in reversed(out) if e.type in ("Meeting", "Negotiations")), None)
    if prev is None or prev.reported != ev.reported or prev.start and ev.start and prev.start != ev.start:
        return None
    them = {q.entity for q in prev.participants if ctx.is_person(q.entity)}
    now = {q.entity for q in ev.participants if ctx.is_person(q.entity)}
    return prev if len(them) == 1 and them < now else None


def host_apart(ctx: Context, a: Event, b: Event) -> bool:
    """Two meetings of the visitor, one with the host and one without him with someone else: "A met B …
    Prior to this, the visiting Prime Minister called on Minister X" is no meeting of A's told again."""
    host = ctx.host
    pa, pb = {q.entity for q in a.participants}, {q.entity for q in b.participants}
    if host is None or (host in pa) == (host in pb):
        return False
    without, other = (pa, pb) if host not in pa else (pb, pa)
    return any(ctx.is_person(k) for k in without & other) and any(ctx.is_person(k) and k not in other
                                                                  for k in without)
