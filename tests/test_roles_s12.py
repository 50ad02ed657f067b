"""Forms of news English that settle a post's country, written here (issue 15, roles, round 12): the host's side's
officials keep the host's country although their sentence names another that says nothing of theirs (where someone
goes, an envoy's own country, both sides of a relation); the host's country read from the country envoys are sent to;
a president named with no country where the host is a prime minister; a dateline's place is not the country of the
person its sentence names. Each on sentences written here, read by `analyse` with the real model."""

from __future__ import annotations

import pytest

from .test_role_forms_s4 import posts, read

RECEIVED = "Peruvian President Tomas Varga received Chilean Foreign Minister Ana Rojas in Lima on Monday. "


# ---------------------------------------------------------------------------------------------------- host's side

@pytest.mark.parametrize("text, name, post", [
    # where someone goes is not their country
    ("President Tomas Varga received Chilean Foreign Minister Ana Rojas at the palace in Lima on Monday. Varga told "
     "his guest about Trade Minister Luis Prado's upcoming visit to Chile next month.", "Luis Prado",
     ("Trade Minister", "Peru")),
    (RECEIVED + "Defence Minister Luis Prado briefed the guest on his recent visits to Bolivia and Ecuador.",
     "Luis Prado", ("Defence Minister", "Peru")),
    # an envoy's own country is the envoy's
    ("President Tomas Varga of Peru received the Chilean Foreign Minister Ana Rojas in Lima on Monday. The first "
     "agreement was signed by Trade Minister Luis Prado and Chile's Ambassador to Peru Jorge Soto.", "Luis Prado",
     ("Trade Minister", "Peru")),
    # both sides of a relation
    (RECEIVED + "Presidency Spokesman Luis Prado said Varga stressed the strength of the Peruvian-Chilean partnership.",
     "Luis Prado", ("Presidency Spokesman", "Peru")),  # the whole title written (round 16)
])
def test_a_country_that_says_nothing_of_an_official_leaves_him_the_hosts(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


def test_an_official_named_with_the_other_sides_leader_is_of_the_other_side(nlp):
    doc = read(nlp, RECEIVED + "Later, Chilean President Marco Diaz and Defence Minister Luis Prado spoke with Varga "
                               "by phone.")
    assert ("Defence Minister", "Peru") not in posts(doc, "Luis Prado")


def test_where_the_envoy_goes_still_counts_against_the_hosts_country(nlp):
    # "Indian High Commissioner to Bangladesh" present: the officials listed with him are where he serves
    doc = read(nlp, "Foreign Minister Raj Mehta of India called on Prime Minister Karim Aziz in Dhaka on Sunday. "
                    "Foreign Secretary Salim Khan and Indian High Commissioner to Bangladesh Dev Rao were present.")
    assert ("Foreign Secretary", "India") not in posts(doc, "Salim Khan")


# ---------------------------------------------------------------------------------------------------- host's country

def test_the_country_envoys_are_sent_to_is_the_hosts(nlp):
    doc = read(nlp, "President Tomas Varga on Thursday met the Chilean Ambassador to Peru, Jorge Soto, at the palace. "
                    "The meeting was attended by Peru's Minister of Foreign Affairs, Luis Prado. Varga and Soto "
                    "discussed trade.")
    assert ("President", "Peru") in posts(doc, "Tomas Varga")


# ---------------------------------------------------------------------------------------------------- presidents

def test_a_president_without_a_country_is_the_prime_ministers(nlp):
    doc = read(nlp, "Prime Minister Raj Mehta of India received Prime Minister Karim Aziz of Bangladesh in New Delhi. "
                    "Aziz is also scheduled to meet President Anil Rao in the afternoon.")
    assert ("President", "India") in posts(doc, "Anil Rao")


@pytest.mark.parametrize("text, name", [
    ("King Omar Halim of Jordan received Foreign Minister Karim Aziz of Egypt in Amman. Aziz said President Sami "
     "Fawzi sent his greetings.", "Sami Fawzi"),  # a monarch's country has no president
    ("Chinese President Wei Lan met Swedish Foreign Minister Jan Berg in Beijing on Monday. Berg said President Olof "
     "Lind would visit China next year.", "Olof Lind"),  # the host is the president
])
def test_a_president_is_not_given_the_country_of_a_host_who_cannot_share_it(nlp, text, name):
    doc = read(nlp, text)
    assert not {org for title, org in posts(doc, name) if title == "President"} & {"Jordan", "China"}


# ---------------------------------------------------------------------------------------------------- dateline

def test_the_datelines_place_is_not_the_country_of_the_person_its_sentence_names(nlp):
    doc = read(nlp, "GENEVA, Switzerland - President Tomas Varga met executives of five companies on Tuesday on the "
                    "sidelines of the forum. Varga invited them to invest in the mines of Peru and told them Peru "
                    "welcomes investors.")
    assert posts(doc, "Tomas Varga") == {("President", "Peru")}
