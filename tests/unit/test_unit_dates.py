"""Dates read from prose, exactly (issue 29): the quarter of a reference date, a month named
without digits, a two-digit year read against the document's time. Expected values by hand."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.time.dates import record_time
from extractors.time.timex import find_times
from schemas.records import Period

pytestmark = pytest.mark.unit

# A chairmanship's year: July 2008 to June 2009.
PERIOD_2008_2009 = Period(start=date(2008, 7, 1), end=date(2009, 6, 30), raw="2008-2009")


def only(text: str, reference: date | None = None, period: Period | None = None):
    spans = find_times(text, reference, period)
    assert len(spans) == 1, spans
    return spans[0]


@pytest.mark.parametrize("reference, value, first, last", [
    (date(2009, 1, 1), "2009-Q1", date(2009, 1, 1), date(2009, 3, 31)),
    (date(2009, 3, 15), "2009-Q1", date(2009, 1, 1), date(2009, 3, 31)),  # March is the first quarter's
    (date(2009, 3, 31), "2009-Q1", date(2009, 1, 1), date(2009, 3, 31)),
    (date(2009, 4, 1), "2009-Q2", date(2009, 4, 1), date(2009, 6, 30)),
    (date(2009, 12, 31), "2009-Q4", date(2009, 10, 1), date(2009, 12, 31)),
])
def test_this_quarter_is_the_quarter_of_the_reference_date(reference, value, first, last):
    span = only("The report is due this quarter.", reference)
    assert (span.text, span.value, span.interval) == ("this quarter", value, (first, last))


def test_next_and_last_quarter_cross_the_year():
    assert only("It starts next quarter.", date(2009, 11, 2)).interval == (date(2010, 1, 1), date(2010, 3, 31))
    assert only("It ended last quarter.", date(2009, 2, 2)).interval == (date(2008, 10, 1), date(2008, 12, 31))


def test_a_month_named_without_digits_keeps_its_date():
    # September of a July-June year is the period's first September: 2008
    value = record_time("The working group met in Riga in September.", PERIOD_2008_2009)
    assert (value.start, value.end, value.granularity, value.year_inferred) == \
        (date(2008, 9, 1), date(2008, 9, 30), "month", True)
    value = record_time("The working group met in Riga in March.", PERIOD_2008_2009)
    assert (value.start, value.end) == (date(2009, 3, 1), date(2009, 3, 31))


def test_a_month_named_without_digits_is_found_in_prose():
    span = only("The working group met in Riga in September.", period=PERIOD_2008_2009)
    assert (span.text, span.value, span.interval, span.year_inferred) == \
        ("September", "2008-09", (date(2008, 9, 1), date(2008, 9, 30)), True)


def test_no_time_stated_is_no_date():
    value = record_time("The working group met in Riga.", PERIOD_2008_2009)
    assert (value.start, value.end) == (None, None)


@pytest.mark.parametrize("text, reference, year", [
    # a document written in 1995: '12 cannot be a year 17 years after it
    ("The unit was founded in '12.", date(1995, 6, 1), 1912),
    ("The unit was founded in '98.", date(1995, 6, 1), 1998),
    ("The unit was founded in '12.", date(2009, 6, 1), 2012),
    # the century turns ten years after the document's own year: 2019 is within, 2020 is not
    ("The unit was founded in '19.", date(2009, 6, 1), 2019),
    ("The unit was founded in '20.", date(2009, 6, 1), 1920),
])
def test_a_two_digit_year_is_read_against_the_documents_time_not_today(text, reference, year):
    span = only(text, reference)
    assert (span.value, span.interval) == (str(year), (date(year, 1, 1), date(year, 12, 31)))


@pytest.mark.parametrize("text, start, end", [
    ("Feb/Mar 2017", "2017-02-01", "2017-03-31"),
    ("Sep-Oct 2015", "2015-09-01", "2015-10-31"),
    ("National conference, Feb and Mar 2016", "2016-02-01", "2016-03-31"),
])
def test_an_abbreviated_month_joined_to_the_next_is_the_start_of_a_span(text, start, end):
    from extractors.time.dates import normalise

    value = normalise(text, scan=True)
    assert (str(value.start), str(value.end)) == (start, end)


def test_an_abbreviated_month_alone_in_lower_case_is_no_date():
    from extractors.time.dates import normalise

    assert normalise("the feb/mar issue", scan=True).start is None


def test_a_month_written_with_the_long_s_is_read_not_a_crash():
    from extractors.time.dates import normalise

    value = normalise("the meeting of 3 ſeptember 1998", scan=True)
    assert (str(value.start), str(value.end)) == ("1998-09-03", "1998-09-03")


def test_a_season_written_with_the_long_s_is_read():
    from extractors.time.dates import normalise

    value = normalise("in ſpring 2004", scan=True)
    assert (str(value.start), str(value.end)) == ("2004-03-01", "2004-05-31")
