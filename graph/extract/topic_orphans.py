"""Subjects a text states that no meeting of it kept: each goes to the meeting told last before it.

A meeting's subjects are read in the span of text from the sentence that tells it to the next meeting told
(told_events.py). Where that next "meeting" is later dropped (a summit named as if it met, "the two leaders had a
discussion on the prospects for the [Harbour Summit]"; a group never named; one meeting told in pieces and joined),
what was said in its span belonged to no meeting the text keeps: "They discussed fisheries, ports and
roads" after such a sentence was lost. Those subjects, stated after a meeting the story tells and before the next it
tells, are that meeting's (round 13)."""

from __future__ import annotations

from ..records import Event
from .context import Context
from .topics import FIRM, MAX_STATED, TRIPS, _own_lands, _subject, add_stated

def orphan_topics(ctx: Context, events: list[Event]) -> None:
    """Give each subject stated firmly (discussed, agreed, on the agenda: `FIRM`) that no event of the text holds to
    the meeting told last before it, when one meeting (not several told in one sentence) is told there. Not on a page
    of headed events, whose segments each tell their own (tests/corpus: 10 more topics, 1 right; the seed 7, none)."""
    if any(seg.header is not None for seg in ctx.segments):
        return  # a page of headed events (a week's chronicle, a transcript): each reads its own segment
    told = sorted((ev for ev in events if not ev.reported and ev.type not in TRIPS),
                  key=lambda ev: ev.sentence.start)
    if not told:
        return
    held = {t.entity for ev in events for t in ev.topics} | {q.entity for ev in events for q in ev.participants}
    for p in ctx.pieces:
        for label, a, b, strength in ctx.phrases.get(id(p), ()):
            if strength < FIRM:
                continue
            hits = _told_before(told, events, a, ctx.norm)
            if len({ev.key for ev in hits}) != 1:
                continue
            ev = hits[0]
            found = _subject(ctx, p, label, a, b, strength)
            if found is None or found[0] in held or len(ev.topics) >= MAX_STATED:
                continue
            key = found[0]
            if key in {q.entity for q in ev.participants} | ({ctx.host} if ctx.host else set()) | _own_lands(ctx, ev):
                continue
            add_stated(ctx, ev, key, strength)
            held.add(key)


def _told_before(told: list[Event], events: list[Event], a: int, text: str) -> list[Event]:
    """The meeting(s) told last before offset `a`, unless a meeting told in passing comes between in the paragraph of
    `a` (what follows may be about it; a paragraph on, it is the story's again); before the first meeting told (the
    story's lead), that first meeting, when nothing else is told before it."""
    before = [ev for ev in told if ev.sentence.start <= a]
    if not before:
        first = told[0].sentence.start
        if any(ev.sentence.start < first for ev in events):
            return []
        return [ev for ev in told if ev.sentence.start == first]
    last = before[-1].sentence.start
    if any(last < ev.sentence.start <= a and "\n\n" not in text[ev.sentence.start:a] for ev in events):
        return []
    return [ev for ev in before if ev.sentence.start == last]
