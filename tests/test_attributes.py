"""`nlp.attributes`: the attribute ruler and lemmatizer that `make_nlp` puts in the model's place set what the
model's own set, token for token: on a ruler of patterns of every kind (one and several tokens, IN, NOT_IN, REGEX,
negative index, an operator), and with the real model on the test corpora."""

from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from graph.nlp.attributes import FastAttributeRuler

ROOT = Path(__file__).resolve().parent.parent

PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NNS"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Plur"}},
    {"patterns": [[{"TAG": "VBD", "LOWER": "was"}]], "attrs": {"LEMMA": "be", "POS": "AUX"}},
    {"patterns": [[{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]],
     "attrs": {"LEMMA": "be"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"TAG": "NN", "LOWER": "there"}], [{"LOWER": "here"}]], "attrs": {"POS": "ADV"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}},
    {"patterns": [[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], "attrs": {"POS": "ADJ"}, "index": -1},
    {"patterns": [[{"ORTH": "Dr."}]], "attrs": {"POS": "PROPN", "LEMMA": "doctor"}},
]

WORDS = ["There", "is", "here", "nothin'", "was", "ai", "n't", "gon", "na", "very", "very", "big", "Dr.", "cats",
         "dog", "\n", "  ", "to", "have"]
TAGS = ["EX", "VBZ", "NN", "NN", "VBD", "VBZ", "RB", "VBG", "TO", "RB", "RB", "JJ", "NNP", "NNS", "NN", "_SP", "_SP",
        "TO", "VB"]
DEPS = ["expl", "ROOT", "attr", "dep", "aux", "aux", "neg", "aux", "aux", "advmod", "advmod", "amod", "compound",
        "nsubj", "dobj", "", "dep", "aux", "auxpass"]


def _docs(vocab):
    import random

    rng = random.Random(7)
    docs = []
    for _ in range(60):
        n = rng.randint(1, 14)
        idx = [rng.randrange(len(WORDS)) for _ in range(n)]
        doc = Doc(vocab, words=[WORDS[i] for i in idx], spaces=[rng.random() < 0.7 for _ in idx])
        for tok, i in zip(doc, idx):
            tok.tag_ = TAGS[i] if rng.random() < 0.9 else rng.choice(TAGS)
            tok.dep_ = DEPS[i] if rng.random() < 0.8 else rng.choice(DEPS)
        docs.append(doc)
    return docs


def _attrs(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_the_fast_ruler_sets_what_the_ruler_sets():
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(PATTERNS)
    fast = FastAttributeRuler(ruler)
    assert not fast.windows  # the "OP" pattern: the Matcher runs on whole docs
    for a, b in zip(_docs(nlp.vocab), _docs(nlp.vocab)):
        assert _attrs(ruler(a)) == _attrs(fast(b))


def test_the_fast_ruler_runs_its_matcher_only_from_possible_starts():
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    # without the pattern with an operator and the one reading ORTH (neither can be tested at its first token)
    ruler.add_patterns([p for p in PATTERNS if not any("OP" in t or "ORTH" in t for pat in p["patterns"]
                                                           for t in pat)])
    fast = FastAttributeRuler(ruler)
    assert fast.windows and fast.width == 2
    changed = 0
    for a, b, c in zip(_docs(nlp.vocab), _docs(nlp.vocab), _docs(nlp.vocab)):
        assert _attrs(ruler(a)) == _attrs(fast(b))
        changed += _attrs(b) != _attrs(c)
    assert changed  # the patterns do set something


def test_the_model_with_and_without_the_fast_components(nlp):
    from graph.extract.chunks import pieces_of
    from graph.nlp.model import make_nlp
    from graph.text.segment import normalize, segment

    slow = make_nlp(fast=False)
    assert type(slow.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert type(nlp.get_pipe("attribute_ruler")).__name__ != "AttributeRuler"
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "corpus").glob("*.txt"))]
    texts.append("There are two of them. I ain't gonna say y'all let's go, nothin' more. Dr. Kowal was here.")
    pieces = [p.text for t in texts for n in [normalize(t)] for p in pieces_of(n, segment(n))]

    def seen(doc):
        return _attrs(doc) + [(t.head.i, t.ent_iob_, t.ent_type_) for t in doc] + \
            [(e.start, e.end, e.label_) for e in doc.ents]

    assert [seen(d) for d in slow.pipe(pieces)] == [seen(d) for d in nlp.pipe(pieces)]


@pytest.mark.parametrize("word", ["was", "cats", "running", "better"])
def test_the_memoised_lemmatizer_gives_the_same_lemma_twice(nlp, word):
    doc = nlp(f"The {word} and the {word}.")
    assert doc[1].lemma_ == doc[4].lemma_


def test_token_strings_read_from_the_array_are_the_tokens(blank_nlp):
    from graph.nlp.tokens import lowers, texts

    doc = blank_nlp("The Ambassador of Ruritania, H.E. Dr. Jan Kowal-Nowak,  met\n\nMINISTER Ana Lima in São Paulo.")
    assert texts(doc) == [t.text for t in doc] and lowers(doc) == [t.lower_ for t in doc]
    assert texts(blank_nlp("")) == [] == lowers(blank_nlp(""))
