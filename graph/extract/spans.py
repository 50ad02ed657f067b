"""Indexes by offset for the passes that look for the mentions in a stretch of text or in one sentence: a scan of
every mention for each sentence or hit grows with the square of a long text's length (bench/README.md, "One large
text"). Each answers exactly what the scan it replaces gave, in the same order (tests/test_spans.py)."""

from __future__ import annotations

from bisect import bisect_left
from typing import Callable, Generic, Sequence, TypeVar

from ..records import Mention, Sentence

T = TypeVar("T")


class ByStart(Generic[T]):
    """`items` found by their start offset: `between(a, b)` is `[x for x in items if a <= start(x) < b]`."""

    def __init__(self, items: Sequence[T], start: Callable[[T], int] = lambda x: x.start):
        self.items = items
        self.order = sorted(range(len(items)), key=lambda i: start(items[i]))
        self.starts = [start(items[i]) for i in self.order]

    def between(self, a: int, b: int) -> list[T]:
        found = self.order[bisect_left(self.starts, a):bisect_left(self.starts, b)]
        return [self.items[i] for i in sorted(found)]


class BySentence(Generic[T]):
    """`(mention, value)` pairs grouped by the mention's sentence. `of(s)`: `[x for x in items if x[0].sentence ==
    s]`; `at(offset)`: the sentence of the first pair, in the items' order, whose sentence holds `offset` (None if
    none does)."""

    def __init__(self, items: Sequence[tuple[Mention, T]]):
        self.groups: dict[Sentence, list[tuple[Mention, T]]] = {}
        first: dict[Sentence, int] = {}
        for i, x in enumerate(items):
            s = x[0].sentence
            self.groups.setdefault(s, []).append(x)
            first.setdefault(s, i)
        self.first = first
        self.sentences = sorted(first, key=lambda s: (s.start, first[s]))
        self.starts = [s.start for s in self.sentences]
        self.longest = max((s.end - s.start for s in self.sentences), default=0)

    def of(self, s: Sentence | None) -> list[tuple[Mention, T]]:
        return self.groups.get(s, []) if s is not None else []

    def at(self, offset: int) -> Sentence | None:
        best = None
        i = bisect_left(self.starts, offset + 1) - 1  # the last sentence starting at or before `offset`
        while i >= 0 and self.starts[i] > offset - self.longest:  # any that holds it starts after this
            s = self.sentences[i]
            if offset < s.end and (best is None or self.first[s] < self.first[best]):
                best = s
            i -= 1
        return best
