"""The temporal normaliser over real-looking expressions, each with its interval written by hand
from the rules of spec/records.md (Dates)."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.time.dates import find_period, normalise, within_period
from schemas.records import Period

PLAN = Period(start=date(2008, 7, 1), end=date(2009, 6, 30), raw="July 2008 – June 2009")
REPORT = Period(start=date(2016, 7, 1), end=date(2017, 6, 30), raw="July 2016 – June 2017")
CAL = Period(start=date(2010, 1, 1), end=date(2010, 12, 31), raw="2010")

CASES = [
    # (expression, document period, start, end)
    ("April 2009", PLAN, "2009-04-01", "2009-04-30"),
    ("November 2008", None, "2008-11-01", "2008-11-30"),
    ("September 2008", None, "2008-09-01", "2008-09-30"),
    ("Sept. 2009", None, "2009-09-01", "2009-09-30"),
    ("Sep 2009", None, "2009-09-01", "2009-09-30"),
    ("Feb. 2010", None, "2010-02-01", "2010-02-28"),
    ("February 2012", None, "2012-02-01", "2012-02-29"),
    ("December, 2008", None, "2008-12-01", "2008-12-31"),
    ("June 2009", None, "2009-06-01", "2009-06-30"),
    ("June", PLAN, "2009-06-01", "2009-06-30"),
    ("October", PLAN, "2008-10-01", "2008-10-31"),
    ("March", REPORT, "2017-03-01", "2017-03-31"),
    ("8 September", REPORT, "2016-09-08", "2016-09-08"),
    ("31 August", REPORT, "2016-08-31", "2016-08-31"),
    ("29-30 August", REPORT, "2016-08-29", "2016-08-30"),
    ("20-21 September", REPORT, "2016-09-20", "2016-09-21"),
    ("7-10 March", REPORT, "2017-03-07", "2017-03-10"),
    ("13-16 March", REPORT, "2017-03-13", "2017-03-16"),
    ("8 - 10 May", REPORT, "2017-05-08", "2017-05-10"),
    ("15 -16 May", REPORT, "2017-05-15", "2017-05-16"),
    ("3-5 April", REPORT, "2017-04-03", "2017-04-05"),
    ("25th October", REPORT, "2016-10-25", "2016-10-25"),
    ("26th October", REPORT, "2016-10-26", "2016-10-26"),
    ("1 June", REPORT, "2017-06-01", "2017-06-01"),
    ("30 March.", REPORT, "2017-03-30", "2017-03-30"),
    ("15-16 December", REPORT, "2016-12-15", "2016-12-16"),
    ("25 and 26th of October", REPORT, "2016-10-25", "2016-10-26"),
    ("the 25 and 26th of October 2016", None, "2016-10-25", "2016-10-26"),
    ("15 and16th of May 2017", None, "2017-05-15", "2017-05-16"),
    ("the 26th of September", REPORT, "2016-09-26", "2016-09-26"),
    ("On the 7th of March", REPORT, "2017-03-07", "2017-03-07"),
    ("On the 21th of June", REPORT, "2017-06-21", "2017-06-21"),
    ("22nd of May 2011", None, "2011-05-22", "2011-05-22"),
    ("3rd of March 2003", None, "2003-03-03", "2003-03-03"),
    ("1st of July – 30th of September", PLAN, "2008-07-01", "2008-09-30"),
    ("1st of July  – 30th of September", PLAN, "2008-07-01", "2008-09-30"),
    ("1 July 2008 – 30 June 2009", None, "2008-07-01", "2009-06-30"),
    ("1 July – 30 September 2008", None, "2008-07-01", "2008-09-30"),
    ("1 December – 15 January 2010", None, "2009-12-01", "2010-01-15"),
    ("30th of June 2009", None, "2009-06-30", "2009-06-30"),
    ("9th to 10th of May 2005", None, "2005-05-09", "2005-05-10"),
    ("12.–13. March 2009", None, "2009-03-12", "2009-03-13"),
    ("12. March 2009", None, "2009-03-12", "2009-03-12"),
    ("March 15th, 2009", None, "2009-03-15", "2009-03-15"),
    ("May 5, 2010", None, "2010-05-05", "2010-05-05"),
    ("2009-03-15", None, "2009-03-15", "2009-03-15"),
    ("15.03.2009", None, "2009-03-15", "2009-03-15"),
    ("15/03/2009", None, "2009-03-15", "2009-03-15"),
    ("Spring 2009", None, "2009-03-01", "2009-05-31"),
    ("spring of 2009", None, "2009-03-01", "2009-05-31"),
    ("Summer 2010", None, "2010-06-01", "2010-08-31"),
    ("autumn 2017", None, "2017-09-01", "2017-11-30"),
    ("Autumn 2008", None, "2008-09-01", "2008-11-30"),
    ("fall of 2008", None, "2008-09-01", "2008-11-30"),
    ("fall 2008", None, "2008-09-01", "2008-11-30"),
    ("winter 2009", None, "2008-12-01", "2009-02-28"),
    ("winter 2008/09", None, "2008-12-01", "2009-02-28"),
    ("spring", PLAN, "2009-03-01", "2009-05-31"),
    ("in the autumn", REPORT, "2016-09-01", "2016-11-30"),
    ("beginning of 2005", None, "2005-01-01", "2005-04-30"),
    ("the beginning of 2005", None, "2005-01-01", "2005-04-30"),
    ("early 2005", None, "2005-01-01", "2005-04-30"),
    ("end of 2004", None, "2004-09-01", "2004-12-31"),
    ("At the end of 2004", None, "2004-09-01", "2004-12-31"),
    ("late 2006", None, "2006-09-01", "2006-12-31"),
    ("mid-2005", None, "2005-05-01", "2005-08-31"),
    ("middle of 2007", None, "2007-05-01", "2007-08-31"),
    ("first half of 2010", None, "2010-01-01", "2010-06-30"),
    ("second half of 2010", None, "2010-07-01", "2010-12-31"),
    ("Q3 2009", None, "2009-07-01", "2009-09-30"),
    ("first quarter of 2011", None, "2011-01-01", "2011-03-31"),
    ("2009", None, "2009-01-01", "2009-12-31"),
    ("In 2016", None, "2016-01-01", "2016-12-31"),
    ("2016-2017", None, "2016-01-01", "2017-12-31"),
    ("2017/2018", None, "2017-01-01", "2018-12-31"),
    ("2008-09", None, "2008-01-01", "2009-12-31"),
    ("July 2008 – June 2009", None, "2008-07-01", "2009-06-30"),
    ("July 2017 - 2020", None, "2017-07-01", "2020-12-31"),
    ("October 2008, spring 2009", None, "2008-10-01", "2009-05-31"),
    ("October 2008, spring 2009", PLAN, "2008-10-01", "2009-05-31"),
    ("September 2008 and March 2009", None, "2008-09-01", "2009-03-31"),
    ("March – May 2010", None, "2010-03-01", "2010-05-31"),
    ("November 2009 – February", None, "2009-11-01", "2010-02-28"),
    ("Two meetings will be organised in 2004 and at least one in the beginning of 2005.", None, "2004-01-01", "2005-04-30"),
    ("in due time for the Summit in June 2004", None, "2004-06-01", "2004-06-30"),
    ("WGCC spring 2009", None, "2009-03-01", "2009-05-31"),
    ("Report to WGCC in the fall of 2008. and in the spring of 2009.", None, "2008-09-01", "2009-05-31"),
    ("By 31 December 2010", None, "2010-12-31", "2010-12-31"),
    ("Deadline: 1 March", CAL, "2010-03-01", "2010-03-01"),
]

NULLS = ["Yearly", "Yearly.", "ongoing", "On-going", "TBD", "continuous", "Annually", "as needed", "to be decided", "",
         "In budget", "WGCC subgroup"]


@pytest.mark.parametrize("text,period,start,end", CASES)
def test_expression_to_interval(text, period, start, end):
    value = normalise(text, period, scan=len(text) > 45)
    assert (str(value.start), str(value.end)) == (start, end), value
    assert value.raw == " ".join(text.split())


@pytest.mark.parametrize("text", NULLS)
def test_no_date_is_null(text):
    value = normalise(text, PLAN)
    assert value.start is None and value.end is None


def test_enough_cases():
    assert len(CASES) + len(NULLS) >= 80


def test_year_from_document_period_is_marked():
    value = normalise("29-30 August", REPORT)
    assert value.year_inferred and value.granularity == "day"
    assert not normalise("29-30 August 2016").year_inferred


def test_granularity_kept():
    assert normalise("Spring 2009").granularity == "season"
    assert normalise("April 2009").granularity == "month"
    assert normalise("1 July 2008 – 30 June 2009").granularity == "range"
    assert normalise("October 2008, spring 2009").granularity == "list"
    assert normalise("end of 2004").granularity == "part_of_year"


def test_record_without_time_takes_document_period():
    value = within_period(normalise("Develop and communicate the tasks", PLAN, scan=True), PLAN)
    assert (value.start, value.end, value.source) == (PLAN.start, PLAN.end, "document_period")


def test_prose_is_not_read_as_dates():
    for text in ["The WGCC may be invited to attend", "ILO Convention no 182", "60 participants from 26 countries",
                 "they will march on", "the end of the meeting"]:
        assert normalise(text, None, scan=True).start is None, text


@pytest.mark.parametrize("texts,expected", [
    (["Activity Plan ...", "July 2008 – June 2009"], ("2008-07-01", "2009-06-30")),
    (["Plan of Action on Unaccompanied and Trafficked Children, May 2004 - December 2005"], ("2004-05-01", "2005-12-31")),
    (["Annual Report 2016-2017"], ("2016-01-01", "2017-12-31")),
    (["Strategy July 2017 - 2020 of the group"], None),
])
def test_document_period(texts, expected):
    period = find_period(texts)
    assert (None if period is None else (str(period.start), str(period.end))) == expected
