"""Whole documents, leave-one-author-out: for each author who wrote documents with expected
records (`extractors/data/narrative/authors/<author>/{docs,expected,manifest.csv}`), train the
prose classifier on every other author's units, ingest that author's documents with it, and
score the export against the expected records (the project's copy of the shared scorer).

    python bench/narrative_docs_loao.py [--authors a1_presidency,a2_news] [--priors]

`--keep DIR` keeps each author's model (`DIR/<author>/model`, usable as PLANSCOPE_NARRATIVE_MODEL)
and export, to read what one author's documents lose.

`--priors` also counts, over every author's documents, how many of the units the segmenter cuts
are events, activities or nothing (the expected records over the candidate units): the figure
behind `narrative_model.DOCUMENT_PRIORS`.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.prose import narrative_data as nd  # noqa: E402
from extractors.prose import narrative_model as nm  # noqa: E402

SCORER = ROOT / "tests" / "fixtures" / "eval" / "score.py"
PLANSCOPE = [sys.executable, "-m", "planscope_cli"]


def authors_with_documents(folder: Path = nd.AUTHORS_DIR) -> list[Path]:
    return [p for p in sorted(folder.iterdir()) if (p / "docs").is_dir() and (p / "expected").is_dir()
            and (p / "manifest.csv").exists()]


def score(gold: Path, pred: Path) -> str:
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred)],
                         capture_output=True, text=True, check=True).stdout
    return out.strip().splitlines()[-1]


def ingest_and_export(docs: Path, manifest: Path, model_dir: Path, work: Path) -> Path:
    env = dict(os.environ, PLANSCOPE_NARRATIVE_MODEL=str(model_dir), PYTHONPATH=str(ROOT))
    db, out = work / "w.duckdb", work / "x.jsonl"
    subprocess.run(PLANSCOPE + ["--db", str(db), "ingest", str(docs), "--manifest", str(manifest), "--workers", "2"],
                   env=env, capture_output=True, cwd=ROOT)
    subprocess.run(PLANSCOPE + ["--db", str(db), "export", "--jsonl", str(out)], env=env, check=True,
                   capture_output=True, cwd=ROOT)
    return out


def document_priors(folders: list[Path]) -> dict[str, float]:
    from pipeline.components import STAGES, IngestState
    from extractors.catalogue import load_catalogue

    counts = {"units": 0, "event": 0, "activity": 0}
    for folder in folders:
        catalogue = load_catalogue(folder / "manifest.csv")
        for path in sorted((folder / "docs").glob("*.txt")):
            entry = catalogue.lookup(path)
            state = IngestState(path=path, catalogue=entry.as_dict() if entry else None)
            for name in ("read", "analyse", "segment"):
                STAGES[name](state)
            counts["units"] += sum(d.kind == "candidate" for d in state.drafts)
            expected = folder / "expected" / f"{path.stem}.jsonl"
            for line in expected.read_text(encoding="utf-8").splitlines():
                if line.strip() and not json.loads(line).get("optional"):
                    counts[json.loads(line)["kind"]] += 1
    units = max(1, counts["units"])
    priors = {"event": counts["event"] / units, "activity": counts["activity"] / units}
    priors["none"] = max(0.0, 1 - priors["event"] - priors["activity"])
    print(f"{counts['units']} candidate units, {counts['event']} expected events, {counts['activity']} activities: "
          + ", ".join(f"{k} {v:.2f}" for k, v in priors.items()))
    return priors


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--authors", help="comma-separated; default every author with documents")
    ap.add_argument("--priors", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep each author's model and export under this folder")
    args = ap.parse_args()
    folders = authors_with_documents()
    if args.authors:
        folders = [f for f in folders if f.name in args.authors.split(",")]
    if args.priors:
        document_priors(folders)
    examples = {a: nd.featurise(rows) for a, rows in nd.authors().items()}
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.keep or scratch
        Path(tmp).mkdir(parents=True, exist_ok=True)
        pooled_pred, pooled_gold = Path(tmp) / "pred.jsonl", Path(tmp) / "gold"
        pooled_gold.mkdir(exist_ok=True)
        with pooled_pred.open("w") as pooled:
            for folder in folders:
                work = Path(tmp) / folder.name
                work.mkdir(exist_ok=True)
                train = [(e.context, e.label) for a, ex in examples.items() if a != folder.name for e in ex]
                nm.train(train, out_dir=work / "model")
                pred = ingest_and_export(folder / "docs", folder / "manifest.csv", work / "model", work)
                line = score(folder / "expected", pred)
                rows.append((folder.name, line))
                print(f"{folder.name:18s} {line}", flush=True)
                pooled.write(pred.read_text())
                for g in (folder / "expected").glob("*.jsonl"):
                    (pooled_gold / g.name).write_text(g.read_text())
        pooled_line = score(pooled_gold, pooled_pred)
    print(f"{'pooled':18s} {pooled_line}")
    values = [float(re.search(r"overall F1=([\d.]+)", line).group(1)) for _, line in rows]
    if values:
        print(f"mean over authors: overall F1 {sum(values) / len(values):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
