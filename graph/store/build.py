"""Files → store, as a corpus that grows: each document is one named graph (its facts and its metadata: file name,
title, date, source URL, given host, SHA-256), so that

- re-ingesting an unchanged document (same text, same metadata) is a no-op;
- a changed document replaces its old facts in one transaction;
- `remove` takes a document out, and entities it shared with others stay (they are in the others' graphs too).

The store always equals a fresh build of the same documents. Cross-document linking (`link.link_to_store`: a person
already stored keeps its IRI when another document names it, one meeting told twice is one event) depends on what
is already stored, so documents are processed in one canonical order, by IRI, and each is linked against the
documents before it only (`KGStore.view`). After an insertion, change or removal, the later documents it may
relink — those naming a person or organisation that matches one of its own (`link.KnownActors.match`), or with an
event on one of its days — are analysed again from their stored text and rewritten if their graph changed. Once
every stored document comes before the one being linked (a corpus that grows by appending), one index of the known
actors serves the rest of the run, each written document adding its own.

Each document's own work (analysis, its triples, the SHACL check: `prepare`) runs in `--jobs` processes, each with
its own spaCy pipeline; linking and writing stay in order, in this process, which maps a document again only when
linking changed it, and writes documents in batches, one transaction each. A file that cannot be read or analysed is
reported and skipped; the others go on.
"""

from __future__ import annotations

import copy
import json
import os
import sys
import time
from collections import defaultdict, deque
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from rdflib import RDF, SDO, Graph, Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral

from ..text.inputs import collect as walk
from ..text.inputs import decode
from .link import KnownActors, actors_of, link, link_alone
from ..ids import doc_iri
from ..rdf.mapping import ENTITY_CLASS, to_graph
from ..rdf.validate import validate
from ..rdf.namespaces import EVENT_CLASSES, KG, NIF
from ..extract.analyse import PieceRead, Reader, analyse, checksum, read_pieces
from ..extract.chunks import CHUNK, WHOLE_BATCH, Piece
from ..records import Document, Entity
from .kgstore import DocInfo, KGStore

MAX_BYTES = 64 * 1024 * 1024


class InputError(ValueError):
    """A file that is not a readable text: a one-line reason."""


@dataclass
class BuildReport:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    words: int = 0
    removed: list[str] = field(default_factory=list)
    relinked: list[str] = field(default_factory=list)  # unchanged documents rewritten because another one changed
    violations: list[tuple[str, str]] = field(default_factory=list)  # (document, SHACL violation with its sentence)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (file, what was odd in its bytes)


@dataclass
class Source:
    """A document to (re)analyse: its file name, text and metadata."""

    name: str
    text: str
    meta: dict
    host: str | None = None
    path: str = ""

    @property
    def iri(self) -> str:
        return str(doc_iri(self.name))

    def identity(self) -> dict:
        """What makes two ingestions of a document the same: text and metadata."""
        return {"checksum": checksum(self.text), "host": self.host or None,
                **{k: self.meta.get(k) or None for k in ("date", "title", "url")}}


def _stored_identity(info: DocInfo) -> dict:
    meta = info.meta()
    return {"checksum": info.checksum, "host": info.host or None,
            **{k: meta.get(k) or None for k in ("date", "title", "url")}}


def collect(paths: Iterable[str | Path], follow_links: bool = False) -> tuple[list[Path], list[tuple[str, str]]]:
    """Text files named directly, and the `.txt` files under named folders (`inputs.collect`)."""
    return walk(paths, follow_links)


def read_text(path: Path, warn: Callable[[str], None] | None = None) -> str:
    """The text of `path`, its encoding found per file and line (`inputs.decode`); `warn` gets a line for each
    problem (mixed encodings, undecodable bytes, control characters removed); binary files refused."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from exc
    try:
        text = decode(raw, warn or (lambda msg: None))
    except ValueError as exc:
        raise InputError(str(exc)) from None
    if not text.strip():
        raise InputError("empty file")
    return text


def read_meta(path: Path) -> dict:
    """Metadata from a sidecar `NAME.meta.json` beside `NAME.txt` (keys: date, title, url, host), if any."""
    side = path.with_suffix(".meta.json")
    if not side.exists():
        return {}
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"unreadable metadata {side.name}: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(f"metadata {side.name} is not a JSON object")
    return {k: str(v) for k, v in data.items() if k in ("date", "title", "url", "host") and v}


# ---------------------------------------------------------------------------------------------------- progress

LONG_DOCUMENT = 20_000  # words: a document this long shows its progress inside the bar


class ProgressBar:
    """One line on a terminal: documents done, documents and words per second, the current document."""

    def __init__(self, total: int, out: TextIO, width: int = 24):
        self.total, self.out, self.width = total, out, width
        self.done = self.words = 0
        self.start = time.monotonic()
        self._last = 0.0
        self._doc, self._doc_start, self._doc_words = "", self.start, 0  # the long document analysed, since when

    def update(self, name: str, words: int) -> None:
        self.done += 1
        self.words += words
        now = time.monotonic()
        if now - self._last >= 0.1 or self.done == self.total:
            self._last = now
            self._draw(name, now)

    def inside(self, name: str, done: int, total: int) -> None:
        """Words done of the document being analysed (`total` in all): drawn for a long document only."""
        if total < LONG_DOCUMENT:
            return
        now = time.monotonic()
        if now - self._last < 0.5 and done < total:
            return
        self._last = now
        if self._doc != name:  # the rate counts from the first piece read
            self._doc, self._doc_start, self._doc_words = name, now, done
        elapsed = now - self._doc_start
        rate = (done - self._doc_words) / elapsed if elapsed > 0 else 0.0
        eta = f"ETA {int((total - done) / rate) // 60}:{int((total - done) / rate) % 60:02d}" if rate else "ETA –"
        line = f"\r{self.done}/{self.total} docs  {name[:40]}: {done:,}/{total:,} words  {rate:,.0f} words/s  {eta}"
        self.out.write(line.ljust(110)[:130])
        self.out.flush()

    def _draw(self, name: str, now: float) -> None:
        elapsed = max(now - self.start, 1e-6)
        filled = int(self.width * self.done / max(self.total, 1))
        line = (f"\r[{'#' * filled}{'-' * (self.width - filled)}] {self.done}/{self.total} docs  "
                f"{self.done / elapsed:.1f} docs/s  {self.words / elapsed:,.0f} words/s  {name[:40]}")
        self.out.write(line.ljust(110)[:130])
        self.out.flush()

    def close(self) -> None:
        if self.total:
            self.out.write("\n")
            self.out.flush()


# ---------------------------------------------------------------------------------------------------- analysis

@dataclass
class Prepared:
    """A document's own work, done where it was analysed (a worker): the document as analysed (for linking), and
    its graph as linked against an empty store — what the store writes unless linking changes the document."""

    doc: Document
    quads: str  # the graph, as N-Quads in the document's named graph
    actors: list[tuple[str, str, set[str]]]  # its persons and organisations (`link.actors_of`)
    days: set[str]  # its events' days
    violations: list[str] | list[Future]  # SHACL violations of the graph (`check`); or those of its slices, coming

    def violation_lines(self) -> list[str]:
        if not self.violations or not isinstance(self.violations[0], Future):
            return self.violations
        lines: set[str] = set()
        for fut in self.violations:
            try:
                lines.update(fut.result())
            except Exception as exc:  # the check failed, not the document
                lines.add(f"not checked: {type(exc).__name__}: {exc}")
        return sorted(lines)


class Triples(dict):
    """A document's triples in the order they were mapped (keys; `add` and `in` as a Graph's): many times faster
    to fill than an rdflib Graph, and cut into slices that each hold whole entities and events (`slices`)."""

    def add(self, triple: tuple) -> None:
        self[triple] = None


def graph_quads(graph: Graph | Iterable[tuple], iri: str) -> str:
    """`graph` (or triples) as N-Quads in the named graph `iri`: each line as rdflib writes N-Triples."""
    name = f" <{iri}> .\n"
    if isinstance(graph, Graph):
        return "".join(line[:-2] + name for line in graph.serialize(format="nt").splitlines() if line)
    return "".join(_rows(graph, name))


def _rows(triples: Iterable[tuple], end: str = " .\n") -> Iterator[str]:
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


def prepare(src: Source, nlp, check: bool = True, progress: Callable[[int, int], None] | None = None,
            reader: Reader | None = None, checker: Callable[[str, str, str], Future] | None = None) -> Prepared:
    """Analyse `src` (a long document's words done to `progress`; its pieces read by `reader` if given) and do
    the rest of its own work: map it to triples (linked to nothing yet), check them (here, or in slices by
    `checker`, given each slice, its context and the graph's IRI, while this process goes on: `slices`)."""
    doc = analyse(src.name, src.text, nlp, host=src.host, meta=dict(src.meta), progress=progress, reader=reader)
    days = {ev.start for ev in doc.events if ev.start}
    if checker is not None:  # a long document: its triples in order, never an rdflib Graph in this process
        triples = document_graph(link_alone(copy.deepcopy(doc)), src.host, Triples())
        checks = [checker(part, context, src.iri) for part, context in slices(triples)] if check else []
        return Prepared(doc, graph_quads(triples, src.iri), triples_actors(triples), days, checks)
    graph = document_graph(link_alone(copy.deepcopy(doc)), src.host)
    violations = validate(graph)[1] if check else []
    return Prepared(doc, graph_quads(graph, src.iri), actors_of(graph), days, violations)


_WORKER_NLP = None
_WORKER_ERROR: Exception | None = None


def _init_worker(model: str | None) -> None:
    global _WORKER_NLP, _WORKER_ERROR
    from ..nlp.model import make_nlp

    try:
        _WORKER_NLP = make_nlp(model)
    except Exception as exc:  # reported with the first document, in the parent
        _WORKER_ERROR = exc


def _prepare_in_worker(src: Source, check: bool) -> Prepared:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    return prepare(src, _WORKER_NLP, check)


def _read_in_worker(pieces: list[Piece], shorts) -> list[PieceRead]:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    return list(read_pieces(pieces, _WORKER_NLP, shorts, portable=True))


CHECK_SLICE = 40_000  # triples of a long document checked at once (`slices`)
_STARTS = {*ENTITY_CLASS.values(), *EVENT_CLASSES.values(), SDO.Event}  # the first triple of an entity or event
_SPAN = (NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext)


def slices(triples: Triples, size: int | None = None) -> Iterator[tuple[str, str]]:
    """A long document's triples in slices of about `size`, cut where an entity or event begins (so that each
    holds whole ones, with their mentions, posts, participations and topic assignments), as N-Triples, each with
    its context: the types of the nodes it points to, and the sentences' text and the document's name that a
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


def _slice(part: list[tuple], types: dict, spans: dict, doc_name: list[tuple]) -> tuple[str, str]:
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
    return "".join(_rows(part)), "".join(_rows(context))


def _validate_in_worker(part: str, context: str, iri: str) -> list[str]:
    """The SHACL violations of one slice of a long document's graph (`slices`): those of its own focus nodes."""
    graph = Graph()
    graph.parse(data=part, format="nt")
    own = set(graph.subjects(RDF.type, None))
    graph.parse(data=context, format="nt")
    return validate(graph, focus=own)[1]


SPLIT = WHOLE_BATCH  # characters: with several jobs, a document longer than this has its pieces read by all of them


class _PoolReader:
    """A long document's pieces read across the worker processes (`extract.analyse.Reader`): sent in groups of
    about CHUNK characters, at most two groups per worker in flight, given back in the document's order."""

    def __init__(self, pool, workers: int):
        self.pool, self.workers = pool, workers

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
                pending.append(self.pool.submit(_read_in_worker, group, shorts))
                if len(pending) >= 2 * self.workers:
                    break
            while pending:
                got = pending.popleft().result()
                nxt = next(todo, None)
                if nxt is not None:
                    pending.append(self.pool.submit(_read_in_worker, nxt, shorts))
                yield from got
        finally:
            for fut in pending:
                fut.cancel()


class _Analyser:
    """Prepares sources in order (`prepare`), here or in `jobs` processes (at most 4 documents per process in
    flight); `pool(workers)`: other workers than this machine's processes (a Dask cluster's: cluster.py)."""

    def __init__(self, model: str | None, jobs: int, nlp=None, check: bool = True, bar: ProgressBar | None = None,
                 pool: Callable[[int], Executor] | None = None):
        self.model, self.jobs, self._nlp, self.check, self.bar = model, max(1, jobs), nlp, check, bar
        self.pool = pool

    def nlp(self):
        if self._nlp is None:
            from ..nlp.model import make_nlp

            self._nlp = make_nlp(self.model)
        return self._nlp

    def _inside(self, src: Source) -> Callable[[int, int], None] | None:
        """Where a long document's progress (words done) goes: the bar, if there is one."""
        return (lambda done, total: self.bar.inside(src.name, done, total)) if self.bar else None

    def one(self, src: Source) -> Document:
        """`src` analysed here."""
        return analyse(src.name, src.text, self.nlp(), host=src.host, meta=dict(src.meta), progress=self._inside(src))

    def _split(self, src: Source) -> bool:
        """Whether `src`'s pieces are read by all the workers (the rest of its work done here)."""
        return self.jobs > 1 and len(src.text) > SPLIT

    def many(self, sources: list[Source]) -> Iterator[tuple[Source, Prepared | Exception]]:
        """Each source prepared, in order: a long one (`_split`) here, its pieces read across the workers; the
        others each in a worker."""
        if self.jobs == 1 or (len(sources) < 2 and not any(self._split(s) for s in sources)):
            for src in sources:
                yield src, self._guard(lambda s: prepare(s, self.nlp(), self.check, self._inside(s)), src)
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from ..nlp.model import ModelNotFound

        workers = self.jobs if any(self._split(s) for s in sources) else min(self.jobs, len(sources))
        pool = self.pool(workers) if self.pool else ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker, initargs=(self.model,))
        reader = _PoolReader(pool, workers)

        def submit(src: Source):
            return None if self._split(src) else pool.submit(_prepare_in_worker, src, self.check)

        try:
            pending: deque = deque()
            queue = iter(sources)
            for src in queue:
                pending.append((src, submit(src)))
                if len(pending) >= 4 * workers:
                    break
            while pending:
                src, fut = pending.popleft()
                if fut is None:  # checked in a worker while this process links and writes it
                    result = self._guard(lambda s: prepare(s, None, self.check, self._inside(s), reader,
                                                           partial(pool.submit, _validate_in_worker)), src)
                else:
                    try:
                        result = fut.result()
                    except ModelNotFound:
                        raise
                    except Exception as exc:
                        result = exc
                nxt = next(queue, None)
                if nxt is not None:
                    pending.append((nxt, submit(nxt)))
                yield src, result
        finally:  # stopped early (an error, Ctrl-C): drop what has not started
            pool.shutdown(wait=True, cancel_futures=True)

    @staticmethod
    def _guard(fn, src):
        from ..nlp.model import ModelNotFound

        try:
            return fn(src)
        except ModelNotFound:
            raise
        except Exception as exc:
            return exc


# ---------------------------------------------------------------------------------------------------- linking

@dataclass
class _Summary:
    """What of a document's graph can change how a later document is linked: its actors' names and event days."""

    actors: list[tuple[str, set[str]]] = field(default_factory=list)
    days: set[str] = field(default_factory=set)

    def may_relink(self, other: "_Summary") -> bool:
        """Whether a change to the document summarised by `other` may change how this one is linked."""
        if self.days & other.days:
            return True
        for i, (typ, names) in enumerate(other.actors):
            known = KnownActors()
            known.add(typ, f"x/{i}", names)
            for t, mine in self.actors:
                if t == typ:
                    label = min(mine)
                    probe = Entity(key="probe", type=t, label=label, aliases=set(mine) - {label})
                    if known.match(probe):
                        return True
        return False


def _summaries(store: KGStore) -> dict[str, _Summary]:
    out: dict[str, _Summary] = defaultdict(_Summary)
    actors: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r in store.named("graph_actors"):
        actors[(str(r.g), str(r.entity), str(r.type))].add(str(r.name))
    for (g, _, typ), names in actors.items():
        out[g].actors.append((typ, names))
    for r in store.named("graph_event_dates"):
        out[str(r.g)].days.add(str(r.date))
    return out


def _summary_of(graph: Graph) -> _Summary:
    tmp = KGStore("memory")
    try:
        tmp.replace_graph(URIRef("urn:x-kg:summary"), graph)
        return _summaries(tmp).get("urn:x-kg:summary", _Summary())
    finally:
        tmp.close()


def document_graph(doc: Document, host: str | None = None, graph: Triples | None = None) -> Graph | Triples:
    """The named graph of `doc`: its facts and its metadata (in a new Graph, or added to `graph`)."""
    g = to_graph(doc, graph)
    iri = doc_iri(doc.name)
    g.add((iri, KG.fileName, Literal(doc.name)))
    if host:
        g.add((iri, KG.givenHost, Literal(host)))
    return g


def _stored_source(store: KGStore, info: DocInfo) -> Source | None:
    rows = list(store.named("document_text", doc=URIRef(info.iri)))
    if not rows:
        return None
    name = info.file or info.title  # documents stored before kg:fileName: their title is their file name
    if not name or str(doc_iri(name)) != info.iri:
        return None
    return Source(name, str(rows[0].text), info.meta(), info.host)


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


class _Writer:
    """Documents written in batches, one transaction per batch (`KGStore.write_documents`): a failure or a kill
    leaves every earlier batch whole, and each document is whole or absent as a document. A document is reported
    (`done`) once its batch is written. A document whose triples exceed a batch is written alone, in parts of one
    transaction each, so that the store's memory does not grow with it: its old graph dropped first and its
    `kg:checksum` written last (`split_quads`), so that until it is whole it is no document — stopped in between,
    it is rebuilt by the next `kg build`, though queries of the store see the facts written so far."""

    def __init__(self, store: KGStore, size: int = 16, max_bytes: int = 8 * 1024 * 1024):
        self.store, self.size, self.max_bytes = store, size, max_bytes
        self.pending: list[tuple[str, str, bool]] = []
        self.done: list[Callable[[], None]] = []
        self.days: set[str] = set()
        self._bytes = 0

    def add(self, iri: str, quads: str, replace: bool, days: set[str], done: Callable[[], None]) -> None:
        if len(quads) > self.max_bytes:  # a long document: its own transactions
            self.flush()
            self.store.drop_graph(URIRef(iri))  # its old graph, or what a write stopped before the last part left
            for part in split_quads(iri, quads, self.max_bytes):
                self.store.write_documents([(iri, part, False)])
            done()
            return
        self.pending.append((iri, quads, replace))
        self.done.append(done)
        self.days |= days
        self._bytes += len(quads)
        if len(self.pending) >= self.size or self._bytes >= self.max_bytes:
            self.flush()

    def flush(self) -> None:
        batch, done = self.pending, self.done
        self.pending, self.done, self.days, self._bytes = [], [], set(), 0
        if batch:
            self.store.write_documents(batch)
        for fn in done:
            fn()


def _apply(store: KGStore, new: dict[str, Source], analyses: Iterator[tuple[Source, Prepared | Exception]],
           removed: set[str], analyser: _Analyser, report: BuildReport,
           progress: Callable[[str, str], None] | None, bar: ProgressBar | None, check: bool = True) -> None:
    """Bring `store` to the state of a fresh build: `new` documents (added or changed, prepared in IRI order by
    `analyses`) in, `removed` ones out, and the documents after them relinked where needed."""
    docs = store.documents()
    changes = sorted(set(new) | (removed & set(docs)))
    if not changes:
        return
    final = sorted((set(docs) - removed) | set(new))
    later = [d for d in final if d > changes[0] and d not in new]
    summaries = _summaries(store) if later else {}
    present = set(docs)
    stored = set(docs)  # graphs of these names may be in the store: written by replacing
    changed: list[_Summary] = [summaries[d] for d in changes if d in summaries]
    for d in sorted(removed & present):
        store.drop_graph(URIRef(d))
        present.discard(d)
        report.removed.append(docs[d].file or d)
        if progress:
            progress(docs[d].file or d, "removed")
    analysed = iter(analyses)
    writer = _Writer(store)
    known: KnownActors | None = None  # the actors of every present document, once all of them come before `iri`
    try:
        for iri in final:
            if iri < changes[0]:
                continue
            prep: Prepared | None = None
            if iri in new:
                src, prep = next(analysed)
                assert src.iri == iri
                if isinstance(prep, Exception):
                    report.failed.append((src.path or src.name, f"analysis failed: {type(prep).__name__}: {prep}"))
                    if bar:
                        bar.update(src.name, len(src.text.split()))
                    continue
                report.ingested.append(src.name)
                report.words += len(src.text.split())
                doc = prep.doc
            elif summaries.get(iri) and any(summaries[iri].may_relink(c) for c in changed):
                writer.flush()
                src = _stored_source(store, docs[iri])
                if src is None:
                    continue
                doc = analyser.one(src)
            else:
                continue
            before = [URIRef(d) for d in final if d < iri and d in present]
            if present - {str(b) for b in before}:  # later documents (or its own old graph) are stored: hide them
                writer.flush()
                doc, by_store = link(doc, store.view(before))
            else:  # from here on every document is new and comes after all stored ones: keep one index of actors
                if known is None or (prep is not None and prep.days & writer.days):
                    writer.flush()  # linking reads the stored events of the document's days
                known = KnownActors.of_store(store) if known is None else known
                doc, by_store = link(doc, store, known)
            if prep is not None and not by_store and not later:
                quads, actors = prep.quads, prep.actors  # the worker's graph is this document's
            elif len(src.text) > SPLIT and not later:  # a long document: mapped in order, not into a Graph
                graph = document_graph(doc, src.host, Triples())
                quads, actors = graph_quads(graph, iri), triples_actors(graph)
                if prep is None:
                    if set(store.graph(URIRef(iri))) == set(graph):
                        continue
                    report.relinked.append(src.name)
            else:
                graph = document_graph(doc, src.host)
                quads, actors = graph_quads(graph, iri), actors_of(graph)
                if later:
                    changed.append(_summary_of(graph))
                if prep is None:
                    old = store.graph(URIRef(iri))
                    if set(old) == set(graph):
                        continue
                    report.relinked.append(src.name)
            days = {ev.start for ev in doc.events if ev.start}
            writer.add(iri, quads, iri in stored, days, _reporter(src, doc, prep is not None, progress, bar))
            if prep is not None:
                report.violations.extend((src.name, line) for line in prep.violation_lines())
            present.add(iri)
            if known is not None:
                for type_, key, names in actors:
                    known.add(type_, key, names)
    finally:
        writer.flush()


def _reporter(src: Source, doc: Document, new: bool, progress: Callable[[str, str], None] | None,
              bar: ProgressBar | None) -> Callable[[], None]:
    def done() -> None:
        if bar and new:
            bar.update(src.name, len(src.text.split()))
        if progress and not bar:
            progress(src.name, f"{len(doc.events)} events, {len(doc.entities)} entities" if new else "relinked")
    return done


# ---------------------------------------------------------------------------------------------------- commands

def build(paths: Iterable[str | Path], store: KGStore, *, model: str | None = None, host: str | None = None,
          meta: dict | None = None, progress: Callable[[str, str], None] | None = None, jobs: int = 1,
          nlp=None, bar: TextIO | None = None, check: bool = True, follow_links: bool = False,
          cluster=None) -> BuildReport:
    """Ingest `paths` into `store`; unchanged documents are left alone. `jobs`: analysis processes (0: one per
    core); `nlp`: a pipeline already loaded (used when analysing here); `bar`: a stream for a progress bar;
    `check`: validate each new document's graph against the SHACL shapes (violations in `report.violations`);
    `cluster`: a `distributed.Client` whose workers do the documents' own work instead (cluster.py)."""
    report = BuildReport()
    files, problems = collect(paths, follow_links)
    report.failed.extend(problems)
    sources: dict[str, Source] = {}
    for f in files:
        try:
            text = read_text(f, lambda msg, f=f: report.warnings.append((str(f), msg)))
            doc_meta = {**read_meta(f), **(meta or {})}
        except InputError as exc:
            report.failed.append((str(f), str(exc)))
            if progress:
                progress(str(f), f"skipped: {exc}")
            continue
        src = Source(f.name, text, doc_meta, doc_meta.pop("host", None) or host, str(f))
        if src.iri in sources:
            report.failed.append((str(f), f"another file has the same name ({sources[src.iri].path}); "
                                          "one document per file name"))
            continue
        sources[src.iri] = src
    stored = store.documents()
    todo: dict[str, Source] = {}
    for iri in sorted(sources):
        src = sources[iri]
        if iri in stored and _stored_identity(stored[iri]) == src.identity():
            report.unchanged.append(src.name)
            if progress:
                progress(src.name, "unchanged")
        else:
            todo[iri] = src
    jobs = (os.cpu_count() or 1) if jobs <= 0 else jobs
    pool = None
    if cluster is not None:
        from .cluster import cluster_pool

        jobs, pool = cluster_pool(cluster, model)
    pbar = ProgressBar(len(todo), bar) if bar is not None and todo else None
    analyser = _Analyser(model, jobs, nlp, check, pbar, pool)
    try:
        _apply(store, todo, analyser.many([todo[i] for i in sorted(todo)]), set(), analyser, report, progress, pbar,
               check)
    finally:
        if pbar:
            pbar.close()
    return report


def find_document(store: KGStore, name: str, docs: dict[str, DocInfo] | None = None) -> str:
    """The IRI of the stored document `name`: a file name (or path: its file name), or a document IRI."""
    docs = store.documents() if docs is None else docs
    if name in docs:
        return name
    base = Path(name).name
    for iri, info in docs.items():
        if info.file == base or info.file == name:
            return iri
    iri = str(doc_iri(base))
    if iri in docs:
        return iri
    raise InputError(f"no document {name!r} in the store ({len(docs)} documents; `kg docs` lists them)")


def remove(names: Iterable[str], store: KGStore, *, model: str | None = None, nlp=None,
           progress: Callable[[str, str], None] | None = None) -> BuildReport:
    """Take documents out of `store` (by file name or IRI) and relink those after them that need it."""
    docs = store.documents()
    iris = {find_document(store, n, docs) for n in names}
    report = BuildReport()
    _apply(store, {}, iter(()), iris, _Analyser(model, 1, nlp), report, progress, None)
    return report


def show_bar(stream: TextIO | None = None, forced: bool = False) -> TextIO | None:
    """The stream to draw a progress bar on: stderr when it is a terminal (or when `forced`), else None."""
    stream = stream or sys.stderr
    return stream if forced or (hasattr(stream, "isatty") and stream.isatty()) else None
