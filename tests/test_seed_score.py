"""The scorer (copied from the shared eval) on the export of the whole corpus. Each limit is set by
hand a hair under the value observed on 2026-11-23 (in the comment), so a change that costs a few
records or fields on the seeds fails here; raise a limit when the seeds get better."""
from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import FIXTURES

# field -> (limit, observed)
FIELD_LIMITS = {
    "actors": (0.99, 1.000), "countries": (0.99, 1.000), "start": (0.99, 1.000), "end": (0.99, 1.000),
    "funding": (0.99, 1.000), "location": (0.99, 1.000), "priority_codes": (0.99, 1.000),
    "themes": (0.975, 0.984),
}
OVERALL_LIMIT = 0.99  # observed 0.998
PER_FILE_F1_LIMIT = 0.98  # observed 1.000 for each of the nine renditions (one record of 35 lost: 0.986)


def score(corpus_export) -> list[str]:
    proc = subprocess.run([sys.executable, str(FIXTURES / "eval" / "score.py"), "--gold", str(FIXTURES / "gold"),
                           "--pred", str(corpus_export)], capture_output=True, text=True, check=True)
    return proc.stdout.splitlines()


def test_every_rendition_scores(corpus_export):
    lines = score(corpus_export)
    per_file = [l for l in lines if re.match(r"^\d{3}_\w+\.(txt|docx|pdf)\s", l)]
    assert len(per_file) == 9, "\n".join(lines)
    for line in per_file:
        assert float(line.split()[5]) >= PER_FILE_F1_LIMIT, line
    overall = float(re.search(r"overall F1=([\d.]+)", lines[-1]).group(1))
    assert overall >= OVERALL_LIMIT, lines[-1]


def test_each_field_holds_its_observed_value(corpus_export):
    lines = score(corpus_export)
    fields = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", next(l for l in lines if l.startswith("fields:")))}
    assert set(fields) == set(FIELD_LIMITS), fields
    below = {f: (fields[f], limit) for f, (limit, _) in FIELD_LIMITS.items() if fields[f] < limit}
    assert below == {}, f"fields below their limits (value, limit): {below}"
