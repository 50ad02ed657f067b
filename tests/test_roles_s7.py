"""Forms of news English that state a post, written here (issue 15, roles, round 7): a post in apposition after a
name is that name's, not the next one's; a body's name and a title across a full stop with no space after it are
two sentences; ranks and honorifics between a title and a name; diplomatic ranks; long
posts "for <region>" closed by a comma; a body's name before a title with its own portfolio; the members of a
delegation "<demonym> delegation, including …". Each on sentences written here, read by `analyse` with the real
model."""

from __future__ import annotations

import pytest

from .test_role_forms_s4 import posts, read


# ---------------------------------------------------------------------------------------------------- apposition

@pytest.mark.parametrize("text, first, second, land", [
    ("At her meeting with Jonas Berg, Prime Minister of Norway, Prime Minister Anna Kask said the pipeline mattered.",
     "Jonas Berg", "Anna Kask", "Norway"),
    ("During talks with Omar Haddad, President of Tunisia, President Luis Abreu raised fishing rights.",
     "Omar Haddad", "Luis Abreu", "Tunisia"),
    ("In a meeting with Piotr Nowak, Foreign Minister of Poland, Foreign Minister Lena Holm discussed energy "
     "prices.", "Piotr Nowak", "Lena Holm", "Poland"),
    ("After speaking with Maria Lopes, Prime Minister of Portugal, Chancellor Karl Weber told reporters the deal was "
     "close.", "Maria Lopes", "Karl Weber", "Portugal"),
])
def test_a_post_in_apposition_after_a_name_is_not_the_next_names(nlp, text, first, second, land):
    doc = read(nlp, text)
    assert any(o == land for _, o in posts(doc, first))
    assert not any(o == land for _, o in posts(doc, second))


@pytest.mark.parametrize("text, name, body", [
    ("Talks were held on the margins of the World Health Assembly.President Maria Sousa stressed vaccine equity.",
     "Maria Sousa", "World Health Assembly"),
    ("The minister spoke at the Council of Europe.Chancellor Karl Weber then left for Berlin.", "Karl Weber",
     "Council of Europe"),
    ("Funds were pledged by the African Development Bank.Prime Minister Jonas Okafor welcomed the pledge.",
     "Jonas Okafor", "African Development Bank"),
])
def test_a_body_before_a_full_stop_with_no_space_is_not_the_next_titles(nlp, text, name, body):
    doc = read(nlp, text)
    assert not any(o == body for _, o in posts(doc, name))


# ---------------------------------------------------------------------------------------------------- styles

@pytest.mark.parametrize("text, name, post", [
    ("The governor held meetings with Chair of the Senate Finance Committee Senator Ana Ruiz; Chair of the House "
     "Budget Committee, Congressman Tom Brady, and others.", "Tom Brady", ("Chair", "House Budget Committee")),
    ("The delegation held talks with Chairman of the Appropriations Committee Congresswoman Maria Lopez on Monday.",
     "Maria Lopez", ("Chairman", "Appropriations Committee")),
    ("She later met Chair of the Ways and Means Committee Congressman Jason Hale; Chair of the Financial Services "
     "Committee, Congressman Peter Doyle.", "Peter Doyle", ("Chair", "Financial Services Committee")),
    ("The premier held meetings with Chair of the House Ways and Means Committee Congressman Jason Hale; Chair of the "
     "House Financial Services Committee, Congressman Patrick Doyle, as well as Attorney General Mark Green.",
     "Jason Hale", ("Chair", "House Ways and Means Committee")),
    ("Trade was discussed with Chairman of the Energy Committee Congressman Dana Whitfield at the Capitol.",
     "Dana Whitfield", ("Chairman", "Energy Committee")),
])
def test_a_style_of_address_between_a_title_and_a_name_keeps_the_post(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


@pytest.mark.parametrize("text, name, post", [
    ("The signing took place in the presence of the Presidents, His Excellency Jomo Mwangi, President of the "
     "Republic of Kenya and His Excellency Dr Amadu Koroma, President of the Republic of Sierra Leone.",
     "Jomo Mwangi", ("President", "Kenya")),
    ("The envoy was received by His Excellency Kwame Asante, Vice President of Ghana, at the Jubilee House.",
     "Kwame Asante", ("Vice President", "Ghana")),
    ("Her Excellency Ana Tavares, Minister of Foreign Affairs of Cabo Verde, opened the session.",
     "Ana Tavares", ("Minister of Foreign Affairs", "Cape Verde")),
])
def test_a_name_after_his_excellency_is_a_person_with_the_post_after_it(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


# ---------------------------------------------------------------------------------------------------- bodies

@pytest.mark.parametrize("text, name, post", [
    ("The President received the World Bank's Regional Vice President for Eastern and Southern Africa, Grace "
     "Otieno, on Monday.", "Grace Otieno", ("Regional Vice President for Eastern and Southern Africa", "World Bank")),
    ("Talks were held with the IMF's Director for the Western Hemisphere, Ana Lopez, in Lima.", "Ana Lopez",
     ("Director for the Western Hemisphere", "IMF")),
    ("The minister welcomed UNICEF's Regional Director for West and Central Africa, Marie Dupont, to Dakar.",
     "Marie Dupont", ("Regional Director for West and Central Africa", "UNICEF")),
    ("The President received the World Bank Managing Director of Operations, Helen Brandt, and her team.",
     "Helen Brandt", ("Managing Director of Operations", "World Bank")),
    ("He met the IMF Deputy Director of Research, Tom Hale, on Friday.", "Tom Hale",
     ("Deputy Director of Research", "IMF")),
    ("The delegation was led by the Asian Development Bank Director General for South Asia, Kenji Sato, who met "
     "the minister.", "Kenji Sato", ("Director General for South Asia", "Asian Development Bank")),
])
def test_a_bodys_name_then_a_title_with_its_reach_before_a_comma(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


def test_a_country_post_in_a_list_of_a_bodys_posts_is_the_bodys(nlp):
    doc = read(nlp, "I received the World Bank Managing Director of Operations, Helen Brandt, the Kenya Country "
                    "Director, Pierre Lamont, and their team.")
    assert ("Country Director", "World Bank") in posts(doc, "Pierre Lamont")


def test_a_country_after_a_titled_name_by_its_whole_official_name(nlp):
    doc = read(nlp, "First Secretary Ana Ruiz of the Federated States of Micronesia attended the signing in "
                    "Washington.")
    assert ("First Secretary", "Micronesia") in posts(doc, "Ana Ruiz")


# ---------------------------------------------------------------------------------------------------- host's country

@pytest.mark.parametrize("text, name, post", [
    ("Prime Minister Ana Lima, who is on a working visit to Washington, held talks with US Secretary of State John "
     "Carter on Tuesday. She was accompanied by Barbados's Ambassador to the United States, Jon Berg.",
     "Ana Lima", ("Prime Minister", "Barbados")),
    ("President Tomas Vidal, on a state visit to Japan, met Japanese Prime Minister Kenji Sato in Tokyo. Uruguay's "
     "Ambassador to Japan, Ana Ruiz, joined the talks.", "Tomas Vidal", ("President", "Uruguay")),
    ("During his official visit to Nairobi, Prime Minister Jonas Berg met Kenyan President William Otieno. He was "
     "accompanied by Norway's Ambassador to Kenya, Ola Lunde.", "Jonas Berg", ("Prime Minister", "Norway")),
    ("President Maria Sousa arrived for a three-day trip to Berlin on Monday and met German Chancellor Karl Weber. "
     "The Ambassador of Portugal to Germany, Rui Costa, also attended the talks.", "Maria Sousa",
     ("President", "Portugal")),
])
def test_the_hosts_own_envoy_where_the_host_visits_tells_the_hosts_country(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


def test_an_envoy_received_at_home_is_still_the_other_side(nlp):
    doc = read(nlp, "President William Otieno received Norway's Ambassador to Kenya, Ola Lunde, at State House in "
                    "Nairobi. Otieno later visited a school.")
    assert ("President", "Kenya") in posts(doc, "William Otieno")


# ---------------------------------------------------------------------------------------------------- delegations

@pytest.mark.parametrize("name, post", [
    ("Ana Soto", ("Premier", "Bermuda")),
    ("Jon Ruiz", ("Finance Minister", "Bermuda")),
    ("Mary Cole", ("House Speaker", "Bermuda")),
])
def test_a_delegation_named_with_its_leader_and_its_members_is_theirs(nlp, name, post):
    doc = read(nlp, "Premier Ana Soto and a Bermudian delegation, including Finance Minister Jon Ruiz and House "
                    "Speaker Mary Cole, are in Barbados on an official visit.")
    assert post in posts(doc, name)


@pytest.mark.parametrize("text, name, post", [
    ("President Luis Abreu led a Chilean delegation to Lima, where he met President Ana Vargas of Peru.",
     "Luis Abreu", ("President", "Chile")),
    ("The Canadian delegation, comprising Trade Minister Mary Ng and Senator Peter Boehm, met officials in Seoul.",
     "Mary Ng", ("Trade Minister", "Canada")),
    ("Premier Tom Ebanks and a Cayman delegation are in Jamaica for talks on border control.", "Tom Ebanks",
     ("Premier", "Cayman Islands")),
])
def test_the_country_of_a_delegation_its_leader_or_members_are_named_with(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


# ---------------------------------------------------------------------------------------------------- country names

@pytest.mark.parametrize("text, name, post", [
    ("Modi also met Prime Minister Rick Houen of Solomon Islands and St. Lucia Prime Minister Allen Chastain.",
     "Allen Chastain", ("Prime Minister", "Saint Lucia")),
    ("St. Kitts and Nevis Prime Minister Terrance Dunn met the delegation in Basseterre on Friday.",
     "Terrance Dunn", ("Prime Minister", "Saint Kitts and Nevis")),
    ("The forum heard St. Lucia's Prime Minister Philip Pierson speak on climate finance.", "Philip Pierson",
     ("Prime Minister", "Saint Lucia")),
])
def test_a_country_name_with_an_abbreviation_or_and_before_a_title(nlp, text, name, post):
    doc = read(nlp, text)
    assert post in posts(doc, name)
    assert "Lucia" not in {e.label for e in doc.entities.values() if e.type == "Person"}


@pytest.mark.parametrize("text, name, post", [
    ("The talks were attended by the Minister Counsellor for Trade at the Embassy of Ghana, Kofi Mensah.",
     "Kofi Mensah", ("Minister Counsellor for Trade", "Embassy of Ghana")),
    ("The meeting was attended by the First Secretary at the Embassy of Peru, Jorge Soto.", "Jorge Soto",
     ("First Secretary", "Embassy of Peru")),
    ("Also present was the Deputy Chief of Mission at the Embassy of Kenya, Jane Wambui, who read a message.",
     "Jane Wambui", ("Deputy Chief of Mission", "Embassy of Kenya")),
])
def test_a_title_held_at_a_body_before_a_comma_and_a_name(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


def test_a_title_at_a_body_after_a_name_and_a_comma_is_that_names(nlp):
    doc = read(nlp, "Ana Soto, Advisor at the Ministry of Energy, Jon Ruiz, Minister of State for Trade, and others "
                    "attended.")
    assert not any(o == "Ministry of Energy" for _, o in posts(doc, "Jon Ruiz"))


# ---------------------------------------------------------------------------------------------------- names

@pytest.mark.parametrize("text, name, title", [
    ("Assistant Secretary for Insular and International Affairs Carmen G. Holt, of the Interior Department, signed "
     "the memorandum.", "Carmen G. Holt", "Assistant Secretary for Insular and International Affairs"),
    ("The accord was signed by Minister for Foreign and Diaspora Affairs Ana Tavares Lima, who thanked the host.",
     "Ana Tavares Lima", "Minister for Foreign and Diaspora Affairs"),
    ("Under Secretary for Political Affairs Jon R. Berg arrived in Geneva on Monday.", "Jon R. Berg",
     "Under Secretary for Political Affairs"),
])
def test_a_name_after_a_long_title_for_some_affairs_is_found_whole(nlp, text, name, title):
    assert any(t == title for t, _ in posts(read(nlp, text), name))
