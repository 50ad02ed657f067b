"""What an event was about: the names in its text ranked, projects and equipment first, then organisations, places
and countries that do not take part."""

from __future__ import annotations

import math
import re
from collections import Counter

from ..ids import entity_key, topic_key
from ..records import Entity, Event, Mention, Outcome, Sentence, Topic
from ..text.areas import areas_of
from ..text.gazetteer import news_agencies
from .chunks import Piece
from .context import Context
from .mentions import agency_like

# A place named in the event's text is often where it happened; a country often a participant's own (OWN_COUNTRY).
TOPIC_WEIGHT = {"Project": 1.0, "Equipment": 1.0, "Organization": 0.55, "Place": 0.5, "Country": 0.35}
# the outlet and its releases are where the text comes from, never a subject
SOURCE = re.compile(r"\b(?:press (?:service|office|release|secretary)|news agency|information agency|media "
                    r"(?:office|centre|center)|readout)\b", re.I)
OWN_COUNTRY = 0.3  # a participant's own country is rarely what the meeting was about
NOT_AN_AGENCY = 0.5  # a company or a body that is no agency: more often a party than a topic
HEADER_TOPIC = 3.0  # named in the header after "on", "about": "Conference on the re-equipment of the Air Force"
KEEP_ABOVE = 0.5
MAX_TOPICS = 12
MAX_STATED = 8  # with subjects the text states: at most this many topics, the stated ones first
STATED = 3.0  # a stated subject outranks every name merely in the event's text
NAMED_STATED = 0.1  # a stated subject that is a named project, equipment or organisation: a little more
OUTCOME = 1.0  # a document signed or adopted at the event: first of what it was about
NO_AREAS = ("Person", "Country", "Place")  # actors and places are not subjects of an area


def stated_topics(ctx: Context, ev: Event, pieces: list[Piece], start: int, end: int) -> list[tuple[float, str]]:
    """(score, entity key) of the subjects the text says the event was about (`ctx.phrases`, read by
    phrases.py), in the sentences from `start` to `end`: the named entity that covers the phrase, else a concept
    (a `Topic` entity labelled with the phrase)."""
    entities, key_of = ctx.entities, ctx.key_of
    taking_part = {p.entity for p in ev.participants} | ({ev.place} if ev.place else set())
    out: dict[str, float] = {}
    made = [(p, o) for p in pieces for o in ctx.outcomes.get(id(p), ()) if start <= o.start < end]
    for p, o in made:
        key = outcome(ctx, ev, p, o)
        out[key] = max(out.get(key, 0.0), OUTCOME)
    for p in pieces:
        for label, a, b, strength in ctx.phrases.get(id(p), ()):
            if not start <= a < end or any(o.start <= a < o.end for _, o in made):
                continue
            named = next((key_of[m] for m in p.mentions if key_of.get(m) and m.start < b and a < m.end
                          and entities[key_of[m]].type in ("Project", "Equipment", "Organization")), None)
            if named is None and any(key_of.get(m) for m in p.mentions if m.start <= a and b <= m.end):
                continue  # the phrase is a person's or a country's name
            key = named or topic_key(label)
            if key is None or key in taking_part:
                continue
            if SOURCE.search(label) or named and SOURCE.search(entities[named].label):
                continue
            if named is None and key not in entities:
                entities[key] = Entity(key, "Topic", label, set(), [], [], round(0.5 + strength / 4, 2), "rule")
            out[key] = max(out.get(key, 0.0), strength + (NAMED_STATED if named else 0.0))
    ranked = sorted(out.items(), key=lambda x: (-x[1], entities[x[0]].label))[:MAX_STATED]
    return [(STATED + s, k) for k, s in ranked]


def outcome(ctx: Context, ev: Event, piece: Piece, o) -> str:
    """The entity of a document signed at `ev` (an `OutcomePhrase`): a named project the phrase is, else an
    Agreement labelled with the phrase; recorded on the event with its signatories (the named signers, or the
    event's participants when the text says "the sides signed")."""
    entities, key_of = ctx.entities, ctx.key_of
    key = next((key_of[m] for m in piece.mentions if key_of.get(m) and o.start <= m.start and m.end <= o.end
                and entities[key_of[m]].type == "Project" and m.end - m.start >= (o.end - o.start) // 2), None)
    if key is None:
        key = entity_key("Agreement", o.label)
        if key not in entities:
            entities[key] = Entity(key, "Agreement", o.label, set(), [], [], 0.75, "rule")
    signers: list[str] = []
    for a, b in o.signers:
        signers += [key_of[m] for m in piece.mentions if key_of.get(m) and a <= m.start and m.end <= b
                    and entities[key_of[m]].type in ("Person", "Organization", "Country")]
    if o.collective:
        signers += [p.entity for p in ev.participants if entities[p.entity].type in ("Person", "Organization",
                                                                                       "Country")]
    signers = list(dict.fromkeys(signers))
    if not any(x.entity == key for x in ev.outcomes):
        ev.outcomes.append(Outcome(key, tuple(signers), Sentence(*o.sentence)))
    return key


def rank_topics(ctx: Context, ev: Event, scope: list[Mention], stated: list[tuple[float, str]] = ()) -> None:
    """Rank what the event's text (`scope`) names; keep those that score enough (at most MAX_TOPICS), with a
    confidence that grows with the score. Subjects the text states (`stated`) come first, and then at most
    MAX_STATED in all, no news agency among them."""
    entities, key_of = ctx.entities, ctx.key_of
    counts: Counter = Counter()
    taking_part = {p.entity for p in ev.participants} | ({ev.place} if ev.place else set())
    own = {r.org for p in ev.participants for r in entities[p.entity].roles if entities[p.entity].type == "Person"}
    for m in scope:
        k = key_of.get(m)
        if k and k not in taking_part and TOPIC_WEIGHT.get(entities[k].type) and not SOURCE.search(entities[k].label):
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
    if stated:
        scored = [x for x in scored if entities[x[1]].label.casefold() not in news_agencies()]
    for s, k in stated:
        scored = [x for x in scored if x[1] != k] + [(s, k)]
    scored.sort(key=lambda x: (-x[0], x[1]))
    kept = [(s, k) for s, k in scored if s >= KEEP_ABOVE][:MAX_STATED if stated else MAX_TOPICS]
    ev.topics = [Topic(k, i + 1, round(min(0.95, 0.4 + s / 3), 2)) for i, (s, k) in enumerate(kept)]
    for t in ev.topics:
        ent = entities[t.entity]
        if ent.type not in NO_AREAS and not ent.areas:
            ent.areas = areas_of(ent.label, ent.type)
