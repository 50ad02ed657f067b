"""Names told in other sentences attached to the meeting they belong to: a trained model over (event, name) rows.

News tells a meeting in one sentence and its other people in the next ones: "A received B on Monday. Foreign
Minister C and Trade Minister D also attended.", "The delegation included C and D.", "During the meeting, C briefed
…", "C said the talks were …". The rules read sentence by sentence and the pair model (`learned.py`) pairs names of
one sentence, so C and D are never with A and B. Here each event the rules and the pair model found and each person,
country or organisation named in the event's sentence or the few after it (and the one before), who is not already
its participant, make a row per sentence naming it, scored from what surrounds the name: how far from the event's
sentence, whether another event is told between or in the name's sentence, how many events the text has, words of
the name's sentence that point back at a meeting ("the talks", "both sides", "also attended", "the delegation"),
the name's kind and title, whether its country is one of the event's people's (same side) or not, whether it takes
part in another event, whether the text's first sentence names it. No row where the pair model's rules keep two
apart in the event's own sentence: two guests holding posts in two countries, or two envoys; a country with someone
when a person holding a post in it is named there; a person with an event of countries alone. A name the model passes
(`Model.add`, its surest row) joins its surest event, one event a name.

The model is data (`graph/data/attach.json`: weights of string features, a bias, the threshold), trained on the gold
annotations of the real-news development set by `python -m graph.evaluate.train_attach` (docs/evaluation.md). No
name from any text is in here or in it, nor any word of one but the fixed cues above.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from ..records import Event, Sentence
from .context import Context, take_part
from .learned import KINDS, Packaged, _bucket, _country_of_one_named, _holders, _leaders_apart, _title_head

BEFORE, AFTER = 1, 6  # sentences before and after an event's sentence where its names are looked for
ANAPHORS = {
    "the_meeting": re.compile(r"\b(?:the|this|that|their|today's|the same)\s+(?:\w+\s+)?(?:meeting|talks|"
                              r"discussions?|negotiations|conversation|visit|session|audience|call)\b", re.I),
    "sides": re.compile(r"\b(?:both|the two)\s+(?:sides|leaders|ministers|countries|parties|delegations|"
                        r"presidents|officials)\b", re.I),
    "during": re.compile(r"\b(?:during|at|in the course of|on the sidelines of|after|following)\s+the\b", re.I),
    "attended": re.compile(r"\b(?:also\s+)?(?:attended|present|accompanied|accompanying|joined|took part|"
                           r"participated)\b", re.I),
    "delegation": re.compile(r"\bdelegations?\b|\bincluded\b|\bcomprising\b|\bled by\b", re.I),
    "also": re.compile(r"\balso\b", re.I),
    "said": re.compile(r"\b(?:said|says|told|stated|noted|stressed|added|according to)\b", re.I),
    "quote": re.compile(r"[\"“”]"),
}

# set by the training command: receives each document's rows (and what it needs to label them) before any decision
Recorder = Callable[[Context, list[Event], list["Row"]], None]
RECORDER: Recorder | None = None

ATTACH = Packaged("attach.json")
use_model = ATTACH.use  # use a model instead of the packaged one (None: nothing attached); for training and tests
reset_model = ATTACH.reset
packaged_model = ATTACH.packaged
current_model = ATTACH.current


@dataclass(frozen=True)
class Row:
    """A name (`key`) told in sentence `sentence` (index), and event `event` (index in the events) it may join."""

    event: int
    key: str
    sentence: int
    features: tuple[str, ...]


def attached(ctx: Context, events: list[Event], sentences: list[Sentence]) -> list[Event]:
    """`events`, each name the model passes joined to its surest event (the module docstring); the same list."""
    model = current_model()
    if model is None and RECORDER is None:
        return events
    rows = attach_rows(ctx, events, sentences)
    if RECORDER is not None:
        RECORDER(ctx, events, rows)
    if model is None or not rows:
        return events
    best: dict[str, tuple[float, int, int]] = {}  # key → (probability, event, sentence) of its surest row
    for row in rows:
        p = model.probability(row.features)
        if p >= model.add and p > best.get(row.key, (0.0, -1, -1))[0]:
            best[row.key] = (p, row.event, row.sentence)
    for key, (p, e, s) in sorted(best.items(), key=lambda kv: (kv[1][1], kv[0])):
        take_part(events[e], key, "attendee", round(p, 3), "attach", sentences[s])
    return events


def _index(sentences: list[Sentence], sent: Sentence) -> int | None:
    """The index of the sentence holding `sent`'s start."""
    for n, s in enumerate(sentences):
        if s.start <= sent.start < s.end:
            return n
    return None


def attach_rows(ctx: Context, events: list[Event], sentences: list[Sentence]) -> list[Row]:
    """A row for each event with someone, each name of the kinds told from `BEFORE` sentences before its sentence
    to `AFTER` after it that it does not hold, and each sentence naming it there."""
    if not events or not sentences:
        return []
    index = {s: n for n, s in enumerate(sentences)}
    at = [index.get(e.sentence, _index(sentences, e.sentence)) for e in events]
    people = [{q.entity for q in e.participants} for e in events]
    named: list[dict[str, None]] = []  # per sentence: the keys it names, in its order
    for sent in sentences:
        named.append(dict.fromkeys(k for m in ctx.mentions_between(sent.start, sent.end)
                                   if (k := ctx.key_of.get(m)) in ctx.entities and ctx.entities[k].type in KINDS
                                   and m.end <= sent.end))
    in_events = Counter(k for ps in people for k in ps)
    told_at = Counter(n for n in at if n is not None)
    headline = set(named[0])
    mentions = Counter(ctx.key_of[m] for m in ctx.key_of)
    doc = _DocFacts(len(events), in_events, told_at, headline, mentions)
    told = sorted(n for n in at if n is not None)
    holding: dict[str, list[int]] = {}  # key → the events holding it
    for x, ps in enumerate(people):
        for k in ps:
            holding.setdefault(k, []).append(x)
    cues: dict[int, list[str]] = {}  # sentence index → its words pointing back at a meeting
    rows: list[Row] = []
    for e, ev in enumerate(events):
        if at[e] is None or not people[e]:
            continue
        lands = _sides(ctx, people[e])
        no_person = not any(ctx.is_person(k) for k in people[e] if k in ctx.entities)
        for n in range(max(0, at[e] - BEFORE), min(len(sentences), at[e] + AFTER + 1)):
            names = named[n]
            if not names:
                continue
            lo, hi = min(at[e], n), max(at[e], n)
            between = max(0, bisect_left(told, hi) - bisect_right(told, lo))  # events told strictly between
            if n not in cues:
                cues[n] = [c for c, rx in ANAPHORS.items() if rx.search(text_of(ctx, sentences[n]))]
            here = doc.told_at[n] - (1 if n == at[e] else 0)
            holders = _holders(ctx, names) if n == at[e] else {}
            for key in names:
                if key in people[e] or n == at[e] and _apart_here(ctx, key, people[e], ev.sentence):
                    continue  # in the event's sentence, two the pair model reads apart (two guests of two countries)
                if n == at[e] and (no_person and ctx.is_person(key) or any(
                        _country_of_one_named(holders, key, x) for x in people[e])):
                    continue  # "met her peers from Chile and Kenya, A and B": the people met, not their countries
                shares = any(x != e and people[x] & people[e] for x in holding.get(key, ()))
                feats = _features(ctx, ev, people[e], lands, key, n - at[e], between, here, shares, len(names),
                                  cues[n], doc)
                rows.append(Row(e, key, n, tuple(feats)))
    return rows


def _apart_here(ctx: Context, key: str, people: set[str], sent: Sentence) -> bool:
    """`key` and one of the event's people are two the pair model keeps apart in the event's sentence
    (`learned._leaders_apart`: two guests holding posts in two countries, two envoys)."""
    text = text_of(ctx, sent)
    return any(_leaders_apart(ctx, key, x, ctx.host, text) for x in people if x in ctx.entities)


def text_of(ctx: Context, sent: Sentence) -> str:
    return ctx.norm[sent.start:sent.end]


@dataclass(frozen=True)
class _DocFacts:
    events: int
    in_events: Counter  # key → how many events hold it
    told_at: Counter  # sentence index → how many events are told there
    headline: set  # the keys named in the text's first sentence
    mentions: Counter  # key → its mentions in the text


def _sides(ctx: Context, people: set[str]) -> set[str]:
    """The countries of an event's people: those that are countries, and those their posts are in."""
    return {k for k in people if k in ctx.entities and ctx.entities[k].type == "Country"} | ctx.lands_of(people)


def _side(ctx: Context, key: str, lands: set[str], people: set[str]) -> str:
    """Whether `key` (or the country of its post) is of a country of the event's people, of another, or unknown."""
    ent = ctx.entities[key]
    own = {key} if ent.type == "Country" else ctx.lands_of({key})
    if not own:
        return "unknown"
    if own & lands:
        # of the side of a guest or of the host's
        host_side = ctx.host is not None and bool(own & ({ctx.host} | ctx.lands_of({ctx.host})))
        return "host_side" if host_side else "same"
    return "other"


def _features(ctx: Context, ev: Event, people: set[str], lands: set[str], key: str, dist: int, between: int,
              here: int, shares: bool, n_names: int, cues: list[str], doc: _DocFacts) -> list[str]:
    """The row's features; `here`: the other events told in the name's sentence; `shares`: the name is in another
    event that shares someone with this one. The sentence's words and the words around the name are not features:
    measured by outlet, they made the model worse (docs/evaluation.md)."""
    ent = ctx.entities[key]
    d = "before" if dist < 0 else str(dist) if dist < 3 else "3-4" if dist < 5 else "5+"
    f = [f"dist={d}", f"between={min(between, 2)}", f"events={_bucket(doc.events)}", f"kind={ent.type}",
         f"ev_type={ev.type}", f"ev_method={ev.method}", f"ev_size={min(len(people), 4)}",
         f"names={_bucket(n_names)}", f"in_events={min(doc.in_events[key], 2)}",
         f"here_events={min(here, 2)}",
         f"headline={key in doc.headline}", f"mentions={_bucket(doc.mentions[key])}",
         f"titled={bool(ent.roles)}", f"side={_side(ctx, key, lands, people)}", f"host={key == ctx.host}",
         f"reported={ev.reported}", f"shares={shares}", f"ev_host={ctx.host in people}"]
    head = _title_head(ent)
    if head:
        f.append(f"title={head}")
    f += [f"cue={c}" for c in cues] + [f"d{d}|cue={c}" for c in cues]
    f.append(f"d{d}|kind={ent.type}")
    f.append(f"d{d}|between={min(between, 2)}")
    f.append(f"d{d}|in_events={min(doc.in_events[key], 2)}")
    return f


