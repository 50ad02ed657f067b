"""Round 16 (speed): the noun phrases of a piece read once, not once per sentence.

spaCy's `Span.noun_chunks` reads the noun phrases of the whole `Doc` and keeps those inside the span; reading each
sentence's that way cost a piece's sentences times its words. `topic_chunks.DocChunks` reads them once per `Doc`
and gives each sentence those that begin and end in it. Each test compares the two ways on the same `Doc`."""

import spacy
from spacy.tokens import Doc

from graph.extract.topic_chunks import DocChunks, sentence_chunks

# Two parsed sentences written out by hand (words, head index, dependency, part of speech): the fast lane has no parser.
PARSED = [
    ("The", 1, "det", "DET"), ("minister", 2, "nsubj", "NOUN"), ("discussed", 2, "ROOT", "VERB"),
    ("trade", 4, "compound", "NOUN"), ("routes", 2, "dobj", "NOUN"), ("with", 4, "prep", "ADP"),
    ("the", 8, "det", "DET"), ("coastal", 8, "amod", "ADJ"), ("provinces", 5, "pobj", "NOUN"),
    (".", 2, "punct", "PUNCT"),
    ("Their", 11, "poss", "PRON"), ("talks", 12, "nsubj", "NOUN"), ("covered", 12, "ROOT", "VERB"),
    ("cooperation", 12, "dobj", "NOUN"), ("in", 13, "prep", "ADP"), ("renewable", 16, "amod", "ADJ"),
    ("energy", 14, "pobj", "NOUN"), ("and", 16, "cc", "CCONJ"), ("fisheries", 16, "conj", "NOUN"),
    (".", 12, "punct", "PUNCT"),
]


def _doc(rows=PARSED) -> Doc:
    vocab = spacy.blank("en").vocab
    words, heads, deps, pos = zip(*rows)
    return Doc(vocab, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos),
               lemmas=[w.lower() for w in words], tags=["NN"] * len(words))


def test_each_sentence_gets_the_same_noun_phrases_read_once():
    doc = _doc()
    read = DocChunks(doc)
    sents = list(doc.sents)
    assert len(sents) == 2
    for s in sents:
        assert [c.text for c in read.within(s)] == [c.text for c in s.noun_chunks]
        assert sentence_chunks(s, 7, read) == sentence_chunks(s, 7)
    labels = [c.label for s in sents for c in sentence_chunks(s, 0, read)]
    assert "cooperation in renewable energy and fisheries" in labels
    assert "trade routes with the coastal provinces" in labels
    assert "coastal provinces" in labels


def test_a_phrase_across_a_span_edge_belongs_to_no_span():
    doc = _doc()
    read = DocChunks(doc)
    for a, b in [(1, 6), (0, 4), (3, 9), (4, 17), (9, 20), (12, 18), (5, 5)]:  # cut inside phrases, or empty
        span = doc[a:b]
        assert [(c.start, c.end) for c in read.within(span)] == [(c.start, c.end) for c in span.noun_chunks]


def test_a_doc_without_a_parse_has_no_noun_phrases():
    doc = spacy.blank("en")("The minister discussed trade. Talks covered energy.")
    read = DocChunks(doc)
    assert read.spans is None
    assert sentence_chunks(doc[0:5], 0, read) == [] == sentence_chunks(doc[0:5], 0)


def test_unordered_phrases_are_filtered_as_spacy_does():
    doc = _doc()
    read = DocChunks(doc)
    read.spans.reverse()  # no English iterator gives these, but the test stays spaCy's own if one did
    read.ordered = False
    for s in doc.sents:
        assert sorted((c.start, c.end) for c in read.within(s)) == sorted((c.start, c.end) for c in s.noun_chunks)


def test_the_real_model_gives_the_same_phrases_either_way(nlp):
    text = ("The foreign ministers of Ruritania and Veldia met in Tarvik on Monday.\nThey discussed the security of "
            "the northern border, cooperation in water management and a new rail link between the two capitals. "
            "Minister Ana Lima said the talks on fisheries quotas would resume in May.\n\nA joint statement on "
            "regional stability was signed by both delegations after the meeting.")
    doc = nlp(text)
    read = DocChunks(doc)
    got = [sentence_chunks(s, 3, read) for s in doc.sents]
    assert got == [sentence_chunks(s, 3) for s in doc.sents]
    assert sum(map(len, got)) >= 10
