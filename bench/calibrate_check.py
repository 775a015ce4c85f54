"""Calibrate `planscope check` on hand-labelled plan/report pairs and measure it held out.

Pairs: the hand-written fixtures (tests/fixtures/check/labels.json) and real pairs
(tests/fixtures/check/real/labels_*.json: seed plans from corpus/ against dev reports). The
dev set's own pair (labels_001_vs_11, labelled by the archive's keepers) is never fitted on: the
shipped model is fitted on every other pair and the dev pair is scored with it. Beside it, a
leave-one-pair-out figure over every real pair (each scored by a model fitted without it).
Writes checking/data/evidence_model.json with the figures.

    PYTHONPATH=$PWD .venv/bin/python bench/calibrate_check.py [--dry-run]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checking.calibration import (NEGATIVE_FEATURES, calibrate, examples_for, leave_one_pair_out, load_fixture_pairs,  # noqa: E402
                                  load_real_pair, measure, pooled, summary)
from checking.evidence import FEATURES, MODEL_PATH  # noqa: E402

CHECK = ROOT / "tests" / "fixtures" / "check"
REAL = CHECK / "real"
WRITTEN = CHECK / "written"  # reports written by hand against the seed plans, labelled before any check ran
DEV_PAIR = "001_vs_11"
START = {"bias": -2.0, "weights": {k: (-1.0 if k in NEGATIVE_FEATURES else 1.0) for k in FEATURES},
         "thresholds": {"evidenced": 0.5, "partly": 0.4}}


def all_pairs():
    return (load_fixture_pairs(CHECK / "labels.json")
            + [load_real_pair(p, ROOT / "corpus", REAL) for p in sorted(REAL.glob("labels_*.json"))]
            + [load_real_pair(p, ROOT / "corpus", WRITTEN, real=False) for p in sorted(WRITTEN.glob("labels_*.json"))])


def build(pairs, db: str):
    from checking.run import build_inputs

    return [(p, build_inputs(db, str(p.report), [str(p.plan)])) for p in pairs]


def figures(pairs_inputs) -> tuple[dict, dict]:
    """(shipped model, measured figures): the model is fitted on every pair but the dev pair."""
    dev = [i for i, (p, _) in enumerate(pairs_inputs) if p.name == DEV_PAIR]
    train = [pi for i, pi in enumerate(pairs_inputs) if i not in dev]
    model = calibrate(train, START)
    measured = {}
    for i in dev:
        pair, inputs = pairs_inputs[i]
        measured["dev_pair_held_out"] = {"pair": pair.name, **summary(measure(model, examples_for(pair, inputs, model)))}
    real = [i for i, (p, _) in enumerate(pairs_inputs) if p.real]
    per_pair = leave_one_pair_out(pairs_inputs, START, held=real)
    measured["leave_one_pair_out"] = {"pooled_real_pairs": pooled(per_pair), "per_pair": per_pair}
    written = [i for i, (p, _) in enumerate(pairs_inputs) if p.complete and not p.real]
    if written:
        per_written = leave_one_pair_out(pairs_inputs, START, held=written)
        measured["leave_one_pair_out_written"] = {"pooled_written_pairs": pooled(per_written), "per_pair": per_written}
    measured["fitted_on"] = [p.name for p, _ in train]
    measured["command"] = "PYTHONPATH=$PWD python bench/calibrate_check.py"
    return model, measured


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dry-run", action="store_true", help="print the figures, do not write the model")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pairs_inputs = build(all_pairs(), str(Path(tmp) / "calibrate.duckdb"))
    model, measured = figures(pairs_inputs)
    model["measured"] = measured
    print(json.dumps(model, indent=1))
    if not args.dry_run:
        MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
