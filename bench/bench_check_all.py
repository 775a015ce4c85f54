"""Time `planscope check --all` over a warehouse of the corpus and the dev set.

Ingests corpus/ and the dev documents into a fresh warehouse with their catalogues
(`ingest --manifest`: corpus/prose/manifest.csv and the dev set's manifest.csv give titles and
periods; `check` reads only the documents table's period), runs `check --all` and prints its
wall time and what commitment_status holds.

    PYTHONPATH=$PWD python bench/bench_check_all.py [DEV_DIR]   # default /work/shared/dev
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "planscope_cli", "--db", str(db), *args], cwd=ROOT, text=True,
                          capture_output=True)
    if proc.returncode:
        raise SystemExit(f"planscope {' '.join(args[:2])} failed: {proc.stderr.strip()[-800:]}")
    return proc


def main() -> int:
    dev = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/dev")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "all.duckdb"
        cli(db, "ingest", str(ROOT / "corpus"), str(dev / "docs"), "--manifest", str(ROOT / "corpus" / "prose" / "manifest.csv"),
            "--manifest", str(dev / "manifest.csv"))
        t0 = time.perf_counter()
        out = cli(db, "check", "--all")
        seconds = time.perf_counter() - t0
        print(out.stdout)
        print(f"check --all: {seconds:.1f} s wall (including Python and spaCy start-up)")
        print(cli(db, "sql", "SELECT status, count(*) FROM commitment_status GROUP BY ALL ORDER BY 1").stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
