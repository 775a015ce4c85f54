"""A calendar written as a Word table (extractors/prose/narrative.py _calendar_table_units): one
entry a row, with the row's date and place, under the heading above the table. The document is
written block by block; spans and fields computed by hand."""
from __future__ import annotations

import pytest

from extractors.prose.narrative import _calendar_table_units, _line
from schemas.document import Block, BlockKind, Document, Provenance, TableRow

pytestmark = pytest.mark.unit


def table(header, rows, char_start=None):
    return Block(kind=BlockKind.table, header=header, rows=[TableRow(cells=r, index=k) for k, r in enumerate(rows)],
                 prov=Provenance(file="c.docx", char_start=char_start))


def para(text):
    return Block(kind=BlockKind.paragraph, text=text, prov=Provenance(file="c.docx"))


CALENDAR = table(["Date", "Venue:", "Meeting*"], [
    ["7-8 October 2010", "Oslo, Norway", "Expert Group meeting"],
    ["tbc", "Riga", "Seminar"],  # no date: no entry
    ["12 May 2011", "", "  Working   group  "],
    ["3 June 2011"],  # no meeting named
], char_start=50)


def test_one_entry_a_row_of_a_calendar_table():
    doc = Document(path="c.docx", name="c.docx", format="docx", sha256="0" * 64, blocks=[
        para("Planned meetings"), CALENDAR, table(["Date", "Meeting"], []), table(["Item", "Budget"], [["a", "b"]]),
        para("Other"), table(["When", "What"], [["March 2012", "Final conference"]]), CALENDAR])
    lines = [_line("Planned meetings", 0, 0, "heading"), _line("Some text", 0, 17, "paragraph"),
             _line("Other", 4, 300, "heading")]
    ctx = {"heading": "x", "date": "a date", "place": "a place", "lead_in": "l", "priorities": True, "planned": False,
           "period": None, "programme": False, "first_line": None}
    units = _calendar_table_units(doc, {6}, lines, ctx)
    got = [(u.text, u.block, u.char_start, u.char_end, u.shape, u.entry_date_raw, u.entry_place_raw, u.heading,
            u.heading_date, u.heading_place, u.lead_in, u.in_priorities, u.planned, u.notes) for u in units]
    note = ["a row of a calendar table"]
    assert got == [
        # the header "Date\tVenue:\tMeeting*" (20) and a line break after the table's start at 50: rows from 71
        ("Expert Group meeting", 1, 101, 121, "entry", "7-8 October 2010", "Oslo", "Planned meetings", None, None, None,
         False, True, note),
        # rows of 50 and 16 characters and their line breaks: from 139; after "12 May 2011", an empty cell and the
        # two spaces the cell starts with
        ("Working   group", 1, 154, 169, "entry", "12 May 2011", None, "Planned meetings", None, None, None, False, True,
         note),
        # no place column; the table's start unknown: the header "When\tWhat" and its line break only
        ("Final conference", 5, 21, 37, "entry", "March 2012", None, "Other", None, None, None, False, False, note)]
    assert ctx["heading"] == "x" and ctx["date"] == "a date"  # the document's context is left as it was


def test_a_table_without_a_date_or_a_title_column_is_no_calendar():
    doc = Document(path="c.docx", name="c.docx", format="docx", sha256="0" * 64, blocks=[
        table(["Dates of the meetings", "Meeting"], [["7 May 2010", "Seminar"]]),
        table(["Date", "Meetings held"], [["7 May 2010", "Seminar"]]), para("x")])
    ctx = {"heading": None, "date": None, "place": None, "lead_in": None, "priorities": False, "planned": False}
    assert _calendar_table_units(doc, set(), [], ctx) == []


def test_a_title_column_may_name_two_kinds_of_entry():
    doc = Document(path="c.docx", name="c.docx", format="docx", sha256="0" * 64, blocks=[
        table(["Date", "Place", "Meeting or visit"], [["10 Feb", "Helsinki", "Round table on police cells"]]),
        table(["Date", "Events and meetings"], [["May 2011", "Board meeting"]])])
    ctx = {"heading": None, "date": None, "place": None, "lead_in": None, "priorities": False, "planned": False}
    assert [(u.text, u.entry_date_raw, u.entry_place_raw) for u in _calendar_table_units(doc, set(), [], ctx)] == [
        ("Round table on police cells", "10 Feb", "Helsinki"), ("Board meeting", "May 2011", None)]


def test_a_calendar_without_a_header_finds_its_columns_by_their_cells():
    doc = Document(path="c.txt", name="c.txt", format="txt", sha256="0" * 64, blocks=[
        table([], [["Tartu", "3-4 June 2015", "Meeting of the youth working group"],
                   ["Narva", "Sept. 2015", "Seminar on school meals"],
                   ["", "early 2016", "Board"]])])
    ctx = {"heading": None, "date": None, "place": None, "lead_in": None, "priorities": False, "planned": False}
    assert [(u.text, u.entry_date_raw, u.entry_place_raw) for u in _calendar_table_units(doc, set(), [], ctx)] == [
        ("Meeting of the youth working group", "3-4 June 2015", "Tartu"),
        ("Seminar on school meals", "Sept. 2015", "Narva"), ("Board", "early 2016", None)]
