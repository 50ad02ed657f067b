"""Meetings the rules did not find at all (round 15): told in the first person ("I met with A", a press conference's
transcript under its speaker's name), as a chance one had ("had the opportunity to meet B"), with the countries of
officials the text does not name ("held a bilateral meeting with his counterparts from X, Y and Z": one each, the
country met as such), and pages dated with the month in capitals or small letters ("23 MAY 2018", "18 october
2023", "31/October/2024"). Invented texts."""

from graph import analyse
from graph.extract.peer_lands import peers_of_lands
from graph.text.dates import find_dates


def _events(doc):
    return sorted((e.type, e.start, tuple(sorted(doc.entities[p.entity].label for p in e.participants)))
                  for e in doc.events)


def _pairs(doc):
    return {tuple(sorted(doc.entities[p.entity].label for p in e.participants)) for e in doc.events}


def test_month_in_any_case_with_day_and_year():
    got = [d.begin for d in find_dates("TARVIK 23 MAY 2018: …; DORVAL, 18 october 2023 (AGENCY); "
                                       "Monday 31/October/2024 18:16; MARCH 4, 2019")]
    assert got == ["2018-05-23", "2023-10-18", "2024-10-31", "2019-03-04"]


def test_a_small_may_is_no_date():
    assert find_dates("ministers may 2019 be the year, he may 5 2020") == []


def test_capital_dateline_dates_a_yearless_day(nlp):
    doc = analyse("t", "Premier ends visit to Ruritania\n\nFREEDONIAN EMBASSY, TARVIK 23 MAY 2018: Premier Alo Tamasi "
                       "has ended his visit.\n\nOn 15 May, Premier Alo Tamasi held talks with Prime Minister Jan Kowal "
                       "of Ruritania on fisheries.\n", nlp)
    assert ("Negotiations", "2018-05-15", ("Alo Tamasi", "Jan Kowal")) in _events(doc) or \
        ("Meeting", "2018-05-15", ("Alo Tamasi", "Jan Kowal")) in _events(doc)


def test_small_letter_dateline_dates_the_meeting(nlp):
    doc = analyse("t", "Ambassador and Minister discuss trade\n\nDORVAL, 18 october 2023 (AGENCY) – The Freedonian "
                       "Ambassador, Karl Brenner, met with the Prime Minister, Maria Lund, to discuss trade.\n", nlp)
    assert any(e[1] == "2023-10-18" and e[2] == ("Karl Brenner", "Maria Lund") for e in _events(doc))


def test_transcript_speaker_is_the_i_who_met(nlp):
    doc = analyse("t", "Press conference in Tarvik\n\nLena Varga, Foreign Minister: Good morning to everyone. The day "
                       "started early.\n\nThis afternoon I held a meeting with Omar Haddad, my counterpart from "
                       "Freedonia. We talked about trade and the border.\n", nlp)
    assert ("Lena Varga", "Omar Haddad") in _pairs(doc)


def test_first_person_statement_is_the_host(nlp):
    doc = analyse("t", "Minister Jan Kowal: my week in Dorval\n\nMinister Jan Kowal visited Dorval this week. While "
                       "in Dorval, I met with Prime Minister Anna Berg of Freedonia.\n", nlp)
    assert ("Anna Berg", "Jan Kowal") in _pairs(doc)


def test_an_i_quoted_from_someone_else_is_not_the_host(nlp):
    doc = analyse("t", "President Tomas Berg received Minister Ana Doru on Monday.\n\nAna Doru said later: \"I met "
                       "with Governor Paul Lind before the talks.\"\n", nlp)
    assert ("Paul Lind", "Tomas Berg") not in _pairs(doc)


def test_had_the_opportunity_to_meet_counterparts_from_countries(nlp):
    doc = analyse("t", "Lena Varga, Foreign Minister: The visit was worth making.\n\nOn Monday I had the "
                       "opportunity to meet with counterparts from Estonia, from Malawi and from Moldova before "
                       "the plenary.\n", nlp)
    pairs = _pairs(doc)
    assert {("Estonia", "Lena Varga"), ("Lena Varga", "Malawi"), ("Lena Varga", "Moldova")} <= pairs
    assert ("Estonia", "Malawi") not in pairs  # met one by one


def test_hopes_to_have_the_opportunity_is_no_meeting(nlp):
    doc = analyse("t", "Minister Lena Varga hopes to have the opportunity to meet President Omar Haddad in May.\n", nlp)
    assert ("Lena Varga", "Omar Haddad") not in _pairs(doc)


def test_bilateral_meeting_with_counterparts_from_countries(nlp):
    doc = analyse("t", "Tarvik, 6 March 2023 - Foreign Minister Pedro Alves held a bilateral meeting this Monday with "
                       "his counterparts from Peru, Chile and Trinidad and Tobago, within the framework of the regional "
                       "ministerial meeting.\n", nlp)
    pairs = _pairs(doc)
    assert {("Pedro Alves", "Peru"), ("Chile", "Pedro Alves"), ("Pedro Alves", "Trinidad and Tobago")} <= pairs
    assert ("Chile", "Peru") not in pairs


def test_officials_from_a_country_unnamed(nlp):
    doc = analyse("t", "Trade Minister Lena Varga held talks on Tuesday with officials from Moldova on wine exports.\n",
                  nlp)
    assert ("Lena Varga", "Moldova") in _pairs(doc)


def test_peer_list_with_a_name_after_it_is_the_named_one():
    assert peers_of_lands(" with the President of the Republic of Ruritania (RR) Jan Kowal in Tarvik", "x.") == []
    assert peers_of_lands(" with counterparts from Peru and Chile", "MEETING WITH COUNTERPARTS") == []
    assert peers_of_lands(" with his counterparts from Peru and Chile on Monday.", "x.") == [
        ("Peru", "peer"), ("Chile", "peer")]


def test_subject_name_the_model_did_not_read(nlp):
    doc = analyse("t", "Samoan Prime Minister Talia Faumuina arrived in Suva on Monday.\n\nOfficials said "
                       "Faumuina on Thursday met with Fijian Prime Minister Ratu Kolinio Vuki to talk about "
                       "fisheries.\n", nlp)
    assert ("Kolinio Vuki", "Talia Faumuina") in _pairs(doc)


def test_named_subject_without_the_time_after_it():
    from types import SimpleNamespace as NS
    from graph.extract.named_subjects import named_subject
    ctx = NS(entities={"a": NS(type="Person", label="Talia Faumuina", aliases=()),
                       "b": NS(type="Person", label="Kolinio Vuki", aliases=()),
                       "c": NS(type="Person", label="Sione Vuki", aliases=())})
    assert named_subject(ctx, "Faumuina on Tuesday") == "a"
    assert named_subject(ctx, "Talia also") == "a"
    assert named_subject(ctx, "Vuki") is None  # two of that name
    assert named_subject(ctx, "the minister") is None


def test_named_subject_reads_one_person_only():
    from graph.extract.named_subjects import _called
    assert _called("Talia Faumuina", (), "Faumuina") and _called("Talia Faumuina", (), "Talia")
    assert not _called("President Talia Faumuina", (), "President")
    assert not _called("Talia Faumuina", (), "Faumuina Vuki")
