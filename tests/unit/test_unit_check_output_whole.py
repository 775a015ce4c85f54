"""check's renderings compared whole where the earlier tests looked at parts (checking/output.py),
the model's cuts on examples chosen so that each rule of `thresholds` decides (checking/calibration.py),
and one rendition per document (checking/run.py). Expected values by hand; the probabilities are the
logistic function of the one feature, written out here."""
from __future__ import annotations

import csv
import io
import json
import math
from collections import Counter
from datetime import date

import numpy as np
import pytest

from checking import calibration as cal
from checking import run as check_run
from checking.evidence import FEATURES, Commitment, Unit
from checking.output import _bars_svg, to_csv, to_html, to_json, to_markdown, to_terminal
from checking.run import CheckResult, CommitmentResult
from schemas.records import Period
from tests.unit.test_unit_check import plain_result

pytestmark = pytest.mark.unit


def test_csv_header_and_a_row_without_evidence_whole():
    rows = list(csv.reader(io.StringIO(to_csv(plain_result()))))
    assert rows[0] == ["plan_doc", "ref", "deadline", "status", "score", "commitment_text", "best_evidence", "evidence_doc",
                       "evidence_page", "evidence_score", "evidence_section", "evidence_date", "reason", "missing"]
    assert rows[2] == ["plan.docx", "row 3", "2010-12-31", "no evidence", "0.1", "Publish a guide | for police", "", "", "",
                       "", "", "", "nearest passage scored 0.10", ""]


def test_markdown_table_head():
    md = to_markdown(plain_result()).splitlines()
    assert md[1] == "" and md[3] == ""
    assert md[4:6] == ["| plan | ref | deadline | status | score | commitment | why |", "|---|---|---|---|---|---|---|"]
    assert len(md) == 9


def _result_with(results):
    return CheckResult(check_id="c1", report_doc="Bericht.txt", report_period=None, plan_docs=["plan.docx"], results=results)


def _commitment(text="Schutz für Kinder", themes=("police",), ref="row 3"):
    return Commitment(record_id="r1", ref=ref, text=text, plan_doc="plan.docx", start=None, end=date(2010, 12, 31),
                      themes=list(themes))


def _unit(text, paragraph):
    return Unit(text=text, doc="report.txt", kind="sentence", page=None, paragraph_no=paragraph, block_no=paragraph,
                start=None, end=None)


def test_json_keeps_letters_as_they_are():
    out = to_json(_result_with([CommitmentResult(_commitment(), "no evidence", 0.1, [], reason="nichts")]))
    assert out.startswith('[\n {\n  "record_id": "r1",\n  "ref": "row 3",\n  "commitment_text": "Schutz für Kinder",')
    assert json.loads(out)[0]["status"] == "no evidence"


def test_html_counts_each_theme_and_shows_every_quote():
    c = _commitment()
    two = CommitmentResult(c, "partly evidenced", 0.6, [(_unit("A guide was drafted.", 3), 0.6, []),
                                                        (_unit("Police were consulted.", 5), 0.5, [])], reason="r")
    again = CommitmentResult(c, "partly evidenced", 0.55, [(_unit("A draft exists.", 6), 0.55, [])], reason="r")
    bare = CommitmentResult(_commitment("Map services", themes=()), "not a commitment", 0.0, [], reason="a lead-in")
    page = to_html(_result_with([two, again, bare]))
    assert ("paragraph 3 · score 0.60</footer></blockquote><blockquote>Police were consulted.<footer>report.txt, "
            "paragraph 5 · score 0.50</footer></blockquote>") in page
    assert "<title>police: 2 partly evidenced</title>" in page
    assert "<title>(none): 1 not a commitment</title>" in page
    assert "Report period no period found" in page


def test_the_bars_end_and_label_their_segments():
    svg = _bars_svg([("a", Counter({"evidenced": 2, "overdue": 1}))], width=400)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="610" height="36" role="img">')
    assert svg.endswith("</svg>")
    # of 3 in all, 2 are 266.7 of the 400: the number at the middle of 170 to 436.7
    assert '<text x="303.3" y="18" text-anchor="middle" font-size="11" fill="#fff">2</text>' in svg
    narrow = _bars_svg([("b", Counter({"evidenced": 1, "overdue": 40}))], width=560)  # 14 wide: no number on it
    assert 'fill="#fff">1</text>' not in narrow and 'fill="#fff">40</text>' in narrow


def test_the_terminal_table(capsys):
    c = _commitment("Train police", ref="abcdefghi")
    results = [CommitmentResult(c, "no evidence", 0.1, [], reason="none near"),
               CommitmentResult(_commitment("Map services", ref=None), "not a commitment", 0.0, [], reason="a lead-in"),
               CommitmentResult(c, "overdue", 0.0, [], reason="late")]
    to_terminal(_result_with(results))
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == ("Bericht.txt (no period) against 1 plan(s): 0 evidenced, 0 partly evidenced, 1 no evidence, "
                        "1 overdue, 1 not a commitment")
    assert sum(1 for ln in lines if ln.startswith("├")) == 2  # a line between rows
    assert "abcdefgh" in out and "abcdefghi" not in out  # the ref column is 8 wide
    assert "none near" in out and "2010-12-31" in out


# -- the cuts --------------------------------------------------------------------------------------------------

def s(x):
    return 1 / (1 + math.exp(-x))


def ex(x, label):
    f = np.zeros(len(FEATURES))
    f[FEATURES.index("lexical")] = x
    return f, label


MODEL = {"bias": 0.0, "weights": {"lexical": 1.0}}
NONE2 = [ex(-2.0, "none"), ex(-1.0, "none")]


def test_the_partly_cut_of_most_f1_among_the_precise_and_the_evidenced_cut_above_it():
    examples = NONE2 + [ex(float(x), "partly") for x in range(1, 5)] + [ex(float(x), "evidenced") for x in range(5, 9)]
    # precise cuts (precision >= 0.85, at least 5 found): between s(-2) and s(-1) (F1 16/17), between s(-1) and s(1)
    # (all 8 found, F1 1), then 7, 6, 5 found; the best is midway between s(-1) and s(1): 0.5. Above it, the cut
    # between s(4) and s(5) parts partly from evidenced.
    assert cal.thresholds(MODEL, examples) == {"partly": 0.5, "evidenced": round((s(4) + s(5)) / 2, 4)}
    assert round((s(4) + s(5)) / 2, 4) == 0.9877


def test_the_evidenced_cut_may_be_the_partly_cut():
    examples = NONE2 + [ex(float(x), "evidenced") for x in range(1, 9)]
    assert cal.thresholds(MODEL, examples) == {"partly": 0.5, "evidenced": 0.5}


def test_without_a_precision_floor_the_best_f_beta(monkeypatch):
    monkeypatch.setattr(cal, "PRECISION_FLOOR", 0.0)
    examples = NONE2 + [ex(float(x), "partly") for x in range(1, 5)] + [ex(float(x), "evidenced") for x in range(5, 9)]
    assert cal.thresholds(MODEL, examples) == {"partly": 0.5, "evidenced": 0.9877}
    # a negative above two positives: F0.7 is best below it (2 found of 3, one wrong) ...
    few = [ex(-3.0, "none"), ex(-1.0, "partly"), ex(1.0, "none"), ex(2.0, "evidenced")]
    # cuts: mid(s-3, s-1): tp 2 fp 1 -> 1.49*2/(2.98+1) = 0.7487; mid(s-1, s1): tp 1 fp 1 fn 1 -> 1.49/(1.49+0.49+1) = 0.5;
    # mid(s1, s2): tp 1 fn 1 -> 1.49/1.98 = 0.7525, the best
    assert cal.thresholds(MODEL, few)["partly"] == round((s(1) + s(2)) / 2, 4)


def test_fitted_weights_keep_four_decimals():
    examples = [ex(1.0, "evidenced")] * 3 + [ex(0.0, "none")] * 3
    model = cal.fit(examples, steps=50)
    assert isinstance(model["bias"], float) and isinstance(model["weights"]["lexical"], float)
    assert model["weights"]["lexical"] != round(model["weights"]["lexical"])


def test_one_rendition_per_document_when_the_format_is_unknown():
    rows = [("a", "odt", "K"), ("b", "rtf", "K"), ("c", "odt", "L"), ("d", "txt", "L")]
    assert check_run._one_per_rendition(rows) == [("a", "odt", "K"), ("d", "txt", "L")]
