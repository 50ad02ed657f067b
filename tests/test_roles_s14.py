"""Forms of news English that say whose side an official is on, written here (issue 15, roles, round 14): the
country right after a receiving verb ("received the Ruritanian Foreign Minister") is the guest's, never the
receiving host's; a report filed where the text's host is a guest ("ISLAMABAD: Ruritanian Minister A met Prime
Minister B") does not hand the host's country to the others named. Each on sentences written here, read by
`analyse` with the real model."""

from __future__ import annotations

import pytest

from .test_role_forms_s4 import posts, read


# ------------------------------------------------------------------------------- the received side is the guest's

@pytest.mark.parametrize("text, name, post", [
    ("President Marek Talvo hosts Finland's top diplomat\n\nPresident Marek Talvo on Friday received the "
     "Finnish Foreign Minister, Ambassador Ilse Varga, who is in Estonia for two days of talks.\n\nAfter the "
     "talks with President Talvo, the Finnish Foreign Minister told reporters that Finland and Estonia face "
     "similar problems. \"Our energy prices worry us too,\" she said.", "Marek Talvo",
     ("President", "Estonia")),
    ("King Haakon Berg on Monday received Danish Parliament Speaker Mette Lund and an accompanying delegation at the "
     "palace.\n\nKing Berg stressed Denmark's central role in the region and reiterated Norway's support for "
     "Denmark. The King said the cooperation between the two countries would grow.", "Haakon Berg",
     ("King", "Norway")),
])
def test_the_host_does_not_take_the_country_of_those_he_receives(nlp, text, name, post):
    assert posts(read(nlp, text), name) == {post}


def test_a_receiving_verb_in_the_passive_says_nothing_of_the_guest(nlp):
    doc = read(nlp, "Prime Minister Jonas Ruud welcomed the visiting Kenyan Trade Minister Amina Otieno in Oslo on "
                    "Monday. The two discussed fisheries and trade between Kenya and Norway.")
    assert posts(doc, "Amina Otieno") == {("Trade Minister", "Kenya")}
    assert posts(doc, "Jonas Ruud") == {("Prime Minister", "Norway")}


# ------------------------------------------------------------------------- a report filed where the host is a guest

@pytest.mark.parametrize("text, name", [
    ("LIMA: Austrian Minister for Industry and Trade Otto Brenner met with Prime Minister Carlos Vega at the Prime "
     "Minister's Office on Friday.\nThe Austrian minister, conveying greetings from the Austrian leadership, said "
     "the premier's visit to Austria gave momentum to trade ties.\nMinister for Maritime Affairs Ana Soto and the "
     "Austrian ambassador Karl Weiss attended the meeting.", "Ana Soto"),
])
def test_the_hosts_country_is_not_given_where_the_report_is_filed_abroad(nlp, text, name):
    assert not any(org == "Austria" for _, org in posts(read(nlp, text), name))


# ----------------------------------------------------------------------- a visitor's post is not the country visited

@pytest.mark.parametrize("text, name, land", [
    ("President Emil Dragan, who is visiting Bulgaria for the first time, held talks with President Georgi Petrov "
     "at the palace in Sofia.\nPresident Dragan reassured Bulgaria of his support in its bid to join the Schengen "
     "area.", "Emil Dragan", "Bulgaria"),
    ("Prime Minister Ana Ruiz, who is in Peru on a three-day state visit, met President Luis Castro in Lima.\n"
     "Prime Minister Ruiz praised Peru for its reforms.", "Ana Ruiz", "Peru"),
    ("President Omar Said came to Egypt accompanied by a large delegation.\nPresident Said praised Egypt for its "
     "role in the region.", "Omar Said", "Egypt"),
])
def test_a_visitor_does_not_take_the_country_he_visits(nlp, text, name, land):
    assert not any(org == land for _, org in posts(read(nlp, text), name))



# ------------------------------------------------------------- an unnamed post apart from the host's name is another's

@pytest.mark.parametrize("text, name, land", [
    ("President Ivo Markov and his Greek counterpart discuss energy\n\nIn a telephone conversation, President Ivo "
     "Markov and his Greek opposite number Nikos Andreou discussed cooperation in energy.\nPresident Markov renewed "
     "his invitation to the President of Greece to visit this country.", "Ivo Markov", "Greece"),
    ("President Lena Berg spoke by phone with President Tomas Varga.\nPresident Berg thanked the President of "
     "Hungary for his support and invited him to visit.", "Lena Berg", "Hungary"),
])
def test_the_host_does_not_take_an_unnamed_post_told_apart_from_his_name(nlp, text, name, land):
    assert not any(org == land for _, org in posts(read(nlp, text), name))


@pytest.mark.parametrize("text", [
    "President Lena Berg spoke by phone with President Tomas Varga.\nLena Berg, the President of Austria, thanked "
    "him for his support.",
    "Dear President Lena Berg, welcome.\nEnvoys congratulated President Lena Berg on her election as President of "
    "Austria. Dear President Lena Berg, thank you.",
])
def test_the_host_keeps_an_unnamed_post_apposed_to_his_name(nlp, text):
    assert ("President", "Austria") in posts(read(nlp, text), "Lena Berg")
