"""Held-out decisions by the kind of the passage that made them (event, sentence, paragraph,
section): how many true and false positives each kind of unit gives, per group of pairs. For
finding where errors come from; the dev pair (001_vs_11) is left out and never printed.

    PYTHONPATH=$PWD .venv/bin/python bench/check_classes.py --cache PKL [--show KIND]
"""
from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
from calibrate_check import DEV_PAIR, START  # noqa: E402

from checking.calibration import POSITIVE, _p, calibrate, judged  # noqa: E402
from checking.evidence import FEATURES, linear, said_not_done, unit_rows, vetoed  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", required=True)
    ap.add_argument("--show", help="print the decisions whose best passage is of this kind")
    args = ap.parse_args()
    pairs_inputs = pickle.loads(Path(args.cache).read_bytes())
    counts: Counter = Counter()
    for i, (pair, inputs) in enumerate(pairs_inputs):
        if pair.name == DEV_PAIR or not pair.complete:
            continue
        model = calibrate([p for j, p in enumerate(pairs_inputs) if j != i], START)
        t = model["thresholds"]["partly"]
        for j, label, _ in judged(pair, inputs):
            if j is None:
                continue
            c = inputs.commitments[j]
            feats = list(zip(unit_rows(c, inputs.units, inputs.idf, inputs.named_idf), inputs.units))
            undone = said_not_done([f for f, _ in feats], inputs.units)
            ok = [(f, u) for f, u in feats if not vetoed(f)] if c.kind == "commitment" and undone is None else []
            if not ok:
                continue
            f, u = max(ok, key=lambda fu: linear(fu[0], model))
            p = _p(model, np.array([f[k] for k in FEATURES]))
            hit, pos = p >= t, label in POSITIVE
            mark = "TP" if hit and pos else "FP" if hit else "FN" if pos else "TN"
            group = "real" if pair.real else "written" if pair.entries is None else "authored"
            counts[(u.kind, mark)] += 1
            counts[(u.kind, mark, group)] += 1
            if args.show == u.kind and mark in ("TP", "FP"):
                rows = dict(zip(map(id, inputs.units), (f2 for f2, _ in feats)))
                parts = [inputs.units[k] for k in getattr(u, "parts", ())]
                share = max((rows[id(v)]["coverage"] for v in parts), default=0.0) / (f["coverage"] or 1.0)
                print(f"{mark} {p:.2f} share {share:.2f} {pair.name:18} {c.text[:70]!r}\n      -> {u.text[:150]!r}")
    for kind in ("event", "sentence", "paragraph", "section"):
        print(f"{kind:10} " + "  ".join(f"{m} {counts[(kind, m)]:3}" for m in ("TP", "FP", "FN", "TN")) + "   | " +
              "  ".join(f"{g[:4]} {counts[(kind, 'TP', g)]}/{counts[(kind, 'FP', g)]}" for g in ("real", "written", "authored")))


if __name__ == "__main__":
    main()
