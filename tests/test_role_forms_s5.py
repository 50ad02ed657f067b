"""Forms of news English that state a post, written here (issue 15, roles, round 5): a country abbreviated with
dots ("U.K. Trade Secretary"), a counterpart of a two-word nationality, posts held "to" a country, lists that pair
countries with names, delegations named by their country, a principal's staff by the principal's title, and two
titles joined before one name. Each on sentences written here, read by `analyse` with the real model."""

from __future__ import annotations

from graph import analyse


def read(nlp, text: str):
    return analyse("news.txt", text + "\n", nlp)


def posts(doc, name: str) -> set[tuple[str, str | None]]:
    (ent,) = [e for e in doc.entities.values() if e.type == "Person" and e.label == name]
    return {(r.title, doc.entities[r.org].label if r.org else None) for r in ent.roles}


# ---------------------------------------------------------------------------------------------------- countries

def test_a_country_abbreviated_with_dots_before_a_title_is_the_posts_country(nlp):
    doc = read(nlp, "Talks in Geneva brought together U.K. Trade Secretary Helen Marsh and Peruvian Trade Minister "
                    "Rosa Quispe on Tuesday.")
    assert ("Trade Secretary", "United Kingdom") in posts(doc, "Helen Marsh")


def test_a_counterpart_of_a_two_word_nationality_holds_the_same_post_there(nlp):
    doc = read(nlp, "Canadian Prime Minister Louise Tremblay and her New Zealand counterpart Aroha Ngata spoke by "
                    "phone on Monday about dairy tariffs.")
    assert ("Prime Minister", "New Zealand") in posts(doc, "Aroha Ngata")


def test_a_counterpart_joined_by_and_holds_the_same_post_there(nlp):
    doc = read(nlp, "In Quito, Foreign Minister Ines Salgado and Peruvian counterpart Jorge Huaman signed a border "
                    "accord on Friday.")
    assert ("Foreign Minister", "Peru") in posts(doc, "Jorge Huaman")
