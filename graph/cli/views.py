"""The pictures and the network: `kg viz` (interactive HTML), `kg analyze` (central actors, groups), `kg path` (how
two actors are connected), `kg timeline` (PNG or SVG)."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import click

from .common import CliError, KgCommand, date_options, open_store, output_option, say, store_option, width_option

VIZ_TITLE = "Who met whom"


def _graph(store: str, sources: bool = True):
    """The store as the networkx graph the views draw (`sources`: with the nodes' source sentences, which only the
    HTML page shows)."""
    from ..views.viewgraph import graph_from_store

    with open_store(store) as kg:
        return graph_from_store(kg, sources=sources)


def _analysis(fn, *args, **kwargs):
    """`fn(...)` of `views.analysis`, its refusals as one-line errors."""
    from ..views.analysis import AnalysisError

    try:
        return fn(*args, **kwargs)
    except AnalysisError as exc:
        raise CliError(str(exc)) from None


@click.command("viz", cls=KgCommand, help="write the interactive HTML graph (self-contained, works offline)",
               example="kg viz -o who-met-whom.html")
@store_option
@output_option(required=True, help="FILE.html to write")
@click.option("--title", default=VIZ_TITLE, help=f"title of the page (default '{VIZ_TITLE}', with what is drawn)")
@click.option("--focus", metavar="NAME", help="draw only the network around this actor (label or alias, "
              "case-insensitive)")
@click.option("--mode", type=click.Choice(["people", "events"]), default="people",
              help="people (default): actors linked by their meetings (wider: more meetings; coloured by subject "
              "area); events: actors and the events they took part in, with topics and places")
@click.option("--depth", type=int, metavar="N", help="links from the focus to keep (default 1 in people mode: whom it "
              "met; 2 in events mode: its events and who else was there)")
@date_options
def viz(store, output, title, focus, mode, depth, since, until) -> int:
    from ..views.analysis import restrict
    from ..views.people import view_graph
    from ..views.viz import render_html

    # a link of the people mode is two of the events mode's: actor - event - actor
    hops = 2 * depth if mode == "people" and depth is not None and depth > 0 else depth
    view = _analysis(restrict, _graph(store), focus=focus, depth=hops, since=since, until=until)
    g = view_graph(view.graph, mode, focus=view.focus)
    title = title + view.caption() if title == VIZ_TITLE else title
    out = render_html(g, Path(output), title=title, focus=view.focus, mode=mode)
    n, m = g.number_of_nodes(), g.number_of_edges()
    say(f"wrote {out} ({n} node{'s' * (n != 1)}, {m} edge{'s' * (m != 1)})")
    return 0


@click.command("analyze", cls=KgCommand, help="the most central actors and the groups who meet together (networkx)",
               example="kg analyze --top 5")
@store_option
@click.option("--top", type=int, default=10, metavar="N", help="how many central actors to list (default 10)")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@width_option("fit the tables in N characters (default: the terminal's, $COLUMNS, else 100; 0: no limit)")
def analyze(store, top, fmt, width) -> int:
    from ..views.analysis import central_actors, meeting_groups, who_met_whom
    from ..views.output import table, terminal_width

    g = _graph(store, sources=False)
    scores = central_actors(g, top=top)
    groups = meeting_groups(g)
    if fmt == "json":
        json.dump({"central": [s.as_dict() for s in scores], "groups": [gr.as_dict() for gr in groups]},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    w = who_met_whom(g)
    cols = terminal_width(width) or 1 << 20
    print(textwrap.fill(f"Most central actors ({w.number_of_nodes()} actors, {w.number_of_edges()} who-met-whom "
                        "links; met: other actors at the same events)", width=cols))
    table(["actor", "kind", "met", "events", "degree", "betweenness"],
          [[s.label, s.kind, s.met, s.events, f"{s.degree:.3f}", f"{s.betweenness:.3f}"] for s in scores],
          sys.stdout, width=width)
    print(f"\nGroups who meet together (greedy modularity communities): {len(groups) or 'none'}")
    for i, gr in enumerate(groups, 1):
        head = f"{i}. {len(gr.labels)} actors, {gr.meetings} meeting{'s' if gr.meetings != 1 else ''}: "
        print(textwrap.fill(", ".join(gr.labels), width=cols, initial_indent=head, subsequent_indent=" " * len(head)))
    return 0


@click.command("path", cls=KgCommand, help="how two actors are connected, through which meetings",
               example="kg path 'Xi Jinping' 'Li Keqiang'")
@click.argument("a", help="one actor (label or alias, case-insensitive)", metavar="A")
@click.argument("b", help="the other", metavar="B")
@store_option
@click.option("--all", "all_", is_flag=True, help="every shortest connection, not just one")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@width_option("wrap lines at N characters (default: the terminal's, $COLUMNS, else 100; 0: no limit)")
def path(a, b, store, all_, fmt, width) -> int:
    from ..views.analysis import connections
    from ..views.output import wrap

    found = _analysis(connections, _graph(store, sources=False), a, b, all_paths=all_)
    if fmt == "json":
        json.dump([c.as_dict() for c in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for c in found:
            print(wrap(c.text(), width))
    return 0


@click.command("timeline", cls=KgCommand, help="draw the events on a timeline, one row per counterpart (PNG or SVG)",
               example="kg timeline -o timeline.png")
@store_option
@output_option(required=True, help="FILE.png or FILE.svg")
@date_options
@click.option("--title", help="title of the picture")
def timeline(store, output, since, until, title) -> int:
    from ..views.analysis import draw_timeline, event_span, parse_day, timeline_events

    def draw():
        lo, hi = parse_day(since), parse_day(until, end=True)
        with open_store(store) as kg:
            events = timeline_events(kg)
        if lo or hi:
            spans = [(e, event_span({"start": e.start, "end": e.end})) for e in events]
            events = [e for e, span in spans if span and not ((lo and span[1] < lo) or (hi and span[0] > hi))]
        return draw_timeline(events, Path(output), title=title)

    counts = _analysis(draw)
    note = f", {counts['undated']} undated events left out" if counts["undated"] else ""
    if counts.get("outside"):
        note += f"; {counts['outside']} far from the rest marked at the edge of {' to '.join(counts['window'])}"
    say(f"wrote {output} ({counts['events']} events on {counts['rows']} rows{note})")
    return 0
