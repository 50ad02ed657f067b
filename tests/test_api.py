"""The notebook API (graph/api.py): DataFrames, networkx, pyvis, the page, pairs and GraphML/GEXF, on a store of
records written here (fast lane) and on the seed built in memory (slow lane)."""

import networkx as nx
import pytest
from rdflib import URIRef

import graph
from graph.api import KnowledgeGraph
from graph.ids import doc_iri
from graph.rdf.mapping import to_graph
from graph.records import Document, Entity, Event, Participant, Sentence, Topic
from graph.store.kgstore import KGStore

S = Sentence(0, 40)
HOSTILE = '<img src=x onerror="alert(1)">'


def _doc() -> Document:
    ents = {k: Entity(k, t, label) for k, t, label in [
        ("person/anna-host", "Person", "Anna Host"), ("person/ben-guest", "Person", "Ben Guest"),
        ("person/cara-guest", "Person", "Cara Guest"), ("organization/evil", "Organization", HOSTILE),
        ("topic/energy", "Topic", "energy")]}
    ents["topic/energy"].areas = ("energy",)

    def ev(key, title, day, *guests, topics=()):
        people = [Participant("person/anna-host", "host", 0.9, "rule", S)]
        people += [Participant(g, "guest", 0.9, "rule", S) for g in guests]
        return Event(key, "Meeting", title, day, None, S, "rule", 0.9, people,
                     [Topic(t, i + 1, 0.8) for i, t in enumerate(topics)])

    events = [ev("event/2024-05-02-a", "Talks with Ben Guest", "2024-05-02", "person/ben-guest",
                 topics=["topic/energy"]),
              ev("event/2024-05-03-b", "Meeting with Ben Guest and Cara Guest", "2024-05-03", "person/ben-guest",
                 "person/cara-guest", "organization/evil")]
    return Document("api.txt", "x" * 50, "0", {}, [S], ents, events, "person/anna-host")


@pytest.fixture()
def kg():
    store = KGStore("memory")
    store.replace_graph(doc_iri("api.txt"), to_graph(_doc()))
    with KnowledgeGraph(store) as k:
        yield k


def test_questions_come_back_as_dataframes_with_the_commands_columns(kg):
    m = kg.meetings()
    assert list(m.columns[:4]) == ["start", "end", "type", "title"] and len(m) == 2
    assert m.loc[0, "title"] == "Talks with Ben Guest" and m.loc[0, "topics"] == "energy"
    assert kg.meetings(with_="Cara Guest")["title"].tolist() == ["Meeting with Ben Guest and Cara Guest"]
    assert kg.meetings(about="energy")["title"].tolist() == ["Talks with Ben Guest"]
    parts = kg.meeting("Talks with Ben Guest")
    assert {"event", "participants", "topics"} <= set(parts)
    assert sorted(parts["participants"]["name"]) == ["Anna Host", "Ben Guest"]


def test_any_sparql_is_a_dataframe_of_strings(kg):
    df = kg.sparql("SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n")
    assert df["n"].tolist() == ["Anna Host", "Ben Guest", "Cara Guest"]
    one = kg.sparql("SELECT ?n WHERE { ?p schema:name ?n }",
                    p=URIRef("https://w3id.org/meeting-graph/id/person/ben-guest"))
    assert one["n"].tolist() == ["Ben Guest"]


def test_the_network_weighs_each_pair_by_the_meetings_it_shared(kg):
    w = kg.network()
    assert isinstance(w, nx.Graph)
    labels = {n: a["label"] for n, a in w.nodes(data=True)}
    host = next(n for n, label in labels.items() if label == "Anna Host")
    ben = next(n for n, label in labels.items() if label == "Ben Guest")
    cara = next(n for n, label in labels.items() if label == "Cara Guest")
    assert w[host][ben]["weight"] == 2 and w[host][cara]["weight"] == 1
    assert "Talks with Ben Guest" in w[host][ben]["meetings"]


def test_pyvis_network_carries_only_escaped_text(kg):
    net = kg.pyvis()
    assert len(net.nodes) == 4 and len(net.edges) == 6
    text = str(net.nodes) + str(net.edges)
    assert "<img" not in text and "&lt;img src=x" in text


def test_pyvis_people_links_are_coloured_by_area_and_list_the_meetings(kg):
    from graph.views.people import area_colors

    net = kg.pyvis()
    labels = {n["id"]: n["label"] for n in net.nodes}
    ab = next(e for e in net.edges if {labels[e["from"]], labels[e["to"]]} == {"Anna Host", "Ben Guest"})
    assert ab["value"] == 2 and ab["color"] == area_colors()["energy"]
    assert "2024-05-02 Meeting: Talks with Ben Guest" in ab["title"] and "mostly energy" in ab["title"]


def test_pyvis_events_mode_draws_the_events(kg):
    net = kg.pyvis(mode="events")
    labels = {n["label"] for n in net.nodes}
    assert {"Talks with Ben Guest", "Anna Host", "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"} <= labels
    assert {e["title"] for e in net.edges} >= {"host", "participant"}
    with pytest.raises(ValueError, match="people, events"):
        kg.pyvis(mode="timeline")


@pytest.mark.parametrize("mode, drawn, not_drawn", [("people", "Anna Host", "Talks with Ben Guest"),
                                                    ("events", "Talks with Ben Guest", None)])
def test_the_page_in_each_mode(kg, mode, drawn, not_drawn):
    from .test_viz import embedded_data

    data = embedded_data(kg.page(mode=mode).html)
    labels = {n["label"] for n in data["nodes"]}
    assert data["mode"] == mode and drawn in labels and not_drawn not in labels
    focused = embedded_data(kg.page(mode=mode, focus="cara guest").html)
    by_id = {n["id"]: n["label"] for n in focused["nodes"]}
    assert by_id[focused["focus"]] == "Cara Guest"
    assert "Talks with Ben Guest" not in by_id.values()  # Cara was not at the talks
    if mode == "people":
        assert sorted(by_id.values()) == sorted(["Anna Host", "Ben Guest", "Cara Guest", HOSTILE])


def test_the_page_shows_inline_and_keeps_hostile_names_text(kg):
    page = kg.page()
    assert "<html" in page.html.lower() and "vis" in page.html
    frame = page._repr_html_()
    assert frame.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in frame
    assert "<img src=x" not in frame  # the whole page is one escaped attribute


def test_pairs_one_row_per_pair_of_each_meeting(kg):
    p = kg.pairs()
    assert len(p) == 1 + 6  # a pair at the talks, six among four at the meeting
    assert set(p.columns) == {"start", "end", "type", "title", "a", "b", "event"}
    assert (p["a"] < p["b"]).all()


@pytest.mark.parametrize("suffix, read", [(".graphml", nx.read_graphml), (".gexf", nx.read_gexf)])
def test_the_network_for_gephi(kg, tmp_path, suffix, read):
    back = read(kg.write_network(tmp_path / f"who{suffix}"))
    assert back.number_of_nodes() == 4 and back.number_of_edges() == 6  # four at the second meeting
    assert sorted(int(a["weight"]) for _, _, a in back.edges(data=True)) == [1, 1, 1, 1, 1, 2]
    assert any("Talks with Ben Guest" in a["meetings"] for _, _, a in back.edges(data=True))


def test_a_network_file_of_another_kind_is_refused(kg, tmp_path):
    with pytest.raises(ValueError, match="graphml or .gexf"):
        kg.write_network(tmp_path / "x.png")


def test_the_seed_built_in_memory_answers_and_writes_nothing(nlp, tmp_path, monkeypatch):
    from .conftest import ROOT

    monkeypatch.chdir(tmp_path)
    with graph.from_texts([ROOT / "seeds"], nlp=nlp) as kg:
        assert "Xi Jinping" in " ".join(kg.meetings(with_="Xi Jinping")["participants"])
        assert kg.network().number_of_nodes() > 5
    assert list(tmp_path.iterdir()) == []


def test_kg_export_writes_the_network_and_the_pairs(tmp_path):
    import csv

    from graph.cli import main

    folder = tmp_path / "store"
    with KGStore(folder) as store:
        store.replace_graph(doc_iri("api.txt"), to_graph(_doc()))
    assert main(["export", "--store", str(folder), "--format", "pairs", "-o", str(tmp_path / "pairs.csv")]) == 0
    rows = list(csv.DictReader((tmp_path / "pairs.csv").open(encoding="utf-8")))
    assert len(rows) == 7 and {"a", "b", "title", "event"} <= set(rows[0])
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"who.{fmt}"
        assert main(["export", "--store", str(folder), "--format", fmt, "-o", str(out)]) == 0
        assert read(out).number_of_edges() == 6
