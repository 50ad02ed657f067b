"""The one output layer: rows as a table, csv, json or SPARQL 1.1 Results JSON, for the command line and the canned
questions alike (views/canned.py `write`)."""

from __future__ import annotations

import csv
import itertools
import json
from typing import TextIO

from ..store.kgstore import binding

WIDTH = 60  # characters of a table cell


def cell(term) -> str:
    return "" if term is None else str(term)


def table(header: list[str], rows: list[list], out: TextIO, width: int = WIDTH) -> None:
    """Aligned columns under a header and a rule; cells longer than `width` cut with "…"."""
    cells = [[cell(c) for c in r] for r in rows]
    cells = [[c if len(c) <= width else c[: width - 1] + "…" for c in r] for r in cells]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    out.write("  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for r in cells:
        out.write("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() + "\n")




def stream_rows(header: list[str], rows, fmt: str, out, page: int = 5000) -> None:
    """Rows written as they come (bounded memory): csv and json row by row, a table in pages whose column widths
    are those of the first page (wider cells push their line)."""
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
        table(header, chunk, out)
        widths = [max([len(h)] + [min(len(c or ""), 60) for c in (r[i] for r in chunk)]) for i, h in enumerate(header)]
        while len(chunk) == page:
            chunk = list(itertools.islice(rows, page))
            for r in chunk:
                cells = [("" if c is None else c) for c in r]
                cells = [c if len(c) <= 60 else c[:59] + "…" for c in cells]
                out.write("  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip() + "\n")


def write_sparql_json(header: list[str], rows, out) -> None:
    """SPARQL 1.1 Results JSON, written row by row."""
    out.write('{\n  "head": {\n    "vars": ' + json.dumps(header) + '\n  },\n  "results": {\n    "bindings": [')
    first = True
    for r in rows:
        out.write(("\n      " if first else ",\n      ") + json.dumps(binding(header, r), ensure_ascii=False))
        first = False
    out.write("\n    ]\n  }\n}\n")
