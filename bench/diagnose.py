"""Side by side: gold and predicted records of each document, matched as the scorer matches them.

    python bench/diagnose.py --gold GOLD_DIR --pred export.jsonl [--doc STEM] [--ext .txt]

Prints, per document, the gold records the export missed, the predictions that matched nothing,
and for matched pairs every field that differs. For reading errors, not for scoring.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORER = HERE.parent / "tests" / "fixtures" / "eval" / "score.py"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--doc")
    ap.add_argument("--ext", default=".txt", help="which rendition to show")
    args = ap.parse_args()
    sc = load_scorer()
    gold = sc.load_gold([args.gold])
    preds = [json.loads(line) for line in open(args.pred)]
    for stem, grecs in sorted(gold.items()):
        if args.doc and args.doc not in stem:
            continue
        doc = stem + args.ext
        precs = [p for p in preds if p["doc"] == doc]
        print(f"=== {doc}: gold {len(grecs)} pred {len(precs)}")
        used_p, used_g = set(), set()
        for kind in ("activity", "event"):
            g = [(i, r) for i, r in enumerate(grecs) if r["kind"] == kind]
            p = [(j, r) for j, r in enumerate(precs) if r["kind"] == kind]
            cands = sorted(((sc.dice(sc.tokens(gr["text"]), sc.tokens(pr["text"])), i, j) for i, gr in g for j, pr in p),
                           reverse=True)
            for d, i, j in cands:
                if d < sc.MATCH_AT or i in used_g or j in used_p:
                    continue
                used_g.add(i)
                used_p.add(j)
                gr, pr = grecs[i], precs[j]
                diffs = []
                for key in ("start", "end", "location", "funding", "actors", "countries", "themes", "priority_codes"):
                    if key not in gr:
                        continue
                    gv, pv = gr[key], pr.get(key)
                    if key == "actors":
                        ok = sc.actor_f1(gv, pv or []) == 1.0
                    elif key in ("countries", "themes", "priority_codes"):
                        ok = sc.set_f1(gv, pv or []) == 1.0
                    else:
                        ok = gv == pv
                    if not ok:
                        diffs.append(f"{key}: gold {gv} | pred {pv}")
                mark = "ok " if not diffs else "~~ "
                print(f"  {mark}{kind[:3]} {gr['text'][:90]!r}")
                for line in diffs:
                    print(f"        {line}")
        for i, gr in enumerate(grecs):
            if i not in used_g:
                print(f"  MISS{' (optional)' if gr.get('optional') else ''} {gr['kind'][:3]} {gr['text'][:100]!r}")
        for j, pr in enumerate(precs):
            if j not in used_p:
                print(f"  FP   {pr['kind'][:3]} {pr['text'][:100]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
