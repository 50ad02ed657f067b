"""The document cut into the pieces spaCy reads: each segment's header title alone (a header is its own sentence)
and its body in chunks of at most CHUNK characters, cut at a paragraph or sentence break.

`Piece.offset` maps a piece's offsets back to the document. A piece holds records only; its spaCy `Doc` lives in
`analyse` (extract/analyse.py) only while its mentions, sentences and told meetings are read from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Mention
from ..text.segment import Segment

CHUNK = 50_000  # characters per spaCy call: far below its max_length, and memory stays flat on huge texts
WHOLE_BATCH = 4 * CHUNK  # a document up to this many characters goes to spaCy in one batch
BATCH = 4  # pieces per spaCy batch in a longer one: spaCy holds a batch's Docs at once


@dataclass
class Piece:
    """A header title or a segment body (or a chunk of one), as processed by spaCy."""

    offset: int
    text: str
    segment: int
    is_header: bool
    mentions: list[Mention] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # country and place names of the whole document
    norp: list[tuple[int, int, str]] = field(default_factory=list)


def pieces_of(norm: str, segments: list[Segment]) -> list[Piece]:
    pieces = []
    for i, s in enumerate(segments):
        if s.header:
            pieces.append(Piece(s.header.start, norm[s.header.start:s.header.title_end], i, True))
        start = s.body_start
        while start < s.end:
            end = chunk_end(norm, start, s.end)
            if norm[start:end].strip():
                pieces.append(Piece(start, norm[start:end], i, False))
            start = end
    return pieces


def chunk_end(norm: str, start: int, end: int) -> int:
    """Where a body chunk starting at `start` ends: at `end`, or at a paragraph or sentence break before CHUNK."""
    if end - start <= CHUNK:
        return end
    window = norm[start:start + CHUNK]
    for sep in ("\n\n", "\n", ". ", " "):
        cut = window.rfind(sep)
        if cut > CHUNK // 2:
            return start + cut + len(sep)
    return start + CHUNK
