"""Which stated subjects of a meeting only echo another: "cooperation" beside "economic cooperation", "ties" beside
"bilateral ties". Where a long readout states more subjects than a meeting keeps (`topics.MAX_STATED`), an echo is
the one to leave out: it adds no subject the longer phrase does not already name, and the place it takes at the
cap goes to a subject stated nowhere else (round 12: of the subjects lost at the cap on dev, most were new ones
stated late in a long readout, while echoes of earlier ones were kept)."""

from __future__ import annotations

import re

# the words that carry no subject of their own: a phrase's other words are what it is about
FUNCTION_WORDS = frozenset("the a an of and or in on for with to between at by from its their his her our this that "
                           "these those both two all".split())
WORD = re.compile(r"[\w-]+")


def content(label: str) -> frozenset[str]:
    """The words of a subject's label that say what it is about ("the two countries' trade" → {countries', trade})."""
    return frozenset(w for w in WORD.findall(label.casefold()) if w not in FUNCTION_WORDS)


def echoes(labels: dict[str, str]) -> set[str]:
    """The keys of `labels` (key → label of a stated subject) whose words all come again in a longer subject of the
    same meeting: "relations" beside "bilateral relations", "energy" beside "cooperation in energy"."""
    words = {k: content(v) for k, v in labels.items()}
    return {k for k, w in words.items() if w and any(w < o for j, o in words.items() if j != k)}


def once_each(topics: list, label_of) -> list:
    """`topics` (records with `entity`, in rank order) without those whose label (`label_of(entity)`) says again, word
    for word, what an earlier one says: "the memorandum on fisheries" read both as the document signed and as a
    subject stated is one subject, not two (round 14)."""
    seen: set[frozenset[str]] = set()
    out = []
    for t in topics:
        words = content(label_of(t.entity)) or frozenset({t.entity})
        if words not in seen:
            seen.add(words)
            out.append(t)
    return out
