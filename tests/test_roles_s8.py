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
