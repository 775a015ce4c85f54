"""What `check` says in words and where (checking/output.py) and small rules of checking/evidence.py
that a mutation run (issue 29, sample 9 of 2026-12-07) showed no test holding: the why of a result
without evidence, the terminal table's columns and folded text, a highlighted word stem, the HTML
reason and themes, a feature without words, a title in quotation marks, initials of an own name,
cosine's weights, filler verbs, another body's event. Expected values by hand."""
from __future__ import annotations

import math
from collections import Counter

import pytest

from checking.evidence import (FEATURES, Commitment, Unit, action_verbs, cosine, is_own, is_title, named_overlap,
                               other_actor, strongest)
from checking.output import _highlight, to_html, to_terminal, why_line
from checking.run import CommitmentResult
from tests.unit.test_unit_check_output_whole import _commitment, _result_with

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


def test_the_why_of_a_result_without_evidence_is_its_nearest_passage():
    passage = {"text": "A guide was drafted.", "doc": "report.txt", "section": None, "date": None, "page": 4}
    d = {"status": "no evidence", "evidence": [passage], "reason": "below the cut", "missing": [],
         "nearest": {"text": "The guide is planned.", "doc": "report.txt", "page": 2}}
    assert why_line(d) == "below the cut: “The guide is planned.” (report.txt, p. 2)"


def test_the_terminal_table_names_its_columns_and_folds_long_text(capsys):
    text = "Publish a guide for police officers on the rights of children who arrive alone in the region"
    url = "https://www.cbss.org/wp-content/uploads/2012/08/guide-for-police-officers.pdf"  # one word of 78 letters
    to_terminal(_result_with([CommitmentResult(_commitment(text=f"{text} ({url})"), "no evidence", 0.1, [],
                                               reason="nothing near")]))
    out = capsys.readouterr().out
    assert "┃ status " in out and "┃ commitment " in out  # the header row between heavy bars
    assert "│ no evidence │" in out  # the status cell (the summary line above says "1 no evidence" too)
    assert "…" not in out and all(w in out for w in text.split())  # folded onto more lines, not cut
    assert "".join(line.split("│")[4].strip() for line in out.splitlines() if line.count("│") == 7).endswith(
        "guide-for-police-officers.pdf)")  # the long word folded, not cut short


def test_a_shared_term_marks_every_word_of_its_stem():
    # "plans" is cut to its first four letters (len - 2 = 3 is less): "planning" shares the stem
    assert _highlight("The planning went on.", ["plans"]) == "The <mark>planning</mark> went on."


def test_the_html_reason_and_themes_of_a_result():
    result = _result_with([CommitmentResult(_commitment(themes=("police", "care")), "no evidence", 0.1, [],
                                            reason="nichts")])
    page = to_html(result)
    assert '<p class="why">nichts</p>' in page
    assert '<div class="themes">police, care</div>' in page


def test_a_feature_without_words_is_named_by_its_key():
    feats = dict.fromkeys(FEATURES, 0.0) | {"coverage": 0.5, "other_actor": 1.0}
    assert strongest(feats, {"weights": {"coverage": 1.0, "other_actor": 2.0}}) == "other_actor 1.00, its words covered 0.50"


def test_a_quoted_title_alone_is_a_title_and_a_sentence_after_a_quoted_name_is_not(nlp):
    assert is_title('"Water services for a hotter Mediterranean"', nlp('"Water services for a hotter Mediterranean"'))
    text = '"Safe Homes" will be published for the police in 2010'
    assert is_title(text, nlp(text)) is False


def test_initials_of_three_letters_or_more_are_the_plans_own():
    c = Commitment(record_id="r1", ref=None, text="Publish a guide", plan_doc="plan.docx", start=None, end=None,
                   themes=[], own_acronyms=frozenset({"WGCC"}))
    assert is_own("WGC", c) is True
    assert is_own("WG", c) is False


def test_cosine_weighs_both_sides_by_idf():
    # the guide weighs 2, the police 1: (2 x 2) / (2 x sqrt(4 + 1))
    assert cosine(Counter({"guide": 1}), Counter({"guide": 1, "police": 1}), {"guide": 2.0}) == pytest.approx(2 / math.sqrt(5))


def test_a_name_without_idf_weighs_one():
    assert named_overlap({"riga", "unicef"}, {"riga"}, {"riga": 3.0}) == pytest.approx(3 / 4)


def test_filler_verbs_are_no_action(nlp):
    # "continue" is a filler verb; "print" is of the publish family (the docstring's example)
    assert action_verbs(nlp("Continue to translate the brochure into Russian and print it")) == {"translate", "publish"}


def test_another_body_organised_it_whoever_of_ours_took_part():
    c = Commitment(record_id="r1", ref=None, text="Organise a seminar on care", plan_doc="plan.docx", start=None, end=None,
                   themes=[], own_words=frozenset({"expert", "group"}))
    u = Unit(text="The Expert Group attended the seminar organised by the European Commission.", doc="report.txt",
             kind="sentence", page=None, paragraph_no=1, block_no=1, start=None, end=None,
             agents={"expert group", "by:european commission"})
    assert other_actor(c, u) == 1.0
    u.agents = {"expert group"}
    assert other_actor(c, u) == 0.0
