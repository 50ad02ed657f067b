"""Where ingest time goes: cProfile over `graph.build.build` on a generated corpus (default ~20k words) into a
fresh on-disk store, or into one already holding --prefill-triples synthetic triples (bench/synth.py: the same
actors recur, as in a store that has grown), plus the time of each spaCy component on the same pieces of text.

Prints (and writes as JSON, with the raw profile beside it as .prof):
- the stages of build(): analyse (spaCy and our rules), link (and what it calls), to_graph, write_documents;
- the functions with the most own time, and the project's functions with the most cumulative time;
- each spaCy component's share of spaCy's time.

cProfile slows pure-Python code more than spaCy's compiled code, so the rules' and the linker's shares are somewhat
overstated; the wall time without the profiler is printed too.

    python bench/profile_ingest.py                              # ~20k words, empty store
    python bench/profile_ingest.py --prefill-triples 300000     # the same documents into a grown store
    python bench/profile_ingest.py --prefill-triples 300000
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import inspect
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

import benchlib
from benchlib import publish, table

# Functions whose cumulative time makes the stages table: (module file suffix, function name, shown as).
STAGES = [
    ("graph/store/build.py", "build", "build() total"),
    ("graph/store/build.py", "_stored_source", "  re-analysis of stored documents (relinking)"),
    ("graph/extract/analyse.py", "analyse", "analyse"),
    ("spacy/language.py", "pipe", "  spaCy (Language.pipe, inside analyse)"),
    ("graph/store/link.py", "link", "link (the parent, against the store)"),
    ("graph/store/link.py", "link_alone", "link_alone (per document, before the store)"),
    ("graph/store/link.py", "of_store", "  KnownActors.of_store (SPARQL over the store, once per run)"),
    ("graph/store/link.py", "match", "  KnownActors.match (indexed)"),
    ("graph/store/link.py", "add_graph", "  KnownActors.add_graph (each written document)"),
    ("graph/extract/resolve.py", "same_name", "    same_name"),
    ("graph/extract/resolve.py", "part_of_name", "    part_of_name"),
    ("graph/ids.py", "org_key", "    org_key"),
    ("graph/ids.py", "fold", "    fold"),
    ("graph/store/link.py", "_link_events", "  _link_events (SPARQL, the document's days)"),
    ("graph/store/link.py", "rekey", "  rekey"),
    ("graph/rdf/mapping.py", "to_graph", "to_graph"),
    ("graph/rdf/validate.py", "validate", "validate (SHACL, each document)"),
    ("graph/rdf/validate.py", "ontology_graph", "  ontology_graph (parses kg.ttl)"),
    ("graph/rdf/validate.py", "shapes_graph", "  shapes_graph (parses shapes.ttl)"),
    ("graph/store/kgstore.py", "write_documents", "write_documents (batches)"),
    ("graph/store/kgstore.py", "checksum", "checksum"),
    ("graph/store/build.py", "read_text", "read_text"),
]


def _find(stats: pstats.Stats, suffix: str, func: str):
    best = None
    for (file, line, fn), (cc, nc, tt, ct, callers) in stats.stats.items():
        if fn == func and file.replace("\\", "/").endswith(suffix):
            if best is None or ct > best[3]:
                best = (cc, nc, tt, ct)
    return best


def spacy_components(nlp, texts: list[str]) -> list[tuple[str, float]]:
    """Seconds in the tokenizer and each pipeline component, run one after another over the pieces that
    analyse() sends to spaCy (headers and segment bodies)."""
    try:
        from graph.extract.chunks import pieces_of as _pieces
        from graph.text.segment import normalize, segment

        pieces = [p.text for t in texts for n in [normalize(t)] for p in _pieces(n, segment(n))]
    except Exception:  # private helpers changed: use whole texts
        pieces = texts
    t = time.perf_counter()
    docs = [nlp.make_doc(p) for p in pieces]
    out = [("tokenizer", time.perf_counter() - t)]
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=nlp.batch_size))
        else:
            docs = [proc(d) for d in docs]
        out.append((name, time.perf_counter() - t))
    return out


def run(args) -> dict:
    from gen_corpus import generate

    gb = importlib.import_module("graph.store.build")
    from graph.nlp.model import make_nlp
    from graph.store.kgstore import KGStore

    work = Path(tempfile.mkdtemp(prefix="kg-bench-profile-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        texts = []
        for name, text in generate(args.words, args.seed):
            (corpus / name).write_text(text, encoding="utf-8")
            texts.append(text)
        words = sum(len(t.split()) for t in texts)
        nlp = make_nlp(args.model)
        nlp("Warm-up: President Jan Kowal met Minister of Energy Olga Vesely in Strelsau on 3 May 2024.")
        gn = importlib.import_module("graph.nlp.model")
        gn.make_nlp = lambda model=None: nlp  # for versions of build() without an `nlp` parameter
        kwargs = {"nlp": nlp} if "nlp" in inspect.signature(gb.build).parameters else {}

        def fresh_store(tag: str) -> KGStore:
            store = KGStore(work / f"store-{tag}")
            if args.prefill_triples:
                from synth import graphs

                # Named to sort before the corpus ("0000-…" < "000000-…"): build() links each document against
                # the ones before it in IRI order, and re-analyses stored documents after a new one that may relink.
                for iri, g in graphs(args.prefill_triples, args.seed + 1000, name_prefix="0000-"):
                    store.replace_graph(iri, g)
            return store

        # Without the profiler, for reference.
        store = fresh_store("plain")
        prefilled = len(store)
        t = time.perf_counter()
        gb.build([corpus], store, **kwargs)
        plain_s = time.perf_counter() - t
        store.close()

        store = fresh_store("profiled")
        prof = cProfile.Profile()
        t = time.perf_counter()
        prof.enable()
        report = gb.build([corpus], store, **kwargs)
        prof.disable()
        profiled_s = time.perf_counter() - t
        triples = len(store)
        store.close()
        components = spacy_components(nlp, texts)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    prof_path = (args.json.with_suffix(".prof") if args.json else benchlib.RESULTS / "profile-ingest.prof")
    prof_path.parent.mkdir(parents=True, exist_ok=True)
    prof.dump_stats(str(prof_path))
    stats = pstats.Stats(prof)
    total = _find(stats, "graph/store/build.py", "build")[3]
    stages = []
    for suffix, func, label in STAGES:
        hit = _find(stats, suffix, func)
        if hit:
            stages.append({"stage": label.rstrip(), "calls": hit[1], "cum_s": hit[3], "share": hit[3] / total})
    own = sorted(((tt, nc, f"{Path(file).parent.name}/{Path(file).name}:{line}({fn})")
                  for (file, line, fn), (cc, nc, tt, ct, _) in stats.stats.items()), reverse=True)[:args.top]
    ours = sorted(((ct, nc, f"{Path(file).name}:{line}({fn})")
                   for (file, line, fn), (cc, nc, tt, ct, _) in stats.stats.items()
                   if "/graph/" in file.replace("\\", "/") and "/site-packages/" not in file), reverse=True)
    ours = [o for o in ours if not o[2].startswith(("build.py", "__init__"))][:args.top]
    spacy_total = sum(s for _, s in components)
    return {
        "words": words, "docs": len(texts), "seed": args.seed, "prefill_triples": prefilled,
        "ingested": len(report.ingested), "triples_after": triples,
        "plain_s": plain_s, "profiled_s": profiled_s, "words_per_s_plain": words / plain_s,
        "stages": stages,
        "own_time": [{"function": f, "calls": nc, "own_s": tt, "share": tt / total} for tt, nc, f in own],
        "project_cumulative": [{"function": f, "calls": nc, "cum_s": ct, "share": ct / total} for ct, nc, f in ours],
        "spacy_components": [{"component": c, "s": s, "share_of_spacy": s / spacy_total} for c, s in components],
        "prof": str(prof_path),
    }


def report(d: dict) -> str:
    pct = lambda x: f"{100 * x:.1f} %"  # noqa: E731
    head = (f"{d['words']:,} words in {d['docs']} documents into a store holding {d['prefill_triples']:,} triples"
            f": {d['plain_s']:.1f} s without the profiler "
            f"({d['words_per_s_plain']:,.0f} words/s), {d['profiled_s']:.1f} s with it.")
    return "\n".join([
        head, "", "Stages (cumulative time under cProfile, share of build()):", "",
        table(["stage", "calls", "seconds", "share"], [[s["stage"], s["calls"], s["cum_s"], pct(s["share"])]
                                                        for s in d["stages"]]),
        "", "Most own time (tottime):", "",
        table(["function", "calls", "own s", "share"], [[o["function"], o["calls"], o["own_s"], pct(o["share"])]
                                                         for o in d["own_time"]]),
        "", "The project's functions by cumulative time:", "",
        table(["function", "calls", "cum s", "share"], [[o["function"], o["calls"], o["cum_s"], pct(o["share"])]
                                                         for o in d["project_cumulative"]]),
        "", "spaCy components on the same pieces (run one after another, no profiler):", "",
        table(["component", "seconds", "share of spaCy"], [[c["component"], c["s"], pct(c["share_of_spacy"])]
                                                           for c in d["spacy_components"]]),
    ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--model", help="spaCy model (default: the product's)")
    ap.add_argument("--prefill-triples", type=int, default=0, help="synthetic triples stored before the build")
    ap.add_argument("--top", type=int, default=20, help="rows in the function tables")
    ap.add_argument("--json", type=Path, help="results file (default bench/results/profile-ingest.json)")
    args = ap.parse_args(argv)
    data = run(args)
    text = report(data)
    publish(args.json, "profile-ingest", data, text, f"; profile: {data['prof']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
