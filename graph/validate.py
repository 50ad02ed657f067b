"""SHACL validation of a graph against `ontology/shapes.ttl`, with `ontology/kg.ttl` mixed in for the class
hierarchy (a schema:Person is a kg:Actor)."""

from __future__ import annotations

from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph, Namespace

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"
SH = Namespace("http://www.w3.org/ns/shacl#")


def ontology_graph() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY / "kg.ttl")
    return g


def shapes_graph() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY / "shapes.ttl")
    return g


def validate(data: Graph) -> tuple[bool, list[str]]:
    """(conforms, one line per violation: focus node, path, message)."""
    merged = Graph()
    for t in data:
        merged.add(t)
    for t in ontology_graph():  # class hierarchy and the participant-role individuals
        merged.add(t)
    conforms, report, _ = shacl_validate(merged, shacl_graph=shapes_graph(), inference="none", allow_warnings=True)
    lines = []
    for res in report.subjects(predicate=None, object=SH.ValidationResult):
        focus = report.value(res, SH.focusNode)
        path = report.value(res, SH.resultPath)
        msg = report.value(res, SH.resultMessage)
        lines.append(f"{focus} {path or ''}: {msg}")
    return bool(conforms), sorted(lines)
