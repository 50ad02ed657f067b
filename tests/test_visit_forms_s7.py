"""Visits told without a visit verb (issue 15, seventh round): "A and a delegation are in X on an official visit",
"A led a delegation to X"; each on sentences written here, none taken from an evaluation text: the events `analyse`
finds with the real model."""

from __future__ import annotations

from graph import analyse


def visits(text: str, nlp) -> list[set[str]]:
    doc = analyse("news.txt", text, nlp)
    return [{doc.entities[q.entity].label for q in ev.participants} for ev in doc.events if ev.type == "Visit"]


def test_someone_in_a_country_on_a_visit_visits_it_with_those_in_the_delegation(nlp):
    found = visits("Prime Minister Lena Holt and a delegation, including Trade Minister Karl Weber, are in Peru on "
                   "a working visit.\n", nlp)
    assert any({"Lena Holt", "Karl Weber", "Peru"} <= v for v in found)


def test_in_a_country_for_a_visit(nlp):
    assert any({"Carlos Mendes", "Norway"} <= v for v in visits(
        "Foreign Minister Carlos Mendes is in Norway for a two-day official visit.\n", nlp))


def test_leading_a_delegation_to_a_country_is_a_visit_to_it(nlp):
    assert any({"Maria Silva", "Kenya"} <= v for v in visits(
        "Senator Maria Silva led a parliamentary delegation to Kenya from 4 to 7 March.\n", nlp))
    assert any({"Juan Perez", "Ghana"} <= v for v in visits(
        "President Juan Perez headed a business delegation to the Republic of Ghana on Monday.\n", nlp))


def test_no_visit_where_nobody_went_abroad(nlp):
    for text in ("Minister Lena Holt led the delegation in the talks with Peru on Monday.\n",
                 "Minister Lena Holt is in Lima today, a spokesman said.\n"):
        assert visits(text, nlp) == [], text


def test_a_guest_s_trip_told_in_passing_is_never_to_her_own_country(nlp):
    found = visits("LIMA, Chile, 2 May 2022 - The talks took place in the presence of President Maria Silva of Peru, "
                   "who is on a four-day state visit to the South American nation.\n", nlp)
    # since round 9 a trip told in a relative clause about someone other than the sentence's subject is background
    # (no visit event, as the dev gold has it); what must never happen is a visit to her own country
    assert not any("Peru" in v for v in found)  # her own country, named with her
