"""Peak memory and time to the first row of `kg query … --format csv` and `kg export --format nt` for millions of
rows: both stream, so memory must not grow with the rows (target: a 3M-row result in under 300 MB).

The query repeats every triple of a synthetic store of --triples triples (four columns) up to --rows rows, so that no
big store has to be built; the export reads that store.

    python bench/bench_stream.py --rows 3000000 --triples 100000      # → results/stream.json
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchlib import ROOT, TreeMemory, fmt_seconds, publish, table


def rows_query(rows: int, triples: int) -> str:
    """About `rows` rows: every triple of the store, repeated (a join with a small VALUES block, which Oxigraph
    streams; a cross product of VALUES blocks alone it builds in memory, 630 MB for 3M rows)."""
    k = max(1, -(-rows // triples))
    return (f"SELECT ?k ?s ?p ?o WHERE {{ ?s ?p ?o . VALUES ?k {{ {' '.join(map(str, range(k)))} }} }} "
            f"LIMIT {rows}")


def measure(args: list[str]) -> dict:
    """Run `kg ARGS`, reading its output: seconds to the first line, in all, lines, peak memory (MB)."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    first, lines = None, 0
    with TreeMemory(proc.pid, interval=0.05) as mem:
        for _ in proc.stdout:
            if first is None:
                first = time.perf_counter() - t
            lines += 1
        err = proc.stderr.read().decode()
        proc.wait()
    if proc.returncode:
        raise SystemExit(f"kg {' '.join(args[:2])} failed: {err}")
    return {"first_s": first, "total_s": time.perf_counter() - t, "lines": lines, "peak_rss_mb": mem.peak_rss_mb}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=3_000_000)
    ap.add_argument("--triples", type=int, default=100_000)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    import synth
    from graph.store.kgstore import KGStore

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        n = 0
        with KGStore(store) as s:
            for iri, g in synth.graphs(args.triples):
                s.replace_graph(iri, g)
                n += len(g)
        query = measure(["query", rows_query(args.rows, n), "--store", str(store), "--format", "csv"])
        export = measure(["export", "--format", "nt", "--store", str(store)])
    rows = [["kg query --format csv", f"{query['lines'] - 1:,} rows", fmt_seconds(query["first_s"]),
             fmt_seconds(query["total_s"]), query["peak_rss_mb"]],
            ["kg export --format nt", f"{export['lines']:,} triples", fmt_seconds(export["first_s"]),
             fmt_seconds(export["total_s"]), export["peak_rss_mb"]]]
    text = table(["command", "output", "first line", "all", "peak RSS MB"], rows)
    publish(args.json, "stream", {"rows": args.rows, "triples": n, "query": query, "export": export}, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
