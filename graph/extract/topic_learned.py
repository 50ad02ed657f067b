"""What a meeting the trained pair model adds (learned.py) was about: the rules never told it, so it has no span of
text of its own and no subjects; it gets those the text states from its sentence on, to the next meeting the rules
tell (or the end of the text), read as for a meeting the rules tell (`topics.stated_topics`, `topics.rank_topics`)."""

from __future__ import annotations

from ..records import Event
from .context import Context
from .topics import TRIPS, rank_topics, stated_topics

THINGS = ("Project", "Equipment")


def learned_topics(ctx: Context, events: list[Event]) -> None:
    """Subjects for each meeting of the pair model that has none: those stated from its sentence to the next meeting
    told (a trip told in passing does not end it: what follows is still said of the meeting), ranked with the names
    of its paragraph that are things."""
    starts = sorted({ev.sentence.start for ev in events if ev.method != "learned" and ev.type not in TRIPS})
    text_end = len(ctx.norm)
    for ev in events:
        if ev.method != "learned" or ev.topics:
            continue
        begin = ev.sentence.start
        end = next((s for s in starts if s > begin), text_end)
        para = ctx.norm.find("\n\n", ev.sentence.end)
        near = min(end, para) if para >= 0 else end
        # of the names merely in its paragraph only things (a project, equipment): an organisation or a land named
        # near a meeting the rules did not read is who spoke or came, not what about (dev, 185 items: 11, none right)
        scope = [m for p in ctx.pieces for m in p.mentions if begin <= m.start < near and ctx.key_of.get(m)
                 and ctx.entities[ctx.key_of[m]].type in THINGS]
        rank_topics(ctx, ev, scope, stated_topics(ctx, ev, ctx.pieces, begin, end))
