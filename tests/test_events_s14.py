"""Events found but undated or placed nowhere, because the page's date or the city was written in a form the rules
did not read: numeric dates ("30-12-2025", "2021.04.13", "11.06.2025"), a publication line standing anywhere in the
text ("first published Oct. 7, 2025"), a capital typed without its accents ("Male" for "Malé"). Invented texts."""

from graph import analyse
from graph.extract.published import published_date
from graph.text.dates import find_dates
from graph.text.gazetteer import country_of_city


def _events(doc):
    return sorted((e.type, e.start, tuple(sorted(doc.entities[p.entity].label for p in e.participants)))
                  for e in doc.events)


def test_numeric_dates_day_first():
    got = [(d.begin, d.precision) for d in find_dates("30-12-2025 | 07:57; Created: 2021.04.13; 11.06.2025")]
    assert got == [("2025-12-30", "day"), ("2021-04-13", "day"), ("2025-06-11", "day")]


def test_numbers_that_are_not_dates():
    assert find_dates("release 1.2.2020.5, call 12-34-5678, on 31-02-2024") == []


def test_a_dash_dated_page_dates_its_meeting(nlp):
    doc = analyse("t", "Defence Minister receives Freedonian Ambassador\n\n14-03-2024 | 09:12\n\nDefence Minister "
                       "Omar Haddad met Tuesday with Freedonian Ambassador Pierre Lemaire at the ministry for an "
                       "introductory visit.\n", nlp)
    assert ("Meeting", "2024-03-12", ("Omar Haddad", "Pierre Lemaire")) in _events(doc)


def test_a_dotted_created_line_dates_a_phone_call(nlp):
    doc = analyse("t", "Minister speaks to his counterpart\n\nCreated: 2021.04.13 / Updated: 2021.04.13 18:30\n\n"
                       "On 13 April, Foreign Minister Tomas Berg had a telephone conversation with Prime Minister "
                       "Anna Kowal of Ruritania.\n", nlp)
    assert ("PhoneCall", "2021-04-13", ("Anna Kowal", "Tomas Berg")) in _events(doc)


def test_publication_line_at_the_end_dates_today(nlp):
    doc = analyse("t", "Trade Minister Lena Varga met Ruritanian Foreign Minister Jan Kowal today for talks on energy "
                       "and trade.\n\nThe two ministers agreed to meet again in the spring.\n\nThis article was first "
                       "published Oct. 7, 2025.\n", nlp)
    assert ("Meeting", "2025-10-07", ("Jan Kowal", "Lena Varga")) in _events(doc)


def test_publication_line_gives_the_year_of_a_yearless_date(nlp):
    doc = analyse("t", "Minister receives delegation\nTarvik/AGENCY/ On July 20, Mining Minister Ana Doru met the "
                       "Freedonian delegation led by Minister of State Karl Brenner.\n\nThe two sides discussed "
                       "mining, education and trade.\n\nPublished Date:2018-07-23\n",
                  nlp)
    assert any(start == "2018-07-20" and {"Ana Doru", "Karl Brenner"} <= set(names)
               for _, start, names in _events(doc))


def test_publication_words_need_a_date_right_after():
    assert published_date("The report was published by the ministry in 2019 after talks on 3 May 2019.") is None
    assert published_date("Posted on 3 May 2024 by the desk") is not None


def test_a_city_typed_without_accents(nlp):
    assert country_of_city("Male").name == "Maldives"
    doc = analyse("t", "Foreign Secretary Ravi Menon arrived in Male yesterday on a two-day visit.\n\n"
                       "Menon met President Ali Hameed at his office.\n", nlp)
    assert ("Visit", None, ("Maldives", "Ravi Menon")) in _events(doc)


# Visits told beside the meeting in forms the visit reader did not take (visits_told.py)

def _visits(doc):
    return sorted(names for kind, _, names in _events(doc) if kind == "Visit")


def test_visit_by_the_visitor_named_after_it(nlp):
    doc = analyse("t", "Laotian Prime Minister Jan Kowal and President Ivan Petrov signed eight agreements in Hanoi on "
                       "Tuesday.\n\nBoth governments pledged closer trade links during the current four-day state visit to "
                       "Vietnam (May 4-7) by Mr Kowal, who came at the invitation of Mr Petrov, a joint "
                       "communique said.\n", nlp)
    assert _visits(doc) == [("Jan Kowal", "Vietnam")]


def test_visit_by_the_visitor_then_where_to(nlp):
    doc = analyse("t", "Ministers Ana Berg and Tomas Lind sat down with Mongolian officials on Friday, part of a "
                       "two-day working visit by Prime Minister Jan Kowal to Mongolia.\n", nlp)
    assert _visits(doc) == [("Jan Kowal", "Mongolia")]


def test_a_visit_called_off_is_no_visit(nlp):
    doc = analyse("t", "The visit by Prime Minister Jan Kowal to Mongolia was postponed, the ministry said.\n", nlp)
    assert _visits(doc) == []


def test_a_planned_visit_by_is_no_visit(nlp):
    doc = analyse("t", "President Ivan Petrov met Foreign Minister Ana Berg on Monday to prepare the visit by Prime "
                       "Minister Jan Kowal to Mongolia next month.\n", nlp)
    assert ("Jan Kowal", "Mongolia") not in _visits(doc)


def test_on_a_visit_after_a_title_without_comma(nlp):
    doc = analyse("t", "Crown Prince Omar Zayed received at the palace today Jan Kowal, Foreign Minister of Ruritania "
                       "who is on an official visit to Moldova.\n", nlp)
    assert _visits(doc) == [("Jan Kowal", "Moldova")]


def test_in_a_country_for_a_state_visit(nlp):
    doc = analyse("t", "President Omar Zayed held talks with President Jan Kowal who is in Zambia for a three-day "
                       "state visit.\n", nlp)
    assert _visits(doc) == [("Jan Kowal", "Zambia")]
