"""A document's text too long for one literal (Oxigraph's N-Quads lines stop at 16 MB) is stored in pieces
(`rdf.mapping.text_pieces`), and read back whole (`queries/document_text.rq`): a short one keeps its
`nif:isString` (tests/golden/mapping.nt)."""

import io

import pytest
from rdflib import Graph, URIRef

from graph.rdf import mapping
from graph.rdf.namespaces import KG, NIF
from graph.records import Document

HEAD = "Meeting with President Jan Kowal, 3 May 2024\n\n"
PARAGRAPH = ("President Jan Kowal received the Chairman of Acme Group Corporation Thomas Ahrens on 17 June 2024. "
             "They discussed the roadmap of the joint venture and the «supply» of \"equipment\" to the région.\r\n\n")


def _stored_text(store, name: str) -> str | None:
    from graph.store.build import _stored_source

    docs = store.documents()
    (iri,) = [i for i, info in docs.items() if info.file == name]
    src = _stored_source(store, docs[iri])
    return None if src is None else src.text


def _context_literals(store) -> int:
    return len(list(store.query(f"SELECT ?t WHERE {{ ?c <{NIF.isString}> ?t }}")))


def _pieces(store) -> list[tuple[int, int]]:
    rows = store.query(f"SELECT ?b ?e WHERE {{ ?p a <{KG.TextPiece}> ; <{NIF.beginIndex}> ?b ; "
                       f"<{NIF.endIndex}> ?e }} ORDER BY ?b")
    return [(int(b), int(e)) for b, e in rows]


@pytest.mark.parametrize("jobs, split", [(1, 10**9), (1, 1_000), (2, 1_000)])
def test_a_long_text_is_stored_in_pieces_and_read_back_whole(tmp_path, monkeypatch, jobs, split):
    """Through `kg build`: as a short document (one transaction), and as a long one (mapped slice by slice,
    written in parts, checked in slices here or in the workers): the pieces cover the text, their shape holds,
    and the text read back is the file's, character for character."""
    from graph.store import build as module
    from graph.store.kgstore import KGStore

    monkeypatch.setattr(mapping, "TEXT_PIECE", 700)
    monkeypatch.setattr(module, "SPLIT", split)
    text = HEAD + PARAGRAPH * 20
    (tmp_path / "long.txt").write_bytes(text.encode("utf-8"))
    store = KGStore("memory")
    report = module.build([tmp_path / "long.txt"], store, model="blank", jobs=jobs, bar=io.StringIO())
    assert report.ingested == ["long.txt"] and not report.failed
    assert report.violations == []
    pieces = _pieces(store)
    assert _context_literals(store) == 0 and len(pieces) == -(-len(text) // 700)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert _stored_text(store, "long.txt") == text
    store.close()


def test_a_short_text_keeps_one_literal_and_a_missing_piece_is_no_text(tmp_path, monkeypatch):
    from graph.store import build as module
    from graph.store.kgstore import KGStore

    text = HEAD + PARAGRAPH * 3
    (tmp_path / "short.txt").write_text(text, encoding="utf-8")
    store = KGStore("memory")
    module.build([tmp_path / "short.txt"], store, model="blank")
    assert _context_literals(store) == 1 and _pieces(store) == []
    assert _stored_text(store, "short.txt") == text

    monkeypatch.setattr(mapping, "TEXT_PIECE", 100)
    (tmp_path / "short.txt").write_text(text + "More.\n", encoding="utf-8")
    module.build([tmp_path / "short.txt"], store, model="blank")  # replaced: its pieces instead of the literal
    assert _context_literals(store) == 0 and len(_pieces(store)) > 3
    assert _stored_text(store, "short.txt") == text + "More.\n"
    store._update(f"DELETE WHERE {{ GRAPH ?g {{ ?p a <{KG.TextPiece}> ; <{NIF.beginIndex}> 100 ; ?x ?y }} }}")
    assert _stored_text(store, "short.txt") is None  # not a wrong text
    store.close()


def test_a_piece_breaking_its_shape_is_reported():
    from graph.rdf.validate import validate

    doc = Document("d.txt", HEAD + PARAGRAPH, "0", {}, [], {}, [])
    g = mapping.to_graph(doc, Graph())
    ok = validate(g)
    triples = mapping.text_pieces(URIRef("urn:d"), mapping._Mapper(doc).context, doc.text, size=50)
    for t in triples:
        if t[1] != NIF.anchorOf:
            g.add(t)
    conforms, lines = validate(g)
    assert ok[0] and not conforms and len(lines) == len(triples) // 5


def test_a_text_over_the_parsers_line_is_stored():
    """17 MB of text, whose one literal Oxigraph's N-Quads parser refused (a StoreError): stored, read back."""
    from graph.store.build import document_graph, graph_quads
    from graph.store.kgstore import KGStore

    text = (PARAGRAPH * (17 * 1024 * 1024 // len(PARAGRAPH) + 1))
    doc = Document("huge.txt", text, "0", {}, [], {}, [])
    graph = document_graph(doc)
    store = KGStore("memory")
    iri = str(mapping.doc_iri("huge.txt"))
    store.write_documents([(iri, graph_quads(graph, iri), False)])
    assert len(_pieces(store)) == 18
    assert _stored_text(store, "huge.txt") == text
    store.close()
