"""Analysis of the meeting graph with networkx: what `kg analyze` and `kg path` show.

The input is the graph of `graph.viewgraph.graph_from_store`: events linked to their actors by `host` and
`participant` edges (event → actor), and to topics, places and super-events. From it:

- `actor_event_graph`: the bipartite graph of actors and the events they took part in (participation only);
- `who_met_whom`: actors linked when they took part in the same event (`weight` = number of shared events);
- `central_actors`: degree and betweenness on the who-met-whom graph;
- `meeting_groups`: communities of actors who meet together (greedy modularity, deterministic);
- `connections`: how two actors are connected, through which meetings (shortest paths on the bipartite graph);
- `find_node`: a name, matched against labels and aliases (case- and accent-insensitive).

The part of the graph `kg viz` draws (`restrict`, `parse_day`, `event_span`) is in `graph.views.restrict`, the
timeline (`timeline_events`, `draw_timeline`) in `graph.views.timeline`; both can still be imported from here,
as `graph/cli.py` does, and are imported only when asked for.

Errors the user can fix (an unknown or ambiguous name, no path, a bad date) raise `AnalysisError` with a one-line
message.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any, Iterable

import networkx as nx

ACTOR_RELS = frozenset({"host", "participant"})
EVENT = "Event"
MAX_PATHS = 20


class AnalysisError(ValueError):
    """Something the user asked that the graph cannot answer: a one-line message."""


# --- names -----------------------------------------------------------------------------------------------------------


def normalise(text: Any) -> str:
    """Return `text` case-folded, without accents, with whitespace collapsed."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def _names(attrs: dict) -> list[str]:
    return [str(attrs.get("label") or "")] + [str(a) for a in attrs.get("aliases") or ()]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _match_tier(name: str, query: str) -> int:
    """3: the whole name; 2: whole words of the name ("Lukashenko", "Xi Jinping"); 1: a substring; 0: none."""
    if name == query:
        return 3
    q = _words(query)
    w = _words(name)
    if q and any(w[i:i + len(q)] == q for i in range(len(w) - len(q) + 1)):
        return 2
    return 1 if query in name else 0


def find_node(g: nx.Graph, name: str, *, among: Iterable[Any] | None = None, what: str = "actor") -> Any:
    """Return the node of `g` whose label or alias best matches `name`, among `among` (default: all but events).

    An exact name wins (the best-connected one if several share it); otherwise whole words, then a substring; a
    partial name that fits several nodes equally well is ambiguous. Raises `AnalysisError` if nothing fits.
    """
    query = normalise(name)
    if not query:
        raise AnalysisError(f"empty {what} name")
    candidates = list(among) if among is not None else [n for n, k in g.nodes(data="kind") if k != EVENT]
    best: dict[Any, int] = {}
    for node in candidates:
        tier = max((_match_tier(normalise(n), query) for n in _names(g.nodes[node]) if n), default=0)
        if tier:
            best[node] = tier
    if not best:
        owner = {}  # each name or alias → the label of its node: an actor is suggested once, by its label
        for node in candidates:
            for n in _names(g.nodes[node]):
                if n:
                    owner.setdefault(n, label_of(g, node))
        close = list(dict.fromkeys(owner[c] for c in difflib.get_close_matches(name, sorted(owner), n=10, cutoff=0.6)))
        hint = f" (did you mean {', '.join(repr(c) for c in close[:3])}?)" if close else ""
        raise AnalysisError(f"no {what} named {name!r}{hint}")
    top = max(best.values())
    nodes = sorted((n for n, t in best.items() if t == top), key=lambda n: (-g.degree(n), label_of(g, n), str(n)))
    if len(nodes) > 1 and top < 3:
        names = sorted(label_of(g, n) for n in nodes)
        shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
        raise AnalysisError(f"{what} name {name!r} is ambiguous: {shown}")
    return nodes[0]


def label_of(g: nx.Graph, node: Any) -> str:
    return str(g.nodes[node].get("label") or node)


# --- actors and events -----------------------------------------------------------------------------------------------


def participations(g: nx.Graph) -> list[tuple[Any, Any]]:
    """Return the distinct (event, actor) pairs of host and participant edges, sorted."""
    kind = dict(g.nodes(data="kind"))
    pairs = set()
    for u, v, rel in g.edges(data="rel"):
        if rel in ACTOR_RELS:
            event, actor = (u, v) if kind[u] == EVENT else (v, u)
            if kind[event] == EVENT and kind[actor] != EVENT:
                pairs.add((event, actor))
    return sorted(pairs, key=lambda p: (str(p[0]), str(p[1])))


def actor_event_graph(g: nx.Graph) -> nx.Graph:
    """Return the bipartite graph of actors (`bipartite=0`) and the events they took part in (`bipartite=1`).

    Nodes keep the attributes of `g`; they are added in a sorted order, so paths and ties come out the same on
    every run.
    """
    pairs = participations(g)
    b = nx.Graph()
    for node in sorted({a for _, a in pairs} | {e for e, _ in pairs}, key=str):
        b.add_node(node, **g.nodes[node], bipartite=1 if g.nodes[node].get("kind") == EVENT else 0)
    b.add_edges_from(pairs)
    return b


def actors(g: nx.Graph) -> list[Any]:
    """Return the nodes that took part in at least one event, sorted."""
    return sorted({a for _, a in participations(g)}, key=str)


def who_met_whom(g: nx.Graph) -> nx.Graph:
    """Return the graph of actors, linked when they took part in the same event.

    Every actor is a node (an actor alone at all its events has no link); an edge's `weight` is the number of
    events the two shared and `events` lists them.
    """
    return actors_linked(actor_event_graph(g))


def actors_linked(b: nx.Graph) -> nx.Graph:
    """`who_met_whom` from the actor–event graph `b` (built once for several results: analysis, the page)."""
    w = nx.Graph()
    for node, attrs in b.nodes(data=True):
        if attrs["bipartite"] == 0:
            w.add_node(node, **{k: v for k, v in attrs.items() if k != "bipartite"})
    for event, attrs in b.nodes(data=True):
        if attrs["bipartite"] != 1:
            continue
        people = sorted(b[event], key=str)
        for i, a in enumerate(people):
            for c in people[i + 1:]:
                if w.has_edge(a, c):
                    w[a][c]["weight"] += 1
                    w[a][c]["events"].append(event)
                else:
                    w.add_edge(a, c, weight=1, events=[event])
    return w


@dataclass
class ActorScore:
    actor: Any
    label: str
    kind: str
    met: int  # distinct actors met
    events: int  # events taken part in
    degree: float  # degree centrality on the who-met-whom graph
    betweenness: float  # betweenness centrality on the who-met-whom graph (normalised)

    def as_dict(self) -> dict:
        return {"actor": self.label, "kind": self.kind, "met": self.met, "events": self.events,
                "degree": round(self.degree, 4), "betweenness": round(self.betweenness, 4)}


def central_actors(g: nx.Graph, top: int | None = 10) -> list[ActorScore]:
    """Return actors by centrality: most actors met first, then betweenness, then events taken part in."""
    b = actor_event_graph(g)
    w = actors_linked(b)
    degree = nx.degree_centrality(w) if len(w) > 1 else {n: 0.0 for n in w}
    between = nx.betweenness_centrality(w, normalized=True) if len(w) > 2 else {n: 0.0 for n in w}
    scores = [ActorScore(n, label_of(w, n), str(w.nodes[n].get("kind")), w.degree(n), b.degree(n), degree[n],
                         between[n]) for n in w]
    scores.sort(key=lambda s: (-s.met, -s.betweenness, -s.events, s.label))
    return scores if top is None else scores[:top]


@dataclass
class Group:
    members: list[Any]
    labels: list[str]
    meetings: int  # events at which at least two members took part

    def as_dict(self) -> dict:
        return {"members": self.labels, "size": len(self.labels), "meetings": self.meetings}


def meeting_groups(g: nx.Graph, *, min_size: int = 2) -> list[Group]:
    """Return groups of actors who meet together: greedy modularity communities of the who-met-whom graph
    (weighted by shared events), largest first; actors who met nobody are left out."""
    b = actor_event_graph(g)
    w = actors_linked(b)
    linked = w.subgraph([n for n in w if w.degree(n)])
    if linked.number_of_edges() == 0:
        return []
    groups = []
    for community in nx.community.greedy_modularity_communities(linked, weight="weight"):
        if len(community) < min_size:
            continue
        members = sorted(community, key=lambda n: (-w.degree(n), label_of(w, n)))
        events = {e for e, attrs in b.nodes(data=True) if attrs["bipartite"] == 1
                  and len(community & set(b[e])) >= 2}
        groups.append(Group(members, [label_of(w, n) for n in members], len(events)))
    groups.sort(key=lambda gr: (-len(gr.members), -gr.meetings, gr.labels))
    return groups


# --- paths -----------------------------------------------------------------------------------------------------------


@dataclass
class Hop:
    source: Any
    target: Any
    events: list[Any]  # every event both took part in, the one shown first


@dataclass
class Connection:
    g: nx.Graph = field(repr=False)
    hops: list[Hop]

    @property
    def actors(self) -> list[Any]:
        return [self.hops[0].source] + [h.target for h in self.hops]

    def text(self, title_chars: int = 80) -> str:
        """`A —[Meeting with …, 2023-03-01]→ B —[…]→ C`; `(+N more)` when two actors shared more events."""
        parts = [label_of(self.g, self.hops[0].source)]
        for hop in self.hops:
            shown = event_caption(self.g, hop.events[0], title_chars)
            more = f" (+{len(hop.events) - 1} more)" if len(hop.events) > 1 else ""
            parts.append(f"—[{shown}]{more}→ {label_of(self.g, hop.target)}")
        return " ".join(parts)

    def as_dict(self) -> dict:
        return {"actors": [label_of(self.g, a) for a in self.actors],
                "hops": [{"from": label_of(self.g, h.source), "to": label_of(self.g, h.target),
                          "events": [event_record(self.g, e) for e in h.events]} for h in self.hops]}


def event_dates(attrs: dict) -> str:
    start, end = attrs.get("start"), attrs.get("end")
    if start and end and end != start:
        return f"{start} – {end}"
    return str(start or end or "")


def event_caption(g: nx.Graph, event: Any, title_chars: int = 80) -> str:
    """`Title, 2023-03-01`, the title cut to `title_chars`."""
    title = " ".join(label_of(g, event).split())
    if len(title) > title_chars:
        title = title[: title_chars - 1].rstrip() + "…"
    dates = event_dates(g.nodes[event])
    return f"{title}, {dates}" if dates else title


def event_record(g: nx.Graph, event: Any) -> dict:
    attrs = g.nodes[event]
    return {"event": label_of(g, event), "type": attrs.get("event_type"), "start": attrs.get("start"),
            "end": attrs.get("end")}


def _event_order(g: nx.Graph, event: Any) -> tuple:
    """Events shown first: headed (dated to the day) before the vaguer, then the latest, then by title."""
    start = str(g.nodes[event].get("start") or "")
    return (len(start) < 10, tuple(-ord(c) for c in start), label_of(g, event))


def find_actor(g: nx.Graph, name: str) -> Any:
    """`find_node` among the actors; a known name that took part in no event gets its own message."""
    try:
        return find_node(g, name, among=actors(g), what="actor")
    except AnalysisError as exc:
        try:
            node = find_node(g, name)
        except AnalysisError:
            raise exc from None
        raise AnalysisError(f"{label_of(g, node)} took part in no recorded event") from None


def connections(g: nx.Graph, a: str, b: str, *, all_paths: bool = False) -> list[Connection]:
    """Return the shortest connection(s) between the actors named `a` and `b` on the actor–event graph."""
    source, target = find_actor(g, a), find_actor(g, b)
    if source == target:
        raise AnalysisError(f"{a!r} and {b!r} are the same actor ({label_of(g, source)})")
    bip = actor_event_graph(g)
    try:
        if all_paths:
            paths = []
            for path in nx.all_shortest_paths(bip, source, target):
                if len(paths) >= MAX_PATHS:
                    break
                paths.append(path)
        else:
            paths = [nx.shortest_path(bip, source, target)]
    except nx.NetworkXNoPath:
        raise AnalysisError(f"no connection between {label_of(g, source)} and {label_of(g, target)}") from None
    seen, found = set(), []
    for path in paths:
        chain = tuple(path[::2])  # actors; the events between them are re-chosen below
        if chain in seen:
            continue
        seen.add(chain)
        hops = []
        for x, y in zip(chain, chain[1:]):
            shared = sorted(set(bip[x]) & set(bip[y]), key=lambda e: _event_order(g, e))
            hops.append(Hop(x, y, shared))
        found.append(Connection(g, hops))
    return found


_MOVED = {"View": "restrict", "event_span": "restrict", "parse_day": "restrict", "restrict": "restrict",
          "NO_COUNTERPART": "timeline", "TimelineEvent": "timeline", "draw_timeline": "timeline",
          "timeline_events": "timeline"}


def __getattr__(name: str):
    """The names that moved to `restrict` and `timeline`, imported from there when first asked for here."""
    if name in _MOVED:
        return getattr(import_module(f".{_MOVED[name]}", __package__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
