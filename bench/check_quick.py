"""The held-out figures of `calibrate_check.py` in a few lines, from its cache of built inputs:
leave-one-pair-out pooled (all pairs; real / written / authored), leave-one-author-out per
author, and the dev pair held out. For trying a rule: the cache holds the parsed pairs, the rules
run on them afresh.

    PYTHONPATH=$PWD .venv/bin/python bench/check_quick.py --cache /tmp/check_inputs.pkl
    PLANSCOPE_CHECK_RULES_OFF=city,position ... --dump /tmp/off.json   # then bench/check_diff.py

`PLANSCOPE_CHECK_RULES_OFF` (checking/evidence.py: `rule`) switches rules off by name, for
measuring what each is worth; `PLANSCOPE_CHECK_FLOOR` sets the precision floor of the cut.
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

from calibrate_check import all_pairs, build, figures  # noqa: E402


def line(name: str, r: dict) -> str:
    return f"{name:16} tp {r['tp']:3} fp {r['fp']:3} fn {r['fn']:3}  P {r['precision'] or 0:.3f} R {r['recall'] or 0:.3f} F1 {r['f1'] or 0:.3f}"


def dump(pairs_inputs, path: str) -> None:
    """Per judged commitment of each pair labelled in full (the dev pair's texts never written):
    held-out probability, cut and label."""
    import json

    from calibrate_check import DEV_PAIR, START

    from checking.calibration import _p, calibrate, examples_for, judged

    out = []
    for i, (pair, inputs) in enumerate(pairs_inputs):
        if not pair.complete:
            continue
        model = calibrate([p for j, p in enumerate(pairs_inputs) if j != i], START)
        t = model["thresholds"]["partly"]
        for (j, label, _), (f, _) in zip(judged(pair, inputs), examples_for(pair, inputs, model)):
            text = "(dev)" if pair.name == DEV_PAIR else (inputs.commitments[j].text if j is not None else "(missed)")
            out.append({"pair": pair.name, "text": text[:90], "label": label, "p": round(_p(model, f), 3), "hit": _p(model, f) >= t})
    Path(path).write_text(json.dumps(out, indent=0))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", required=True)
    ap.add_argument("--pairs", action="store_true", help="also each pair's tp/fp/fn")
    ap.add_argument("--dump", help="write each judged commitment's held-out decision here (JSON), to diff two settings")
    args = ap.parse_args()
    if Path(args.cache).is_file():
        pairs_inputs = pickle.loads(Path(args.cache).read_bytes())
    else:
        with tempfile.TemporaryDirectory() as tmp:
            pairs_inputs = build(all_pairs(), str(Path(tmp) / "q.duckdb"))
        Path(args.cache).write_bytes(pickle.dumps(pairs_inputs))
    if args.dump:  # decisions only
        dump(pairs_inputs, args.dump)
        return
    _, m = figures(pairs_inputs)
    lopo = m["leave_one_pair_out"]
    print(line("LOPO pooled", lopo["pooled_all_pairs"]))
    for g in ("real", "written", "authored"):
        print(line(f"  {g}", lopo[f"pooled_{g}"]))
    for a, r in m.get("leave_one_author_out", {}).items():
        print(line(f"LOAO {a[:11]}", r))
    print(line("dev held out", m["dev_pair_held_out"]))
    if args.pairs:
        print(" ".join(f"{n}:{r['tp']}/{r['fp']}/{r['fn']}" for n, r in lopo["per_pair"].items()))


if __name__ == "__main__":
    main()
