"""Train the title attachment model (`graph/extract/role_attach.py`) on gold-annotated texts.

    python -m graph.evaluate.train_roles eval/realnews/dev --names NAMES.txt --out graph/data/roles.json

(`--names FILE`: only the texts named in FILE, one name a line; round 15 trained on dev's first 265.) Each text is
built with the rules (and no attachment model); every candidate title `role_attach.candidates` reads for a person the
rules gave no title is labelled 1 when the gold gives that person a role whose title the candidate's holds (as the
scorer compares titles). A logistic model (`train_participants.fit`, the same fitting as the pair model) is fitted
to the rows. `--folds K` splits the texts into K folds (whole outlets with `--sources SOURCES.tsv`, else by a hash
of the name) and reports, for a few thresholds, how many people the held-out folds' models give a right and a wrong
title (the surest candidate a person), to choose the threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections import Counter
from pathlib import Path

from ..extract import learned, role_attach
from .corpus import predict
from .score import _GoldView, load_gold, normalise_name
from .train_participants import fit, folds_by_outlet, outlets, write_model

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7)
ADD = 0.5
L2 = 1


def collect(corpus: Path, names: set[str] | None, cache: Path | None) -> list[dict]:
    """One row a candidate: the text, the person's key, the title, its features and its label."""
    if cache is not None and cache.exists():
        return [json.loads(line) for line in cache.read_text().splitlines()]
    from ..nlp.model import make_nlp
    nlp = make_nlp()
    rows: list[dict] = []
    role_attach.use_model(None)
    for gp in sorted(corpus.glob("*.yaml")):
        tp = gp.with_suffix(".txt")
        if not tp.exists() or (names is not None and gp.stem not in names):
            continue
        gold = _GoldView(load_gold(gp))

        def record(p, key, title, feats, stem=gp.stem, gold=gold):
            gid = gold.lookup([p.text], "Person")
            titles = [normalise_name(r["title"]) for r in (gold.entities[gid].get("roles") or [])] if gid else []
            label = int(any(t and t in normalise_name(title) for t in titles))
            rows.append({"doc": stem, "key": key, "title": title, "features": list(feats), "label": label})

        role_attach.RECORDER = record
        try:
            predict(tp, nlp)
        except Exception as e:  # a text that cannot be read: skipped, as the evaluation does
            print(f"{tp.name}: {e}", file=sys.stderr)
        finally:
            role_attach.RECORDER = None
    role_attach.reset_model()
    if cache is not None:
        cache.write_text("\n".join(json.dumps(r) for r in rows))
    return rows


def train(rows: list[dict], add: float = ADD) -> learned.Model:
    made = [learned.Row(0, r["key"], "", "", tuple(r["features"])) for r in rows]
    return fit(made, [r["label"] for r in rows], l2=L2, add=add)


def choose(rows: list[dict], model: learned.Model, add: float) -> Counter:
    """Right and wrong titles given (the surest candidate of each person over `add`) and people with a right one."""
    best: dict[tuple, tuple[float, int]] = {}
    can: set = set()
    for r in rows:
        k = (r["doc"], r["key"])
        if r["label"]:
            can.add(k)
        p = model.probability(r["features"])
        if p >= add and p > best.get(k, (0.0, 0))[0]:
            best[k] = (p, r["label"])
    return Counter(right=sum(v for _, v in best.values()), wrong=sum(1 - v for _, v in best.values()), can=len(can))


class _Doc:
    def __init__(self, name: str) -> None:
        self.name = name


def _folds(rows: list[dict], k: int, sources: Path | None) -> list[set[str]]:
    """The texts of each of `k` folds: whole outlets (`sources`, as train_participants folds), else by a hash."""
    docs = sorted({r["doc"] for r in rows})
    if sources is not None:
        return [{d.name for d in f} for f in folds_by_outlet([_Doc(n) for n in docs], outlets(sources), k)]
    return [{n for n in docs if zlib.crc32(n.encode()) % k == i} for i in range(k)]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--names", type=Path, help="only the texts named in this file")
    ap.add_argument("--cache", type=Path, help="rows read from / written to this JSON-lines file")
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--sources", type=Path, help="SOURCES.tsv: folds hold out whole outlets (else by a hash)")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--add", type=float, default=ADD)
    a = ap.parse_args(argv)
    names = set(a.names.read_text().split()) if a.names else None
    rows = collect(a.corpus, names, a.cache)
    print(f"{len(rows)} candidates, {sum(r['label'] for r in rows)} right, "
          f"{len({(r['doc'], r['key']) for r in rows})} people")
    if a.folds:
        total = {t: Counter() for t in THRESHOLDS}
        for k, names_k in enumerate(_folds(rows, a.folds, a.sources)):
            held = [r for r in rows if r["doc"] in names_k]
            model = train([r for r in rows if r["doc"] not in names_k])
            for t in THRESHOLDS:
                total[t] += choose(held, model, t)
        for t, c in total.items():
            print(f"  add {t}: right {c['right']} wrong {c['wrong']} (people with a right candidate {c['can']})")
    if a.out:
        people = len({(r["doc"], r["key"]) for r in rows})
        right = sum(r["label"] for r in rows)
        write_model(a.out, train(rows, a.add), a.add, "train_roles", argv,
                    f"{a.corpus.name}: {len(rows)} candidates of {people} people, {right} right")


if __name__ == "__main__":
    main()
