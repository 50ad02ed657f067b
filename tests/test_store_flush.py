"""A store closed after writes is flushed, so that the next process to open it does not replay RocksDB's
write-ahead log (70–120 s for each read-only view of a store just written by 10,000 documents, bench/README.md);
a store only read is not."""

from rdflib import Graph, Literal, URIRef

from graph.store.kgstore import KGStore


def one_triple() -> Graph:
    g = Graph()
    g.add((URIRef("http://example.org/a"), URIRef("http://example.org/p"), Literal("v")))
    return g


def test_closing_after_writes_flushes(tmp_path, monkeypatch):
    flushed = []
    monkeypatch.setattr(KGStore, "flush", lambda self: flushed.append(self.location))
    with KGStore(tmp_path / "store") as store:
        store.replace_graph(URIRef("http://example.org/doc"), one_triple())
    assert flushed == [str(tmp_path / "store")]
    with KGStore(tmp_path / "store", read_only=True) as store:
        assert len(store) == 1
    with KGStore(tmp_path / "store") as store:  # opened for writing, nothing written
        assert len(store) == 1
    assert len(flushed) == 1


def test_flushed_store_reads_back(tmp_path):
    with KGStore(tmp_path / "store") as store:
        store.replace_graph(URIRef("http://example.org/doc"), one_triple())
        store.flush()
        store.flush()  # nothing left: harmless
        store.drop_graph(URIRef("http://example.org/doc"))
        store.replace_graph(URIRef("http://example.org/doc2"), one_triple())
    with KGStore(tmp_path / "store", read_only=True) as store:
        assert [str(r[0]) for r in store.query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")] == \
            ["http://example.org/doc2"]
    with KGStore("memory") as store:  # nothing to flush in memory
        store.replace_graph(URIRef("http://example.org/doc"), one_triple())
        store.flush()
        assert len(store) == 1
