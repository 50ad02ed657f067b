"""The ontology file and the code agree: every term of `ontology/kg.ttl` is in `graph.rdf.namespaces.KG` and every
term of KG is defined in kg.ttl; the event classes are kg.ttl's subclasses of schema:Event; the queries and
shapes use only defined terms."""

import re
from pathlib import Path

import pytest
from rdflib import RDFS, Graph
from rdflib.namespace import SDO

from graph.rdf.namespaces import EVENT_CLASSES, KG, PREFIXES, event_classes_sparql

ROOT = Path(__file__).resolve().parent.parent
NS = str(KG._NS)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "kg.ttl", format="turtle")


def defined_terms(g: Graph) -> set[str]:
    return {str(s)[len(NS):] for s in g.subjects() if str(s).startswith(NS) and str(s) != NS}


def test_every_namespace_term_is_defined_in_the_ontology(ontology):
    missing = set(KG.__annotations__) - defined_terms(ontology)
    assert not missing, f"in graph/rdf/namespaces.py KG but not defined in ontology/kg.ttl: {sorted(missing)}"


def test_every_ontology_term_is_in_the_namespace(ontology):
    missing = defined_terms(ontology) - set(KG.__annotations__)
    assert not missing, f"defined in ontology/kg.ttl but missing from graph/rdf/namespaces.py KG: {sorted(missing)}"


def test_the_event_classes_are_the_ontologys_kinds_of_event(ontology):
    events = {str(c)[len(NS):] for c in ontology.transitive_subjects(RDFS.subClassOf, SDO.Event)
              if str(c).startswith(NS)}
    assert set(EVENT_CLASSES) == events
    assert all(str(EVENT_CLASSES[t]) == NS + t for t in EVENT_CLASSES)


def test_queries_and_shapes_use_only_defined_terms():
    used = set()
    for f in [*(ROOT / "graph" / "queries").glob("*.rq"), ROOT / "ontology" / "shapes.ttl"]:
        used |= set(re.findall(r"(?<![\w:])kg:([A-Za-z]\w*)", f.read_text(encoding="utf-8")))
    assert used - set(KG.__annotations__) == set()


def test_queries_name_the_event_classes_in_one_place():
    for f in (ROOT / "graph" / "queries").glob("*.rq"):
        assert "kg:Ceremony" not in f.read_text(encoding="utf-8"), f.name
    assert event_classes_sparql().split()[-1] == "schema:Event"
    assert PREFIXES["kg"] == NS
