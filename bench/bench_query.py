"""Query latency of the product's questions on stores of 10k, 100k and 1M triples, embedded Oxigraph on disk
(graph.store.KGStore) against rdflib's in-memory store (`rdflib.Dataset(default_union=True)`, its default Memory
store), with the same SPARQL files from graph/queries and the same bindings:

- `meetings`: who met whom, every event (meetings.rq), as `kg meetings`;
- `meetings_with`: who met one person (resolve_name.rq, entity_kind.rq, then meetings.rq with ?with bound), as
  `kg meetings --with`;
- `profile`: a person's profile (resolve_name.rq, entity_kind.rq, profile_actor, profile_posts, profile_meetings,
  profile_met), as `kg profile NAME`;
- `meetings_page_before`: the first page (20 rows) as `kg meetings --limit 20` asked it before pages were chosen
  first: meetings.rq with LIMIT 20 appended;
and, on Oxigraph only, through graph.views.canned as the command asks them (rdflib: not run):
- `meetings_page`: `kg meetings --limit 20` (meetings_page.rq, then meetings.rq for those events);
- `meeting`: `kg meeting EVENT` (one of the person's events); `discussed`: `kg discussed TOPIC` (the topic of the
  most events); `events`: `kg events` (the whole timeline); `together`: `kg together` (every pair);
and with --pages the first page (20 rows) of each as `kg … --limit 20` asks it: `meetings_with_page`,
`profile_page`, `discussed_page`, `events_page`, `together_page`, `together_with_page`, and `profile_whole` (`kg
profile` through graph.views.canned, name resolution included).

The triples are those `graph.mapping.to_graph` makes of synthetic `graph.records.Document`s (bench/synth.py): the
product's vocabulary and shapes, one named graph per document, actors recurring across documents. Each engine runs
in its own child process; a query that takes longer than its limit is killed and reported as "> N s" (rdflib can
take minutes). The person asked about is the one in the most events (the worst case). Times include reading every
result row into Python, as `kg meetings` does; "first" is the first run after opening the store, "median" the median
of the next --repeat runs.

    python bench/bench_query.py                                  # 10k triples
    python bench/bench_query.py --triples 10000 100000 1000000 --rdflib-timeout 60
    python bench/bench_query.py --triples 1000000 --engines oxigraph --pages --store /tmp/s   # keep the store
    python bench/bench_query.py --triples 1000000 --engines oxigraph --pages --store /tmp/s --code /tmp/before
"""

from __future__ import annotations

import argparse
import json
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import benchlib
from benchlib import TreeMemory, fmt_seconds, kill_group, machine_line, publish, table

# A question = the product's SPARQL files (graph/queries) run one after the other with their bindings, as graph.views.canned
# runs them: `kg meetings`, `kg meetings --with NAME` (after resolving NAME), `kg profile NAME`.
QUESTIONS = {
    "meetings": [("meetings", ())],
    "meetings_with": [("resolve_name", ("needle",)), ("entity_kind", ("entity",)), ("meetings", ("with",))],
    "profile": [("resolve_name", ("needle",)), ("entity_kind", ("entity",)), ("profile_actor", ("actor",)),
                ("profile_posts", ("actor",)), ("profile_meetings", ("actor",)), ("profile_met", ("actor",))],
    "meetings_page_before": [("meetings", (), (20, 0))],
}
PAGE = 20
# The canned questions as graph.views.canned asks them (Oxigraph only): name → (function, arguments from `info`).
CANNED = {
    "meetings_page": ("meetings", lambda info: {"limit": PAGE}),
    "meeting": ("meeting", lambda info: {"ref": info["meeting_event"]}),
    "discussed": ("discussed", lambda info: {"name": info["topic_name"]}),
    "events": ("events", lambda info: {}),
    "together": ("together", lambda info: {}),
}
# With --pages: the first page (PAGE rows) of every canned question as `kg … --limit 20` asks it (the names above
# are the whole answers).
PAGES = {
    "meetings_with_page": ("meetings", lambda info: {"with_": [info["person_name"]], "limit": PAGE}),
    "profile_page": ("profile", lambda info: {"name": info["person_name"], "limit": PAGE}),
    "profile_whole": ("profile", lambda info: {"name": info["person_name"]}),
    "discussed_page": ("discussed", lambda info: {"name": info["topic_name"], "limit": PAGE}),
    "events_page": ("events", lambda info: {"limit": PAGE}),
    "together_page": ("together", lambda info: {"limit": PAGE}),
    "together_with_page": ("together", lambda info: {"with_": info["person_name"], "limit": PAGE}),
}
# oxigraph-dedup: the same triples in ONE named graph, so that each distinct triple is stored once: what the
# product's queries would cost if Oxigraph's union default graph did not repeat a triple once per document holding
# it (it does in pyoxigraph 0.5, oxigraph#1919; fixed upstream by #1920) — an experiment, not a layout the product has.
ENGINES = ("oxigraph", "rdflib", "oxigraph-dedup")
DEDUP_GRAPH = "urn:x-kg-bench:all"
TARGET_S = 0.2


# --------------------------------------------------------------------------------------------------- the child


def _emit(obj: dict) -> None:
    print(json.dumps(obj, default=str), flush=True)


def _query_text(name: str, params: tuple) -> str:
    """The query as the product runs it with these parameters bound (its `#? VAR` lines chosen)."""
    from graph.store.kgstore import load_query

    return load_query(name, params)


def _generate(triples: int, seed: int) -> tuple[dict, list]:
    """The synthetic documents' graphs up to `triples`, and who to ask about: the person in the most events."""
    from graph.ids import doc_iri, entity_iri, iri
    from graph.rdf.mapping import to_graph
    from synth import documents

    t0 = time.perf_counter()
    graphs, events, labels, topics, person_events = [], Counter(), {}, Counter(), {}
    total = 0
    for doc in documents(seed):
        if total >= triples:
            break
        g = to_graph(doc)
        total += len(g)
        graphs.append((doc_iri(doc.name), g))
        for ev in doc.events:
            events.update({p.entity for p in ev.participants if p.entity.startswith("person/")})
            topics.update({t.entity for t in ev.topics})
            for p in ev.participants:
                person_events.setdefault(p.entity, str(iri(ev.key)))
        labels.update({k: e.label for k, e in doc.entities.items()})
    key, n_events = events.most_common(1)[0]
    info = {"gen_s": time.perf_counter() - t0, "documents": len(graphs), "person": str(entity_iri(key)),
            "person_name": labels[key], "person_events": n_events, "open_s": 0.0,
            "meeting_event": person_events[key], "topic_name": labels[topics.most_common(1)[0][0]]}
    return info, graphs


def child_main(cfg: dict) -> None:
    if cfg.get("code"):  # another checkout's `graph` package (before/after on one store)
        assert "graph" not in sys.modules
        sys.path.insert(0, cfg["code"])
    from rdflib import Literal, URIRef

    from graph.store.kgstore import PREFIXES, KGStore, paged

    marker = Path(cfg["store"]) / "bench-loaded.json"
    if cfg["engine"].startswith("oxigraph") and marker.exists():  # loaded by an earlier child (one query timed out)
        info = json.loads(marker.read_text())
    else:
        info, graphs = _generate(cfg["triples"], cfg["seed"])
    person = URIRef(info["person"])
    values = {"needle": Literal(info["person_name"].lower()), "with": person, "actor": person, "entity": person}
    texts = {(f, p): _query_text(f, p) for steps in QUESTIONS.values() for f, p, *_ in steps}

    if cfg["engine"].startswith("oxigraph"):
        if not marker.exists():
            t0 = time.perf_counter()
            store = KGStore(cfg["store"])
            if cfg["engine"] == "oxigraph-dedup":
                for _, g in graphs:  # INSERT without DROP: every document's triples into one graph
                    body = "\n".join(f"{s_.n3()} {p_.n3()} {o_.n3()} ." for s_, p_, o_ in g)
                    store._update(f"INSERT DATA {{ GRAPH <{DEDUP_GRAPH}> {{\n{body}\n}} }}")
            else:
                for iri, g in graphs:
                    store.replace_graph(iri, g)
            store.close()
            info["load_s"] = time.perf_counter() - t0
            graphs.clear()
            marker.write_text(json.dumps(info))
        t0 = time.perf_counter()
        store = KGStore(cfg["store"], create=False)
        info["open_s"] = time.perf_counter() - t0
        info["triples"] = len(store)

        def run_one(f: str, bindings: dict, page=None) -> int:
            return len(list(store.query(paged(texts[(f, tuple(bindings))], page), **bindings)))

        def ask(name: str) -> int:
            from graph.views import canned

            function, args = {**CANNED, **PAGES}[name]
            return sum(len(p.rows) for p in getattr(canned, function)(store, **args(info)).parts)
    else:
        from rdflib import Dataset

        t0 = time.perf_counter()
        ds = Dataset(default_union=True)
        for iri, g in graphs:
            ds.addN((s, p, o, ds.graph(iri)) for s, p, o in g)
        graphs.clear()
        info["load_s"] = time.perf_counter() - t0
        info["triples"] = len(ds)  # the default graph is the union

        def run_one(f: str, bindings: dict, page=None) -> int:
            return len(list(ds.query(paged(texts[(f, tuple(bindings))], page), initNs=PREFIXES,
                                     initBindings=bindings)))

        def ask(name: str) -> int:
            raise RuntimeError("asked through graph.views.canned on Oxigraph only")

    def run(name: str) -> int:
        """Rows of the question's last query (the answer); all its queries are run."""
        if name in CANNED or name in PAGES:
            return ask(name)
        rows = 0
        for f, params, *page in QUESTIONS[name]:
            try:
                rows = run_one(f, {p: values[p] for p in params}, *page)
            except Exception as exc:
                raise RuntimeError(f"{f}.rq: {type(exc).__name__}: {exc}") from exc
        return rows

    _emit({"event": "loaded", **info})
    for name in cfg["queries"]:
        _emit({"event": "start", "name": name})
        t, c = time.perf_counter(), time.process_time()
        try:
            rows = run(name)
        except Exception as exc:  # an engine that cannot answer: say so, go on
            _emit({"event": "query", "name": name, "error": str(exc)[:300]})
            continue
        first, cpu_first = time.perf_counter() - t, time.process_time() - c
        times, cpu = [], []
        if first < 2.0:
            for _ in range(cfg["repeat"]):
                t, c = time.perf_counter(), time.process_time()
                run(name)
                times.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
        # CPU time (this process: Python and Oxigraph's evaluation, one thread): on a shared machine, close to the
        # wall time the question would take on an idle one
        _emit({"event": "query", "name": name, "rows": rows, "first_s": first, "times": times,
               "median_s": statistics.median(times) if times else first,
               "cpu_median_s": statistics.median(cpu) if cpu else cpu_first})
    _emit({"event": "done", "ru_maxrss_mb": benchlib.peak_rss_self_mb()})


# --------------------------------------------------------------------------------------------------- the parent


def _stream(args: list[str]) -> tuple[subprocess.Popen, "queue.Queue[str | None]"]:
    proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    lines: queue.Queue[str | None] = queue.Queue()

    def pump():
        for line in proc.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return proc, lines


def run_engine(engine: str, triples: int, args, work: Path) -> dict:
    """Load once, run the queries; a query past its limit is killed, the next ones get a fresh child."""
    limit = args.rdflib_timeout if engine == "rdflib" else args.timeout
    todo = [q for q in args.questions if engine != "rdflib" or q not in CANNED and q not in PAGES]
    out: dict = {"engine": engine, "size": triples, "queries": {}}
    peak = 0.0
    # Oxigraph's store is loaded once, kept for a child started after a timeout (and, with --store, for later runs)
    store = (args.store or work) / f"{engine}-{triples}-seed{args.seed}"
    while todo:
        cfg = {"engine": engine, "triples": triples, "seed": args.seed, "store": str(store), "queries": todo,
               "repeat": args.repeat, "code": str(args.code) if args.code else None}
        proc, lines = _stream([__file__, "--_child", json.dumps(cfg)])
        deadline = time.monotonic() + args.load_timeout
        current = None
        with TreeMemory(proc.pid) as mem:
            while True:
                try:
                    line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
                except queue.Empty:
                    kill_group(proc)
                    if current is None:
                        out["error"] = f"loading took more than {args.load_timeout:.0f} s"
                        todo = []
                    else:
                        out["queries"][current] = {"timed_out": True, "limit_s": limit}
                        todo.remove(current)
                    break
                if line is None:
                    proc.wait()
                    if proc.returncode:
                        out["error"] = proc.stderr.read().strip()[-1500:]
                        todo = []
                    break
                if not line.startswith("{"):
                    continue
                msg = json.loads(line)
                if msg["event"] == "loaded":
                    out.update({k: v for k, v in msg.items() if k != "event"})
                    deadline = time.monotonic() + limit
                elif msg["event"] == "start":
                    current = msg["name"]
                    deadline = time.monotonic() + limit
                elif msg["event"] == "query":
                    out["queries"][msg["name"]] = {k: v for k, v in msg.items() if k not in ("event", "name")}
                    todo.remove(msg["name"])
                    current = None
                elif msg["event"] == "done":
                    out["ru_maxrss_mb"] = msg["ru_maxrss_mb"]
        proc.wait()
        peak = max(peak, mem.peak_rss_mb or out.get("ru_maxrss_mb") or 0.0)
    if args.store is None:
        shutil.rmtree(store, ignore_errors=True)
    out["peak_rss_mb"] = peak
    return out


def run(args) -> dict:
    work = Path(tempfile.mkdtemp(prefix="kg-bench-query-"))
    results = []
    try:
        for triples in args.triples:
            for engine in args.engines:
                print(f"… {engine:8} {triples:>9,} triples", file=sys.stderr, flush=True)
                r = run_engine(engine, triples, args, work)
                for name, q in r["queries"].items():
                    shown = f"> {q['limit_s']:.0f} s" if q.get("timed_out") else \
                        q["error"][:80] if "error" in q else fmt_seconds(q["median_s"])
                    print(f"  {name}: {shown}", file=sys.stderr, flush=True)
                if "error" in r:
                    print(f"  error: {r['error'].splitlines()[-1]}", file=sys.stderr)
                results.append(r)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {"seed": args.seed, "repeat": args.repeat, "target_s": TARGET_S, "questions": args.questions,
            "code": str(args.code) if args.code else None,
            "limits_s": {"oxigraph": args.timeout, "rdflib": args.rdflib_timeout}, "results": results}


def report(data: dict) -> str:
    get = {(r["engine"], r["size"]): r for r in data["results"]}
    sizes = sorted({r["size"] for r in data["results"]})

    def cell(r, name, key="median_s"):
        q = (r or {}).get("queries", {}).get(name)
        if q is None:
            return None
        if q.get("timed_out"):
            return f"> {q['limit_s']:.0f} s"
        if "error" in q:
            return "error¹"
        if key not in q:
            return None
        shown = fmt_seconds(q[key])
        if key == "median_s" and q.get("times") and max(q["times"]) > 3 * q["median_s"]:
            shown += f" (max {fmt_seconds(max(q['times']))})"  # Oxigraph sometimes picks a far slower plan
        return shown

    def ratio(a, b, name):
        qa, qb = ((x or {}).get("queries", {}).get(name) or {} for x in (a, b))
        if "median_s" in qa and qb.get("timed_out"):
            return f"> {qb['limit_s'] / qa['median_s']:,.0f}×"
        if "median_s" in qa and "median_s" in qb:
            x = qb["median_s"] / qa["median_s"]
            return f"{x:,.0f}×" if x >= 10 else f"{x:.2g}×"
        if qa.get("timed_out") and "median_s" in qb:
            return f"< {qb['median_s'] / qa['limit_s']:.2g}×"
        return None

    dedup = any(r["engine"] == "oxigraph-dedup" for r in data["results"])
    rows = []
    for s in sizes:
        ox, rl = get.get(("oxigraph", s)), get.get(("rdflib", s))
        for name in data["questions"]:
            q = ((ox or {}).get("queries", {}).get(name) or {})
            qr = ((rl or {}).get("queries", {}).get(name) or {})
            meets = ("yes" if q["median_s"] <= TARGET_S else "no") if "median_s" in q else \
                "no" if q.get("timed_out") else None
            n_rows = q.get("rows", qr.get("rows"))
            if "rows" in q and "rows" in qr and q["rows"] != qr["rows"]:
                n_rows = f"{q['rows']} (rdflib {qr['rows']})"
            row = [(ox or rl or {}).get("triples", s), name, cell(ox, name, "first_s"), cell(ox, name),
                   meets, cell(rl, name, "first_s"), cell(rl, name), ratio(ox, rl, name), n_rows]
            if dedup:
                row.insert(-1, cell(get.get(("oxigraph-dedup", s)), name))
            rows.append(row)
    headers = ["triples", "question", "Oxigraph first", "Oxigraph median", "≤ 0.2 s", "rdflib first",
               "rdflib median", "rdflib ÷ Oxigraph", "rows"]
    cpu = any("cpu_median_s" in q for r in data["results"] for q in r.get("queries", {}).values())
    if cpu:  # the CPU time of the same runs (wall time on a loaded machine is several times the CPU time)
        headers.insert(4, "Oxigraph CPU median")
        for row, (s, name) in zip(rows, [(s, n) for s in sizes for n in data["questions"]]):
            row.insert(4, cell(get.get(("oxigraph", s)), name, "cpu_median_s"))
    if dedup:
        headers.insert(-1, "Oxigraph, one graph (experiment) median")
    out = [f"Query latency (Oxigraph = graph.store.KGStore on disk; rdflib = Dataset() in memory; target ≤ "
           f"{TARGET_S} s):", "", table(headers, rows)]
    if any(r["engine"] == "rdflib" for r in data["results"]):
        out += ["", "Triples: as Oxigraph counts them (a triple once per named graph holding it); rdflib's union "
                    "counts each distinct triple once: " + ", ".join(
                        f"{r['triples']:,}" for r in data["results"] if r["engine"] == "rdflib" and "triples" in r)
                + "."]
    errors = sorted({f"{r['engine']}, {name}: {q['error']}" for r in data["results"]
                     for name, q in r.get("queries", {}).items() if "error" in q})
    if errors:
        out += ["", "¹ " + "; ".join(errors)]
    lrows = []
    for s in sizes:
        ox, rl = get.get(("oxigraph", s)), get.get(("rdflib", s))
        n = (ox or rl or {}).get("triples")
        lrows.append([n, (ox or rl or {}).get("person_events"),
                      (ox or {}).get("gen_s"), n / ox["load_s"] if ox and ox.get("load_s") else None,
                      (ox or {}).get("open_s"), (ox or {}).get("peak_rss_mb"),
                      n / rl["load_s"] if rl and rl.get("load_s") else None, (rl or {}).get("peak_rss_mb")])
    out += ["", "Loading (the number of events of the person asked about; to_graph seconds; triples per second "
                "written):", "", table(["triples", "person's events", "to_graph s", "Oxigraph triples/s (replace_graph)",
                       "Oxigraph open s", "Oxigraph peak MB", "rdflib triples/s", "rdflib peak MB"], lrows)]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, nargs="+", default=[10_000], help="store sizes (default 10000)")
    ap.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES[:2]),
                    help="default: oxigraph rdflib; oxigraph-dedup is an experiment (see ENGINES)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs after the first (default 5)")
    ap.add_argument("--rdflib-timeout", type=float, default=60, help="seconds allowed to one rdflib question")
    ap.add_argument("--timeout", type=float, default=120, help="seconds allowed to one Oxigraph question")
    ap.add_argument("--load-timeout", type=float, default=1200, help="seconds allowed to generate and load")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--store", type=Path, metavar="DIR",
                    help="keep the Oxigraph stores in DIR and reuse one loaded by an earlier run (same size and seed)")
    ap.add_argument("--code", type=Path, metavar="DIR",
                    help="run the questions with the `graph` package of DIR (another checkout: before/after)")
    ap.add_argument("--pages", action="store_true",
                    help="also the first page of every canned question, and `kg profile` as asked (Oxigraph only)")
    ap.add_argument("--only", nargs="+", metavar="QUESTION", help="only these questions (default: all)")
    ap.add_argument("--json", type=Path, help="results file (default bench/results/query.json)")
    ap.add_argument("--report", type=Path, nargs="+", metavar="JSON",
                    help="print the tables of earlier results files (several: their results together)")
    ap.add_argument("--_child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._child:
        child_main(json.loads(args._child))
        return 0
    if args.report:
        runs = [json.loads(p.read_text(encoding="utf-8")) for p in args.report]
        data = {**runs[0], "results": [r for d in runs for r in d["results"]],
                "questions": list(dict.fromkeys(q for d in runs for q in d["questions"]))}
        print("\n".join(f"Machine: {machine_line(d['machine'])}" for d in runs) + f"\n\n{report(data)}")
        return 0
    args.questions = list(QUESTIONS) + list(CANNED) + (list(PAGES) if args.pages else [])
    if args.only:
        unknown = set(args.only) - set(args.questions)
        if unknown:
            ap.error(f"unknown questions: {', '.join(sorted(unknown))} (known: {', '.join(args.questions)})")
        args.questions = [q for q in args.questions if q in args.only]
    if args.store:
        args.store.mkdir(parents=True, exist_ok=True)
    data = run(args)
    text = report(data)
    publish(args.json, "query", data, text)
    return 0 if all("error" not in r for r in data["results"]) else 1


if __name__ == "__main__":
    sys.exit(main())
