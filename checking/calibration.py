"""Fitting and measuring the evidence model on hand-labelled plan/report pairs.

A pair is a plan, a report and labels per commitment: evidenced, partly, none or ambiguous
(scored neither way). Two label formats are read: the hand-written fixtures' {ref: label} and
the real pairs' lists (`evidenced`, `partly`, `ambiguous`, each of commitment texts or refs; every
other commitment is none).

The model is logistic over each commitment's best passage (re-chosen with the fitted model a
few times), with signs fixed by what a feature means (a shared title can only add evidence,
"postponed" only take it away), so that a handful of pairs cannot teach it nonsense. Every
figure this module reports is held out: `leave_one_pair_out` fits without the pair it scores.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from checking.evidence import FEATURES, features, linear

POSITIVE = ("evidenced", "partly")
# Features that can only add evidence, and those that can only take it away.
NEGATIVE_FEATURES = {"not_done", "in_progress", "outranked"}


@dataclass
class Pair:
    name: str
    plan: Path
    report: Path
    labels: dict[str, str]  # ref or commitment text -> evidenced | partly | none | ambiguous
    real: bool
    complete: bool  # every commitment not named is none (the real pairs' format)


def load_fixture_pairs(path: Path) -> list[Pair]:
    spec = json.loads(path.read_text())
    return [Pair(f"{p['plan']} vs {p['report']}", path.parent / p["plan"], path.parent / p["report"], p["labels"],
                 real=False, complete=False) for p in spec["pairs"]]


def load_real_pair(path: Path, plan_dir: Path, report_dir: Path, plan_ext: str = ".docx", report_ext: str = ".txt",
                   real: bool = True) -> Pair:
    """A pair labelled in lists (every commitment not listed is none); `real` False for a
    report written by hand for the purpose."""
    spec = json.loads(path.read_text())
    labels = {}
    for status in ("evidenced", "partly", "ambiguous"):
        for key in spec.get(status, []):
            labels[key] = status
    return Pair(path.stem.removeprefix("labels_"), plan_dir / f"{spec['plan']}{plan_ext}",
                report_dir / f"{spec['report']}{report_ext}", labels, real=real, complete=True)


def label_of(pair: Pair, commitment) -> str | None:
    """The label of a commitment (by ref or by text), None when the pair does not judge it."""
    for key in (commitment.ref, commitment.text.strip()):
        if key in pair.labels:
            label = pair.labels[key]
            return None if label == "ambiguous" else label
    return "none" if pair.complete else None


def best_features(inputs, commitment, model: dict) -> dict:
    feats = [features(commitment, u, inputs.idf, inputs.named_idf) for u in inputs.units]
    if not feats:
        return {k: 0.0 for k in FEATURES}
    return max(feats, key=lambda f: linear(f, model))


def examples_for(pair: Pair, inputs, model: dict) -> list[tuple[dict, str]]:
    out = []
    for c in inputs.commitments:
        label = label_of(pair, c)
        if label is not None:
            out.append((best_features(inputs, c, model), label))
    return out


def _p(model: dict, f: dict) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, linear(f, model)))))


def fit(examples, l2: float = 0.02, steps: int = 3000, lr: float = 0.5) -> dict:
    """L2-regularised logistic regression, sign-constrained, positives = evidenced or partly;
    positives and negatives weigh the same in total (the real pairs have few positives)."""
    w = {k: 0.0 for k in FEATURES}
    b = 0.0
    n_pos = sum(1 for _, l in examples if l in POSITIVE) or 1
    n_neg = (len(examples) - n_pos) or 1
    for _ in range(steps):
        gw = {k: l2 * w[k] for k in FEATURES}
        gb = 0.0
        for f, label in examples:
            y = 1.0 if label in POSITIVE else 0.0
            weight = 0.5 / n_pos if y else 0.5 / n_neg
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, b + sum(w[k] * f[k] for k in FEATURES)))))
            for k in FEATURES:
                gw[k] += weight * (p - y) * f[k]
            gb += weight * (p - y)
        for k in FEATURES:
            w[k] -= lr * gw[k]
            w[k] = min(w[k], 0.0) if k in NEGATIVE_FEATURES else max(w[k], 0.0)
        b -= lr * gb
    return {"bias": round(b, 4), "weights": {k: round(v, 4) for k, v in w.items()}}


def f1_at(model: dict, examples, t: float) -> float:
    tp = sum(1 for f, l in examples if _p(model, f) >= t and l in POSITIVE)
    fp = sum(1 for f, l in examples if _p(model, f) >= t and l not in POSITIVE)
    fn = sum(1 for f, l in examples if _p(model, f) < t and l in POSITIVE)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def thresholds(model: dict, examples) -> dict:
    """`partly`: the cut that best separates evidence (evidenced or partly) from none, midway
    between neighbouring scores; `evidenced`: the cut above it that best separates evidenced
    from partly among the positives."""
    scores = sorted({_p(model, f) for f, _ in examples})
    cuts = [(a + b) / 2 for a, b in zip(scores, scores[1:])] or [0.5]
    t_part = max(cuts, key=lambda t: (f1_at(model, examples, t), -abs(t - 0.5)))
    above = [c for c in cuts if c >= t_part] or [t_part]

    def separation(t):
        return sum(1 for f, l in examples if _p(model, f) >= t_part and (_p(model, f) >= t) == (l == "evidenced"))

    t_ev = max(above, key=lambda t: (separation(t), t))
    return {"evidenced": round(t_ev, 4), "partly": round(t_part, 4)}


def calibrate(pairs_inputs: list[tuple[Pair, object]], start: dict, rounds: int = 3) -> dict:
    model = start
    for _ in range(rounds):  # choose each commitment's best passage with the current model, refit
        examples = [e for pair, inputs in pairs_inputs for e in examples_for(pair, inputs, model)]
        model = fit(examples)
        model["thresholds"] = thresholds(model, examples)
    return model


def measure(model: dict, examples) -> dict:
    """Evidence (evidenced or partly) found against the labels at the model's `partly` cut."""
    t = model["thresholds"]["partly"]
    tp = sum(1 for f, l in examples if _p(model, f) >= t and l in POSITIVE)
    fp = sum(1 for f, l in examples if _p(model, f) >= t and l not in POSITIVE)
    fn = sum(1 for f, l in examples if _p(model, f) < t and l in POSITIVE)
    return {"tp": tp, "fp": fp, "fn": fn, "n": len(examples)}


def summary(counts: dict) -> dict:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
    r = lambda x: None if x is None else round(x, 3)  # noqa: E731
    return {**counts, "precision": r(precision), "recall": r(recall), "f1": r(f1)}


def leave_one_pair_out(pairs_inputs, start: dict, held: list[int] | None = None) -> dict[str, dict]:
    """For each pair (or each index in `held`): fit on every other pair, score this one."""
    out = {}
    for i in (held if held is not None else range(len(pairs_inputs))):
        train = [p for j, p in enumerate(pairs_inputs) if j != i]
        model = calibrate(train, start)
        pair, inputs = pairs_inputs[i]
        out[pair.name] = summary(measure(model, examples_for(pair, inputs, model)))
    return out


def pooled(results: dict[str, dict]) -> dict:
    total = {"tp": 0, "fp": 0, "fn": 0, "n": 0}
    for r in results.values():
        for k in total:
            total[k] += r[k]
    return summary(total)
