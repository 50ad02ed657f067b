"""A meeting "on the sidelines / margins / fringes of" a gathering (issue 15, seventh round): the gathering is an event
the host attended, and is no participant of the meeting; sentences written here, none from an evaluation text."""

from __future__ import annotations

from graph import analyse


def events(text: str, nlp):
    doc = analyse("news.txt", text, nlp)
    return [(ev.type, ev.label, {doc.entities[q.entity].label for q in ev.participants}) for ev in doc.events]


def test_a_long_summit_name_with_lowercase_words_and_its_short_form(nlp):
    found = events("Prime Minister Lena Holt met Chancellor Karl Weber on Tuesday on the sidelines of the annual "
                   "Pacific Islands Leaders Meeting (PILM).\n", nlp)
    assert any(t == "Conference" and "Pacific Islands Leaders Meeting" in label for t, label, _ in found)
    assert ("Meeting", {"Lena Holt", "Karl Weber"}) in [(t, p) for t, _, p in found]


def test_the_margins_of_a_numbered_session_of_an_assembly(nlp):
    found = events("Foreign Minister Maria Silva held talks with her Chilean counterpart Carlos Mendes on the "
                   "margins of the 79th session of the United Nations General Assembly in New York.\n", nlp)
    assert any(t == "Conference" and "session of the United Nations General Assembly" in label
               for t, label, _ in found)
    assert not any("United Nations General Assembly" in p for t, _, ps in found if t != "Conference" for p in ps)


def test_the_fringes_of_a_gathering_named_by_its_short_name(nlp):
    found = events("President Juan Perez met Prime Minister Lena Holt on the fringes of the G20 in Rome.\n", nlp)
    assert any(t in ("Conference", "Summit") and label == "G20" for t, label, _ in found)


def test_a_named_gathering_attended_is_an_event_of_those_who_attended_it(nlp):
    found = events("Chancellor Karl Weber and Prime Minister Maria Silva took part in the World Economic Forum in "
                   "Davos on Tuesday.\n", nlp)
    assert ("World Economic Forum", {"Karl Weber", "Maria Silva"}) in [(label, p) for _, label, p in found]
    found = events("President Lena Holt attended the 7th Summit of the Community of Latin American and Caribbean "
                   "States (CELAC), which brings together 33 countries.\n", nlp)
    assert [label for _, label, _ in found] == ["7th Summit of the Community of Latin American and Caribbean States "
                                                "(CELAC)"]


def test_no_gathering_attended_where_nobody_named_attended_it(nlp):
    assert events("Dignitaries who attended the Paris Peace Forum praised the talks.\n", nlp) == []
    assert not any(t in ("Conference", "Summit") for t, _, _ in events(
        "Minister Lena Holt attended the meeting with Karl Weber on Monday.\n", nlp))


def test_a_meeting_planned_on_the_margins_of_a_gathering_is_no_attendance(nlp):
    found = events("Foreign Minister Maria Silva spoke by phone with Chancellor Karl Weber on Monday. Both agreed to "
                   "meet on the margins of the Asia-Pacific Economic Cooperation ministerial meeting in November.\n",
                   nlp)
    assert not any(t in ("Conference", "Summit") for t, _, _ in found)
