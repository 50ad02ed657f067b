"""Positions for large graphs, computed before the page is written (physics off in the browser): each connected
component laid out alone by a Fruchterman-Reingold with sampled repulsion, the components packed in rows."""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

NODE_SPACING = 60  # pixels between neighbouring nodes


def precomputed_positions(g: nx.Graph) -> dict[Any, tuple[float, float]]:
    """Return pixel positions centred on 0: each connected component laid out alone, then packed in rows.

    Laying out the whole graph at once pushes isolated nodes and small components into a ring around a crowded
    core; packing gives each component an area proportional to its size. Each component's nodes and edges are
    taken in `g`'s order (one pass over the edges; a subgraph view per component took seconds at 6,000 nodes and
    iterates small components in set order, which changes from run to run).
    """
    undirected = g.to_undirected(as_view=True) if g.is_directed() else g
    components = sorted(nx.connected_components(undirected), key=len, reverse=True)
    which = {node: i for i, nodes in enumerate(components) for node in nodes}
    members: list[list[Any]] = [[] for _ in components]
    for node in g:
        members[which[node]].append(node)
    edges: list[list[tuple[Any, Any]]] = [[] for _ in components]
    for u, v in g.edges():
        if u != v:
            edges[which[u]].append((u, v))
    return _pack_rows([_component_layout(nodes, pairs) for nodes, pairs in zip(members, edges)])


def _component_layout(nodes: list[Any], edges: list[tuple[Any, Any]]) -> tuple[dict[Any, tuple[float, float]], float]:
    """Return one component's positions in pixels within a square starting at (0, 0), and the square's side."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}, 0.0
    layout = _sampled_spring_layout(nodes, edges, iterations=60 if len(nodes) > 50 else 30)
    xs = [x for x, _ in layout.values()]
    ys = [y for _, y in layout.values()]
    x0, y0 = min(xs), min(ys)
    extent = max(max(xs) - x0, max(ys) - y0) or 1.0
    side = NODE_SPACING * math.sqrt(len(nodes))
    scale = side / extent
    return {node: ((x - x0) * scale, (y - y0) * scale) for node, (x, y) in layout.items()}, side


def _pack_rows(boxes: list[tuple[dict[Any, tuple[float, float]], float]]) -> dict[Any, tuple[float, float]]:
    """Return all positions after placing the squares left to right in rows about as wide as the total is tall."""
    row_width = math.sqrt(sum((side + NODE_SPACING) ** 2 for _, side in boxes))
    positions: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for layout, side in boxes:
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        positions.update({node: (x + px, y + py) for node, (px, py) in layout.items()})
        x += side + NODE_SPACING
        row_height = max(row_height, side + NODE_SPACING)
    if not positions:
        return {}
    xs = [px for px, _ in positions.values()]
    ys = [py for _, py in positions.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {node: (round(px - cx, 1), round(py - cy, 1)) for node, (px, py) in positions.items()}


def _sampled_spring_layout(nodes: list[Any], edges: list[tuple[Any, Any]], *, iterations: int = 60, samples: int = 24,
                           seed: int = 7) -> dict[Any, tuple[float, float]]:
    """Return Fruchterman-Reingold positions of `nodes` (linked by `edges`, no loops) in about the unit square, with
    repulsion from a random sample.

    Exact repulsion is O(n²) per iteration and `nx.spring_layout` needs scipy beyond 500 nodes (and is still
    quadratic); sampling `samples` other nodes per node keeps 5,000 nodes under a second.
    """
    import numpy as np

    n = len(nodes)
    if n == 0:
        return {}
    samples = min(samples, n)
    index = {node: i for i, node in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in edges], dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1 / math.sqrt(n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        others = rng.integers(0, n, size=(n, samples))
        delta = pos[:, None, :] - pos[others]
        dist2 = np.maximum((delta**2).sum(axis=-1), 1e-6)
        disp = (delta * (k * k / dist2)[..., None]).sum(axis=1) * (n / samples)
        if len(pairs):
            diff = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            dist = np.maximum(np.linalg.norm(diff, axis=1), 1e-3)
            pull = diff * (dist / k)[:, None]
            np.add.at(disp, pairs[:, 0], -pull)
            np.add.at(disp, pairs[:, 1], pull)
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos)}
