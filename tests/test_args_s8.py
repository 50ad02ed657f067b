"""Who met whom (issue 15, eighth round): the arguments of events told around the trigger. An envoy's country read
from the words around his name at his ceremony; lists of envoys tied to a group told in sentences of their own;
members named in a sentence after the meeting. Forms written here, none taken from an evaluation text."""

from __future__ import annotations

import pytest

from tests.test_args_s7 import _events, _groups  # the same readers of events and their people


def _with(groups: list[set[str]], name: str) -> list[set[str]]:
    return [g for g in groups if name in g]


# ------------------------------------------------------------------------------ the envoy's country at his ceremony

@pytest.mark.parametrize("text, envoy, land", [
    # "X (Name)" in a list of envoys
    ("President Ilse Marwood received the credentials of Ambassador Tomas Hruby on Monday. The ceremony also saw "
     "credentials presented by new envoys from Norway (Erik Johansen), Peru (Maria Gonzalez) and Chile (Pedro Alvarez).",
     "Erik Johansen", "Norway"),
    ("President Ilse Marwood received the credentials of Ambassador Tomas Hruby on Monday. The ceremony also saw "
     "credentials presented by new envoys from Norway (Erik Johansen), Peru (Maria Gonzalez) and Chile (Pedro Alvarez).",
     "Pedro Alvarez", "Chile"),
    # "<Country>'s new ambassador in <City> Name"
    ("Receiving the credentials of Portugal's new ambassador in Valletta Rui Mendes, President Ilse Marwood said "
     "relations were excellent.", "Rui Mendes", "Portugal"),
    # "Name, the new <Country> Ambassador to <Country>"
    ("President Ilse Marwood accepted the credentials of Jonas Berg, the new Sweden Ambassador to Malta, on "
     "Tuesday.", "Jonas Berg", "Sweden"),
])
def test_envoy_country_read_around_his_name(nlp, text, envoy, land):
    groups = _with(_groups(nlp, text), envoy)
    assert groups and all(land in g for g in groups), groups


def test_envoy_country_not_the_receivers_own(nlp):
    text = ("Maltese President Ilse Marwood received the credentials of Rui Mendes, the new Portuguese Ambassador to "
            "Malta, on Tuesday at the palace.")
    groups = _with(_groups(nlp, text), "Rui Mendes")
    assert groups and all("Malta" not in g for g in groups), groups


def test_envoy_country_not_at_an_ordinary_meeting(nlp):
    # a courtesy call by one ambassador: his country is not met as such (the annotation's convention)
    text = ("President Ilse Marwood on Monday met Rui Mendes, Portugal's ambassador to Malta, to discuss fisheries "
            "and tourism.")
    groups = _with(_groups(nlp, text), "Rui Mendes")
    assert groups and all("Portugal" not in g for g in groups), groups


# ------------------------------------------------------------------ lists of envoys told across sentences of a group

CREDENTIALS_IN_TWO = (
    "President Ilse Marwood on Tuesday received the credentials of seven new ambassadors at the Presidential "
    "Palace.\n\nThe ambassadors include: Erik Johansen from Norway, Maria Gonzalez from Peru, Pedro Alvarez from "
    "Chile and Hans Becker from Austria.\n\nOthers are: Anna Kowalska from Poland, Ivan Petrov from Bulgaria and "
    "Carlos Mendes from Portugal.\n\nMarwood said she looked forward to closer trade ties.")


@pytest.mark.parametrize("envoy, land", [("Erik Johansen", "Norway"), ("Hans Becker", "Austria"),
                                         ("Anna Kowalska", "Poland"), ("Carlos Mendes", "Portugal")])
def test_list_going_on_in_others_are_each_presents_his_own(nlp, envoy, land):
    groups = _groups(nlp, CREDENTIALS_IN_TWO)
    assert {"Ilse Marwood", envoy, land} in groups, groups


def test_list_going_on_no_envoy_with_another(nlp):
    groups = _groups(nlp, CREDENTIALS_IN_TWO)
    envoys = {"Erik Johansen", "Maria Gonzalez", "Pedro Alvarez", "Hans Becker", "Anna Kowalska", "Ivan Petrov",
              "Carlos Mendes"}
    assert not any(len(g & envoys) > 1 for g in groups), groups


GROUP_CALLS = (
    "Six foreign ambassadors on Monday paid courtesy calls on Vice President Daniel Okoro at his offices in the "
    "capital.\n\nThe Vice President discussed trade and investment with the envoys.\n\nThe six ambassadors who paid "
    "the courtesy calls on Okoro were Erik Johansen Ambassador of the Kingdom of Norway, Maria Gonzalez the "
    "Ambassador of the Republic of Peru and Hans Becker Ambassador of the Republic of Austria.\n\nThe envoys also "
    "included Anna Kowalska the Ambassador of the Republic of Poland and Carlos Mendes Ambassador of the Portuguese "
    "Republic.")


@pytest.mark.parametrize("envoy, land", [("Erik Johansen", "Norway"), ("Maria Gonzalez", "Peru"),
                                         ("Hans Becker", "Austria"), ("Anna Kowalska", "Poland")])
def test_group_courtesy_calls_one_call_each_with_his_country(nlp, envoy, land):
    events = _events(nlp, GROUP_CALLS)
    calls = [(ev, g) for ev, g in events if envoy in g]
    assert calls and all(ev.type == "Meeting" and g == {"Daniel Okoro", envoy, land} for ev, g in calls), events


def test_a_sentence_after_the_list_that_tells_something_else_adds_nobody(nlp):
    text = CREDENTIALS_IN_TWO.replace("Others are: Anna Kowalska from Poland, Ivan Petrov from Bulgaria and Carlos "
                                      "Mendes from Portugal.", "Foreign Minister Anna Kowalska was also present.")
    groups = _groups(nlp, text)
    assert not any({"Anna Kowalska", "Erik Johansen"} <= g and "Poland" in g for g in groups), groups
    # she was present at the ceremony: at each envoy's (round 12: who attended a ceremony told for several envoys
    # at once is at each envoy's, the annotation's convention), and no envoy of Poland
    assert {"Ilse Marwood", "Erik Johansen", "Norway", "Anna Kowalska"} in groups, groups
    assert all("Anna Kowalska" in g and "Poland" not in g for g in groups), groups


# --------------------------------------------------------------- members of someone's delegation, in a sentence after

def test_members_of_a_visitors_delegation_at_the_meeting_with_him(nlp):
    text = ("President Helmut Vogel of Austria visited Prime Minister Jan Novak at his residence in Prague on Sunday."
            "\n\nNovak thanked Vogel for the visit and for bringing his delegation during the holiday.\n\n"
            "Members of Vogel's delegation included Austria's Minister of Foreign Affairs, Sabine Wagner; Minister of "
            "Defence, Peter Gruber; and officials of the Foreign Ministry.")
    groups = _groups(nlp, text)
    assert any({"Helmut Vogel", "Jan Novak", "Sabine Wagner", "Peter Gruber"} <= g for g in groups), groups


def test_members_among_a_visitors_delegation_on_his_visit(nlp):
    text = ("Prime Minister Arjun Mehta arrived in Nepal on Monday for a two-day official visit.\n\n"
            "The two prime ministers held talks on trade and signed three agreements.\n\n"
            "Foreign Minister Ravi Kumar, Commerce Adviser Sunil Rao and senior officials of the government are among "
            "PM Mehta's delegation.")
    events = _events(nlp, text)
    visits = [g for ev, g in events if ev.type in ("Visit", "StateVisit") and "Arjun Mehta" in g]
    assert visits and {"Ravi Kumar", "Sunil Rao"} <= visits[0], events


def test_the_hosts_own_delegation_is_not_a_country_met(nlp):
    text = ("Prime Minister Jan Novak received President Helmut Vogel of Austria in Prague on Sunday.\n\n"
            "Vogel thanked Novak for receiving his delegation during the holiday.")
    groups = _groups(nlp, text)
    assert not any({"Jan Novak", "Czech Republic"} <= g and "Helmut Vogel" not in g for g in groups), groups


# ------------------------------------------------------------------ "… attended the meetings": each one of the day

AUDIENCES = ("President Ilse Marwood on Monday met Chancellor Dieter Kraus at the palace.\n\n"
             "Later, President Marwood received the credentials of Ambassador of Norway Erik Johansen, Ambassador of "
             "Peru Maria Gonzalez and Chile's Ambassador Pedro Alvarez.\n\n"
             "Foreign Minister Thomas Keller and Chief of Staff Robert Brandt {verb}.")


@pytest.mark.parametrize("envoy", ["Erik Johansen", "Maria Gonzalez", "Pedro Alvarez"])
def test_attended_the_meetings_each_ceremony_of_the_paragraph(nlp, envoy):
    groups = _groups(nlp, AUDIENCES.format(verb="attended the meetings"))
    assert any({envoy, "Thomas Keller", "Robert Brandt"} <= g for g in groups), groups


def test_attended_the_meetings_not_the_meeting_of_another_paragraph(nlp):
    groups = _groups(nlp, AUDIENCES.format(verb="attended the meetings"))
    assert not any({"Dieter Kraus", "Thomas Keller"} <= g for g in groups), groups


def test_attended_the_meeting_only_the_last(nlp):
    groups = _groups(nlp, AUDIENCES.format(verb="attended the meeting"))
    assert sum("Thomas Keller" in g for g in groups) <= 1, groups


def test_envoys_calling_on_someone_to_act_is_no_call(nlp):
    text = ("Western ambassadors Erik Johansen and Maria Gonzalez called on President Daniel Okoro to release the "
            "detained journalists.\n\nThe ambassadors were Erik Johansen Ambassador of the Kingdom of Norway and Maria "
            "Gonzalez the Ambassador of the Republic of Peru.")
    events = _events(nlp, text)
    assert not any(ev.label.startswith("Courtesy call") for ev, _ in events), events


# ------------------------------------------------------------ "A and B are accompanying X on his visit": X's visit

VISIT_COMPANIONS = ("President Helmut Vogel arrived in Lisbon on Monday for a three-day state visit to Portugal at "
                    "the invitation of President Marcelo Costa.\n\nCosta welcomed Vogel at the airport.\n\n"
                    "Foreign Minister Sabine Wagner and Economy Minister Peter Gruber are accompanying President Vogel "
                    "on his visit to Portugal.")


def test_companions_on_the_visit_of_the_one_they_accompany(nlp):
    events = _events(nlp, VISIT_COMPANIONS)
    visits = [g for ev, g in events if ev.type in ("Visit", "StateVisit") and "Helmut Vogel" in g]
    assert visits and all({"Sabine Wagner", "Peter Gruber"} <= g for g in visits), events


def test_companions_make_no_trip_of_their_own(nlp):
    events = _events(nlp, VISIT_COMPANIONS)
    assert not any(ev.type in ("Visit", "StateVisit") and "Helmut Vogel" not in g for ev, g in events), events


def test_companions_of_a_guest_received_at_the_airport(nlp):
    text = ("King Carlos and Crown Prince Felipe received President Helmut Vogel at the airport on Monday at the start "
            "of his state visit to Spain.\n\nForeign Minister Sabine Wagner, Economy Minister Peter Gruber and a "
            "number of officials are accompanying President Vogel on his visit to Spain.")
    groups = _groups(nlp, text)
    assert any({"Helmut Vogel", "Sabine Wagner", "Peter Gruber"} <= g for g in groups), groups
    assert not any("Sabine Wagner" in g and "Helmut Vogel" not in g for g in groups), groups
