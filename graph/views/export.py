"""The store → the evaluation JSON of FORMAT.md (through SPARQL, not from Python objects), or RDF serialisations."""

from __future__ import annotations

import json
from typing import Iterator, TextIO

from ..store.kgstore import PREFIXES, KGStore

SEP = "\u001f"  # between the parts of an item, and between aliases
ITEMS = "\u001e"  # between the items of a list


def _s(v) -> str | None:
    return None if v is None else str(v)


def _pairs(text: str | None) -> list[tuple[str, str]]:
    """A list column of export_*.rq ("A<U+001F>B" joined with U+001E) as (A, B) pairs."""
    return [tuple(item.split(SEP, 1)) for item in (text or "").split(ITEMS) if SEP in item]


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def entities(store: KGStore) -> Iterator[dict]:
    """The entities of FORMAT.md one by one, as export_entities.rq's rows come (type, then label)."""
    columns, rows = store.named_strings("export_entities")
    for row in rows:
        r = dict(zip(columns, row))
        roles = sorted(set(_pairs(r["roles"])))
        yield {"id": r["entity"], "type": r["type"], "label": r["label"],
               "aliases": sorted({a for a in (r["aliases"] or "").split(SEP) if a}),
               "roles": [{"title": t, "organization": o or None} for t, o in roles]}


def events(store: KGStore) -> Iterator[dict]:
    """The events of FORMAT.md one by one, as export_events.rq's rows come (start, then IRI): participants by
    their highest confidence (then IRI), topics by their best rank (then IRI)."""
    columns, rows = store.named_strings("export_events")
    for row in rows:
        r = dict(zip(columns, row))
        best: dict[str, float | None] = {}
        for c, agent in _pairs(r["participants"]):
            c = _number(c)
            if agent not in best or (c is not None and (best[agent] is None or c > best[agent])):
                best[agent] = c
        rank: dict[str, float] = {}
        for k, subject in _pairs(r["topics"]):
            k = _number(k)
            k = float("inf") if k is None else k
            rank[subject] = min(k, rank.get(subject, k))
        yield {"id": r["event"], "type": r["type"], "label": r["label"], "start": r["start"], "end": r["end"],
               "participants": sorted(best, key=lambda a: (best[a] is None, -(best[a] or 0.0), a)),
               "topics": sorted(rank, key=lambda s: (rank[s], s)), "part_of": r["partOf"], "place": r["place"],
               "reported": (r["reported"] or "").strip().lower() in ("true", "1"),
               "confidence": None if r["confidence"] is None else _number(r["confidence"])}


def export_json(store: KGStore) -> dict:
    """{"entities": [...], "events": [...]} as FORMAT.md describes, ids being IRIs (whole, in memory: for the
    evaluation; `write_json` writes the same without holding it)."""
    return {"entities": list(entities(store)), "events": list(events(store))}


def write_json(store: KGStore, out: TextIO) -> None:
    """`export_json(store)` written to `out` as `json.dump(..., indent=2)` writes it, entity by entity and event by
    event as the store's rows come: memory does not grow with the store."""
    out.write("{")
    for i, (key, items) in enumerate((("entities", entities(store)), ("events", events(store)))):
        out.write(("," if i else "") + f"\n  {json.dumps(key)}: [")
        n = 0
        for n, item in enumerate(items, 1):
            text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n    ")
            out.write(("," if n > 1 else "") + "\n    " + text)
        out.write("\n  ]" if n else "]")
    out.write("\n}\n")


RDF_FORMATS = {"turtle": "turtle", "ttl": "turtle", "jsonld": "json-ld", "json-ld": "json-ld", "nt": "nt",
               "ntriples": "nt", "trig": "trig", "nquads": "nquads"}


def export_rdf(store: KGStore, fmt: str) -> str:
    """The whole store serialised: turtle, jsonld and nt as one graph; trig and nquads keep the named graphs (one
    per document). Read through SPARQL, so that a remote store exports the same as a local one."""
    if fmt in ("trig", "nquads"):
        from rdflib import Dataset

        ds = Dataset()
        for prefix, ns in PREFIXES.items():
            ds.bind(prefix, ns)
        for g, s, p, o in store.quads():
            ds.add((s, p, o, g))
        return ds.serialize(format=RDF_FORMATS[fmt])
    return store.union_graph().serialize(format=RDF_FORMATS[fmt])
