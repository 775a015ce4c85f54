"""Progress reports: a table of work-plan items with a status column is the report's own account
(done rows are events, open rows activities, dropped rows no record), its prose is read as a
report's, and a month without a year takes the year of a period that lies in one year.
Expectations written by hand."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.columns import column_roles, is_plan_table
from extractors.segment import segment, status_kind
from extractors.structure import analyse
from extractors.time.dates import normalise
from extractors.catalogue import CatalogueEntry
from extractors.entities.registry import load_registry
from pipeline.readers import read_document
from schemas.records import Period

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("status, kind", [
    ("Completed", "event"), ("completed in March", "event"), ("Done", "event"), ("Held", "event"),
    ("Finalised", "event"), ("finalized", "event"), ("Published", "event"), ("Adopted", "event"),
    ("Ongoing", "activity"), ("Not started", "activity"), ("Postponed", "activity"), ("Delayed", "activity"),
    ("", "activity"), ("Completion expected in 2012", "activity"), ("Partly done", "activity"),
    ("Cancelled", None), ("canceled", None), ("Dropped", None), ("Withdrawn by the presidency", None),
])
def test_a_rows_status_gives_its_kind(status, kind):
    assert status_kind(status) == kind


def test_a_status_column_is_named_as_such():
    assert column_roles(["Activity", "Timing", "Status", "Comment"]) == {"activity": 0, "deadline": 1, "status": 2}
    assert column_roles(["Task", "State of play"])["status"] == 1
    assert is_plan_table(["Activity", "Status"])


REPORT = ("Progress report of the Expert Group, January - June 2011\n\n"
          "The Expert Group met in Tallinn on 26-27 May 2011.\n\n"
          "Activity\tTiming\tStatus\tComment\n"
          "Regional seminar on guardianship\t15-16 March 2011\tCompleted\tHeld in Riga, 45 participants\n"
          "Mapping of foster care\tJan-Sept 2011\tOngoing\t8 of 11 replies\n"
          "Study on children left behind\t2011\tCancelled\tSuperseded by another study\n\n"
          "The Expert Group will discuss the mapping at its meeting in November.\n")


def _segmented(tmp_path, genre):
    path = tmp_path / "progress.txt"
    path.write_text(REPORT, encoding="utf-8")
    doc = read_document(path)
    entry = CatalogueEntry.from_dict({"file": "progress", "title": "Progress report", "period_start": "2011-01-01",
                                      "period_end": "2011-06-30", "genre": genre, "source": "test"})
    structure = analyse(doc, entry)
    return structure, segment(doc, structure, load_registry())


def test_a_reports_status_table_gives_events_and_activities_and_its_prose_is_read(tmp_path):
    structure, drafts = _segmented(tmp_path, "report")
    assert structure.kind == "report"
    rows = [(d.kind, d.text, d.date_raw) for d in drafts if d.cells]
    assert rows == [("event", "Regional seminar on guardianship", "15-16 March 2011"),
                    ("activity", "Mapping of foster care", "Jan-Sept 2011")]
    prose = [d.text for d in drafts if d.kind == "candidate"]
    assert "The Expert Group met in Tallinn on 26-27 May 2011." in prose
    assert "The Expert Group will discuss the mapping at its meeting in November." in prose


def test_a_plan_with_the_same_table_stays_a_plan(tmp_path):
    structure, drafts = _segmented(tmp_path, "plan")
    assert structure.kind == "table_plan"
    assert not [d for d in drafts if d.kind == "candidate"]


@pytest.mark.parametrize("text, period, first, last", [
    # a period inside one year: its year, even when the month lies nearer the year before
    ("in November", Period(start=date(2011, 1, 1), end=date(2011, 6, 30), raw="H1 2011"),
     date(2011, 11, 1), date(2011, 11, 30)),
    ("on 3 December", Period(start=date(2011, 1, 1), end=date(2011, 6, 30), raw="H1 2011"),
     date(2011, 12, 3), date(2011, 12, 3)),
    # a chairmanship year: the month's own side of New Year (records.md)
    ("29-30 August", Period(start=date(2016, 7, 1), end=date(2017, 6, 30), raw="2016-2017"),
     date(2016, 8, 29), date(2016, 8, 30)),
    ("7-10 March", Period(start=date(2016, 7, 1), end=date(2017, 6, 30), raw="2016-2017"),
     date(2017, 3, 7), date(2017, 3, 10)),
])
def test_a_month_without_a_year_takes_the_periods_year(text, period, first, last):
    value = normalise(text, period, scan=True)
    assert (value.start, value.end) == (first, last)


def test_a_done_rows_place_comes_from_its_remarks_not_from_who_did_it():
    from types import SimpleNamespace

    from extractors.segment import Draft
    from pipeline.components import places
    from schemas.document import Provenance

    def row(kind, cells):
        return Draft(kind=kind, text=cells["activity"], prov=Provenance(file="x.txt"), cells=cells)

    done = row("event", {"activity": "Regional seminar on guardianship", "responsible": "Oslo municipality",
                         "Comment": "Held in Riga, 45 participants"})
    open_row = row("activity", {"activity": "Mapping of foster care", "Comment": "Reply from Vilnius pending"})
    state = SimpleNamespace(drafts=[done, open_row], registry=load_registry())
    places(state)
    assert (done.city, done.city_country) == ("Riga", "LV")
    assert open_row.city is None  # an open row's remarks are not where it happens


PRIORITIES = ("Our priorities for the Presidency 2023-2024\n\n"
              "The Presidency's work will focus on child participation.\n\n"
              "Timeline\n"
              "19-20 Oct 2023 - CAR meeting, Helsinki\n"
              "Dec 2023 - launch of the webinar series\n"
              "16-17 Apr 2024 - CAR meeting, Turku\n")


@pytest.mark.parametrize("genre, kind", [("priorities", "priorities"), ("slides", "slides"), (None, "report")])
def test_the_catalogues_genre_of_a_page_with_a_timeline_is_kept(tmp_path, genre, kind):
    path = tmp_path / "prio.txt"
    path.write_text(PRIORITIES, encoding="utf-8")
    doc = read_document(path)
    entry = CatalogueEntry.from_dict({"file": "prio", "title": "Priorities", "period_start": "2023-07-01",
                                      "period_end": "2024-06-30", "genre": genre, "source": "test"}) if genre else None
    assert analyse(doc, entry).kind == kind  # without a catalogue, three dated entries make it an account
