"""HTML graph: how long until a page of 500, 2,000 and 5,000 nodes (graph.viz.render_html of a synthetic graph,
bench/synth.py) is interactive in headless Chromium, and whether it still answers a search and a zoom.

"Interactive" is the moment the page marks `#kg-network[data-ready=true]` (after the layout: vis-network's
stabilisation below `graph.viz.LARGE_GRAPH_NODES` nodes, precomputed positions above), with `window.kgNetwork` and
`window.kgSearch` defined; it is read in the page (performance.now(), from the start of navigation) and from Python
(wall time from `page.goto`). Then, in the ready page: a mouse-wheel zoom must change the scale (time from the wheel
event to the next drawn frame); one full redraw is timed (the cost of each frame while panning or zooming);
`kgSearch(label)` of a person must select that node (time of the call, and until vis-network's focus animation has
finished: its 400 ms animation advances a step per frame, so it lasts longer when frames are slow); a search typed
into the search box must report "Found …" (wall time from pressing Enter).

Debian's chromium driven by Playwright (never `playwright install`).

    python bench/bench_viz.py                       # 500, 2000 and 5000 nodes
    python bench/bench_viz.py --nodes 50 --json /tmp/viz.json
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import benchlib  # noqa: F401  (puts the project on sys.path)
from benchlib import fmt_seconds, publish, table

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--no-first-run"]
VIEWPORT = {"width": 1400, "height": 900}
TARGET_S = 5.0

READY_PROBE = """
window.__kgT = {};
new MutationObserver(function (muts, obs) {
  var el = document.getElementById("kg-network");
  if (el && el.getAttribute("data-ready") === "true" && !window.__kgT.ready) {
    window.__kgT.ready = performance.now();
    obs.disconnect();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-ready"]});
"""
SEARCH = """(label) => new Promise(function (resolve) {
  var net = window.kgNetwork, out = {}, t0 = performance.now();
  var timer = setTimeout(function () { out.settledMs = null; resolve(out); }, 30000);
  net.once("animationFinished", function () {
    clearTimeout(timer);
    out.settledMs = performance.now() - t0;
    resolve(out);
  });
  out.id = window.kgSearch(label);
  out.ms = performance.now() - t0;
  out.selected = net.getSelectedNodes();
})"""
ZOOM = """() => new Promise(function (resolve) {
  var net = window.kgNetwork, canvas = document.querySelector("#kg-network canvas");
  var s0 = net.getScale(), rect = canvas.getBoundingClientRect(), t0 = performance.now();
  var timer = setTimeout(function () { resolve({s0: s0, s1: net.getScale(), ms: null}); }, 10000);
  net.once("afterDrawing", function () {
    clearTimeout(timer);
    resolve({s0: s0, s1: net.getScale(), ms: performance.now() - t0});
  });
  canvas.dispatchEvent(new WheelEvent("wheel", {deltaY: -300, clientX: rect.left + rect.width / 2,
                                                clientY: rect.top + rect.height / 2, bubbles: true,
                                                cancelable: true}));
})"""
REDRAW = """() => { var t0 = performance.now(); window.kgNetwork.redraw(); return performance.now() - t0; }"""


def browser_missing() -> str | None:
    if not CHROMIUM.exists():
        return f"no browser at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright; never `playwright install`)"
    return None


def _probe_label(g) -> tuple[str, str]:
    """A person of middling degree to search for, and its opaque id in the page (`n<index>` in node order)."""
    people = [(g.degree(n), i, g.nodes[n]["label"]) for i, n in enumerate(g.nodes) if g.nodes[n]["kind"] == "Person"]
    people.sort()
    degree, index, label = people[len(people) // 2]
    return label, f"n{index}"


def measure(browser, path: Path, g, timeout_s: float) -> dict:
    label, expected = _probe_label(g)
    errors: list[str] = []
    page = browser.new_page(viewport=VIEWPORT)
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(READY_PROBE)
    out: dict = {}
    try:
        t0 = time.perf_counter()
        page.goto(path.resolve().as_uri(), wait_until="load", timeout=timeout_s * 1000)
        out["load_wall_s"] = time.perf_counter() - t0
        # function form: the page's Content-Security-Policy forbids eval of an expression string
        page.wait_for_function("() => !!(window.__kgT && window.__kgT.ready && window.kgNetwork && window.kgSearch)",
                               timeout=timeout_s * 1000, polling=50)
        out["ready_wall_s"] = time.perf_counter() - t0
        timing = page.evaluate("""() => ({ready: window.__kgT.ready,
            dcl: performance.timing.domContentLoadedEventEnd - performance.timing.navigationStart,
            load: performance.timing.loadEventEnd - performance.timing.navigationStart})""")
        out["ready_s"] = timing["ready"] / 1000
        out["dom_content_loaded_s"] = timing["dcl"] / 1000
        out["load_event_s"] = timing["load"] / 1000
        out["nodes_in_page"] = page.evaluate("() => window.kgNodes.length")
        # zoom with the mouse wheel, before anything moves the view
        z = page.evaluate(ZOOM)
        out["zoom_ms"] = z["ms"]
        out["zoom_ok"] = z["ms"] is not None and z["s1"] > z["s0"]
        out["redraw_ms"] = page.evaluate(REDRAW)
        # search by the API: the call, then until the view has flown to the node
        s = page.evaluate(SEARCH, label)
        out["search_ms"] = s["ms"]
        out["search_settled_ms"] = s["settledMs"]
        out["search_ok"] = s["id"] == expected and expected in s["selected"]
        # search through the form, as a user would: from Enter to the status line saying "Found"
        page.evaluate("() => { document.getElementById('kg-status').textContent = ''; }")
        page.fill("#kg-search", label)
        t = time.perf_counter()
        page.press("#kg-search", "Enter")
        page.wait_for_function("() => document.getElementById('kg-status').textContent.startsWith('Found')",
                               timeout=30_000, polling=20)
        out["form_search_wall_ms"] = 1000 * (time.perf_counter() - t)
    except Exception as exc:  # a timeout, or a page that broke: report it
        out["error"] = str(exc).splitlines()[0]
    finally:
        out["console_errors"] = errors[:5]
        page.close()
    return out


def run(args) -> dict:
    import graph.views.viz as viz
    from synth import viz_graph

    missing = browser_missing()
    if missing:
        raise SystemExit(f"bench_viz: {missing}")
    from playwright.sync_api import sync_playwright

    results = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-viz-") as tmp, sync_playwright() as pw:
        t = time.perf_counter()
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        launch_s = time.perf_counter() - t
        version = browser.version
        try:
            for n in args.nodes:
                g = viz_graph(n, args.seed)
                path = Path(tmp) / f"graph-{n}.html"
                t = time.perf_counter()
                viz.render_html(g, path)
                render_s = time.perf_counter() - t
                print(f"… {len(g):,} nodes, {g.number_of_edges():,} edges", file=sys.stderr, flush=True)
                row = {"nodes": len(g), "edges": g.number_of_edges(), "render_s": render_s,
                       "html_mb": path.stat().st_size / 2**20,
                       "layout": "precomputed" if len(g) > viz.LARGE_GRAPH_NODES else "stabilisation"}
                row.update(measure(browser, path, g, args.timeout))
                print(f"  ready {fmt_seconds(row.get('ready_s'))} {row.get('error', '')}", file=sys.stderr)
                results.append(row)
        finally:
            browser.close()
    return {"seed": args.seed, "chromium": version, "launch_s": launch_s, "target_s": TARGET_S,
            "results": results}


def report(data: dict) -> str:
    def ok(v):
        return None if v is None else ("yes" if v else "NO")

    rows = [[r["nodes"], r["edges"], r["layout"], fmt_seconds(r["render_s"]), f"{r['html_mb']:.1f}",
             fmt_seconds(r.get("ready_s")) if "ready_s" in r else r.get("error", "")[:40],
             fmt_seconds(r.get("ready_wall_s")),
             ok(r["ready_s"] <= TARGET_S) if "ready_s" in r else "NO",
             ok(r.get("search_ok")), r.get("search_ms"), r.get("search_settled_ms"), r.get("form_search_wall_ms"),
             ok(r.get("zoom_ok")), r.get("zoom_ms"), r.get("redraw_ms"), len(r.get("console_errors", []))]
            for r in data["results"]]
    return "\n".join([
        f"HTML graph in headless Chromium {data['chromium']} (--disable-gpu; software canvas), viewport "
        f"{VIEWPORT['width']}×{VIEWPORT['height']}; target: interactive ≤ {TARGET_S:.0f} s:", "",
        table(["nodes", "edges", "layout", "render_html", "HTML MB", "interactive (page)", "interactive (wall)",
               "≤ 5 s", "search ok", "kgSearch ms", "search→view settled ms", "form search ms", "zoom ok",
               "zoom→frame ms", "redraw ms", "console errors"], rows)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, nargs="+", default=[500, 2000, 5000], help="graph sizes")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=120, help="seconds allowed to a page to become ready")
    ap.add_argument("--json", type=Path, help="results file (default bench/results/viz.json)")
    args = ap.parse_args(argv)
    data = run(args)
    text = report(data)
    publish(args.json, "viz", data, text)
    bad = [r for r in data["results"] if "error" in r or not r.get("search_ok") or not r.get("zoom_ok")]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
