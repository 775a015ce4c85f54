"""Eighth session's evidence rules (issue 22), each on sentences of its own: who did the work a passage
tells (the agent of a participle that describes a noun, the host of a meeting, an organ named with its
initials) and work told as done in the perfect or as the state it left ("is now available"). Parses are
the shipped model's; every expected value by hand."""
from __future__ import annotations

import pytest

from checking import evidence as E
from checking.evidence import Commitment, Unit

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


def commitment(text: str) -> Commitment:
    c = Commitment(record_id="r1", ref="1", text=text, plan_doc="plan.txt", start=None, end=None, themes=[])
    E.mark_own_names([c], [])
    return c


def unit(text: str, nlp) -> Unit:
    u = Unit(text=text, doc="report.txt", kind="sentence", page=None, paragraph_no=1, block_no=1, start=None, end=None)
    sdoc = nlp(text)
    u.agents, u.lead = E.agents(sdoc), E.lead_agents(sdoc)
    return u


# --- who did it -----------------------------------------------------------------------------------------

def test_the_agent_of_a_participle_that_describes_a_noun_is_no_doer(nlp):
    c = commitment("Launch an exchange programme for young museum staff")
    u = unit("The exchange programme for young museum staff, proposed by the Youth Panel, started in March.", nlp)
    assert u.agents == set()
    assert E.other_actor(c, u) == 0.0
    # the doer of the main verb still is: another body's programme
    u = unit("The Youth Panel started an exchange programme for young museum staff in March.", nlp)
    assert u.agents == {"youth panel"}
    assert E.other_actor(c, u) == 1.0


def test_an_organiser_named_after_a_participle_stays_the_organiser(nlp):
    u = unit("Our chair attended the conference, organised by the European Commission in Brussels.", nlp)
    assert "by:european commission" in u.agents


def test_the_host_of_a_meeting_is_no_lead_doer(nlp):
    u = unit("The 12th Annual Meeting was hosted by the Slovenian Ombudsman in Portoroz in October.", nlp)
    assert u.lead == set()
    assert E.other_actor(commitment("Host the 12th Annual Meeting of the Network in Portoroz"), u) == 0.0
    # a passive's agent of another verb is the lead doer
    assert unit("The study was published by the OECD in May.", nlp).lead == {"oecd"}


def test_an_organ_named_with_the_initials_of_its_name_is_the_plans_own(nlp):
    c = commitment("Hold two meetings of the Senior Officials' Committee")
    u = unit("The Senior Officials' Committee (SOC) met in Vilnius on 15 March.", nlp)
    assert u.lead == {"committee soc"}
    assert E.is_own("committee soc", c) is True
    assert E.other_actor(c, u) == 0.0
    assert E.is_own("committee xyz", c) is False  # initials of no name of the plan


# --- told as done -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, done", [
    ("The Secretariat has drafted a plan for the network.", True),  # the perfect
    ("By February every member inspectorate had named one person for these cases.", True),
    ("The leaflet on the rights of water consumers is now available in Arabic.", True),  # the state the work left
    ("Fifteen municipalities now use the tool, up from nine.", True),
    ("The Secretariat would have drafted a plan for the network.", False),  # not a perfect of work done
    ("The leaflet on the rights of water consumers is available in Arabic.", False),  # no "now": a state only
    ("If the members have agreed on it, the plan can go ahead.", False),  # a condition, and no main verb done
    ("The Secretariat drafts a plan for the network every year.", False),
])
def test_work_told_in_the_perfect_or_as_its_result(nlp, text, done):
    assert E.done_cue(nlp(text)) is done


# --- a plan item's fields ------------------------------------------------------------------------------------

NO_VERB = "activity by rule 'classifier over fragment'; no finite verb"


@pytest.mark.parametrize("text, why, kind", [
    ("Lead: Working Group on Heat, with Nordic Energy Research", NO_VERB, "field"),
    ("Timeline: 2023–2025", NO_VERB, "field"),
    ("Period of implementation: autumn 2006 - June 2008", NO_VERB, "field"),
    ("Responsible: the Secretariat", NO_VERB, "field"),
    ("Lead: the Secretariat will organise the seminar", "activity by rule 'will'", "commitment"),  # a verb: something to do
    ("Leadership training for young officials", NO_VERB, "commitment"),  # no field's colon
    ("Lead: Working Group on Heat", None, "commitment"),  # a plan table's row: a commitment whatever its words
])
def test_a_field_of_a_plan_item_is_no_commitment(nlp, text, why, kind):
    c = Commitment(record_id="r1", ref="1", text=text, plan_doc="plan.txt", start=None, end=None, themes=[], why=why)
    assert E.commitment_kind(c, nlp(E.parse_text(text))) == kind


# --- dated before the plan ---------------------------------------------------------------------------------------

def _dated(text: str, start, end) -> Unit:
    return Unit(text=text, doc="report.txt", kind="sentence", page=None, paragraph_no=1, block_no=1, start=start, end=end)


@pytest.mark.parametrize("text, before", [
    ("The study visit to The Hague took place in May 2011.", 1.0),  # its own year, well before the plan
    ("The brochure was printed in February and sent to all members.", 0.0),  # a month alone: its year is the report's guess
    ("The overview, pending since 2011, was published in the autumn.", 0.0),  # how long it waited, not when it was done
    ("The third report, based on 2011 data, was published in June.", 0.0),  # the data's year
])
def test_dated_before_the_plan_only_by_a_year_that_says_when(text, before):
    from datetime import date

    c = Commitment(record_id="r1", ref="1", text="Publish the report", plan_doc="plan.txt", start=None, end=None, themes=[],
                   plan_start=date(2013, 1, 1))
    assert E.before_plan(c, _dated(text, date(2011, 5, 1), date(2011, 5, 31))) == before

