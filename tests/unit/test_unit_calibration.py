"""How check's model is fitted and measured, on small inputs with values by hand (issue 29)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from checking import calibration as cal
from checking.evidence import FEATURES

pytestmark = pytest.mark.unit


def test_norm_text_and_dice_as_the_scorer_does():
    assert cal.norm_text("Co-ordination of  the Group’s work!") == "coordination of the group s work"  # ’ made ' then dropped as punctuation
    assert cal.norm_text(None) == ""
    assert cal.dice("a b c", "a b d") == pytest.approx(2 * 2 / 6)
    assert cal.dice("", "") == 1.0
    assert cal.dice("a", "") == 0.0


class C:
    def __init__(self, text, ref=None):
        self.text, self.ref = text, ref


def test_labelled_entries_match_extracted_commitments_one_to_one():
    commitments = [C("Publish a guide for police"), C("Hold a seminar on care"), C("Publish a guide for judges")]
    entries = [{"text": "publish a guide for police."}, {"text": "Hold a seminar on care"}, {"text": "Train everyone now"}]
    matched, missed = cal.match_entries(entries, commitments)
    assert matched == {0: entries[0], 1: entries[1]}
    assert missed == [entries[2]]


def test_label_of_by_ref_then_text():
    pair = cal.Pair("p", Path("plan"), Path("report"), {"row 1": "evidenced", "Hold a seminar": "ambiguous"}, True, True)
    assert cal.label_of(pair, C("anything", ref="row 1")) == "evidenced"
    assert cal.label_of(pair, C(" Hold a seminar ", ref="row 9")) is None  # ambiguous: not judged
    assert cal.label_of(pair, C("Other", ref="row 2")) == "none"  # complete: every other is none
    incomplete = cal.Pair("p", Path("plan"), Path("report"), {}, True, False)
    assert cal.label_of(incomplete, C("Other", ref="row 2")) is None


def test_f_beta_counts_by_hand():
    probs = np.array([0.9, 0.7, 0.4, 0.2])
    positive = np.array([True, False, True, False])
    # at 0.5: tp 1, fp 1, fn 1; beta 1 -> 2/4
    assert cal.f_at(probs, positive, 0.5, beta=1.0) == pytest.approx(0.5)
    # beta 0.7: (1.49 * 1) / (1.49 + 0.49 + 1)
    assert cal.f_at(probs, positive, 0.5) == pytest.approx(1.49 / 2.98)
    assert cal.f_at(probs, positive, 0.95) == 0.0


def features(**kw) -> np.ndarray:
    return np.array([kw.get(k, 0.0) for k in FEATURES], dtype=float)


def test_measure_and_summary_count_at_the_partly_cut():
    model = {"bias": 0.0, "weights": {"lexical": 4.0}, "thresholds": {"evidenced": 0.9, "partly": 0.6}}
    examples = [(features(lexical=1.0), "evidenced"), (features(lexical=1.0), "none"),
                (features(lexical=0.0), "partly"), (None, "evidenced"), (features(lexical=0.0), "none")]
    counts = cal.measure(model, examples)
    assert counts == {"tp": 1, "fp": 1, "fn": 2, "n": 5, "missed": 1}
    assert cal.summary(counts) == {**counts, "precision": 0.5, "recall": 0.333, "f1": 0.4}
    assert cal.summary({"tp": 0, "fp": 0, "fn": 0}) == {"tp": 0, "fp": 0, "fn": 0, "precision": None, "recall": None,
                                                         "f1": None}
    assert cal.pooled({"a": counts, "b": {"tp": 1, "fp": 0, "fn": 0, "n": 1, "missed": 0}}) == \
        {"tp": 2, "fp": 1, "fn": 2, "n": 6, "missed": 1, "precision": 0.667, "recall": 0.5, "f1": 0.571}


def test_fit_learns_a_separating_weight_with_the_signs_kept():
    examples = [(features(lexical=1.0, outranked=1.0), "evidenced")] * 3 + [(features(lexical=0.0), "none")] * 3 \
        + [(None, "evidenced"), (features(lexical=np.nan), "none")]
    model = cal.fit(examples, steps=400)
    assert model["weights"]["lexical"] > 1.0
    assert model["weights"]["outranked"] == 0.0  # a negative feature never gets a positive weight
    assert all(model["weights"][k] == 0.0 for k in FEATURES if k not in ("lexical", "outranked"))
    assert cal._p(model, features(lexical=1.0)) > 0.5 > cal._p(model, features(lexical=0.0))
    assert cal._p(model, None) == 0.0


def test_thresholds_cut_between_neighbouring_scores():
    model = {"bias": 0.0, "weights": {"lexical": 1.0}}
    p = lambda x: 1 / (1 + np.exp(-x))  # noqa: E731
    examples = [(features(lexical=-2.0), "none"), (features(lexical=0.0), "partly"), (features(lexical=2.0), "evidenced")]
    cuts = cal.thresholds(model, examples)
    assert cuts == {"partly": round((p(-2.0) + p(0.0)) / 2, 4), "evidenced": round((p(0.0) + p(2.0)) / 2, 4)}
