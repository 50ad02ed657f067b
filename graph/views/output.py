"""The one output layer: rows as a table, csv, json or SPARQL 1.1 Results JSON, for the command line and the canned
questions alike (views/canned.py `write`)."""

from __future__ import annotations

import csv
import itertools
import json
import re
import shutil
from typing import Sequence, TextIO

from rdflib import URIRef

from ..rdf.namespaces import PREFIXES
from ..store.kgstore import binding

SHOWN_PREFIXES = {**PREFIXES, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}

DEFAULT_WIDTH = 100  # columns of a table when neither the terminal nor $COLUMNS says
SHORT = 12  # a column whose cells are all this short is never wrapped
WORD = 16  # a wrapped column is kept at least as wide as its longest word, up to this


def terminal_width(width: int | None = None) -> int | None:
    """The width a table must fit: `width` if given (0: no limit), else $COLUMNS, else the terminal's, else 100."""
    if width is not None:
        return width or None
    return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns


def wrap(text: str, width: int | None = None, indent: int = 4) -> str:
    """A line of text wrapped to `terminal_width(width)`, following lines indented; words are never cut."""
    import textwrap

    limit = terminal_width(width)
    if not limit or len(text) <= limit:
        return text
    return "\n".join(textwrap.wrap(text, width=limit, subsequent_indent=" " * indent, break_long_words=False,
                                   break_on_hyphens=False))


# what SPARQL accepts after a prefix without escapes (PN_LOCAL, less its rarer characters)
LOCAL_NAME = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.:-]*[A-Za-z0-9_:-])?")


def prefixed(iri: str) -> str:
    """An IRI as a prefixed name for a table, one that pastes into a query as it is ("person:xi-jinping",
    "schema:Person"); an IRI no prefix gives such a name to, whole ("https://…/id/doc/seed.txt#char=0,120")."""
    for prefix, ns in SHOWN_PREFIXES.items():
        if iri.startswith(ns) and LOCAL_NAME.fullmatch(iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def cell(term) -> str:
    """A value as plain text, whole (csv, json and the like)."""
    return "" if term is None else str(term)


def shown(term) -> str:
    """A value as a table shows it: IRIs as prefixed names."""
    if isinstance(term, URIRef):
        return prefixed(str(term))
    return cell(term)


def choose(header: list[str], rows: list[list], columns: Sequence[str] | None) -> tuple[list[str], list[list]]:
    """Only `columns` (names of the header, in the order given); all if None. Unknown names: ValueError."""
    if not columns:
        return header, rows
    unknown = [c for c in columns if c not in header]
    if unknown:
        raise ValueError(f"no column {', '.join(unknown)} (columns: {', '.join(header)})")
    idx = [header.index(c) for c in columns]
    return [header[i] for i in idx], [[r[i] for i in idx] for r in rows]


def fit(header: list[str], cells: list[list[str]], limit: int | None) -> list[int]:
    """Column widths that fit `limit` characters (two between columns): each column as wide as its longest cell if
    all fit; else short columns (dates, kinds, numbers: up to SHORT) whole, and the room left shared among the
    others in proportion to their length, none narrower than its header or longest word (up to WORD)."""
    natural = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    if limit is None:
        return natural
    room = limit - 2 * (len(header) - 1)
    if sum(natural) <= room:
        return natural
    least = [min(n, max(len(h), min(WORD, max([len(w) for r in cells for w in r[i].split()] or [0]))))
             for i, (h, n) in enumerate(zip(header, natural))]
    fixed = [n if n <= SHORT else None for n in natural]
    widths = [f if f is not None else m for f, m in zip(fixed, least)]
    while sum(widths) > room and max(widths) > 1:  # too many columns even so: the widest give way
        widths[widths.index(max(widths))] -= 1
    spare = room - sum(widths)
    grow = {i: natural[i] - widths[i] for i in range(len(header)) if fixed[i] is None and natural[i] > widths[i]}
    total = sum(grow.values())
    if spare > 0 and total:
        for i, g in grow.items():
            widths[i] += min(g, spare * g // total)
        left = room - sum(widths)
        for i in sorted(grow, key=lambda i: -grow[i]):  # what rounding left over, to the longest
            if left <= 0:
                break
            add = min(left, natural[i] - widths[i])
            widths[i] += add
            left -= add
    return [max(1, w) for w in widths]


def table(header: list[str], rows: list[list], out: TextIO, width: int | None = None,
          show_header: bool = True) -> None:
    """Aligned columns under a header and a rule, fitted to `terminal_width(width)`: long cells are wrapped, never
    cut; IRIs shown as prefixed names."""
    from rich.box import Box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    limit = terminal_width(width)
    cells = [[shown(c) for c in r] for r in rows]
    console = Console(file=out, width=(limit or 1 << 20) + 2, color_system=None, highlight=False, markup=False,
                      emoji=False, soft_wrap=False, force_terminal=False, legacy_windows=False)
    rule = Box("    \n    \n -  \n    \n    \n    \n    \n    \n")  # a rule of "-" under the header
    t = Table(box=rule, show_header=show_header, show_edge=False,
              pad_edge=False, padding=(0, 1, 0, 0), header_style="", expand=False)
    for h, w in zip(header, fit(header, cells, limit)):
        t.add_column(h, overflow="fold", width=w)
    for r in cells:
        t.add_row(*(Text(c) for c in r))
    with console.capture() as cap:
        console.print(t)
    lines = [line.rstrip() for line in cap.get().splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    out.write("".join(line + "\n" for line in lines))


def stream_rows(header: list[str], rows, fmt: str, out, page: int = 5000, width: int | None = None) -> None:
    """Rows written as they come (bounded memory): csv and json row by row, whole; a table in pages of `page`
    rows, each fitted to the width (the header over the first)."""
    if fmt == "csv":
        w = csv.writer(out)
        w.writerow(header)
        for r in rows:
            w.writerow(["" if c is None else c for c in r])
    elif fmt == "json":
        first = True
        for r in rows:
            item = json.dumps(dict(zip(header, r)), ensure_ascii=False, indent=2).replace("\n", "\n  ")
            out.write(("[\n  " if first else ",\n  ") + item)
            first = False
        out.write("[]\n" if first else "\n]\n")
    else:
        chunk = list(itertools.islice(rows, page))
        table(header, chunk, out, width=width)
        while len(chunk) == page:
            chunk = list(itertools.islice(rows, page))
            if chunk:
                table(header, chunk, out, width=width, show_header=False)


def write_sparql_json(header: list[str], rows, out) -> None:
    """SPARQL 1.1 Results JSON, written row by row."""
    out.write('{\n  "head": {\n    "vars": ' + json.dumps(header) + '\n  },\n  "results": {\n    "bindings": [')
    first = True
    for r in rows:
        out.write(("\n      " if first else ",\n      ") + json.dumps(binding(header, r), ensure_ascii=False))
        first = False
    out.write("\n    ]\n  }\n}\n")
