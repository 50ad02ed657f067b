"""The runner: a folder of texts with their gold annotations (`NAME.txt` beside `NAME.yaml`), each text built the way
`kg build` builds it, into an in-memory store of its own (its sidecar `NAME.meta.json` read, its graph linked),
exported as `kg export --format json` exports it, and scored."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..store.build import InputError, build
from ..store.kgstore import KGStore
from ..views.export import export_json
from .score import load_gold, score

__all__ = ["predict", "evaluate_corpus"]


def predict(text_path: str | Path, nlp) -> dict:
    """The prediction for one text: `kg build TEXT --store memory` (with the pipeline `nlp`), then
    `kg export --format json`. A text that cannot be read or analysed raises `InputError`."""
    store = KGStore("memory")
    try:
        report = build([text_path], store, nlp=nlp, jobs=1, check=False)
        if report.failed:
            path, why = report.failed[0]
            raise InputError(f"{path}: {why}")
        return export_json(store)
    finally:
        store.close()


def evaluate_corpus(corpus_dir, nlp) -> tuple[Counter, dict[str, Counter]]:
    """Build every `NAME.txt` of `corpus_dir` that has a `NAME.yaml` into its own store (`predict`) and score it;
    returns the micro-averaged counts and the counts per document."""
    total: Counter = Counter()
    per_doc: dict[str, Counter] = {}
    for gold_path in sorted(Path(corpus_dir).glob("*.yaml")):
        text_path = gold_path.with_suffix(".txt")
        if not text_path.exists():
            continue
        counts = score(predict(text_path, nlp), load_gold(gold_path))
        per_doc[text_path.stem] = counts
        total += counts
    return total, per_doc
