"""The seventh session's rules of `planscope check`, on plan items and report sentences written for the test:
what a commitment acts on is read past the item's number ("2.3 Organise ..."), a verb of deciding ("decided to
renovate the reading rooms"), "take part in", "a series of", an action point's body ("The Treasurer to audit
...") and a verb the parser takes for a noun ("Commission and publish a survey"); and "No <a long subject> was
agreed" says nothing of the kind was done. Expectations by hand."""
from __future__ import annotations

import math
from collections import Counter
from datetime import date

import pytest

from checking import evidence
from checking.evidence import Commitment, Unit, action_object, not_done_cue, parse_text, prepare_commitment, prepare_unit
from checking.run import CheckInputs, assess
from schemas.records import Period

pytestmark = pytest.mark.unit

PERIOD = Period(start=date(2021, 1, 1), end=date(2021, 12, 31), raw="2021")


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


@pytest.mark.parametrize("text, parsed", [
    ("2.3 Organise a summer school for librarians", "Organise a summer school for librarians"),
    ("1.2.3 Run a course", "Run a course"),
    ("12. Hold a book fair", "Hold a book fair"),
    ("b) translate the catalogue into Estonian", "translate the catalogue into Estonian"),
    ("(iv) print the catalogue", "print the catalogue"),
    ("2025 Joint training with the archives", "2025 Joint training with the archives"),  # a year is no item number
    ("e.g. a course", "e.g. a course"),
])
def test_an_item_is_parsed_without_its_number(text, parsed):
    assert parse_text(text) == parsed


@pytest.mark.parametrize("text, head", [
    ("2.3 Organise a summer school for young librarians in Tartu", {"school"}),
    ("The Board decided to renovate the reading rooms of the city library", {"room"}),
    ("Take part in the opening of the Nordic book fair in Gothenburg", {"open"}),
    ("The Treasurer to audit the accounts of the youth fund", {"account"}),
    ("Produce a series of podcasts on local history", {"podcast"}),
])
def test_what_a_commitment_acts_on(nlp, text, head):
    assert action_object(nlp(parse_text(text)))[0] == head


@pytest.mark.parametrize("switch, head", [("object_parse", {"decid"}), ("item_number", {"organis"})])
def test_each_reading_switched_off(nlp, monkeypatch, switch, head):
    monkeypatch.setattr(evidence, "RULES_OFF", frozenset({switch}))
    text = {"object_parse": "The Board decided to renovate the reading rooms of the city library",
            "item_number": "2.3 Organise a summer school for young librarians in Tartu"}[switch]
    assert action_object(nlp(parse_text(text)))[0] == head


def _model(**weights) -> dict:
    """0.3 with no feature, 0.7 with its object named: evidenced from 0.6, partly from 0.4."""
    return {"bias": math.log(0.3 / 0.7), "weights": weights, "thresholds": {"evidenced": 0.6, "partly": 0.4}}


def _status(nlp, plan_item: str, sentence: str, model: dict) -> tuple[str, str]:
    from extractors.entities.registry import load_registry

    registry = load_registry()
    c = Commitment(record_id="r", ref=None, text=plan_item, plan_doc="plan.txt", start=None, end=None, themes=[])
    prepare_commitment(c, nlp(parse_text(plan_item)), registry)
    u = Unit(text=sentence, doc="report.txt", kind="sentence", page=None, paragraph_no=1, block_no=1, start=None,
             end=None, report_start=PERIOD.start, report_end=PERIOD.end)
    prepare_unit(u, nlp(sentence), registry)
    inputs = CheckInputs(report_sha="s", report_doc="report.txt", period=PERIOD, plan_docs=["plan.txt"], commitments=[c],
                         units=[u], idf={}, named_idf={})
    r = assess(inputs, model)[0]
    return r.status, r.reason


def test_a_numbered_item_is_evidenced_by_its_object(nlp, monkeypatch):
    item, told = "2.3 Organise a summer school for young librarians", "A summer school for young librarians was held in Tartu."
    logit = math.log(0.7 / 0.3) * 2  # the object alone takes 0.3 to 0.7
    assert _status(nlp, item, told, _model(object=logit))[0] == "evidenced"
    monkeypatch.setattr(evidence, "RULES_OFF", frozenset({"item_number"}))  # "Organise" read as a name
    assert _status(nlp, item, told, _model(object=logit))[0] == "no evidence"


@pytest.mark.parametrize("sentence, cue", [
    ("No code of conduct with the publishers on the lending of electronic books was agreed.", True),
    ("None of the reading rooms in the three branch libraries of the city were renovated.", False),  # no such verb
    ("No later than June the annual report of the library network was published.", False),
    ("The code of conduct with the publishers on the lending of electronic books was agreed.", False),
])
def test_no_long_subject_was_agreed(sentence, cue):
    assert (not_done_cue(sentence) is not None) is cue


def test_no_code_was_agreed_is_no_evidence(nlp, monkeypatch):
    item = "Agree a code of conduct with the publishers on the lending of e-books"
    told = "No code of conduct with the publishers on the lending of electronic books was agreed."
    status, reason = _status(nlp, item, told, _model(object=4.0))
    assert (status, reason) == ("no evidence", "the report says it was not done ('No code of conduct with the publishers on "
                                               "the lending of electronic books was agreed')")
    monkeypatch.setattr(evidence, "RULES_OFF", frozenset({"none_long"}))
    assert _status(nlp, item, told, _model(object=4.0))[0] == "evidenced"


FRAGMENT = "activity by rule 'classifier over fragment'; no finite verb"


@pytest.mark.parametrize("text, why, kind", [
    ("Estonian Chairmanship, 1 July 2023 – 30 June 2024", FRAGMENT, "title"),  # the office the plan is the plan of
    ("Danish Presidency, 2026", FRAGMENT, "title"),
    ("Presidency conference on library services in Aarhus", FRAGMENT, "commitment"),  # a conference to hold
    ("How the Board will work", "activity by rule 'future'", "title"),  # a heading put as a question
    ("What the Network will do in 2024", "activity by rule 'future'", "title"),
    ("How the Board will work with the city archives, the museums and the schools of the region in 2024 and 2025",
     "activity by rule 'future'", "commitment"),  # too long for a heading
    ("Where member libraries agree, the Board will publish a joint catalogue", "activity by rule 'future'", "commitment"),
])
def test_an_office_line_and_a_question_heading_are_titles(nlp, text, why, kind):
    from checking.evidence import commitment_kind, content_lemmas

    c = Commitment(record_id="r", ref=None, text=text, plan_doc="p", start=None, end=None, themes=[], why=why)
    c.lemmas = content_lemmas(nlp(text))
    assert commitment_kind(c, nlp(text)) == kind


# --- signing, blocks, a public authority as partner ------------------------------------


def _c(text, lemmas, verbs=()):
    c = Commitment(record_id=text[:10], ref=None, text=text, plan_doc="plan.txt", start=None, end=None, themes=[],
                   lemmas=Counter(lemmas), verbs=set(verbs))
    return c


def _u(text, lemmas, kind="sentence"):
    return Unit(text=text, doc="report.txt", kind=kind, page=None, paragraph_no=1, block_no=1, start=None, end=None,
                lemmas=Counter(lemmas), report_start=PERIOD.start, report_end=PERIOD.end)


SIGN = ("Sign a memorandum of understanding with the Lake Museum Association", ["sign", "memorandum", "understand", "lake", "museum"])


@pytest.mark.parametrize("sentence, status", [
    ("Our talks with the Lake Museum Association on a memorandum of understanding went well.", "no evidence"),
    ("The memorandum of understanding with the Lake Museum Association was signed in May.", "evidenced"),
])
def test_talks_on_a_memorandum_are_not_its_signature(sentence, status, monkeypatch):
    text, lemmas = SIGN
    c = _c(text, lemmas, verbs={"sign"})
    u = _u(sentence, [w for w in lemmas if w != "sign"] + ["talk"])
    inputs = CheckInputs(report_sha="s", report_doc="report.txt", period=PERIOD, plan_docs=["plan.txt"], commitments=[c],
                         units=[u], idf={}, named_idf={})
    r = assess(inputs, _model(coverage=4.0))
    assert r[0].status == status
    if status == "no evidence":
        assert r[0].nearest[2] == "tells of no signature or conclusion: talks or an intention are not the act"
        monkeypatch.setattr(evidence, "RULES_OFF", frozenset({"decisive"}))
        assert assess(inputs, _model(coverage=4.0))[0].status == "evidenced"


def test_a_paragraph_or_a_section_is_a_block():
    c = _c("Organise a summer school for librarians", ["summer", "school", "librarian"])
    sentence = _u("A summer school for librarians was held in Tartu.", ["summer", "school", "librarian", "tartu"])
    section = _u("Schools A summer school for librarians was held in Tartu.", ["summer", "school", "librarian", "tartu"],
                 kind="section")
    paragraph = _u("A summer school was held. Librarians came.", ["summer", "school", "librarian"], kind="paragraph")
    evidence.mark_closest([c], [sentence, section, paragraph], {})
    assert [evidence.features(c, u, {}, {})["block"] for u in (sentence, section, paragraph)] == [0.0, 1.0, 1.0]


def test_a_public_authority_named_as_partner_is_another_body():
    c = _c("Joint course with the Baltic Heritage Authority for museum guides", ["joint", "course", "museum", "guide"])
    c.own_words = frozenset("joint course with the baltic heritage authority for museum guides".split())
    assert evidence.partners(c.text) == (frozenset({"baltic", "heritage", "authority"}),)
    u = _u("Two guides attended the course that the Baltic Heritage Authority held in Riga.", ["course", "guide"])
    u.agents = {"baltic heritage authority"}
    assert evidence.other_actor(c, u) == 1.0
