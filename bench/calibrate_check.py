"""Calibrate `planscope check` on hand-labelled plan/report pairs (tests/fixtures/check/labels.json).

Fits the logistic evidence model (L2-regularised, on each commitment's best passage, re-chosen
with the fitted model a few times), sets the two thresholds from the labels, measures precision
and recall of `evidenced` in-sample and leave-one-pair-out, and writes
extractors/data/evidence_model.json with the figures.

    .venv/bin/python bench/calibrate_check.py
"""
from __future__ import annotations

import json
import math
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.evidence import FEATURES, MODEL_PATH, features, load_model  # noqa: E402
from pipeline.check import build_inputs  # noqa: E402

LABELS = ROOT / "tests" / "fixtures" / "check" / "labels.json"


def examples_for(inputs, labels: dict[str, str], model: dict) -> list[tuple[list[float], str]]:
    """(features of the commitment's best passage under `model`, label) per labelled commitment."""
    out = []
    for c in inputs.commitments:
        if c.ref not in labels:
            continue
        feats = [features(c, u, inputs.idf, inputs.named_idf) for u in inputs.units]
        best = max(feats, key=lambda f: _z(f, model))
        out.append(([best[k] for k in FEATURES], labels[c.ref]))
    return out


def _z(f: dict, model: dict) -> float:
    return model["bias"] + sum(model["weights"][k] * f[k] for k in FEATURES)


def fit(examples, l2: float = 0.01, steps: int = 6000, lr: float = 0.5) -> dict:
    w = [0.0] * len(FEATURES)
    b = 0.0
    n = len(examples)
    for _ in range(steps):
        gw = [l2 * x for x in w]
        gb = 0.0
        for x, label in examples:
            y = 1.0 if label == "evidenced" else 0.0
            p = 1 / (1 + math.exp(-(b + sum(wi * xi for wi, xi in zip(w, x)))))
            for i, xi in enumerate(x):
                gw[i] += (p - y) * xi / n
            gb += (p - y) / n
        w = [wi - lr * g for wi, g in zip(w, gw)]
        b -= lr * gb
    return {"bias": round(b, 4), "weights": {k: round(v, 4) for k, v in zip(FEATURES, w)}}


def probability(model, x) -> float:
    return 1 / (1 + math.exp(-(model["bias"] + sum(model["weights"][k] * v for k, v in zip(FEATURES, x)))))


def thresholds(model, examples) -> dict:
    scores = sorted({round(probability(model, x), 4) for x, _ in examples})
    cuts = [0.5] + [(a + b) / 2 for a, b in zip(scores, scores[1:])]

    def f1(t):
        tp = sum(1 for x, l in examples if probability(model, x) >= t and l == "evidenced")
        fp = sum(1 for x, l in examples if probability(model, x) >= t and l != "evidenced")
        fn = sum(1 for x, l in examples if probability(model, x) < t and l == "evidenced")
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    t_ev = max(cuts, key=lambda t: (f1(t), -abs(t - 0.5)))
    below = [c for c in cuts if c < t_ev] or [t_ev / 2]

    def partly_accuracy(t):
        return sum(1 for x, l in examples if probability(model, x) < t_ev and
                   ((probability(model, x) >= t) == (l == "partly")))

    t_part = max(below, key=lambda t: (partly_accuracy(t), t))
    return {"evidenced": round(t_ev, 4), "partly": round(t_part, 4)}


def measure(model, examples) -> dict:
    t = model["thresholds"]["evidenced"]
    tp = sum(1 for x, l in examples if probability(model, x) >= t and l == "evidenced")
    fp = sum(1 for x, l in examples if probability(model, x) >= t and l != "evidenced")
    fn = sum(1 for x, l in examples if probability(model, x) < t and l == "evidenced")
    return {"precision": round(tp / (tp + fp), 3) if tp + fp else 0.0, "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0,
            "tp": tp, "fp": fp, "fn": fn, "n": len(examples)}


def calibrate(pairs_inputs, start_model: dict) -> dict:
    model = start_model
    for _ in range(3):  # choose best passages with the current model, refit
        examples = [e for inputs, labels in pairs_inputs for e in examples_for(inputs, labels, model)]
        model = {**fit(examples), "thresholds": model.get("thresholds", {"evidenced": 0.5, "partly": 0.25})}
        model["thresholds"] = thresholds(model, examples)
    return model, examples


def main() -> int:
    spec = json.loads(LABELS.read_text())
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "calibrate.duckdb")
        pairs = [(build_inputs(db, str(LABELS.parent / p["report"]), [str(LABELS.parent / p["plan"])]), p["labels"])
                 for p in spec["pairs"]]
    start = load_model()
    model, examples = calibrate(pairs, start)
    in_sample = measure(model, examples)
    held_out = {"tp": 0, "fp": 0, "fn": 0, "n": 0}
    for i in range(len(pairs)):
        train = [p for j, p in enumerate(pairs) if j != i]
        m, _ = calibrate(train, start)
        test = examples_for(*pairs[i], m)
        r = measure(m, test)
        for k in held_out:
            held_out[k] += r[k]
    held_out["precision"] = round(held_out["tp"] / (held_out["tp"] + held_out["fp"]), 3) if held_out["tp"] + held_out["fp"] else 0.0
    held_out["recall"] = round(held_out["tp"] / (held_out["tp"] + held_out["fn"]), 3) if held_out["tp"] + held_out["fn"] else 0.0
    model["measured"] = {"labelled_commitments": len(examples), "in_sample": in_sample, "leave_one_pair_out": held_out,
                         "command": "python bench/calibrate_check.py"}
    MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n")
    print(json.dumps(model, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
