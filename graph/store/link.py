"""Cross-document identity: a person or organisation already in the store keeps its IRI when another document
names it, spelt the same or transliterated otherwise ("Alexander Lukashenko" joins "Aleksandr Lukashenko").

Linking costs what the document costs, not what the store holds: `KnownActors` indexes the stored names by the
only ways `resolve.same_name`, `resolve.part_of_name` and `resolve.org_key` can match, so a document's entity is
compared with the few stored actors that can match it; `build()` keeps one index for a whole run and adds each
document's actors to it after writing them; events are looked up by the document's own days."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Iterable, Iterator

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SDO

from ..extract.identity import meeting_key, unique
from ..extract.resolve import same_name
from ..ids import fold, key_of_iri, org_key
from ..rdf.mapping import date_literal
from ..rdf.namespaces import KG
from ..records import Document, Entity
from .kgstore import KGStore

TYPES = {SDO.Person: "Person", SDO.Organization: "Organization"}
_START, _PARTICIPANT = SDO.startDate, KG.participant


def _initial(token: str) -> str:
    """A blocking key for one name token: any two tokens that `same_name` lets pair (folded alike, or alike
    enough with the same first letter) share it, unless one of them is "*" (a first letter that folding changes
    with what follows it, e.g. one that folds to nothing: such tokens are compared with every key)."""
    f = fold(token)
    first = fold(token[:1].lower())
    if not f or not first or f[0] != first[0] or fold(token[:1]) != first:
        return "*"
    return f[0]


class KnownActors:
    """The persons and organisations of a store (entity key → names), indexed for `match`."""

    def __init__(self):
        self.names: dict[str, dict[str, set[str]]] = {"Person": defaultdict(set), "Organization": defaultdict(set)}
        self._full: dict[tuple, set[str]] = defaultdict(set)  # (tokens, initial of first, of last) → persons
        self._by_len: dict[int, set[str]] = defaultdict(set)  # tokens → persons with a name of that many
        self._token: dict[str, set[str]] = defaultdict(set)  # folded token of a multi-token name → persons
        self._single: dict[str, set[str]] = defaultdict(set)  # folded one-token name → persons
        self._org: dict[str, set[str]] = defaultdict(set)  # org_key → organisations

    def add(self, type_: str, key: str, names: Iterable[str]) -> None:
        for name in names:
            if name in self.names[type_][key]:
                continue
            self.names[type_][key].add(name)
            if type_ == "Organization":
                self._org[org_key(name)].add(key)
                continue
            tokens = name.split()
            if len(tokens) >= 2:
                self._full[(len(tokens), _initial(tokens[0]), _initial(tokens[-1]))].add(key)
                self._by_len[len(tokens)].add(key)
                for t in tokens:
                    self._token[fold(t)].add(key)
            elif tokens:
                self._single[fold(tokens[0])].add(key)

    def add_graph(self, graph: Graph) -> None:
        """Add the persons and organisations (with their names) of one document's graph."""
        for type_, key, names in actors_of(graph):
            self.add(type_, key, names)

    @classmethod
    def of_store(cls, store: KGStore) -> "KnownActors":
        """The persons and organisations in `store` (`queries/known_actors.rq`)."""
        known = cls()
        for row in store.named("known_actors"):
            key = key_of_iri(row.entity)
            if key is not None:
                known.add(str(row.type), key, (str(row.name),))
        return known

    def _full_candidates(self, name: str) -> set[str]:
        tokens = name.split()
        n, a, b = len(tokens), _initial(tokens[0]), _initial(tokens[-1])
        if "*" in (a, b):
            return self._by_len.get(n, set())
        out: set[str] = set()
        for key in ((n, a, b), (n, "*", b), (n, a, "*"), (n, "*", "*")):
            out |= self._full.get(key, set())
        return out

    def match(self, ent: Entity) -> str | None:
        """The key of the stored entity `ent` is, if exactly one fits."""
        names = {ent.label, *ent.aliases}
        if ent.type == "Person":
            known = self.names["Person"]
            full = [n for n in names if len(n.split()) >= 2]
            hits = {k for a in full for k in self._full_candidates(a)
                    if any(same_name(a, b) for b in known[k] if len(b.split()) >= 2)}
            if not hits:  # a surname alone on one side: "Lopez" and "Maria Lopez", if only one such person is known
                for a in names:
                    tokens = a.split()
                    if len(tokens) == 1:
                        hits |= self._token.get(fold(tokens[0]), set())
                    for t in tokens if len(tokens) >= 2 else ():
                        hits |= self._single.get(fold(t), set())
        elif ent.type == "Organization":
            keys = {org_key(n) for n in names if len(n) > 3}
            hits = {k for key in keys for k in self._org.get(key, ())}
        else:
            return None
        return hits.pop() if len(hits) == 1 else None


def actors_of(graph: Graph) -> list[tuple[str, str, set[str]]]:
    """(type, entity key, names) of each person and organisation in one document's graph."""
    out = []
    for cls, type_ in TYPES.items():
        for s in graph.subjects(RDF.type, cls):
            key = key_of_iri(s)
            if key is not None:
                out.append((type_, key, {str(o) for p in (SDO.name, SDO.alternateName) for o in graph.objects(s, p)}))
    return out


def link_to_store(doc: Document, store: KGStore, known: KnownActors | None = None) -> Document:
    """`doc` with the keys of entities already stored (its own names kept as aliases), and of meetings another
    document already told: same day, a participant in common other than this document's host. `known`: the
    store's actors, if the caller keeps them (else they are read from `store`). Changes `doc` in place."""
    return link(doc, store, known)[0]


def link(doc: Document, store: KGStore, known: KnownActors | None = None,
         events: "KnownEvents | None" = None) -> tuple[Document, bool]:
    """`link_to_store`, and whether the store changed anything: if not, the result is `link_alone(doc)`. `events`:
    the dates and participants of the store and of documents not yet written (`KnownEvents`), read instead of the
    store's for the meetings."""
    known = KnownActors.of_store(store) if known is None else known
    mapping = {}
    for key, ent in doc.entities.items():
        hit = known.match(ent)
        if hit and hit != key:
            mapping[key] = hit
    doc = rekey(doc, mapping) if mapping else doc
    doc, renamed = _link_events(doc, store, events)
    return doc, bool(mapping or renamed)


def link_alone(doc: Document) -> Document:
    """`doc` linked against an empty store (its meetings keyed): what `link` gives when the store changes nothing,
    computed without the store (in a worker). Changes `doc` in place."""
    return _link_events(doc, None)[0]


def _link_events(doc: Document, store: KGStore | None, events: "KnownEvents | None" = None
                 ) -> tuple[Document, bool]:
    for ev in doc.events:
        if ev.method == "rule" and ev.type not in ("Summit", "Conference"):
            ev.key = meeting_key(ev)
    stored: dict[tuple[str, str], set[str]] = defaultdict(set)
    for day in sorted({ev.start for ev in doc.events if ev.start}) if store is not None else ():
        rows = events.on_date(date_literal(day)) if events is not None else \
            ((row.date, row.event, row.participant) for row in store.named("events_on_date", date=date_literal(day)))
        for date, event, participant in rows:
            ev_key, who = key_of_iri(event), key_of_iri(participant)
            if ev_key is not None and who is not None:
                stored[(str(date), ev_key)].add(who)
    renames = {}
    for ev in doc.events:
        mine = {p.entity for p in ev.participants} - {doc.host}
        hits = {key for (date, key), who in stored.items() if date == ev.start and mine & who}
        if len(hits) == 1 and ev.key not in hits:
            renames[ev.key] = hits.pop()
    for ev in doc.events:
        ev.key = renames.get(ev.key, ev.key)
        ev.part_of = renames.get(ev.part_of, ev.part_of) if ev.part_of else None
    doc.events[:] = unique(doc.events)
    return doc, bool(renames)


class KnownEvents:
    """What `queries/events_on_date.rq` joins over the union of a store's graphs (each subject's `schema:startDate`
    and `kg:participant`, from whichever graph holds them), kept in memory: `build()` reads it once and adds each
    document it links, so that a document can be linked against documents not yet written (written later, in one
    batch, by the bulk loader) and give what the store would give once they are."""

    def __init__(self):
        self.dated: dict[Literal, set] = defaultdict(set)  # date → subjects with it
        self.participants: dict = defaultdict(set)  # subject → participants

    def add(self, triples: Iterable[tuple]) -> None:
        """Triples (s, p, o) of a graph; those of other predicates than the two are passed over."""
        for s, p, o in triples:
            if p == _PARTICIPANT:
                self.participants[s].add(o)
            elif p == _START:
                self.dated[o].add(s)

    @classmethod
    def of_store(cls, store: KGStore) -> "KnownEvents":
        known = cls()
        for row in store.named("event_rows"):
            if row.date is not None:
                known.dated[row.date].add(row.event)
            if row.participant is not None:
                known.participants[row.event].add(row.participant)
        return known

    def on_date(self, date: Literal) -> Iterator[tuple]:
        """(date, event, participant) rows, as `events_on_date.rq` gives them for `date`."""
        for event in self.dated.get(date, ()):
            for who in self.participants.get(event, ()):
                yield date, event, who


def event_triples(triples) -> list[tuple]:
    """The triples of a document's graph (a `fastcheck.TripleIndex`) that `KnownEvents.add` reads."""
    return [(s, p, o) for p in (_START, _PARTICIPANT) for s in triples.subjects(p, None) for o in triples.objects(s, p)]


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
        ev.outcomes = [dataclasses.replace(o, entity=k(o.entity), signatories=tuple(k(x) for x in o.signatories))
                       for o in ev.outcomes]
    return dataclasses.replace(doc, entities=entities, host=k(doc.host))
