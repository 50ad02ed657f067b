"""Precision on unseen outlets (round 13): who a visit is by. A visit to a country holds the visitor and the country
visited; the host country's officials listed as its delegation ("The Peruvian delegation includes …") are the
host's side, not visitors, and are taken out of the visit; the visitor's own delegation stays. Invented sentences
(real countries, invented people)."""

from graph import analyse


def _visit(doc):
    visits = [e for e in doc.events if e.type in ("Visit", "StateVisit")]
    assert len(visits) == 1, [(e.type, e.label) for e in doc.events]
    return {doc.entities[q.entity].label for q in visits[0].participants}


WELCOME = ("LIMA, May 4. Peruvian President Ivo Brandt has welcomed Chile's leader Ana Vale in an official ceremony at "
           "the Grand Palace on Tuesday afternoon.\n\nThe leaders proceeded to the Blue Hall for talks.\n\n"
           "Vale is in Peru on a state visit on May 3-5. On Monday, she had an informal meeting with Brandt.\n\n")


def test_the_host_countrys_delegation_is_not_on_the_visit(nlp):
    doc = analyse("t", WELCOME + "The Peruvian delegation includes Prime Minister Karl Oster, Foreign Minister Lisa "
                                 "Orban, Defence Minister Tomas Hedda and Finance Minister Pavel Rusk.\n", nlp)
    assert _visit(doc) == {"Ana Vale", "Peru"}


def test_the_meeting_beside_the_visit_keeps_its_two(nlp):
    doc = analyse("t", WELCOME + "The Peruvian delegation includes Prime Minister Karl Oster.\n", nlp)
    met = [e for e in doc.events if e.label == "Ivo Brandt meets Ana Vale"]
    assert met and {doc.entities[q.entity].label for q in met[0].participants} == {"Ivo Brandt", "Ana Vale"}


def test_a_shorter_host_delegation(nlp):
    doc = analyse("t", "VIENNA, March 2. Austrian Chancellor Jan Dvorak has welcomed Slovak Prime Minister Otto Krenn "
                       "at the Chancellery on Wednesday.\n\nKrenn is in Austria on an official visit on March 1-3.\n\n"
                       "The Austrian delegation includes Foreign Minister Eva Novak and Trade Minister Petr Holub.\n", nlp)
    assert _visit(doc) == {"Otto Krenn", "Austria"}


def test_the_host_delegation_without_countries_in_its_posts(nlp):
    doc = analyse("t", WELCOME + "The Peruvian delegation is made up of Deputy Chairman of the Security Council Karl Oster, "
                                 "head of the Central Reserve Bank Marta Ruiz and presidential aide Pavel Rusk.\n", nlp)
    assert _visit(doc) == {"Ana Vale", "Peru"}

def test_the_visitors_own_delegation_stays(nlp):
    doc = analyse("t", "VIENNA, March 2. Austrian Chancellor Jan Dvorak has welcomed Slovak Prime Minister Otto Krenn "
                       "at the Chancellery on Wednesday.\n\nKrenn is in Austria on an official visit on March 1-3.\n\n"
                       "The Slovak delegation includes Foreign Minister Eva Novak and Trade Minister Petr Holub.\n", nlp)
    assert {"Otto Krenn", "Austria", "Eva Novak", "Petr Holub"} <= _visit(doc)


def test_both_delegations_listed_only_the_visitors_stay(nlp):
    doc = analyse("t", "ACCRA, June 9. Ghanaian President Kofi Mensah has welcomed Kenyan President Daniel Otieno at the "
                       "Jubilee House on Friday.\n\nOtieno is in Ghana on a state visit on June 8-10.\n\nThe Ghanaian "
                       "delegation includes Vice President Ama Owusu, Foreign Minister Yaw Boateng and Finance Minister "
                       "Kwame Asante. The Kenyan delegation includes Foreign Minister Grace Wanjiru.\n", nlp)
    assert _visit(doc) == {"Daniel Otieno", "Ghana", "Grace Wanjiru"}



# Names told beside a meeting (bystanders.py): the source quoted, the one whose greetings are conveyed or on whose
# behalf one speaks, a predecessor or successor; the pair model's meetings lose them.

def _pairs(doc):
    out = set()
    for e in doc.events:
        names = sorted({doc.entities[q.entity].label for q in e.participants})
        out |= {(a, b) for i, a in enumerate(names) for b in names[i + 1:]}
    return out


def test_the_source_quoted_did_not_meet(nlp):
    doc = analyse("t", "Prime Minister Ana Vale met Chilean President Ivo Brandt in Santiago on Monday. The two leaders "
                       "discussed trade, according to Ambassador Karl Oster, the spokesman of the Peruvian embassy.\n", nlp)
    assert _pairs(doc) == {("Ana Vale", "Ivo Brandt")}


def test_a_predecessor_did_not_meet(nlp):
    doc = analyse("t", "President Ana Vale held talks with Kenyan Foreign Minister Grace Wanjiru in Nairobi on Friday. "
                       "Wanjiru succeeded Ambassador Peter Mwangi, who left for London in April as High Commissioner.\n",
                  nlp)
    assert _pairs(doc) == {("Ana Vale", "Grace Wanjiru")}


def test_the_one_spoken_for_did_not_meet(nlp):
    doc = analyse("t", "Chancellor Jan Dvorak met Slovak Prime Minister Otto Krenn in Vienna on Wednesday. Krenn spoke "
                       "on behalf of President Eva Novak at the meeting with Dvorak.\n", nlp)
    assert _pairs(doc) == {("Jan Dvorak", "Otto Krenn")}


def test_greetings_conveyed_leave_the_meeting_alone(nlp):
    doc = analyse("t", "Foreign Minister Ana Vale received the new Ambassador of Peru, Tomas Hedda, on Tuesday. Hedda "
                       "conveyed the greetings of President Pavel Rusk and said that relations between the two countries "
                       "were excellent.\n", nlp)
    assert _pairs(doc) == {("Ana Vale", "Tomas Hedda")}


def test_the_cues():
    from graph.extract.bystanders import CUE
    for before in ("The talks went well, according to U.S. Ambassador ", "He conveyed the greetings of President ",
                   "She spoke on behalf of Prime Minister ", "He succeeded Ambassador ", "He was succeeded by now former "
                   "President ", "a message from King ", "in response to Governor "):
        assert CUE.search(before), before
    for before in ("According to the statement, President ", "Ana Vale met ", "He received the envoy of "):
        assert not CUE.search(before), before


# A meeting of one is no meeting (one_sided.py): talks whose other side was not read are dropped; a gathering
# attended by the one named stays.

def _kinds(doc):
    return sorted((e.type, len(e.participants)) for e in doc.events)


def test_talks_with_one_side_only_are_dropped(nlp):
    doc = analyse("t", "The Chief Executive also held talks with Lagos-based logistics firm Harbor Lines.\n", nlp)
    assert doc.events == []


def test_the_two_sided_meeting_beside_it_stays(nlp):
    doc = analyse("t", "President Ana Vale met Chilean President Ivo Brandt in Santiago on Monday. The Chief Executive "
                       "also held talks with Lagos-based logistics firm Harbor Lines.\n", nlp)
    assert [e.label for e in doc.events] == ["Ana Vale meets Ivo Brandt"]


def test_a_summit_attended_by_one_named_stays(nlp):
    doc = analyse("t", "Prime Minister Otto Krenn attended the summit of Nordic leaders in Oslo on Tuesday.\n", nlp)
    assert _kinds(doc) == [("Conference", 1)]


def test_the_filter_keeps_parts_and_headers():
    from graph.extract.one_sided import without_one_sided
    from graph.records import Event, Participant, Sentence
    s = Sentence(0, 10)

    def one(key, type="Meeting", method="rule"):
        return Event(key, type, key, None, None, s, method, 0.7, [Participant("person/a", "host", 0.7, "rule", s)])
    part = one("m1"); part.part_of = "visit"
    header = one("m2", method="header")
    lone = one("m3")
    call = one("m4", type="PhoneCall")
    visit = one("visit", type="Visit")
    assert [e.key for e in without_one_sided([part, header, lone, call, visit])] == ["m1", "m2", "visit"]
