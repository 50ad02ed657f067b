"""Subjects shared between records of one event: a meeting told twice and made one record (`join_topics`)."""

from __future__ import annotations

from ..records import Event, Topic

MAX_JOINED = 16  # at most as many subjects as the text can state for one event (topics.MAX_STATED)


def join_topics(into: Event, other: Event) -> None:
    """`other`'s subjects that `into` lacks, after its own, while it holds fewer than MAX_JOINED (the subjects of a
    record merged away are not lost with it)."""
    have = {t.entity for t in into.topics}
    taking_part = {q.entity for q in into.participants}
    for t in other.topics:
        if len(into.topics) >= MAX_JOINED:
            break
        if t.entity not in have and t.entity not in taking_part:
            into.topics.append(Topic(t.entity, len(into.topics) + 1, t.confidence))
            have.add(t.entity)
