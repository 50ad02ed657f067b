"""The HTML graph in a real browser: Debian's chromium driven by Playwright (never `playwright install`).

The page of the seed draws as many nodes as the networkx graph has, loads nothing but itself, logs no error and
finds a name; its labels are legible at 1280×800 once fitted (large enough on screen, not on top of each other,
measured from what vis-network drew); hostile names ingested from a text stay text, in node and link tooltips.
Skipped when chromium or playwright is missing, except
in CI (`CI` set), where `.ci/run` installs chromium and a missing browser is a failure.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.views.people import view_graph
from graph.views.viewgraph import graph_from_store

from .conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--no-first-run"]
VIEWPORT = {"width": 1400, "height": 900}
SMALL_SCREEN = {"width": 1280, "height": 800}
MIN_LABEL_PX = 11  # the smallest label on screen at the default zoom
MAX_LABEL_OVERLAP = 0.20  # of the smaller label's box
WAIT_MS = 60_000  # an upper bound for loading and laying out, not a measurement

XSS_IMG = "<img src=x onerror=window.__xss=1>"
XSS_SCRIPT = "<script>window.__xss=2</script>"
XSS_DOC = f"""Meeting with President of Ruritania {XSS_IMG} Kowal, 3 May 2024
Good morning, Mr. Kowal. We discussed the {XSS_SCRIPT} Industrial Park and the Great Stone Industrial Park.

Talks with Prime Minister of Ruritania Jan {XSS_SCRIPT} Nowak, 4 May 2024
Dear Prime Minister, welcome. {XSS_IMG} was said twice.

Meeting {XSS_IMG} with Prime Minister of Ruritania Jan Nowak, 5 May 2024
Dear Prime Minister Nowak, welcome. We discussed trade and energy.
"""


def _browser_missing() -> str | None:
    if not CHROMIUM.exists():
        return f"no browser at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def browser():
    missing = _browser_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page with what it logged, requested and popped up recorded from the start."""

    def __init__(self, browser, path: Path, viewport: dict = VIEWPORT):
        self.url = path.resolve().as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport=viewport)
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("request", lambda req: self.requests.append(req.url))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)
        self.page.wait_for_selector("#kg-network[data-ready=true]", state="attached", timeout=WAIT_MS)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if u != self.url and not u.startswith("data:")]

    def close(self) -> None:
        self.page.close()


def kg(*args: str) -> subprocess.CompletedProcess:
    r = subprocess.run([sys.executable, "-m", "graph.cli", *args], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    return r


@pytest.fixture(scope="module")
def seed_pages(tmp_path_factory, seed_store_dir) -> dict[str, Path]:
    """The seed's page in both modes: `people` (the default) and `events`."""
    folder = tmp_path_factory.mktemp("viz")
    kg("viz", "--store", str(seed_store_dir), "-o", str(folder / "people.html"))
    kg("viz", "--store", str(seed_store_dir), "-o", str(folder / "events.html"), "--mode", "events")
    return {"people": folder / "people.html", "events": folder / "events.html"}


@pytest.fixture(scope="module")
def seed_page(seed_pages) -> Path:
    return seed_pages["people"]


# Every drawn label's box on screen, as vis-network drew it: its lines as laid out (wrapped), each measured with the
# canvas's measureText in its own font; placed where vis-network put the label (canvas units → page pixels through
# canvasToDOM); `px` the label's font size × the view's scale. The node's kind is read from the page's data.
LABELS_JS = """() => {
  const net = window.kgNetwork, scale = net.getScale();
  const kinds = new Map(JSON.parse(document.getElementById('kg-data').textContent).nodes.map(n => [n.id, n.kind]));
  const ctx = document.createElement('canvas').getContext('2d');
  return net.body.nodeIndices.map(id => net.body.nodes[id]).filter(n => n.labelModule.lineCount).map(n => {
    const label = n.labelModule;
    let width = 0, height = 0, size = Infinity;
    label.lines.forEach(line => {
      let w = 0, h = 0;
      line.blocks.forEach(block => {
        ctx.font = block.font;
        w += ctx.measureText(block.text).width;
        h = Math.max(h, block.size);
        size = Math.min(size, block.size);
      });
      width = Math.max(width, w);
      height += h;
    });
    const cx = label.size.left + label.size.width / 2, top = label.size.top;
    const a = net.canvasToDOM({x: cx - width / 2, y: top}), b = net.canvasToDOM({x: cx + width / 2, y: top + height});
    return {id: n.id, label: n.options.label, kind: kinds.get(n.id), px: size * scale, box: [a.x, a.y, b.x, b.y]};
  });
}"""


def label_boxes(w: Watched) -> list[dict]:
    return w.js(LABELS_JS)


def overlap(a: list[float], b: list[float]) -> float:
    """The area two boxes (x0, y0, x1, y1) share, over the smaller box's area."""
    dx, dy = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
    if dx <= 0 or dy <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return dx * dy / smaller


def worst_overlap(labels: list[dict]) -> tuple[float, tuple[str, str] | None]:
    pairs = [(overlap(p["box"], q["box"]), (p["label"], q["label"])) for p, q in itertools.combinations(labels, 2)]
    return max(pairs, default=(0.0, None))


def test_overlap_is_the_shared_part_of_the_smaller_box():
    assert overlap([0, 0, 10, 10], [5, 0, 25, 10]) == 0.5
    assert overlap([0, 0, 10, 10], [2, 2, 4, 4]) == 1.0
    assert overlap([0, 0, 10, 10], [10, 0, 20, 10]) == 0.0


@pytest.mark.parametrize("mode, kinds", [("people", "actors"), ("events", "events")])
def test_labels_are_legible_once_fitted_at_1280_by_800(browser, seed_pages, mode, kinds):
    """No label smaller than 11 px on screen, and no two labels of the mode's main nodes (actors who met; events)
    sharing more than a fifth of the smaller one: the page as first shown, after its fit."""
    w = Watched(browser, seed_pages[mode], viewport=SMALL_SCREEN)
    try:
        labels = label_boxes(w)
        assert len(labels) == w.js("window.kgNodes.length") > 5
        smallest = min(labels, key=lambda label: label["px"])
        assert smallest["px"] >= MIN_LABEL_PX, smallest
        # every label is inside the view
        width, height = w.js("[document.getElementById('kg-network').clientWidth, "
                             "document.getElementById('kg-network').clientHeight]")
        assert all(-2 <= x0 and x1 <= width + 2 and -2 <= y0 and y1 <= height + 2
                   for x0, y0, x1, y1 in (label["box"] for label in labels))
        main = [label for label in labels if (label["kind"] == "Event") == (kinds == "events")]
        assert len(main) > 5
        assert worst_overlap(main)[0] <= MAX_LABEL_OVERLAP, worst_overlap(main)
        assert w.errors == []
    finally:
        w.close()


def crowded_meetings(actors: int = 50, meetings: int = 20, seed: int = 3):
    """A graph as `graph_from_store` gives it: `meetings` meetings of three to seven of `actors` actors each, with
    labels of some length: dense enough that vis-network's layout alone draws labels on top of each other."""
    import random

    import networkx as nx

    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    for i in range(actors):
        title = rng.choice(["Minister", "Ministry", "Council", "Director"])
        g.add_node(f"a{i}", label=f"{title} of Example Affairs {i}",
                   kind=("Person", "Organization", "Country")[i % 3])
    for m in range(meetings):
        g.add_node(f"m{m}", label=f"Meeting number {m}", kind="Event", event_type="Meeting",
                   start=f"2024-05-{m % 28 + 1:02d}", areas=[])
        for j, a in enumerate(rng.sample(range(actors), rng.randint(3, 7))):
            g.add_edge(f"m{m}", f"a{a}", rel="host" if j == 0 else "participant")
    return g


def test_a_crowded_people_page_keeps_its_labels_apart(browser, tmp_path):
    """Forty actors who met in twenty meetings: without moving nodes apart, two labels shared 45 % of a box."""
    from graph.views.viz import render_html

    page = render_html(view_graph(crowded_meetings(), "people"), tmp_path / "crowded.html", mode="people")
    w = Watched(browser, page, viewport=SMALL_SCREEN)
    try:
        labels = label_boxes(w)
        assert len(labels) == 40
        assert min(label["px"] for label in labels) >= MIN_LABEL_PX
        assert worst_overlap(labels)[0] <= MAX_LABEL_OVERLAP, worst_overlap(labels)
    finally:
        w.close()


def test_the_seed_page_in_events_mode_draws_the_whole_graph(browser, seed_pages, seed_store):
    expected = graph_from_store(seed_store).number_of_nodes()
    w = Watched(browser, seed_pages["events"])
    try:
        assert w.js("window.kgNodes.length") == expected
        assert w.js("window.kgNetwork.body.nodeIndices.length") == expected
        assert w.js("window.kgSearch('Negotiations with China')")
        assert w.errors == [] and w.foreign_requests() == []
    finally:
        w.close()


def test_the_seed_page_draws_the_whole_graph_offline_and_finds_xi(browser, seed_page, seed_store, tmp_path):
    expected = view_graph(graph_from_store(seed_store), "people").number_of_nodes()
    w = Watched(browser, seed_page)
    try:
        assert w.js("window.kgNodes.length") == expected
        assert w.js("Number(document.getElementById('kg-network').dataset.nodeCount)") == expected
        assert w.js("window.kgNetwork.body.nodeIndices.length") == expected  # drawn by vis-network, not just data

        found = w.js('window.kgSearch("Xi Jinping")')
        assert found
        assert w.js("window.kgNetwork.getSelectedNodes()") == [found]
        assert w.js("id => window.kgNodes.get(id).label", found) == "Xi Jinping"
        # the view moves to him: wait until the animation has centred his node
        w.page.wait_for_function("""id => {
            const p = window.kgNetwork.getPositions([id])[id], v = window.kgNetwork.getViewPosition();
            return Math.hypot(p.x - v.x, p.y - v.y) < 2; }""", arg=found, timeout=WAIT_MS)
        assert "Xi Jinping" in w.page.inner_text("#kg-status")

        shot = tmp_path / "seed-graph.png"
        w.page.screenshot(path=str(shot))
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000

        assert w.errors == []
        assert w.foreign_requests() == []
        assert w.dialogs == []
    finally:
        w.close()


def test_the_search_box_and_a_missing_name(browser, seed_page):
    w = Watched(browser, seed_page)
    try:
        w.page.fill("#kg-search", "lukashenko")
        w.page.click("#kg-search-form button[type=submit]")
        selected = w.js("window.kgNetwork.getSelectedNodes()")
        assert len(selected) == 1
        assert w.js("id => window.kgNodes.get(id).label", selected[0]) == "Aleksandr Grigoryevich Lukashenko"
        assert w.js('window.kgSearch("Nobody Atall")') is None
        assert "No match" in w.page.inner_text("#kg-status")
        assert w.errors == [] and w.foreign_requests() == []
    finally:
        w.close()


def test_a_people_page_links_whom_met_and_lists_their_meetings(browser, seed_page):
    w = Watched(browser, seed_page)
    try:
        data = w.js("JSON.parse(document.getElementById('kg-data').textContent)")
        labels = {n["id"]: n["label"] for n in data["nodes"]}
        assert all(n["kind"] != "Event" for n in data["nodes"])
        pairs = {frozenset((labels[e["from"]], labels[e["to"]])): e for e in data["edges"]}
        xi = pairs[frozenset(("Xi Jinping", "Aleksandr Grigoryevich Lukashenko"))]
        assert xi["weight"] == len(xi["meetings"]) >= 2
        assert any(m["title"] == "Negotiations with China President Xi Jinping" for m in xi["meetings"])
        li = pairs[frozenset(("Li Keqiang", "Aleksandr Grigoryevich Lukashenko"))]
        assert "Great Stone Industrial Park" in li["meetings"][0]["topics"]  # what they met about
        widths = w.js("window.kgEdges.get().map(e => e.width)")
        assert max(widths) > min(widths)  # more meetings, a wider link
        coloured = [e for e in data["edges"] if e.get("area")]
        assert coloured and {e["color"] for e in coloured} != {"#9E9E9E"}
        legend = w.page.inner_text(".kg-rels")
        assert all(e["area"] in legend for e in coloured)
    finally:
        w.close()


def test_a_people_focus_page_keeps_whom_the_actor_met(browser, seed_store_dir, tmp_path):
    out = tmp_path / "xi-people.html"
    kg("viz", "--store", str(seed_store_dir), "-o", str(out), "--focus", "xi jinping")
    w = Watched(browser, out)
    try:
        labels = w.js("window.kgNodes.get().map(n => n.label)")
        assert sorted(labels) == ["Aleksandr Grigoryevich Lukashenko", "Xi Jinping"]  # Li Keqiang met only him
        selected = w.js("window.kgNetwork.getSelectedNodes()")
        assert [w.js("id => window.kgNodes.get(id).label", s) for s in selected] == ["Xi Jinping"]
        found = w.js('window.kgSearch("Lukashenko")')
        w.page.wait_for_function("""id => {
            const p = window.kgNetwork.getPositions([id])[id], v = window.kgNetwork.getViewPosition();
            return Math.hypot(p.x - v.x, p.y - v.y) < 2; }""", arg=found, timeout=WAIT_MS)
        assert w.errors == [] and w.foreign_requests() == []
    finally:
        w.close()


def test_a_focus_page_selects_its_actor(browser, seed_store_dir, tmp_path):
    out = tmp_path / "xi.html"
    kg("viz", "--store", str(seed_store_dir), "-o", str(out), "--focus", "xi jinping", "--depth", "1",
       "--mode", "events")
    w = Watched(browser, out)
    try:
        labels = w.js("window.kgNodes.get().map(n => n.label)")
        assert "Xi Jinping" in labels
        assert any(label.startswith("Negotiations with China President Xi") for label in labels)
        assert "Li Keqiang" not in labels  # two links away: beyond --depth 1
        selected = w.js("window.kgNetwork.getSelectedNodes()")
        assert [w.js("id => window.kgNodes.get(id).label", s) for s in selected] == ["Xi Jinping"]
        assert "around Xi Jinping" in w.page.title()
        assert w.errors == [] and w.foreign_requests() == []
    finally:
        w.close()


def _hover(w: Watched, node_id: str) -> None:
    """Move the mouse onto a node, as a person would, and wait for its tooltip."""
    x, y = w.js("""id => {
        const net = window.kgNetwork, p = net.canvasToDOM(net.getPositions([id])[id]);
        const box = document.getElementById('kg-network').getBoundingClientRect();
        return [box.left + p.x, box.top + p.y]; }""", node_id)
    w.page.mouse.move(x - 40, y - 40)
    w.page.mouse.move(x, y, steps=4)
    w.page.wait_for_selector(".vis-tooltip", state="visible", timeout=WAIT_MS)


def _hover_edge(w: Watched, edge_id: str) -> None:
    """Move the mouse onto the middle of a link, as drawn (curved or not), and wait for its tooltip."""
    x, y = w.js("""id => {
        const net = window.kgNetwork, p = net.canvasToDOM(net.body.edges[id].edgeType.getPoint(0.5));
        const box = document.getElementById('kg-network').getBoundingClientRect();
        return [box.left + p.x, box.top + p.y]; }""", edge_id)
    w.page.mouse.move(x - 30, y - 30)
    w.page.mouse.move(x, y, steps=4)
    w.page.wait_for_selector(".vis-tooltip", state="visible", timeout=WAIT_MS)


@pytest.mark.parametrize("mode", ["people", "events"])
def test_hostile_names_from_a_text_stay_text_in_the_browser(browser, tmp_path, mode):
    doc = tmp_path / "ruritania.txt"
    doc.write_text(XSS_DOC, encoding="utf-8")
    store, out = tmp_path / "store", tmp_path / "hostile.html"
    kg("build", str(doc), "--store", str(store), "--host", f"{XSS_SCRIPT} Lopez", "-q")
    kg("viz", "--store", str(store), "-o", str(out), "--mode", mode)

    w = Watched(browser, out)
    try:
        # whole labels (the canvas shows events' titles cut short)
        nodes = w.js("JSON.parse(document.getElementById('kg-data').textContent).nodes.map(n => [n.id, n.label])")
        img_nodes = [i for i, label in nodes if XSS_IMG in label]
        script_nodes = [i for i, label in nodes if XSS_SCRIPT in label]
        assert script_nodes, nodes  # the payloads did reach the page, as names
        assert img_nodes or mode == "people", nodes  # (the people mode draws no event)

        for node_id in img_nodes + script_nodes:
            _hover(w, node_id)
            text = w.page.inner_text(".vis-tooltip")
            label = dict(nodes)[node_id]
            assert label.split()[0] in text
            assert XSS_IMG in text or XSS_SCRIPT in text  # shown as the characters they are
        w.page.mouse.move(5, 5)

        if mode == "people":  # a link's tooltip: the two names and the meetings' titles, as text
            links = w.js("window.kgEdges.get().map(e => [e.id, e.from, e.to])")
            assert links
            for edge_id, a, b in links:
                _hover_edge(w, edge_id)
                text = w.page.inner_text(".vis-tooltip")
                assert dict(nodes)[a] in text and dict(nodes)[b] in text
                assert f"Meeting: Meeting {XSS_IMG} with Prime Minister" in text
            w.page.mouse.move(5, 5)

        w.page.fill("#kg-search", "Lopez")
        w.page.click("#kg-search-form button[type=submit]")
        (host,) = w.js("window.kgNetwork.getSelectedNodes()")
        assert dict(nodes)[host] == f"{XSS_SCRIPT} Lopez"
        assert f"{XSS_SCRIPT} Lopez" in w.page.inner_text("#kg-status")
        if mode == "events":
            assert w.js('window.kgSearch("onerror")') in img_nodes

        assert w.js("typeof window.__xss") == "undefined"
        assert w.js("document.querySelectorAll('img').length") == 0
        assert w.js("document.scripts.length") == 3
        assert w.dialogs == []
        assert w.errors == []
        assert w.foreign_requests() == []  # an injected <img src=x> would have asked for file:///…/x
    finally:
        w.close()


def test_the_query_page_runs_a_query_and_asks_nothing_of_another_machine(browser, seed_store_dir, tmp_path):
    """`kg serve`'s query page: it runs the query in the box, shows the rows, and every request it makes goes to the
    endpoint that served it (no prefix lookup, no font, no script from elsewhere)."""
    import shutil
    import time
    import urllib.request

    from graph.views.serve import free_port

    store = tmp_path / "store"
    shutil.copytree(seed_store_dir, store)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "graph.cli", "serve", "--store", str(store), "--port", str(port),
                             "--quiet"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base, timeout=2).read()
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, "kg serve did not start"
                time.sleep(0.2)
        page = browser.new_page(viewport=VIEWPORT)
        requests, errors = [], []
        page.on("request", lambda req: requests.append(req.url))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(base)
        page.fill("#query", "PREFIX schema: <https://schema.org/>\n"
                            "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name")
        page.click("button[type=submit]")
        page.wait_for_selector("#results td", timeout=WAIT_MS)  # the page's CSP allows no eval: no wait_for_function
        names = page.eval_on_selector_all("#results td", "cells => cells.map(c => c.textContent)")
        assert "Xi Jinping" in names and errors == []
        assert requests and all(u.startswith(base) for u in requests), requests
        page.close()
    finally:
        proc.terminate()
        proc.wait(10)


def test_browser_tests_are_not_skipped_in_ci():
    """CI installs chromium (.ci/run) and playwright (the test extra): the tests above must have run there."""
    if not os.environ.get("CI"):
        pytest.skip("only meaningful in CI")
    assert _browser_missing() is None
    assert shutil.which("chromium") or CHROMIUM.exists()
