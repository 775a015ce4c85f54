"""Pieces of the prose segmenter a mutation run (issue 29, sample 7 of 2026-12-07) showed no test
holding: a nominal entry dated at its end, a place line, a label with run-together topics, and a
list item dated after the document's period. Expected values by hand."""
from __future__ import annotations

import pytest

from extractors.prose.narrative import _ends_with_date, _place_line, _run_together, _topic_list, narrative_units
from extractors.structure import analyse
from pipeline.readers import read_document

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, dated", [
    ("Summer meeting of the prime ministers, Thingvellir, 9 June.", True),  # a full stop after the date
    ("Summer meeting of the prime ministers, Thingvellir, 9 June", True),
    ("Summer meeting of the prime ministers (Thingvellir, 9 June)", True),
    ("Summer meeting of the prime ministers, 9 June in Thingvellir", False),  # the date is not last
    ("Summer meeting of the prime ministers on 9 June", False),  # no comma before the date
])
def test_a_nominal_entry_dated_at_its_end(text, dated):
    assert _ends_with_date(text) is dated


@pytest.mark.parametrize("text, place", [
    ("Riga, Latvia", True),
    ("Palanga.", True),
    ("Riga, Latvia, in the conference hall of the Council of the Baltic Sea States", False),  # past 60 characters
    ("The group met", False),
])
def test_a_place_line(text, place):
    assert _place_line(text) is place


def test_items_run_together_by_semicolons_and_a_topic_label():
    assert _run_together("Support for care leavers; Foster care; Guardianship") == [(0, 25), (26, 38), (39, 51)]
    assert _run_together("Support for care leavers; and more") == [(0, 34)]  # lower case after it: one clause
    assert _topic_list("Priorities: Foster care; Guardianship") == ("Priorities", [(12, 24), (25, 37)])
    assert _topic_list("Priorities: Foster care") is None  # one topic is no list


def test_a_list_item_dated_after_the_reports_period_is_planned(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Annual report of the Working Group 2008-2009\n\nThe members agreed on the following:\n\n"
                    "1. a seminar on foster care in Riga, May 2009\n2. a seminar on foster care in Vilnius, May 2010\n",
                    encoding="utf-8")
    doc = read_document(path)
    got = [(u.shape, u.text, u.planned) for u in narrative_units(doc, analyse(doc)) if u.shape == "item"]
    assert got == [("item", "a seminar on foster care in Riga, May 2009", False),
                   ("item", "a seminar on foster care in Vilnius, May 2010", True)]


# --- the rules' readings of a parse (narrative_kind) ------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


def _root(nlp, text):
    return next(t for t in nlp(text) if t.dep_ == "ROOT")


@pytest.mark.parametrize("text, work", [
    ("The members decided that the conference will take place in Riga.", "take"),  # a clause with will
    ("The group met and agreed to hold a seminar.", "hold"),  # the second of two verbs, a to-infinitive
    ("The Council invites professionals to a seminar in Arkhangelsk.", None),
])
def test_the_work_a_decision_governs(nlp, text, work):
    from extractors.prose.narrative_kind import _decided_work, _verbs

    found = _decided_work(_verbs(_root(nlp, text)))
    assert (found.text if found is not None else None) == work


@pytest.mark.parametrize("text, call", [
    ("The Council invites professionals to a seminar in Arkhangelsk.", True),  # to an event
    ("The members decided that the conference will take place in Riga.", False),
])
def test_a_call_to_an_event(nlp, text, call):
    from extractors.prose.narrative_kind import _call_to

    assert _call_to(_root(nlp, text)) is call


@pytest.mark.parametrize("text, forecast", [
    ("Shipping in the Baltic Sea is expected to grow strongly.", True),
    ("UNICEF is expected to grow strongly.", False),  # a named body's growth is its own
    ("Prices will increase.", True),
    ("Prices will increase the pressure.", False),  # an object done to: work, not a trend
])
def test_a_forecast_is_no_work(nlp, text, forecast):
    from extractors.prose.narrative_kind import _prediction

    assert _prediction(_root(nlp, text)) is forecast


@pytest.mark.parametrize("text, dated", [("The group met in spring.", True), ("The group met on 3 May.", True),
                                         ("The group met in 2009.", False)])
def test_a_day_a_month_or_a_season(text, dated):
    from extractors.prose.narrative_kind import _day_or_month

    assert _day_or_month(text) is dated


# --- the classifier's part (narrative_model) and its training rows (narrative_data) ----------------


class _Decision:
    def __init__(self, kind, rule):
        self.kind, self.rule, self.reasons, self.model_scores = kind, rule, [], None


def test_the_classifiers_probabilities_moved_to_the_documents_priors():
    from types import SimpleNamespace

    from extractors.prose import narrative_model as nm

    class FakeNlp:
        meta = {"label_priors": {"event": 0.5, "activity": 0.25, "none": 0.25}}

        def pipe(self, texts, batch_size):
            return [SimpleNamespace(cats={"event": 0.5, "activity": 0.25, "none": 0.25}) for _ in texts]

    got = nm.classify_texts(["x"], FakeNlp(), priors={"event": 0.2, "activity": 0.4, "none": 0.4})[0]
    # each probability times target / trained prior: 0.2, 0.4, 0.4, already summing to 1
    assert got == pytest.approx({"event": 0.2, "activity": 0.4, "none": 0.4})


def test_a_sure_classifier_adds_a_record_when_adding_is_switched_on(monkeypatch):
    from extractors.prose import narrative_model as nm

    monkeypatch.setattr(nm, "ADD_AT", 0.6)
    decision = nm.combine(_Decision(None, "description"), {"event": 0.7, "activity": 0.2, "none": 0.1})
    assert (decision.kind, decision.rule, decision.reasons) == ("event", "classifier",
                                                               ["the classifier is sure it is an event (0.70)"])
    kept = nm.combine(_Decision(None, "description"), {"event": 0.1, "activity": 0.2, "none": 0.7})
    assert (kept.kind, kept.rule) == (None, "description")


def test_model_opinion_scores_the_drafts_unit_in_its_context(monkeypatch):
    from types import SimpleNamespace

    from extractors.prose import narrative_model as nm

    seen = []
    monkeypatch.setattr(nm, "classify_texts", lambda texts: seen.extend(texts) or [{"event": 0.1, "activity": 0.2,
                                                                                     "none": 0.7}])
    monkeypatch.setattr(nm, "DECISION", "veto")
    draft = SimpleNamespace(unit=SimpleNamespace(text="The body acted.", shape="sentence", lead_in=None, heading=None))
    decision = nm.model_opinion(_Decision("event", "body acts"), draft, "narrative_plan", cues=("cuepast",))
    assert seen == ["ctxprose cuepast ctxgenreplan The body acted."]
    assert (decision.kind, decision.rule) == (None, "classifier veto")  # a weak rule's record, vetoed


def test_featurise_keeps_the_genre_in_the_context_and_says_none():
    from extractors.prose import narrative_data as nd

    rows = [nd.LabelledUnit(text="Train the border guards", label="activity", in_list=True, heading="Our priorities",
                            lead_in="We will:", genre="plan", author="a2"),
            nd.LabelledUnit(text="The weather in the region was mild and the sea was calm.", label="none", in_list=False,
                            heading=None, lead_in=None, genre="report", author="a3")]
    plan, weather = nd.featurise(rows)
    assert plan.context.endswith(" ctxgenreplan Train the border guards")
    assert weather.rule_kind == "none"


@pytest.mark.parametrize("lead, priorities", [("The members agreed on the following:", False),
                                              ("The priorities of the presidency are the following:", True)])
def test_inline_items_are_priorities_only_under_a_lead_in_that_says_so(tmp_path, lead, priorities):
    path = tmp_path / "report.txt"
    path.write_text(f"Annual report 2009\n\n{lead} 1. a guide for police 2. a seminar on care\n", encoding="utf-8")
    doc = read_document(path)
    got = [(u.text, u.lead_in, u.in_priorities) for u in narrative_units(doc, analyse(doc)) if u.shape == "item"]
    assert got == [("a guide for police", lead, priorities), ("a seminar on care", lead, priorities)]


@pytest.mark.parametrize("text, dated", [("The group met in spring.", True), ("The group met in 2009.", True),
                                         ("The group met in Riga.", False)])
def test_a_units_own_date(text, dated):
    from extractors.prose.narrative_kind import own_date

    assert own_date(text) is dated


def test_the_subject_of_there_is_and_a_body_named_by_its_entity(nlp):
    from extractors.prose.narrative_kind import _is_body, _subject

    assert _subject(_root(nlp, "There was a meeting in Riga.")).text == "There"
    # "UNICEF" is tagged a common noun: the body is known by its entity, which ends where the subject ends
    subject = _subject(_root(nlp, "UNICEF organised a seminar."))
    assert (subject.text, subject.pos_, _is_body(subject)) == ("UNICEF", "NOUN", True)


# --- lines joined back (narrative._joinable, _reflow) ----------------------------------------------


def _ln(text, block=0, start=0, kind="paragraph"):
    from extractors.prose.narrative import _line

    return _line(text, block, start, kind)


def test_a_heading_is_not_joined_with_the_line_after_it_outside_slides():
    from extractors.prose.narrative import _joinable

    assert _joinable(_ln("Activities of the", kind="heading"), _ln("working group"), slides=False) is False
    assert _joinable(_ln("Activities of the"), _ln("working group"), slides=False) is True  # a wrapped line


def test_a_slide_line_that_ends_a_sentence_was_not_cut_at_the_width():
    from extractors.prose.narrative import _joinable

    # 28 characters and a 4-letter word would pass a width of 30, but a full stop ends the line
    assert _joinable(_ln("The group met in Riga today."), _ln("Then it left."), slides=True, width=30) is False
    assert _joinable(_ln("The group met in Riga and it"), _ln("then left."), slides=True, width=30) is True


def test_joined_lines_keep_every_characters_place():
    from extractors.prose.narrative import _reflow

    (joined,) = _reflow([_ln("The group met in", 0, 0), _ln("Riga in May.", 1, 17)], slides=False)
    assert joined.text == "The group met in Riga in May."
    assert joined.offsets == list(range(0, 16)) + [16] + list(range(17, 29))  # the space stands where the break was
    (title,) = _reflow([_ln("Meeting of the", 0, 0, kind="heading"), _ln("working group", 1, 15)], slides=True)
    assert (title.text, title.kind) == ("Meeting of the working group", "paragraph")  # a heading wrapped on a slide
