"""A learned check of who took part: each participant of each meeting the rules (and the pair model) made is scored,
and one the model is sure was not at that meeting is dropped.

The rules take part of a list for the whole list ("members of parliament A (Party X) and B (Party Y) met …": the
parties are not participants), a person's organisation or country for a participant beside him, a person only quoted
or mentioned for one present. Rules written against such texts grew on one outlet and did not carry to others; here
every (meeting, participant) is a row, described by what any text has: how the participant was read (the step that
added it, `Participant.source`; its role and method), its kind, whether it holds a post and whether that post is in
an organisation or country of the same meeting (or, for an organisation or country, whether another participant
holds a post in it), how far its sentence is from the meeting's, whether it is the document's host, in how many
meetings it is, how many the meeting has, the words around its mention and whether that mention is in a quote. A
logistic model gives the probability that the participant is NOT one; above the model's threshold (`drop`, chosen
on held-out outlets for precision first) it is dropped, never leaving a meeting with fewer than two.

The model is data (`graph/data/prune.json`), trained by `python -m graph.evaluate.train_prune` on gold annotations
(docs/evaluation.md). Without the file nothing is dropped. No name from any text is in here or in it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from ..records import Event, Sentence
from .context import Context
from .learned import Packaged, _bucket, _title_head, _words

QUOTES = re.compile(r"[\"“”«»]")
SAID = frozenset({"said", "says", "told", "added", "noted", "stated", "according", "quoted", "stressed"})

PRUNE = Packaged("prune.json")
use_model = PRUNE.use  # a model instead of the packaged one (None: nothing dropped); for training and tests
reset_model = PRUNE.reset

# set by the training command: receives each document's rows before any decision
Recorder = Callable[[Context, list[Event], list["Row"]], None]
RECORDER: Recorder | None = None


@dataclass(frozen=True)
class Row:
    """One participant of one meeting (`event`: its index in the list checked)."""

    event: int
    entity: str
    features: tuple[str, ...]


def pruned(ctx: Context, events: list[Event], sentences: list[Sentence]) -> list[Event]:
    """`events` with the participants the model is sure were not at them dropped (in place; the list returned)."""
    model = PRUNE.current()
    if model is None and RECORDER is None:
        return events
    rows = rows_of(ctx, events, sentences)
    if RECORDER is not None:
        RECORDER(ctx, events, rows)
    if model is None:
        return events
    by_event: dict[int, list[tuple[float, str]]] = {}
    for row in rows:
        p = model.probability(row.features)
        if p >= model.add:
            by_event.setdefault(row.event, []).append((p, row.entity))
    for i, gone in by_event.items():
        drop_from(events[i], [k for _, k in sorted(gone, reverse=True)])
    return events


def drop_from(ev: Event, keys: list[str]) -> None:
    """Drops `keys` (surest first) from `ev` while two participants stay."""
    for key in keys:
        left = [p for p in ev.participants if p.entity != key]
        if len({p.entity for p in left}) < 2:
            return
        ev.participants = left


def rows_of(ctx: Context, events: list[Event], sentences: list[Sentence]) -> list[Row]:
    """A row for each participant of each meeting of two or more."""
    starts = [s.start for s in sentences]
    index = lambda s: max(0, bisect_right(starts, s.start) - 1)  # noqa: E731  a sentence's place in the text
    in_events = Counter(p.entity for ev in events for p in {q.entity: q for q in ev.participants}.values())
    mentions = Counter(ctx.key_of.values())
    rows = []
    for i, ev in enumerate(events):
        keys = list(dict.fromkeys(p.entity for p in ev.participants))
        if len(keys) < 2:
            continue
        for p in ev.participants:
            if p.entity not in ctx.entities or p.entity not in keys:
                continue
            keys.remove(p.entity)  # a participant's first word on it only
            feats = _features(ctx, ev, p, index, in_events, mentions)
            rows.append(Row(i, p.entity, tuple(feats)))
    return rows


def _features(ctx: Context, ev: Event, p, index, in_events: Counter, mentions: Counter) -> list[str]:
    ents = ctx.entities
    ent = ents[p.entity]
    others = [q.entity for q in ev.participants if q.entity != p.entity and q.entity in ents]
    kinds = Counter(ents[k].type for k in others)
    feats = [f"kind={ent.type}", f"role={p.role}", f"method={p.method}", f"src={p.source or p.method}",
             f"ev_method={ev.method}", f"ev_type={ev.type}", f"n={_bucket(len(others) + 1)}",
             f"host={p.entity == ctx.host}", f"events={_bucket(in_events[p.entity])}",
             f"mentions={_bucket(mentions[p.entity])}", f"reported={ev.reported}", f"part_of={bool(ev.part_of)}"]
    feats += [f"kind|n={ent.type}|{_bucket(len(others) + 1)}", f"kind|src={ent.type}|{p.source or p.method}",
              f"kind|role={ent.type}|{p.role}", f"kind|ev_method={ent.type}|{ev.method}",
              f"role|src={p.role}|{p.source or p.method}", f"conf={p.confidence:.1f}", f"ev_conf={ev.confidence:.1f}"]
    feats += [f"others_{k}={_bucket(n)}" for k, n in kinds.items()]
    feats += _membership(ctx, p.entity, others)
    dist = abs(index(p.sentence) - index(ev.sentence))
    feats.append(f"dist={_bucket(dist)}")
    named = any(ctx.key_of.get(m) == p.entity for m in ctx.mentions_between(ev.sentence.start, ev.sentence.end))
    feats.append(f"in_event_sentence={named}")
    feats += _mention_features(ctx, p.entity, p.sentence if p.sentence.end > p.sentence.start else ev.sentence)
    if ent.type in ("Organization", "Country"):
        words = ent.label.split()
        if len(words) >= 2:  # the kind of organisation its name ends in ("… Party", "… Ministry"), never a name alone
            feats.append(f"org_head={words[-1].casefold()}")
    return feats


def _membership(ctx: Context, key: str, others: list[str]) -> list[str]:
    """Whether the participant is the organisation or country of another participant's post, or holds a post in
    an organisation or country of the meeting; its title's head word."""
    ents = ctx.entities
    ent = ents[key]
    feats = [f"titled={bool(ent.roles)}"]
    head = _title_head(ent)
    if head:
        feats.append(f"title={head}")
    if ent.type != "Person":
        holders = [k for k in others if any(r.org == key for r in ents[k].roles)]
        feats.append(f"post_of_other={bool(holders)}")
        if holders and ent.type == "Organization":
            feats.append("org_of_other")
        people = [k for k in others if ents[k].type == "Person"]
        feats.append(f"with_people={bool(people)}")
        feats.append(f"{ent.type}|post_of_other={bool(holders)}|with_people={bool(people)}")
    else:
        orgs = {r.org for r in ent.roles}
        feats.append(f"post_in_event={bool(orgs & set(others))}")
        lands = ctx.lands_of({key})
        other_lands = ctx.lands_of(set(others))
        if lands:
            feats.append(f"land_shared={bool(lands & other_lands)}")
            feats.append(f"host_land={bool(ctx.host and lands & ctx.lands_of({ctx.host}))}")
    return feats


def _mention_features(ctx: Context, key: str, sent: Sentence) -> list[str]:
    """The words around the participant's mention in the sentence it was read in, and whether it stands in a quote
    or beside a verb of saying; none when it is not named there."""
    found = [m for m in ctx.mentions_between(sent.start, sent.end) if ctx.key_of.get(m) == key]
    if not found:
        return ["unnamed_here"]
    m = found[0]
    before = _words(ctx.norm[max(sent.start, m.start - 60):m.start])[-2:]
    after = _words(ctx.norm[m.end:min(sent.end, m.end + 30)])[:2]
    feats = [f"nb{len(before) - j}={w}" for j, w in enumerate(before)]
    feats += [f"na{j + 1}={w}" for j, w in enumerate(after)]
    feats.append(f"quoted={len(QUOTES.findall(ctx.norm, sent.start, m.start)) % 2 == 1}")
    feats.append(f"saying={bool(SAID & set(_words(ctx.norm[sent.start:sent.end])))}")
    feats.append(f"bracketed={ctx.norm[max(sent.start, m.start - 1):m.start] == '('}")
    feats.append(f"pos={'first' if m.start - sent.start < 40 else 'later'}")
    return feats
