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
linking changed it, and writes documents in batches, one transaction each. A long document (over SPLIT characters,
with several jobs) is the exception (store/longdoc.py): its pieces are read by every worker, the rest of its
analysis done here, and once linked its graph is mapped here slice by slice, each slice checked in a worker and
written by a thread while the next is mapped, in parts, whole or not at all (`_Writer.stream`, staging.py). A file
that cannot be read or analysed is reported and skipped; the others go on.

Why over 350 lines: one ordered pipeline whose parts share the run's state (the sources in canonical order, the
known actors, the batch being written, the pool): reading files, the per-document work in the pool, linking in
order, writing in batches and relinking later documents. The machinery with a life of its own is elsewhere: long
documents (longdoc.py), the Dask pool (cluster.py), the progress bar (progress.py), linking (link.py).
"""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import sys
import threading
from collections import defaultdict, deque
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from rdflib import Graph, Literal, URIRef

from ..text.inputs import collect as walk
from ..text.inputs import decode
from .ahead import Ahead
from .link import KnownActors, KnownEvents, actors_of, event_triples, link, link_alone
from . import staging
from .longdoc import Pipe, PoolReader, Slicer, Spill, Triples, _Aborted, check_slice, document_text, rows
from .progress import ProgressBar
from ..ids import doc_iri
from ..nlp.model import rare_collections
from ..rdf.mapping import to_graph
from ..rdf.fastcheck import TripleIndex
from ..rdf.validate import validate
from ..rdf.namespaces import KG
from ..extract.analyse import PieceRead, Reader, analyse, checksum, read_pieces
from ..extract.chunks import WHOLE_BATCH, Piece
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


# ---------------------------------------------------------------------------------------------------- analysis

@dataclass
class Prepared:
    """A document's own work, done where it was analysed (a worker): the document as analysed (for linking), and
    its graph as linked against an empty store — what the store writes unless linking changes the document."""

    doc: Document
    quads: str | Spill | None  # the graph, as N-Quads in the document's named graph; None: mapped once linked
    actors: list[tuple[str, str, set[str]]]  # its persons and organisations (`link.actors_of`)
    days: set[str]  # its events' days
    violations: list[str] | list[Future]  # SHACL violations of the graph (`check`); or those of its slices, coming
    checker: Callable[[list, list], Future] | None = None  # a long document's: checks a slice in a worker
    events: list[tuple] | None = None  # the graph's dates and participants (`link.event_triples`), with `quads`

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


def graph_quads(graph: Graph | Iterable[tuple], iri: str) -> str:
    """`graph` (or triples) as N-Quads in the named graph `iri`: each line as rdflib writes N-Triples."""
    name = f" <{iri}> .\n"
    if isinstance(graph, Graph):
        return "".join(line[:-2] + name for line in graph.serialize(format="nt").splitlines() if line)
    return "".join(rows(graph, name))


def spilled(doc: Document, host: str | None, check: Callable[[list, list], Future] | None = None
            ) -> tuple[Spill, Slicer]:
    """A long document's graph mapped slice by slice into a file (`longdoc.Slicer`), each slice given to `check`."""
    spill = Spill()
    try:
        slicer = Slicer(doc, spill.file, check)
        document_graph(doc, host, slicer)
        spill.triples = slicer.close()
    except BaseException:
        spill.close()
        raise
    return spill, slicer


def prepare(src: Source, nlp, check: bool = True, progress: Callable[[int, int], None] | None = None,
            reader: Reader | None = None, checker: Callable[[list, list], Future] | None = None) -> Prepared:
    """Analyse `src` (a long document's words done to `progress`; its pieces read by `reader` if given) and do
    the rest of its own work: map it to triples (linked to nothing yet), check them (here, or in slices by
    `checker`, given each slice and its context, while this process goes on: `longdoc.Slicer`)."""
    doc = analyse(src.name, src.text, nlp, host=src.host, meta=dict(src.meta), progress=progress, reader=reader)
    days = {ev.start for ev in doc.events if ev.start}
    if checker is not None:  # a long document: mapped once linked, as it is written, its slices checked in workers
        return Prepared(doc, None, [], days, [], checker if check else None)  # (_Writer.stream)
    # mapped into a dict of triples, not an rdflib Graph (3x the mapping's own work to fill), and looked up by
    # an index of them: the SHACL check makes a Graph only if it needs pyshacl (rdf/fastcheck.py)
    triples = TripleIndex(document_graph(link_alone(_unlinked_copy(doc)), src.host, Triples()))
    violations = validate(triples)[1] if check else []
    return Prepared(doc, graph_quads(triples.triples, src.iri), actors_of(triples), days, violations,
                    events=event_triples(triples))


def _unlinked_copy(doc: Document) -> Document:
    """A copy of `doc` that `link_alone` can change while `doc` stays as analysed, for linking in order: linking
    changes only the events (their keys, what they are part of, their participants, the list: `link._link_events`),
    so only those are copied (a deep copy of the whole document cost 2 % of a build)."""
    return dataclasses.replace(doc, events=[dataclasses.replace(ev, participants=list(ev.participants))
                                            for ev in doc.events])


_WORKER_NLP = None
_WORKER_ERROR: Exception | None = None


def _init_worker(model: str | None) -> None:
    global _WORKER_NLP, _WORKER_ERROR
    from ..nlp.model import make_nlp

    _exit_with(os.getppid())

    try:
        _WORKER_NLP = make_nlp(model)
    except Exception as exc:  # reported with the first document, in the parent
        _WORKER_ERROR = exc


def _init_forked(nlp) -> None:
    """A worker forked from a process holding the pipeline `nlp` (not pickled: the fork shares it)."""
    global _WORKER_NLP, _WORKER_ERROR
    _exit_with(os.getppid())
    _WORKER_NLP, _WORKER_ERROR = nlp, None


def _exit_with(parent: int, every: float = 0.5) -> None:
    """End this worker when `parent` is gone: a `kg build` killed (kill -9 included) does not leave its workers
    behind, each holding a spaCy pipeline, blocked on a queue no one writes to any more."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


def _prepare_group_in_worker(sources: list[Source], check: bool) -> list[Prepared | Exception]:
    """`prepare` of each source, their pieces read in one spaCy stream (ahead.py); a document that fails is its
    exception in the list."""
    from ..nlp.model import ModelNotFound

    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    ahead = Ahead(_WORKER_NLP, sources)
    out: list[Prepared | Exception] = []
    try:
        for src in sources:
            try:
                out.append(prepare(src, _WORKER_NLP, check, reader=ahead.reader(src)))
            except ModelNotFound:
                raise
            except Exception as exc:
                out.append(exc)
    finally:
        ahead.close()
    return out


def _read_in_worker(pieces: list[Piece], shorts, text_file: str | None = None) -> list[PieceRead]:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    return list(read_pieces(pieces, _WORKER_NLP, shorts, portable=True, text=document_text(text_file)))


def _checker(pool) -> Callable[[list, list], Future]:
    return lambda part, context: pool.submit(check_slice, part, context)


GROUP = 4  # short documents per worker task
# N-Quads characters of a batch of new documents from which the bulk loader is cheaper than a transaction (its
# tables' files and markers cost about 60 ms a batch; a transaction reads each quad's indexes first): about 7,000
# quads (bench/README.md, round 8)
BULK_BYTES = 2 * 1024 * 1024
# A batch of new documents bulk-loaded into an on-disk store holds at least 1/GROWTH of the documents stored (and up
# to BULK_MAX_BYTES of N-Quads): each bulk load adds a file per index to RocksDB's first level, which Oxigraph's
# RocksDB merges into the last level at two files, rewriting every file of that index the new keys fall among — all
# of them, the keys being hashes. With batches of a fixed size (16 documents) that rewrite is a copy of the store
# every two batches, quadratic in the store (bench/README.md, round 14: in a 1M-word build, RocksDB's compaction
# threads' CPU 21 µs a word over the first 150k words, 62 µs from 441k to 709k); in proportion to the store, linear.
GROWTH = 4
BULK_MAX_BYTES = 32 * 1024 * 1024
SPLIT = WHOLE_BATCH  # characters: with several jobs, a document longer than this has its pieces read by all of them


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
            ahead = Ahead(self.nlp(), sources)  # the pieces of several documents in each spaCy batch
            try:
                for src in sources:
                    yield src, self._guard(lambda s: prepare(s, self.nlp(), self.check, self._inside(s),
                                                             ahead.reader(s)), src)
            finally:
                ahead.close()
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from ..nlp.model import ModelNotFound

        workers = self.jobs if any(self._split(s) for s in sources) else min(self.jobs, len(sources))
        if self.pool:
            pool = self.pool(workers)
        elif self._nlp is not None and "fork" in multiprocessing.get_all_start_methods():
            # a pipeline loaded here already: the workers start as copies of this process, with it (as spaCy's own
            # `nlp.pipe(n_process=…)` does), instead of each loading the model again
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                       initializer=_init_forked, initargs=(self._nlp,))
        else:
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_init_worker, initargs=(self.model,))
        reader = PoolReader(pool, workers, _read_in_worker)
        groups = iter(self._groups(sources))

        def submit() -> bool:
            """The next group of documents to a worker (a long document: none, it is read here); False if none."""
            group = next(groups, None)
            if group is None:
                return False
            fut = None if self._split(group[0]) else pool.submit(_prepare_group_in_worker, group, self.check)
            pending.extend((src, fut, i, i == len(group) - 1) for i, src in enumerate(group))
            return True

        try:
            pending: deque = deque()
            for _ in range(2 * workers):
                submit()
            while pending:
                src, fut, i, last = pending.popleft()
                if fut is None:  # checked in a worker while this process links and writes it
                    result = self._guard(lambda s: prepare(s, None, self.check, self._inside(s), reader,
                                                           _checker(pool)), src)
                else:
                    try:
                        result = fut.result()[i]
                    except ModelNotFound:
                        raise
                    except Exception as exc:
                        result = exc
                if last:
                    submit()
                yield src, result
        finally:  # stopped early (an error, Ctrl-C): drop what has not started
            pool.shutdown(wait=True, cancel_futures=True)

    def _groups(self, sources: list[Source]) -> Iterator[list[Source]]:
        """The sources in order, in groups of up to GROUP consecutive short documents (one worker task: their
        pieces share spaCy's batches, ahead.py); a long one (`_split`) alone."""
        group: list[Source] = []
        for src in sources:
            if self._split(src) or not Ahead.fits(src):
                if group:
                    yield group
                yield [src]
                group = []
                continue
            group.append(src)
            if len(group) == GROUP:
                yield group
                group = []
        if group:
            yield group

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
    text = "".join(str(r.text) for r in sorted(rows, key=lambda r: int(r.begin)))  # one literal, or its pieces
    if not rows or len(text) != int(rows[0].length):
        return None
    name = info.file or info.title  # documents stored before kg:fileName: their title is their file name
    if not name or str(doc_iri(name)) != info.iri:
        return None
    return Source(name, text, info.meta(), info.host)


class _Writer:
    """Documents written in batches, each batch whole or not at all (new documents with the bulk loader when the
    batch is large, `staging.write_new`; others in one transaction, `KGStore.write_documents`): a failure or a kill leaves every
    earlier batch whole, and each document is whole or absent as a document. A document is reported
    (`done`) once its batch is written. A document whose triples exceed a batch is written alone, in parts of one
    transaction each, so that the store's memory does not grow with it: its old graph dropped first and its
    `kg:checksum` written last (`split_quads`), so that until it is whole it is no document — stopped in between,
    it is rebuilt by the next `kg build`, though queries of the store see the facts written so far."""

    def __init__(self, store: KGStore, size: int = 16, max_bytes: int = 8 * 1024 * 1024, stored: int = 0):
        self.store, self.size, self.max_bytes = store, size, max_bytes
        self.pending: list[tuple[str, str, bool]] = []
        self.done: list[Callable[[], None]] = []
        self.days: set[str] = set()
        self._bytes = 0
        # documents in the store (`stored` at the start, then each one written): a batch of new documents for an
        # on-disk store's bulk loader grows with them (`limits`, GROWTH); others stay `size` and `max_bytes`
        self.stored = stored
        self._grows = not store.remote and store.location != "memory"
        self._replacing = False  # a document of the batch replaces a stored one: one transaction, not bulk

    def limits(self) -> tuple[int, int]:
        """Documents and N-Quads characters at which the batch is written: `size` and `max_bytes`, or for new
        documents into an on-disk store 1/GROWTH of the documents stored if more, the characters in proportion
        (up to BULK_MAX_BYTES)."""
        if not self._grows or self._replacing:
            return self.size, self.max_bytes
        size = max(self.size, self.stored // GROWTH)
        return size, max(self.max_bytes, min(BULK_MAX_BYTES, self.max_bytes * size // self.size))

    def add(self, iri: str, quads: str | Spill, replace: bool, days: set[str], done: Callable[[], None]) -> None:
        if isinstance(quads, Spill):  # a long document: its own transactions, whole or not at all (staging.py)
            self.flush()
            try:
                staging.write(self.store, iri, lambda graph: quads.parts(graph, self.max_bytes), replace)
            finally:
                quads.close()
            self.stored += 1
            done()
            return
        self.pending.append((iri, quads, replace))
        self.done.append(done)
        self.days |= days
        self._bytes += len(quads)
        self._replacing = self._replacing or replace
        size, max_bytes = self.limits()
        if len(self.pending) >= size or self._bytes >= max_bytes:
            self.flush()

    def stream(self, iri: str, doc: Document, host: str | None, replace: bool,
               check: Callable[[list, list], Future] | None, done: Callable[[], None]) -> Slicer:
        """A long document mapped here slice by slice (`longdoc.Slicer`, each slice given to `check`) while a
        thread writes the slices mapped so far into the store, whole or not at all (`staging.write`): the store's
        work overlaps the mapping, and neither the triples nor their N-Quads are ever whole in memory."""
        self.flush()
        pipe = Pipe()
        failed: list[BaseException] = []

        def write() -> None:
            try:
                staging.write(self.store, iri, lambda graph: pipe.parts(), replace)
            except BaseException as exc:  # given to the mapping's thread, which raises it
                failed.append(exc)
                pipe.failed.set()

        writing = threading.Thread(target=write, name="kg-write", daemon=True)
        writing.start()
        try:
            slicer = Slicer(doc, pipe, check, end=f" <{staging.graph_of(iri, replace)}> .\n")
            document_graph(doc, host, slicer)
            slicer.close()
            pipe.close()
        except BaseException as exc:
            if not failed:
                try:
                    pipe.abort()
                except _Aborted:  # the writer stopped meanwhile
                    pass
            writing.join()
            if failed and not isinstance(failed[0], _Aborted):
                raise failed[0] from None
            if isinstance(exc, Exception):  # a failed mapping: the store as before (a kill: `staging.recover`)
                staging.drop(self.store, staging.graph_of(iri, replace))
            raise
        writing.join()
        if failed:
            raise failed[0]
        self.stored += 1
        done()
        return slicer

    def flush(self) -> None:
        batch, done, size = self.pending, self.done, self._bytes
        self.pending, self.done, self.days, self._bytes, self._replacing = [], [], set(), 0, False
        if batch and not any(replace for _, _, replace in batch) and size >= BULK_BYTES:
            # new documents, many quads: the bulk loader, the batch whole or not at all (staging.write_new)
            staging.write_new(self.store, [(iri, quads) for iri, quads, _ in batch])
        elif batch:
            self.store.write_documents(batch)
        self.stored += len(batch)
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
    writer = _Writer(store, stored=len(present))
    known: KnownActors | None = None  # the actors of every present document, once all of them come before `iri`
    # with `known`: the events of every present document, written or still in the writer's batch (None after a long
    # document, whose triples are not at hand: read from the store again when needed)
    events: KnownEvents | None = None
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
                events = None
            else:  # from here on every document is new and comes after all stored ones: keep one index of actors
                # and one of events, to which each document linked is added, written or not yet: its batch goes on
                if known is None or events is None:
                    writer.flush()
                    known = KnownActors.of_store(store) if known is None else known
                    events = KnownEvents.of_store(store)
                doc, by_store = link(doc, store, known, events)
            if prep is not None and prep.quads is None and not later:  # a long document, mapped as it is written
                slicer = writer.stream(iri, doc, src.host, iri in stored, prep.checker,
                                       _reporter(src, doc, True, progress, bar))
                quads, actors, prep.violations = None, slicer.actors(), slicer.checks
                events = None
            elif prep is not None and not by_store and not later:
                quads, actors = prep.quads, prep.actors  # the worker's graph is this document's
                if events is not None and prep.events is not None:
                    events.add(prep.events)
                else:
                    events = None
            elif len(src.text) > SPLIT and not later:  # a long document: mapped slice by slice into a file
                if prep is None:  # rewritten only if its graph changed: compared whole (not bounded)
                    if set(store.graph(URIRef(iri))) == set(document_graph(doc, src.host, Triples())):
                        continue
                    report.relinked.append(src.name)
                quads, slicer = spilled(doc, src.host)
                actors = slicer.actors()
                events = None
            else:
                graph = TripleIndex(document_graph(doc, src.host, Triples()))  # no rdflib Graph (prepare)
                quads, actors = graph_quads(graph.triples, iri), actors_of(graph)
                if events is not None:
                    events.add(event_triples(graph))
                if later:
                    changed.append(_summary_of(graph))
                if prep is not None and prep.quads is None and prep.checker is not None:  # long, not yet checked
                    prep.violations = validate(graph)[1]
                if prep is None:
                    old = store.graph(URIRef(iri))
                    if set(old) == set(graph):
                        continue
                    report.relinked.append(src.name)
            days = {ev.start for ev in doc.events if ev.start}
            if quads is not None:
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
    """What to report once the document is written; it keeps its name and figures, not the document and its text
    (a batch of new documents can hold hundreds: `_Writer.limits`)."""
    name = src.name
    words = len(src.text.split()) if bar and new else 0
    said = (f"{len(doc.events)} events, {len(doc.entities)} entities" if new else "relinked") \
        if progress and not bar else ""

    def done() -> None:
        if bar and new:
            bar.update(name, words)
        if progress and not bar:
            progress(name, said)
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
    staging.recover(store)  # what a stopped build left half written
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
    thresholds = rare_collections()  # this process's young collections rare while it builds (model.py)
    try:
        _apply(store, todo, analyser.many([todo[i] for i in sorted(todo)]), set(), analyser, report, progress, pbar,
               check)
    finally:
        gc.set_threshold(*thresholds)
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
    staging.recover(store)
    docs = store.documents()
    iris = {find_document(store, n, docs) for n in names}
    report = BuildReport()
    _apply(store, {}, iter(()), iris, _Analyser(model, 1, nlp), report, progress, None)
    return report


def show_bar(stream: TextIO | None = None, forced: bool = False) -> TextIO | None:
    """The stream to draw a progress bar on: stderr when it is a terminal (or when `forced`), else None."""
    stream = stream or sys.stderr
    return stream if forced or (hasattr(stream, "isatty") and stream.isatty()) else None
