"""Per commitment of each real pair: its label, its held-out score (model fitted without the pair)
and the passage that scored it, with the features. For reading errors, not for figures.

    PYTHONPATH=$PWD .venv/bin/python bench/check_diagnose.py [PAIR ...]
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
from calibrate_check import START, all_pairs, build  # noqa: E402

from checking.calibration import POSITIVE, _p, calibrate, label_of  # noqa: E402
from checking.evidence import FEATURES, features, linear  # noqa: E402


def main(names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pairs_inputs = build(all_pairs(), str(Path(tmp) / "d.duckdb"))
    for i, (pair, inputs) in enumerate(pairs_inputs):
        if not pair.complete or (names and pair.name not in names):
            continue
        model = calibrate([p for j, p in enumerate(pairs_inputs) if j != i], START)
        t = model["thresholds"]["partly"]
        print(f"\n=== {pair.name}  (partly cut {t:.3f})  units={len(inputs.units)}")
        for c in inputs.commitments:
            label = label_of(pair, c)
            feats = [(features(c, u, inputs.idf, inputs.named_idf), u) for u in inputs.units]
            f, u = max(feats, key=lambda fu: linear(fu[0], model))
            p = _p(model, np.array([f[k] for k in FEATURES]))
            hit = p >= t
            pos = label in POSITIVE
            mark = "TP" if hit and pos else "FP" if hit and label == "none" else "FN" if pos else ("amb+" if hit else "  ")
            if label is None and not hit:
                mark = "amb"
            print(f"{mark:4} {p:.2f} [{label}] {c.text[:110]!r}")
            if hit or pos:
                print(f"      obj={sorted(c.objects)} det={sorted(c.object_detail)[:6]} titles={c.titles[:2]}")
                print(f"      -> {u.text[:160]!r}")
                print("      " + " ".join(f"{k}={v:.2f}" for k, v in f.items() if v))


if __name__ == "__main__":
    main(sys.argv[1:])
