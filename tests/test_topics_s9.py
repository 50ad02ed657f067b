"""Round 9 on what a meeting was about (issue 16), on sentences written here: passive, inverted and reported forms
(phrase_passive.py) — a passive whose preposition is left behind, a passive put first, the meeting as the subject of
what it featured, "the focus was on X", hope for a thing, a list that goes on past a semicolon or an apposition,
"in addition to" and "including" after a verb of discussing; a part singled out where the rest says nothing."""

from __future__ import annotations

import pytest

from graph import analyse
from graph.extract.phrases import topic_phrases


def labels_of(nlp, sentence: str) -> list[str]:
    return [label for s in nlp(sentence).sents for label, _, _, _ in topic_phrases(s)]


def _has(got: list[str], want: str) -> bool:
    return any(want.lower() in label.lower() for label in got)


@pytest.mark.parametrize("sentence, subjects", [
    # a passive whose preposition is left behind
    ("During the talks with the Lirian delegation, the recent floods in the delta were touched upon.", ["floods"]),
    ("The border crossing was also talked about at the dinner.", ["border crossing"]),
    ("Water rights were briefly dwelt upon before the press conference.", ["water rights"]),
    # a passive put first
    ("Highlighted during the meeting was water security, a growing worry in the hills.", ["water security"]),
    ("Discussed at length were the railway tariffs and the new customs post.", ["railway tariffs", "customs post"]),
    # the meeting as the subject of what it held
    ("The talks also featured the fishing quota deal and ways of protecting coral reefs.",
     ["fishing quota deal", "coral reefs"]),
    ("The session covered grain storage and rural roads.", ["grain storage", "rural roads"]),
    ("Their conversation touched on the airport expansion.", ["airport expansion"]),
    # the weight put on a thing
    ("The main focus, the envoy added, was on building up trade ties.", ["trade ties"]),
    ("The emphasis of the consultations was on the hydropower dam.", ["hydropower dam"]),
    # hope for a thing
    ("Governor Almas expressed hope for closer maritime cooperation.", ["maritime cooperation"]),
    ("The senator voiced support for the solar park in the south.", ["solar park"]),
])
def test_passive_inverted_and_reported_forms_state_a_subject(nlp, sentence, subjects):
    got = labels_of(nlp, sentence)
    for want in subjects:
        assert _has(got, want), (want, got)


@pytest.mark.parametrize("sentence, subjects", [
    ("The two premiers held discussions on cooperation; security developments in the region, as well as global "
     "issues of mutual concern.", ["cooperation", "security developments", "global issues"]),
    ("The ministers exchanged views on bilateral relations, the evolution of the electoral situation in Vardonia, "
     "as well as regional issues.", ["bilateral relations", "electoral situation", "regional issues"]),
    ("Aspects of cooperation were discussed, including fisheries and mining, in addition to developments in the "
     "region.", ["fisheries", "mining", "developments in region"]),
    ("The mayors discussed issues of importance to both cities especially on opening trade offices.",
     ["trade offices"]),
])
def test_a_list_the_parse_scatters_is_read_whole(nlp, sentence, subjects):
    got = labels_of(nlp, sentence)
    for want in subjects:
        assert _has(got, want), (want, got)


def test_a_gerund_phrase_does_not_swallow_the_next_item(nlp):
    got = labels_of(nlp, "The mayors discussed issues of importance to both cities especially on opening trade "
                         "offices and expansion of investment opportunities.")
    assert not any("offices" in g and "investment" in g for g in got), got


@pytest.mark.parametrize("sentence", [
    # a passive with its own object after the preposition, a meeting that was merely held, a focus of a person
    "The delegation was welcomed at the airport by the deputy mayor.",
    "The talks lasted two hours.",
    "The minister said the visit was a success.",
    "The press conference was held after the talks.",
    "The emir expressed his thanks to the president for his wise leadership.",
])
def test_no_subject_where_none_is_stated(nlp, sentence):
    got = labels_of(nlp, sentence)
    assert not any(x in " ".join(got).lower() for x in ("airport", "hours", "success", "press conference",
                                                         "leadership")), got


def test_a_meeting_whose_talks_featured_subjects_has_them(nlp):
    text = ("Vardonian premier meets Lirian counterpart\n\n"
            "Prime Minister Oskar Lend of Vardonia met Prime Minister Ana Petric of Liria in Korvo on Tuesday.\n\n"
            "The talks also featured the river ferry service and the shared power grid. Highlighted during the "
            "meeting was flood control, a growing worry in both countries.\n")
    doc = analyse("talks.txt", text, nlp)
    (ev,) = [e for e in doc.events if len(e.participants) >= 2]
    labels = " | ".join(doc.entities[t.entity].label for t in ev.topics).lower()
    for want in ("ferry service", "power grid", "flood control"):
        assert want in labels, labels


@pytest.mark.parametrize("sentence, subject", [
    ("During the dinner with the Lirians, the recent coup in Vardonia, which borders Liria, was touched upon.",
     "coup in Vardonia"),
    ("At the lunch with the Lirian envoy, the drought in the north, which hit farmers hard, was discussed.",
     "drought"),
])
def test_a_passive_whose_subject_the_parse_lost_still_has_it(nlp, sentence, subject):
    assert _has(labels_of(nlp, sentence), subject), labels_of(nlp, sentence)


def test_one_purpose_stated_for_a_series_of_meetings_goes_to_each(nlp):
    text = ("Vardonian president holds talks on summit sidelines\n\n"
            "President Oskar Lend of Vardonia met Prime Minister Ana Petric of Liria on Monday. Later he met "
            "President Ivo Marek of Soravia.\n\n"
            "While the meetings are intended to address issues related to river pollution, an aide told reporters "
            "that other matters would come up too.\n")
    doc = analyse("series.txt", text, nlp)
    met = [e for e in doc.events if len(e.participants) >= 2]
    assert len(met) >= 2, [[doc.entities[p.entity].label for p in e.participants] for e in doc.events]
    for ev in met:
        labels = [doc.entities[t.entity].label for t in ev.topics]
        assert "river pollution" in labels, labels


@pytest.mark.parametrize("sentence, subject", [
    ("Premier Vasko conveyed his government's and people's gratitude to the people of Liria for its flood relief.",
     "flood relief"),
    ("The governor expressed his deep appreciation to the ambassador for the new water pumps.", "water pumps"),
])
def test_thanks_given_for_a_thing_name_it(nlp, sentence, subject):
    assert _has(labels_of(nlp, sentence), subject), labels_of(nlp, sentence)


def test_a_list_after_a_semicolon_hung_on_an_earlier_word_is_read(nlp):
    got = labels_of(nlp, "The trip came after a visit to Liria, where the two leaders held talks on trade; "
                         "maritime and border developments in the region, as well as issues of common concern.")
    assert _has(got, "border developments"), got


@pytest.mark.parametrize("sentence, subjects", [
    ("The ministers discussed the partnership spanning priority areas including ports, schools and fisheries.",
     ["ports", "schools", "fisheries"]),
    ("We are proud of our cooperation across a broad range of sectors including policing and health.",
     ["policing", "health"]),
    ("The talks also featured discussions on ways of enhancing regional trade.", ["regional trade"]),
])
def test_what_a_thing_spans_or_takes_in_is_a_subject(nlp, sentence, subjects):
    got = labels_of(nlp, sentence)
    for want in subjects:
        assert _has(got, want), (want, got)
    assert not any(g.startswith("discussions") for g in got), got
