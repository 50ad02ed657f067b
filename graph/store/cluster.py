"""`kg build --cluster ADDRESS`: each document's own work (`build.prepare`: its analysis, its triples, their SHACL
check) on the workers of a Dask distributed cluster instead of processes on this machine.

It is the code path of local jobs (`build._Analyser`) with another pool: `ClusterPool` is a `concurrent.futures`
executor whose tasks run on the cluster, so the same functions are submitted with the same arguments, a long
document's pieces are read across the cluster's workers, results come back in the documents' order, and this
process links and writes them as it does for local jobs (linking needs the whole store: it stays here). Each
worker process loads the spaCy pipeline once, at its first task, and again only if another build asks for another
model (`_on_worker`); it runs one task at a time, so start workers with one thread each (`dask worker --nthreads 1
--nworkers N`) and as many as their machine has cores.

    with connect("tcp://10.0.0.5:8786") as client:
        build(paths, store, cluster=client)

Every worker needs this package and the spaCy model installed, the same versions as here. A single short
document, and a document linking changed that must be analysed again, are analysed here, as with local jobs.
"""

from __future__ import annotations

import threading
import weakref
from concurrent.futures import Future
from typing import Callable

CONNECT_TIMEOUT = 10  # seconds to reach the scheduler
INSTALL = "pip install 'meeting-graph[cluster]'"


class ClusterError(RuntimeError):
    """No cluster to work on: a one-line reason."""


def connect(address: str, timeout: float | None = None):
    """A `distributed.Client` of the scheduler at `address` (`tcp://HOST:PORT`, or `HOST:PORT`); `ClusterError` if
    Dask distributed is not installed, the address is not one, or no scheduler answers there within `timeout`
    seconds (`CONNECT_TIMEOUT`)."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(f"--cluster needs Dask distributed: {INSTALL}") from None
    _check_address(address)
    try:
        return Client(address, timeout=CONNECT_TIMEOUT if timeout is None else timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"no Dask scheduler at {address}: {_one_line(exc)}") from None


def _check_address(address: str) -> None:
    """Refuse what is no scheduler address before a `Client` is made of it (a client of a malformed address is
    left half open and fails again when it is collected)."""
    from distributed.comm.addressing import parse_address
    from distributed.comm.registry import get_backend

    try:
        scheme, loc = parse_address(address)
        get_backend(scheme).get_address_host_port(loc)
    except (ValueError, TypeError) as exc:
        raise ClusterError(f"not a Dask scheduler address: {address!r} (tcp://HOST:PORT): {_one_line(exc)}") from None
    except NotImplementedError:  # a scheme without host and port (inproc://): Client says whether it is one
        pass


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def cluster_pool(client, model: str | None) -> tuple[int, Callable[[int], "ClusterPool"]]:
    """For `build._Analyser`: the jobs (the cluster's threads, at least two so that its pool is always used) and
    a maker of its pool."""
    threads = sum(client.nthreads().values())
    return max(2, threads), lambda workers: ClusterPool(client, model)


class ClusterPool:
    """A `concurrent.futures` executor on a Dask cluster (`Client.get_executor`), each task run after its worker
    has loaded the spaCy pipeline `model`; `shutdown(cancel_futures=True)` drops what has not run."""

    def __init__(self, client, model: str | None):
        self.executor = client.get_executor(pure=False)  # two documents with the same text are two tasks
        self.model = model
        self._futures: weakref.WeakSet[Future] = weakref.WeakSet()

    def submit(self, fn, /, *args) -> Future:
        fut = self.executor.submit(_on_worker, self.model, fn, *args)
        self._futures.add(fut)
        return fut

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        if cancel_futures:
            for fut in list(self._futures):
                fut.cancel()
        self.executor.shutdown(wait=wait and not cancel_futures)


_LOCK = threading.Lock()
_LOADED: list = []  # the model this worker process loaded


def _on_worker(model: str | None, fn, *args):
    """`fn(*args)` on a cluster worker, its spaCy pipeline loaded for `model` first (`build._init_worker`, as a
    local worker process does; a failure to load is raised with the task). One task at a time per process: the
    pipeline is not shared between threads."""
    from .build import _init_worker

    with _LOCK:
        if _LOADED != [model]:
            _init_worker(model)
            _LOADED[:] = [model]
        return fn(*args)
