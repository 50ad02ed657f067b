"""A corpus that grows: ingest, re-ingest, change and remove documents, and the store stays what a fresh build of
the same documents gives; parallel, visible ingest."""

import io
import json
import os
import shutil
import subprocess
import sys

import pytest
from rdflib import URIRef
from rdflib.compare import isomorphic

from graph.store.build import InputError, build, find_document, remove, show_bar
from graph.ids import doc_iri
from graph.rdf.namespaces import KG
from graph.store.kgstore import KGStore

from .conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"
# Lukashenko (two spellings), Zelensky / Zelenskyy, Kowal, Radev: persons shared by several of these
NAMES = ["belarus-press-2024-05-17.txt", "digest-2024-10-14.txt", "ruritania-press-2024-06-21.txt",
         "wire-news-2024-05-08.txt"]


@pytest.fixture
def docs(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    for n in NAMES:
        shutil.copy(CORPUS / n, d / n)
    return d


def same_as_fresh(store, files, tmp_path, nlp, tag):
    """`store` holds exactly what a fresh build of `files` into an empty store holds, graph by graph."""
    with KGStore(tmp_path / f"fresh-{tag}") as fresh:
        build(files, fresh, nlp=nlp)
        assert isomorphic(fresh.union_graph(), store.union_graph())
        assert sorted(fresh.quads()) == sorted(store.quads())


def entities_by_graph(store):
    out = {}
    for g, s, p, o in store.quads():
        if p == URIRef("http://www.w3.org/2000/01/rdf-schema#label") and "/id/person/" in str(s):
            out.setdefault(str(g), set()).add(str(s))
    return out


def test_ingest_reingest_change_remove(docs, tmp_path, nlp):
    store = KGStore(tmp_path / "store")
    first = build([docs / NAMES[1], docs / NAMES[3]], store, nlp=nlp)
    assert first.ingested == [NAMES[1], NAMES[3]]
    # two documents that sort before and between the stored ones: the later ones are linked again
    grown = build([docs], store, nlp=nlp)
    assert grown.ingested == [NAMES[0], NAMES[2]] and set(grown.unchanged) == {NAMES[1], NAMES[3]}
    same_as_fresh(store, [docs], tmp_path, nlp, "all")

    before = sorted(store.quads())
    again = build([docs], store, nlp=nlp)
    assert again.ingested == [] and again.relinked == [] and sorted(again.unchanged) == NAMES
    assert sorted(store.quads()) == before

    changed = docs / NAMES[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("Lukashenko", "Lukashenka"), encoding="utf-8")
    rep = build([docs], store, nlp=nlp)
    assert rep.ingested == [NAMES[0]]
    same_as_fresh(store, [docs], tmp_path, nlp, "changed")

    by_graph = entities_by_graph(store)
    gone_iri = str(doc_iri(NAMES[2]))
    others = set().union(*(v for g, v in by_graph.items() if g != gone_iri))
    only_there, shared = by_graph[gone_iri] - others, by_graph[gone_iri] & others
    assert only_there and shared
    rep = remove([NAMES[2]], store, nlp=nlp)
    assert rep.removed == [NAMES[2]]
    (docs / NAMES[2]).unlink()
    same_as_fresh(store, [docs], tmp_path, nlp, "removed")
    people = {str(s) for s in store.union_graph().subjects() if "/id/person/" in str(s)}
    assert shared <= people and not (only_there & people)
    store.close()


def test_metadata_lives_in_the_document_graph(docs, tmp_path, nlp):
    store = KGStore(tmp_path / "store")
    build([docs / NAMES[3]], store, nlp=nlp, meta={"url": "https://example.org/wire"})
    info = store.documents()[str(doc_iri(NAMES[3]))]
    assert (info.file, info.url, len(info.checksum)) == (NAMES[3], "https://example.org/wire", 64)
    graph = store.graph(doc_iri(NAMES[3]))
    assert (doc_iri(NAMES[3]), KG.fileName, None) in graph
    # the same text with other metadata is a change; the same text and metadata is not
    assert build([docs / NAMES[3]], store, nlp=nlp, meta={"url": "https://example.org/wire"}).ingested == []
    assert build([docs / NAMES[3]], store, nlp=nlp, meta={"url": "https://example.org/w2"}).ingested == [NAMES[3]]
    assert find_document(store, str(docs / NAMES[3])) == str(doc_iri(NAMES[3]))
    assert find_document(store, str(doc_iri(NAMES[3]))) == str(doc_iri(NAMES[3]))
    with pytest.raises(InputError, match="no document 'nothing.txt'"):
        find_document(store, "nothing.txt")
    store.close()


def test_cli_remove_and_docs(docs, tmp_path):
    with KGStore(tmp_path / "store") as store:
        build([docs / NAMES[3]], store, model="blank", host="Marek Halas")
        assert [(d.file, d.host) for d in store.documents().values()] == [(NAMES[3], "Marek Halas")]

    def kg(*args):
        return subprocess.run([sys.executable, "-m", "graph.cli", *args, "--store", str(tmp_path / "store")],
                              capture_output=True, text=True, cwd=ROOT)

    r = kg("remove", "no-such.txt")
    assert r.returncode == 2 and r.stderr.startswith("kg: error: no document 'no-such.txt'")
    assert len(r.stderr.strip().splitlines()) == 1
    r = kg("remove", NAMES[3])
    assert r.returncode == 0, r.stderr
    assert json.loads(kg("docs", "--format", "json").stdout) == []


def test_parallel_ingest_gives_the_same_graph_and_shows_progress(tmp_path):
    files = [CORPUS]
    with KGStore(tmp_path / "one") as one, KGStore(tmp_path / "two") as two:
        build(files, one, model="blank")
        bar = io.StringIO()
        rep = build(files, two, model="blank", jobs=2, bar=bar)
        assert len(rep.ingested) == len(list(CORPUS.glob("*.txt"))) and rep.words > 0
        assert sorted(one.quads()) == sorted(two.quads())
    last = bar.getvalue().rstrip("\n").split("\r")[-1]
    n = len(rep.ingested)
    assert f"{n}/{n} docs" in last and "docs/s" in last and "words/s" in last


def test_workers_fork_from_a_process_that_holds_the_pipeline(tmp_path, blank_nlp, monkeypatch):
    """`build(nlp=…, jobs=2)`: the workers are copies of this process with its pipeline (as spaCy's own
    `n_process` pipe), loading no model; the graph is the one of 1 job."""
    from graph.store import build as module

    marks = tmp_path / "marks"
    marks.mkdir()
    forked = module._init_forked

    def init(nlp):  # runs in each worker: the fork carries this patch over
        (marks / str(os.getpid())).write_text("forked")
        forked(nlp)

    monkeypatch.setattr(module, "_init_forked", init)
    monkeypatch.setattr(module, "_init_worker", lambda model: pytest.fail("a worker loaded a model"))
    with KGStore(tmp_path / "one") as one, KGStore(tmp_path / "two") as two:
        build([CORPUS], one, nlp=blank_nlp)
        rep = build([CORPUS], two, nlp=blank_nlp, jobs=2)
        assert len(rep.ingested) == len(list(CORPUS.glob("*.txt"))) and not rep.failed
        assert sorted(one.quads()) == sorted(two.quads())
    assert len(list(marks.iterdir())) == 2


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_only_when_asked_or_on_a_terminal(tmp_path):
    assert show_bar(io.StringIO()) is None  # a pipe or a file: no bar
    assert show_bar(io.StringIO(), forced=True) is not None
    assert show_bar(Terminal()) is not None
    args = [sys.executable, "-m", "graph.cli", "build", str(CORPUS / NAMES[3]), "--model", "blank", "--store",
            str(tmp_path / "b"), "--progress", "-q"]
    r = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "1/1 docs" in r.stderr and "words/s" in r.stderr


def test_workers_map_and_check_and_the_graph_is_what_linking_document_by_document_gives(tmp_path, nlp):
    """The documents' own work in workers (`prepare`), linking and batched writes in the parent: the store holds
    what analysing, linking and mapping one document after the other into the store gives, with 1 job or 2."""
    from graph.extract.analyse import analyse
    from graph.store.build import Source, document_graph
    from graph.store.link import link_to_store

    files = sorted(CORPUS.glob("*.txt"))
    with KGStore(tmp_path / "ref") as ref:
        sources = sorted((Source(f.name, f.read_text(encoding="utf-8"), {}) for f in files), key=lambda s: s.iri)
        for src in sources:
            doc = link_to_store(analyse(src.name, src.text, nlp, meta={}), ref)
            ref.replace_graph(URIRef(src.iri), document_graph(doc))
        expected = sorted(ref.quads())
    with KGStore(tmp_path / "one") as one, KGStore(tmp_path / "two") as two:
        rep1 = build(files, one, nlp=nlp, jobs=1)
        rep2 = build(files, two, jobs=2)
        assert sorted(one.quads()) == expected
        assert sorted(two.quads()) == expected
    assert rep1.violations == rep2.violations
