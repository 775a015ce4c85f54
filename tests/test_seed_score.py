"""The scorer (copied from the shared eval) on the export of the whole corpus."""
from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import FIXTURES


def test_every_rendition_scores(corpus_export):
    proc = subprocess.run([sys.executable, str(FIXTURES / "eval" / "score.py"), "--gold", str(FIXTURES / "gold"),
                           "--pred", str(corpus_export)], capture_output=True, text=True, check=True)
    lines = proc.stdout.splitlines()
    per_file = [l for l in lines if re.match(r"^\d{3}_\w+\.(txt|docx|pdf)\s", l)]
    assert len(per_file) == 9, proc.stdout
    for line in per_file:
        f1 = float(line.split()[5])
        assert f1 >= 0.9, line
    overall = float(re.search(r"overall F1=([\d.]+)", lines[-1]).group(1))
    assert overall >= 0.95, lines[-1]
    fields = dict(re.findall(r"(\w+)=([\d.]+)", lines[-2]))
    assert float(fields["start"]) >= 0.97 and float(fields["end"]) >= 0.97
    assert float(fields["actors"]) >= 0.90 and float(fields["themes"]) >= 0.90 and float(fields["location"]) >= 0.95
