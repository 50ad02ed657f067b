"""The store → a networkx graph of actors, events and topics, through the viz_*.rq queries.

Nodes carry `label`, `kind`, `event_type`, `aliases`, `posts`, `start`, `end`, `sources` (at most two (document,
sentence) pairs) and `source_count`; edges carry `rel` (host, participant, topic, part_of, place) and `confidence`,
one edge per (source, target, rel). The same graph serves the HTML view and the analysis.

The queries read each fact once however many documents state it, so the rows read grow with the graph drawn, not
with documents × mentions (tests/test_dedup.py counts them).
"""

from __future__ import annotations

import networkx as nx

from ..store.kgstore import KGStore

SEP = "\u001f"


def _split(v) -> list[str]:
    return sorted({x for x in str(v or "").split(SEP) if x})


def graph_from_store(store: KGStore) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for r in store.named("viz_nodes"):
        node = str(r.node)
        if node in g and g.nodes[node].get("kind") == "Event":
            continue
        g.add_node(node, label=str(r.label), kind=str(r.kind),
                   event_type=str(r.eventType) if r.eventType else None, aliases=_split(r.aliases),
                   posts=_split(r.posts), start=str(r.start) if r.start else None,
                   end=str(r.end) if r.end else None, sources=[])
    for r in store.named("viz_sources"):
        node = str(r.node)
        if node in g:
            keys = dict.fromkeys(str(k) for k in (r.first, r.last) if k is not None)
            g.nodes[node]["sources"] = [tuple(k.split(SEP, 1)) for k in keys if SEP in k]
            g.nodes[node]["source_count"] = int(r["count"])
    for r in store.named("viz_edges"):
        s, t = str(r.source), str(r.target)
        if s in g and t in g:
            g.add_edge(s, t, rel=str(r.rel), confidence=float(r.confidence) if r.confidence is not None else None)
    return g
