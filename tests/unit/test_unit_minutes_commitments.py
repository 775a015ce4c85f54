"""How minutes and work plans write what is to be done: numbered action points ("AP 3/2021: The Board
to publish ..."), a decision told after the discussion in the same numbered paragraph ("... The Board
agreed to hire ..."), "decided not to" (nothing to do), and a work plan's running head at the top of
each page (it must not cut a list from its lead-in). Sentences and expectations written by hand."""
from __future__ import annotations

import pytest

from extractors.prose.narrative import narrative_units
from extractors.prose.narrative_kind import action_point_doer
from extractors.structure import analyse
from pipeline.readers import read_document
from pipeline.readers.txt_reader import running_heads

from prose_decisions import decision_of

pytestmark = pytest.mark.unit

MINUTES = """Harbour Pilots' Association

MINUTES OF THE ANNUAL MEETING 2021

Gothenburg, 3 March 2021

1. Opening

1.1 The President opened the meeting and welcomed the members.

2. Accounts

2.1 The treasurer reported that the costs of the pilot boats had risen by a fifth. Several members asked for an outside view of the figures. The Board agreed to hire an external auditor before the summer.

2.2 The Board decided to raise the fees by five per cent from 1 July 2021.

2.3 After some discussion, the meeting decided not to sell the old boat for the time being.

Action points

AP 1/2021: The Board to publish the audited accounts on the website by 31 May 2021.
AP 2/2021: Members to send their training records to the secretary by April.
"""


@pytest.fixture(scope="module")
def minutes(tmp_path_factory):
    path = tmp_path_factory.mktemp("minutes") / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    doc = read_document(path)
    return narrative_units(doc, analyse(doc))


def test_an_action_point_is_one_unit_with_its_number_as_label(minutes):
    points = [(u.label, u.text) for u in minutes if u.label and u.label.startswith("AP")]
    assert points == [("AP 1/2021", "The Board to publish the audited accounts on the website by 31 May 2021."),
                      ("AP 2/2021", "Members to send their training records to the secretary by April.")]


def test_a_decision_after_the_discussion_is_a_sentence_of_its_own(minutes):
    assert [u.text for u in minutes if u.label == "2.1"] == [
        "The treasurer reported that the costs of the pilot boats had risen by a fifth.",
        "Several members asked for an outside view of the figures.",
        "The Board agreed to hire an external auditor before the summer."]
    # one sentence, or a decision told first: the item stays whole
    assert [u.text for u in minutes if u.label == "2.2"] == [
        "The Board decided to raise the fees by five per cent from 1 July 2021."]
    assert [u.text for u in minutes if u.label == "1.1"] == ["The President opened the meeting and welcomed the members."]


def test_an_action_point_names_a_body_then_what_it_is_to_do():
    assert decision_of("The Board to publish the audited accounts on the website by 31 May 2021.").rule == "action point"
    d = decision_of("Members to send their training records to the secretary by April.")
    assert (d.kind, d.rule) == ("activity", "action point")
    assert decision_of("EG OSR to update the list of oil-spill equipment in 2021.").rule == "action point"
    # no body before "to", or no verb after it: not an action point
    assert decision_of("Measures to protect children from violence").rule != "action point"
    assert decision_of("Visit to Gothenburg harbour in May").rule != "action point"


def test_the_doer_of_an_action_point(nlp_doc=None):
    from extractors.entities.nlp import get_nlp

    nlp = get_nlp()
    assert action_point_doer(nlp("The German Chair to circulate the draft budget by 1 September.")) == "The German Chair"
    assert action_point_doer(nlp("Ways to improve the exchange of information")) is None


def test_deciding_not_to_do_something_is_no_work_to_do():
    assert decision_of("The Board decided to raise the fees from July.").rule == "decided work"
    d = decision_of("After some discussion, the meeting decided not to sell the old boat for the time being.")
    assert d.rule != "decided work" and d.kind != "activity"


def test_a_line_that_opens_every_page_is_a_running_head():
    page = ["Body text of the page.", "", "(a) do this;", "Footer"]
    lines = ["WP/2021/4 rev.2      Work Plan 2022", "", *page, "\fWP/2021/4 rev.2      Work Plan 2022", *page,
             "\fWP/2021/4 rev.2      Work Plan 2022", *page]
    assert running_heads(lines) == {0, 6, 11}
    # two slides with the same title and no number: a slide deck may repeat a title
    slides = ["Background", "text", "\fBackground", "more text", "\fResults", "figures"]
    assert running_heads(slides) == set()
    # the same head twice with a number is a document code; without form feeds, pages are not known
    assert running_heads(["Plan 2022", "a", "\fPlan 2022", "b"]) == {0, 2}
    assert running_heads(["Plan 2022", "a", "Plan 2022", "b"]) == set()


def test_a_running_head_does_not_cut_the_list_from_its_lead_in(tmp_path):
    foot = "Harbour Pilots' Association, secretariat" + " " * 44 + "page {} of 3"  # page number at the right margin
    head = "WP/2021/4 rev.2      Work Plan 2022"
    text = "\n".join([
        head, "", "WORK PLAN 2022", "", "Objective 1. Safer harbours", "", "The Association will:",
        "(a) train ten new pilots (Board, Q2 2022);", "(b) renew the radio equipment (Q3 2022);", "",
        foot.format(1), "\f" + head, "",
        "(c) hold a joint exercise with the tug operators in the outer harbour (September 2022).", "",
        foot.format(2), "\f" + head, "",
        "Objective 2. Members", "", "The Association will:", "(a) welcome two new member ports (2022).", "",
        foot.format(3), ""])
    path = tmp_path / "wp.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert not any("WP/2021/4" in b.text for b in doc.blocks)
    assert [b.prov.page for b in doc.blocks if "hold a joint" in b.text] == [2]
    # the item after the page break follows the one before it, with no heading between them
    k = next(k for k, b in enumerate(doc.blocks) if "hold a joint" in b.text)
    assert doc.blocks[k - 1].text.startswith("renew the radio equipment") and doc.blocks[k - 1].label == "(b)"
