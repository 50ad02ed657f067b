"""Round 11 on what a meeting was about (issue 16): precision on unseen outlets. Sentences written here, names
invented (the lands are real: the gazetteer knows them)."""

from __future__ import annotations

import graph.extract.phrases as phrases
from graph.extract.analyse import analyse

LEAD = "MOLVA, 3 May 2024 — President Ana Vale met Foreign Minister Ben Kor of Chile on Thursday. "
ROUND = ("The press secretary said that envoys of Chile, Peru, Norway, Ghana and Kenya, deployed in Spain, paid a "
         "courtesy call on Prime Minister Ana Vale. The ambassadors conveyed congratulatory messages from their heads "
         "of state and government. They also exchanged views on bilateral issues of mutual interest.")


def _meetings(nlp, text):
    """(participants, topics) of each event, labels in lower case, as sets."""
    doc = analyse("t", text, nlp)
    return [({doc.entities[q.entity].label.lower() for q in e.participants},
             {doc.entities[t.entity].label.lower() for t in e.topics}) for e in doc.events]


def _has(got: set[str], want: str) -> bool:
    return any(want in label for label in got)


def test_the_other_envoys_of_a_round_are_not_what_a_call_was_about(nlp, monkeypatch):
    monkeypatch.setattr(phrases, "_land_in_passing", lambda run: False, raising=False)  # this rule alone
    got = _meetings(nlp, ROUND)
    assert len(got) == 5
    for people, topics in got:
        assert _has(topics, "bilateral issues")
        assert not topics & {"chile", "peru", "norway", "ghana", "kenya"}


def test_the_land_an_envoy_is_posted_to_is_not_a_subject(nlp):
    got = _meetings(nlp, ROUND)
    assert got and all("spain" not in topics and _has(topics, "bilateral issues") for _, topics in got)


def test_a_land_named_as_a_side_inside_a_subject_is_not_one(nlp):
    got = _meetings(nlp, LEAD + "They discussed the Pacific leaders' summit and the priorities of the Kenyan "
                                "government, and an alliance with Peru.")
    assert len(got) == 1
    topics = got[0][1]
    assert _has(topics, "summit") and _has(topics, "alliance")
    assert "peru" not in topics and "pacific" not in topics


def test_a_land_where_a_subject_is_stays(nlp):
    got = _meetings(nlp, LEAD + "They discussed fishing rights in the waters around the Falkland Islands and the "
                                "drought in Ethiopia.")
    assert len(got) == 1 and "falkland islands" in got[0][1] and _has(got[0][1], "drought in ethiopia")


def test_the_crisis_in_a_land_stays(nlp):
    got = _meetings(nlp, LEAD + "They discussed the crisis in Sudan and the shipping lanes near the Horn of Africa.")
    assert len(got) == 1 and _has(got[0][1], "crisis in sudan") and "horn of africa" in got[0][1]


# a verb no rule knows: only a stub pair model that weighs it reads a meeting here (as in test_topics_s10)
ZORBLED = ("OSTERVILLE, 3 May 2024 — President Ana Vale met Foreign Minister Dora Lint of Molvania on Thursday. "
           "They discussed the copper mine dispute.\n\n"
           "President Ana Vale zorbled Prime Minister Ben Kor at the lakeside residence on Friday. ")


def _learned_topics(nlp, text):
    from graph.extract import learned
    learned.use_model(learned.Model({"btw=zorbled": 6.0}, -3.0, 0.8))
    try:
        doc = analyse("t", text, nlp)
    finally:
        learned.reset_model()
    return [{doc.entities[t.entity].label.lower() for t in e.topics} for e in doc.events if e.method == "learned"]


def test_a_body_merely_named_near_a_learned_meeting_is_not_its_subject(nlp):
    got = _learned_topics(nlp, ZORBLED + "The dinner was hosted by the Osterville Chamber of Commerce and the "
                                         "Molvanian Rowing Federation. Vale stressed the importance of the ferry line.")
    assert got and _has(got[0], "ferry line")
    assert not _has(got[0], "chamber of commerce") and not _has(got[0], "rowing federation")


def test_a_body_said_to_be_discussed_at_a_learned_meeting_stays(nlp):
    got = _learned_topics(nlp, ZORBLED + "They discussed the Osterville Chamber of Commerce and the ferry line.")
    assert got and _has(got[0], "ferry line") and _has(got[0], "chamber of commerce")


def test_the_subject_of_a_said_be_is_a_view_not_a_subject(nlp):
    got = _meetings(nlp, LEAD + "They discussed the ferry line. Vale said the truth was that the old quarrel had "
                                "ended.")
    assert len(got) == 1 and "ferry line" in got[0][1] and "truth" not in got[0][1]


def test_where_a_said_be_puts_the_focus_stays_and_the_focus_goes(nlp):
    got = _meetings(nlp, LEAD + "They discussed the ferry line. Kor noted that the focus of his visit is on the "
                                "harbour.")
    assert len(got) == 1 and "harbour" in got[0][1] and not _has(got[0][1], "focus")


def test_the_subject_of_another_said_verb_stays(nlp):
    got = _meetings(nlp, LEAD + "They discussed the ferry line. Kor noted that forty Chilean firms operate in the "
                                "free zone.")
    assert len(got) == 1 and _has(got[0][1], "chilean firms")


def test_a_state_office_merely_named_is_no_subject_where_none_is_stated(nlp):
    got = _meetings(nlp, LEAD.replace("on Thursday. ", "on Thursday, the Foreign Office of Molvania said. ")
                    + "The meeting was held at the Molvanian Armed Forces headquarters.")
    assert len(got) == 1
    assert not _has(got[0][1], "foreign office") and not _has(got[0][1], "armed forces")


def test_a_ministry_and_a_department_merely_named_are_no_subjects(nlp):
    got = _meetings(nlp, LEAD.replace("on Thursday. ", "on Thursday, the Molvanian State Department said. ")
                    + "The Ministry of Fisheries of Molvania hosted a dinner.")
    assert len(got) == 1
    assert not _has(got[0][1], "state department") and not _has(got[0][1], "ministry")


def test_a_body_merely_named_that_is_no_state_office_stays(nlp):
    got = _meetings(nlp, LEAD + "The Tarvik Port Authority hosted the dinner.")
    assert len(got) == 1 and _has(got[0][1], "tarvik port")


FIELDS = ["fisheries", "forestry", "tourism", "shipbuilding", "rail transport", "civil aviation", "water supply",
          "public health", "higher education", "vocational training", "cyber security", "customs procedures",
          "food safety", "mining", "space research", "sports", "film production"]


def test_a_long_readout_keeps_up_to_sixteen_subjects(nlp):
    got = _meetings(nlp, LEAD + "They discussed " + ", ".join(FIELDS[:-1]) + " and " + FIELDS[-1] + ".")
    assert len(got) == 1
    topics = got[0][1]
    # (round 10 kept 13; round 11 16; round 13 raised the cap to 20: all seventeen fields are kept)
    assert 16 <= len(topics) <= 20 and sum(f in topics for f in FIELDS) >= 16


UNGA = "NEW YORK, 21 September 2024 — President Ana Vale met Prime Minister Ben Kor of Chile "


def test_the_gathering_a_meeting_was_on_the_sidelines_of_is_not_its_subject(nlp):
    got = _meetings(nlp, UNGA + "on the sidelines of the UN General Assembly on Thursday. The Tarvik Port Authority "
                                "hosted the dinner.")
    meetings = [t for p, t in got if "ben kor" in p]
    assert meetings and _has(meetings[0], "tarvik port") and not _has(meetings[0], "general assembly")


def test_a_gathering_said_to_be_discussed_stays(nlp):
    got = _meetings(nlp, UNGA + "on Thursday. They discussed the reform of the UN General Assembly.")
    assert len(got) == 1 and _has(got[0][1], "general assembly")
