"""The query workers of `kg serve` (serve.py): each a `serve_worker.py` process with the store opened read-only,
talking over its standard input and output only, one query at a time; the pool kills and replaces a worker that
runs out of time or fails, so the other workers go on serving.
"""

from __future__ import annotations

import json
import os
import queue
import select
import socket
import struct
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

WORKER = Path(__file__).with_name("serve_worker.py")


class ServeError(RuntimeError):
    """The endpoint cannot start: a one-line reason."""


class HTTPFail(Exception):
    """An answer other than 200: its status and one-line reason."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


class OutOfTime(HTTPFail):
    """A query stopped at its time-out (its worker is killed)."""


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------------------------------- workers

class Worker:
    """A `serve_worker.py` process over the store, answering one query at a time."""

    def __init__(self, location: Path):
        self.proc = subprocess.Popen([sys.executable, str(WORKER), str(location)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=None, bufsize=0)
        self.fd = self.proc.stdout.fileno()
        tag, payload = self.frame(time.monotonic() + 60)
        if tag != b"R":
            self.kill()
            raise ServeError(json.loads(payload)["message"] if tag == b"X" else "a query worker did not start")

    def _read(self, n: int, deadline: float) -> bytes:
        out = bytearray()
        while len(out) < n:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                raise TimeoutError
            part = os.read(self.fd, n - len(out))
            if not part:
                raise ConnectionError("the query worker stopped")
            out += part
        return bytes(out)

    def frame(self, deadline: float) -> tuple[bytes, bytes]:
        head = self._read(5, deadline)
        return head[:1], self._read(struct.unpack(">I", head[1:])[0], deadline)

    def ask(self, query: str, results: str, rdf: str) -> None:
        data = json.dumps({"query": query, "results": results, "rdf": rdf}).encode()
        self.proc.stdin.write(struct.pack(">I", len(data)) + data)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass

    def close(self) -> None:
        try:
            self.proc.stdin.close()  # the worker ends when its input does
            self.proc.wait(5)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.kill()


class Pool:
    """`size` workers; a worker that ran out of time or failed is killed and replaced."""

    def __init__(self, location: Path, size: int):
        self.location = location
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.all: list[Worker] = []
        self.lock = threading.Lock()
        try:
            for _ in range(size):
                self._add()
        except BaseException:
            self.close()
            raise
        # Replacements are started by one long-lived thread: a worker dies with the thread that started it (Linux
        # PR_SET_PDEATHSIG), and a request's thread ends with the request.
        self.wanted: queue.Queue[bool] = queue.Queue()
        threading.Thread(target=self._replace, daemon=True).start()

    def _replace(self) -> None:
        while self.wanted.get():
            try:
                self._add()
            except ServeError as exc:
                print(f"kg serve: cannot replace a query worker: {exc}", file=sys.stderr, flush=True)

    def _add(self) -> None:
        w = Worker(self.location)
        with self.lock:
            self.all.append(w)
        self.idle.put(w)

    @contextmanager
    def worker(self, wait: float):
        try:
            w = self.idle.get(timeout=wait)
        except queue.Empty:
            raise HTTPFail(503, f"all query workers are busy for {wait:g} s: try again later") from None
        ok = False
        try:
            yield w
            ok = True
        except OutOfTime:
            raise
        except HTTPFail:  # the worker answered with an error and waits for the next query
            ok = True
            raise
        finally:
            if ok:
                self.idle.put(w)
            else:
                w.kill()
                with self.lock:
                    self.all.remove(w)
                self.wanted.put(True)

    def close(self) -> None:
        if hasattr(self, "wanted"):
            self.wanted.put(False)
        with self.lock:
            workers, self.all = self.all, []
        for w in workers:
            w.close()
