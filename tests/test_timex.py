"""find_times on sentences written for these tests: each construct of issue 14 found with its value,
and ordinary words not read as dates. Expected values are worked out by hand from the reference
date (Friday 13 February 1998 unless a test says otherwise) and records.md's rules."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.time.dates import normalise
from extractors.time.timex import TimeSpan, find_times, sentence_tense
from schemas.records import Period

REF = date(1998, 2, 13)  # a Friday, ISO week 7
D = date.fromisoformat


def one(text: str, expected: str, reference: date | None = REF, **kw) -> TimeSpan:
    spans = [s for s in find_times(text, reference, **kw) if s.text == expected]
    assert spans, f"{expected!r} not found in {text!r}: {find_times(text, reference, **kw)}"
    return spans[0]


# (sentence, expression as found, kind, value, first day, last day)
FOUND = [
    # weekdays, by the tense of their clause
    ("The minister resigned on Tuesday.", "Tuesday", "date", "1998-02-10", "1998-02-10", "1998-02-10"),
    ("The minister will resign on Tuesday.", "Tuesday", "date", "1998-02-17", "1998-02-17", "1998-02-17"),
    ("Talks ended on Friday.", "Friday", "date", "1998-02-13", "1998-02-13", "1998-02-13"),
    # no tense: the nearer one (Monday is 4 days back, 3 ahead; Wednesday 2 back, 5 ahead)
    ("Parliament breaks on Monday.", "Monday", "date", "1998-02-16", "1998-02-16", "1998-02-16"),
    ("Parliament breaks on Wednesday.", "Wednesday", "date", "1998-02-11", "1998-02-11", "1998-02-11"),
    ("Friday, Feb. 13, 1998 was a quiet day.", "Friday, Feb. 13, 1998", "date", "1998-02-13", "1998-02-13", "1998-02-13"),
    ("Snow is forecast for the weekend.", "the weekend", "date", "1998-W07-WE", "1998-02-14", "1998-02-15"),
    ("Snow fell over the weekend.", "the weekend", "date", "1998-W06-WE", "1998-02-07", "1998-02-08"),
    # this / last / next / coming / following with a unit, a month, a season
    ("Sales rose this week.", "this week", "date", "1998-W07", "1998-02-09", "1998-02-15"),
    ("Sales rose last week.", "last week", "date", "1998-W06", "1998-02-02", "1998-02-08"),
    ("Prices fell last month.", "last month", "date", "1998-01", "1998-01-01", "1998-01-31"),
    ("Prices will fall next month.", "next month", "date", "1998-03", "1998-03-01", "1998-03-31"),
    ("Exports grew last year.", "last year", "date", "1997", "1997-01-01", "1997-12-31"),
    ("The vote is due next year.", "next year", "date", "1999", "1999-01-01", "1999-12-31"),
    ("Turnout was high this year.", "this year", "date", "1998", "1998-01-01", "1998-12-31"),
    ("The plant will close in the coming year.", "the coming year", "date", "1999", "1999-01-01", "1999-12-31"),
    ("The board met last June.", "last June", "date", "1997-06", "1997-06-01", "1997-06-30"),
    ("The board will meet next June.", "next June", "date", "1998-06", "1998-06-01", "1998-06-30"),
    ("Rates rose last February.", "last February", "date", "1997-02", "1997-02-01", "1997-02-28"),
    ("The dam burst last summer.", "last summer", "date", "1997-SU", "1997-06-01", "1997-08-31"),
    ("The dam will be rebuilt next autumn.", "next autumn", "date", "1998-FA", "1998-09-01", "1998-11-30"),
    ("Work starts this spring.", "this spring", "date", "1998-SP", "1998-03-01", "1998-05-31"),
    # N units ago / later / earlier
    ("The company was founded two years ago.", "two years ago", "date", "1996", "1996-01-01", "1996-12-31"),
    ("The strike began three months ago.", "three months ago", "date", "1997-11", "1997-11-01", "1997-11-30"),
    ("The ship sank ten days ago.", "ten days ago", "date", "1998-02-03", "1998-02-03", "1998-02-03"),
    ("The law changed 5 years ago.", "5 years ago", "date", "1993", "1993-01-01", "1993-12-31"),
    ("The war ended in 1945; two years later the treaty was signed.", "two years later", "date", "1947",
     "1947-01-01", "1947-12-31"),
    ("The pact was signed in June 1990 and broken six months later.", "six months later", "date", "1990-12",
     "1990-12-01", "1990-12-31"),
    # today, now, recently
    ("Parliament votes today.", "today", "date", "1998-02-13", "1998-02-13", "1998-02-13"),
    ("Parliament voted yesterday.", "yesterday", "date", "1998-02-12", "1998-02-12", "1998-02-12"),
    ("The court rules tomorrow.", "tomorrow", "date", "1998-02-14", "1998-02-14", "1998-02-14"),
    # the end of the year, parts
    ("Accounts close at the end of the year.", "the end of the year", "date", "1998", "1998-09-01", "1998-12-31"),
    ("A decision is due early next year.", "early next year", "date", "1999", "1999-01-01", "1999-04-30"),
    ("Rents will rise by the end of the month.", "the end of the month", "date", "1998-02", "1998-02-21", "1998-02-28"),
    ("The index fell in late March 1997.", "late March 1997", "date", "1997-03", "1997-03-21", "1997-03-31"),
    # decades, centuries, two-digit years
    ("Car ownership doubled in the 1990s.", "the 1990s", "date", "199", "1990-01-01", "1999-12-31"),
    ("The bridge was built in the early 1960s.", "the early 1960s", "date", "196", "1960-01-01", "1963-12-31"),
    ("Music from the '80s filled the hall.", "the '80s", "date", "198", "1980-01-01", "1989-12-31"),
    ("The sixties were a time of change.", "The sixties", "date", "196", "1960-01-01", "1969-12-31"),
    ("The church dates from the 12th century.", "the 12th century", "date", "11", "1100-01-01", "1199-12-31"),
    ("The twentieth century saw two wars.", "The twentieth century", "date", "19", "1900-01-01", "1999-12-31"),
    ("He won the title in '58.", "'58", "date", "1958", "1958-01-01", "1958-12-31"),
    ("She joined the firm in '05.", "'05", "date", "2005", "2005-01-01", "2005-12-31"),
    # calendar dates as written
    ("The treaty was signed on 2 February 1998.", "2 February 1998", "date", "1998-02-02", "1998-02-02", "1998-02-02"),
    ("Elections are held in spring 2002.", "spring 2002", "date", "2002-SP", "2002-03-01", "2002-05-31"),
    ("Trade fell in the third quarter of 1997.", "the third quarter of 1997", "date", "1997-Q3", "1997-07-01",
     "1997-09-30"),
    ("The ban was lifted in the winter of 1996.", "the winter of 1996", "date", "1996-WI", "1995-12-01", "1996-02-29"),
    ("Prices rose by 4 per cent in 1997.", "1997", "date", "1997", "1997-01-01", "1997-12-31"),
    ("Shops close on Christmas Day.", "Christmas Day", "date", "1998-12-25", "1998-12-25", "1998-12-25"),
]


@pytest.mark.parametrize("text,expr,kind,value,first,last", FOUND)
def test_found_with_its_value(text, expr, kind, value, first, last):
    span = one(text, expr)
    assert (span.kind, span.value) == (kind, value), span
    assert span.interval == (D(first), D(last)), span
    assert text[span.start:span.end] == expr


# (sentence, expression as found, kind, value): values that are not calendar intervals are kept
KEPT = [
    ("Prices are now falling.", "now", "present", "PRESENT_REF"),
    ("Hospitals are currently full.", "currently", "present", "PRESENT_REF"),
    ("The museum recently reopened.", "recently", "past_ref", "PAST_REF"),
    ("Crime has fallen in recent years.", "in recent years", "past_ref", "PAST_REF"),
    ("Robots will do this in the future.", "in the future", "future_ref", "FUTURE_REF"),
    ("The mine was closed for three years.", "three years", "duration", "P3Y"),
    ("Costs have doubled over the past five years.", "the past five years", "duration", "P5Y"),
    ("The meeting lasted four hours.", "four hours", "duration", "PT4H"),
    ("The report is updated every year.", "every year", "set", "P1Y"),
    ("Auditors visit twice a year.", "twice a year", "set", "P1Y"),
    ("The index is published monthly.", "monthly", "set", "P1M"),
    ("The market opens every Monday.", "every Monday", "set", "XXXX-WXX-1"),
]


@pytest.mark.parametrize("text,expr,kind,value", KEPT)
def test_non_calendar_values_are_kept_with_their_kind(text, expr, kind, value):
    span = one(text, expr)
    assert (span.kind, span.value, span.interval) == (kind, value, None), span
    assert span.reason


# Ordinary words that only look like dates: nothing is found in these sentences.
NOT_DATES = [
    "Oil prices kept falling.",
    "Children falling into care need support.",
    "Visitors bathe in the hot springs.",
    "The Summertime collection sold out.",
    "Clocks go back when British Summer Time ends.",
    "The Chancellor presented the Autumn Statement.",
    "The Arab Spring changed the region.",
    "Members may wish to comment on the draft.",
    "May I ask a question?",
    "Thousands will march on the capital.",
    "The march was peaceful.",
    "Prices fall when supply rises.",
    "The fall of the Wall changed Europe.",
    "The fall in prices surprised traders.",
    "The city counted 2000 people at the rally.",
    "Shares closed at 1998 points.",
    "The water springs from the rock.",
    "Girl Friday is a film.",
    "Theresa May spoke to the press.",
    "The hall seats 1500 visitors.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_ordinary_words_are_not_dates(text):
    assert find_times(text, REF) == []


@pytest.mark.parametrize("text", NOT_DATES)
def test_normalise_in_prose_reads_no_date_from_ordinary_words(text):
    period = Period(start=date(2013, 1, 1), end=date(2013, 12, 31), raw="2013")
    assert normalise(text, period, scan=True).start is None


def test_issue_examples_through_normalise():
    period = Period(start=date(2013, 1, 1), end=date(2013, 12, 31), raw="2013")
    for text in ["Oil prices kept falling", "children falling into care", "hot springs", "Summertime work"]:
        assert normalise(text, period, scan=True).start is None, text
    value = normalise("Prices kept falling until the autumn of 2013.", period, scan=True)
    assert (value.start, value.end) == (date(2013, 9, 1), date(2013, 11, 30))


def test_season_and_month_words_with_a_time_cue_are_dates():
    assert one("Elections are held in the fall.", "the fall").interval == (D("1998-09-01"), D("1998-11-30"))
    assert one("The group will meet in May.", "May").value == "1998-05"
    assert one("Since March the index has risen.", "March").value == "1997-03"
    assert one("The Arab Spring of 2011 still shapes politics.", "2011").value == "2011"


def test_bare_month_follows_the_tense():
    assert one("The factory closed in October.", "October").value == "1997-10"  # past: the last October
    assert one("The factory will close in October.", "October").value == "1998-10"
    assert one("The factory closed in October.", "October", tense="future").value == "1998-10"  # caller's tense wins
    assert one("Sales in January were weak.", "January").value == "1998-01"


def test_bare_month_in_a_document_takes_the_year_from_its_period():
    report = Period(start=date(2016, 7, 1), end=date(2017, 6, 30), raw="July 2016 - June 2017")
    spans = find_times("Meetings were held in September and in March.", None, report)
    assert [(s.text, s.value) for s in spans] == [("September", "2016-09"), ("March", "2017-03")]
    assert all(s.year_inferred for s in spans)
    # the reference defaults to the end of the period
    assert one("Funding was cut last year.", "last year", None, period=report).value == "2016"


def test_anaphora_from_previous():
    previous = one("The agency opened in 2004.", "2004")
    spans = find_times("The following year it moved to Oslo.", REF, previous=previous)
    assert [(s.text, s.value) for s in spans] == [("The following year", "2005")]
    spans = find_times("Two months later it moved to Oslo.", REF, previous=one("It opened in May 2004.", "May 2004"))
    assert [(s.text, s.value) for s in spans] == [("Two months later", "2004-07")]
    # without an earlier date, "the following year" counts from the reference
    assert find_times("The following year it moved.", REF)[0].value == "1999"


def test_year_shared_within_a_range():
    spans = find_times("The course ran from 1 July to 30 September 2008.", REF)
    assert [(s.text, s.value) for s in spans] == [("1 July", "2008-07-01"), ("30 September 2008", "2008-09-30")]


def test_no_reference_keeps_relative_expressions_without_value():
    span = one("Exports grew last year.", "last year", None)
    assert (span.kind, span.interval) == ("date", None) and "no reference" in span.reason


def test_spans_point_into_the_text_and_are_in_order():
    text = "In 1995 the bank lent more; the following year it lent twice as much, and now it lends less."
    spans = find_times(text, REF)
    assert [s.text for s in spans] == ["1995", "the following year", "now"]
    assert [s.value for s in spans] == ["1995", "1996", "PRESENT_REF"]
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_sentence_tense():
    assert sentence_tense("The board will meet in June.") == "future"
    assert sentence_tense("The board met in June.") == "past"
    assert sentence_tense("The board meets in June.") is None
    assert sentence_tense("Elections are held in June.") is None


def test_empty_text():
    assert find_times("", REF) == [] and find_times("   ", REF) == []


@pytest.mark.parametrize("text", ["It was the 0th century.", "That was 300 centuries ago."])
def test_values_off_the_calendar_are_kept_without_interval(text):
    spans = find_times(text, REF)
    assert spans and all(s.interval is None for s in spans if s.kind == "date")
