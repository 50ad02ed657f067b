"""A long document in a build (store/build.py): with several jobs, its pieces are read by every worker
(`PoolReader`), its triples mapped in order into a plain dict (`Triples`: an rdflib Graph costs three times as much
to fill) and checked in slices across the workers while this process links and writes it (`slices`,
`check_slice`), and it is written in parts of one transaction each, its checksum last (`split_quads`).

Nothing here holds a spaCy `Doc` or an rdflib Graph of the whole document: what grows with the text is its records,
its triples and their N-Quads.
"""

from __future__ import annotations

import re
from collections import defaultdict, deque
from typing import Callable, Iterable, Iterator

from rdflib import RDF, SDO, Graph, Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral

from ..extract.analyse import PieceRead
from ..extract.chunks import CHUNK, Piece
from ..rdf.mapping import ENTITY_CLASS
from ..rdf.namespaces import EVENT_CLASSES, KG, NIF
from ..rdf.validate import validate
from .link import actors_of


class Triples(dict):
    """A document's triples in the order they were mapped (keys; `add` and `in` as a Graph's): many times faster
    to fill than an rdflib Graph, and cut into slices that each hold whole entities and events (`slices`)."""

    def add(self, triple: tuple) -> None:
        self[triple] = None


def rows(triples: Iterable[tuple], end: str = " .\n") -> Iterator[str]:
    """N-Triples lines (`end` after the object), as rdflib writes them, each IRI written once."""
    known: dict = {}
    for s, p, o in triples:
        if isinstance(o, Literal):
            obj = _quoteLiteral(o)
        else:
            obj = known.get(o) or known.setdefault(o, o.n3())
        yield f"{known.get(s) or known.setdefault(s, s.n3())} {known.get(p) or known.setdefault(p, p.n3())} {obj}{end}"


def triples_actors(triples: Iterable[tuple]) -> list[tuple[str, str, set[str]]]:
    """`link.actors_of` for triples."""
    actors = {s for s, p, o in triples if p == RDF.type and o in (SDO.Person, SDO.Organization)}
    graph = Graph()
    for t in triples:
        if t[0] in actors:
            graph.add(t)
    return actors_of(graph)


CHECK_SLICE = 40_000  # triples of a long document checked at once (`slices`)
_STARTS = {*ENTITY_CLASS.values(), *EVENT_CLASSES.values(), SDO.Event}  # the first triple of an entity or event
_SPAN = (NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext)


def slices(triples: Triples, size: int | None = None) -> Iterator[tuple[list[tuple], list[tuple]]]:
    """A long document's triples in slices of about `size`, cut where an entity or event begins (so that each
    holds whole ones, with their mentions, posts, participations and topic assignments), each with its context: the types of the nodes it points to, and the sentences' text and the document's name that a
    violation's line quotes. Checked alone, the nodes a slice types itself (its focus nodes) give the lines the
    whole graph gives them (`rdf.validate.validate`, `focus`)."""
    size = size or CHECK_SLICE
    types: dict = defaultdict(list)
    spans: dict = defaultdict(list)  # a sentence's (or phrase's) offsets, text and context
    doc_name: list[tuple] = []  # the context's document, and its name
    for t in triples:
        if t[1] == RDF.type:
            types[t[0]].append(t)
        elif t[1] in _SPAN:
            spans[t[0]].append(t)
        elif t[1] == NIF.sourceUrl:
            doc_name.append(t)
    docs = {t[2] for t in doc_name}
    doc_name += [t for t in triples if t[1] == SDO.name and t[0] in docs]
    part: list[tuple] = []
    for t in triples:
        if len(part) >= size and t[1] == RDF.type and t[2] in _STARTS:
            yield _slice(part, types, spans, doc_name)
            part = []
        part.append(t)
    if part:
        yield _slice(part, types, spans, doc_name)


def _slice(part: list[tuple], types: dict, spans: dict, doc_name: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    context = set(doc_name)
    own = set()
    for s, p, o in part:
        if p == RDF.type:
            own.add(s)
            if o == NIF.Sentence:  # a sentence first named as a mention's phrase has its offsets and text there
                context.update(spans.get(s, ()))
    for _, p, o in part:
        if isinstance(o, URIRef) and o not in own and p != RDF.type:
            context.update(types.get(o, ()))
            context.update(spans.get(o, ()))
    return part, list(context)  # sent to a worker pickled: far cheaper than N-Triples to parse


def check_slice(part: list[tuple], context: list[tuple]) -> list[str]:
    """The SHACL violations of one slice of a long document's graph (`slices`): those of its own focus nodes."""
    graph = Graph()
    for t in part:
        graph.add(t)
    for t in context:
        graph.add(t)
    return validate(graph, focus={s for s, p, _ in part if p == RDF.type})[1]


class PoolReader:
    """A long document's pieces read across the worker processes (`extract.analyse.Reader`): sent in groups of
    about CHUNK characters, at most two groups per worker in flight, given back in the document's order. `read`:
    what a worker runs on a group (`extract.analyse.read_pieces` with its pipeline)."""

    def __init__(self, pool, workers: int, read: Callable[[list[Piece], re.Pattern | None], list[PieceRead]]):
        self.pool, self.workers, self.read = pool, workers, read

    def __call__(self, pieces: list[Piece], shorts) -> Iterator[PieceRead]:
        groups: list[list[Piece]] = [[]]
        size = 0
        for p in pieces:
            if groups[-1] and size + len(p.text) > CHUNK:
                groups.append([])
                size = 0
            groups[-1].append(p)
            size += len(p.text)
        pending: deque = deque()
        todo = iter(groups)
        try:
            for group in todo:
                pending.append(self.pool.submit(self.read, group, shorts))
                if len(pending) >= 2 * self.workers:
                    break
            while pending:
                got = pending.popleft().result()
                nxt = next(todo, None)
                if nxt is not None:
                    pending.append(self.pool.submit(self.read, nxt, shorts))
                yield from got
        finally:
            for fut in pending:
                fut.cancel()


def split_quads(iri: str, quads: str, size: int) -> Iterator[str]:
    """A document's N-Quads (`graph_quads`) in parts of about `size` characters cut at line ends, its
    `kg:checksum` in the last: until that is written the graph is no document (`KGStore.documents`)."""
    key = f"<{iri}> <{KG.checksum}> "
    at = quads.find(key) if quads.startswith(key) else quads.find("\n" + key) + 1
    last = quads[at:quads.index("\n", at) + 1] if at > 0 or quads.startswith(key) else ""
    start = 0
    while start < len(quads):
        end = quads.find("\n", min(start + size, len(quads) - 1)) + 1 or len(quads)
        part = quads[start:at] + quads[at + len(last):end] if last and start <= at < end else quads[start:end]
        start = end
        if start >= len(quads):
            part += last
        if part:
            yield part
