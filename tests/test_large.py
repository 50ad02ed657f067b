"""A long text is analysed piece by piece: progress is reported inside it, and what each piece's `Doc` said is kept
as records once the `Doc` is dropped."""

import io

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
    def spy(self, pieces, shorts):
        seen.append(pieces)
        return fn(self, pieces, shorts)
    return spy


def test_a_large_graph_is_written_in_parts_its_checksum_last():
    from graph.rdf.namespaces import KG
    from graph.store.build import _Writer
    from graph.store.longdoc import split_quads
    from graph.store.kgstore import KGStore

    iri = "https://example.org/doc/a"
    lines = [f'<https://example.org/s{i}> <https://example.org/p> "v{i}" <{iri}> .\n' for i in range(300)]
    checksum = f'<{iri}> <{KG.checksum}> "abc" <{iri}> .\n'
    quads = "".join(lines[:100] + [checksum] + lines[100:])
    parts = list(split_quads(iri, quads, 1_000))
    assert len(parts) > 10 and parts[-1].endswith(checksum) and not any(checksum in p for p in parts[:-1])
    assert sorted("".join(parts).splitlines()) == sorted(quads.splitlines())
    store = KGStore("memory")
    written = []
    writes = store.write_documents
    store.write_documents = lambda docs: (written.append(docs), writes(docs))
    writer = _Writer(store, max_bytes=1_000)
    done = []
    writer.add(iri, quads, False, set(), lambda: done.append(iri))
    assert done == [iri] and len(written) == len(parts)
    assert list(store.documents()) == [iri] and len(store.graph(URIRef(iri))) == 301
    store.close()


def test_a_graph_checked_in_slices_gives_the_lines_of_the_whole(blank_nlp):
    """A long document's graph is checked in slices (`longdoc.slices`): with triples taken out so that some nodes
    break the shapes, the slices report what the whole graph reports, each line once."""
    from rdflib import RDF, SDO, Graph

    from graph.rdf.namespaces import KG, NIF
    from graph.rdf.validate import validate
    from graph.store.build import document_graph
    from graph.store.link import link_alone
    from graph.store.longdoc import Triples, check_slice, slices

    doc = link_alone(analyse("long.txt", _meetings(24), blank_nlp))
    triples = document_graph(doc, None, Triples())
    whole = Graph()
    for t in triples:
        whole.add(t)
    assert set(whole) == set(document_graph(doc))  # the same triples as the Graph the mapping fills
    broken = ([t for t in triples if t[1] == SDO.name][1::4] + [t for t in triples if t[1] == NIF.anchorOf][::9]
              + [t for t in triples if t[1] == KG.confidence][::5])
    for t in broken:
        del triples[t]
        whole.remove(t)
    expected = validate(whole)[1]
    parts = list(slices(triples, 60))
    got = sorted({line for part, context in parts for line in check_slice(part, context)})
    assert len(parts) > 5 and len(expected) > 10
    assert got == expected
    assert any(t[1] == RDF.type for t in triples)
