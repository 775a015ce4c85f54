"""A slide's meeting name with its place and date on the next line, a nominal entry dated at its
end, a programme's items, and what heads a slide (extractors/prose/narrative.py _meeting_title,
_add_place_and_date, _ends_with_date, _unit, _slide_heading). Expected values by hand."""
from __future__ import annotations

import pytest

from extractors.prose.narrative import (Unit, _add_place_and_date, _ends_with_date, _line, _meeting_title,
                                        _slide_heading, _unit)

pytestmark = pytest.mark.unit


def _title(text="Nordic-Baltic Police Seminar", shape="title", slide=2, entry=None):
    return Unit(text=text, block=0, char_start=0, char_end=len(text), shape=shape, slide=slide, entry_date_raw=entry)


def _next(start=29, slide=2, text="Palanga, 22-23 May 2008"):
    line = _line(text, 1, start, "paragraph")
    line.slide = slide
    return line


def test_a_meeting_title_right_before_its_place_and_date():
    assert _meeting_title(_title(), _next())  # one character between them: the line break
    assert _meeting_title(_title(), _next(start=30))
    assert not _meeting_title(_title(), _next(start=31))  # three apart
    assert not _meeting_title(_title(), _next(start=27))  # the line starts inside the title
    assert not _meeting_title(_title(), _next(slide=3))
    assert not _meeting_title(_title(entry="May 2008"), _next())
    assert not _meeting_title(_title(shape="sentence"), _next())
    assert _meeting_title(_title(shape="item"), _next())
    assert not _meeting_title(_title("Nordic-Baltic Police Cooperation"), _next())
    assert not _meeting_title(None, _next())


def test_the_place_and_date_join_the_meeting():
    u = _title(shape="item")
    _add_place_and_date(u, _next())
    assert (u.text, u.char_end, u.entry_date_raw, u.entry_place_raw, u.shape, u.notes) == (
        "Nordic-Baltic Police Seminar Palanga, 22-23 May 2008", 52, "Palanga, 22-23 May 2008", "Palanga", "title",
        ["a meeting's name with its place and date on the next line"])


@pytest.mark.parametrize("text, dated", [
    ("Summer meeting of the Nordic prime ministers, Þingvellir, 9 June", True),
    ("Summer meeting of the prime ministers, 9 June.", True),
    ("Summer meeting on 9 June in Þingvellir", False),  # words after the date
    ("Summer meeting 9 June", False),  # no comma before it
    ("Summer meeting of the prime ministers", False),
])
def test_a_nominal_entry_dated_at_its_end(text, dated):
    assert _ends_with_date(text) is dated


def _ctx(heading, programme=True):
    return {"heading": heading, "date": None, "place": None, "planned": False, "programme": programme}


def test_a_programmes_dated_items_are_planned_unless_under_a_past_heading():
    line = _line("Summer meeting of ministers, Oslo, 9 June", 0, 0, "item")
    n = len(line.text)
    assert _unit(line, 0, n, "item", _ctx("Programme of the Presidency")).planned is True
    assert _unit(line, 0, n, "entry", _ctx("Programme of the Presidency")).planned is True
    assert _unit(line, 0, n, "item", _ctx("Meetings held")).planned is False
    assert _unit(line, 0, n, "item", _ctx("Programme of the Presidency", programme=False)).planned is False
    no_key = {"heading": "Programme", "date": None, "place": None, "planned": False}
    assert _unit(line, 0, n, "item", no_key).planned is False
    undated = _line("Summer meeting of ministers in Oslo", 0, 0, "item")
    assert _unit(undated, 0, len(undated.text), "item", _ctx("Programme")).planned is False
    assert _unit(undated, 0, len(undated.text), "sentence", _ctx("Programme")).planned is False
    assert _unit(_line(" ;a1 ", 0, 0, "item"), 0, 5, "item", _ctx("Programme")) is None  # too short once trimmed


@pytest.mark.parametrize("text, heads", [
    ("Planned activities", True), ("Our priorities", True), ("Results:", True), ("Children at Risk", True),
    ("Main results of the year", True), ("the group met twice a year", False), ("Meetings in 2009", False),
])
def test_what_heads_a_slide(text, heads):
    assert _slide_heading(text) is heads
