"""records.Document → the RDF triples of its named graph. Pure functions: no spaCy, no store.

IRIs are stable: an entity's from its type and best name (`id/person/li-keqiang`), an event's from its date and
title, a sentence's from the document and its character offsets (`id/doc/NAME#char=120,245`, the NIF convention),
so that ingesting the same text twice gives the same triples.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, SDO, SKOS

from .namespaces import EVENT_CLASSES, ITSRDF, KG, NIF
from ..records import Document, Entity, Event, Sentence
from ..ids import area_iri, doc_iri, entity_iri, participation_iri, post_iri, role_iri, span_iri, topic_iri
from ..text.areas import areas

ENTITY_CLASS = {
    "Person": SDO.Person,
    "Organization": SDO.Organization,
    "Country": SDO.Country,
    "Place": SDO.Place,
    "Project": KG.Project,
    "Equipment": KG.Equipment,
    "Topic": KG.Topic,
    "Agreement": KG.Agreement,
}
ROLE_CLASS = {"host": KG.Host, "guest": KG.Guest, "attendee": KG.Attendee}
# Characters of a document's text in one literal. A longer text is stored in pieces (`text_pieces`): Oxigraph's
# N-Quads parser takes lines of at most 16 MB, and a character is at most 4 bytes of UTF-8.
TEXT_PIECE = 1_000_000


class _Terms:
    """A namespace whose terms are each looked up once: rdflib builds (and, for a `DefinedNamespace`, checks) a
    term at each attribute read, 30 % of the mapping's time."""

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str):
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


RDF, RDFS, XSD, ORG, PROV, SDO, SKOS, KG, NIF = (_Terms(n) for n in (RDF, RDFS, XSD, ORG, PROV, SDO, SKOS, KG, NIF))


def date_literal(iso: str) -> Literal:
    kind = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(iso), XSD.string)
    return Literal(iso, datatype=kind)


# the terms the mapping writes most, looked up once (a namespace's attribute builds its term at each use)
_TYPE, _NNI = RDF.type, XSD.nonNegativeInteger
_SENTENCE, _OFFSETS, _PHRASE = NIF.Sentence, NIF.OffsetBasedString, NIF.Phrase
_BEGIN, _END, _ANCHOR, _CONTEXT, _IN_SENTENCE = NIF.beginIndex, NIF.endIndex, NIF.anchorOf, NIF.referenceContext, \
    NIF.sentence
_REFERS, _METHOD = ITSRDF.taIdentRef, KG.method


@lru_cache(maxsize=4096)
def _conf(x: float) -> Literal:
    return Literal(Decimal(str(round(x, 2))), datatype=XSD.decimal)


class _Mapper:
    def __init__(self, doc: Document, graph: Graph | set | None = None):
        self.doc = doc
        self.g = Graph() if graph is None else graph
        self.made: dict[str, list] = {}  # agreement key → (event key, Outcome) of each event it was signed at
        for ev in doc.events:
            for o in ev.outcomes:
                self.made.setdefault(o.entity, []).append((ev.key, o))
        self.base = doc_iri(doc.name)
        self.context = span_iri(self.base, 0, len(doc.text))
        self.sentences: dict[Sentence, URIRef] = {}  # each sentence mapped (or found in the graph) so far

    def sentence(self, s: Sentence) -> URIRef:
        iri = self.sentences.get(s)
        if iri is not None:
            return iri
        iri = span_iri(self.base, s.start, s.end)
        g = self.g
        if (iri, _TYPE, _SENTENCE) not in g:
            g.add((iri, _TYPE, _SENTENCE))
            g.add((iri, _TYPE, _OFFSETS))
            g.add((iri, _BEGIN, Literal(s.start, datatype=_NNI)))
            g.add((iri, _END, Literal(s.end, datatype=_NNI)))
            g.add((iri, _ANCHOR, Literal(self.doc.text[s.start:s.end])))
            g.add((iri, _CONTEXT, self.context))
        self.sentences[s] = iri
        return iri

    def document(self) -> None:
        g, d = self.g, self.doc
        g.add((self.base, RDF.type, SDO.CreativeWork))
        g.add((self.base, RDF.type, PROV.Entity))
        g.add((self.base, SDO.name, Literal(d.meta.get("title") or d.name)))
        g.add((self.base, KG.checksum, Literal(d.checksum)))
        if d.meta.get("date"):
            g.add((self.base, SDO.datePublished, date_literal(d.meta["date"])))
        if d.meta.get("url"):
            g.add((self.base, SDO.url, Literal(d.meta["url"], datatype=XSD.anyURI)))
        g.add((self.context, RDF.type, NIF.Context))
        if len(d.text) <= TEXT_PIECE:
            g.add((self.context, NIF.isString, Literal(d.text)))
        else:
            for t in text_pieces(self.base, self.context, d.text):
                g.add(t)
        g.add((self.context, NIF.sourceUrl, self.base))
        g.add((self.context, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
        g.add((self.context, NIF.endIndex, Literal(len(d.text), datatype=XSD.nonNegativeInteger)))

    def entity(self, e: Entity) -> None:
        g, iri = self.g, entity_iri(e.key)
        g.add((iri, RDF.type, ENTITY_CLASS[e.type]))
        g.add((iri, RDFS.label, Literal(e.label)))
        g.add((iri, SDO.name, Literal(e.label)))
        if e.type == "Topic":
            g.add((iri, SKOS.prefLabel, Literal(e.label)))
        for a in sorted(e.aliases):
            g.add((iri, SDO.alternateName, Literal(a)))
        g.add((iri, KG.method, Literal(e.method)))
        for m in e.mentions:
            phrase = span_iri(self.base, m.start, m.end)
            g.add((phrase, _TYPE, _PHRASE))
            g.add((phrase, _ANCHOR, Literal(self.doc.text[m.start:m.end])))
            g.add((phrase, _BEGIN, Literal(m.start, datatype=_NNI)))
            g.add((phrase, _END, Literal(m.end, datatype=_NNI)))
            g.add((phrase, _CONTEXT, self.context))
            g.add((phrase, _IN_SENTENCE, self.sentence(m.sentence)))
            g.add((phrase, _REFERS, iri))
            g.add((phrase, _METHOD, Literal(m.method)))
        if e.mentions:
            g.add((iri, PROV.wasDerivedFrom, self.sentence(e.mentions[0].sentence)))
        for r in e.roles:
            self.role(iri, e, r)
        for a in e.areas:
            self.area(iri, a)
        # what signed it, at which event: with the entity, so that a long document's slices (store/longdoc.py)
        # hold an agreement whole
        for event_key, o in self.made.get(e.key, ()):
            g.add((iri, PROV.wasGeneratedBy, entity_iri(event_key)))
            g.add((iri, PROV.wasDerivedFrom, self.sentence(o.sentence)))
            for k in o.signatories:
                g.add((iri, KG.signatory, entity_iri(k)))

    def area(self, subject: URIRef, area_id: str) -> None:
        g, node = self.g, area_iri(area_id)
        g.add((subject, KG.subjectArea, node))
        if (node, RDF.type, KG.SubjectArea) not in g:
            label = next(a.label for a in areas() if a.id == area_id)
            g.add((node, RDF.type, KG.SubjectArea))
            g.add((node, SKOS.prefLabel, Literal(label)))
            g.add((node, RDFS.label, Literal(label)))

    def role(self, person: URIRef, e: Entity, r) -> None:
        g = self.g
        role = role_iri(r.title)
        g.add((role, RDF.type, ORG.Role))
        g.add((role, SKOS.prefLabel, Literal(r.title)))
        if r.org:
            org_ent = self.doc.entities.get(r.org)
            post = post_iri(r.org, r.title)
            g.add((post, ORG.postIn, entity_iri(r.org)))
            label = f"{r.title}, {org_ent.label}" if org_ent else r.title
        else:
            post = post_iri(e.key, r.title)
            label = r.title
        g.add((post, RDF.type, ORG.Post))
        g.add((post, ORG.role, role))
        g.add((post, RDFS.label, Literal(label)))
        g.add((person, ORG.holds, post))
        g.add((post, PROV.wasDerivedFrom, self.sentence(r.sentence)))
        g.add((post, KG.confidence, _conf(r.confidence)))
        if r.event:
            g.add((post, KG.attestedBy, entity_iri(r.event)))

    def event(self, ev: Event) -> None:
        g, iri = self.g, entity_iri(ev.key)
        g.add((iri, RDF.type, EVENT_CLASSES.get(ev.type, SDO.Event)))
        g.add((iri, RDFS.label, Literal(ev.label)))
        g.add((iri, SDO.name, Literal(ev.label)))
        if ev.start:
            g.add((iri, SDO.startDate, date_literal(ev.start)))
        if ev.end:
            g.add((iri, SDO.endDate, date_literal(ev.end)))
        g.add((iri, KG.confidence, _conf(ev.confidence)))
        g.add((iri, KG.method, Literal(ev.method)))
        g.add((iri, PROV.wasDerivedFrom, self.sentence(ev.sentence)))
        g.add((iri, PROV.hadPrimarySource, self.base))
        if ev.reported:
            g.add((iri, KG.reported, Literal(True)))
        if ev.part_of:
            g.add((iri, SDO.superEvent, entity_iri(ev.part_of)))
            g.add((entity_iri(ev.part_of), SDO.subEvent, iri))
        if ev.place:
            g.add((iri, SDO.location, entity_iri(ev.place)))
        for p in ev.participants:
            actor = entity_iri(p.entity)
            g.add((iri, KG.participant, actor))
            if p.role == "host":
                g.add((iri, KG.host, actor))
            node = participation_iri(ev.key, self.doc.name, p.entity)  # per document: its own say
            g.add((iri, KG.participation, node))
            g.add((node, RDF.type, KG.Participation))
            g.add((node, KG.agent, actor))
            g.add((node, KG.role, ROLE_CLASS[p.role]))
            g.add((node, KG.confidence, _conf(p.confidence)))
            g.add((node, KG.method, Literal(p.method)))
            g.add((node, PROV.wasDerivedFrom, self.sentence(p.sentence)))
        for t in ev.topics:
            subj = entity_iri(t.entity)
            g.add((iri, KG.topic, subj))
            node = topic_iri(ev.key, self.doc.name, t.entity)
            g.add((iri, KG.topicAssignment, node))
            g.add((node, RDF.type, KG.TopicAssignment))
            g.add((node, KG.subject, subj))
            g.add((node, KG.rank, Literal(t.rank)))
            g.add((node, KG.confidence, _conf(t.confidence)))
        for k in ev.mentioned:
            g.add((iri, KG.mentions, entity_iri(k)))


def piece_iri(doc: URIRef, start: int, end: int) -> URIRef:
    """A piece of a long document's text (`text_pieces`): not `#char=` (`span_iri`), which a sentence may have."""
    return URIRef(f"{doc}#piece={start},{end}")


def text_pieces(doc: URIRef, context: URIRef, text: str, size: int | None = None) -> list[tuple]:
    """The text of a document longer than `size` (TEXT_PIECE) characters, as the triples of its pieces: each a
    `kg:TextPiece` with its offsets and text (`nif:anchorOf`) in the document's `nif:Context`, which then has no
    `nif:isString`. Their texts in the order of `nif:beginIndex` are the document's (queries/document_text.rq)."""
    size = size or TEXT_PIECE
    out = []
    for start in range(0, len(text), size):
        end = min(start + size, len(text))
        piece = piece_iri(doc, start, end)
        out += [(piece, RDF.type, KG.TextPiece),
                (piece, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)),
                (piece, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)),
                (piece, NIF.anchorOf, Literal(text[start:end])),
                (piece, NIF.referenceContext, context)]
    return out


def to_graph(doc: Document, graph: Graph | set | None = None) -> Graph | set:
    """All triples extracted from `doc`, for its named graph: in a new `Graph`, or added to `graph` (a set of
    triples is many times faster to fill than a Graph: store/build.py uses one for a long document)."""
    m = _Mapper(doc, graph)
    m.document()
    for e in doc.entities.values():
        m.entity(e)
    for ev in doc.events:
        m.event(ev)
    return m.g
