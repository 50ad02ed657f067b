"""`--store http://…`: build, ask and export through a live Oxigraph server (SPARQL 1.1 Protocol and Update, rdflib's
SPARQLUpdateStore), and get what the embedded store gives."""

import io
import json
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest
from rdflib import Graph, Literal, URIRef

from graph.views import canned
from graph.store.build import build, remove
from graph.views.export import export_json
from graph.views.serve import free_port
from graph.store.kgstore import KGStore, StoreError

from .conftest import ROOT, SEED

CORPUS = ROOT / "tests" / "corpus"


def oxigraph_binary() -> str:
    """The `oxigraph` server of the PyPI package `oxigraph` (beside this Python, or on PATH): the remote store here."""
    import shutil
    from pathlib import Path

    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    return found


def start_oxigraph(location, union=True):
    port = free_port()
    cmd = [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    proc = subprocess.Popen(cmd + (["--union-default-graph"] if union else []), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/", timeout=2).read()
            return proc, url
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("oxigraph serve did not start")
            time.sleep(0.05)


def stop(proc):
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def remote(tmp_path_factory, nlp):
    """A live `oxigraph serve --union-default-graph` with the seed built into it through the remote store."""
    proc, url = start_oxigraph(tmp_path_factory.mktemp("oxigraph") / "data")
    with KGStore(url) as store:
        report = build([SEED], store, nlp=nlp)
    assert report.ingested == [SEED.name]
    yield url
    stop(proc)


def normalised(data):
    """The evaluation JSON with its lists in a stable order (ids are IRIs, the same in both stores)."""
    entities = sorted(({**e, "aliases": sorted(e["aliases"]), "roles": sorted(e["roles"], key=json.dumps)}
                       for e in data["entities"]), key=lambda e: e["id"])
    events = sorted(({**e, "participants": sorted(e["participants"]), "topics": sorted(e["topics"])}
                     for e in data["events"]), key=lambda e: e["id"])
    return {"entities": entities, "events": events}


def kg(*args):
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True, cwd=ROOT)


def as_json(answer):
    out = io.StringIO()
    canned.write(answer, "sparql-json", out)
    return json.loads(out.getvalue())


def test_build_meetings_export_match_the_embedded_store(remote, seed_store):
    r = kg("meetings", "--store", remote, "--format", "json")
    assert r.returncode == 0, r.stderr
    local = io.StringIO()
    canned.write(canned.meetings(seed_store), "json", local)
    assert json.loads(r.stdout) == json.loads(local.getvalue())
    r = kg("export", "--store", remote, "--format", "json")
    assert r.returncode == 0, r.stderr
    assert normalised(json.loads(r.stdout)) == normalised(export_json(seed_store))


QUESTIONS = [
    ("meetings", {"with_": ["Xi Jinping"], "since": "2023-03-01"}),
    ("meetings", {"with_": ["lukashenko"], "about": "Great Stone", "until": "2023-03-31"}),
    ("meetings", {"org": "China"}),
    ("meeting", {"ref": "Zhu Hexin"}),
    ("profile", {"name": "Li Keqiang"}),
    ("discussed", {"name": "Su-30SM"}),
    ("events", {"since": "2023-03"}),
    ("together", {"with_": "Xi Jinping"}),
    ("together", {"min_events": 2}),
]


@pytest.mark.parametrize("question, params", QUESTIONS)
def test_canned_questions_bind_parameters_remotely(remote, seed_store, question, params):
    ask = getattr(canned, question)
    pos = [params.pop(k) for k in ("ref", "name") if k in params]
    with KGStore(remote) as store:
        there = as_json(ask(store, *pos, **params))
    here = as_json(ask(seed_store, *pos, **params))
    assert there == here
    assert any(part["results"]["bindings"] for part in (there.values() if "head" not in there else [there]))


def test_the_trig_export_keeps_one_graph_per_document(remote):
    r = kg("export", "--store", remote, "--format", "nquads")
    assert r.returncode == 0, r.stderr
    graphs = {line.rsplit(" ", 2)[-2] for line in r.stdout.splitlines() if line.strip()}
    assert graphs == {"<https://w3id.org/meeting-graph/id/doc/presidents-week-2023-02-27-txt>"}


def test_a_growing_corpus_on_a_remote_store(tmp_path, nlp):
    """Insert a document between two others (linking sees only the documents before it, through the protocol's
    default-graph-uri), then remove one: the same graph as the embedded store builds."""
    docs = tmp_path / "docs"
    docs.mkdir()
    names = ["belarus-press-2024-05-17.txt", "digest-2024-10-14.txt", "wire-news-2024-05-08.txt"]
    for n in names:
        shutil.copy(CORPUS / n, docs / n)
    proc, url = start_oxigraph(tmp_path / "data")
    try:
        with KGStore(url) as store, KGStore(tmp_path / "local") as local:
            build([docs / names[0], docs / names[2]], store, nlp=nlp)
            build([docs], store, nlp=nlp)
            build([docs], local, nlp=nlp)
            assert sorted(store.quads()) == sorted(local.quads())
            remove([names[0]], store, nlp=nlp)
            remove([names[0]], local, nlp=nlp)
            assert sorted(store.quads()) == sorted(local.quads())
    finally:
        stop(proc)


def test_a_server_without_the_union_default_graph_is_refused(tmp_path):
    proc, url = start_oxigraph(tmp_path / "data", union=False)
    try:
        with KGStore(url) as store:  # empty: nothing to tell yet
            g = Graph()
            g.add((URIRef("urn:x:s"), URIRef("urn:x:p"), Literal("o")))
            store.replace_graph(URIRef("urn:x:g"), g)
        with pytest.raises(StoreError, match="union of its named graphs"):
            KGStore(url)
    finally:
        stop(proc)


def test_an_unreachable_server_is_a_one_line_error():
    r = kg("meetings", "--store", f"http://127.0.0.1:{free_port()}")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.startswith("kg: error: cannot reach SPARQL server")


@pytest.mark.parametrize("url, expected", [
    ("http://h:7878", ("http://h:7878/query", "http://h:7878/update", None)),
    ("http://u:pw@h:3030/kg/", ("http://h:3030/kg/query", "http://h:3030/kg/update", ("u", "pw"))),
    ("http://h:8890/sparql-auth", ("http://h:8890/sparql-auth", "http://h:8890/sparql-auth", None)),
    ("http://h:7878/query", ("http://h:7878/query", "http://h:7878/update", None)),
])
def test_store_urls_name_their_endpoints(url, expected):
    from graph.store.kgstore import endpoints

    assert endpoints(url) == expected


def test_a_password_in_the_url_stays_out_of_messages():
    r = kg("meetings", "--store", f"http://someone:secret@127.0.0.1:{free_port()}/kg")
    assert r.returncode == 2 and "secret" not in r.stderr
