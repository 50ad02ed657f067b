"""The only module that opens a store.

- a folder path: Oxigraph on disk through oxrdflib (the default, `./kg-store`);
- `memory`: an in-memory Oxigraph store (tests);
- `http(s)://[USER:PASSWORD@]HOST:PORT[/PATH]`: a remote SPARQL 1.1 server through rdflib's SPARQLUpdateStore.
  `…/query` and `…/update` are its endpoints (Oxigraph server; Fuseki: the dataset URL, `http://host:3030/ds`); a
  URL ending in `/sparql` is both (Virtuoso, GraphDB-style); one ending in `/query` has `/update` beside it. The
  server must answer queries over the union of the named graphs (Oxigraph: `--union-default-graph`; Fuseki:
  `tdb2:unionDefaultGraph true`; Virtuoso does by default): the store checks this when it opens.

Each document lives in its own named graph (its IRI); queries run over the union of all graphs. A document is
written with one SPARQL update (`DROP SILENT GRAPH … ; INSERT DATA { GRAPH … }`), which Oxigraph applies as one
transaction: an interrupted build never leaves half a document.

Parameters are bound, never pasted into the query's text by hand: `query(text, person=URIRef(…))` adds them as a
VALUES block of RDF terms (serialised and escaped by rdflib) at the top of the WHERE clause
(`sparqltext.bind_values`), on Oxigraph on disk and on a remote server alike, so that patterns, FILTERs and
EXISTS see them bound from the start. (pyoxigraph's own substitutions only bind variables the SELECT projects —
every parameter is still projected — and were up to 5× slower at 1M triples.)
A line of a stored query ending in `#? VAR` is kept only when ?VAR is bound (`load_query`); a line
`#$VALUES VAR …` becomes a VALUES block of those variables (a sub-select sees no variable bound outside it; a
parameter given as a list of terms is bound there only, one row a term: `fill_values`).

Why over 350 lines: the three kinds of store (on disk, in memory, a remote server) behind one interface, with the
locking, read-only opening, flushing and streaming each needs; the SPARQL text edits live in sparqltext.py.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from io import BytesIO
from importlib.resources import files
from pathlib import Path
from typing import Iterable, Iterator
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit, urlunsplit
from urllib.request import (HTTPBasicAuthHandler, HTTPDigestAuthHandler, HTTPPasswordMgrWithDefaultRealm, Request,
                            build_opener, urlopen)

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result

from ..rdf.namespaces import PREFIXES, event_classes_sparql
from .sparqltext import bind_values, from_graphs

QUERIES = files("graph") / "queries"
HTTP_TIMEOUT = 600  # seconds, for one request to a remote server


def paged(text: str, page: tuple[int | None, int] | None) -> str:
    """A query's text with LIMIT/OFFSET for `page` (limit or None, offset), or as it is."""
    if page is None:
        return text
    limit, offset = page
    return text + (f"LIMIT {int(limit)}\n" if limit is not None else "") + f"OFFSET {max(0, int(offset))}\n"


class StoreError(RuntimeError):
    """A store that cannot be opened or written: a one-line message for the user."""


_IF_BOUND = re.compile(r"\s*#\?(!?)\s*([A-Za-z_]\w*)\s*$")
_VALUES = re.compile(r"#\$VALUES[ \t]+([A-Za-z_][\w \t]*?)[ \t]*$", re.M)


def load_query(name: str, bound: Iterable[str] | None = None) -> str:
    """The text of `queries/NAME.rq` for a run with the parameters `bound`: a line ending in `#? VAR` is kept only
    when ?VAR is bound, one ending in `#?! VAR` only when it is not (`bound=None`: every line, markers kept as
    comments). An optional filter written this way costs nothing when its parameter is not given; as a FILTER
    that tests whether its parameter is bound it made Oxigraph's plans vary from 0.1 s to 30 s (bench/README.md).
    Only lines are chosen, so a value never enters the text: parameters are still bound. `$EVENT_CLASSES` stands
    for the event classes (rdf/namespaces.py), `$EVENT_CLASS_LIST` for them separated by commas (for `IN`)."""
    classes = event_classes_sparql()
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8").replace("$EVENT_CLASSES", classes) \
        .replace("$EVENT_CLASS_LIST", ", ".join(classes.split()))
    if bound is None:
        return text
    given = set(bound)
    out = []
    for line in text.splitlines():
        m = _IF_BOUND.search(line)
        if m and (m.group(2) in given) == bool(m.group(1)):
            continue
        out.append(line[:m.start()] if m else line)
    return "\n".join(out) + "\n"


def fill_values(text: str, bindings: dict) -> str:
    """`text` with each `#$VALUES VAR …` line made a VALUES block of those of its variables that `bindings` binds
    (a term, or a list of terms: one row each), or left a comment. A sub-select sees no variable bound outside it:
    this binds it inside, e.g. a list of events in each of meetings.rq's grouped sub-selects, so that they group
    those events only. Terms are written by rdflib (`n3()`), never pasted by hand."""
    def block(m: re.Match) -> str:
        names = [v for v in m.group(1).split() if v in bindings]
        if not names:
            return m.group(0)
        values = [bindings[v] if isinstance(bindings[v], (list, tuple)) else [bindings[v]] for v in names]
        rows = [[]]
        for vs in values:
            rows = [r + [t] for r in rows for t in vs]
        return ("VALUES (" + " ".join(f"?{v}" for v in names) + ") { "
                + " ".join("(" + " ".join(t.n3() for t in r) + ")" for r in rows) + " }")
    return _VALUES.sub(block, text)


@dataclass(frozen=True)
class DocInfo:
    """A stored document's metadata (the subject of its named graph)."""

    iri: str
    checksum: str
    file: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    host: str | None = None

    def meta(self) -> dict:
        """The metadata the document was analysed with (as `build.read_meta` gives it)."""
        out = {"date": self.date, "url": self.url}
        if self.title and self.title != self.file:
            out["title"] = self.title
        return {k: v for k, v in out.items() if v}


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def endpoints(url: str) -> tuple[str, str, tuple[str, str] | None]:
    """(query endpoint, update endpoint, basic-auth credentials) of a store URL."""
    parts = urlsplit(url)
    auth = None
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, netloc = netloc.rsplit("@", 1)
        user, _, password = userinfo.partition(":")
        auth = (user, password)
    base = urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), parts.query, ""))
    if base.rsplit("/", 1)[-1].startswith("sparql"):  # /sparql, Virtuoso's /sparql-auth: one endpoint for both
        return base, base, auth
    if base.endswith("/query"):
        return base, base[: -len("query")] + "update", auth
    return base + "/query", base + "/update", auth


class _RemoteStore(SPARQLUpdateStore):
    """rdflib's SPARQLUpdateStore, talking POST (long queries fit), asking for SPARQL JSON results (our GROUP_CONCAT
    separators are control characters that XML cannot carry) or N-Triples, and raising one-line errors with the
    server's own message instead of rdflib's generic ones."""

    ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
              "application/rdf+xml;q=0.5")

    def __init__(self, query_endpoint: str, update_endpoint: str, auth: tuple[str, str] | None):
        super().__init__(query_endpoint=query_endpoint, update_endpoint=update_endpoint, context_aware=True,
                         returnFormat="json", method="POST_FORM")
        self._open = urlopen
        if auth:  # answer the server's challenge, Basic (Fuseki) or Digest (Virtuoso's /sparql-auth)
            passwords = HTTPPasswordMgrWithDefaultRealm()
            for url in {query_endpoint, update_endpoint}:
                passwords.add_password(None, url, *auth)
            self._open = build_opener(HTTPBasicAuthHandler(passwords), HTTPDigestAuthHandler(passwords)).open

    def _http(self, url: str, data: bytes, content_type: str, accept: str):
        req = Request(url, data=data, headers={"Content-Type": content_type, "Accept": accept})
        try:
            return self._open(req, timeout=HTTP_TIMEOUT)
        except HTTPError as exc:
            body = exc.read().decode("utf-8", "replace")
            raise StoreError(f"SPARQL server {url} answered {exc.code}: {_first_line(body) or exc.reason}") from None
        except (URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"cannot reach SPARQL server {url}: {reason}") from None

    def _query(self, query: str, default_graph=None, named_graph=None) -> Result:  # type: ignore[override]
        self._queries += 1
        params = [("query", query)]
        if isinstance(default_graph, list):  # the protocol's dataset: the union of these graphs
            params += [("default-graph-uri", g) for g in default_graph or ["urn:x-kg:no-graph"]]
        elif isinstance(default_graph, str):
            params.append(("default-graph-uri", default_graph))
        with self._http(self.query_endpoint, urlencode(params).encode(), "application/x-www-form-urlencoded",
                        self.ACCEPT) as res:
            body = res.read()
            ctype = (res.headers.get("Content-Type") or "application/sparql-results+json").split(";")[0].strip()
        try:
            return Result.parse(BytesIO(body), content_type=ctype)
        except Exception as exc:
            raise StoreError(f"cannot read the answer of {self.query_endpoint} ({ctype}): {exc}") from None

    def query_in(self, query: str, graphs: list[str], prefixes: dict) -> Result:
        """`query` over the union of `graphs` only (SPARQL Protocol `default-graph-uri`: servers that query the
        union of all graphs by default ignore FROM clauses, Oxigraph among them)."""
        return self._query(self._inject_prefixes(query, prefixes), default_graph=list(graphs))

    def _update(self, update: str) -> None:  # type: ignore[override]
        self._updates += 1
        with self._http(self.update_endpoint, update.encode("utf-8"), "application/sparql-update; charset=UTF-8",
                        "*/*") as res:
            res.read()


def is_store(path: Path) -> bool:
    """Whether folder `path` holds an Oxigraph (RocksDB) store."""
    return (path / "CURRENT").is_file()


def check_folder(path: Path, *, create: bool) -> bool:
    """Whether `path` is a store; raises StoreError for a file, for a folder holding other things, and (unless
    `create`) for a folder that is missing or empty. Nothing is created here."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is not a store folder")
    if path.is_dir() and is_store(path):
        return True
    try:
        empty = not path.exists() or not any(path.iterdir())
    except OSError as exc:
        raise StoreError(f"cannot open store {path}: {exc.strerror or exc}") from exc
    if not empty:
        raise StoreError(f"{path} holds other files and is not a store: give a new or empty folder for a store")
    if not create:
        raise StoreError(f"no store at {path} (run `kg build` first)")
    return False


def read_lock(path: Path) -> int | None:
    """A shared lock on the store's RocksDB lock file (`DIR/LOCK`), held while the store is read: Oxigraph does not
    allow a store to be read while another process writes it, so a reader stops while a `kg build` holds the lock,
    and a `kg build` stops ("in use") while a reader holds it. Readers share it. The file descriptor, or None
    where file locks are not available."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    try:
        fd = os.open(path / "LOCK", os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise StoreError(f"store {path} is being written by another process (a `kg build`?); read it when that "
                         "is done") from None
    return fd


class KGStore:
    """A dataset of per-document named graphs, queried as their union."""

    def __init__(self, location: str | Path = "kg-store", *, create: bool = True, read_only: bool = False):
        """`create`: a missing or empty folder becomes a new store. `read_only`: open a folder for reading only
        (nothing is created or written; a read-only folder works), refused while a `kg build` writes it."""
        self.location = str(location)
        self.remote = self.location.startswith(("http://", "https://"))
        self.read_only = read_only
        self._lock: int | None = None
        self._written = False
        try:
            if self.remote:
                query_ep, update_ep, auth = endpoints(self.location)
                self.ds = Dataset(store=_RemoteStore(query_ep, update_ep, auth), default_union=True)
            elif self.location == "memory":
                self.ds = Dataset(store="Oxigraph", default_union=True)
            else:
                path = Path(self.location)
                is_store = check_folder(path, create=create and not read_only)
                if read_only:
                    self._lock = read_lock(path)
                    import pyoxigraph
                    from oxrdflib import OxigraphStore

                    self.ds = Dataset(store=OxigraphStore(store=pyoxigraph.Store.read_only(str(path))),
                                      default_union=True)
                else:
                    if not is_store:
                        path.mkdir(parents=True, exist_ok=True)
                    self.ds = Dataset(store="Oxigraph", default_union=True)
                    self.ds.open(str(path))
        except StoreError:
            self._unlock()
            raise
        except OSError as exc:
            self._unlock()
            if "lock" in str(exc).lower():
                raise StoreError(f"store {self.location} is in use by another process (a `kg build`, or a "
                                 "`kg serve`: query that one with --store http://HOST:PORT)") from exc
            raise StoreError(f"cannot open store {self.location}: {exc.strerror or exc}") from exc
        except Exception as exc:  # pyoxigraph raises its own errors for locked or corrupt stores
            self._unlock()
            raise StoreError(f"cannot open store {self.location}: {exc}") from exc
        for prefix, ns in PREFIXES.items():
            self.ds.bind(prefix, ns)
        if self.remote:
            parts = urlsplit(self.location)
            if "@" in parts.netloc:  # no password in messages
                self.location = urlunsplit(parts._replace(netloc=parts.netloc.split("@", 1)[0].split(":")[0]
                                                          + ":***@" + parts.netloc.rsplit("@", 1)[1]))
            self._check_union()

    def _check_union(self) -> None:
        graphs = self.query("ASK { GRAPH ?g { ?s ?p ?o } }").askAnswer
        if graphs and not self.query("ASK { ?s ?p ?o }").askAnswer:
            raise StoreError(f"{self.location} does not query the union of its named graphs by default (Oxigraph: "
                             "serve --union-default-graph; Fuseki: tdb2:unionDefaultGraph true)")

    def close(self) -> None:
        """Close the store; on disk, after writes, flush them to its tables first (`flush`)."""
        try:
            if self._written:
                self.flush()
        finally:
            try:
                self.ds.close()
            except Exception:
                pass
            self._unlock()

    def flush(self) -> None:
        """Write what this process wrote from memory into the store's tables (on disk; elsewhere nothing to do).

        Oxigraph (RocksDB) keeps recent writes in memory and in its write-ahead log, and does not flush them when
        the store is closed; the next process to open the store replays the log, and a reader opening it read-only
        cannot keep the result, so every read paid it: 70–120 s for each view of a store just written by 10,000
        documents (1 GB of log), 0.03 s once flushed. Flushing takes 6–7 % of the time of the writes
        (bench/README.md, "A corpus like real news"). Called by `close` after any write."""
        if self.remote or self.location == "memory" or self.read_only:
            return
        try:
            self.ds.store._inner.flush()
        except OSError as exc:
            raise StoreError(f"cannot write to store {self.location}: {exc.strerror or exc}") from exc
        self._written = False

    def _unlock(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def __enter__(self) -> "KGStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ reading
    def query(self, sparql: str, /, **bindings):
        """Run SPARQL over the union of all graphs; `bindings` are bound as initBindings, never spliced in."""
        return self._run(sparql, None, bindings)

    def _run(self, sparql: str, graphs: list[URIRef] | None, bindings: dict):
        init = {k: v if isinstance(v, (URIRef, Literal, list, tuple)) else Literal(v) for k, v in bindings.items()}
        # Bound as a VALUES block at the top of the WHERE clause, on a remote server and here alike: one form of
        # every query, with the values known from the start (with pyoxigraph's own substitutions one person's
        # events, profile_meetings.rq, took 0.087 s instead of 0.017 s at 1M triples, bench/README.md).
        one = {k: v for k, v in init.items() if not isinstance(v, (list, tuple))}
        text = bind_values(sparql, one) if one else sparql
        text = fill_values(text, init)
        if graphs is None:
            return self.ds.query(text, initNs=PREFIXES)
        if self.remote:
            return self.ds.store.query_in(text, [str(g) for g in graphs], PREFIXES)
        # the default graph only (not the union), made of the FROM clauses
        return self.ds.store.query(from_graphs(text, graphs), PREFIXES, {}, None)

    def named(self, name: str, /, *, page: tuple[int | None, int] | None = None, **bindings):
        """`queries/NAME.rq` run with `bindings`; `page`: (limit or None, offset) of its rows, which the query
        orders (ORDER BY) so that pages do not overlap."""
        return self.query(paged(load_query(name, bindings), page), **bindings)

    def named_strings(self, name: str, /, **bindings) -> tuple[list[str], Iterator[list[str | None]]]:
        """`queries/NAME.rq` (a SELECT) run with `bindings`: its columns, and its rows as strings (None where
        unbound), as `str()` of rdflib's terms gives them. On Oxigraph the rows are read without making rdflib terms,
        which for the views' thousands of rows cost more than the query (2 s for 23,155 edges at 10,000
        documents)."""
        init = {k: v if isinstance(v, (URIRef, Literal)) else Literal(v) for k, v in bindings.items()}
        text = load_query(name, bindings)
        kind, columns, rows = self.rows(bind_values(text, init) if init else text)
        if kind != "SELECT":
            raise ValueError(f"{name}.rq is not a SELECT query")
        return columns, rows

    def rows(self, sparql: str, terms: bool = False) -> tuple[str, list[str], Iterator[list] | bool | Graph]:
        """`sparql` run over the union of all graphs, its answer read as it comes: ("SELECT", columns, rows of
        strings or None; of rdflib terms if `terms`), ("ASK", [], bool) or ("CONSTRUCT", [], graph). On Oxigraph the rows are read straight from
        pyoxigraph one at a time (bounded memory for any number of rows); a remote server's answer is read whole."""
        if self.remote:
            res = self.ds.query(sparql, initNs=PREFIXES)
            if res.type == "ASK":
                return "ASK", [], bool(res.askAnswer)
            if res.type != "SELECT":
                return "CONSTRUCT", [], res.graph
            conv = (lambda x: x) if terms else (lambda x: None if x is None else str(x))
            return "SELECT", [str(v) for v in res.vars], ([conv(x) for x in r] for r in res)
        import pyoxigraph as ox
        from oxrdflib._converter import from_ox

        res = self.ds.store._inner.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
        if isinstance(res, ox.QueryBoolean):
            return "ASK", [], bool(res)
        if isinstance(res, ox.QueryTriples):
            g = Graph()
            for t in res:
                g.add((from_ox(t.subject), from_ox(t.predicate), plain(from_ox(t.object))))
            return "CONSTRUCT", [], g
        columns = [v.value for v in res.variables]
        conv = (lambda x: None if x is None else plain(from_ox(x))) if terms else \
            (lambda x: None if x is None else _ox_str(x))
        return "SELECT", columns, ([conv(sol[i]) for i in range(len(columns))] for sol in res)

    def dump(self, out, fmt: str) -> bool:
        """Write the store to the binary stream `out` as it is read, in bounded memory: "nt" (the union of the
        graphs, one triple per line; a triple in two documents comes twice) or "nquads" (the named graphs).
        False where this cannot be done (a remote store)."""
        if self.remote:
            return False
        import pyoxigraph as ox

        inner = self.ds.store._inner
        if fmt == "nquads":
            inner.dump(out, ox.RdfFormat.N_QUADS)
        else:
            inner.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }").serialize(out, ox.RdfFormat.N_TRIPLES)
        return True

    def view(self, graphs: Iterable[URIRef]) -> "StoreView":
        """This store as if it held only the named graphs `graphs`."""
        return StoreView(self, list(graphs))

    def checksum(self, doc: URIRef) -> str | None:
        rows = list(self.query("SELECT ?doc ?c WHERE { GRAPH ?doc { ?doc kg:checksum ?c } } LIMIT 1", doc=doc))
        # pyoxigraph binds only variables that the SELECT projects
        return str(rows[0][1]) if rows else None

    def documents(self) -> dict[str, DocInfo]:
        """doc IRI → metadata, for every document in the store."""
        out = {}
        for r in self.named("documents"):
            out[str(r.doc)] = DocInfo(str(r.doc), str(r.checksum), *(None if x is None else str(x) for x in
                                                                     (r.file, r.title, r.date, r.url, r.host)))
        return out

    def graph(self, name: URIRef) -> Graph:
        """The triples of named graph `name`."""
        g = Graph()
        for _, s, p, o in self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", g=URIRef(name)):
            g.add((s, p, plain(o)))
        return g

    def quads(self) -> Iterator[tuple]:
        """(graph, s, p, o) for every triple of every named graph."""
        for g, s, p, o in self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"):
            yield g, s, p, plain(o)

    def union_graph(self) -> Graph:
        """Every triple of every document, as one in-memory graph (for validation and export)."""
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns)
        # DISTINCT: the union of the named graphs gives a triple once per document stating it
        res = self.query("CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
        for t in res:
            g.add(t)
        return g

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        return int(rows[0][0])

    # ------------------------------------------------------------------ writing
    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Atomically replace named graph `name` by `graph`."""
        body = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in graph)
        self._update(f"DROP SILENT GRAPH {name.n3()} ;\nINSERT DATA {{ GRAPH {name.n3()} {{\n{body}\n}} }}")

    def write_documents(self, docs: list[tuple[str, str, bool]]) -> None:
        """Write named graphs in one transaction, each whole or none: `docs` are (graph IRI, its triples as N-Quads
        in that graph, whether a graph of that name may already be stored and is to be replaced)."""
        if not docs:
            return
        if not self.remote and not any(replace for _, _, replace in docs):
            import pyoxigraph

            self._written = True
            try:  # the N-Quads parser, far faster than an update text; `load` is one transaction
                self.ds.store._inner.load(input="".join(q for _, q, _ in docs), format=pyoxigraph.RdfFormat.N_QUADS)
            except OSError as exc:
                raise StoreError(f"cannot write to store {self.location}: {exc.strerror or exc}") from exc
            except MemoryError as exc:  # Oxigraph's N-Quads parser takes lines up to 16 MB (a long text is in
                # pieces well below it: rdf/mapping.py `text_pieces`)
                raise StoreError(f"cannot write to store {self.location}: a triple over Oxigraph's 16 MB line "
                                 "(one literal over 16 MB)") from exc
            return
        parts = []
        for iri, quads, replace in docs:  # N-Triples lines are SPARQL triples: drop the graph name of each line
            tail = len(f" <{iri}> .")
            body = "\n".join(line[:-tail] + " ." for line in quads.splitlines() if line)
            drop = f"DROP SILENT GRAPH <{iri}> ;\n" if replace else ""
            parts.append(f"{drop}INSERT DATA {{ GRAPH <{iri}> {{\n{body}\n}} }}")
        self._update(" ;\n".join(parts))

    def bulk_load(self, quads: str) -> None:
        """Load N-Quads with Oxigraph's bulk loader: no transaction (staging.write_new makes a batch whole or
        nothing); a local store only."""
        import pyoxigraph

        self._written = True
        try:
            self.ds.store._inner.bulk_load(input=quads, format=pyoxigraph.RdfFormat.N_QUADS, lenient=True)
        except OSError as exc:
            raise StoreError(f"cannot write to store {self.location}: {exc.strerror or exc}") from exc

    def drop_graph(self, name: URIRef) -> None:
        self._update(f"DROP SILENT GRAPH {name.n3()}")

    def _update(self, text: str) -> None:
        self._written = True
        try:
            if self.remote:
                self.ds.store.update(text, {}, {}, None)
            else:
                self.ds.store.update(text, {}, {}, DATASET_DEFAULT_GRAPH_ID)
        except OSError as exc:
            raise StoreError(f"cannot write to store {self.location}: {exc.strerror or exc}") from exc


class StoreView:
    """A store seen through a subset of its named graphs (SPARQL FROM clauses): what an earlier build would have
    seen. Answers `query` and `named` like a KGStore; anything else is the store's."""

    def __init__(self, store: KGStore, graphs: list[URIRef]):
        self.store = store
        self.graphs = graphs

    def query(self, sparql: str, /, **bindings):
        return self.store._run(sparql, self.graphs, bindings)

    def named(self, name: str, /, *, page: tuple[int | None, int] | None = None, **bindings):
        """`queries/NAME.rq` run with `bindings`; `page`: (limit or None, offset) of its rows, which the query
        orders (ORDER BY) so that pages do not overlap."""
        return self.query(paged(load_query(name, bindings), page), **bindings)

    def named_strings(self, name: str, /, **bindings) -> tuple[list[str], Iterator[list[str | None]]]:
        """`KGStore.named_strings` over these graphs only."""
        res = self.named(name, **bindings)
        return [str(v) for v in res.vars], ([None if x is None else str(x) for x in r] for r in res)

    def __getattr__(self, attr):
        return getattr(self.store, attr)


def _ox_str(term) -> str:
    """A pyoxigraph term as rdflib's str() gives it: the IRI, the lexical form, the blank node's id."""
    return term.value if hasattr(term, "value") else str(term)


XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


def plain(term):
    """`term` with an xsd:string literal made a plain one (RDF 1.1 says they are the same; rdflib does not, and
    Oxigraph gives the one where SPARQL JSON results give the other)."""
    if isinstance(term, Literal) and term.datatype == XSD_STRING:
        return Literal(str(term))
    return term


def to_json_value(term):
    """A term as a plain JSON value: numbers and booleans as such, anything else as its string."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool) or isinstance(value, int):
            return value
        if type(value).__name__ in ("Decimal", "float"):
            return float(value)
    return str(term)


def sparql_json(columns: list[str], rows: Iterable[Iterable]) -> dict:
    """W3C SPARQL 1.1 Query Results JSON for `rows` of rdflib terms."""
    return {"head": {"vars": list(columns)}, "results": {"bindings": [binding(columns, row) for row in rows]}}


def binding(columns: list[str], row: Iterable) -> dict:
    """One row of rdflib terms as a SPARQL 1.1 Results JSON binding."""
    b = {}
    for var, term in zip(columns, row):
        if term is None:
            continue
        if isinstance(term, URIRef):
            b[var] = {"type": "uri", "value": str(term)}
        elif isinstance(term, Literal):
            cell = {"type": "literal", "value": str(term)}
            if term.language:
                cell["xml:lang"] = term.language
            elif term.datatype and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
                cell["datatype"] = str(term.datatype)
            b[var] = cell
        else:
            b[var] = {"type": "bnode", "value": str(term)}
    return b


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
