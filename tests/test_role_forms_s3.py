"""More forms news uses to give a post away from the name (issue 15, roles): a counterpart's post, a post told in
another sentence than its holder's name, a post on someone's staff. Each on sentences written here, read by
`analyse` with the real model."""

from __future__ import annotations

from graph import analyse


def posts(nlp, text: str, name: str) -> set[tuple[str, str | None]]:
    doc = analyse("news.txt", text + "\n", nlp)
    (ent,) = [e for e in doc.entities.values() if e.type == "Person" and e.label == name]
    return {(r.title, doc.entities[r.org].label if r.org else None) for r in ent.roles}


def test_a_counterpart_bears_the_speakers_title_in_the_demonyms_country(nlp):
    text = ("Defence Minister Tomas Lind of Sweden held talks on Friday with his Polish counterpart Adam Nowak about "
            "air defence.")
    assert ("Defence Minister", "Poland") in posts(nlp, text, "Adam Nowak")


def test_a_counterpart_with_no_demonym_gets_the_title_alone(nlp):
    text = "Foreign Minister Tomas Lind of Sweden spoke by phone with his counterpart, Adam Nowak, on Friday."
    assert ("Foreign Minister", None) in posts(nlp, text, "Adam Nowak")


def test_a_word_before_counterpart_that_names_no_country_gives_nothing(nlp):
    text = "Foreign Minister Tomas Lind of Sweden met his longtime counterpart Adam Nowak in Geneva on Friday."
    # the speaker's title may be read for him (tests/test_roles_s15.py), never a country from "longtime"
    assert all(org is None for _, org in posts(nlp, text, "Adam Nowak"))


def test_a_post_told_in_another_sentence_gives_its_holder_the_country(nlp):
    text = ("President Kaija Salo opened the forum in Tampere on Monday. The Finnish President said the forum would "
            "meet every year.")
    assert ("President", "Finland") in posts(nlp, text, "Kaija Salo")


def test_a_country_premier_is_the_prime_minister_and_not_the_one_who_spoke_of_him(nlp):
    text = ("Prime Minister Omar Farouk met Foreign Minister Lina Haddad on Monday. Prime Minister Ravi Menon sent "
            "greetings. Farouk recalled his talks with the Indian premier in Delhi last year.")
    assert ("Prime Minister", "India") in posts(nlp, text, "Ravi Menon")
    assert ("Prime Minister", "India") not in posts(nlp, text, "Omar Farouk")


def test_a_post_told_after_the_holders_name_with_a_verb(nlp):
    text = ("Foreign Minister Ana Lima of Chile met Foreign Minister Petra Novak in Vienna. Novak was named as "
            "Austria's new foreign minister last month.")
    assert ("Foreign Minister", "Austria") in posts(nlp, text, "Petra Novak")
    assert ("Foreign Minister", "Austria") not in posts(nlp, text, "Ana Lima")


def test_two_holders_and_no_telling_sentence_stay_without_a_country(nlp):
    text = ("President Ana Lima of Chile met President Jon Berg and President Omar Said on Monday. The Austrian "
            "president thanked the hosts.")
    assert ("President", "Austria") not in posts(nlp, text, "Jon Berg")
    assert ("President", "Austria") not in posts(nlp, text, "Omar Said")


def test_a_spokeswoman_of_a_president_serves_the_presidents_country(nlp):
    text = ("Chilean President Marta Soto met the union leaders on Monday, Soto's spokeswoman Elena Ruiz told "
            "reporters.")
    assert ("Spokeswoman", "Chile") in posts(nlp, text, "Elena Ruiz")


def test_a_title_elect(nlp):
    text = "Peru's president-elect Luis Vargas met the outgoing cabinet on Tuesday."
    assert ("President-elect", "Peru") in posts(nlp, text, "Luis Vargas")


def test_the_principal_named_by_surname_before_the_aides_post(nlp):
    text = ("Prime Minister Tariq Nadeem of Pakistan met the governors on Monday. Nadeem's press secretary Bilal "
            "Qureshi said the talks went well.")
    assert ("Press Secretary", "Pakistan") in posts(nlp, text, "Bilal Qureshi")


def test_initials_between_a_title_and_the_name_are_part_of_the_name(nlp):
    text = "He met Finance Minister AMA Muhith and Commerce Minister KM Tofail Ahmed in the capital."
    doc = analyse("news.txt", text + "\n", nlp)
    names = {e.label for e in doc.entities.values() if e.type == "Person"}
    assert {"AMA Muhith", "KM Tofail Ahmed"} <= names


def test_an_ambassador_extraordinary_and_plenipotentiary_is_one_title(nlp):
    text = ("President Dorj Bat received the Ambassador Extraordinary and Plenipotentiary of the Republic of Chile to "
            "Mongolia, Pedro Alvarez Soto.")
    doc = analyse("news.txt", text + "\n", nlp)
    names = {e.label for e in doc.entities.values() if e.type == "Person"}
    assert "Extraordinary" not in names and "Pedro Alvarez Soto" in names


def test_the_head_of_a_countrys_service(nlp):
    text = "President Ana Lima received Head of Norway's Coastal Security Service (CSS) Erik Dahl in Oslo on Monday."
    assert ("Head", "Coastal Security Service") in posts(nlp, text, "Erik Dahl")


def test_a_director_of_a_service_of_a_country_after_a_comma_and_a_rank(nlp):
    text = ("The talks were attended by Director of the Border Guard Service of the Republic of Chile, Major General "
            "Pedro Alvarez Soto.")
    got = posts(nlp, text, "Pedro Alvarez Soto")
    assert any(t == "Director" and org and "Border Guard Service" in org for t, org in got)


def test_what_a_minister_is_of_is_the_portfolio_unless_a_country(nlp):
    text = ("President Ana Lima received a delegation led by the Minister of Coastal Works, Ramon Duarte Pinto, "
            "on Monday.")
    assert "Minister of Coastal Works" in {t for t, _ in posts(nlp, text, "Ramon Duarte Pinto")}


def names(nlp, text: str) -> set[str]:
    doc = analyse("news.txt", text + "\n", nlp)
    return {e.label for e in doc.entities.values() if e.type == "Person"}


def test_names_written_with_a_glued_initial_are_persons_without_a_title(nlp):
    assert {"D.Tsogbadrakh", "N.Enkhtuya"} <= names(nlp, "The president later received D.Tsogbadrakh and "
                                                         "N.Enkhtuya at the State Palace.")


def test_the_last_words_of_a_long_name_stay_in_it(nlp):
    got = names(nlp, "Prime Minister Pham Minh Tuan and Vice President Dang Thi Ngoc Thinh welcomed the guests.")
    assert {"Pham Minh Tuan", "Dang Thi Ngoc Thinh"} <= got


def test_the_president_of_a_long_state_name_before_the_name(nlp):
    text = "Prime Minister Jan Berg received President of the Arab Republic of Egypt Abdel Fattah el-Sisi in Rome.\n"
    assert ("President", "Egypt") in posts(nlp, text, "Abdel Fattah el-Sisi")


def test_a_minister_of_another_country_when_the_hosts_own_holds_that_post(nlp):
    text = ("Foreign Minister Ana Lima of Chile arrived in Lisbon on Monday. Lima met Foreign Minister Rui Costa "
            "and discussed trade between Chile and Portugal. Portugal and Chile signed two agreements, Portugal's "
            "government said.")
    assert ("Foreign Minister", "Portugal") in posts(nlp, text, "Rui Costa")


def test_a_code_read_inside_a_name_leaves_no_id_on_the_person(nlp):
    doc = analyse("news.txt", "State Minister AKM Enamul Hoque Shamim spoke at the opening.\n", nlp)
    assert {e.label for e in doc.entities.values() if e.type == "Person"} == {"AKM Enamul Hoque Shamim"}


def test_a_chief_minister_is_one_title(nlp):
    text = "Prime Minister Tariq Nadeem met Chief Minister Bilal Qureshi in the provincial capital on Monday."
    assert "Chief Minister" in {t for t, _ in posts(nlp, text, "Bilal Qureshi")}
