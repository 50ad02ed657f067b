"""The seed, end to end with the real model: store, SPARQL export, scores, idempotence, validation."""

import json
import subprocess
import sys

import pytest
from rdflib import RDF, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graph.store.build import build
from graph.evaluate import load_gold, report, score
from graph.store.kgstore import KGStore
from graph.rdf.validate import validate

from .conftest import ROOT, SEED, SEED_GOLD

# Acceptance thresholds on the seed (issues 2 and 3).
THRESHOLDS = {
    ("events", "F1"): 0.95,
    ("who_met_whom", "F1"): 0.95,
    ("entities.Person", "F1"): 0.95,
    ("entities.Organization", "F1"): 0.80,
    ("entities.Equipment", "F1"): 0.90,
    ("topics", "ratio"): 0.85,
    ("roles", "ratio"): 0.90,
    ("events_reported", "ratio"): 0.50,
}


@pytest.fixture(scope="module")
def seed_scores(seed_export):
    return report(score(seed_export, load_gold(SEED_GOLD)))


@pytest.mark.parametrize("measure, stat", list(THRESHOLDS))
def test_seed_scores_meet_the_thresholds(seed_scores, measure, stat):
    value = seed_scores[measure][stat]
    assert value is not None and value >= THRESHOLDS[(measure, stat)], (measure, seed_scores[measure])


def test_topics_per_event_stay_honest(seed_scores):
    assert seed_scores["topics_per_event"]["ratio"] <= 6


def test_export_ids_resolve(seed_export):
    ids = {e["id"] for e in seed_export["entities"]}
    event_ids = {e["id"] for e in seed_export["events"]}
    for ev in seed_export["events"]:
        assert set(ev["participants"]) <= ids
        assert set(ev["topics"]) <= ids
        assert ev["part_of"] is None or ev["part_of"] in event_ids
        assert ev["place"] is None or ev["place"] in ids


def test_the_host_is_inferred_and_takes_part(seed_doc, seed_export):
    assert seed_doc.host is not None
    assert "Lukashenko" in seed_doc.entities[seed_doc.host].label
    headed = [e for e in seed_export["events"] if not e["reported"]]
    host_iri = next(e["id"] for e in seed_export["entities"] if e["label"] == seed_doc.entities[seed_doc.host].label)
    assert all(host_iri in e["participants"] for e in headed)


def test_sub_events_of_the_state_visit(seed_export):
    visit = next(e for e in seed_export["events"] if e["type"] == "StateVisit")
    subs = [e for e in seed_export["events"] if e["part_of"] == visit["id"] and not e["reported"]]
    assert len(subs) == 6
    assert all(visit["start"] <= e["start"] <= visit["end"] for e in subs)


def test_provenance_to_the_sentence(seed_store, seed_text):
    rows = list(seed_store.query("""
        SELECT ?event ?b ?e ?anchor WHERE {
          ?event a kg:Negotiations ; prov:wasDerivedFrom ?s .
          ?s nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor }"""))
    assert rows
    _, b, e, anchor = rows[0]
    assert seed_text[int(b):int(e)] == str(anchor)
    assert "Xi Jinping" in str(anchor)


def test_no_blank_nodes(seed_store):
    res = seed_store.query("ASK { { ?s ?p ?o FILTER isBlank(?s) } UNION { ?s ?p ?o FILTER isBlank(?o) } }")
    assert res.askAnswer is False


def test_stored_graph_conforms_to_the_shapes(seed_store):
    conforms, messages = validate(seed_store.union_graph())
    assert conforms, messages[:5]


def test_building_twice_changes_nothing(tmp_path):
    store = KGStore(tmp_path / "s")
    build([SEED], store)
    first = to_isomorphic(store.union_graph())
    n = len(store)
    rep = build([SEED], store)
    assert rep.unchanged == [SEED.name] and rep.ingested == []
    assert len(store) == n
    second = to_isomorphic(store.union_graph())
    _, only1, only2 = graph_diff(first, second)
    assert isomorphic(first, second), (sorted(only1)[:5], sorted(only2)[:5])
    store.close()


def test_a_changed_document_replaces_its_facts(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    doc = d / "week.txt"
    doc.write_text("Meeting with Prime Minister of Ruritania Jan Kowal, 3 May 2024 Good morning, colleagues.",
                   encoding="utf-8")
    store = KGStore(tmp_path / "s")
    build([d], store, host="Maria Lopez")
    doc.write_text("Meeting with Governor of the Vitebsk Region Ivan Petrov, 4 May 2024 Good morning.",
                   encoding="utf-8")
    build([d], store, host="Maria Lopez")
    names = {str(r[0]) for r in store.query("SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }")}
    assert "Ivan Petrov" in names and "Jan Kowal" not in names
    store.close()


def kg(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_cli_build_meetings_export(tmp_path):
    store = str(tmp_path / "s")
    r = kg("build", str(SEED), "--store", store, "--print-meetings", "--width", "0")  # one line a row
    assert r.returncode == 0, r.stderr
    assert "Xi Jinping" in r.stdout and "Negotiations" in r.stdout
    r = kg("meetings", "--store", store, "--format", "json")
    rows = json.loads(r.stdout)
    assert any("Zhu Hexin" in row["participants"] for row in rows)
    r = kg("export", "--store", store, "--format", "json")
    data = json.loads(r.stdout)
    assert {"entities", "events"} <= set(data)
    r = kg("export", "--store", store, "--format", "turtle")
    assert r.returncode == 0 and "schema:" in r.stdout


@pytest.mark.parametrize("args, needle", [
    (["build", "no/such/file.txt"], "no such file"),
    (["meetings", "--store", "no/such/store"], "no store"),
    (["query", "SELECT ?x WHERE { ?x ", "--store", "{store}"], "syntax error at line 1, column 22"),
    (["query", "missing.rq", "--store", "{store}"], "not a SPARQL query"),
])
def test_cli_errors_are_one_line(tmp_path, args, needle):
    store = tmp_path / "s"
    KGStore(store).close()
    r = kg(*[a.replace("{store}", str(store)) for a in args])
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    assert needle in r.stderr
    assert len(r.stderr.strip().splitlines()) <= 2


def test_bad_file_in_a_folder_does_not_stop_the_others(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    (d / "a-empty.txt").write_text("   \n", encoding="utf-8")
    (d / "b-binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (d / "c-good.txt").write_text("Talks with President of Ruritania Jan Kowal, 5 March 2024 Welcome!",
                                  encoding="utf-8")
    (d / "d-latin1.txt").write_bytes("Meeting with Governor Jos\xe9 P\xe9rez, 6 March 2024 Hola.".encode("latin-1"))
    store = KGStore(tmp_path / "s")
    rep = build([d], store, host="Maria Lopez")
    assert sorted(rep.ingested) == ["c-good.txt", "d-latin1.txt"]
    assert {p.rsplit("/", 1)[-1] for p, _ in rep.failed} == {"a-empty.txt", "b-binary.txt"}
    store.close()


def test_a_store_of_many_documents_conforms(tmp_path):
    store = KGStore(tmp_path / "s")
    rep = build([SEED, ROOT / "tests" / "corpus"], store)
    assert len(rep.ingested) >= 10 and not rep.failed
    conforms, messages = validate(store.union_graph())
    assert conforms, messages[:5]
    store.close()


def test_every_build_checks_the_shapes_and_names_document_and_sentence(tmp_path, monkeypatch):
    import graph.rdf.mapping as mapping
    from rdflib import Literal
    from graph.ids import entity_iri
    from graph.rdf.namespaces import KG

    doc = tmp_path / "week.txt"
    doc.write_text("Meeting with Prime Minister of Ruritania Jan Kowal, 3 May 2024 Good morning.", encoding="utf-8")
    real = mapping._Mapper.event

    def broken(self, ev):  # an extractor bug: a confidence out of range
        real(self, ev)
        self.g.add((entity_iri(ev.key), KG.confidence, Literal(7)))  # (a dict of triples, not a Graph: no `set`)

    monkeypatch.setattr(mapping._Mapper, "event", broken)
    store = KGStore(tmp_path / "s")
    rep = build([doc], store, host="Maria Lopez")
    assert rep.ingested == ["week.txt"]
    assert rep.violations and rep.violations[0][0] == "week.txt"
    assert "Meeting with Prime Minister of Ruritania Jan Kowal" in rep.violations[0][1]
    monkeypatch.undo()
    clean = build([SEED], store)
    assert clean.violations == []
    store.close()


NON_NEGATIVE = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")


@pytest.mark.parametrize("value, ok", [(Literal(7), True), (Literal(7, datatype=NON_NEGATIVE), True),
                                       (Literal(-3), False), (Literal("7"), False), (Literal("abc"), False),
                                       (Literal(2.5), False)])
def test_sentence_offsets_must_be_integers_not_below_zero(seed_store, value, ok):
    """Offsets may come back from the store as xsd:integer or be written as xsd:nonNegativeInteger."""
    from graph.rdf.namespaces import NIF

    g = seed_store.union_graph()
    sentence = next(g.subjects(RDF.type, NIF.Sentence))
    g.set((sentence, NIF.beginIndex, value))
    conforms, messages = validate(g)
    assert conforms is ok, messages[:3]
