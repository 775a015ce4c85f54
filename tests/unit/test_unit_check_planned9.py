"""Work done and the rest planned (helper check9, issue 22): a sentence that tells of work done and, in a clause
of its own, of what is still to come is work begun, evidence at most partly, not a plan told again:
"... were discussed in May and will be published in the autumn", "The handbook has been revised; it will be
printed in March", "Courses took place in two countries; courses in the others are planned for next year".
Texts written for these tests; every expected value by hand."""
from __future__ import annotations

import pytest

from checking import evidence as E
from checking.evidence import Commitment, Unit

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


def commitment(text, **kw) -> Commitment:
    return Commitment(record_id="r1", ref="1", text=text, plan_doc="plan.txt", start=None, end=None, themes=[], **kw)


def unit(text, **kw) -> Unit:
    return Unit(text=text, doc="report.txt", kind="sentence", page=None, paragraph_no=1, block_no=1, start=None, end=None, **kw)


def test_and_will_opens_a_clause_of_its_own(nlp, monkeypatch):
    text = "The draft guidelines were discussed by the Board in May and will be published in the autumn."
    assert E.mixed_done(nlp(text)) == "and will be published in the autumn."
    monkeypatch.setattr(E, "RULES_OFF", frozenset({"planned_part"}))
    assert E.mixed_done(nlp(text)) == ""  # one clause: planned, nothing done beside it


def test_work_done_in_the_perfect_beside_a_plan(nlp, monkeypatch):
    text = "The handbook has been revised by the working group; it will be printed in March."
    assert E.mixed_done(nlp(text)) == " it will be printed in March."
    monkeypatch.setattr(E, "RULES_OFF", frozenset({"planned_part"}))
    assert E.mixed_done(nlp(text)) == ""  # "has been revised" was no done verb


def test_a_plan_alone_is_no_work_begun(nlp):
    assert E.mixed_done(nlp("The handbook will be printed in March.")) == ""
    assert E.mixed_done(nlp("The conference will be held in Riga and is expected to attract 200 guests.")) == ""


def test_the_rest_planned_is_work_begun_even_of_the_same_thing(monkeypatch):
    text = "Courses for trainers took place in two countries; courses in the other countries are planned for next year."
    u = unit(text, mixed=" courses in the other countries are planned for next year.", surface={"train": {"courses", "Courses"}})
    c = commitment("Train trainers in first aid in five countries", verbs={"train"}, objects={"train"})
    assert E.part_done(c, u) is True
    monkeypatch.setattr(E, "RULES_OFF", frozenset({"planned_part"}))
    assert E.part_done(c, u) is False  # the commitment's own object in the planned clause


def test_what_is_said_not_done_of_the_same_thing_stays_undone():
    u = unit("The report was discussed, but the seminar was not held.", mixed=" but the seminar was not held.",
             surface={"meeting": {"seminar"}})
    c = commitment("Hold a seminar", objects={"meeting"})
    assert E.part_done(c, u) is False


BASE = {k: 0.0 for k in (*E.FEATURES, "own_activity", "attended_only")}


def test_a_future_main_verb_after_work_done_is_no_veto(monkeypatch):
    assert E.vetoed({**BASE, "will": 1.0, "part_done": 1.0}) is False
    assert E.vetoed({**BASE, "will": 1.0}) is True
    monkeypatch.setattr(E, "RULES_OFF", frozenset({"planned_part"}))
    assert E.vetoed({**BASE, "will": 1.0, "part_done": 1.0}) is True
