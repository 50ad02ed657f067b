"""How news splits, merges and dates the meetings it tells (issue 15, sixth round), each on sentences written here,
none taken from an evaluation text: the events `analyse` finds with the real model."""

from __future__ import annotations

from graph import analyse


def doc_of(nlp, text: str):
    return analyse("news.txt", text, nlp)


def people(doc) -> list[list[str]]:
    return sorted(sorted(doc.entities[q.entity].label for q in ev.participants) for ev in doc.events)


def dated(doc) -> dict[str, str | None]:
    """The date of each event, keyed by its participants."""
    return {" + ".join(sorted(doc.entities[q.entity].label for q in ev.participants)): ev.start for ev in doc.events}


def test_a_year_first_date_line_under_the_headline_dates_the_story():
    from graph.text.dates import find_dates

    (d,) = find_dates("Updated 2019/05/20 at noon")
    assert (d.begin, d.precision, d.year_given) == ("2019-05-20", "day", True)
    assert find_dates("rated 3/5/2019 by readers") == []  # day and month in an unknown order: no date


def test_the_day_of_an_overview_sentence_dates_the_meetings_told_after_it(nlp):
    doc = doc_of(nlp, "Jubilee draws foreign guests\n2019/05/20\n"
                      "President Marta Ruiz met May 18 with dozens of foreign dignitaries who came for the jubilee.\n"
                      "During a meeting with a delegation from Peru led by Foreign Minister Jorge Salas, Ruiz praised "
                      "the ties between the two countries.\n"
                      "Ruiz then received a delegation from Kenya led by Speaker Amina Odhiambo.\n")
    when = dated(doc)
    # each delegation's country is met too (tests/test_args_s6.py): the meeting is found by who led it
    assert when.get("Jorge Salas + Marta Ruiz + Peru") == "2019-05-18"
    assert when.get("Amina Odhiambo + Kenya + Marta Ruiz") == "2019-05-18"


def test_two_delegations_received_in_one_sentence_are_two_meetings(nlp):
    doc = doc_of(nlp, "President Marta Ruiz on Monday received a delegation from Norway led by Foreign Minister "
                      "Ingrid Solberg, as well as a delegation from Portugal led by its Speaker Joao Mendes.\n")
    assert ["Ingrid Solberg", "Marta Ruiz"] in people(doc) and ["Joao Mendes", "Marta Ruiz"] in people(doc)
    assert not any({"Ingrid Solberg", "Joao Mendes"} <= set(p) for p in people(doc))


def test_leaders_listed_with_their_countries_after_a_plural_title_are_met_one_by_one(nlp):
    doc = doc_of(nlp, "On the sidelines of the forum, President Marta Ruiz met Presidents Karl Weber (Austria), "
                      "Ingrid Solberg (Norway) and Tomasz Nowak (Poland).\n")
    assert [p for p in people(doc) if "Marta Ruiz" in p and len(p) > 1] == [
        ["Ingrid Solberg", "Marta Ruiz"], ["Karl Weber", "Marta Ruiz"], ["Marta Ruiz", "Tomasz Nowak"]]


def test_they_after_other_people_are_named_is_not_the_meeting_told_before(nlp):
    # a past meeting told in passing: "they" are the two just named, not today's two
    doc = doc_of(nlp, "Prime Minister Lena Holt met Chancellor Karl Weber in Oslo on Monday.\n"
                      "The two discussed energy and trade.\n"
                      "The last foreign leader to come to Oslo was President Juan Perez in 2011. He attended a "
                      "summit where he and his Chilean counterpart Pablo Soto signed a treaty. They also held talks "
                      "with the then head of government, Tomas Berg.\n")
    assert not any("Tomas Berg" in p and "Karl Weber" in p for p in people(doc))


def test_a_visit_to_a_country_told_with_the_verb_is_a_visit_to_that_country(nlp):
    doc = doc_of(nlp, "Secretary of State Lena Holt visited Norway on Wednesday as part of a tour of Europe.\n\n"
                      "While in Oslo, Holt also met with Prime Minister Karl Weber.\n")
    assert ["Lena Holt", "Norway"] in people(doc)


def test_lunching_or_dining_with_someone_is_meeting_them(nlp):
    doc = doc_of(nlp, "President Marta Ruiz lunched with Chancellor Karl Weber on Monday.\n\n"
                      "On Tuesday Ruiz dined with Prime Minister Lena Holt.\n")
    assert ["Karl Weber", "Marta Ruiz"] in people(doc) and ["Lena Holt", "Marta Ruiz"] in people(doc)


def test_signing_a_memorandum_with_someone_is_meeting_them(nlp):
    doc = doc_of(nlp, "Foreign Minister Lena Holt signed a memorandum of understanding with Chile's Foreign "
                      "Minister, Pablo Soto, on Friday.\n")
    assert ["Lena Holt", "Pablo Soto"] in people(doc)


def test_meetings_held_separately_with_two_people_are_two_meetings(nlp):
    doc = doc_of(nlp, "President Marta Ruiz met separately with Chancellor Karl Weber and Prime Minister Lena Holt "
                      "on Monday.\n")
    assert people(doc) == [["Karl Weber", "Marta Ruiz"], ["Lena Holt", "Marta Ruiz"]]


def test_a_headline_meeting_takes_the_day_the_story_gives_it(nlp):
    # the headline tells the meeting undated; the dateline's story says it was the day before
    doc = doc_of(nlp, "Weber meets Ruiz in Berlin\n\n"
                      "BERLIN, 3 May 2024 — Chancellor Karl Weber met President Marta Ruiz on Thursday at the "
                      "chancellery.\n")
    assert [(p, ev.start) for p, ev in zip(people(doc), doc.events)] == [(["Karl Weber", "Marta Ruiz"], "2024-05-02")]


def test_someone_taking_part_in_a_forum_is_not_at_the_meeting_told_before(nlp):
    doc = doc_of(nlp, "Prime Minister Lena Holt held talks with Chancellor Karl Weber on Monday.\n\n"
                      "Minister Tomas Berg also took part in a regional forum on public health.\n")
    assert ["Karl Weber", "Lena Holt"] in people(doc)
    assert not any("Tomas Berg" in p and "Karl Weber" in p for p in people(doc))


def test_envoys_named_in_a_list_after_their_countries_each_present_their_own_credentials(nlp):
    doc = doc_of(nlp, "Envoys of three states presented their credentials to President Marta Ruiz today.\n\n"
                      "Ambassadors of Peru, Kenya and Chile presented their credentials to the President at the "
                      "palace.\n\n"
                      "The envoys who presented their credentials were Ambassador of Peru Jorge Salas, Ambassador of "
                      "Kenya Amina Odhiambo and Ambassador of Chile Pablo Soto.\n")
    assert people(doc) == [["Amina Odhiambo", "Kenya", "Marta Ruiz"], ["Chile", "Marta Ruiz", "Pablo Soto"],
                           ["Jorge Salas", "Marta Ruiz", "Peru"]]


def test_ambassadors_of_countries_named_before_the_cue_are_one_ceremony_per_country(nlp):
    doc = doc_of(nlp, "President Marta Ruiz spoke on the economy on Monday.\n\n"
                      "Ambassadors of Peru, Kenya and Chile presented their credentials to President Marta Ruiz.\n")
    assert people(doc) == [["Chile", "Marta Ruiz"], ["Kenya", "Marta Ruiz"], ["Marta Ruiz", "Peru"]]


def test_discussing_at_length_with_someone_is_meeting_them(nlp):
    doc = doc_of(nlp, "Prime Minister Lena Holt arrived in Oslo on Monday, discussing at length with Norwegian Prime "
                      "Minister Karl Weber the future of the Nordic Council and the European Union.\n")
    assert ["Karl Weber", "Lena Holt"] in people(doc)
    assert not any("Nordic Council" in p or "European Union" in p for p in people(doc))  # what they discussed
