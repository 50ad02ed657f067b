"""The compiled SHACL check (graph/rdf/fastcheck.py) passes only graphs pyshacl passes, and passes the graphs the
product writes (else it would save nothing)."""

import copy
import random
from decimal import Decimal

import pytest
import rdflib.namespace as ns
from rdflib import RDF, BNode, Graph, Literal, URIRef

from graph.rdf import validate as V
from graph.rdf.fastcheck import TripleIndex, compile_shapes
from graph.rdf.namespaces import KG, NIF

from .conftest import ROOT


@pytest.fixture(scope="module")
def graphs(blank_nlp):
    from graph.extract.analyse import analyse
    from graph.store.build import document_graph
    from graph.store.link import link_alone

    out = []
    for path in sorted((ROOT / "tests" / "corpus").glob("*.txt"))[:4]:
        doc = analyse(path.name, path.read_text(encoding="utf-8"), blank_nlp)
        out.append(document_graph(link_alone(copy.deepcopy(doc))))
    return out


def test_the_shapes_compile_and_the_written_graphs_pass(graphs):
    check = V.compiled()
    assert check is not None
    for g in graphs:
        assert check.conforms(g)
        assert V.with_pyshacl(g)[0]


def _mutations(g: Graph, rng: random.Random):
    """Graphs broken (or not) in the ways a mapping bug could: a triple dropped, a value retyped or out of range, a
    second value, a node typed as something else, a blank node where an IRI belongs."""
    triples = sorted(g, key=str)
    bad_values = [Literal(7), Literal(-1), Literal("abc"), Literal(Decimal("1.5")), Literal(2.5), Literal("2024-13-45",
                  datatype=ns.XSD.date), Literal("2024", datatype=ns.XSD.gYear), Literal("x", lang="en"),
                  URIRef("https://example.org/x"), BNode(), Literal(3, datatype=ns.XSD.nonNegativeInteger),
                  Literal("0.5", datatype=ns.XSD.decimal), Literal(True)]
    classes = [ns.SDO.Person, KG.Meeting, NIF.Sentence, KG.Participation, KG.TopicAssignment, ns.SDO.Place,
               KG.ParticipantRole, URIRef("https://example.org/Other")]
    for _ in range(60):
        h = Graph()
        for t in g:
            h.add(t)
        s, p, o = rng.choice(triples)
        kind = rng.randrange(6)
        if kind == 0:
            h.remove((s, p, o))
        elif kind == 1:
            h.set((s, p, rng.choice(bad_values)))
        elif kind == 2:
            h.add((s, p, rng.choice(bad_values)))
        elif kind == 3:
            h.remove((s, RDF.type, None))
            h.add((s, RDF.type, rng.choice(classes)))
        elif kind == 4:
            b = BNode()
            for p2, o2 in list(h.predicate_objects(s)):
                h.add((b, p2, o2))
        else:
            h.add((URIRef("https://example.org/n"), RDF.type, rng.choice(classes)))
        yield h


def test_it_passes_only_what_pyshacl_passes(graphs):
    rng = random.Random(17)
    check = V.compiled()
    rejected = passed = 0
    for g in graphs[:2]:
        for h in _mutations(g, rng):
            truth = V.with_pyshacl(h)[0]
            fast = check.conforms(h)
            assert check.conforms(TripleIndex(list(h))) == fast  # the index of triples build.prepare checks
            assert not (fast and not truth), sorted(set(h) ^ set(g), key=str)
            rejected += not truth
            passed += fast
    assert rejected > 30 and passed > 5  # both kinds were tried


def test_a_broken_graph_is_reported_by_pyshacl_with_its_lines(graphs):
    g = Graph()
    for t in graphs[0]:
        g.add(t)
    sentence = sorted(g.subjects(RDF.type, NIF.Sentence))[0]
    g.set((sentence, NIF.beginIndex, Literal(-3)))
    assert V.validate(g) == V.with_pyshacl(g)
    assert not V.validate(g)[0] and V.validate(g)[1]


def test_shapes_beyond_the_compiled_subset_are_left_to_pyshacl():
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
        ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minLength 3 ] .""",
                           format="turtle")
    assert compile_shapes(shapes, Graph()) is None
    V.compiled.cache_clear()
    assert V.compiled() is not None  # after pyshacl has run (it adds triples to the shapes graph it is given)


def test_the_index_of_triples_answers_as_the_graph(graphs):
    """build.prepare maps a document into a dict of triples and looks them up through a TripleIndex: the same
    actors (link.actors_of), the same verdict and lines as from the Graph."""
    from graph.store.link import actors_of

    for g in graphs:
        index = TripleIndex(list(g))
        assert sorted(actors_of(index)) == sorted(actors_of(g))
        assert V.validate(index) == V.validate(g) == (True, [])
    broken = list(graphs[0]) + [(URIRef("https://example.org/p"), RDF.type, ns.SDO.Person)]  # no name, no label
    assert V.validate(TripleIndex(broken)) == V.validate(Graph().__iadd__(broken))
    assert not V.validate(TripleIndex(broken))[0]


def _slice(h: Graph, focus: set) -> Graph:
    """What a long document's slice holds (store/longdoc.py): its focus nodes' triples, and the types of the nodes
    they point to."""
    out = Graph()
    for s, p, o in h:
        if s in focus:
            out.add((s, p, o))
            for c in h.objects(o, RDF.type):
                out.add((o, RDF.type, c))
    return out


def test_a_slice_is_checked_on_its_focus_nodes_only(graphs):
    """The nodes a slice only points to carry their types alone, which their shapes reject: the compiled check of
    the slice's own nodes passes only where pyshacl finds none of theirs at fault."""
    rng = random.Random(5)
    check = V.compiled()
    passed = rejected = 0
    for g in graphs[:2]:
        typed = sorted(set(g.subjects(RDF.type, None)), key=str)
        focus = set(rng.sample(typed, 2 * len(typed) // 3))
        whole = _slice(g, focus)
        assert not check.conforms(whole) and check.conforms(whole, focus)  # what the focus saves
        assert V.validate(whole, focus) == V.with_pyshacl(whole, focus) == (True, [])
        for h in _mutations(g, rng):
            part = _slice(h, focus)
            fast = check.conforms(part, focus)
            truth = V.with_pyshacl(part, focus)
            assert not (fast and not truth[0]), truth[1]
            assert V.validate(part, focus) == (truth if not fast else (True, []))
            passed += fast
            rejected += not truth[0]
    assert passed > 10 and rejected > 5
