"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a store folder.

One door: a threaded HTTP server in this process is the only thing that listens (127.0.0.1 by default, a listen
backlog of 1024). Queries run in a small pool of worker processes (`serve_worker.py`), each with the store opened
read-only by pyoxigraph and talking to this process over its standard input and output only: no second port. A
query that runs out of time is stopped by killing its worker, which is replaced; the other workers go on serving.

What it answers: GET and POST queries (`?query=`, a form, or `application/sparql-query`) at `/query` and `/sparql`,
over the union of the documents' graphs; SPARQL results in JSON, XML, CSV or TSV and RDF (N-Triples, Turtle,
RDF/XML, JSON-LD) for CONSTRUCT and DESCRIBE, chosen by the `Accept` header; a small query editor at `/`.

What it refuses, with a status and a one-line reason:

- updates (403), on any path: `/update`, an `update=` form, an INSERT or LOAD sent as a query, the Graph Store
  Protocol (PUT, POST, DELETE, PATCH);
- outgoing requests (403): a query with a SERVICE clause, unless its endpoint is in `allow_service`;
- malformed requests and queries (400: a Content-Length that is not a number, a syntax error with its line and
  column), bodies over 16 MB (413), unknown media types (415, 406);
- a query that runs out of time (503), and one that waits longer than the time-out for a free worker (503).

Results are capped: a query without a top-level LIMIT, or with a bigger one, gets `LIMIT N` (the response then
carries `X-KG-Result-Limit: N`). Up to 8 MB of an answer is held back before the status is sent, so that an error
or a time-out in that part still gets its status; a longer answer is streamed, and one cut short by the time-out
ends without its last bytes (the connection is closed).

A store must not be read while another process writes it: the server holds a shared lock on the store's RocksDB
lock file while it serves, so a `kg build` into the same folder stops with "store in use", and the server does not
start while a build holds it.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from ..store.sparqltext import Refused, cap_limit, check_services, explain, form, is_update
from .serve_pool import HTTPFail, OutOfTime, Pool, ServeError, free_port  # noqa: F401 (free_port: for callers)

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30  # seconds per query
DEFAULT_LIMIT = 10_000  # results per query
DEFAULT_WORKERS = 4
MAX_BODY = 16 * 1024 * 1024  # bytes of a POSTed query
HOLD = 8 * 1024 * 1024  # bytes of an answer held back before the status is sent
QUERY_PATHS = ("/query", "/sparql")
EDITOR = Path(__file__).parent.parent / "templates" / "editor.html"

RESULTS = {"application/sparql-results+json": "JSON", "application/json": "JSON",
           "application/sparql-results+xml": "XML", "application/xml": "XML", "text/xml": "XML",
           "text/csv": "CSV", "text/tab-separated-values": "TSV"}
RDF = {"application/n-triples": "N_TRIPLES", "text/plain": "N_TRIPLES", "text/turtle": "TURTLE",
       "application/rdf+xml": "RDF_XML", "application/ld+json": "JSON_LD"}
MEDIA = {"JSON": "application/sparql-results+json", "XML": "application/sparql-results+xml", "CSV": "text/csv",
         "TSV": "text/tab-separated-values", "N_TRIPLES": "application/n-triples", "TURTLE": "text/turtle",
         "RDF_XML": "application/rdf+xml", "JSON_LD": "application/ld+json"}
SHORT = {"json": "JSON", "xml": "XML", "csv": "CSV", "tsv": "TSV", "turtle": "TURTLE", "ttl": "TURTLE",
         "nt": "N_TRIPLES", "ntriples": "N_TRIPLES", "rdfxml": "RDF_XML", "jsonld": "JSON_LD"}


# ---------------------------------------------------------------------------------------------------- HTTP

def negotiate(accept: str | None, table: dict[str, str], default: str) -> str | None:
    """The format of `table` the Accept header `accept` prefers (its default for none, */*, type/*), or None."""
    if not accept or not accept.strip():
        return default
    choices = []
    for i, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            choices.append((-q, i, media.lower()))
    for _, _, media in sorted(choices):
        if media in table:
            return table[media]
        if media == "*/*" or (media.endswith("/*") and any(k.startswith(media[:-1]) for k in table)):
            return default if media == "*/*" else next(v for k, v in table.items() if k.startswith(media[:-1]))
    return None


class Handler(BaseHTTPRequestHandler):
    """The SPARQL 1.1 Protocol, read-only (see the module doc)."""

    server_version = "kg-serve"
    timeout = 60  # seconds a client may take to send its request
    pool: Pool
    timeout_s: int = DEFAULT_TIMEOUT
    limit: int = DEFAULT_LIMIT
    allow_service: tuple[str, ...] = ()
    quiet: bool = False

    def do_GET(self) -> None:
        self._safely("GET")

    def do_HEAD(self) -> None:
        self._safely("HEAD")

    def do_POST(self) -> None:
        self._safely("POST")

    def do_PUT(self) -> None:
        self._safely("PUT")

    def do_DELETE(self) -> None:
        self._safely("DELETE")

    def do_PATCH(self) -> None:
        self._safely("PATCH")

    def log_message(self, fmt: str, *args) -> None:
        if not self.quiet:
            super().log_message(fmt, *args)

    def _safely(self, method: str) -> None:
        try:
            self._handle(method)
        except HTTPFail as exc:
            self._answer(exc.status, str(exc))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client went away
        except (TimeoutError, ConnectionAbortedError) as exc:  # after the status was sent: the answer is cut short
            self.log_error("answer cut short: %s", str(exc) or f"the query ran out of time ({self.timeout_s} s)")
            self.close_connection = True
        except Exception as exc:  # a bug: one line in the log and a 500, never a traceback to the client
            self.log_error("internal error: %s: %s", type(exc).__name__, exc)
            try:
                self._answer(500, "internal error: the request could not be answered")
            except OSError:
                pass

    def _handle(self, method: str) -> None:
        parts = urlsplit(self.path)
        path = parts.path.rstrip("/") or "/"
        if method in ("PUT", "DELETE", "PATCH") or path == "/update" or (path == "/store" and method == "POST"):
            raise HTTPFail(403, "this endpoint is read-only: updates are refused (build the store with `kg build`)")
        if path == "/store":
            raise HTTPFail(404, "the Graph Store Protocol is not served here: query /query")
        if path == "/" and method in ("GET", "HEAD"):
            return self._send(200, "text/html; charset=utf-8", EDITOR.read_bytes(), head=method == "HEAD")
        if path not in QUERY_PATHS:
            raise HTTPFail(404, f"nothing at {path}: query /query")
        params = parse_qsl(parts.query, keep_blank_values=True)
        query = None
        if method == "POST":
            body = self._body()
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/x-www-form-urlencoded":
                params += parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
            elif ctype == "application/sparql-query":
                query = body.decode("utf-8", "replace")
            elif ctype == "application/sparql-update":
                raise HTTPFail(403, "this endpoint is read-only: updates are refused (build the store with "
                                    "`kg build`)")
            else:
                raise HTTPFail(415, f"unsupported Content-Type {ctype or '(none)'}: send application/sparql-query "
                                    "or a form")
        if any(k == "update" for k, _ in params):
            raise HTTPFail(403, "this endpoint is read-only: updates are refused (build the store with `kg build`)")
        given = [v for k, v in params if k == "query"]
        if query is None and given:
            query = given[0]
        if query is None or not query.strip():
            raise HTTPFail(400, "no query: send ?query=… (GET) or POST a query")
        self._query(query, dict(params), head=method == "HEAD")

    def _body(self) -> bytes:
        raw = self.headers.get("Content-Length")
        if raw is None:
            if self.headers.get("Transfer-Encoding"):
                raise HTTPFail(411, "send the query with a Content-Length")
            return b""
        try:
            length = int(raw.strip())
        except ValueError:
            length = -1
        if length < 0 or not raw.strip().isdigit():
            raise HTTPFail(400, f"a Content-Length that is not a number of bytes: {raw[:40]!r}")
        if length > MAX_BODY:
            raise HTTPFail(413, f"a query of more than {MAX_BODY // (1024 * 1024)} MB")
        body = self.rfile.read(length)
        if len(body) < length:
            raise HTTPFail(400, "the request body is shorter than its Content-Length")
        return body

    def _query(self, query: str, params: dict, head: bool) -> None:
        if is_update(query):
            raise HTTPFail(403, "this endpoint is read-only: updates are refused (build the store with `kg build`)")
        try:
            check_services(query, self.allow_service)
        except Refused as exc:
            raise HTTPFail(403, str(exc)) from None
        kind = form(query)
        graph = kind in ("CONSTRUCT", "DESCRIBE")
        hint = SHORT.get((params.get("format") or params.get("output") or "").lower())
        table, default = (RDF, "N_TRIPLES") if graph else (RESULTS, "JSON")
        fmt = hint if hint in table.values() else negotiate(self.headers.get("Accept"), table, default)
        if fmt is None:
            raise HTTPFail(406, f"cannot answer in {self.headers.get('Accept')}: ask for "
                                + ", ".join(sorted(set(table))))
        capped, changed = cap_limit(query, self.limit)
        extra = {"X-KG-Result-Limit": str(self.limit)} if changed else {}
        deadline = time.monotonic() + self.timeout_s
        with self.server.pool.worker(self.timeout_s) as w:
            w.ask(capped, fmt if not graph else "JSON", fmt if graph else "N_TRIPLES")
            held, done, kind = bytearray(), False, None
            try:
                while len(held) <= HOLD:
                    tag, payload = w.frame(deadline)
                    if tag == b"S":
                        kind = payload.decode()
                    elif tag == b"D":
                        held += payload
                    elif tag == b"E":
                        done = True
                        break
                    elif tag == b"X":
                        error = json.loads(payload)
                        if error["status"] == 400:
                            raise HTTPFail(400, explain(SyntaxError(error["message"]), query))
                        raise HTTPFail(500, "the query failed: " + (error["message"].splitlines() or ["?"])[0][:300])
            except TimeoutError:
                raise OutOfTime(503, f"the query ran out of time ({self.timeout_s} s): narrow it or add a LIMIT") \
                    from None
            ctype = MEDIA[fmt if kind != "graph" or graph else "N_TRIPLES"]
            self._send(200, ctype + "; charset=utf-8", bytes(held), head=head, extra=extra, length=done)
            while not done:
                tag, payload = w.frame(deadline)  # a time-out here ends the answer short (TimeoutError)
                if tag == b"D" and not head:
                    self.wfile.write(payload)
                elif tag == b"E":
                    done = True
                elif tag == b"X":
                    raise ConnectionAbortedError("the query failed while its answer was sent")

    def _send(self, status: int, ctype: str, data: bytes, head: bool = False, extra: dict | None = None,
              length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        if length:
            self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def _answer(self, status: int, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"),
                   head=self.command == "HEAD")


class Server(ThreadingHTTPServer):
    request_queue_size = 1024  # the listen backlog: many clients at once are queued, not reset
    daemon_threads = True
    pool: Pool

    def handle_error(self, request, client_address) -> None:
        exc = sys.exc_info()[1]
        if not isinstance(exc, (OSError, TimeoutError, ConnectionAbortedError)):
            print(f"kg serve: {client_address[0]}: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)


def serve(location: str | Path, *, bind: str = "127.0.0.1", port: int = DEFAULT_PORT,
          timeout: int = DEFAULT_TIMEOUT, limit: int = DEFAULT_LIMIT, quiet: bool = False,
          workers: int = DEFAULT_WORKERS, allow_service: tuple[str, ...] = (), ready=None) -> int:
    """Serve the store folder `location` until interrupted (Ctrl-C or SIGTERM). `ready(server)` is called once the
    server listens (tests)."""
    from ..store.kgstore import StoreError, check_folder, read_lock

    path = Path(location)
    if str(location).startswith(("http://", "https://")) or str(location) == "memory":
        raise ServeError("kg serve serves a store folder; a remote store has its own endpoint")
    if timeout < 1 or limit < 1 or workers < 1:
        raise ServeError("--timeout, --limit and --workers must be positive")
    try:
        check_folder(path, create=False)
        lock = read_lock(path)
    except StoreError as exc:
        raise ServeError(str(exc)) from None
    try:
        pool = Pool(path, workers)
        try:
            handler = type("BoundHandler", (Handler,), {"timeout_s": timeout, "limit": limit, "quiet": quiet,
                                                        "allow_service": tuple(allow_service)})
            try:
                cls = Server
                if ":" in bind:
                    cls = type("Server6", (Server,), {"address_family": socket.AF_INET6})
                httpd = cls((bind, port), handler)
            except OSError as exc:
                raise ServeError(f"cannot listen on {bind}:{port}: {exc.strerror or exc}") from None
            httpd.pool = pool
            host = f"[{bind}]" if ":" in bind else bind
            where = f"http://{host}:{httpd.server_address[1]}"
            allowed = f"; SERVICE allowed to {', '.join(allow_service)}" if allow_service else ""
            print(f"SPARQL endpoint {where}/query over {path} (read-only, {timeout} s and {limit} results per "
                  f"query, {workers} workers{allowed}; query editor at {where}/). Ctrl-C stops.", file=sys.stderr,
                  flush=True)

            def stop(*_):
                raise KeyboardInterrupt

            previous = signal.signal(signal.SIGTERM, stop) if threading.current_thread() is threading.main_thread() \
                else None
            try:
                if ready:
                    ready(httpd)
                httpd.serve_forever(poll_interval=0.2)
            except KeyboardInterrupt:
                pass
            finally:
                if previous is not None:
                    signal.signal(signal.SIGTERM, previous)
                httpd.server_close()
        finally:
            pool.close()
    finally:
        if lock is not None:
            os.close(lock)
    return 0
