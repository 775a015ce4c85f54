"""Prose units and their kind, exactly (issue 29): abbreviations do not cut a sentence, a "will"
in a subordinate clause does not make a held event an activity, and the classifier's thresholds
hold just below and just above. Expected values by hand."""
from __future__ import annotations

import pytest

from extractors.prose.narrative import Unit, split_sentences
from extractors.prose.narrative_kind import Decision, decide
from extractors.prose.narrative_model import ADD_RECORD_AT, VETO_AT, combine, decide_by_model

pytestmark = pytest.mark.unit


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("Dr. Smith opened the seminar in Riga. The group met again in May.",
     ["Dr. Smith opened the seminar in Riga.", "The group met again in May."]),
    ("The seminar was held on 3 Sept. 2008 in Riga. It trained 40 police officers.",
     ["The seminar was held on 3 Sept. 2008 in Riga.", "It trained 40 police officers."]),
    ("Prof. Berg and Mr. Olsen spoke, e.g. on care. Then the group met.",
     ["Prof. Berg and Mr. Olsen spoke, e.g. on care.", "Then the group met."]),
    ("The C.A.R. Unit met. Then it closed.", ["The C.A.R. Unit met.", "Then it closed."]),
    ("The group met. The unit closed.", ["The group met.", "The unit closed."]),
])
def test_abbreviations_and_initials_do_not_end_a_sentence(text, expected):
    assert sentences(text) == expected


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


def kind_of(nlp, text: str, has_city: bool = True) -> tuple[str | None, str]:
    unit = Unit(text=text, block=0, char_start=0, char_end=len(text), shape="sentence")
    decision = decide(unit, nlp(text), has_city)
    return decision.kind, decision.rule


@pytest.mark.parametrize("text", [
    "The working group held a seminar in Riga on 3 May 2008 that will strengthen cooperation.",
    "The Council held a conference in Riga in May 2008, which hopefully will strengthen cooperation.",
])
def test_a_will_in_a_subordinate_clause_leaves_a_held_event_an_event(nlp, text):
    assert kind_of(nlp, text) == ("event", "event verb")


def test_a_will_of_the_main_clause_is_an_activity(nlp):
    assert kind_of(nlp, "The working group will hold a seminar in Riga in May 2009.") == ("activity", "future")


def weak_event() -> Decision:
    return Decision("event", ["a body acts"], rule="body acts")


def test_the_thresholds_are_the_documented_ones():
    assert (VETO_AT, ADD_RECORD_AT) == (0.6, 0.6)


@pytest.mark.parametrize("p_none, kind, rule", [
    (0.59, "event", "body acts"),  # just below: the rule's record stands
    (0.60, None, "classifier veto"),  # at the threshold: vetoed
    (0.61, None, "classifier veto"),
    (0.79, None, "classifier veto"),  # a threshold moved to 0.8 would keep this one
])
def test_the_veto_threshold_just_below_and_above(p_none, kind, rule):
    rest = (1 - p_none) / 2
    decision = combine(weak_event(), {"none": p_none, "event": rest, "activity": rest})
    assert (decision.kind, decision.rule) == (kind, rule)


def test_a_sure_rule_is_never_vetoed():
    decision = combine(Decision("event", [], rule="event verb"), {"none": 0.99, "event": 0.005, "activity": 0.005})
    assert (decision.kind, decision.rule) == ("event", "event verb")


@pytest.mark.parametrize("p_event, kind", [(0.59, None), (0.60, "event"), (0.61, "event")])
def test_the_classifier_adds_a_record_only_from_its_threshold(p_event, kind):
    rest = (1 - p_event) / 2
    decision = decide_by_model(Decision(None, [], rule="description"), {"event": p_event, "none": rest, "activity": rest})
    assert decision.kind == kind


def test_the_classifier_drops_a_weak_record_it_calls_none():
    decision = decide_by_model(weak_event(), {"none": 0.5, "event": 0.3, "activity": 0.2})
    assert (decision.kind, decision.rule) == (None, "classifier over body acts")


# -- the classifier's input and its use, exactly ---------------------------------------------------

from extractors.prose.narrative_model import (adjust_to_priors, classify_texts, context_text, model_opinion,  # noqa: E402
                                        unit_context)


def test_context_text_spells_position_heading_lead_in_and_genre():
    assert context_text("The group met.", in_list=True, lead_in="The group did the following:",
                        heading="What we did in 2009 - Priorities", genre="news", cues=["cuedated"]) == (
        "ctxitem cuedated hwwhat hwdid hwpriorities ctxleadin ctxpriorities ctxgenrenews The group met.")
    assert context_text("Text.", in_list=False, lead_in=None, heading=None, genre=None) == "ctxprose ctxgenrereport Text."
    heading = "one two three four five six seven eight nine ten"
    assert context_text("T", in_list=False, lead_in=None, heading=heading, genre="plan") == (
        "ctxprose hwone hwtwo hwthree hwfour hwfive hwsix hwseven hweight ctxgenreplan T")


def test_unit_context_names_a_plan_a_plan():
    u = Unit(text="Train police.", block=0, char_start=0, char_end=13, shape="item", lead_in="Aims:", heading=None)
    assert unit_context(u, "narrative_plan", ["cuex"]) == "ctxitem cuex ctxleadin ctxpriorities ctxgenreplan Train police."
    assert unit_context(u, "table_plan").endswith("ctxgenreplan Train police.")
    assert unit_context(u, "unknown").endswith("ctxgenrereport Train police.")
    assert unit_context(u, "news").endswith("ctxgenrenews Train police.")
    assert unit_context(u, None).endswith("ctxgenrereport Train police.")


def test_priors_move_the_probabilities_by_bayes_rule():
    trained = {"event": 1 / 3, "activity": 1 / 3, "none": 1 / 3}
    target = {"event": 0.2, "activity": 0.3, "none": 0.5}
    # equal scores under equal training priors become the target priors
    assert adjust_to_priors({"event": 1 / 3, "activity": 1 / 3, "none": 1 / 3}, trained, target) == pytest.approx(target)
    # p * target / trained, normalised: 0.6*0.2, 0.2*0.3, 0.2*0.5 = 0.12, 0.06, 0.10 -> / 0.28
    assert adjust_to_priors({"event": 0.6, "activity": 0.2, "none": 0.2}, trained, target) == \
        pytest.approx({"event": 0.12 / 0.28, "activity": 0.06 / 0.28, "none": 0.10 / 0.28})
    assert adjust_to_priors({"event": 0.5, "none": 0.5}, {"event": 0.5, "activity": 0.0, "none": 0.5}, target) == \
        pytest.approx({"event": 0.2 / 0.7, "activity": 0.0, "none": 0.5 / 0.7})
    assert adjust_to_priors({}, trained) == {}
    assert adjust_to_priors({"event": 1.0}, None) == {"event": 1.0}
    assert sum(adjust_to_priors({"event": 0.2, "activity": 0.3, "none": 0.5}, trained).values()) == pytest.approx(1.0)


def test_combine_says_why_it_vetoes():
    decision = combine(weak_event(), {"none": 0.7, "event": 0.2, "activity": 0.1})
    assert decision.reasons == ["a body acts", "the classifier is sure it is no record (0.70)"]
    assert decision.model_scores == {"none": 0.7, "event": 0.2, "activity": 0.1}
    kept = combine(Decision(None, [], rule="description"), {"event": 0.9, "none": 0.05, "activity": 0.05})
    assert (kept.kind, kept.rule) == (None, "description")  # the classifier makes no record alone (ADD_AT None)
    assert combine(weak_event(), {}).kind == "event"


def test_decide_by_model_says_where_it_overrules():
    decision = decide_by_model(Decision("event", [], rule="body acts"), {"activity": 0.7, "event": 0.2, "none": 0.1})
    assert (decision.kind, decision.rule) == ("activity", "classifier over body acts")
    assert decision.reasons == ["the classifier says activity (0.70) where the rules said event"]
    same = decide_by_model(Decision("event", [], rule="body acts"), {"event": 0.7, "activity": 0.2, "none": 0.1})
    assert (same.kind, same.rule, same.reasons) == ("event", "body acts", [])
    assert decide_by_model(Decision("event", [], rule="x"), {}).kind == "event"


class Draft:
    def __init__(self, unit):
        self.unit = unit


def test_model_opinion_leaves_sure_rules_alone_and_lets_the_model_decide_elsewhere():
    u = Unit(text="The group met.", block=0, char_start=0, char_end=14, shape="sentence")
    sure = model_opinion(Decision("event", [], rule="event verb"), Draft(u), "report",
                         scores={"none": 0.9, "event": 0.05, "activity": 0.05})
    assert (sure.kind, sure.rule, sure.model_scores["none"]) == ("event", "event verb", 0.9)
    weak = model_opinion(Decision("event", [], rule="body acts"), Draft(u), "report",
                         scores={"none": 0.9, "event": 0.05, "activity": 0.05})
    assert (weak.kind, weak.rule) == (None, "classifier over body acts")


def test_classify_texts_gives_three_probabilities_per_text():
    scores = classify_texts(["ctxprose ctxgenrereport The Council held a conference in Riga.", "ctxprose Text."])
    assert len(scores) == 2
    for s in scores:
        assert set(s) == {"event", "activity", "none"} and sum(s.values()) == pytest.approx(1.0)
    assert classify_texts([], nlp=None) == []
