"""A long document read across the workers is mapped once linked, and written while it is mapped
(`build._Writer.stream`): a thread writes slice k while this process maps slice k+1, whole or not at all."""

import io

import pytest

from graph.store import build as module
from graph.store import longdoc, staging
from graph.store.kgstore import KGStore, StoreError

from .test_large import _meetings

def _text(n: int, tag: str = "") -> str:
    """`n` headed meetings of one host with different guests on different days."""
    return f"Meetings of President Jan Kowal{tag}\n\n" + _meetings(n)


@pytest.fixture
def small_slices(monkeypatch):
    monkeypatch.setattr(module, "SPLIT", 1_000)
    monkeypatch.setattr(longdoc, "CHUNK", 600)
    monkeypatch.setattr(longdoc, "CHECK_SLICE", 40)


def _build(path, store, jobs=2):
    return module.build([path], store, model="blank", jobs=jobs, bar=io.StringIO())


def test_slices_are_written_while_the_document_is_mapped(tmp_path, monkeypatch, small_slices):
    events = []
    cut, load = longdoc.Slicer._cut, KGStore.write_documents
    monkeypatch.setattr(longdoc.Slicer, "_cut", lambda self: (events.append("map"), cut(self))[1])
    monkeypatch.setattr(KGStore, "write_documents", lambda self, docs: (events.append("write"), load(self, docs))[1])
    path = tmp_path / "long.txt"
    path.write_text(_text(30), encoding="utf-8")
    store = KGStore("memory")
    report = _build(path, store)
    assert report.ingested == ["long.txt"] and report.violations == []
    maps = [i for i, e in enumerate(events) if e == "map"]
    assert len(maps) > 10
    # the mapping waits when two parts wait for the writer: most slices are written before the last is mapped
    assert events[:maps[-1]].count("write") >= len(maps) - 4
    assert len(store.documents()) == 1
    store.close()


def test_a_failed_write_leaves_the_stored_version(tmp_path, monkeypatch, small_slices):
    path = tmp_path / "long.txt"
    path.write_text(_text(30), encoding="utf-8")
    store = KGStore("memory")
    _build(path, store, jobs=1)
    before = set(store.quads())
    calls = []
    load = KGStore.write_documents

    def failing(self, docs):
        calls.append(1)
        if len(calls) == 4:
            raise StoreError("cannot write to store memory: disk full")
        load(self, docs)

    monkeypatch.setattr(KGStore, "write_documents", failing)
    path.write_text(_text(30, " in Warsaw"), encoding="utf-8")
    with pytest.raises(StoreError, match="disk full"):
        _build(path, store)
    assert set(store.quads()) != before  # the staged part written so far, beside the old version
    staging.recover(store)
    assert set(store.quads()) == before
    store.close()


@pytest.mark.slow
@pytest.mark.parametrize("stored", [False, True])
def test_a_failed_mapping_leaves_the_store_as_it_was(tmp_path, monkeypatch, small_slices, stored):
    path = tmp_path / "long.txt"
    store = KGStore("memory")
    if stored:
        path.write_text(_text(30), encoding="utf-8")
        _build(path, store, jobs=1)
    before = set(store.quads())
    add = longdoc.Slicer.add
    seen = []

    def failing(self, t):
        seen.append(1)
        if len(seen) == 400:
            raise RuntimeError("mapping failed")
        add(self, t)

    monkeypatch.setattr(longdoc.Slicer, "add", failing)
    path.write_text(_text(30, " in Warsaw"), encoding="utf-8")
    with pytest.raises(RuntimeError, match="mapping failed"):
        _build(path, store)
    assert set(store.quads()) == before
    store.close()


def test_the_pipe_holds_at_most_its_depth():
    import threading

    pipe = longdoc.Pipe(depth=2)
    given = []

    def map_():
        for i in range(6):
            pipe.write(f"part {i}\n")
            given.append(i)
        pipe.close()

    mapping = threading.Thread(target=map_)
    mapping.start()
    mapping.join(0.5)
    assert given == [0, 1]  # the third waits for the writer
    got = list(pipe.parts())
    mapping.join()
    assert got == [f"part {i}\n" for i in range(6)]


@pytest.mark.slow
def test_a_long_document_before_a_stored_one_is_mapped_whole_and_checked(tmp_path, monkeypatch, small_slices):
    """Documents after it are stored (they may be relinked): its graph is mapped whole, and still checked."""
    (tmp_path / "z.txt").write_text(_text(1), encoding="utf-8")
    store = KGStore("memory")
    _build(tmp_path / "z.txt", store, jobs=1)
    checked = []
    validate = module.validate
    monkeypatch.setattr(module, "validate", lambda g, *a, **k: (checked.append(len(g)), validate(g, *a, **k))[1])
    (tmp_path / "a.txt").write_text(_text(30), encoding="utf-8")
    report = _build(tmp_path / "a.txt", store)
    assert report.ingested == ["a.txt"] and report.violations == []
    assert len(store.documents()) == 2 and checked and max(checked) > 1000
    store.close()
