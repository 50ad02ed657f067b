"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a store folder.

The SPARQL is Oxigraph's own server (`oxigraph serve-read-only`, PyPI `oxigraph`): the protocol (GET and POST,
form-encoded or `application/sparql-query`), content negotiation (SPARQL results in JSON, XML, CSV and TSV; RDF for
CONSTRUCT), the query timeout and the YASGUI query editor at `/`, bundled, offline. It listens on a private loopback
port, with the union of the named graphs as its default graph (`--union-default-graph`) and CORS off.

In front of it, on the public address (127.0.0.1 by default), a thin relay adds what Oxigraph's server has no flag
for, and touches nothing else:

- a result limit: a query without a top-level LIMIT, or with a bigger one, gets `LIMIT N` (the response then
  carries `X-KG-Result-Limit: N`);
- updates refused with 403 and a one-line reason, on any path (`/update`, an `update=` form, an INSERT sent as a
  query, a Graph Store PUT, POST or DELETE);
- a timeout that says so: Oxigraph answers 200 and then cuts the results short when a query runs out of time; the
  relay holds the answer back and turns that into a 503.

A store must not be opened read-only while another process writes it. The relay holds the store's RocksDB lock
(`DIR/LOCK`) while it serves, so a `kg build` into the same folder stops with "store in use" instead of writing
under a reader; and it will not start while a `kg build` holds the lock.
"""

from __future__ import annotations

import fcntl
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from .sparqltext import cap_limit, is_update

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30  # seconds per query
DEFAULT_LIMIT = 10_000  # results per query
MAX_BODY = 16 * 1024 * 1024  # bytes of a POSTed query
HOLD = 8 * 1024 * 1024  # bytes of an answer held back before streaming the rest
CANCELLED = b"The SPARQL operation has been cancelled"
QUERY_PATHS = ("/query", "/sparql")


class ServeError(RuntimeError):
    """The endpoint cannot start: a one-line reason."""


def oxigraph_binary() -> str:
    """The `oxigraph` executable of the PyPI package `oxigraph` (beside this Python, or on PATH)."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.exists():
        return str(here)
    found = shutil.which("oxigraph")
    if not found:
        raise ServeError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _lock_store(path: Path) -> int:
    """Hold the store's RocksDB lock so that no process opens it for writing while we serve it."""
    if not (path / "CURRENT").exists():
        raise ServeError(f"no store at {path} (run `kg build` first)")
    fd = os.open(path / "LOCK", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise ServeError(f"store {path} is open in another process (a `kg build`?); serve it when that is done")
    return fd


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def _relay_stderr(stream, out) -> None:
    for line in iter(stream.readline, b""):
        text = line.decode("utf-8", "replace").rstrip()
        if text and not text.startswith("Listening for requests"):
            print(f"oxigraph: {text}", file=out, flush=True)


class Oxigraph:
    """`oxigraph serve-read-only` on a private loopback port, for as long as the `with` block lasts."""

    def __init__(self, location: Path, timeout: int):
        self.location, self.timeout = location, timeout
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> "Oxigraph":
        cmd = [oxigraph_binary(), "serve-read-only", "--location", str(self.location), "--bind",
               f"127.0.0.1:{self.port}", "--union-default-graph", "--timeout-s", str(self.timeout)]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     preexec_fn=_die_with_parent if sys.platform == "linux" else None)
        threading.Thread(target=_relay_stderr, args=(self.proc.stderr, sys.stderr), daemon=True).start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ServeError(f"oxigraph stopped at once (exit {self.proc.returncode})")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        self.__exit__()
        raise ServeError("oxigraph did not start within 20 s")

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Relay(BaseHTTPRequestHandler):
    """Forwards the SPARQL Protocol to Oxigraph, capping results and refusing updates (see the module doc)."""

    server_version = "kg-serve"
    upstream_port: int = 0
    timeout_s: int = DEFAULT_TIMEOUT
    limit: int = DEFAULT_LIMIT
    quiet: bool = False

    # ------------------------------------------------------------------ HTTP methods
    def do_GET(self) -> None:
        self._handle("GET")

    def do_HEAD(self) -> None:
        self._handle("HEAD")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PUT(self) -> None:
        self._refuse_update()

    def do_DELETE(self) -> None:
        self._refuse_update()

    def do_PATCH(self) -> None:
        self._refuse_update()

    def log_message(self, fmt: str, *args) -> None:
        if not self.quiet:
            super().log_message(fmt, *args)

    # ------------------------------------------------------------------ handling
    def _handle(self, method: str) -> None:
        parts = urlsplit(self.path)
        path = parts.path.rstrip("/") or "/"
        if path == "/update" or (path == "/store" and method == "POST"):
            return self._refuse_update()
        if path == "/store":
            return self._answer(404, "the Graph Store Protocol is not served here: query /query")
        if path not in QUERY_PATHS:
            if method == "POST":
                return self._answer(404, f"nothing to POST to at {path}: query /query")
            return self._forward(method, self.path, None, {})
        params = parse_qsl(parts.query, keep_blank_values=True)
        query = None
        if method == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                return self._answer(413, f"a query of more than {MAX_BODY // (1024 * 1024)} MB")
            body = self.rfile.read(length) if length else b""
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if ctype == "application/x-www-form-urlencoded":
                params += parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
            elif ctype == "application/sparql-query":
                query = body.decode("utf-8", "replace")
            elif ctype == "application/sparql-update":
                return self._refuse_update()
            else:
                return self._answer(415, f"unsupported Content-Type {ctype or '(none)'}: send "
                                         "application/sparql-query or a form")
        if any(k == "update" for k, _ in params):
            return self._refuse_update()
        given = [v for k, v in params if k == "query"]
        if query is None and given:
            query = given[0]
        if query is None:
            return self._answer(400, "no query: send ?query=… (GET) or POST a query")
        if is_update(query):
            return self._refuse_update()
        capped, changed = cap_limit(query, self.limit)
        rest = [(k, v) for k, v in params if k != "query"]
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if self.headers.get("Accept"):
            headers["Accept"] = self.headers["Accept"]
        extra = {"X-KG-Result-Limit": str(self.limit)} if changed else {}
        self._forward("POST", "/query", urlencode([("query", capped), *rest]).encode("utf-8"), headers, extra,
                      sparql=True, head=method == "HEAD")

    def _forward(self, method: str, path: str, body: bytes | None, headers: dict, extra: dict | None = None,
                 sparql: bool = False, head: bool = False) -> None:
        if method == "GET" and self.headers.get("Accept"):
            headers = {**headers, "Accept": self.headers["Accept"]}
        conn = http.client.HTTPConnection("127.0.0.1", self.upstream_port, timeout=self.timeout_s + 30)
        started = time.monotonic()
        try:
            conn.request(method, path, body=body, headers=headers)
            res = conn.getresponse()
            held = b""
            while len(held) <= HOLD:
                chunk = res.read(64 * 1024)
                if not chunk:
                    break
                held += chunk
            streaming = len(held) > HOLD
            if sparql and not streaming and res.status == 200 and (
                    held.rstrip().endswith(CANCELLED) or time.monotonic() - started >= self.timeout_s):
                return self._answer(503, f"the query ran out of time ({self.timeout_s} s): narrow it or add a LIMIT")
            self.send_response(res.status)
            for name in ("Content-Type", "Content-Disposition", "Cache-Control", "Last-Modified", "ETag"):
                if res.getheader(name):
                    self.send_header(name, res.getheader(name))
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            if not streaming:
                self.send_header("Content-Length", str(len(held)))
            self.send_header("Connection", "close")
            self.end_headers()
            if head:
                return
            self.wfile.write(held)
            while streaming:
                chunk = res.read(64 * 1024)
                if not chunk:
                    break
                self.wfile.write(chunk)
        except (ConnectionError, TimeoutError, http.client.HTTPException, OSError) as exc:
            try:
                self._answer(502, f"the SPARQL server did not answer: {exc}")
            except OSError:
                pass
        finally:
            conn.close()

    def _refuse_update(self) -> None:
        self._answer(403, "this endpoint is read-only: updates are refused (build the store with `kg build`)")

    def _answer(self, status: int, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


def serve(location: str | Path, *, bind: str = "127.0.0.1", port: int = DEFAULT_PORT,
          timeout: int = DEFAULT_TIMEOUT, limit: int = DEFAULT_LIMIT, quiet: bool = False) -> int:
    """Serve the store folder `location` until interrupted (Ctrl-C or SIGTERM)."""
    path = Path(location)
    if str(location).startswith(("http://", "https://")) or str(location) == "memory":
        raise ServeError("kg serve serves a store folder; a remote store has its own endpoint")
    if not path.is_dir():
        raise ServeError(f"no store at {path} (run `kg build` first)")
    if timeout < 1 or limit < 1:
        raise ServeError("--timeout and --limit must be positive")
    lock = _lock_store(path)
    try:
        with Oxigraph(path, timeout) as ox:
            handler = type("BoundRelay", (Relay,), {"upstream_port": ox.port, "timeout_s": timeout,
                                                    "limit": limit, "quiet": quiet})
            try:
                httpd = ThreadingHTTPServer((bind, port), handler)
            except OSError as exc:
                raise ServeError(f"cannot listen on {bind}:{port}: {exc.strerror or exc}") from None
            httpd.daemon_threads = True
            host = f"[{bind}]" if ":" in bind else bind
            print(f"SPARQL endpoint http://{host}:{httpd.server_address[1]}/query over {path} (read-only, "
                  f"{timeout} s and {limit} results per query; query editor at http://{host}:"
                  f"{httpd.server_address[1]}/). Ctrl-C stops.", file=sys.stderr, flush=True)

            def stop(*_):
                raise KeyboardInterrupt

            previous = signal.signal(signal.SIGTERM, stop)
            try:
                httpd.serve_forever(poll_interval=0.2)
            except KeyboardInterrupt:
                pass
            finally:
                signal.signal(signal.SIGTERM, previous)
                httpd.server_close()
    finally:
        os.close(lock)
    return 0
