"""The two things `kg viz` draws: who met whom (`people`, the default) or actors and events (`events`).

`people`: actors (people, organisations, countries … that took part in an event) are the nodes and their meetings
the links, one link a pair, `weight` the number of meetings they shared, `meetings` those meetings (date, type,
title, topics drawn in the graph, subject areas) for the link's tooltip and `area` the subject area most of them were about (None when none
of them has one), which colours the link. `events`: the graph of actors, events, topics and places as the store
gives it.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, Iterable

import networkx as nx

from ..text.areas import areas
from .analysis import actor_event_graph, actors_linked, event_dates

MODES = ("people", "events")
DEFAULT_MODE = "people"
MAX_MEETINGS = 12  # meetings listed in a link's tooltip
MAX_TOPICS = 5  # topics listed for each of them
AREA_COLORS = ("#1F77B4", "#17BECF", "#FF7F0E", "#D62728", "#9467BD", "#2CA02C", "#8C564B", "#E377C2", "#BCBD22",
               "#393B79", "#637939", "#E7BA52", "#31A354", "#843C39")  # subject_areas.csv's order, then again
NO_AREA, NO_AREA_COLOR = "no subject area", "#9E9E9E"


def view_graph(g: nx.Graph, mode: str = DEFAULT_MODE, *, focus: Any = None) -> nx.Graph:
    """Return what `mode` draws of `g` (a graph from `graph_from_store`, maybe restricted); `focus` stays a node
    even when it met nobody."""
    if mode == "events":
        return g
    if mode != "people":
        raise ValueError(f"unknown mode {mode!r}: choose one of {', '.join(MODES)}")
    w = meetings_graph(g)
    if focus is not None and focus in g and focus not in w:
        w.add_node(focus, **g.nodes[focus])
    return w


def meetings_graph(g: nx.Graph) -> nx.Graph:
    """Return the who-met-whom graph of `g`: actors linked by the events they shared, each link with `weight`,
    `meetings` (in date order) and `area`."""
    b = actor_event_graph(g)
    topics: dict[Any, list[str]] = {}
    for u, v, rel in g.edges(data="rel"):
        if rel == "topic":
            topics.setdefault(u, []).append(str(g.nodes[v].get("label") or v))
    w = actors_linked(b)
    meetings: dict[Any, dict[str, Any]] = {}
    for _, _, attrs in w.edges(data=True):
        events = sorted(attrs.pop("events"),
                        key=lambda e: (event_dates(b.nodes[e]) or "~", str(b.nodes[e].get("label") or e), str(e)))
        for e in events:
            if e not in meetings:
                meetings[e] = _meeting(b.nodes[e], sorted(set(topics.get(e, ())))[:MAX_TOPICS])
        attrs["rel"] = "met"
        attrs["meetings"] = [meetings[e] for e in events]
        attrs["area"] = dominant_area(attrs["meetings"])
    return w


def _meeting(attrs: dict, topics: list[str]) -> dict[str, Any]:
    return {"dates": event_dates(attrs), "type": str(attrs.get("event_type") or "Event"),
            "title": str(attrs.get("label") or ""), "topics": topics, "areas": list(attrs.get("areas") or ())}


def dominant_area(meetings: list[dict]) -> str | None:
    """Return the subject area most of `meetings` were about (ties: the first in subject_areas.csv), or None."""
    counts = Counter(a for m in meetings for a in dict.fromkeys(m["areas"]))
    if not counts:
        return None
    order = {a.label: i for i, a in enumerate(areas())}
    return min(counts, key=lambda a: (-counts[a], order.get(a, len(order)), a))


# --- the page's records (graph.views.viz) ---------------------------------------------------------------------------


def meeting_records(g: nx.Graph, ids: dict[Any, str]) -> list[dict[str, Any]]:
    """Return one record per link of a who-met-whom graph: its width grows with the number of meetings, its colour
    is their subject area's, and it lists the first `MAX_MEETINGS` meetings for the tooltip."""
    colors = area_colors()
    records = []
    for u, v, attrs in g.edges(data=True):
        meetings = list(attrs.get("meetings") or ())
        weight = int(attrs.get("weight") or len(meetings) or 1)
        area = attrs.get("area")
        record = {"from": ids[u], "to": ids[v], "rel": "met", "weight": weight,
                  "width": round(min(1.5 + 2 * math.sqrt(weight - 1), 10.0), 1),
                  "color": colors.get(area, NO_AREA_COLOR),
                  "meetings": [{k: m.get(k) for k in ("dates", "type", "title", "topics", "areas") if m.get(k)}
                               for m in meetings[:MAX_MEETINGS]]}
        if area:
            record["area"] = area
        records.append(record)
    return records


def area_colors() -> dict[str, str]:
    """Return each subject area's label → its link colour, in subject_areas.csv's order."""
    return {a.label: AREA_COLORS[i % len(AREA_COLORS)] for i, a in enumerate(areas())}


def legend_areas(edges: Iterable[dict]) -> list[dict[str, Any]]:
    """Return legend rows for the subject areas the links are coloured by (those present, in subject_areas.csv's
    order, then `no subject area`), with SVG dash patterns as `graph.views.viz` draws them."""
    present = {edge.get("area") for edge in edges}
    rows = [(area, color) for area, color in area_colors().items() if area in present]
    if None in present or not rows:
        rows.append((NO_AREA, NO_AREA_COLOR))
    return [{"rel": area, "name": area, "color": color, "width": 3, "dasharray": "none"} for area, color in rows]
