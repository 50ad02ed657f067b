"""Round 15 on what a meeting was about (issue 16), on texts written here: the trained topic ranker
(graph/extract/topic_model.py) reads each meeting's candidates (the rules' subjects, the subjects stated, the names
and the noun phrases of its span) with features any news text has, and the shipped model (graph/data/topics.json)
chooses among them; without a model the rules' subjects stay."""

from __future__ import annotations

import pytest

from graph.extract import topic_model
from graph.extract.analyse import analyse
from graph.extract.learned import Packaged

TEXT = ("VALDORA, 12 March 2024 — President Anna Kerrow of Ghana met Prime Minister Tomas Ilves of Estonia at the "
        "Marble Palace in Valdora on Tuesday. The two leaders discussed renewable energy cooperation and the "
        "construction of a deep-water seaport. Ilves arrived from Paris on Monday evening.")


@pytest.fixture(autouse=True)
def _packaged_model_after():
    yield
    topic_model.reset_model()
    topic_model.RECORDER = None


def _read(nlp, text=TEXT):
    """The candidates of each meeting (as the model sees them) and the document."""
    got: dict = {}

    def record(ctx, events, table):
        for ev in events:
            got[ev.key] = table.get(id(ev), [])

    topic_model.RECORDER = record
    doc = analyse("t", text, nlp)
    return got, doc


def _by_label(cands, want):
    return next((c for c in cands if want in c.label.lower()), None)


def test_features_of_a_discussed_subject(nlp):
    got, _ = _read(nlp)
    cands = next(iter(got.values()))
    energy = _by_label(cands, "renewable energy")
    assert energy is not None
    assert "from=stated" in energy.features or "from=chunk" in energy.features
    assert any(f.startswith("dist=") for f in energy.features)
    assert "kind=Topic" in energy.features


def test_features_of_a_noun_phrase_and_its_governor(nlp):
    got, _ = _read(nlp)
    cands = next(iter(got.values()))
    port = _by_label(cands, "seaport")
    assert port is not None
    assert "from=chunk" in port.features or "from=stated" in port.features
    # the phrase's head word is read from the parse or the label
    assert any(f.startswith("head=") for f in port.features)


def test_features_of_a_passing_place(nlp):
    got, _ = _read(nlp)
    cands = next(iter(got.values()))
    paris = _by_label(cands, "paris")
    assert paris is not None
    assert "from=named" in paris.features and "kind=Place" in paris.features
    assert "in_sentence" not in paris.features


def test_head_word_and_buckets():
    assert topic_model.head_word("cooperation in renewable energy") == "cooperation"
    assert topic_model.head_word("the tariff agreement") == "agreement"
    assert topic_model._bucket(0, (0, 1, 2)) == "0"
    assert topic_model._bucket(2, (0, 1, 2)) == "2"
    assert topic_model._bucket(7, (0, 1, 2)) == "2+"


def test_the_shipped_model_prefers_the_discussed_subject(nlp):
    model = topic_model.current_model()
    assert model is not None, "graph/data/topics.json is shipped"
    got, doc = _read(nlp)
    cands = next(iter(got.values()))
    p = {c.label.lower(): model.probability(c.features) for c in cands}
    energy = max(v for k, v in p.items() if "renewable energy" in k)
    for passing in ("paris", "valdora", "marble palace"):
        near = [v for k, v in p.items() if passing in k]
        assert all(energy > v for v in near), (passing, p)
    labels = {doc.entities[t.entity].label.lower() for e in doc.events for t in e.topics}
    assert any("energy" in x for x in labels)
    assert not any(x in ("paris", "valdora") for x in labels)


def test_a_second_invented_readout(nlp):
    text = ("NORVIK, 4 June 2023 — Foreign Minister Lena Dahl of Norway received Ambassador Kofi Mensah of Ghana "
            "in Norvik. They talked about fisheries management and a new visa regime for students. Mensah had "
            "earlier visited Bergen.")
    model = topic_model.current_model()
    got, doc = _read(nlp, text)
    cands = next(iter(got.values()))
    p = {c.label.lower(): model.probability(c.features) for c in cands}
    fish = max(v for k, v in p.items() if "fisheries" in k)
    assert all(fish > v for k, v in p.items() if k in ("bergen", "norvik")), p
    labels = {doc.entities[t.entity].label.lower() for e in doc.events for t in e.topics}
    assert any("fisheries" in x for x in labels)


def test_the_build_works_without_the_model(nlp):
    assert Packaged("no-such-model.json").packaged() is None
    topic_model.use_model(None)
    doc = analyse("t", TEXT, nlp)
    assert doc.events
    labels = {doc.entities[t.entity].label.lower() for e in doc.events for t in e.topics}
    assert any("energy" in x for x in labels)  # the rules' subject, as before
    # no concept is made from a noun phrase when no model chooses
    assert not any(k.startswith("topic/") and "seaport" in k and k not in
                   {t.entity for e in doc.events for t in e.topics} for k in doc.entities)


def test_a_model_that_drops_everything(nlp):
    topic_model.use_model(topic_model.TOPICS.packaged().__class__({}, -10.0, 0.5))
    doc = analyse("t", TEXT, nlp)
    assert all(not e.topics for e in doc.events)
