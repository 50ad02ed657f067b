"""Forms of news English that state a post, written here (issue 15, roles, round 8): a body's name before a
lower-case staff title ("Foreign Ministry spokesman A", "Green Party leader B"); items of a list closed by semicolons
("A, Minister of Trade; B, …": the title is A's, not B's); a country told once before two joined titles ("Ruritania's
Deputy Prime Minister and Minister of Foreign Affairs A"). Each on sentences written here, read by `analyse` with the
real model."""

from __future__ import annotations

import pytest

from .test_role_forms_s4 import posts, read


# ---------------------------------------------------------------------------------------------------- staff posts

@pytest.mark.parametrize("text, name, post", [
    ("Finnish Foreign Ministry spokesman Lauri Mattila said the talks would resume in May.", "Lauri Mattila",
     ("Spokesman", "Finnish Foreign Ministry")),
    ("State Department spokeswoman Karen Doyle told reporters the visit had been postponed.", "Karen Doyle",
     ("Spokeswoman", "State Department")),
    ("The envoy also met Green Party leader Tomas Berglund in the afternoon.", "Tomas Berglund",
     ("Leader", "Green Party")),
    ("Nordic Steel chairman Erik Lund joined the delegation on its second day.", "Erik Lund",
     ("Chairman", "Nordic Steel")),
    ("Present were the minister's advisers and Interior Ministry spokesperson Anna Virtanen.", "Anna Virtanen",
     ("Spokesperson", "Interior Ministry")),
])
def test_a_body_before_a_lower_case_staff_title_is_the_posts(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


def test_a_lower_case_title_after_a_word_that_is_no_body_has_no_body(nlp):
    doc = read(nlp, "The minister thanked the spokesman Lauri Mattila for his work.")
    assert all(o is None for _, o in posts(doc, "Lauri Mattila"))


# ---------------------------------------------------------------------------------------------------- semicolons

@pytest.mark.parametrize("text, name, title, other", [
    ("The talks were attended by Karim Haddad, Minister of Trade and Industry; Samir Nasser, Governor of the Central "
     "Bank; and other officials.", "Karim Haddad", "Minister of Trade and Industry", "Samir Nasser"),
    ("Also present were Maria Keller, Minister of Education; Tomas Weber, head of the chancellery.", "Maria Keller",
     "Minister of Education", "Tomas Weber"),
    ("The Chilean side included Rosa Vidal, Minister of Mining; Pedro Soto, Ambassador to Peru.", "Rosa Vidal",
     "Minister of Mining", "Pedro Soto"),
])
def test_a_title_closed_by_a_semicolon_is_the_name_before(nlp, text, name, title, other):
    doc = read(nlp, text)
    assert title in {t for t, _ in posts(doc, name)}
    assert title not in {t for t, _ in posts(doc, other)}


def test_names_and_titles_alternating_with_commas_still_pair_each_name_with_its_own(nlp):
    doc = read(nlp, "The delegation included Pavel Novak, Deputy Minister of Agriculture, Jan Kral, Member of "
                    "Parliament, and Ivan Horak.")
    assert "Deputy Minister of Agriculture" in {t for t, _ in posts(doc, "Pavel Novak")}
    assert "Deputy Minister of Agriculture" not in {t for t, _ in posts(doc, "Jan Kral")}


# ---------------------------------------------------------------------------------------------------- joined titles

@pytest.mark.parametrize("text, name, want", [
    ("The Emir received Oman's Deputy Prime Minister and Minister of Foreign Affairs Sayyid Badr Al Harthi on "
     "Sunday.", "Badr Al Harthi", {("Deputy Prime Minister", "Oman"), ("Minister of Foreign Affairs", "Oman")}),
    ("The King later received Deputy Prime Minister of Bahrain and Minister of Finance Khalid Al Mannai at the "
     "palace.", "Khalid Al Mannai", {("Deputy Prime Minister", "Bahrain"), ("Minister of Finance", "Bahrain")}),
    ("The president received the Ghanaian Health Minister and Minister for Sanitation Kofi Mensah in Lome.",
     "Kofi Mensah", {("Health Minister", "Ghana"), ("Minister for Sanitation", "Ghana")}),
])
def test_a_country_told_once_is_both_joined_titles_country(nlp, text, name, want):
    assert want <= posts(read(nlp, text), name)


@pytest.mark.parametrize("text, name, post", [
    ("Deputy Foreign and Expatriates Minister Omar Khalil handed the envoy a medal.", "Omar Khalil",
     ("Deputy Foreign and Expatriates Minister", None)),
    ("President Ana Lima welcomed Chilean Foreign Affairs and Women's Minister Paula Reyes to Quito.", "Paula Reyes",
     ("Foreign Affairs and Women's Minister", "Chile")),
    ("He met the Kenyan Foreign and Defence Minister Mary Wambui in Nairobi.", "Mary Wambui",
     ("Foreign and Defence Minister", "Kenya")),
])
def test_two_portfolios_joined_before_one_title_are_the_titles(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


@pytest.mark.parametrize("text, first, second", [
    ("The Czech delegation included the deputy foreign and trade ministers Pavel Dvorak and Jana Kralova.",
     ("Pavel Dvorak", ("Deputy Foreign Minister", "Czech Republic")),
     ("Jana Kralova", ("Deputy Trade Minister", "Czech Republic"))),
    ("He later met the Kenyan Foreign and Defence Ministers Mary Wambui and John Otieno.",
     ("Mary Wambui", ("Foreign Minister", "Kenya")), ("John Otieno", ("Defence Minister", "Kenya"))),
])
def test_a_plural_title_over_two_portfolios_gives_each_name_its_own(nlp, text, first, second):
    doc = read(nlp, text)
    for name, post in (first, second):
        assert post in posts(doc, name)


def test_a_name_before_and_is_no_portfolio(nlp):
    doc = read(nlp, "Present were President Ana Lima and Trade Minister Jonas Berg.")
    assert {t for t, _ in posts(doc, "Jonas Berg")} == {"Trade Minister"}


# ---------------------------------------------------------------------------------------------------- other's post

def test_the_same_post_of_another_country_in_a_sentence_with_another_name_is_not_the_hosts(nlp):
    doc = read(nlp, "Prime Minister Olav Berg on Thursday held bilateral talks with several leaders at the summit "
                    "in London.\nSara Lind is set to meet Berg later, their first meeting since the Swedish Prime "
                    "Minister's visit to Oslo last year.")
    assert ("Prime Minister", "Sweden") not in posts(doc, "Olav Berg")


def test_a_post_told_alone_in_another_sentence_is_still_the_holders(nlp):
    doc = read(nlp, "President Kaija Salo opened the forum in Tampere on Monday. The Finnish President said the "
                    "forum would meet every year.")
    assert ("President", "Finland") in posts(doc, "Kaija Salo")


# ---------------------------------------------------------------------------------------------------- styles

@pytest.mark.parametrize("text, name, post", [
    ("The president received the credentials of Kenya's non-resident High Commissioner, Professor Jane Achieng, "
     "on Wednesday.", "Jane Achieng", ("Non-resident High Commissioner", "Kenya")),
    ("Minister of Foreign Affairs and International Cooperation, Professor Samuel Kargbo, signed the memoranda.",
     "Samuel Kargbo", ("Minister of Foreign Affairs and International Cooperation", None)),
    ("The visiting Estonian Prime Minister Kaia Tamm met the president.", "Kaia Tamm", ("Prime Minister", "Estonia")),
])
def test_styles_and_adjectives_between_a_country_a_title_and_a_name(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


# ---------------------------------------------------------------------------------------------------- reach titles

@pytest.mark.parametrize("text, name, post", [
    ("The minister later met the Regional Director for Southern Africa of the International Labour Office, Maria "
     "Santos; the talks covered jobs.", "Maria Santos", ("Regional Director for Southern Africa",
                                                          "International Labour Office")),
    ("The Head of the Czech President's Bureau for Foreign Policy, Tomas Novak, told reporters the talks went well.",
     "Tomas Novak", ("Head", "Czech President's Bureau for Foreign Policy")),
    ("Also present was the Director for Asia of the World Trade Forum, Ambassador Lena Holm, with her staff.",
     "Lena Holm", ("Director for Asia", "World Trade Forum")),
])
def test_a_title_with_its_reach_before_the_body_it_is_held_in(nlp, text, name, post):
    assert post in posts(read(nlp, text), name)


def test_a_title_in_apposition_after_a_name_is_not_the_next_names_body_post(nlp):
    doc = read(nlp, "The audience was attended by Tariq Salim, Minister of the Royal Court Office, Hassan Nabil, "
                    "Secretary-General of the Foreign Ministry.")
    assert not any(o == "Royal Court Office" for _, o in posts(doc, "Hassan Nabil"))


def test_a_country_after_a_body_is_not_part_of_its_name(nlp):
    doc = read(nlp, "The president received the Director of the State Security Service of the Republic of Poland, "
                    "Jan Nowak, on Monday.")
    assert ("Director", "State Security Service") in posts(doc, "Jan Nowak")


# ---------------------------------------------------------------------------------------------------- names

@pytest.mark.parametrize("text, name", [
    ("The premier met European Parliament President Greta van der Berg and Council President Marc Lemaire.",
     "Greta van der Berg"),
    ("The talks with Commission Vice-President Hendrik von der Laan lasted an hour.", "Hendrik von der Laan"),
    ("Brazilian President Ana Paula da Costa arrived in Lisbon on Monday.", "Ana Paula da Costa"),
])
def test_a_name_goes_on_over_its_lower_case_particles(nlp, text, name):
    from .test_role_forms_s4 import persons
    assert name in persons(read(nlp, text))


@pytest.mark.parametrize("text, name, body", [
    ("The two leaders spoke for an hour, Foreign Ministry spokesperson Ravi Menon tweeted.", "Ravi Menon",
     "Foreign Ministry"),
    ("The visit was postponed, Interior Ministry spokeswoman Lina Haddad told reporters.", "Lina Haddad",
     "Interior Ministry"),
])
def test_a_name_after_a_bodys_lower_case_staff_title_is_a_person_with_that_post(nlp, text, name, body):
    doc = read(nlp, text)
    assert any(o == body for _, o in posts(doc, name))


def test_a_staff_title_with_no_name_after_it_makes_no_person(nlp):
    from .test_role_forms_s4 import persons
    doc = read(nlp, "The Foreign Ministry spokesman said on Monday that talks would go on.")
    assert not any("Monday" in p or "Said" in p for p in persons(doc))


def test_a_run_of_honorifics_before_a_name_is_an_alias_too(nlp):
    doc = read(nlp, "Omani Foreign Minister Sheikh Dr Salim Nasser Al-Harthi attended the meeting.")
    (ent,) = [e for e in doc.entities.values() if e.type == "Person"]
    assert "Sheikh Dr Salim Nasser Al-Harthi" in ent.aliases


@pytest.mark.parametrize("text, name, body", [
    ("The delegation held talks with Speaker of the People's Majlis Ahmed Nasheed Rasheed on Tuesday.",
     "Ahmed Nasheed Rasheed", "People's Majlis"),
    ("The minister called on Speaker of the Knesset Yael Cohen during the visit.", "Yael Cohen", "Knesset"),
])
def test_a_parliaments_name_is_a_body_not_part_of_the_next_name(nlp, text, name, body):
    assert ("Speaker", body) in posts(read(nlp, text), name)


def test_a_title_after_a_titled_name_in_a_list_is_the_next_names(nlp):
    doc = read(nlp, "The Minister for Roads, Hon. Efua Mensah, the Director-General of the Kenya Ports Authority, "
                    "Dr. Peter Kamau, and the company's regional director attended the meeting.")
    assert ("Director-General", "Kenya Ports Authority") in posts(doc, "Peter Kamau")


def test_a_country_unknown_to_the_gazetteer_before_and_is_no_portfolio(nlp):
    # "Prime Minister A of Zembla and Prime Minister B": the second post is "Prime Minister", not "Zembla and Prime
    # Minister" (a land the gazetteer does not know is still no portfolio, and "Prime Minister" has none to share)
    doc = read(nlp, "Prime Minister Ana Ruiz of Zembla and Prime Minister Li Wei of Freedonia spoke at the forum on "
                    "Monday.")
    titles = {title for title, _ in posts(doc, "Li Wei")}
    assert titles and all(" and " not in t for t in titles), titles
