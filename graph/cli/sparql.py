"""The store as RDF: `kg query` (any SPARQL), `kg export` (json for the evaluation, or an RDF syntax), `kg serve`
(a read-only SPARQL endpoint)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import (CliError, KgCommand, allow_service_option, columns_of, format_options, open_store,
                     output_option, quiet_option, store_option)


def query_text(arg: str) -> str:
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


@click.command("query", cls=KgCommand, help="run a SPARQL SELECT, ASK or CONSTRUCT (text or .rq file) over the store",
               example="kg query 'SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }'")
@click.argument("sparql", help="the query, a file holding it, or - for standard input", metavar="SPARQL_OR_FILE")
@store_option
@format_options
@allow_service_option("no query")
def query(sparql, store, fmt, columns, width, allow_service) -> int:
    from ..store.kgstore import PREFIXES
    from ..store.sparqltext import Refused, check_services, explain, is_update
    from ..views.output import choose, stream_rows, write_sparql_json

    text = query_text(sparql)
    if is_update(text):
        raise CliError("updates are refused: this command only reads (a store is written by `kg build` and "
                       "`kg remove`)")
    try:
        check_services(text, allow_service, PREFIXES)
    except Refused as exc:
        raise CliError(str(exc)) from None
    wanted = columns_of(columns)
    with open_store(store) as kg:
        try:
            kind, header, rows = kg.rows(text, terms=fmt in ("sparql-json", "table"))
            if kind == "SELECT" and wanted:
                try:
                    shown, _ = choose(header, [], wanted)
                except ValueError as exc:
                    raise CliError(str(exc)) from None
                at = [header.index(c) for c in shown]
                header, rows = shown, ([r[i] for i in at] for r in rows)
            if kind == "ASK":
                print("true" if rows else "false")
            elif kind == "CONSTRUCT":
                sys.stdout.write(rows.serialize(format="turtle"))
            elif fmt == "sparql-json":
                write_sparql_json(header, rows, sys.stdout)
            else:
                stream_rows(header, rows, fmt, sys.stdout, width=width)
        except (SyntaxError, ValueError, OSError, RuntimeError) as exc:
            # pyoxigraph: SyntaxError for the text, OSError or RuntimeError while evaluating (a SERVICE's reply)
            if isinstance(exc, BrokenPipeError):
                raise
            raise CliError(explain(exc, text, PREFIXES)) from None
    return 0


EXPORT_FORMATS = ["json", "turtle", "ttl", "jsonld", "nt", "trig", "nquads", "graphml", "gexf", "pairs"]


@click.command("export", cls=KgCommand, help="export the store: json (the evaluation format), turtle, jsonld, nt, "
               "trig; the who-met-whom network as graphml or gexf (Gephi, Cytoscape); pairs: a CSV row per pair "
               "of participants of each meeting", example="kg export --format json > pred.json")
@store_option
@click.option("--format", "fmt", required=True, type=click.Choice(EXPORT_FORMATS))
@output_option()
def export(store, fmt, output) -> int:
    from ..views.export import RDF_FORMATS, export_rdf, write_json

    with open_store(store) as kg:
        if fmt in ("graphml", "gexf", "pairs"):
            return _export_network(kg, fmt, output)
        if fmt in ("nt", "ntriples", "nquads"):  # streamed, in bounded memory
            syntax = "nquads" if fmt == "nquads" else "nt"
            if output:
                with open(output, "wb") as out:
                    done = kg.dump(out, syntax)
            else:
                done = kg.dump(sys.stdout.buffer, syntax)
                sys.stdout.buffer.flush()
            if done:
                return 0
        if fmt == "json":  # entity by entity, event by event: memory does not grow with the store
            if output:
                with open(output, "w", encoding="utf-8") as out:
                    write_json(kg, out)
            else:
                write_json(kg, sys.stdout)
                sys.stdout.flush()
            return 0
        if fmt in RDF_FORMATS:
            text = export_rdf(kg, fmt)
        else:
            raise CliError(f"unknown format {fmt}")
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _export_network(store, fmt: str, output: str | None) -> int:
    """The who-met-whom network (graph/api.py) as GraphML or GEXF, or its participant pairs as CSV."""
    import io

    from ..api import KnowledgeGraph

    kg = KnowledgeGraph(store)
    if fmt == "pairs":
        text = kg.pairs().to_csv(index=False, lineterminator="\n")
        data = text.encode("utf-8")
    else:
        buf = io.BytesIO()
        kg.write_network(buf, fmt)
        data = buf.getvalue()
    if output:
        Path(output).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


@click.command("serve", cls=KgCommand, help="serve the store as a read-only SPARQL 1.1 endpoint (JSON, XML, CSV; "
               "query editor at /)", example="kg serve --store kg-store --port 7878")
@store_option
@click.option("--port", type=int, default=7878, help="port to listen on (default 7878)")
@click.option("--bind", default="127.0.0.1", metavar="ADDRESS",
              help="address to listen on (default 127.0.0.1: this machine only)")
@click.option("--timeout", type=int, default=30, metavar="S", help="seconds per query (default 30)")
@click.option("--limit", type=int, default=10000, metavar="N", help="results per query (default 10000)")
@click.option("--workers", type=int, default=4, metavar="N",
              help="query processes (default 4): a query that runs out of time holds one until it is stopped")
@allow_service_option("the endpoint")
@quiet_option("no request log")
def serve(store, port, bind, timeout, limit, workers, allow_service, quiet) -> int:
    from ..views.serve import ServeError, serve as serve_store

    try:
        return serve_store(store, bind=bind, port=port, timeout=timeout, limit=limit, quiet=quiet, workers=workers,
                           allow_service=tuple(allow_service))
    except ServeError as exc:
        raise CliError(str(exc)) from None
