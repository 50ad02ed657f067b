"""Cross-document identity: a person or organisation already in the store keeps its IRI when another document
names it, spelt the same or transliterated otherwise ("Alexander Lukashenko" joins "Aleksandr Lukashenko")."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from .records import Document, Entity
from .resolve import org_key, part_of_name, same_name
from .store import KGStore


def known_actors(store: KGStore) -> dict[str, dict[str, set[str]]]:
    """type → entity key → names, for the persons and organisations in `store`."""
    from .namespaces import ID

    out: dict[str, dict[str, set[str]]] = {"Person": defaultdict(set), "Organization": defaultdict(set)}
    for row in store.named("known_actors"):
        iri = str(row.entity)
        if iri.startswith(str(ID)):
            out[str(row.type)][iri[len(str(ID)):]].add(str(row.name))
    return out


def match_known(ent: Entity, known: dict[str, dict[str, set[str]]]) -> str | None:
    """The key of the stored entity `ent` is, if exactly one fits."""
    names = {ent.label, *ent.aliases}
    if ent.type == "Person":
        full = [n for n in names if len(n.split()) >= 2]
        hits = {k for k, kn in known["Person"].items()
                if any(same_name(a, b) for a in full for b in kn if len(b.split()) >= 2)}
        if not hits:  # a surname alone on one side: "Lopez" and "Maria Lopez", if only one such person is known
            hits = {k for k, kn in known["Person"].items()
                    if any(part_of_name(a, b) or part_of_name(b, a) for a in names for b in kn
                           if min(len(a.split()), len(b.split())) == 1)}
    elif ent.type == "Organization":
        keys = {org_key(n) for n in names if len(n) > 3}
        hits = {k for k, kn in known["Organization"].items() if keys & {org_key(n) for n in kn}}
    else:
        return None
    return hits.pop() if len(hits) == 1 else None


def link_to_store(doc: Document, store: KGStore) -> Document:
    """`doc` with the keys of entities already stored (its own names kept as aliases), and of meetings another
    document already told: same day, a participant in common other than this document's host."""
    known = known_actors(store)
    mapping = {}
    for key, ent in doc.entities.items():
        hit = match_known(ent, known)
        if hit and hit != key:
            mapping[key] = hit
    doc = rekey(doc, mapping) if mapping else doc
    return _link_events(doc, store)


def _link_events(doc: Document, store: KGStore) -> Document:
    from .namespaces import ID
    from .pipeline import _unique, told_key

    for ev in doc.events:
        if ev.method == "rule" and ev.type not in ("Summit", "Conference"):
            ev.key = told_key(ev)
    stored: dict[tuple[str, str], set[str]] = defaultdict(set)
    base = str(ID)
    for row in store.named("events_on_date"):
        ev_iri, who = str(row.event), str(row.participant)
        if ev_iri.startswith(base) and who.startswith(base):
            stored[(str(row.date), ev_iri[len(base):])].add(who[len(base):])
    renames = {}
    for ev in doc.events:
        mine = {p.entity for p in ev.participants} - {doc.host}
        hits = {key for (date, key), who in stored.items() if date == ev.start and mine & who}
        if len(hits) == 1 and ev.key not in hits:
            renames[ev.key] = hits.pop()
    for ev in doc.events:
        ev.key = renames.get(ev.key, ev.key)
        ev.part_of = renames.get(ev.part_of, ev.part_of) if ev.part_of else None
    doc.events[:] = _unique(doc.events)
    return doc


def rekey(doc: Document, mapping: dict[str, str]) -> Document:
    """`doc` with entity keys renamed by `mapping` everywhere they are referred to."""
    def k(x):
        return mapping.get(x, x) if x else x

    entities: dict[str, Entity] = {}
    for key, ent in doc.entities.items():
        new = k(key)
        roles = [dataclasses.replace(r, org=k(r.org)) for r in ent.roles]
        if new in entities:
            entities[new].aliases |= {ent.label, *ent.aliases}
            entities[new].mentions.extend(ent.mentions)
            entities[new].roles.extend(roles)
        else:
            entities[new] = dataclasses.replace(ent, key=new, roles=roles, aliases=set(ent.aliases))
    for ev in doc.events:
        ev.participants = [dataclasses.replace(p, entity=k(p.entity)) for p in ev.participants]
        ev.topics = [dataclasses.replace(t, entity=k(t.entity)) for t in ev.topics]
        ev.mentioned = [k(m) for m in ev.mentioned]
        ev.place = k(ev.place)
        ev.header_topics = [k(x) for x in ev.header_topics]
    return dataclasses.replace(doc, entities=entities, host=k(doc.host))
