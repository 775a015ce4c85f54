"""find_times, rule by rule, exactly: each construct's text, kind, value, interval, granularity,
reason and rule on a one-expression sentence (issue 29, from the mutants mutmut left alive).

Expected values are worked out by hand: the reference date is Friday 13 February 1998 (ISO week
7, Monday 9 to Sunday 15 February) unless a test says otherwise; seasons, parts of a year and a
missing year follow records.md ("Dates"); the parts of a month, a decade and a century are the
thirds timex's module docstring names. A reason is the text `explain` shows for a record's date,
so it is compared as written."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.time import timex
from extractors.time.timex import find_times
from schemas.records import Period

pytestmark = pytest.mark.unit

REF = date(1998, 2, 13)
D = date.fromisoformat
FROM_REF = "counted from the reference date 1998-02-13"
NO_REF = "no reference date to count from"


def found(text: str, reference: date | None = REF, period: Period | None = None, **kw) -> list[tuple]:
    return [(s.text, s.kind, s.value, s.interval, s.granularity, s.reason, s.rule)
            for s in find_times(text, reference, period, **kw)]


def day(iso: str) -> tuple[date, date]:
    return D(iso), D(iso)


def span(first: str, last: str) -> tuple[date, date]:
    return D(first), D(last)


# --- today, tonight, yesterday morning, this afternoon, last night ----------------------------

@pytest.mark.parametrize("text, expected", [
    ("Parliament sits tonight.", ("tonight", "date", "1998-02-13TNI", day("1998-02-13"), "day",
                                  "tonight, from the reference date", "deictic")),
    ("The talks ended yesterday evening.", ("yesterday evening", "date", "1998-02-12TEV", day("1998-02-12"), "day",
                                            "yesterday evening, from the reference date", "deictic")),
    ("The court rules tomorrow morning.", ("tomorrow morning", "date", "1998-02-14TMO", day("1998-02-14"), "day",
                                           "tomorrow morning, from the reference date", "deictic")),
    ("The minister spoke this afternoon.", ("this afternoon", "date", "1998-02-13TAF", day("1998-02-13"), "day",
                                            "this afternoon, from the reference date", "this_tod")),
    ("Shots were fired last night.", ("last night", "date", "1998-02-12TNI", day("1998-02-12"), "day",
                                      "last night, from the reference date", "this_tod")),
    ("Shots were fired this night.", ("this night", "date", "1998-02-13TNI", day("1998-02-13"), "day",
                                      "this night, from the reference date", "this_tod")),
])
def test_today_yesterday_tomorrow_and_the_time_of_day(text, expected):
    assert found(text) == [expected]


def test_today_without_a_reference_date_is_found_without_a_value():
    assert found("Parliament voted yesterday.", None) == [
        ("yesterday", "date", None, None, "none", "yesterday: no reference date", "deictic")]
    assert found("It rained this morning.", None) == [
        ("this morning", "date", None, None, "none", "today: no reference date", "this_tod")]


# --- weekdays ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The minister resigned on Tuesday morning.",
     ("Tuesday morning", "date", "1998-02-10TMO", day("1998-02-10"), "day",
      "Tuesday: the one on or before the reference date (past tense)", "weekday")),
    ("The minister will resign on Tuesday.",
     ("Tuesday", "date", "1998-02-17", day("1998-02-17"), "day",
      "Tuesday: the one after the reference date (future tense)", "weekday")),
    ("Talks ended on Friday.",  # the reference's own day: on or before it
     ("Friday", "date", "1998-02-13", day("1998-02-13"), "day",
      "Friday: the one on or before the reference date (past tense)", "weekday")),
    ("Parliament breaks on Monday.",  # no tense: the nearer Monday, 3 days ahead (4 back)
     ("Monday", "date", "1998-02-16", day("1998-02-16"), "day",
      "Monday: the one after the reference date (no tense)", "weekday")),
    ("The market is open on Mondays.",
     ("on Mondays", "set", "XXXX-WXX-1", None, "none", "a weekday in plural: a set", "weekday")),
    ("The market is open on Saturdays.",
     ("on Saturdays", "set", "XXXX-WXX-6", None, "none", "a weekday in plural: a set", "weekday")),
])
def test_a_weekday_by_the_tense_of_its_sentence(text, expected):
    assert found(text) == [expected]


def test_a_weekday_in_lowercase_is_no_date_and_one_without_a_reference_has_no_value():
    assert found("Talks resume on tuesday.") == []
    assert found("The minister resigned on Tuesday.", None) == [
        ("Tuesday", "date", None, None, "none", f"Tuesday: {NO_REF}", "weekday")]


@pytest.mark.parametrize("reference, direction, expected", [
    # Friday 13 February 1998; Wednesday is weekday 2, Friday 4, Saturday 5
    (REF, "past", D("1998-02-11")),
    (REF, "future", D("1998-02-18")),
    (REF, None, D("1998-02-11")),  # 2 days back, 5 ahead
    (D("1998-02-14"), None, D("1998-02-11")),  # a Saturday: Wednesday 3 back, 4 ahead
    (D("1998-02-15"), None, D("1998-02-18")),  # a Sunday: 4 back, 3 ahead
])
def test_weekday_date_for_wednesday(reference, direction, expected):
    assert timex._weekday_date(2, reference, direction) == expected


def test_weekday_date_on_the_day_itself_and_after_it():
    assert timex._weekday_date(4, REF, "past") == REF  # on or before
    assert timex._weekday_date(4, REF, "future") == D("1998-02-20")  # strictly after
    assert timex._weekday_date(4, REF, None) == REF
    assert timex._weekday_date(5, REF, "past") == D("1998-02-07")  # Saturday: the one before
    assert timex._weekday_date(5, REF, "future") == D("1998-02-14")
    assert timex._weekday_date(1, REF, None) == D("1998-02-10")  # Tuesday: 3 back, 4 ahead
    assert timex._weekday_date(0, D("1998-02-12"), None) == D("1998-02-09")  # Monday from Thursday: 3 back


# --- the weekend --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, reference, expected", [
    ("Snow fell over the weekend.", REF,
     ("the weekend", "date", "1998-W06-WE", span("1998-02-07", "1998-02-08"), "week",
      "the weekend (past tense) of the reference date", "the_weekend")),
    ("Snow fell over the weekend.", D("1998-02-14"),  # written on the Saturday: that weekend
     ("the weekend", "date", "1998-W07-WE", span("1998-02-14", "1998-02-15"), "week",
      "the weekend (past tense) of the reference date", "the_weekend")),
    ("Snow is forecast for the weekend.", D("1998-02-15"),  # on the Sunday: still that weekend
     ("the weekend", "date", "1998-W07-WE", span("1998-02-14", "1998-02-15"), "week",
      "the weekend (future tense) of the reference date", "the_weekend")),
    ("Markets rest at the weekend.", REF,
     ("the weekend", "date", "1998-W07-WE", span("1998-02-14", "1998-02-15"), "week",
      "the weekend (no tense) of the reference date", "the_weekend")),
    ("Snow fell over the weekend.", None,
     ("the weekend", "date", None, None, "none", "the weekend: no reference date", "the_weekend")),
])
def test_the_weekend(text, reference, expected):
    assert found(text, reference) == [expected]


# --- this / last / next + a weekday, a month, a season -------------------------------------------

@pytest.mark.parametrize("text, reference, expected", [
    ("The board met last Thursday.", REF,
     ("last Thursday", "date", "1998-02-12", day("1998-02-12"), "day", f"last Thursday, {FROM_REF}", "rel_named")),
    ("The board met last Friday.", REF,  # said on a Friday: a week before
     ("last Friday", "date", "1998-02-06", day("1998-02-06"), "day", f"last Friday, {FROM_REF}", "rel_named")),
    ("The board meets this Wednesday.", REF,  # the Wednesday of the reference's week
     ("this Wednesday", "date", "1998-02-11", day("1998-02-11"), "day", f"this Wednesday, {FROM_REF}", "rel_named")),
    ("The board meets next Tuesday.", REF,
     ("next Tuesday", "date", "1998-02-17", day("1998-02-17"), "day", f"next Tuesday, {FROM_REF}", "rel_named")),
    ("The board meets next Saturday.", REF,  # said on a Friday: not tomorrow
     ("next Saturday", "date", "1998-02-21", day("1998-02-21"), "day", f"next Saturday, {FROM_REF}", "rel_named")),
    ("The board meets this June.", REF,
     ("this June", "date", "1998-06", span("1998-06-01", "1998-06-30"), "month", f"this June, {FROM_REF}", "rel_named")),
    ("The board met this past June.", REF,
     ("this past June", "date", "1997-06", span("1997-06-01", "1997-06-30"), "month", f"last June, {FROM_REF}",
      "rel_named")),
    ("The board will meet this coming June.", REF,
     ("this coming June", "date", "1998-06", span("1998-06-01", "1998-06-30"), "month", f"next June, {FROM_REF}",
      "rel_named")),
    ("The board met last February.", REF,  # never the reference's own month
     ("last February", "date", "1997-02", span("1997-02-01", "1997-02-28"), "month", f"last February, {FROM_REF}",
      "rel_named")),
    ("The board meets next February.", REF,
     ("next February", "date", "1999-02", span("1999-02-01", "1999-02-28"), "month", f"next February, {FROM_REF}",
      "rel_named")),
    ("The river froze last winter.", REF,  # the reference is in winter 1998 (Dec 1997 - Feb 1998)
     ("last winter", "date", "1997-WI", span("1996-12-01", "1997-02-28"), "season", f"last winter, {FROM_REF}",
      "rel_named")),
    ("The river will freeze next winter.", REF,
     ("next winter", "date", "1999-WI", span("1998-12-01", "1999-02-28"), "season", f"next winter, {FROM_REF}",
      "rel_named")),
    ("The river froze this winter.", REF,
     ("this winter", "date", "1998-WI", span("1997-12-01", "1998-02-28"), "season", f"this winter, {FROM_REF}",
      "rel_named")),
    ("The river froze last autumn.", REF,
     ("last autumn", "date", "1997-FA", span("1997-09-01", "1997-11-30"), "season", f"last autumn, {FROM_REF}",
      "rel_named")),
    ("The river will flood next spring.", REF,
     ("next spring", "date", "1998-SP", span("1998-03-01", "1998-05-31"), "season", f"next spring, {FROM_REF}",
      "rel_named")),
    ("The river will flood this coming fall.", REF,
     ("this coming fall", "date", "1998-FA", span("1998-09-01", "1998-11-30"), "season", f"next fall, {FROM_REF}",
      "rel_named")),
])
def test_this_last_next_with_a_weekday_month_or_season(text, reference, expected):
    assert found(text, reference) == [expected]


@pytest.mark.parametrize("reference, value, first, last", [
    (D("1998-12-15"), "1999-WI", "1998-12-01", "1999-02-28"),  # in December: the winter that has begun
    (D("1998-10-01"), "1999-WI", "1998-12-01", "1999-02-28"),  # in autumn: the coming winter
    (D("1998-05-01"), "1998-WI", "1997-12-01", "1998-02-28"),  # in spring: the one just over
])
def test_this_winter_by_the_reference_date(reference, value, first, last):
    (s,) = find_times("The river froze this winter.", reference)
    assert (s.value, s.interval) == (value, span(first, last))


def test_the_following_weekday_counts_from_the_date_before_it():
    spans = found("The treaty was signed on 3 March 1998 and ratified the following Monday.")
    assert spans[-1] == ("the following Monday", "date", "1998-03-09", day("1998-03-09"), "day",
                         "next Monday, counted from '3 March 1998'", "rel_named")


def test_a_named_month_without_a_reference_has_no_value():
    assert found("The board met last June.", None) == [
        ("last June", "date", None, None, "none", f"last June: {NO_REF}", "rel_named")]


# --- parts of a unit: the end of this year, early next month, later this year -----------------------

@pytest.mark.parametrize("text, expected", [
    ("Elections are due at the end of this year.",
     ("the end of this year", "date", "1998", span("1998-09-01", "1998-12-31"), "part_of_year",
      f"end of this year, {FROM_REF}", "part_rel")),
    ("Work starts in the first half of next year.",
     ("the first half of next year", "date", "1999-H1", span("1999-01-01", "1999-06-30"), "part_of_year",
      f"first half of next year, {FROM_REF}", "part_rel")),
    ("Work ended in the second half of last year.",
     ("the second half of last year", "date", "1997-H2", span("1997-07-01", "1997-12-31"), "part_of_year",
      f"second half of last year, {FROM_REF}", "part_rel")),
    ("Work starts at the beginning of next month.",
     ("the beginning of next month", "date", "1998-03", span("1998-03-01", "1998-03-10"), "month",
      f"beginning of next month, {FROM_REF}", "part_rel")),
    ("Work stopped in the middle of last month.",
     ("the middle of last month", "date", "1998-01", span("1998-01-11", "1998-01-20"), "month",
      f"middle of last month, {FROM_REF}", "part_rel")),
    ("Work stops at the end of this month.",
     ("the end of this month", "date", "1998-02", span("1998-02-21", "1998-02-28"), "month",
      f"end of this month, {FROM_REF}", "part_rel")),
    ("Work stops at the turn of the century.",
     ("the turn of the century", "date", "19", day("1999-12-31"), "century",
      f"turn of this century, {FROM_REF}", "part_rel")),
    ("Prices rose earlier this year.",  # up to the reference date
     ("earlier this year", "date", "1998", span("1998-01-01", "1998-02-13"), "part_of_year",
      f"earlier of this year, {FROM_REF}", "part_rel2")),
    ("Prices will rise later this year.",  # from the reference date
     ("later this year", "date", "1998", span("1998-02-13", "1998-12-31"), "part_of_year",
      f"later of this year, {FROM_REF}", "part_rel2")),
    ("Prices will rise late next year.",
     ("late next year", "date", "1999", span("1999-09-01", "1999-12-31"), "part_of_year",
      f"late of next year, {FROM_REF}", "part_rel2")),
    ("Prices rose earlier last year.",  # not this year: the whole year
     ("earlier last year", "date", "1997", span("1997-01-01", "1997-12-31"), "part_of_year",
      f"earlier of last year, {FROM_REF}", "part_rel2")),
    # a season: the whole season of that year
    ("The road opens at the end of next summer.",
     ("the end of next summer", "date", "1998-SU", span("1998-06-01", "1998-08-31"), "season",
      f"end of summer, {FROM_REF}", "part_rel")),
    ("The road closed early last winter.",
     ("early last winter", "date", "1997-WI", span("1996-12-01", "1997-02-28"), "season",
      f"early of winter, {FROM_REF}", "part_rel2")),
    ("The road closed late the previous winter.",
     ("late the previous winter", "date", "1997-WI", span("1996-12-01", "1997-02-28"), "season",
      f"late of winter, {FROM_REF}", "part_rel2")),
    ("The road opens early the following winter.",
     ("early the following winter", "date", "1999-WI", span("1998-12-01", "1999-02-28"), "season",
      f"early of winter, {FROM_REF}", "part_rel2")),
    ("The road opens at the end of the coming winter.",
     ("the end of the coming winter", "date", "1999-WI", span("1998-12-01", "1999-02-28"), "season",
      f"end of winter, {FROM_REF}", "part_rel")),
    ("The road opens at the end of winter.",  # no relation word: this winter
     ("the end of winter", "date", "1998-WI", span("1997-12-01", "1998-02-28"), "season",
      f"end of winter, {FROM_REF}", "part_rel")),
])
def test_part_of_a_unit_relative_to_the_reference(text, expected):
    assert found(text) == [expected]


def test_part_of_a_unit_without_a_reference_has_no_value():
    assert found("Elections are due at the end of this year.", None) == [
        ("the end of this year", "date", None, None, "none", f"the end of this year: {NO_REF}", "part_rel")]


YEAR_2005 = span("2005-01-01", "2005-12-31")
FEB_2009 = span("2009-02-01", "2009-02-28")
NINETIES = span("1990-01-01", "1999-12-31")
CENTURY_20 = span("1900-01-01", "1999-12-31")


@pytest.mark.parametrize("interval, part, unit, expected", [
    # records.md: beginning/early -> January-April, mid -> May-August, end/late -> September-December
    (YEAR_2005, "beginning", "year", span("2005-01-01", "2005-04-30")),
    (YEAR_2005, "start", "year", span("2005-01-01", "2005-04-30")),
    (YEAR_2005, "early", "year", span("2005-01-01", "2005-04-30")),
    (YEAR_2005, "first half", "year", span("2005-01-01", "2005-06-30")),
    (YEAR_2005, "mid", "year", span("2005-05-01", "2005-08-31")),
    (YEAR_2005, "middle", "year", span("2005-05-01", "2005-08-31")),
    (YEAR_2005, "second half", "year", span("2005-07-01", "2005-12-31")),
    (YEAR_2005, "end", "year", span("2005-09-01", "2005-12-31")),
    (YEAR_2005, "late", "year", span("2005-09-01", "2005-12-31")),
    (YEAR_2005, "close", "year", span("2005-09-01", "2005-12-31")),
    (YEAR_2005, "turn", "year", span("2005-12-01", "2005-12-31")),
    (YEAR_2005, "earlier", "year", YEAR_2005),
    (YEAR_2005, "later", "year", YEAR_2005),
    (YEAR_2005, "Early", "year", span("2005-01-01", "2005-04-30")),
    # a month's thirds (and halves, and its last day for "the turn of")
    (FEB_2009, "beginning", "month", span("2009-02-01", "2009-02-10")),
    (FEB_2009, "start", "month", span("2009-02-01", "2009-02-10")),
    (FEB_2009, "early", "month", span("2009-02-01", "2009-02-10")),
    (FEB_2009, "first half", "month", span("2009-02-01", "2009-02-15")),
    (FEB_2009, "mid", "month", span("2009-02-11", "2009-02-20")),
    (FEB_2009, "middle", "month", span("2009-02-11", "2009-02-20")),
    (FEB_2009, "second half", "month", span("2009-02-16", "2009-02-28")),
    (FEB_2009, "end", "month", span("2009-02-21", "2009-02-28")),
    (FEB_2009, "late", "month", span("2009-02-21", "2009-02-28")),
    (FEB_2009, "close", "month", span("2009-02-21", "2009-02-28")),
    (FEB_2009, "turn", "month", day("2009-02-28")),
    (FEB_2009, "earlier", "month", FEB_2009),
    # a decade's and a century's thirds: 3 and 33 years at either end
    (NINETIES, "early", "decade", span("1990-01-01", "1993-12-31")),
    (NINETIES, "beginning", "decade", span("1990-01-01", "1993-12-31")),
    (NINETIES, "start", "decade", span("1990-01-01", "1993-12-31")),
    (NINETIES, "first half", "decade", span("1990-01-01", "1993-12-31")),
    (NINETIES, "mid", "decade", span("1994-01-01", "1996-12-31")),
    (NINETIES, "late", "decade", span("1997-01-01", "1999-12-31")),
    (NINETIES, "end", "decade", span("1997-01-01", "1999-12-31")),
    (NINETIES, "second half", "decade", span("1997-01-01", "1999-12-31")),
    (NINETIES, "close", "decade", span("1997-01-01", "1999-12-31")),
    (NINETIES, "turn", "decade", day("1999-12-31")),
    (CENTURY_20, "early", "century", span("1900-01-01", "1933-12-31")),
    (CENTURY_20, "mid", "century", span("1934-01-01", "1966-12-31")),
    (CENTURY_20, "late", "century", span("1967-01-01", "1999-12-31")),
    # a season, a week: the whole unit
    (span("2005-06-01", "2005-08-31"), "end", "summer", span("2005-06-01", "2005-08-31")),
    (span("1998-02-09", "1998-02-15"), "end", "week", span("1998-02-09", "1998-02-15")),
])
def test_part_of(interval, part, unit, expected):
    assert timex._part_of(interval, part, unit) == expected


# --- the calendar helpers: seasons, months without a year ------------------------------------------

@pytest.mark.parametrize("d, expected", [
    ("1998-01-15", ("winter", 1998)), ("1998-02-28", ("winter", 1998)), ("1998-03-01", ("spring", 1998)),
    ("1998-05-31", ("spring", 1998)), ("1998-06-01", ("summer", 1998)), ("1998-08-31", ("summer", 1998)),
    ("1998-09-01", ("autumn", 1998)), ("1998-11-30", ("autumn", 1998)), ("1998-12-01", ("winter", 1999)),
])
def test_season_of_a_day(d, expected):
    assert timex._season_of(D(d)) == expected


@pytest.mark.parametrize("season, year, expected", [
    ("winter", 2009, span("2008-12-01", "2009-02-28")),
    ("winter", 2008, span("2007-12-01", "2008-02-29")),  # a leap year's February
    ("spring", 2009, span("2009-03-01", "2009-05-31")),
    ("summer", 2009, span("2009-06-01", "2009-08-31")),
    ("autumn", 2009, span("2009-09-01", "2009-11-30")),
    ("fall", 2009, span("2009-09-01", "2009-11-30")),
])
def test_season_interval(season, year, expected):
    assert timex._season_interval(season, year) == expected


@pytest.mark.parametrize("season, reference, rel, year", [
    ("summer", REF, "last", 1997), ("summer", REF, "next", 1998), ("summer", REF, "this", 1998),
    ("winter", REF, "last", 1997), ("winter", REF, "next", 1999), ("winter", REF, "this", 1998),
    ("fall", REF, "last", 1997), ("spring", D("1998-04-01"), "last", 1997), ("spring", D("1998-04-01"), "next", 1999),
    ("spring", D("1998-06-01"), "last", 1998),
])
def test_shift_season(season, reference, rel, year):
    assert timex._shift_season(season, reference, rel) == year


@pytest.mark.parametrize("season, reference, direction, year", [
    ("summer", REF, "past", 1997), ("summer", REF, "future", 1998), ("summer", REF, None, 1998),
    ("winter", REF, "past", 1998), ("winter", REF, "future", 1998),
    ("winter", D("1998-03-10"), "future", 1999),  # winter 1998 ended on 28 February
    ("spring", D("1998-03-01"), "past", 1998),  # begun on the reference date itself
    ("spring", D("1998-02-28"), "past", 1997),
    ("spring", D("1998-05-31"), "future", 1998),  # not over until its last day
    ("spring", D("1998-06-01"), "future", 1999),
])
def test_season_year(season, reference, direction, year):
    assert timex._season_year(season, reference, direction) == year


@pytest.mark.parametrize("month, direction, strict, year", [
    (6, "past", False, 1997), (1, "past", False, 1998), (2, "past", False, 1998), (2, "past", True, 1997),
    (3, "past", False, 1997),
    (2, "future", False, 1998), (2, "future", True, 1999), (1, "future", False, 1999), (3, "future", False, 1998),
    (6, None, False, 1998), (1, None, True, 1998),
])
def test_month_year(month, direction, strict, year):
    assert timex._month_year(month, REF, direction, strict) == year


# --- a day, month or season without a year, read against the reference and the tense ---------------

@pytest.mark.parametrize("text, value, interval, reason", [
    ("The board met on 10 February.", "1998-02-10", day("1998-02-10"),
     "year from the reference date 1998-02-13 (past tense)"),
    ("The board met on 13 February.", "1998-02-13", day("1998-02-13"),
     "year from the reference date 1998-02-13 (past tense)"),
    # past tense, the reference's month, a day not yet come: last year's
    ("The board met on 20 February.", "1997-02-20", day("1997-02-20"),
     "year from the reference date 1998-02-13 (past tense)"),
    ("The board met on 1 February.", "1998-02-01", day("1998-02-01"),
     "year from the reference date 1998-02-13 (past tense)"),
    ("The board met in June.", "1997-06", span("1997-06-01", "1997-06-30"),
     "year from the reference date 1998-02-13 (past tense)"),
    ("The board met in February.", "1998-02", span("1998-02-01", "1998-02-28"),
     "year from the reference date 1998-02-13 (past tense)"),
    ("The board will meet on 20 January.", "1999-01-20", day("1999-01-20"),
     "year from the reference date 1998-02-13 (future tense)"),
    ("The board meets on 20 January.", "1998-01-20", day("1998-01-20"),
     "year from the reference date 1998-02-13 (no tense)"),
    ("The dam failed in the summer.", "1997-SU", span("1997-06-01", "1997-08-31"),
     "the season nearest the reference date 1998-02-13 (past tense)"),
    ("The dam will be rebuilt in the summer.", "1998-SU", span("1998-06-01", "1998-08-31"),
     "the season nearest the reference date 1998-02-13 (future tense)"),
    ("The festival is in the summer.", "1998-SU", span("1998-06-01", "1998-08-31"),
     "the season nearest the reference date 1998-02-13 (no tense)"),
    ("It snowed in the winter.", "1998-WI", span("1997-12-01", "1998-02-28"),
     "the season nearest the reference date 1998-02-13 (past tense)"),
])
def test_a_missing_year_from_the_reference_and_the_tense(text, value, interval, reason):
    (s,) = find_times(text, REF)
    assert (s.value, s.interval, s.reason, s.year_inferred) == (value, interval, reason, True)


def test_a_missing_year_from_the_period_before_the_reference():
    period = Period(start=date(2008, 7, 1), end=date(2009, 6, 30), raw="July 2008 - June 2009")
    (s,) = find_times("The board met in the winter.", REF, period)
    assert (s.value, s.interval, s.reason, s.year_inferred) == (
        "2009-WI", span("2008-12-01", "2009-02-28"), "year from the document's period 'July 2008 - June 2009'", True)


def test_no_year_and_nothing_to_take_one_from():
    assert found("The board met on 20 February in Riga.", None) == [
        ("20 February", "date", None, None, "day", "20 February: no year given and no period or reference", "atom")]
    assert found("The board met on 20 February 1997.", None) == [
        ("20 February 1997", "date", "1997-02-20", day("1997-02-20"), "day", "a calendar date as written", "atom")]


# --- the year before, the day after ---------------------------------------------------------------

@pytest.mark.parametrize("text, reference, expected", [
    ("The treaty was signed in 1990 and ratified the year after.", REF,
     ("the year after", "date", "1991", span("1991-01-01", "1991-12-31"), "year", "the year after, counted from '1990'",
      "unit_rel")),
    ("The law passed in March 1995; the month before, talks failed.", REF,
     ("the month before", "date", "1995-02", span("1995-02-01", "1995-02-28"), "month",
      "the month before, counted from 'March 1995'", "unit_rel")),
    ("It rained the day after.", REF,
     ("the day after", "date", "1998-02-14", day("1998-02-14"), "day", f"the day after, {FROM_REF}", "unit_rel")),
    ("It rained the day after.", None,
     ("the day after", "date", None, None, "none", f"the day after: {NO_REF}", "unit_rel")),
])
def test_the_unit_before_or_after_counts_from_the_date_before_it(text, reference, expected):
    assert found(text, reference)[-1] == expected


# --- fiscal years, holidays, decades, centuries, two-digit years ------------------------------------

def test_a_fiscal_year_is_read_as_its_calendar_year():
    assert found("Spending rose in fiscal year 2009.") == [
        ("fiscal year 2009", "date", "FY2009", span("2009-01-01", "2009-12-31"), "year",
         "a fiscal year, read as the calendar year", "fy")]
    assert found("Spending rose in financial 2010.")[0][2] == "FY2010"


def test_a_holiday_is_its_day_in_the_year_of_the_period():
    period = Period(start=date(2008, 7, 1), end=date(2009, 6, 30), raw="2008-2009")
    assert found("Shops close on Christmas Eve.", None, period) == [
        ("Christmas Eve", "date", "2008-12-24", day("2008-12-24"), "day",
         "year from the document's period '2008-2009'", "holiday")]
    assert found("The group met on Midsummer Eve.", None, period)[0][2:4] == ("2009-06-23", day("2009-06-23"))


@pytest.mark.parametrize("text, reference, value, interval", [
    ("Prices rose in the '80s.", REF, "198", span("1980-01-01", "1989-12-31")),
    ("Prices rose in the '90s.", REF, "199", span("1990-01-01", "1999-12-31")),
    ("Prices rose in the '00s.", REF, "190", span("1900-01-01", "1909-12-31")),  # 2000 is after 1998
    ("Prices rose in the '10s.", D("2010-01-01"), "201", span("2010-01-01", "2019-12-31")),
    ("Prices rose in the '10s.", D("2009-12-31"), "191", span("1910-01-01", "1919-12-31")),
    ("Prices rose in the '10s.", None, "191", span("1910-01-01", "1919-12-31")),  # read in 2000
    ("Prices rose in the early '90s.", REF, "199", span("1990-01-01", "1993-12-31")),
    ("Prices rose in the late 1980s.", REF, "198", span("1987-01-01", "1989-12-31")),
    ("Prices rose in the mid-sixties.", REF, "196", span("1964-01-01", "1966-12-31")),
])
def test_decades(text, reference, value, interval):
    (s,) = find_times(text, reference)
    assert (s.kind, s.value, s.interval, s.granularity, s.reason) == ("date", value, interval, "decade", "a decade")


@pytest.mark.parametrize("text, expected", [
    ("It was built in the 19th century.",
     ("the 19th century", "date", "18", span("1800-01-01", "1899-12-31"), "century", "the 19th century", "century")),
    ("It was built in the early twentieth century.",
     ("the early twentieth century", "date", "19", span("1900-01-01", "1933-12-31"), "century",
      "the twentieth century", "century")),
    ("It was built in the late 18th century.",
     ("the late 18th century", "date", "17", span("1767-01-01", "1799-12-31"), "century", "the 18th century",
      "century")),
    ("It was built this century.",
     ("this century", "date", "19", span("1900-01-01", "1999-12-31"), "century",
      f"this century, {FROM_REF}", "rel_unit")),
    ("It will be rebuilt next century.",
     ("next century", "date", "20", span("2000-01-01", "2099-12-31"), "century",
      f"next century, {FROM_REF}", "rel_unit")),
])
def test_centuries(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize("text, reference, expected", [
    ("The unit was founded in '98.", D("1995-06-01"),
     ("'98", "date", "1998", span("1998-01-01", "1998-12-31"), "year", "'98 read as 1998", "two_digit_year")),
    ("The class of '05 met again.", D("1995-06-01"),
     ("'05", "date", "2005", span("2005-01-01", "2005-12-31"), "year", "'05 read as 2005", "two_digit_year")),
    ("The class of '11 met again.", None,  # read against 2000: 2010 at the latest
     ("'11", "date", "1911", span("1911-01-01", "1911-12-31"), "year", "'11 read as 1911", "two_digit_year")),
    ("The class of '10 met again.", None,
     ("'10", "date", "2010", span("2010-01-01", "2010-12-31"), "year", "'10 read as 2010", "two_digit_year")),
])
def test_two_digit_years(text, reference, expected):
    assert found(text, reference) == [expected]


# --- durations, sets, spans before and after an event --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The project ran for three years.", ("three years", "duration", "P3Y", None, "none",
                                          "a duration: no calendar value", "duration")),
    ("The talks lasted over two fortnights.", ("two fortnights", "duration", "P4W", None, "none",
                                               "a duration: no calendar value", "duration")),
    ("The strike lasted a fortnight.", ("a fortnight", "duration", "P2W", None, "none",
                                        "a duration: no calendar value", "duration")),
    ("The vote took five hours.", ("five hours", "duration", "PT5H", None, "none",
                                   "a duration: no calendar value", "duration")),
    ("Prices rose during the past year.", ("the past year", "duration", "P1Y", None, "none",
                                           "a duration: no calendar value", "duration_past")),
    ("Prices rose over the next three months.", ("the next three months", "duration", "P3M", None, "none",
                                                 "a duration: no calendar value", "duration")),
    ("Prices rose for months.", ("months", "duration", "PXM", None, "none",
                                 "a duration: no calendar value", "duration_plural")),
])
def test_durations(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The board meets every other week.", ("every other week", "set", "P2W", None, "none",
                                           "a recurrence: no single calendar value", "set_every")),
    ("The board meets every three months.", ("every three months", "set", "P3M", None, "none",
                                             "a recurrence: no single calendar value", "set_every")),
    ("The board meets every 2 years.", ("every 2 years", "set", "P2Y", None, "none",
                                        "a recurrence: no single calendar value", "set_every")),
    ("The board meets every Monday.", ("every Monday", "set", "XXXX-WXX-1", None, "none",
                                       "a recurrence: no single calendar value", "set_every")),
    ("The board meets every June.", ("every June", "set", "XXXX-06", None, "none",
                                     "a recurrence: no single calendar value", "set_every")),
    ("The board meets each winter.", ("each winter", "set", "XXXX-WI", None, "none",
                                      "a recurrence: no single calendar value", "set_every")),
    ("The board meets twice a year.", ("twice a year", "set", "P1Y", None, "none",
                                       "a recurrence: no single calendar value", "set_times")),
    ("The board meets quarterly.", ("quarterly", "set", "P3M", None, "none",
                                    "a recurrence: no single calendar value", "set")),
    ("Inspectors visit three times per month.", ("three times per month", "set", "P1M", None, "none",
                                                 "a recurrence: no single calendar value", "set_times")),
])
def test_recurrences(text, expected):
    assert found(text) == [expected]


def test_a_span_after_an_event_the_text_names_is_a_duration():
    assert found("The law took effect two years after its adoption.") == [
        ("two years after", "duration", "P2Y", None, "none",
         "a span before/after an event the text names: a duration", "ago")]
    assert found("The talks ended some days before the vote.")[0][:3] == ("some days before", "duration", "PXD")


@pytest.mark.parametrize("text, expected", [
    ("Prices rose recently.", ("recently", "past_ref", "PAST_REF", None, "none", "past ref: no calendar value",
                               "past")),
    ("Prices will rise in the future.", ("in the future", "future_ref", "FUTURE_REF", None, "none",
                                         "future ref: no calendar value", "future")),
])
def test_references_without_a_calendar_value(text, expected):
    assert found(text) == [expected]


# --- tense ------------------------------------------------------------------------------------------

def test_a_tense_given_for_the_whole_text_wins_and_present_is_no_tense():
    (s,) = find_times("The board met on 20 January.", REF, tense="future")
    assert s.value == "1999-01-20"
    (s,) = find_times("The board met on 20 January.", REF, tense="present")
    assert (s.value, s.reason) == ("1998-01-20", "year from the reference date 1998-02-13 (no tense)")


def test_the_tense_is_read_from_the_clause_then_the_sentence():
    # the clause after "and" has the future; the sentence's first verb is past
    (a, b) = find_times("The board met in June and will meet in October.", REF)
    assert (a.value, b.value) == ("1997-06", "1998-10")
    # no tense in the clause around the date (", in October."): its sentence's, not the one before
    (s,) = find_times("Nothing will happen. The board met, with its partners, in October.", REF)
    assert s.value == "1997-10"
    # "since June": the past, whatever the verbs
    (s,) = find_times("The board will be led by her since June.", REF)
    assert s.value == "1997-06"


def test_a_present_passive_is_not_the_past():
    assert timex.sentence_tense("Meetings are held in June.") is None
    assert timex.sentence_tense("Meetings ARE HELD in June.") is None
    assert timex.sentence_tense("Meetings were held in June.") == "past"


def test_date_spans_keeps_the_spans_with_a_calendar_interval():
    spans = find_times("The project ran for three years and ended in June 1997; it was revived last year.", REF)
    assert [(s.text, s.value) for s in timex.date_spans(spans)] == [("June 1997", "1997-06"), ("last year", "1997")]
    assert timex.date_spans(find_times("Parliament voted yesterday.", None)) == []


# --- a capitalised season that is a name, the tense at the start of a text ---------------------------

@pytest.mark.parametrize("text, word, is_name", [
    ("They held the Spring Conference in Riga.", "Spring", True),
    ("The Arab Spring began in Tunisia.", "Spring", True),
    ("They held the spring conference in Riga.", "spring", False),  # lowercase: never a name
    ("The Spring 2009 session was long.", "Spring", False),  # a year after it: a date
    ("The Spring of 2009 was wet.", "Spring", False),
    ("The Spring of '09 was wet.", "Spring", False),
    ("Rain fell in Spring May and June.", "Spring", False),  # a month after it is no name
    ("It was a week of Spring.", "Spring", False),  # a lowercase word before it
    ("Spring came early.", "Spring", False),  # the start of the text
    ("Rain fell. Spring came early.", "Spring", False),  # the start of a sentence
    ("Rain fell: Spring came early.", "Spring", False),
    *[(f"{w} Spring the group met.", "Spring", False) for w in
      ("In", "During", "Last", "Next", "This", "Early", "Late", "By", "Since", "Until", "From", "The", "And")],
    ("Oslo Spring the group met.", "Spring", True),  # any other capitalised word before it
])
def test_a_capitalised_season_between_capitalised_words_is_a_name(text, word, is_name):
    start = text.index(word)
    assert timex._capitalised_name(text, start, start + len(word)) is is_name


@pytest.mark.parametrize("text, value", [
    ("June was wet.", "1997-06"),  # a date at the very start of the text: its sentence's tense
    ("Nothing will happen. June was wet.", "1997-06"),  # at the start of the second sentence: not the first's
])
def test_the_tense_of_a_date_at_the_start_of_a_sentence(text, value):
    assert [s.value for s in find_times(text, REF)] == [value]


def test_n_units_after_a_date_the_text_names_count_from_it():
    spans = found("The war ended in 1945 and the treaty came two years after.")
    assert spans[-1] == ("two years after", "date", "1947", span("1947-01-01", "1947-12-31"), "year",
                         "two years after, counted from '1945'", "ago")


def test_a_two_digit_year_in_brackets_is_the_year_alone():
    assert found("The unit was founded ('98) in Riga.", D("1999-01-01"))[0][:3] == ("'98", "date", "1998")


# --- calendar dates as written: each kind of atom's value and granularity ------------------------------

AS_WRITTEN = "a calendar date as written"


@pytest.mark.parametrize("text, expected", [
    ("The group met on 3 March 1998.", ("3 March 1998", "date", "1998-03-03", day("1998-03-03"), "day")),
    ("The group met on 3-5 March 1998.", ("3-5 March 1998", "date", "1998-03-03/1998-03-05",
                                          span("1998-03-03", "1998-03-05"), "range")),
    ("The group met in March 1998.", ("March 1998", "date", "1998-03", span("1998-03-01", "1998-03-31"), "month")),
    ("The group met in spring 1998.", ("spring 1998", "date", "1998-SP", span("1998-03-01", "1998-05-31"), "season")),
    ("The group met in winter 1998.", ("winter 1998", "date", "1998-WI", span("1997-12-01", "1998-02-28"), "season")),
    ("The group met in the third quarter of 1997.", ("the third quarter of 1997", "date", "1997-Q3",
                                                     span("1997-07-01", "1997-09-30"), "quarter")),
    ("The group met in Q4 1997.", ("Q4 1997", "date", "1997-Q4", span("1997-10-01", "1997-12-31"), "quarter")),
    ("The group met in the first half of 1997.", ("the first half of 1997", "date", "1997-H1",
                                                  span("1997-01-01", "1997-06-30"), "part_of_year")),
    ("The group met in the second half of 1997.", ("the second half of 1997", "date", "1997-H2",
                                                   span("1997-07-01", "1997-12-31"), "part_of_year")),
    ("The group met in early 1997.", ("early 1997", "date", "1997", span("1997-01-01", "1997-04-30"), "part_of_year")),
    ("The group met in late spring 1997.", ("late spring 1997", "date", "1997-SP", span("1997-03-01", "1997-05-31"),
                                            "season")),
    ("The group met in 1997.", ("1997", "date", "1997", span("1997-01-01", "1997-12-31"), "year")),
    ("The group met in 1997-1999.", ("1997-1999", "date", "1997/1999", span("1997-01-01", "1999-12-31"), "range")),
])
def test_a_calendar_date_as_written(text, expected):
    assert found(text) == [(*expected, AS_WRITTEN, "atom")]


def test_part_of_a_month_without_a_year():
    assert found("The group met in mid-June.") == [
        ("mid-June", "date", "1997-06", span("1997-06-11", "1997-06-20"), "month",
         "year from the reference date 1998-02-13 (past tense)", "month_part")]


def test_a_day_that_is_not_in_the_calendar():
    assert found("The group met on 31 February 1998.") == [
        ("31 February 1998", "date", None, None, "day", "31 February 1998: not a calendar day", "atom")]


@pytest.mark.parametrize("text, expected", [
    ("Prices will rise in the next months.", ("the next months", "future_ref", "FUTURE_REF", None, "none",
                                              "next months: no single calendar value", "rel_unit")),
    ("Prices fell in previous years.", ("previous years", "past_ref", "PAST_REF", None, "none",
                                        "previous years: no single calendar value", "rel_unit")),
    ("The past year was hard.", ("The past year", "duration", "P1Y", None, "none", "the past year: a duration",
                                 "rel_unit")),
    ("Prices rose this decade.", ("this decade", "date", "199", span("1990-01-01", "1999-12-31"), "decade",
                                  f"this decade, {FROM_REF}", "rel_unit")),
    ("Prices will rise next decade.", ("next decade", "date", "200", span("2000-01-01", "2009-12-31"), "decade",
                                       f"next decade, {FROM_REF}", "rel_unit")),
    ("Shops open this weekend.", ("this weekend", "date", "1998-W07-WE", span("1998-02-14", "1998-02-15"), "week",
                                  f"this weekend, {FROM_REF}", "rel_unit")),
    ("Shops open next week.", ("next week", "date", "1998-W08", span("1998-02-16", "1998-02-22"), "week",
                               f"next week, {FROM_REF}", "rel_unit")),
    ("Shops opened last quarter.", ("last quarter", "date", "1997-Q4", span("1997-10-01", "1997-12-31"), "quarter",
                                    f"last quarter, {FROM_REF}", "rel_unit")),
])
def test_this_last_next_with_a_unit(text, expected):
    assert found(text) == [expected]


def test_the_following_day_counts_from_the_date_before_it():
    spans = found("The talks opened on 3 March 1998 and ended the following day.")
    assert spans[-1] == ("the following day", "date", "1998-03-04", day("1998-03-04"), "day",
                         "following day, counted from '3 March 1998'", "rel_unit")


# --- N units ago, vaguely or by decades; centuries by ordinal; parts of "that year" -------------------------

@pytest.mark.parametrize("text, reference, expected", [
    ("Prices rose a few years ago.", REF,
     ("a few years ago", "past_ref", "PAST_REF", None, "none", "a vague count of years", "ago")),
    ("Prices will rise several years from now.", REF,
     ("several years from now", "future_ref", "FUTURE_REF", None, "none", "a vague count of years", "ago")),
    ("The company was founded two decades ago.", REF,
     ("two decades ago", "date", "1978", span("1978-01-01", "1978-12-31"), "year",
      f"two decades ago, {FROM_REF}", "ago")),
    ("The town was founded three centuries ago.", REF,
     ("three centuries ago", "date", "1698", span("1698-01-01", "1698-12-31"), "year",
      f"three centuries ago, {FROM_REF}", "ago")),
    ("The company was founded two years ago.", None,
     ("two years ago", "date", None, None, "none", f"2 year(s) ago: {NO_REF}", "ago")),
])
def test_units_ago(text, reference, expected):
    assert found(text, reference) == [expected]


def test_units_earlier_count_from_the_date_before():
    spans = found("The war ended in 1945; two years earlier the treaty was signed.")
    assert spans[-1] == ("two years earlier", "date", "1943", span("1943-01-01", "1943-12-31"), "year",
                         "two years earlier, counted from '1945'", "ago")


@pytest.mark.parametrize("text, value, interval, reason", [
    ("It was built in the twenty-first century.", "20", span("2000-01-01", "2099-12-31"), "the twenty-first century"),
    ("It was built in the first century.", "00", span("0001-01-01", "0099-12-31"), "the first century"),
])
def test_a_century_by_its_ordinal_in_words(text, value, interval, reason):
    (s,) = find_times(text, REF)
    assert (s.value, s.interval, s.granularity, s.reason) == (value, interval, "century", reason)


@pytest.mark.parametrize("text, expected", [
    ("The plant opened in March 1995 and closed at the end of that year.",
     ("the end of that year", "date", "1995", span("1995-09-01", "1995-12-31"), "part_of_year",
      "end of that year, counted from 'March 1995'", "part_rel")),
    ("The plant opened in March 1995 and closed at the end of the same month.",
     ("the end of the same month", "date", "1995-03", span("1995-03-21", "1995-03-31"), "month",
      "end of same month, counted from 'March 1995'", "part_rel")),
    ("The plant opened in March 1995 and closed at the end of the following summer.",
     ("the end of the following summer", "date", "1995-SU", span("1995-06-01", "1995-08-31"), "season",
      "end of summer, counted from 'March 1995'", "part_rel")),
    ("The plant opened in March 1995 and closed at the start of the previous year.",
     ("the start of the previous year", "date", "1994", span("1994-01-01", "1994-04-30"), "part_of_year",
      "start of previous year, counted from 'March 1995'", "part_rel")),
])
def test_part_of_a_unit_counted_from_the_date_before(text, expected):
    assert found(text)[-1] == expected


@pytest.mark.parametrize("text, expected", [
    ("The castle stood for three centuries.", ("three centuries", "duration", "P3CE", None, "none",
                                               "a duration: no calendar value", "duration")),
    ("The talks lasted for nearly two years.", ("two years", "duration", "P2Y", None, "none",
                                                "a duration: no calendar value", "duration")),
    ("Prices rose over the past three years.", ("the past three years", "duration", "P3Y", None, "none",
                                                "a duration: no calendar value", "duration")),
    ("Prices rose over the last decade.", ("the last decade", "duration", "P1DE", None, "none",
                                           "a duration: no calendar value", "duration_past")),
])
def test_more_durations(text, expected):
    assert found(text) == [expected]


# --- more of the same rules: plural units, the time of day of a weekday, past/previous/coming + month ----------

@pytest.mark.parametrize("text, expected", [
    ("The last months were hard.", ("The last months", "past_ref", "PAST_REF", None, "none",
                                    "last months: no single calendar value", "rel_unit")),
    ("The preceding years were hard.", ("The preceding years", "past_ref", "PAST_REF", None, "none",
                                        "preceding years: no single calendar value", "rel_unit")),
    ("The past centuries were hard.", ("The past centuries", "duration", "P1CE", None, "none",
                                       "the past century: a duration", "rel_unit")),
    ("The market opens every weekend.", ("every weekend", "set", "P1W", None, "none",
                                         "a recurrence: no single calendar value", "set_every")),
    ("The board met this January.", ("this January", "date", "1998-01", span("1998-01-01", "1998-01-31"), "month",
                                     f"this January, {FROM_REF}", "rel_named")),
    ("The board met past June.", ("past June", "date", "1997-06", span("1997-06-01", "1997-06-30"), "month",
                                  f"last June, {FROM_REF}", "rel_named")),
    ("The board met previous June.", ("previous June", "date", "1997-06", span("1997-06-01", "1997-06-30"), "month",
                                      f"last June, {FROM_REF}", "rel_named")),
    ("The board meets coming June.", ("coming June", "date", "1998-06", span("1998-06-01", "1998-06-30"), "month",
                                      f"next June, {FROM_REF}", "rel_named")),
    ("The minister resigned on Tuesday afternoon.", ("Tuesday afternoon", "date", "1998-02-10TAF", day("1998-02-10"),
                                                     "day", "Tuesday: the one on or before the reference date (past tense)",
                                                     "weekday")),
    ("The minister resigned on Tuesday evening.", ("Tuesday evening", "date", "1998-02-10TEV", day("1998-02-10"),
                                                   "day", "Tuesday: the one on or before the reference date (past tense)",
                                                   "weekday")),
    ("The minister resigned on Tuesday night.", ("Tuesday night", "date", "1998-02-10TNI", day("1998-02-10"),
                                                 "day", "Tuesday: the one on or before the reference date (past tense)",
                                                 "weekday")),
    ("The dam failed in the Summer.", ("the Summer", "date", "1997-SU", span("1997-06-01", "1997-08-31"), "season",
                                       "the season nearest the reference date 1998-02-13 (past tense)", "atom")),
])
def test_more_relative_expressions(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The law passed in March 1995; that month, talks failed.",
     ("that month", "date", "1995-03", span("1995-03-01", "1995-03-31"), "month",
      "that month, counted from 'March 1995'", "rel_unit")),
    ("The law passed in March 1995; the same year, talks failed.",
     ("the same year", "date", "1995", span("1995-01-01", "1995-12-31"), "year",
      "same year, counted from 'March 1995'", "rel_unit")),
    ("The law passed in March 1995; the preceding year, talks failed.",
     ("the preceding year", "date", "1994", span("1994-01-01", "1994-12-31"), "year",
      "preceding year, counted from 'March 1995'", "rel_unit")),
    ("The law passed in March 1995; the previous year, talks failed.",
     ("the previous year", "date", "1994", span("1994-01-01", "1994-12-31"), "year",
      "previous year, counted from 'March 1995'", "rel_unit")),
])
def test_a_unit_counted_from_the_date_before(text, expected):
    assert found(text)[-1] == expected


def test_a_weekday_counts_from_the_reference_not_the_date_before():
    spans = found("The treaty was signed on 3 March 1998. Parliament voted on Friday.")
    assert spans[-1][:3] == ("Friday", "date", "1998-02-13")
