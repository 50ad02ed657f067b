"""The questions: `kg meetings`, `kg meeting`, `kg profile`, `kg discussed`, `kg events`, `kg together` (the
queries and their answers are `views.canned`'s; this module only reads the options)."""

from __future__ import annotations

import click

from .common import NAMES, KgCommand, ask, date_options, format_options, iris_option, store_option


def _canned():
    from ..views import canned

    return canned


def page_options(what: str, order: str):
    """`--limit N` and `--offset K`: a page of the answer (pages do not overlap; a first page costs far less than the
    whole answer on a large store: bench/README.md)."""
    def add(f):
        f = click.option("--offset", type=int, default=0, metavar="K", help=f"skip the first K {what} (default 0)")(f)
        return click.option("--limit", type=int, metavar="N", help=f"at most N {what} (a page; {order})")(f)
    return add


@click.command("meetings", cls=KgCommand, help="who met whom, when, about what",
               example="kg meetings --with 'Xi Jinping' --since 2023-03-01 --about 'Great Stone'")
@store_option
@click.option("--with", "with_", multiple=True, metavar="NAME",
              help=f"only events this actor took part in (twice: both took part; {NAMES})")
@click.option("--org", metavar="NAME", help="only events an organisation or country took part in, or one of whose "
              "post holders did")
@click.option("--about", metavar="NAME", help="only events about this (a ranked topic)")
@date_options
@page_options("meetings", "by date, then IRI")
@format_options
@iris_option
def meetings(store, with_, org, about, since, until, limit, offset, **shown) -> int:
    return ask(store, _canned().meetings, with_=with_ or (), org=org, about=about, since=since, until=until,
               limit=limit, offset=offset, **shown)


@click.command("meeting", cls=KgCommand, help="what one meeting was about: the event, who took part, its ranked "
               "topics", example="kg meeting 'Zhu Hexin'")
@click.argument("event", help="the event IRI, or (part of) its title", metavar="EVENT")
@store_option
@click.option("--on", metavar="DATE", help="the event's date (or its start), to pick one of several")
@format_options
@iris_option
def meeting(event, store, on, **shown) -> int:
    return ask(store, _canned().meeting, event, on=on, **shown)


@click.command("profile", cls=KgCommand, help="an actor's posts, the events it took part in, and whom it met",
               example="kg profile 'Li Keqiang'")
@click.argument("name", help=f"a person, organisation or country ({NAMES})", metavar="NAME")
@store_option
@page_options("meetings and people met", "meetings by date, people by the events shared")
@format_options
@iris_option
def profile(name, store, limit, offset, **shown) -> int:
    return ask(store, _canned().profile, name, limit=limit, offset=offset, **shown)


@click.command("discussed", cls=KgCommand, help="where a project, piece of equipment or anything was discussed, "
               "with the sentence", example="kg discussed 'Great Stone'")
@click.argument("name", help=NAMES, metavar="NAME")
@store_option
@page_options("events", "by date, then IRI")
@format_options
@iris_option
def discussed(name, store, limit, offset, **shown) -> int:
    return ask(store, _canned().discussed, name, limit=limit, offset=offset, **shown)


@click.command("events", cls=KgCommand, help="a timeline of the events",
               example="kg events --since 2023-03 --with Lukashenko")
@store_option
@click.option("--with", "with_", metavar="NAME", help=f"only events this actor took part in ({NAMES})")
@date_options
@page_options("events", "by date, then IRI")
@format_options
@iris_option
def events(store, with_, since, until, limit, offset, **shown) -> int:
    return ask(store, _canned().events, with_=with_, since=since, until=until, limit=limit, offset=offset, **shown)


@click.command("together", cls=KgCommand, help="who attended events together: pairs of actors and the events they "
               "shared", example="kg together --min 2")
@store_option
@click.option("--with", "with_", metavar="NAME", help=f"only pairs with this actor ({NAMES})")
@click.option("--min", "min_events", type=int, default=1, metavar="N", help="at least N events together (default 1)")
@date_options
@page_options("pairs", "most events first, then names")
@format_options
@iris_option
def together(store, with_, min_events, since, until, limit, offset, **shown) -> int:
    return ask(store, _canned().together, with_=with_, since=since, until=until, min_events=min_events,
               limit=limit, offset=offset, **shown)
