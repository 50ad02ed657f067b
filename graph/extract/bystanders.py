"""Names told beside a meeting that did not take part in it: the source a report quotes ("according to Ambassador
A"), the one whose greetings or message someone conveys or on whose behalf he speaks ("conveyed the greetings of
President A", "on behalf of Prime Minister B"), a predecessor or successor ("he succeeded Ambassador C", "was
succeeded by D"), the one whose act another answers ("in response to E slapping a surcharge"), the one whose
inauguration is recalled. The trained pair model (learned.py) reads any two names of a sentence; a pair it passes
loses such a name when each of its mentions in the sentence comes right after one of these words (titles between
allowed, no comma), and the meeting is dropped when fewer than two are left."""

from __future__ import annotations

import re

from ..records import Event
from .context import Context

CUE = re.compile(r"\b(?:according\s+to|on\s+behalf\s+of|greetings\s+(?:from|of)|(?:a\s+)?messages?\s+(?:from|of)|"
                 r"succeeded(?:\s+by)?|successor|predecessor|in\s+response\s+to|inauguration\s+of)\s+"
                 r"[^,;:()]{0,70}$", re.I)


def without_bystanders(ctx: Context, events: list[Event]) -> list[Event]:
    """`events` (the pair model's meetings) without the participants only named beside them (module docstring)."""
    out = []
    for ev in events:
        kept = [q for q in ev.participants if not _beside(ctx, q.entity, ev)]
        if len(kept) < len(ev.participants):
            if len({q.entity for q in kept}) < 2:
                continue
            ev.participants = kept
        out.append(ev)
    return out


def _beside(ctx: Context, key: str, ev: Event) -> bool:
    """Whether every mention of `key` in the sentence of `ev` comes after a bystander's cue (none: the host, who is
    not named there, stays)."""
    start, end = ev.sentence.start, ev.sentence.end
    spots = [m.start for m in ctx.mentions_between(start, end) if ctx.key_of[m] == key]
    return bool(spots) and all(CUE.search(ctx.norm[start:s]) for s in spots)
