"""Round 14: rules before the pair model that keep out what it passed at a lower threshold (0.5, 0.55) in our own
texts (graph/extract/pair_filters.py): sentences that set what they tell in the future,
names only recalled ("then President A", "the late King B") or discussed ("A, B discuss C"), and a month without a
day that is another thing's time. Texts here are invented."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

from graph.evaluate import train_participants as tp
from graph.extract import learned, pair_filters
from tests.test_learned_s9 import _events, _packaged_model_after  # noqa: F401 (the packaged model after each test)

EVERY = learned.Model({}, 10.0, 0.5)  # passes every pair it is asked about


def _learned_pairs(nlp, text):
    learned.use_model(EVERY)
    return [names for m, _, names in _events(nlp, text) if m == "learned"]


def _with(pairs, name):
    return [p for p in pairs if name in p]


def test_the_shipped_threshold_is_the_training_default():
    data = json.loads(resources.files("graph.data").joinpath("participants.json").read_text("utf-8"))
    assert data["add"] == tp.ADD == 0.6
    assert learned.packaged_model().add == 0.6


def test_a_talk_later_this_month_is_a_plan(nlp):
    text = ("OSTERVILLE, 3 May 2024 — President Ana Vale said she would raise the ferry tariffs with Prime Minister "
            "Ben Kor of Norland later this month.")
    assert not _with(_learned_pairs(nlp, text), "Ben Kor")


def test_an_accepted_invitation_to_visit_next_year_is_a_plan(nlp):
    text = ("OSTERVILLE, 3 May 2024 — Prime Minister Ben Kor said President Tomas Rell of Vellmark had accepted an "
            "invitation to make an official visit to Norland next year.")
    assert not _with(_learned_pairs(nlp, text), "Tomas Rell")


def test_an_invitation_to_visit_alone_is_a_plan():
    assert pair_filters.planned("Chancellor Ida Moor extended an invitation to Premier Jon Sato to visit Vellmark.")
    assert not pair_filters.planned("The visit came at the invitation of Premier Jon Sato.")


def test_a_meeting_earlier_this_month_is_no_plan():
    assert not pair_filters.planned("President Ana Vale met Prime Minister Ben Kor earlier this month in Osterville.")
    assert not pair_filters.planned("Next, President Ana Vale met Prime Minister Ben Kor at the port.")


def test_a_name_with_a_past_post_is_only_recalled(nlp):
    text = ("OSTERVILLE, 3 May 2024 — Prime Minister Ben Kor said the bridge was first proposed in 2011 by the then "
            "President Karl Ost.")
    assert not _with(_learned_pairs(nlp, text), "Karl Ost")
    text = "The dam was first proposed by then-President Karl Ost."
    assert pair_filters.only_mentioned(text, text.index("Karl"))
    text = "The Prime Minister paid tribute to the late King Arvo Lenn."
    assert pair_filters.only_mentioned(text, text.index("Arvo"))


def test_then_as_the_next_step_is_no_past_post():
    text = "Vale first toured the harbour, and then President Ana Vale met Prime Minister Ben Kor."
    assert not pair_filters.only_mentioned(text, text.index("Ana"))
    assert not pair_filters.only_mentioned(text, text.index("Ben"))


def test_what_is_discussed_is_not_who_discusses():
    text = "Vale, Kor discuss Norland power link"
    assert pair_filters.only_mentioned(text, text.index("Norland"))
    assert not pair_filters.only_mentioned(text, text.index("Kor"))
    text = "President Ana Vale discussed the ferry tariffs with Prime Minister Ben Kor."
    assert not pair_filters.only_mentioned(text, text.index("Ben"))


def test_a_month_without_a_day_of_another_month_does_not_date_the_meeting():
    ref = dt.date(2025, 1, 23)
    text = ("The President ended the day by meeting the head of the ports authority, Ben Kor, on preparations for "
            "the Osterville Trade Fair in March.")
    assert learned._start(text, ref, "", "") == "2025-01-23"
    assert learned._start("They met on 21 January.", ref, "", "") == "2025-01-21"
    assert learned._start("They met in January.", ref, "", "") == "2025-01"
