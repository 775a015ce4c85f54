"""Plans as Word exports them to text (issue 21/22, sixth session): a TAB table with untitled section
rows and cells broken onto tab-indented lines, a period written from day to day, a quarterly timeline,
a "will"-sentence above a heading of tasks. Text written for these tests; expectations by hand."""
from __future__ import annotations

import pytest

from extractors.time.dates import find_period
from pipeline.readers import read_document
from pipeline.runner import process_file

pytestmark = pytest.mark.unit

TABLE_PLAN = (
    "ALPINE RIVERS NETWORK\n\nActivity Plan 2023\nAustrian Presidency, 1 January \u2013 31 December 2023\n\n"
    "Activities\n\n"
    "Activity\tResponsible\tTime limit\tExpected result\n"
    "Governance\n"
    "Hold two meetings of the steering board\tPresidency\tApril and October 2023\tTwo meetings held\n"
    "Prepare the Strategy 2024-2027\tSecretariat\tNovember 2023\tDraft strategy;\n"
    "\t\t\tstrategy adopted\n"
    "Monitoring\n"
    "Map the gauging stations of the upper Inn\tWG Monitoring\tDeadline of the call,\tMap online with\n"
    "\t\tautumn 2023\tall stations\n"
    "Train 40 hydrologists in flood forecasting\tWG Monitoring\tJune 2023\t40 hydrologists trained\n"
)


def test_a_tab_table_reads_through_section_rows_and_broken_cells(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(TABLE_PLAN, encoding="utf-8")
    tables = [b for b in read_document(path).blocks if b.kind.value == "table"]
    assert len(tables) == 1
    assert tables[0].header == ["Activity", "Responsible", "Time limit", "Expected result"]
    assert [r.cells for r in tables[0].rows] == [
        ["Hold two meetings of the steering board", "Presidency", "April and October 2023", "Two meetings held"],
        ["Prepare the Strategy 2024-2027", "Secretariat", "November 2023", "Draft strategy; strategy adopted"],
        ["Map the gauging stations of the upper Inn", "WG Monitoring", "Deadline of the call, autumn 2023",
         "Map online with all stations"],
        ["Train 40 hydrologists in flood forecasting", "WG Monitoring", "June 2023", "40 hydrologists trained"],
    ]


@pytest.mark.parametrize("text, start, end", [
    ("Austrian Presidency, 1 January \u2013 31 December 2023", "2023-01-01", "2023-12-31"),
    ("Reporting period 1 July 2016 - 30 June 2017", "2016-07-01", "2017-06-30"),
    ("Annual Report July 2016 \u2013 June 2017", "2016-07-01", "2017-06-30"),
])
def test_a_period_from_day_to_day(text, start, end):
    period = find_period([text])
    assert (str(period.start), str(period.end)) == (start, end)


TIMELINE_PLAN = """ALPINE RIVERS NETWORK

Work Plan 2024
Swiss Presidency, 1 January \u2013 31 December 2024

Timeline

Q1 2024: Kick-off meeting of the working group chairs in Bern

Spring 2024 - Joint survey of the glacier lakes above Zermatt

Q4 2024: Second meeting of the steering board in Basel

By end of 2024 the Secretariat will publish the flood atlas of the upper Rhine.

Tasks running through the year

The Presidency will host a study visit for hydrologists from Georgia.
"""


def test_a_plans_dated_timeline_entries_are_its_activities(tmp_path):
    path = tmp_path / "timeline.txt"
    path.write_text(TIMELINE_PLAN, encoding="utf-8")
    records = {r.text: (r.kind.value, str(r.date.start)) for r in process_file(str(path)).records}
    assert records["Kick-off meeting of the working group chairs in Bern"] == ("activity", "2024-01-01")
    assert records["Joint survey of the glacier lakes above Zermatt"] == ("activity", "2024-03-01")
    assert records["Second meeting of the steering board in Basel"] == ("activity", "2024-10-01")
    # a sentence above a heading of tasks is no introduction to it
    assert records["By end of 2024 the Secretariat will publish the flood atlas of the upper Rhine."][0] == "activity"
    assert records["The Presidency will host a study visit for hydrologists from Georgia."][0] == "activity"


def test_without_a_section_under_its_header_a_short_line_is_the_rest_of_a_cell(tmp_path):
    text = ("Activity\tResponsible\tTime limit\n"
            "Hold the annual meeting of the network\tSecretariat and the\tMay 2023\n"
            "Ministry of Environment\n"
            "Publish the river atlas\tWG Monitoring\tJune 2023\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    table = next(b for b in read_document(path).blocks if b.kind.value == "table")
    assert len(table.rows) == 2  # no section row, and no row lost to one
    assert "Ministry of Environment" in " ".join(table.rows[0].cells)
    assert table.rows[1].cells == ["Publish the river atlas", "WG Monitoring", "June 2023"]


MEETINGS_PLAN = """Work Plan of the Alpine Rivers Network 2009-2010

I. ACTIVITIES

1. Publish the flood atlas of the upper Rhine by June 2010.
2. Train 40 hydrologists in flood forecasting by December 2009.
3. Map the gauging stations of the upper Inn by March 2010.
4. Hold a seminar on early warning in Bregenz in autumn 2009.
5. Draft a joint protocol on data exchange by May 2010.

II. MEETINGS

The steering board will meet three times during the period of the plan:
Innsbruck, 9-10 October
Zurich, 4-5 December
Munich, March 2010

The chair shall report to the ministers in June.
"""


def test_places_and_dates_under_a_lead_in_are_its_items(tmp_path):
    path = tmp_path / "meetings.txt"
    path.write_text(MEETINGS_PLAN, encoding="utf-8")
    entry = {"file": "meetings.txt", "title": "", "period_start": "2009-07-01", "period_end": "2010-06-30",
             "genre": "plan", "source": "test"}
    records = {r.text: (r.kind.value, str(r.date.start)) for r in process_file(str(path), catalogue=entry).records}
    assert records["Innsbruck, 9-10 October"] == ("activity", "2009-10-09")
    assert records["Zurich, 4-5 December"] == ("activity", "2009-12-04")
    assert records["Munich, March 2010"] == ("activity", "2010-03-01")


PRIORITIES_PLAN = """Alpine Health Programme 2011-2013

I. Background

On 5 May 2010 the health ministers, meeting in Bolzano, decided to launch a new programme.

II. Priority areas

The programme covers three priority areas:
Mountain rescue and emergency care
Mental health of young people in remote valleys
Training of rural nurses

III. Activities

1. Train 60 rural nurses in emergency care by June 2012.
2. Hold a conference on mental health in Aosta in spring 2012.
3. Publish a guide to telemedicine in 2013.
4. Set up a network of valley health centres by 2012.
5. Evaluate the programme in 2013.
"""


def test_a_list_without_bullets_under_a_lead_in_of_priorities(tmp_path):
    path = tmp_path / "priorities.txt"
    path.write_text(PRIORITIES_PLAN, encoding="utf-8")
    entry = {"file": "priorities.txt", "title": "", "period_start": "2011-01-01", "period_end": "2013-12-31",
             "genre": "plan", "source": "test"}
    kinds = {r.text: r.kind.value for r in process_file(str(path), catalogue=entry).records}
    for item in ("Mountain rescue and emergency care", "Mental health of young people in remote valleys",
                 "Training of rural nurses"):
        assert kinds[item] == "activity"
    assert "The programme covers three priority areas:" not in kinds


AIMS_PLAN = """National Action Plan against Bullying 2012-2014

II. OBJECTIVES

The objectives of the action plan are:
to prevent bullying by training teachers
to give children a safe way to report bullying
to work with the parents of bullies

III. MEASURES

1. Train 500 teachers in the KiVa method by June 2013.
2. Open a helpline for children by January 2013.
3. Publish a guide for parents in 2013.
4. Evaluate the plan in 2014.
5. Hold a conference on school climate in Tartu in autumn 2013.
"""


def test_a_list_of_aims_each_opening_with_to_is_a_line_an_item(tmp_path):
    path = tmp_path / "aims.txt"
    path.write_text(AIMS_PLAN, encoding="utf-8")
    entry = {"file": "aims.txt", "title": "", "period_start": "2012-01-01", "period_end": "2014-12-31",
             "genre": "plan", "source": "test"}
    kinds = {r.text: r.kind.value for r in process_file(str(path), catalogue=entry).records}
    for aim in ("to prevent bullying by training teachers", "to give children a safe way to report bullying",
                "to work with the parents of bullies"):
        assert kinds[aim] == "activity"


def test_items_between_bullets_on_one_line():
    from extractors.prose.narrative import _inline_bullets

    text = "Children in care \u2022 Street children \u2022 Unaccompanied and trafficked children"
    assert [text[s:e] for s, e in _inline_bullets(text)] == [
        "Children in care", "Street children", "Unaccompanied and trafficked children"]
    assert _inline_bullets("Children in care \u2022 Street children") is None  # two parts: no list
    assert _inline_bullets("The group met. \u2022 It agreed on a plan. \u2022 It chose a chair.") is None
