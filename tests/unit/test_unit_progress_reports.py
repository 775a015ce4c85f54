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
    # beside its table a plan's prose counts only as what it dates as happened or says will be done
    prose = {d.text: (d.commitment_only, d.events_only) for d in drafts if d.kind == "candidate"}
    assert prose == {"The Expert Group met in Tallinn on 26-27 May 2011.": (True, True),
                     "The Expert Group will discuss the mapping at its meeting in November.": (True, False)}


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


def test_a_hard_wrapped_report_with_a_tab_table_is_still_unwrapped():
    from pipeline.readers.txt_reader import unwrap, wrap_width

    prose = ["Contributions to the Trust Fund amounted to EUR 148,500 in 2015, from nine",
             "member states and the European Commission. The GSEO decided on 4 February",
             "2016 to extend the Trust Fund agreement until 2019. Member states are asked",
             "to pay their contributions for 2016 by 30 September 2016 at the latest, as",
             "agreed at the meeting in Gdynia. The presidency thanked the member states",
             "for their support and the Secretariat for its work on the annual accounts.",
             "The accounts for 2015 were approved by the Group of Senior Energy Officials",
             "without comments; the auditors' report was taken note of at the same time."]
    table = ["Activity\tTiming\tStatus\tComment on the state of the work and what comes next in the year",
             "Study on biogas in rural areas\tQ4 2016\tOngoing\tThe Lithuanian Energy Institute leads the work"]
    lines = prose[:4] + [""] + table + [""] + prose[4:]
    assert 70 <= wrap_width(lines) <= 80  # the table's long rows do not hide the prose's width
    joined = unwrap(lines)
    assert "The GSEO decided on 4 February 2016 to extend the Trust Fund agreement until 2019." in joined[0]
    assert joined[5:7] == table  # table rows are never joined


def test_a_footnote_mark_after_a_full_stop_ends_the_sentence():
    from extractors.prose.narrative import split_sentences

    text = "The Unit started its work on 1 March 2002 with one senior adviser.1 Its running costs are shared."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "The Unit started its work on 1 March 2002 with one senior adviser.", "Its running costs are shared."]
    text = "It was in 2002. 3 members came."
    assert [text[s:e] for s, e in split_sentences(text)] == ["It was in 2002.", "3 members came."]


@pytest.mark.parametrize("text, titled", [
    ("Street children. The questionnaire was answered by all. A summary paper was prepared.", ("Street children", 17)),
    ("Sexual abuse and exploitation. The Group followed the preparations. It met twice.",
     ("Sexual abuse and exploitation", 31)),
    ("Work continues. The group met twice.", None),  # a statement, not a title
    ("Street children. ", None),  # no sentence after it
    ("the questionnaire. The group met.", None),  # a title starts with a capital
    ("A title of more than six words is no title. The group met.", None),
])
def test_a_run_in_title(text, titled):
    from extractors.prose.narrative import _run_in_title

    assert _run_in_title(text) == titled


def test_a_numbered_item_with_a_run_in_title_gives_its_sentences_under_that_title(tmp_path):
    from extractors.prose.narrative import narrative_units

    path = tmp_path / "progress.txt"
    path.write_text("Progress report of the Working Group 2003\n\n4. Work programme items\n\n"
                    "4.1 Street children. The questionnaire was answered by all member states. The Working Group "
                    "agreed that a seminar should be held in St. Petersburg in autumn 2003.\n\n"
                    "4.2 Prepare a note on the Yokohama Congress for the Committee.\n", encoding="utf-8")
    doc = read_document(path)
    units = narrative_units(doc, analyse(doc))
    assert [(u.text, u.heading, u.label) for u in units] == [
        ("Progress report of the Working Group 2003", None, None),
        ("The questionnaire was answered by all member states.", "Street children", "4.1"),
        ("The Working Group agreed that a seminar should be held in St. Petersburg in autumn 2003.",
         "Street children", "4.1"),
        ("Prepare a note on the Yokohama Congress for the Committee.", "4. Work programme items", "4.2"),
    ]
