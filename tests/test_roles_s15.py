"""Titles next to names, written here (issue 15, roles, round 15): a learned attachment of the title phrases the
gazetteers' grammar finds near a person the rules gave no title (graph/extract/role_attach.py, model
graph/data/roles.json), and the organisation written right by a title read with none ("NATO's Secretary General
A", "A, Chairman, Nordvik Shipping Company"). Each on sentences written here, read by `analyse` with the real
model."""

from __future__ import annotations

import pytest

from graph.extract import role_attach
from graph.extract.role_attach import shape

from .test_role_forms_s4 import posts, read


# ------------------------------------------------------------------------------------------ learned attachment

@pytest.mark.parametrize("text, name, post", [
    ("President Chipo Banda met President Tendai Moyo in Harare on Wednesday. According to government "
     "spokesperson Farai Chuma, the two leaders discussed trade and energy.", "Farai Chuma", "Government spokesperson"),
    ("Karin Lindqvist hosted Minister Ana Ruiz in Stockholm on Monday.\nMinister Ruiz thanked ambassador "
     "Lindqvist for her warm hospitality.", "Karin Lindqvist", "Ambassador"),
    ("The court barred the president of the country, Jorge Salas, from flying to Chile for the summit, the "
     "foreign ministry said.", "Jorge Salas", "President"),
])
def test_a_title_near_a_name_the_rules_left_is_attached(nlp, text, name, post):
    assert post in {t for t, _ in posts(read(nlp, text), name)}


def test_without_the_model_no_title_is_attached(nlp):
    role_attach.use_model(None)
    try:
        doc = read(nlp, "The court barred the president of the country, Jorge Salas, from flying to Chile for the "
                        "summit, the foreign ministry said.")
    finally:
        role_attach.reset_model()
    assert posts(doc, "Jorge Salas") == set()


def test_the_model_is_packaged():
    model = role_attach.current_model()
    assert model is not None and 0 < model.add < 1 and model.weights


def test_the_shape_of_what_is_between_a_title_and_a_name():
    assert shape(", the ") == ", the"
    assert shape(" Foreign Service ") == "C"
    assert shape(" and his Danish counterpart ") == "and his C w"
    assert shape("") == "_"


# ------------------------------------------------------------------------------------------ an organisation by the title

@pytest.mark.parametrize("text, name, post", [
    ("On 3 May, Kadri Tamm, Estonia's foreign minister, spoke by phone with NATO's "
     "Secretary General Erik Dahl about air policing.", "Erik Dahl",
     ("Secretary General", "NATO")),
    ("Present at the meeting were:\nLena Holm, Chairman, Nordvik Shipping Company\nOscar Dahl, CEO, Baltic Timber "
     "Group", "Lena Holm", ("Chairman", "Nordvik Shipping Company")),
])
def test_an_organisation_written_right_by_the_title_is_its_organisation(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


def test_a_counterparts_title_does_not_bring_the_other_sides_country(nlp):
    doc = read(nlp, "Samoa's Prime Minister Tala Faleolo paid a courtesy visit to his Tongan counterpart Sione Vea "
                    "at the palace in Nuku'alofa this morning.")
    assert ("Prime Minister", "Samoa") not in posts(doc, "Sione Vea")


def test_a_title_told_after_and_belongs_to_the_next_name(nlp):
    doc = read(nlp, "President His Highness Sheikh Harald Lund and US President Mark Olsen held a phone call today "
                    "to discuss regional developments.")
    assert not any(org == "United States" for _, org in posts(doc, "Harald Lund"))


# ------------------------------------------------------------------------------------------ posts the title list lacked

@pytest.mark.parametrize("text, name, post", [
    ("The delegation included its Regional Representative for West Africa, Amina Sow, and two advisers.",
     "Amina Sow", "Regional Representative for West Africa"),
    ("Also attending were the Chief of Protocol, Joao Reis, and two aides.",
     "Joao Reis", "Chief of Protocol"),
    ("Legislator Wu Mei-ling and Counsellor Lin Tao of the Economic Division joined the meeting in Taipei.",
     "Wu Mei-ling", "Legislator"),
    ("Legislator Wu Mei-ling and Counsellor Lin Tao of the Economic Division joined the meeting in Taipei.",
     "Lin Tao", "Counsellor"),
])
def test_a_post_the_title_list_now_knows(nlp, text, name, post):
    assert post in {t for t, _ in posts(read(nlp, text), name)}
