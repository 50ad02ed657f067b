"""`kg build --cluster ADDRESS`: the documents' own work on a Dask cluster's workers gives the store a local build
gives, graph by graph; no cluster to reach is one line and leaves the store alone. The cluster here is a
`distributed.LocalCluster` of two worker processes (slow lane: `dask_cluster` in tests/conftest.py)."""

import sys

import pytest
from rdflib import URIRef
from rdflib.compare import isomorphic

from graph.cli import main
from graph.extract import chunks
from graph.store import build as module
from graph.store import longdoc
from graph.store.kgstore import KGStore

from .conftest import ROOT
from .test_large import _long_text

TEXTS = [ROOT / "seeds" / "presidents-week-2023-02-27.txt", ROOT / "tests" / "corpus" / "belarus-press-2024-05-17.txt",
         ROOT / "tests" / "corpus" / "digest-2024-10-14.txt"]


@pytest.fixture(scope="module")
def dask_cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as lc:
        with distributed.Client(lc, set_as_default=False) as client:
            client.wait_for_workers(2)
            yield client


def _not_here(monkeypatch):
    """The spaCy pipeline cannot be loaded in this process: a document analysed here fails."""
    def refuse(model=None):
        raise AssertionError("analysed in the parent process, not on the cluster")

    monkeypatch.setattr("graph.nlp.model.make_nlp", refuse)


def _same_graphs(local: KGStore, remote: KGStore) -> None:
    docs = local.documents()
    assert sorted(docs) == sorted(remote.documents())
    for iri in docs:
        assert isomorphic(local.graph(URIRef(iri)), remote.graph(URIRef(iri))), iri
    assert sorted(local.quads()) == sorted(remote.quads())


def test_a_build_on_a_two_worker_cluster_is_the_local_build(dask_cluster, nlp, monkeypatch):
    with KGStore("memory") as local, KGStore("memory") as remote:
        here = module.build(TEXTS, local, nlp=nlp, jobs=1)
        _not_here(monkeypatch)
        there = module.build(TEXTS, remote, cluster=dask_cluster)
        assert not there.failed and sorted(there.ingested) == sorted(here.ingested) and len(here.ingested) == 3
        assert there.violations == here.violations
        _same_graphs(local, remote)
        assert len(local) > 1000


def test_a_long_document_read_across_the_cluster_is_the_local_build(dask_cluster, tmp_path, monkeypatch):
    """Its pieces read by the cluster's workers (with the model this build asks for, whatever they loaded before),
    its graph checked there in slices while this process links and writes it."""
    monkeypatch.setattr(chunks, "CHUNK", 300)
    monkeypatch.setattr(longdoc, "CHUNK", 300)
    monkeypatch.setattr(module, "SPLIT", 1_000)
    monkeypatch.setattr(longdoc, "CHECK_SLICE", 200)
    path = tmp_path / "long.txt"
    path.write_text(_long_text(), encoding="utf-8")
    split = []
    call = longdoc.PoolReader.__call__
    monkeypatch.setattr(longdoc.PoolReader, "__call__", lambda self, pieces, *rest: (split.append(pieces),
                                                                                     call(self, pieces, *rest))[1])
    with KGStore("memory") as local, KGStore("memory") as remote:
        here = module.build([path, TEXTS[1]], local, model="blank", jobs=1)
        _not_here(monkeypatch)
        there = module.build([path, TEXTS[1]], remote, model="blank", cluster=dask_cluster)
        assert split and max(map(len, split)) > 10  # the pieces went to the cluster
        assert not there.failed and there.violations == here.violations
        _same_graphs(local, remote)


def kg(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("address, message", [
    ("nonsense", "not a Dask scheduler address: 'nonsense' (tcp://HOST:PORT)"),
    ("http://localhost:8786", "not a Dask scheduler address"),
    ("tcp://127.0.0.1:1", "no Dask scheduler at tcp://127.0.0.1:1: Timed out"),
])
def test_no_cluster_there_is_one_line_and_the_store_untouched(capsys, tmp_path, monkeypatch, address, message):
    pytest.importorskip("distributed")
    monkeypatch.setattr("graph.store.cluster.CONNECT_TIMEOUT", 1)
    store = tmp_path / "store"
    code, out, err = kg(capsys, "build", TEXTS[0], "--store", store, "--cluster", address)
    assert code == 2 and out == ""
    assert err.startswith("kg: error: ") and message in err and err.count("\n") == 1, err
    assert not store.exists()


def test_without_dask_the_cluster_option_says_what_to_install(capsys, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed: ImportError
    code, out, err = kg(capsys, "build", TEXTS[0], "--store", tmp_path / "store", "--cluster", "tcp://h:8786")
    assert code == 2 and err.count("\n") == 1
    assert "pip install 'meeting-graph[cluster]'" in err and not (tmp_path / "store").exists()
