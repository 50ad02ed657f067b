"""Ingest throughput: our pipeline end to end against bare spaCy, on the same texts, in the same run.

Three systems, each in its own child process (so that peak memory is its own), on a corpus from gen_corpus.py:

- `ner`:  bare spaCy, NER only: `spacy.load(model, enable=["tok2vec", "ner"])`, `nlp.pipe(texts, n_process=J)`;
- `full`: bare spaCy, the model's whole pipeline (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner);
- `ours`: `graph.build.build(paths, store, jobs=J)`, what `kg build --jobs J` does, into a fresh on-disk Oxigraph
  store: read, `analyse` (our spaCy pipeline + rules; in J spawned workers when J > 1, each loading the model, which
  is inside the measured time), then in order in the parent `link_to_store`, `to_graph`, `replace_graph`. Stages
  are timed by wrapping the functions build() calls (with J > 1 only the parent's stages);
- `dask` (with `--cluster`): `ours` with `build(…, cluster=client)`, what `kg build --cluster ADDRESS` does: each
  document's own work on a Dask cluster's workers — `--cluster local`: a `distributed.LocalCluster` of J
  single-thread worker processes started in the child (its start-up timed apart, left out like model loading: a
  cluster is a service started before a build; each worker's model loading, at its first task, is inside), or
  `--cluster tcp://HOST:PORT`: a running cluster (J is then only the row's label).

Our pipeline needs the dependency parser (sentence events, sentence boundaries), so the fair reference is `full`;
the issue's target is stated against `ner`, and both ratios are reported. Model loading is timed apart and left out
of words per second. Peak memory is the peak of the summed PSS of the child and its workers (psutil), else ru_maxrss.

    python bench/bench_ingest.py                          # 10k words, 1 and all cores
    python bench/bench_ingest.py --words 10000 100000 --jobs 1 2
    python bench/bench_ingest.py --words 1000000 --timeout 3600 --json bench/results/ingest-1m.json
    python bench/bench_ingest.py --words 10000 100000 --jobs 2 --cluster local   # and the Dask path
    python bench/bench_ingest.py --words 100000 --jobs 1 --code /tmp/before      # and the code before, same run
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import benchlib
from benchlib import cores, fmt_seconds, machine_line, publish, run_child, table

SYSTEMS = ("ner", "full", "ours")  # and "dask" with --cluster
NER_ONLY = ["tok2vec", "ner"]
WARM_UP = "Warm-up: President Jan Kowal met Minister of Energy Olga Vesely in Strelsau on 3 May 2024."
BATCH_DOCS = 16  # documents per nlp.pipe batch for bare spaCy; our pipeline pipes one document's pieces at a time


# --------------------------------------------------------------------------------------------------- children


def _texts(corpus: str) -> list[str]:
    from graph.store.build import collect, read_text

    files, _ = collect([corpus])
    return [read_text(f) for f in files]


def child_bare(cfg: dict) -> dict:
    import spacy

    texts = _texts(cfg["corpus"])
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    nlp = spacy.load(cfg["model"], enable=NER_ONLY) if cfg["system"] == "ner" else spacy.load(cfg["model"])
    nlp(WARM_UP)
    load_s = time.perf_counter() - t0
    pipes = list(nlp.pipe_names)
    ents = 0
    cpu0 = _cpu()
    t0 = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=BATCH_DOCS, n_process=cfg["jobs"]):
        ents += len(doc.ents)
    process_s = time.perf_counter() - t0
    return {"docs": len(texts), "words": words, "load_s": load_s, "process_s": process_s, "pipes": pipes,
            "entities": ents, "cpu_s": _cpu() - cpu0}


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return 0.0


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (spaCy's and our workers are joined before
    the time is read): a measure less shaken than the wall time by other work on the machine."""
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class _Stages:
    """Seconds spent in each stage of build(), by wrapping the functions it calls; and (words, seconds) after each
    document, for the time per word as the store grows."""

    def __init__(self):
        self.s: dict[str, float] = {}
        self.checkpoints: list[tuple[int, float]] = []
        self.cpu_checkpoints: list[tuple[int, float]] = []  # this process's CPU seconds (1 job: all the work)
        self.cpu_start = time.process_time()
        self.words = 0
        self.pending = 0  # words of the document being ingested
        self.start = time.perf_counter()
        self.progress: str | None = None
        self._saved = 0.0
        # this thread's CPU seconds in each stage (time.thread_time: the store's background threads, counted by
        # process_time, left out), the collector's, and after each document a copy of them with the process's CPU,
        # this thread's and the resident memory: the split of CPU by stage in each slice of the corpus
        self.cpu: dict[str, float] = {}
        self.stage_checkpoints: list[tuple] = []
        self.thread_start = time.thread_time()
        self._gc_t: float | None = None
        self.cpu["gc"] = 0.0

    def gc_callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_t = time.thread_time()
        elif self._gc_t is not None:
            self.cpu["gc"] += time.thread_time() - self._gc_t
            self._gc_t = None

    def wrap(self, name: str, fn):
        def timed(*args, **kwargs):
            t, c = time.perf_counter(), time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.s[name] = self.s.get(name, 0.0) + time.perf_counter() - t
                self.cpu[name] = self.cpu.get(name, 0.0) + time.thread_time() - c
        return timed

    def add(self, name: str, secs: float, cpu: float = 0.0) -> None:
        self.s[name] = self.s.get(name, 0.0) + secs
        self.cpu[name] = self.cpu.get(name, 0.0) + cpu

    def doc_done(self) -> None:
        self.words += self.pending
        self.pending = 0
        now = time.perf_counter()
        self.checkpoints.append((self.words, now - self.start))
        self.cpu_checkpoints.append((self.words, time.process_time() - self.cpu_start))
        self.stage_checkpoints.append((self.words, time.process_time() - self.cpu_start,
                                       time.thread_time() - self.thread_start, dict(self.cpu), _rss_mb()))
        if self.progress and now - self._saved > 5:  # what was done so far, should the run be stopped
            self._saved = now
            Path(self.progress).write_text(json.dumps({"checkpoints": self.checkpoints, "stages": self.s}))


def _timed_pipe(nlp, stages: _Stages) -> None:
    """Make `nlp.pipe` count the time spent inside spaCy (the generator's own steps) as stage `spacy`, once where
    one pipe runs inside another (`as_tuples=True` calls `nlp.pipe` again)."""
    original = nlp.pipe
    inside = []

    def pipe(*args, **kwargs):
        it = original(*args, **kwargs)
        while True:
            outer = not inside
            inside.append(1)
            t, c = time.perf_counter(), time.thread_time()
            try:
                doc = next(it)
            except StopIteration:
                if outer:
                    stages.add("spacy", time.perf_counter() - t, time.thread_time() - c)
                return
            finally:
                inside.pop()
            if outer:
                stages.add("spacy", time.perf_counter() - t, time.thread_time() - c)
            yield doc

    nlp.pipe = pipe


def child_ours(cfg: dict) -> dict:
    """`graph.build.build(jobs=J, nlp=…)` into a fresh store, with the functions it calls wrapped to time the
    stages. With J > 1 the analysis runs in the product's own worker processes (spawned, each loading the model:
    that start-up is inside the measured time), so only the parent's stages are timed."""
    import importlib

    from graph.store.kgstore import KGStore

    gb = importlib.import_module("graph.store.build")  # `graph.build` the attribute is the function
    gn = importlib.import_module("graph.nlp.model")
    params = inspect.signature(gb.build).parameters
    jobs = cfg["jobs"]
    if jobs > 1 and "jobs" not in params:
        raise SystemExit("graph.build.build has no `jobs` parameter")
    files, _ = gb.collect([cfg["corpus"]])
    words = sum(len(gb.read_text(f).split()) for f in files)
    t0 = time.perf_counter()
    nlp = gn.make_nlp(cfg["model"])
    nlp(WARM_UP)
    load_s = time.perf_counter() - t0
    pipes = list(nlp.pipe_names)
    stages = _Stages()
    stages.progress = cfg.get("progress")
    _timed_pipe(nlp, stages)
    gn.make_nlp = lambda model=None: nlp  # for versions of build() without an `nlp` parameter

    # Time the stages through the names build() looks up at call time.
    gb.analyse = stages.wrap("analyse", gb.analyse)
    if hasattr(gb, "link_to_store"):  # build() of before the worker split
        link = stages.wrap("link", gb.link_to_store)

        def link_counted(doc, *args, **kwargs):
            stages.pending = len(doc.text.split())
            return link(doc, *args, **kwargs)

        gb.link_to_store = link_counted
    if hasattr(gb, "link"):  # build() links with `link` (and maps again only what linking changed)
        link2 = stages.wrap("link", gb.link)

        def link2_counted(doc, *args, **kwargs):
            stages.pending += len(doc.text.split())
            return link2(doc, *args, **kwargs)

        gb.link = link2_counted
    if hasattr(gb, "prepare"):  # with 1 job a document's own work runs here: its mapping and check are timed
        gb.graph_quads = stages.wrap("write", gb.graph_quads)  # serialising for the store
    gb.to_graph = stages.wrap("to_graph", gb.to_graph)
    gb.read_text = stages.wrap("read", gb.read_text)
    if hasattr(gb, "validate"):  # SHACL check of each document's graph, when build() does one
        gb.validate = stages.wrap("validate", gb.validate)
    write = stages.wrap("write", KGStore.replace_graph)

    def write_counted(self, iri, graph):
        write(self, iri, graph)
        stages.doc_done()

    KGStore.replace_graph = write_counted
    inside = []  # a batch written by staging.write_new (bulk), which writes its markers with write_documents
    if hasattr(KGStore, "write_documents"):  # batches of whole documents
        write_many = stages.wrap("write", KGStore.write_documents)
        plain_many = KGStore.write_documents

        def write_many_counted(self, docs):
            if inside:
                return plain_many(self, docs)
            write_many(self, docs)
            for _ in docs:
                stages.doc_done()

        KGStore.write_documents = write_many_counted
    gs = importlib.import_module("graph.store.staging")
    if hasattr(gs, "write_new"):  # new documents bulk-loaded, a batch whole or not at all
        write_new = stages.wrap("write", gs.write_new)

        def write_new_counted(store, docs):
            inside.append(1)
            try:
                write_new(store, docs)
            finally:
                inside.pop()
            for _ in docs:
                stages.doc_done()

        gs.write_new = write_new_counted

    store = KGStore(cfg["store"])
    kwargs = {"model": cfg["model"]}
    cluster_s, client = None, None
    if cfg.get("cluster"):
        client, cluster_s = _cluster(cfg["cluster"], jobs)
        kwargs["cluster"] = client
    if "jobs" in params:
        kwargs["jobs"] = jobs
    if "nlp" in params:
        kwargs["nlp"] = nlp
    cpu0 = _cpu()
    stages.cpu_start = time.process_time()
    stages.thread_start = time.thread_time()
    import gc

    gc.callbacks.append(stages.gc_callback)
    stages.start = t0 = time.perf_counter()
    report = gb.build([cfg["corpus"]], store, **kwargs)
    gc.callbacks.remove(stages.gc_callback)
    process_s = time.perf_counter() - t0
    cpu_s = _cpu() - cpu0
    if client is not None:
        client.close()
        if client.cluster is not None:  # --cluster local: ours to stop
            client.cluster.close()
    if jobs > 1 or client is not None:  # analysis happened in the workers; what the parent did not spend on its
        # own stages, it waited
        stages.s.pop("spacy", None)
        stages.s.pop("analyse", None)
    triples = len(store)
    store.close()
    store_mb = sum(p.stat().st_size for p in Path(cfg["store"]).rglob("*") if p.is_file()) / 2**20
    return {"docs": len(report.ingested), "failed": report.failed, "words": words, "load_s": load_s,
            "process_s": process_s, "pipes": pipes, "stages": stages.s, "checkpoints": stages.checkpoints,
            "cpu_checkpoints": stages.cpu_checkpoints, "stage_checkpoints": stages.stage_checkpoints,
            "stage_cpu": stages.cpu,
            "triples": triples, "store_mb": store_mb, "cluster_start_s": cluster_s, "cpu_s": cpu_s}


def _cluster(address: str, jobs: int):
    """A client of the cluster at `address`, or of a new LocalCluster of `jobs` single-thread worker processes
    (`local`), and the seconds it took."""
    import distributed

    t0 = time.perf_counter()
    if address == "local":
        lc = distributed.LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0")
        client = distributed.Client(lc, set_as_default=False)
        client.wait_for_workers(jobs)
    else:
        from graph.store.cluster import connect

        client = connect(address)
    return client, time.perf_counter() - t0


def child_main(cfg: dict) -> None:
    if cfg.get("code"):  # another checkout's graph package, before this one's (benchlib put it first)
        sys.path.insert(0, cfg["code"])
    result = child_ours(cfg) if cfg["system"] in ("ours", "dask") else child_bare(cfg)
    result.update({"ru_maxrss_mb": benchlib.peak_rss_self_mb(), "ru_children_mb": benchlib.peak_rss_children_mb()})
    print(json.dumps(result, default=str))


# --------------------------------------------------------------------------------------------------- the parent


def linearity(checkpoints: list[tuple[int, float]], parts: int = 10) -> list[float]:
    """µs per word in each tenth of the corpus (by words), from cumulative (words, seconds) checkpoints."""
    if not checkpoints:
        return []
    total = checkpoints[-1][0]
    out, prev_w, prev_s, k = [], 0, 0.0, 1
    for w, s in checkpoints:
        if w >= total * k / parts:
            if w > prev_w:
                out.append(1e6 * (s - prev_s) / (w - prev_w))
            prev_w, prev_s = w, s
            while w >= total * k / parts:
                k += 1
    return out


STAGE_ORDER = ("spacy", "rules", "to_graph", "validate", "link", "write", "read", "other", "gc")


def stage_slices(checkpoints: list, parts: int = 10) -> list[dict]:
    """CPU µs per word of each stage in each tenth of the corpus (by words), from cumulative checkpoints (words,
    process CPU, this thread's CPU, {stage: this thread's CPU}, RSS MB): `process` all threads, `thread` the
    build's own, `rules` = analyse − spaCy, `other` = the thread's CPU outside the timed stages (the parent's
    loop, linking's bookkeeping, batching), `gc` the collector's (inside the stages, not added)."""
    if not checkpoints:
        return []
    total = checkpoints[-1][0]
    out, prev, k = [], (0, 0.0, 0.0, {}, 0.0), 1
    for cp in checkpoints:
        w = cp[0]
        if w >= total * k / parts:
            if w > prev[0]:
                n = w - prev[0]
                d = {st: cp[3].get(st, 0.0) - prev[3].get(st, 0.0) for st in cp[3]}
                row = {"words": w, "process": 1e6 * (cp[1] - prev[1]) / n, "thread": 1e6 * (cp[2] - prev[2]) / n,
                       "rss_mb": cp[4]}
                for st, v in d.items():
                    row[st] = 1e6 * v / n
                row["rules"] = row.get("analyse", 0.0) - row.get("spacy", 0.0)
                row["other"] = row["thread"] - sum(row.get(x, 0.0) for x in ("analyse", "link", "to_graph",
                                                                                 "validate", "write", "read"))
                out.append(row)
            prev = cp
            while w >= total * k / parts:
                k += 1
    return out


def measure(system: str, words: int, jobs: int, corpus: Path, work: Path, args, model: str) -> dict:
    """One run of one system in a child process: its result row (or what it did before the time limit)."""
    store = work / f"store-{words}-{jobs}-{system}"
    progress = work / f"progress-{words}-{jobs}-{system}.json"
    progress.unlink(missing_ok=True)
    cfg = {"system": "ours" if system == "before" else system, "corpus": str(corpus), "jobs": jobs, "model": model,
           "store": str(store),
           "progress": str(progress), "cluster": args.cluster if system == "dask" else None,
           "code": str(args.code.resolve()) if system == "before" else None}
    print(f"… {system:4} {words:>9,} words, {jobs} job(s)", file=sys.stderr, flush=True)
    # `before`: our pipeline with the `graph` package of another checkout (--code), on the same corpus in this run
    env = {**os.environ, "PYTHONPATH": str(args.code)} if system == "before" else None
    res, err, wall, mem = run_child([__file__, "--_child", json.dumps(cfg)], args.timeout, env=env)
    shutil.rmtree(store, ignore_errors=True)
    row = {"system": system, "size": words, "jobs": jobs, "wall_s": wall, "peak_pss_mb": mem.peak_pss_mb,
           "peak_rss_mb": mem.peak_rss_mb}
    if res is None:
        row.update({"error": err, "timed_out": err.startswith("timed out")})
        if progress.exists():  # how far it got
            done = json.loads(progress.read_text())
            cps = [tuple(c) for c in done["checkpoints"]]
            row.update({"done_words": cps[-1][0], "done_s": cps[-1][1], "stages_so_far": done["stages"],
                        "us_per_word_by_tenth_so_far": linearity(cps)})
        after = f" after {row['done_words']:,} words" if "done_words" in row else ""
        print(f"  {system}: {err.splitlines()[-1] if err else 'failed'}{after}", file=sys.stderr)
        return row
    row.update(res)
    row["words_per_s"] = res["words"] / res["process_s"]
    row["us_per_word"] = 1e6 * res["process_s"] / res["words"]
    if mem.peak_pss_mb is None:
        row["peak_pss_mb"] = res["ru_maxrss_mb"] + res["ru_children_mb"] * (jobs > 1)
    if "checkpoints" in res:
        row["us_per_word_by_tenth"] = linearity([tuple(c) for c in res.pop("checkpoints")])
        row["cpu_us_per_word_by_tenth"] = linearity([tuple(c) for c in res.pop("cpu_checkpoints", [])])
        row["stage_cpu_by_tenth"] = stage_slices(res.pop("stage_checkpoints", []))
        row.pop("checkpoints", None)
    print(f"  {system}: {row['words_per_s']:,.0f} words/s, load {fmt_seconds(res['load_s'])}, "
          f"peak {row['peak_pss_mb'] or 0:,.0f} MB", file=sys.stderr)
    return row


def run(args) -> dict:
    from gen_corpus import generate

    from graph.nlp.model import DEFAULT_MODEL

    model = args.model or DEFAULT_MODEL
    jobs_list = sorted(set(args.jobs or [1, cores()]))
    work = Path(tempfile.mkdtemp(prefix="kg-bench-ingest-"))
    results = []
    try:
        for words in args.words:
            corpus = work / f"corpus-{words}"
            corpus.mkdir()
            n = 0
            for name, text in generate(words, args.seed):
                (corpus / name).write_text(text, encoding="utf-8")
                n += 1
            for jobs in jobs_list:
                systems = [*args.systems, *(["before"] if args.code else []), *(["dask"] if args.cluster else [])]
                # the systems alternate round by round (full, ours, full, ours …): a change in the machine's load
                # falls on all of them alike, and each round gives its own ratios
                rounds: dict[str, list[dict]] = {system: [] for system in systems}
                for _ in range(args.rounds):
                    for system in systems:
                        rounds[system].append(measure(system, words, jobs, corpus, work, args, model))
                for system in systems:
                    best = max(rounds[system], key=lambda r: r.get("words_per_s", 0.0))
                    best.update({"docs_in_corpus": n,
                                 "rounds_words_per_s": [r.get("words_per_s") for r in rounds[system]],
                                 "rounds_cpu_s": [r.get("cpu_s") for r in rounds[system]]})
                    results.append(best)
            shutil.rmtree(corpus, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return {"model": model, "seed": args.seed, "rounds": args.rounds, "results": results}


def report(data: dict) -> str:
    rows = data["results"]
    get = {(r["system"], r["size"], r["jobs"]): r for r in rows}

    def wps(r):
        if r is None:
            return None
        if "words_per_s" in r:
            return r["words_per_s"]
        if r.get("timed_out"):
            done = f" ({r['done_words'] / r['done_s']:,.0f} w/s over the first {r['done_words']:,} words)" \
                if r.get("done_words") else ""
            return f"stopped at {r['wall_s']:.0f} s{done}"
        return "failed"

    def ratio(a, b):
        a, b = (x and x.get("words_per_s") for x in (a, b))
        return f"{a / b:.2f}" if a and b else None

    keys = sorted({(r["size"], r["jobs"]) for r in rows})
    out = ["Throughput (words per second, model load excluded; ratios within this run):", "",
           table(["words", "jobs", "bare NER-only", "bare full", "ours", "ours ÷ NER-only", "ours ÷ full",
                  "peak MB ours", "peak MB NER", "peak MB full"],
                 [[s, j, wps(get.get(("ner", s, j))), wps(get.get(("full", s, j))), wps(get.get(("ours", s, j))),
                   ratio(get.get(("ours", s, j)), get.get(("ner", s, j))),
                   ratio(get.get(("ours", s, j)), get.get(("full", s, j))),
                   *[(get.get((sy, s, j)) or {}).get("peak_pss_mb") for sy in ("ours", "ner", "full")]]
                  for s, j in keys])]
    by_round = [r for r in rows if r["system"] in ("ours", "before") and len(r.get("rounds_words_per_s") or []) > 1]
    if by_round:
        out += ["", "Round by round (the systems alternating; ÷ bare full of the same round): wall-time ratio, and "
                    "CPU-time ratio (CPU seconds of the process and its workers per word, less shaken by other "
                    "work on the machine):", ""]
        trows = []
        for r in by_round:
            full = get.get(("full", r["size"], r["jobs"])) or {}
            walls = [a / b if a and b else None for a, b in zip(r["rounds_words_per_s"],
                                                               full.get("rounds_words_per_s") or [])]
            cpus = [b / a if a and b else None for a, b in zip(r.get("rounds_cpu_s") or [],
                                                              full.get("rounds_cpu_s") or [])]
            trows.append([r["size"], r["jobs"], r["system"], " ".join(f"{x:.2f}" for x in walls if x),
                          _median(walls), " ".join(f"{x:.2f}" for x in cpus if x), _median(cpus)])
        out.append(table(["words", "jobs", "code", "÷ full, each round (wall)", "median", "÷ full, each round (CPU)",
                          "median"], trows))
    if any(r["system"] == "before" for r in rows):
        out += ["", "Our pipeline before (`--code`: another checkout's `graph`, same corpus, same run):", ""]
        out.append(table(["words", "jobs", "before", "ours", "ours ÷ before", "before ÷ full", "ours ÷ full"],
                         [[s, j, wps(get.get(("before", s, j))), wps(get.get(("ours", s, j))),
                           ratio(get.get(("ours", s, j)), get.get(("before", s, j))),
                           ratio(get.get(("before", s, j)), get.get(("full", s, j))),
                           ratio(get.get(("ours", s, j)), get.get(("full", s, j)))] for s, j in keys]))
    ours = [r for r in rows if r["system"] in ("ours", "before") and "stages" in r]
    if ours:
        out += ["", "Our pipeline, where the time goes (share of its wall time; with J > 1 jobs the analysis runs in "
                    "the workers and the parent's \"other\" is mostly waiting for them):", ""]
        trows = []
        for r in ours:
            st = dict(r["stages"])
            parent = sum(st.get(k, 0.0) for k in ("analyse", "link", "to_graph", "validate", "write", "read"))
            if "analyse" in st:
                st["rules"] = st["analyse"] - st.get("spacy", 0.0)
            st["other"] = r["process_s"] - parent
            tenths = r.get("us_per_word_by_tenth") or []
            trows.append([r["size"], r["jobs"], r["system"],
                          *[f"{100 * st[k] / r['process_s']:.0f} %" if k in st else None
                            for k in ("spacy", "rules", "link", "to_graph", "validate", "write", "read", "other")],
                          r["us_per_word"], tenths[0] if tenths else None, tenths[-1] if tenths else None,
                          r.get("triples"), r.get("store_mb")])
        out.append(table(["words", "jobs", "code", "spaCy", "rules", "link", "to_graph", "validate", "write", "read", "other",
                          "µs/word", "µs/word 1st tenth", "µs/word last tenth", "triples", "store MB"], trows))
    cpu_tenths = [r for r in rows if r["jobs"] == 1 and r.get("cpu_us_per_word_by_tenth")]
    if cpu_tenths:
        out += ["", "CPU µs per word in each tenth of the corpus, 1 job (this process does all the work; flat = "
                    "linear, whatever else the machine runs):", ""]
        out.append(table(["words", "code", *[f"{k + 1}" for k in range(10)]],
                         [[r["size"], r["system"], *[round(x) for x in r["cpu_us_per_word_by_tenth"][:10]],
                           *[None] * (10 - len(r["cpu_us_per_word_by_tenth"][:10]))] for r in cpu_tenths]))
    sliced = [r for r in rows if r["jobs"] == 1 and r.get("stage_cpu_by_tenth")]
    for r in sliced:
        out += ["", f"{r['system']}, {r['size']:,} words, 1 job: CPU µs per word of each stage in each tenth of the "
                    "corpus (`thread`: the build's thread, the sum of the stages; `process`: with the store's "
                    "background threads; `gc`: the collector, inside the stages):", ""]
        cols = ["process", "thread", *STAGE_ORDER]
        out.append(table(["tenth", *cols, "RSS MB"],
                         [[i + 1, *[round(t.get(c, 0.0)) for c in cols], round(t.get("rss_mb", 0.0))]
                          for i, t in enumerate(r["stage_cpu_by_tenth"])]))
    stopped = [r for r in rows if r.get("done_words")]
    for r in stopped:
        st = r["stages_so_far"]
        parts = ", ".join(f"{k} {100 * v / r['done_s']:.0f} %" for k, v in sorted(st.items(), key=lambda kv: -kv[1])
                          if k != "analyse" or "spacy" not in st)
        out += ["", f"{r['system']}, {r['size']:,} words, {r['jobs']} job(s): stopped at the time limit after "
                    f"{r['done_words']:,} words in {r['done_s']:.1f} s; µs per word in each tenth of those: "
                    + ", ".join(f"{x:,.0f}" for x in r["us_per_word_by_tenth_so_far"]) + f"; stages: {parts}"]
    dask = [r for r in rows if r["system"] == "dask"]
    if dask:
        out += ["", "The Dask path (`kg build --cluster`: each document's own work on the cluster's workers, one "
                    "thread each; cluster start-up excluded, each worker's model loading included):", ""]
        out.append(table(["words", "jobs", "dask", "ours (local jobs)", "bare full", "dask ÷ ours", "dask ÷ full",
                          "cluster start s", "peak MB dask"],
                         [[r["size"], r["jobs"], wps(r), wps(get.get(("ours", r["size"], r["jobs"]))),
                           wps(get.get(("full", r["size"], r["jobs"]))),
                           ratio(r, get.get(("ours", r["size"], r["jobs"]))),
                           ratio(r, get.get(("full", r["size"], r["jobs"]))), r.get("cluster_start_s"),
                           r.get("peak_pss_mb")] for r in dask]))
    bare = sorted({r["size"] for r in rows})
    if len(bare) > 1 and any(r["jobs"] == 1 for r in rows):
        out += ["", "Linearity, 1 job (µs per word; flat = linear):", ""]
        out.append(table(["words", *[f"{s}" for s in SYSTEMS]],
                         [[s, *[(get.get((sy, s, 1)) or {}).get("us_per_word") for sy in SYSTEMS]] for s in bare]))
    return "\n".join(out)


def _median(xs: list) -> str | None:
    xs = sorted(x for x in xs if x)
    if not xs:
        return None
    mid = len(xs) // 2
    return f"{(xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2):.2f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, nargs="+", default=[10_000], help="corpus sizes (default 10000)")
    ap.add_argument("--jobs", type=int, nargs="+", help=f"process counts (default 1 and {cores()})")
    ap.add_argument("--systems", nargs="+", choices=SYSTEMS, default=list(SYSTEMS))
    ap.add_argument("--model", help="spaCy model (default: the product's)")
    ap.add_argument("--cluster", metavar="ADDRESS",
                    help="measure the Dask path too (system `dask`): `local` (a LocalCluster of J workers) or a "
                         "running scheduler's tcp://HOST:PORT")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed")
    ap.add_argument("--code", type=Path, metavar="DIR",
                    help="also run our pipeline with the graph package of checkout DIR (system `before`; e.g. "
                         "`git archive main graph | tar -x -C DIR`)")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds allowed to each run (default 3600)")
    ap.add_argument("--rounds", type=int, default=1,
                    help="run each configuration N times, the systems alternating, and keep the fastest (default "
                         "1; 3 on a busy machine: the round-by-round ratios are reported too)")
    ap.add_argument("--json", type=Path, help="results file (default bench/results/ingest.json)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary corpus and stores")
    ap.add_argument("--report", type=Path, metavar="JSON", help="print the tables of an earlier results file")
    ap.add_argument("--_child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._child:
        child_main(json.loads(args._child))
        return 0
    if args.report:
        data = json.loads(args.report.read_text(encoding="utf-8"))
        print(f"Machine: {machine_line(data['machine'])}\n\n{report(data)}")
        return 0
    data = run(args)
    text = report(data)
    publish(args.json, "ingest", data, text)
    return 0 if all("error" not in r for r in data["results"]) else 1


if __name__ == "__main__":
    sys.exit(main())
