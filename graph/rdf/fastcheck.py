"""The SHACL shapes compiled once into plain Python, to tell quickly that a graph conforms.

pyshacl took 15-26 % of `kg build` (bench/README.md): most of a document's check is pyshacl's own machinery around a
few dictionary look-ups per node. `Compiled.conforms(graph)` evaluates the same constraints directly, with the
semantics pyshacl gives them (targets through rdfs:subClassOf in the data graph with the ontology lent to it,
value nodes as a set, pyshacl's datatype, comparison and pattern rules). It is one-sided: True means pyshacl finds
no violation; False means "maybe", and `validate` then runs pyshacl, whose verdict and lines are the answer. So a
graph the shapes reject is always rejected with pyshacl's own lines, and the verdicts are pyshacl's whatever this
module gets wrong on the side of caution (tests/test_fastcheck.py compares both on graphs broken on purpose).

Only the SHACL Core subset `ontology/shapes.ttl` uses is compiled: node shapes with sh:targetClass /
sh:targetSubjectsOf and sh:nodeKind; property shapes with an IRI path and sh:minCount, sh:maxCount, sh:datatype,
sh:class, sh:minInclusive, sh:maxInclusive, sh:nodeKind, sh:pattern (no flags), sh:or of datatypes, sh:message.
Shapes using anything else compile to None: every graph is then checked by pyshacl alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from pyshacl.constraints.core.string_based_constraints import StringBasedConstraintBase
from pyshacl.rdfutil.compare import compare_literal
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

_NODE_KEYS = {RDF.type, SH.targetClass, SH.targetSubjectsOf, SH.nodeKind, SH.property}
_PROP_KEYS = {SH.path, SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH.minInclusive, SH.maxInclusive,
              SH.nodeKind, SH.pattern, SH["or"], SH.message}
_KINDS = {SH.IRI: URIRef, SH.Literal: Literal}
# rdflib's namespace attributes are looked up anew at each use (`RDF.type`: 300,000 look-ups, 1.7 s of a 100k-word
# build's profile): taken once
_TYPE, _SUBCLASS = RDF.type, RDFS.subClassOf
# pyshacl's DatatypeConstraintComponent._assert_actual_datatype: the Python value a well-typed literal must have
_VALUE_TYPES = {XSD.string: (str, bytes), XSD.integer: int, XSD.float: float, XSD.decimal: Decimal,
                XSD.boolean: bool, XSD.date: date, XSD.time: time, XSD.dateTime: datetime}


class _Unsupported(Exception):
    pass


@dataclass
class _Prop:
    path: URIRef
    min_count: int = 0
    max_count: int | None = None
    datatypes: list = field(default_factory=list)
    classes: list = field(default_factory=list)
    min_incl: list = field(default_factory=list)
    max_incl: list = field(default_factory=list)
    kinds: list = field(default_factory=list)
    patterns: list = field(default_factory=list)
    ors: list = field(default_factory=list)  # each: the datatypes of its alternatives


@dataclass
class _Shape:
    classes: list
    subjects_of: list
    kinds: list
    props: list


def _one_int(shapes: Graph, node, key) -> int | None:
    vals = list(shapes.objects(node, key))
    if not vals:
        return None
    if len(vals) > 1 or not isinstance(vals[0], Literal) or not isinstance(vals[0].value, int):
        raise _Unsupported(key)
    return vals[0].value


def _prop(shapes: Graph, node, seen: set) -> _Prop:
    seen.add(node)
    keys = set(shapes.predicates(node))
    if not keys <= _PROP_KEYS:
        raise _Unsupported(keys - _PROP_KEYS)
    paths = list(shapes.objects(node, SH.path))
    if len(paths) != 1 or not isinstance(paths[0], URIRef):
        raise _Unsupported("path")
    p = _Prop(paths[0], _one_int(shapes, node, SH.minCount) or 0, _one_int(shapes, node, SH.maxCount))
    p.datatypes = list(shapes.objects(node, SH.datatype))
    if len(p.datatypes) > 1:
        raise _Unsupported("two datatypes")
    p.classes = list(shapes.objects(node, SH["class"]))
    p.min_incl = list(shapes.objects(node, SH.minInclusive))
    p.max_incl = list(shapes.objects(node, SH.maxInclusive))
    if not all(isinstance(m, Literal) for m in p.min_incl + p.max_incl):
        raise _Unsupported("range")
    p.kinds = [_KINDS[k] if k in _KINDS else _raise(k) for k in shapes.objects(node, SH.nodeKind)]
    for pat in shapes.objects(node, SH.pattern):
        if not isinstance(pat, Literal):
            raise _Unsupported("pattern")
        p.patterns.append(re.compile(str(pat.value) if pat.value is not None and len(pat.value) > 1 else str(pat)))
    for head in shapes.objects(node, SH["or"]):
        alts = []
        for lst in _list_nodes(shapes, head):
            seen.add(lst)
        for alt in Collection(shapes, head):
            seen.add(alt)
            dts = list(shapes.objects(alt, SH.datatype))
            if set(shapes.predicates(alt)) != {SH.datatype} or len(dts) != 1:
                raise _Unsupported("sh:or of other than one datatype each")
            alts.append(dts[0])
        p.ors.append(alts)
    return p


def _raise(what):
    raise _Unsupported(what)


def _list_nodes(shapes: Graph, head) -> list:
    out = []
    while head != RDF.nil:
        if set(shapes.predicates(head)) != {RDF.first, RDF.rest}:
            raise _Unsupported("list")
        out.append(head)
        head = shapes.value(head, RDF.rest)
    return out


def compile_shapes(shapes: Graph, ontology: Graph) -> "Compiled | None":
    """The shapes as a `Compiled` check, or None if they use anything this module does not model."""
    try:
        seen: set = set()
        out = []
        for node in set(shapes.subjects(RDF.type, SH.NodeShape)):
            seen.add(node)
            keys = set(shapes.predicates(node))
            if not keys <= _NODE_KEYS or set(shapes.objects(node, RDF.type)) != {SH.NodeShape}:
                raise _Unsupported(keys - _NODE_KEYS)
            out.append(_Shape(list(shapes.objects(node, SH.targetClass)),
                              list(shapes.objects(node, SH.targetSubjectsOf)),
                              [_KINDS[k] if k in _KINDS else _raise(k) for k in shapes.objects(node, SH.nodeKind)],
                              [_prop(shapes, p, seen) for p in shapes.objects(node, SH.property)]))
        if set(shapes.subjects()) - seen:  # a shape or a triple this module did not read
            return None
    except _Unsupported:
        return None
    return Compiled(out, ontology)


class Compiled:
    """`conforms(graph)`: True only if pyshacl would find no violation in `graph` with `ontology` lent to it."""

    def __init__(self, shapes: list[_Shape], ontology: Graph):
        self.shapes = shapes
        self.onto = ontology
        self.onto_types: dict = {}
        self.onto_objects: dict = {}
        for s, p, o in ontology:
            self.onto_objects.setdefault((s, p), set()).add(o)
            if p == _TYPE:
                self.onto_types.setdefault(o, set()).add(s)
        parents: dict = {}
        for s, o in ontology.subject_objects(_SUBCLASS):
            parents.setdefault(s, set()).add(o)
        # every class C → C and its subclasses (rdfs:subClassOf*, as pyshacl's transitive_subjects gives them)
        self.below: dict = {}
        self.above: dict = {}
        for c in set(parents) | {o for v in parents.values() for o in v}:
            up, todo = {c}, [c]
            while todo:
                for q in parents.get(todo.pop(), ()):
                    if q not in up:
                        up.add(q)
                        todo.append(q)
            self.above[c] = up
            for q in up:
                self.below.setdefault(q, {q}).add(c)

    def conforms(self, g: "Graph | TripleIndex", focus: set | None = None) -> bool:
        """`focus`: only these nodes are checked (a slice of a long document's graph, whose other nodes are there
        with their types only): True only if pyshacl would find no violation whose focus node is one of them."""
        if (None, _SUBCLASS, None) in g:  # a hierarchy of its own: left to pyshacl
            return False
        onto_obj, only = self.onto_objects, focus

        def values(node, path) -> set:
            vals = set(g.objects(node, path))
            more = onto_obj.get((node, path))
            return vals | more if more else vals

        def is_a(node, cls) -> bool:
            if isinstance(node, Literal):
                return False
            return any(cls in self.above.get(t, (t,)) for t in values(node, _TYPE))

        for shape in self.shapes:
            focus = set()
            for c in shape.classes:
                for sub in self.below.get(c, (c,)):
                    focus.update(g.subjects(_TYPE, sub))
                    focus.update(self.onto_types.get(sub, ()))
            for p in shape.subjects_of:
                focus.update(g.subjects(p, None))
                focus.update(s for (s, q) in onto_obj if q == p)
            if only is not None:
                focus &= only
            for node in focus:
                if any(not isinstance(node, k) for k in shape.kinds):
                    return False
                for prop in shape.props:
                    vals = values(node, prop.path)
                    if len(vals) < prop.min_count or (prop.max_count is not None and len(vals) > prop.max_count):
                        return False
                    for v in vals:
                        if not _value_ok(prop, v, is_a):
                            return False
        return True


class TripleIndex:
    """A document's triples (any iterable, e.g. store/longdoc.py's `Triples`) with the look-ups `Compiled` and
    `link.actors_of` make of a Graph: filling an rdflib Graph cost 3x the mapping's own work (bench/README.md).
    `graph()`: them in an rdflib Graph, for pyshacl."""

    def __init__(self, triples):
        self.triples = triples
        self._objects: dict = {}
        self._subjects: dict = {}
        for s, p, o in triples:
            self._objects.setdefault((s, p), []).append(o)
            self._subjects.setdefault((p, o if p == _TYPE else None), []).append(s)

    def objects(self, subject, predicate):
        return self._objects.get((subject, predicate), ())

    def subjects(self, predicate, obj):
        """Subjects of `predicate` with the object `obj` (rdf:type), or with any object (None, other predicates)."""
        if predicate == _TYPE and obj is None:
            return [s for (p, _), ss in self._subjects.items() if p == predicate for s in ss]
        if predicate != _TYPE and obj is not None:
            return [s for s in self._subjects.get((predicate, None), ()) if obj in self._objects[(s, predicate)]]
        return self._subjects.get((predicate, obj), ())

    def __contains__(self, triple) -> bool:
        s, p, o = triple
        if s is None or o is None:
            return any((s is None or s == t[0]) and p == t[1] and (o is None or o == t[2]) for t in self.triples)
        return o in self._objects.get((s, p), ())

    def __iter__(self):
        return iter(self.triples)

    def __len__(self) -> int:
        return len(self.triples)

    def graph(self) -> Graph:
        g = Graph()
        for t in self.triples:
            g.add(t)
        return g


def _value_ok(prop: _Prop, v, is_a) -> bool:
    if any(not isinstance(v, k) for k in prop.kinds):
        return False
    if any(not _datatype_ok(v, d) for d in prop.datatypes):
        return False
    if any(not any(_datatype_ok(v, d) for d in alts) for alts in prop.ors):
        return False
    if any(not is_a(v, c) for c in prop.classes):
        return False
    for m in prop.min_incl:
        if not _compares(v, m, lambda c: c >= 0):
            return False
    for m in prop.max_incl:
        if not _compares(v, m, lambda c: c <= 0):
            return False
    if prop.patterns:
        if isinstance(v, BNode):
            return False
        s = StringBasedConstraintBase.value_node_to_string(v)
        if not all(p.search(s) for p in prop.patterns):
            return False
    return True


def _datatype_ok(v, d) -> bool:
    """pyshacl's DatatypeConstraintComponent for the datatypes it knows; others only by the same IRI."""
    if not isinstance(v, Literal):
        return False
    if v.datatype == d:
        if getattr(v, "ill_typed", None) is True:
            return False
    elif not (v.datatype is None and v.language is None and d == XSD.string):
        return False  # rdfs:Literal, rdfs:Datatype, rdf:langString: not used by the shapes; left to pyshacl
    want = _VALUE_TYPES.get(d)
    return want is None or isinstance(v.value, want)


def _compares(v, m: Literal, ok) -> bool:
    """pyshacl's sh:minInclusive / sh:maxInclusive on one value node."""
    if not isinstance(v, Literal) or isinstance(v.value, str) != isinstance(m.value, str):
        return False
    try:
        return ok(compare_literal(v, m))
    except (TypeError, NotImplementedError):
        return False
