"""Round 14 (speed): a batch of new documents for an on-disk store's bulk loader grows with the documents stored
(`build._Writer.limits`, GROWTH), so that RocksDB's merges of each bulk load into the last level do not copy the
store every 16 documents; the store is the same whatever the batches; a batch waiting to be written keeps what
its documents' reports need, not the documents."""

import pytest

from graph.records import Document
from graph.store import build as build_mod
from graph.store.build import Source, _reporter, _Writer, build
from graph.store.kgstore import KGStore

# invented officials; several documents tell meetings of the same days, some the same meeting (as test_speed_s10)
TEMPLATES = [
    "{day} {month} 2025\n\nPresident Ana Lima met Prime Minister Tomas Varga in Kessin on {day} {month} 2025. "
    "The two leaders discussed trade and the new railway.",
    "{day} {month} 2025\n\nPrime Minister Tomas Varga held talks with President Ana Lima in Kessin on {day} {month} "
    "2025. Foreign Minister Oskar Brandt also took part in the meeting.",
    "{day} {month} 2025\n\nChancellor Ivo Maric received Foreign Minister Oskar Brandt on {day} {month} 2025 and "
    "discussed the water treaty.",
]


def _corpus(folder, n):
    folder.mkdir()
    for i in range(n):
        day, month = 3 + i % 3, ("March", "April")[i % 2]
        (folder / f"note-{i:02d}.txt").write_text(TEMPLATES[i % len(TEMPLATES)].format(day=day, month=month),
                                                  encoding="utf-8")
    return sorted(folder.glob("*.txt"))


def _nquads(store: KGStore) -> list[str]:
    return sorted(f"{s.n3()} {p.n3()} {o.n3()} {g.n3()}" for s, p, o, g in store.quads())


def _quads(i: int) -> str:
    g = f"urn:x-test:doc:{i}"
    return f'<{g}> <urn:x-test:p> "value {i}" <{g}> .\n'


def _batches(writer: _Writer, n: int, replace: bool = False) -> list[int]:
    sizes: list[int] = []
    flush = writer.flush

    def counted():
        if writer.pending:
            sizes.append(len(writer.pending))
        flush()

    writer.flush = counted
    for i in range(n):
        writer.add(f"urn:x-test:doc:{i}", _quads(i), replace, set(), lambda: None)
    writer.flush()
    return sizes


def test_new_documents_into_an_on_disk_store_go_in_batches_that_grow_with_it(tmp_path, monkeypatch):
    monkeypatch.setattr(build_mod, "GROWTH", 1)
    store = KGStore(tmp_path / "store")
    try:
        assert _batches(_Writer(store, size=2), 32) == [2, 2, 4, 8, 16]
        assert len(store) == 32
    finally:
        store.close()


def test_limits_start_at_the_fixed_ones_and_stop_at_bulk_max_bytes(tmp_path):
    store = KGStore(tmp_path / "store")
    try:
        assert _Writer(store).limits() == (16, 8 * 1024 * 1024)
        assert _Writer(store, stored=63).limits() == (16, 8 * 1024 * 1024)  # 63 // 4 = 15 < 16
        assert _Writer(store, stored=128).limits() == (32, 16 * 1024 * 1024)
        assert _Writer(store, stored=4000).limits() == (1000, build_mod.BULK_MAX_BYTES)
    finally:
        store.close()


def test_a_batch_replacing_a_document_or_in_memory_keeps_the_fixed_limits(tmp_path, monkeypatch):
    monkeypatch.setattr(build_mod, "GROWTH", 1)
    memory = KGStore("memory")
    assert _Writer(memory, stored=4000).limits() == (16, 8 * 1024 * 1024)
    assert _batches(_Writer(memory, size=2), 8) == [2, 2, 2, 2]
    store = KGStore(tmp_path / "store")
    try:
        writer = _Writer(store, size=2, stored=100)
        assert writer.limits()[0] == 100
        writer.add("urn:x-test:doc:0", _quads(0), True, set(), lambda: None)  # a stored document replaced
        assert writer.limits() == (2, 8 * 1024 * 1024)
        writer.add("urn:x-test:doc:1", _quads(1), False, set(), lambda: None)
        assert not writer.pending  # written at 2 documents: one transaction
        assert writer.limits()[0] == 102
    finally:
        store.close()


@pytest.mark.parametrize("growth", [1, 4])
def test_the_store_is_the_same_whatever_the_batches(growth, blank_nlp, tmp_path, monkeypatch):
    corpus = _corpus(tmp_path / "texts", n=40)
    fixed = KGStore(tmp_path / "fixed")
    monkeypatch.setattr(build_mod, "GROWTH", 10**9)  # batches of 16, as before round 14
    build(corpus, fixed, nlp=blank_nlp)
    sizes: list[int] = []
    flush = build_mod._Writer.flush

    def counted(self):
        if self.pending:
            sizes.append(len(self.pending))
        flush(self)

    monkeypatch.setattr(build_mod, "GROWTH", growth)
    monkeypatch.setattr(build_mod._Writer, "flush", counted)
    grown = KGStore(tmp_path / "grown")
    build(corpus[:20], grown, nlp=blank_nlp)  # 20 stored, then 20 more: the second build's batches grow
    build(corpus, grown, nlp=blank_nlp)
    assert sizes == ([16, 4, 20] if growth == 1 else [16, 4, 16, 4])
    assert _nquads(grown) == _nquads(fixed)
    fixed.close()
    grown.close()


def test_a_report_waiting_for_its_batch_keeps_no_document(tmp_path):
    src = Source("note.txt", "President Ana Lima met Prime Minister Tomas Varga. " * 3, {})
    doc = Document(name="note.txt", text=src.text, checksum="", meta={}, sentences=[], entities={}, events=[])
    said: list[tuple[str, str]] = []
    done = _reporter(src, doc, True, lambda name, what: said.append((name, what)), None)
    assert all(not isinstance(c.cell_contents, (Document, Source)) for c in done.__closure__ or ())
    done()
    assert said == [("note.txt", "0 events, 0 entities")]
    relinked = _reporter(src, doc, False, lambda name, what: said.append((name, what)), None)
    relinked()
    assert said[-1] == ("note.txt", "relinked")

    class Bar:
        def __init__(self):
            self.calls = []

        def update(self, name, words):
            self.calls.append((name, words))

    bar = Bar()
    _reporter(src, doc, True, None, bar)()
    assert bar.calls == [("note.txt", len(src.text.split()))]
