"""New documents are written in batches with Oxigraph's bulk loader (`staging.write_new`), yet each batch whole or
not at all: stopped after the bulk load and before the checksums, no graph of the batch is a document, and the next
build's `recover` drops them; finished, the store holds what one transaction would have written."""

import io

import pytest

from graph.store import build as module
from graph.store import staging
from graph.store.kgstore import KGStore

TEXTS = {
    "a.txt": "Minsk, 3 May 2024. President Jan Kowal met Minister of Energy of Ruritania Olga Vesely.\n",
    "b.txt": "Strelsau, 4 May 2024. President Jan Kowal held talks with King Rudolf of Ruritania.\n",
    "c.txt": "Lima, 5 May 2024. Prime Minister Ana Lima received the Ambassador of Chile, Pedro Soto.\n",
}


def _corpus(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _build(folder, store):
    return module.build([folder], store, model="blank", bar=io.StringIO())


@pytest.fixture(autouse=True)
def _bulk_for_any_batch(monkeypatch):
    monkeypatch.setattr(module, "BULK_BYTES", 0)  # these batches are small: bulk-load them all the same


@pytest.mark.parametrize("where", ["disk", "memory"])
def test_a_bulk_written_batch_is_what_a_transaction_writes(tmp_path, monkeypatch, where):
    folder = _corpus(tmp_path)
    bulk = KGStore(tmp_path / "bulk" if where == "disk" else "memory")
    loads = []
    load = KGStore.bulk_load
    monkeypatch.setattr(KGStore, "bulk_load", lambda self, quads: (loads.append(quads), load(self, quads))[1])
    _build(folder, bulk)
    assert loads and len(bulk.documents()) == 3
    monkeypatch.setattr(staging, "write_new", lambda store, docs: store.write_documents(
        [(iri, quads, False) for iri, quads in docs]))
    plain = KGStore("memory")
    _build(folder, plain)
    assert set(bulk.quads()) == set(plain.quads())
    assert not list(bulk.query(f"SELECT * WHERE {{ GRAPH ?g {{ ?g <{staging.STAGED_FOR}> ?d }} }}"))
    bulk.close()
    plain.close()


def test_a_batch_stopped_after_the_bulk_load_is_no_document_and_is_dropped(tmp_path, monkeypatch):
    folder = _corpus(tmp_path)
    store = KGStore(tmp_path / "store")

    class Stopped(BaseException):  # a kill: nothing after the bulk load runs
        pass

    load = KGStore.bulk_load

    def stopped(self, quads):
        load(self, quads)
        raise Stopped

    monkeypatch.setattr(KGStore, "bulk_load", stopped)
    with pytest.raises(Stopped):
        _build(folder, store)
    assert store.documents() == {}  # no checksum written: no document
    assert len(store) > 0  # though the facts are there until the next build
    assert staging.recover(store)
    assert len(store) == 0
    monkeypatch.setattr(KGStore, "bulk_load", load)
    report = _build(folder, store)
    assert sorted(report.ingested) == sorted(TEXTS) and len(store.documents()) == 3
    store.close()


def test_a_document_without_its_checksum_line_is_written_in_one_transaction(tmp_path, monkeypatch):
    store = KGStore(tmp_path / "store")
    monkeypatch.setattr(KGStore, "bulk_load", lambda self, quads: pytest.fail("bulk-loaded"))
    doc = "urn:x-kg:test:doc"
    staging.write_new(store, [(doc, f'<{doc}> <http://schema.org/name> "x" <{doc}> .\n')])
    assert len(store) == 1 and not store.query(f"ASK {{ ?g <{staging.STAGED_FOR}> ?d }}").askAnswer
    store.close()


def test_a_small_batch_is_one_transaction(tmp_path, monkeypatch):
    monkeypatch.setattr(module, "BULK_BYTES", 2 * 1024 * 1024)
    monkeypatch.setattr(KGStore, "bulk_load", lambda self, quads: pytest.fail("bulk-loaded"))
    store = KGStore(tmp_path / "store")
    report = _build(_corpus(tmp_path), store)
    assert len(report.ingested) == 3 and len(store.documents()) == 3
    store.close()
