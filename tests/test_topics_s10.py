"""Round 10 on what a meeting was about (issue 16), on sentences written here: a meeting only the trained pair model
reads (graph/extract/learned.py, a stub model here) gets the subjects the text states from its sentence on
(topic_learned.py), up to the next meeting the rules tell."""

from __future__ import annotations

import pytest

from graph.extract import learned
from graph.extract.analyse import analyse

# a verb no rule knows: only a model that weighs it reads a meeting here
ZORBLED = "OSTERVILLE, 3 May 2024 — President Ana Vale zorbled Prime Minister Ben Kor at the lakeside residence."


@pytest.fixture(autouse=True)
def _packaged_model_after():
    yield
    learned.reset_model()


def _passing():
    learned.use_model(learned.Model({"btw=zorbled": 6.0}, -3.0, 0.8))


def _topics(nlp, text, method="learned"):
    """The subjects (labels, lower case) of each meeting of `method`, as sets, in the order of the events."""
    doc = analyse("t", text, nlp)
    return [{doc.entities[t.entity].label.lower() for t in e.topics} for e in doc.events if e.method == method]


def _has(got: set[str], want: str) -> bool:
    return any(want in label for label in got)


# a meeting of the rules told first: the learned meeting is not the text's only one
EARLIER = ("OSTERVILLE, 3 May 2024 — President Ana Vale met Foreign Minister Dora Lint of Molvania on Thursday. "
           "They discussed the copper mine dispute.\n\n")
LATER = "President Ana Vale zorbled Prime Minister Ben Kor at the lakeside residence on Friday."


def test_a_learned_meeting_gets_what_its_host_said_after_it(nlp):
    _passing()
    got = _topics(nlp, EARLIER + LATER + " Vale stressed the importance of the fishing quota and the ferry line.")
    assert got and _has(got[0], "fishing quota") and _has(got[0], "ferry line")


def test_a_learned_meeting_gets_what_a_later_paragraph_says_was_agreed(nlp):
    _passing()
    text = (EARLIER + LATER + " It was their first encounter since the election.\n\n"
            "Vale said the sides agreed to expand cooperation in renewable energy and vocational training.")
    got = _topics(nlp, text)
    assert got and _has(got[0], "renewable energy")


def test_subjects_before_a_learned_meeting_are_not_its_own(nlp):
    _passing()
    got = _topics(nlp, EARLIER + LATER + " Vale underlined the need for a new bridge over the river.")
    assert got and _has(got[0], "bridge") and not _has(got[0], "copper mine")


def test_subjects_after_the_next_meeting_the_rules_tell_are_not_the_learned_meetings(nlp):
    _passing()
    text = (EARLIER + LATER + " Vale highlighted the fishing quota.\n\n"
            "On Saturday, President Ana Vale met Governor Eli Moss of Tarlan province. Vale stressed the "
            "importance of the salt mine.")
    got = _topics(nlp, text)
    assert got and _has(got[0], "fishing quota") and not _has(got[0], "salt mine")


def test_without_a_model_no_learned_meeting_and_no_subjects_for_it(nlp):
    learned.use_model(None)
    assert _topics(nlp, EARLIER + LATER + " Vale stressed the importance of the fishing quota.") == []
