"""A long text is analysed piece by piece: progress is reported inside it, and what each piece's `Doc` said is kept
as records once the `Doc` is dropped."""

import io

import pytest

from rdflib import URIRef

from graph.extract import chunks
from graph.extract.analyse import analyse

PARAGRAPH = ("President Jan Kowal received the Chairman of Acme Group Corporation Thomas Ahrens on 17 June 2024. "
             "They discussed the roadmap of the joint venture and the supply of equipment to the region.\n\n")


def test_progress_grows_inside_a_long_text(blank_nlp):
    text = "Meeting with President Jan Kowal, 3 May 2024\n\n" + PARAGRAPH * (3 * chunks.CHUNK // len(PARAGRAPH))
    calls: list[tuple[int, int]] = []
    doc = analyse("long.txt", text, blank_nlp, progress=lambda done, total: calls.append((done, total)))
    assert len(calls) >= 4  # the header and at least three body chunks
    done = [d for d, _ in calls]
    assert done == sorted(done) and len(set(done)) == len(done)
    (total,) = {t for _, t in calls}
    assert done[-1] == total and abs(total - len(text.split())) <= 10
    assert doc.sentences[-1].end > 2 * chunks.CHUNK  # sentences come from every chunk


def test_long_text_streams_in_small_batches(blank_nlp, monkeypatch):
    """Above WHOLE_BATCH characters spaCy gets BATCH pieces at a time, so it never holds every piece's Doc."""
    sizes = []
    pipe = type(blank_nlp).pipe

    def spy(self, texts, **kw):
        sizes.append(kw.get("batch_size"))
        return pipe(self, texts, **kw)

    monkeypatch.setattr(type(blank_nlp), "pipe", spy)
    analyse("short.txt", PARAGRAPH, blank_nlp)
    analyse("long.txt", PARAGRAPH * (chunks.WHOLE_BATCH // len(PARAGRAPH) + 1), blank_nlp)
    assert sizes == [None, chunks.BATCH]


def test_a_short_form_defined_earlier_is_met_later(nlp, monkeypatch):
    """The meetings a sentence tells are read while its piece's Doc is alive, before a short form defined in an
    earlier piece gives it one more mention; that sentence, kept as a small Doc, is read again with it."""
    from graph.extract import analyse as module

    told = []
    retell = module._Read.retell

    def spy(self, pieces, extra):
        retell(self, pieces, extra)
        told.extend(t for per_piece in self.told.values() for per_sentence in per_piece for t in per_sentence)

    monkeypatch.setattr(module._Read, "retell", spy)
    monkeypatch.setattr(chunks, "CHUNK", 120)  # the definition and the meeting in different pieces
    text = ("Meeting with President Jan Kowal, 3 May 2024\n\n"
            "The Bulgarian National Bank Construction Company (BNBC) builds the new bridge over the river.\n\n"
            "On 3 May 2024 President Jan Kowal met BNBC in Warsaw.")
    analyse("a.txt", text, nlp)
    met = [t for t in told if "met BNBC" in t.text]
    assert met and [m.text for m in met[0].objects] == ["BNBC"]


def _meetings(n: int) -> str:
    """`n` headed meetings of one host with different guests."""
    firsts = ["Thomas", "Maria", "Pavel", "Ines", "Oskar", "Lena", "Marek", "Ruth"]
    lasts = ["Ahrens", "Lindqvist", "Horak", "Moreau", "Brandt", "Kovac", "Santos", "Weber"]
    out = []
    for i in range(n):
        name, day = f"{firsts[i % 8]} {lasts[i * 3 % 8]}", i % 27 + 1
        out.append(f"Meeting with {name}, {day} May 2024\n\nPresident Jan Kowal received the Chairman of the "
                   f"{name.split()[1]} Group Corporation {name} on {day} May 2024. They discussed the roadmap of "
                   "the joint venture and the supply of equipment to the region.\n\n")
    return "".join(out)


def _long_text() -> str:
    return ("Meeting with President Jan Kowal, 3 May 2024\n\n"
            "The Bulgarian National Bank Construction Company (BNBC) builds the new bridge over the river.\n\n"
            + PARAGRAPH * 12 + "On 3 May 2024 President Jan Kowal met BNBC in Warsaw.\n\n"
            + "Talks with Prime Minister Anna Nowak, 4 May 2024\n\n" + PARAGRAPH * 12)


def _built(path, jobs, monkeypatch):
    from graph.store import build as module
    from graph.store.kgstore import KGStore

    store = KGStore("memory")
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(module.ProgressBar, "inside", lambda self, name, done, total: calls.append((done, total)))
    report = module.build([path], store, model="blank", jobs=jobs, bar=io.StringIO())
    quads = set(store.quads())
    store.close()
    return quads, report, calls


def test_a_long_document_read_across_workers_gives_the_same_graph(tmp_path, monkeypatch):
    """With two jobs a long document's pieces are read by both workers and its graph checked in one of them; the
    store, the violations and the progress inside the document are what one process gives."""
    from graph.store import build as module
    from graph.store import longdoc

    monkeypatch.setattr(chunks, "CHUNK", 300)  # many pieces, in several groups
    monkeypatch.setattr(longdoc, "CHUNK", 300)
    monkeypatch.setattr(longdoc, "CHECK_SLICE", 100)  # checked in several slices
    monkeypatch.setattr(module, "SPLIT", 1_000)
    path = tmp_path / "long.txt"
    path.write_text(_long_text(), encoding="utf-8")
    split = []
    monkeypatch.setattr(longdoc.PoolReader, "__call__", _spy(longdoc.PoolReader.__call__, split))
    one, report_one, calls_one = _built(path, 1, monkeypatch)
    assert not split
    two, report_two, calls_two = _built(path, 2, monkeypatch)
    assert split and len(split[0]) > 10  # the pieces went to the workers
    assert one == two and len(one) > 100
    assert report_one.violations == report_two.violations
    assert calls_one == calls_two and len(calls_two) > 10


def _spy(fn, seen):
    def spy(self, pieces, *rest):
        seen.append(pieces)
        return fn(self, pieces, *rest)
    return spy


def _collect(slices: list):
    """A `check` for `longdoc.Slicer` that keeps each slice and its context."""
    from concurrent.futures import Future

    def check(part, context):
        slices.append((part, context))
        done = Future()
        done.set_result([])
        return done
    return check


def _spill_lines(spill) -> list[str]:
    spill.file.seek(0)
    return spill.file.read().splitlines()


def test_a_graph_mapped_in_slices_is_the_graph_mapped_whole(nlp):
    """A long document is mapped slice by slice into a file (`build.spilled`): the same triples as the mapping into
    one Graph, its checksum the last line; each slice checked alone gives the violations of the whole graph, each
    line once, with triples taken out so that some nodes break the shapes."""
    from rdflib import SDO, Graph

    from graph.rdf.namespaces import KG, NIF
    from graph.rdf.validate import validate
    from graph.store.build import document_graph, spilled
    from graph.store.link import actors_of, link_alone
    from graph.store.longdoc import Slicer, Spill, check_slice

    doc = link_alone(analyse("long.txt", _meetings(40), nlp))  # 1,600 words
    whole = document_graph(doc, "Jan Kowal")
    slices = []
    spill, slicer = spilled(doc, "Jan Kowal", _collect(slices))
    lines = _spill_lines(spill)
    assert len(slices) == 1 and set(Graph().parse(data="\n".join(lines), format="nt")) == set(whole)
    assert KG.checksum in lines[-1] and not any(KG.checksum in line for line in lines[:-1])
    assert sorted(slicer.actors()) == sorted(actors_of(whole)) and len(slicer.actors()) > 5

    broken = {*list(whole.triples((None, SDO.name, None)))[1::4], *list(whole.triples((None, NIF.anchorOf, None)))[::9],
              *list(whole.triples((None, KG.confidence, None)))[::5]}
    for t in broken:
        whole.remove(t)
    expected = validate(whole)[1]

    class Broken(Slicer):
        def add(self, t):
            if t not in broken:
                super().add(t)

    slices = []
    spill = Spill()
    sink = Broken(doc, spill.file, _collect(slices), size=60)
    document_graph(doc, "Jan Kowal", sink)
    sink.close()
    got = sorted({line for part, context in slices for line in check_slice(part, context)})
    assert len(slices) > 10 and len(expected) > 10
    assert got == expected
    assert set(Graph().parse(data="\n".join(_spill_lines(spill)), format="nt")) == set(whole)


DOC = "https://example.org/doc/long"


def _version(n: int, tag: str) -> list[str]:
    """N-Triples lines of a document's graph, its checksum last (as `longdoc.Spill` keeps them)."""
    from graph.rdf.namespaces import KG

    lines = [f'<https://example.org/s{i}> <https://example.org/p> "{tag} {i}" .\n' for i in range(n)]
    return lines + [f'<{DOC}> <{KG.checksum}> "{tag}" .\n']


def _parts(lines: list[str], size: int = 10, stop_after: int | None = None):
    def parts_in(graph: str):
        quads = [line[:-3] + f" <{graph}> .\n" for line in lines]
        for i, start in enumerate(range(0, len(quads) - 1, size)):
            if stop_after is not None and i == stop_after:
                raise OSError("disk full")
            yield "".join(quads[start:min(start + size, len(quads) - 1)])
        yield quads[-1]
    return parts_in


def _other(store):
    store.write_documents([("https://example.org/doc/other", "".join(
        line[:-3] + " <https://example.org/doc/other> .\n" for line in _version(5, "other")).replace(
        DOC, "https://example.org/doc/other"), False)])


def test_a_long_document_is_written_whole_or_not_at_all(monkeypatch):
    """Written in parts of one transaction each (staging.py): a write stopped at any point leaves, once the next
    build has recovered, either the store as it was (the old version whole, or no document) or the new version
    whole; the old version stays the document until the new one is written whole beside it."""
    from graph.store import staging
    from graph.store.kgstore import KGStore

    monkeypatch.setattr(staging, "ROWS", 7)  # graphs dropped and moved in many parts
    with KGStore("memory") as store:
        _other(store)
        before = set(store.quads())
        with pytest.raises(OSError):  # a new document, stopped half written
            staging.write(store, DOC, _parts(_version(60, "v1"), stop_after=3), replace=False)
        assert set(store.documents()) == {"https://example.org/doc/other"}
        assert staging.recover(store) == [DOC] and set(store.quads()) == before

        staging.write(store, DOC, _parts(_version(60, "v1")), replace=False)
        v1 = set(store.quads())
        assert len(v1) == len(before) + 61 and staging.recover(store) == []
        with pytest.raises(OSError):  # a new version, stopped while it is written beside the old one
            staging.write(store, DOC, _parts(_version(50, "v2"), stop_after=2), replace=True)
        assert store.documents()[DOC].checksum == "v1"
        assert set(store.graph(URIRef(DOC))) == {t[1:] for t in v1 if str(t[0]) == DOC}
        assert staging.recover(store) == [DOC] and set(store.quads()) == v1

        update = store._update
        moves = []

        def stop_moving(text):
            if text.startswith("DELETE {") and "INSERT {" in text:
                moves.append(text)
                if len(moves) == 3:
                    raise OSError("killed")
            update(text)

        store._update = stop_moving  # stopped while the new version is moved in
        with pytest.raises(OSError):
            staging.write(store, DOC, _parts(_version(50, "v2")), replace=True)
        store._update = update
        assert DOC not in store.documents()  # the old version dropped, the new one not all in: no document
        assert staging.recover(store) == [DOC]
        with KGStore("memory") as fresh:
            _other(fresh)
            staging.write(fresh, DOC, _parts(_version(50, "v2")), replace=False)
            assert set(store.quads()) == set(fresh.quads())
        assert store.documents()[DOC].checksum == "v2" and staging.recover(store) == []


KILLER = """
import os, signal, sys
from graph.store import staging
from graph.store.kgstore import KGStore
sys.path.insert(0, "tests")
from test_large import _parts, _version, DOC

store = KGStore(sys.argv[1])
parts = _parts(_version(400, "v2"), size=40)
def killed(graph):
    for i, part in enumerate(parts(graph)):
        if i == 5:
            os.kill(os.getpid(), signal.SIGKILL)
        yield part
staging.write(store, DOC, killed, replace=True)
"""


def test_kill_9_while_a_long_document_is_replaced_keeps_the_old_one(tmp_path):
    import subprocess
    import sys

    from graph.store import staging
    from graph.store.kgstore import KGStore

    from .conftest import ROOT

    with KGStore(tmp_path / "store") as store:
        _other(store)
        staging.write(store, DOC, _parts(_version(300, "v1"), size=40), replace=False)
        before = set(store.quads())
    proc = subprocess.run([sys.executable, "-c", KILLER, str(tmp_path / "store")], cwd=ROOT, capture_output=True)
    assert proc.returncode == -9, proc.stderr.decode()[-300:]
    with KGStore(tmp_path / "store") as store:
        assert {d: i.checksum for d, i in store.documents().items()} == {DOC: "v1",
                                                                          "https://example.org/doc/other": "other"}
        assert len(set(store.quads())) > len(before)  # the part of the new version written beside it
        assert staging.recover(store) == [DOC]
        assert set(store.quads()) == before
