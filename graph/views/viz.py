"""Draw the meeting graph as one self-contained, offline HTML page.

`render_html(g, path)` writes a page with vis-network (read from the installed pyvis package and inlined), a legend
that doubles as a filter by node class, a date-range filter for events, a name search and neighbourhood
highlighting. Nothing in the page loads from the network. `g` is what `graph.views.people.view_graph` gives for
the page's mode: actors linked by their meetings (`people`: a link's width its number of meetings, its colour the
meetings' subject area, its tooltip the meetings) or actors and events (`events`: links typed host, participant,
topic …).

Labels stay legible (viz.js): once laid out and fitted, the page sets the label font so that labels are at least
`MIN_LABEL_PX` pixels on screen and moves apart the nodes whose labels overlap, a few rounds.

Untrusted text (names, sentences) reaches the page only as JSON inside `<script type="application/json">` with
`<`, `>` and `&` escaped, and the page turns it into DOM text with `textContent`. Node ids are replaced by opaque
ids (`n0`, `n1`, ...) so IRIs never appear in the page.

Graphs of more than `LARGE_GRAPH_NODES` nodes get positions computed beforehand (`graph.views.layout`), with physics
off in the browser; smaller ones are laid out by vis-network with a fixed number of stabilisation iterations.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any, Iterable

import networkx as nx
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..text.dates import date_bounds
from .layout import precomputed_positions
from .people import legend_areas, meeting_records

TEMPLATES = files("graph") / "templates"
VIS_DIR = ("lib", "vis-9.1.2")

LARGE_GRAPH_NODES = 1000
SMOOTH_EDGES_MAX_NODES = 300
IMPROVED_LAYOUT_MAX_NODES = 100
STABILISATION_ITERATIONS = 200

MAX_SOURCES = 3
MAX_SENTENCE_CHARS = 300
MAX_ALIASES = 10
MAX_POSTS = 6
MAX_EVENT_LABEL = 40  # characters of an event's title drawn on the canvas (the tooltip has it whole)
MIN_LABEL_PX = 12  # the smallest label on screen once the page is fitted
SPREAD_MAX_NODES = 200  # beyond, labels are not moved apart (quadratic in the nodes)


@dataclass(frozen=True)
class KindStyle:
    name: str  # shown in the legend and tooltips
    shape: str  # a vis-network node shape
    color: str
    font: str  # label colour; white only for shapes that draw the label inside


@dataclass(frozen=True)
class RelStyle:
    name: str
    color: str
    width: float
    dashes: tuple[int, ...] = ()  # empty: solid line


KIND_STYLES: dict[str, KindStyle] = {
    "Person": KindStyle("Person", "dot", "#0072B2", "#222222"),
    "Organization": KindStyle("Organization", "square", "#E69F00", "#222222"),
    "Country": KindStyle("Country", "triangle", "#009E73", "#222222"),
    "Place": KindStyle("Place", "diamond", "#8C564B", "#222222"),
    "Project": KindStyle("Project", "star", "#CC79A7", "#222222"),
    "Equipment": KindStyle("Equipment", "hexagon", "#555555", "#222222"),
    "EquipmentClass": KindStyle("Equipment class", "triangleDown", "#9A8C00", "#222222"),
    "Event": KindStyle("Event", "box", "#D55E00", "#FFFFFF"),
}
OTHER_KIND = "Other"
OTHER_STYLE = KindStyle("Other", "dot", "#AAAAAA", "#222222")

REL_STYLES: dict[str, RelStyle] = {
    "host": RelStyle("host", "#D55E00", 3.0),
    "participant": RelStyle("participant", "#0072B2", 1.5),
    "counterpart": RelStyle("counterpart", "#6A3D9A", 2.0),
    "topic": RelStyle("topic", "#009E73", 1.5, (2, 4)),
    "part_of": RelStyle("part of", "#777777", 1.5, (8, 6)),
    "place": RelStyle("place", "#8C564B", 1.0),
    "mentioned": RelStyle("mentioned", "#BBBBBB", 1.0, (1, 5)),
}
OTHER_REL = "other"
OTHER_REL_STYLE = RelStyle("other", "#999999", 1.0)

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def render_html(g: nx.Graph | nx.MultiGraph, path: Path, *, title: str = "Who met whom", focus: Any = None,
                mode: str = "events") -> Path:
    """Write `g` as an interactive, offline HTML page to `path` (parents created); return `path`.

    `focus`, a node of `g`, is selected once the layout settles (the `kg viz --focus` view); `mode` says what `g`
    is (`people`: actors linked by `meetings_graph`'s links; `events`: the store's graph)."""
    path = Path(path)
    data = page_data(g, focus=focus, mode=mode)
    html = _environment().get_template("graph.html").render(
        title=title,
        node_count=len(data["nodes"]),
        edge_count=len(data["edges"]),
        legend_kinds=[row for row in _legend_kinds(data["nodes"]) if row["count"] or mode == "events"],
        legend_rels=_legend_rels(data["edges"]) if mode == "events" else legend_areas(data["edges"]),
        mode=mode,
        date_min=data["dateMin"] or "",
        date_max=data["dateMax"] or "",
        vis_css=Markup(_vis_asset("vis-network.css", "</style")),
        vis_js=Markup(_vis_asset("vis-network.min.js", "</script")),
        app_css=Markup(_template_asset("viz.css", "</style")),
        app_js=Markup(_template_asset("viz.js", "</script")),
        data_json=script_json(data),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


def page_data(g: nx.Graph, *, focus: Any = None, mode: str = "events") -> dict[str, Any]:
    """Return the JSON-ready description of `g` the page draws: nodes, edges, styles and vis-network options."""
    ids = {node: f"n{i}" for i, node in enumerate(g.nodes)}
    large = len(ids) > LARGE_GRAPH_NODES
    positions = precomputed_positions(g) if large else {}
    nodes = [_node_record(ids[node], node, attrs, g.degree(node), positions.get(node))
             for node, attrs in g.nodes(data=True)]
    spans = [(n["dateLo"], n["dateHi"]) for n in nodes if "dateLo" in n]
    return {
        "nodes": nodes,
        "edges": _edge_records(g, ids) if mode == "events" else meeting_records(g, ids),
        "kinds": {kind: asdict(style) for kind, style in {**KIND_STYLES, OTHER_KIND: OTHER_STYLE}.items()},
        "rels": {rel: _rel_json(style) for rel, style in {**REL_STYLES, OTHER_REL: OTHER_REL_STYLE}.items()},
        "options": _vis_options(len(ids), directed=g.is_directed(), precomputed=large),
        "precomputed": large,
        "mode": mode,
        "minLabelPx": MIN_LABEL_PX,
        "spread": len(ids) <= SPREAD_MAX_NODES,
        "dateMin": min((lo for lo, _ in spans), default=None),
        "dateMax": max((hi for _, hi in spans), default=None),
        "focus": ids.get(focus) if focus is not None else None,
    }


def script_json(data: Any) -> Markup:
    """Return `data` as JSON that is safe inside a `<script>` element: `<`, `>` and `&` are \\u-escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(re.sub(r"[<>&]", lambda m: _JSON_ESCAPES[m.group()], text))


# --- nodes and edges -------------------------------------------------------------------------------------------------


def _node_record(opaque_id: str, node: Any, attrs: dict, degree: int, xy: tuple[float, float] | None) -> dict:
    """Return the page's record for one node: display fields only, keyed by its opaque id."""
    raw_kind = str(attrs.get("kind") or OTHER_KIND)
    kind = raw_kind if raw_kind in KIND_STYLES else OTHER_KIND
    label = str(attrs.get("label") or _fallback_label(node))
    record: dict[str, Any] = {
        "id": opaque_id,
        "label": label,
        "short": _truncate(label, MAX_EVENT_LABEL, words=True) if kind == "Event" else label,
        "kind": kind,
        "type": _type_name(raw_kind, attrs.get("event_type")),
        "size": round(10 + 4 * math.sqrt(min(degree, 50)), 1),
        "degree": degree,
    }
    aliases = [a for a in _strings(attrs.get("aliases")) if a != label]
    if aliases:
        record["aliases"] = aliases[:MAX_ALIASES]
    posts = _strings(attrs.get("posts"))
    if posts:
        record["posts"] = posts[:MAX_POSTS]
    record.update(_date_fields(attrs.get("start"), attrs.get("end")))
    sources = _sources(attrs.get("sources"))
    if sources:
        record["sources"] = sources[:MAX_SOURCES]
        record["sourceCount"] = max(len(sources), int(attrs.get("source_count") or 0))
    if xy is not None:
        record["x"], record["y"] = xy
    return record


def _strings(value: Any) -> list[str]:
    """Return the non-empty strings in a list attribute; a lone string counts as a one-item list."""
    items = [value] if isinstance(value, str) else value or ()
    return [str(item) for item in items if item]


def _fallback_label(node: Any) -> str:
    """Return the last path segment of a node id, a readable stand-in when a node has no label."""
    return re.split(r"[/#]", str(node).rstrip("/#"))[-1] or "?"


def _type_name(kind: str, event_type: Any) -> str:
    """Return the type shown in a tooltip: the event type for events, the class name otherwise."""
    if kind == "Event" and event_type:
        return str(event_type)
    style = KIND_STYLES.get(kind)
    return style.name if style else kind


def _date_fields(start: Any, end: Any) -> dict[str, str]:
    """Return `dates` (for display) and `dateLo`/`dateHi` (full ISO days, for filtering); empty if undated."""
    start_bounds, end_bounds = date_bounds(start), date_bounds(end)
    if not start_bounds and not end_bounds:
        return {}
    lo = (start_bounds or end_bounds)[0]
    hi = (end_bounds or start_bounds)[1]
    shown = [str(v) for v in (start, end) if v]
    dates = shown[0] if len(shown) == 1 or shown[0] == shown[1] else f"{shown[0]} – {shown[1]}"
    return {"dates": dates, "dateLo": lo, "dateHi": hi}


def _sources(sources: Any) -> list[dict[str, str]]:
    """Return (document, sentence) pairs as `{doc, text}` dicts with sentences cut to `MAX_SENTENCE_CHARS`."""
    records = []
    for source in sources or ():
        # Be lenient: a bare sentence without a document name is still worth showing.
        doc, sentence = ("", source) if isinstance(source, str) else (source[0], source[1])
        records.append({"doc": str(doc or ""), "text": _truncate(str(sentence or ""), MAX_SENTENCE_CHARS)})
    return records


def _truncate(text: str, limit: int, *, words: bool = False) -> str:
    """Return `text` with whitespace collapsed, cut to at most `limit` characters with an ellipsis (`words`: at the
    last space within them, unless that leaves less than half)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if words and cut.rfind(" ") >= limit // 2:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-") + "…"


def _edge_records(g: nx.Graph, ids: dict[Any, str]) -> list[dict[str, Any]]:
    """Return one record per distinct (endpoints, rel) pair; parallel duplicates keep their highest confidence."""
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for u, v, attrs in g.edges(data=True):
        a, b = ids[u], ids[v]
        if not g.is_directed() and a > b:
            a, b = b, a
        rel = str(attrs.get("rel") or OTHER_REL)
        record = merged.setdefault((a, b, rel), _edge_record(a, b, rel))
        confidence = attrs.get("confidence")
        # NaN would make the embedded JSON unparseable in the browser.
        if confidence is not None and math.isfinite(float(confidence)):
            record["confidence"] = max(float(confidence), record.get("confidence", 0.0))
    return list(merged.values())


def _edge_record(a: str, b: str, rel: str) -> dict[str, Any]:
    """Return a new edge record; `rel` is a styled relation or `other`, with the original kept in `name`."""
    if rel in REL_STYLES:
        return {"from": a, "to": b, "rel": rel}
    return {"from": a, "to": b, "rel": OTHER_REL, "name": rel}


def _rel_json(style: RelStyle) -> dict[str, Any]:
    """Return an edge style as the page uses it (`dashes` false for solid lines, as vis-network expects)."""
    return {"name": style.name, "color": style.color, "width": style.width, "dashes": list(style.dashes) or False}


# --- layout and vis-network options ----------------------------------------------------------------------------------


def _vis_options(node_count: int, *, directed: bool, precomputed: bool) -> dict[str, Any]:
    """Return vis-network options; physics is either off (precomputed positions) or bounded by stabilisation."""
    if precomputed:
        physics: dict[str, Any] = {"enabled": False}
    else:
        physics = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 130, "springConstant": 0.03,
                          "damping": 0.3, "avoidOverlap": 0.3},
            "stabilization": {"enabled": True, "iterations": STABILISATION_ITERATIONS, "updateInterval": 20,
                              "fit": True},
        }
    return {
        "autoResize": True,
        "nodes": {"borderWidth": 1, "borderWidthSelected": 3, "widthConstraint": {"maximum": 160},
                  "font": {"size": 14, "face": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"}},
        "edges": {"smooth": {"type": "continuous"} if node_count <= SMOOTH_EDGES_MAX_NODES else False,
                  "selectionWidth": 2, "hoverWidth": 1,
                  "arrows": {"to": {"enabled": directed, "scaleFactor": 0.5}}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": precomputed,
                        "hideEdgesOnZoom": precomputed, "keyboard": False},
        "layout": {"improvedLayout": node_count <= IMPROVED_LAYOUT_MAX_NODES, "randomSeed": 7},
        "physics": physics,
    }


# --- legend and assets -----------------------------------------------------------------------------------------------


def _legend_kinds(nodes: Iterable[dict]) -> list[dict[str, Any]]:
    """Return legend rows for every node class (and `Other` when present), with node counts."""
    counts: dict[str, int] = {}
    for node in nodes:
        counts[node["kind"]] = counts.get(node["kind"], 0) + 1
    styles = dict(KIND_STYLES)
    if counts.get(OTHER_KIND):
        styles[OTHER_KIND] = OTHER_STYLE
    return [{"kind": kind, **asdict(style), "count": counts.get(kind, 0)} for kind, style in styles.items()]


def _legend_rels(edges: Iterable[dict]) -> list[dict[str, Any]]:
    """Return legend rows for every edge relation (and `other` when present), with SVG dash patterns."""
    present = {edge["rel"] for edge in edges}
    styles = dict(REL_STYLES)
    if OTHER_REL in present:
        styles[OTHER_REL] = OTHER_REL_STYLE
    return [{"rel": rel, "name": s.name, "color": s.color, "width": s.width,
             "dasharray": " ".join(map(str, s.dashes)) or "none"} for rel, s in styles.items()]


def _environment() -> Environment:
    """Return the Jinja environment for the page; autoescaping is on so only `Markup` values pass unescaped."""
    return Environment(loader=PackageLoader("graph", "templates"), autoescape=True, undefined=StrictUndefined,
                       keep_trailing_newline=True)


def _vis_asset(name: str, forbidden: str) -> str:
    """Return a vis-network file from the installed pyvis package, checked to be safe to inline."""
    return _checked(files("pyvis").joinpath(*VIS_DIR, name).read_text(encoding="utf-8"), name, forbidden)


def _template_asset(name: str, forbidden: str) -> str:
    """Return one of this package's page assets (script or stylesheet), checked to be safe to inline."""
    return _checked((TEMPLATES / name).read_text(encoding="utf-8"), name, forbidden)


def _checked(text: str, name: str, forbidden: str) -> str:
    """Return `text` unless it contains `forbidden`, the closing tag that would end its inline element early."""
    if forbidden in text.lower():
        raise ValueError(f"{name} contains {forbidden!r} and cannot be inlined")
    return text
