"""`kg build`, `kg remove`, `kg docs`: documents into the store, out of it, and the list of them."""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import click

from .common import (CliError, KgCommand, answer, format_options, jobs_option, model_option, open_store,
                     progress_option, quiet_option, say, store_option)


def _say_progress(name: str, msg: str) -> None:
    say(f"{name}: {msg}")


@click.command("build", cls=KgCommand, help="read text files or folders of .txt files into the store",
               example="kg build seeds/ --store kg-store")
@click.argument("paths", help="a text file, a folder of .txt files, or - for standard input", nargs=-1, required=True,
          metavar="PATH...")
@store_option
@model_option()
@click.option("--host", metavar="NAME", help="the programme's host, if the text never names him or her clearly")
@click.option("--date", metavar="DATE", help="publication date of the document(s), ISO (resolves year-less dates)")
@click.option("--title", help="document title to store")
@click.option("--url", metavar="URL", help="source URL to store")
@click.option("--print-meetings", is_flag=True, help="print who met whom after building")
@click.option("--follow-links", is_flag=True,
              help="read links under a folder that lead out of it (not followed by default)")
@click.option("--no-validate", is_flag=True,
              help="skip the SHACL check of each new document (violations are reported, not fatal)")
@format_options
@quiet_option("no progress lines")
@jobs_option
@click.option("--cluster", metavar="ADDRESS",
              help="do each document's own work on the Dask cluster whose scheduler is at ADDRESS "
                   "(tcp://HOST:8786), not in --jobs processes here (pip install 'meeting-graph[cluster]')")
@progress_option
def build(paths, store, model, host, date, title, url, print_meetings, follow_links, no_validate, fmt, columns,
          width, quiet, jobs, cluster, progress) -> int:
    from ..store.build import build as build_store
    from ..store.build import collect, show_bar
    from ..views.canned import meetings

    meta = {k: v for k, v in (("date", date), ("title", title), ("url", url)) if v}
    paths = list(paths)
    if "-" in paths:  # standard input: one document, stdin.txt
        tmp = tempfile.TemporaryDirectory()
        stdin = Path(tmp.name) / "stdin.txt"
        stdin.write_bytes(sys.stdin.buffer.read())
        paths = [str(stdin) if p == "-" else p for p in paths]
    files, problems = collect(paths, follow_links)
    if not files:
        raise CliError("; ".join(f"{p}: {why}" for p, why in problems) or "no .txt files in the given folders")
    bar = show_bar(sys.stderr, forced=progress) if not quiet or progress else None
    client = _cluster(cluster, quiet) if cluster else contextlib.nullcontext()  # before the store is opened
    with client, open_store(store, create=True) as kg:
        report = build_store(paths, kg, model=model, host=host, meta=meta,
                             progress=None if quiet else _say_progress, jobs=jobs, bar=bar, check=not no_validate,
                             follow_links=follow_links, cluster=client if cluster else None)
        for path, why in report.warnings:
            say(f"kg: warning: {path}: {why}")
        for path, why in report.failed:
            say(f"kg: skipped {path}: {why}")
        for name, line in report.violations:
            say(f"kg: shape violation in {name}: {line}")
        relinked = f", {len(report.relinked)} relinked" if report.relinked else ""
        say(f"{len(report.ingested)} ingested, {len(report.unchanged)} unchanged{relinked}, {len(report.failed)} "
            f"skipped -> {store}")
        if not report.ingested and not report.unchanged:
            raise CliError("no document could be read")
        if print_meetings:
            answer(meetings(kg), fmt, columns=columns, width=width)
    return 0


def _cluster(address: str, quiet: bool):
    """The client of the Dask cluster at `address`, its workers said."""
    from ..store.cluster import ClusterError, connect

    try:
        client = connect(address)
    except ClusterError as exc:
        raise CliError(str(exc)) from None
    if not quiet:
        threads = client.nthreads()
        say(f"cluster {address}: {len(threads)} workers, {sum(threads.values())} threads")
    return client


@click.command("remove", cls=KgCommand, help="take documents out of the store (entities other documents name stay)",
               example="kg remove presidents-week-2023-02-27.txt")
@click.argument("docs", help="a file name (or path) or a document IRI", nargs=-1, required=True, metavar="DOC...")
@store_option
@model_option("spaCy pipeline for documents that must be linked again")
def remove(docs, store, model) -> int:
    from ..store.build import remove as remove_docs

    with open_store(store, write=True) as kg:
        report = remove_docs(list(docs), kg, model=model, progress=_say_progress)
    relinked = f", {len(report.relinked)} relinked" if report.relinked else ""
    say(f"{len(report.removed)} removed{relinked} -> {store}")
    return 0


@click.command("docs", cls=KgCommand, help="the documents in the store, with their metadata", example="kg docs")
@store_option
@format_options
def docs(store, fmt, columns, width) -> int:
    from rdflib import URIRef

    from ..views.canned import Answer, Part

    with open_store(store) as kg:
        found = kg.documents()
    rows = [[d.file, d.title if d.title != d.file else None, d.date, d.url, d.host, d.checksum[:12], URIRef(d.iri)]
            for d in found.values()]
    answer(Answer([Part("documents", ["file", "title", "date", "url", "host", "checksum", "doc"], rows)]), fmt,
           columns=columns, width=width)
    return 0
