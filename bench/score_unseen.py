"""Score authored pairs no model has seen with the shipped model, before any fit on them.

When a new author's pairs arrive (tests/fixtures/check/authored/<author>/), this is their honest
unseen figure: the model in checking/data/evidence_model.json, fitted without them, scores them
as they are. Pairs: every labels_k.json under the folders named.

    PYTHONPATH=$PWD python bench/score_unseen.py tests/fixtures/check/authored/p4_ngo
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.calibrate_check import build  # noqa: E402
from checking.calibration import examples_for, load_authored_pair, measure, pooled, summary  # noqa: E402
from checking.evidence import load_model  # noqa: E402


def main(folders: list[str]) -> int:
    pairs = [load_authored_pair(p) for f in folders for p in sorted(Path(f).glob("labels_*.json"))]
    model = load_model()
    with tempfile.TemporaryDirectory() as tmp:
        built = build(pairs, str(Path(tmp) / "unseen.duckdb"))
    per_pair = {p.name: summary(measure(model, examples_for(p, inputs, model))) for p, inputs in built}
    print(json.dumps({"pooled": pooled(per_pair), "per_pair": per_pair}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
