"""Commitments of two plan shapes (issues 21 and 22, eighth session): a priority whose title names
work to do, and a TAB table row whose first cell broke before its tabs. Text written for these
tests; expectations by hand."""
from __future__ import annotations

import pytest

from pipeline.runner import process_file

pytestmark = pytest.mark.unit

PRIORITIES = """Regional Archives Forum
Priorities of the Estonian Chairmanship 2026

Priority 1: Digital preservation

Most records are now born digital. The Chairmanship will hold a workshop on e-mail archiving in Tartu in May.

Priority 2: Open a shared portal of the member archives for family historians and schools in the region

Researchers today search six catalogues. The Secretariat will draft the portal's terms of use by June.

Priority 3: Train archivists from Moldova in the care of damaged paper records
"""

TABLE = """Activity plan 2026

Activity\tResponsible\tTime limit
Hold the annual meeting of the directors in Riga\tChair\tMay 2026
Run the summer course on conservation of maps for young archivists from the member\nstates and from Ukraine\tSecretariat\tAugust 2026
Publish the yearbook\tSecretariat\tDecember 2026
"""


def _records(tmp_path, text, name):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return {r.text: r for r in process_file(str(path)).records}


def test_a_priority_naming_work_is_a_commitment_a_topic_is_a_heading(tmp_path):
    records = _records(tmp_path, PRIORITIES, "priorities.txt")
    portal = records["Open a shared portal of the member archives for family historians and schools in the region"]
    assert (portal.kind, portal.ref) == ("activity", "item Priority 2")
    train = records["Train archivists from Moldova in the care of damaged paper records"]
    assert train.kind == "activity"
    assert not any("Digital preservation" in text for text in records)  # a topic names nothing to do
    workshop = records["The Chairmanship will hold a workshop on e-mail archiving in Tartu in May."]
    assert workshop.kind == "activity"


def test_a_tab_rows_first_cell_broken_before_its_tabs_is_one_cell(tmp_path):
    records = _records(tmp_path, TABLE, "plan.txt")
    course = ("Run the summer course on conservation of maps for young archivists from the member "
              "states and from Ukraine")
    assert course in records
    assert records[course].cells["responsible"] == "Secretariat"
    assert "Hold the annual meeting of the directors in Riga" in records  # the row before keeps its own cells
    assert records["Hold the annual meeting of the directors in Riga"].cells["responsible"] == "Chair"


CALENDAR = """Calendar 2009

27-29 October 2009    Stockholm     61st Session of the Nordic Council
7 December 2009       Brussels      Working Group on Fisheries
                                    Policy, 3rd meeting
spring 2010           Mariehamn     Standing Committee meeting
"""


def test_a_cells_rest_under_its_column_stays_with_the_row_above(tmp_path):
    """The next row opening in lower case ("spring 2010") takes no line of the row above."""
    records = _records(tmp_path, CALENDAR, "calendar.txt")
    assert "Working Group on Fisheries Policy, 3rd meeting" in records
    assert "Standing Committee meeting" in records
