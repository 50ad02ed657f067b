"""Forms of news English that state a post, written here (issue 15, roles, round 5): a country abbreviated with
dots ("U.K. Trade Secretary"), a counterpart of a two-word nationality, posts held "to" a country, lists that pair
countries with names, delegations named by their country, a principal's staff by the principal's title, and two
titles joined before one name. Each on sentences written here, read by `analyse` with the real model."""

from __future__ import annotations

from .test_role_forms_s4 import posts, read


# ---------------------------------------------------------------------------------------------------- countries

def test_a_country_abbreviated_with_dots_before_a_title_is_the_posts_country(nlp):
    doc = read(nlp, "Talks in Geneva brought together U.K. Trade Secretary Helen Marsh and Peruvian Trade Minister "
                    "Rosa Quispe on Tuesday.")
    assert ("Trade Secretary", "United Kingdom") in posts(doc, "Helen Marsh")


def test_a_counterpart_of_a_two_word_nationality_holds_the_same_post_there(nlp):
    doc = read(nlp, "Canadian Prime Minister Louise Tremblay and her New Zealand counterpart Aroha Ngata spoke by "
                    "phone on Monday about dairy tariffs.")
    assert ("Prime Minister", "New Zealand") in posts(doc, "Aroha Ngata")


def test_a_counterpart_joined_by_and_holds_the_same_post_there(nlp):
    doc = read(nlp, "In Quito, Foreign Minister Ines Salgado and Peruvian counterpart Jorge Huaman signed a border "
                    "accord on Friday.")
    assert ("Foreign Minister", "Peru") in posts(doc, "Jorge Huaman")


# ---------------------------------------------------------------------------------------------------- delegations

def test_a_delegation_named_by_its_country_gives_that_country_to_its_members_posts(nlp):
    doc = read(nlp, "The two leaders met in Lisbon on Monday. The Chilean delegation at the talks included Trade "
                    "Minister Paula Rojas, Ambassador Diego Fuentes and senior adviser Tomas Vidal.")
    assert ("Trade Minister", "Chile") in posts(doc, "Paula Rojas")
    assert ("Ambassador", "Chile") in posts(doc, "Diego Fuentes")
    assert ("Senior Adviser", "Chile") in posts(doc, "Tomas Vidal")


def test_a_delegation_listed_name_first_gives_the_country_to_the_post_after_each_name(nlp):
    doc = read(nlp, "Prime Minister Lars Dahl received a trade mission on Friday. The Mexican delegation included "
                    "Andres Soto, Deputy Minister of Energy, and Lucia Campos, Member of Parliament.")
    assert ("Deputy Minister of Energy", "Mexico") in posts(doc, "Andres Soto")
    assert ("Member of Parliament", "Mexico") in posts(doc, "Lucia Campos")


def test_a_principals_aide_in_a_countrys_delegation_holds_the_post_there(nlp):
    doc = read(nlp, "The leaders met in Lima. The Brazilian delegation included the president's aide Bruno Tavares "
                    "and Trade Minister Ana Prado.")
    assert ("Aide", "Brazil") in posts(doc, "Bruno Tavares")


def test_a_portfolio_listed_with_commas_stays_one_title(nlp):
    doc = read(nlp, "Kenyan Minister for Water, Sanitation and Irrigation Peter Mwangi opened the dam on Monday.")
    assert ("Minister for Water, Sanitation and Irrigation", "Kenya") in posts(doc, "Peter Mwangi")


# ---------------------------------------------------------------------------------------------------- lists

def test_a_plural_title_over_countries_paired_with_names_gives_each_name_the_country_before_it(nlp):
    doc = read(nlp, "On Monday the president accepted the letters of credence of the ambassadors of Peru, Rosa "
                    "Quispe, Norway, Lars Dahl and Kenya, Peter Mwangi, at the palace.")
    assert ("Ambassador", "Peru") in posts(doc, "Rosa Quispe")
    assert ("Ambassador", "Norway") in posts(doc, "Lars Dahl")
    assert ("Ambassador", "Kenya") in posts(doc, "Peter Mwangi")
    assert ("Ambassador", "Peru") not in posts(doc, "Lars Dahl")


def test_a_nationality_before_a_plural_title_gives_each_listed_name_that_country(nlp):
    doc = read(nlp, "In the morning the minister met the Colombian senators Laura Gomez and Andres Pardo to discuss "
                    "the peace process.")
    assert ("Senator", "Colombia") in posts(doc, "Laura Gomez")
    assert ("Senator", "Colombia") in posts(doc, "Andres Pardo")


# ---------------------------------------------------------------------------------------------------- envoys, staff

def test_a_high_commissioner_to_a_country_is_the_nationalitys_envoy(nlp):
    doc = read(nlp, "Also present were Kenyan High Commissioner to Ghana Ruth Wanjiru and other officials.")
    assert ("High Commissioner to Ghana", "Kenya") in posts(doc, "Ruth Wanjiru")


def test_an_aide_of_a_principal_called_by_post_serves_in_the_principals_country(nlp):
    doc = read(nlp, "Kenyan President Peter Mwangi met Swedish Trade Minister Ingrid Holm in Nairobi. "
                    "The President's Press Secretary Alice Njeri told reporters the talks covered Sweden's wind farms.")
    assert ("Press Secretary", "Kenya") in posts(doc, "Alice Njeri")
    assert ("Press Secretary", "Sweden") not in posts(doc, "Alice Njeri")


# ---------------------------------------------------------------------------------------------------- compound titles

def test_two_titles_joined_before_one_name_are_both_that_persons_posts(nlp):
    doc = read(nlp, "Ghanaian Health Minister and Minister for Sanitation Dr Kofi Mensah opened the clinic.")
    assert ("Health Minister", "Ghana") in posts(doc, "Kofi Mensah")
    assert ("Minister for Sanitation", "Ghana") in posts(doc, "Kofi Mensah")


def test_peers_named_with_their_countries_after_them_hold_the_speakers_post_there(nlp):
    doc = read(nlp, "In Quito, Foreign Minister Ines Salgado met her peers Jorge Huaman of Peru and Lucia Campos "
                    "of Mexico on Friday.")
    assert ("Foreign Minister", "Peru") in posts(doc, "Jorge Huaman")
    assert ("Foreign Minister", "Mexico") in posts(doc, "Lucia Campos")
