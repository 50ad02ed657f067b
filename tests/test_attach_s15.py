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


def test_without_a_model_the_build_works_and_attaches_nothing(nlp):
    attach.use_model(None)
    got = _events(nlp, TWO_PARAGRAPHS)
    assert ["Ana Vale", "Ben Kor"] in got and not any("Lia Dorn" in e for e in got)


def test_a_model_the_training_writes_loads(tmp_path):
    rows = [attach.Row(0, f"person/{i}", 1, ("cue=attended",) if i % 2 else ("cue=said",)) for i in range(20)]
    doc = ta.DocRows("d", rows=rows, labels=[i % 2 for i in range(20)])
    model = ta.fit_docs([doc], l2=0.1, add=0.7)
    data = {"add": model.add, "bias": model.bias, "weights": model.weights}
    (tmp_path / "attach.json").write_text(json.dumps(data), encoding="utf-8")
    loaded = Model.from_json(json.loads((tmp_path / "attach.json").read_text(encoding="utf-8")))
    assert loaded.add == 0.7 and loaded.probability(("cue=attended",)) > 0.7 > loaded.probability(("cue=said",))


def test_no_model_is_packaged_so_nothing_is_attached():
    # not shipped in the fifteenth round: measured, it did not win (docs/evaluation.md); the build runs without it
    assert not resources.files("graph.data").joinpath("attach.json").is_file()
    assert attach.packaged_model() is None and attach.current_model() is None


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


def test_in_the_events_sentence_two_guests_of_two_countries_stay_apart(nlp):
    # the pair model keeps them apart ("sessions with the Thai Prime Minister A and Jordan's King B"): so does this
    from graph.extract import learned

    attach.use_model(Model({}, 10.0, 0.5))  # passes every row it is given
    learned.use_model(Model({}, 10.0, 0.5))
    try:
        got = _events(nlp, "President Lena Berg held bilateral talks in Geneva on Friday.\n\nThese were followed by "
                           "sessions with Thai Prime Minister Somchai Dee and Jordan's King Faisal on Saturday.\n")
    finally:
        learned.reset_model()
    assert not any({"Somchai Dee", "Faisal"} <= set(e) for e in got)


def test_a_country_whose_minister_is_named_there_is_not_attached(nlp):
    # "her peers from Chile and Kenya, A and B": the people were met; the pair model (passing every pair) pairs the
    # two countries; a model that attaches only where a meeting's words are said joins no country to the people met
    from graph.extract import learned

    attach.use_model(PASS_CUED)
    learned.use_model(Model({}, 10.0, 0.5))
    try:
        got = _events(nlp, "In Lima, Foreign Minister Ana Ruiz met her peers from Chile and Kenya, Tomas Vidal and "
                           "John Mwangi.")
    finally:
        learned.reset_model()
    assert not any({"Ana Ruiz", "Chile"} <= set(e) or {"Ana Ruiz", "Kenya"} <= set(e) for e in got)
