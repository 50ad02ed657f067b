"""networkx analysis and the views built on it: names, who met whom, centrality, groups, paths, the `kg viz`
focus and date window, the timeline; on small hand-made graphs and on the seed (kg analyze, kg path, kg timeline)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from datetime import date

from graph.views.analysis import (AnalysisError, TimelineEvent, actor_event_graph, central_actors, connections,
                            draw_timeline, find_node, meeting_groups, restrict, timeline_events, who_met_whom)
from graph.cli import main
from graph.views.viewgraph import graph_from_store
from graph.views.viz import page_data

from .conftest import ROOT
from .test_viz import embedded_data

PNG = b"\x89PNG\r\n\x1a\n"


def person(g, key, label, *aliases):
    g.add_node(key, label=label, kind="Person", aliases=list(aliases), posts=[], sources=[])


def event(g, key, label, start=None, end=None, host=None, guests=(), topics=(), kind="Meeting"):
    g.add_node(key, label=label, kind="Event", event_type=kind, aliases=[], posts=[], start=start, end=end,
               sources=[])
    if host:
        g.add_edge(key, host, rel="host", confidence=1.0)
    for guest in guests:
        g.add_edge(key, guest, rel="participant", confidence=0.9)
    for topic in topics:
        g.add_edge(key, topic, rel="topic", confidence=0.5)


@pytest.fixture
def small():
    """Two circles: Anna hosts Boris and Chen; Dana hosts Emil; Chen meets Dana; Fritz is named but meets no one."""
    g = nx.MultiDiGraph()
    for key, label, *aliases in [("anna", "Anna Kovács", "Kovacs"), ("boris", "Boris Ivanov"),
                                 ("chen", "Chen Li"), ("dana", "Dana Li"), ("emil", "Emil Zoltán"),
                                 ("fritz", "Fritz Weber")]:
        person(g, key, label, *aliases)
    g.add_node("park", label="Great Stone Industrial Park", kind="Project", aliases=["Great Stone"], posts=[],
               sources=[])
    event(g, "e1", "Meeting with Boris Ivanov", "2023-03-01", host="anna", guests=["boris"], topics=["park"])
    event(g, "e2", "Talks with Boris Ivanov and Chen Li", "2023-03-02", host="anna", guests=["boris", "chen"],
          kind="Negotiations")
    event(g, "e3", "Meeting with Chen Li", "2023-04-10", host="dana", guests=["chen"])
    event(g, "e4", "Visit of Emil Zoltán", "2023-05-01", "2023-05-03", host="dana", guests=["emil"], kind="Visit")
    event(g, "e5", "You and I met in Minsk", "2022-09", host="anna", guests=["boris"])
    event(g, "e6", "Undated meeting with Emil Zoltán", host="dana", guests=["emil"])
    return g


# --- names -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query, expected", [
    ("Anna Kovács", "anna"),
    ("anna kovacs", "anna"),  # case and accents folded
    ("KOVACS", "anna"),  # an alias
    ("ivanov", "boris"),  # a whole word
    ("Zoltan", "emil"),
    ("great stone", "park"),  # not only people
    ("Fritz", "fritz"),
])
def test_names_match_labels_and_aliases(small, query, expected):
    assert find_node(small, query) == expected


def test_a_partial_name_that_fits_two_is_ambiguous(small):
    with pytest.raises(AnalysisError, match=r"'Li' is ambiguous: Chen Li, Dana Li"):
        find_node(small, "Li")


def test_an_unknown_name_says_so_and_suggests(small):
    with pytest.raises(AnalysisError, match=r"no actor named 'Boris Ivanow' \(did you mean 'Boris Ivanov'\?\)"):
        find_node(small, "Boris Ivanow", what="actor")


def test_events_are_not_matched_as_names(small):
    with pytest.raises(AnalysisError):
        find_node(small, "Talks with")


# --- who met whom, centrality, groups --------------------------------------------------------------------------------


def test_who_met_whom_links_actors_of_the_same_event(small):
    w = who_met_whom(small)
    assert set(w) == {"anna", "boris", "chen", "dana", "emil"}  # Fritz took part in nothing; the park is a topic
    assert w["anna"]["boris"]["weight"] == 3 and sorted(w["anna"]["boris"]["events"]) == ["e1", "e2", "e5"]
    assert w["boris"]["chen"]["weight"] == 1
    assert not w.has_edge("anna", "dana")
    b = actor_event_graph(small)
    assert nx.is_bipartite(b) and b.number_of_nodes() == 11 and b.number_of_edges() == 13


def test_central_actors_rank_by_people_met_then_betweenness(small):
    scores = central_actors(small, top=None)
    assert [s.label for s in scores[:2]] == ["Chen Li", "Dana Li"]  # Chen met 3 and bridges the two circles
    by = {s.actor: s for s in scores}
    assert (by["chen"].met, by["chen"].events) == (3, 2)
    assert by["chen"].betweenness > by["dana"].betweenness > 0
    assert by["anna"].betweenness == by["boris"].betweenness == by["emil"].betweenness == 0
    assert by["emil"].met == 1
    assert len(central_actors(small, top=2)) == 2


def test_groups_are_the_two_circles(small):
    groups = meeting_groups(small)
    members = sorted(sorted(gr.members) for gr in groups)
    assert members == [["anna", "boris", "chen"], ["dana", "emil"]]
    first = next(gr for gr in groups if "anna" in gr.members)
    assert first.meetings == 3 and first.as_dict()["size"] == 3


def test_no_meetings_no_groups():
    g = nx.MultiDiGraph()
    person(g, "a", "A")
    event(g, "e", "Wreath laying", "2023-03-01", host="a", kind="Ceremony")
    assert meeting_groups(g) == []
    assert [s.met for s in central_actors(g)] == [0]


# --- paths -----------------------------------------------------------------------------------------------------------


def test_a_path_goes_through_meetings(small):
    (c,) = connections(small, "Boris", "Emil")
    assert c.text() == ("Boris Ivanov —[Talks with Boris Ivanov and Chen Li, 2023-03-02]→ Chen Li "
                        "—[Meeting with Chen Li, 2023-04-10]→ Dana Li "
                        "—[Visit of Emil Zoltán, 2023-05-01 – 2023-05-03] (+1 more)→ Emil Zoltán")
    data = c.as_dict()
    assert data["actors"] == ["Boris Ivanov", "Chen Li", "Dana Li", "Emil Zoltán"]
    assert [e["event"] for e in data["hops"][2]["events"]] == ["Visit of Emil Zoltán",
                                                                "Undated meeting with Emil Zoltán"]


def test_the_meeting_shown_is_the_latest_dated_one(small):
    (c,) = connections(small, "Anna Kovacs", "Boris Ivanov")
    assert c.text().startswith("Anna Kovács —[Talks with Boris Ivanov and Chen Li, 2023-03-02] (+2 more)→")


def test_all_shortest_paths():
    g = nx.MultiDiGraph()
    for k in "abcd":
        person(g, k, k.upper() + "ster")
    event(g, "e1", "M1", "2023-01-01", host="a", guests=["b"])
    event(g, "e2", "M2", "2023-01-02", host="a", guests=["c"])
    event(g, "e3", "M3", "2023-01-03", host="b", guests=["d"])
    event(g, "e4", "M4", "2023-01-04", host="c", guests=["d"])
    assert len(connections(g, "Aster", "Dster")) == 1
    texts = sorted(c.text() for c in connections(g, "Aster", "Dster", all_paths=True))
    assert texts == ["Aster —[M1, 2023-01-01]→ Bster —[M3, 2023-01-03]→ Dster",
                     "Aster —[M2, 2023-01-02]→ Cster —[M4, 2023-01-04]→ Dster"]


@pytest.mark.parametrize("a, b, message", [
    ("Anna", "Dana", "no connection between Anna Kovács and Dana Li"),
    ("Fritz", "Anna", "Fritz Weber took part in no recorded event"),
    ("Nobody", "Anna", "no actor named 'Nobody'"),
    ("Anna", "kovacs", "are the same actor (Anna Kovács)"),
    ("Li", "Anna", "'Li' is ambiguous"),
])
def test_path_errors(small, a, b, message):
    small.remove_edge("e3", "chen")  # cut the bridge between the two circles
    with pytest.raises(AnalysisError, match=message.replace("(", r"\(").replace(")", r"\)")):
        connections(small, a, b)


# --- the kg viz view -------------------------------------------------------------------------------------------------


def labels(g) -> set[str]:
    return {d["label"] for _, d in g.nodes(data=True)}


def test_focus_keeps_the_ego_network(small):
    view = restrict(small, focus="boris", depth=2)
    assert view.focus == "boris"
    assert labels(view.graph) == {"Boris Ivanov", "Meeting with Boris Ivanov", "Talks with Boris Ivanov and Chen Li",
                                  "You and I met in Minsk", "Anna Kovács", "Chen Li", "Great Stone Industrial Park"}
    assert set(restrict(small, focus="boris", depth=1).graph) == {"boris", "e1", "e2", "e5"}
    assert view.caption() == " — around Boris Ivanov"


def test_a_date_window_drops_events_then_lonely_nodes(small):
    view = restrict(small, since="2023-03-02", until="2023-04")
    assert {n for n, k in view.graph.nodes(data="kind") if k == "Event"} == {"e2", "e3"}
    assert set(view.graph) == {"e2", "e3", "anna", "boris", "chen", "dana"}  # park, emil, fritz: no edge left
    assert view.undated_events == 1
    assert view.caption() == " — 2023-03-02 to 2023-04-30"
    # a month-precision or multi-day event counts when it overlaps the window
    assert "e5" in restrict(small, since="2022-09-30", until="2022-10-01").graph
    assert "e4" in restrict(small, since="2023-05-03").graph


def test_the_focus_stays_even_when_the_window_leaves_it_alone(small):
    view = restrict(small, focus="Fritz Weber", since="2023-01-01")
    assert set(view.graph) == {"fritz"}
    view = restrict(small, focus="emil", since="2023-05-02", until="2023-05-02")
    assert set(view.graph) == {"emil", "e4", "dana"}
    assert view.caption() == " — around Emil Zoltán, 2023-05-02 to 2023-05-02"


@pytest.mark.parametrize("kwargs, message", [
    ({"focus": "Nobody"}, "no actor named 'Nobody'"),
    ({"depth": 2}, "--depth needs --focus"),
    ({"focus": "anna", "depth": 0}, "at least 1"),
    ({"since": "2023-13-01"}, "not an ISO date"),
    ({"until": "yesterday"}, "not an ISO date"),
    ({"since": "2023-02-30"}, "not an ISO date"),
    ({"since": "2023-05-01", "until": "2023-04-01"}, "is after"),
])
def test_view_errors(small, kwargs, message):
    with pytest.raises(AnalysisError, match=message):
        restrict(small, **kwargs)


def test_the_focus_is_selected_in_the_page(small):
    view = restrict(small, focus="chen")
    data = page_data(view.graph, focus=view.focus)
    assert next(n for n in data["nodes"] if n["id"] == data["focus"])["label"] == "Chen Li"
    assert page_data(small)["focus"] is None


# --- timeline --------------------------------------------------------------------------------------------------------


def tl(title, start, end=None, who=(), kind="Meeting", reported=False):
    return TimelineEvent(title, kind, title, start, end, reported, list(who), ["Host Person"])


TIMELINE = [
    tl("Talks", "2023-03-01", who=["Xi Jinping"], kind="Negotiations"),
    tl("Met in Samarkand", "2022-09", who=["Xi Jinping"], reported=True),
    tl("State visit", "2023-02-28", "2023-03-02", who=["China"], kind="StateVisit"),
    tl("Wreath laying", "2023-03-01", kind="Ceremony"),
    tl("Undated", None, who=["Somebody"]),
    tl("Board meeting", "2023-03-02", who=["CITIC <Group> & Co", "Zhu Hexin"]),
]


def test_timeline_png(tmp_path):
    counts = draw_timeline(TIMELINE, tmp_path / "t.png")
    assert counts == {"rows": 5, "events": 5, "undated": 1, "left_out_rows": 0, "outside": 1,
                      "window": ["2023-02-28", "2023-03-02"]}  # Samarkand, months before, marked at the edge
    assert (tmp_path / "t.png").read_bytes()[:8] == PNG


def test_timeline_svg_has_one_row_per_counterpart(tmp_path):
    draw_timeline(TIMELINE, tmp_path / "t.svg")
    root = ET.parse(tmp_path / "t.svg").getroot()  # well-formed, names escaped
    text = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    for name in ["Xi Jinping", "China", "CITIC <Group> & Co", "Zhu Hexin", "(no counterpart)", "Host Person",
                 "Negotiations", "State visit", "told in passing", "month or year only"]:
        assert name in text, name
    assert "Somebody" not in text  # undated: left out
    assert draw_timeline(TIMELINE, tmp_path / "t2.svg")["rows"] == 5


def test_the_axis_fits_the_week_and_marks_what_lies_far_from_it(tmp_path):
    from graph.views.timeline import dense_window

    d = date.fromisoformat
    week = [(d(f"2023-03-0{i}"), d(f"2023-03-0{i}")) for i in range(1, 6)]
    assert dense_window(week) is None  # all in one stretch: the axis is theirs
    assert dense_window(week + [(d("2022-09-15"), d("2022-09-30"))]) == (d("2023-03-01"), d("2023-03-05"))
    assert dense_window(week[:2] + [(d("2022-09-15"), d("2022-09-15")), (d("2021-01-01"), d("2021-01-01")),
                                    (d("2020-01-01"), d("2020-01-01"))]) is None  # no stretch holds half
    draw_timeline(TIMELINE, tmp_path / "t.svg")
    text = " ".join(t.text or "" for t in ET.parse(tmp_path / "t.svg").getroot().iter("{http://www.w3.org/2000/svg}text"))
    assert "◀ 2022-09" in text and "far from the rest" in text


def test_timeline_rows_are_capped(tmp_path):
    many = [tl(f"M{i}", f"2023-01-{i + 1:02d}", who=[f"Person {i}"]) for i in range(12)]
    many.append(tl("again", "2023-02-01", who=["Person 11"]))
    counts = draw_timeline(many, tmp_path / "t.svg", max_rows=5)
    assert counts["rows"] == 5 and counts["left_out_rows"] == 7
    assert "Person 11" in (tmp_path / "t.svg").read_text(encoding="utf-8")  # the one with most events stays


def test_timeline_of_nothing_and_bad_names(tmp_path):
    assert draw_timeline([], tmp_path / "empty.png")["rows"] == 0
    with pytest.raises(AnalysisError, match="use a .png or .svg"):
        draw_timeline(TIMELINE, tmp_path / "t.pdf")


# --- on the seed -----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_graph(seed_store):
    return graph_from_store(seed_store)


def test_seed_the_host_is_the_most_central(seed_graph):
    top = central_actors(seed_graph, top=5)
    assert top[0].label == "Aleksandr Grigoryevich Lukashenko"
    assert top[0].betweenness > 0.3 and top[0].met >= 8
    everyone = {s.label: s for s in central_actors(seed_graph, top=None)}
    assert {"Xi Jinping", "Li Keqiang", "Li Zhanshu", "Zhu Hexin"} <= set(everyone)
    assert everyone["Xi Jinping"].events == 2  # the negotiations and the meeting in Samarkand told in passing


def test_seed_groups(seed_graph):
    groups = meeting_groups(seed_graph)
    assert groups and all(len(gr.members) >= 2 for gr in groups)
    assert any("Aleksandr Grigoryevich Lukashenko" in gr.labels for gr in groups)
    assert any({"CITIC Group Corporation", "Zhu Hexin"} <= set(gr.labels) for gr in groups)
    everyone = [m for gr in groups for m in gr.members]
    assert len(everyone) == len(set(everyone))


def test_seed_timeline_counterparts_leave_out_the_host(seed_store):
    events = timeline_events(seed_store)
    assert len(events) == len(list(seed_store.named("meetings")))
    assert all("Aleksandr Grigoryevich Lukashenko" not in e.counterparts for e in events)
    talks = next(e for e in events if e.type == "Negotiations")
    assert talks.counterparts == ["Xi Jinping"] and talks.hosts == ["Aleksandr Grigoryevich Lukashenko"]
    wreath = next(e for e in events if e.type == "Ceremony")
    assert wreath.counterparts == []
    told = [e for e in events if e.reported]
    assert told and all(e.counterparts for e in told)  # no host named: the document's host is left out


def timeline_events_of(store_dir):
    from graph.store.kgstore import KGStore

    with KGStore(store_dir, create=False) as store:
        return [e for e in timeline_events(store) if e.start or e.end]


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_analyze(capsys, seed_store_dir):
    code, out, _ = run(capsys, "analyze", "--store", str(seed_store_dir), "--top", "3")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Most central actors")
    assert lines[1].split() == ["actor", "kind", "met", "events", "degree", "betweenness"]
    assert lines[3].startswith("Aleksandr Grigoryevich Lukashenko")
    assert len([ln for ln in lines[3:] if ln and not ln[0].isdigit() and "Groups" not in ln]) >= 3
    assert "Groups who meet together" in out and "Zhu Hexin" in out

    code, out, _ = run(capsys, "analyze", "--store", str(seed_store_dir), "--format", "json", "--top", "2")
    data = json.loads(out)
    assert [a["actor"] for a in data["central"]][0] == "Aleksandr Grigoryevich Lukashenko"
    assert len(data["central"]) == 2
    assert set(data["central"][0]) == {"actor", "kind", "met", "events", "degree", "betweenness"}
    assert all(g["size"] == len(g["members"]) >= 2 for g in data["groups"])


def test_cli_path(capsys, seed_store_dir):
    code, out, _ = run(capsys, "path", "xi jinping", "Li Keqiang", "--store", str(seed_store_dir))
    assert code == 0
    assert " ".join(out.split()) == ("Xi Jinping —[Negotiations with China President Xi Jinping, 2023-03-01] (+1 more)→ "
                           "Aleksandr Grigoryevich Lukashenko —[Meeting with Premier of the State Council of the "
                           "People's Republic of China Li…, 2023-03-01]→ Li Keqiang")
    code, out, _ = run(capsys, "path", "Zhu Hexin", "CITIC", "--store", str(seed_store_dir), "--format", "json")
    (path,) = json.loads(out)
    assert path["actors"] == ["Zhu Hexin", "CITIC Group Corporation"]
    assert path["hops"][0]["events"][0]["event"] == "Meeting with Chairman of CITIC Group Corporation Zhu Hexin"


@pytest.mark.parametrize("args, message", [
    (["path", "Xi Jinping", "Nobody Known"], "kg: error: no actor named 'Nobody Known'"),
    (["path", "Li", "Xi"], "kg: error: actor name 'Li' is ambiguous: Li Keqiang, Li Zhanshu"),
    (["path", "Hu Jintao", "Xi"], "kg: error: Hu Jintao took part in no recorded event"),
    (["path", "Sinopharm", "Xi"], "kg: error: no connection between Sinopharm Company and Xi Jinping"),
    (["viz", "-o", "{tmp}/x.html", "--focus", "Nobody Known"], "kg: error: no actor named 'Nobody Known'"),
    (["viz", "-o", "{tmp}/x.html", "--since", "March"], "kg: error: not an ISO date: 'March'"),
    (["timeline", "-o", "{tmp}/t.jpg"], "kg: error: timeline: use a .png or .svg file name"),
])
def test_cli_errors_are_one_line(capsys, seed_store_dir, tmp_path, args, message):
    code, out, err = run(capsys, *[a.replace("{tmp}", str(tmp_path)) for a in args], "--store", str(seed_store_dir))
    assert code == 2
    assert err.strip() == message or (err.startswith(message) and len(err.strip().splitlines()) == 1), err
    assert not (tmp_path / "x.html").exists()


def test_cli_timeline(capsys, seed_store_dir, tmp_path):
    code, _, err = run(capsys, "timeline", "--store", str(seed_store_dir), "-o", str(tmp_path / "t.png"))
    assert code == 0
    assert (tmp_path / "t.png").read_bytes()[:8] == PNG
    everything = int(re.search(r"\((\d+) events on \d+ rows", err).group(1))
    assert "1 far from the rest marked at the edge of 2023-02-27 to" in err  # Samarkand, 2022: the week fills the axis
    assert everything == len(timeline_events_of(seed_store_dir))
    code, _, err = run(capsys, "timeline", "--store", str(seed_store_dir), "-o", str(tmp_path / "week.svg"),
                       "--since", "2023-02-27", "--until", "2023-03-02")
    assert code == 0
    assert int(re.search(r"\((\d+) events on", err).group(1)) == everything - 1  # not Samarkand, 2022
    svg = (tmp_path / "week.svg").read_text(encoding="utf-8")
    ET.fromstring(svg)
    for name in ["Xi Jinping", "Li Keqiang", "Zhu Hexin", "China", "Dmitry Pantus"]:
        assert name in svg, name
    assert "Lukashenko</text>" not in svg.replace("(host: Aleksandr Grigoryevich Lukashenko)", "")


def test_cli_viz_focus_and_window(capsys, seed_store_dir, seed_graph, tmp_path):
    out = tmp_path / "xi.html"
    code, _, err = run(capsys, "viz", "--store", str(seed_store_dir), "-o", str(out), "--focus", "XI JINPING",
                       "--since", "2023-03-01", "--mode", "events")
    assert code == 0
    view = restrict(seed_graph, focus="Xi Jinping", since="2023-03-01")
    assert f"({view.graph.number_of_nodes()} nodes" in err
    html = out.read_text(encoding="utf-8")
    assert f'data-node-count="{view.graph.number_of_nodes()}"' in html
    assert "<title>Who met whom — around Xi Jinping, 2023-03-01 to …</title>" in html
    drawn = {n["label"]: n for n in embedded_data(html)["nodes"]}
    assert "Xi Jinping" in drawn and "Negotiations with China President Xi Jinping" in drawn
    assert all(n["dateHi"] >= "2023-03-01" for n in drawn.values() if n["kind"] == "Event")
    assert not any(label.startswith("You and I met in Samarkand") for label in drawn)  # 2022: outside
    assert data_focus_label(html) == "Xi Jinping"


def data_focus_label(html: str) -> str:
    data = embedded_data(html)
    return next(n["label"] for n in data["nodes"] if n["id"] == data["focus"])


def test_cli_errors_in_a_real_process(seed_store_dir):
    r = subprocess.run([sys.executable, "-m", "graph.cli", "viz", "--store", str(seed_store_dir), "-o",
                        "/dev/null", "--focus", "Xi Jinpeng"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == ["kg: error: no actor named 'Xi Jinpeng' (did you mean 'Xi Jinping'?)"]
