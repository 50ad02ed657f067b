"""Names standing for someone else, or for the meeting itself, are not who met (graph/extract/stand_ins.py).

Invented texts: countries told for their leaders, ministers who met a third side separately, a summit named as if it
were someone met."""

from graph import analyse


def _meetings(text: str, nlp) -> list[set[str]]:
    doc = analyse("news.txt", text + "\n", nlp)
    return [{doc.entities[p.entity].label for p in e.participants} for e in doc.events]


def test_countries_told_for_their_leaders_are_the_leaders_meeting(nlp):
    met = _meetings("VALLETTA - The leaders of Portugal and Chile met in Valletta on Wednesday to discuss fisheries. "
                    "Portuguese President Rui Amaral held talks with Chilean President Ines Pardo at the palace.", nlp)
    assert {"Rui Amaral", "Ines Pardo"} in met
    assert {"Portugal", "Chile"} not in met


def test_countries_meeting_stays_when_no_leaders_meeting_is_told(nlp):
    met = _meetings("VALLETTA - The leaders of Portugal and Chile met in Valletta on Wednesday to discuss fisheries.", nlp)
    assert {"Portugal", "Chile"} in met


def test_ministers_who_met_a_third_side_separately_did_not_meet_each_other(nlp):
    met = _meetings("The foreign ministers of Norway and Peru met separately with senior Canadian officials in Ottawa "
                    "this week to discuss Arctic shipping.", nlp)
    assert {"Norway", "Peru"} not in met


def test_a_summit_is_where_they_met_not_whom(nlp):
    met = _meetings("On Sunday, President Tomas Verhoeven met with the Nuclear Security Summit in Lisbon.", nlp)
    assert not any("Nuclear Security Summit" in m for m in met)


def test_an_organisation_not_named_like_an_event_still_takes_part(nlp):
    met = _meetings("On Sunday, President Tomas Verhoeven met with the board of the Atlantic Fisheries Council in "
                    "Lisbon.", nlp)
    assert any("Atlantic Fisheries Council" in m for m in met)
