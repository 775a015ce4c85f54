"""A call on a body to do work, in the present, is an activity (GUIDELINES rules 16-17): an agenda's
"The Board is invited to approve ...", an evaluation's "It is recommended that the Agency ..." or
"The Secretariat should ...". Told in the past, of things, in the passive or as someone's quoted
view it is no call. A decision said to be taken in a city is an event (GUIDELINES rule 10 takes one
without date or place as work to be done). The sentences are written for these tests (other bodies and topics than the
archive's); every expectation is read from the sentence, not from the code's output."""
from __future__ import annotations

import pytest

from extractors.prose import narrative_kind as K
from extractors.prose import narrative_model as nm
from extractors.prose.narrative import Unit

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


def decide(nlp, text: str, has_city: bool = False):
    unit = Unit(text=text, block=0, char_start=0, char_end=len(text), shape="sentence")
    return K.decide(unit, nlp(text), has_city)


@pytest.mark.parametrize("text", [
    "The Steering Committee is invited to approve the budget of the fisheries survey for 2011.",
    "Partner ports are encouraged to share their inspection data through the common portal.",
    "Member universities are requested to nominate one contact person for the exchange scheme.",
    "It is recommended that the Agency publish its grant decisions on the website.",
    "The evaluators recommend that the Fund open a second call for small rural museums.",
    "The Secretariat should prepare a simpler reporting template for the partners.",
    "The Nordic Council of Ministers should fund a follow-up study of the pilot towns.",
])
def test_a_present_call_on_a_body_to_act_is_an_activity(nlp, text):
    decision = decide(nlp, text)
    assert (decision.kind, decision.rule) == ("activity", "called to work")


@pytest.mark.parametrize("text", [
    # told in the past: what happened, not work to come
    "In March the partners were invited to comment on the draft survey.",
    "The reviewers recommended in 2009 that the Fund open a second call.",
    # only noting or electing names no work
    "The Steering Committee is invited to take note of the financial report.",
    "Participants are kindly asked to confirm their attendance by e-mail before 1 October.",
    # "should" of things, in the passive, or in a clause under another verb
    "Applications should be sent to the Secretariat by 15 May.",
    "The harbour basin should be free of ice by April.",
    "The guide explains how a port authority should handle a spill.",
])
def test_no_call_in_the_past_of_noting_or_of_things(nlp, text):
    assert decide(nlp, text).rule != "called to work"


def test_a_call_with_will_is_left_to_the_future_rule(nlp):
    # "will" says in so many words what will be done: the older, surer rule tells it
    decision = decide(nlp, "The Board will be invited to approve the plan in June.")
    assert (decision.kind, decision.rule) == ("activity", "future")


def test_the_classifier_cannot_overturn_a_call(nlp):
    decision = decide(nlp, "It is recommended that the Agency publish its grant decisions on the website.")
    out = nm.model_opinion(decision, None, scores={"event": 0.0, "activity": 0.01, "none": 0.99})
    assert (out.kind, out.rule) == ("activity", "called to work")


@pytest.mark.parametrize("text, kind, rule", [
    # where the decision was taken is said: the deciding is a happening, told like a meeting
    ("In Bergen the Board agreed to commission a study of harbour noise.", "event", None),
    ("The ministers decided in Stockholm to set up a joint coastguard centre.", "event", None),
    # a place inside the work decided places the work, not the deciding
    ("The Board agreed to hold its next meeting in Bergen.", "activity", "decided work"),
    ("The Board decided to admit the Harbour Authority as a member.", "activity", "decided work"),
])
def test_a_decision_placed_in_a_city_is_an_event(nlp, text, kind, rule):
    decision = decide(nlp, text, has_city=True)
    assert decision.kind == kind
    assert rule is None and decision.rule != "decided work" or decision.rule == rule


@pytest.mark.parametrize("text, called", [
    ("Recommendation 2: develop one application form for the three harbour funds.", True),
    ("Recommendation 5: The Port Authority should publish its inspection plan each spring.", True),
    ("Recommendation 1: Accepted.", False),  # a management response
    ("Recommendation 3: Dredging – The harbour silts up faster than planned.", False),  # a title over its grounds
    ("Recommendation 4: The reports should be shorter.", False),  # "should" of things
])
def test_a_numbered_recommendation_is_a_call_when_its_words_are(nlp, text, called):
    assert (decide(nlp, text).rule == "called to work") is called


def item(text: str, lead_in: str) -> Unit:
    return Unit(text=text, block=0, char_start=0, char_end=len(text), shape="item", lead_in=lead_in)


@pytest.mark.parametrize("lead_in", ["The review recommends that the port cities:",
                                     "We call on the member states to:",
                                     "The seminar recommended that the coastguards:"])
def test_an_item_of_a_call_is_an_activity_whatever_its_verb_form(nlp, lead_in):
    text = "set up a joint register of abandoned vessels;"
    decision = K.decide(item(text, lead_in), nlp(text), False)
    assert (decision.kind, decision.rule) == ("activity", "called to work")


def test_an_item_after_a_findings_lead_in_is_no_call(nlp):
    text = "the register of abandoned vessels is incomplete;"
    decision = K.decide(item(text, "The review found that:"), nlp(text), False)
    assert decision.rule != "called to work"


@pytest.mark.parametrize("text, called", [
    ("Norway should fund a third year of the harbour survey.", True),  # a state by name: a proper noun
    ("The project should end in the spring of 2015.", False),  # a thing, no body
    ("We should prepare a simpler form.", False),  # a pronoun names no body
    ("The Board recommends a second call for small museums.", False),  # no clause of work recommended
    ("The Board recommends that the Fund open a second call.", True),
    ("Recommendation 3: HELCOM should extend the monitoring to the Gulf of Riga.", True),
    ("Recommendation 6: The Fund should be smaller.", False),
])
def test_should_and_recommend_need_a_body_and_work(nlp, text, called):
    assert (decide(nlp, text).rule == "called to work") is called
