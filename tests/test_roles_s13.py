"""Forms of news English that state a post, written here (issue 15, roles, round 13): a head of state or government
named with no country, not the text's host, whose sentence names two countries, one of them the other side's
("B, Vice Minister of Ruritania, called on President A … Ruritania's support for Freedonia"): the country left is
the head's; a portfolio before "Cabinet Secretary" and a few posts the lists lacked. Each on sentences written here, read by `analyse` with the real model."""

from __future__ import annotations

import pytest

from .test_role_forms_s4 import posts, read


# ------------------------------------------------------------------------------------------ heads by elimination

@pytest.mark.parametrize("text, name, post", [
    ("Lars Eriksen, the Deputy Minister of Foreign Affairs of Norway, paid a courtesy call on President Ricardo "
     "Alvarez in Santiago on Monday to reaffirm Norway's support for Chile in its energy transition.\n"
     "The talks between Eriksen and Alvarez covered trade and fisheries.", "Ricardo Alvarez", ("President", "Chile")),
    ("Anna Kowalska, State Secretary of Poland, called on Prime Minister Tomas Vidal in Lisbon, where the two "
     "discussed ties between Poland and Portugal.\nVidal thanked Kowalska for the visit.", "Tomas Vidal",
     ("Prime Minister", "Portugal")),
    ("Greek Minister of Energy Nikos Pappas was received by President Zoran Ilic, who spoke of the ties between "
     "Greece and Serbia.\nPappas invited Ilic to Athens.", "Zoran Ilic", ("President", "Serbia")),
    ("Peter Novak, Czech Deputy Foreign Minister, was received by President Elena Marin in Bucharest, where they "
     "spoke of the ties between the Czech Republic and Romania.\nNovak and Marin also discussed energy.",
     "Elena Marin", ("President", "Romania")),
])
def test_a_head_takes_the_country_the_other_side_leaves_in_their_sentence(nlp, text, name, post):
    assert posts(read(nlp, text), name) == {post}


def test_the_guest_keeps_their_own_country(nlp):
    doc = read(nlp, "Lars Eriksen, the Deputy Minister of Foreign Affairs of Norway, paid a courtesy call on "
                    "President Ricardo Alvarez in Santiago on Monday to reaffirm Norway's support for Chile.\n"
                    "The talks between Eriksen and Alvarez covered trade and fisheries.")
    assert posts(doc, "Lars Eriksen") == {("Deputy Minister of Foreign Affairs", "Norway")}


def test_a_head_named_in_passing_takes_no_country_from_the_texts_counts(nlp):
    doc = read(nlp, "Foreign Minister Ahmed Karimi of Egypt met Foreign Minister Luis Ortega of Peru in Lima on "
                    "Friday.\nKarimi and Ortega recalled the visit of President Daniel Reyes to Cairo in 2019 and "
                    "discussed trade between Egypt and Peru.")
    assert posts(doc, "Daniel Reyes") == {("President", None)}


# ------------------------------------------------------------------------------ a portfolio before the title
# "Foreign Affairs Cabinet Secretary A", "Intergovernmental Affairs Minister B", "Governor General C": the whole
# post, not "Cabinet Secretary", "Minister", "Governor"

@pytest.mark.parametrize("text, name, title", [
    ("Intergovernmental Affairs Minister Paul Dubois said the talks with Mexico had gone well.", "Paul Dubois",
     "Intergovernmental Affairs Minister"),
    ("The visitor was received by Foreign Affairs Cabinet Secretary Grace Wanjiru in Nairobi.",
     "Grace Wanjiru", "Foreign Affairs Cabinet Secretary"),
    ("Interior Cabinet Secretary Peter Kamau briefed the visitors.", "Peter Kamau", "Interior Cabinet Secretary"),
    ("Unification Minister Park Min-jun met his counterpart in Kaesong on Friday.", "Park Min-jun",
     "Unification Minister"),
    ("The credentials were presented to Governor General Dame Mary Tuilagi at the official residence.",
     "Mary Tuilagi", "Governor General"),
])
def test_a_portfolio_before_the_title_is_part_of_it(nlp, text, name, title):
    assert {t for t, _ in posts(read(nlp, text), name)} == {title}


def test_a_demonym_before_a_portfolio_title_is_its_country(nlp):
    doc = read(nlp, "Kenyan Foreign Affairs Cabinet Secretary Grace Wanjiru met the Danish envoy in Nairobi.")
    assert posts(doc, "Grace Wanjiru") == {("Foreign Affairs Cabinet Secretary", "Kenya")}


def test_names_in_a_list_keep_their_own_titles(nlp):
    doc = read(nlp, "The meeting was attended by Karl Berg, Foreign Affairs Minister Jan Holm and other officials.")
    assert posts(doc, "Jan Holm") == {("Foreign Affairs Minister", None)}
    assert posts(doc, "Karl Berg") == set()
