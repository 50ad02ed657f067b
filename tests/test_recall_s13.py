"""Who-met-whom recall (round 13): the side of a meeting a list names. Invented texts.

An honorific cut short ("Rev. Fr. A", "Smt. B", "Barr. C", "Alh. D") stands before a name: the list of titled names
it is in goes on past its full stop (the sentence is not ended there), and the person is called by the name alone
(the name with the honorific is an alias)."""

from graph import analyse


def _people(doc, e):
    return sorted(doc.entities[p.entity].label for p in e.participants)


def _meetings(doc):
    return [_people(doc, e) for e in doc.events if e.type == "Meeting"]


def _labels(doc):
    return {e.label for e in doc.entities.values() if e.type == "Person"}


def test_a_list_of_visitors_goes_on_past_a_clergy_honorific(nlp):
    doc = analyse("t", "Senator Tom Mbeki received the governors of the western states in his office on Monday. "
                       "The group of visitors included the Governor of Lakes State, Dan Okoro, the Governor of Hills "
                       "State, Rev. Fr. Peter Abara, the Governor of River State, Sam Ude and the Deputy Governor of "
                       "Coast State, Ali Musa.\n", nlp)
    assert ["Ali Musa", "Dan Okoro", "Peter Abara", "Sam Ude", "Tom Mbeki"] in _meetings(doc)
    assert "Fr" not in _labels(doc)


def test_a_courtesy_honorific_before_the_one_met(nlp):
    doc = analyse("t", "External Affairs Minister Smt. Asha Rao met President Ali Nasir in Male on Monday.\n", nlp)
    assert _meetings(doc) == [["Ali Nasir", "Asha Rao"]]


def test_the_name_is_the_person_the_honorific_an_alias(nlp):
    doc = analyse("t", "President Ali Nasir received Barr. Ada Obi and Alh. Musa Bello at the State House on "
                       "Tuesday.\n", nlp)
    assert {"Ada Obi", "Musa Bello"} <= _labels(doc)
    obi = next(e for e in doc.entities.values() if e.label == "Ada Obi")
    assert "Barr. Ada Obi" in obi.aliases


def test_those_present_after_an_abbreviated_honorific(nlp):
    doc = analyse("t", "Governor Jon Ode on Friday received the Ambassador of Chile, Luis Vera, in Lagos. Also present "
                       "were the Commissioner for Trade, Engr. Sam Ude, and the Special Adviser, Rev. Fr. Paul Eze.\n",
                  nlp)
    assert ["Jon Ode", "Luis Vera", "Paul Eze", "Sam Ude"] in _meetings(doc)


def test_a_name_part_cut_short_stays_in_the_name(nlp):
    doc = analyse("t", "Prime Minister Ana Soto received Second Minister Dato Haji Erywan Mohd. Yusof and Minister "
                       "Say Lim in Lima on Monday.\n", nlp)
    people = [p for m in _meetings(doc) for p in m]
    assert any("Yusof" in p for p in people) and "Say Lim" in people
