"""A trained ranker of what each meeting was about (round 15). After the rules have given each meeting its subjects
(topics.py, topic_routes.py), every candidate of a meeting is gathered (`candidates`): the subjects the rules kept,
the subjects its text states (`ctx.phrases`, read as `topics._subject` reads them) and the things and lands it names,
from its sentence to the next meeting told. Each (meeting, candidate) row is described by features any news text
has (`features`: how it was found, its kind and head word, the words before it, how far it is from the meeting's
sentence, the rules' rank…); a logistic model (`graph/data/topics.json`, trained by graph/evaluate/train_topics.py
on gold-annotated texts) gives each a probability, and the meeting keeps those above the model's threshold, most
likely first, at most TOP_K. Without the model file the rules' subjects stay as they are."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from ..ids import entity_key, topic_key
from ..records import Entity, Event, Topic
from ..text.areas import areas_of
from .context import Context
from .learned import Packaged
from .phrases import GENERIC, VAGUE
from .topic_rank import content, once_each
from .topics import SENTENCE_END, SOURCE, TRIPS, _a_project, _own_lands, _subject, add_stated

TOPICS = Packaged("topics.json")
use_model = TOPICS.use  # a model instead of the packaged one (None: the rules alone); for training and tests
reset_model = TOPICS.reset
current_model = TOPICS.current
# chosen by outlet 5-fold CV on dev265 (graph/evaluate/train_topics.py): the rules' subjects the model gives less
# than DROP_BELOW are dropped, the other candidates it gives at least the model's threshold ("add") are added, at most
# TOP_K subjects a meeting (held out: R .637 -> .652, P .589 -> .603, 4.65 -> 5.25 a meeting). Round 16: DROP_BELOW
# 0.09 and 0.10 tie (outlet CV on dev265 R .684/.683, P .587/.590; check200 R .583/.582, P .534/.535); 0.09 keeps
# a seed subject the model gives 0.099
TOP_K = 12
DROP_BELOW = 0.09
NAMED_KINDS = ("Project", "Equipment", "Organization", "Country", "Place")
# called with (ctx, events, {id(event): [Candidate]}) before the model decides: for training (train_topics.py)
RECORDER: Callable | None = None
VAGUE_HEADS = frozenset(f"head={w}" for w in GENERIC | VAGUE)
WORD = re.compile(r"[A-Za-z][\w'-]*")
SKIP_BEFORE = frozenset("the a an its their his her our this that these those both all such".split())


@dataclass
class Candidate:
    """One subject a meeting may have been about, and what the features read of it."""

    key: str
    label: str = ""
    kind: str = ""
    sources: set[str] = field(default_factory=set)  # kept (by the rules), stated, named
    rank: int = 0  # its rank among the rules' subjects of the meeting (0: not kept)
    strength: float = 0.0  # the strongest phrase that states it (phrases.py)
    at: int = -1  # where in the text it is first found for the meeting
    before: str = ""  # the word before its phrase or name ("discussed", "on", "in")
    count: int = 0  # how often it is named or stated in the meeting's span
    beyond: str = ""  # found only outside the meeting's span: "before" it (the lead)
    parse: tuple[str, str, str, str] = ()  # a noun phrase's head lemma, dependency, governor, its governor
    features: list[str] = field(default_factory=list)


def chunks_wanted() -> bool:
    """Whether the sentences' noun phrases are read (analyse.py): only for a model or its training."""
    return current_model() is not None or RECORDER is not None


def rank_learned(ctx: Context, events: list[Event]) -> None:
    """Each meeting's subjects chosen again by the trained model, where there is one (or a recorder)."""
    model = current_model()
    if model is None and RECORDER is None:
        return
    made = set(ctx.entities)
    table = candidates(ctx, events)
    if RECORDER is not None:
        RECORDER(ctx, events, table)
    if model is not None:
        owners: dict[str, set[int]] = {}  # a subject the rules gave → the meetings they gave it to
        for ev in events:
            for t in ev.topics:
                owners.setdefault(t.entity, set()).add(id(ev))
        for ev in events:
            if id(ev) in table:
                elsewhere = {k for k, ids in owners.items() if id(ev) not in ids}
                scored = [(model.probability(c.features), c) for c in table[id(ev)]]
                _choose(ctx, ev, scored, model.add, elsewhere)
    used = {t.entity for ev in events for t in ev.topics} | {o.entity for ev in events for o in ev.outcomes}
    for key in set(ctx.entities) - made - used:  # subjects read here that no meeting kept
        del ctx.entities[key]


def _choose(ctx: Context, ev: Event, scored: list[tuple[float, Candidate]], add: float,
            elsewhere: frozenset[str] | set[str] = frozenset()) -> None:
    """The meeting's subjects: those the rules kept that the model gives at least DROP_BELOW, in the rules' order,
    then the other candidates it gives at least `add`, most likely first, up to TOP_K in all. A subject the rules
    gave to another meeting of the text (`elsewhere`: "with A he discussed X; with B, Y") is that meeting's: the
    model does not add it here."""
    rules = sorted(((p, c) for p, c in scored if c.rank), key=lambda x: x[1].rank)
    kept = [(p, c) for p, c in rules if p >= DROP_BELOW]
    # a candidate whose words all come in a subject kept says nothing more (topic_rank.echoes)
    more = sorted(((p, c) for p, c in scored
                   if not c.rank and p >= add and addable(c.features) and c.key not in elsewhere),
                  key=lambda x: -x[0])
    ev.topics = []
    for p, c in distinct(kept, more, lambda pc: pc[1].label, TOP_K):
        if c.key not in ctx.entities:  # a noun phrase of its text: a concept, made now
            ctx.entities[c.key] = Entity(c.key, c.kind, c.label, set(), [], [], 0.5, "rule")
        add_stated(ctx, ev, c.key, 0.0)
        ev.topics[-1] = Topic(c.key, len(ev.topics), round(min(0.95, max(p, 0.05)), 2))
    unique = once_each(ev.topics, lambda k: ctx.entities[k].label)
    ev.topics = [Topic(t.entity, i + 1, t.confidence) for i, t in enumerate(unique)]


def distinct(kept: list, more: list, label_of: Callable, cap: int) -> list:
    """`kept` (the rules' subjects the model keeps), then those of `more` (most likely first) that say something
    no subject chosen before says, up to `cap` in all: a candidate whose content words all come in one chosen, or
    hold all of one's ("energy cooperation" after "cooperation", "trade" after "trade and investment"), names the
    same subject again and would take the place of another (round 16, measured on check200, unseen: fewer
    subjects a meeting at the same recall and precision)."""
    out = list(kept)
    said = [content(label_of(x)) for x in out]
    for x in more:
        if len(out) >= cap:
            break
        words = content(label_of(x))
        if words and any(w and (words <= w or w <= words) for w in said):
            continue
        out.append(x)
        said.append(words)
    return out


def addable(feats: list[str]) -> bool:
    """Whether a candidate the rules did not keep may be added: not an echo of a subject kept (its words all in
    it: topic_rank.echoes), nor one word that names no subject ("issues", "matters": words
    phrases.py calls generic or vague). Outlet CV on dev265: R .655 -> .652, P .599 -> .604, 5.37 -> 5.24 a meeting."""
    return "inside_kept" not in feats and not ("words=1" in feats and any(f in VAGUE_HEADS for f in feats))


def _windows(ctx: Context, events: list[Event]) -> dict[int, tuple[int, int]]:
    """Each meeting's span of text: from its sentence to the sentence of the next meeting told (or the end)."""
    starts = sorted({ev.sentence.start for ev in events if not (ev.reported and ev.type in TRIPS)})
    end_of_text = len(ctx.norm)
    return {id(ev): (ev.sentence.start, next((s for s in starts if s > ev.sentence.start), end_of_text))
            for ev in events}


def _word_before(text: str, at: int) -> str:
    """The word before offset `at`, past articles and possessives ("discussed [the] situation" → discussed)."""
    words = WORD.findall(text[max(0, at - 60):at])
    while words and words[-1].casefold() in SKIP_BEFORE:
        words.pop()
    return words[-1].casefold() if words else ""


def candidates(ctx: Context, events: list[Event]) -> dict[int, list[Candidate]]:
    """{id(meeting): its candidates}, in the order found: the rules' subjects first, then stated, then named."""
    stated: list[tuple[int, str, float]] = []  # (offset, key, strength) of every subject the text states
    for p in ctx.pieces:
        for label, a, b, strength in ctx.phrases.get(id(p), ()):
            found = _subject(ctx, p, label, a, b, strength)
            if found is not None:
                stated.append((a, found[0], strength))
    named = [(m.start, k) for p in ctx.pieces for m in p.mentions if (k := ctx.key_of.get(m))
             and ctx.entities[k].type in NAMED_KINDS and not SOURCE.search(ctx.entities[k].label)]
    spans = sorted((m.start, m.end) for p in ctx.pieces for m in p.mentions if ctx.key_of.get(m))
    chunks = [(ch, _chunk_key(ch)) for p in ctx.pieces for ch in ctx.chunks.get(id(p), ())
              if not _a_name(ch, spans)]
    at_stated = {a: k for a, k, _ in stated}
    first_at: dict[str, int] = {}
    for a, k in sorted([(a, k) for a, k, _ in stated] + named):
        first_at.setdefault(k, a)
    windows = _windows(ctx, events)
    windows_starts = {lo for lo, _ in windows.values()}
    out: dict[int, list[Candidate]] = {}
    for ev in events:
        if ev.reported and ev.type in TRIPS:
            continue
        lo, hi = windows[id(ev)]
        sides = {q.entity for q in ev.participants} | ({ctx.host} if ctx.host else set())
        found: dict[str, Candidate] = {}
        for t in ev.topics:
            c = found.setdefault(t.entity, Candidate(t.entity, at=first_at.get(t.entity, -1)))
            c.sources.add("kept")
            c.rank = t.rank
        for a, k, strength in stated:
            if lo <= a < hi and k not in sides:
                c = found.setdefault(k, Candidate(k, at=a))
                c.sources.add("stated")
                c.strength = max(c.strength, strength)
                c.count += 1
                if c.at < 0 or "kept" in c.sources and not c.before:
                    c.at = a
                c.before = c.before or _word_before(ctx.norm, a)
        for a, k in named:
            if lo <= a < hi and k not in sides:
                c = found.setdefault(k, Candidate(k, at=a))
                c.sources.add("named")
                c.count += 1
                c.before = c.before or _word_before(ctx.norm, a)
        for ch, (k, kind) in chunks:
            if not lo <= ch.start < hi or k is None:
                continue
            k = at_stated.get(ch.start, k)  # the phrase a form read there: one candidate
            if k in sides:
                continue
            c = found.setdefault(k, Candidate(k, ch.label, kind, at=ch.start))
            c.sources.add("chunk")
            c.count += 1
            c.parse = c.parse or ch[3:]
            c.before = c.before or _word_before(ctx.norm, ch.start)
        if not any(s < lo for s in windows_starts):  # the first meeting told: the lead before it
            _lead(ctx, found, [(a, k, "stated") for a, k, _ in stated] + [(a, k, "named") for a, k in named]
                  + [(ch.start, at_stated.get(ch.start, k), ch) for ch, (k, _) in chunks if k is not None], lo, sides)
        cands = list(found.values())
        for c in cands:
            if c.key in ctx.entities:
                c.label, c.kind = ctx.entities[c.key].label, ctx.entities[c.key].type
        own = _own_lands(ctx, ev)
        kept_words = [content(c.label) for c in cands if "kept" in c.sources]
        for i, c in enumerate(cands):
            c.features = features(ctx, ev, c, i, len(events), own)
            if "kept" not in c.sources:
                words = content(c.label)
                if any(words and words <= w for w in kept_words):
                    c.features.append("inside_kept")  # says no more than a subject the rules kept
                elif any(w and w < words for w in kept_words):
                    c.features.append("holds_kept")
        out[id(ev)] = cands
    return out


def _lead(ctx: Context, found: dict[str, Candidate], items: list[tuple], lo: int, sides: set[str]) -> None:
    """Candidates from the text before the first meeting's sentence (round 16): a lead often states the subject
    before it tells who met ("Fishing rights topped the agenda as ..."). Each is a candidate only where the
    meeting's span has not found it, marked `beyond` for the model to weigh (items: (offset, key, how found or the
    noun phrase)). Outlet CV on dev265: R .670 -> .683, P .593 -> .590; check200, unseen: R .566 -> .582, P .537 ->
    .535. The span of the meeting told next, tried the same way, added less than it cost (check200 P -.01)."""
    others = [m.start for p in ctx.pieces for m in p.mentions
              if (q := ctx.key_of.get(m)) and q not in sides and ctx.entities[q].type == "Person"]
    for a, k, what in items:
        if a >= lo or k in sides or k in found and not found[k].beyond:
            continue
        if _told_of_another(ctx.norm, a, others):  # "Minister A urged investment in X": A's subject, not the meeting's
            continue
        if isinstance(what, str):
            c = found.setdefault(k, Candidate(k, at=a, beyond="before"))
            c.sources.add(what)
        else:
            c = found.setdefault(k, Candidate(k, what.label, _chunk_key(what)[1], at=a, beyond="before"))
            c.sources.add("chunk")
            c.parse = c.parse or what[3:]
        c.count += 1
        c.before = c.before or _word_before(ctx.norm, a)


def _told_of_another(norm: str, at: int, others: list[int]) -> bool:
    """Does the sentence around offset `at` name a person who is not in the meeting?"""
    lo = max(norm.rfind(". ", 0, at), norm.rfind("\n", 0, at)) + 1
    ends = [e for e in (norm.find(". ", at), norm.find("\n", at)) if e >= 0]
    hi = min(ends) if ends else len(norm)
    return any(lo <= o < hi for o in others)


def _chunk_key(ch) -> tuple[str | None, str]:
    """The key and kind a noun phrase would have as a subject: a project's ("the gas pipeline"), else a concept's."""
    if _a_project(ch.label):
        return entity_key("Project", ch.label), "Project"
    return topic_key(ch.label), "Topic"


def _a_name(ch, spans: list[tuple[int, int]]) -> bool:
    """The noun phrase is mostly a name the text knows (a person, a land, a body): the name is its own candidate."""
    i = bisect_left(spans, (ch.start - 200, 0))
    for a, b in spans[i:]:
        if a >= ch.end:
            break
        if b > ch.start and 2 * (min(b, ch.end) - max(a, ch.start)) >= ch.end - ch.start:
            return True
    return False


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """`n` as the first edge it does not pass ("3" for 2 < n <= 3 with edges (1, 2, 3, 5)), or the last edge+."""
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"


def head_word(label: str) -> str:
    """The head word of a subject's label: its last word before "of", "on", "in"… ("cooperation in energy" →
    cooperation; "the tariff agreement" → agreement)."""
    words = [w.casefold() for w in WORD.findall(label)]
    for i, w in enumerate(words):
        if i and w in ("of", "on", "in", "for", "with", "between", "to", "from", "about", "against", "and"):
            words = words[:i]
            break
    return words[-1] if words else ""


def area_features(label: str, kind: str, src: str) -> list[str]:
    """The subject areas its words put a candidate in (graph/data/subject_areas.csv: "fishing permits" →
    agriculture, "tariffs" → trade), and whether it is in any, alone and with how it was found: a noun phrase about
    trade or energy is more often a subject than one about "the occasion" (round 16, outlet CV on dev265: R .665 →
    .672, P .595 → .603; check200, unseen: R .556 → .566, P .540 → .542)."""
    found = areas_of(label, "Equipment" if kind == "Equipment" else "Topic")
    any_ = "has_area" if found else "no_area"
    return [*(f"area={a}" for a in found), any_, f"{any_}|{src}"]


def features(ctx: Context, ev: Event, c: Candidate, order: int, n_events: int, own: set[str]) -> list[str]:
    """The string features of candidate `c` of meeting `ev` (the `order`-th found of its candidates)."""
    kind = c.kind
    src = "+".join(sorted(c.sources))
    f = [f"kind={kind}", f"src={src}", *(f"from={s}" for s in c.sources)]
    if c.label[:1].isupper():
        f.append("capitalised")
    f.append(f"rank={_bucket(c.rank, (0, 1, 2, 3, 5, 8, 12))}")
    if c.strength:
        f.append(f"strength={c.strength:.2f}")
        f.append(f"kind+strength={kind}:{c.strength:.2f}")
    words = content(c.label)
    f.append(f"words={_bucket(len(words), (1, 2, 3, 5, 8))}")
    if kind in ("Topic", "Project", "Agreement"):
        f.append(f"head={c.parse[0] if c.parse else head_word(c.label)}")
        first = next(iter(WORD.findall(c.label.casefold())), "")
        f.append(f"first={first}")
    f += area_features(c.label, kind, src)
    if c.parse:
        _, dep, gov, gov2 = c.parse
        f += [f"dep={dep}", f"gov={gov}", f"dep+gov={dep}:{gov}"]
        if dep == "pobj":
            f.append(f"prep+gov={gov}:{gov2}")
    if c.before:
        f.append(f"before={c.before}")
        f.append(f"before+src={c.before}:{'stated' if 'stated' in c.sources else 'named'}")
    f.append(f"count={_bucket(c.count, (0, 1, 2, 4))}")
    f.append(f"order={_bucket(order, (0, 1, 2, 4, 7, 11))}")
    f.append(f"events={_bucket(n_events, (1, 2, 3, 5))}")
    if c.at < 0:
        f.append("dist=none")
    else:
        d = len(SENTENCE_END.findall(ctx.norm, ev.sentence.end - 1, c.at)) if c.at >= ev.sentence.end else 0
        dist = "before" if c.at < ev.sentence.start else _bucket(d, (0, 1, 2, 4, 8))
        f += [f"dist={dist}", f"src+dist={src}:{dist}"]
        if ev.sentence.start <= c.at < ev.sentence.end:
            f += ["in_sentence", f"src+in_sentence={src}"]
    if c.beyond:
        f += [f"beyond={c.beyond}", f"beyond+src={c.beyond}:{src}"]
    if c.key in own:
        f.append("own_land")
    if c.key == ev.place:
        f.append("venue")
    if c.key in ev.header_topics:
        f.append("header_topic")
    if any(c.key == o.entity for o in ev.outcomes):
        f.append("outcome")
    if c.key in ctx.entities and ctx.entities[c.key].roles:
        f.append("has_roles")
    return f
