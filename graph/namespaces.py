"""The ontology's terms as rdflib namespaces.

`KG` mirrors `ontology/kg.ttl` (a test keeps the two in sync); `_fail = True` makes a misspelt term raise instead of
minting a new IRI. `NIF` and `ITSRDF` cover the few NLP Interchange Format terms the provenance uses.
"""

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace, URIRef

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
