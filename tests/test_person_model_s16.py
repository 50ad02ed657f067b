"""The learned check of who is a person (graph/nlp/person_model.py) and its training (graph/evaluate/train_persons.py):
candidates and features, a name of an invented delegation list found, a sure non-person dropped, an organisation not
taken for a person (hand-set models), the gold labelling, a trained model's file, and the build without a model file.
Texts here are invented."""

from __future__ import annotations

import json
from importlib import resources

import pytest
import spacy
from spacy.tokens import Span

from graph.evaluate import train_persons as tp
from graph.extract.analyse import analyse
from graph.nlp import person_model as pm
from graph.nlp.model import make_nlp

# makes a person of any run of name words no entity covers, after a comma in a list; drops nothing
ADD_LISTED_RUNS = pm.PersonModel({"lab=RUN": 6.0, "prev=,": 5.0}, -8.0, 0.9, 0.0)
DELEGATION = ("The minister of Varnovia welcomed the visiting delegation, Ilse Maarhof, Tavo Quenbrik, Oskar Lindqvaar "
              "and the mayor of the port city, at the ministry on Monday.")


@pytest.fixture(autouse=True)
def _packaged_model_after():
    yield
    pm.reset_model()
    pm.RECORDER = None


@pytest.fixture(scope="module")
def blank():
    return make_nlp("blank")


def _persons(doc) -> set[str]:
    return {e.text for e in doc.ents if e.label_ == "PERSON"}


def test_features_of_a_titled_name(blank):
    doc = blank("Talks were held with Mr. Oskar Lindqvaar, the Minister of Fisheries, in Varnovia.")
    span = Span(doc, 5, 7, label="RUN")
    feats = pm.features(span)
    assert "prev=mr." in feats and "after_title" in feats
    assert "comma_post" in feats and "n=2" in feats and "shape=Xx" in feats


def test_dictionary_words_make_their_own_features(blank):
    doc = blank("The Action Plan was signed by Tavo Quenbrik yesterday.")
    dictionary = frozenset({"action", "plan", "sign", "yesterday"})
    plan = pm.features(Span(doc, 1, 3, label="RUN"), pm._DocView(doc, dictionary))
    name = pm.features(Span(doc, 6, 8, label="RUN"), pm._DocView(doc, dictionary))
    assert "dict=all" in plan and "dict_last" in plan
    assert "dict=none" in name and "dict_last" not in name


def test_candidates_are_entities_and_uncovered_runs(blank):
    doc = blank("Ilse Maarhof met the envoy of Varnovia and Tavo Quenbrik in Lisbon.")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    got = {(s.text, s.label_) for s in pm.candidates(doc)}
    assert ("Ilse Maarhof", "PERSON") in got and ("Tavo Quenbrik", "RUN") in got
    assert not any(label == "RUN" and "Lisbon" in text for text, label in got)  # one word is no run


def test_a_missed_name_of_a_delegation_list_found(blank):
    pm.use_model(None)
    before = _persons(blank(DELEGATION))
    pm.use_model(ADD_LISTED_RUNS)
    after = _persons(blank(DELEGATION))
    assert "Tavo Quenbrik" not in before
    assert {"Tavo Quenbrik", "Oskar Lindqvaar"} <= after


def test_a_sure_non_person_dropped(blank):
    doc = blank("Tavo Quenbrik met Ilse Maarhof in the capital.")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 5, label="PERSON")]
    pm.use_model(None)
    assert _persons(pm.check_persons(doc)) == {"Tavo Quenbrik", "Ilse Maarhof"}
    # below 0.5 for a sentence-initial person: dropped at drop 0.5
    pm.use_model(pm.PersonModel({"sent_start": -4.0}, 0.0, 0.99, 0.5))
    assert _persons(pm.check_persons(doc)) == {"Ilse Maarhof"}


def test_gold_labels_follow_the_scorer_names():
    gold = {"entities": [{"id": "a", "type": "Person",
                          "names": ["Foreign Minister Ilse Maarhof", "Ilse Maarhof", "Maarhof"]},
                         {"id": "v", "type": "Country", "names": ["Varnovia"]}]}
    names, words = tp.gold_persons(gold)
    assert tp.label("Ilse Maarhof", names, words) == 1
    assert tp.label("Maarhof", names, words) == 1  # a surname said again
    assert tp.label("Varnovia", names, words) == 0
    assert tp.label("Foreign Ministry", names, words) == 0  # title words of an alias are not the person's
    assert tp.label("Ilse Maarhof Foundation", names, words) is None  # more words around a name: left out


def test_build_without_the_model_file(blank, monkeypatch, tmp_path):
    monkeypatch.setattr(resources, "files", lambda package: tmp_path)  # where graph.models reads the file
    pm.packaged.cache_clear()
    try:
        assert pm.packaged() is None
        doc = analyse("t", DELEGATION, blank)
        assert doc is not None
    finally:
        pm.packaged.cache_clear()


def test_a_trained_model_file_loads(tmp_path):
    rows = [tp.Row(("lab=RUN", "dict=none", "prev=,"), "RUN", "Ilse Maarhof", 1),
            tp.Row(("lab=RUN", "dict=none", "prev=,"), "RUN", "Tavo Quenbrik", 1),
            tp.Row(("lab=ORG", "dict=all", "orghead"), "ORG", "Timber Council", 0),
            tp.Row(("lab=ORG", "dict=all", "orghead"), "ORG", "Fisheries Agency", 0)]
    model = tp.fit_docs([tp.DocRows("a", rows), tp.DocRows("b", rows)], labels=False)
    path = tmp_path / "persons.json"
    tp.write_model(path, model, 0.9, "train_persons", ["DIR"], "invented", drop=0.1)
    loaded = pm.PersonModel.from_json(json.loads(path.read_text("utf-8")))
    assert (loaded.add, loaded.drop) == (0.9, 0.1)
    assert not any(k.startswith("lab=") for k in loaded.weights)  # trained without the span's label
    assert loaded.probability(["dict=none", "prev=,"]) > 0.5 > loaded.probability(["dict=all", "orghead"])


# makes a person of a name-like span the dictionary does not know, never of one with an organisation word
NAME_LIKE = pm.PersonModel({"names=all": 4.0, "dict=none": 4.0, "orghead": -20.0}, -5.0, 0.9, 0.0)


def test_an_organisation_is_not_taken_for_a_person(nlp):
    text = ("The Nordic Timber Council and the Varnovian Fisheries Agency signed an agreement in Oslo on Monday. "
            "Minister Ilse Maarhof welcomed the agreement, as did Tavo Quenbrik, Oskar Lindqvaar and Pieter "
            "Brandsvold.")
    pm.use_model(NAME_LIKE)
    persons = _persons(nlp(text))
    assert {"Ilse Maarhof", "Tavo Quenbrik", "Oskar Lindqvaar", "Pieter Brandsvold"} <= persons
    assert not any("Council" in p or "Agency" in p or "Oslo" in p for p in persons)


def test_dictionary_words_of_the_real_pipeline(nlp):
    words = pm.dictionary_words(nlp)
    assert {"summit", "forum", "street"} <= words and "maarhof" not in words
    assert pm.dictionary_words(spacy.blank("en")) == frozenset()
