"""A table laid out with spaces in a .txt (what `pdftotext -layout` or a typewriter gives): read as
a table when its first line names the columns and the rows' cells start at the header's columns;
a cell that broke over two lines goes on in the row above; lines that only look like columns stay
text. Expectations written by hand."""
from __future__ import annotations

import pytest

from pipeline.readers import read_document
from schemas.document import BlockKind

pytestmark = pytest.mark.unit

CALENDAR = """Main meetings planned

Date                  Place           Meeting
13-14 Nov. 2019       Kirkenes        Committee of Senior Officials
spring 2020           Petrozavodsk    Conference on health and social issues
                                      (programme launch)
Oct. 2021                             18th session of the Council

Contact: the Secretariat.
"""


def _read(tmp_path, text):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_a_space_aligned_table_with_a_header_is_a_table(tmp_path):
    doc = _read(tmp_path, CALENDAR)
    tables = [b for b in doc.blocks if b.kind is BlockKind.table]
    assert len(tables) == 1
    assert tables[0].header == ["Date", "Place", "Meeting"]
    assert [r.cells for r in tables[0].rows] == [
        ["13-14 Nov. 2019", "Kirkenes", "Committee of Senior Officials"],
        ["spring 2020", "Petrozavodsk", "Conference on health and social issues (programme launch)"],
        ["Oct. 2021", "", "18th session of the Council"],
    ]
    assert [b.text for b in doc.blocks if b.kind is not BlockKind.table] == [
        "Main meetings planned", "Contact: the Secretariat."]


def test_dated_lines_without_a_header_are_rows_none_of_them_a_header(tmp_path):
    # no header: the first line is data (a calendar, see BULLETIN below)
    doc = _read(tmp_path, "Jan        Working group set up\nMarch      Round table, Riga\nMay        Liaison officers agreed\n")
    tables = [b for b in doc.blocks if b.kind is BlockKind.table]
    assert len(tables) == 1 and tables[0].header == []
    assert [r.cells for r in tables[0].rows] == [["Jan", "Working group set up"], ["March", "Round table, Riga"],
                                                 ["May", "Liaison officers agreed"]]


@pytest.mark.parametrize("text", [
    # a header and one row only
    "Date        Place\n3 May       Riga\n",
    # two spaces after full stops in prose: the gaps do not line up
    "The group met.  It agreed on a plan\nfor the year.  The Unit will draft it and\nsend it round.  Comments by May.\n",
])
def test_lines_that_only_look_like_columns_stay_text(tmp_path, text):
    assert not any(b.kind is BlockKind.table for b in _read(tmp_path, text).blocks)


# A report hard-wrapped at 72 characters (so the reader joins its wrapped lines back) whose
# calendar's last column breaks over two and three lines, down to the table's last row.
WRAPPED = """In the course of the year the office took part in a number of meetings
at home and abroad, and it received delegations from the neighbouring
countries who wished to learn how the office handles the questions that
children and young people send to it by letter, by telephone and by the
new chat service that was opened in the spring for pupils of the upper
grades of the basic school and for young people in vocational training.

Date              Place          Meeting or visit
10 Feb            Tampere        Round table on children in police cells
                                 with the National Police Board
March 3rd to 4th  Petrozavodsk   Seminar with the regional ombudsmen of
                                 the Republic of Karelia and of the
                                 Murmansk region
Oct               Oulu           Discussion with the pupils of a reform
                                 school

The office will publish its next report in the spring.
"""


def test_a_cell_broken_over_lines_stays_in_its_row_in_a_hard_wrapped_file(tmp_path):
    doc = _read(tmp_path, WRAPPED)
    tables = [b for b in doc.blocks if b.kind is BlockKind.table]
    assert len(tables) == 1
    assert [r.cells for r in tables[0].rows] == [
        ["10 Feb", "Tampere", "Round table on children in police cells with the National Police Board"],
        ["March 3rd to 4th", "Petrozavodsk",
         "Seminar with the regional ombudsmen of the Republic of Karelia and of the Murmansk region"],
        ["Oct", "Oulu", "Discussion with the pupils of a reform school"],
    ]
    texts = [b.text for b in doc.blocks if b.kind is not BlockKind.table]
    assert len(texts) == 2 and texts[0].startswith("In the course of the year") \
        and texts[0].endswith("in vocational training.")
    assert texts[1] == "The office will publish its next report in the spring."


# A bulletin's calendar without a header row, and a deck's timeline of two columns under a
# heading that looks ahead.
BULLETIN = """Calendar

3-4 June 2015         Tartu         Meeting of the youth working group
17-18 Sept. 2015      Narva         Seminar on school meals
Nov. 2015             Pskov         Conference on rural health care
early 2016                          Board meeting

Contact the Secretariat for the full programme.
"""

TIMELINE = """Timeline - next 12 months
June 2015      First meeting of the steering group
Oct 2015       Training, Gdynia
Feb/Mar 2016   National conference
"""


def test_a_calendar_without_a_header_is_a_table_of_rows(tmp_path):
    doc = _read(tmp_path, BULLETIN)
    tables = [b for b in doc.blocks if b.kind is BlockKind.table]
    assert len(tables) == 1 and tables[0].header == []
    assert [r.cells for r in tables[0].rows] == [
        ["3-4 June 2015", "Tartu", "Meeting of the youth working group"],
        ["17-18 Sept. 2015", "Narva", "Seminar on school meals"],
        ["Nov. 2015", "Pskov", "Conference on rural health care"],
        ["early 2016", "", "Board meeting"],
    ]
    assert [b.text for b in doc.blocks if b.kind is not BlockKind.table] == [
        "Calendar", "Contact the Secretariat for the full programme."]


@pytest.mark.parametrize("text", [
    # two dated lines only
    "3 May 2015      Riga      Board meeting\n9 June 2015     Oslo      Seminar\n",
    # the first column is no date, and no line is a header of short labels
    "Riga           Board meeting of 2015\nOslo           Seminar, 2016\nTallinn        Conference, 2017\n",
])
def test_short_or_undated_columns_are_no_calendar(tmp_path, text):
    assert not any(b.kind is BlockKind.table for b in _read(tmp_path, text).blocks)


def test_a_calendar_without_a_header_gives_one_entry_a_row_with_its_date_and_place(tmp_path):
    from pipeline.runner import process_file

    path = tmp_path / "bulletin.txt"
    path.write_text(BULLETIN, encoding="utf-8")
    records = {r.text: r for r in process_file(str(path), catalogue={"file": path.name, "genre": "report"}).records}
    r = records["Seminar on school meals"]
    assert (str(r.date.start), str(r.date.end), r.location) == ("2015-09-17", "2015-09-18", "Narva")
    r = records["Board meeting"]
    assert (str(r.date.start), str(r.date.end), r.location) == ("2016-01-01", "2016-04-30", None)


@pytest.mark.parametrize("genre, kind", [("news", "activity"), ("report", "event")])
def test_a_newsletters_calendar_lists_what_is_to_come_a_reports_what_was_held(tmp_path, genre, kind):
    from pipeline.runner import process_file

    path = tmp_path / "bulletin.txt"
    path.write_text(BULLETIN, encoding="utf-8")
    records = process_file(str(path), catalogue={"file": path.name, "genre": genre}).records
    assert sorted((r.text, r.kind.value) for r in records) == sorted(
        (t, kind) for t in ("Meeting of the youth working group", "Seminar on school meals",
                            "Conference on rural health care", "Board meeting"))


def test_a_timeline_under_a_heading_looking_ahead_is_planned_work(tmp_path):
    from pipeline.runner import process_file

    path = tmp_path / "deck.txt"
    path.write_text(TIMELINE, encoding="utf-8")
    records = process_file(str(path), catalogue={"file": path.name, "genre": "slides"}).records
    assert {(r.text, r.kind.value, str(r.date.start)) for r in records} == {
        ("First meeting of the steering group", "activity", "2015-06-01"),
        ("Training, Gdynia", "activity", "2015-10-01"),
        ("National conference", "activity", "2016-02-01"),
    }
