"""More forms news uses to say what a meeting was about (issue 16, round 5), each in a text written here."""

from __future__ import annotations

import pytest

from graph import analyse
from graph.extract.phrases import topic_phrases


def topic_labels(doc, ev) -> list[str]:
    return [doc.entities[t.entity].label for t in ev.topics]


@pytest.mark.parametrize("text", [
    # several envoys received at one ceremony, then what was said to all of them ("them", "their countries")
    "President Lena Varga on 3 June 2021 received the letters of credence of three new envoys.\n\n"
    "The Ambassador of Chile, Pablo Rojas, the Ambassador of Kenya, Grace Wanjiru, and the Ambassador of Japan, "
    "Kenji Sato, presented their credentials to the president.\n\n"
    "President Varga urged them to deepen the fisheries cooperation between their respective countries and Hungary.",
    # separate meetings told in one sentence, then what "the leaders" discussed "in the meetings"
    "Prime Minister Lena Varga held separate meetings with Chilean President Pablo Rojas, Kenyan President Grace "
    "Wanjiru and Japanese Prime Minister Kenji Sato in Geneva on 3 June 2021.\n\n"
    "In the meetings, the leaders discussed the fisheries cooperation between their countries and Hungary.",
])
def test_what_is_said_to_a_group_met_together_is_each_meetings_subject(nlp, text):
    doc = analyse("group.txt", text, nlp)
    assert len(doc.events) == 3, [e.key for e in doc.events]
    for ev in doc.events:
        assert any("fisheries cooperation" in label for label in topic_labels(doc, ev)), (ev.key,
                                                                                           topic_labels(doc, ev))


def labels_of(nlp, sentence: str) -> list[str]:
    return [label for s in nlp(sentence).sents for label, _, _, _ in topic_phrases(s)]


@pytest.mark.parametrize("sentence, subjects", [
    # "referring to …": what the speaker turns to is a subject
    ("Referring to the ferry contract and the grain quota, the mayor said both were nearly settled.",
     ["ferry contract", "grain quota"]),
    # weight given to something: "gave priority to", "paid attention to"
    ("The governor said her cabinet had given priority to flood defences and the supply of clean water.",
     ["flood defences", "supply of clean water"]),
    ("The envoy promised to pay close attention to pension rights.", ["pension rights"]),
    # "cooperation in" a range of fields, the examples after "including"; the "in" read as the verb's
    ("The ministers want to deepen cooperation in a number of areas such as forestry and rail freight.",
     ["forestry", "rail freight"]),
    ("They resolved to boost trade in a variety of goods, including timber and wool.", ["timber", "wool"]),
])
def test_more_ways_of_saying_what_about(nlp, sentence, subjects):
    got = labels_of(nlp, sentence)
    assert all(any(s in label for label in got) for s in subjects), got


def test_a_sentence_naming_only_a_thing_goes_on_about_the_meeting_told_before(nlp):
    # two meetings told in one sentence, with what both were about; then one of them told alone ("told Rojas"),
    # and a sentence that names no one but a project: it goes on about that one meeting, and what both were about
    # stays with both
    text = ("President Lena Varga held meetings with Chilean President Pablo Rojas and Kenyan President Grace "
            "Wanjiru on 3 June 2021 and discussed bilateral trade, agreeing to expand their ties.\n"
            "Varga told Rojas that the two countries should deepen bilateral trade and fishing rights.\n"
            "Referring to the Andes Cable Project, the president said it should be finished soon.")
    doc = analyse("two.txt", text, nlp)
    by_guest = {next(doc.entities[p.entity].label for p in ev.participants
                     if doc.entities[p.entity].label != "Lena Varga"): topic_labels(doc, ev) for ev in doc.events}
    assert set(by_guest) == {"Pablo Rojas", "Grace Wanjiru"}, by_guest
    assert "Andes Cable Project" in by_guest["Pablo Rojas"], by_guest
    assert "Andes Cable Project" not in by_guest["Grace Wanjiru"], by_guest
    assert all("bilateral trade" in labels for labels in by_guest.values()), by_guest


def test_a_sentence_naming_no_one_does_not_reach_back_past_another_meeting(nlp):
    text = ("On 4 May 2022 President Lena Varga met Chilean President Pablo Rojas in Vienna. President Rojas "
            "thanked Hungary for the vaccines delivered in March.\n\n"
            "The same day, Varga held talks with the Prime Minister of Kenya, Grace Wanjiru. The two leaders "
            "discussed the Amber Rail Project.")
    doc = analyse("two.txt", text, nlp)
    by_guest = {next(doc.entities[p.entity].label for p in ev.participants
                     if doc.entities[p.entity].label != "Lena Varga"): topic_labels(doc, ev) for ev in doc.events}
    assert "Amber Rail Project" in by_guest.get("Grace Wanjiru", []), by_guest
    assert "Amber Rail Project" not in by_guest.get("Pablo Rojas", []), by_guest


def test_a_later_paragraph_speaking_of_the_pair_is_about_the_meeting_told_last(nlp):
    # the subjects come a paragraph after the meeting, in a sentence that names no one but says "the pair" and
    # names two guests' countries by their adjectives: the meeting told last before it, not every meeting
    text = ("On 4 May 2022 President Lena Varga received King Olav of Norway at the palace.\n\n"
            "Hungary is home to many Norwegian students.\n\n"
            "In a cordial meeting, the pair discussed the Norwegian and Swedish fishing fleets.\n\n"
            "In the afternoon, Varga met the Prime Minister of Sweden, Karin Berg.")
    doc = analyse("audience.txt", text, nlp)
    guest = {next(doc.entities[p.entity].label for p in ev.participants
                  if doc.entities[p.entity].label != "Lena Varga"): topic_labels(doc, ev) for ev in doc.events}
    olav = next(labels for name, labels in guest.items() if "Olav" in name)
    assert any("fishing fleets" in label for label in olav), guest
