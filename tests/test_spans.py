"""The offset indexes (graph/extract/spans.py) answer what the scans they replaced answered, in the same order."""

import random

from graph.extract.context import Context
from graph.extract.spans import BySentence, ByStart
from graph.records import Mention, Sentence


def _mentions(rng: random.Random, n: int) -> list[Mention]:
    """Mentions in sentences that may overlap, repeat and hold mentions of any length (empty ones too), in no
    order."""
    sentences = []
    for _ in range(max(1, n // 3)):
        a = rng.randrange(0, 400)
        sentences.append(Sentence(a, a + rng.randrange(0, 80)))
    out = []
    for i in range(n):
        s = rng.choice(sentences)
        a = rng.randrange(s.start, s.end + 1)
        out.append(Mention(f"m{i}", rng.choice(["Person", "Country"]), a, a + rng.randrange(0, 12), s))
    return out


def test_by_start_is_the_scan_of_a_range():
    rng = random.Random(3)
    for n in (0, 1, 5, 40, 200):
        items = _mentions(rng, n)
        index = ByStart(items)
        pairs = [(m, m.text) for m in items]
        by_pair = ByStart(pairs, lambda mk: mk[0].start)
        for _ in range(60):
            a = rng.randrange(-5, 420)
            b = a + rng.randrange(-3, 120)
            assert index.between(a, b) == [m for m in items if a <= m.start < b]
            assert by_pair.between(a, b) == [x for x in pairs if a <= x[0].start < b]


def test_by_sentence_is_the_scan_of_the_sentences():
    """posts.nearest: the sentence of the first person whose sentence holds an offset, and the persons of it."""
    rng = random.Random(5)
    for n in (0, 1, 6, 50, 300):
        people = [(m, rng.choice(["a", "b", None])) for m in _mentions(rng, n)]
        index = BySentence(people)
        for offset in range(-2, 490, 3):
            s = next((p.sentence for p, _ in people if p.sentence.start <= offset < p.sentence.end), None)
            assert index.at(offset) == s
            assert index.of(s) == [(p, k) for p, k in people if s and p.sentence == s]
        assert index.of(None) == []


def test_the_context_indexes_its_mentions_again_once_they_grow():
    rng = random.Random(7)
    mentions = _mentions(rng, 120)
    key_of = {m: m.text for m in mentions[:80]}
    ctx = Context("", [], [], {}, key_of)
    for a, b in ((0, 500), (30, 90), (200, 200), (100, 140)):
        assert ctx.mentions_between(a, b) == [m for m in key_of if a <= m.start < b]
    for m in mentions[80:]:  # a step adds mentions (posts.host_posts)
        key_of.setdefault(m, m.text)
    for a, b in ((0, 500), (30, 90), (100, 140)):
        assert ctx.mentions_between(a, b) == [m for m in key_of if a <= m.start < b]
