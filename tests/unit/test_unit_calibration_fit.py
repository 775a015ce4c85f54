"""check's model fitting end to end on hand-made pairs (checking/calibration.py): the label files
read, the feature tensor assembled with its vetoes, the judged commitments of authored and listed
pairs, and held-out figures counted by hand. Features are set by the test, not computed, so each
count follows from the numbers written here."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from checking import calibration as cal
from checking.evidence import FEATURES

pytestmark = pytest.mark.unit
NF = len(FEATURES)


def test_load_fixture_pairs(tmp_path):
    path = tmp_path / "pairs.json"
    path.write_text(json.dumps({"pairs": [{"plan": "p1.txt", "report": "r1.txt", "labels": {"row 1": "evidenced"}},
                                          {"plan": "p2.txt", "report": "r2.txt", "labels": {}}]}))
    assert cal.load_fixture_pairs(path) == [
        cal.Pair("p1.txt vs r1.txt", tmp_path / "p1.txt", tmp_path / "r1.txt", {"row 1": "evidenced"}, real=False,
                 complete=False),
        cal.Pair("p2.txt vs r2.txt", tmp_path / "p2.txt", tmp_path / "r2.txt", {}, real=False, complete=False)]


def test_load_real_pair(tmp_path):
    path = tmp_path / "labels_lv2009.json"
    path.write_text(json.dumps({"plan": "plan_lv", "report": "report_lv", "evidenced": ["row 1", "row 2"],
                                "partly": ["Hold a seminar"], "ambiguous": ["row 3"], "none": ["row 4"]}))
    plans, reports = tmp_path / "plans", tmp_path / "reports"
    assert cal.load_real_pair(path, plans, reports) == cal.Pair(
        "lv2009", plans / "plan_lv.docx", reports / "report_lv.txt",
        {"row 1": "evidenced", "row 2": "evidenced", "Hold a seminar": "partly", "row 3": "ambiguous"},
        real=True, complete=True)
    written = cal.load_real_pair(path, plans, reports, plan_ext=".txt", report_ext=".pdf", real=False)
    assert (written.plan, written.report, written.real, written.complete) == (
        plans / "plan_lv.txt", reports / "report_lv.pdf", False, True)
    path.write_text(json.dumps({"plan": "a", "report": "b"}))
    assert cal.load_real_pair(path, plans, reports).labels == {}


def _authored(folder: Path, k: str, spec: dict, plan=True, report=True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"labels_{k}.json"
    path.write_text(spec if isinstance(spec, str) else json.dumps(spec))
    if plan:
        (folder / f"plan_{k}.txt").write_text("plan")
    if report:
        (folder / f"report_{k}.txt").write_text("report")
    return path


def test_load_authored_pair(tmp_path):
    entries = [{"text": "Hold a seminar", "label": "evidenced"}]
    period = {"plan": ["2009-01-01", "2009-12-31"], "report": ["2009-01-01", "2009-12-31"]}
    path = _authored(tmp_path / "anna", "3", {"plan": "plan_3", "report": "report_3", "commitments": entries,
                                              "period": period})
    assert cal.load_authored_pair(path) == cal.Pair(
        "anna/3", tmp_path / "anna" / "plan_3.txt", tmp_path / "anna" / "report_3.txt", {}, real=False, complete=True,
        author="anna", entries=entries, period=period)
    path = _authored(tmp_path / "anna", "4", {"plan": "plan_4", "report": "report_4", "commitments": [], "author": "Anna B"})
    pair = cal.load_authored_pair(path)
    assert (pair.author, pair.period, pair.entries) == ("Anna B", None, [])


def test_authored_pairs_are_the_complete_ones(tmp_path):
    spec = {"plan": "plan_1", "report": "report_1", "commitments": []}
    _authored(tmp_path / "bob", "1", spec)
    _authored(tmp_path / "anna", "1", spec)
    _authored(tmp_path / "anna", "2", {**spec, "plan": "plan_2", "report": "report_2"}, report=False)  # no report yet
    _authored(tmp_path / "carl", "1", "{ not json")  # still being written
    _authored(tmp_path / "dora", "1", {"plan": "plan_1", "report": "report_1"})  # no commitments yet
    (tmp_path / "labels_9.json").write_text(json.dumps(spec))  # not in an author's folder
    assert [p.name for p in cal.authored_pairs(tmp_path)] == ["anna/1", "bob/1"]


# -- the tensor ----------------------------------------------------------------------------------------------

def _feats(**kw):
    return {**{k: 0.0 for k in FEATURES}, **kw}


def test_tensor_marks_vetoed_passages_and_what_is_no_commitment(monkeypatch):
    calls = []

    def features(c, u, idf, named_idf):
        calls.append((c.n, u.n))
        assert (idf, named_idf) == ({"a": 1.0}, {"b": 2.0})
        return _feats(lexical=10.0 * c.n + u.n, coverage=0.5, veto=(c.n, u.n) == (2, 1), undone=c.n == 3)

    monkeypatch.setattr(cal, "unit_rows", lambda c, units, idf, named_idf: [features(c, u, idf, named_idf) for u in units])
    monkeypatch.setattr(cal, "vetoed", lambda f: f["veto"])
    monkeypatch.setattr(cal, "said_not_done", lambda row, units: 0 if row[0]["undone"] else None)
    commitments = [SimpleNamespace(n=0, kind="commitment"), SimpleNamespace(n=1, kind="topic"),
                   SimpleNamespace(n=2, kind="commitment"), SimpleNamespace(n=3, kind="commitment")]
    inputs = SimpleNamespace(commitments=commitments, units=[SimpleNamespace(n=0), SimpleNamespace(n=1)],
                             idf={"a": 1.0}, named_idf={"b": 2.0})
    x = cal.tensor(inputs)
    assert x.shape == (4, 2, NF)
    lexical, coverage = FEATURES.index("lexical"), FEATURES.index("coverage")
    assert x[0, :, lexical].tolist() == [0.0, 1.0] and x[0, :, coverage].tolist() == [0.5, 0.5]
    assert x[0, 1].tolist() == [1.0 if k == "lexical" else 0.5 if k == "coverage" else 0.0 for k in FEATURES]
    assert np.isnan(x[1]).all()  # a topic
    assert x[2, 0, lexical] == 20.0 and np.isnan(x[2, 1]).all()  # the vetoed passage only
    assert np.isnan(x[3]).all()  # the report says it was not done
    assert len(calls) == 8
    assert cal.tensor(inputs) is x and len(calls) == 8  # computed once per pair
    assert inputs._tensor is x


def test_best_passage_and_weights():
    xj = np.array([[1.0] + [0.0] * (NF - 1), [3.0] + [np.nan] * (NF - 1), [2.0] + [0.0] * (NF - 1)])
    w, b = cal.weights_of({"weights": {"lexical": 2.0, "not_done": -1.0}, "bias": -0.5})
    assert w.tolist() == [2.0 if k == "lexical" else -1.0 if k == "not_done" else 0.0 for k in FEATURES] and b == -0.5
    assert cal._scores(xj, w).tolist() == [2.0, -np.inf, 4.0]
    assert cal._best(xj, w).tolist() == xj[2].tolist()
    assert cal._best(xj[:2], w).tolist() == xj[0].tolist()
    empty = cal._best(np.zeros((0, NF)), w)
    assert empty.shape == (NF,) and np.isnan(empty).all()
    vetoed = cal._best(np.full((2, NF), np.nan), w)
    assert np.isnan(vetoed).all()


class C:
    def __init__(self, text, ref=None, kind="commitment"):
        self.text, self.ref, self.kind = text, ref, kind


def test_judged_authored_and_listed_pairs():
    commitments = [C("Publish a guide for police"), C("Hold a seminar on care"), C("Something nobody labelled")]
    entries = [{"text": "publish a guide for police.", "label": "evidenced"},
               {"text": "Hold a seminar on care", "label": "ambiguous"},
               {"text": "Train everyone now", "label": "partly"}, {"text": "Never found at all", "label": "ambiguous"}]
    authored = cal.Pair("a/1", Path("p"), Path("r"), {}, real=False, complete=True, author="a", entries=entries)
    inputs = SimpleNamespace(commitments=commitments)
    assert cal.judged(authored, inputs) == [(0, "evidenced", entries[0]), (2, "none", None), (None, "partly", entries[2])]
    listed = [C("a", ref="row 1"), C("Hold", ref="row 2"), C("x", ref="row 3")]
    labels = {"row 1": "evidenced", "Hold": "ambiguous"}
    incomplete = cal.Pair("f", Path("p"), Path("r"), labels, real=False, complete=False)
    assert cal.judged(incomplete, SimpleNamespace(commitments=listed)) == [(0, "evidenced", None)]
    complete = cal.Pair("f", Path("p"), Path("r"), labels, real=True, complete=True)
    assert cal.judged(complete, SimpleNamespace(commitments=listed)) == [(0, "evidenced", None), (2, "none", None)]


# -- held-out figures ----------------------------------------------------------------------------------------

def _inputs(commitments, positive: list[bool]):
    """Two passages a commitment: a done one reads lexical 1.0 then 0.2, an undone one 0.0 then 0.1."""
    lex = FEATURES.index("lexical")
    x = np.zeros((len(commitments), 2, NF))
    for j, pos in enumerate(positive):
        x[j, 0, lex], x[j, 1, lex] = (1.0, 0.2) if pos else (0.0, 0.1)
    return SimpleNamespace(commitments=commitments, _tensor=x)


def _authored_pair(author, positive, missed=False):
    commitments = [C(f"do thing number {i}") for i in range(len(positive))]
    entries = [{"text": c.text, "label": "evidenced" if pos else "none"} for c, pos in zip(commitments, positive)]
    if missed:
        entries.append({"text": "a commitment the segmenter never cut", "label": "evidenced"})
    pair = cal.Pair(f"{author}/1", Path("p"), Path("r"), {}, real=False, complete=True, author=author, entries=entries)
    return pair, _inputs(commitments, positive)


def _listed_pair():
    commitments = [C(f"thing {i}", ref=f"row {i}") for i in range(4)]
    pair = cal.Pair("real", Path("p"), Path("r"), {"row 0": "evidenced", "row 1": "partly"}, real=True, complete=True)
    return pair, _inputs(commitments, [True, True, False, False])


START = {"bias": 0.0, "weights": {}}


def test_examples_for_take_the_best_passage_under_the_model():
    pair, inputs = _authored_pair("anna", [True, False], missed=True)
    lex = FEATURES.index("lexical")
    # no weights: every passage scores 0 and the first is taken
    got = [(None if f is None else f[lex], label) for f, label in cal.examples_for(pair, inputs, START)]
    assert got == [(1.0, "evidenced"), (0.0, "none"), (None, "evidenced")]
    model = {"bias": 0.0, "weights": {"lexical": 1.0}}
    got = [(None if f is None else f[lex], label) for f, label in cal.examples_for(pair, inputs, model)]
    assert got == [(1.0, "evidenced"), (0.1, "none"), (None, "evidenced")]
    assert cal.best_features(inputs, inputs.commitments[1], model)[lex] == 0.1
    assert cal.best_features(inputs, inputs.commitments[1], START)[lex] == 0.0


def _summary(tp, fp, fn, n, missed):
    return cal.summary({"tp": tp, "fp": fp, "fn": fn, "n": n, "missed": missed})


def test_calibrate_separates_done_from_undone():
    pairs = [_authored_pair("anna", [True] * 3 + [False] * 3), _listed_pair()]
    model = cal.calibrate(pairs, START)
    assert model["weights"]["lexical"] > 0 and set(model["thresholds"]) == {"evidenced", "partly"}
    lex = FEATURES.index("lexical")
    done, undone = np.zeros(NF), np.zeros(NF)
    done[lex], undone[lex] = 1.0, 0.1
    assert cal._p(model, done) >= model["thresholds"]["partly"] > cal._p(model, undone)
    assert cal.measure(model, cal.examples_for(*_listed_pair(), model)) == {"tp": 2, "fp": 0, "fn": 0, "n": 4, "missed": 0}


def test_leave_one_pair_out_and_one_author_out_count_by_hand():
    pairs = [_authored_pair("anna", [True] * 3 + [False] * 3), _authored_pair("bob", [True, True, False, False], missed=True),
             _listed_pair()]
    anna, bob, real = _summary(3, 0, 0, 6, 0), _summary(2, 0, 1, 5, 1), _summary(2, 0, 0, 4, 0)
    assert bob == {"tp": 2, "fp": 0, "fn": 1, "n": 5, "missed": 1, "precision": 1.0, "recall": 0.667, "f1": 0.8}
    assert cal.leave_one_pair_out(pairs, START) == {"anna/1": anna, "bob/1": bob, "real": real}
    assert cal.leave_one_pair_out(pairs, START, held=[1]) == {"bob/1": bob}
    by_author = cal.leave_one_author_out(pairs, START)
    assert by_author == {"anna": anna, "bob": bob}
    assert list(by_author) == ["anna", "bob"]
