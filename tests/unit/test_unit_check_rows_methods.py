"""The sixth session's rules of `planscope check` on sentences and tables written for the test: a table's row is
read whole (its subject with its status), a plan's sentence about its own working is no commitment, and "no
vessel could be spared" says nothing of the kind was done. Expectations by hand."""
from __future__ import annotations

from datetime import date

import pytest

from checking import evidence
from checking import run as check_run
from checking.evidence import Commitment, commitment_kind, content_lemmas, not_done_cue
from schemas.records import Period

pytestmark = pytest.mark.unit

PERIOD = Period(start=date(2021, 1, 1), end=date(2021, 12, 31), raw="2021")


def _cells(rows):
    """passages rows as load_units reads them: (text, doc, page, paragraph_no, block_no, kind, table_no, row_no)"""
    return [(text, "minutes.txt", None, 7, 7, "table_cell", 0, r) for r, cells in enumerate(rows) for text in cells]


def test_a_table_row_is_one_unit_with_its_status():
    rows = [["AP", "Subject", "Status"],
            ["3/2020", "Joint exercise with the tug operators", "Cancelled (storm warning)"],
            ["4/2020", "Radio equipment", "Done"],  # three words and a number: too short to tell anything
            ["5/2020", "Training of ten new pilots in Gothenburg", "Done in May; see item 4"]]
    units = check_run.table_row_units(_cells(rows), PERIOD)
    assert [u.text for u in units] == ["3/2020 Joint exercise with the tug operators Cancelled (storm warning)",
                                       "5/2020 Training of ten new pilots in Gothenburg Done in May; see item 4"]
    assert [u.kind for u in units] == ["sentence", "sentence"]
    # the row's number is not its date; its cells' words are
    assert units[0].start is None and units[1].start == date(2021, 5, 1)
    assert not_done_cue(units[0].text) is not None


def test_only_short_cells_are_left_to_their_row():
    assert check_run.short_cell("Joint exercise with the tug operators")
    assert not check_run.short_cell("The exercise was cancelled because of a storm warning. It will be held in May.")
    assert not check_run.short_cell(" ".join(["word"] * 30))


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


def _kind(text, why, nlp):
    c = Commitment(record_id="r", ref=None, text=text, plan_doc="p", start=None, end=None, themes=[], why=why)
    c.lemmas = content_lemmas(nlp(text))
    return commitment_kind(c, nlp(text))


FUTURE = "activity by rule 'future'; says what will be done ('will')"


@pytest.mark.parametrize("text, why, kind", [
    ("All activities are to be completed by 30 June 2022 unless the Board decides otherwise.", FUTURE, "method"),
    ("The host towns will bear the costs of the meetings they organise.", FUTURE, "method"),
    ("Where a deadline is given, the other activities are to be finished by the end of the year.", FUTURE, "method"),
    ("The Board will organise a seminar on the costs of pilotage.", FUTURE, "commitment"),  # costs as a topic
    ("All activities are to be completed by June.", None, "commitment"),  # a plan table's row is a commitment
])
def test_a_sentence_about_the_plans_own_working_is_no_commitment(nlp, text, why, kind):
    assert _kind(text, why, nlp) == kind


def test_the_method_rule_switched_off(nlp, monkeypatch):
    monkeypatch.setattr(evidence, "RULES_OFF", frozenset({"method"}))
    assert _kind("The host towns will bear the costs of the meetings they organise.", FUTURE, nlp) == "commitment"


@pytest.mark.parametrize("text, cue", [
    ("No pilot boat could be spared for this year's exercise.", "No pilot boat could be spared"),
    ("No vessel can be spared in the winter season.", "No vessel can be spared"),
    ("A vessel could be spared for the exercise in May.", None),
])
def test_nothing_could_be_spared(text, cue):
    got = not_done_cue(text)
    assert (got.group(0) if got else None) == cue
