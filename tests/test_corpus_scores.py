"""Our own multi-style corpus (tests/corpus), scored by the project's evaluator: the issue's thresholds."""

from pathlib import Path

import pytest

from graph.evaluate import evaluate_corpus, report

CORPUS = Path(__file__).parent / "corpus"


@pytest.fixture(scope="module")
def corpus_report(nlp):
    total, per_doc = evaluate_corpus(CORPUS, nlp)
    assert len(per_doc) >= 6
    return report(total)


@pytest.mark.parametrize("measure, floor", [("events", 0.85), ("who_met_whom", 0.80)])
def test_corpus_thresholds(corpus_report, measure, floor):
    assert corpus_report[measure]["F1"] >= floor, corpus_report[measure]
