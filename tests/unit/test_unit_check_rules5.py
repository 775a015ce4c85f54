"""The fifth session's rules of `planscope check` (checking/evidence.py), each on sentences written for
the test in the way secretariats write, with the rule on and switched off (PLANSCOPE_CHECK_RULES_OFF).
Expected values by hand from the rules."""
from __future__ import annotations

from collections import Counter

import pytest

from checking import evidence
from checking import run as check_run
from checking.evidence import Commitment, Unit, features, is_own, not_done_cue, unit_rows, vetoed

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


def _sentence(text, lemmas, block, kind="sentence", agents=()):
    return Unit(text=text, doc="report.txt", kind=kind, page=None, paragraph_no=block, block_no=block, start=None, end=None,
                lemmas=Counter(lemmas), agents=set(agents))


def _submission():
    return Commitment(record_id="r1", ref="1", text="Prepare a joint submission to the UN Committee", plan_doc="plan.txt",
                      start=None, end=None, themes=[], lemmas=Counter({"submission": 1, "committee": 1, "joint": 1}),
                      objects={"submission"})


def test_a_block_is_judged_by_its_closest_sentence():
    """"4. Partners ... In 2013 ENOC sent a written submission to the Committee": the section shares the
    commitment's words, but the sentence that carries them tells of another body's work."""
    other = _sentence("In 2013 ENOC sent a written submission to the Committee.", {"submission": 1, "committee": 1}, 3,
                      agents=["enoc"])
    plain = _sentence("Most of our members are members of ENOC as well.", {"member": 2}, 2)
    section = _sentence("4. Partners Most of our members are members of ENOC as well. "
                        "In 2013 ENOC sent a written submission to the Committee.",
                        {"member": 2, "submission": 1, "committee": 1, "joint": 1}, 2, kind="section")
    units = [plain, other, section]
    c = _submission()
    rows = unit_rows(c, units, {}, {})
    assert section.parts == (0, 1)
    assert [vetoed(f) for f in rows] == [False, True, True]
    assert check_run.veto_note(section, rows[2], c).startswith("its sentence closest to the commitment cannot evidence it")


def test_a_block_that_tells_it_in_other_words_keeps_its_own_judgement(monkeypatch):
    """The closest sentence carries under half of the block's shared words (the heading and other sentences
    the rest): the block is not vetoed by it. And with the rule off, never."""
    other = _sentence("In 2013 ENOC sent a written submission.", {"submission": 1}, 3, agents=["enoc"])
    section = _sentence("Joint work with the UN Committee. In 2013 ENOC sent a written submission.",
                        {"submission": 1, "committee": 1, "joint": 1}, 3, kind="section")
    rows = unit_rows(_submission(), [other, section], {}, {})
    assert (vetoed(rows[0]), rows[1]["block_veto"], vetoed(rows[1])) == (True, 0.0, False)
    monkeypatch.setattr(evidence, "RULES_OFF", frozenset({"block"}))
    other.text = section.text = "In 2013 ENOC sent a written submission to the UN Committee."
    rows = unit_rows(_submission(), [other, section], {}, {})
    assert "block_veto" not in rows[1] and not vetoed(rows[1])


@pytest.mark.parametrize("agent, own", [
    ("wg benchmarking", True),  # the body's working group, named by its task
    ("working group on rescue cooperation", True),
    ("president", True),
    ("osce working group", False),  # another body's organ: the body first
    ("nordic sport analysis", False),
])
def test_a_doer_named_first_by_an_organ_word_is_the_bodys_own(agent, own):
    c = _submission()
    c.own_words = frozenset({"prepare", "joint", "submission", "network"})
    assert is_own(agent, c) is own


def test_the_object_said_undone_past_an_insertion(monkeypatch):
    """"The summer camp, which the city hosted in July 2017, did not take place in 2018": the camp itself was
    not held, though a clause stands between it and the words that say so."""
    c = Commitment(record_id="r1", ref="1", text="Run the summer camp for young people in the city", plan_doc="plan.txt",
                   start=None, end=None, themes=[], objects={"camp"})
    u = _sentence("The summer camp, which the city hosted so well in July 2017, did not take place in 2018.", {"camp": 1}, 1)
    u.surface = {"camp": {"camp"}}
    assert evidence.object_undone(c, u) == 1.0
    plain = _sentence("A group of camp leaders, which met twice, did not agree on a date.", {"camp": 1}, 1)
    plain.surface = {"camp": {"camp"}}
    assert evidence.object_undone(c, plain) == 0.0  # the group of camp leaders did not agree, not the camp undone
    monkeypatch.setattr(evidence, "RULES_OFF", frozenset({"insertion"}))
    assert evidence.object_undone(c, u) == 0.0


@pytest.mark.parametrize("commitment, attended", [
    ("Run a workshop on sport policy together with the Youth Commission", 1.0),
    ("run a pilot course for foster carers", 1.0),
    ("Run the campaign website of the Network", 0.0),  # running a website is no event to speak at
])
def test_running_an_event_is_organising_it(commitment, attended, monkeypatch):
    c = Commitment(record_id="r1", ref="1", text=commitment, plan_doc="plan.txt", start=None, end=None, themes=[])
    u = _sentence("The chair spoke on sport facilities at the meeting of the Youth Commission in May.", {}, 1)
    assert features(c, u, {}, {})["attended_only"] == attended
    monkeypatch.setattr(evidence, "RULES_OFF", frozenset({"run"}))
    assert features(c, u, {}, {})["attended_only"] == 0.0



@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


def test_a_choice_not_to_do_it_is_no_work_done_in_part(nlp, monkeypatch):
    """"chose not to travel ..., and followed the Games online": something else done in its stead, not part of it
    (evidence.mixed_done); a sentence done in part still is."""
    chose = "The Youth Council chose not to travel to the games because of the cost, and followed the games online."
    assert evidence.mixed_done(nlp(chose)) == ""
    part = "The migration of the website is not yet complete: the news pages went live in January."
    assert evidence.mixed_done(nlp(part)).strip() == "The migration of the website is not yet complete:"
    monkeypatch.setattr(evidence, "RULES_OFF", frozenset({"chose_not"}))
    assert evidence.mixed_done(nlp(chose)) != ""
