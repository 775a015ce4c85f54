"""Project months and deliverable lines of funded projects' reports (issue 21, seventh session).
Text written for these tests; expectations by hand (M1 = the month the document says the project began)."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.time.project_months import in_calendar_months, project_start
from pipeline.runner import process_file

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, start", [
    ("Project summary\nThe project started on 1 October 2017 (M1) and runs for 36 months.", date(2017, 10, 1)),
    ("Reporting period 2: 1 April 2019 – 30 September 2019 (project months 7-12)", date(2018, 10, 1)),
    ("Work plan for year 2\nM1 = July 2020", date(2020, 7, 1)),
    ("The action started on 1 September 2016 and ended on 31 August 2018.", date(2016, 9, 1)),
    ("The partners met twice in 2019. The report is due in month 20.", None),  # no statement: no guess
])
def test_the_month_a_project_began_as_the_document_states_it(text, start):
    assert project_start(text) == start


@pytest.mark.parametrize("text, expected", [
    ("D2.2 Results of the first year – due M20", "D2.2 Results of the first year – due May 2019"),
    ("train advisers (M19-M21)", "train advisers (April 2019 - June 2019)"),
    ("delivered in month 15", "delivered in December 2018"),
    ("due M24, delayed to M27", "due September 2019, delayed to December 2019"),
    ("M1", "October 2017"),
    ("M121 is no project month", "M121 is no project month"),
    ("M21-M19 runs backwards", "M21-M19 runs backwards"),
])
def test_project_months_as_calendar_months(text, expected):
    assert in_calendar_months(text, date(2017, 10, 1)) == expected


def test_without_a_start_project_months_stay_as_written():
    assert in_calendar_months("due M20", None) == "due M20"


REPORT = """NordWater – Progress report 2

The project started on 1 March 2018 (M1) and runs for 30 months.

Activities

The second partner meeting was held in Pärnu on 12-13 September 2018.

The partners will publish the handbook for lake wardens in month 14.

A training course for wardens was held in Tartu in month 5.
"""


def test_a_records_project_month_is_its_calendar_month(tmp_path):
    path = tmp_path / "progress.txt"
    path.write_text(REPORT, encoding="utf-8")
    records = {r.text: r for r in process_file(str(path)).records}

    def kind_and_dates(text):
        r = records[text]
        return r.kind.value, str(r.date.start), str(r.date.end)

    assert kind_and_dates("The partners will publish the handbook for lake wardens in month 14.") == (
        "activity", "2019-04-01", "2019-04-30")
    assert kind_and_dates("A training course for wardens was held in Tartu in month 5.") == (
        "event", "2018-07-01", "2018-07-31")
