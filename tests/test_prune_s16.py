"""The learned participant check (graph/extract/prune.py) and its training (graph/evaluate/train_prune.py): the
rows' features, a participant the model is sure of dropped (never leaving fewer than two), an invented
parliament-style list whose party is not kept, the labels as the scorer counts pairs, and the build without a
model file. Texts here are invented."""

from __future__ import annotations

from collections import Counter

import pytest

from graph.evaluate import train_prune as tp
from graph.extract import prune
from graph.extract.analyse import analyse
from graph.extract.learned import Model, Packaged
from graph.records import Event, Participant, Sentence

TWO_LEADERS = (
    "VARNOVA, 12 March 2025 — President Ana Vale of Chile received Prime Minister Ben Kor of Norway at the palace "
    "on Tuesday.\n\nThe two sides discussed trade and the new rail link.\n")
# a committee chair and two members, each with the party she belongs to in brackets; the rules take a party as met
PARTY_LIST = (
    "VARNOVA, 4 May 2025 — The chairman of the foreign affairs committee, Ana Rusk (Liberal Reform Party), received "
    "Ambassador of Peru Tiro Lam on Monday. Also present were Pol Dever (Green Union) and Ida Momo (Farmers' "
    "Alliance).\n")
# drops an organisation met beside people (the kind of a party, a ministry, a company told with its people)
DROP_ORGS = Model({"Organization|post_of_other=False|with_people=True": 6.0,
                   "Organization|post_of_other=True|with_people=True": 6.0}, -4.0, 0.8)
DROP_ALL = Model({}, 5.0, 0.5)


@pytest.fixture(autouse=True)
def _packaged_model_after():
    yield
    prune.reset_model()
    prune.RECORDER = None


def _rows(nlp, text):
    got = []
    prune.RECORDER = lambda ctx, events, rows: got.append((ctx, list(events), rows))
    prune.use_model(None)
    analyse("t", text, nlp)
    return got[-1]


def _events(nlp, text, model):
    prune.use_model(model)
    doc = analyse("t", text, nlp)
    return [sorted(doc.entities[p.entity].label for p in e.participants) for e in doc.events]


def test_rows_and_features(nlp):
    ctx, events, rows = _rows(nlp, TWO_LEADERS)
    by = {ctx.entities[r.entity].label: set(r.features) for r in rows}
    assert set(by) == {"Ana Vale", "Ben Kor"}
    assert {"kind=Person", "n=2", "dist=0", "titled=True", "title=president", "quoted=False",
            "ev_method=rule"} <= by["Ana Vale"]
    assert "title=minister" in by["Ben Kor"]
    assert any(f.startswith("src=") and f != "src=" for f in by["Ben Kor"]), "the step that read him is told"


def test_a_party_in_brackets_is_a_row_of_its_kind(nlp):
    ctx, events, rows = _rows(nlp, PARTY_LIST)
    orgs = [r for r in rows if ctx.entities[r.entity].type == "Organization"]
    for r in orgs:
        assert "kind=Organization" in r.features and "with_people=True" in r.features


def test_parliament_style_list_keeps_no_party(nlp):
    got = _events(nlp, PARTY_LIST, DROP_ORGS)
    assert got, "the meeting stays"
    for labels in got:
        assert not any("Party" in x or "Union" in x or "Alliance" in x for x in labels)
        assert "Tiro Lam" in labels


def test_never_fewer_than_two(nlp):
    got = _events(nlp, TWO_LEADERS, DROP_ALL)
    assert ["Ana Vale", "Ben Kor"] in got


def test_without_a_model_nothing_changes(nlp):
    before = _events(nlp, PARTY_LIST, None)
    prune.reset_model()
    missing = Packaged("no-such-model.json")
    assert missing.current() is None
    assert _events(nlp, PARTY_LIST, None) == before


def test_drop_from_surest_first_keeps_two():
    s = Sentence(0, 10)
    ev = Event("e", "Meeting", "", None, None, s, "rule", 0.9,
               [Participant(k, "guest", 0.9, "rule", s) for k in ("a", "b", "c")])
    prune.drop_from(ev, ["c", "b", "a"])
    assert [p.entity for p in ev.participants] == ["a", "b"]


def _doc():
    doc = tp.DocRows("t", gold={"host": None, "events": [
        {"start": "2025-03-11", "participants": ["p1", "p2"]}]})
    doc.events = [("2025-03-11", "Meeting", ["k1", "k2", "k3"])]
    doc.gold_of = {"k1": "p1", "k2": "p2", "k3": "o1", "k4": None}
    doc.kinds = {"k1": "Person", "k2": "Person", "k3": "Organization"}
    doc.rows = [prune.Row(0, k, (f"key={k}",)) for k in ("k1", "k2", "k3")]
    return doc


def test_labels_follow_the_scorers_pairs():
    doc = _doc()
    allowed, undated = tp._allowed(doc.gold)
    start, _, keys = doc.events[0]
    assert tp._right(doc, "k1", keys, start, allowed, undated)
    assert not tp._right(doc, "k3", keys, start, allowed, undated), "the party makes no right pair"
    assert not tp._right(doc, "k1", keys, "2025-03-12", allowed, undated), "another day is another meeting"


def test_counting_a_drop_as_the_scorer_counts():
    doc = _doc()
    none = tp.count(doc, None, 1.0)
    assert (none["tp_p"], none["pred"]) == (1, 3)
    model = Model({"key=k3": 9.0}, -9.0, 0.5)
    after = tp.count(doc, model, 0.5)
    assert (after["tp_p"], after["pred"], after["tp_g"]) == (1, 1, 1)
    assert after["ev.tp_p"] == 1
    assert tp.causes([doc]) == Counter({"false participant: Organization, in no gold event": 2})


def test_a_model_the_training_writes_loads(tmp_path):
    import json

    doc = _doc()
    doc.labels = [0, 0, 1]
    model = tp.fit_docs([doc, doc], l2=0.1, drop=0.5)
    path = tmp_path / "prune.json"
    tp.write_model(path, model, 0.5, "train_prune", ["x"], "two texts")
    loaded = Model.from_json(json.loads(path.read_text()))
    assert loaded.add == 0.5
    assert loaded.probability(("key=k3",)) > loaded.probability(("key=k1",))
