"""A prose document written block by block (headings, paragraphs, list items as a .docx reader
gives them) cut into units by extractors/prose/narrative.py narrative_units: a calendar written
as lines, a place and date under the title, a list of participants, a dated heading, a lead-in
heading and the items under it. Expected units written by hand."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from extractors.prose.narrative import narrative_units
from schemas.document import Block, BlockKind, Document, Provenance, assign_char_spans
from schemas.records import Period

pytestmark = pytest.mark.unit


def doc_of(*blocks):
    out = []
    for kind, text, *label in blocks:
        out.append(Block(kind=BlockKind(kind), text=text, label=label[0] if label else None, numbered=bool(label),
                         prov=Provenance(file="d.docx")))
    doc = Document(path="d.docx", name="d.docx", format="docx", sha256="0" * 64, blocks=out)
    assign_char_spans(doc)
    return doc


REPORT = SimpleNamespace(kind="report", period=None)
CAL_NOTE = "a calendar entry: its place and date on the lines after it"


def _span(u):
    return (u.heading_date.start, u.heading_date.end) if u.heading_date else None


def fields(u):
    return (u.shape, u.text, u.heading, _span(u), u.heading_place, u.lead_in, u.in_priorities, u.planned, u.label,
            u.entry_date_raw, u.entry_place_raw, u.notes)


def test_a_report_written_block_by_block():
    doc = doc_of(
        ("heading", "Annual report 2010"),
        ("paragraph", "Riga, July 2000"),  # when it was written, under the title: no section's date
        ("heading", "Meetings"),
        ("paragraph", "Expert meeting on guardianship"), ("paragraph", "Vilnius, Lithuania"), ("paragraph", "9-10 June 2010"),
        ("paragraph", "Webinar on foster care"), ("paragraph", "Online"), ("paragraph", "3 May 2011"),
        ("heading", "List of participants"),
        ("paragraph", "Norway: Ingrid Berg, Ministry of Justice"),
        ("heading", "Our priorities"),
        ("heading", "May 2009"),
        ("list_item", "Train the police", "1."),
        ("heading", "The Presidency has chosen four main areas:"),
        ("list_item", "Child protection", "2."),
        ("paragraph", "The group met in Riga."),
    )
    may = (date(2009, 5, 1), date(2009, 5, 31))
    lead = "The Presidency has chosen four main areas:"
    assert [fields(u) for u in narrative_units(doc, REPORT)] == [
        ("entry", "Expert meeting on guardianship", "Meetings", None, None, None, False, False, None, "9-10 June 2010",
         "Vilnius", [CAL_NOTE]),
        ("entry", "Webinar on foster care", "Meetings", None, None, None, False, False, None, "3 May 2011", None, [CAL_NOTE]),
        ("item", "Train the police", "May 2009", may, None, None, False, False, "1.", None, None, []),
        ("item", "Child protection", "May 2009", may, None, lead, True, False, "2.", None, None, []),
        ("sentence", "The group met in Riga.", "May 2009", may, None, None, False, False, None, None, None, []),
    ]


def test_a_dated_heading_with_its_place_and_an_entry_after_the_period():
    doc = doc_of(
        ("heading", "Planned activities"),
        ("heading", "Vilnius, September 2009"),
        ("paragraph", "The seminar will be held in Vilnius."),
        ("list_item", "Reykjavik, 26-27 January 2011 - Ministers meet in Reykjavik", "•"),
        ("list_item", "Oslo, 3 March 2010 - Experts meet in Oslo", "•"),
    )
    structure = SimpleNamespace(kind="report", period=Period(start=date(2010, 1, 1), end=date(2010, 12, 31), raw="2010"))
    got = [fields(u) for u in narrative_units(doc, structure)]
    sept = (date(2009, 9, 1), date(2009, 9, 30))
    assert got == [
        ("sentence", "The seminar will be held in Vilnius.", "Vilnius, September 2009", sept, "Vilnius", None, False,
         False, None, None, None, []),
        ("entry", "Ministers meet in Reykjavik", "Vilnius, September 2009", sept, "Vilnius", None, False, True, "•",
         "26-27 January 2011", "Reykjavik", []),
        ("entry", "Experts meet in Oslo", "Vilnius, September 2009", sept, "Vilnius", None, False, False, "•",
         "3 March 2010", "Oslo", [])]
