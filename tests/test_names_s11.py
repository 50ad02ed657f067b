"""Names after titles, ranks and styles. A long run of titles before a name ("… Department Director Maj. Gen. Ana
Ruiz") once left the model's person span with no word of a name after the titles were stripped, and analysis failed
on the text (a real news page of round 11's fresh set); ranks printed without full stops ("Lt Gen") and "Ms"/"Mrs"
without one are read like "Lt. Gen." and "Ms.". Invented sentences."""

from graph import analyse


def test_a_name_after_a_run_of_titles_and_ranks_is_a_participant(nlp):
    doc = analyse("t", "King Rado on Monday received Parliament Speaker Ivo Marten at the palace. General "
                       "Intelligence Department Director Maj. Gen. Tomas Berin attended the meeting.\n", nlp)
    people = {e.label for e in doc.entities.values() if e.type == "Person"}
    assert {"Ivo Marten", "Tomas Berin"} <= people
    assert any({"Ivo Marten", "Tomas Berin"} <= {doc.entities[p.entity].label for p in e.participants}
               for e in doc.events)


def test_ranks_and_styles_without_full_stops_stand_before_the_name(nlp):
    doc = analyse("t", "President Ana Vale met the Minister of Defence, Ms Rosa Berin and the Deputy Chief of Defence "
                       "Forces, Lt Gen Samuel Okalo, at State House.\n", nlp)
    people = {e.label: e for e in doc.entities.values() if e.type == "Person"}
    assert set(people) == {"Ana Vale", "Rosa Berin", "Samuel Okalo"}
    assert "Lt Gen Samuel Okalo" in people["Samuel Okalo"].aliases
    assert [sorted(doc.entities[p.entity].label for p in e.participants) for e in doc.events] == \
        [["Ana Vale", "Rosa Berin", "Samuel Okalo"]]


def test_a_building_or_square_named_in_its_own_language_is_no_person(nlp):
    doc = analyse("t", "The talks between Prime Minister Ana Vale and President Ivo Marten were held at Palazzo Orlani "
                       "on Monday. On the table were trade issues, Palazzo Orlani said. Crowds waited between Piazza "
                       "Tessera and Piazza Corvina.\n", nlp)
    assert {e.label for e in doc.entities.values() if e.type == "Person"} == {"Ana Vale", "Ivo Marten"}
    assert {e.label for e in doc.entities.values() if e.type == "Place"} >= {"Palazzo Orlani", "Piazza Tessera"}
