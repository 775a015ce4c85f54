"""Small pieces of the PDF reader (pipeline/readers/pdf_reader.py) on hand-made lines and tables:
a font's family, where a table stands in reading order, a table carried on to the next page, and
"i." read as a letter or a roman numeral. Expected values by hand."""
from __future__ import annotations

import pytest

from pipeline.readers.page_layout import Line, PageTable
from pipeline.readers.pdf_reader import _font_family, _is_continuation, _ListLevels, _table_order
from schemas.document import Block, BlockKind, Provenance

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("name, family", [("ABCDEF+Helvetica-Bold", "helvetica"), ("Arial,Bold", "arial"),
                                          ("TimesNewRomanPSMT", "timesnewromanpsmt"), ("XYZ+Courier", "courier")])
def test_font_family(name, family):
    assert _font_family(name) == family


def _line(top, x0, order):
    return Line(page=1, text="x", x0=x0, top=top, bottom=top + 10, size=10, bold=False, italic=False, order=order)


def test_a_table_stands_before_the_first_line_below_its_top():
    bbox = (100, 200, 400, 300)
    lines = [_line(150, 100, 0), _line(199.5, 98, 1), _line(250, 400, 2), _line(320, 100, 3)]
    assert _table_order(bbox, lines) == 0.5  # before line 1: half a place
    assert _table_order(bbox, [_line(150, 100, 0), _line(199.4, 100, 1), _line(320, 97.9, 2)]) == 3.0  # none below
    assert _table_order(bbox, []) == 0.0


def _table(page, top, bottom, rows, content_bottom=0.0):
    return PageTable(page=page, top=top, bottom=bottom, rows=rows, content_bottom=content_bottom)


def test_a_table_carries_on_at_the_top_of_the_next_page():
    header = ["Activity", "Time"]
    prev = _table(1, 400, 700, [header, ["a", "2010"]], content_bottom=720)  # it ends within 30 pt of the text's end
    assert _is_continuation(prev, _table(2, 300, 500, [["Activity:", "time"], ["b", "2011"]]), header)  # the header again
    assert _is_continuation(prev, _table(2, 100, 500, [["b", "2011"]]), header)  # at the page's top
    assert not _is_continuation(prev, _table(2, 120, 500, [["b", "2011"]]), header)
    assert not _is_continuation(prev, _table(3, 100, 500, [["b", "2011"]]), header)  # not the next page
    assert not _is_continuation(prev, _table(2, 100, 500, [["b", "2011", "x"]]), header)  # another width
    early = _table(1, 400, 690, [header], content_bottom=720)  # 30 pt of text below it
    assert not _is_continuation(early, _table(2, 100, 500, [["b", "2011"]]), header)


def _item(label):
    return Block(kind=BlockKind.list_item, label=label, text="x", prov=Provenance(file="a.pdf"))


def test_i_is_a_letter_after_h_and_a_roman_one_otherwise():
    levels = _ListLevels()
    first = _item("i.")
    assert levels._letter_or_roman(first, 0) == "lower_roman" and first.number == 1
    levels.last_kind[0], levels.last_number[0] = "letter", 8  # after "h."
    assert levels._letter_or_roman(_item("i."), 0) == "letter"
    levels.last_kind[0], levels.last_number[0] = "lower_roman", 4  # after "iv."
    v = _item("v.")
    assert levels._letter_or_roman(v, 0) == "lower_roman" and v.number == 5
    levels.last_kind[0], levels.last_number[0] = "letter", 1  # after "b."
    assert levels._letter_or_roman(_item("(c)"), 0) == "letter"
    assert levels._letter_or_roman(_item("x)"), 1) == "letter"  # nothing before at its level: a letter
