"""Names the model takes for persons that end in a word no person's name ends in: a building or place, a policy,
a document or gathering, a body, an office. Invented sentences; the model's spans are given."""

from tests.test_participant_forms_s5 import repaired


def test_a_building_or_place_is_no_person(blank_nlp):
    text = "The talks were held at the Varna Palace, then the guests crossed the Teodor Causeway to the Lumo Haus."
    got = repaired(blank_nlp, text, [("Varna Palace", "PERSON"), ("Teodor Causeway", "PERSON"),
                                     ("Lumo Haus", "PERSON")])
    assert got == {("Varna Palace", "FAC"), ("Teodor Causeway", "FAC"), ("Lumo Haus", "FAC")}, got
    got = repaired(blank_nlp, "He later flew to Kasumi Prefecture.", [("Kasumi Prefecture", "PERSON")])
    assert got == {("Kasumi Prefecture", "FAC")}, got


def test_a_policy_document_or_office_is_no_person(blank_nlp):
    text = ("They spoke of the Coastal Fisheries Policy, the Harbour Instrument and the Ports MoU with the "
            "Fisheries Minister.")
    got = repaired(blank_nlp, text, [("Coastal Fisheries Policy", "PERSON"), ("Harbour Instrument", "PERSON"),
                                     ("Ports MoU", "PERSON"), ("Fisheries Minister", "PERSON")])
    assert got == set(), got


def test_a_body_by_its_head_word_is_an_organisation(blank_nlp):
    got = repaired(blank_nlp, "Delegates of the Ostrava Friendship Clubs came too.",
                   [("Ostrava Friendship Clubs", "PERSON")])
    assert got == {("Ostrava Friendship Clubs", "ORG")}, got


def test_names_that_end_in_other_words_stay_persons(blank_nlp):
    # surnames that are also words stay: the rule reads only the words a person's name never ends in
    text = "Anna Hall met Tomas Church and Lena Bridges in Oslo."
    spans = [("Anna Hall", "PERSON"), ("Tomas Church", "PERSON"), ("Lena Bridges", "PERSON")]
    got = repaired(blank_nlp, text, spans)
    assert ("Anna Hall", "PERSON") in got and ("Tomas Church", "PERSON") in got, got
    assert ("Lena Bridges", "PERSON") in got, got
    # one word alone is left to the model
    got = repaired(blank_nlp, "Palace officials said so.", [("Palace", "PERSON")])
    assert ("Palace", "PERSON") in got, got


def test_a_name_run_into_the_office_after_it_keeps_the_name(blank_nlp):
    got = repaired(blank_nlp, "Sir Tane Rewiti High Commissioner of Aotearoa spoke.",
                   [("Tane Rewiti High Commissioner", "PERSON")])
    assert got == {("Tane Rewiti", "PERSON")}, got


def test_words_left_of_a_title_or_headline_are_no_person(blank_nlp):
    text = "President Emeritus spoke, then the Staff Correspondent filed: Pacific Ministers Meet in Suva."
    got = repaired(blank_nlp, text, [("President Emeritus", "PERSON"), ("Staff Correspondent", "PERSON"),
                                     ("Pacific Ministers Meet", "PERSON")])
    assert not any(label == "PERSON" for _, label in got), got
