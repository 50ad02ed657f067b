"""General forms of news English that say what a meeting was about (issue 16, round 6), each in a text written here."""

from __future__ import annotations

import pytest

from graph import analyse
from graph.extract.phrases import topic_phrases


def labels_of(nlp, sentence: str) -> list[str]:
    return [label for s in nlp(sentence).sents for label, _, _, _ in topic_phrases(s)]


@pytest.mark.parametrize("sentence, subjects", [
    # "held talks with X on A, B and C": the "on" hangs on "held", not on "talks"
    ("Earlier, the governor met and held talks with her Chilean counterpart Pablo Rojas on port security, fisheries, "
     "cultural and scientific exchanges between the two provinces.", ["port security", "fisheries", "scientific exchanges"]),
    ("Talks were held on Tuesday about rail freight and tourism.", ["rail freight", "tourism"]),
    # the complement after the noun says what the subject is
    ("The two mayors discussed border security, especially the war on poaching.", ["war on poaching"]),
    ("They discussed the fight against money laundering and cooperation on energy.",
     ["fight against money laundering", "energy"]),
    # what a side is grateful for, interested in; an idiom for "dealt with"
    ("The minister said she was grateful for the donation of ambulances and for the training of nurses.",
     ["donation of ambulances", "training of nurses"]),
    ("The province is interested in joint research on wheat varieties.", ["research on wheat varieties"]),
    ("The meeting shed light on maritime cooperation within the framework of the regional body.",
     ["maritime cooperation"]),
    ("The city will keep seeking foreign investment.", ["foreign investment"]),
    # what the meeting dealt with as the sentence's subject
    ("Fisheries and the new ferry port were on the agenda.", ["fisheries", "ferry port"]),
    ("Grain exports dominated the talks.", ["grain exports"]),
    ("Topics included grain exports, visas and the rail link.", ["grain exports", "visas", "rail link"]),
    ("They also touched upon the situation in the Sahel.", ["situation in Sahel"]),
    # "X are among the areas of cooperation"; "in particular through X"; "develop them in X"
    ("Forestry, fisheries and culture are also among the spheres of cooperation.",
     ["forestry", "fisheries", "culture"]),
    ("They agreed to expand ties in many areas, in particular through student exchanges.", ["student exchanges"]),
    ("The two sides stressed the need to deepen them in agriculture and tourism.", ["agriculture", "tourism"]),
    # "the importance of A and of B": both
    ("They stressed the importance of keeping the peace accord and of protecting the rights of fishermen.",
     ["peace accord", "rights of fishermen"]),
])
def test_general_forms_of_what_was_discussed(nlp, sentence, subjects):
    got = labels_of(nlp, sentence)
    assert all(any(s.lower() in label.lower() for label in got) for s in subjects), got


@pytest.mark.parametrize("sentence, not_subjects", [
    # the day after "on" is when the talks were held
    ("The mayor held talks with the governor on 3 June on fishing quotas.", ["3 June", "June"]),
    ("Talks were held on Tuesday about rail freight.", ["Tuesday"]),
    ("The ministers were among the guests of the talks.", ["guests"]),
    # a list hung on a subject's complement by the parse is not part of it
    ("The meeting covered the dredging of the canal, tourism and cooperation in health, education and science.",
     ["dredging of canal in health"]),
    # a delegation's members are not what it talked about
    ("The delegation included three ministers of the interior.", ["ministers", "three ministers of interior"]),
    # who the exchanges were between is not what about
    ("The governor held talks with Pablo Rojas on fisheries and cultural exchanges between the two provinces.",
     ["provinces"]),
])
def test_what_is_not_a_subject(nlp, sentence, not_subjects):
    got = labels_of(nlp, sentence)
    assert not any(label in not_subjects for label in got), got


def test_a_gerund_before_a_subject_already_there_is_not_a_second_subject(nlp):
    got = labels_of(nlp, "They stressed the importance of maintaining the peace accord.")
    assert got == ["peace accord"], got


def test_a_nations_people_are_a_side_not_a_subject(nlp):
    text = ("Governor Ana Lopez met Mayor Tomas Berg in Lima on 3 May 2022. They discussed the visas of Chileans, "
            "Peruvians and Bolivians working in the port.")
    doc = analyse("people.txt", text, nlp)
    labels = [doc.entities[t.entity].label for ev in doc.events for t in ev.topics]
    assert any("visas" in label for label in labels) and not {"Chileans", "Peruvians", "Bolivians"} & set(labels), \
        labels


def test_a_short_name_inside_a_longer_subject_does_not_replace_it(nlp):
    text = ("Governor Ana Lopez met Mayor Tomas Berg in Lima on 3 May 2022. They discussed the pension rights of "
            "Baltic Shipping Company workers living abroad.")
    doc = analyse("pension.txt", text, nlp)
    labels = [doc.entities[t.entity].label for ev in doc.events for t in ev.topics]
    assert any("pension rights" in label for label in labels), labels
