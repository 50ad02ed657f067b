"""Fixes tried from the bench, without touching graph/: each is applied by monkeypatching at start-up
(`--patch NAME` in bench_ingest.py and profile_ingest.py) so that before and after can be measured in one run.
They are proposals for graph/, not part of the product; each keeps the product's output the same.

- `distinct-known`: `graph.link.known_actors` asks for `SELECT DISTINCT`. Oxigraph's union default graph returns a
  triple once per named graph that holds it, so a person named in 300 documents comes back 300 times per name, and
  every row is converted to rdflib terms in Python. The function builds sets, so its result is unchanged.
- `memo-fold`: `graph.resolve.fold` (pure: one token in, one string out) is memoised; `same_name` and
  `part_of_name` call it for both tokens of every pair they compare, for every stored actor.
"""

from __future__ import annotations

import functools
import importlib
from collections import defaultdict

PATCHES = ("distinct-known", "memo-fold")


def _distinct_known() -> None:
    link = importlib.import_module("graph.link")
    from graph.namespaces import ID
    from graph.store import load_query

    text = load_query("known_actors")
    if "SELECT ?entity" not in text:
        raise RuntimeError("known_actors.rq changed: the distinct-known patch no longer applies")
    text = text.replace("SELECT ?entity", "SELECT DISTINCT ?entity", 1)

    def known_actors(store):
        out = {"Person": defaultdict(set), "Organization": defaultdict(set)}
        base = str(ID)
        for row in store.query(text):
            iri = str(row.entity)
            if iri.startswith(base):
                out[str(row.type)][iri[len(base):]].add(str(row.name))
        return out

    link.known_actors = known_actors


def _memo_fold() -> None:
    resolve = importlib.import_module("graph.resolve")
    resolve.fold = functools.lru_cache(maxsize=None)(resolve.fold)


def apply(names: list[str] | None) -> list[str]:
    """Apply the named patches; returns their names."""
    for name in names or []:
        {"distinct-known": _distinct_known, "memo-fold": _memo_fold}[name]()
    return list(names or [])
