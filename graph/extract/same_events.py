"""One meeting told in pieces: a trained model over pairs of a text's events that share someone.

News tells a meeting in several sentences: "A received B on Monday. Ministers C and D attended the talks." The
rules and the pair model (`learned.py`) read a meeting from each sentence that names its people, so one meeting can
come out as two or three records that share someone, and the pairs across them (B with C) are never said. Here each
two events of a text that share a participant are scored from what they are: their kinds and how each was read,
how far apart they are told, their dates, whom they share (the one most of the text's meetings hold, or not), the
kinds of those only one of them holds, the events told between them, and the words of the later sentence that tell
a meeting again ("the talks", "attended", "also present") or another ("separately", "then"). Two events dated on
two days, each under its own heading of a programme, a visit or a ceremony and a meeting, or each holding an
envoy the other does not (envoys are received one by one) are never one, nor in one group. Events the model passes
(`Model.add`) are one, surest first: the first the rules read keeps its record, the others' people and subjects
join it.

The model is data (`graph/data/same_events.json`), trained on the gold annotations of the real-news development set
by `python -m graph.evaluate.train_same_events` (docs/evaluation.md: how it was measured, whole outlets held out).
No name from any text is in here or in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..records import Event, Sentence
from .context import Context, take_part
from .identity import event_keys, unique
from .learned import ENVOYS, JOINT, WORD, Packaged, _leaders_apart, _title_head
from .topic_share import join_topics

VISITS = frozenset({"Visit", "StateVisit"})
MAX_APART = 8  # sentences; a meeting told again further on is not looked for
# words that tell whether a later sentence goes on about a meeting told before or tells another
CUES = frozenset("""also attended attending present accompanied accompanying joined included including delegation
delegations talks meeting meetings discussions conversation during after before later then separately another other
earlier subsequently same both sides two leaders met meet held hold received receives welcomed hosted call called
courtesy visit visited visiting signed ceremony conference summit sidelines bilateral respective counterpart
counterparts side who which where while when his her their its among were was""".split())

# set by the training command: receives each document's links (and what it needs to label them) before any decision
Recorder = Callable[[Context, list[Event], list["Link"]], None]
RECORDER: Recorder | None = None


@dataclass(frozen=True)
class Link:
    """Two events of one text (indexes in its events, `i` told first) that share a participant."""

    i: int
    j: int
    features: tuple[str, ...]


JOINS = Packaged("same_events.json")
use_model = JOINS.use  # use a model instead of the packaged one (None: no event is joined); for training and tests
reset_model = JOINS.reset
packaged_model = JOINS.packaged
current_model = JOINS.current


def joined(ctx: Context, events: list[Event], sentences: list[Sentence]) -> list[Event]:
    """`events` with those the model passes as one meeting joined (module docstring), ids made again."""
    model = current_model()
    if model is None and RECORDER is None:
        return events
    found = links(ctx, events, sentences) if len(events) > 1 else []
    if RECORDER is not None:
        RECORDER(ctx, events, found)
    if model is None or not found:
        return events
    scored = sorted(((model.probability(k.features), k.i, k.j) for k in found), reverse=True)
    passed = [(i, j) for p, i, j in scored if p >= model.add]
    if not passed:
        return events
    among = {n for pair in passed for n in pair}  # only these can come into one group
    return unique(event_keys(merge_groups(events, groups(len(events), passed, never_one(ctx, events, among)))))


def never_one(ctx: Context, events: list[Event], among: set[int] | None = None) -> set[tuple[int, int]]:
    """The pairs of events (i < j; both in `among` when given) that are never one (`_never_one`), so never in one
    group either."""
    people = [{q.entity for q in e.participants} for e in events]
    keep = range(len(events)) if among is None else sorted(among)
    return {(i, j) for j in keep for i in keep if i < j and _never_one(ctx, events[i], events[j], people[i], people[j])}


def _never_one(ctx: Context, a: Event, b: Event, one: set[str], two: set[str]) -> bool:
    """Dated on two days, each under its own heading of a programme, a visit or a ceremony and what is not one (a
    visit's meetings are its parts, a signing after talks is an event of its own), each holding an envoy the other
    does not ("received the credentials of A, B and C" is a meeting with each) unless a sentence tells them together
    ("a joint meeting"), or two the pair model read in one sentence apart."""
    return dated_apart(a, b) or a.method == b.method == "header" or _kind(a) != _kind(b) \
        or _envoys_of_both(ctx, a, b, one, two) or _read_apart(ctx, a, b, one, two)


def _kind(ev: Event) -> str:
    """A visit, a ceremony (a signing, credentials), or a meeting of any other kind: only events of one are joined."""
    return "visit" if ev.type in VISITS else "ceremony" if ev.type == "Ceremony" else "meeting"


def _read_apart(ctx: Context, a: Event, b: Event, one: set[str], two: set[str]) -> bool:
    """Two meetings the pair model read in one sentence whose people it would not pair (`learned._leaders_apart`:
    "sessions with the Thai Prime Minister A and Jordan's King B")."""
    if not (a.method == b.method == "learned" and a.sentence == b.sentence):
        return False
    text = ctx.norm[a.sentence.start:a.sentence.end]
    return any(_leaders_apart(ctx, x, y, ctx.host, text) for x in one - two for y in two - one
               if x in ctx.entities and y in ctx.entities)


def _envoys_of_both(ctx: Context, a: Event, b: Event, one: set[str], two: set[str]) -> bool:
    return any(_title_head(ctx.entities[x]) in ENVOYS for x in one - two if x in ctx.entities) and \
        any(_title_head(ctx.entities[y]) in ENVOYS for y in two - one if y in ctx.entities) and \
        not any(JOINT.search(ctx.norm[e.sentence.start:e.sentence.end]) for e in (a, b))


def groups(n: int, pairs: Iterable[tuple[int, int]], apart: set[tuple[int, int]] = frozenset()) -> list[list[int]]:
    """The indexes 0..n-1 grouped by the pairs, surest first (each group in order; every index in one group); a
    pair whose groups hold two indexes `apart` (i < j) does not join them."""
    members = {i: [i] for i in range(n)}
    root = list(range(n))
    for a, b in pairs:
        ra, rb = root[a], root[b]
        if ra == rb or any((min(x, y), max(x, y)) in apart for x in members[ra] for y in members[rb]):
            continue
        keep, gone = min(ra, rb), max(ra, rb)
        for x in members.pop(gone):
            root[x] = keep
            members[keep].append(x)
    return [sorted(m) for _, m in sorted(members.items())]


def merge_groups(events: list[Event], grouped: list[list[int]]) -> list[Event]:
    """One event per group: the one the rules read first keeps its record; the others' people and subjects join."""
    out = []
    for group in grouped:
        members = [events[i] for i in group]
        keep = min(members, key=lambda e: (e.method == "learned", group[members.index(e)]))
        for other in members:
            if other is keep:
                continue
            if not keep.start and other.start:  # "… was invited to meet B." + "The meeting took place on Monday, …"
                keep.start, keep.end = other.start, other.end
            for q in other.participants:
                take_part(keep, q.entity, q.role, q.confidence, q.method, q.sentence, q.source)
            join_topics(keep, other)
        out.append(keep)
    return out


def links(ctx: Context, events: list[Event], sentences: list[Sentence]) -> list[Link]:
    """Every two events that share a participant, with their features."""
    index = {s: n for n, s in enumerate(sentences)}
    at = [index.get(e.sentence, _position(sentences, e.sentence)) for e in events]
    people = [{q.entity for q in e.participants} for e in events]
    held: dict[str, int] = {}
    for ps in people:
        for k in ps:
            held[k] = held.get(k, 0) + 1
    hub = max(held.values(), default=0)  # how many events the one most of them hold takes part in
    order = sorted(range(len(events)), key=lambda n: (at[n], n))
    words: dict[int, set[str]] = {}
    out = []
    for x, i in enumerate(order):
        for y in range(x + 1, len(order)):
            j = order[y]
            if at[j] - at[i] > MAX_APART:
                break
            shared = people[i] & people[j]
            if not shared or not people[i] - shared and not people[j] - shared:
                continue  # nothing to join: no one shared, or one holds nobody the other lacks
            if _never_one(ctx, events[i], events[j], people[i], people[j]):
                continue
            if at[j] not in words:
                words[at[j]] = _cue_words(ctx.norm, events[j].sentence)
            between = [n for n in order[x + 1:y] if at[i] < at[n] < at[j]]
            out.append(Link(i, j, tuple(_features(ctx, events, people, held, hub, at, i, j, shared, between,
                                                  words[at[j]]))))
    return out


def dated_apart(a: Event, b: Event) -> bool:
    """Both dated, on two days."""
    return bool(a.start and b.start and a.start[:10] != b.start[:10])


def _position(sentences: list[Sentence], sent: Sentence) -> int:
    """The index of the sentence holding `sent`'s start (an event's sentence not among the read ones)."""
    for n, s in enumerate(sentences):
        if s.start <= sent.start < s.end:
            return n
    return len(sentences)


def _cue_words(text: str, sent: Sentence) -> set[str]:
    return {w for w in (m.lower() for m in WORD.findall(text[sent.start:sent.end])) if w in CUES}


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _features(ctx: Context, events: list[Event], people: list[set[str]], held: dict[str, int], hub: int,
              at: list[int], i: int, j: int, shared: set[str], between: list[int], cues: set[str]) -> list[str]:
    a, b = events[i], events[j]
    kind = {k: ctx.entities[k].type if k in ctx.entities else "?" for k in people[i] | people[j]}
    dates = "none" if not a.start and not b.start else "one" if not a.start or not b.start else "same"
    f = [f"types={a.type}|{b.type}", f"methods={a.method}|{b.method}", f"dist={_bucket(at[j] - at[i], (0, 1, 2, 4))}",
         f"dates={dates}", f"shared={_bucket(len(shared), (1, 2))}", f"sizes={_bucket(len(people[i]), (1, 2, 4))}|"
         f"{_bucket(len(people[j]), (1, 2, 4))}", f"events={_bucket(len(events), (2, 3, 5, 8))}",
         f"between={_bucket(len(between), (0, 1, 3))}"]
    f += [f"shared_kind={kind[k]}" for k in shared]
    if ctx.host in shared:
        f.append("shared_host")
    if any(held[k] == hub and hub >= 3 for k in shared):
        f.append("shared_hub")
    f += sorted({f"first_only={kind[k]}" for k in people[i] - shared})
    f += sorted({f"later_only={kind[k]}" for k in people[j] - shared})
    if any(not (people[n] & (people[i] | people[j])) for n in between):
        f.append("between_other")
    if a.part_of and (a.part_of == b.part_of or a.part_of == b.key) or b.part_of == a.key:
        f.append("part")
    if a.reported != b.reported:
        f.append("one_reported")
    f += [f"cue={w}" for w in sorted(cues)]
    f += [f"{b.type}|cue={w}" for w in sorted(cues)]
    return f
