"""Round 13 on what a meeting was about (issue 16): general mechanisms for unseen outlets. Sentences written here,
names invented (the lands are real: the gazetteer knows them)."""

from __future__ import annotations

import pytest

import graph.extract.topic_routes as routes
import graph.extract.topics as topics

from .test_topics_s11 import _has, _meetings  # the same readers of meetings and their subjects

# a meeting told, then a sentence read as a "meeting" with a summit (dropped later: a summit met no one), then what
# was discussed: the summit's span held the subjects, and with it dropped they belonged to no meeting
SUMMIT_BETWEEN = [
    ("Prime Minister Harald Voss spoke by telephone with President Ines Korma of Chile on Tuesday. The two leaders "
     "held a thorough discussion about the plans for the Valparaiso Summit. They discussed ways to ease the "
     "debt crisis, restore growth and create jobs.", "valparaiso summit"),
    ("Chancellor Mira Holt had a telephone conversation with Prime Minister Ken Abe of Japan today. The two leaders "
     "held a thorough discussion about the plans for the Osaka Summit and shared their priorities. They discussed "
     "the banking crisis, steel tariffs and regulatory reforms.", "osaka summit"),
    ("President Lena Varga of Hungary talked today with President Tom Reyes of Peru about the upcoming Lima Summit. "
     "The two leaders held a thorough discussion about the plans for the Lima Summit. They also discussed mining "
     "investment and vaccine supplies.", "lima summit"),
    ("President Omar Diallo met business leaders in Dakar on Monday. Later he held talks with Prime Minister Jon "
     "Berg of Norway. The two leaders held a thorough discussion about the plans for the Dakar Summit. They "
     "discussed fisheries, offshore gas and maritime security.", "dakar summit"),
]


@pytest.mark.parametrize("text,want", SUMMIT_BETWEEN)
def test_a_subject_no_meeting_kept_goes_to_the_meeting_told_before_it(nlp, text, want):
    got = _meetings(nlp, text)
    assert len(got) == 1
    assert _has(got[0][1], want)


@pytest.mark.parametrize("text,want", SUMMIT_BETWEEN[:2])
def test_without_the_rule_the_subject_is_lost(nlp, monkeypatch, text, want):
    from graph.extract import topic_model

    monkeypatch.setattr(routes, "orphan_topics", lambda ctx, events: None)
    monkeypatch.setattr(topic_model, "current_model", lambda: None)  # the trained ranker may find it on its own
    got = _meetings(nlp, text)
    assert len(got) == 1 and not _has(got[0][1], want)


def test_what_the_meeting_already_holds_is_not_added_twice(nlp):
    got = _meetings(nlp, SUMMIT_BETWEEN[3][0])
    labels = got[0][1]
    assert _has(labels, "fisheries") and _has(labels, "offshore gas")
    assert len(labels) == len(set(labels)) and len(labels) <= topics.MAX_STATED


def test_a_weak_mention_is_not_handed_on(nlp):
    # a clause someone said, not a subject said to be discussed: no meeting takes it by this rule
    text = ("Foreign Minister Lia Moran met her Kenyan counterpart Joel Wanyama in Nairobi on Monday. The two "
            "ministers held a thorough discussion about the plans for the Nile Conference. Moran said the weather "
            "had been kind to the tea farmers.")
    got = _meetings(nlp, text)
    assert len(got) == 1 and not _has(got[0][1], "weather")


def test_the_other_side_is_never_a_subject(nlp):
    got = _meetings(nlp, SUMMIT_BETWEEN[0][0])
    assert not got[0][1] & {"chile", "ines korma", "harald voss"}


LEAD = "TALVA, 9 April 2024 — President Ora Lind met Prime Minister Tam Usko of Ghana on Tuesday. "
FIELDS = ["fisheries", "forestry", "tourism", "shipbuilding", "rail transport", "civil aviation", "water supply",
          "public health", "higher education", "vocational training", "cyber security", "customs procedures",
          "food safety", "mining", "space research", "sports", "film production", "seed banks", "river dredging"]


def test_a_long_readout_keeps_up_to_twenty_subjects(nlp):
    # the cap was 16: a readout of nineteen subjects lost its last three (round 13: the tail past 16 is about half
    # right on dev, a third on the check set of new outlets)
    got = _meetings(nlp, LEAD + "They discussed " + ", ".join(FIELDS[:-1]) + " and " + FIELDS[-1] + ".")
    assert len(got) == 1
    kept = got[0][1]
    assert len(kept) <= topics.MAX_STATED == 20
    assert "seed banks" in kept and "river dredging" in kept and "fisheries" in kept


def _event(key, start, end, reported=False):
    from graph.records import Event, Sentence
    return Event(key, "Meeting", key, None, None, Sentence(start, end), "rule", 0.7, reported=reported)


def test_the_meeting_told_last_before_a_subject_takes_it():
    from graph.extract.topic_orphans import _told_before
    text = "A met B. They discussed X." + " " * 20
    main = _event("m", 0, 8)
    assert _told_before([main], [main], 20, text) == [main]


def test_a_meeting_told_in_passing_in_the_same_paragraph_keeps_what_follows_from_the_story():
    from graph.extract.topic_orphans import _told_before
    text = "A met B today. They last met in May, when they discussed X. More."
    main, past = _event("m", 0, 14), _event("p", 15, 58, reported=True)
    assert _told_before([main], [main, past], 50, text) == []


def test_a_paragraph_on_the_story_is_its_meeting_again():
    from graph.extract.topic_orphans import _told_before
    text = "A met B today. They last met in May.\n\nThe two leaders discussed X."
    main, past = _event("m", 0, 14), _event("p", 15, 36, reported=True)
    assert _told_before([main], [main, past], 60, text) == [main]


def test_the_lead_goes_to_the_first_meeting_told_unless_another_is_told_before_it():
    from graph.extract.topic_orphans import _told_before
    text = "Trade was on the agenda. A met B today. Later A met C."
    first, second = _event("b", 25, 39), _event("c", 40, 54)
    assert _told_before([first, second], [first, second], 5, text) == [first]
    past = _event("p", 0, 3, reported=True)
    assert _told_before([first, second], [past, first, second], 5, text) == []
