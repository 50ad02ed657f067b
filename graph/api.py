"""The Python API for notebooks and scripts, in the ecosystem's terms: pandas DataFrames, networkx graphs, pyvis
networks, HTML for IPython.display.

    import graph
    kg = graph.open("kg-store")                  # a store `kg build` wrote (read-only)
    kg = graph.from_texts(["seeds/"])            # or texts built into memory (nothing written to disk)
    kg.meetings(with_="Xi Jinping")              # who met whom, when, about what: a DataFrame
    kg.meeting("Zhu Hexin")["topics"]            # one meeting: a DataFrame a part
    kg.sparql("SELECT ?p WHERE { ?p a schema:Person }")
    kg.network()                                 # networkx: actors, linked by the meetings they shared
    kg.pyvis()                                   # a pyvis.network.Network of that network, to adjust and show
    kg.page()                                    # the `kg viz` page, shown inline by IPython
    kg.page(mode="events", focus="Xi Jinping")   # its actors-and-events view, around one actor
    kg.pairs()                                   # one row per pair of participants of each meeting
    kg.close()                                   # or: with graph.open(...) as kg:

Every question is the canned question `kg` asks (graph/views/canned.py), so a DataFrame has the columns of
`kg meetings --format csv`; values are strings (IRIs whole), missing values None.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from .store.kgstore import KGStore
from .views import canned

if TYPE_CHECKING:  # imported on first use: a notebook that only asks questions does not load them
    import networkx as nx
    import pandas as pd
    from pyvis.network import Network

__all__ = ["KnowledgeGraph", "open", "from_texts"]


def _value(term: Any) -> Any:
    return None if term is None else str(term)


def _frame(part: canned.Part) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([[_value(v) for v in row] for row in part.rows], columns=part.columns)


class KnowledgeGraph:
    """A store of the knowledge graph, asked in pandas, networkx and pyvis terms."""

    def __init__(self, store: KGStore):
        self.store = store

    # -------------------------------------------------------------------------------------------- questions

    def meetings(self, *, with_: str | Iterable[str] = (), org: str | None = None, about: str | None = None,
                 since: str | None = None, until: str | None = None, limit: int | None = None,
                 offset: int = 0) -> pd.DataFrame:
        """Who met whom, when, about what (`kg meetings`): one row a meeting."""
        with_ = [with_] if isinstance(with_, str) else list(with_)
        answer = canned.meetings(self.store, with_=with_, org=org, about=about, since=since, until=until,
                                 limit=limit, offset=offset)
        return _frame(answer.parts[0])

    def meeting(self, ref: str, *, on: str | None = None) -> dict[str, pd.DataFrame]:
        """One meeting (`kg meeting`): its event, participants, topics and what was signed, a DataFrame each."""
        return {p.name: _frame(p) for p in canned.meeting(self.store, ref, on=on).parts}

    def profile(self, name: str) -> dict[str, pd.DataFrame]:
        """An actor's names, posts, meetings and whom it met (`kg profile`), a DataFrame a part."""
        return {p.name: _frame(p) for p in canned.profile(self.store, name).parts}

    def discussed(self, name: str) -> pd.DataFrame:
        """Where a project, agreement or piece of equipment was discussed (`kg discussed`)."""
        return _frame(canned.discussed(self.store, name).parts[0])

    def events(self, *, with_: str | None = None, since: str | None = None,
               until: str | None = None) -> pd.DataFrame:
        """Every event in date order (`kg events`)."""
        return _frame(canned.events(self.store, with_=with_, since=since, until=until).parts[0])

    def sparql(self, query: str, **bindings) -> pd.DataFrame:
        """Any SPARQL SELECT over the store (the project's prefixes known), as a DataFrame; `bindings` bind
        variables (values are bound, never spliced into the text)."""
        import pandas as pd

        result = self.store.query(query, **bindings)
        columns = [str(v) for v in result.vars]
        return pd.DataFrame([[_value(x) for x in row] for row in result], columns=columns)

    # -------------------------------------------------------------------------------------------- the network

    def actor_events(self, *, sources: bool = True) -> nx.MultiDiGraph:
        """The graph `kg viz` draws: actors, events, topics and posts as nodes, typed edges between them
        (`sources`: with each node's source sentences, as the page shows them)."""
        from .views.viewgraph import graph_from_store

        return graph_from_store(self.store, sources=sources)

    def network(self) -> nx.Graph:
        """Who met whom as a networkx graph: actors as nodes (`label`, `kind`), an edge between two actors who took
        part in the same events, `weight` the number of them and `meetings` their titles."""
        from .views.analysis import label_of, who_met_whom

        g = self.actor_events(sources=False)
        w = who_met_whom(g)
        for a, b, attrs in w.edges(data=True):
            attrs["meetings"] = [label_of(g, e) for e in attrs.pop("events")]
        for node, attrs in w.nodes(data=True):
            attrs.setdefault("label", label_of(g, node))
        return w

    def pyvis(self, *, mode: str = "people", **options) -> Network:
        """The network `kg viz --mode MODE` draws as a `pyvis.network.Network` to adjust and show. `people`: a node
        an actor sized by the actors it met, an edge a pair as thick as their meetings and coloured by their subject
        area, its tooltip the meetings; `events`: actors, events, topics and places, an edge typed (host,
        participant, topic …). Every label and tooltip is text (HTML-escaped), whatever the documents said."""
        from pyvis.network import Network

        from .views.people import MODES, area_colors, meetings_graph

        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}: choose one of {', '.join(MODES)}")
        g = self.actor_events(sources=False) if mode == "events" else meetings_graph(self.actor_events())
        net = Network(**{"height": "640px", "width": "100%", "notebook": False, "cdn_resources": "in_line",
                         "directed": mode == "events", **options})
        for node, attrs in g.nodes(data=True):
            label = str(attrs.get("label") or node)
            kind = attrs.get("event_type") or attrs.get("kind")
            net.add_node(str(node), label=html.escape(label), title=html.escape(f"{label} ({kind})"),
                         value=1 + g.degree(node), group=str(attrs.get("kind", "")))
        if mode == "events":
            for a, b, rel in g.edges(data="rel"):
                net.add_edge(str(a), str(b), title=html.escape(str(rel)))
            return net
        colors = area_colors()
        for a, b, attrs in g.edges(data=True):
            meetings = "; ".join(f"{m['dates']} {m['type']}: {m['title']}".strip()
                                 + (f" (about {', '.join(m['topics'])})" if m["topics"] else "")
                                 for m in attrs["meetings"])
            area = f" (mostly {attrs['area']})" if attrs["area"] else ""
            net.add_edge(str(a), str(b), value=attrs["weight"], color=colors.get(attrs["area"], "#9E9E9E"),
                         title=html.escape(f"{attrs['weight']} meeting(s){area}: {meetings}"))
        return net

    def page(self, *, mode: str = "people", focus: str | None = None, height: int = 640) -> _Page:
        """The `kg viz --mode MODE` page (offline, searchable; `people`: actors linked by their meetings, `events`:
        actors and events), around `focus` if given (`kg viz --focus`), shown inline by IPython in a sandboxed
        frame; `.html` is the page itself."""
        from .views.analysis import restrict
        from .views.people import MODES, view_graph
        from .views.viz import render_html

        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}: choose one of {', '.join(MODES)}")
        view = restrict(self.actor_events(), focus=focus, depth=2 if mode == "people" and focus else None)
        g = view_graph(view.graph, mode, focus=view.focus)
        with tempfile.TemporaryDirectory(prefix="kg-page-") as tmp:
            text = render_html(g, Path(tmp) / "page.html", focus=view.focus, mode=mode).read_text(encoding="utf-8")
        return _Page(text, height)

    # -------------------------------------------------------------------------------------------- exports

    def pairs(self, **filters) -> pd.DataFrame:
        """One row per pair of participants of each meeting (`filters` as in `meetings`): start, end, type,
        title, a, b, event — what a spreadsheet or Gephi's edge table wants."""
        import pandas as pd

        m = self.meetings(**filters)
        rows = []
        for r in m.itertuples(index=False):
            people = sorted(set((r.participants or "").split(" | ")) - {""})
            rows += [(r.start, r.end, r.type, r.title, a, b, r.event)
                     for i, a in enumerate(people) for b in people[i + 1:]]
        return pd.DataFrame(rows, columns=["start", "end", "type", "title", "a", "b", "event"])

    def write_network(self, path, fmt: str | None = None):
        """The who-met-whom network as GraphML (`.graphml`) or GEXF (`.gexf`), for Gephi and Cytoscape; `path` a
        file name, or a binary file with `fmt` ("graphml" or "gexf"). Returns `path`."""
        import networkx as nx

        kind = fmt or Path(path).suffix.lstrip(".")
        writers = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}
        if kind not in writers:
            raise ValueError(f"{getattr(path, 'name', path)}: write .graphml or .gexf")
        w = self.network()
        for _, _, attrs in w.edges(data=True):
            attrs["meetings"] = " | ".join(attrs["meetings"])  # the formats hold no lists, nor None
        for _, attrs in w.nodes(data=True):
            for k in [k for k, v in attrs.items() if v is None or isinstance(v, (list, tuple, set, dict))]:
                attrs[k] = "" if attrs[k] is None else " | ".join(map(str, attrs[k]))
        writers[kind](w, path)
        return path

    # -------------------------------------------------------------------------------------------- lifetime

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _Page:
    """An HTML page IPython shows inline (a sandboxed iframe of its own, so its scripts run apart)."""

    def __init__(self, html_text: str, height: int):
        self.html = html_text
        self.height = height

    def __repr__(self) -> str:
        return f"<the kg viz page, {len(self.html):,} characters: shown inline by IPython; .html is the page>"

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" sandbox="allow-scripts" '
                f'style="width:100%; height:{self.height}px; border:1px solid #ddd"></iframe>')


def open(path: str | Path = "kg-store") -> KnowledgeGraph:  # noqa: A001 - graph.open, like io.open
    """The store folder `kg build` wrote, read-only."""
    return KnowledgeGraph(KGStore(path, read_only=True))


def from_texts(paths: Iterable[str | Path], *, model: str | None = None, nlp=None, jobs: int = 1) -> KnowledgeGraph:
    """Texts (files or folders) built into a store in memory, as `kg build` builds them; nothing is written."""
    from .store.build import build

    store = KGStore("memory")
    report = build([str(p) for p in paths], store, model=model, nlp=nlp, jobs=jobs)
    if report.failed and not report.ingested:
        store.close()
        raise ValueError("; ".join(f"{f}: {why}" for f, why in report.failed))
    return KnowledgeGraph(store)
