"""The cue words the classifier reads (extractors/prose/narrative_kind.py cue_words), whole, for
sentences chosen for one cue each: written by hand from the rules, in the order the code adds them."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.prose.narrative import Unit
from extractors.prose.narrative_kind import Decision, cue_words
from schemas.records import DateValue

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


def unit(text: str, shape: str = "sentence", **kw) -> Unit:
    return Unit(text=text, block=0, char_start=0, char_end=len(text), shape=shape, **kw)


@pytest.mark.parametrize("n, cue", [(1, "cuelen1"), (3, "cuelen1"), (4, "cuelen2"), (7, "cuelen2"), (8, "cuelen3"),
                                    (19, "cuelen3"), (20, "cuelen4"), (40, "cuelen4")])
def test_the_length_cue_at_its_bounds(n, cue):
    assert cue_words(unit(" ".join(["word"] * n)), None, False) == ["cueshapesentence", cue, "cuenoparse"]


def test_an_empty_parse_is_no_parse(nlp):
    assert cue_words(unit("word word"), nlp(""), False) == ["cueshapesentence", "cuelen1", "cuenoparse"]


def test_the_cues_of_a_future_task_of_our_own(nlp):
    text = "We will prepare a guide."
    u = unit(text, heading_date=DateValue(start=date(2009, 1, 1), end=date(2009, 12, 31), raw="2009", granularity="year"),
             entry_date_raw="May 2009", heading="Work done", lead_in="The members agreed:")
    assert cue_words(u, nlp(text), False, Decision(None, rule="no rule")) == [
        "cueshapesentence", "cueleadin", "cueheadingdate", "cueentrydate", "cuelen2", "cuefuture", "cuerulenorule",
        "cuerulekindnone", "cuetensefuture", "cueverbprepare", "cueverbwork", "cuemodalwill", "cuesubjanaphoric",
        "cuesubjfirstperson"]


def test_the_cues_of_a_passive_with_its_agent(nlp):
    text = "The guide was published by the Council in Riga."
    assert cue_words(unit(text, heading="Strategy"), nlp(text), True, Decision("event", rule="event verb")) == [
        "cueshapesentence", "cueheadingpriority", "cuecity", "cuelen3", "cueruleeventverb", "cuerulekindevent",
        "cuetensepast", "cuepassive", "cueagent", "cueverbpublish", "cueverbstrong", "cuesubjother"]


def test_the_cues_of_an_order_without_a_subject(nlp):
    text = "Discuss the guide with the police."
    assert cue_words(unit(text), nlp(text), False) == [
        "cueshapesentence", "cuelen2", "cuetensenone", "cueverbdiscuss", "cueverbcontent", "cuesubjnone"]


def test_the_cues_of_a_nominal_event_with_its_participle(nlp):
    text = "A seminar organised by the Council."
    assert cue_words(unit(text), nlp(text), False) == [
        "cueshapesentence", "cuelen2", "cueeventnoun", "cuenominalevent", "cuetenseparticiple", "cueverborganise",
        "cueverbstrong", "cueverbwork", "cueverbembedded", "cuesubjnone"]


def test_a_line_without_a_verb(nlp):
    text = "Children in the region"
    assert cue_words(unit(text), nlp(text), False) == ["cueshapesentence", "cuelen2", "cuenoverb"]
