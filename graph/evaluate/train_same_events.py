"""Train the model that joins one meeting told in pieces (`graph/extract/same_events.py`); measure it by outlet.

    python -m graph.evaluate.train_same_events eval/realnews/dev --out graph/data/same_events.json
    python -m graph.evaluate.train_same_events eval/realnews/dev --folds 5 --sources eval/realnews/SOURCES.tsv
    python -m graph.evaluate.train_same_events eval/realnews/dev --hold-out NAMES.txt

Each text is built as the tool builds it (the rules and the packaged pair model) up to the joining; each two events
that share someone (`same_events.links`) are labelled from the gold: 1 when the gold event holding the most of the
first's people is the one holding the most of the second's. A logistic model (`train_participants.fit`, one row a
bag) is fitted to the links. `--folds K` holds out whole outlets, `--hold-out FILE` the texts named in FILE; the
held-out texts' who-met-whom is counted as the scorer counts it, without joining and with the model of the rest at a
few thresholds. The model written by `--out` is trained on every text.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..extract import same_events
from ..extract.context import Context
from ..records import Event
from .corpus import predict
from .score import _GoldView, load_gold
from .train_participants import (_gold_pairs, fit, folds_by_outlet, held_out_by, outlets, pair_counts, pairs_of,
                                 prf, write_model)

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
L2 = 10.0
ADD = 0.6


@dataclass
class DocLinks:
    """One text's links, labelled, with what is needed to count its pairs again under any threshold."""

    name: str
    links: list[same_events.Link] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    ids: list[set] = field(default_factory=list)  # per event: the gold ids of its people (None left out)
    starts: list[str | None] = field(default_factory=list)
    learned: list[bool] = field(default_factory=list)
    apart: set = field(default_factory=set)  # pairs of events never one (`same_events.never_one`)
    allowed: set = field(default_factory=set)
    wanted: set = field(default_factory=set)


def gold_event_of(ids: set, met: list[set]) -> int | None:
    """The gold event holding the most of `ids` (the first of equals), None when none holds any."""
    best, most = None, 0
    for n, m in enumerate(met):
        if len(ids & m) > most:
            best, most = n, len(ids & m)
    return best


def read_doc(text_path: Path, gold_path: Path, nlp) -> DocLinks:
    """The links of one text, labelled from its gold."""
    gold = _GoldView(load_gold(gold_path))
    out = DocLinks(text_path.stem)
    out.allowed = _gold_pairs(gold.events)
    out.wanted = _gold_pairs([g for g in gold.events if g.get("tier") != "reported"])
    met = [set(g.get("participants") or []) | set(g.get("counterparts") or []) for g in gold.events]

    def record(ctx: Context, events: list[Event], links: list[same_events.Link]) -> None:
        gold_of = {k: gold.lookup([e.label, *sorted(e.aliases)], e.type) for k, e in ctx.entities.items()}
        for ev in events:
            out.ids.append({gold_of.get(q.entity) for q in ev.participants} - {None})
            out.starts.append(ev.start)
            out.learned.append(ev.method == "learned")
        out.apart = same_events.never_one(ctx, events)
        of = [gold_event_of(ids, met) for ids in out.ids]
        for link in links:
            out.links.append(link)
            out.labels.append(int(of[link.i] is not None and of[link.i] == of[link.j]))

    same_events.RECORDER, before = record, same_events.RECORDER
    same_events.use_model(None)
    try:
        predict(text_path, nlp)
    finally:
        same_events.RECORDER = before
        same_events.reset_model()
    return out


def fit_docs(docs: list[DocLinks], l2: float = L2, add: float = ADD):
    """The model of `docs`' links."""
    return fit([k for d in docs for k in d.links], [y for d in docs for y in d.labels], l2=l2, add=add)


def count(doc: DocLinks, model, add: float) -> Counter:
    """who-met-whom counts of one text, its events joined where `model` passes a link at `add` (None: none joined),
    counted as the scorer counts them."""
    scored = sorted(((model.probability(k.features), k.i, k.j) for k in doc.links), reverse=True) if model else []
    got: set = set()
    for group in same_events.groups(len(doc.ids), [(i, j) for p, i, j in scored if p >= add], doc.apart):
        keep = min(group, key=lambda n: (doc.learned[n], n))
        got |= pairs_of(set().union(*(doc.ids[n] for n in group)), doc.starts[keep])
    return pair_counts(got, doc.allowed, doc.wanted)


def held_out(docs: list[DocLinks], folds: list[list[DocLinks]], l2: float) -> dict:
    """who-met-whom over the held-out texts of each fold: not joined, and joined by the model of the other folds."""
    return held_out_by(docs, folds, fit_docs, count, l2, THRESHOLDS, "none")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m graph.evaluate.train_same_events",
                                 description="Train and measure the model joining one meeting told in pieces.")
    ap.add_argument("corpus", type=Path, help="a folder of NAME.txt beside NAME.yaml")
    ap.add_argument("--out", type=Path, help="write the model trained on every text here")
    ap.add_argument("--folds", type=int, default=0, help="hold out whole outlets in K folds and report")
    ap.add_argument("--sources", type=Path, default=Path("eval/realnews/SOURCES.tsv"))
    ap.add_argument("--hold-out", type=Path, help="a file of text names (one a line) to hold out and report")
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--add", type=float, default=ADD, help="the probability from which two events are joined")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"error: no such folder: {args.corpus}", file=sys.stderr)
        return 2
    from ..nlp.model import make_nlp
    nlp = make_nlp()
    docs = [read_doc(t, t.with_suffix(".yaml"), nlp) for t in sorted(args.corpus.glob("*.txt"))
            if t.with_suffix(".yaml").exists()]
    n = sum(len(d.links) for d in docs)
    print(f"{len(docs)} texts, {n} links, {sum(sum(d.labels) for d in docs)} one meeting")
    report = None
    if args.folds:
        report = held_out(docs, folds_by_outlet(docs, outlets(args.sources), args.folds), args.l2)
    elif args.hold_out:
        names = set(args.hold_out.read_text(encoding="utf-8").split())
        report = held_out(docs, [[d for d in docs if d.name in names]], args.l2)
    if report:
        for key, c in report.items():
            p, r, f = prf(c)
            print(f"{'not joined' if key == 'none' else f'joined at {key}':>14}  who-met-whom P={p:.3f} R={r:.3f} "
                  f"F1={f:.3f} (pred {c['pred']}, gold {c['gold']})")
    if args.out:
        joined = sum(sum(d.labels) for d in docs)
        write_model(args.out, fit_docs(docs, l2=args.l2, add=args.add), args.add, "train_same_events", argv,
                    f"{len(docs)} texts of {args.corpus.name}: {n} links, {joined} one meeting", l2=args.l2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
