"""Round 16 on what a meeting was about (issue 16), on sentences written here: the subject areas a candidate's words
put it in are features of the topic ranker (graph/extract/topic_model.py), a candidate that names again what a
subject chosen before names is not added (`topic_model.distinct`), and a noun phrase's label leaves out leading
adverbs, quotation marks and a trailing comma (graph/extract/topic_chunks.py)."""

from __future__ import annotations

import pytest

from graph.extract import topic_model
from graph.extract.analyse import analyse
from graph.extract.topic_chunks import sentence_chunks


@pytest.fixture(autouse=True)
def _packaged_model_after():
    yield
    topic_model.reset_model()
    topic_model.RECORDER = None


def _chunks(nlp, text):
    doc = nlp(text)
    return [c.label for s in doc.sents for c in sentence_chunks(s, 0)]


def _topics(nlp, text):
    doc = analyse("t", text, nlp)
    return [[doc.entities[t.entity].label.lower() for t in e.topics] for e in doc.events]


def test_area_features_of_a_subject():
    assert "area=agriculture" in topic_model.area_features("fishing permits", "Topic", "src=chunk")
    assert "area=trade" in topic_model.area_features("import tariffs", "Topic", "src=chunk")
    feats = topic_model.area_features("port charges", "Topic", "src=chunk")
    assert "area=transport" in feats and "has_area" in feats and "has_area|src=chunk" in feats


def test_no_area_for_a_word_of_ceremony():
    feats = topic_model.area_features("the occasion", "Topic", "src=chunk")
    assert feats == ["no_area", "no_area|src=chunk"]


def test_the_ranker_reads_the_areas(nlp):
    got: dict = {}

    def record(ctx, events, table):
        for ev in events:
            got[ev.key] = table.get(id(ev), [])

    topic_model.RECORDER = record
    analyse("t", "Minister Ivo Brandt of Austria met Minister Sara Okafor of Nigeria in Lagos on Monday. They "
                 "discussed wheat exports and vaccine production.", nlp)
    cands = [c for cs in got.values() for c in cs]
    wheat = next(c for c in cands if "wheat" in c.label.lower())
    assert "area=agriculture" in wheat.features or "area=trade" in wheat.features
    vaccine = next(c for c in cands if "vaccine" in c.label.lower())
    assert "area=health" in vaccine.features


def test_distinct_leaves_out_what_was_said():
    kept = ["cooperation"]
    more = ["energy cooperation", "tariffs", "trade and investment", "trade", "fisheries"]
    assert topic_model.distinct(kept, more, str, 12) == ["cooperation", "tariffs", "trade and investment",
                                                         "fisheries"]


def test_distinct_keeps_the_cap():
    assert topic_model.distinct(["ports"], ["roads", "railways", "airports"], str, 3) == ["ports", "roads",
                                                                                           "railways"]


def test_a_leading_adverb_is_no_part_of_the_subject(nlp):
    labels = _chunks(nlp, "The envoys discussed especially joint control of the river.")
    assert "joint control of the river" in labels
    assert not any(x.startswith("especially") for x in labels)


def test_possessive_and_adverb_both_left_out(nlp):
    labels = _chunks(nlp, "The two ministers talked about primarily their shipping routes.")
    assert "shipping routes" in labels


def test_quotation_marks_and_a_trailing_comma_left_out(nlp):
    labels = _chunks(nlp, "They praised the \u201copen dialogue\u201d with the council and signed the pact of "
                          "friendship, and agreed on closer ties.")
    assert any(x == "open dialogue" for x in labels), labels
    assert not any("\u201c" in x or "\u201d" in x or x.endswith(",") for x in labels), labels


def test_a_meeting_keeps_its_sector_subject(nlp):
    text = ("KARNOV, 3 May 2024 — President Rian Solberg of Iceland received Foreign Minister Amaru Quispe of "
            "Peru in Karnov on Thursday. They discussed fishing permits, the occasion of the visit and "
            "cooperation in geothermal energy.")
    topics = _topics(nlp, text)
    assert topics and any("fishing" in x for x in topics[0]), topics
    assert any("geothermal" in x or "energy" in x for x in topics[0]), topics


LEAD = ("A quarrel over fishing rights has strained ties between Iceland and Peru for a decade. President Rian Solberg of "
        "Iceland received Foreign Minister Amaru Quispe of Peru at the presidential office in Karnov on Thursday. "
        "The two men also spoke about student exchanges.")


def _candidates(nlp, text):
    got: dict = {}

    def record(ctx, events, table):
        for ev in events:
            got[ev.key] = table.get(id(ev), [])

    topic_model.RECORDER = record
    analyse("t", text, nlp)
    return [c for cs in got.values() for c in cs]


def test_the_lead_before_the_first_meeting_gives_candidates(nlp):
    cands = _candidates(nlp, LEAD)
    fishing = next(c for c in cands if "fishing" in c.label.lower())
    assert "beyond=before" in fishing.features
    assert any(f.startswith("beyond+src=before:") for f in fishing.features)
    students = next(c for c in cands if "student" in c.label.lower())
    assert "beyond=before" not in students.features  # in the meeting's own span


def test_no_lead_candidates_for_a_later_meeting(nlp):
    text = ("President Rian Solberg of Iceland received Foreign Minister Amaru Quispe of Peru in Karnov on "
            "Thursday. They discussed fishing rights. On Friday Quispe met Prime Minister Hala Brekke of Iceland "
            "in Karnov to discuss port fees.")
    cands = _candidates(nlp, text)
    assert not any("beyond=before" in c.features and "port" in c.label.lower() for c in cands)
    assert not any("beyond=before" in c.features for c in cands), [c.label for c in cands if c.beyond]
