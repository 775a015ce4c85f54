"""The fifth session's rules of `planscope check` (checking/evidence.py), each on sentences written for
the test in the way secretariats write, with the rule on and switched off (PLANSCOPE_CHECK_RULES_OFF).
Expected values by hand from the rules."""
from __future__ import annotations

import pytest

from checking import evidence
from checking.evidence import not_done_cue

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, cue", [
    ("No application was made to the foundation: it funds only national bodies.", "No application was made"),
    ("The budget was discussed twice, but no agreement was reached.", "but no agreement was reached"),
    ("The board chose not to send anyone to the games because of the cost.", "chose not to"),
    ("The members opted not to hold the summer school.", "opted not to"),
    ("There was no doubt that the report was published on time.", None),  # "no" heads no clause
    ("The report was published, and no changes were needed.", None),  # a remark, not the work undone
    ("The text was discussed, and no decision was taken.", "and no decision was taken"),
])
def test_nothing_of_the_kind_was_done(text, cue):
    got = not_done_cue(text)
    assert (got.group(0) if got else None) == cue


def test_nothing_done_switched_off(monkeypatch):
    monkeypatch.setattr(evidence, "RULES_OFF", frozenset({"none_done"}))
    assert not_done_cue("No application was made to the foundation.") is None
    assert not_done_cue("The board chose not to travel.") is None
