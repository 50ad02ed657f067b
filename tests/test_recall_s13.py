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
                       "The visitors included the Governor of Lakes State, Dan Okoro, the Governor of Hills "
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


# A sentence that opens by pointing back at the meeting just told ("During the meeting,", "After the talks,") has
# the one who acts in its main clause at that meeting; someone who only reports it is not.

def test_who_acts_during_the_meeting_was_there(nlp):
    doc = analyse("t", "President Ana Soto met US Secretary of State Tom Gray in Lima on Monday.\n\nDuring the talks, "
                       "Trade Minister Jon Ode presented the new port plan.\n", nlp)
    assert _meetings(doc) == [["Ana Soto", "Jon Ode", "Tom Gray"]]


def test_who_confirms_after_the_meeting_was_there(nlp):
    doc = analyse("t", "Prime Minister Kofi Mensah received King Olav Berg at the palace on Friday.\n\nAfter the "
                       "meeting, Foreign Minister Ama Owusu confirmed that relations remain excellent.\n", nlp)
    assert ["Ama Owusu", "Kofi Mensah", "Olav Berg"] in _meetings(doc)


def test_a_spokesperson_who_tells_of_the_meeting_was_not_there(nlp):
    doc = analyse("t", "President Ana Soto met US Secretary of State Tom Gray in Lima on Monday.\n\nAfter the meeting, "
                       "presidential spokesman Ali Sam confirmed that the talks went well.\n", nlp)
    assert _meetings(doc) == [["Ana Soto", "Tom Gray"]]


def test_the_meeting_pointed_back_at_is_not_the_phone_call_told_after_it(nlp):
    doc = analyse("t", "President Ana Soto met Prime Minister Tom Gray and held a phone call with Foreign Minister "
                       "Ali Sam.\n\nAt the meeting, Interior Minister Rosa Diaz briefed the guests on border "
                       "security.\n", nlp)
    meetings = {tuple(_people(doc, e)): e.type for e in doc.events}
    assert meetings.get(("Ana Soto", "Rosa Diaz", "Tom Gray")) == "Meeting"
    assert meetings.get(("Ali Sam", "Ana Soto")) == "PhoneCall"


def test_a_meeting_named_with_whom_is_read_as_its_own(nlp):
    doc = analyse("t", "President Ana Soto received the Ambassador of Peru, Luis Vera, on Monday.\n\nIn the meeting "
                       "with Minister Carla Ruiz, Ambassador Vera presented the embassy's programme.\n", nlp)
    assert ["Ana Soto", "Luis Vera"] in _meetings(doc)
    assert not any(p == ["Ana Soto", "Carla Ruiz", "Luis Vera"] for p in _meetings(doc))


# A legislator's short title before a name ("MLA A", "MP B", "MEP C") is a title: the name after it is a person, and
# the one present at the meeting is at it.

def test_legislators_present_by_short_title(nlp):
    doc = analyse("t", "Governor Mohan Iyer hosted Deputy Minister Sato Kenji of Japan in Jaipur on Tuesday. "
                       "MLA Ravi Menon and MLA Tarun Bhatia were also present.\n", nlp)
    assert _meetings(doc) == [["Mohan Iyer", "Ravi Menon", "Sato Kenji", "Tarun Bhatia"]]


def test_a_member_of_the_european_parliament_met(nlp):
    doc = analyse("t", "President Ana Soto on Tuesday met MEP Lars Holm and MP Jane Okello in Nairobi.\n", nlp)
    people = {p for m in _meetings(doc) for p in m}
    assert {"Ana Soto", "Lars Holm", "Jane Okello"} <= people
