"""Train the countries-met model (`graph/extract/met_countries.py`) on gold-annotated texts; measure it by outlet.

    python -m graph.evaluate.train_countries eval/realnews/dev --out graph/data/countries.json --add 0.6
    python -m graph.evaluate.train_countries eval/realnews/dev --folds 5 --sources eval/realnews/SOURCES.tsv

Each text is built with the shipped models but no countries model; each (meeting, country) row is labelled from the
gold: 1 when a gold event the meeting matches as the scorer matches events (same date where the gold has one, a
gold participant or counterpart in common, the host aside) has the country among its participants or counterparts.
A logistic model (train_participants.fit, one row a bag) is fitted; `--folds K` holds out whole outlets and counts
who-met-whom as the scorer counts it, the meetings as built and with the countries the model passes, for a few
thresholds. The model written by `--out` is trained on every text.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..extract import met_countries
from ..extract.context import Context
from ..records import Event
from .corpus import predict
from .score import _GoldView, load_gold
from .train_participants import cached, model_args, texts_of, fit, folds_of, held_out_by, pair_counts, pairs_of, prf, write_model, _gold_pairs

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
L2 = 10.0
ADD = 0.6
SHARE = 1.0  # the share of a country's new pairs that must be gold for its row to be labelled met


@dataclass
class DocRows:
    """One text's rows, labelled, and its meetings as gold ids (to count pairs again under any threshold)."""

    name: str
    rows: list[met_countries.Row] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    country_of: list[str | None] = field(default_factory=list)  # each row's country as a gold id
    meetings: list[tuple[set, str | None]] = field(default_factory=list)  # each event's gold ids and date
    allowed: set = field(default_factory=set)
    wanted: set = field(default_factory=set)


def matches(ids: set, start: str | None, gold_event: dict, host: str | None) -> bool:
    """Whether a meeting of the gold ids `ids` on `start` is the gold event, as the scorer matches them."""
    gstart = str(gold_event.get("start", "") or "")
    if gstart and not str(start or "").startswith(gstart):
        return False
    want = (set(gold_event.get("participants") or []) | set(gold_event.get("counterparts") or [])) - {host}
    return bool(want & ids)


def read_doc(text_path: Path, gold_path: Path, nlp) -> DocRows:
    """The rows of one text, labelled from its gold."""
    gold = _GoldView(load_gold(gold_path))
    out = DocRows(text_path.stem)
    out.allowed = _gold_pairs(gold.events)
    out.wanted = _gold_pairs([g for g in gold.events if g.get("tier") != "reported"])

    def record(ctx: Context, events: list[Event], rows: list[met_countries.Row]) -> None:
        gold_of = {k: gold.lookup([e.label, *sorted(e.aliases)], e.type) for k, e in ctx.entities.items()}
        met = []
        for ev in events:
            ids = {gold_of.get(p.entity) for p in ev.participants} - {None}
            out.meetings.append((ids, ev.start))
            met.append(set().union(*[set(g.get("participants") or []) | set(g.get("counterparts") or [])
                                     for g in gold.events if matches(ids, ev.start, g, gold.host)]))
        for row in rows:
            c = gold_of.get(row.country)
            out.rows.append(row)
            out.country_of.append(c)
            out.labels.append(int(bool(c and c in met[row.event])))

    met_countries.RECORDER, before = record, met_countries.RECORDER
    met_countries.use_model(None)
    try:
        predict(text_path, nlp)
    finally:
        met_countries.RECORDER = before
        met_countries.reset_model()
    return out


def pair_label(doc: DocRows, row: met_countries.Row, country: str | None, share: float = SHARE) -> int:
    """1 when at least `share` of the pairs the country would add to its meeting are gold pairs (any date for a
    gold pair without one), and one at least: a country right for one gold event of a merged meeting is not right
    for the meeting."""
    ids, start = doc.meetings[row.event]
    new = pairs_of(ids | {country}, start) - pairs_of(ids, start) if country else set()
    undated = {(a, b) for a, b, d in doc.allowed if not d}
    right = sum(1 for p in new if p in doc.allowed or (p[0], p[1]) in undated)
    return int(bool(right) and right >= share * len(new))


def relabel(docs: list[DocRows], share: float = SHARE) -> None:
    """Each row's label from the pairs it would add (`pair_label`), where the matched gold event also has it."""
    for d in docs:
        d.labels = [y * pair_label(d, r, c, share) for r, c, y in zip(d.rows, d.country_of, d.labels)]


def fit_docs(docs: list[DocRows], l2: float = L2, add: float = ADD):
    return fit([r for d in docs for r in d.rows], [y for d in docs for y in d.labels], l2=l2, add=add)


def count(doc: DocRows, model, add: float) -> Counter:
    """who-met-whom counts of one text: its meetings, and (with `model`) the countries it passes at `add` added."""
    extra: dict[int, set] = {}
    if model is not None:
        for row, c in zip(doc.rows, doc.country_of):
            if c and model.probability(row.features) >= add:
                extra.setdefault(row.event, set()).add(c)
    got: set = set()
    for i, (ids, start) in enumerate(doc.meetings):
        got |= pairs_of(ids | extra.get(i, set()), start)
    return pair_counts(got, doc.allowed, doc.wanted)


def _docs(corpus: Path, cache: Path | None) -> list[DocRows]:
    """The labelled rows of every text of `corpus` (kept in `cache`, when given)."""
    return cached(cache, lambda: texts_of(corpus, read_doc))


def main(argv: list[str] | None = None) -> int:
    ap = model_args("train_countries", "Train and measure the countries-met model.", L2)
    ap.add_argument("--add", type=float, default=ADD, help="the probability at which a country joins a meeting")
    ap.add_argument("--share", type=float, default=SHARE, help="labelled met when this share of its pairs is gold")
    ap.add_argument("--cache", type=Path, help="read the rows from this file if it exists, else write them there")
    args = ap.parse_args(argv)
    docs = _docs(args.corpus, args.cache)
    relabel(docs, args.share)
    rows, positive = sum(len(d.rows) for d in docs), sum(sum(d.labels) for d in docs)
    print(f"{len(docs)} texts, {rows} rows, {positive} met", file=sys.stderr)
    if args.folds or args.hold_out:
        folds = folds_of(docs, args.hold_out, args.sources, args.folds)
        got = held_out_by(docs, folds, fit_docs, count, args.l2, THRESHOLDS, "built")
        print(f"held out: {sum(len(f) for f in folds)} texts; who-met-whom as the scorer counts it")
        for what, c in got.items():
            p, r, f = prf(c)
            name = "as built" if what == "built" else f"+ countries, add {what:.1f}"
            print(f"  {name:<26} P={p:.3f} R={r:.3f} F1={f:.3f}  (pairs {c['pred']}, gold {c['gold']})")
    if args.out:
        write_model(args.out, fit_docs(docs, l2=args.l2, add=args.add), args.add, "train_countries", argv,
                    f"{len(docs)} texts of {args.corpus.name}: {rows} rows, {positive} met", l2=args.l2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
