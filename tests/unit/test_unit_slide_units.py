"""A slide transcript's lines cut into units (extractors/prose/narrative.py _slide_units), one line
at a time with the context written by the test: a title run into its items, a short slide title, a
"Priorities" or "Planned activities" piece, items numbered inside a line, a sub-topic, a lead-in.
Expected units written by hand from the rules in the function's comments."""
from __future__ import annotations

import pytest

from extractors.prose.narrative import _line, _slide_units

pytestmark = pytest.mark.unit


def ctx(**kw):
    base = {"heading": None, "date": None, "place": None, "lead_in": None, "priorities": False, "planned": False,
            "period": None, "programme": False, "first_line": None}
    return {**base, **kw}


def line(text, start=100, slide_start=False, label=None, slide=3):
    ln = _line(text, 2, start, "paragraph", label)
    ln.slide_start, ln.slide = slide_start, slide
    return ln


def fields(u):
    return (u.text, u.shape, u.heading, u.lead_in, u.in_priorities, u.planned, u.label, u.char_start, u.char_end)


def test_a_title_run_into_its_items():
    c = ctx(planned=True, lead_in="old lead-in")
    units = _slide_units(line("Priorities 1999 Children's rights Youth participation Social inclusion", slide_start=True), c)
    assert [fields(u) for u in units] == [
        ("Children's rights", "item", "Priorities 1999", None, True, False, None, 116, 133),
        ("Youth participation", "item", "Priorities 1999", None, True, False, None, 134, 153),
        ("Social inclusion", "item", "Priorities 1999", None, True, False, None, 154, 170)]
    assert [(u.block, u.slide) for u in units] == [(2, 3)] * 3
    assert (c["heading"], c["lead_in"], c["priorities"], c["planned"]) == ("Priorities 1999", None, True, False)
    c = ctx()
    units = _slide_units(line("Planned activities 2010 Summer school Expert meeting Final conference", slide_start=True), c)
    assert [(u.text, u.in_priorities, u.planned) for u in units] == [
        ("Summer school", False, True), ("Expert meeting", False, True), ("Final conference", False, True)]


def test_a_short_slide_title():
    c = ctx(planned=True)
    units = _slide_units(line("The Presidency will:", slide_start=True), c)
    assert [fields(u) for u in units] == [("The Presidency will:", "title", "The Presidency will:", None, False, False, None,
                                           100, 120)]
    assert (c["heading"], c["lead_in"], c["priorities"], c["planned"]) == (
        "The Presidency will:", "The Presidency will:", False, False)
    c = ctx()
    assert [u.shape for u in _slide_units(line("Our priorities for 2010", slide_start=True), c)] == ["title"]
    assert (c["heading"], c["lead_in"], c["priorities"], c["planned"]) == ("Our priorities for 2010", None, True, False)
    c = ctx()
    _slide_units(line("Upcoming events", slide_start=True), c)
    assert (c["priorities"], c["planned"]) == (False, True)


def test_a_priorities_or_planned_piece_heads_the_items_below():
    c = ctx(lead_in="x")
    assert _slide_units(line("Priorities"), c) == []
    assert (c["heading"], c["lead_in"], c["priorities"]) == ("Priorities", None, True)
    c = ctx(lead_in="x", priorities=True)
    assert _slide_units(line("Planned activities"), c) == []
    assert (c["heading"], c["lead_in"], c["priorities"], c["planned"]) == ("Planned activities", None, False, True)
    c = ctx()
    assert _slide_units(line("Our future plans"), c) != []  # three words, but no "planned/upcoming ..." at the start


def test_items_numbered_inside_a_line():
    c = ctx()
    units = _slide_units(line("Main aims: 1. Protect children 2. Train police", slide_start=True), c)
    assert [fields(u) for u in units] == [
        ("Protect children", "item", None, "Main aims:", True, False, "1", 114, 130),
        ("Train police", "item", None, "Main aims:", True, False, "2", 134, 146)]
    assert (c["heading"], c["priorities"]) == ("Main aims:", True)
    c = ctx(heading="Earlier")
    units = _slide_units(line("We will: 1. Protect children 2. Train police a. in Riga"), c)
    assert [(u.text, u.lead_in, u.in_priorities, u.label, u.heading) for u in units] == [
        ("Protect children", "We will:", False, "1", "Earlier"), ("Train police", "We will:", False, "2", "Earlier"),
        ("in Riga", None, False, "a", "Earlier")]
    assert c["heading"] == "Earlier"  # not the slide's first line: the heading stays


def test_the_first_line_a_sub_topic_and_a_lead_in():
    first = line("Children at Risk in the Region")
    c = ctx(first_line=first)
    assert [fields(u) for u in _slide_units(first, c)] == [
        ("Children at Risk in the Region", "title", None, None, False, False, None, 100, 130)]
    assert c["heading"] is None
    c = ctx(first_line=first)
    topic = _slide_units(line("The Rights of Children in Institutions"), c)
    assert [(u.shape, u.heading) for u in topic] == [("title", "The Rights of Children in Institutions")]  # set before it
    assert c["heading"] == "The Rights of Children in Institutions"
    c = ctx(priorities=True)
    item = _slide_units(line("The Rights of Children in Institutions", label="•"), c)
    assert [(u.shape, u.in_priorities, u.label) for u in item] == [("item", True, "•")]
    c = ctx(first_line=first)
    lead = _slide_units(line("The group decided to:"), c)
    assert [(u.shape, u.notes) for u in lead] == [("item", ["lead-in of the items below"])]
    assert c["lead_in"] == "The group decided to:"
    after = _slide_units(line("train the police in Riga", label="-"), c)
    assert [fields(u) for u in after] == [
        ("train the police in Riga", "item", None, "The group decided to:", False, False, "-", 100, 124)]
    c = ctx()
    short = _slide_units(line("protect children in care"), c)
    assert [(u.notes, u.lead_in) for u in short] == [([], None)] and c["lead_in"] is None
    c = ctx()
    long = _slide_units(line("the members of the group agreed that the following would be done in the next two years:"), c)
    assert [u.notes for u in long] == [[]] and c["lead_in"] is None  # a lead-in has at most twelve words
