"""The forms news uses to say what a meeting was about (issue 16), each on a sentence written here: the subjects
`topic_phrases` reads from one parsed sentence, and the topics `analyse` keeps for the event."""

from __future__ import annotations

import pytest

from graph import analyse
from graph.extract.phrases import topic_phrases


def labels_of(nlp, sentence: str) -> list[str]:
    return [label for s in nlp(sentence).sents for label, _, _, _ in topic_phrases(s)]


def topics_of(nlp, text: str) -> tuple[list[str], list[str]]:
    """(labels, types) of the topics of the one meeting `text` tells."""
    doc = analyse("talks.txt", text, nlp)
    (ev,) = [e for e in doc.events if e.type not in ("Summit", "Conference")]
    return [doc.entities[t.entity].label for t in ev.topics], [doc.entities[t.entity].type for t in ev.topics]


@pytest.mark.parametrize("sentence, subject", [
    # the preposition hangs on the one who was told, not on the verb
    ("The governor informed the president of the drought in the northern provinces.", "drought"),
    ("The envoy briefed the foreign minister on the fisheries dispute.", "fisheries dispute"),
    # "regarding", "concerning", "with regard to" after any noun
    ("They held a long discussion regarding the state budget for next year.", "state budget"),
    ("The ministers compared their approaches with regard to the grain corridor.", "grain corridor"),
    # "spoke of", "talked of"
    ("The two delegations spoke of fisheries and maritime transport.", "fisheries"),
    # what was agreed or promised to be done: the object of the verb after "agreed to", "readiness to"
    ("The ministers agreed to open a consulate in the port city.", "consulate"),
    ("The governor voiced readiness to reopen the old ferry line.", "ferry line"),
    # a common noun's possessive is part of the subject
    ("They talked about pensioners' housing.", "pensioners' housing"),
    # a part singled out after a comma
    ("The leaders discussed trade, particularly in the field of fertilisers.", "fertilisers"),
    ("The ministers reviewed the security situation, especially along the northern border.", "northern border"),
])
def test_a_subject_told_in_other_words(nlp, sentence, subject):
    assert any(subject in label for label in labels_of(nlp, sentence)), labels_of(nlp, sentence)


def test_praise_is_no_part_of_a_subject(nlp):
    got = labels_of(nlp, "The two presidents hailed the fruitful and long-standing cooperation in shipbuilding.")
    assert any("shipbuilding" in label for label in got), got
    assert not any("fruitful" in label or "long-standing" in label for label in got), got


def test_a_generic_head_stays_where_it_says_what_about(nlp):
    got = labels_of(nlp, "The ministers discussed the humanitarian situation in the refugee camps.")
    assert any(label.startswith("humanitarian situation") for label in got), got
    # a head that says nothing by itself still gives way to what it is about
    got = labels_of(nlp, "The ministers discussed various aspects of cooperation in aviation.")
    assert not any(label.startswith("aspects") for label in got) and any("aviation" in label for label in got), got


def test_a_country_stated_as_a_subject_is_a_topic(nlp):
    labels, types = topics_of(nlp, "President Tomas Reyes held talks with Prime Minister Ana Duarte on 3 March "
                                   "2025. The two leaders discussed the crisis in Sudan and the drought in the "
                                   "Sahel, especially in Mali.\n")
    assert "Mali" in labels, labels
    assert any("Sudan" in label for label in labels), labels


def test_a_city_where_something_happens_is_no_subject(nlp):
    labels, _ = topics_of(nlp, "President Tomas Reyes held talks with Prime Minister Ana Duarte on 3 March 2025. "
                               "They discussed tourism, especially in Lisbon.\n")
    assert "Lisbon" not in labels and any("tourism" in label for label in labels), labels


def test_a_name_inside_a_stated_subject_is_a_topic(nlp):
    labels, _ = topics_of(nlp, "President Tomas Reyes held talks with Prime Minister Ana Duarte on 3 March 2025. "
                               "They discussed a loan from the Atlantic Development Bank for the new container "
                               "port.\n")
    assert "Atlantic Development Bank" in labels, labels


def test_a_sides_own_organisation_named_with_his_title_is_no_topic(nlp):
    labels, _ = topics_of(nlp, "President Tomas Reyes met with Director of the National Grain Agency Paulo Mendes "
                               "on 3 March 2025. They discussed wheat exports and storage capacity.\n")
    assert any("wheat exports" in label for label in labels), labels
    assert "National Grain Agency" not in labels, labels


def test_a_sentence_naming_no_one_goes_on_about_the_meeting_before(nlp):
    doc = analyse("talks.txt", "On 3 March 2025 President Tomas Reyes held separate meetings with Prime Minister "
                               "Ana Duarte and Finance Minister Jorge Pinto.\nIn the meeting with Duarte, the "
                               "president raised the question of fishing quotas. He also stressed the importance "
                               "of coastal patrols.\nPinto and Reyes reviewed the state budget.\n", nlp)
    topics = {frozenset(doc.entities[q.entity].label for q in ev.participants):
              [doc.entities[t.entity].label for t in ev.topics] for ev in doc.events}
    duarte = next(labels for who, labels in topics.items() if "Ana Duarte" in who and "Jorge Pinto" not in who)
    pinto = next(labels for who, labels in topics.items() if "Jorge Pinto" in who and "Ana Duarte" not in who)
    assert any("coastal patrols" in label for label in duarte), topics
    assert not any("coastal patrols" in label for label in pinto), topics


def test_a_meeting_told_again_in_passing_shares_the_subjects(nlp):
    doc = analyse("talks.txt", "President Tomas Reyes met Prime Minister Ana Duarte on 3 March 2025.\nSince their "
                               "last meeting in Lisbon in January, the two governments have set up a fisheries "
                               "council. The leaders discussed the fisheries council and coastal patrols.\n", nlp)
    today = [ev for ev in doc.events if ev.start == "2025-03-03"]
    assert today, [(ev.start, ev.type) for ev in doc.events]
    labels = [doc.entities[t.entity].label for ev in today for t in ev.topics]
    assert any("coastal patrols" in label for label in labels), labels


def test_lands_between_which_something_is_are_sides_not_subjects(nlp):
    got = labels_of(nlp, "The ministers discussed a supply deal between Andes Copper Ltd and Pacific Smelting Corp "
                         "and the relations between Peru and Chile.")
    assert "Andes Copper Ltd" in got and "Peru" not in got and "Chile" not in got, got
