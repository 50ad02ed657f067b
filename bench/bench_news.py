"""Every view on a store like a real news archive (bench/news_corpus.py: one host in every document of a source,
a hundred recurring counterparts, the same meetings told by several outlets), as the store grows.

The store is written directly from the corpus's mapped graphs (`graph.mapping.to_graph` of each item's Document,
plus the document's metadata as `kg build` adds it, one `KGStore.replace_graph` per document: the same named
graphs and the same single-transaction write as `kg build`, without spaCy, which would take hours at 10,000
documents). Each view is then run as the user runs it, `python -m graph.cli …` in a child process with a time limit
(the wall time includes starting Python and opening the store; `kg query 'ASK {}'` is shown as that baseline).

`--code DIR` runs the views with the `graph` package of another checkout (e.g. `git worktree add /tmp/before
main`): before and after in one run, on the same store.

    python bench/bench_news.py --items 100 1000 10000
    python bench/bench_news.py --items 50 100 200 --code /tmp/before --timeout 60 --json bench/results/news-before.json
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import benchlib
from benchlib import fmt_seconds, kill_group, publish, table
from news_corpus import NewsWorld, items

VIEWS = ["baseline", "viz", "viz_focus", "analyze", "path", "timeline", "profile", "meetings", "meetings_with",
         "export"]


def view_args(view: str, host: str, other: str, out: Path) -> list[str]:
    return {
        "baseline": ["query", "ASK { ?s ?p ?o }"],
        "viz": ["viz", "-o", str(out / "viz.html")],
        "viz_focus": ["viz", "-o", str(out / "focus.html"), "--focus", host],
        "analyze": ["analyze"],
        "path": ["path", host, other],
        "timeline": ["timeline", "-o", str(out / "timeline.png")],
        "profile": ["profile", host],
        "meetings": ["meetings", "--format", "csv"],
        "meetings_with": ["meetings", "--with", host, "--format", "csv"],
        "export": ["export", "--format", "json", "-o", str(out / "export.json")],
    }[view]


def run_view(code: Path, store: Path, args: list[str], timeout: float) -> tuple[float | None, float | None, str]:
    """Run `kg ARGS --store STORE` with the graph package of `code`: (wall seconds, CPU seconds of the child, user
    and system, or None; error). The CPU time is what the view costs when the machine is shared; the wall time is
    what the user waits."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    cpu0 = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", *args, "--store", str(store)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env=env, cwd=str(code))
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        proc.communicate()
        return None, None, f"timed out after {timeout:.0f} s"
    wall = time.perf_counter() - start
    cpu = _children_cpu() - cpu0
    if proc.returncode != 0:
        return None, None, err.strip().splitlines()[-1] if err.strip() else f"exit {proc.returncode}"
    return wall, cpu, ""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def grow(store_dir: Path, have: int, want: int, seed: int) -> tuple[int, float, float]:
    """Write items have..want-1 into the store; return (triples now, seconds writing, seconds flushing)."""
    from graph.store.build import document_graph
    from graph.ids import doc_iri
    from graph.store.kgstore import KGStore

    start = time.perf_counter()
    with KGStore(store_dir) as store:
        for i, (name, text, doc) in enumerate(items(want, seed)):
            if i < have:
                continue
            store.replace_graph(doc_iri(name), document_graph(doc))
        written = time.perf_counter()
        store.flush()  # as closing does after writes: the views then open the store without replaying its log
        flushed = time.perf_counter()
        n = len(store)
    return n, written - start, flushed - written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--items", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--views", nargs="+", default=VIEWS, choices=VIEWS)
    ap.add_argument("--code", type=Path, default=benchlib.ROOT, help="checkout whose graph package runs the views")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per view")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args(argv)
    nw = NewsWorld(a.seed)
    host = nw.hosts[0].name
    other = nw.people[0][0].name  # the most frequent counterpart of the first host
    results = []
    with tempfile.TemporaryDirectory(prefix="kg-news-") as tmp:
        store, out = Path(tmp) / "store", Path(tmp) / "out"
        out.mkdir()
        have = 0
        for n in sorted(a.items):
            triples, write_s, flush_s = grow(store, have, n, a.seed)
            have = n
            row = {"documents": n, "triples": triples, "write_s": round(write_s, 2), "flush_s": round(flush_s, 2),
                   "views": {}}
            print(f"{n} documents, {triples:,} triples (written in {write_s:.1f} s, flushed in {flush_s:.1f} s)",
                  file=sys.stderr)
            for view in a.views:
                wall, cpu, err = run_view(a.code.resolve(), store, view_args(view, host, other, out), a.timeout)
                row["views"][view] = {"s": None if wall is None else round(wall, 2),
                                      "cpu_s": None if cpu is None else round(cpu, 2), "error": err or None}
                shown = f"{fmt_seconds(wall)} (CPU {fmt_seconds(cpu)})" if wall is not None else err
                print(f"  {view:14s} {shown}", file=sys.stderr)
            results.append(row)
    headers = ["documents", "triples"] + a.views
    rows = [[r["documents"], f"{r['triples']:,}"]
            + [fmt_seconds(r["views"][v]["s"]) if r["views"][v]["s"] is not None
               else ("timeout" if "timed out" in (r["views"][v]["error"] or "") else "error") for v in a.views]
            for r in results]
    text = table(headers, rows)
    cpu_rows = [[r["documents"], f"{r['triples']:,}"] + [fmt_seconds(r["views"][v]["cpu_s"]) for v in a.views]
                for r in results]
    text += "\n\nCPU time of each view (user + system, the child process):\n\n" + table(headers, cpu_rows)
    publish(a.json, "news", {"host": host, "other": other, "code": str(a.code), "timeout_s": a.timeout,
                             "results": results}, text, f"\nviews run with {a.code}, timeout {a.timeout:.0f} s each")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
