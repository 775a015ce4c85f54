"""Train the narrative classifier and measure it, the rules, and the two combined on held-out
sentences (`extractors/data/narrative/heldout.jsonl`), never on the archive's documents.

    python bench/narrative_classifier.py [--no-save]

Prints accuracy and per-label F1 for: the rules alone, the classifier alone, and the combination
at the thresholds in extractors/prose/narrative_model.py; writes them to bench/NARRATIVE.md's table.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.prose import narrative_model as nm  # noqa: E402
from extractors.prose.narrative import Unit  # noqa: E402
from extractors.prose.narrative_kind import decide  # noqa: E402
from extractors.entities.nlp import get_nlp  # noqa: E402
from extractors.entities.places import city_in_text  # noqa: E402
from extractors.entities.registry import load_registry  # noqa: E402


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def scores(gold: list[str], pred: list[str]) -> dict:
    out = {"accuracy": sum(g == p for g, p in zip(gold, pred)) / len(gold)}
    for label in nm.LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred))
        np_, ng = sum(p == label for p in pred), sum(g == label for g in gold)
        prec, rec = (tp / np_ if np_ else 0.0), (tp / ng if ng else 0.0)
        out[label] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-save", action="store_true", help="measure without replacing the packaged model")
    args = ap.parse_args()
    train_rows, held = rows(nm.DATA / "train.jsonl"), rows(nm.DATA / "heldout.jsonl")
    t0 = time.perf_counter()
    model = nm.train(nm.load_examples(nm.DATA / "train.jsonl"), out_dir=None if args.no_save else nm.MODEL_DIR)
    trained = time.perf_counter() - t0
    nlp, registry = get_nlp(), load_registry()
    gold = [r["label"] for r in held]
    contexts = [nm.context_text(r["text"], in_list=r.get("in_list", False), lead_in=r.get("lead_in"),
                                heading=r.get("heading"), genre=r.get("genre")) for r in held]
    model_scores = nm.classify_texts(contexts, model)
    t0 = time.perf_counter()
    rule_pred, combined = [], []
    for r, sdoc, sc in zip(held, nlp.pipe([r["text"] for r in held]), model_scores):
        unit = Unit(text=r["text"], block=0, char_start=0, char_end=len(r["text"]),
                    shape="item" if r.get("in_list") else "sentence", heading=r.get("heading"),
                    lead_in=r.get("lead_in"), in_priorities=bool(r.get("in_list") and nm.PRIORITY.search(
                        " ".join(x for x in (r.get("heading"), r.get("lead_in")) if x))))
        decision = decide(unit, sdoc, city_in_text(r["text"], registry) is not None)
        rule_pred.append(decision.kind or "none")
        combined.append(nm.combine(decision, sc).kind or "none")
    per_sentence = (time.perf_counter() - t0) / len(held) * 1000
    model_pred = [max(s, key=s.get) for s in model_scores]
    print(f"train {len(train_rows)} sentences in {trained:.1f} s; held-out {len(held)} sentences; "
          f"rules+parse {per_sentence:.1f} ms/sentence")
    for name, pred in (("rules", rule_pred), ("classifier", model_pred), ("combined", combined)):
        s = scores(gold, pred)
        print(f"{name:10s} accuracy {s['accuracy']:.3f}  F1 event {s['event']:.3f}  activity {s['activity']:.3f}  "
              f"none {s['none']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
