"""Who else was at a meeting, named in a sentence of its own in wordings news uses (issue 15, round 14): "Also in
attendance was …", "Others present included …", "… and others were included in the delegation", "The
delegation was led by A, with the participation of B and C". Sentences written here, none from an evaluation text;
the real model reads them through `analyse`."""

from __future__ import annotations

from graph import analyse
from graph.extract.attendance import names_attendees


def doc_of(nlp, text: str):
    return analyse("news.txt", text, nlp)


def people(doc, ev) -> set[str]:
    return {doc.entities[q.entity].label for q in ev.participants if doc.entities[q.entity].type == "Person"}


def met(doc) -> list[list[str]]:
    return sorted(sorted(people(doc, ev)) for ev in doc.events if ev.type not in ("Summit", "Conference", "Visit"))


def test_also_in_attendance_was(nlp):
    doc = doc_of(nlp, "On Tuesday, Speaker Marta Kowal of the Sejm received a delegation of five led by "
                      "Norwegian MP Kari Solberg, head of the farmers' caucus of the Storting. Speaker Kowal was "
                      "accompanied by deputy Piotr Nowak. Also in attendance was Director Erik Holm from the "
                      "Norwegian Trade Office in Warsaw.\n")
    assert met(doc) == [["Erik Holm", "Kari Solberg", "Marta Kowal", "Piotr Nowak"]]


def test_others_were_included_in_the_delegation(nlp):
    doc = doc_of(nlp, "Chief Minister Tariq Mahmood met a delegation of Qatari investors in Multan on Friday. The "
                      "delegation was led by Chairman of the Doha Business Council Sheikh Faisal Al-Thani. Vice "
                      "President of the Qatar-Pakistan Friendship Forum Yusuf Al-Mannai, Omar Nabil, Dr Hamad Rashed "
                      "and others were included in the delegation.\n")
    assert any({"Tariq Mahmood", "Faisal Al-Thani", "Omar Nabil", "Hamad Rashed"} <= set(m) for m in met(doc))


def test_in_attendance_were(nlp):
    doc = doc_of(nlp, "President Amara Diallo received Ghana's Trade Minister Kofi Mensah at the State House on "
                      "Monday. In attendance were Finance Minister Bello Sani and Ambassador Hauwa Musa.\n")
    assert met(doc) == [["Amara Diallo", "Bello Sani", "Hauwa Musa", "Kofi Mensah"]]


def test_delegation_led_by_with_the_participation_of(nlp):
    # both delegations of one meeting: the one led "with the participation of" two more, the other "headed by"
    doc = doc_of(nlp, "Officials of Peru and Canada met at the Foreign Ministry in Lima on Thursday to review their "
                      "trade dialogue. Peru's delegation was led by Foreign Minister Ana Quispe, with the "
                      "participation of Interior Secretary Luis Mamani and Finance Secretary Jorge Salas Ortega. "
                      "The Canadian side was headed by Foreign Minister Claire Dubois.\n")
    assert met(doc) == [["Ana Quispe", "Claire Dubois", "Jorge Salas Ortega", "Luis Mamani"]]


def test_the_wordings_and_what_they_are_not():
    assert names_attendees("Also in attendance was Director C.")
    assert names_attendees("In attendance were the ministers of trade and finance.")
    assert names_attendees("Others present included D.")
    assert names_attendees("A, B and others were included in the delegation.")
    assert names_attendees("The delegation was led by A, with the participation of B.")
    # a law passed, a present given, a participation in an election: no meeting's attendees
    assert not names_attendees("The bill was passed with the participation of 80 deputies.")
    assert not names_attendees("He presented the gift to the minister, who was present.")
    assert not names_attendees("The present government was included in the survey.")


def test_a_sentence_of_attendance_adds_no_meeting_of_its_own(nlp):
    # with no meeting told before, a list of who was present is no meeting
    doc = doc_of(nlp, "Also in attendance was Director Erik Holm of the Trade Office.\n")
    assert met(doc) == []
