"""The ontology's terms as rdflib namespaces, the event classes, and the SPARQL prefixes.

`KG` mirrors `ontology/kg.ttl` (tests/test_namespaces.py fails when a term is on one side only); `_fail = True`
makes a misspelt term raise instead of minting a new IRI. `NIF` and `ITSRDF` cover the few NLP Interchange Format
terms the provenance uses. `EVENT_CLASSES` is the one list of the event classes: the mapping types events with
them and the queries match them (`$EVENT_CLASSES` in a `.rq` file, see store/kgstore.py `load_query`).
"""

from rdflib import Namespace
from rdflib.namespace import ORG, PROV, RDFS, SDO, SKOS, XSD, DefinedNamespace, URIRef

BASE = "https://w3id.org/meeting-graph/"
ID = Namespace(BASE + "id/")


class KG(DefinedNamespace):
    _NS = Namespace(BASE + "ontology#")
    _fail = True

    Actor: URIRef
    Project: URIRef
    Equipment: URIRef
    EquipmentClass: URIRef
    Topic: URIRef
    Agreement: URIRef
    SubjectArea: URIRef
    Meeting: URIRef
    Negotiations: URIRef
    PhoneCall: URIRef
    Conference: URIRef
    Summit: URIRef
    Visit: URIRef
    StateVisit: URIRef
    Ceremony: URIRef
    Participation: URIRef
    TopicAssignment: URIRef
    TextPiece: URIRef
    ParticipantRole: URIRef
    Host: URIRef
    Guest: URIRef
    Attendee: URIRef
    participant: URIRef
    host: URIRef
    participation: URIRef
    agent: URIRef
    role: URIRef
    topic: URIRef
    topicAssignment: URIRef
    subject: URIRef
    rank: URIRef
    mentions: URIRef
    reported: URIRef
    confidence: URIRef
    method: URIRef
    checksum: URIRef
    fileName: URIRef
    givenHost: URIRef
    attestedBy: URIRef
    alias: URIRef
    signatory: URIRef
    subjectArea: URIRef


class NIF(DefinedNamespace):
    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    _fail = True

    Context: URIRef
    Sentence: URIRef
    Phrase: URIRef
    String: URIRef
    OffsetBasedString: URIRef
    isString: URIRef
    anchorOf: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    referenceContext: URIRef
    sentence: URIRef
    sourceUrl: URIRef


class ITSRDF(DefinedNamespace):
    _NS = Namespace("http://www.w3.org/2005/11/its/rdf#")
    _fail = True

    taIdentRef: URIRef
    taConfidence: URIRef


EVENT_TYPES = ("Meeting", "Negotiations", "PhoneCall", "Conference", "Summit", "Visit", "StateVisit", "Ceremony")
EVENT_CLASSES = {t: KG[t] for t in EVENT_TYPES}  # an event's type (records.Event.type) → its class

# One prefix a kind of key (graph/ids.py), so that a table shows an entity as `person:xi-jinping`, which pastes into
# `kg query` as it is (SPARQL's prefixed names allow no "/" after the colon, so `id:person/xi-jinping` would not).
KEY_KINDS = ("person", "organization", "country", "place", "project", "equipment", "topic", "agreement", "event",
             "area")

PREFIXES = {
    **{kind: str(ID[kind + "/"]) for kind in KEY_KINDS},
    "kg": str(KG._NS),
    "schema": str(SDO),
    "org": str(ORG),
    "prov": str(PROV),
    "nif": str(NIF._NS),
    "itsrdf": str(ITSRDF._NS),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
}


def event_classes_sparql() -> str:
    """The event classes as the queries write them: "kg:Meeting … kg:Ceremony schema:Event"."""
    return " ".join(f"kg:{t}" for t in EVENT_TYPES) + " schema:Event"
