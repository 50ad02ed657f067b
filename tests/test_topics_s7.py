"""General forms of news English that say what a meeting was about (issue 16, round 7), each in a sentence written
here (none copied from a news text): what a side said or noted in a clause, the copular and elliptic agenda forms,
list shapes, signed documents listed, and what is not a subject (the source, the occasion, the people)."""

from __future__ import annotations

import pytest

from graph import analyse
from graph.extract.phrases import topic_phrases


def labels_of(nlp, sentence: str) -> list[str]:
    return [label for s in nlp(sentence).sents for label, _, _, _ in topic_phrases(s)]


def has(got: list[str], subject: str) -> bool:
    return any(subject.lower() in label.lower() for label in got)


@pytest.mark.parametrize("sentence, subjects", [
    # what a side stressed, noted, said in a clause: its subject and object
    ("The president noted that more than forty Korean firms now operate in the free zone.", ["korean firms"]),
    ("She stressed that the province was satisfied with the pace of the grain deliveries.", ["grain deliveries"]),
    ("The minister pointed out that fishing quotas had been cut twice this year.", ["fishing quotas"]),
    ("He said the new ferry line would open in May.", ["ferry line"]),
    ("The governor underlined that the water supply to border villages remains the main worry.", ["water supply"]),
    ("The ambassador recalled that student exchanges between the two universities had doubled.",
     ["student exchanges"]),
    ("Both mayors expressed confidence that the new tram depot would be finished by spring.", ["tram depot"]),
    ("According to the mayor, the floating dock on the north shore is an important milestone.", ["floating dock"]),
    ("The premier stressed that cutting red tape for exporters is a shared goal.", ["red tape"]),
])
def test_what_a_side_said_in_a_clause(nlp, sentence, subjects):
    got = labels_of(nlp, sentence)
    assert all(has(got, s) for s in subjects), got


@pytest.mark.parametrize("sentence, subjects", [
    # "X was another subject at the meeting", "X is a priority", "X was on the table"
    ("The situation in the Sahel was another subject at the meeting.", ["situation in sahel"]),
    ("Water security was the main topic of the talks.", ["water security"]),
    ("Rail freight was also a key issue during the discussions.", ["rail freight"]),
    ("Reducing energy dependence is a priority for the regional government, the mayor said.",
     ["energy dependence"]),
    ("Cyber security remains a top priority for both sides.", ["cyber security"]),
    ("Migration was the focus of the second round of talks.", ["migration"]),
    ("Visa rules were also on the table.", ["visa rules"]),
    # "…were discussed, as was X": the elliptic clause names a subject too
    ("Fisheries were discussed, as was the new ferry link.", ["fisheries", "ferry link"]),
    ("Energy prices were reviewed, as were the rail tariffs and the port fees.", ["energy prices", "rail tariffs"]),
    ("Tourism was also addressed at the talks, as was cooperation in health care.", ["tourism", "health care"]),
    # a passive read by the parse as "be" + an adjective
    ("The role of the women's council in local politics was highly appreciated.", ["women's council"]),
])
def test_copular_and_elliptic_agenda_forms(nlp, sentence, subjects):
    got = labels_of(nlp, sentence)
    assert all(has(got, s) for s in subjects), got


@pytest.mark.parametrize("sentence, subjects", [
    # "ranging from A to B"
    ("They discussed several issues ranging from fisheries to climate change.", ["fisheries", "climate change"]),
    ("The talks covered subjects ranging from port fees to student visas.", ["port fees", "visas"]),
    ("The mayor held talks with the governor on matters ranging from crime to road safety.",
     ["crime", "road safety"]),
    # "to end A and rebuild B": both verbs' objects
    ("They discussed efforts to end the drought and rebuild the canals.", ["drought", "canals"]),
    ("The two sides agreed to open a trade office and launch a direct flight.", ["trade office", "direct flight"]),
    # "issues related to X", "matters relating to X"
    ("They exchanged views on issues related to the regional security agenda.", ["regional security agenda"]),
    ("The sides discussed matters relating to fishing rights.", ["fishing rights"]),
    ("They reviewed questions pertaining to the border demarcation.", ["border demarcation"]),
])
def test_list_shapes(nlp, sentence, subjects):
    got = labels_of(nlp, sentence)
    assert all(has(got, s) for s in subjects), got


@pytest.mark.parametrize("sentence, subjects", [
    ("The governor accentuated the need for vaccine equity.", ["vaccine equity"]),
    ("The new leaders place greater accent on road safety.", ["road safety"]),
    ("The mayor criticized the ministry's stance on water prices.", ["water prices"]),
    ("He condemned the attack on the power station.", ["attack on power station"]),
    ("The minister slammed some neighbours for their campaign against the free press.", ["free press"]),
    ("The mayor called for political consultation with the capital.", ["political consultation"]),
    ("Farmers pushed for lower tariffs on steel.", ["lower tariffs"]),
    ("The agenda also included looking at new irrigation systems.", ["irrigation systems"]),
    ("Governor talks water and roads with visiting mayor", ["water", "roads"]),
    ("President Lee talks trade with the Japanese premier.", ["trade"]),
    ("They attended a seminar on the future of Baltic rail links.", ["baltic rail links"]),
    ("The forum on digital trade drew fifty firms.", ["digital trade"]),
])
def test_words_that_say_what_about(nlp, sentence, subjects):
    got = labels_of(nlp, sentence)
    assert all(has(got, s) for s in subjects), got


@pytest.mark.parametrize("sentence, subjects", [
    # the documents a signing produced, listed
    ("The memoranda include an MoU on tourism, an MoU on health and an MoU on sport.",
     ["mou on tourism", "mou on health", "mou on sport"]),
    ("The agreements signed on Monday included a visa waiver deal and a treaty on legal aid.",
     ["visa waiver deal", "treaty on legal aid"]),
    ("The documents include a protocol on fisheries and a plan for joint patrols.",
     ["protocol on fisheries", "joint patrols"]),
    ("These talks led to the signing of a memorandum on border demarcation.", ["border demarcation"]),
    ("The ceremony ended with the signing of three accords on fisheries.", ["accords", "fisheries"]),
    # the name of the document goes on past "of understanding"
    ("They signed a memorandum of understanding on joint border patrols.",
     ["memorandum of understanding on joint border patrols"]),
])
def test_signed_documents_listed(nlp, sentence, subjects):
    got = labels_of(nlp, sentence)
    assert all(has(got, s) for s in subjects), got


@pytest.mark.parametrize("sentence, not_subjects", [
    # who said it is the source, not a subject
    ("The mayor discussed the harbour in a phone call on Monday, the city council said.",
     ["city council", "phone call on monday", "phone call"]),
    ("The foreign ministry spokesman tweeted that the two leaders discussed fisheries.", ["foreign ministry"]),
    # the occasion: "on the sidelines of", "on the margins of" a summit is when and where
    ("The two presidents met on the sidelines of the Pacific Islands Forum and discussed fisheries.",
     ["Pacific Islands Forum"]),
    ("She paid a courtesy call on the governor on the margins of the annual session of the Andean Parliament.",
     ["Andean Parliament", "annual session of Andean Parliament"]),
    # people are who, not what about
    ("The governor hosted a delegation in Lima for talks on mining.", ["delegation in lima"]),
    ("The mayor thanked the heads of the local water boards for their support.",
     ["heads of local water boards"]),
    ("The minister commended the government of Peru for its tax reforms.", ["government of peru"]),
    # a date is when
    ("They discussed the accord of 12 February.", ["February"]),
    # a gerund cut from its object says nothing
    ("They discussed cooperation on promoting tourism and farm exports.", ["cooperation on promoting"]),
    # what the reported clause says of a land or a person is not a subject by its name
    ("He said that Chile had signed the accord.", ["Chile"]),
    ("She noted that it was a good day.", ["good day", "day"]),
])
def test_what_is_not_a_subject(nlp, sentence, not_subjects):
    got = labels_of(nlp, sentence)
    assert not any(label.lower() in [x.lower() for x in not_subjects] for label in got), got


def _topics(nlp, text: str) -> dict[str, list[str]]:
    doc = analyse("t.txt", text, nlp)
    return {ev.label: [doc.entities[t.entity].label for t in ev.topics] for ev in doc.events}


def test_a_subject_goes_to_the_bilateral_it_names_not_to_the_others(nlp):
    # the sentence names one man met: his own meeting gets the subject, not the other bilateral nor a summary event
    text = ("President Ana Lopez on Friday had a series of bilateral meetings including talks with Chilean President "
            "Pablo Rojas and his Bolivian counterpart Luis Arce on the sidelines of the Andean summit here.\n\n"
            "Cementing old ties with Chile, Lopez met her Chilean counterpart Rojas and talked about lithium mining "
            "and port access, an aide said.")
    got = _topics(nlp, text)
    rojas = [v for k, v in got.items() if "Rojas" in k and "Arce" not in k]
    others = [v for k, v in got.items() if "Arce" in k]
    assert rojas and any(any("lithium" in t for t in v) for v in rojas), got
    assert others and not any(any("lithium" in t for t in v) for v in others), got


def test_the_leads_subjects_go_to_the_one_meeting_told_after_it(nlp):
    # the lead says what was on the agenda before the sentence the meeting is read from
    text = ("The two port cities want to work together even more closely, Mayor Tomas Berg and Mayor Ana Lopez "
            "assured before their first meeting. Topics on the agenda included water tariffs and the expansion of "
            "the ferry port.\n\n"
            "\"This is a good day for both cities,\" Berg said as he welcomed Mayor Ana Lopez to the city hall of "
            "Lima on Monday to discuss a new bus line.")
    got = [t for v in _topics(nlp, text).values() for t in v]
    assert "bus line" in got and "water tariffs" in got and "ferry port" in got, got
    assert "port cities" not in got, got


def test_a_trip_told_in_passing_leaves_the_subjects_to_the_meeting(nlp):
    text = ("Mayor Tomas Berg received Governor Ana Lopez in Lima on Monday. Berg welcomed Lopez's first visit to "
            "Peru.\n\nBoth sides emphasized the importance of the new ferry line and of student exchanges.")
    doc = analyse("t.txt", text, nlp)
    trips = [ev for ev in doc.events if ev.reported and ev.type in ("Visit", "StateVisit")]
    meetings = [ev for ev in doc.events if not ev.reported]
    assert all(not ev.topics for ev in trips), [(ev.label, ev.topics) for ev in trips]
    assert any(any("ferry line" in doc.entities[t.entity].label for t in ev.topics) for ev in meetings), \
        [(ev.label, [doc.entities[t.entity].label for t in ev.topics]) for ev in doc.events]


@pytest.mark.parametrize("sentence, subjects", [
    # a list that repeats its head noun, each item read whatever the parse hangs it on
    ("The accords include an MoU on Port Security and Customs, an MoU on Rail Freight, an MoU on Fisheries and "
     "Aquaculture and an MoU on Higher Education.", ["mou on port", "mou on rail", "mou on fisheries"]),
    ("The new deals include a deal on Grain Storage, a deal on Power Lines and Transformers and a deal on Water.",
     ["deal on grain", "deal on power"]),
])
def test_a_list_that_repeats_its_head(nlp, sentence, subjects):
    got = labels_of(nlp, sentence)
    assert all(has(got, s) for s in subjects), got
