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

from graph.serve import free_port
from graph.store import KGStore, StoreError

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
    yield {"url": url, "store": store}
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
        assert "yasgui" in res.read().decode().lower()


def test_the_served_store_cannot_be_written_meanwhile(endpoint):
    with pytest.raises(StoreError, match="in use"):
        KGStore(endpoint["store"])


def test_the_endpoint_is_a_store_for_reading(endpoint):
    from graph import canned

    with KGStore(endpoint["url"]) as store:
        found = canned.meetings(store, with_=["Xi Jinping"], since="2023-03-01")
    assert [str(r[3]) for r in found.parts[0].rows] == ["Negotiations with China President Xi Jinping"]
