"""The HTML drawing: a self-contained page, safe with hostile names, opaque ids, bounded layout work."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from graph.views.viz import KIND_STYLES, LARGE_GRAPH_NODES, MAX_SENTENCE_CHARS, MAX_SOURCES, render_html

ID = "https://w3id.org/meeting-graph/id/"
MEETING = ID + "event/meeting-2023-03-01"
HOST = ID + "person/li-keqiang"
GUEST = ID + "person/alexander-lukashenko"

HOSTILE_LABELS = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
    "\"quote' & amp",
]
HOSTILE_SENTENCE = 'He said <a href="javascript:alert(3)">x</a> twice.'
RAW_PAYLOADS = ["<img src=x", "</script><script>", "<a href="]


class PageParser(HTMLParser):
    """Collects start tags with their attributes, and the text of each <script> element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def parse(html: str) -> PageParser:
    """Return the parser after feeding it the whole page."""
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser


def embedded_data(html: str) -> dict:
    """Return the page's JSON data, read back the way the page reads it (JSON.parse of the element's text)."""
    scripts = [text for attrs, text in parse(html).scripts if attrs.get("id") == "kg-data"]
    assert len(scripts) == 1
    assert attrs_of(html, "kg-data")["type"] == "application/json"
    return json.loads(scripts[0])


def attrs_of(html: str, element_id: str) -> dict[str, str | None]:
    """Return the attributes of the element with this id."""
    matches = [attrs for _, attrs in parse(html).tags if attrs.get("id") == element_id]
    assert len(matches) == 1, element_id
    return matches[0]


def meeting_graph() -> nx.MultiGraph:
    """Return a small graph: a meeting with a host, a guest, an organisation topic, a project and equipment."""
    g = nx.MultiGraph()
    g.add_node(MEETING, label="Li Keqiang meets Alexander Lukashenko", kind="Event", event_type="Meeting",
               start="2023-03-01", end="2023-03-01",
               sources=[("cgtn-2023-03-01", "Chinese Premier Li Keqiang met Belarusian President Alexander "
                                            "Lukashenko in Beijing on Wednesday.")])
    g.add_node(HOST, label="Li Keqiang", kind="Person", aliases=["Premier Li"],
               posts=["Premier, State Council of the People's Republic of China"])
    g.add_node(GUEST, label="Alexander Lukashenko", kind="Person", aliases=["Лукашенко"],
               posts=["President of the Republic of Belarus"])
    g.add_node(ID + "org/sco", label="Shanghai Cooperation Organisation", kind="Organization", aliases=["SCO"])
    g.add_node(ID + "project/bri", label="Belt and Road Initiative", kind="Project")
    g.add_node(ID + "equipment/maz-543", label="MAZ-543", kind="Equipment")
    g.add_edge(MEETING, HOST, rel="host", confidence=0.9)
    g.add_edge(MEETING, GUEST, rel="participant", confidence=0.9)
    g.add_edge(MEETING, ID + "org/sco", rel="topic", confidence=0.6)
    g.add_edge(MEETING, ID + "project/bri", rel="topic")
    g.add_edge(MEETING, ID + "equipment/maz-543", rel="topic")
    return g


@pytest.fixture
def page(tmp_path: Path) -> str:
    out = render_html(meeting_graph(), tmp_path / "out" / "graph.html")
    assert out == tmp_path / "out" / "graph.html"
    return out.read_text(encoding="utf-8")


def test_small_graph_renders_with_all_nodes_and_legend(page: str):
    data = embedded_data(page)
    assert len(data["nodes"]) == 6
    assert len(data["edges"]) == 5
    assert attrs_of(page, "kg-network")["data-node-count"] == "6"
    legend = {attrs.get("data-kind") for tag, attrs in parse(page).tags if tag == "li"}
    assert set(KIND_STYLES) <= legend
    assert page.lstrip().lower().startswith("<!doctype html>")


def test_records_carry_tooltip_fields(page: str):
    nodes = {n["label"]: n for n in embedded_data(page)["nodes"]}
    meeting = nodes["Li Keqiang meets Alexander Lukashenko"]
    assert meeting["kind"] == "Event" and meeting["type"] == "Meeting"
    assert meeting["dates"] == "2023-03-01"
    assert meeting["sources"][0]["doc"] == "cgtn-2023-03-01"
    assert "Beijing" in meeting["sources"][0]["text"]
    assert nodes["Li Keqiang"]["posts"] == ["Premier, State Council of the People's Republic of China"]
    assert nodes["Shanghai Cooperation Organisation"]["aliases"] == ["SCO"]


def test_edges_point_at_opaque_ids_and_keep_relations(page: str):
    data = embedded_data(page)
    ids = {n["id"] for n in data["nodes"]}
    assert all(re.fullmatch(r"n\d+", i) for i in ids)
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    assert sorted(e["rel"] for e in data["edges"]) == ["host", "participant", "topic", "topic", "topic"]


def test_no_external_resources(page: str):
    parsed = parse(page)
    for tag, attrs in parsed.tags:
        for name in ("src", "href", "action", "poster", "data"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//")), (tag, name, value)
        assert tag != "link", attrs
        if tag == "script":
            assert "src" not in attrs
    styles = re.findall(r"<style[^>]*>(.*?)</style>", page, flags=re.S | re.I)
    for url in re.findall(r"url\(\s*['\"]?([^'\")]*)", "\n".join(styles)):
        assert url.startswith("data:"), url
    assert "@import" not in "\n".join(styles)
    assert "cdn" not in " ".join(str(attrs) for _, attrs in parsed.tags).lower()


def test_vis_network_is_inlined(page: str):
    scripts = [text for attrs, text in parse(page).scripts if "type" not in attrs]
    assert any("vis-network" in text and len(text) > 100_000 for text in scripts)
    assert "window.kgSearch" in page and "window.kgNetwork" in page and "window.kgNodes" in page


def test_hostile_names_stay_inert_and_round_trip(tmp_path: Path):
    g = meeting_graph()
    for i, label in enumerate(HOSTILE_LABELS):
        g.add_node(f"{ID}person/hostile-{i}", label=label, kind="Person", aliases=[label + " alias"],
                   sources=[("doc <b>1</b>", HOSTILE_SENTENCE)])
        g.add_edge(MEETING, f"{ID}person/hostile-{i}", rel="participant")
    html = render_html(g, tmp_path / "hostile.html", title="<script>alert(4)</script>").read_text(encoding="utf-8")
    for payload in RAW_PAYLOADS + ["<script>alert(4)", "<b>1</b>"]:
        assert payload not in html, payload
    # The parser sees exactly the page's own three scripts: nothing broke out of the JSON.
    assert len(parse(html).scripts) == 3
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in html
    labels = {n["label"]: n for n in embedded_data(html)["nodes"]}
    for label in HOSTILE_LABELS:
        assert label in labels
        assert labels[label]["aliases"] == [label + " alias"]
        assert labels[label]["sources"] == [{"doc": "doc <b>1</b>", "text": HOSTILE_SENTENCE}]


def test_node_ids_are_opaque(page: str):
    assert ID not in page
    assert "w3id.org" not in page
    assert "li-keqiang" not in page and "maz-543" not in page


def test_non_ascii_names_survive(tmp_path: Path):
    g = meeting_graph()
    g.add_node(ID + "person/zelenskyy", label="Volodymyr Zelenskyy", kind="Person", aliases=["Зеленський"])
    g.add_node(ID + "country/civ", label="Côte d'Ivoire", kind="Country")
    g.add_node(ID + "place/beijing", label="北京", kind="Place")
    path = render_html(g, tmp_path / "utf8.html")
    html = path.read_bytes().decode("utf-8")
    labels = {n["label"] for n in embedded_data(html)["nodes"]}
    assert {"Volodymyr Zelenskyy", "Côte d'Ivoire", "北京"} <= labels
    assert "Лукашенко" in html and "Зеленський" in html
    assert '<meta charset="utf-8">' in html


def test_sources_are_capped_and_truncated(tmp_path: Path):
    g = nx.Graph()
    long_sentence = "word " * 200
    g.add_node("e", label="Summit", kind="Event", event_type="Conference",
               sources=[(f"doc{i}", long_sentence) for i in range(MAX_SOURCES + 2)])
    (node,) = embedded_data(render_html(g, tmp_path / "s.html").read_text(encoding="utf-8"))["nodes"]
    assert len(node["sources"]) == MAX_SOURCES
    assert node["sourceCount"] == MAX_SOURCES + 2
    assert all(len(s["text"]) <= MAX_SENTENCE_CHARS and s["text"].endswith("…") for s in node["sources"])


@pytest.mark.parametrize(
    ("start", "end", "lo", "hi"),
    [
        ("2023-03-01", None, "2023-03-01", "2023-03-01"),
        ("2023-02-28", "2023-03-02", "2023-02-28", "2023-03-02"),
        ("2022-09", None, "2022-09-01", "2022-09-30"),
        ("2024-02", "2024-02", "2024-02-01", "2024-02-29"),
        (None, "2021", "2021-01-01", "2021-12-31"),
    ],
)
def test_event_dates_become_day_bounds_for_the_filter(tmp_path: Path, start, end, lo, hi):
    g = nx.Graph()
    g.add_node("e", label="Visit", kind="Event", event_type="Visit", start=start, end=end)
    (node,) = embedded_data(render_html(g, tmp_path / "d.html").read_text(encoding="utf-8"))["nodes"]
    assert (node["dateLo"], node["dateHi"]) == (lo, hi)


def test_undated_and_unknown_kinds_still_render(tmp_path: Path):
    g = nx.Graph()
    g.add_node("x", label="Something", kind="Treaty")
    g.add_node("y", kind="Person")  # no label: falls back to the id's last segment
    g.add_edge("x", "y", rel="signed")
    html = render_html(g, tmp_path / "u.html").read_text(encoding="utf-8")
    data = embedded_data(html)
    assert {n["kind"] for n in data["nodes"]} == {"Other", "Person"}
    assert data["edges"][0]["rel"] == "other" and data["edges"][0]["name"] == "signed"
    assert 'data-kind="Other"' in html


def test_parallel_edges_with_the_same_relation_are_merged(tmp_path: Path):
    g = nx.MultiGraph()
    g.add_node("a", label="A", kind="Event")
    g.add_node("b", label="B", kind="Person")
    g.add_edge("a", "b", rel="participant", confidence=0.4)
    g.add_edge("b", "a", rel="participant", confidence=0.8)
    g.add_edge("a", "b", rel="host")
    edges = embedded_data(render_html(g, tmp_path / "m.html").read_text(encoding="utf-8"))["edges"]
    assert sorted((e["rel"], e.get("confidence")) for e in edges) == [("host", None), ("participant", 0.8)]


def test_small_graphs_use_bounded_physics(page: str):
    options = embedded_data(page)["options"]
    assert options["physics"]["enabled"] is True
    assert options["physics"]["stabilization"]["iterations"] <= 500
    assert "stabilizationIterationsDone" in page


def test_large_graphs_get_positions_and_no_physics(tmp_path: Path):
    g = nx.Graph()
    n = LARGE_GRAPH_NODES + 200
    for i in range(0, n, 4):
        g.add_node(f"e{i}", label=f"Event {i}", kind="Event")
        for j in range(1, 4):
            g.add_node(f"p{i + j}", label=f"Person {i + j}", kind="Person")
            g.add_edge(f"e{i}", f"p{i + j}", rel="participant")
            g.add_edge(f"e{i}", f"p{(i + j * 7) % n // 4 * 4 + 1}", rel="participant")
    data = embedded_data(render_html(g, tmp_path / "big.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == n
    assert data["options"]["physics"]["enabled"] is False
    assert data["precomputed"] is True
    points = {(node["x"], node["y"]) for node in data["nodes"]}
    assert len(points) > n * 0.95  # nodes are spread out, not stacked


def test_directed_graphs_keep_edge_direction(tmp_path: Path):
    g = nx.DiGraph()
    g.add_node("talks", label="Talks", kind="Event", event_type="Negotiations")
    g.add_node("summit", label="Summit", kind="Event", event_type="Conference", aliases="The Summit")
    g.add_edge("talks", "summit", rel="part_of")
    data = embedded_data(render_html(g, tmp_path / "dir.html").read_text(encoding="utf-8"))
    ids = {n["label"]: n["id"] for n in data["nodes"]}
    assert data["edges"] == [{"from": ids["Talks"], "to": ids["Summit"], "rel": "part_of"}]
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True
    assert [n.get("aliases") for n in data["nodes"]] == [None, ["The Summit"]]


# --- the people mode: actors linked by their meetings ---------------------------------------------------------------


def three_meetings() -> nx.MultiDiGraph:
    """Return a graph as `graph_from_store` gives it: two meetings of the same pair (one about trade, one about
    trade and energy), and a third with a guest more, about nothing."""
    g = nx.MultiDiGraph()
    for key, label, kind in (("a", "Anna Host", "Person"), ("b", "Ben Guest", "Person"),
                             ("c", HOSTILE_LABELS[0], "Organization"), ("p", "Torovo plant", "Project")):
        g.add_node(ID + key, label=label, kind=kind)
    for key, day, areas, guests in (("m1", "2024-05-03", ["trade and economy"], "b"),
                                    ("m2", "2024-05-02", ["energy", "trade and economy"], "b"),
                                    ("m3", "2024-05-04", [], "bc")):
        g.add_node(ID + key, label=f"Talks {key} {HOSTILE_LABELS[1]}", kind="Event", event_type="Negotiations",
                   start=day, areas=areas)
        g.add_edge(ID + key, ID + "a", rel="host")
        if key == "m2":
            g.add_edge(ID + key, ID + "p", rel="topic")
        for guest in guests:
            g.add_edge(ID + key, ID + guest, rel="participant")
    return g


def test_people_mode_links_actors_by_their_meetings():
    from graph.views.people import meetings_graph

    w = meetings_graph(three_meetings())
    assert sorted(w.nodes) == [ID + "a", ID + "b", ID + "c"]  # no event, nor topic, is a node
    ab = w[ID + "a"][ID + "b"]
    assert ab["weight"] == 3
    assert [m["dates"] for m in ab["meetings"]] == ["2024-05-02", "2024-05-03", "2024-05-04"]  # in date order
    assert ab["meetings"][0] == {"dates": "2024-05-02", "type": "Negotiations", "title": f"Talks m2 {HOSTILE_LABELS[1]}",
                                 "topics": ["Torovo plant"], "areas": ["energy", "trade and economy"]}
    assert ab["meetings"][1]["topics"] == []
    assert ab["area"] == "trade and economy"  # two of its three meetings
    assert w[ID + "b"][ID + "c"]["weight"] == 1 and w[ID + "b"][ID + "c"]["area"] is None


def test_people_page_width_colour_tooltip_and_legend(tmp_path: Path):
    from graph.views.people import NO_AREA, NO_AREA_COLOR, area_colors, view_graph

    html = render_html(view_graph(three_meetings(), "people"), tmp_path / "p.html", mode="people").read_text("utf-8")
    data = embedded_data(html)
    assert data["mode"] == "people"
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    links = {frozenset((labels[e["from"]], labels[e["to"]])): e for e in data["edges"]}
    ab, bc = links[frozenset(("Anna Host", "Ben Guest"))], links[frozenset(("Ben Guest", HOSTILE_LABELS[0]))]
    assert ab["weight"] == 3 and bc["weight"] == 1 and ab["width"] > bc["width"]
    assert ab["color"] == area_colors()["trade and economy"] and bc["color"] == NO_AREA_COLOR
    assert len(ab["meetings"]) == 3 and ab["meetings"][2]["title"] == f"Talks m3 {HOSTILE_LABELS[1]}"
    assert ab["meetings"][0]["topics"] == ["Torovo plant"] and "topics" not in ab["meetings"][1]
    legend = [attrs.get("data-rel") for tag, attrs in parse(html).tags if tag == "li" and "data-rel" in attrs]
    assert legend == ["trade and economy", NO_AREA]
    assert [attrs["data-kind"] for tag, attrs in parse(html).tags if "data-kind" in attrs] == \
        ["Person", "Organization"]  # no empty kinds in the people legend
    for payload in RAW_PAYLOADS:
        assert payload not in html


def test_a_focus_that_met_nobody_is_still_drawn():
    from graph.views.people import view_graph

    g = three_meetings()
    g.add_node(ID + "z", label="Zoe Alone", kind="Person")
    assert list(view_graph(g, "people", focus=ID + "z").nodes) == [ID + "a", ID + "b", ID + "c", ID + "z"]
    assert ID + "z" not in view_graph(g, "people")
    with pytest.raises(ValueError, match="people, events"):
        view_graph(g, "timeline")


def test_event_labels_are_cut_at_a_word_on_the_canvas_only(tmp_path: Path):
    g = nx.MultiDiGraph()
    title = "Meeting with the Chairman of the Standing Committee of the National Assembly"
    g.add_node("e", label=title, kind="Event")
    (node,) = embedded_data(render_html(g, tmp_path / "e.html").read_text("utf-8"))["nodes"]
    assert node["label"] == title
    assert node["short"] == "Meeting with the Chairman of the…" and len(node["short"]) <= 40
