"""Analysis of the meeting graph with networkx, and the views `kg viz`, `kg analyze`, `kg path` and `kg timeline` use.

The input is the graph of `graph.viewgraph.graph_from_store`: events linked to their actors by `host` and
`participant` edges (event → actor), and to topics, places and super-events. From it:

- `actor_event_graph`: the bipartite graph of actors and the events they took part in (participation only);
- `who_met_whom`: actors linked when they took part in the same event (`weight` = number of shared events);
- `central_actors`: degree and betweenness on the who-met-whom graph;
- `meeting_groups`: communities of actors who meet together (greedy modularity, deterministic);
- `connections`: how two actors are connected, through which meetings (shortest paths on the bipartite graph);
- `find_node`: a name, matched against labels and aliases (case- and accent-insensitive);
- `restrict`: the `kg viz` view: a date window on events, the ego network of one actor;
- `timeline_events` and `draw_timeline`: a matplotlib picture of the events, one row per counterpart.

Errors the user can fix (an unknown or ambiguous name, no path, a bad date) raise `AnalysisError` with a one-line
message.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from ..text.dates import date_bounds

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
        labels = sorted({n for node in candidates for n in _names(g.nodes[node]) if n})
        close = difflib.get_close_matches(name, labels, n=3, cutoff=0.6)
        hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
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
    pairs = set()
    for u, v, rel in g.edges(data="rel"):
        if rel in ACTOR_RELS:
            event, actor = (u, v) if g.nodes[u].get("kind") == EVENT else (v, u)
            if g.nodes[event].get("kind") == EVENT and g.nodes[actor].get("kind") != EVENT:
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
    b = actor_event_graph(g)
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
    w = who_met_whom(g)
    b = actor_event_graph(g)
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
    w = who_met_whom(g)
    linked = w.subgraph([n for n in w if w.degree(n)])
    if linked.number_of_edges() == 0:
        return []
    b = actor_event_graph(g)
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


# --- the kg viz view: dates and focus --------------------------------------------------------------------------------


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


# --- timeline --------------------------------------------------------------------------------------------------------

NO_COUNTERPART = "(no counterpart)"

EVENT_MARKERS = {  # marker, colour (Okabe-Ito, as the HTML graph)
    "Meeting": ("o", "#0072B2"),
    "Negotiations": ("s", "#D55E00"),
    "Conference": ("^", "#009E73"),
    "Summit": ("h", "#CC79A7"),
    "StateVisit": ("D", "#E69F00"),
    "Visit": ("d", "#E69F00"),
    "Ceremony": ("*", "#8C564B"),
    "PhoneCall": ("P", "#56B4E9"),
}
OTHER_MARKER = ("X", "#555555")


@dataclass
class TimelineEvent:
    event: str
    type: str
    title: str
    start: str | None
    end: str | None
    reported: bool
    counterparts: list[str]
    hosts: list[str]


def timeline_events(store) -> list[TimelineEvent]:
    """Return every event with its counterparts: the participants but the event's `kg:host` (for an event with no
    host, such as a meeting told in passing, the hosts of its document are left out too)."""
    events: dict[str, dict] = {}
    for r in store.named("timeline"):
        e = events.setdefault(str(r.event), {"type": str(r.type), "title": str(r.title),
                                             "start": str(r.start) if r.start else None,
                                             "end": str(r.end) if r.end else None,
                                             "reported": bool(r.reported and r.reported.toPython()),
                                             "agents": {}})
        if r.agent is not None:
            e["agents"][str(r.agent)] = (str(r.name), _true(r.isHost), _true(r.docHost))
    out = []
    for iri, e in sorted(events.items(), key=lambda kv: (kv[1]["start"] or "", kv[1]["title"], kv[0])):
        agents = e["agents"].values()
        hosted = any(is_host for _, is_host, _ in agents)
        hosts = sorted({name for name, is_host, doc_host in agents if is_host or (not hosted and doc_host)})
        counterparts = sorted({name for name, is_host, doc_host in agents
                               if not is_host and not (not hosted and doc_host)})
        out.append(TimelineEvent(iri, e["type"], e["title"], e["start"], e["end"], e["reported"], counterparts,
                                 hosts))
    return out


def _true(v) -> bool:
    return v is not None and str(v).lower() in ("true", "1")


def draw_timeline(events: list[TimelineEvent], path: Path, *, title: str | None = None,
                  max_rows: int = 40) -> dict:
    """Draw the events, one row per counterpart, to `path` (.png or .svg); return how many rows and (distinct)
    events were drawn, how many events were undated and how many rows did not fit in `max_rows`.

    A dated day is a marker (its shape and colour by event type; hollow for a meeting told in passing); a date
    range is a bar with the marker at its start; a month or a year without a day is a hatched bar.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise AnalysisError(f"timeline: use a .png or .svg file name, not {path.name!r}")
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    rows: dict[str, list[tuple[TimelineEvent, date, date]]] = {}
    undated = 0
    for ev in events:
        span = event_span({"start": ev.start, "end": ev.end})
        if span is None:
            undated += 1
            continue
        lo, hi = date.fromisoformat(span[0]), date.fromisoformat(span[1])
        for who in ev.counterparts or [NO_COUNTERPART]:
            rows.setdefault(who, []).append((ev, lo, hi))
    left_out = 0
    if len(rows) > max_rows:
        kept = sorted(rows, key=lambda k: (-len(rows[k]), min(lo for _, lo, _ in rows[k]), k))[:max_rows]
        left_out = len(rows) - max_rows
        rows = {k: rows[k] for k in kept}
    order = sorted(rows, key=lambda k: (k == NO_COUNTERPART, min(lo for _, lo, _ in rows[k]), k))

    with matplotlib.rc_context({"svg.fonttype": "none", "font.size": 9}):
        fig = Figure(figsize=(11, 1.6 + 0.38 * max(len(order), 1)), layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        types_seen: dict[str, tuple[str, str]] = {}
        any_range = any_vague = any_reported = False
        for y, who in enumerate(order):
            same_day: dict[date, int] = {}
            for ev, lo, hi in sorted(rows[who], key=lambda t: (t[1], t[0].title)):
                marker, color = EVENT_MARKERS.get(ev.type, OTHER_MARKER)
                types_seen[ev.type] = (marker, color)
                k = same_day.get(lo, 0)
                same_day[lo] = k + 1
                yy = y + (0.22 * ((k + 1) // 2) * (1 if k % 2 else -1) if k else 0)  # stack same-day events
                vague = len(ev.start or ev.end or "") < 10
                if hi > lo or vague:
                    any_range |= not vague
                    any_vague |= vague
                    ax.barh(yy, date2num(hi + timedelta(days=1)) - date2num(lo), left=date2num(lo), height=0.36,
                            color=color, alpha=0.3, edgecolor=color, hatch="///" if vague else None, linewidth=0.8)
                any_reported |= ev.reported
                ax.plot([date2num(lo)], [yy], marker=marker, markersize=9, linestyle="none",
                        markeredgecolor=color, markeredgewidth=1.5,
                        markerfacecolor="white" if ev.reported else color)
        ax.set_yticks(range(len(order)), [_short(w) for w in order])
        ax.set_ylim(max(len(order), 1) - 0.5, -0.5)
        locator = AutoDateLocator(minticks=3, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.grid(axis="x", color="#dddddd", linewidth=0.8)
        ax.set_axisbelow(True)
        if order:
            lows = [lo for who in order for _, lo, _ in rows[who]]
            highs = [hi for who in order for _, _, hi in rows[who]]
            pad = max(timedelta(days=2), (max(highs) - min(lows)) * 0.04)
            ax.set_xlim(date2num(min(lows) - pad), date2num(max(highs) + pad + timedelta(days=1)))
        else:
            ax.text(0.5, 0.5, "no dated events", transform=ax.transAxes, ha="center", va="center")
        hosts = sorted({h for ev in events for h in ev.hosts})
        heading = title or "Events by counterpart" + (f" (host: {', '.join(hosts[:3])})" if hosts else "")
        if left_out:
            heading += f" — {left_out} more counterparts not shown"
        ax.set_title(heading, loc="left", fontsize=11)
        handles = [Line2D([], [], marker=m, color=c, linestyle="none", markersize=8, label=_type_label(t))
                   for t, (m, c) in sorted(types_seen.items())]
        if any_reported:
            handles.append(Line2D([], [], marker="o", color="#555555", markerfacecolor="white", linestyle="none",
                                  markersize=8, label="told in passing"))
        if any_range:
            handles.append(Patch(facecolor="#999999", alpha=0.4, label="date range"))
        if any_vague:
            handles.append(Patch(facecolor="#999999", alpha=0.4, hatch="///", label="month or year only"))
        if handles:
            ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, dpi=120, metadata=_metadata(suffix))
    drawn = {id(ev) for marks in rows.values() for ev, _, _ in marks}
    return {"rows": len(order), "events": len(drawn), "undated": undated, "left_out_rows": left_out}


def _metadata(suffix: str) -> dict:
    # No creation date in the file, so the same graph draws the same bytes.
    return {"Date": None} if suffix == ".svg" else {"Software": None}


def _type_label(event_type: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", event_type).lower().capitalize()


def _short(name: str, limit: int = 40) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"
