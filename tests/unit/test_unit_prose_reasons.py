"""The rules' decisions with their reasons, whole (extractors/prose/narrative_kind.py decide): the
reasons are what a reader of `planscope explain` sees, so each is compared as written, in order.
One short sentence per rule; reasons written by hand from the rules."""
from __future__ import annotations

import pytest

from extractors.prose.narrative import Unit
from extractors.prose.narrative_kind import decide

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


def unit(text: str, shape: str = "sentence", **kw) -> Unit:
    return Unit(text=text, block=0, char_start=0, char_end=len(text), shape=shape, **kw)


CASES = [
    ('"We must protect every child in the region," said the minister.', "sentence", {}, False,
     None, "quote", ["someone's words in quotation marks (GUIDELINES: quotes are no records)"]),
    ("The seminar was cancelled.", "sentence", {}, False,
     None, "not happened", ["says the thing did not happen (cancelled, no meeting held)"]),
    ("Ms Tiina Mäkelä, secretary of the group", "sentence", {}, False,
     None, "person", ["a person and their office: a list of participants"]),
    ("Lithuania took over the presidency from Latvia.", "sentence", {}, False,
     None, "rotation", ["a presidency or chair changes hands (GUIDELINES rule 8)"]),
    ("a seminar on foster care", "item", {"planned": True, "heading": "Planned activities"}, False,
     "activity", "planned item", ["an item under 'Planned activities'"]),
    ("child trafficking", "item", {"in_priorities": True}, False,
     "activity", "priority item", ["an item of a priorities list"]),
    ("The presidency will increase support to NGOs.", "sentence", {}, False,
     "activity", "future", ["says what will be done ('will')"]),
    ("Seminar on foster care.", "entry", {"planned": True, "entry_date_raw": "September 2009"}, False,
     "activity", "planned entry", ["an entry dated 'September 2009' under None or after the document's period"]),
    ("Meeting of the Working Group.", "entry", {"entry_date_raw": "October 2008"}, False,
     "event", "dated entry", ["an entry dated 'October 2008'"]),
    ("The group decided to set up a task group.", "sentence", {}, False,
     "activity", "decided work", ["decided work to be done, no date of its own"]),
    ("a guide for police", "item", {"lead_in": "The members agreed on the following:"}, False,
     "activity", "lead-in item", ["an item after the lead-in 'The members agreed on the following:'"]),
    ("Child protection in the region", "sentence", {}, False, None, "fragment", ["no finite verb"]),
    ("The Council discussed care in Riga in May 2008.", "sentence", {}, True,
     "event", "body acts", ["states its own date", "names a city", "verb of holding or deciding (discuss, past)",
                            "subject 'The Council' is a body"]),
    ("The ministers appointed a new coordinator in May 2008.", "sentence", {}, False,
     "event", "event verb with date or place", ["states its own date", "verb of holding or deciding (appoint, past)"]),
    ("The meeting was hosted by the Ministry of Justice.", "sentence", {}, False,
     None, "elaboration", ["elaborates an event already told ('The meeting' ... by)"]),
    ("The meeting was hosted in a school.", "sentence", {}, False,  # passive without its agent: still elaborates
     None, "elaboration", ["elaborates an event already told ('The meeting' ... by)"]),
]


@pytest.mark.parametrize("text, shape, fields, has_city, kind, rule, reasons", CASES,
                         ids=[f"{c[5]}_{i}".replace(" ", "_") for i, c in enumerate(CASES)])
def test_each_rule_with_its_reasons(nlp, text, shape, fields, has_city, kind, rule, reasons):
    d = decide(unit(text, shape, **fields), nlp(text), has_city)
    assert (d.kind, d.rule, d.reasons) == (kind, rule, reasons)
