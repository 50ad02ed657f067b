"""A long document in a build (store/build.py): with several jobs, its pieces are read by every worker
(`PoolReader`); then, once linked, it is mapped slice by slice (`Slicer`): each slice of its triples handed as
N-Quads to a thread that writes it into the store (`Pipe`, store/staging.py: parts of one transaction each, whole
or not at all) and checked in a worker (`check_slice`) while this process maps the next, and dropped. A long
document relinked by a later change is mapped into a file on disk instead (`Spill`), written from it in parts.

Nothing here holds a spaCy `Doc`, an rdflib Graph or the triples of the whole document: what grows with the text is
its records, and, of its graph, the types of its nodes, its sentences' spans and its actors' names.
"""

from __future__ import annotations

import queue
import re
import tempfile
import threading
from collections import defaultdict, deque
from concurrent.futures import Future, wait
from typing import Callable, Iterable, Iterator, TextIO

from rdflib import RDF, SDO, Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral

from ..extract.analyse import PieceRead
from ..extract.chunks import CHUNK, Piece
from ..ids import doc_iri, key_of_iri
from ..rdf.mapping import ENTITY_CLASS, _Mapper
from ..rdf.namespaces import EVENT_CLASSES, KG, NIF
from ..rdf.fastcheck import TripleIndex
from ..rdf.validate import validate
from ..records import Document
from .link import TYPES


class Triples(dict):
    """A document's triples in the order they were mapped (keys; `add` and `in` as a Graph's): many times faster
    to fill than an rdflib Graph (a long document's, compared with the stored one when it may be relinked)."""

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


CHECK_SLICE = 40_000  # triples of a long document checked (and written) at once (`Slicer`)
_STARTS = {*ENTITY_CLASS.values(), *EVENT_CLASSES.values(), SDO.Event}  # the first triple of an entity or event
_SPAN = (NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext)
_ASKED = (NIF.Sentence, KG.SubjectArea)  # the types the mapping asks about (`in`) before adding a node again
_TYPE, _PHRASE, _SENTENCE, _SOURCE, _NAME, _CHECKSUM = (str(x) for x in (RDF.type, NIF.Phrase, NIF.Sentence,
                                                                         NIF.sourceUrl, SDO.name, KG.checksum))
_STARTS_S, _SPAN_S, _ASKED_S = ({str(x) for x in xs} for xs in (_STARTS, _SPAN, _ASKED))
_ACTORS_S = {str(x) for x in TYPES}
_NAMES_S = {str(SDO.name), str(SDO.alternateName)}


class _First(Exception):
    pass


class _Types(dict):
    """A sink for the mapping that keeps the type of each entity and event (the first triple of each) and stops."""

    def add(self, triple: tuple) -> None:
        if triple[1] == RDF.type:
            self.setdefault(triple[0], []).append(triple)
        raise _First

    def __contains__(self, triple) -> bool:
        return False


def node_types(doc: Document) -> dict:
    """The type triples of `doc`'s entities and events, without mapping the rest: what a slice's triples may
    point to before the slice that types it is mapped (an agreement to the event it was signed at, a post to
    its organisation)."""
    sink = _Types()
    mapper = _Mapper(doc, sink)
    for item, add in [*((e, mapper.entity) for e in doc.entities.values()), *((ev, mapper.event) for ev in doc.events)]:
        try:
            add(item)
        except _First:
            pass
    return sink


class Slicer:
    """A sink for the mapping (`document_graph(doc, host, Slicer(...))`) that never holds a long document's
    triples: they are cut into slices of about `size` where an entity or event begins (so that each holds whole
    ones, with their mentions, posts, participations and topic assignments), and each slice, once cut, goes to
    `out` as N-Triples lines and, with its context, to `check` (`check_slice`, in a worker), then is dropped. Its
    `kg:checksum` goes last (`close`): until that is written the graph is no document.

    A slice's context: the types of the nodes it points to (entities and events from `node_types`, the others
    typed in an earlier slice), the offsets and text of its sentences, and the document's name, which a
    violation's line quotes. Checked alone, the nodes a slice types itself (its focus nodes) give the lines the
    whole graph gives them (`rdf.validate.validate`, `focus`). What it keeps of the whole document: the types of
    its nodes but phrases, its sentences' spans, and its persons' and organisations' names (`actors`)."""

    def __init__(self, doc: Document, out: TextIO | "Pipe", check: Callable[[list, list], Future] | None = None,
                 size: int | None = None, in_flight: int = 4, end: str = " .\n"):
        self.out, self.check, self.size, self.in_flight = out, check, size or CHECK_SLICE, in_flight
        self.end = end  # after each line's object: " .\n" (N-Triples), or a graph's name and " .\n" (N-Quads)
        self.checks: list[Future] = []  # each slice's violations, coming
        self.base = str(doc_iri(doc.name))
        # keyed by plain strings (`iri[:]`): rdflib's terms compare in Python, and this sees every triple
        self.types: dict[str, list[tuple]] = {s[:]: t for s, t in node_types(doc).items()}
        self.asked: set[tuple[str, str]] = set()
        self.spans: dict[str, list[tuple]] = defaultdict(list)
        self.doc_name: list[tuple] = []
        self.names: dict[str, tuple] = {}  # person or organisation → (its IRI, its type, its names)
        self.part: list[tuple] = []
        self.last = ""
        self.count = 0

    def __contains__(self, triple) -> bool:  # the mapping asks whether a sentence or a subject area is typed
        return (triple[0][:], triple[2][:]) in self.asked

    def add(self, t: tuple) -> None:
        s, p, o = t
        p = p[:]
        if p == _TYPE:
            o = o[:]
            if o in _STARTS_S:
                if len(self.part) >= self.size:
                    self._cut()
            elif o != _PHRASE:
                self.types.setdefault(s[:], []).append(t)
                if o in _ASKED_S:
                    self.asked.add((s[:], o))
            if o in _ACTORS_S:
                self.names[s[:]] = (s, o, set())
        elif p in _SPAN_S:
            if (s[:], _SENTENCE) in self.asked:
                self.spans[s[:]].append(t)
        elif p == _SOURCE or (p == _NAME and s[:] == self.base):
            self.doc_name.append(t)
        if p in _NAMES_S and s[:] in self.names:
            self.names[s[:]][2].add(str(o))
        self.part.append(t)

    def _cut(self) -> None:
        part, self.part = self.part, []
        self.count += len(part)
        lines = []
        for line, t in zip(rows(part, self.end), part):
            if t[1][:] == _CHECKSUM and t[0][:] == self.base:
                self.last = line
            else:
                lines.append(line)
        self.out.write("".join(lines))
        if self.check is not None:
            self.checks.append(self.check(*self._slice(part)))
            waiting = [f for f in self.checks[-2 * self.in_flight:] if not f.done()]
            if len(waiting) > self.in_flight:  # a slice waiting for a worker is held here: wait for the oldest
                wait(waiting[:len(waiting) - self.in_flight])

    def _slice(self, part: list[tuple]) -> tuple[list[tuple], list[tuple]]:
        context = set(self.doc_name)
        own = set()
        for s, p, o in part:
            if p[:] == _TYPE:
                own.add(s[:])
                if o[:] == _SENTENCE:
                    context.update(self.spans.get(s[:], ()))
        for _, p, o in part:
            if isinstance(o, URIRef):
                o = o[:]
                if o not in own and p[:] != _TYPE:
                    context.update(self.types.get(o, ()))
                    context.update(self.spans.get(o, ()))
        return part, list(context)  # sent to a worker pickled: far cheaper than N-Triples to parse

    def close(self) -> int:
        """The last slice cut, the checksum written: the number of triples mapped."""
        if self.part:
            self._cut()
        self.out.write(self.last)
        return self.count

    def actors(self) -> list[tuple[str, str, set[str]]]:
        """`link.actors_of` of the document's graph."""
        out = []
        for cls, type_ in TYPES.items():
            for s, c, names in self.names.values():
                key = key_of_iri(s) if c == cls[:] else None
                if key is not None:
                    out.append((type_, key, set(names)))
        return out


def check_slice(part: list[tuple], context: list[tuple]) -> list[str]:
    """The SHACL violations of one slice of a long document's graph (`Slicer`): those of its own focus nodes (looked
    up in a `TripleIndex`: filling an rdflib Graph cost more than the check; pyshacl gets one where it is needed)."""
    rdf_type = RDF.type
    return validate(TripleIndex(part + context), focus={s for s, p, _ in part if p == rdf_type})[1]


class PoolReader:
    """A long document's pieces read across the worker processes (`extract.analyse.Reader`): sent in groups of
    about CHUNK characters, at most two groups per worker in flight, given back in the document's order. `read`:
    what a worker runs on a group (`extract.analyse.read_pieces` with its pipeline), given the name of a temporary
    file holding the document's normalised text (written once; a worker reads it once, `document_text`), which the
    pieces' roles need (`extract.analyse.piece_roles`)."""

    def __init__(self, pool, workers: int,
                 read: Callable[[list[Piece], re.Pattern | None, str | None], list[PieceRead]]):
        self.pool, self.workers, self.read = pool, workers, read

    def __call__(self, pieces: list[Piece], shorts, norm: str | None = None) -> Iterator[PieceRead]:
        if norm is None:
            yield from self._groups(pieces, shorts, None)
            return
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", suffix=".txt") as f:
            f.write(norm)
            f.flush()
            yield from self._groups(pieces, shorts, f.name)

    def _groups(self, pieces: list[Piece], shorts, path: str | None) -> Iterator[PieceRead]:
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
                pending.append(self.pool.submit(self.read, group, shorts, path))
                if len(pending) >= 2 * self.workers:
                    break
            while pending:
                got = pending.popleft().result()
                nxt = next(todo, None)
                if nxt is not None:
                    pending.append(self.pool.submit(self.read, nxt, shorts, path))
                yield from got
        finally:
            for fut in pending:
                fut.cancel()


_TEXT: list = []  # in a worker: the last document text read (`document_text`), as [path, text]


def document_text(path: str | None) -> str | None:
    """The text `PoolReader` wrote to `path`, read once per document in each worker; None where this worker cannot
    read it (a cluster's worker on another machine): the pieces' roles are then read by the analysis."""
    if path is None:
        return None
    if not _TEXT or _TEXT[0] != path:
        try:
            with open(path, encoding="utf-8", newline="") as f:
                _TEXT[:] = [path, f.read()]
        except OSError:
            return None
    return _TEXT[1]


class Spill:
    """A long document's graph as N-Triples lines in a temporary file, its `kg:checksum` last (`Slicer`): what the
    store writes in parts (`parts`), never held whole in memory."""

    def __init__(self):
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")
        self.triples = 0

    def parts(self, graph: str, size: int) -> Iterator[str]:
        """The lines as N-Quads in the named graph `graph`, in parts of about `size` characters; the last line
        (the checksum) alone in the last part."""
        name = f" <{graph}> .\n"
        self.file.flush()
        self.file.seek(0)
        part: list[str] = []
        length = 0
        last = None
        for line in self.file:
            if last is not None:
                part.append(last[:-3] + name)
                length += len(last)
                if length >= size:
                    yield "".join(part)
                    part, length = [], 0
            last = line
        if part:
            yield "".join(part)
        if last is not None:
            yield last[:-3] + name

    def close(self) -> None:
        self.file.close()


class _Aborted(Exception):
    pass


class Pipe:
    """A long document's N-Quads handed from the mapping (`write`, as a `Slicer`'s `out`: a slice at a time, the
    checksum alone last) to the thread that writes them into the store (`parts`, for `staging.write`), so that
    the store writes slice k while this process maps slice k+1. At most `depth` parts wait: what is held does not
    grow with the document. `close`: the whole graph was given; `abort`: it will not be (the writer stops)."""

    def __init__(self, depth: int = 2):
        self.queue: queue.Queue = queue.Queue(depth)
        self.failed = threading.Event()  # the writer stopped: the mapping must not wait for it

    def write(self, text: str) -> None:
        if text:
            self._put(text)

    def close(self) -> None:
        self._put(None)

    def abort(self) -> None:
        if not self.failed.is_set():
            self._put(_Aborted)

    def _put(self, item) -> None:
        while True:
            if self.failed.is_set():
                raise _Aborted("the store's writer stopped")
            try:
                self.queue.put(item, timeout=0.2)
                return
            except queue.Full:
                continue

    def parts(self) -> Iterator[str]:
        while True:
            item = self.queue.get()
            if item is None:
                return
            if item is _Aborted:
                raise _Aborted("the mapping stopped")
            yield item
