"""`kg serve`: the seed behind a read-only SPARQL 1.1 Protocol endpoint, asked by a real client (SPARQLWrapper)."""

import csv
import io
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from graph.views.serve import free_port
from graph.store.kgstore import KGStore, StoreError

from .conftest import ROOT

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")

PERSONS = """PREFIX schema: <https://schema.org/>
SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"""
LIMIT = 50
TIMEOUT = 1


@pytest.fixture(scope="module")
def endpoint(seed_store_dir, tmp_path_factory):
    """`kg serve` on a free loopback port over a copy of the seed store (it locks the folder it serves)."""
    store = tmp_path_factory.mktemp("served") / "store"
    shutil.copytree(seed_store_dir, store)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", "--store", str(store), "--port", str(port),
                             "--limit", str(LIMIT), "--timeout", str(TIMEOUT), "--quiet"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            pytest.fail(f"kg serve stopped: {proc.stderr.read()}")
        try:
            urllib.request.urlopen(url + "/", timeout=2).read()
            break
        except OSError:
            if time.monotonic() > deadline:
                proc.kill()
                pytest.fail("kg serve did not answer within 60 s")
            time.sleep(0.1)
    yield {"url": url, "store": store, "pid": proc.pid}
    proc.terminate()
    proc.wait(10)
    proc.stderr.close()


def client(url, fmt):
    sw = SPARQLWrapper.SPARQLWrapper(url + "/query")
    sw.setReturnFormat(fmt)
    return sw


def test_json_results(endpoint):
    sw = client(endpoint["url"], SPARQLWrapper.JSON)
    sw.setQuery(PERSONS)
    data = sw.query().convert()
    names = [b["name"]["value"] for b in data["results"]["bindings"]]
    assert "Xi Jinping" in names and names == sorted(names)


def test_xml_results_by_post(endpoint):
    sw = client(endpoint["url"], SPARQLWrapper.XML)
    sw.setMethod(SPARQLWrapper.POST)
    sw.setQuery(PERSONS)
    doc = sw.query().convert()
    names = [n.firstChild.data for n in doc.getElementsByTagName("literal")]
    assert "Li Keqiang" in names


def test_csv_by_content_negotiation_and_the_result_limit(endpoint):
    q = urllib.parse.urlencode({"query": "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"})
    req = urllib.request.Request(f"{endpoint['url']}/query?{q}", headers={"Accept": "text/csv"})
    with urllib.request.urlopen(req) as res:
        body = res.read().decode()
        assert res.headers["Content-Type"].startswith("text/csv")
        assert res.headers["X-KG-Result-Limit"] == str(LIMIT)
    table = list(csv.reader(io.StringIO(body)))
    assert table[0] == ["s", "p", "o"] and len(table) == LIMIT + 1


def test_the_union_of_the_documents_is_the_default_graph(endpoint):
    sw = client(endpoint["url"], SPARQLWrapper.JSON)
    sw.setQuery("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER EXISTS { ?s ?p ?o } }")
    assert sw.query().convert()["results"]["bindings"][0]["n"]["value"] == "1"


@pytest.mark.parametrize("how", ["update endpoint", "as a query", "as a form"])
def test_updates_are_refused(endpoint, how):
    insert = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    if how == "update endpoint":
        sw = SPARQLWrapper.SPARQLWrapper(endpoint["url"] + "/query", updateEndpoint=endpoint["url"] + "/update")
        sw.setMethod(SPARQLWrapper.POST)
        sw.setQuery(insert)
        with pytest.raises(urllib.error.HTTPError) as err:
            sw.query()
    else:
        data = urllib.parse.urlencode({"update" if how == "as a form" else "query": insert}).encode()
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(urllib.request.Request(endpoint["url"] + "/query", data=data))
    assert err.value.code == 403
    assert "read-only" in err.value.read().decode()
    sw = client(endpoint["url"], SPARQLWrapper.JSON)
    sw.setQuery("ASK { <urn:x:a> ?p ?o }")
    assert sw.query().convert()["boolean"] is False


def test_a_malformed_query_is_a_400(endpoint):
    sw = client(endpoint["url"], SPARQLWrapper.JSON)
    sw.setQuery("SELECT ?x WHERE { ?x ")
    with pytest.raises(SPARQLWrapper.SPARQLExceptions.QueryBadFormed):
        sw.query()


def test_a_query_out_of_time_is_a_clear_503(endpoint):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 3,500³ rows: never done in 1 s
    data = urllib.parse.urlencode({"query": q}).encode()
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(urllib.request.Request(endpoint["url"] + "/query", data=data))
    assert err.value.code == 503 and "ran out of time" in err.value.read().decode()


def test_the_query_editor_is_served(endpoint):
    with urllib.request.urlopen(endpoint["url"] + "/") as res:
        page = res.read().decode()
    assert res.headers["Content-Type"].startswith("text/html")
    assert '<textarea id="query"' in page and 'fetch("query"' in page and "textContent" in page
    assert "http" not in page.split("<script>")[1]  # offline: the page asks nothing of any other host


def test_the_served_store_cannot_be_written_meanwhile(endpoint):
    with pytest.raises(StoreError, match="in use"):
        KGStore(endpoint["store"])


def test_the_endpoint_is_a_store_for_reading(endpoint):
    from graph.views import canned

    with KGStore(endpoint["url"]) as store:
        found = canned.meetings(store, with_=["Xi Jinping"], since="2023-03-01")
    assert [str(r[3]) for r in found.parts[0].rows] == ["Negotiations with China President Xi Jinping"]


# ---------------------------------------------------------------------------------------------------- issue 12

class Listener:
    """A TCP listener on 127.0.0.1 that records every connection it gets (and answers `reply`, if any)."""

    def __init__(self, reply: bytes | None = None):
        import socket
        import threading

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"
        self.got: list[bytes] = []
        self.reply = reply
        self.running = True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    self.got.append(conn.recv(65536))
                    if self.reply is not None:
                        conn.sendall(self.reply)
                except OSError:
                    self.got.append(b"")

    def close(self):
        self.running = False
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    lis = Listener()
    yield lis
    lis.close()


def post(url, query, accept="application/sparql-results+json"):
    data = urllib.parse.urlencode({"query": query}).encode()
    req = urllib.request.Request(url + "/query", data=data, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=30) as res:
            return res.status, res.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


@pytest.mark.parametrize("query", [
    "SELECT * { SERVICE <{url}> { ?s ?p ?o } }",
    "SELECT * { ?a ?b ?c OPTIONAL { service   silent\n<{url}> { ?s ?p ?o } } }",
    "PREFIX remote: <{base}> SELECT * { SERVICE remote:sparql { ?s ?p ?o } }",
    "SELECT * { VALUES ?e { <{url}> } SERVICE ?e { ?s ?p ?o } }",
])
def test_service_is_refused_and_nothing_goes_out(endpoint, listener, query):
    text = query.replace("{url}", listener.url).replace("{base}", listener.url.rsplit("/", 1)[0] + "/")
    status, body = post(endpoint["url"], text)
    time.sleep(0.3)
    assert status == 403 and "SERVICE" in body and "refused" in body
    assert listener.got == []


def test_service_in_a_string_or_a_comment_is_no_service(endpoint, listener):
    status, body = post(endpoint["url"], f'SELECT ?x {{ BIND("SERVICE <{listener.url}>" AS ?x) }} # SERVICE <{listener.url}>')
    assert status == 200 and listener.url in body
    assert listener.got == []


def raw(url, request: bytes) -> bytes:
    import socket

    host, port = urllib.parse.urlsplit(url).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(request)
        out = b""
        while chunk := s.recv(65536):
            out += chunk
    return out


@pytest.mark.parametrize("length", ["abc", "-5", "1e3"])
def test_a_bad_content_length_is_a_400(endpoint, length):
    answer = raw(endpoint["url"], f"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                                  f"Content-Length: {length}\r\n\r\nASK {{}}".encode())
    assert answer.startswith(b"HTTP/1.0 400") and b"Content-Length" in answer.split(b"\r\n\r\n", 1)[1]
    assert post(endpoint["url"], "ASK {}")[0] == 200  # still serving


def test_a_query_too_large_is_a_413(endpoint):
    answer = raw(endpoint["url"], b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                                  b"Content-Length: 999999999\r\n\r\n")
    assert answer.startswith(b"HTTP/1.0 413")


def test_errors_have_their_status_and_one_line(endpoint):
    status, body = post(endpoint["url"], "SELECT ?x WHERE { ?x foo:bar ?y }")
    assert status == 400 and body.startswith("unknown prefix 'foo:'") and body.count("\n") == 1
    status, body = post(endpoint["url"], "SELECT ?x WHERE {\n  ?x ?y ?z .\n  ?z <a> ")
    assert status == 400 and "line 3" in body and body.count("\n") == 1
    assert post(endpoint["url"], "LOAD <http://127.0.0.1:9/x>")[0] == 403
    status, body = post(endpoint["url"], "ASK {}", accept="image/png")
    assert status == 406


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE"])
def test_the_graph_store_protocol_is_refused(endpoint, method):
    req = urllib.request.Request(endpoint["url"] + "/store?default", data=b"<urn:a> <urn:b> <urn:c> .",
                                 headers={"Content-Type": "application/n-triples"}, method=method)
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req)
    assert err.value.code == 403


def test_a_runaway_query_does_not_hold_up_the_others(endpoint):
    import concurrent.futures

    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with concurrent.futures.ThreadPoolExecutor(4) as ex:
        stuck = ex.submit(post, endpoint["url"], slow)
        time.sleep(0.2)
        quick = [ex.submit(post, endpoint["url"], "ASK { ?s ?p ?o }") for _ in range(10)]
        assert [f.result()[0] for f in quick] == [200] * 10
        assert stuck.result()[0] == 503
    assert post(endpoint["url"], "ASK { ?s ?p ?o }") == (200, '{"head":{},"boolean":true}')


def test_fifty_concurrent_clients_get_no_error(endpoint):
    import concurrent.futures

    def client(i):
        errors = 0
        for k in range(8):
            status, body = post(endpoint["url"], f"ASK {{ ?s ?p ?o FILTER({i} + {k} >= 0) }}")
            errors += status != 200 or "true" not in body
        return errors

    with concurrent.futures.ThreadPoolExecutor(50) as ex:
        assert sum(ex.map(client, range(50))) == 0


def listening_sockets(pid: int) -> set[int]:
    """Ports listened on by process `pid` and its children (Linux /proc)."""
    import os
    from pathlib import Path

    pids = {pid}
    for task in Path("/proc").glob("[0-9]*"):
        try:
            if int((task / "stat").read_text().rsplit(")", 1)[1].split()[1]) in pids:
                pids.add(int(task.name))
        except (OSError, ValueError, IndexError):
            continue
    inodes = set()
    for p in pids:
        for fd in Path(f"/proc/{p}/fd").iterdir():
            try:
                link = os.readlink(fd)
            except OSError:
                continue
            if link.startswith("socket:["):
                inodes.add(link[8:-1])
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            f = line.split()
            if f[3] == "0A" and f[9] in inodes:
                ports.add(int(f[1].rsplit(":", 1)[1], 16))
    return ports


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_one_door(endpoint):
    port = int(endpoint["url"].rsplit(":", 1)[1])
    assert listening_sockets(endpoint["pid"]) == {port}


@pytest.fixture
def federating(seed_store_dir, tmp_path):
    """`kg serve` in this process (a thread) with one SERVICE endpoint allowed: a listener that answers nonsense."""
    import threading

    from graph.views.serve import serve

    lis = Listener(reply=b"HTTP/1.0 200 OK\r\nContent-Type: application/sparql-results+json\r\n\r\n{not json")
    store = tmp_path / "store"
    shutil.copytree(seed_store_dir, store)
    got = {}
    ready = threading.Event()

    def up(httpd):
        got["httpd"] = httpd
        ready.set()

    t = threading.Thread(target=serve, args=(store,), kwargs=dict(port=0, quiet=True, workers=1, ready=up,
                                                                  allow_service=(lis.url,)), daemon=True)
    t.start()
    assert ready.wait(60)
    yield f"http://127.0.0.1:{got['httpd'].server_address[1]}", lis
    got["httpd"].shutdown()
    t.join(10)
    lis.close()


def test_an_allowed_service_is_asked_and_a_bad_reply_is_one_line(federating):
    url, lis = federating
    status, body = post(url, f"SELECT * {{ SERVICE <{lis.url}> {{ ?s ?p ?o }} }}")
    assert len(lis.got) == 1 and lis.got[0].startswith(b"POST /sparql")
    assert status == 500 and body.startswith("the query failed") and body.count("\n") == 1
    status, body = post(url, "SELECT * { SERVICE <http://127.0.0.1:9/other> { ?s ?p ?o } }")
    assert status == 403 and len(lis.got) == 1
