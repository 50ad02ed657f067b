"""What an event was about: the names in its text ranked, projects and equipment first, then organisations, places
and countries that do not take part."""

from __future__ import annotations

import math
from collections import Counter

from ..records import Event, Mention, Topic
from .context import Context
from .mentions import agency_like

TOPIC_WEIGHT = {"Project": 1.0, "Equipment": 1.0, "Organization": 0.55, "Place": 0.5, "Country": 0.35}
OWN_COUNTRY = 0.3  # a participant's own country is rarely what the meeting was about
NOT_AN_AGENCY = 0.5  # a company or a body that is no agency: more often a party than a topic
HEADER_TOPIC = 3.0  # named in the header after "on", "about": "Conference on the re-equipment of the Air Force"
KEEP_ABOVE = 0.5
MAX_TOPICS = 12


def rank_topics(ctx: Context, ev: Event, scope: list[Mention]) -> None:
    """Rank what the event's text (`scope`) names; keep those that score enough (at most MAX_TOPICS), with a
    confidence that grows with the score."""
    entities, key_of = ctx.entities, ctx.key_of
    counts: Counter = Counter()
    taking_part = {p.entity for p in ev.participants} | ({ev.place} if ev.place else set())
    own = {r.org for p in ev.participants for r in entities[p.entity].roles if entities[p.entity].type == "Person"}
    for m in scope:
        k = key_of.get(m)
        if k and k not in taking_part and entities[k].type in TOPIC_WEIGHT:
            counts[k] += 1
    scored = []
    for k, n in counts.items():
        ent = entities[k]
        w = TOPIC_WEIGHT[ent.type]
        if ent.type == "Country" and k in own:
            w *= OWN_COUNTRY
        if ent.type == "Organization" and not agency_like(ent.label):
            w *= NOT_AN_AGENCY
        scored.append((w * (1 + math.log(n)), k))
    for k in ev.header_topics:
        scored = [x for x in scored if x[1] != k] + [(HEADER_TOPIC, k)]
    scored.sort(key=lambda x: (-x[0], x[1]))
    kept = [(s, k) for s, k in scored if s >= KEEP_ABOVE][:MAX_TOPICS]
    ev.topics = [Topic(k, i + 1, round(min(0.95, 0.4 + s / 3), 2)) for i, (s, k) in enumerate(kept)]
