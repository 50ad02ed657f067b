"""Forms of news English that tell a post's country, written here (issue 15, roles, round 10): where a guest travels
is the country of those who receive him ("The Chilean minister, who arrived in Lisbon, called on Prime Minister B":
B is Portugal's), and a country near a post-holder that is another's ("…, the president-elect of Senegal", "the
Minister for Foreign Affairs of Japan, A", "peers from Chile and Peru", "Chilean parliamentarians"). The first on
sentences written here, read by `analyse` with the real model; the second on the text functions alone."""

from __future__ import annotations

import pytest

from graph.extract.guest_lands import countries_in, land_of, sentences_of
from graph.extract.side_forms import in_others_list, others_group, others_post

from .test_role_forms_s4 import posts, read


# ---------------------------------------------------------------------------------------------------- guests' trips

@pytest.mark.parametrize("text, name, post", [
    # the guest arrives in a city: those he meets are of its country, not of the guest's
    ("Chilean Foreign Minister Tomas Reyes held talks with Minister of Foreign Affairs Ana Sousa on Monday. The "
     "Chilean minister, who arrived in Lisbon on Sunday, also called on Prime Minister Joao Matos.", "Joao Matos",
     ("Prime Minister", "Portugal")),
    ("Chilean Foreign Minister Tomas Reyes held talks with Minister of Foreign Affairs Ana Sousa on Monday. The "
     "Chilean minister, who arrived in Lisbon on Sunday, also called on Prime Minister Joao Matos.", "Ana Sousa",
     ("Minister of Foreign Affairs", "Portugal")),
    # the guest named by his country alone in the holder's sentence
    ("Foreign Minister Ana Sousa welcomed the visiting Chilean Foreign Minister at the airport. During his visit, the "
     "Chilean Foreign Minister also paid a courtesy call on Prime Minister Joao Matos. This is Tomas Reyes's first "
     "visit to Portugal since his appointment as Chile's Foreign Minister.", "Joao Matos",
     ("Prime Minister", "Portugal")),
    # a state visit told apart from the call
    ("Vice President Karin Lund paid a courtesy call on the Japanese Prime Minister Kenji Sato this evening. The "
     "Japanese Prime Minister is currently on a state visit to Norway.", "Karin Lund", ("Vice President", "Norway")),
    # a trip told in the holder's own sentence
    ("Prime Minister Ana Sousa and Chilean President Luis Vidal met in Lisbon. The visit followed a working visit to "
     "Peru, where both President Vidal and his counterpart, President Carla Ruiz, held talks.", "Carla Ruiz",
     ("President", "Peru")),
])
def test_where_a_guest_travels_is_the_receivers_country(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


def test_the_guests_own_people_keep_their_country(nlp):
    doc = read(nlp, "Chilean President Luis Vidal arrived in Lisbon on Monday. He was accompanied by Foreign "
                    "Minister Tomas Dall, who met Prime Minister Joao Matos.")
    assert ("Foreign Minister", "Portugal") not in posts(doc, "Tomas Dall")
    assert ("President", "Chile") in posts(doc, "Luis Vidal")


def test_a_traveller_is_not_of_the_country_he_travels_to(nlp):
    doc = read(nlp, "President Luis Vidal arrived in Portugal on Monday for a two-day state visit. Vidal and Prime "
                    "Minister Joao Matos discussed trade.")
    assert ("President", "Portugal") not in posts(doc, "Luis Vidal")
    assert ("Prime Minister", "Portugal") in posts(doc, "Joao Matos")


@pytest.mark.parametrize("name, post", [("Ana Berg", ("Finance Minister", "Chile")),
                                        ("Tomas Dall", ("Foreign Minister", "Chile"))])
def test_those_accompanying_a_guest_are_of_his_country(nlp, name, post):
    doc = read(nlp, "President Joao Matos received Chilean President Luis Vidal at the palace in Lisbon on Monday. "
                    "Finance Minister Ana Berg, Foreign Minister Tomas Dall and a number of officials are "
                    "accompanying President Vidal on his visit.")
    assert post in posts(doc, name)
    assert ("President", "Portugal") in posts(doc, "Joao Matos")


def test_a_trip_told_with_his_or_her_may_be_the_holders_own(nlp):
    doc = read(nlp, "President Ana Berg said she had met Luis Vidal during her visit to Peru last year.")
    assert ("President", "Peru") not in posts(doc, "Ana Berg")


def test_no_trip_leaves_the_guessed_country(nlp):
    doc = read(nlp, "Prime Minister Ana Sousa met President Luis Vidal of Chile in Lisbon. They discussed trade.")
    assert ("President", "Chile") in posts(doc, "Luis Vidal")
    assert ("Prime Minister", "Chile") not in posts(doc, "Ana Sousa")


@pytest.mark.parametrize("words, land", [("New Delhi on", "India"), ("Norway.", "Norway"), ("the Maldives", "Maldives"),
                                         ("Republic of Peru", "Peru"), ("Tarvik", None)])
def test_the_land_of_a_trip(words, land):
    got = land_of(words)
    assert (got.name if got else None) == land


def test_sentences_and_countries_named():
    text = "The Chilean minister arrived. He met the Peruvian President.\nNew line here."
    assert [text[s.start:s.end] for s in sentences_of(text)] == [
        "The Chilean minister arrived.", "He met the Peruvian President.", "New line here."]
    assert countries_in("The Chilean and Peruvian sides met in South Korea") == {"Chile", "Peru", "South Korea"}


# ---------------------------------------------------------------------------------------------------- another's

def _at(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


@pytest.mark.parametrize("text, holder, other", [
    # a post whose holder is named right after it
    ("Deputy Prime Minister Tomas Dall and visiting Minister for Foreign Affairs of Japan, Sato Kenji, held talks.",
     "Tomas Dall", True),
    # the holder himself named right before his post, or right after it
    ("Tomas Dall, the Minister for Foreign Affairs of Japan, held talks.", "Tomas Dall", False),
    ("The Minister for Foreign Affairs of Japan, Tomas Dall, held talks.", "Tomas Dall", False),
    # the post of no one named next to it: not said to be another's
    ("After his appointment as the 10th Prime Minister of Japan, Dall met the king.", "Dall", False),
])
def test_a_post_named_with_another_holder(text, holder, other):
    start, end = _at(text, "Japan")
    assert others_post(text, start, end, [_at(text, holder)], [_at(text, holder)]) is other


def test_a_post_of_another_person_named_before_it():
    text = "President Ana Berg received Umaro Sene, the president-elect of Senegal, at the palace."
    start, end = _at(text, "Senegal")
    people = [_at(text, "Ana Berg"), _at(text, "Umaro Sene")]
    assert others_post(text, start, end, [_at(text, "Ana Berg")], people)
    assert not others_post(text, start, end, [_at(text, "Umaro Sene")], people)


@pytest.mark.parametrize("text, other", [
    ("President Ana Berg received a guest in the form of Umaro Kali Sene, the president-elect of Senegal.", True),
    ("The talks ended on Monday, the President of Senegal said.", False),
    ("Ana Berg, the President of Senegal, spoke.", False),
])
def test_a_post_of_a_name_the_model_missed(text, other):
    holder = _at(text, "Ana Berg") if "Ana Berg" in text else (0, 0)
    assert others_post(text, *_at(text, "Senegal"), [holder], [holder]) is other


def test_a_person_of_a_country():
    text = "Foreign Minister Ana Berg met Foreign Minister Tomas Dall of Chile and FM @rsoto of Peru."
    people = [_at(text, "Ana Berg"), _at(text, "Tomas Dall")]
    assert others_post(text, *_at(text, "Chile"), [_at(text, "Ana Berg")], people)
    assert others_post(text, *_at(text, "Peru"), [_at(text, "Ana Berg")], people)
    assert not others_post(text, *_at(text, "Chile"), [_at(text, "Tomas Dall")], people)


@pytest.mark.parametrize("text, word, other", [
    ("Ana Berg met her peers from Chile and Peru on Monday.", "Peru", True),
    ("Ana Berg met guests from Chile, Peru and Bolivia.", "Bolivia", True),
    ("They agreed on sanctions against Chile and Peru.", "Peru", True),
    ("Ana Berg of Chile and Tomas Dall of Peru met.", "Peru", False),
    ("According to Chile and Peru, the talks went well.", "Peru", False),
])
def test_a_country_closing_a_list_of_the_other_side(text, word, other):
    assert in_others_list(text, text.index(word)) is other


@pytest.mark.parametrize("text, other", [
    ("He met the Chilean parliamentarians on Friday.", True),
    ("He met the Chilean ministers on Friday.", True),
    ("He met the Chilean minister on Friday.", False),
    ("He met the Chilean press on Friday.", False),
])
def test_a_demonym_before_a_plural_post_is_a_group(text, other):
    assert others_group(text, text.index("Chilean") + len("Chilean")) is other


# ---------------------------------------------------------------------------------------------------- short titles

@pytest.mark.parametrize("text, name, post", [
    ("PM Imran Hadi arrived in Colombo for a two-day official visit on Monday.", "Imran Hadi",
     ("Prime Minister", None)),
    ("Malaysian PM Anwar Salleh met the delegation in the afternoon.", "Anwar Salleh", ("Prime Minister", "Malaysia")),
])
def test_a_post_written_short_is_its_full_title(nlp, text, name, post):
    got = posts(read(nlp, text), name)
    assert post in got and not any(t == "PM" for t, _ in got)


def test_full_title():
    from graph.extract.title_forms import full_title

    assert full_title("PM") == "Prime Minister" and full_title("DPM") == "Deputy Prime Minister"
    assert full_title("Prime Minister") == "Prime Minister" and full_title("Premier") == "Premier"
