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


# a round of audiences: one receives several, told together; what he says is said to all of them
ROUND = ("OSTERVILLE, 3 May 2024 — President Ana Vale has stressed the importance of the solar parks of the "
         "south.\n\nVale said Ruritania's ties with their countries will focus on tourism and fisheries.\n\n"
         "The President received the letters of credence of Molvanian Ambassador Cal Dun, Vestrian Ambassador "
         "Eda Fay and Norlandic Ambassador Gus Hale at State House.")


def _by_guest(nlp, text):
    learned.use_model(None)
    doc = analyse("t", text, nlp)
    out = {}
    for e in doc.events:
        names = {doc.entities[p.entity].label for p in e.participants}
        for guest in names & {"Cal Dun", "Eda Fay", "Gus Hale"}:
            out[guest] = {doc.entities[t.entity].label.lower() for t in e.topics}
    return out


def test_what_the_receiver_of_a_round_says_goes_to_every_audience(nlp):
    got = _by_guest(nlp, ROUND)
    assert set(got) == {"Cal Dun", "Eda Fay", "Gus Hale"}
    for topics in got.values():
        assert _has(topics, "solar park") and _has(topics, "tourism")


def test_what_is_said_to_one_of_the_round_stays_his(nlp):
    text = ROUND + " Vale told Ambassador Gus Hale that the copper mine dispute must be settled."
    got = _by_guest(nlp, text)
    assert _has(got["Gus Hale"], "copper mine")
    assert not _has(got["Cal Dun"], "copper mine") and not _has(got["Eda Fay"], "copper mine")


def test_two_meetings_told_apart_are_no_round(nlp):
    text = ("OSTERVILLE, 3 May 2024 — President Ana Vale urged investment in the solar parks of the south.\n\n"
            "On Monday, Vale met Molvanian Ambassador Cal Dun. On Tuesday, she met Vestrian Ambassador Eda Fay "
            "and discussed the fishing quota.")
    got = _by_guest(nlp, text)
    assert not _has(got.get("Cal Dun", set()), "fishing quota")


def test_a_round_with_two_receivers_is_no_round(nlp):
    text = ("OSTERVILLE, 3 May 2024 — Prime Minister Ben Kor urged investment in the solar parks of the south.\n\n"
            "President Ana Vale received the letters of credence of Molvanian Ambassador Cal Dun and Vestrian "
            "Ambassador Eda Fay. Prime Minister Ben Kor met Norlandic Ambassador Gus Hale and Sarland Ambassador "
            "Ivo Lund.")
    got = _by_guest(nlp, text)
    assert not _has(got.get("Cal Dun", set()), "solar park")


@pytest.mark.parametrize("sentence, subject", [
    # the purpose a gerund's object serves: what it acts on
    ("The ministers stressed the importance of boosting the efforts of donors to rebuild the flooded schools.",
     "flooded schools"),
    ("The two sides underlined the necessity of improving coordination to curb the smuggling of arms.",
     "smuggling of arms"),
    ("President Lint highlighted the need for stepping up patrols to stop illegal fishing.", "illegal fishing"),
    # "necessity" says nothing by itself: what it is of
    ("The envoy emphasised the necessity of a new customs code.", "customs code"),
])
def test_what_a_purpose_acts_on_is_a_subject(nlp, sentence, subject):
    from graph.extract.phrases import topic_phrases
    got = [label.lower() for s in nlp(sentence).sents for label, _, _, _ in topic_phrases(s)]
    assert any(subject in label for label in got), got


# the story's one meeting, told after a trip: what its lead says was discussed is the meeting's
TRIP_LEAD = ("OSTERVILLE, 3 May 2024 — Water rights and the new rail link to the coast topped the agenda. President "
             "Ana Vale of Ruritania visited Molvania on Monday. On Tuesday she met Prime Minister Ben Kor at the "
             "government house.")


def test_the_lead_goes_to_the_one_meeting_told_after_a_trip(nlp):
    learned.use_model(None)
    doc = analyse("t", TRIP_LEAD, nlp)
    meetings = [e for e in doc.events if e.type not in ("Visit", "StateVisit", "CountryVisit")]
    assert len(meetings) == 1
    got = {doc.entities[t.entity].label.lower() for t in meetings[0].topics}
    assert _has(got, "water rights") and _has(got, "rail link")


def test_the_lead_is_no_ones_where_two_meetings_are_told(nlp):
    learned.use_model(None)
    text = TRIP_LEAD + " On Wednesday she met Foreign Minister Dora Lint."
    doc = analyse("t", text, nlp)
    lint = [e for e in doc.events if any(doc.entities[p.entity].label == "Dora Lint" for p in e.participants)]
    assert lint and not any(_has({doc.entities[t.entity].label.lower()}, "water rights")
                            for e in lint for t in e.topics)
