"""Round 14 on what a meeting was about (issue 16): general mechanisms for unseen outlets. Sentences written here,
names invented (the lands are real: the gazetteer knows them)."""

from __future__ import annotations

import pytest

import graph.extract.topic_routes as routes
from graph.extract.analyse import analyse

from .test_topics_s11 import _has, _meetings  # the same readers of meetings and their subjects

# one meeting told by its people and again by its sides' countries ("X and Y signed …"): the documents signed, read
# for the countries' record, are the people's meeting's subjects too
SIGNED_BY_LANDS = [
    ("President Amara Tesfaye of Ethiopia held talks with President Luis Moreno of Chile at the National Palace in "
     "Addis Ababa on Monday. The talks focused on trade and mining. Ethiopia and Chile signed three agreements, "
     "including an agreement on air services and a memorandum of understanding on mining cooperation.",
     {"amara tesfaye", "luis moreno"}, "agreement on air services"),
    ("Prime Minister Karin Lund of Sweden met President Tomas Varga of Hungary in Budapest on Friday. The two "
     "leaders discussed energy security and migration. Sweden and Hungary also signed a memorandum of "
     "understanding on nuclear research and an agreement on the avoidance of double taxation.",
     {"karin lund", "tomas varga"}, "double taxation"),
    ("Vietnamese Prime Minister Tran Van Long held talks with Kenyan President David Kamau in Hanoi on Tuesday. "
     "Vietnam and Kenya signed an agreement on visa exemption for diplomatic passport holders and a memorandum of "
     "understanding on rice trade.", {"tran van long", "david kamau"}, "visa exemption"),
    ("Chancellor Mira Holt received President Ana Costa of Portugal in Berlin on Monday. Germany and Portugal "
     "signed a declaration on green hydrogen and an agreement on vocational training.",
     {"mira holt", "ana costa"}, "green hydrogen"),
]


def _of(got, people):
    return next(topics for who, topics in got if people <= who)


@pytest.mark.parametrize("text,people,want", SIGNED_BY_LANDS)
def test_documents_the_countries_signed_are_the_meetings_of_their_people(nlp, text, people, want):
    assert _has(_of(_meetings(nlp, text), people), want)


@pytest.mark.parametrize("text,people,want", SIGNED_BY_LANDS[2:])
def test_without_the_rule_the_meeting_lacks_them(nlp, monkeypatch, text, people, want):
    monkeypatch.setattr(routes, "share_with_people", lambda ctx, events: None)
    assert not _has(_of(_meetings(nlp, text), people), want)


def test_a_country_record_of_two_meetings_gives_to_neither(nlp):
    """Two meetings of people from the same two countries: which one the countries' record stands for is a guess."""
    text = ("President Amara Tesfaye of Ethiopia met President Luis Moreno of Chile on Monday. Later Foreign Minister "
            "Hana Girma of Ethiopia met Foreign Minister Pablo Rojas of Chile. Ethiopia and Chile signed an agreement "
            "on air services.")
    got = _meetings(nlp, text)
    assert any(_has(topics, "air services") for _, topics in got)  # the countries' record holds it
    assert not _has(_of(got, {"amara tesfaye"}), "air services")
    assert not _has(_of(got, {"hana girma"}), "air services")


# the same subject read twice (the document signed, and the phrase that states it): one topic, not two
TWICE = [
    ("Prime Minister Karin Lund of Sweden met President Tomas Varga of Hungary in Budapest on Friday. Sweden and "
     "Hungary also signed a memorandum of understanding on nuclear research.", {"karin lund", "tomas varga"}),
    ("Chancellor Mira Holt received President Ana Costa of Portugal in Berlin on Monday. Germany and Portugal "
     "signed a declaration on green hydrogen and an agreement on vocational training.", {"mira holt", "ana costa"}),
    ("Vietnamese Prime Minister Tran Van Long held talks with Kenyan President David Kamau in Hanoi on Tuesday. "
     "Vietnam and Kenya signed an agreement on visa exemption for diplomatic passport holders.",
     {"tran van long", "david kamau"}),
]


@pytest.mark.parametrize("text,people", TWICE)
def test_each_subject_once_a_meeting(nlp, text, people):
    doc = analyse("t", text, nlp)
    for ev in doc.events:
        labels = [doc.entities[t.entity].label.casefold() for t in ev.topics]
        assert len(labels) == len(set(labels)), labels
        assert [t.rank for t in ev.topics] == list(range(1, len(ev.topics) + 1))
    assert doc.events and any(ev.topics for ev in doc.events)


def test_once_each_keeps_the_first_of_the_same_words():
    from graph.extract.topic_rank import once_each
    from graph.records import Topic
    labels = {"a": "the memorandum on fisheries", "b": "Memorandum on Fisheries", "c": "fisheries", "d": "trade"}
    got = once_each([Topic(k, i + 1, 0.9) for i, k in enumerate("abcd")], labels.get)
    assert [t.entity for t in got] == ["a", "c", "d"]


# a thing's name the model reads as a person's ("discussed [Tana Hydro]"), said firmly to be the subject, holding no
# post and meeting no one: the subject is kept as a concept
THING_AS_PERSON = [
    ("President Amara Tesfaye of Ethiopia met President Luis Moreno of Chile in Addis Ababa on Monday. The two "
     "leaders discussed Tana Hydro.", "tana hydro"),
    ("Prime Minister Karin Lund of Sweden met President Tomas Varga of Hungary in Budapest on Friday. The talks "
     "focused on Tana Hydro and energy prices.", "tana hydro"),
]


@pytest.mark.parametrize("text,want", THING_AS_PERSON)
def test_a_thing_read_as_a_person_is_a_subject(nlp, text, want):
    got = _meetings(nlp, text)
    assert len(got) == 1 and _has(got[0][1], want)


@pytest.mark.parametrize("text,want", THING_AS_PERSON)
def test_without_the_rule_it_is_lost(nlp, monkeypatch, text, want):
    import graph.extract.topics as topics
    monkeypatch.setattr(topics, "_a_thing_named_as_person", lambda *a: False)
    got = _meetings(nlp, text)
    assert len(got) == 1 and not _has(got[0][1], want)


def test_someone_met_is_not_made_a_subject(nlp):
    """A person the text tells meeting someone is a person, whatever the sentence says of him."""
    text = ("President Amara Tesfaye of Ethiopia met Luis Moreno in Addis Ababa on Monday. The two leaders discussed "
            "trade. The talks focused on Luis Moreno.")
    got = _meetings(nlp, text)
    assert got and not any(_has(topics, "luis moreno") for _, topics in got)
