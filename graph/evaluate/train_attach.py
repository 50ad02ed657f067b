"""Train the model that attaches names of other sentences to their meeting (`graph/extract/attach.py`); measure it.

    python -m graph.evaluate.train_attach eval/realnews/dev --out graph/data/attach.json
    python -m graph.evaluate.train_attach eval/realnews/dev --folds 5 --sources eval/realnews/SOURCES.tsv
    python -m graph.evaluate.train_attach eval/realnews/dev --hold-out NAMES.txt

Each text is built as the tool builds it (the rules and the packaged pair model) up to the attaching; each row
`attach.attach_rows` makes (an event, a name it does not hold, a sentence naming it) is labelled from the gold: the
event is matched to the gold events as the scorer matches them (same date where the gold has one, someone in common
other than the host), and the row is 1 when one of those gold events holds the name's gold entity. The rows of one
(event, name) are one bag (`train_participants.fit`: noisy-OR, the model decides on the surest row). `--folds K`
holds out whole outlets, `--hold-out FILE` the texts named in FILE; the held-out texts' who-met-whom is counted as
the scorer counts it (over the events as they are when the names are attached), without attaching and with the
model of the rest at a few thresholds. The model written by `--out` is trained on every text.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..extract import attach
from ..extract.context import Context
from ..records import Event
from .corpus import predict
from .score import _GoldView, load_gold
from .train_participants import (cached, model_args, texts_of, _gold_pairs, fit, folds_of, held_out_by, pair_counts, pairs_of, prf,
                                 write_model)

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
L2 = 10.0
ADD = 0.7


@dataclass
class DocRows:
    """One text's rows, labelled, with what is needed to count its pairs again under any threshold."""

    name: str
    rows: list[attach.Row] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    ids: list[set] = field(default_factory=list)  # per event: the gold ids of its people (None left out)
    starts: list[str | None] = field(default_factory=list)
    gold_of: dict[str, str | None] = field(default_factory=dict)
    allowed: set = field(default_factory=set)
    wanted: set = field(default_factory=set)


def matched(ids: set, start: str | None, gold_events: list[dict], host: str | None) -> list[dict]:
    """The gold events the scorer matches an event of gold ids `ids` and date `start` with."""
    out = []
    for g in gold_events:
        gstart = str(g.get("start", "") or "")
        if gstart and not str(start or "").startswith(gstart):
            continue
        want = (set(g.get("participants") or []) | set(g.get("counterparts") or [])) - {host}
        if want & ids:
            out.append(g)
    return out


def read_doc(text_path: Path, gold_path: Path, nlp) -> DocRows:
    """The rows of one text, labelled from its gold."""
    gold = _GoldView(load_gold(gold_path))
    out = DocRows(text_path.stem)
    out.allowed = _gold_pairs(gold.events)
    out.wanted = _gold_pairs([g for g in gold.events if g.get("tier") != "reported"])

    def record(ctx: Context, events: list[Event], rows: list[attach.Row]) -> None:
        out.gold_of = {k: gold.lookup([e.label, *sorted(e.aliases)], e.type) for k, e in ctx.entities.items()}
        out.rows, out.labels, out.ids, out.starts = [], [], [], []  # the last build of the text counts
        held = []
        for ev in events:
            ids = {out.gold_of.get(q.entity) for q in ev.participants} - {None}
            out.ids.append(ids)
            out.starts.append(ev.start)
            held.append(set().union(*[set(g.get("participants") or []) | set(g.get("counterparts") or [])
                                      for g in matched(ids, ev.start, gold.events, gold.host)]))
        for row in rows:
            gid = out.gold_of.get(row.key)
            out.rows.append(row)
            out.labels.append(int(bool(gid and gid not in out.ids[row.event] and gid in held[row.event]
                                       and _all_right(out, row.event, gid))))

    attach.RECORDER, before = record, attach.RECORDER
    attach.use_model(None)
    try:
        predict(text_path, nlp)
    finally:
        attach.RECORDER = before
        attach.reset_model()
    return out


def _all_right(doc: DocRows, event: int, gid: str) -> bool:
    """Whether every pair the name `gid` would add to the event is a gold pair (as the scorer counts it)."""
    ids, start = doc.ids[event], doc.starts[event]
    undated = {(a, b) for a, b, d in doc.allowed if not d}
    new = pairs_of(ids | {gid}, start) - pairs_of(ids, start)
    return all(p in doc.allowed or (p[0], p[1]) in undated for p in new)


def fit_docs(docs: list[DocRows], l2: float = L2, add: float = ADD):
    """The model of `docs`' rows, the rows of one (event, name) of a text one bag."""
    keys: dict[tuple, int] = {}
    bags = [keys.setdefault((d.name, r.event, r.key), len(keys)) for d in docs for r in d.rows]
    return fit([r for d in docs for r in d.rows], [y for d in docs for y in d.labels], l2=l2, bags=bags, add=add)


def decide(doc: DocRows, model, add: float) -> dict[str, int]:
    """name key → the event it joins (its surest row at `add` or above), as `attach.attached` decides."""
    best: dict[str, tuple[float, int]] = {}
    for row in doc.rows:
        p = model.probability(row.features)
        if p >= add and p > best.get(row.key, (0.0, -1))[0]:
            best[row.key] = (p, row.event)
    return {k: e for k, (p, e) in best.items()}


def count(doc: DocRows, model, add: float) -> Counter:
    """who-met-whom counts of one text's events, with (`model`) the names it attaches at `add`."""
    ids = [set(s) for s in doc.ids]
    if model is not None:
        for key, e in decide(doc, model, add).items():
            gid = doc.gold_of.get(key)
            if gid:
                ids[e].add(gid)
    got: set = set()
    for s, start in zip(ids, doc.starts):
        got |= pairs_of(s, start)
    return pair_counts(got, doc.allowed, doc.wanted)


def held_out(docs: list[DocRows], folds: list[list[DocRows]], l2: float) -> dict:
    """who-met-whom over the held-out texts of each fold: not attached, and attached by the other folds' model."""
    return held_out_by(docs, folds, fit_docs, count, l2, THRESHOLDS, "none")


def main(argv: list[str] | None = None) -> int:
    ap = model_args("train_attach", "Train and measure the model attaching names to their meeting.", L2)
    ap.add_argument("--add", type=float, default=ADD, help="the probability at which a name joins an event")
    ap.add_argument("--cache", type=Path, help="keep the labelled rows here (pickle) and read them from it again")
    args = ap.parse_args(argv)
    docs = _docs(args.corpus, args.cache)
    rows, positive = sum(len(d.rows) for d in docs), sum(sum(d.labels) for d in docs)
    print(f"{len(docs)} texts, {rows} rows, {positive} of the event", file=sys.stderr)
    if args.folds or args.hold_out:
        folds = folds_of(docs, args.hold_out, args.sources, args.folds)
        got = held_out(docs, folds, args.l2)
        print(f"held out: {sum(len(f) for f in folds)} texts; who-met-whom as the scorer counts it")
        for what, c in got.items():
            p, r, f = prf(c)
            name = "not attached" if what == "none" else f"attached, add {what:.2f}"
            print(f"  {name:<26} P={p:.3f} R={r:.3f} F1={f:.3f}  (pairs {c['pred']}, gold {c['gold']})")
    if args.out:
        write_model(args.out, fit_docs(docs, l2=args.l2, add=args.add), args.add, "train_attach", argv,
                    f"{len(docs)} texts of {args.corpus.name}: {rows} rows, {positive} of the event", l2=args.l2)
    return 0


def _docs(corpus: Path, cache: Path | None) -> list[DocRows]:
    """The labelled rows of every text of `corpus` (kept in `cache`, when given)."""
    return cached(cache, lambda: texts_of(corpus, read_doc))


if __name__ == "__main__":
    sys.exit(main())
