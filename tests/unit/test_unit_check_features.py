"""Every feature check computes for one commitment and one passage, by name (checking/evidence.py
features): a passage set up to raise each veto cue, with each rule on and switched off
(PLANSCOPE_CHECK_RULES_OFF), and the words veto_note gives for each cue (checking/run.py).
Expected values by hand from the rules."""
from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from checking import evidence
from checking import run as check_run
from checking.evidence import Commitment, Unit, features

pytestmark = pytest.mark.unit


def _pair(start=date(2012, 3, 1)):
    c = Commitment(record_id="r1", ref="1", text="Organise a seminar for police in Riga", plan_doc="plan.txt", start=None,
                   end=None, themes=[], objects={"seminar"}, verbs={"organise"}, named={"place:riga"})
    u = Unit(text="The minister spoke at the seminar and considers that a guide is to be published.", doc="report.txt",
             kind="sentence", page=None, paragraph_no=1, block_no=1, start=start, end=start,
             lemmas=Counter({"seminar": 1, "organise": 1}), named={"place:oslo"}, report_start=date(2010, 1, 1),
             report_end=date(2010, 12, 31), section="Next steps", future=True, opening=True, finite=False)
    return c, u


ALL_ON = {"lexical": 0.0, "coverage": 0.0, "object": 1.0, "object_detail": 0.0, "title": 0.0, "named": 0.0,
          "date_fit": 0.5, "done": 0.0, "not_done": 0.0, "in_progress": 0.0, "outranked": 0.0, "action": 1.0,
          "planned_again": 1.0, "other_actor": 0.0, "own_activity": 0.0, "attended_only": 1.0, "object_undone": 0.0,
          "other_place": 1.0, "position": 1.0, "other_edition": 0.0, "will": 1.0, "planned_later": 1.0,
          "title_line": 1.0, "before_plan": 0.0, "ahead": 1.0, "part_done": 0.0,
          "unsigned": 0.0,  # nothing to sign or conclude
          "block": 0.0}  # a sentence


def test_every_feature_by_name():
    c, u = _pair()
    assert features(c, u, {}, {}) == ALL_ON


def test_each_rule_switched_off(monkeypatch):
    monkeypatch.setattr(evidence, "RULES_OFF", frozenset({"spoke", "city", "position", "edition", "will", "later", "title"}))
    c, u = _pair()
    off = {**ALL_ON, "attended_only": 0.0, "other_place": 0.0, "position": 0.0, "will": 0.0, "planned_later": 0.0,
           "title_line": 0.0}
    assert features(c, u, {}, {}) == off


def test_planned_later_only_for_a_later_year_and_nothing_of_the_commitments_own():
    c, u = _pair(start=date(2010, 11, 1))  # the report's own year
    assert features(c, u, {}, {})["planned_later"] == 0.0
    c.objects, c.verbs = set(), set()
    got = features(c, u, {}, {})
    assert (got["object"], got["action"]) == (0.0, 0.5)


def _unit(text, section=None):
    return Unit(text=text, doc="report.txt", kind="sentence", page=None, paragraph_no=1, block_no=1, start=None, end=None,
                section=section)


@pytest.mark.parametrize("text, feats, section, note", [
    ("The minister spoke at the seminar.", {"attended_only": 1.0}, None,
     "tells of speaking at an event, not organising one ('spoke at')"),
    ("The minister spoke at the seminar.", {}, None, ""),
    ("A guide for police.", {"planned_later": 1.0}, None, "says it is planned for after the report's period"),
    ("The Chair will prepare a guide.", {"will": 1.0}, None, "says what will be done ('will prepare'), not what was done"),
    ("The Chair will prepare a guide.", {}, None, ""),
    ("The seventh regional report was published.", {"other_edition": 1.0}, None, "tells of another edition (7. regional)"),
    ("REPORT OF THE PRESIDENCY", {"title_line": 1.0}, None, "is the report's title, not a statement"),
    ("A guide for police.", {"before_plan": 1.0}, None, "is dated before its plan began"),
    ("A guide for police.", {}, "Next steps", "stands under 'Next steps', what is still to come"),
    ("A guide for police.", {}, "Results", ""),
])
def test_the_words_of_each_veto(text, feats, section, note):
    assert check_run.veto_note(_unit(text, section), feats) == note
