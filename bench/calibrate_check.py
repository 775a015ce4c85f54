"""Calibrate `planscope check` on hand-labelled plan/report pairs and measure it held out.

Pairs: the hand-written fixtures (tests/fixtures/check/labels.json) and real pairs
(tests/fixtures/check/real/labels_*.json: seed plans from corpus/ against dev reports). The
dev set's own pair (labels_001_vs_11, labelled by the archive's keepers) is never fitted on: the
shipped model is fitted on every other pair and the dev pair is scored with it. Beside it, a
leave-one-pair-out figure over every real pair (each scored by a model fitted without it).
Authored pairs (tests/fixtures/check/authored/<author>/labels_k.json: plans of every shape and
reports written for the purpose, each commitment labelled) are matched to the commitments the
pipeline extracts (Dice >= 0.8); a labelled commitment it does not extract is a false negative.
Figures: the dev pair held out; leave-one-pair-out over every pair labelled in full (real,
written, authored); leave-one-author-out over the authored pairs.
Writes checking/data/evidence_model.json with the figures.

    PYTHONPATH=$PWD .venv/bin/python bench/calibrate_check.py [--dry-run] [--cache /tmp/check_inputs.pkl]
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checking.calibration import (NEGATIVE_FEATURES, authored_pairs, calibrate, examples_for,  # noqa: E402
                                  leave_one_author_out, leave_one_pair_out, load_fixture_pairs, load_real_pair,
                                  match_entries, measure, pooled, summary)
from checking.evidence import FEATURES, MODEL_PATH  # noqa: E402

CHECK = ROOT / "tests" / "fixtures" / "check"
REAL = CHECK / "real"
WRITTEN = CHECK / "written"  # reports written by hand against the seed plans, labelled before any check ran
AUTHORED = CHECK / "authored"  # plans and reports of every shape, written and labelled by other authors
DEV_PAIR = "001_vs_11"
START = {"bias": -2.0, "weights": {k: (-1.0 if k in NEGATIVE_FEATURES else 1.0) for k in FEATURES},
         "thresholds": {"evidenced": 0.5, "partly": 0.4}}


def all_pairs():
    return (load_fixture_pairs(CHECK / "labels.json")
            + [load_real_pair(p, ROOT / "corpus", REAL) for p in sorted(REAL.glob("labels_*.json"))]
            + [load_real_pair(p, ROOT / "corpus", WRITTEN, real=False) for p in sorted(WRITTEN.glob("labels_*.json"))]
            + authored_pairs(AUTHORED))


def build(pairs, db: str):
    from checking.run import build_inputs, ensure_ingested

    out = []
    for p in pairs:
        if p.period:  # the authored pair's periods, as the archive's catalogue gives them, where ingest found none
            set_missing_periods(db, ensure_ingested(db, [str(p.plan), str(p.report)]), [p.period["plan"], p.period["report"]])
        out.append((p, build_inputs(db, str(p.report), [str(p.plan)])))
    return out


def set_missing_periods(db: str, shas: list[str], periods: list[list[str]]) -> None:
    from warehouse import store

    with store.connect(db, wait_seconds=30) as con:
        for sha, (start, end) in zip(shas, periods):
            con.execute("""UPDATE documents SET period_start = ?::DATE, period_end = ?::DATE, period_raw = 'catalogue'
                           WHERE doc_sha256 = ? AND period_start IS NULL""", [start, end, sha])


def figures(pairs_inputs) -> tuple[dict, dict]:
    """(shipped model, measured figures): the model is fitted on every pair but the dev pair."""
    dev = [i for i, (p, _) in enumerate(pairs_inputs) if p.name == DEV_PAIR]
    train = [pi for i, pi in enumerate(pairs_inputs) if i not in dev]
    model = calibrate(train, START)
    measured = {}
    for i in dev:
        pair, inputs = pairs_inputs[i]
        measured["dev_pair_held_out"] = {"pair": pair.name, **summary(measure(model, examples_for(pair, inputs, model)))}
    full = [i for i, (p, _) in enumerate(pairs_inputs) if p.complete]  # every pair labelled in full
    per_pair = leave_one_pair_out(pairs_inputs, START, held=full)
    groups = {"real": lambda p: p.real, "written": lambda p: not p.real and p.entries is None,
              "authored": lambda p: p.entries is not None}
    by_name = {p.name: p for p, _ in pairs_inputs}
    measured["leave_one_pair_out"] = {
        "pooled_all_pairs": pooled(per_pair),
        **{f"pooled_{g}": pooled({n: r for n, r in per_pair.items() if test(by_name[n])}) for g, test in groups.items()},
        "per_pair": per_pair}
    if any(p.entries is not None for p, _ in pairs_inputs):
        measured["leave_one_author_out"] = leave_one_author_out(pairs_inputs, START)
        measured["segmenter_misses"] = {p.name: [e["text"] for e in match_entries(p.entries, i.commitments)[1]]
                                        for p, i in pairs_inputs if p.entries is not None}
    measured["fitted_on"] = [p.name for p, _ in train]
    measured["command"] = "PYTHONPATH=$PWD python bench/calibrate_check.py"
    return model, measured


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dry-run", action="store_true", help="print the figures, do not write the model")
    ap.add_argument("--cache", help="pickle of the built inputs: read when it exists, else built and written (for trying models)")
    args = ap.parse_args()
    if args.cache and Path(args.cache).is_file():
        pairs_inputs = pickle.loads(Path(args.cache).read_bytes())
    else:
        with tempfile.TemporaryDirectory() as tmp:
            pairs_inputs = build(all_pairs(), str(Path(tmp) / "calibrate.duckdb"))
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps(pairs_inputs))
    model, measured = figures(pairs_inputs)
    model["measured"] = measured
    print(json.dumps(model, indent=1))
    if not args.dry_run:
        MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
