"""The dependency-parse features of the who-met-whom pair model (graph/extract/pair_parse.py): a sentence's parse
kept small after spaCy (`Parsed`, `Context.parses`), the path between two names, their roles and governing verbs,
a negation or modal on the verb they share, the host's unnamed side; and a pair decided by the parse alone. Texts
here are invented."""

from __future__ import annotations

import pytest

from graph.extract import learned, same_events
from graph.extract.analyse import analyse
from graph.extract.pair_parse import head_of, host_parse_features, pair_parse_features, parsed_of


@pytest.fixture(autouse=True)
def _packaged_model_after():
    same_events.use_model(None)
    yield
    learned.reset_model()
    same_events.reset_model()


def _features(nlp, text, one, two):
    """The pair features of the names `one` and `two` in the one-sentence `text`."""
    sent = next(nlp(text).sents)
    p = parsed_of(sent, 0)
    at = lambda name: (text.index(name), text.index(name) + len(name))  # noqa: E731
    return set(pair_parse_features(p, at(one), at(two)))


def test_a_subject_and_the_one_met_with_meet_at_the_verb(nlp):
    got = _features(nlp, "Minister Ana Vale met with Prime Minister Ben Kor in the capital.", "Ana Vale", "Ben Kor")
    assert {"dr=nsubj", "dr=pobj:with", "dlca=meet", "dlca_meet=True", "dsame_gov=True",
            "ddeps=nsubj>prep>pobj"} <= got


def test_a_verb_of_no_meeting_is_told_as_such(nlp):
    got = _features(nlp, "Minister Ana Vale criticised Prime Minister Ben Kor in the capital.", "Ana Vale", "Ben Kor")
    assert {"dlca=criticise", "dlca_meet=False", "ddeps=nsubj>dobj"} <= got


def test_two_names_joined_by_and_hang_one_from_the_other(nlp):
    got = _features(nlp, "Ana Vale and Ben Kor discussed the new railway.", "Ana Vale", "Ben Kor")
    assert "ddom=conj" in got and "dlen=1" in got


def test_a_negation_on_the_shared_verb(nlp):
    got = _features(nlp, "Ana Vale did not receive Ben Kor on Monday.", "Ana Vale", "Ben Kor")
    assert "dlca_neg" in got and "dlca=receive" in got


def test_a_modal_on_the_shared_verb(nlp):
    got = _features(nlp, "Ana Vale will receive Ben Kor on Monday.", "Ana Vale", "Ben Kor")
    assert "dlca_aux=will" in got and "dlca_neg" not in got


def test_names_are_never_features(nlp):
    text = "Ana Vale met with Ben Kor and Eda Fay in Osterville after the summit."
    got = _features(nlp, text, "Ana Vale", "Eda Fay") | _features(nlp, text, "Ben Kor", "Eda Fay")
    assert not any(w in f for f in got for w in ("Vale", "vale", "Kor", "kor", "Fay", "fay", "osterville"))


def test_a_name_paired_with_the_unnamed_host_is_told_by_its_role_and_verb(nlp):
    text = "Ambassador Ben Kor was received at the presidential palace."
    p = parsed_of(next(nlp(text).sents), 0)
    at = (text.index("Ben Kor"), text.index("Ben Kor") + 7)
    assert {"dh_role=nsubjpass", "dh_gov=receive", "dh_gov_meet=True"} <= set(host_parse_features(p, at))


def test_the_parse_keeps_document_offsets_and_the_name_head(nlp):
    text = "Minister Ana Vale met Ben Kor."
    p = parsed_of(next(nlp(text).sents), 100)
    i = head_of(p, (100 + text.index("Ana Vale"), 100 + text.index("Ana Vale") + 8))
    assert p.deps[i] == "nsubj" and p.starts[i] == 100 + text.index("Vale")
    assert head_of(p, (0, 50)) is None  # nothing of the sentence there


def _contexts(nlp, text, model):
    """The contexts `analyse` hands the pair model with `model` (None: the rows of training)."""
    seen = []
    learned.RECORDER, before = (lambda ctx, events, rows: seen.append(ctx)), learned.RECORDER
    learned.use_model(model)
    try:
        analyse("t", text, nlp)
    finally:
        learned.RECORDER = before
    return seen


TWO = "OSTERVILLE, 3 May 2024 — President Ana Vale met Prime Minister Ben Kor.\n\nIt rained all day."


def test_only_sentences_with_a_name_keep_their_parse(nlp, monkeypatch):
    monkeypatch.setattr(learned, "PARSE_FEATURES", True)  # training with --parse
    ctx = _contexts(nlp, TWO, None)[0]
    kept = sorted(ctx.parses)
    assert len(kept) == 1 and ctx.norm[kept[0]:].startswith("OSTERVILLE")


def test_no_parse_is_kept_for_a_model_trained_without_it(nlp):
    assert not learned.packaged_model().parse
    assert _contexts(nlp, TWO, learned.Model({}, -5.0, 0.6))[0].parses == {}
    assert _contexts(nlp, TWO, learned.Model({}, -5.0, 0.6, parse=True))[0].parses != {}


GREETED = "OSTERVILLE, 3 May 2024 — President Ana Vale greeted Prime Minister Ben Kor at the lakeside residence."
BLAMED = "OSTERVILLE, 3 May 2024 — President Ana Vale blamed Prime Minister Ben Kor at the lakeside residence."


def _pairs(nlp, text):
    doc = analyse("t", text, nlp)
    return [sorted(doc.entities[p.entity].label for p in e.participants) for e in doc.events if e.method == "learned"]


def test_a_pair_the_parse_decides(nlp):
    """Where the two names meet in the tree on a word of meeting, the pair is passed; on another word, not; and a
    model trained without the parse never reads it."""
    learned.use_model(learned.Model({"dlca_meet=True": 6.0}, -3.0, 0.8, parse=True))
    assert _pairs(nlp, GREETED) == [["Ana Vale", "Ben Kor"]]
    assert _pairs(nlp, BLAMED) == []
    learned.use_model(learned.Model({"dlca_meet=True": 6.0}, -3.0, 0.8))
    assert _pairs(nlp, GREETED) == []


def test_a_model_says_whether_it_was_trained_with_the_parse():
    assert learned.Model.from_json({"weights": {}, "bias": 0, "add": 0.5, "parse": True}).parse
    assert not learned.Model.from_json({"weights": {}, "bias": 0, "add": 0.5}).parse
