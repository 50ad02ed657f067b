"""Signings told as events (issue 15, seventh round): who signed, for whom, who saw it signed, as one ceremony of
the day; each on sentences written here, none taken from an evaluation text: the events `analyse` finds with the
real model."""

from __future__ import annotations

from graph import analyse


def doc_of(nlp, text: str):
    return analyse("news.txt", text, nlp)


def ceremonies(doc) -> list[set[str]]:
    return [{doc.entities[q.entity].label for q in ev.participants} for ev in doc.events if ev.type == "Ceremony"]


def test_two_signatories_of_an_agreement_are_one_ceremony(nlp):
    doc = doc_of(nlp, "Lisbon, 3 May 2022 - Foreign Minister Maria Silva and her Chilean counterpart Carlos Mendes signed "
                      "an agreement on visa waivers on Tuesday.\n")
    assert {"Maria Silva", "Carlos Mendes"} in ceremonies(doc)


def test_a_document_signed_by_two_people_is_their_ceremony(nlp):
    doc = doc_of(nlp, "A memorandum on fisheries was signed on Monday by Trade Minister Karl Weber and Ambassador "
                      "Ingrid Solberg.\n")
    assert any({"Karl Weber", "Ingrid Solberg"} <= c for c in ceremonies(doc))


def test_governments_signatories_for_each_side_and_witnesses_are_one_ceremony(nlp):
    doc = doc_of(nlp, "Norway, Peru sign mining memorandum\n\n"
                      "Today, the Government of Norway and the Government of Peru signed a memorandum of understanding "
                      "on mining.\n\n"
                      "Deputy Minister Jorge Salas signed the memorandum for Peru and State Secretary Ingrid Solberg "
                      "signed for Norway.\n\n"
                      "Advisers Marta Ruiz and Tomas Berg attended the signing in Oslo.\n")
    (one,) = ceremonies(doc)
    assert {"Jorge Salas", "Ingrid Solberg", "Marta Ruiz", "Tomas Berg", "Norway", "Peru"} <= one


def test_presiding_over_a_signing_with_a_counterpart(nlp):
    doc = doc_of(nlp, "Interior Minister Karl Weber presided over the signing of five agreements with his Austrian "
                      "counterpart Hans Gruber on Monday.\n")
    assert {"Karl Weber", "Hans Gruber"} in ceremonies(doc)


def test_those_in_whose_presence_it_was_signed_join_the_signatories(nlp):
    doc = doc_of(nlp, "Ministers Maria Silva and Carlos Mendes signed three accords on Friday. The signing took place in "
                      "the presence of President Marta Ruiz and President Juan Perez, who arrived on Thursday.\n")
    (one,) = ceremonies(doc)
    assert {"Maria Silva", "Carlos Mendes", "Marta Ruiz", "Juan Perez"} <= one


def test_they_signed_and_a_document_signed_by_ministers_are_one_ceremony(nlp):
    doc = doc_of(nlp, "President Marta Ruiz received President Juan Perez at the palace on Monday.\n"
                      "Later they signed a declaration on energy, in addition to a protocol signed by Foreign Minister "
                      "Maria Silva and Ambassador Tomas Berg.\n")
    assert any({"Marta Ruiz", "Juan Perez", "Maria Silva", "Tomas Berg"} <= c for c in ceremonies(doc))


def test_those_signing_named_after_the_verb(nlp):
    doc = doc_of(nlp, "Signing the accord in Quito were Secretary Carlos Mendes for Ecuador and Minister Maria Silva for "
                      "the Ministry of Trade of Portugal.\n")
    assert any({"Carlos Mendes", "Maria Silva"} <= c for c in ceremonies(doc))


def test_two_countries_that_signed_are_the_ceremony(nlp):
    doc = doc_of(nlp, "Chile and Peru signed a treaty on their maritime border in 1999.\n")
    assert {"Chile", "Peru"} in ceremonies(doc)


def test_no_ceremony_where_nobody_met_to_sign(nlp):
    for text in ("President Marta Ruiz signed a decree on taxes on Monday.\n",
                 "The agreement signed with Peru in 2010 remains in force, President Marta Ruiz said.\n",
                 "Ministers Maria Silva and Carlos Mendes will sign an accord on fisheries next month.\n",
                 "Minister Maria Silva signed the treaty in 2010.\n"):
        assert ceremonies(doc_of(nlp, text)) == [], text


def test_a_signing_told_in_the_meetings_own_sentence_is_that_meeting(nlp):
    doc = doc_of(nlp, "Prime Minister Lena Holt met Chancellor Karl Weber in Oslo on Friday, where they signed a "
                      "statement of partnership.\n")
    assert [e.type for e in doc.events] == ["Meeting"]
