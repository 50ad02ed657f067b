"""Envoys of several countries calling on someone together: one meeting per envoy's country, as for credentials
(graph/extract/envoy_calls.py). Invented texts."""

from graph import analyse


def _meetings(nlp, text: str):
    doc = analyse("news.txt", text + "\n", nlp)
    return [({doc.entities[p.entity].label for p in e.participants},
             {doc.entities[t.entity].label for t in e.topics if t.entity in doc.entities}) for e in doc.events]


def test_envoys_of_listed_countries_each_meet_the_one_they_call_on(nlp):
    got = [who for who, _ in _meetings(nlp, "The envoys of Chile, Peru and Kenya paid a courtesy call on Prime "
                                             "Minister Rahima Sultana at her office on Monday.")]
    for land in ("Chile", "Peru", "Kenya"):
        assert {"Rahima Sultana", land} in got
    assert not any(len(who & {"Chile", "Peru", "Kenya"}) > 1 for who in got)


def test_ambassadors_from_two_countries_are_two_meetings_with_the_subjects_told(nlp):
    got = _meetings(nlp, "Ambassadors from France and Italy called on President Tomas Verhoeven at the palace on "
                         "Monday to discuss fisheries.")
    assert sorted(sorted(who) for who, _ in got) == [["France", "Tomas Verhoeven"], ["Italy", "Tomas Verhoeven"]]
    assert all(any("fisheries" in t for t in topics) for _, topics in got)


def test_leaders_of_countries_are_not_split_as_envoys():
    from graph.extract.envoy_calls import ENVOYS_OF

    assert ENVOYS_OF.search("the ambassadors of Chile and Peru")
    assert ENVOYS_OF.search("Heads of Mission from Chile and Peru")
    assert not ENVOYS_OF.search("the leaders of Chile and Peru")
    assert not ENVOYS_OF.search("the foreign ministers of Chile and Peru")
