"""Pin the scoring rules of the evaluation contract (FORMAT.md) on small,
hand-built prediction/gold pairs."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections import Counter

import pytest
import yaml

from graph.evaluate import format_report, load_gold, normalise_name, report, score

from .conftest import NO_REFERENCE, REFERENCE_SCORER

# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def ent(id, type, label, aliases=(), roles=()):
    return {"id": id, "type": type, "label": label, "aliases": list(aliases), "roles": list(roles)}


def ev(id, start, participants=(), topics=(), label="", type="Meeting"):
    return {"id": id, "type": type, "label": label, "start": start,
            "participants": list(participants), "topics": list(topics)}


def gold_doc(entities, events=(), host="host"):
    return {"document": "x.txt", "host": host, "entities": list(entities), "events": list(events)}


HOST = {"id": "host", "type": "Person", "names": ["Aleksandr Lukashenko", "Lukashenko"]}


def prf(counts, measure):
    r = report(counts)[measure]
    return r["P"], r["R"]


# --------------------------------------------------------------------------
# names
# --------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("S-400", "S 400"),
    ("The Great Stone", "Great Stone"),
    ("the  Great   Stone", "great stone"),
    ("[BNBC]", "BNBC"),
    ("FAW Group (FAW)", "FAW Group FAW"),
    ("People\u2019s Congress", "People's Congress"),
    ("\uff26\uff21\uff37", "FAW"),                      # full-width letters, NFKC
    ("Su-30SM.", "su 30sm"),
])
def test_names_equal_after_normalisation(a, b):
    assert normalise_name(a) == normalise_name(b)


@pytest.mark.parametrize("a, b", [
    ("S-400", "S-300"),
    ("Theatre Square", "atre Square"),               # "the" is dropped only as a word
    ("Monument to the People's Heroes", "Monument to People's Heroes"),  # only a leading "the"
    ("Kim Jong Un", "Kim Jong Il"),
])
def test_names_different_after_normalisation(a, b):
    assert normalise_name(a) != normalise_name(b)


def test_entity_matches_by_alias_and_normalised_name():
    gold = gold_doc([HOST, {"id": "s400", "type": "Equipment", "names": ["S-400 long-range system", "S-400"]}])
    pred = {"entities": [ent("e1", "Equipment", "S 400 missile system", aliases=["the S 400"])]}
    c = score(pred, gold)
    assert prf(c, "entities.Equipment") == (1.0, 1.0)


def test_unmatched_prediction_lowers_precision_and_missing_gold_lowers_recall():
    gold = gold_doc([HOST, {"id": "xi", "type": "Person", "names": ["Xi Jinping"]}])
    pred = {"entities": [ent("p1", "Person", "Lukashenko"), ent("p2", "Person", "Li Keqiang")]}
    c = score(pred, gold)
    assert (c["entities.Person.tp_p"], c["entities.Person.pred"]) == (1, 2)
    assert (c["entities.Person.tp_g"], c["entities.Person.gold"]) == (1, 2)
    assert prf(c, "entities.Person") == (0.5, 0.5)
    assert report(c)["entities.Person"]["F1"] == 0.5


# --------------------------------------------------------------------------
# types
# --------------------------------------------------------------------------

@pytest.mark.parametrize("gold_type, pred_type, ok", [
    ("Country", "Country", True), ("Country", "Place", True), ("Country", "Organization", True),
    ("Country", "Project", False), ("Country", "Person", False),
    ("Place", "Place", True), ("Place", "Country", True), ("Place", "Organization", False),
    ("Organization", "Organization", True), ("Organization", "Country", True),
    ("Organization", "Project", True), ("Organization", "Place", False),
    ("Project", "Project", True), ("Project", "Organization", True), ("Project", "Country", False),
    ("Person", "Organization", False), ("Equipment", "Project", False),
    ("Equipment", "Equipment", True), ("Person", "Person", True),
])
def test_type_compatibility(gold_type, pred_type, ok):
    gold = gold_doc([{"id": "x", "type": gold_type, "names": ["Minsk Wheel"]}], host=None)
    c = score({"entities": [ent("p", pred_type, "Minsk Wheel")]}, gold)
    assert c["entities.duplicates.tot"] == (1 if ok else 0)   # number of gold entities found
    if gold_type in ("Person", "Organization", "Country", "Project", "Equipment"):
        assert c[f"entities.{gold_type}.tp_g"] == (1 if ok else 0)


def test_type_counts_are_per_predicted_type():
    """A Country predicted as an Organization is precise as an Organization
    and recalled as a Country."""
    gold = gold_doc([{"id": "by", "type": "Country", "names": ["Belarus"]}], host=None)
    c = score({"entities": [ent("p", "Organization", "Belarus")]}, gold)
    assert (c["entities.Organization.tp_p"], c["entities.Organization.pred"]) == (1, 1)
    assert (c["entities.Country.tp_g"], c["entities.Country.gold"]) == (1, 1)
    assert c["entities.Country.pred"] == 0


def test_same_type_is_preferred_when_a_name_is_ambiguous():
    gold = gold_doc([
        {"id": "bnbc_org", "type": "Organization", "names": ["BNBC"]},
        {"id": "bnbc_project", "type": "Project", "names": ["BNBC"]},
    ], host=None)
    pred = {"entities": [ent("a", "Project", "BNBC"), ent("b", "Organization", "BNBC")]}
    c = score(pred, gold)
    assert c["entities.Project.tp_g"] == 1 and c["entities.Organization.tp_g"] == 1
    assert c["entities.duplicates.hit"] == 0


def test_minor_entities_count_for_precision_not_recall():
    gold = gold_doc([HOST, {"id": "belta", "type": "Organization", "names": ["BelTA"], "tier": "minor"},
                     {"id": "citic", "type": "Organization", "names": ["CITIC"]}])
    c = score({"entities": [ent("o", "Organization", "BelTA")]}, gold)
    assert prf(c, "entities.Organization") == (1.0, 0.0)
    assert c["entities.Organization.gold"] == 1
    assert report(c)["entities.Organization"]["F1"] == 0.0


def test_duplicates_ratio():
    gold = gold_doc([HOST, {"id": "xi", "type": "Person", "names": ["Xi Jinping", "President Xi Jinping"]}])
    pred = {"entities": [ent("a", "Person", "Xi Jinping"), ent("b", "Person", "President Xi Jinping"),
                         ent("c", "Person", "Lukashenko")]}
    c = score(pred, gold)
    assert (c["entities.duplicates.hit"], c["entities.duplicates.tot"]) == (1, 2)
    assert report(c)["entities.duplicates"] == {"ratio": 0.5, "n": 2}


# --------------------------------------------------------------------------
# events
# --------------------------------------------------------------------------

EVENT_GOLD_ENTITIES = [
    HOST,
    {"id": "li", "type": "Person", "names": ["Li Keqiang"]},
    {"id": "citic", "type": "Organization", "names": ["CITIC Group", "CITIC"]},
    {"id": "zhu", "type": "Person", "names": ["Zhu Hexin"]},
    {"id": "xi", "type": "Person", "names": ["Xi Jinping"]},
    {"id": "park", "type": "Project", "names": ["Great Stone"]},
    {"id": "plant", "type": "Project", "names": ["Geely plant"]},
    {"id": "faw", "type": "Organization", "names": ["FAW Group"]},
]
PRED_ENTITIES = [
    ent("P_host", "Person", "Aleksandr Lukashenko"),
    ent("P_li", "Person", "Li Keqiang"),
    ent("P_citic", "Organization", "CITIC Group Corporation", aliases=["CITIC"]),
    ent("P_xi", "Person", "Xi Jinping"),
    ent("P_park", "Project", "Great Stone"),
    ent("P_plant", "Project", "Geely plant"),
]


def event_gold(*events):
    return gold_doc(EVENT_GOLD_ENTITIES, events)


def test_event_matches_by_date_and_shared_non_host_participant():
    gold = event_gold({"id": "m", "type": "Meeting", "title": "Meeting with Li Keqiang",
                       "start": dt.date(2023, 3, 1), "participants": ["host", "li"]})
    cases = {
        "same day, shared guest": (ev("a", "2023-03-01", ["P_host", "P_li"]), True),
        "datetime of that day": (ev("a", "2023-03-01T10:00:00", ["P_li"]), True),
        "guest as a plain label": (ev("a", "2023-03-01", ["Li Keqiang"]), True),
        "another day": (ev("a", "2023-03-02", ["P_host", "P_li"]), False),
        "no date": (ev("a", None, ["P_host", "P_li"]), False),
        "only the host shared": (ev("a", "2023-03-01", ["P_host", "P_xi"]), False),
    }
    for name, (pev, ok) in cases.items():
        c = score({"entities": PRED_ENTITIES, "events": [pev]}, gold)
        assert (c["events.tp_p"], c["events.tp_g"]) == ((1, 1) if ok else (0, 0)), name


def test_event_matches_by_counterpart():
    gold = event_gold({"id": "m", "type": "Meeting", "title": "Meeting with CITIC", "start": "2023-03-02",
                       "participants": ["host"], "counterparts": ["citic"]})
    c = score({"entities": PRED_ENTITIES, "events": [ev("a", "2023-03-02", ["P_host", "P_citic"])]}, gold)
    assert prf(c, "events") == (1.0, 1.0)


def test_month_and_undated_gold_starts():
    gold = event_gold(
        {"id": "sam", "title": "In Samarkand", "start": "2022-09", "participants": ["host", "xi"]},
        {"id": "any", "title": "Some time", "participants": ["host", "li"]},
    )
    pred = {"entities": PRED_ENTITIES, "events": [
        ev("a", "2022-09-15", ["P_host", "P_xi"]),
        ev("b", "1999-01-01", ["P_host", "P_li"]),
        ev("c", "2022-10-01", ["P_host", "P_xi"]),
    ]}
    c = score(pred, gold)
    assert (c["events.tp_p"], c["events.pred"], c["events.tp_g"], c["events.gold"]) == (2, 3, 2, 2)


def test_event_without_guests_matches_by_title():
    gold = event_gold({"id": "conf", "type": "Conference", "start": "2023-02-27", "participants": ["host"],
                       "title": "Conference with defense, security and law-enforcement agencies"})
    good = ev("a", "2023-02-27", ["P_host"], label="the Conference with Defense, Security and Law Enforcement Agencies")
    bad = ev("b", "2023-02-27", ["P_host"], label="Conference on security")
    wrong_day = ev("c", "2023-02-28", ["P_host"], label=good["label"])
    c = score({"entities": PRED_ENTITIES, "events": [good, bad, wrong_day]}, gold)
    assert (c["events.tp_p"], c["events.pred"], c["events.tp_g"]) == (1, 3, 1)


def test_reported_events_count_for_precision_and_apart():
    gold = event_gold(
        {"id": "talks", "title": "Talks", "start": "2023-03-01", "participants": ["host", "xi"]},
        {"id": "past", "title": "Past meeting", "start": "2022-09", "participants": ["host", "xi"], "tier": "reported"},
        {"id": "faw", "title": "FAW", "participants": [], "counterparts": ["faw"], "tier": "reported"},
    )
    pred = {"entities": PRED_ENTITIES, "events": [ev("a", "2022-09-16", ["P_host", "P_xi"])]}
    c = score(pred, gold)
    assert (c["events.tp_p"], c["events.pred"]) == (1, 1)      # precision against all gold events
    assert (c["events.tp_g"], c["events.gold"]) == (0, 1)      # recall against headed ones only
    assert report(c)["events_reported"] == {"ratio": 0.5, "n": 2}


# --------------------------------------------------------------------------
# who met whom
# --------------------------------------------------------------------------

def test_who_met_whom_pairs_carry_the_event_date():
    gold = event_gold(
        {"id": "m", "title": "CITIC", "start": "2023-03-02", "participants": ["host", "zhu"], "counterparts": ["citic"]},
    )  # three gold pairs: host-zhu, host-citic, citic-zhu
    pred = {"entities": PRED_ENTITIES + [ent("P_zhu", "Person", "Zhu Hexin")], "events": [
        ev("a", "2023-03-02", ["P_host", "P_citic"]),           # right pair, right day
        ev("b", "2023-03-03", ["P_host", "P_zhu"]),             # right pair, wrong day
        ev("c", "2023-03-02", ["P_host", "P_li"]),              # wrong pair
    ]}
    c = score(pred, gold)
    assert (c["who_met_whom.tp_p"], c["who_met_whom.pred"]) == (1, 3)
    assert (c["who_met_whom.tp_g"], c["who_met_whom.gold"]) == (1, 3)


def test_same_pair_on_one_day_counts_once():
    gold = event_gold({"id": "m", "title": "Li", "start": "2023-03-01", "participants": ["host", "li"]})
    pred = {"entities": PRED_ENTITIES, "events": [ev("a", "2023-03-01", ["P_host", "P_li"]),
                                                  ev("b", "2023-03-01", ["Lukashenko", "Li Keqiang"])]}
    c = score(pred, gold)
    assert (c["who_met_whom.tp_p"], c["who_met_whom.pred"], c["who_met_whom.tp_g"]) == (1, 1, 1)


def test_undated_gold_pair_matches_any_date():
    gold = event_gold({"id": "m", "title": "Li", "participants": ["host", "li"]})
    c = score({"entities": PRED_ENTITIES, "events": [ev("a", "2030-01-01", ["P_host", "P_li"])]}, gold)
    assert prf(c, "who_met_whom") == (1.0, 1.0)


def test_reported_pairs_count_for_precision_not_recall():
    gold = event_gold(
        {"id": "m", "title": "Li", "start": "2023-03-01", "participants": ["host", "li"]},
        {"id": "r", "title": "Samarkand", "start": "2022-09", "participants": ["host", "xi"], "tier": "reported"},
    )
    pred = {"entities": PRED_ENTITIES, "events": [ev("a", "2022-09", ["P_host", "P_xi"])]}
    c = score(pred, gold)
    assert (c["who_met_whom.tp_p"], c["who_met_whom.pred"]) == (1, 1)
    assert (c["who_met_whom.tp_g"], c["who_met_whom.gold"]) == (0, 1)


# --------------------------------------------------------------------------
# topics
# --------------------------------------------------------------------------

def test_topics_recall_over_matching_events_and_mean_per_event():
    gold = event_gold(
        {"id": "m", "title": "CITIC", "start": "2023-03-02", "participants": ["host", "zhu"],
         "counterparts": ["citic"], "topics": ["park", "plant", "faw"]},
        {"id": "n", "title": "no topics", "start": "2023-03-03", "participants": ["host", "li"]},
    )
    pred = {"entities": PRED_ENTITIES, "events": [
        ev("a", "2023-03-02", ["P_citic"], topics=["P_park"]),
        ev("b", "2023-03-02", ["P_host", "P_citic"], topics=["Geely plant", "P_xi"]),  # a label works too
        ev("c", "2023-03-05", ["P_host", "P_citic"], topics=["FAW Group"]),           # does not match: no credit
    ]}
    c = score(pred, gold)
    assert report(c)["topics"] == {"ratio": 2 / 3, "n": 3}
    assert report(c)["topics_per_event"] == {"ratio": 4 / 3, "n": 3}


# --------------------------------------------------------------------------
# roles
# --------------------------------------------------------------------------

ROLE_GOLD = gold_doc([
    HOST,
    {"id": "li", "type": "Person", "names": ["Li Keqiang"], "roles": [{"title": "Premier", "org": "state_council"}]},
    {"id": "state_council", "type": "Organization", "names": ["State Council"]},
    {"id": "china", "type": "Country", "names": ["China"]},
])


@pytest.mark.parametrize("roles, hit", [
    ([{"title": "Premier of the State Council", "organization": "O_sc"}], True),   # title contains, org by id
    ([{"title": "premier", "organization": "State Council"}], True),              # org by label
    ([{"title": "Premier", "organization": "O_china"}], False),                   # wrong organisation
    ([{"title": "Vice Premier", "organization": "O_sc"}], True),                  # containment, as written
    ([{"title": "Prime Minister", "organization": "O_sc"}], False),               # title not contained
    ([{"title": "Premier"}], False),                                             # no organisation
    ([], False),
])
def test_roles_title_containment_and_organisation(roles, hit):
    pred = {"entities": [ent("P_li", "Person", "Li Keqiang", roles=roles),
                         ent("O_sc", "Organization", "State Council"), ent("O_china", "Country", "China")]}
    c = score(pred, ROLE_GOLD)
    assert (c["roles.hit"], c["roles.tot"]) == (int(hit), 1)


NO_ORG_GOLD = gold_doc([
    HOST,
    {"id": "li", "type": "Person", "names": ["Li Keqiang"], "roles": [{"title": "Premier"}]},
    {"id": "china", "type": "Country", "names": ["China"]},
])


@pytest.mark.parametrize("roles, hit", [
    ([{"title": "Premier"}], True),                                   # none written, none given
    ([{"title": "Premier", "organization": "Fictional Bureau"}], True),  # an organisation the gold does not know
    ([{"title": "Premier", "organization": "O_china"}], False),       # one the gold knows: not the role written
])
def test_a_role_written_without_organisation_wants_none_the_gold_knows(roles, hit):
    """As the shared kit compares them: the prediction's organisation, looked up in the gold, equals the gold's (none)."""
    pred = {"entities": [ent("P_li", "Person", "Li Keqiang", roles=roles), ent("O_china", "Country", "China")]}
    assert score(pred, NO_ORG_GOLD)["roles.hit"] == int(hit)


def test_role_on_the_wrong_person_does_not_count():
    pred = {"entities": [ent("P_x", "Person", "Li Qiang", roles=[{"title": "Premier", "organization": "State Council"}])]}
    assert score(pred, ROLE_GOLD)["roles.hit"] == 0


# --------------------------------------------------------------------------
# report, corpus, loading
# --------------------------------------------------------------------------

def test_report_of_nothing_found():
    rep = report(score({}, gold_doc([HOST])))
    # a person was to be found and nothing was: F1 0, not n/a; events had nothing to find: n/a
    assert rep["entities.Person"] == {"P": None, "R": 0.0, "F1": 0.0, "pred": 0, "gold": 1}
    assert rep["events"]["P"] is None and rep["events"]["R"] is None
    assert rep["roles"] == {"ratio": None, "n": 0}
    text = format_report(rep)
    assert text.splitlines()[-1].startswith("summary events_F1= n/a ")
    assert len(text.splitlines()) == len(rep) + 1


def test_micro_average_is_the_sum_of_counters():
    gold = event_gold({"id": "m", "title": "Li", "start": "2023-03-01", "participants": ["host", "li"]})
    good = score({"entities": PRED_ENTITIES, "events": [ev("a", "2023-03-01", ["P_host", "P_li"])]}, gold)
    bad = score({"entities": PRED_ENTITIES, "events": [ev("a", "2023-03-09", ["P_host", "P_li"]),
                                                       ev("b", "2023-03-09", ["P_host"])]}, gold)
    rep = report(good + bad)
    assert rep["events"]["P"] == pytest.approx(1 / 3)
    assert rep["events"]["R"] == pytest.approx(1 / 2)
    assert rep["events"]["F1"] == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))


def test_load_gold_reads_yaml_dates(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(yaml.safe_dump(event_gold(
        {"id": "m", "title": "Li", "start": "2023-03-01", "participants": ["host", "li"]})).replace("'2023-03-01'", "2023-03-01"))
    gold = load_gold(path)
    assert gold["events"][0]["start"] == dt.date(2023, 3, 1)
    c = score({"entities": PRED_ENTITIES, "events": [ev("a", "2023-03-01", ["P_host", "P_li"])]}, gold)
    assert prf(c, "events") == (1.0, 1.0) and prf(c, "who_met_whom") == (1.0, 1.0)


def test_format_report_lines():
    c = Counter({"events.tp_p": 1, "events.pred": 2, "events.tp_g": 1, "events.gold": 1,
                 "roles.hit": 1, "roles.tot": 4})
    lines = format_report(report(c)).splitlines()
    assert "events                   P=0.50 R=1.00 F1=0.67  (pred 2, gold 1)" in lines
    assert "roles                    0.25  (n 4)" in lines
    assert lines[-1].startswith("summary events_F1=0.67 ")
    assert "roles_R=0.25" in lines[-1]


def test_f1_is_zero_when_something_was_to_be_found_and_nothing_right():
    gold = event_gold({"id": "m", "type": "Meeting", "title": "Meeting with Li Keqiang",
                       "start": dt.date(2023, 3, 1), "participants": ["host", "li"]})
    nothing = report(score({"entities": [], "events": []}, gold))
    assert nothing["events"]["F1"] == 0.0 and nothing["who_met_whom"]["F1"] == 0.0
    wrong = report(score({"entities": [], "events": [ev("a", "2024-01-01", ["P_x"])]}, gold))
    assert wrong["events"]["P"] == 0.0 and wrong["events"]["F1"] == 0.0
    nothing_to_find = report(score({"entities": [], "events": [ev("a", "2024-01-01")]}, event_gold()))
    assert nothing_to_find["events"]["F1"] is None and nothing_to_find["events"]["P"] == 0.0


def test_topics_named_in_other_words_match_by_content_words():
    gold = gold_doc(
        [{"id": "host", "type": "Person", "names": ["Host"]}, {"id": "li", "type": "Person", "names": ["Li"]},
         {"id": "roadmap", "type": "Project", "names": ["roadmap"]},
         {"id": "machines", "type": "Project", "names": ["supply of modern farm machines"]},
         {"id": "oil", "type": "Project", "names": ["oil"]},
         {"id": "china", "type": "Country", "names": ["China"]}],
        [{"id": "m", "type": "Meeting", "title": "t", "participants": ["host", "li"],
          "topics": ["roadmap", "machines", "oil", "china"]}])

    def hits(*topics, entities=()):
        pred = {"entities": [ent("p:li", "Person", "Li"), *entities], "events": [ev("a", None, ["p:li"], topics)]}
        return report(score(pred, gold))["topics"]["ratio"] * 4

    assert hits() == 0
    assert hits("the roadmap for cooperation in 2024-2026") == 1  # the gold's words inside the predicted label
    assert hits("farm machines") == 1  # the predicted words inside the gold's
    assert hits("oil product supplies") == 0  # a shared word of under four letters is not enough
    assert hits("p:cn", entities=[ent("p:cn", "Country", "the China question")]) == 0
    assert hits("p:rm", entities=[ent("p:rm", "Topic", "roadmap of cooperation")]) == 1


# --------------------------------------------------------------------------
# cross-check with the shared reference scorer, when it is around
# --------------------------------------------------------------------------

CROSS_GOLD = """\
document: tiny.txt
host: host
entities:
  - {id: host, type: Person, names: [Aleksandr Lukashenko, Lukashenko], roles: [{title: President, org: belarus}]}
  - {id: li, type: Person, names: [Li Keqiang], roles: [{title: Premier, org: state_council}]}
  - {id: zhu, type: Person, names: [Zhu Hexin], roles: [{title: Chairman, org: citic}]}
  - {id: xi, type: Person, names: [Xi Jinping, Xi]}
  - {id: belarus, type: Country, names: [Belarus]}
  - {id: china, type: Country, names: [China, PRC]}
  - {id: minsk, type: Place, names: [Minsk]}
  - {id: state_council, type: Organization, names: [State Council]}
  - {id: citic, type: Organization, names: [CITIC Group Corporation, CITIC]}
  - {id: belta, type: Organization, names: [BelTA], tier: minor}
  - {id: park, type: Project, names: [Great Stone, Great Stone Industrial Park]}
  - {id: s400, type: Equipment, names: [S-400]}
  - {id: t72, type: Equipment, names: [T-72B3]}
  - {id: roadmap, type: Project, names: [roadmap for cooperation in 2024-2026], tier: minor}
  - {id: machines, type: Project, names: [farm machines], tier: minor}
  - {id: energy, type: Project, names: [energy security], tier: minor}
events:
  - {id: visit, type: StateVisit, title: State visit to China, start: 2023-02-28, end: 2023-03-02,
     participants: [host], counterparts: [china]}
  - {id: m_li, type: Meeting, title: Meeting with Li Keqiang, start: 2023-03-01, part_of: visit,
     participants: [host, li], topics: [park, state_council, roadmap, machines, energy]}
  - {id: m_zhu, type: Meeting, title: Meeting with Zhu Hexin, start: 2023-03-02, part_of: visit,
     participants: [host, zhu], counterparts: [citic], topics: [park]}
  - {id: conf, type: Conference, title: Conference on air defence, start: 2023-02-27,
     participants: [host], topics: [s400, t72]}
  - {id: past, type: Meeting, tier: reported, title: Met Xi in Samarkand, start: 2022-09, participants: [host, xi]}
  - {id: undated, type: Meeting, tier: reported, title: Met Xi once, participants: [host, xi, li]}
"""

CROSS_PRED = {
    "entities": [
        ent("e:host", "Person", "Lukashenko", roles=[{"title": "President of Belarus", "organization": "e:by"}]),
        ent("e:host2", "Person", "Aleksandr Lukashenko"),
        ent("e:li", "Person", "Li Keqiang", roles=[{"title": "Premier", "organization": "China"}]),
        ent("e:zhu", "Person", "Zhu Hexin", roles=[{"title": "Chairman", "organization": "e:citic"}]),
        ent("e:xi", "Person", "President Xi", aliases=["Xi"]),
        ent("e:nobody", "Person", "Hu Jintao"),
        ent("e:by", "Country", "Belarus"),
        ent("e:cn", "Place", "China"),
        ent("e:minsk", "Organization", "Minsk"),
        ent("e:citic", "Organization", "CITIC"),
        ent("e:belta", "Organization", "BelTA"),
        ent("e:park", "Organization", "the Great Stone"),
        ent("e:s400", "Equipment", "S 400"),
        ent("e:su", "Equipment", "Su-35"),
        ent("e:roadmap", "Topic", "the roadmap"),
        ent("e:machines", "Topic", "the supply of modern farm machines"),
        ent("e:gas", "Country", "Energy security"),
    ],
    "events": [
        ev("v", "2023-02-28", ["e:host"], label="State visit to the People's Republic of China"),
        ev("a", "2023-03-01", ["e:host", "e:li"],
           topics=["e:park", "e:s400", "e:roadmap", "e:machines", "e:gas", "farm"]),
        ev("b", "2023-03-02", ["e:host", "e:zhu", "e:citic"], topics=["e:park"]),
        ev("c", "2023-02-27", ["e:host"], label="Conference on Air Defence", topics=["e:s400"]),
        ev("d", "2022-09-16", ["e:host", "e:xi"]),
        ev("e", "2024-01-01", ["e:xi", "e:li"]),
        ev("f", None, ["e:nobody", "e:host"]),
    ],
}


@pytest.mark.skipif(not REFERENCE_SCORER.exists(), reason=NO_REFERENCE)
def test_same_numbers_as_the_reference_scorer(tmp_path):
    gold_file, pred_file = tmp_path / "tiny.yaml", tmp_path / "tiny.json"
    gold_file.write_text(CROSS_GOLD)
    pred_file.write_text(json.dumps(CROSS_PRED))

    def run(*extra):
        out = subprocess.run([sys.executable, str(REFERENCE_SCORER), *extra, str(pred_file), str(gold_file)],
                             capture_output=True, text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        return out.stdout

    ours = report(score(CROSS_PRED, load_gold(gold_file)))
    assert format_report(ours).splitlines()[-1] == run().strip().splitlines()[-1]
    theirs = json.loads(run("--json"))
    for measure, values in theirs.items():
        assert ours[measure] == pytest.approx(values), measure


def test_topic_precision_counts_the_topics_of_matched_events_that_name_a_gold_topic(tmp_path):
    gold_file = tmp_path / "t.yaml"
    gold_file.write_text("""\
document: t.txt
host: h
entities:
  - {id: h, type: Person, names: [Anna Host]}
  - {id: g, type: Person, names: [Ben Guest]}
  - {id: road, type: Project, names: [roadmap for cooperation in 2024-2026], tier: minor}
  - {id: minsk, type: Place, names: [Minsk]}
events:
  - {id: e, type: Meeting, title: Talks, start: 2024-05-02, participants: [h, g], topics: [road, minsk]}
""")
    pred = {"entities": [{"id": "p:h", "type": "Person", "label": "Anna Host"},
                         {"id": "p:g", "type": "Person", "label": "Ben Guest"},
                         {"id": "p:r", "type": "Topic", "label": "roadmap"},
                         {"id": "p:m", "type": "Place", "label": "Minsk region"},
                         {"id": "p:x", "type": "Topic", "label": "friendship"}],
            "events": [{"id": "p:e", "type": "Meeting", "start": "2024-05-02", "participants": ["p:h", "p:g"],
                        "topics": ["p:r", "p:m", "p:x"]},
                       {"id": "p:f", "type": "Meeting", "start": "2024-06-01", "participants": ["p:h", "p:g"],
                        "topics": ["p:x"]}]}  # matches no gold event: not counted
    rep = report(score(pred, load_gold(gold_file)))
    # the roadmap in other words counts; a place only by its name; friendship is no gold topic
    assert rep["topics_precision"] == {"ratio": pytest.approx(1 / 3), "n": 3}
    assert rep["topics"]["ratio"] == pytest.approx(1 / 2)
