"""A long run of titles before a name ("… Department Director Maj. Gen. Ana Ruiz") once left the model's person
span with no word of a name after the titles were stripped, and analysis failed on the text (a real news page of
round 11's fresh set). Invented sentences."""

from graph import analyse


def test_a_name_after_a_run_of_titles_and_ranks_is_a_participant(nlp):
    doc = analyse("t", "King Rado on Monday received Parliament Speaker Ivo Marten at the palace. General "
                       "Intelligence Department Director Maj. Gen. Tomas Berin attended the meeting.\n", nlp)
    people = {e.label for e in doc.entities.values() if e.type == "Person"}
    assert {"Ivo Marten", "Tomas Berin"} <= people
    assert any({"Ivo Marten", "Tomas Berin"} <= {doc.entities[p.entity].label for p in e.participants}
               for e in doc.events)
