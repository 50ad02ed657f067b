"""Persons in news from outlets the rules were not fitted on: one-word "persons" the text never introduces as
persons are dropped (graph/extract/lone_names.py). Texts here are invented."""

from __future__ import annotations

import pytest

from graph.extract.analyse import analyse


def _persons(nlp, text):
    return sorted(e.label for e in analyse("t", text, nlp).entities.values() if e.type == "Person")


LONE = [
    # a platform, a policy and small places after a preposition: never after a title or a given name
    ("VELMORA, 4 June 2023 — President Ana Vale met Prime Minister Ben Kor in Velmora on Monday. "
     "The two leaders discussed trade. Vale later wrote on Quibbler that the talks were useful.", "Quibbler"),
    ("Foreign Minister Tomas Lind received Ambassador Rosa Tenn on Tuesday. They spoke about Zarbexit and its "
     "effect on trade between the two countries.", "Zarbexit"),
    ("Prime Minister Ben Kor hosted President Ana Vale in the capital. A new railway will connect Ostrava to "
     "Pellinore and the port of Kallsund.", "Pellinore"),
]


@pytest.mark.parametrize("text, word", LONE)
def test_a_one_word_name_nothing_introduces_is_no_person(nlp, text, word):
    assert word not in _persons(nlp, text)


def test_a_family_name_after_a_title_stays_a_person(nlp):
    text = ("Foreign Minister Tomas Lind received a delegation on Tuesday. Minister Okoro of Talvania was also "
            "there and spoke about trade.")
    assert "Okoro" in _persons(nlp, text)


def test_a_family_name_with_a_verb_of_speech_stays_a_person(nlp):
    text = ("President Ana Vale met Prime Minister Ben Kor on Monday. \"We will build a bridge,\" Okonjo said "
            "after the meeting.")
    assert "Okonjo" in _persons(nlp, text)


def test_a_one_word_participant_stays(nlp):
    text = "VELMORA, 4 June 2023 — President Ana Vale held talks with Okonjo in Velmora on Monday."
    assert "Okonjo" in _persons(nlp, text)


def test_said_before_the_name_keeps_it(nlp):
    text = "President Ana Vale met Prime Minister Ben Kor on Monday. \"We will build a bridge,\" said Delacroix."
    assert "Delacroix" in _persons(nlp, text)
