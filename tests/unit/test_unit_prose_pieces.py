"""Pieces of the prose segmenter a mutation run (issue 29, sample 7 of 2026-12-07) showed no test
holding: a nominal entry dated at its end, a place line, a label with run-together topics, and a
list item dated after the document's period. Expected values by hand."""
from __future__ import annotations

import pytest

from extractors.prose.narrative import _ends_with_date, _place_line, _run_together, _topic_list, narrative_units
from extractors.structure import analyse
from pipeline.readers import read_document

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, dated", [
    ("Summer meeting of the prime ministers, Thingvellir, 9 June.", True),  # a full stop after the date
    ("Summer meeting of the prime ministers, Thingvellir, 9 June", True),
    ("Summer meeting of the prime ministers (Thingvellir, 9 June)", True),
    ("Summer meeting of the prime ministers, 9 June in Thingvellir", False),  # the date is not last
    ("Summer meeting of the prime ministers on 9 June", False),  # no comma before the date
])
def test_a_nominal_entry_dated_at_its_end(text, dated):
    assert _ends_with_date(text) is dated


@pytest.mark.parametrize("text, place", [
    ("Riga, Latvia", True),
    ("Palanga.", True),
    ("Riga, Latvia, in the conference hall of the Council of the Baltic Sea States", False),  # past 60 characters
    ("The group met", False),
])
def test_a_place_line(text, place):
    assert _place_line(text) is place


def test_items_run_together_by_semicolons_and_a_topic_label():
    assert _run_together("Support for care leavers; Foster care; Guardianship") == [(0, 25), (26, 38), (39, 51)]
    assert _run_together("Support for care leavers; and more") == [(0, 34)]  # lower case after it: one clause
    assert _topic_list("Priorities: Foster care; Guardianship") == ("Priorities", [(12, 24), (25, 37)])
    assert _topic_list("Priorities: Foster care") is None  # one topic is no list


def test_a_list_item_dated_after_the_reports_period_is_planned(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Annual report of the Working Group 2008-2009\n\nThe members agreed on the following:\n\n"
                    "1. a seminar on foster care in Riga, May 2009\n2. a seminar on foster care in Vilnius, May 2010\n",
                    encoding="utf-8")
    doc = read_document(path)
    got = [(u.shape, u.text, u.planned) for u in narrative_units(doc, analyse(doc)) if u.shape == "item"]
    assert got == [("item", "a seminar on foster care in Riga, May 2009", False),
                   ("item", "a seminar on foster care in Vilnius, May 2010", True)]
