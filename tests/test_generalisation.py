"""Documents that are not the seeds (tests/fixtures/variants, made by make_variants.py): other
column names and order, another legend style, dotted dates, 1.1 numbering, lettered Word lists.
Expected values are read off the documents by hand."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.runner import process_file

VARIANTS = Path(__file__).resolve().parent / "fixtures" / "variants"


def records(name):
    state = process_file(VARIANTS / name)
    return state, {r.ref: r for r in state.records}


def themes(r):
    return {t.theme for t in r.themes}


@pytest.mark.parametrize("ext", ["docx", "pdf"])
def test_plan_with_other_columns_and_legend(ext):
    state, recs = records(f"plan_other_columns.{ext}")
    assert state.structure.kind == "table_plan"
    assert (state.structure.period.start, state.structure.period.end) == (date(2010, 1, 1), date(2010, 12, 31))
    assert list(recs) == ["row 1", "row 2", "row 3", "row 4"]
    r1, r2, r3, r4 = recs.values()
    assert r1.text == "Regional seminar on the Barnahus model and child-friendly interviews"
    assert (r1.date.start, r1.date.end) == (date(2010, 3, 1), date(2010, 5, 31))
    assert (r2.date.start, r2.date.end) == (date(2010, 9, 1), date(2010, 12, 31))
    assert (r3.date.start, r3.date.end) == (date(2010, 10, 12), date(2010, 10, 13))  # year from the plan's period
    assert r4.date.start is None  # "TBD"
    assert r1.export_actors() == ["Children's Unit", "Council of Europe", "Iceland"]
    assert {a.role.value for a in r1.actors if a.name == "Council of Europe"} == {"partner"}
    assert "Chair" in r2.export_actors() and "IOM" in r2.export_actors()
    assert r4.funding == "Nordic Council of Ministers" and "Nordic Council of Ministers" not in r4.export_actors()
    assert r1.priority_codes == ["1"] and "sexual_exploitation" in themes(r1) and "child_friendly_justice" in themes(r1)
    assert {"trafficking", "migration"} <= themes(r2)
    assert themes(r4) == {"alternative_care"}
    assert r3.location == "Vilnius"


@pytest.mark.parametrize("ext", ["docx", "pdf"])
def test_report_with_dotted_dates_and_dashes(ext):
    state, recs = records(f"report_dotted_dates.{ext}")
    assert state.structure.kind == "report"
    events = state.records
    assert [(e.date.start, e.date.end) for e in events] == [
        (date(2008, 9, 3), date(2008, 9, 3)), (date(2008, 11, 20), date(2008, 11, 20)),
        (date(2009, 2, 5), date(2009, 2, 6)), (date(2009, 3, 12), date(2009, 3, 13)), (date(2009, 5, 28), date(2009, 5, 28))]
    assert [e.location for e in events] == ["Oslo", "St Petersburg", "Minsk", "Tallinn", "Copenhagen"]
    assert events[0].text == "Meeting of the WGCC with the NDPHS on the priorities for 2009."
    assert events[1].export_actors() == ["Children's Unit"]
    assert "Sweden" in events[2].export_actors()  # funded by Sweden
    assert "trafficking" in themes(events[3]) and "street_children" in themes(events[4])
    assert "alternative_care" in themes(events[1])


@pytest.mark.parametrize("ext", ["docx", "pdf", "txt"])
def test_plan_with_outline_numbers(ext):
    state, recs = records(f"plan_outline_numbers.{ext}")
    assert list(recs) == ["1.1", "1.2", "2.1", "2.2"]  # "1." and "2." head sections, they are not activities
    assert "sexual_exploitation" in themes(recs["1.1"]) and "online_exploitation" in themes(recs["1.1"])
    assert "alternative_care" in themes(recs["2.1"]) and "sexual_exploitation" not in themes(recs["2.1"])
    assert (recs["1.2"].date.start, recs["1.2"].date.end) == (date(2011, 1, 1), date(2011, 12, 31))
    assert (recs["2.2"].date.start, recs["2.2"].date.end) == (date(2012, 9, 1), date(2012, 12, 31))
    assert recs["1.1"].date.source == "document_period"
    assert recs["2.2"].export_actors() == ["National Coordinators"]


@pytest.mark.parametrize("ext", ["docx", "pdf"])
def test_word_list_numbered_with_letters(ext):
    state, recs = records(f"plan_letter_list.{ext}")
    assert list(recs) == ["a", "b", "c"]
    assert recs["b"].location == "Riga" and (recs["b"].date.start, recs["b"].date.end) == (date(2006, 9, 1), date(2006, 11, 30))
    assert recs["a"].export_actors() == ["Children's Unit"] and recs["b"].export_actors() == ["WGCC"]
    assert all("street_children" in themes(r) for r in recs.values())  # from the document's title
