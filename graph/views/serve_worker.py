"""One query worker of `kg serve`: a process that opens the store read-only and answers queries sent on its standard
input, writing the serialised answer to its standard output in frames. It has no socket of its own.

Run by path (`python graph/serve_worker.py STORE`), so that it imports pyoxigraph and the standard library only, not
the `graph` package (spaCy): a worker killed for running out of time is replaced in a fraction of a second.

Requests: a 4-byte big-endian length, then JSON {"query": text, "results": "JSON|XML|CSV|TSV",
"rdf": "N_TRIPLES|TURTLE|RDF_XML|JSON_LD"}. Answers: frames of a tag byte, a 4-byte length and a payload:
`R` ready (sent once, after the store opened), `S` start (the kind: solutions, boolean or graph), `D` data (a part of
the serialised answer), `E` end, `X` error (JSON {"status": 400 or 500, "message": text}).
"""

from __future__ import annotations

import json
import os
import signal
import struct
import sys

CHUNK = 64 * 1024


class Frames:
    """A binary writer that sends what it is given as `D` frames of about CHUNK bytes."""

    def __init__(self, fd: int):
        self.fd, self.buf = fd, bytearray()

    def send(self, tag: bytes, payload: bytes = b"") -> None:
        data = tag + struct.pack(">I", len(payload)) + payload
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view):]

    def write(self, data) -> int:
        self.buf += data
        if len(self.buf) >= CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.buf:
            self.send(b"D", bytes(self.buf))
            self.buf.clear()


def read_exact(fd: int, n: int) -> bytes | None:
    out = bytearray()
    while len(out) < n:
        part = os.read(fd, n - len(out))
        if not part:
            return None
        out += part
    return bytes(out)


def die_with_parent() -> None:
    """On Linux, be killed when the server dies, even by kill -9, rather than finish a runaway query alone."""
    parent = os.getppid()
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the server died before the call
        os._exit(1)


def main(location: str) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops its workers
    if sys.platform.startswith("linux"):
        die_with_parent()
    out_fd = os.dup(1)
    os.dup2(2, 1)  # anything printed by accident goes to the log, not into an answer
    frames = Frames(out_fd)
    try:
        import pyoxigraph as ox

        store = ox.Store.read_only(location)
    except Exception as exc:
        frames.send(b"X", json.dumps({"status": 500, "message": f"cannot open store {location}: {exc}"}).encode())
        return 1
    frames.send(b"R")
    while True:
        head = read_exact(0, 4)
        if head is None:
            return 0
        request = json.loads(read_exact(0, struct.unpack(">I", head)[0]) or b"{}")
        started = False
        try:
            res = store.query(request["query"], use_default_graph_as_union=True)
            if isinstance(res, ox.QueryTriples):
                kind, fmt = "graph", getattr(ox.RdfFormat, request.get("rdf") or "N_TRIPLES")
            else:
                kind = "boolean" if isinstance(res, ox.QueryBoolean) else "solutions"
                fmt = getattr(ox.QueryResultsFormat, request.get("results") or "JSON")
            frames.send(b"S", kind.encode())
            started = True
            res.serialize(frames, fmt)
            frames.flush()
            frames.send(b"E")
        except BrokenPipeError:
            return 0
        except Exception as exc:  # a syntax error, or an error while evaluating
            frames.buf.clear()
            status = 400 if isinstance(exc, SyntaxError) and not started else 500
            frames.send(b"X", json.dumps({"status": status, "message": str(exc)}).encode())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
