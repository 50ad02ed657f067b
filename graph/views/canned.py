"""Canned questions: each a SPARQL file in `queries/` whose parameters are bound (initBindings on Oxigraph, a
VALUES block on a remote server), never spliced into the text.

- `meetings`: who met whom — filtered by actors (`--with`, twice for two), organisation (`--org`: it took part or
  a participant holds a post in it), topic (`--about`) and dates (`--since`/`--until`);
- `meeting`: what one meeting was about — the event, who took part, its ranked topics and what it mentioned;
- `profile`: an actor's posts, meetings and whom it met;
- `discussed`: where a project or piece of equipment (anything) was discussed, with the sentence that says so;
- `events`: a timeline of all events;
- `together`: who attended events together.

Names are matched case-insensitively against `schema:name` and `schema:alternateName`, exactly first, else as
whole words inside a name ("Great Stone" ~ "China-Belarus Industrial Park Great Stone"); the name is resolved to
IRIs by a bound query first, then each IRI is bound. Dates are bound as `xsd:date` literals (`YYYY-MM` and `YYYY`
are widened to the first or last day).

Every listing pages (`limit`, `offset`: `--limit`/`--offset`): a page's keys are chosen by a `*_page.rq` query that
reads only what the order and the filters need, then the page's rows are read with ?event bound to them, so that a
first page does not cost the whole answer on a large store (bench/README.md); pages do not overlap and, concatenated,
are the whole answer. `together` counts pairs in Python from each event's participants (one pattern read) and reads
titles and dates for the pairs shown only: grouped by pair in SPARQL it took 4-40 s at 1M triples.

An answer has one or more parts (a table each); `write` prints it as aligned tables, CSV (parts one after the
other, a blank line between), JSON (a list of rows for one part, an object of lists for several) or SPARQL 1.1
results JSON (likewise).

Why over 350 lines: the canned questions share one way of resolving names, running bound queries (in pages) and
writing answers; split by question, each module would import the others' helpers.
"""

from __future__ import annotations

import calendar
import csv
import json
import re
from dataclasses import dataclass, field
from typing import Iterable, TextIO

from rdflib import XSD, Literal, URIRef
from rdflib.namespace import SDO

from ..ids import area_iri
from ..rdf.namespaces import EVENT_CLASSES
from ..store.kgstore import KGStore, load_query, sparql_json, to_json_value
from ..text.areas import area_named
from .output import cell, choose, table

FORMATS = ("table", "csv", "json", "sparql-json")
IRI_COLUMNS = {"event", "subject", "agent", "post", "a", "b"}  # left out of tables (with any column of IRIs)
ENTITY_KINDS = ("Person", "Organization", "Country", "Place", "Project", "Equipment", "Topic", "Agreement")
ACTOR_KINDS = ("Person", "Organization", "Country")


class QuestionError(ValueError):
    """A question that cannot be asked as given: a one-line reason."""


@dataclass
class Part:
    name: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)  # rdflib terms (or None)


@dataclass
class Answer:
    parts: list[Part]
    notes: list[str] = field(default_factory=list)  # said on stderr: how names were resolved

    def part(self, name: str) -> Part:
        return next(p for p in self.parts if p.name == name)


@dataclass(frozen=True)
class Match:
    iri: URIRef
    type: str
    label: str


# ---------------------------------------------------------------------------------------------------- parameters

def parse_date(text: str | None, *, end: bool = False) -> Literal | None:
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` as an xsd:date (the last day of the month or year if `end`)."""
    if text is None:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    if not m:
        raise QuestionError(f"not a date: {text!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    month = int(mo) if mo else (12 if end else 1)
    if not 1 <= month <= 12:
        raise QuestionError(f"not a date: {text!r}")
    last = calendar.monthrange(y, month)[1]
    day = int(d) if d else (last if end else 1)
    if not 1 <= day <= last:
        raise QuestionError(f"not a date: {text!r}")
    return Literal(f"{y:04d}-{month:02d}-{day:02d}", datatype=XSD.date)


def resolve(store: KGStore, name: str, kinds: Iterable[str] = ENTITY_KINDS) -> list[Match]:
    """The entities of `kinds` that `name` names: those with it as a name or alternate name (any case), else those
    with a name containing it as whole words. Empty if none."""
    kinds = set(kinds)
    needle = name.strip().lower()
    if not needle:
        raise QuestionError("an empty name")
    found = _matches(_kinds(store, store.named("resolve_name", needle=Literal(needle))), kinds)
    if found:
        return found
    words = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    rows = [r for r in store.named("resolve_name_like", needle=Literal(needle)) if words.search(str(r.name).lower())]
    return _matches(_kinds(store, rows), kinds)


def _kinds(store: KGStore, rows) -> list:
    """What each entity of `rows` is, with its labels: one `entity_kind` query per entity."""
    entities = dict.fromkeys(str(r.entity) for r in rows)
    return [k for e in entities for k in store.named("entity_kind", entity=URIRef(e))]


def _matches(rows, kinds: set[str]) -> list[Match]:
    best: dict[str, Match] = {}
    for r in rows:
        if str(r.type) not in kinds:
            continue
        iri, label = str(r.entity), str(r.label)
        if iri not in best or label < best[iri].label:
            best[iri] = Match(URIRef(iri), str(r.type), label)
    return sorted(best.values(), key=lambda m: (m.label, str(m.iri)))


def resolve_some(store: KGStore, name: str, what: str, kinds: Iterable[str] = ENTITY_KINDS) -> list[Match]:
    found = resolve(store, name, kinds)
    if not found:
        raise QuestionError(f"no {what} named {name!r} in the store")
    return found


def resolve_one(store: KGStore, name: str, what: str, kinds: Iterable[str] = ENTITY_KINDS) -> Match:
    found = resolve_some(store, name, what, kinds)
    if len(found) > 1:
        raise QuestionError(f"{name!r} names {len(found)} entities: "
                            + "; ".join(f"{m.label} ({m.type})" for m in found[:6]) + " — give a fuller name")
    return found[0]


def resolve_event(store: KGStore, ref: str, on: str | None = None) -> URIRef:
    """The event `ref` names: its IRI, the end of its IRI, or (part of) its title, case-insensitive; `on` (a date
    prefix) picks among several."""
    needle = ref.strip().lower()
    if not needle:
        raise QuestionError("an empty event name")
    rows = list(store.named("resolve_event", needle=Literal(needle)))
    if on:
        rows = [r for r in rows if r.start is not None and str(r.start).startswith(on)]
    by_iri: dict[str, tuple[str, str]] = {}
    for r in rows:
        by_iri.setdefault(str(r.event), (str(r.title), "" if r.start is None else str(r.start)))
    exact = [i for i, (t, _) in by_iri.items() if t.lower() == needle or i.lower() == needle
             or i.lower().endswith("/" + needle)]
    hits = exact if len(exact) == 1 else sorted(by_iri)
    if not hits:
        raise QuestionError(f"no event {ref!r} in the store" + (f" on {on}" if on else ""))
    if len(hits) > 1:
        listed = "; ".join(f"{by_iri[i][1] or 'undated'} {by_iri[i][0]}" for i in hits[:5])
        raise QuestionError(f"{ref!r} matches {len(hits)} events: {listed} — give more of the title, --on DATE "
                            "or the event IRI")
    return URIRef(hits[0])


# ---------------------------------------------------------------------------------------------------- running

def _run(store: KGStore, query: str, columns: list[str], runs: list[dict],
         page: tuple[int | None, int] | None = None) -> list[list]:
    """Rows of `columns` from `query` once per bindings in `runs`, without repeats (first seen kept); `page`
    (limit, offset) passed on to the store."""
    seen, rows = set(), []
    for bindings in runs:
        for r in store.named(query, page=page, **{k: v for k, v in bindings.items() if v is not None}):
            row = [r[c] if c in r.labels else None for c in columns]
            key = tuple(row)
            if key not in seen:
                seen.add(key)
                rows.append(row)
    return rows


def _combos(**choices: list) -> list[dict]:
    """Every combination of the given alternatives (a parameter given several IRIs runs the query once per IRI)."""
    out = [{}]
    for name, values in choices.items():
        values = values or [None]
        out = [{**o, name: v} for o in out for v in values]
    return out


def _note(notes: list[str], name: str, found: list[Match]) -> list[URIRef]:
    if len(found) > 1 or found[0].label.lower() != name.strip().lower():
        notes.append(f"{name!r}: " + "; ".join(f"{m.label} ({m.type})" for m in found))
    return [m.iri for m in found]


def _sort_by_date(rows: list[list], columns: list[str], *keys: str) -> list[list]:
    idx = [columns.index(k) for k in keys]
    return sorted(rows, key=lambda r: tuple("" if r[i] is None else str(r[i]) for i in idx))


def _check_page(limit: int | None, offset: int) -> None:
    if (limit is not None and limit < 0) or offset < 0:
        raise QuestionError("--limit and --offset are counts: 0 or more")


def _paged(store: KGStore, page_query: str, query: str, columns: list[str], runs: list[dict], limit: int | None,
           offset: int, keys: tuple[str, ...], order, whole: bool = True) -> list[list]:
    """The rows of `query` for `runs` in pages: the whole answer without `limit` and `offset`, else the rows of
    the `offset`-th to the `offset + limit`-th key of `page_query` (same parameters and order, LIMIT/OFFSET: only
    the order's columns read), read by `query` with ?event bound to the page's events. Several runs (a name of
    several IRIs) are merged and ordered by `order` (rows → rows), then sliced. `whole=False`: the whole answer
    is read in the same two steps too."""
    if limit is None and offset == 0 and whole:
        rows = _run(store, query, columns, runs)
    else:
        page = (limit, offset) if len(runs) == 1 else (None if limit is None else offset + limit, 0)
        rows = [r for run in runs for r in _keyed_page(store, page_query, query, columns, run, page, keys)]
    if len(runs) > 1:
        rows = order(list({tuple(r): r for r in rows}.values()))
        if limit is not None or offset:
            rows = rows[offset:None if limit is None else offset + limit]
    return rows


def _keyed_page(store: KGStore, page_query: str, query: str, columns: list[str], bindings: dict,
                page: tuple[int | None, int], keys: tuple[str, ...]) -> list[list]:
    """`query`'s rows whose `keys` are those of a page of `page_query`'s rows (an event of two classes or two ways
    of being discussed is two rows, which a page may split)."""
    given = {k: v for k, v in bindings.items() if v is not None}
    chosen = [tuple(str(r[k]) for k in keys) for r in store.named(page_query, page=page, **given)]
    if not chosen:
        return []
    events = list(dict.fromkeys(URIRef(k[keys.index("event")]) for k in chosen))
    fixed = {k: v for k, v in given.items() if k in keys and k != "event"}  # e.g. ?subject
    rows = _run(store, query, columns, [{**fixed, "event": events}])
    idx = [columns.index(k) for k in keys]
    wanted = set(chosen)
    return [r for r in rows if tuple(str(r[i]) for i in idx) in wanted]


MEETINGS = ["start", "end", "type", "title", "participants", "topics", "host", "reported", "event"]


def meetings(store: KGStore, *, with_: Iterable[str] = (), org: str | None = None, about: str | None = None,
             since: str | None = None, until: str | None = None, limit: int | None = None,
             offset: int = 0) -> Answer:
    """Who met whom, when, about what; in the order of their start and IRI, `limit` rows from the `offset`-th
    (pages of one store do not overlap and, concatenated, are the whole listing)."""
    _check_page(limit, offset)
    with_ = list(with_)
    if len(with_) > 2:
        raise QuestionError("--with can be given at most twice")
    notes: list[str] = []
    actors = [_note(notes, n, resolve_some(store, n, "person, organisation or country", ACTOR_KINDS))
              for n in with_]
    orgs = _note(notes, org, resolve_some(store, org, "organisation or country", ("Organization", "Country"))) \
        if org else []
    topics, area, text = _about(store, about, notes) if about else ([], None, None)
    runs = _combos(with_=actors[0] if actors else [], with2=actors[1] if len(actors) > 1 else [], org=orgs,
                   topic=topics, area=[area] if area else [], aboutText=[text] if text else [])
    lo, hi = parse_date(since), parse_date(until, end=True)
    runs = [{"with": r.pop("with_"), **r, "since": lo, "until": hi} for r in runs]
    # One form with or without --with: meetings_of.rq, shaped to start from the actor, joined the actor's
    # participation once per document stating it with each name list, and took 49 s where 200 documents told the
    # same three meetings (meetings.rq: 0.03 s; tests/test_dedup.py, bench/README.md).
    if limit is None and offset == 0:
        rows = _run(store, "meetings", MEETINGS, runs)
    elif len(runs) == 1:
        rows = _page(store, runs[0], limit, offset)
    else:  # several runs merged: each one's first offset + limit rows hold the page
        rows = [r for run in runs for r in _page(store, run, None if limit is None else offset + limit, 0)]
    rows = [_in_order(r) for r in rows]
    if len(runs) > 1:
        rows = _sort_by_date(list({tuple(r): r for r in rows}.values()), MEETINGS, "start", "event")
        rows = rows[offset:None if limit is None else offset + limit]
    return Answer([Part("meetings", MEETINGS, rows)], notes)


def _page(store: KGStore, bindings: dict, limit: int | None, offset: int) -> list[list]:
    """A page of meetings.rq's rows: its events chosen by meetings_page.rq (dates only, so that a first page does
    not cost the whole listing: bench/README.md), or without filters by `_unfiltered_page`; then their rows read by
    meetings.rq with ?event bound to them."""
    given = {k: v for k, v in bindings.items() if v is not None}
    if given:
        page = [(r.event, _type(r.cls)) for r in store.named("meetings_page", page=(limit, offset), **given)]
    else:
        page = _unfiltered_page(store, limit, offset)
    if not page:
        return []
    rows = _run(store, "meetings", MEETINGS, [{"event": list(dict.fromkeys(e for e, _ in page))}])
    chosen = set(page)  # an event of two classes is two rows, which a page may split
    t, e = MEETINGS.index("type"), MEETINGS.index("event")
    return [r for r in rows if (r[e], str(r[t])) in chosen]


def _unfiltered_page(store: KGStore, limit: int | None, offset: int) -> list[tuple[URIRef, str]]:
    """meetings_page.rq's page without filters, from flat reads grouped and sorted here: each event class's events
    with their start dates, a row per graph (`_events_of_class`); ~0.7x the CPU of meetings_page.rq at 1M triples
    (bench/README.md). The order is meetings_page.rq's: an event's start (MIN over the graphs
    stating it as of that class: none if one of them gives none, as SPARQL's MIN over an unbound value gives),
    undated first, then its IRI, then its type. SPARQL's MIN and ORDER BY compare these dates (xsd:date,
    gYearMonth, gYear) by value within a type, which is their lexical order here, and across types by their
    lexical form (Oxigraph): comparing strings gives the same order (tests/test_canned.py)."""
    first: dict[tuple[str, str], str | None] = {}
    for cls in (*EVENT_CLASSES.values(), SDO.Event):
        kind = _type(cls)
        for event, start in _events_of_class(store, cls):
            key = (event, kind)
            if key not in first:
                first[key] = start
            elif first[key] is not None and (start is None or start < first[key]):
                first[key] = start
    chosen = sorted(first, key=lambda k: ("" if first[k] is None else "\x01" + first[k], k))
    return [(URIRef(e), t) for e, t in chosen[offset:None if limit is None else offset + limit]]


def _events_of_class(store: KGStore, cls: URIRef) -> Iterable[tuple[str, str | None]]:
    """(event, start or None) of each graph stating an event of class `cls` (meetings_classes.rq), read packed in
    one string (meetings_classes_packed.rq) unless that string cannot be split back into them."""
    [(n, packed)] = store.rows(load_query("meetings_classes_packed", ()).replace("$EVENT_CLASS", cls.n3()))[2]
    if n is not None and packed is not None:
        rows = [line.split(" ", 1) if " " in line else (line, None) for line in packed.split("\n")] if packed else []
        if len(rows) == int(n):
            return rows
    return store.rows(load_query("meetings_classes", ()).replace("$EVENT_CLASS", cls.n3()))[2]


def _type(cls) -> str:
    """The type meetings.rq shows for an event class: its local name."""
    return str(cls).partition("#")[2] or "Event"


def _about(store: KGStore, about: str, notes: list[str]) -> tuple[list[URIRef], URIRef | None, Literal | None]:
    """What `--about` asks for: a subject area ("energy": every topic in it), else the entities of that name
    (projects, agreements, concepts …), else any topic whose name holds the text ("gas station")."""
    area = area_named(about)
    if area is not None:
        notes.append(f"{about!r}: the subject area {area.label!r} (graph/data/subject_areas.csv)")
        return [], area_iri(area.id), None
    found = resolve(store, about, ENTITY_KINDS)
    if found:
        return _note(notes, about, found), None, None
    words = re.findall(r"\w+", about.lower())
    if not words:
        raise QuestionError("--about needs a name, a subject area or words of a topic")
    notes.append(f"{about!r}: no entity of that name; meetings with a topic whose name has these words in order")
    return [], None, Literal(".*".join(re.escape(w) for w in words))


def ranked_topics(text: str | None) -> str | None:
    """meetings.rq's topics ("RANK\x1fNAME" joined by "\x1e") as names by rank, then name, joined with " | "
    (GROUP_CONCAT keeps no order: two stores of one text would list them differently)."""
    if text is None:
        return None
    best: dict[str, float] = {}
    for item in str(text).split("\x1e"):
        rank, _, name = item.partition("\x1f")
        try:
            r = float(rank)
        except ValueError:
            r = float("inf")
        best[name] = min(r, best.get(name, r))
    return " | ".join(sorted(best, key=lambda n: (best[n], n)))


def _in_order(row: list) -> list:
    """A row of meetings.rq with its topics by rank, then name, and its participants and hosts by name."""
    row = list(row)
    t, p, h = MEETINGS.index("topics"), MEETINGS.index("participants"), MEETINGS.index("host")
    row[t] = None if row[t] is None else Literal(ranked_topics(row[t]))
    for i in (p, h):
        if row[i] is not None:
            row[i] = Literal(" | ".join(sorted(set(str(row[i]).split(" | ")))))
    return row


def meeting(store: KGStore, ref: str, *, on: str | None = None) -> Answer:
    """What one meeting was about (and when, where, who took part)."""
    event = resolve_event(store, ref, on)
    parts = [
        Part("event", cols := ["title", "type", "start", "end", "place", "partOf", "reported", "confidence",
                               "documents", "source", "event"], _run(store, "meeting_event", cols, [{"event": event}])),
        Part("participants", cols := ["name", "kind", "role", "confidence", "posts", "agent"],
             _run(store, "meeting_participants", cols, [{"event": event}])),
        Part("topics", cols := ["how", "rank", "topic", "kind", "confidence", "subject"],
             _run(store, "meeting_topics", cols, [{"event": event}])),
        Part("signed", cols := ["agreement", "signatories", "areas", "outcome"],
             _run(store, "meeting_outcomes", cols, [{"event": event}])),
    ]
    return Answer(parts)


def profile(store: KGStore, name: str, *, limit: int | None = None, offset: int = 0) -> Answer:
    """An actor's names, posts, meetings and whom it met; `limit` and `offset` page its meetings and whom it met
    (the two parts that grow with the store)."""
    _check_page(limit, offset)
    page = None if limit is None and offset == 0 else (limit, offset)
    m = resolve_one(store, name, "person, organisation or country", ACTOR_KINDS)
    notes: list[str] = []
    _note(notes, name, [m])
    actor = {"actor": m.iri}
    who = Part("actor", cols := ["name", "kind", "names", "documents", "actor"],
               _run(store, "profile_actor", cols, [actor]))
    for row in who.rows:  # the other names: every name but the one shown
        others = [n for n in str(row[2] or "").split(" | ") if n and n != str(row[0])]
        row[2] = Literal(" | ".join(sorted(others))) if others else None
    return Answer([
        who,
        Part("posts", cols := ["label", "title", "organization", "attestedBy", "post"],
             _run(store, "profile_posts", cols, [actor])),
        Part("meetings", cols := ["start", "end", "type", "title", "role", "reported", "event"],
             _run(store, "profile_meetings", cols, [actor], page)),
        Part("met", cols := ["name", "kind", "events", "first", "last", "agent"],
             _run(store, "profile_met", cols, [actor], page)),
    ], notes)


DISCUSSED = ["start", "type", "title", "how", "rank", "confidence", "participants", "document", "sentence",
             "subject", "event"]


def discussed(store: KGStore, name: str, *, limit: int | None = None, offset: int = 0) -> Answer:
    """Where something was discussed: events it was a topic of or mentioned in, with a sentence naming it;
    `limit` rows from the `offset`-th (by start, then event)."""
    _check_page(limit, offset)
    notes: list[str] = []
    subjects = _note(notes, name, resolve_some(store, name, "entity"))
    cols = [c for c in DISCUSSED if c != "sentence"]
    # always chosen by discussed_page.rq, then read for those events (discussed.rq's lists need ?event bound)
    rows = _paged(store, "discussed_page", "discussed", cols, [{"subject": s} for s in subjects], limit, offset,
                  ("subject", "event", "how"), lambda rs: _sort_by_date(rs, cols, "start", "event"), whole=False)
    out = []
    for row in rows:  # a sentence for each row shown (a page's rows only)
        rec = dict(zip(cols, row))
        ev = list(store.named("discussed_evidence", event=rec["event"], subject=rec["subject"]))
        rec["sentence"] = Literal(" ".join(str(ev[0].sentence).split())) if ev else None
        out.append([rec[c] for c in DISCUSSED])
    return Answer([Part("discussed", DISCUSSED, out)], notes)


EVENTS = ["start", "end", "type", "title", "partOf", "place", "reported", "participants", "document", "event"]


def events(store: KGStore, *, with_: str | None = None, since: str | None = None,
           until: str | None = None, limit: int | None = None, offset: int = 0) -> Answer:
    """A timeline of the events; `limit` rows from the `offset`-th (by start, end, IRI): a page is chosen by
    events_page.rq (dates only) and read by events.rq, so that a first page does not cost the whole timeline."""
    _check_page(limit, offset)
    notes: list[str] = []
    actors = _note(notes, with_, resolve_some(store, with_, "person, organisation or country", ACTOR_KINDS)) \
        if with_ else []
    lo, hi = parse_date(since), parse_date(until, end=True)
    runs = [{"with": a, "since": lo, "until": hi} for a in actors or [None]]
    rows = _paged(store, "events_page", "events", EVENTS, runs, limit, offset, ("event", "type"),
                  lambda rs: _sort_by_date(rs, EVENTS, "start", "end", "event", "type"))
    return Answer([Part("events", EVENTS, rows)], notes)


TOGETHER = ["actor", "other", "events", "first", "last", "titles", "a", "b"]


def together(store: KGStore, *, with_: str | None = None, since: str | None = None, until: str | None = None,
             min_events: int = 1, limit: int | None = None, offset: int = 0) -> Answer:
    """Who attended events together: pairs, with how many events they shared, by that count (most first), then
    names; `limit` pairs from the `offset`-th. The pairs are counted here from each event's participants
    (together.rq: one pattern read, as SPARQL grouped by pair it took 4–40 s at 1M triples); titles and dates are
    read for the pairs shown only."""
    _check_page(limit, offset)
    notes: list[str] = []
    actors = _note(notes, with_, resolve_some(store, with_, "person, organisation or country", ACTOR_KINDS)) \
        if with_ else []
    lo, hi = parse_date(since), parse_date(until, end=True)
    people: dict[str, set[str]] = {}  # event → its participants
    for event, agent in store.named_strings("together")[1]:
        people.setdefault(event, set()).add(agent)
    if lo is not None or hi is not None:
        people = {e: p for e, p in people.items() if e in _dated(store, lo, hi)}
    shared: dict[tuple[str, str], set[str]] = {}  # (a, b) → their events; a is the --with actor, else a < b
    firsts = [str(a) for a in actors]
    for event, who in people.items():
        for a in (firsts or who):
            if a in who:
                for b in who:
                    if b != a and (firsts or a < b):
                        shared.setdefault((a, b), set()).add(event)
    shared = {k: v for k, v in shared.items() if len(v) >= max(1, min_events)}
    agents = sorted({x for pair in shared for x in pair})
    names: dict[str, str] = {}
    if agents:
        wanted = set(agents)
        for agent, name in store.named_strings("together_names")[1]:
            if agent in wanted:
                names[agent] = min(name, names.get(agent, name))
    pairs = sorted((k for k in shared if k[0] in names and k[1] in names),
                   key=lambda k: (-len(shared[k]), names[k[0]], names[k[1]], k))
    pairs = pairs[offset:None if limit is None else offset + limit]
    facts: dict[str, tuple[set, set]] = {}  # event → (titles, starts)
    events = sorted({e for k in pairs for e in shared[k]})
    if events:
        for r in store.named("together_events", event=[URIRef(e) for e in events]):
            titles, starts = facts.setdefault(str(r.event), (set(), set()))
            titles.add(str(r.title))
            if r.start is not None:
                starts.add(str(r.start))
    rows = []
    for a, b in pairs:
        titles = sorted({t for e in shared[(a, b)] for t in facts.get(e, ((), ()))[0]})
        starts = sorted({s for e in shared[(a, b)] for s in facts.get(e, ((), ()))[1]})
        rows.append([Literal(names[a]), Literal(names[b]), Literal(len(shared[(a, b)])),
                     Literal(starts[0]) if starts else None, Literal(starts[-1]) if starts else None,
                     Literal(" | ".join(titles)) if titles else None, URIRef(a), URIRef(b)])
    return Answer([Part("together", TOGETHER, rows)], notes)


def _dated(store: KGStore, lo: Literal | None, hi: Literal | None) -> set[str]:
    """The events whose dates overlap [lo, hi] as meetings.rq filters them: the first start at or before `hi`,
    the last end (else start) at or after `lo` (compared as text, a shorter date by its prefix)."""
    first: dict[str, str] = {}
    last: dict[str, str] = {}
    for event, start, end in store.named_strings("together_dates")[1]:
        if start is not None:
            first[event] = min(start, first.get(event, start))
        if end is not None:
            last[event] = max(end, last.get(event, end))
    out = set()
    for event in first.keys() | last.keys():
        start, stop = first.get(event), last.get(event, first.get(event))
        if lo is not None and (stop is None or str(lo)[:len(stop)] > stop):
            continue
        if hi is not None and (start is None or start > str(hi)):
            continue
        out.add(event)
    return out


# ---------------------------------------------------------------------------------------------------- output

def _iri_column(part: Part, j: int) -> bool:
    values = [r[j] for r in part.rows if r[j] is not None]
    if not values:
        return part.columns[j] in IRI_COLUMNS
    return all(isinstance(v, URIRef) for v in values)


def select(answer: Answer, columns) -> Answer:
    """`answer` with only `columns` (`--columns`), in each part that has them all. QuestionError if none has."""
    if not columns:
        return answer
    parts = []
    for p in answer.parts:
        if all(c in p.columns for c in columns):
            header, rows = choose(p.columns, p.rows, columns)
            parts.append(Part(p.name, header, rows))
    if not parts:
        have = "; ".join(f"{p.name}: {', '.join(p.columns)}" for p in answer.parts)
        raise QuestionError(f"no part has the columns {', '.join(columns)} ({have})")
    return Answer(parts, answer.notes)


def write(answer: Answer, fmt: str, out: TextIO, *, iris: bool = False, columns=None,
          width: int | None = None) -> None:
    """Print `answer` in `fmt` (table, csv, json, sparql-json), with only `columns` if given. Tables leave out IRI
    columns unless `iris` or `columns` names them, and fit `width` (default: the terminal's, $COLUMNS)."""
    answer = select(answer, columns)
    parts = answer.parts
    if fmt == "json":
        data = {p.name: [{c: to_json_value(v) for c, v in zip(p.columns, r)} for r in p.rows] for p in parts}
        json.dump(data[parts[0].name] if len(parts) == 1 else data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "sparql-json":
        data = {p.name: sparql_json(p.columns, p.rows) for p in parts}
        json.dump(data[parts[0].name] if len(parts) == 1 else data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        w = csv.writer(out)
        for i, p in enumerate(parts):
            if i:
                out.write("\n")
            w.writerow(p.columns)
            w.writerows([[cell(c) for c in r] for r in p.rows])
    elif fmt == "table":
        for i, p in enumerate(parts):
            keep = [j for j, c in enumerate(p.columns) if iris or columns or not _iri_column(p, j)]
            shown = Part(p.name, [p.columns[j] for j in keep], [[r[j] for j in keep] for r in p.rows])
            if len(parts) > 1:
                out.write(("\n" if i else "") + f"{p.name} ({len(p.rows)})\n")
            if p.rows or len(parts) == 1:
                table(shown.columns, shown.rows, out, width=width)
    else:
        raise QuestionError(f"unknown format {fmt}")
