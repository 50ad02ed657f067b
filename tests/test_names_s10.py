"""Persons in news from outlets the rules were not fitted on: "persons" the text never introduces as persons are
dropped (graph/extract/lone_names.py); a name the model typed as an organisation or place, where the text names a
person, is a person (graph/nlp/slot_persons.py). Texts here are invented."""

from __future__ import annotations

import pytest
import spacy

from graph.extract.analyse import analyse
from graph.extract.lone_names import drop_lone_names
from graph.nlp.slot_persons import persons_in_slots
from graph.records import Entity, Mention, Sentence


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


# ---------------------------------------------------------------------------------------------------- slot persons
# A person's name the model typed as an organisation or a place, where the text names a person (slot_persons.py).
# The model's spans are set by hand on a blank pipeline, so each test reads the rule alone.

_BLANK = spacy.blank("en")


def _typed(text, spans):
    """The labels `persons_in_slots` gives the (phrase, label) spans of `text` (each phrase's first occurrence)."""
    doc = _BLANK(text)
    out = []
    for phrase, label in spans:
        start = text.index(phrase)
        out.append(doc.char_span(start, start + len(phrase), label=label))
    return {s.text: s.label_ for s in persons_in_slots(sorted(out, key=lambda s: s.start))}


SLOTS = [
    # after a post set off by a comma
    ("The talks were attended by the Minister of Water Affairs, Tomas Ekwueme and senior officials.", "Tomas Ekwueme"),
    ("Later she met the president of Talvania, Rosa Okafor-Lind and discussed trade.", "Rosa Okafor-Lind"),
    # before a post set off by a comma
    ("The memorandum was signed by Halvard Nkemelu, Co-chair of the joint commission.", "Halvard Nkemelu"),
    ("He received Ibrahim Sow Kante, the president-elect of Talvania, on Monday.", "Ibrahim Sow Kante"),
    # after a title in the plural, and after "<Title> of <Country>"
    ("The accord was signed by the ambassadors Marta Quisbert and Ana Vale.", "Marta Quisbert"),
    ("Present were Prime Minister of Portugal Duarte Vasconcelos and others.", "Duarte Vasconcelos"),
]


@pytest.mark.parametrize("text, name", SLOTS)
def test_a_name_in_a_persons_slot_is_a_person(text, name):
    assert _typed(text, [(name, "ORG")])[name] == "PERSON"


def test_a_name_listed_between_persons_before_a_titled_item_is_a_person():
    text = "Present were Ana Vale, Jorund Halleck, Defence Minister Ben Kor and others."
    assert _typed(text, [("Ana Vale", "PERSON"), ("Jorund Halleck", "ORG"), ("Ben Kor", "PERSON")])[
        "Jorund Halleck"] == "PERSON"


NOT_SLOTS = [
    # an organisation's head word, a place after an article, a list after a person, a title opening a new clause
    ("He met the Minister of Trade, Hanbit Holdings and other firms.", "Hanbit Holdings"),
    ("After the ceremony in the Amber Room, President Vale held talks.", "Amber Room"),
    ("Talks were held with President Ana Vale, Hanbit Steel and the bank.", "Hanbit Steel"),
    ("The ceremony ended at Castle Varn, President Kor said.", "Castle Varn"),
]


@pytest.mark.parametrize("text, name", NOT_SLOTS)
def test_a_name_outside_a_persons_slot_keeps_its_type(text, name):
    spans = [(name, "ORG")] + ([("Ana Vale", "PERSON")] if "Ana Vale" in text else [])
    assert _typed(text, spans)[name] == "ORG"


def test_a_listed_name_in_a_real_text_is_a_person(nlp):
    text = ("TALVOR, 3 May 2024 — President Ana Vale received the ambassadors Simeon Okoth Wanjala and "
            "Teodor Brankovic, who presented their credentials.")
    assert {"Simeon Okoth Wanjala", "Teodor Brankovic"} <= set(_persons(nlp, text))


def _entity(text, name):
    """A person entity with one mention of `name` at its first occurrence in `text` (its sentence the whole text)."""
    start = text.index(name)
    m = Mention(name, "Person", start, start + len(name), Sentence(0, len(text)))
    return Entity("person/" + name.lower().replace(" ", "-"), "Person", name, set(), [m])


def test_a_capitalised_phrase_whose_word_the_text_writes_in_lower_case_is_no_person():
    text = "Ambassador Rosa Tenn paid a courtesy visit on Monday. Courtesy Visit photos were shared on the harvest day."
    ents = {e.key: e for e in (_entity(text, "Courtesy Visit"), _entity(text, "Rosa Tenn"))}
    drop_lone_names(text, ents, [], None)
    assert sorted(e.label for e in ents.values()) == ["Rosa Tenn"]


def test_a_full_name_whose_words_are_no_common_words_stays():
    text = "The delegation included Marta Quisbert. The talks were long."
    ents = {e.key: e for e in (_entity(text, "Marta Quisbert"),)}
    drop_lone_names(text, ents, [], None)
    assert list(ents) == ["person/marta-quisbert"]
