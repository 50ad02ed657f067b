"""Forms of news English that state a post, written here (issue 15, roles, round 6): portfolios joined by "and" or
commas, a portfolio the model read as a body, a body's name before a capitalised title, a military rank between a
title and a name, a country's adjective before a lower-case post, a closed apposition after a lower-case post, a
plural title over names with their countries in brackets, a delegation "of <country> officials", and the host's
country told by the city where the host receives. Each on sentences written here, read by `analyse` with the real
model."""

from __future__ import annotations

from .test_role_forms_s4 import posts, read


# ---------------------------------------------------------------------------------------------------- portfolios

def test_two_known_portfolios_joined_by_and_stay_one_title(nlp):
    doc = read(nlp, "The forum was opened by Rafael Ortiz Vega, Minister of Energy and Tourism, who spoke about "
                    "solar parks in the south.")
    assert any(t == "Minister of Energy and Tourism" for t, _ in posts(doc, "Rafael Ortiz Vega"))


def test_a_portfolio_of_affairs_listed_with_commas_stays_one_title(nlp):
    doc = read(nlp, "Talks were held in London with Elizabeth Marsh, Secretary of State for Foreign, Trade and "
                    "Island Affairs of the United Kingdom, on Monday.")
    title = "Secretary of State for Foreign, Trade and Island Affairs"
    assert (title, "United Kingdom") in posts(doc, "Elizabeth Marsh")


def test_a_portfolio_the_model_reads_as_a_body_is_part_of_the_title(nlp):
    doc = read(nlp, "The visitors were received by Secretary of Homeland Security Dana Whitfield at the port.")
    got = posts(doc, "Dana Whitfield")
    assert any(t == "Secretary of Homeland Security" for t, _ in got)
    assert not any(o == "Homeland Security" for _, o in got)


# ---------------------------------------------------------------------------------------------------- bodies

def test_a_bodys_name_before_a_capitalised_title_is_the_posts_body(nlp):
    doc = read(nlp, "Foreign Ministry Spokesperson Lin Weiguo told a briefing on Monday that the talks went well.")
    assert ("Spokesperson", "Foreign Ministry") in posts(doc, "Lin Weiguo")


# ---------------------------------------------------------------------------------------------------- names

def test_a_military_rank_between_a_title_and_a_name_keeps_the_title(nlp):
    doc = read(nlp, "On Friday the envoy paid a courtesy call on Prime Minister General Somchai Rattanakorn at "
                    "the Government House.")
    assert any(t == "Prime Minister" for t, _ in posts(doc, "Somchai Rattanakorn"))


def test_an_adjective_between_a_possessive_country_and_a_lower_case_post(nlp):
    doc = read(nlp, "Norway's outgoing defence minister Ivar Lunde met Danish officials in Oslo on Tuesday.")
    assert ("Defence Minister", "Norway") in posts(doc, "Ivar Lunde")


def test_a_lower_case_post_in_a_closed_apposition_is_the_names(nlp):
    doc = read(nlp, "Ten years ago the delegation also held talks with the then Polish head of state, Marek Zielny.")
    assert ("Head of State", "Poland") in posts(doc, "Marek Zielny")


# ---------------------------------------------------------------------------------------------------- lists

def test_a_plural_title_over_names_with_their_countries_in_brackets(nlp):
    doc = read(nlp, "On the sidelines, President Amara Diallo met Presidents John Mensah (Ghana), Moussa Diarra "
                    "(Mali) and Paul Ndongo (Cameroon).")
    assert ("President", "Mali") in posts(doc, "Moussa Diarra")
    assert ("President", "Cameroon") in posts(doc, "Paul Ndongo")


def test_a_delegation_of_country_officials_led_by_a_list_gives_each_the_country(nlp):
    doc = read(nlp, "The president received a delegation of senior U.S. officials led by Secretary of State Mark "
                    "Ellison and Secretary of Commerce Jane Whitlow.")
    assert ("Secretary of State", "United States") in posts(doc, "Mark Ellison")
    assert ("Secretary of Commerce", "United States") in posts(doc, "Jane Whitlow")


# ---------------------------------------------------------------------------------------------------- host

def test_the_city_where_the_host_receives_tells_the_hosts_country(nlp):
    doc = read(nlp, "President Amara Diallo received Foreign Minister Jonas Berg of Norway at the presidential "
                    "palace in Dakar on Tuesday. The two men discussed fisheries and port investment.")
    assert ("President", "Senegal") in posts(doc, "Amara Diallo")


def test_a_country_after_a_city_says_where_not_whose_post(nlp):
    doc = read(nlp, "Foreign Minister Ana Lima of Chile met Jon Ruiz in Santiago on Monday. She passed on the good "
                    "wishes of President Tomas Berg, who is receiving medical care in Paris, France.")
    assert ("President", "France") not in posts(doc, "Tomas Berg")


def test_an_envoy_of_the_long_name_of_a_republic_is_its_countrys(nlp):
    doc = read(nlp, "The envoys who presented credentials were Ambassador of the Republic of Equatorial Guinea Manuel "
                    "Obiang Nsue and Ambassador of France Luc Perrin.")
    assert ("Ambassador", "Equatorial Guinea") in posts(doc, "Manuel Obiang Nsue")


def test_its_before_a_title_points_to_the_body_named_before(nlp):
    doc = read(nlp, "The president also received a delegation from the Andean Parliament, led by its President Jorge "
                    "Quispe Mamani.")
    assert ("President", "Andean Parliament") in posts(doc, "Jorge Quispe Mamani")


def test_a_country_before_a_list_of_titled_names_split_by_semicolons(nlp):
    doc = read(nlp, "President Tomas Berg received the visitors on Sunday. Members of President Ana Duarte's "
                    "delegation included Peru's Minister of Foreign Affairs, Eva Soto; Minister of Energy, Karl "
                    "Quispe; and officials of the Foreign Ministry.")
    assert ("Minister of Energy", "Peru") in posts(doc, "Karl Quispe")


# ---------------------------------------------------------------------------------------------------- posts

def test_a_demonym_before_lower_case_leader_is_the_leaders_country(nlp):
    doc = read(nlp, "The minister said that Chilean leader Marta Fuentes would attend the summit in May.")
    assert ("Leader", "Chile") in posts(doc, "Marta Fuentes")


def test_a_counterpart_of_a_post_named_without_a_name(nlp):
    doc = read(nlp, "Talks ended on Monday. Last night, the Prime Minister and his Peruvian counterpart Jan Kowal had "
                    "a short encounter before dinner.")
    assert ("Prime Minister", "Peru") in posts(doc, "Jan Kowal")


def test_an_envoy_in_a_city_holds_the_post_of_the_country_before(nlp):
    doc = read(nlp, "Receiving the credentials of Chile's new ambassador in Vienna, Andres Soto, the president spoke "
                    "of trade.")
    assert ("Ambassador", "Chile") in posts(doc, "Andres Soto")


def test_two_posts_joined_after_a_possessive_country_are_both_that_countrys(nlp):
    doc = read(nlp, "Peruvian Prime Minister Ana Lopez paid a visit to Bangkok on Friday. The visit was attended by "
                    "King Rama Somchai and Queen Malee Suwan. Lopez spoke with Thailand's king and queen in Spanish.")
    assert ("Queen", "Thailand") in posts(doc, "Malee Suwan")
