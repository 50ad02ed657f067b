"""Who met whom (issue 15, seventh round): envoys named by nationality alone, lists of names under an event noun,
and the companions of a visit. Forms written here, none taken from an evaluation text."""

from __future__ import annotations

import pytest

from graph.extract.analyse import analyse
from graph.extract.envoys import unnamed_envoys


def _events(nlp, text: str):
    doc = analyse("t.txt", text, nlp)
    label = {k: e.label for k, e in doc.entities.items()}
    return [(ev, {label[q.entity] for q in ev.participants}) for ev in doc.events]


def _groups(nlp, text: str) -> list[set[str]]:
    return [people for _, people in _events(nlp, text)]


# ---------------------------------------------------------------------------------------------- unnamed envoys

@pytest.mark.parametrize("text, want", [
    ("the new Danish, Chilean and Kenyan ambassadors presented", [("Denmark", "ambassador"), ("Chile", "ambassador"),
                                                                  ("Kenya", "ambassador")]),
    ("On Friday the incoming Peruvian envoy", [("Peru", "envoy")]),
    ("the South African and New Zealand High Commissioners", [("South Africa", "high commissioner"),
                                                              ("New Zealand", "high commissioner")]),
    ("talks with the U.S. chargé d'affaires", [("United States", "chargé d'affaires")]),
    ("In talks with the Ghanaian high commissioner, Minister Omar Velde", [("Ghana", "high commissioner")]),
    # named, someone's thing, or no nationality: nobody unnamed
    ("met Swedish Ambassador Karl Nyberg", []),
    ("the Swedish ambassador, Mr. Karl Nyberg, said", []),
    ("praised the Swedish ambassador's work", []),
    ("the Foreign Minister and the ambassador", []),
])
def test_unnamed_envoys_by_nationality(text, want):
    assert unnamed_envoys(text) == want


@pytest.mark.parametrize("text, host, lands", [
    ("The new Peruvian and Norwegian envoys handed their letters of credence to President Ilse Marwood on "
     "Wednesday.", "Ilse Marwood", ["Peru", "Norway"]),
    ("Foreign Minister Lara Quint on Monday received the credentials of the new Danish, Chilean and Kenyan "
     "ambassadors.", "Lara Quint", ["Denmark", "Chile", "Kenya"]),
    ("Foreign Minister Lara Quint welcomed Chancellor Dieter Kraus on Monday.\n\nTALLINN - In separate ceremonies "
     "the incoming Greek, Polish and Portuguese ambassadors submitted copies of their credentials to Foreign Minister "
     "Lara Quint.", "Lara Quint", ["Greece", "Poland", "Portugal"]),
])
def test_credentials_of_unnamed_envoys_one_ceremony_per_country(nlp, text, host, lands):
    groups = _groups(nlp, text)
    for land in lands:
        assert {host, land} in groups, groups
    assert not any(len(g & set(lands)) > 1 for g in groups), groups


@pytest.mark.parametrize("text, who, land", [
    ("President Ilse Marwood held a meeting with the Swedish ambassador on Monday to discuss trade.",
     "Ilse Marwood", "Sweden"),
    ("In talks with the Ghanaian high commissioner, Foreign Minister Lara Quint stressed cooperation in farming.",
     "Lara Quint", "Ghana"),
    ("Lara Quint, the Foreign Minister, received the Japanese ambassador at the ministry.", "Lara Quint", "Japan"),
])
def test_a_meeting_with_an_unnamed_envoy_is_with_his_country(nlp, text, who, land):
    assert any({who, land} <= g for g in _groups(nlp, text)), _groups(nlp, text)


def test_an_envoy_named_elsewhere_in_the_text_is_that_person(nlp):
    text = ("President Ilse Marwood welcomed the Brazilian ambassador at the palace on Tuesday.\n\n"
            "Paulo Ferreira Lima, the new Brazilian Ambassador to Estonia, presented his credentials.")
    groups = _groups(nlp, text)
    assert any({"Ilse Marwood", "Paulo Ferreira Lima"} <= g for g in groups), groups
    assert not any("Brazil" in g for g in groups), groups


def test_a_named_envoy_is_met_without_his_country(nlp):
    groups = _groups(nlp, "President Ilse Marwood met Swedish Ambassador Karl Nyberg on Monday.")
    assert any({"Ilse Marwood", "Karl Nyberg"} <= g for g in groups), groups
    assert not any("Sweden" in g for g in groups), groups


def test_a_country_before_a_title_is_not_who_met(nlp):
    text = ("In his meeting with the Swedish ambassador, Estonia's top diplomat Lara Quint stressed the ties between "
            "the two countries.")
    groups = _groups(nlp, text)
    assert not any("Estonia" in g for g in groups), groups


def test_an_envoys_thing_is_no_meeting(nlp):
    assert _groups(nlp, "President Ilse Marwood praised the Swedish ambassador's work on the treaty.") == []


# ---------------------------------------------------------------------------------- lists under an event noun

@pytest.mark.parametrize("text, host, listed", [
    # a colon list announced by a plural noun of people, after a passive "a meeting was held"
    ("On Friday a working dinner was held at the palace that brought four leaders to the table: Chancellor Dieter "
     "Kraus, President Ilse Marwood, Prime Minister Rui Alves Costa and King Harald Borg.", None,
     ["Dieter Kraus", "Ilse Marwood", "Rui Alves Costa", "Harald Borg"]),
    ("President Ilse Marwood held talks in Riga with the Baltic heads of government: Prime Minister Rui Alves "
     "Costa, Prime Minister Janis Ozolins and Premier Tomas Varga.", "Ilse Marwood",
     ["Rui Alves Costa", "Janis Ozolins", "Tomas Varga"]),
])
def test_a_colon_list_after_a_meeting_is_one_meeting_of_them_all(nlp, text, host, listed):
    groups = _groups(nlp, text)
    assert any(set(listed) <= g for g in groups), groups


@pytest.mark.parametrize("text, host, listed", [
    ("Prime Minister Ilse Marwood had a busy day in London. Her bilateral meetings included talks with Chancellor "
     "Dieter Kraus, President Tomas Varga and Prime Minister Rui Alves Costa.", "Ilse Marwood",
     ["Dieter Kraus", "Tomas Varga", "Rui Alves Costa"]),
    ("President Ilse Marwood attended the summit in Nairobi. The bilaterals on the sidelines were with President "
     "Tomas Varga and Prime Minister Rui Alves Costa.", "Ilse Marwood", ["Tomas Varga", "Rui Alves Costa"]),
    # items set off by semicolons, each a title and a name
    ("President Ilse Marwood held separate meetings with the Speaker of the Senate, Senator Janis Ozolins; the "
     "Chair of the Budget Committee, Senator Tomas Varga; and Finance Minister Rui Alves Costa.",
     "Ilse Marwood", ["Janis Ozolins", "Tomas Varga", "Rui Alves Costa"]),
])
def test_listed_meetings_one_each(nlp, text, host, listed):
    groups = _groups(nlp, text)
    for who in listed:
        assert {host, who} in groups, groups


def test_a_semicolon_before_a_new_clause_ends_the_list(nlp):
    text = ("President Ilse Marwood held meetings with Chancellor Dieter Kraus and Prime Minister Rui Alves Costa; "
            "she also said that King Harald Borg would visit in May.")
    groups = _groups(nlp, text)
    assert not any("Harald Borg" in g for g in groups), groups


def test_meetings_including_talks_with_two_are_one_each(nlp):
    text = ("President Ilse Marwood on Monday held a round of bilateral meetings including talks with Chancellor "
            "Dieter Kraus and his Portuguese counterpart Rui Alves Costa in Vienna.")
    groups = _groups(nlp, text)
    assert {"Ilse Marwood", "Dieter Kraus"} in groups and {"Ilse Marwood", "Rui Alves Costa"} in groups, groups
    assert not any({"Dieter Kraus", "Rui Alves Costa"} <= g for g in groups), groups


@pytest.mark.parametrize("text", [
    "President Ilse Marwood held talks with Chancellor Dieter Kraus on the sidelines of the biennial Organisation of "
    "Island States Summit (OISS) in Malta.",
    "President Ilse Marwood met Chancellor Dieter Kraus on the margins of the 12th session of the Conference of the "
    "Parties to the Basel Convention.",
])
def test_the_gathering_on_whose_sidelines_they_met_is_not_met(nlp, text):
    groups = _groups(nlp, text)
    assert {"Ilse Marwood", "Dieter Kraus"} in groups, groups
    assert {"Ilse Marwood", "Dieter Kraus"} in groups, groups  # the two alone: not the gathering


@pytest.mark.parametrize("text, envoys", [
    ("President Ilse Marwood on Monday accepted the credentials of the new ambassadors of Chile, Carlos Mendoza, and "
     "Peru, Lucia Paredes.", {"Carlos Mendoza": "Chile", "Lucia Paredes": "Peru"}),
    ("President Ilse Marwood of Estonia received the letters of credence of two envoys. They are the Ambassador of "
     "Norway to Estonia, Mr. Lars Eriksen Dahl, and the Ambassador of Greece to Estonia, Mr. Nikos Pappas "
     "Andreou.", {"Lars Eriksen Dahl": "Norway", "Nikos Pappas Andreou": "Greece"}),
])
def test_a_named_envoys_country_is_met_at_his_credentials(nlp, text, envoys):
    """The convention most of the annotated credentials ceremonies follow: the envoy and the country he speaks for,
    one ceremony each; not the country that receives him."""
    groups = _groups(nlp, text)
    for envoy, land in envoys.items():
        assert {"Ilse Marwood", envoy, land} in groups, groups
    assert not any("Estonia" in g for g in groups), groups


def test_a_pronoun_with_no_meeting_told_before_is_the_texts_own(nlp):
    text = ("VILNIUS, May 3, 2025 -- President Ilse Marwood held two bilateral meetings on Thursday on the sidelines "
            "of the Baltic Sea Energy Summit. She then met Polish Prime Minister Janusz Nowicki, with whom she "
            "discussed gas supplies.")
    groups = _groups(nlp, text)
    assert any({"Ilse Marwood", "Janusz Nowicki"} <= g for g in groups), groups
    assert not any("Baltic Sea Energy Summit" in g for g in groups if "Janusz Nowicki" in g), groups


# ------------------------------------------------------------------------------------ nominal coreference

@pytest.mark.parametrize("text, who, other", [
    ("Chancellor Dieter Kraus flew to Warsaw on Monday.\n\nKraus was greeted by officials at the airport before "
     "meeting his Polish counterpart.\n\nPolish Prime Minister Janusz Nowicki said the talks were useful.",
     "Dieter Kraus", "Janusz Nowicki"),
    ("Foreign Minister Lara Quint held talks with her Danish counterpart in Tallinn on Friday. Danish Foreign "
     "Minister Mette Lund Holm later told reporters that trade had been discussed.", "Lara Quint", "Mette Lund Holm"),
])
def test_his_counterpart_is_the_one_named_in_that_countrys_post(nlp, text, who, other):
    groups = _groups(nlp, text)
    assert any({who, other} <= g for g in groups), groups


def test_a_counterpart_never_named_is_his_country(nlp):
    text = "Foreign Minister Lara Quint held talks with her Danish counterpart in Tallinn on Friday."
    groups = _groups(nlp, text)
    assert any({"Lara Quint", "Denmark"} <= g for g in groups), groups


@pytest.mark.parametrize("text", [
    "President Ilse Marwood and her Latvian counterpart Janis Ozolins talked about energy on Thursday, an aide "
    "said, after the two met at the airport.",
    "Chancellor Dieter Kraus and Prime Minister Janusz Nowicki spoke to reporters in Gdansk after the two leaders "
    "held talks on the port.",
])
def test_the_two_are_the_two_named_before(nlp, text):
    groups = _groups(nlp, text)
    names = {"President Ilse Marwood": ("Ilse Marwood", "Janis Ozolins")}.get(text[:22], ("Dieter Kraus",
                                                                                          "Janusz Nowicki"))
    assert any(set(names) <= g for g in groups), groups


# ------------------------------------------------------------------------------------ companions on the visit

def _visit_and_meeting(nlp, text):
    evs = _events(nlp, text)
    visit = next((people for ev, people in evs if ev.type in ("Visit", "StateVisit")), set())
    meeting = next((people for ev, people in evs if ev.type not in ("Visit", "StateVisit")), set())
    return visit, meeting


def test_companions_told_after_a_meeting_are_on_the_visit_too(nlp):
    text = ("Prime Minister Ilse Marwood arrived in Germany on Monday for a two-day working visit.\n\n"
            "Marwood met Chancellor Dieter Kraus at the Chancellery. She was accompanied by Foreign Minister Lara "
            "Quint and Trade Minister Janis Ozolins.")
    visit, meeting = _visit_and_meeting(nlp, text)
    assert {"Lara Quint", "Janis Ozolins"} <= visit, visit
    assert {"Lara Quint", "Janis Ozolins", "Dieter Kraus"} <= meeting, meeting


def test_companions_told_in_the_present_are_on_the_trip_only(nlp):
    text = ("Prime Minister Ilse Marwood visited Spain on Sunday.\n\n"
            "Marwood held talks with King Felipe Ramos at the palace. She is accompanied by her husband Tomas "
            "Marwood and Finance Minister Janis Ozolins.")
    visit, meeting = _visit_and_meeting(nlp, text)
    assert "Janis Ozolins" in visit, visit
    assert "Janis Ozolins" not in meeting, meeting


def test_a_name_cut_out_of_a_list_items_title_is_not_met(nlp):
    text = ("President Ilse Marwood held separate meetings with Chancellor Dieter Kraus, St. Lucia Prime Minister "
            "Allen Baptiste and the Chair, House Budget Committee, Senator Janis Ozolins.")
    groups = _groups(nlp, text)
    for who in ("Dieter Kraus", "Allen Baptiste", "Janis Ozolins"):
        assert {"Ilse Marwood", who} in groups, groups
    assert len(groups) == 3, groups
