"""The forms real news uses to give a person's post (issue 15, roles), each on a sentence or two written here: the
title and the country or body it is held in, as `analyse` finds them with the real model."""

from __future__ import annotations

import pytest

from graph import analyse


def posts(nlp, text: str, name: str) -> set[tuple[str, str | None]]:
    doc = analyse("news.txt", text + "\n", nlp)
    (ent,) = [e for e in doc.entities.values() if e.type == "Person" and e.label == name]
    return {(r.title, doc.entities[r.org].label if r.org else None) for r in ent.roles}


@pytest.mark.parametrize("text, name, post", [
    # a portfolio before "Minister" or after "Minister for"
    ("External Affairs Minister Ravi Kumar met the delegation on Monday.", "Ravi Kumar",
     "External Affairs Minister"),
    ("The delegation included Minister for Climate Change Sarah Ahmed.", "Sarah Ahmed", "Minister for Climate Change"),
    ("Omar Al Hashimi, Minister of State for Defence Affairs, attended the talks.", "Omar Al Hashimi",
     "Minister of State for Defence Affairs"),
    # an envoy's posting is part of the title
    ("On Monday, Prime Minister Jonas Berg received the Chinese Ambassador to Norway Li Wei at the Government House.",
     "Li Wei", "Ambassador to Norway"),
])
def test_titles_with_their_portfolio(nlp, text, name, post):
    assert post in {t for t, _ in posts(nlp, text, name)}


@pytest.mark.parametrize("text, name, post", [
    # a possessive country before the title, "interim" kept
    ("President Jonas Berg received Chile's interim President Marta Soto in Oslo on Monday.", "Marta Soto",
     ("Interim President", "Chile")),
    # honorifics between the title and the name (the dateline tells the country of a report filed from home)
    ("Abu Dhabi: President His Highness Sheikh Khalid bin Saud received the Chilean delegation.",
     "Khalid bin Saud", ("President", "United Arab Emirates")),
    # the country after the name
    ("Prime Minister Arun Mehta met President Lena Varga of Hungary in New York.", "Lena Varga",
     ("President", "Hungary")),
    # an apposition with a country before the title
    ("President Marta Soto received Peter Novak, the new Slovak Ambassador to Chile, on Tuesday.", "Peter Novak",
     ("Ambassador to Chile", "Slovakia")),
    # a title the model glued to the country before the name
    ("Sultan of Oman Sultan Faisal bin Omar held talks with the visiting delegation.", "Faisal bin Omar",
     ("Sultan", "Oman")),
])
def test_the_country_of_a_post(nlp, text, name, post):
    assert post in posts(nlp, text, name)


def test_two_titles_joined_by_and_after_a_name(nlp):
    got = posts(nlp, "President Marta Soto received the delegation. The meeting was attended by Sheikh Omar bin "
                     "Rashid, Deputy Prime Minister and Minister of Interior.", "Omar bin Rashid")
    assert {"Deputy Prime Minister", "Minister of Interior"} <= {t for t, _ in got}


def test_a_title_in_a_list_of_appositions_is_not_the_next_names(nlp):
    got = posts(nlp, "The meeting was attended by Sheikh Omar bin Rashid, Minister of Interior, Sheikh Saif bin Ali, "
                     "and other officials.", "Saif bin Ali")
    assert "Minister of Interior" not in {t for t, _ in got}


def test_a_plural_title_heads_a_list_of_names(nlp):
    text = ("President Kemal Aydin received President Omar Haddad in Ankara. The two leaders were accompanied by "
            "their foreign ministers Hakan Demir and Asad Karimi.")
    assert ("Foreign Minister" in {t for t, _ in posts(nlp, text, "Hakan Demir")}
            and "Foreign Minister" in {t for t, _ in posts(nlp, text, "Asad Karimi")})


def test_the_other_sides_country_is_not_the_hosts(nlp):
    text = ("Prime Minister Jonas Berg welcomed the President of Chile, Marta Soto, to Oslo on Monday. The two "
            "leaders discussed fisheries.")
    assert ("Prime Minister", "Chile") not in posts(nlp, text, "Jonas Berg")
    assert ("President", "Chile") in posts(nlp, text, "Marta Soto")


def test_a_country_given_to_the_counterpart_is_not_the_hosts(nlp):
    text = ("Turkey's president on Monday met with his Iranian counterpart Hassan Karimi in Ankara. President Kemal "
            "Aydin received Karimi at the presidential palace, where they discussed Iran and Syria.")
    got = posts(nlp, text, "Kemal Aydin")
    assert ("President", "Turkey") in got and ("President", "Iran") not in got


def test_ministers_named_with_no_country_are_of_the_hosts(nlp):
    text = ("Ghanaian President Kofi Mensah received a delegation of investors on Monday. Minister for Finance Ama "
            "Owusu and Senator Yaw Boateng also attended the meeting.")
    assert ("Minister for Finance", "Ghana") in posts(nlp, text, "Ama Owusu")
    assert ("Senator", "Ghana") in posts(nlp, text, "Yaw Boateng")
