"""Envoys presenting their letters of credence in one ceremony, listed as "Name (Country)", and officials who
"attended the ceremony": each envoy's ceremony holds the envoy's country (the annotation's convention) and the
officials there. A ceremony's attendees are not put on a meeting told before it. Invented texts."""

from graph import analyse

CEREMONY = ("President Ana Vale received letters of credence from four newly appointed ambassadors in a ceremony held "
            "on Wednesday, September 10, 2025, at State House. The envoys included Erik Johansen (Norway), Maria Lopez "
            "(Mexico), Jan Novak (Slovakia) and Ali Hassan (Egypt).\n\n"
            "Vice President Peter Mwangi and Foreign Minister Rosa Berin attended the ceremony.\n")


def _sides(doc):
    return [sorted(doc.entities[p.entity].label for p in e.participants) for e in doc.events]


def test_each_envoy_of_a_list_with_countries_in_brackets_brings_the_country(nlp):
    doc = analyse("t", CEREMONY, nlp)
    lands = sorted(doc.entities[p.entity].label for e in doc.events for p in e.participants
                   if doc.entities[p.entity].type == "Country")
    assert lands == ["Egypt", "Mexico", "Norway", "Slovakia"]


def test_who_attended_the_ceremony_is_at_each_envoy_s_ceremony(nlp):
    doc = analyse("t", CEREMONY, nlp)
    assert len(doc.events) == 4
    assert all({"Ana Vale", "Peter Mwangi", "Rosa Berin"} <= set(s) for s in _sides(doc))


def test_attending_a_ceremony_does_not_join_a_meeting_told_before(nlp):
    doc = analyse("t", "President Ana Vale held talks with Prime Minister Jan Novak at State House on Monday.\n\n"
                       "Later, Foreign Minister Rosa Berin attended the ceremony of a new bridge opening.\n", nlp)
    talks = [s for s in _sides(doc) if "Jan Novak" in s]
    assert talks and all("Rosa Berin" not in s for s in talks)


def test_a_country_s_call_and_its_envoy_s_call_are_one(nlp):
    doc = analyse("t", "Foreign Minister Ana Vale on Thursday received the ambassadors of Chile and Peru for separate "
                       "meetings.\n\nAmbassador of Chile to Ruritania Jorge Soto called on Foreign Minister Vale. They "
                       "discussed trade.\n\nThe Ambassador of Peru Luis Prado also called on Foreign Minister Vale and "
                       "discussed mining.\n", nlp)
    sides = _sides(doc)
    assert ["Ana Vale", "Chile", "Jorge Soto"] in sides
    assert ["Chile"] not in [[n for n in s if n != "Ana Vale"] for s in sides]
