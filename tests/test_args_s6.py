"""Who met whom across a document (issue 15, sixth round): a country or body met through its delegation, a visit to
a country, and those named in a later sentence as attending the meeting just told. Forms written here, none taken
from an evaluation text."""

from __future__ import annotations

import pytest

from graph.extract.analyse import analyse


def _events(nlp, text: str):
    doc = analyse("t.txt", text, nlp)
    label = {k: e.label for k, e in doc.entities.items()}
    return [(ev, {label[q.entity] for q in ev.participants}) for ev in doc.events]


def _met_with(nlp, text: str, person: str) -> set[str]:
    """Everyone at the (first, own-time) event that `person` is at."""
    for ev, people in _events(nlp, text):
        if person in people and not ev.reported:
            return people
    return set()


@pytest.mark.parametrize("text, guest, land", [
    # a delegation "from" a country, the country written out
    ("President Tomas Varga received on Monday a delegation from Norway led by Minister Ingrid Solberg Dahl. "
     "They discussed fisheries.", "Ingrid Solberg Dahl", "Norway"),
    # a nationality word before "delegation"
    ("Prime Minister Anna Lindqvist held talks with the Brazilian delegation headed by Senator Paulo Ferreira "
     "Lima. Brazil and Sweden signed a memorandum.", "Paulo Ferreira Lima", "Brazil"),
    # "his accompanying delegation" after a guest whose title names his country
    ("President Tomas Varga received the Canadian Minister of Trade, Mr. Robert Ellison, and his accompanying "
     "delegation yesterday. Canada is a partner of Hungary.", "Robert Ellison", "Canada"),
])
def test_a_delegations_country_is_met(nlp, text, guest, land):
    people = _met_with(nlp, text, guest)
    assert land in people, people


def test_the_hosts_own_delegation_is_not_a_counterpart(nlp):
    text = ("Hungarian President Tomas Varga held talks with Chancellor Dieter Kraus in Berlin. The Hungarian "
            "delegation included Foreign Minister Peter Nagy Kovacs. Germany and Hungary agreed to cooperate.")
    people = _met_with(nlp, text, "Dieter Kraus")
    assert "Tomas Varga" in people, people
    assert "Hungary" not in people, people


def test_a_country_only_named_in_a_title_is_not_met(nlp):
    text = ("President Tomas Varga received Ambassador Lena Fischer, who spoke on behalf of the Austrian "
            "Chancellor. Austria and Hungary share a border.")
    people = _met_with(nlp, text, "Lena Fischer")
    assert "Austria" not in people, people


def test_a_visit_to_a_country_has_the_country(nlp):
    text = ("Secretary of State Mark Holloway visited Portugal on Tuesday. In Lisbon he met Prime Minister Rui "
            "Alves Costa.")
    visits = [people for ev, people in _events(nlp, text) if ev.type == "Visit"]
    assert visits and all("Portugal" in p for p in visits), visits


@pytest.mark.parametrize("text, member", [
    # the members of the guest's delegation, in a sentence of their own after the meeting
    ("President Tomas Varga received President Kwame Mensah Boateng of Ghana on Sunday. Members of Boateng's "
     "delegation included Ghana's Minister of Trade, Abena Owusu Darko; and Minister of Energy, Kofi Asante "
     "Mensah.", "Abena Owusu Darko"),
    # the list's verb ends the line the parser gave it: "Present at the talks were | A and B"
    ("Prime Minister Anna Lindqvist met President Kwame Mensah Boateng of Ghana on Sunday. Present at the talks "
     "were Foreign Minister Abena Owusu Darko and Trade Minister Kofi Asante Mensah.", "Abena Owusu Darko"),
    ("Prime Minister Anna Lindqvist met President Kwame Mensah Boateng of Ghana on Sunday. Others present "
     "included Foreign Minister Abena Owusu Darko.", "Abena Owusu Darko"),
    ("Prime Minister Anna Lindqvist met President Kwame Mensah Boateng of Ghana on Sunday. Foreign Minister "
     "Abena Owusu Darko and Trade Minister Kofi Asante Mensah were part of the Ghanaian delegation.",
     "Abena Owusu Darko"),
    ("Prime Minister Anna Lindqvist met President Kwame Mensah Boateng of Ghana on Sunday. Among those at the "
     "meeting were Foreign Minister Abena Owusu Darko and Trade Minister Kofi Asante Mensah.", "Kofi Asante Mensah"),
    ("Prime Minister Anna Lindqvist met President Kwame Mensah Boateng of Ghana on Sunday. The President's "
     "delegation consisted of Foreign Minister Abena Owusu Darko and Trade Minister Kofi Asante Mensah.",
     "Abena Owusu Darko"),
])
def test_a_later_sentence_names_more_of_the_meeting(nlp, text, member):
    people = _met_with(nlp, text, "Kwame Mensah Boateng")
    assert member in people, people


def test_envoys_listed_after_a_clause_each_present_their_credentials(nlp):
    text = ("President Tomas Varga received the credentials of three new ambassadors on Monday. The ambassadors "
            "who presented their credentials were – Ambassador of Chile Rosa Mendez Ortega, Ambassador of Kenya "
            "John Kamau Otieno and Ambassador of Vietnam Tran Van Long.")
    cer = [people for ev, people in _events(nlp, text) if "Tomas Varga" in people and len(people) > 1]
    assert any("John Kamau Otieno" in p for p in cer), cer
    assert not any({"John Kamau Otieno", "Tran Van Long"} <= p for p in cer), cer


def test_a_business_delegation_meets_as_its_companies_not_its_country(nlp):
    text = ("President Tomas Varga received a delegation of business leaders from Chile on Monday. The delegation "
            "included Rosa Mendez Ortega, Chairwoman of Andes Copper Corporation.")
    people = _met_with(nlp, text, "Tomas Varga")
    assert "Chile" not in people, people


def test_both_sides_delegations_make_no_country_a_counterpart(nlp):
    text = ("President Tomas Varga held talks with President Kwame Mensah Boateng on Sunday. The Hungarian "
            "delegation at the talks included Peter Nagy Kovacs. The Ghanaian delegation included Abena Owusu "
            "Darko. Ghana and Hungary agreed to cooperate.")
    people = _met_with(nlp, text, "Kwame Mensah Boateng")
    assert not {"Ghana", "Hungary"} & people, people
