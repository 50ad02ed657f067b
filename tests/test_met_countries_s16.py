"""Countries met as such, learned (graph/extract/met_countries.py) and its training (graph/evaluate/
train_countries.py): the rows' features, a country the model passes joining its meeting, a country only discussed
left out, and the build without a model. Texts here are invented."""

from __future__ import annotations

import json

import pytest

from graph.evaluate import train_countries as tc
from graph.extract import met_countries as mc
from graph.extract.analyse import analyse
from graph.extract.learned import Model

CALL = ("Ambassador Pedro Almar of Chile paid a courtesy call on Governor Ruth Okafor in Lagos on Monday. "
        "They discussed trade and the situation in Sudan.\n")
TALKS = ("Foreign Minister Hanna Lind of Norway held talks with Foreign Minister Tomas Vidal of Peru in Oslo on "
         "Tuesday. The two ministers discussed the war in Yemen.\n")
# passes the country of a participant's post, never one named after "in" (a place or a subject)
PASS_POSTS = Model({"post_of=guest": 4.0, "post_of=attendee": 4.0, "post_of=host": 4.0, "cb1=in": -8.0}, -2.0, 0.5)


@pytest.fixture(autouse=True)
def _packaged_model_after():
    yield
    mc.reset_model()
    mc.RECORDER = None


def _rows(nlp, text):
    got = []
    mc.RECORDER = lambda ctx, events, rows: got.append((ctx, events, rows))
    mc.use_model(None)
    analyse("t", text, nlp)
    return got[-1]


def _of(ctx, rows, label):
    return [r for r in rows if ctx.entities[r.country].label == label]


def _events(nlp, text):
    doc = analyse("t", text, nlp)
    return [sorted(doc.entities[p.entity].label for p in e.participants) for e in doc.events]


def test_the_envoys_country_is_a_row_with_his_post(nlp):
    ctx, events, rows = _rows(nlp, CALL)
    chile = _of(ctx, rows, "Chile")
    assert chile, "the envoy's country, not in the meeting, is a row"
    feats = set(chile[0].features)
    assert "in_sentence" in feats and "dist=0" in feats and "in_first=True" in feats
    assert any(f.startswith("post_of=") and f != "post_of=none" for f in feats)
    assert "post_title=ambassador" in feats


def test_a_country_only_discussed_has_no_post_and_its_words(nlp):
    ctx, events, rows = _rows(nlp, CALL)
    sudan = _of(ctx, rows, "Sudan")
    assert sudan and "post_of=none" in sudan[0].features
    assert "cb1=in" in sudan[0].features and "dist=1" in sudan[0].features


def test_no_row_for_a_country_already_in_the_meeting(nlp):
    ctx, events, rows = _rows(nlp, TALKS)
    for r in rows:
        assert r.country not in {p.entity for p in events[r.event].participants}


def test_the_event_features(nlp):
    ctx, events, rows = _rows(nlp, TALKS)
    peru = _of(ctx, rows, "Peru")
    assert peru
    feats = set(peru[0].features)
    assert "n_parts=2" in feats and "kinds=Person" in feats and "part_lands=2" in feats
    assert "other_lands=1" in feats and "has_country=False" in feats


def test_an_envoys_courtesy_call_gets_his_country(nlp):
    mc.use_model(PASS_POSTS)
    got = _events(nlp, CALL)
    assert any({"Pedro Almar", "Ruth Okafor", "Chile"} <= set(e) for e in got)


def test_a_country_only_discussed_is_not_added(nlp):
    mc.use_model(PASS_POSTS)
    for text, topic in ((CALL, "Sudan"), (TALKS, "Yemen")):
        assert not any(topic in e for e in _events(nlp, text))


def test_two_ministers_talks_get_both_countries(nlp):
    mc.use_model(PASS_POSTS)
    got = _events(nlp, TALKS)
    assert any({"Hanna Lind", "Tomas Vidal", "Norway", "Peru"} <= set(e) for e in got)


def test_without_a_model_the_build_works_and_adds_no_country(nlp):
    mc.use_model(None)
    got = _events(nlp, CALL)
    assert got and not any("Chile" in e for e in got)


def test_the_shipped_model_if_any_loads():
    model = mc.COUNTRIES.packaged()
    if model is not None:
        assert 0.0 < model.add < 1.0 and model.weights


def test_a_label_and_the_count_as_the_scorer_counts():
    gold = {"start": "2025-03-10", "participants": ["g1", "g2"], "counterparts": ["g3"]}
    assert tc.matches({"g1"}, "2025-03-10", gold, None)
    assert not tc.matches({"g1"}, "2025-03-11", gold, None)
    assert not tc.matches({"g1"}, "2025-03-10", gold, "g1")  # the host alone matches nothing
    doc = tc.DocRows("d", rows=[mc.Row(0, "country/c", ("post_of=guest",))], labels=[1], country_of=["g3"],
                     meetings=[({"g1", "g2"}, "2025-03-10")])
    doc.allowed = doc.wanted = {("g1", "g2", "2025-03-10"), ("g1", "g3", "2025-03-10"), ("g2", "g3", "2025-03-10")}
    assert tc.count(doc, None, 0.5)["tp_g"] == 1
    assert tc.count(doc, Model({"post_of=guest": 5.0}, 0.0, 0.5), 0.5)["tp_g"] == 3


def test_a_model_the_training_writes_loads(tmp_path):
    rows = [mc.Row(0, f"country/{i}", ("post_of=guest",) if i % 2 else ("post_of=none",)) for i in range(20)]
    doc = tc.DocRows("d", rows=rows, labels=[i % 2 for i in range(20)])
    model = tc.fit_docs([doc], l2=0.1, add=0.7)
    (tmp_path / "c.json").write_text(json.dumps({"add": model.add, "bias": model.bias, "weights": model.weights}))
    loaded = Model.from_json(json.loads((tmp_path / "c.json").read_text()))
    assert loaded.probability(("post_of=guest",)) > 0.7 > loaded.probability(("post_of=none",))
