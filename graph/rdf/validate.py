"""SHACL validation of a graph against `ontology/shapes.ttl`, with `ontology/kg.ttl` mixed in for the class
hierarchy (a schema:Person is a kg:Actor)."""

from __future__ import annotations

import functools
from importlib.resources import files

from pyshacl import validate as shacl_validate
from rdflib import Graph
from rdflib.namespace import PROV, SDO, SH

from .fastcheck import Compiled, TripleIndex, compile_shapes
from .namespaces import KG, NIF

ONTOLOGY = files("graph.ontology")  # the top-level `ontology/` folder, shipped in the wheel


@functools.lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """`ontology/kg.ttl`, parsed once (not to be changed by callers)."""
    g = Graph()
    g.parse(data=(ONTOLOGY / "kg.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


@functools.lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """`ontology/shapes.ttl`, parsed once (not to be changed by callers)."""
    g = Graph()
    g.parse(data=(ONTOLOGY / "shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


@functools.lru_cache(maxsize=1)
def compiled() -> Compiled | None:
    """The shapes compiled into a quick check (fastcheck.py), or None if they use what it does not model. Read
    afresh: pyshacl adds its own triples to the shapes graph it is given."""
    shapes = Graph()
    shapes.parse(data=(ONTOLOGY / "shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    return compile_shapes(shapes, ontology_graph())


def validate(data: Graph | TripleIndex, focus: set | None = None) -> tuple[bool, list[str]]:
    """(conforms, one line per violation: focus node, path, message, and the sentence the focus came from).
    `focus`: only the violations of these nodes (a slice of a long document's graph, checked with the types of
    the nodes it points to: store/build.py `slices`). `data` is the same graph afterwards.
    A graph the compiled check passes conforms (it passes only what pyshacl passes: fastcheck.py); any other is
    checked by pyshacl, whose verdict and lines are the answer. `data` may be a `TripleIndex` of a document's
    triples (no rdflib Graph is made unless pyshacl is needed)."""
    check = compiled()
    if check is not None and check.conforms(data, focus):
        return True, []
    return with_pyshacl(data.graph() if isinstance(data, TripleIndex) else data, focus)


def with_pyshacl(data: Graph, focus: set | None = None) -> tuple[bool, list[str]]:
    """`validate` by pyshacl alone."""
    # the class hierarchy and the participant-role individuals, lent to `data` for the check and taken back: no
    # copy of a large document's graph (pyshacl without inference does not change the graph it checks in place)
    lent = [t for t in ontology_graph() if t not in data]
    for t in lent:
        data.add(t)
    try:
        conforms, report, _ = shacl_validate(data, shacl_graph=shapes_graph(), inference="none", allow_warnings=True,
                                             inplace=True)
    finally:
        for t in lent:
            data.remove(t)
    lines = []
    for res in report.subjects(predicate=None, object=SH.ValidationResult):
        node = report.value(res, SH.focusNode)
        if focus is not None and node not in focus:
            continue
        path = report.value(res, SH.resultPath)
        msg = report.value(res, SH.resultMessage)
        lines.append(f"{node} {path or ''}: {msg}{_source(data, node)}")
    return (bool(conforms) if focus is None else not lines), sorted(lines)


def _source(data: Graph, focus) -> str:
    """' in DOC: "sentence"' for a focus node that points to the sentence it came from (or whose event does)."""
    sentence = data.value(focus, PROV.wasDerivedFrom)
    if sentence is None:
        event = data.value(None, KG.participation, focus) or data.value(None, KG.topicAssignment, focus)
        sentence = data.value(event, PROV.wasDerivedFrom) if event is not None else None
    if sentence is None:
        return ""
    anchor = " ".join(str(data.value(sentence, NIF.anchorOf) or "").split())[:160]
    doc = data.value(data.value(sentence, NIF.referenceContext), NIF.sourceUrl)
    name = data.value(doc, SDO.name) if doc is not None else None
    return f' (in {name or doc}: "{anchor}")'

