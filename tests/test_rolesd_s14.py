"""Roles (round 14, class D: a person found whose title was not read). Invented texts.

A title printed before a name with a comma between ("the country's president, Jan Kowal,") is the name's when a
possessive or determiner stands before it, or it opens an item of a list or follows "led/headed by", and the
apposition closes after the name (graph/extract/apposed_titles.py)."""

from graph import analyse


def _roles(doc, label):
    e = next(e for e in doc.entities.values() if e.label == label)
    return [(r.title, doc.entities[r.org].label if r.org else None) for r in e.roles]


def test_a_possessive_before_the_title(nlp):
    doc = analyse("t", "Prime Minister Jonas Petrauskas held talks with the party's defence spokeswoman, Maria "
                       "Kowalska, on Friday in Vilnius.\n", nlp)
    assert _roles(doc, "Maria Kowalska") == [("Defence Spokeswoman", None)]


def test_a_delegation_led_by_a_title_and_a_comma(nlp):
    doc = analyse("t", "Prime Minister Jonas Petrauskas met a Chilean delegation headed by deputy foreign "
                       "minister, Pablo Rojas Vidal.\n", nlp)
    assert _roles(doc, "Pablo Rojas Vidal") == [("Deputy Foreign Minister", "Chile")]


def test_a_body_chairman_after_a_possessive(nlp):
    doc = analyse("t", "Prime Minister Jonas Petrauskas met the parliament's chairman, Radek Novak, on Friday in "
                       "Vilnius.\n", nlp)
    assert [t for t, _ in _roles(doc, "Radek Novak")] == ["Chairman"]


def test_his_designated_minister(nlp):
    doc = analyse("t", "The palace hosted several meetings whose hosts were President Tomas Greco and his "
                       "designated chancellor, Lucia Ferri. Greco met the Peruvian foreign minister there.\n", nlp)
    assert [t for t, _ in _roles(doc, "Lucia Ferri")] == ["Designated Chancellor"]


def test_title_then_name_list_items(nlp):
    doc = analyse("t", "President Tomas Greco received the visiting delegation on Monday. The delegation: "
                       "Minister of Mining, Pablo Rojas Vidal; Governor of the Central Bank, Lucia Quispe Mamani; "
                       "and Deputy Minister of Energy, Marek Wisniewski.\n", nlp)
    assert [t for t, _ in _roles(doc, "Pablo Rojas Vidal")] == ["Minister of Mining"]
    assert [t for t, _ in _roles(doc, "Marek Wisniewski")] == ["Deputy Minister of Energy"]


def test_no_title_for_a_name_the_sentence_goes_on_with(nlp):
    """"With the Chilean president, A discussed …": the title is another's, the apposition is not closed."""
    doc = analyse("t", "On Monday in Santiago, with the country's president, Pablo Rojas Vidal discussed trade "
                       "with Prime Minister Jonas Petrauskas.\n", nlp)
    assert _roles(doc, "Pablo Rojas Vidal") == []


def test_no_title_for_the_next_name_of_a_list(nlp):
    doc = analyse("t", "Prime Minister Jonas Petrauskas met the country's president, Aldo Ferrante, Radek Novak "
                       "and Lucia Ferri on Friday in Vilnius.\n", nlp)
    assert [t for t, _ in _roles(doc, "Aldo Ferrante")] == ["President"]
    assert _roles(doc, "Radek Novak") == []


def test_a_title_that_opens_the_sentence(nlp):
    doc = analyse("t", "President Tomas Greco received the delegation on Monday. Newly-appointed Chilean ambassador "
                       "to Peru, Jorge Soto was also present.\n", nlp)
    assert _roles(doc, "Jorge Soto") == [("Ambassador to Peru", "Chile")]


def test_items_after_were(nlp):
    doc = analyse("t", "President Tomas Greco received the delegation on Monday. Present at the call were Director "
                       "General, Ana Lopez Ruiz; Senior Foreign Service Officer, Maria Kowalska; and Deputy Chief of "
                       "Mission, Radek Novak.\n", nlp)
    assert [t for t, _ in _roles(doc, "Ana Lopez Ruiz")] == ["Director General"]
    assert _roles(doc, "Maria Kowalska") == []  # "Officer" is no title the list knows
    assert [t for t, _ in _roles(doc, "Radek Novak")] == ["Deputy Chief of Mission"]


def test_the_party_named_before_is_the_spokeswomans(nlp):
    doc = analyse("t", "Minister Tomas Greco also held talks with the Social Democratic Party leader Ana Lopez and "
                       "the party's health spokeswoman, Maria Kowalska.\n", nlp)
    assert _roles(doc, "Maria Kowalska") == [("Health Spokeswoman", "Social Democratic Party")]
