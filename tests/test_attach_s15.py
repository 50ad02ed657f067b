"""Names told in other sentences attached to their meeting (graph/extract/attach.py) and its training
(graph/evaluate/train_attach.py): the rows' features, a name the model passes joining its event, the packaged
model's file, and the build without a model. Texts here are invented."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from graph.evaluate import train_attach as ta
from graph.extract import attach
from graph.extract.analyse import analyse
from graph.extract.learned import Model

TWO_PARAGRAPHS = (
    "VARNOVA, 12 March 2025 — President Ana Vale of Chile received Prime Minister Ben Kor of Norway at the palace "
    "on Tuesday.\n\n"
    "The two sides discussed trade and the new rail link. Norway's Foreign Minister Lia Dorn accompanied the prime "
    "minister. Earlier this year the novelist Tomas Brel had written about the old harbour of Varnova.\n")
# passes a person in a sentence saying "accompanied", "attended", "present" (nobody else)
PASS_CUED = Model({"cue=attended": 5.0, "kind=Person": 5.0}, -8.0, 0.5)


@pytest.fixture(autouse=True)
def _packaged_model_after():
    yield
    attach.reset_model()
    attach.RECORDER = None


def _rows(nlp, text):
    got = []
    attach.RECORDER = lambda ctx, events, rows: got.append((ctx, events, rows))
    attach.use_model(None)
    analyse("t", text, nlp)
    ctx, events, rows = got[-1]
    return ctx, events, rows


def _row_of(ctx, rows, label):
    return [r for r in rows if ctx.entities[r.key].label == label]


def _events(nlp, text):
    doc = analyse("t", text, nlp)
    return [sorted(doc.entities[p.entity].label for p in e.participants) for e in doc.events]


def test_a_later_sentence_names_features(nlp):
    ctx, events, rows = _rows(nlp, TWO_PARAGRAPHS)
    dorn = _row_of(ctx, rows, "Lia Dorn")
    assert dorn, "the minister of a later sentence is a row"
    feats = set(dorn[0].features)
    assert {"dist=2", "kind=Person", "cue=attended", "in_events=0", "titled=True", "title=minister",
            "between=0", "ev_method=rule", "ev_size=2", "headline=False"} <= feats
    assert "side=same" in feats  # her post is in Norway, the guest's country


def test_the_words_of_the_names_sentence_point_back(nlp):
    ctx, events, rows = _rows(nlp, TWO_PARAGRAPHS)
    brel = _row_of(ctx, rows, "Tomas Brel")
    assert brel and "cue=attended" not in brel[0].features and "dist=3-4" in brel[0].features


def test_no_row_for_a_name_already_in_the_event(nlp):
    ctx, events, rows = _rows(nlp, TWO_PARAGRAPHS)
    for r in rows:
        assert r.key not in {p.entity for p in events[r.event].participants}


def test_a_name_the_model_passes_joins_the_meeting_a_bystander_does_not(nlp):
    attach.use_model(PASS_CUED)
    got = _events(nlp, TWO_PARAGRAPHS)
    assert ["Ana Vale", "Ben Kor", "Lia Dorn"] in got
    assert not any("Tomas Brel" in e for e in got)


def test_the_packaged_model_attaches_no_bystander(nlp):
    # trained on real news, it mostly completes meetings the pair model read in pieces (docs/evaluation.md); a
    # name told in passing, in no meeting, with no word of one, is far below its threshold
    got = _events(nlp, TWO_PARAGRAPHS)
    assert ["Ana Vale", "Ben Kor"] in got
    assert not any("Tomas Brel" in e for e in got)


def test_without_a_model_the_build_works_and_attaches_nothing(nlp):
    attach.use_model(None)
    got = _events(nlp, TWO_PARAGRAPHS)
    assert ["Ana Vale", "Ben Kor"] in got and not any("Lia Dorn" in e for e in got)


def test_the_packaged_model_loads_and_tells_how_it_was_made():
    data = json.loads(resources.files("graph.data").joinpath("attach.json").read_text("utf-8"))
    model = attach.packaged_model()
    assert model is not None and model.weights and 0.5 <= model.add < 1.0
    assert data["command"].startswith("python -m graph.evaluate.train_attach")
    known = {"dist", "between", "events", "kind", "ev_type", "ev_method", "ev_size", "names", "in_events",
             "here_events", "headline", "mentions", "titled", "side", "host", "reported", "shares", "ev_host", "title",
             "cue"}
    assert {f.split("|")[-1].split("=")[0] for f in model.weights} <= known  # no word of a text, no name


def test_one_name_joins_one_event_its_surest():
    rows = [attach.Row(0, "person/x", 3, ("a",)), attach.Row(1, "person/x", 3, ("b",))]
    doc = ta.DocRows("d", rows=rows, labels=[0, 1])
    model = Model({"a": 1.0, "b": 2.0}, 0.0, 0.5)
    assert ta.decide(doc, model, 0.5) == {"person/x": 1}


def test_a_label_needs_every_added_pair_right():
    doc = ta.DocRows("d", ids=[{"g1", "g2"}], starts=["2025-03-12"])
    doc.allowed = {("g1", "g3", "2025-03-12")}
    assert not ta._all_right(doc, 0, "g3")  # g2 with g3 is no gold pair
    doc.allowed.add(("g2", "g3", ""))
    assert ta._all_right(doc, 0, "g3")  # a gold pair without a date matches any date
