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

