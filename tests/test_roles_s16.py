"""Posts as news writes them, round 16 (issue 15, roles): the whole title phrase written by a name is stored, not only
its known core (graph/extract/title_extend.py), and each post's organisation is chosen again by a learned model over
the text's countries and organisations (graph/extract/role_orgs.py, model graph/data/role_orgs.json). Sentences
written here, read by `analyse` with the real model."""

from __future__ import annotations

import pytest

from graph.extract import role_orgs
from graph.extract.learned import Model

from .test_role_forms_s4 import posts, read


def titles(doc, name: str) -> set[str]:
    return {t for t, _ in posts(doc, name)}


# ------------------------------------------------------------------------------------------ whole title phrases

@pytest.mark.parametrize("text, name, title", [
    ("Governor Alma Brink received a delegation led by Senior Development Advisor Mara Kosta in Lakeshire on Tuesday.",
     "Mara Kosta", "Senior Development Advisor"),
    ("The Minister of Fisheries, Forestry and Rural Development, Pavel Drogan, met Ambassador Lina Osk at the "
     "ministry on Friday.", "Pavel Drogan", "Minister of Fisheries, Forestry and Rural Development"),
    ("Foreign and Diaspora Affairs Cabinet Secretary Amina Odera received the visiting trade delegation on Monday.",
     "Amina Odera", "Foreign and Diaspora Affairs Cabinet Secretary"),
    ("Present at the meeting were Principal Secretary for Foreign Affairs, Tomas Brel; Resident Ambassador Ivo Lend "
     "and Special Assistant Nora Vik.", "Ivo Lend", "Resident Ambassador"),
    ("Present at the meeting were Principal Secretary for Foreign Affairs, Tomas Brel; Resident Ambassador Ivo Lend "
     "and Special Assistant Nora Vik.", "Tomas Brel", "Principal Secretary for Foreign Affairs"),
    ("The talks were chaired by acting Prime Minister Oskar Lind, who welcomed the guests from Norway.",
     "Oskar Lind", "Acting Prime Minister"),
])
def test_the_whole_title_written_by_the_name_is_stored(nlp, text, name, title):
    assert title in titles(read(nlp, text), name)


def test_another_name_is_not_taken_into_a_title(nlp):
    doc = read(nlp, "Foreign Minister Ana Ruiz and Defence Minister Pedro Gil met the Chilean delegation in Lima.")
    assert titles(doc, "Pedro Gil") == {"Defence Minister"}
    assert titles(doc, "Ana Ruiz") == {"Foreign Minister"}


def test_a_country_before_the_title_stays_the_organisation(nlp):
    doc = read(nlp, "Kenyan President Anton Vell received the new ambassador of Peru, Lina Osk, in Nairobi on Monday.")
    assert ("President", "Kenya") in posts(doc, "Anton Vell")


def test_a_portfolio_ends_where_the_country_begins(nlp):
    doc = read(nlp, "Minister of Mining and Heavy Industry of Mongolia Bat Erdene met the investors on Friday.")
    assert {t for t in titles(doc, "Bat Erdene") if "Mongolia" in t} == set()


# ------------------------------------------------------------------------------------------ organisations chosen again

TEXT = ("Nairobi: President Anton Vell received the new ambassador of Peru, Lina Osk, at State House on Monday. "
        "Kenya and Peru agreed to expand trade.")


def _read_with(nlp, model):
    role_orgs.use_model(model)
    try:
        return read(nlp, TEXT)
    finally:
        role_orgs.reset_model()


def test_a_model_sure_of_no_organisation_takes_the_rules_one_away(nlp):
    assert any(org for _, org in posts(_read_with(nlp, None), "Anton Vell"))  # the rules give one
    sure_none = Model({"none": 5.0}, -2.0, 0.0)
    assert all(org is None for _, org in posts(_read_with(nlp, sure_none), "Anton Vell"))


def test_a_model_unsure_of_its_choice_leaves_the_rules_one(nlp):
    rules = posts(_read_with(nlp, None), "Anton Vell")
    flat = Model({}, 0.0, 0.0)  # every candidate equally likely: nothing is surer than the rules' choice
    assert posts(_read_with(nlp, flat), "Anton Vell") == rules


def test_the_features_say_how_a_country_is_written_by_the_name(nlp):
    seen = []
    role_orgs.RECORDER = lambda person, title, cand, feats: seen.append((person.label, cand and cand.label, feats))
    try:
        read(nlp, "Kenyan President Anton Vell met Ambassador Lina Osk of Peru in Nairobi on Monday.")
    finally:
        role_orgs.RECORDER = None
    kenya = [f for who, c, f in seen if who == "Anton Vell" and c == "Kenya"]
    assert kenya and any(x.startswith("gap=before") for x in kenya[0])
    assert any(c is None for who, c, _ in seen if who == "Anton Vell")
