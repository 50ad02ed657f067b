"""The pieces of several documents read by spaCy in one stream (`Ahead`): `analyse` pipes one document's pieces at
a time, a handful of small batches per document; spaCy's networks run faster on batches of pieces of several
documents (bench/README.md, round 8: 9 % of spaCy's time on the benchmark's corpus).

Each document's pieces are cut as `analyse` cuts them (`segment.normalize`, `segment.segment`,
`chunks.pieces_of`: pure functions of the text) while spaCy reads ahead, and `Ahead.reader(src)` hands
`analyse` the `Doc`s of its own pieces (its `reader`): what each piece reads is what it read alone. A document
longer than `WHOLE_BATCH` characters is not in the stream (`analyse` reads it in small batches, in bounded memory).
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from spacy.language import Language

from ..extract.analyse import PieceRead, Reader, read_piece, read_pieces
from ..extract.chunks import WHOLE_BATCH, Piece, pieces_of
from ..text.segment import normalize, segment

BATCH = 32  # pieces per spaCy batch (about 5,000 words)


class Ahead:
    """spaCy's `Doc`s of the pieces of `sources` (objects with `.iri` and `.text`), in order, read in batches of
    BATCH pieces across documents."""

    def __init__(self, nlp: Language, sources: Iterable, batch_size: int = BATCH):
        self.nlp = nlp
        sources = [s for s in sources if self.fits(s)]
        self.order = {s.iri: i for i, s in enumerate(sources)}
        contexts = ((piece, s.iri) for s in sources for piece in _piece_texts(s.text))
        self._stream = nlp.pipe(contexts, as_tuples=True, batch_size=batch_size)
        self._peeked: tuple | None = None

    @staticmethod
    def fits(src) -> bool:
        return len(src.text) <= WHOLE_BATCH  # `normalize` keeps the length

    def reader(self, src) -> Reader | None:
        """`analyse`'s reader of `src`'s pieces, or None if `src` is not in the stream."""
        if src.iri not in self.order:
            return None

        def read(pieces: list[Piece], shorts: re.Pattern | None, norm: str) -> Iterator[PieceRead]:
            docs = self._take(src.iri, len(pieces))  # all of them first: the stream stays in step if a rule fails
            if [d.text for d in docs] != [p.text for p in pieces]:  # never: the same cut of the same text
                yield from read_pieces(pieces, self.nlp, shorts)
                return
            for piece, doc in zip(pieces, docs):
                yield read_piece(piece, doc, shorts)

        return read

    def _take(self, iri: str, n: int) -> list:
        """The next (up to) `n` docs of document `iri`; those of documents before it that were not read (their
        analysis failed before reading) are passed over, those of later ones left in the stream."""
        docs, at = [], self.order[iri]
        while len(docs) < n:
            item, self._peeked = self._peeked, None
            if item is None:
                item = next(self._stream, None)
                if item is None:
                    break
            doc, of = item
            if self.order[of] > at:
                self._peeked = item
                break
            if of == iri:
                docs.append(doc)
        return docs

    def close(self) -> None:
        self._stream.close()


def _piece_texts(text: str) -> list[str]:
    norm = normalize(text)
    return [p.text for p in pieces_of(norm, segment(norm))]
