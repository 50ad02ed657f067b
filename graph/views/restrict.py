"""The part of the graph `kg viz` draws: a date window on events, the ego network of one actor.

`parse_day` and `event_span` turn the user's dates and an event's dates into ISO days, here and for `kg timeline`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx

from ..text.dates import date_bounds
from .analysis import EVENT, AnalysisError, find_node, label_of


def parse_day(value: str | None, *, end: bool = False) -> str | None:
    """An ISO date (`2023-03-01`, `2023-03`, `2023`) → the first (or with `end`, the last) day it covers."""
    if not value:
        return None
    text = value.strip()
    bounds = date_bounds(text) if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text) else None
    if bounds:
        try:
            date.fromisoformat(bounds[1 if end else 0])
            return bounds[1 if end else 0]
        except ValueError:
            pass
    raise AnalysisError(f"not an ISO date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")


def event_span(attrs: dict) -> tuple[str, str] | None:
    """The first and last ISO day an event covers, or None if it is undated."""
    start, end = date_bounds(attrs.get("start")), date_bounds(attrs.get("end"))
    if not start and not end:
        return None
    return (start or end)[0], (end or start)[1]


@dataclass
class View:
    graph: nx.Graph
    focus: Any = None
    since: str | None = None
    until: str | None = None
    dropped_events: int = 0
    undated_events: int = 0

    def caption(self) -> str:
        """` — around Xi Jinping, 2023-03-01 to 2023-03-31`, or empty for the whole graph."""
        parts = [f"around {label_of(self.graph, self.focus)}"] if self.focus is not None else []
        if self.since or self.until:
            parts.append(f"{self.since or '…'} to {self.until or '…'}")
        return " — " + ", ".join(parts) if parts else ""


def restrict(g: nx.Graph, *, focus: str | None = None, depth: int | None = None, since: str | None = None,
             until: str | None = None) -> View:
    """Return the part of `g` to draw.

    `since`/`until` (ISO dates, inclusive) drop the events that lie outside, or are undated, and then every node
    left without an edge, except the focus. `focus` names a node (label or alias); only its ego network within
    `depth` links (default 2: its events and who else was there) is kept.
    """
    if depth is not None and focus is None:
        raise AnalysisError("--depth needs --focus NAME")
    if depth is not None and depth < 1:
        raise AnalysisError("--depth must be at least 1")
    lo, hi = parse_day(since), parse_day(until, end=True)
    if lo and hi and lo > hi:
        raise AnalysisError(f"--since {since} is after --until {until}")
    center = find_node(g, focus, what="actor") if focus is not None else None
    view = View(g, center, lo, hi)
    if lo or hi:
        keep = set(g)
        for node, attrs in g.nodes(data=True):
            if attrs.get("kind") != EVENT:
                continue
            span = event_span(attrs)
            if span is None:
                view.undated_events += 1
                keep.discard(node)
            elif (lo and span[1] < lo) or (hi and span[0] > hi):
                keep.discard(node)
        view.dropped_events = len(g) - len(keep)
        sub = g.subgraph(keep)
        sub = sub.subgraph([n for n in sub if sub.degree(n) or n == center])
        view.graph = sub.copy()
    if center is not None:
        view.graph = nx.ego_graph(view.graph, center, radius=depth or 2, undirected=True)
    return view
