import datetime as dt

import pytest

from graph.text.dates import find_dates, relative_dates


@pytest.mark.parametrize("text, begin, until", [
    ("Meeting with X, 1 March 2023 Good day", "2023-03-01", None),
    ("State visit, 28 February - 2 March 2023 - Let's", "2023-02-28", "2023-03-02"),
    ("a visit, 5-7 March 2024.", "2024-03-05", "2024-03-07"),
    ("March 5, 2024", "2024-03-05", None),
    ("Last Updated : Mar 02 2015 | 9:42 PM IST", "2015-03-02", None),  # a web page's stamp, without the comma
    ("June 3-5, 2024, Astana", "2024-06-03", "2024-06-05"),
    ("in Samarkand in September 2022", "2022-09", None),
    ("30 December 2022 - 2 January 2023", "2022-12-30", "2023-01-02"),
    ("2023-03-01", "2023-03-01", None),
])
def test_dates_with_year(text, begin, until):
    d = find_dates(text)[0]
    assert (d.begin, d.until) == (begin, until)
    assert d.year_given


def test_impossible_date_is_dropped():
    assert find_dates("Meeting, 31 February 2023") == []


def test_yearless_date_takes_the_document_year():
    d = find_dates("held talks on 14 June with")[0]
    assert not d.year_given
    assert d.resolve(dt.date(2024, 6, 20)).begin == "2024-06-14"
    # a June date written in January is last June
    assert d.resolve(dt.date(2024, 1, 10)).begin == "2023-06-14"


def test_may_as_a_verb_is_no_date():
    assert find_dates("they may 5 times") == []


def test_relative_dates():
    ref = dt.date(2023, 3, 2)
    found = {d.text.lower(): d.begin for d in relative_dates("Yesterday we met; today we sign.", ref)}
    assert found == {"yesterday": "2023-03-01", "today": "2023-03-02"}
    assert relative_dates("yesterday", None) == []
