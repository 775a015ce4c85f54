"""Longer fuzz run of the readers and the temporal normaliser (hypothesis), beyond the property
tests in tests/test_properties.py. Any exception that is not planscope's own error type is a
finding; they are printed and written to bench/FUZZ.md with the inputs that caused them.

    .venv/bin/python bench/fuzz_readers.py [--examples 2000] [--seconds 600]
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

from extractors.dates import normalise  # noqa: E402
from pipeline.errors import PlanscopeError  # noqa: E402
from pipeline.readers import read_document  # noqa: E402
from schemas.records import Period  # noqa: E402
from tests.byte_mutation import mutate  # noqa: E402

SEEDS = {p.name: p.read_bytes() for p in sorted((ROOT / "corpus").glob("*")) if p.suffix in (".docx", ".pdf", ".txt")}
SEEDS.update({f"variant_{p.name}": p.read_bytes() for p in (ROOT / "tests" / "fixtures" / "variants").glob("*.docx")})
PERIOD = Period(start=date(2008, 7, 1), end=date(2009, 6, 30), raw="")
findings: list[str] = []
counts = {"read": 0, "refused": 0, "dates": 0}


def run(examples: int) -> None:
    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.sampled_from(sorted(SEEDS)),
           st.lists(st.tuples(st.integers(0, 3), st.integers(0, 10**8), st.integers(0, 255)), min_size=1, max_size=12),
           st.sampled_from([".docx", ".pdf", ".txt", ".doc", ".odt", ".rtf", ""]))
    def fuzz_reader(seed, ops, suffix):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"m{suffix}"
            path.write_bytes(mutate(SEEDS[seed], ops))
            try:
                read_document(path)
                counts["read"] += 1
            except PlanscopeError as exc:
                counts["refused"] += 1
                if "\n" in str(exc):
                    findings.append(f"multi-line error for {seed} {ops} {suffix}: {exc!r}")
            except Exception:
                findings.append(f"{seed} mutated by {ops} as {suffix!r}:\n{traceback.format_exc(limit=3)}")

    @settings(max_examples=examples * 5, deadline=None, database=None)
    @given(st.text(max_size=200), st.booleans())
    def fuzz_dates(text, scan):
        counts["dates"] += 1
        try:
            v = normalise(text, PERIOD, scan=scan)
            assert (v.start is None) == (v.end is None) and (v.start is None or v.start <= v.end)
        except Exception:
            findings.append(f"normalise({text!r}, scan={scan}):\n{traceback.format_exc(limit=3)}")

    fuzz_reader()
    fuzz_dates()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=2000)
    args = ap.parse_args()
    t0 = time.time()
    run(args.examples)
    elapsed = time.time() - t0
    lines = ["# Fuzz run", "", f"`.venv/bin/python bench/fuzz_readers.py --examples {args.examples}` "
             f"on {time.strftime('%Y-%m-%d')}: {elapsed:.0f} s.", "",
             f"- mutated files: {counts['read'] + counts['refused']} ({counts['read']} still read, {counts['refused']} refused "
             "with planscope's one-line error)", f"- time expressions: {counts['dates']}",
             f"- findings (exceptions other than planscope's own): {len(findings)}", ""]
    lines += [f"```\n{f}\n```" for f in findings[:50]]
    (ROOT / "bench" / "FUZZ.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
