"""Per commitment of each pair labelled in full: its label, its held-out score (model fitted
without the pair) and the passage that scored it, with the features; for authored pairs the
author's quote and why. For reading errors, not for figures. The dev pair (001_vs_11) is never
printed: it is scored, never read.

    PYTHONPATH=$PWD .venv/bin/python bench/check_diagnose.py [--cache PKL] [--errors] [PAIR ...]
"""
from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
from calibrate_check import DEV_PAIR, START, all_pairs, build  # noqa: E402

from checking.calibration import POSITIVE, _p, calibrate, judged  # noqa: E402
from checking.evidence import FEATURES, linear, said_not_done, unit_rows, vetoed  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache")
    ap.add_argument("--errors", action="store_true", help="print false positives and false negatives only")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    if args.cache and Path(args.cache).is_file():
        pairs_inputs = pickle.loads(Path(args.cache).read_bytes())
    else:
        with tempfile.TemporaryDirectory() as tmp:
            pairs_inputs = build(all_pairs(), str(Path(tmp) / "d.duckdb"))
    for i, (pair, inputs) in enumerate(pairs_inputs):
        if pair.name == DEV_PAIR or not pair.complete or (args.names and not any(pair.name.startswith(n) for n in args.names)):
            continue
        model = calibrate([p for j, p in enumerate(pairs_inputs) if j != i], START)
        t = model["thresholds"]["partly"]
        print(f"\n=== {pair.name}  (partly cut {t:.3f})  units={len(inputs.units)}")
        for j, label, entry in judged(pair, inputs):
            if j is None:
                print(f"MISS [{label}] {entry['text'][:110]!r}")
                continue
            c = inputs.commitments[j]
            feats = list(zip(unit_rows(c, inputs.units, inputs.idf, inputs.named_idf), inputs.units))
            undone = said_not_done([f for f, _ in feats], inputs.units)
            ok = [(f, u) for f, u in feats if not vetoed(f)] if c.kind == "commitment" and undone is None else []
            if ok:
                f, u = max(ok, key=lambda fu: linear(fu[0], model))
                p = _p(model, np.array([f[k] for k in FEATURES]))
            else:
                f, u, p = None, None, 0.0
            hit, pos = p >= t, label in POSITIVE
            mark = "TP" if hit and pos else "FP" if hit else "FN" if pos else "TN"
            if args.errors and mark in ("TP", "TN"):
                continue
            print(f"{mark:4} {p:.2f} [{label}] {c.text[:120]!r}")
            if undone is not None and (hit or pos):
                print(f"      said not done: {inputs.units[undone].text[:160]!r}")
            if entry:
                print(f"      author: {entry.get('why')!r} quote={str(entry.get('quote'))[:140]!r}")
            if u is not None and (hit or pos):
                print(f"      obj={sorted(c.objects)} verbs={sorted(c.verbs)} det={sorted(c.object_detail)[:6]}")
                print(f"      -> {u.text[:200]!r} agents={sorted(u.agents)} date={u.start}")
                print("      " + " ".join(f"{k}={v:.2f}" for k, v in f.items() if v))


if __name__ == "__main__":
    main()
