"""Why a prose unit is an event, an activity or nothing, as `planscope explain` shows it (the record's
`why` is Decision.explain()), and the rules of extractors/prose/narrative_kind.py that a mutation run
(issue 29, sample 9 of 2026-12-07) showed no test holding: a perfect tense, a decision that "would"
be done, a call to apply, the lead-in's length in the reason, a body acting under a dated heading.
Every expected text is written by hand from the rule's wording in narrative_kind.py."""
from __future__ import annotations

import pytest

from extractors.prose.narrative import Unit
from extractors.prose.narrative_kind import Decision, cue_words, decide

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


def unit(text: str, shape: str = "sentence", **kw) -> Unit:
    return Unit(text=text, block=0, char_start=0, char_end=len(text), shape=shape, **kw)


def why(nlp, text: str, shape: str = "sentence", has_city: bool = False, **kw) -> str:
    return decide(unit(text, shape, **kw), nlp(text), has_city).explain()


def test_the_explanation_names_the_rule_its_reasons_and_the_classifiers_scores():
    d = Decision("event", ["states its own date"], rule="event verb", model_scores={"none": 0.125, "event": 0.875})
    assert d.explain() == "event by rule 'event verb'; states its own date; classifier event 0.88, none 0.12"
    assert Decision(None, rule="debris").explain() == "no record by rule 'debris'"


EXPLAINED = [
    # (text, shape, unit fields, names a city, the explanation)
    ("Read more about the seminar", "sentence", {}, False, "no record by rule 'debris'; web or slide debris"),
    ("Save the date: seminar on foster care, Riga, 3 May 2008", "sentence", {}, True,
     "no record by rule 'announcement title'; an announcement's title: its body tells the event"),
    ("Activities of the Council", "title", {}, False, "no record by rule 'title'; a slide or page title"),
    ("The Nordic Council of Ministers invites NGOs to apply for support.", "sentence", {}, False,
     "activity by rule 'invitation'; an invitation to take part: work to come"),
    ("The number of children arriving alone will remain high.", "sentence", {}, False,
     "no record by rule 'prediction'; a prediction ('remain' of 'The number of children arriving alone')"),
    ("The secretariat is preparing a guide for police.", "sentence", {}, False,
     "activity by rule 'ongoing work'; ongoing work ('preparing')"),
    ("It discussed care on 3 May 2008.", "sentence", {}, False,
     "no record by rule 'anaphoric'; states its own date; verb of holding or deciding (discuss, past); "
     "subject 'It' refers back; the date is another event's"),
    # a perfect tense is told as done, like a past one
    ("The Council has adopted a strategy.", "sentence", {}, False,
     "event by rule 'event verb'; verb of holding or deciding (adopt, perfect)"),
    ("The Council was present at a conference on 3 May 2008.", "sentence", {}, False,
     "event by rule 'dated event noun'; states its own date; names a meeting or conference with its date"),
    # "the first half of 2008" is the unit's own date
    ("The Council discussed care in the first half of 2008.", "sentence", {}, False,
     "event by rule 'body acts'; states its own date; verb of holding or deciding (discuss, past); "
     "subject 'The Council' is a body"),
]


@pytest.mark.parametrize("text, shape, fields, has_city, explanation", EXPLAINED, ids=[c[0][:40] for c in EXPLAINED])
def test_the_explanation_of_each_rule(nlp, text, shape, fields, has_city, explanation):
    assert why(nlp, text, shape, has_city, **fields) == explanation


def test_a_lead_in_is_quoted_to_its_sixtieth_character(nlp):
    lead = "At its meeting in Riga the Working Group agreed on the following tasks for the next year:"
    assert why(nlp, "a guide for police", "item", lead_in=lead) == (
        "activity by rule 'lead-in item'; an item after the lead-in "
        "'At its meeting in Riga the Working Group agreed on the follo'")


def test_a_dated_seminar_after_a_lead_in_is_an_event_not_an_item_of_it(nlp):
    text = "a seminar in Riga in May 2009"
    d = decide(unit(text, "item", lead_in="The members agreed on the following:"), nlp(text), True)
    assert (d.kind, d.rule) == ("event", "nominal event")


KINDS = [
    # a decision whose clause says what "would" be done is work to come (GUIDELINES rule 10)
    ("The group agreed that the secretariat would draft a guide.", "sentence", {}, "activity", "decided work"),
    # a decision told in the present is no decided work: it describes
    ("The group decides that the secretariat will draft a guide.", "sentence", {}, None, "description"),
    # asking, not inviting: no call to take part
    ("The Council asks NGOs to apply for support.", "sentence", {}, None, "description"),
    ("The Ministry invites professionals to a seminar in Arkhangelsk.", "sentence", {}, "activity", "invitation"),
    # a planned page's item told in the perfect happened: no planned item (its subject refers back)
    ("The seminar has been held in Riga.", "item", {"planned": True, "heading": "Planned activities"}, None,
     "anaphoric"),
    # a body discussing, with no date of its own and no dated heading: what happened inside a meeting
    ("The Council discussed care.", "sentence", {}, None, "past description"),
]


@pytest.mark.parametrize("text, shape, fields, kind, rule", KINDS, ids=[c[0][:40] for c in KINDS])
def test_the_kind_and_rule(nlp, text, shape, fields, kind, rule):
    d = decide(unit(text, shape, **fields), nlp(text), False)
    assert (d.kind, d.rule) == (kind, rule), d.reasons


def test_an_event_told_again_by_its_host_elaborates_it(nlp):
    text = "The seminar was organised by the Ministry of Justice."
    d = decide(unit(text), nlp(text), False)
    assert (d.kind, d.rule, d.elaborates) == (None, "elaboration", True)
    other = "A new guide was written by hand."
    assert decide(unit(other), nlp(other), False).elaborates is False


def test_a_unit_without_a_parse(nlp):
    from spacy.tokens import Doc

    text = "Support for care leavers"  # no dependency parse: no main verb to read
    d = decide(unit(text), Doc(nlp.vocab, words=text.split()), False)
    assert d.explain() == "no record by rule 'none'; no parse"


def test_the_cue_words_of_a_named_event_held_somewhere(nlp):
    # "held" hangs on the title as a participle: its tense and verb class are the cues, not "no verb"
    text = "Conference of the Council held in Riga in May 2008"
    words = cue_words(unit(text), nlp(text), True)
    assert words[-5:] == ["cuetenseparticiple", "cueverbhold", "cueverbstrong", "cueverbembedded", "cuesubjnone"]
    assert "cuenoverb" not in words


def test_featurise_gives_the_classifier_the_rules_verdict():
    from extractors.prose import narrative_data as nd

    row = nd.LabelledUnit(text="The Council held a conference in Riga in May 2009.", label="event", in_list=False,
                          heading=None, lead_in=None, genre="report", author="a1")
    (example,) = nd.featurise([row])
    assert " cueruleeventverb cuerulekindevent " in example.context
