"""What flows between the stages: frozen records, no spaCy and no rdflib in here.

text → `Mention`s (from spaCy) → `Entity`s (resolved) and `Event`s → RDF (mapping.py).
Character offsets are into the document's text as read (normalisation keeps lengths).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ENTITY_TYPES = ("Person", "Organization", "Country", "Place", "Project", "Equipment", "Topic", "Agreement")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """A name in the text. `type` is one of ENTITY_TYPES; `method` is model, gazetteer or rule."""

    text: str
    type: str
    start: int
    end: int
    sentence: Sentence
    method: str = "model"
    confidence: float = 0.8
    gazetteer_id: str = ""


@dataclass(frozen=True)
class RoleMention:
    """"Chairman of CITIC Group Corporation Zhu Hexin": a title held by the person at `person`, in the organisation
    or country at `org` (None when the text gives no organisation)."""

    title: str
    person: Mention
    org: Mention | None
    sentence: Sentence
    confidence: float = 0.85


@dataclass(frozen=True)
class Role:
    title: str
    org: str | None  # entity key
    event: str | None  # event key that states it
    sentence: Sentence
    confidence: float


@dataclass
class Entity:
    """A real thing, once per document: `key` is its stable id (type/slug), `label` its best name."""

    key: str
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    confidence: float = 0.8
    method: str = "model"
    areas: tuple[str, ...] = ()  # subject areas (text/areas.py) of an entity that is some event's topic


@dataclass(frozen=True)
class Participant:
    entity: str  # entity key
    role: str  # host, guest, attendee
    confidence: float
    method: str
    sentence: Sentence
    source: str = field(default="", compare=False)  # the step that added it (extract/prune.py reads it)


@dataclass(frozen=True)
class Topic:
    entity: str
    rank: int
    confidence: float


@dataclass(frozen=True)
class Outcome:
    """A document signed or adopted at an event, or a deal made there (`entity`: an Agreement), and who signed it."""

    entity: str
    signatories: tuple[str, ...]  # entity keys
    sentence: Sentence


@dataclass
class Event:
    key: str
    type: str
    label: str
    start: str | None
    end: str | None
    sentence: Sentence
    method: str
    confidence: float
    participants: list[Participant] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    mentioned: list[str] = field(default_factory=list)
    part_of: str | None = None
    place: str | None = None
    reported: bool = False
    header_topics: list[str] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)


@dataclass
class Document:
    """One ingested text and everything extracted from it."""

    name: str
    text: str
    checksum: str
    meta: dict
    sentences: list[Sentence]
    entities: dict[str, Entity]
    events: list[Event]
    host: str | None = None
