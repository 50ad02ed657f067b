"""What the extraction steps of one document share (`Context`), and the one way a participant joins an event."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..records import Entity, Event, Mention, Participant, RoleMention, Sentence
from ..text import gazetteer as gz
from ..text.segment import Segment
from .chunks import Piece
from .spans import ByStart

if TYPE_CHECKING:  # the records only: the steps after spaCy need not load it
    from .outcomes import OutcomePhrase
    from .pair_parse import Parsed
    from .sentence_events import Told


@dataclass
class Context:
    """One document under extraction: its normalised text, segments and pieces, the entities found so far and which
    entity each mention names (`key_of`), the roles and told meetings read per piece, and the host once guessed.

    `entities` and `key_of` grow as the steps run (a role's organisation may become an entity)."""

    norm: str
    segments: list[Segment]
    pieces: list[Piece]
    entities: dict[str, Entity]
    key_of: dict[Mention, str]
    roles: dict[int, list[RoleMention]] = field(default_factory=dict)  # id(piece) → its role mentions
    told: dict[int, list[Told]] = field(default_factory=dict)  # id(piece) → meetings told in it (undated)
    # id(piece) → (label, start, end, strength) of each subject its sentences say was discussed (phrases.py)
    phrases: dict[int, list[tuple[str, int, int, float]]] = field(default_factory=dict)
    # id(piece) → the documents signed or adopted and the deals made that its sentences tell (outcomes.py)
    outcomes: dict[int, list[OutcomePhrase]] = field(default_factory=dict)
    parses: dict[int, Parsed] = field(default_factory=dict)  # sentence start → its parse (pair_parse.py)
    chunks: dict[int, list] = field(default_factory=dict)  # id(piece) → its noun phrases (topic_chunks.Chunk)
    host: str | None = None
    _by_segment: dict[int, list[Piece]] | None = field(default=None, init=False, repr=False, compare=False)
    _by_start: tuple[int, ByStart[Mention]] | None = field(default=None, init=False, repr=False, compare=False)

    def is_person(self, key: str | None) -> bool:
        return key is not None and self.entities[key].type == "Person"

    def lands_of(self, keys: set[str]) -> set[str]:
        """The keys of the countries in which `keys` hold posts."""
        return {r.org for k in keys if k in self.entities for r in self.entities[k].roles
                if r.org in self.entities and self.entities[r.org].type == "Country"}

    def country_key(self, land: gz.Country) -> str | None:
        """The key of the text's country entity for the gazetteer's `land` (by any of its names), if it has one."""
        return next((k for k, e in self.entities.items() if e.type == "Country" and any(
            gz.country_of(n) == land for n in (e.label, *e.aliases))), None)

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """The mentions of `key_of` that start in [start, end), in its order (indexed once, and again once it has
        grown: the steps add to it, never take from it)."""
        got = self._by_start
        if got is None or got[0] != len(self.key_of):
            got = self._by_start = (len(self.key_of), ByStart(list(self.key_of)))
        return got[1].between(start, end)

    def body(self, segment: int) -> list[Piece]:
        return [p for p in self.of_segment(segment) if not p.is_header]

    def of_segment(self, segment: int) -> list[Piece]:
        """The pieces of one segment, header first (indexed once: a long text has thousands of segments)."""
        if self._by_segment is None:
            self._by_segment = {}
            for p in self.pieces:
                self._by_segment.setdefault(p.segment, []).append(p)
        return self._by_segment.get(segment, [])


def take_part(ev: Event, key: str, role: str, conf: float, method: str, sentence: Sentence,
              source: str | None = None) -> None:
    """`key` takes part in `ev` (the first word on it stands). `source`: the step that read it (a feature of the
    participant check, extract/prune.py), by default the function calling."""
    if key and not any(p.entity == key for p in ev.participants):
        source = source or sys._getframe(1).f_code.co_name
        ev.participants.append(Participant(key, role, conf, method, sentence, source))
