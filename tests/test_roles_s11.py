"""Forms of news English that state a post, written here (issue 15, roles, round 11): a country's name that runs on
into the holder's honorifics or name ("the Ambassador of Chile H.E Jan Kowal"); a title printed with two spaces
("Prime  Minister"); every member of a delegation's list serves its country ("The Chilean delegation includes …");
a post held before ("former Peruvian President A"). Each on sentences written here, read by `analyse` with the real
model."""

from __future__ import annotations

import pytest

from graph.text.alternation import alternation

from .test_role_forms_s4 import posts, read


# ---------------------------------------------------------------------------------------------------- org bounds

@pytest.mark.parametrize("text, name, post", [
    ("On Thursday morning the Ambassador of the Czech Republic H.E Pavel Horak will present his letters.",
     "Pavel Horak", ("Ambassador", "Czech Republic")),
    ("The ceremony went on with the Ambassador of Thailand Her Exellency Malee Suksan.", "Malee Suksan",
     ("Ambassador", "Thailand")),
    ("The Emir held talks with President of the United States of America HE President Jack Dalton at the palace.",
     "Jack Dalton", ("President", "United States")),
])
def test_a_country_that_runs_into_the_holders_name_is_the_country(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


def test_a_body_named_after_its_country_stays_the_body(nlp):
    doc = read(nlp, "He met Chairman of the Thailand Board of Investment Somchai Dee in Bangkok.")
    assert ("Chairman", "Thailand") not in posts(doc, "Somchai Dee")


# ---------------------------------------------------------------------------------------------------- spaces

def test_a_title_alternation_takes_a_run_of_spaces_between_words():
    import re
    rx = re.compile(alternation(["Prime Minister", "Minister"]))
    assert rx.match("Prime  Minister").group(0) == "Prime  Minister"
    assert rx.match("Prime Minister").group(0) == "Prime Minister"


def test_a_title_printed_with_two_spaces_is_the_whole_title(nlp):
    doc = read(nlp, "Prime  Minister Jan Kowal of Laos and his Vietnamese counterpart Tran Van Ba agreed to work "
                    "together.")
    assert ("Prime Minister", "Laos") in posts(doc, "Jan Kowal")


# ---------------------------------------------------------------------------------------------------- delegations

@pytest.mark.parametrize("text, name, post", [
    ("Chilean government officials, who accompanied the president during the visit are Minister of Health Jan Berg, "
     "Minister of Finance Ana Lima, and Deputy Foreign Minister Olga Kant.", "Olga Kant",
     ("Deputy Foreign Minister", "Chile")),
    ("Chilean government officials, who accompanied the president during the visit are Minister of Health Jan Berg, "
     "Minister of Finance Ana Lima, and Deputy Foreign Minister Olga Kant.", "Ana Lima", ("Minister of Finance", "Chile")),
    ("The Norwegian delegation includes First Deputy Prime Minister Ola Rud, deputy prime ministers Kari Holm, Per "
     "Lie, Defense Minister Nils Aas, Transport Minister Siri Dahl, and presidential aides Ivar Moe and Liv Ness.",
     "Ivar Moe", ("Aide", "Norway")),
    ("The Norwegian delegation includes First Deputy Prime Minister Ola Rud, deputy prime ministers Kari Holm, Per "
     "Lie, Defense Minister Nils Aas, Transport Minister Siri Dahl, and presidential aides Ivar Moe and Liv Ness.",
     "Siri Dahl", ("Transport Minister", "Norway")),
    ("The Peruvian delegation included Jorge Salas, Deputy Minister of Agriculture, and Ambassador Rosa Vela.",
     "Jorge Salas", ("Deputy Minister of Agriculture", "Peru")),
    ("The Kenyan delegation at the meeting includes Foreign Minister Amina Wanjiru and Finance Minister Peter Otieno.",
     "Peter Otieno", ("Finance Minister", "Kenya")),
])
def test_each_member_of_a_delegations_list_serves_its_country(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


def test_a_list_that_turns_to_the_other_delegation_gives_its_country(nlp):
    doc = read(nlp, "The Chilean delegation included Minister of Mining Jan Berg and met the Peruvian delegation, which "
                    "included Minister of Energy Tom Vance and Trade Minister Ana Vidal.")
    assert ("Minister of Energy", "Peru") in posts(doc, "Tom Vance")
    assert ("Minister of Energy", "Chile") not in posts(doc, "Tom Vance")


# ---------------------------------------------------------------------------------------------------- former

@pytest.mark.parametrize("text, name, post", [
    ("President Jan Kowal has praised former Liberian President Mary Doe, who paid him a courtesy visit.", "Mary Doe",
     ("Former President", "Liberia")),
    ("Then the minister visited former President Tomas Ruiz's office with Senator Ana Ruiz.", "Tomas Ruiz",
     ("Former President", None)),
    ("Former President Ivo Lenk of Chile met President Ana Cortes in Lima.", "Ivo Lenk", ("Former President", "Chile")),
])
def test_a_post_held_before_is_the_former_post(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


def test_a_post_held_now_is_not_former(nlp):
    doc = read(nlp, "Former President Ivo Lenk of Chile met President Ana Cortes in Lima.")
    assert all(not t.startswith("Former") for t, _ in posts(doc, "Ana Cortes"))


# ---------------------------------------------------------------------------------------------------- unread names

def test_a_hosts_country_the_model_read_as_no_place_still_counts(nlp):
    doc = read(nlp, "Spain has been the firmest partner of Cyprus in all fields, President Andreas Petrou said on "
                    "Friday. Receiving the credentials of Spain's new ambassador in Nicosia Luis Ortega, Petrou said "
                    "cooperation between the two countries was growing. He said Cyprus is ready to host the summit. "
                    "Ortega said a solution to the Cyprus problem remained a priority. Petrou also received the "
                    "credentials of the new ambassadors of Brazil, Germany and Ireland.")
    assert ("President", "Cyprus") in posts(doc, "Andreas Petrou")
    assert ("Ambassador", "Spain") in posts(doc, "Luis Ortega")


def test_a_short_name_in_brackets_after_the_country_keeps_the_country(nlp):
    doc = read(nlp, "President Jan Kowal on Thursday met with the United States of America (USA) Ambassador to "
                    "Uganda, Tom Reed at State House.")
    assert ("Ambassador to Uganda", "United States") in posts(doc, "Tom Reed")


# ---------------------------------------------------------------------------------------------------- words of posts

@pytest.mark.parametrize("text, name, post", [
    ("Manpower Minister Ida Sari and Labour CS Tom Mutai attended the meeting, with Livestock PS Jane Wambui.",
     "Ida Sari", ("Manpower Minister", None)),
    ("Manpower Minister Ida Sari and Labour CS Tom Mutai attended the meeting, with Livestock PS Jane Wambui.",
     "Tom Mutai", ("Labour CS", None)),
    ("Manpower Minister Ida Sari and Labour CS Tom Mutai attended the meeting, with Livestock PS Jane Wambui.",
     "Jane Wambui", ("Livestock PS", None)),
    ("The signing was performed by the Nigerian Minister of State for Foreign Affairs, Musa Bello and the Sudanese "
     "State Minister for Foreign Affairs, Omar Halid.", "Omar Halid", ("State Minister for Foreign Affairs", "Sudan")),
    ("PM's Ambassador-at-Large Tom Reed was present.", "Tom Reed", ("Ambassador-at-Large", None)),
])
def test_a_portfolio_or_post_the_lists_now_know_is_part_of_the_title(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


TWO_DELEGATIONS = ("Prime Minister Kamla Persaud of Trinidad and Tobago met with Prime Minister Ana Lopez of Barbados "
                   "for bilateral talks on Monday. The meeting was attended by the delegation of Barbados which was "
                   "led by PM Ana Lopez and the delegation of Trinidad and Tobago including Minister of Utility Tom "
                   "Reed, Deputy Prime Minister Jan Kowal and Minister of Tourism Olga Berg.")


@pytest.mark.parametrize("name, post", [("Tom Reed", ("Minister of Utility", "Trinidad and Tobago")),
                                        ("Jan Kowal", ("Deputy Prime Minister", "Trinidad and Tobago")),
                                        ("Olga Berg", ("Minister of Tourism", "Trinidad and Tobago"))])
def test_a_delegation_of_a_country_named_with_and_gives_its_country_to_its_list(nlp, name, post):
    assert post in posts(read(nlp, TWO_DELEGATIONS), name)


def test_where_the_hosts_side_is_a_delegation_too_no_country_is_met(nlp):
    doc = read(nlp, TWO_DELEGATIONS)
    met = {doc.entities[p.entity].type for ev in doc.events for p in ev.participants}
    assert doc.events and "Country" not in met
