"""The noun phrases of each sentence, as candidates of what a meeting was about (round 15): the forms of phrases.py
read a subject where a known verb or noun frames it ("discussed X", "cooperation in X"); most of the gold subjects
those forms miss are still noun phrases of the meeting's sentences (dev265: 17% of the gold topics of matched
meetings, against 4% among the rules' other candidates). Each is kept with what governs it in the parse, for the
trained ranker (topic_model.py) to weigh."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from spacy.tokens import Doc, Span

DROP = frozenset("the a an this that these those their his her its our your my both all such other another some any "
                 "each every several many various".split())
NO_HEADS = frozenset({"PRON", "NUM"})
PREPS = frozenset({"of", "in", "on", "for", "with", "between", "against", "to"})
MAX_WORDS = 10
QUOTES = re.compile(r'["\u201c\u201d\u201e\u00ab\u00bb]')


class Chunk(NamedTuple):
    """A noun phrase at [start, end) of the document: its label, head lemma, dependency, governing word and the
    word that governs that (a preposition's head: "agreed on [X]" → gov "on", gov2 "agree")."""

    label: str
    start: int
    end: int
    head: str
    dep: str
    gov: str
    gov2: str


class DocChunks:
    """A `Doc`'s base noun phrases, read once (round 16): spaCy's `Span.noun_chunks` reads the whole `Doc`'s and
    keeps those inside the span, so reading each sentence's that way cost a piece's sentences × its words (a
    quarter of a build's time). `within(sent)` gives what `sent.noun_chunks` gives, in the same order."""

    def __init__(self, doc: Doc):
        self.spans: list[Span] | None = None  # None: the Doc has no noun phrases to read (no parse, no iterator)
        if not doc.has_annotation("DEP"):
            return
        try:
            self.spans = list(doc.noun_chunks)
        except (ValueError, NotImplementedError):
            return
        self.starts = [ch.start for ch in self.spans]
        self.ordered = all(a < b for a, b in zip(self.starts, self.starts[1:]))  # always, for spaCy's English

    def within(self, sent: Span) -> list[Span]:
        """The noun phrases that begin and end inside `sent` (`Span.noun_chunks`' test)."""
        if not self.ordered:
            return [ch for ch in self.spans if ch.start >= sent.start and ch.end <= sent.end]
        out = []
        for i in range(bisect_left(self.starts, sent.start), len(self.starts)):
            if self.starts[i] >= sent.end:
                break
            if self.spans[i].end <= sent.end:
                out.append(self.spans[i])
        return out


def sentence_chunks(sent: Span, offset: int, read: DocChunks | None = None) -> list[Chunk]:
    """The noun phrases of a spaCy sentence (of a piece at `offset` in the document): each base noun phrase, and
    that phrase with the prepositional phrase after it ("cooperation in renewable energy"). `read`: its `Doc`'s
    noun phrases read once (`DocChunks`), for the sentences of one `Doc` in turn."""
    doc = sent.doc
    if not doc.has_annotation("DEP"):
        return []
    out: list[Chunk] = []
    if read is not None:
        if read.spans is None:
            return out
        chunks = read.within(sent)
    else:
        try:
            chunks = list(sent.noun_chunks)
        except (ValueError, NotImplementedError):
            return out
    for ch in chunks:
        root = ch.root
        if root.pos_ in NO_HEADS:
            continue
        i = ch.start
        while i < ch.end - 1 and (doc[i].lower_ in DROP or doc[i].tag_ in ("PRP$", "POS", "DT") or _no_word(doc[i])):
            i += 1
        if i >= ch.end or doc[i].pos_ in NO_HEADS:
            continue
        gov, gov2 = root.head, root.head.head
        base = (root.lemma_.casefold(), root.dep_, gov.lemma_.casefold() if gov is not root else "",
                gov2.lemma_.casefold() if gov is not root else "")
        if ch.end - i <= MAX_WORDS:
            phrase = _trimmed(doc[i:ch.end])  # its label on one line ("maritime\ntransport" in a hard-wrapped text)
            out.append(Chunk(_label(phrase), offset + phrase.start_char, offset + phrase.end_char, *base))
        for prep in root.rights:
            if prep.dep_ == "prep" and prep.lower_ in PREPS:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.right_edge.i + 1 - i <= MAX_WORDS:
                    span = _trimmed(doc[i:obj.right_edge.i + 1])
                    out.append(Chunk(_label(span), offset + span.start_char, offset + span.end_char, *base))
                break
    return out


def _no_word(tok) -> bool:
    """A word at the start of a noun phrase that is no part of its subject's name (round 16): a quotation mark or
    bracket ("\u201cvery open dialogue"), or an adverb ("especially joint control", "primarily our trade",
    "increasingly close ties": the subject is the joint control, the trade, the close ties)."""
    return tok.is_punct or tok.tag_ in ("RB", "RBR", "RBS")


def _trimmed(span: Span) -> Span:
    """The span without punctuation at its end ("the treaty of friendship," → "the treaty of friendship") nor
    a quotation mark left open in it."""
    doc, a, b = span.doc, span.start, span.end
    while b - 1 > a and (doc[b - 1].is_punct and doc[b - 1].text not in (")", "]") or doc[b - 1].is_quote):
        b -= 1
    return doc[a:b]


def _label(span: Span) -> str:
    """The label of a noun phrase: on one line ("maritime\ntransport" in a hard-wrapped text), without the double
    quotation marks a quote opened or closed inside it ("open dialogue\u201d with the commission")."""
    return " ".join(QUOTES.sub(" ", span.text).split())
