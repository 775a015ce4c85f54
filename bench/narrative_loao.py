"""Leave-one-author-out: train the prose classifier on every author but one, score the one left out.

    python bench/narrative_loao.py [--variants cues,plain,rules] [--save]

Each author wrote labelled units for the purpose in one genre and voice
(`extractors/data/narrative/authors/*/units.txt`; `a0_original` is the first set,
train.jsonl + heldout.jsonl). For each author the model is trained on all the others and
scored on that author's units: macro F1 over event / activity / none, per author, and the mean.
Variants: `cues` (words + position + the rules' cue words: the shipped model), `plain` (words
+ position, the earlier model), `rules` (the rules alone, no training). `--save` trains the
shipped model on every author and writes it to extractors/data/narrative/model/.
The archive's dev documents are not used here.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.prose import narrative_data as nd  # noqa: E402
from extractors.prose import narrative_model as nm  # noqa: E402


def macro_f1(gold: list[str], pred: list[str]) -> tuple[float, dict[str, float]]:
    per = {}
    for label in nm.LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred))
        n_pred, n_gold = sum(p == label for p in pred), sum(g == label for g in gold)
        prec, rec = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
        per[label] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return sum(per.values()) / len(per), per


def predict(model, texts: list[str]) -> list[str]:
    return [max(s, key=s.get) for s in nm.classify_texts(texts, model)]


def run(variants: list[str], examples: dict[str, list[nd.Example]], epochs: int) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = {v: {} for v in variants}
    for held in examples:
        test = examples[held]
        gold = [e.label for e in test]
        train = [e for a, rows in examples.items() if a != held for e in rows]
        for variant in variants:
            if variant == "rules":
                pred = [e.rule_kind for e in test]
            else:
                field = "context" if variant == "cues" else "plain"
                model = nm.train([(getattr(e, field), e.label) for e in train], out_dir=None, epochs=epochs)
                pred = predict(model, [getattr(e, field) for e in test])
            table[variant][held], per = macro_f1(gold, pred)
            print(f"{held:18s} {variant:6s} n={len(test):4d} macro F1 {table[variant][held]:.3f}  "
                  + "  ".join(f"{k} {v:.3f}" for k, v in per.items()), flush=True)
    return table


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--variants", default="cues,plain,rules")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--save", action="store_true", help="train on every author and write the shipped model")
    args = ap.parse_args()
    t0 = time.perf_counter()
    by_author = nd.authors()
    examples = {a: nd.featurise(rows) for a, rows in by_author.items()}
    print(f"{sum(map(len, examples.values()))} units from {len(examples)} authors, featurised in "
          f"{time.perf_counter() - t0:.1f} s", flush=True)
    table = run(args.variants.split(","), examples, args.epochs)
    print()
    print("| author | units | " + " | ".join(table) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in table) + " |")
    for a in examples:
        print(f"| {a} | {len(examples[a])} | " + " | ".join(f"{table[v][a]:.3f}" for v in table) + " |")
    print("| **mean** | | " + " | ".join(f"**{sum(t.values()) / len(t):.3f}**" for t in table.values()) + " |")
    if args.save:
        everything = [(e.context, e.label) for rows in examples.values() for e in rows]
        nm.train(everything, out_dir=nm.MODEL_DIR, epochs=args.epochs)
        print(f"saved the model trained on {len(everything)} units to {nm.MODEL_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
