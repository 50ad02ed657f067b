"""The store → the evaluation JSON of FORMAT.md (through SPARQL, not from Python objects), or RDF serialisations."""

from __future__ import annotations

from ..store.kgstore import PREFIXES, KGStore

SEP = "\u001f"


def _s(v) -> str | None:
    return None if v is None else str(v)


def export_json(store: KGStore) -> dict:
    """{"entities": [...], "events": [...]} as FORMAT.md describes, ids being IRIs."""
    entities: dict[str, dict] = {}
    for row in store.named("export_entities"):
        iri = str(row.entity)
        e = entities.setdefault(iri, {"id": iri, "type": str(row.type), "label": str(row.label), "aliases": [],
                                      "roles": []})
        e["aliases"] = sorted({*e["aliases"], *(a for a in str(row.aliases or "").split(SEP) if a)})
    for row in store.named("export_roles"):
        e = entities.get(str(row.person))
        if e is not None:
            e["roles"].append({"title": str(row.title), "organization": _s(row.org)})
    events: dict[str, dict] = {}
    for row in store.named("export_events"):
        iri = str(row.event)
        if iri in events:
            continue
        events[iri] = {"id": iri, "type": str(row.type), "label": str(row.label), "start": _s(row.start),
                       "end": _s(row.end), "participants": [], "topics": [], "part_of": _s(row.partOf),
                       "place": _s(row.place), "reported": bool(row.reported and row.reported.toPython()),
                       "confidence": float(row.confidence) if row.confidence is not None else None}
    for row in store.named("export_participants"):
        ev = events.get(str(row.event))
        if ev is not None and str(row.agent) not in ev["participants"]:
            ev["participants"].append(str(row.agent))
    for row in store.named("export_topics"):
        ev = events.get(str(row.event))
        if ev is not None and str(row.subject) not in ev["topics"]:
            ev["topics"].append(str(row.subject))
    return {"entities": list(entities.values()), "events": list(events.values())}


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
