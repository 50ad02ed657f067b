"""More forms news uses to say what a meeting was about (issue 16, round 4), each on a sentence written here: the
subjects `topic_phrases` reads from one parsed sentence, and the topics `analyse` keeps for the event."""

from __future__ import annotations

import pytest

from graph import analyse
from graph.extract.phrases import topic_phrases


def labels_of(nlp, sentence: str) -> list[str]:
    return [label for s in nlp(sentence).sents for label, _, _, _ in topic_phrases(s)]


@pytest.mark.parametrize("sentence, subject", [
    # a generic head with an infinitive: what the verb after it acts on
    ("The ministers discussed ways to curb inflation in the region.", "inflation"),
    ("The two envoys examined measures to protect the coral reefs.", "coral reefs"),
    # "negotiate on / over"
    ("He said his government was ready to negotiate with them on fishing quotas.", "fishing quotas"),
    # what a feeling is about: "expressed satisfaction with", "voiced concern over"
    ("The governor expressed satisfaction with the progress of the railway project.", "railway project"),
    ("The envoy voiced concern over the rising price of fuel.", "price of fuel"),
    # a gerund after a preposition: what it acts on
    ("The mayors talked about building a new bridge across the river.", "bridge"),
    # what one side asks or proposes the other do: the object of the verb after "suggested", "urged … to"
    ("He suggested the two governments soon open a consular office in the port.", "consular office"),
    ("The governor urged the mayors to speed up the rebuilding of schools.", "rebuilding of schools"),
    # a letter or message handed over, condolences offered
    ("The envoy handed over a letter from the prime minister of the island state.", "letter from prime minister"),
    ("The minister delivered a written message from the king.", "written message"),
    ("She offered her deep condolences over the victims of the floods.", "condolences over victims"),
    ("The new ambassador presented her credentials to the president at a short ceremony.", "credentials"),
    # what is thanked for (with what a gerund there acts on), worked for, hosted, awarded, to be kept up
    ("The mayor thanked the governor for his support in building rural clinics.", "rural clinics"),
    ("They agreed to work together for the success of the regional games.", "regional games"),
    ("He said his country would like to host the next trilateral summit.", "trilateral summit"),
    ("The president awarded the surgeon the Order of Merit.", "Order of Merit"),
    ("They hoped to continue the steady progress in bilateral trade.", "bilateral trade"),
    # what the sides think of a subject: "compared their assessments of …"
    ("They compared their assessments of the security situation on the border.", "security situation"),
])
def test_a_subject_told_in_other_words(nlp, sentence, subject):
    assert any(subject in label for label in labels_of(nlp, sentence)), labels_of(nlp, sentence)


@pytest.mark.parametrize("sentence, vague, subject", [
    ("The leaders discussed friendship, trust and the dredging of the harbour.", {"friendship", "trust"},
     "dredging of harbour"),
    ("The two ministers stressed dialogue and talked about tariffs on steel.", {"dialogue"}, "tariffs on steel"),
])
def test_a_word_that_says_how_not_what_about_is_no_subject_alone(nlp, sentence, vague, subject):
    got = labels_of(nlp, sentence)
    assert subject in got and not vague & set(got), got


def test_a_compound_keeps_a_vague_word(nlp):
    got = labels_of(nlp, "The ministers discussed the trade dialogue and the trust fund for farmers.")
    assert "trade dialogue" in got and any(label.startswith("trust fund") for label in got), got


def test_the_one_visit_of_a_text_has_the_subjects_it_states(nlp):
    text = ("OSLO, May 4 -- The Prime Minister of Norway, Erna Solberg, received on Friday at the Government House "
            "the President of Finland, Sauli Niinisto, on his state visit to Norway.\n\n"
            "The talks touched on fishing quotas in the Barents Sea and the reopening of the ferry line.")
    doc = analyse("visit.txt", text, nlp)
    # since round 10 the guest is found as a person (a name in a person's slot): the meeting the visit frames has
    # the subjects (the state visit itself is an event too, with none of its own)
    (ev,) = [e for e in doc.events if {doc.entities[p.entity].label for p in e.participants} == {"Erna Solberg",
                                                                                                   "Sauli Niinisto"}]
    labels = [doc.entities[t.entity].label for t in ev.topics]
    assert any("fishing quotas" in label for label in labels) and "reopening of ferry line" in labels, labels



def test_an_office_that_speaks_is_not_what_the_meeting_was_about(nlp):
    text = ("King Harald received President Sauli Niinisto at the palace on 4 May 2021, the Royal Court said.\n\n"
            "The two discussed the planned rail tunnel and fishing quotas, the Royal Court said in a statement. "
            "The Royal Court added that the king would visit Helsinki next year.")
    doc = analyse("audience.txt", text, nlp)
    (ev,) = doc.events
    labels = [doc.entities[t.entity].label for t in ev.topics]
    assert "planned rail tunnel" in labels and "Royal Court" not in labels, labels


def test_a_phrase_naming_people_is_no_subject(nlp):
    got = labels_of(nlp, "The two leaders talked about the senior border officials and the harbour tariffs.")
    assert "harbour tariffs" in got and not any(label.endswith("officials") for label in got), got


def test_a_subject_that_is_a_thing_of_its_own_is_a_project(nlp):
    text = ("President Tomas Reyes held talks with Prime Minister Ana Duarte on 3 March 2022.\n\n"
            "The talks focused on the fisheries agreement, the planned gas pipeline and tourism.")
    doc = analyse("talks.txt", text, nlp)
    (ev,) = doc.events
    kinds = {doc.entities[t.entity].label: doc.entities[t.entity].type for t in ev.topics}
    assert kinds.get("fisheries agreement") == "Project" and kinds.get("tourism") == "Topic", kinds
    assert any(kind == "Project" and "gas pipeline" in label for label, kind in kinds.items()), kinds
