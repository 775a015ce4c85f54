"""Longer fuzz run of the readers, the whole per-file pipeline and the temporal normaliser
(hypothesis), beyond the property tests in tests/test_properties.py.

Every outcome is one of three kinds (schemas/errors.py):
- read: the mutated file still went through;
- file errors: refused with planscope's one-line error (the file's fault) — expected for damage;
- planscope faults: any other exception (read_document passes on only planscope's own bugs), or
  an "internal" result from the per-file pipeline. These are the findings: the figure is 0.

Before fuzzing, a canary plants a bug in the txt reader and checks that the harness counts it as a
planscope fault, so "0 faults" is a figure that could have been otherwise.

    .venv/bin/python bench/fuzz_readers.py [--examples 2000] [--pipeline-examples 200]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from extractors.time.dates import normalise  # noqa: E402
from schemas.errors import PlanscopeError  # noqa: E402
from pipeline.readers import read_document  # noqa: E402
from schemas.records import Period  # noqa: E402
from tests.byte_mutation import mutate  # noqa: E402

SEEDS = {p.name: p.read_bytes() for p in sorted((ROOT / "corpus").glob("*")) if p.suffix in (".docx", ".pdf", ".txt")}
SEEDS.update({f"variant_{p.name}": p.read_bytes() for p in (ROOT / "tests" / "fixtures" / "variants").glob("*.docx")})
PERIOD = Period(start=date(2008, 7, 1), end=date(2009, 6, 30), raw="")
faults: list[str] = []  # planscope's own faults: the findings
counts = {"read": 0, "file_errors": 0, "faults": 0, "multi_line": 0, "pipeline_ok": 0, "pipeline_file_errors": 0,
          "pipeline_faults": 0, "dates": 0, "date_faults": 0}
OPS = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 10**8), st.integers(0, 255)), min_size=1, max_size=12)


def read_one(data: bytes, suffix: str, label: str) -> str:
    """Read one mutated file; 'read', 'file_error' or 'fault' (recorded in `faults`)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"m{suffix}"
        path.write_bytes(data)
        try:
            read_document(path)
            return "read"
        except PlanscopeError as exc:
            if "\n" in str(exc):
                counts["multi_line"] += 1
                faults.append(f"multi-line error for {label}: {exc!r}")
            return "file_error"
        except Exception:
            faults.append(f"{label}:\n{traceback.format_exc(limit=4)}")
            return "fault"


def canary() -> bool:
    """A planted bug (the txt reader calling None) must come out as a planscope fault."""
    from pipeline.readers import txt_reader

    saved, before = txt_reader.split_label, len(faults)
    txt_reader.split_label = None
    try:
        outcome = read_one(SEEDS["004_2ce97f0e434d4dce.txt"], ".txt", "canary")
    finally:
        txt_reader.split_label = saved
    del faults[before:]
    return outcome == "fault"


def run(examples: int, pipeline_examples: int) -> None:
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.sampled_from(sorted(SEEDS)), OPS, st.sampled_from([".docx", ".pdf", ".txt", ".doc", ".odt", ".rtf", ""]))
    def fuzz_reader(seed, ops, suffix):
        outcome = read_one(mutate(SEEDS[seed], ops), suffix, f"{seed} mutated by {ops} as {suffix!r}")
        counts[{"read": "read", "file_error": "file_errors", "fault": "faults"}[outcome]] += 1

    @settings(max_examples=pipeline_examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.sampled_from(sorted(SEEDS)), OPS)
    def fuzz_pipeline(seed, ops):
        from pipeline.ingest import process_to_rows

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"m{Path(seed).suffix}"
            path.write_bytes(mutate(SEEDS[seed], ops))
            status, result = process_to_rows(str(path), "fuzz")
        if status == "internal":
            counts["pipeline_faults"] += 1
            faults.append(f"pipeline on {seed} mutated by {ops}: {result[0]}\n{result[1][-1500:]}")
        else:
            counts["pipeline_ok" if status == "ok" else "pipeline_file_errors"] += 1

    @settings(max_examples=examples * 5, deadline=None, database=None)
    @given(st.text(max_size=200), st.booleans())
    def fuzz_dates(text, scan):
        counts["dates"] += 1
        try:
            v = normalise(text, PERIOD, scan=scan)
            assert (v.start is None) == (v.end is None) and (v.start is None or v.start <= v.end)
        except Exception:
            counts["date_faults"] += 1
            faults.append(f"normalise({text!r}, scan={scan}):\n{traceback.format_exc(limit=3)}")

    fuzz_reader()
    if pipeline_examples:
        fuzz_pipeline()
    fuzz_dates()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=2000, help="mutated files read (and 5x as many date strings)")
    ap.add_argument("--pipeline-examples", type=int, default=200, help="mutated files through every stage")
    ap.add_argument("--out", default=str(ROOT / "bench" / "FUZZ.md"))
    args = ap.parse_args()
    if not canary():
        print("canary: a planted bug in the txt reader was not counted as a planscope fault; the harness is broken",
              file=sys.stderr)
        return 2
    t0 = time.time()
    run(args.examples, args.pipeline_examples)
    elapsed = time.time() - t0
    c = counts
    lines = ["# Fuzz run", "",
             f"`.venv/bin/python bench/fuzz_readers.py --examples {args.examples} --pipeline-examples "
             f"{args.pipeline_examples}` on {time.strftime('%Y-%m-%d')}: {elapsed:.0f} s.", "",
             "Canary: a bug planted in the txt reader (it calls `None`) is counted as a planscope fault "
             "before the run starts (else the script exits 2).", "",
             f"- mutated files read: {c['read'] + c['file_errors'] + c['faults']} ({c['read']} still read, "
             f"{c['file_errors']} refused with a file error)",
             f"- mutated files through every stage (read to warehouse rows): "
             f"{c['pipeline_ok'] + c['pipeline_file_errors'] + c['pipeline_faults']} ({c['pipeline_ok']} ok, "
             f"{c['pipeline_file_errors']} file errors)",
             f"- time expressions: {c['dates']}", "",
             f"**planscope faults: {len(faults)}** (readers {c['faults']}, multi-line errors {c['multi_line']}, "
             f"pipeline {c['pipeline_faults']}, dates {c['date_faults']})", ""]
    lines += [f"```\n{f}\n```" for f in faults[:50]]
    Path(args.out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
