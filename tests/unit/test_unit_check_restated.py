"""A plan's calendar row that restates one of its own sentences ("The Chair will host the General Assembly
in Riga in May" and "12-13 May | General Assembly | Riga") is one commitment told twice: the row is kind
"restated", not checked on its own, and competes with nobody for the report's passages. Sentences and
expectations written by hand."""
from __future__ import annotations

from collections import Counter

import pytest

from checking import evidence
from checking import run as check_run
from checking.evidence import Commitment, Unit, mark_closest, mark_restated

pytestmark = pytest.mark.unit

ROW = "activity by rule 'planned entry'; an entry dated '12-13 May 2022' under 'Calendar'"


def _c(text, lemmas, why=None, plan="plan.txt"):
    return Commitment(record_id=text[:12], ref=None, text=text, plan_doc=plan, start=None, end=None, themes=[],
                      lemmas=Counter(lemmas), why=why)


def _plan():
    host = _c("The Chair will host the General Assembly in Riga in May.", ["host", "general", "assembly", "riga", "may"])
    report = _c("The Chair will report to the General Assembly on the accounts.", ["report", "general", "assembly", "account"])
    study = _c("The Chair will commission a study on ferry safety.", ["commission", "study", "ferry", "safety"])
    row = _c("General Assembly", ["general", "assembly"], why=ROW)
    seminar_row = _c("Seminar on harbour pilots", ["seminar", "harbour", "pilot"], why=ROW)  # told nowhere else
    return host, report, study, row, seminar_row


def test_a_calendar_row_told_in_full_by_a_sentence_of_its_plan_is_restated():
    host, report, study, row, seminar_row = _plan()
    mark_restated([host, report, study, row, seminar_row])
    # both sentences hold the row's words; the one with fewer words of its own tells it
    assert (row.kind, row.restates) == ("restated", host.text)
    assert seminar_row.kind == "commitment"
    assert [c.kind for c in (host, report, study)] == ["commitment"] * 3
    assert "restates 'The Chair will host the General Assembly" in check_run._not_a_commitment(row).reason


def test_only_a_row_of_the_same_plan_and_only_a_calendar_row():
    host, _, _, row, _ = _plan()
    row.plan_doc = "another_plan.txt"
    mark_restated([host, row])
    assert row.kind == "commitment"
    sentence = _c("General Assembly", ["general", "assembly"], why="activity by rule 'future'")  # not a row
    mark_restated([host, sentence])
    assert sentence.kind == "commitment"


def test_a_restated_row_outranks_nobody(monkeypatch):
    host, _, _, row, _ = _plan()
    unit = Unit(text="The General Assembly met in Riga on 12 May.", doc="r.txt", kind="sentence", page=None,
                paragraph_no=1, block_no=1, start=None, end=None, lemmas=Counter(["general", "assembly", "riga", "meet"]))
    idf = {}
    mark_restated([host, row])
    mark_closest([host, row], [unit], idf)
    assert unit.closest == pytest.approx(evidence.cosine(host.lemmas, unit.lemmas, idf))
    monkeypatch.setattr(evidence, "RULES_OFF", frozenset({"restated"}))
    host, _, _, row, _ = _plan()
    mark_restated([host, row])
    mark_closest([host, row], [unit], idf)
    assert row.kind == "commitment" and unit.closest == pytest.approx(evidence.cosine(row.lemmas, unit.lemmas, idf))
