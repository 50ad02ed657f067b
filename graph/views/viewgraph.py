"""The store → a networkx graph of actors, events and topics, through the viz_*.rq queries.

Nodes carry `label`, `kind`, `event_type`, `aliases`, `posts`, `start`, `end`, `sources` (at most two (document,
sentence) pairs), `source_count` and, for events, `areas` (the subject areas of their topics); edges carry `rel`
(host, participant, topic, part_of, place) and `confidence`, one edge per (source, target, rel). The same graph serves the HTML view and the analysis.

The queries read each fact once however many documents state it, so the rows read grow with the graph drawn, not
with documents × mentions (tests/test_dedup.py counts them).
"""

from __future__ import annotations

import networkx as nx

from ..store.kgstore import KGStore

SEP = "\u001f"


def _split(v: str | None) -> list[str]:
    return sorted({x for x in (v or "").split(SEP) if x})


def _rows(store: KGStore, name: str):
    """The rows of `queries/NAME.rq` as dicts of strings (None where unbound)."""
    columns, rows = store.named_strings(name)
    return (dict(zip(columns, row)) for row in rows)


def graph_from_store(store: KGStore, *, sources: bool = True) -> nx.MultiDiGraph:
    """The graph the views draw and analyse; `sources=False` leaves out what only the HTML page shows: the nodes'
    source sentences (`sources` empty, no `source_count`; a third of the graph's reading at 10,000 documents) and
    the events' subject areas (`areas` empty), which colour the page's links."""
    g = nx.MultiDiGraph()
    for r in _rows(store, "viz_nodes"):
        node = r["node"]
        if node in g and g.nodes[node].get("kind") == "Event":
            continue
        g.add_node(node, label=r["label"], kind=r["kind"], event_type=r["eventType"] or None,
                   aliases=_split(r["aliases"]), posts=_split(r["posts"]), start=r["start"] or None,
                   end=r["end"] or None, sources=[], areas=[])
    for r in _rows(store, "viz_sources") if sources else ():
        node = r["node"]
        if node in g:
            keys = dict.fromkeys(k for k in (r["first"], r["last"]) if k is not None)
            g.nodes[node]["sources"] = [tuple(k.split(SEP, 1)) for k in keys if SEP in k]
            g.nodes[node]["source_count"] = int(r["count"])
    for r in _rows(store, "viz_areas") if sources else ():
        if r["node"] in g:
            g.nodes[r["node"]]["areas"] = _split(r["areas"])
    for r in _rows(store, "viz_edges"):
        s, t = r["source"], r["target"]
        if s in g and t in g:
            g.add_edge(s, t, rel=r["rel"], confidence=float(r["confidence"]) if r["confidence"] is not None else None)
    return g
