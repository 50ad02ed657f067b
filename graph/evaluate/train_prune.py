"""Train the participant check (`graph/extract/prune.py`) on gold-annotated texts; measure it by outlet.

    python -m graph.evaluate.train_prune eval/realnews/dev --out graph/data/prune.json --drop 0.8
    python -m graph.evaluate.train_prune eval/realnews/dev --folds 5 --sources eval/realnews/SOURCES.tsv
    python -m graph.evaluate.train_prune CORPUS --causes      (the false who-met-whom pairs of the output, by cause)

With `--sources`, each text is built with a pair model (`learned.py`) trained on the OTHER outlets' texts (the same
outlet folds), as an unseen text meets it: built with the shipped pair model, trained on these very texts, the
meetings it adds are surer than on news it never saw, and the check learns nothing about them.

Each text is built as `kg build` builds it with no check; each (meeting, participant) row `prune.rows_of` makes is
labelled from the gold: 0 when the participant and another participant of that meeting are a pair of a gold event
of its date (as the scorer counts pairs), else 1 (dropping it loses no right pair). A logistic model
(`train_participants.fit`, L2) is fitted to the rows. `--folds K` holds out whole outlets: the model of the other
outlets drops participants of the held-out texts at each threshold and who-met-whom and events are counted as the
scorer counts them. `--cache FILE` keeps the rows read (a pickle) for the next run.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..extract import learned, prune
from ..extract.context import Context
from ..records import Event
from .corpus import predict
from .score import _GoldView, _pairs, load_gold, normalise_name
from . import train_participants as pairs_training
from .train_participants import cached, fit, folds_of, held_out_by, model_args, pair_counts, prf, write_model

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
L2 = 10.0
DROP = 0.8


@dataclass
class DocRows:
    """One text's rows, labelled, and its meetings as the scorer sees them, to count again under any threshold."""

    name: str
    rows: list[prune.Row] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    events: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (start, label, entity keys)
    gold_of: dict[str, str | None] = field(default_factory=dict)  # entity key → gold id
    kinds: dict[str, str] = field(default_factory=dict)  # entity key → type
    host: str | None = None
    gold: dict = field(default_factory=dict)


def read_doc(text_path: Path, gold_path: Path, nlp) -> DocRows:
    """The rows of one text, labelled from its gold (after the build: the entities' names as exported)."""
    gold_data = load_gold(gold_path)
    gold = _GoldView(gold_data)
    out = DocRows(text_path.stem, gold=gold_data)
    seen: list[tuple[Context, list[Event]]] = []

    def record(ctx: Context, events: list[Event], rows: list[prune.Row]) -> None:
        seen.append((ctx, events))
        out.rows = rows
        out.events = [(ev.start or "", ev.label, [p.entity for p in ev.participants]) for ev in events]

    prune.RECORDER, before = record, prune.RECORDER
    prune.use_model(None)
    try:
        predict(text_path, nlp)
    finally:
        prune.RECORDER = before
        prune.reset_model()
    for ctx, _ in seen[-1:]:
        out.host = ctx.host
        for key, ent in ctx.entities.items():
            out.gold_of[key] = gold.lookup([ent.label, *sorted(ent.aliases)], ent.type)
            out.kinds[key] = ent.type
    allowed, undated = _allowed(gold_data)
    for row in out.rows:
        start, _, keys = out.events[row.event]
        known = out.gold_of.get(row.entity) is not None
        out.labels.append(int(not _right(out, row.entity, keys, start, allowed, undated)) if known else -1)
    return out


def read_docs(corpus: Path, nlp, sources: Path | None, k: int = 5) -> list[DocRows]:
    """The rows of every text of `corpus`; with `sources`, each built with the pair model of the other outlets'
    texts (`k` outlet folds, as `--folds` makes them)."""
    golds = [g for g in sorted(corpus.glob("*.yaml")) if g.with_suffix(".txt").exists()]
    if sources is None:
        return [read_doc(g.with_suffix(".txt"), g, nlp) for g in golds]
    pair_docs = [pairs_training.read_doc(g.with_suffix(".txt"), g, nlp) for g in golds]
    model_of: dict[str, learned.Model] = {}
    for fold in folds_of(pair_docs, None, sources, k):
        names = {d.name for d in fold}
        model = pairs_training.fit_docs([d for d in pair_docs if d.name not in names])
        model_of.update((n, model) for n in names)
    out = []
    for g in golds:
        learned.use_model(model_of[g.stem])
        try:
            out.append(read_doc(g.with_suffix(".txt"), g, nlp))
        finally:
            learned.reset_model()
    return out


def _allowed(gold: dict) -> tuple[set, set]:
    allowed: set = set()
    for g in gold.get("events") or []:
        allowed |= _pairs(set(g.get("participants") or []) | set(g.get("counterparts") or []), g.get("start"))
    return allowed, {(a, b) for a, b, d in allowed if not d}


def _right(doc: DocRows, key: str, keys: list[str], start: str, allowed: set, undated: set) -> bool:
    """Whether `key` makes a right pair with another of `keys` on `start`."""
    g = doc.gold_of.get(key)
    if not g:
        return False
    for other in keys:
        o = doc.gold_of.get(other)
        if o and o != g:
            for pair in _pairs({g, o}, start):
                if pair in allowed or pair[:2] in undated:
                    return True
    return False


def fit_docs(docs: list[DocRows], l2: float = L2, drop: float = DROP):
    """The model of `docs`' rows, those of names the gold does not know left out (they make no pair the scorer
    counts, right or wrong)."""
    pairs = [(r, y) for d in docs for r, y in zip(d.rows, d.labels) if y >= 0]
    return fit([r for r, _ in pairs], [y for _, y in pairs], l2=l2, add=drop)


def kept_events(doc: DocRows, model, drop: float) -> list[tuple[str, str, set[str]]]:
    """The text's meetings (start, label, gold ids) after the model's drops at `drop`, as `prune.pruned` drops."""
    gone: dict[int, list[tuple[float, str]]] = {}
    if model is not None:
        for row in doc.rows:
            p = model.probability(row.features)
            if p >= drop:
                gone.setdefault(row.event, []).append((p, row.entity))
    out = []
    for i, (start, label, keys) in enumerate(doc.events):
        left = list(keys)
        for _, key in sorted(gone.get(i, []), reverse=True):
            rest = [k for k in left if k != key]
            if len(set(rest)) < 2:
                break
            left = rest
        out.append((start, label, {doc.gold_of.get(k) for k in left} - {None}))
    return out


def count(doc: DocRows, model, drop: float) -> Counter:
    """who-met-whom (tp_p, pred, tp_g, gold) and events (ev.…) of one text after the drops, as the scorer counts."""
    gold = doc.gold
    gevents = gold.get("events") or []
    headed = [g for g in gevents if g.get("tier") != "reported"]
    allowed, _ = _allowed(gold)
    wanted: set = set()
    for g in headed:
        wanted |= _pairs(set(g.get("participants") or []) | set(g.get("counterparts") or []), g.get("start"))
    events = kept_events(doc, model, drop)
    got: set = set()
    for start, _, ids in events:
        got |= _pairs(ids, start)
    c = pair_counts(got, allowed, wanted)
    same = lambda e, g: _same_event(e, g, gold.get("host"))  # noqa: E731
    c["ev.tp_p"] = sum(1 for e in events if any(same(e, g) for g in gevents))
    c["ev.pred"] = len(events)
    c["ev.tp_g"] = sum(1 for g in headed if any(same(e, g) for e in events))
    c["ev.gold"] = len(headed)
    return c


def _same_event(ev: tuple[str, str, set[str]], gev: dict, host) -> bool:
    """The scorer's event match (score._Alignment.same_event) on a meeting of gold ids."""
    start, label, ids = ev
    gstart = "" if gev.get("start") is None else str(gev.get("start"))
    if gstart and not start.startswith(gstart):
        return False
    others = (set(gev.get("participants") or []) | set(gev.get("counterparts") or [])) - {host}
    if others:
        return bool(others & ids)
    return normalise_name(label) == normalise_name(gev.get("title", ""))


def causes(docs: list[DocRows]) -> Counter:
    """The false who-met-whom pairs of the output (no drop), each counted once under its cause."""
    out: Counter = Counter()
    for doc in docs:
        gevents = doc.gold.get("events") or []
        allowed, undated = _allowed(doc.gold)
        gold_host = doc.gold.get("host")
        seen: set = set()
        for i, (start, label, keys) in enumerate(doc.events):
            ids = {doc.gold_of.get(k) for k in keys} - {None}
            matched = [g for g in gevents if _same_event((start, label, ids), g, gold_host)]
            members = set().union(*[set(g.get("participants") or []) | set(g.get("counterparts") or [])
                                    for g in matched]) if matched else set()
            uniq = list(dict.fromkeys(keys))
            for x, a in enumerate(uniq):
                for b in uniq[x + 1:]:
                    ga, gb = doc.gold_of.get(a), doc.gold_of.get(b)
                    if not (ga and gb) or ga == gb:
                        continue  # the scorer makes no pair of a name the gold does not know
                    pair = tuple(sorted((ga, gb))) + ((start or "")[:10],)
                    if pair in seen:
                        continue
                    seen.add(pair)
                    if pair in allowed or pair[:2] in undated:
                        continue
                    out[_cause(doc, a, b, ga, gb, matched, members, keys, gevents)] += 1
    return out


def _cause(doc, a, b, ga, gb, matched, members, keys, gevents) -> str:
    if not matched:
        return "false event (matches no gold event)"
    wrong = [(k, g) for k, g in ((a, ga), (b, gb)) if g not in members]
    if not wrong:
        together = any({ga, gb} <= (set(g.get("participants") or []) | set(g.get("counterparts") or []))
                       for g in gevents)
        return "date of the pair" if together else "two participants of different gold events"
    k, g = wrong[0]
    kind = doc.kinds.get(k, "?")
    if k == doc.host:
        return f"false participant: the host ({kind})"
    in_other = any(g in (set(e.get("participants") or []) | set(e.get("counterparts") or [])) for e in gevents)
    return f"false participant: {kind}, {'in another gold event' if in_other else 'in no gold event'}"


def _read(args) -> list:
    from ..nlp.model import make_nlp

    return read_docs(args.corpus, make_nlp(), args.sources, args.folds or 5)


def main(argv: list[str] | None = None) -> int:
    ap = model_args("train_prune", "Train and measure the participant check.", L2,
                    "SOURCES.tsv (its name and outlet columns): outlet folds for --folds and for the pair model "
                    "each text is built with")
    ap.add_argument("--drop", type=float, default=DROP, help="the probability of not taking part that drops one")
    ap.add_argument("--cache", type=Path, help="read the rows from this pickle if there, else write them to it")
    ap.add_argument("--causes", action="store_true", help="count the false who-met-whom pairs by cause")
    args = ap.parse_args(argv)
    docs = cached(args.cache, lambda: _read(args))
    rows, false = sum(len(d.rows) for d in docs), sum(y == 1 for d in docs for y in d.labels)
    print(f"{len(docs)} texts, {rows} participants of meetings, {false} in no right pair", file=sys.stderr)
    if args.causes:
        got = causes(docs)
        print(f"false who-met-whom pairs by cause ({sum(got.values())}):")
        for what, n in got.most_common():
            print(f"  {n:5d}  {what}")
    if args.folds or args.hold_out:
        folds = folds_of(docs, args.hold_out, args.sources, args.folds)
        got = held_out_by(docs, folds, fit_docs, count, args.l2, THRESHOLDS, "none")
        print(f"held out: {sum(len(f) for f in folds)} texts; as the scorer counts")
        for what, c in got.items():
            p, r, f = prf(c)
            ep, er, ef = prf(Counter({k[3:]: v for k, v in c.items() if k.startswith("ev.")}))
            name = "no check" if what == "none" else f"drop at {what:.2f}"
            print(f"  {name:<14} who-met-whom P={p:.3f} R={r:.3f} F1={f:.3f} (pairs {c['pred']})  "
                  f"events P={ep:.3f} R={er:.3f} F1={ef:.3f}")
    if args.out:
        write_model(args.out, fit_docs(docs, l2=args.l2, drop=args.drop), args.drop, "train_prune", argv,
                    f"{len(docs)} texts of {args.corpus.name}: {rows} participants, {false} in no right pair",
                    l2=args.l2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
