"""Train the topic ranker (`graph/extract/topic_model.py`) on gold-annotated texts; measure it by outlet.

    python -m graph.evaluate.train_topics /tmp/dev265 --split                 (where the gold topics are: step 1)
    python -m graph.evaluate.train_topics /tmp/dev265 --folds 5 --sources eval/realnews/SOURCES.tsv
    python -m graph.evaluate.train_topics /tmp/dev265 --out graph/data/topics.json --add 0.3

Each text is built with the rules (and the two shipped models) but without the topic model; each (meeting,
candidate) row `topic_model.candidates` makes is labelled from the gold as the scorer counts a topic: 1 when the
candidate names a topic of a gold event the meeting matches, by name or by content words. A logistic model (L2,
train_participants.fit) is fitted to the rows. `--folds K` holds out whole outlets (SOURCES.tsv's outlet column):
the model of the other folds ranks the held-out texts' candidates, and topics recall, precision and topics per
event are counted for the rules and for each threshold and cap. The model written by `--out` is trained on every
text given (dev265 only: the check set stays unseen).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..extract import topic_model
from ..extract.context import Context
from ..records import Event
from .corpus import predict
from .score import _date_text, _GoldView, _same_content, content_words, load_gold, normalise_name
from .train_participants import cached, fit, folds_by_outlet, outlets, texts_of, write_model

THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
CAPS = (5, 6, 8, 10, 12)
L2 = 1.0


@dataclass
class MeetingRows:
    """One meeting's candidates: features, the gold topics each names, and whether the rules kept it."""

    features: list[list[str]] = field(default_factory=list)
    hits: list[frozenset] = field(default_factory=list)
    kept: list[int] = field(default_factory=list)  # the rules' rank (0: not kept)
    gold: set[int] = field(default_factory=set)  # indices of the gold events (with topics) it matches
    window: tuple[int, int] = (0, 0)
    labels: list[str] = field(default_factory=list)  # each candidate's label (for reading the errors)
    sentence: tuple[int, int] = (0, 0)  # the meeting's sentence


@dataclass
class DocRows:
    name: str
    meetings: list[MeetingRows] = field(default_factory=list)
    gold_topics: list[list[str]] = field(default_factory=list)  # each headed gold event's topics
    n_events: int = 0
    text: str = ""
    gold: _GoldView | None = None


def read_doc(text_path: Path, gold_path: Path, nlp) -> DocRows:
    """The rows of one text, labelled from its gold."""
    gold = _GoldView(load_gold(gold_path))
    out = DocRows(text_path.stem, gold=gold)
    headed = [g for g in gold.events if g.get("tier") != "reported"]
    with_topics = [g for g in headed if g.get("topics")]
    out.gold_topics = [list(g["topics"]) for g in with_topics]

    def record(ctx: Context, events: list[Event], table: dict) -> None:
        out.text = ctx.norm
        gid = {k: gold.lookup([e.label, *sorted(e.aliases)], e.type) for k, e in ctx.entities.items()}
        out.n_events = len(events)
        windows = topic_model._windows(ctx, events)
        for ev in events:
            m = MeetingRows(window=windows[id(ev)], sentence=(ev.sentence.start, ev.sentence.end))
            people = {gid.get(q.entity) for q in ev.participants} - {None}
            for i, g in enumerate(with_topics):
                if _matches(ev, g, people, gold):
                    m.gold.add(i)
            wanted = {t for i in m.gold for t in with_topics[i]["topics"]}
            for c in table.get(id(ev), ()):
                g = gid.get(c.key) if c.key in ctx.entities else gold.lookup([c.label], c.kind)
                m.features.append(c.features)
                m.labels.append(c.label)
                m.kept.append(c.rank if "kept" in c.sources else 0)
                m.hits.append(frozenset(_hits(g, c.label, c.kind, wanted, gold)))
            out.meetings.append(m)

    topic_model.RECORDER, before = record, topic_model.RECORDER
    topic_model.use_model(None)
    try:
        predict(text_path, nlp)
    finally:
        topic_model.RECORDER = before
        topic_model.reset_model()
    return out


def _matches(ev: Event, g: dict, people: set[str], gold: _GoldView) -> bool:
    """The scorer's test of a predicted event against a gold one (score._Alignment.same_event)."""
    start = _date_text(g.get("start"))
    if start and not _date_text(ev.start).startswith(start):
        return False
    others = (set(g.get("participants") or []) | set(g.get("counterparts") or [])) - {gold.host}
    if others:
        return bool(others & people)
    return normalise_name(ev.label) == normalise_name(g.get("title", ""))


def _hits(gid: str | None, label: str, typ: str, wanted: set[str], gold: _GoldView) -> set[str]:
    """The gold topics of `wanted` a predicted topic names, as the scorer counts it."""
    if gid is not None:
        return {gid} & wanted
    if typ in ("Country", "Place"):
        return set()
    words = content_words(label)
    return {t for t in wanted for n in gold.entities.get(t, {}).get("names") or []
            if _same_content(words, content_words(n))}


def choose(m: MeetingRows, probs: list[float] | None, add: float, cap: int, drop: float | None = None) -> list[int]:
    """The candidates a meeting keeps: the rules' (probs None), else the model's above `add`, at most `cap`; with
    `drop`, the rules' subjects whose probability is at least `drop`, then the others' above `add`, up to `cap`."""
    rules = sorted((i for i, r in enumerate(m.kept) if r), key=lambda i: m.kept[i])
    if probs is None:
        return rules
    if drop is not None:
        kept = [i for i in rules if probs[i] >= drop]
        more = sorted((i for i in range(len(probs)) if not m.kept[i] and probs[i] >= add
                       and topic_model.addable(m.features[i])), key=lambda i: -probs[i])
        if not m.labels:  # rows read before round 16 (no labels): no test of what says the same
            return kept + more[:max(0, cap - len(kept))]
        return topic_model.distinct(kept, more, lambda i: m.labels[i], cap)
    order = sorted(range(len(probs)), key=lambda i: (-probs[i], i))
    return [i for i in order if probs[i] >= add][:cap]


def count(doc: DocRows, probs: list[list[float]] | None, add: float = 0.0, cap: int = 0,
          drop: float | None = None) -> Counter:
    """Topics recall, precision and per event of one text as the scorer counts them."""
    c: Counter = Counter()
    got: list[set[str]] = [set() for _ in doc.gold_topics]
    for j, m in enumerate(doc.meetings):
        kept = choose(m, probs[j] if probs is not None else None, add, cap, drop)
        c["per.hit"] += len(kept)
        hit = set().union(*(m.hits[i] for i in kept)) if kept else set()
        for g in m.gold:
            got[g] |= hit
        if m.gold:
            c["p.tot"] += len(kept)
            c["p.hit"] += sum(1 for i in kept if m.hits[i])
    c["per.tot"] += doc.n_events
    for g, topics in enumerate(doc.gold_topics):
        c["r.tot"] += len(topics)
        c["r.hit"] += len(got[g] & set(topics))
    return c


def line(name: str, c: Counter) -> str:
    r = c["r.hit"] / c["r.tot"] if c["r.tot"] else 0
    p = c["p.hit"] / c["p.tot"] if c["p.tot"] else 0
    per = c["per.hit"] / c["per.tot"] if c["per.tot"] else 0
    return f"  {name:<28} R={r:.3f} P={p:.3f} per event={per:.2f}"


def split(docs: list[DocRows], nlp) -> None:
    """Where each gold topic of a matched gold event is: (a) kept by the rules, (b) a candidate, (c) a noun chunk of
    the meeting's span or paragraph, (d) elsewhere; and those of gold events no meeting matched."""
    c: Counter = Counter()
    for d in docs:
        for g, topics in enumerate(d.gold_topics):
            ms = [m for m in d.meetings if g in m.gold]
            if not ms:
                c["unmatched event"] += len(topics)
                continue
            kept = set().union(*(m.hits[i] for m in ms for i, r in enumerate(m.kept) if r))
            cand = set().union(*(h for m in ms for h in m.hits))
            chunks: set[frozenset] = set()
            for m in ms:
                lo, hi = m.window
                para_lo = d.text.rfind("\n\n", 0, lo) + 1
                para_hi = d.text.find("\n\n", lo)
                hi = max(hi, para_hi if para_hi >= 0 else len(d.text))
                doc = nlp(d.text[max(0, para_lo):min(hi, lo + 5000)])
                chunks |= {content_words(ch.text) for ch in doc.noun_chunks}
                chunks |= {content_words(doc[t.left_edge.i:t.right_edge.i + 1].text) for t in doc
                           if t.pos_ in ("NOUN", "PROPN") and t.right_edge.i - t.left_edge.i < 12}
            for t in topics:
                if t in kept:
                    c["a kept"] += 1
                elif t in cand:
                    c["b candidate"] += 1
                else:
                    names = [content_words(n) for n in d.gold.entities.get(t, {}).get("names") or []]
                    c["c noun chunk" if any(_same_content(a, b) or a == b for a in chunks for b in names)
                      else "d elsewhere"] += 1
    tot = sum(c.values())
    for k in sorted(c):
        print(f"  {k:<18} {c[k]:>5}  {c[k] / tot:.3f}")


def probabilities(model, docs: list[DocRows]) -> dict[str, list[list[float]]]:
    return {d.name: [[model.probability(f) for f in m.features] for m in d.meetings] for d in docs}


def fit_docs(docs: list[DocRows], l2: float):
    rows = [f for d in docs for m in d.meetings for f in m.features]
    labels = [int(bool(h)) for d in docs for m in d.meetings for h in m.hits]
    return fit([_Row(f) for f in rows], labels, l2=l2, add=0.5)


@dataclass
class _Row:
    features: list[str]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m graph.evaluate.train_topics",
                                 description="Train and measure the topic ranker.")
    ap.add_argument("corpus", type=Path, help="a folder of NAME.txt beside NAME.yaml")
    ap.add_argument("--out", type=Path, help="write the model trained on every text here (JSON)")
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--sources", type=Path)
    ap.add_argument("--split", action="store_true", help="where the gold topics are (kept, candidate, chunk)")
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--test", type=Path, help="measure the model trained on the corpus on these texts")
    ap.add_argument("--test-cache", type=Path)
    ap.add_argument("--cache", type=Path, help="the texts' rows read once, kept in this file (for trying policies)")
    ap.add_argument("--add", type=float, default=0.3, help="the probability a subject needs (--out)")
    args = ap.parse_args(argv)
    from ..nlp.model import make_nlp

    nlp = make_nlp()
    docs = cached(args.cache, lambda: texts_of(args.corpus, read_doc, nlp))
    rows = sum(len(m.hits) for d in docs for m in d.meetings)
    positive = sum(1 for d in docs for m in d.meetings for h in m.hits if h)
    print(f"{len(docs)} texts, {rows} candidates, {positive} name a gold topic", file=sys.stderr)
    print(line("rules", sum((count(d, None) for d in docs), Counter())))
    if args.split:
        split(docs, nlp)
    if args.folds:
        folds = folds_by_outlet(docs, outlets(args.sources), args.folds)
        probs: dict[str, list[list[float]]] = {}
        for fold in folds:
            names = {d.name for d in fold}
            probs.update(probabilities(fit_docs([d for d in docs if d.name not in names], args.l2), fold))
        print(f"held out by outlet, {args.folds} folds, l2 {args.l2}")
        for cap in CAPS:
            for add in THRESHOLDS:
                c = sum((count(d, probs[d.name], add, cap) for d in docs), Counter())
                print(line(f"model add {add:.2f} cap {cap}", c))
        for drop in (0.0, 0.05, 0.1, 0.15):
            for add in (0.3, 0.35, 0.4, 0.5):
                for cap in (10, 12):
                    c = sum((count(d, probs[d.name], add, cap, drop) for d in docs), Counter())
                    print(line(f"rules-{drop:.2f} +{add:.2f} cap {cap}", c))
    if args.test:
        test = cached(args.test_cache, lambda: texts_of(args.test, read_doc, nlp))
        probs = probabilities(fit_docs(docs, args.l2), test)
        print(f"{args.test.name}, the model trained on {args.corpus.name}")
        print(line("rules", sum((count(d, None) for d in test), Counter())))
        for add, cap, drop in ((0.3, 12, 0.0), (0.35, 12, 0.0), (0.3, 12, 0.05), (0.35, 12, 0.05), (0.3, 12, 0.1),
                               (0.35, 12, 0.1), (0.3, 12, 0.15)):
            c = sum((count(d, probs[d.name], add, cap, drop) for d in test), Counter())
            print(line(f"add {add} cap {cap} drop {drop}", c))
    if args.out:
        write_model(args.out, fit_docs(docs, args.l2), args.add, "train_topics", argv,
                    f"{len(docs)} texts of {args.corpus.name}: {rows} candidates, {positive} right", l2=args.l2,
                    cap=topic_model.TOP_K, drop=topic_model.DROP_BELOW)
    return 0


if __name__ == "__main__":
    sys.exit(main())
