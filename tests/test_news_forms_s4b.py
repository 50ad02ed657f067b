"""Forms news uses to tell of credentials, receptions, calls and visits (issue 15, fourth round, second part), each
on sentences written here, none taken from an evaluation text: who met whom as `analyse` finds it with the real
model."""

from __future__ import annotations

from graph import analyse


def doc_of(nlp, text: str):
    return analyse("news.txt", text, nlp)


def met(doc) -> list[list[str]]:
    return sorted(sorted(doc.entities[q.entity].label for q in ev.participants
                         if doc.entities[q.entity].type == "Person") for ev in doc.events)


def test_an_envoy_named_after_the_city_of_his_post(nlp):
    # "the new ambassador in CITY NAME": the parse reads the name as part of the place ("in (CITY NAME)"), yet the
    # envoy is whom the head of state received
    doc = doc_of(nlp, "Receiving the credentials of Norway's new ambassador in Madrid Ingrid Solberg, President "
                      "Marta Ruiz said ties between the two countries had never been stronger.\n")
    assert met(doc) == [["Ingrid Solberg", "Marta Ruiz"]]


def test_a_place_is_still_no_one_met(nlp):
    doc = doc_of(nlp, "President Marta Ruiz met Prime Minister Ingrid Solberg in Madrid on Monday.\n")
    assert met(doc) == [["Ingrid Solberg", "Marta Ruiz"]]


def test_an_envoy_presents_his_credentials_to_a_head_of_state(nlp):
    doc = doc_of(nlp, "Ambassador Tomas Lindqvist presented his letters of credence to President Marta Ruiz on "
                      "Tuesday.\n")
    assert met(doc) == [["Marta Ruiz", "Tomas Lindqvist"]]


def test_more_envoys_presenting_theirs_to_the_president_each_have_their_own_ceremony(nlp):
    # after a ceremony told for several envoys, "A and B also presented theirs to the president": each envoy with who
    # received them, not the two envoys with each other
    doc = doc_of(nlp, "President Marta Ruiz has received the credentials of new envoys from four countries.\n\n"
                      "The Ambassador of Chile to Spain, Pedro Lagos and the Danish Ambassador to Spain, Anne Holm "
                      "also presented their credentials to the president.\n")
    assert met(doc) == [["Anne Holm", "Marta Ruiz"], ["Marta Ruiz", "Pedro Lagos"]]


def test_a_visitor_received_told_with_a_pronoun(nlp):
    # "X arrived at the palace, where he was received by Y": the pronoun is the visitor named before it
    doc = doc_of(nlp, "Chancellor Anneliese Vogt arrived at the presidential palace on Monday morning, where she was "
                      "received by President Tomas Lindqvist.\n")
    assert met(doc) == [["Anneliese Vogt", "Tomas Lindqvist"]]


def test_a_thing_received_is_still_no_meeting(nlp):
    doc = doc_of(nlp, "The report was finished on Monday. It was received by President Tomas Lindqvist the next "
                      "day.\n")
    assert met(doc) == []
