"""The `kg` command (click): the group, its commands in the order of the work, and `main`, which turns every known
failure into one line on stderr and an exit code.

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

Exit codes: 0 done, 1 `kg validate` found violations, 2 bad input or a refused request (one line `kg: error: …`),
130 interrupted. The commands live by family: `ingest` (build, remove, docs), `ask` (the questions), `sparql` (query,
export, serve), `views` (viz, analyze, path, timeline), `quality` (validate, evaluate); `common` holds the options
they share.
"""

from __future__ import annotations

import sys

import click

from . import ask, ingest, quality, sparql, views
from .common import DEFAULT_STORE, CliError

__all__ = ["cli", "main", "CliError", "DEFAULT_STORE"]


class KgGroup(click.Group):
    """Commands listed in the order they were added (the order of the work), not sorted; `kg … | head` ends
    quietly."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # before click's own handler, which would exit 1
            sys.stderr.close()
            return 0


EXAMPLES = "\b\n" + __doc__.split("\n\n")[1]


@click.group("kg", cls=KgGroup, epilog=EXAMPLES,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
def cli():
    """Who met whom, when, about what: a knowledge graph from news transcripts."""


for _command in (ingest.build, ask.meetings, ask.meeting, ask.profile, ask.discussed, ask.events, ask.together,
                 ingest.docs, ingest.remove, sparql.serve, sparql.query, sparql.export, views.viz, views.analyze,
                 views.path, views.timeline, quality.validate, quality.evaluate):
    cli.add_command(_command)


def _usage_line(exc: click.UsageError) -> str:
    """A usage error as one line: what was wrong, and where the help is."""
    where = exc.ctx.command_path if exc.ctx is not None else "kg"
    return f"kg: error: {' '.join(exc.format_message().split())} (see `{where} --help`)"


def main(argv: list[str] | None = None) -> int:
    """Run `kg` with `argv` (default: the command line); return the exit code."""
    try:
        code = cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as exc:  # `kg` alone: the help, as an error
        print(exc.ctx.get_help() if exc.ctx else exc.format_message(), file=sys.stderr)
        return 2
    except click.UsageError as exc:
        print(_usage_line(exc), file=sys.stderr)
        return exc.exit_code
    except click.ClickException as exc:
        print(f"kg: error: {' '.join(exc.format_message().split())}", file=sys.stderr)
        return exc.exit_code
    except CliError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return 2
    except click.Abort:  # click's KeyboardInterrupt
        print("kg: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # known failure kinds get their own one-line message
        from ..nlp.model import ModelNotFound
        from ..store.build import InputError
        from ..store.kgstore import StoreError

        if isinstance(exc, (StoreError, InputError, ModelNotFound, OSError)):
            print(f"kg: error: {exc}", file=sys.stderr)
            return 2
        raise
    return code or 0
