"""One report's separate meetings kept apart (separate_meetings.py): "held a series of meetings with A, B and C",
"held bilateral meetings with the president of X, A, and with …", lists of envoys received one by one. Each listed
counterpart is met by the one who held the meetings, never by the other listed. Invented texts."""

from graph import analyse
from graph.extract.separate_meetings import _paired


def _pairs(doc):
    """Every two who met in one event, as labels."""
    out = set()
    for e in doc.events:
        names = sorted({doc.entities[p.entity].label for p in e.participants})
        out |= {(a, b) for i, a in enumerate(names) for b in names[i + 1:]}
    return out


def _met(doc, a, b):
    return tuple(sorted((a, b))) in _pairs(doc)


def test_series_of_meetings_with_firms_one_each(nlp):
    doc = analyse("t", "Finance Minister Kofi Mensah of Ghana held a series of meetings with leading Korean firms, "
                       "including Hanseo Steel, Dalmi Motors and Kori Shipping.\n", nlp)
    for firm in ("Hanseo Steel", "Dalmi Motors"):
        assert _met(doc, "Kofi Mensah", firm)
    assert not _met(doc, "Hanseo Steel", "Dalmi Motors")
    assert not any(_met(doc, firm, "Kori Shipping") for firm in ("Hanseo Steel", "Dalmi Motors"))


def test_envoys_representing_countries_one_ceremony_each(nlp):
    doc = analyse("t", "President Ana Ruiz of Chile was presented with the credentials of five ambassadors, "
                       "representing Poland, Ghana, Vietnam, Peru and Kenya, in the presence of Foreign Minister "
                       "Luis Soto.\n", nlp)
    lands = ("Poland", "Ghana", "Vietnam", "Peru", "Kenya")
    assert all(_met(doc, "Ana Ruiz", land) for land in lands)
    assert not any(_met(doc, a, b) for a in lands for b in lands if a != b)


def test_new_envoys_named_from_countries_not_paired_with_one_another(nlp):
    doc = analyse("t", "President Sara Lind received the new envoys at the palace on Monday. The new envoys are "
                       "Jan Kowal from Poland, Ama Owusu from Ghana and Tran Van Minh from Vietnam.\n", nlp)
    envoys = ("Jan Kowal", "Ama Owusu", "Tran Van Minh")
    assert not any(_met(doc, a, b) for a in envoys for b in envoys if a != b)


def test_ambassadors_told_as_subjects_each_with_his_country(nlp):
    doc = analyse("t", "The Ambassador of Peru Rosa Diaz and the Ambassador of Kenya John Otieno presented their "
                       "letters of credence to King Tupou of Tonga today.\n", nlp)
    assert _met(doc, "Rosa Diaz", "Tupou") and _met(doc, "John Otieno", "Tupou")
    assert not _met(doc, "Rosa Diaz", "John Otieno")
    assert not _met(doc, "Rosa Diaz", "Kenya")


def test_met_separately_with_two_leaders(nlp):
    doc = analyse("t", "President Tomas Berg of Norway met separately with Indian Prime Minister Raj Kumar and "
                       "Japanese Prime Minister Ken Sato in Oslo on Monday.\n", nlp)
    assert _met(doc, "Tomas Berg", "Raj Kumar") and _met(doc, "Tomas Berg", "Ken Sato")
    assert not _met(doc, "Raj Kumar", "Ken Sato")


def test_one_meeting_with_two_is_not_split(nlp):
    doc = analyse("t", "Foreign Minister Eva Novak met Prime Minister Omar Haddad and Defence Minister Sami Karam "
                       "in Beirut on Friday to discuss border security.\n", nlp)
    assert _met(doc, "Omar Haddad", "Sami Karam")


def test_bilateral_talks_with_one_counterpart_stay_one_meeting(nlp):
    doc = analyse("t", "Prime Minister Lars Holm held bilateral talks with his Estonian counterpart Kaja Tamm in "
                       "Tallinn on Tuesday, with Foreign Minister Mart Kask also present.\n", nlp)
    assert _met(doc, "Lars Holm", "Kaja Tamm")


class _Ctx:
    """Just what `_paired` reads of a `Context`: which keys are persons."""

    def is_person(self, key):
        return key.startswith("person/")


def test_countries_then_as_many_ministers_paired_in_order():
    items = [["country/peru"], ["country/chile"], ["person/rosa"], ["person/pablo"]]
    got = _paired(_Ctx(), items, [False, False, True, False])
    assert got == [{"country/peru", "person/rosa"}, {"country/chile", "person/pablo"}]


def test_a_country_then_its_leader_after_a_comma_is_one_counterpart():
    items = [["country/peru"], ["person/rosa"], ["country/chile"], ["person/pablo"]]
    got = _paired(_Ctx(), items, [False, True, False, True])
    assert got == [{"country/peru", "person/rosa"}, {"country/chile", "person/pablo"}]


def test_a_person_after_and_is_no_apposition():
    items = [["organization/a"], ["person/b"]]
    assert _paired(_Ctx(), items, [False, False]) == [{"organization/a"}, {"person/b"}]



def test_talks_with_firms_told_separately_after_the_list(nlp):
    doc = analyse("t", "Minister Omar Haddad held talks with Hanseo Steel, Dalmi Motors and Kori Shipping, separately, "
                       "during his visit to Seoul.\n", nlp)
    firms = ("Hanseo Steel", "Dalmi Motors", "Kori Shipping")
    assert all(_met(doc, "Omar Haddad", f) for f in firms)
    assert not any(_met(doc, a, b) for a in firms for b in firms if a != b)


def test_an_envoy_told_in_another_sentence_is_received_on_his_own(nlp):
    doc = analyse("t", "President Ana Ruiz of Chile was presented with the credentials of the new ambassadors of "
                       "Poland, Ghana and Vietnam on Monday. Earlier, President Ruiz received the outgoing Ambassador "
                       "of Spain, Luis Mora, who paid a farewell call on her.\n", nlp)
    assert _met(doc, "Ana Ruiz", "Luis Mora")
    assert not any(_met(doc, "Luis Mora", land) for land in ("Poland", "Ghana", "Vietnam"))
    assert all(_met(doc, "Ana Ruiz", land) for land in ("Poland", "Ghana", "Vietnam"))
