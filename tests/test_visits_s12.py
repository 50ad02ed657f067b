"""A visit told beside the meeting ("B, currently visiting Chile", "B, President of X, who is on a four-day state
visit to the country", "B arrived here on Friday for a three-day visit", "B's official visit to
Peru") is an event of its own: the visitor and the country visited. Planned and wished visits are not. Invented
texts."""

from graph import analyse


def _visits(doc):
    return [sorted(doc.entities[p.entity].label for p in e.participants) for e in doc.events if e.type == "Visit"]


def test_a_visit_told_in_a_clause_beside_the_meeting(nlp):
    doc = analyse("t", "President Ana Vale on Monday received the Prime Minister of Ghana, Kofi Mensah, currently "
                       "visiting Chile, at the palace.\n", nlp)
    assert ["Chile", "Kofi Mensah"] in _visits(doc)


def test_a_state_visit_to_the_nation_of_the_dateline(nlp):
    doc = analyse("t", "SANTIAGO, May 4 - President Ana Vale held talks with Kofi Mensah, President of Ghana, who "
                       "is on a four-day state visit to the country.\n", nlp)
    assert ["Chile", "Kofi Mensah"] in _visits(doc)


def test_an_arrival_for_a_visit(nlp):
    doc = analyse("t", "LIMA, May 4 - Kofi Mensah arrived here on Friday for a three-day visit. President Ana Vale "
                       "received Kofi Mensah at the palace on Saturday.\n", nlp)
    assert ["Kofi Mensah", "Peru"] in _visits(doc)


def test_a_planned_or_wished_visit_is_no_event(nlp):
    doc = analyse("t", "President Ana Vale received Kofi Mensah at the palace on Monday and said she looked forward "
                       "to Kofi Mensah's state visit to Chile in July.\n", nlp)
    assert _visits(doc) == []
