"""Which rule makes a prose unit an event, an activity or nothing, exactly (issue 29): one short
sentence per rule of extractors/prose/narrative_kind.py, its kind and the rule's name written by hand
from records.md and GUIDELINES."""
from __future__ import annotations

import pytest

from extractors.prose.narrative import Unit
from extractors.prose.narrative_kind import cue_words, decide

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


def unit(text: str, shape: str = "sentence", **kw) -> Unit:
    return Unit(text=text, block=0, char_start=0, char_end=len(text), shape=shape, **kw)


CASES = [
    # (text, shape, unit fields, names a city, kind, rule)
    ("Read more about the seminar", "sentence", {}, False, None, "debris"),
    ("Children", "sentence", {}, False, None, "debris"),
    ("Activities of the Council", "title", {}, False, None, "title"),
    ("a seminar on foster care", "item", {"planned": True, "heading": "Planned activities"}, False,
     "activity", "planned item"),
    ("The seminar was held in Riga on 3 May 2008.", "item", {"planned": True, "heading": "Planned activities"}, True,
     "event", "event verb"),
    ("child trafficking", "item", {"in_priorities": True}, False, "activity", "priority item"),
    ("The number of children arriving alone will remain high.", "sentence", {}, False, None, "prediction"),
    ("The presidency will increase support to NGOs.", "sentence", {}, False, "activity", "future"),
    # a forecast with "expected to": its subject's head is a thing, whatever place it names
    ("Shipping in the Baltic Sea is expected to grow strongly.", "sentence", {}, False, None, "prediction"),
    ("Norway is expected to increase its contribution.", "sentence", {}, False, "activity", "future"),
    ("09:30 Welcome by the Minister of Social Affairs", "item", {}, False, None, "programme slot"),
    ("Save the date: seminar on foster care, Riga, 3 May 2008", "sentence", {}, True, None, "announcement title"),
    ("Seminar on foster care.", "entry", {"planned": True, "entry_date_raw": "September 2009"}, False,
     "activity", "planned entry"),
    ("Meeting of the Working Group.", "entry", {"entry_date_raw": "October 2008"}, False, "event", "dated entry"),
    # a planned page's entry told in the past tense happened
    ("The presidency hosted a seminar on foster care.", "entry", {"planned": True, "entry_date_raw": "September 2009"},
     False, "event", "dated entry"),
    ("The group decided to set up a task group.", "sentence", {}, False, "activity", "decided work"),
    ("The secretariat is preparing a guide for police.", "sentence", {}, False, "activity", "ongoing work"),
    ("a guide for police", "item", {"lead_in": "The members agreed on the following:"}, False,
     "activity", "lead-in item"),
    ("Seminar on foster care in Riga, 3 May 2008", "sentence", {}, True, "event", "nominal event"),
    ("Child protection in the region", "sentence", {}, False, None, "fragment"),
    ("Held on 3 May 2008, the seminar trained forty police officers.", "sentence", {}, False,
     "event", "dated participle"),
    ("The meeting was hosted by the Ministry of Justice.", "sentence", {}, False, None, "elaboration"),
    ("It agreed on a guide.", "sentence", {}, False, None, "anaphoric"),
    ("Children face many risks.", "sentence", {}, False, None, "description"),
    ("A new guide was written by hand.", "sentence", {}, False, None, "past description"),
    ("The report was written by hand.", "sentence", {}, False, None, "anaphoric"),  # "the report" refers back
    ("Experts discussed care.", "sentence", {}, False, None, "past description"),  # what happened inside a meeting
    ("The Council of the Baltic Sea States held a conference.", "sentence", {}, False, "event", "event verb"),
    ("The Council discussed care in Riga in May 2008.", "sentence", {}, True, "event", "body acts"),
]


@pytest.mark.parametrize("text, shape, fields, has_city, kind, rule", CASES, ids=[c[0][:40] for c in CASES])
def test_each_rule_on_its_sentence(nlp, text, shape, fields, has_city, kind, rule):
    decision = decide(unit(text, shape, **fields), nlp(text), has_city)
    assert (decision.kind, decision.rule) == (kind, rule), decision.reasons


def test_the_cue_words_of_a_held_meeting(nlp):
    text = "The Council held a conference in Riga on 3 May 2008."
    u = unit(text, heading="Priorities", lead_in="The focus will be:")
    assert cue_words(u, nlp(text), True) == [
        "cueshapesentence", "cueleadin", "cueleadinfuture", "cueheadingpriority", "cuedated", "cuedayormonth",
        "cuecity", "cuelen3", "cueeventnoun", "cuenominalevent", "cuetensepast", "cueverbhold", "cueverbstrong", "cuesubjbody"]


def test_the_cue_words_of_a_planned_item_without_a_parse():
    u = unit("a seminar", "item", planned=True, in_priorities=True)
    assert cue_words(u, None, False) == ["cueshapeitem", "cuepriorities", "cueplanned", "cuelen1", "cueeventnoun",
                                         "cuenominalevent", "cuenoparse"]
