"""A `kill -9` in the middle of `kg build` leaves a store that opens and holds every document completed before it,
each whole: a document is written in one transaction."""

import os
import shutil
import signal
import subprocess
import sys
import time

from graph.store.build import build
from graph.ids import doc_iri
from graph.store.kgstore import KGStore

from .conftest import ROOT


def graph_size(store, name):
    rows = list(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{doc_iri(name)}> {{ ?s ?p ?o }} }}"))
    return int(rows[0][0])


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat").read()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        state = open(f"/proc/{pid}/stat").read().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_kill_9_during_build_keeps_completed_documents(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    sources = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
    for i in range(4):
        for src in sources:
            shutil.copy(src, docs / f"{i:02d}-{src.name}")
    store_dir = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "build", str(docs), "--store", str(store_dir),
                             "--jobs", "2"],
                            stderr=subprocess.PIPE, text=True, cwd=ROOT)
    done = []
    deadline = time.time() + 240
    while len(done) < 4 and time.time() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        if " events, " in line:
            done.append(line.split(":", 1)[0])
    workers = children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert workers, "the build ran no workers"
    deadline = time.time() + 30  # the workers see their parent gone within a second
    while any(alive(pid) for pid in workers) and time.time() < deadline:
        time.sleep(0.2)
    assert not any(alive(pid) for pid in workers), "the build's workers outlived it"
    assert len(done) >= 4, "the build did not get far enough to be interrupted"
    assert len(done) < len(list(docs.iterdir())), "the build finished before it was killed"

    store = KGStore(store_dir)
    stored = {str(r[0]) for r in store.query("SELECT ?d WHERE { ?d kg:checksum ?c }")}
    for name in done:
        assert str(doc_iri(name)) in stored
    # every stored document is whole: as many triples as the same document built alone
    for name in done:
        alone = KGStore("memory")
        build([docs / name], alone)
        assert graph_size(store, name) == graph_size(alone, name)
        alone.close()
    store.close()


def test_a_store_path_that_cannot_be_a_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "graph.cli", "build", str(ROOT / "seeds"), "--store",
                        str(blocker / "store")], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode != 0
    assert "Traceback" not in r.stderr and "kg: error" in r.stderr
