"""One meeting told in pieces (graph/extract/same_events.py) and its training (graph/evaluate/train_same_events):
events the model passes are joined into the first the rules read; events dated on two days never are; the packaged
model is the one the documented command writes. Texts here are invented."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from graph.evaluate import train_same_events as ts
from graph.extract import learned, same_events
from graph.extract.analyse import analyse
from graph.extract.learned import Model

ROOT = Path(__file__).resolve().parents[1]
ALSO_MET = ("OSTERVILLE, 3 May 2024 — President Ana Vale received Prime Minister Ben Kor of Sarnia at the lakeside "
            "residence. Ben Kor also met Foreign Minister Lia Dorn.\n")
PASS_ALL = Model({}, 10.0, 0.5)


@pytest.fixture(autouse=True)
def _packaged_model_after():
    yield
    same_events.reset_model()


def _events(nlp, text):
    doc = analyse("t", text, nlp)
    return [sorted(doc.entities[p.entity].label for p in e.participants) for e in doc.events]


def test_events_the_model_passes_are_one_meeting(nlp):
    same_events.use_model(PASS_ALL)
    assert _events(nlp, ALSO_MET) == [["Ana Vale", "Ben Kor", "Lia Dorn"]]


def test_without_a_model_nothing_is_joined(nlp):
    same_events.use_model(None)
    assert _events(nlp, ALSO_MET) == [["Ana Vale", "Ben Kor"], ["Ben Kor", "Lia Dorn"]]


def test_events_dated_on_two_days_are_never_joined(nlp):
    same_events.use_model(PASS_ALL)
    text = ("OSTERVILLE, 3 May 2024 — President Ana Vale met Prime Minister Ben Kor of Sarnia on Monday. On "
            "Tuesday, President Ana Vale met Chancellor Ivo Marten of Velonia.\n")
    got = _events(nlp, text)
    assert ["Ana Vale", "Ben Kor"] in got and ["Ana Vale", "Ivo Marten"] in got


def test_the_packaged_model_keeps_a_meeting_told_as_another_apart(nlp):
    assert _events(nlp, ALSO_MET) == [["Ana Vale", "Ben Kor"], ["Ben Kor", "Lia Dorn"]]


def test_the_packaged_model_joins_those_told_during_the_meeting(nlp):
    text = ("OSTERVILLE, 3 May 2024 — Prime Minister Ben Kor of Sarnia called on President Ana Vale at the palace. "
            "During the meeting, Ben Kor and Foreign Minister Lia Dorn briefed Ana Vale on the new port project.\n")
    assert ["Ana Vale", "Ben Kor", "Lia Dorn"] in _events(nlp, text)


def test_groups_follow_the_pairs_surest_first_and_never_join_two_apart():
    assert same_events.groups(5, [(3, 1), (1, 0)]) == [[0, 1, 3], [2], [4]]
    assert same_events.groups(3, []) == [[0], [1], [2]]
    # 0 and 2 are never one: the surer pair (1, 2) joins, then (0, 1) would bring 0 to 2 and does not
    assert same_events.groups(3, [(1, 2), (0, 1)], {(0, 2)}) == [[0], [1, 2]]


def test_envoys_the_pair_model_met_one_by_one_in_a_sentence_stay_apart(nlp):
    same_events.use_model(PASS_ALL)
    learned.use_model(Model({}, 10.0, 0.5))  # passes every pair: one meeting of the host with each envoy
    text = ("OSTERVILLE, 3 May 2024 — President Ana Vale of Ruritania received the letters of credence of three new "
            "ambassadors at State House. Vestrian Ambassador Cal Dun, Norlandic Ambassador Eda Fay and Ambassador "
            "of Molvania Gus Hale.\n")
    try:
        pairs = {frozenset((a, b)) for ps in _events(nlp, text) for i, a in enumerate(ps) for b in ps[i + 1:]}
    finally:
        learned.reset_model()
    assert frozenset(("Ana Vale", "Cal Dun")) in pairs and frozenset(("Cal Dun", "Eda Fay")) not in pairs


def test_names_are_never_features():
    data = json.loads(resources.files("graph.data").joinpath("same_events.json").read_text("utf-8"))
    for feature in data["weights"]:
        what, _, value = feature.rpartition("=")
        assert value == value.lower() or value in ("Person", "Country", "Organization", "?") or "|" in value, feature


def test_the_packaged_model_says_how_it_was_made():
    data = json.loads(resources.files("graph.data").joinpath("same_events.json").read_text("utf-8"))
    assert data["command"].startswith("python -m graph.evaluate.train_same_events eval/realnews/dev --out")
    assert data["add"] == ts.ADD and data["l2"] == ts.L2
    model = same_events.packaged_model()
    assert model is not None and len(model.weights) == len(data["weights"])


def test_a_link_is_labelled_by_the_gold_event_holding_most_of_each():
    met = [{"a", "b"}, {"a", "c", "d"}]
    assert ts.gold_event_of({"a", "c"}, met) == 1
    assert ts.gold_event_of({"a", "b"}, met) == 0
    assert ts.gold_event_of({"x"}, met) is None


def test_count_joins_what_the_model_passes():
    doc = ts.DocLinks("d", links=[same_events.Link(0, 1, ("cue=talks",))], labels=[1],
                      ids=[{"a", "b"}, {"b", "c"}], starts=["2024-05-03", None], learned=[False, True],
                      allowed={("a", "b", "2024-05-03"), ("b", "c", "2024-05-03"), ("a", "c", "2024-05-03")},
                      wanted={("a", "b", "2024-05-03"), ("b", "c", "2024-05-03"), ("a", "c", "2024-05-03")})
    assert ts.count(doc, None, 0.5) == Counter(tp_p=1, pred=2, tp_g=1, gold=3)  # the undated piece: wrong date
    model = Model({"cue=talks": 5.0}, 0.0, 0.5)
    assert ts.count(doc, model, 0.5) == Counter(tp_p=3, pred=3, tp_g=3, gold=3)  # joined, the first's date
    assert ts.count(doc, model, 0.999) == Counter(tp_p=1, pred=2, tp_g=1, gold=3)


@pytest.mark.slow
def test_the_training_command_measures_and_writes_a_model(tmp_path, capsys):
    corpus = tmp_path / "c"
    corpus.mkdir()
    names = sorted(p.stem for p in (ROOT / "tests" / "corpus").glob("*.yaml"))[:4]
    for n in names:
        for ext in (".txt", ".yaml"):
            (corpus / (n + ext)).write_bytes((ROOT / "tests" / "corpus" / (n + ext)).read_bytes())
    (tmp_path / "hold.txt").write_text(names[0] + "\n", encoding="utf-8")
    out = tmp_path / "m.json"
    assert ts.main([str(corpus), "--hold-out", str(tmp_path / "hold.txt"), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "4 texts" in printed and "not joined" in printed and "joined at 0.6" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["add"] == ts.ADD and data["command"].startswith("python -m graph.evaluate.train_same_events")


def test_events_under_two_headings_of_a_programme_are_never_joined(nlp):
    same_events.use_model(PASS_ALL)
    text = ("Laying of a wreath at the Monument to the Defenders, 3 May 2024\n\nPresident Ana Vale laid a wreath at "
            "the monument.\n\nMeeting with Prime Minister Ben Kor, 3 May 2024\n\nThe President met Prime "
            "Minister Ben Kor.\n")
    got = _events(nlp, text)
    assert ["Ana Vale"] in got and ["Ana Vale", "Ben Kor"] in got


def test_a_signing_after_talks_stays_a_ceremony_of_its_own(nlp):
    same_events.use_model(PASS_ALL)
    text = ("President Marta Ruiz received President Juan Perez at the palace on Monday.\nLater they signed a "
            "declaration on energy, in addition to a protocol signed by Foreign Minister Maria Silva.\n")
    assert {e.type for e, _ in _typed(nlp, text)} == {"Meeting", "Ceremony"}


def test_a_visit_and_a_meeting_during_it_stay_two_events(nlp):
    same_events.use_model(PASS_ALL)
    text = ("OSTERVILLE, 3 May 2024 — President Ana Vale of Ruritania arrived in Chile on an official visit. She held "
            "talks with Prime Minister Ben Kor at his residence.\n")
    got = {(e.type, tuple(sorted(labels))) for e, labels in _typed(nlp, text)}
    assert got == {("Visit", ("Ana Vale", "Chile")), ("Negotiations", ("Ana Vale", "Ben Kor"))}


def _typed(nlp, text):
    doc = analyse("t", text, nlp)
    return [(e, [doc.entities[p.entity].label for p in e.participants]) for e in doc.events]


def test_meetings_the_pair_model_read_apart_in_one_sentence_stay_apart(nlp):
    same_events.use_model(PASS_ALL)
    learned.use_model(Model({}, 10.0, 0.5))  # passes every pair it is given; its filters keep the two guests apart
    text = ("President Lena Berg held bilateral talks in Geneva on Friday.\n\nThese were followed by sessions with "
            "Thai Prime Minister Somchai Dee and Jordan's King Faisal on Saturday.\n")
    try:
        pairs = {frozenset((a, b)) for ps in _events(nlp, text) for i, a in enumerate(ps) for b in ps[i + 1:]}
    finally:
        learned.reset_model()
    assert frozenset(("Lena Berg", "Somchai Dee")) in pairs and frozenset(("Somchai Dee", "Faisal")) not in pairs
