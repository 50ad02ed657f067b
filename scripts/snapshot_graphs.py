#!/usr/bin/env python3
"""Snapshot the graph of every text of the project's corpora, or compare against a snapshot: the check that a
change meant to keep behaviour (a restructuring) keeps every graph.

    python scripts/snapshot_graphs.py write DIR      # DIR/<corpus>/<name>.nt, one document built alone each
    python scripts/snapshot_graphs.py compare DIR    # the same graphs now, compared as sets of triples

Each text is built alone into a fresh store through the `kg` command line (`kg build FILE --store S`, then
`kg export --store S --format nq`), so the snapshot does not depend on the package's inner layout. The graphs
have no blank nodes, so two graphs are isomorphic exactly when their sorted N-Quads lines are equal.
Corpora: the seed, tests/corpus, tests/heldout, tests/heldout2, tests/news and, where the texts have been
re-collected, eval/realnews/dev and eval/realnews/blind.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ["seeds", "tests/corpus", "tests/heldout", "tests/heldout2", "tests/news", "eval/realnews/dev",
           "eval/realnews/blind"]


def graph_lines(text: Path, kg: str) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        store = str(Path(tmp) / "store")
        subprocess.run([kg, "build", str(text), "--store", store], check=True, capture_output=True)
        out = subprocess.run([kg, "export", "--store", store, "--format", "nquads"], check=True,
                             capture_output=True, text=True).stdout
    return sorted(line for line in out.splitlines() if line.strip())


def texts() -> list[tuple[str, Path]]:
    return [(corpus, t) for corpus in CORPORA for t in sorted((ROOT / corpus).glob("*.txt"))]


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("write", "compare"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    mode, snap = argv[1], Path(argv[2])
    kg = str(Path(sys.executable).parent / "kg")
    differ = 0
    for corpus, text in texts():
        lines = graph_lines(text, kg)
        target = snap / corpus.replace("/", "_") / f"{text.stem}.nq"
        if mode == "write":
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
            continue
        before = target.read_text(encoding="utf-8").splitlines() if target.exists() else None
        if before != lines:
            differ += 1
            gone = len(set(before or []) - set(lines))
            new = len(set(lines) - set(before or []))
            print(f"differs: {corpus}/{text.name} ({gone} triples gone, {new} new)"
                  if before is not None else f"not in the snapshot: {corpus}/{text.name}")
    n = len(texts())
    print(f"{n} graphs written to {snap}" if mode == "write" else f"{n - differ} of {n} graphs the same")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
