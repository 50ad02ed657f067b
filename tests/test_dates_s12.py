"""A date that belongs to a planned gathering named in the sentence ("the next assembly, to take place from June 3
to 5", "a summit scheduled for 12 July") does not date the meeting the sentence tells. Invented text."""

from graph import analyse

TEXT = ("Secretary General Meets with Deputy Minister of Ruritania\n\nMay 13, 2014\n\n"
        "The Secretary General of the Union, Ana Vale, today met with the Deputy Minister of Foreign Affairs of "
        "Ruritania, Ivo Brandt, at the headquarters.\n\n"
        "Secretary General Vale and Deputy Minister Brandt discussed the agenda of the next General Assembly to take "
        "place from June 3 to 5 in Tarvik.\n\n"
        "Also present at the meeting were Ambassador Jorge Soto and the Director of Protocol, Luis Prado.\n")


def test_a_planned_gathering_s_date_is_not_the_meeting_s(nlp):
    doc = analyse("t", TEXT, nlp)
    names = {k: e.label for k, e in doc.entities.items()}
    met = [e for e in doc.events if "Ana Vale" in {names[p.entity] for p in e.participants}
           and any(names[p.entity].endswith("Brandt") for p in e.participants)]
    assert met and all(e.start == "2014-05-13" for e in met)
    assert any({"Jorge Soto", "Luis Prado"} <= {names[p.entity] for p in e.participants} for e in met)
