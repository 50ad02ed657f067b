"""`kg serve` under load: N concurrent loopback clients, each sending M queries (a mix of the product's questions,
small SELECTs and ASKs), while one client sends queries that run out of time. Counts every error by kind (a
connection reset, a status other than the expected one, a wrong answer) and reports throughput and latency. Bounded:
it stops after N×M queries (and at --deadline seconds at the latest), and exits 1 if any error was seen.

    python bench/bench_serve.py --clients 50 --queries 60 --triples 100000     # → results/serve.json
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchlib import ROOT, TreeMemory, fmt_seconds, publish, table

PREFIX = "PREFIX schema: <https://schema.org/>\n"
MIX = [
    ("ask", "ASK { ?s ?p ?o }", '"boolean":true'),
    ("persons", PREFIX + "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name LIMIT 20",
     '"name"'),
    ("count", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a ?t } }", '"n"'),
]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def build_store(folder: Path, triples: int) -> int:
    import synth
    from graph.store.kgstore import KGStore

    n = 0
    with KGStore(folder) as store:
        for iri, g in synth.graphs(triples):
            store.replace_graph(iri, g)
            n += len(g)
    return n


def ask(url: str, query: str, timeout: float) -> tuple[str, float, str]:
    """(outcome, seconds, body): outcome is the status code as text, or the name of the exception."""
    data = urllib.parse.urlencode({"query": query}).encode()
    req = urllib.request.Request(url, data=data, headers={"Accept": "application/sparql-results+json"})
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as res:
            return str(res.status), time.perf_counter() - t, res.read().decode()
    except urllib.error.HTTPError as err:
        return str(err.code), time.perf_counter() - t, err.read().decode()
    except OSError as exc:
        reason = getattr(exc, "reason", exc)
        return type(reason).__name__, time.perf_counter() - t, str(reason)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--queries", type=int, default=60, help="queries per client")
    ap.add_argument("--triples", type=int, default=100_000, help="size of the synthetic store")
    ap.add_argument("--workers", type=int, default=4, help="kg serve --workers")
    ap.add_argument("--timeout", type=int, default=5, help="kg serve --timeout (the runaway queries hit it)")
    ap.add_argument("--runaway", type=int, default=2, help="queries that run out of time, sent meanwhile")
    ap.add_argument("--deadline", type=float, default=600, help="stop waiting after this many seconds")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()

    from graph.views.serve import free_port

    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        t = time.perf_counter()
        triples = build_store(store, args.triples)
        print(f"store: {triples:,} triples in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", "--store", str(store), "--port",
                                 str(port), "--timeout", str(args.timeout), "--workers", str(args.workers),
                                 "--quiet"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
        url = f"http://127.0.0.1:{port}/query"
        try:
            started = time.monotonic()
            while ask(url, "ASK {}", 2)[0] != "200":
                if proc.poll() is not None or time.monotonic() - started > 60:
                    raise SystemExit(f"kg serve did not start: {proc.stderr.read() if proc.poll() else ''}")
                time.sleep(0.2)
            outcomes: Counter[str] = Counter()
            latencies: dict[str, list[float]] = {name: [] for name, _, _ in MIX}
            runaway: list[tuple[str, float]] = []
            stop_at = time.monotonic() + args.deadline
            lock = threading.Lock()

            def client(i: int) -> None:
                for k in range(args.queries):
                    if time.monotonic() > stop_at:
                        return
                    name, query, expect = MIX[(i + k) % len(MIX)]
                    outcome, secs, body = ask(url, query, args.timeout + 30)
                    ok = outcome == "200" and expect in body.replace(" ", "")
                    with lock:
                        outcomes["ok" if ok else f"{name}: {outcome}"] += 1
                        latencies[name].append(secs)

            def slow() -> None:
                for _ in range(args.runaway):
                    outcome, secs, _ = ask(url, RUNAWAY, args.timeout + 30)
                    runaway.append((outcome, secs))

            with TreeMemory(proc.pid) as mem:
                t0 = time.perf_counter()
                with ThreadPoolExecutor(args.clients + 1) as ex:
                    jobs = [ex.submit(slow)] + [ex.submit(client, i) for i in range(args.clients)]
                    for j in jobs:
                        j.result()
                wall = time.perf_counter() - t0
        finally:
            proc.terminate()
            proc.wait(10)
    total = sum(outcomes.values())
    errors = total - outcomes["ok"]
    rows = []
    for name, secs in latencies.items():
        if secs:
            q = statistics.quantiles(secs, n=100) if len(secs) > 1 else secs * 99
            rows.append([name, len(secs), fmt_seconds(statistics.median(secs)), fmt_seconds(q[94]),
                         fmt_seconds(max(secs))])
    text = table(["query", "answered", "median", "p95", "max"], rows)
    summary = table(["clients", "queries", "errors", "wall", "queries/s", "runaway answers", "server peak RSS MB"],
                    [[args.clients, total, errors, fmt_seconds(wall), total / wall if wall else None,
                      ", ".join(f"{o} after {s:.1f} s" for o, s in runaway),
                      mem.peak_rss_mb]])
    errors_text = "\n".join(f"  {k}: {v}" for k, v in outcomes.items() if k != "ok") or "  none"
    publish(args.json, "serve", {"triples": triples, "clients": args.clients, "queries": total, "errors": errors,
                                 "outcomes": dict(outcomes), "runaway": runaway, "wall_s": wall,
                                 "workers": args.workers, "timeout_s": args.timeout,
                                 "peak_rss_mb": mem.peak_rss_mb},
            summary + "\n\n" + text, extra="\nerrors:\n" + errors_text)
    ok_runaway = all(o == "503" for o, _ in runaway)
    return 0 if errors == 0 and ok_runaway else 1


if __name__ == "__main__":
    sys.exit(main())
