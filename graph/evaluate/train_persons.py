"""Train the learned person check (`graph/nlp/person_model.py`) on gold-annotated texts; measure it by outlet.

    python -m graph.evaluate.train_persons eval/realnews/dev --folds 5 --sources eval/realnews/SOURCES.tsv
    python -m graph.evaluate.train_persons eval/realnews/dev --out graph/data/persons.json

Each text is built with the rules alone (no person model); every candidate span of every doc (entity spans of any
label, runs of name words no entity covers) is labelled from the gold as the scorer matches names: 1 when its words
are a gold person's name or alias, or a part of one (a surname said again); 0 when they share no word with any gold
person; left out otherwise (a name with more words around it). A logistic model (train_participants.fit) is fitted
to the rows. `--folds K` holds out whole outlets: the model of the other outlets decides on the held-out texts, and
for each threshold the spans it would make persons (`add`) and take the person label from (`drop`) are counted
right and wrong. The model written by `--out` is trained on every text.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..nlp import person_model
from ..nlp.names import PARTICLES, _is_name_text
from .corpus import predict
from .score import content_words as content, load_gold, normalise_name as norm
from .train_participants import cached, model_args, texts_of, fit, folds_of, write_model

L2 = 10.0
ADD = 0.9
DROP = 0.1
ADDS = (0.7, 0.8, 0.85, 0.9, 0.95)
DROPS = (0.02, 0.05, 0.1, 0.15, 0.2)


@dataclass(frozen=True)
class Row:
    features: tuple[str, ...]
    label: str  # the span's label in the doc ("RUN": no entity)
    text: str
    gold: int | None  # 1 a gold person's name (or part), 0 none, None left out


@dataclass
class DocRows:
    name: str
    rows: list[Row] = field(default_factory=list)
    predicted: dict = field(default_factory=dict)  # the rules' prediction (export json)


def gold_persons(gold: dict) -> tuple[set[str], list[set[str]]]:
    """The normalised names of the gold persons, and each person's name words: those of its bare names (every word
    one a name can hold, or a particle), so that an alias like "External Affairs Minister Ana Lima" gives none."""
    names, words = set(), []
    for e in gold.get("entities", []):
        if e.get("type") == "Person":
            names |= {norm(n) for n in e["names"]}
            bare = [n for n in e["names"] if all(_name_word(w) for w in n.split())] or e["names"]
            words.append({norm(w) for n in bare for w in n.split() if _name_word(w)} - {""})
    return names, words


def _name_word(word: str) -> bool:
    return _is_name_text(word, False) or word in PARTICLES or bool(re.fullmatch(r"(?:[A-Z]\.)+", word))


def label(text: str, names: set[str], words: list[set[str]]) -> int | None:
    """1: the text is a gold person's name, or its words part of one; 0: it shares no word with one; else None."""
    if norm(text) in names:
        return 1
    mine = content(text)
    if mine and any(mine <= w for w in words):
        return 1
    if any(mine & w for w in words):
        return None
    return 0


def read_doc(text_path: Path, gold_path: Path, nlp) -> DocRows:
    """The labelled candidates of one text, built with the rules alone."""
    gold = load_gold(gold_path)
    names, words = gold_persons(gold)
    out = DocRows(text_path.stem)

    def record(doc, cands) -> None:
        for span, feats in cands:
            out.rows.append(Row(feats, span.label_, span.text, label(span.text, names, words)))

    person_model.RECORDER, before = record, person_model.RECORDER
    person_model.use_model(None)
    try:
        out.predicted = predict(text_path, nlp)
    finally:
        person_model.RECORDER = before
        person_model.reset_model()
    return out


def fit_docs(docs: list[DocRows], l2: float = L2, add: float = ADD, drop: float = DROP,
             labels: bool = True) -> person_model.PersonModel:
    """The model of `docs`' labelled candidates; `labels`: with the features of the span's label (without, the
    model learns what a name looks like from every label's spans alike)."""
    rows = [r for d in docs for r in d.rows if r.gold is not None]
    if not labels:
        rows = [Row(tuple(f for f in r.features if not f.startswith("lab=")), r.label, r.text, r.gold) for r in rows]
    m = fit(rows, [r.gold for r in rows], l2=l2)
    return person_model.PersonModel(m.weights, m.bias, add, drop)


def count(docs: list[DocRows], model) -> dict:
    """Per threshold: spans made persons (right, of them a person the rules' output misses: new; wrong) and person
    spans dropped (right: not a person; wrong)."""
    out: dict = {}
    for d in docs:
        found = _found(d)
        for r in d.rows:
            if r.gold is None:
                continue
            p = model.probability(r.features)
            for t in ADDS:
                if r.label != "PERSON" and p >= t:
                    c = out.setdefault(("add", t), Counter())
                    c["right" if r.gold else "wrong"] += 1
                    c["new"] += int(bool(r.gold) and norm(r.text) not in found)
            for t in DROPS:
                if r.label == "PERSON" and p < t:
                    out.setdefault(("drop", t), Counter())["right" if not r.gold else "wrong"] += 1
    return out


def _found(d: DocRows) -> set[str]:
    """The normalised names (labels and aliases) of the persons the rules' output holds."""
    return {norm(n) for e in d.predicted.get("entities", []) if e.get("type") == "Person"
            for n in [e.get("label", ""), *e.get("aliases", [])]}


def main(argv: list[str] | None = None) -> int:
    ap = model_args("train_persons", "Train and measure the learned person check.", L2)
    ap.add_argument("--add", type=float, default=ADD, help="the probability at which a span becomes a person")
    ap.add_argument("--drop", type=float, default=DROP, help="the probability below which a person is dropped")
    ap.add_argument("--no-labels", action="store_true", help="without the features of the span's label")
    ap.add_argument("--cache", type=Path, help="read (or write) the labelled candidates here (pickle)")
    args = ap.parse_args(argv)
    docs = cached(args.cache, lambda: texts_of(args.corpus, read_doc))
    rows = [r for d in docs for r in d.rows]
    print(f"{len(docs)} texts, {len(rows)} candidates, {sum(1 for r in rows if r.gold)} persons, "
          f"{sum(1 for r in rows if r.gold is None)} left out", file=sys.stderr)
    if args.folds or args.hold_out:
        total: dict = {}
        for fold in folds_of(docs, args.hold_out, args.sources, args.folds):
            names = {d.name for d in fold}
            model = fit_docs([d for d in docs if d.name not in names], l2=args.l2, labels=not args.no_labels)
            for k, c in count(fold, model).items():
                total.setdefault(k, Counter()).update(c)
        print("held out by outlet: spans changed, right and wrong")
        for (what, t), c in sorted(total.items()):
            new = f" (new {c['new']})" if what == "add" else ""
            print(f"  {what} {t:.2f}: right {c['right']:4d}{new} wrong {c['wrong']:4d}")
    if args.out:
        rows_used = sum(1 for r in rows if r.gold is not None)
        model = fit_docs(docs, l2=args.l2, add=args.add, drop=args.drop, labels=not args.no_labels)
        write_model(args.out, model, args.add, "train_persons", argv,
                    f"{len(docs)} texts of {args.corpus.name}: {rows_used} candidates", drop=args.drop, l2=args.l2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
