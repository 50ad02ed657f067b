"""Train the model that chooses each post's organisation (`graph/extract/role_orgs.py`) on gold-annotated texts.

    python -m graph.evaluate.train_role_orgs eval/realnews/dev --names NAMES.txt \
        --sources eval/realnews/SOURCES.tsv --folds 5 --out graph/data/role_orgs.json

Each text is built with the rules (and no organisation model); for every post a person holds whose title holds a
gold title of that person (as the scorer compares titles), every candidate (each country and organisation of the
text, and "none") is a row, labelled 1 when it is the gold role's organisation as the shared scorer matches it (an
organisation the gold does not name counts as none). `--folds K` holds out whole outlets (`--sources`, as
train_participants does) and reports, per margin, how many posts the rules and the held-out model get right.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from ..extract import learned, role_orgs
from .corpus import predict
from .score import _GoldView, load_gold, normalise_name
from .train_participants import fit, folds_by_outlet, outlets, write_model

ADD = 0.0
L2 = 1
MARGINS = (0.0, 0.1, 0.15, 0.2, 0.3)


def collect(corpus: Path, names: set[str] | None, cache: Path | None) -> list[dict]:
    """One row a candidate: text, person, title, candidate, whether the rules chose it, features, label."""
    if cache is not None and cache.exists():
        return [json.loads(line) for line in cache.read_text().splitlines()]
    from ..nlp.model import make_nlp
    nlp = make_nlp()
    rows: list[dict] = []
    role_orgs.use_model(None)
    for gp in sorted(corpus.glob("*.yaml")):
        tp = gp.with_suffix(".txt")
        if not tp.exists() or (names is not None and gp.stem not in names):
            continue
        gold = _GoldView(load_gold(gp))

        def record(person, title, cand, feats, stem=gp.stem, gold=gold):
            gid = gold.lookup([person.label, *person.aliases], "Person")
            if gid is None:
                return
            want = [r.get("org") for r in (gold.entities[gid].get("roles") or [])
                    if normalise_name(r.get("title", "")) and normalise_name(r["title"]) in normalise_name(title)]
            if not want:
                return
            got = gold.lookup([cand.label, *cand.aliases], None) if cand is not None else None
            rows.append({"doc": stem, "person": person.key, "title": title, "cand": cand.key if cand else None,
                         "features": list(feats), "label": int(got in want)})

        role_orgs.RECORDER = record
        try:
            predict(tp, nlp)
        except Exception as e:  # a text that cannot be read: skipped, as the evaluation does
            print(f"{tp.name}: {e}", file=sys.stderr)
        finally:
            role_orgs.RECORDER = None
    role_orgs.reset_model()
    if cache is not None:
        cache.write_text("\n".join(json.dumps(r) for r in rows))
    return rows


def train(rows: list[dict], add: float = ADD) -> learned.Model:
    made = [learned.Row(0, r["doc"], r["person"], "", tuple(r["features"])) for r in rows]
    return fit(made, [r["label"] for r in rows], l2=L2, add=add)


def posts(rows: list[dict]) -> dict[tuple, list[dict]]:
    out: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        out[(r["doc"], r["person"], r["title"])].append(r)
    return out


def choose(rows: list[dict], model: learned.Model | None, margin: float) -> Counter:
    """Posts right (the chosen organisation is the gold one) with the rules alone / with the model at `margin`."""
    c: Counter = Counter()
    for group in posts(rows).values():
        cur = [r for r in group if "cur" in r["features"] or "none|cur" in r["features"]]
        right = any(r["label"] for r in cur)
        c["posts"] += 1
        if model is not None:
            scored = [(model.probability(r["features"]), r) for r in group]
            p, best = max(scored, key=lambda x: x[0])
            mine = max((q for q, r in scored if r in cur), default=0.0)
            if best not in cur and p >= model.add and p > mine + margin:
                c["changed"] += 1
                c["fixed"] += int(best["label"] and not right)
                c["broken"] += int(right and not best["label"])
                right = bool(best["label"])
        c["right"] += int(right)
        c["reachable"] += int(any(r["label"] for r in group))
    return c


class _Doc:
    def __init__(self, name: str) -> None:
        self.name = name


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--names", type=Path, help="only the texts named in this file")
    ap.add_argument("--cache", type=Path, help="rows read from / written to this JSON-lines file")
    ap.add_argument("--sources", type=Path, help="SOURCES.tsv: folds hold out whole outlets")
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--add", type=float, default=ADD)
    ap.add_argument("--margin", type=float, default=role_orgs.MARGIN)
    a = ap.parse_args(argv)
    names = set(a.names.read_text().split()) if a.names else None
    rows = collect(a.corpus, names, a.cache)
    print(f"{len(rows)} candidates of {len(posts(rows))} posts, {sum(r['label'] for r in rows)} right")
    if a.folds:
        docs = [_Doc(n) for n in sorted({r["doc"] for r in rows})]
        folds = folds_by_outlet(docs, outlets(a.sources), a.folds)
        total = {m: Counter() for m in ("rules", *MARGINS)}
        for fold in folds:
            held = {d.name for d in fold}
            model = train([r for r in rows if r["doc"] not in held], a.add)
            test = [r for r in rows if r["doc"] in held]
            total["rules"] += choose(test, None, 0.0)
            for m in MARGINS:
                total[m] += choose(test, model, m)
        for m, c in total.items():
            print(f"  {m}: right {c['right']} of {c['posts']} (reachable {c['reachable']}) changed {c['changed']} "
                  f"fixed {c['fixed']} broken {c['broken']}")
    if a.out:
        write_model(a.out, train(rows, a.add), a.add, "train_role_orgs", argv,
                    f"{a.corpus.name}: {len(rows)} candidates of {len(posts(rows))} posts")


if __name__ == "__main__":
    main()
