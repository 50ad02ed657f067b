"""Each fact is read once however many documents state it: the views read as many rows from a store where 200
documents tell the same meetings about the same people as from a store where one document does.

The graphs are written directly (graph.mapping.to_graph of hand-made Documents, as `kg build` stores them, one
named graph per document), without spaCy, to keep this fast. Over the union of the named graphs Oxigraph returns
a triple once per graph holding it; before the queries read inside each graph or through distinct sub-selects,
the host's node alone came back 200 × names × aliases × posts times.
"""

from collections import Counter

import pytest

from graph.views import canned
from graph.views.analysis import central_actors, connections, meeting_groups, timeline_events
from graph.views.export import export_json
from graph.ids import doc_iri
from graph.rdf.mapping import to_graph
from graph.records import Document, Entity, Event, Mention, Participant, Role, Sentence, Topic
from graph.store.kgstore import KGStore
from graph.views.viewgraph import graph_from_store

TEXT = ("President of Ruritania Jan Kowal met Minister of Energy Anna Nowak and Chairman of Polar Rail Holdings "
        "Ivan Petrov to discuss the Torovo nuclear power plant. On 3 May Kowal received Nowak again. "
        "On 4 May Kowal held talks with Petrov.")
PEOPLE = {"kowal": ("Jan Kowal", {"Kowal"}), "nowak": ("Anna Nowak", {"Nowak"}), "petrov": ("Ivan Petrov", {"Petrov"})}


def document(name: str) -> Document:
    """One short item telling three meetings of the same three people (the same keys, so the same IRIs, in every
    document, as cross-document linking makes them)."""
    s1 = Sentence(0, TEXT.index(".") + 1)
    s2 = Sentence(s1.end + 1, TEXT.index(".", s1.end) + 1)
    s3 = Sentence(s2.end + 1, len(TEXT))
    ents: dict[str, Entity] = {}
    for key, (label, aliases) in PEOPLE.items():
        start = TEXT.index(label)
        ents[f"person/{key}"] = Entity(f"person/{key}", "Person", label, set(aliases),
                                       [Mention(label, "Person", start, start + len(label), s1)])
    for key, typ, label in (("country/ruritania", "Country", "Ruritania"),
                            ("organization/polar-rail-holdings", "Organization", "Polar Rail Holdings"),
                            ("project/torovo-npp", "Project", "Torovo nuclear power plant")):
        start = TEXT.index(label)
        ents[key] = Entity(key, typ, label, set(), [Mention(label, typ, start, start + len(label), s1)])
    ents["project/torovo-npp"].areas = ("energy",)
    ents["person/kowal"].roles.append(Role("President", "country/ruritania", None, s1, 0.9))
    ents["person/nowak"].roles.append(Role("Minister of Energy", None, None, s1, 0.85))
    ents["person/petrov"].roles.append(Role("Chairman", "organization/polar-rail-holdings", None, s1, 0.85))
    events = []
    for key, typ, label, day, guests, sent in (
            ("event/2024-05-02-meeting-with-anna-nowak", "Meeting", "Meeting with Anna Nowak", "2024-05-02",
             ["person/nowak", "person/petrov"], s1),
            ("event/2024-05-03-meeting-with-anna-nowak", "Meeting", "Meeting with Anna Nowak", "2024-05-03",
             ["person/nowak"], s2),
            ("event/2024-05-04-negotiations-with-ivan-petrov", "Negotiations", "Talks with Ivan Petrov",
             "2024-05-04", ["person/petrov"], s3)):
        ev = Event(key, typ, label, day, None, sent, "sentence", 0.8)
        ev.participants.append(Participant("person/kowal", "host", 0.9, "host", sent))
        ev.participants.extend(Participant(g, "guest", 0.8, "sentence", sent) for g in guests)
        ev.topics.append(Topic("project/torovo-npp", 1, 0.7))
        events.append(ev)
    return Document(name, TEXT, f"sum-{name}", {}, [s1, s2, s3], ents, events, "person/kowal")


class Counting:
    """A store that counts the rows each stored query returns."""

    def __init__(self, store: KGStore):
        self.store = store
        self.rows: Counter = Counter()

    def named(self, name, /, **bindings):
        rows = list(self.store.named(name, **bindings))
        self.rows[name] += len(rows)
        return rows

    def named_strings(self, name, /, **bindings):
        columns, rows = self.store.named_strings(name, **bindings)
        rows = list(rows)
        self.rows[name] += len(rows)
        return columns, iter(rows)

    def __getattr__(self, attr):
        return getattr(self.store, attr)


def store_of(documents: int) -> KGStore:
    store = KGStore("memory")
    for i in range(documents):
        name = f"item-{i:04d}.txt"
        store.replace_graph(doc_iri(name), to_graph(document(name)))
    return store


def views(store: KGStore):
    """Run the views on `store`; return (rows read per query, what they show)."""
    counting = Counting(store)
    g = graph_from_store(counting)
    shown = {
        "nodes": sorted((n, a["label"], a["kind"], tuple(a["aliases"]), tuple(a["posts"]), a["start"],
                         tuple(a["areas"]))
                        for n, a in g.nodes(data=True)),
        "edges": sorted((u, v, r) for u, v, r in g.edges(data="rel")),
        "central": [s.as_dict() for s in central_actors(g)],
        "groups": [gr.as_dict() for gr in meeting_groups(g)],
        "path": [c.as_dict() for c in connections(g, "Nowak", "Petrov")],
        "timeline": [(e.event, e.counterparts, e.hosts) for e in timeline_events(counting)],
        "meetings": canned.meetings(counting).parts[0].rows,
        "with": canned.meetings(counting, with_=["Jan Kowal"]).parts[0].rows,
        "profile": [p.rows for p in canned.profile(counting, "Jan Kowal").parts[1:]],
        "export": export_json(counting),
    }
    return counting.rows, shown, g


@pytest.fixture(scope="module")
def one_and_many():
    one, many = store_of(1), store_of(200)
    yield views(one), views(many)
    one.close()
    many.close()


def test_same_rows_from_one_or_200_documents(one_and_many):
    (rows1, shown1, _), (rows200, shown200, _) = one_and_many
    assert rows1 == rows200
    assert rows1["viz_nodes"] == 9  # 3 people, a country, a company, a project, 3 events
    assert rows1["viz_edges"] == 10  # 3 hosts, 4 guests, 3 topics
    assert rows1["viz_areas"] == 3  # an event a row, its topic's area
    assert shown1 == shown200


def test_sources_counted_not_read_per_document(one_and_many):
    (_, _, g1), (_, _, g200) = one_and_many
    host = "https://w3id.org/meeting-graph/id/person/kowal"
    assert len(g1.nodes[host]["sources"]) == 1 and g1.nodes[host]["source_count"] == 1
    assert len(g200.nodes[host]["sources"]) == 2 and g200.nodes[host]["source_count"] == 200


@pytest.mark.parametrize("query", ["viz_nodes", "viz_sources", "viz_edges", "viz_areas"])
def test_rows_as_strings_are_rdflib_strings(query):
    """`named_strings` (read straight from Oxigraph) gives what `str()` of `named`'s rdflib terms gives, also
    through a view of some of the graphs."""
    with store_of(2) as store:
        as_terms = sorted(tuple(None if x is None else str(x) for x in r) for r in store.named(query))
        columns, rows = store.named_strings(query)
        assert columns == [str(v) for v in store.named(query).vars]
        assert sorted(map(tuple, rows)) == as_terms and as_terms
        view = store.view([doc_iri("item-0000.txt")])
        assert sorted(map(tuple, view.named_strings(query)[1])) == \
            sorted(tuple(None if x is None else str(x) for x in r) for r in view.named(query))


def test_analysis_graph_without_sources():
    """`sources=False` reads no source sentences and changes nothing the analysis shows."""
    with store_of(3) as store:
        counting = Counting(store)
        bare, full = graph_from_store(counting, sources=False), graph_from_store(store)
        assert "viz_sources" not in counting.rows and "viz_areas" not in counting.rows
        assert counting.rows["viz_nodes"] == 9
        assert all(not attrs["sources"] for _, attrs in bare.nodes(data=True))
        assert any(attrs["sources"] for _, attrs in full.nodes(data=True))
        assert sorted(bare.edges(data="rel")) == sorted(full.edges(data="rel"))
        assert [s.as_dict() for s in central_actors(bare)] == [s.as_dict() for s in central_actors(full)]
        assert [gr.as_dict() for gr in meeting_groups(bare)] == [gr.as_dict() for gr in meeting_groups(full)]
