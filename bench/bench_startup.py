"""Start-up figures (issue 26): min and median wall time of short commands, each run N times in a
fresh process, with the CPU time the process used (user + system, from the child's rusage).
On a shared machine the wall time waits for a free core; the CPU time is what the command costs.

    PYTHONPATH=. python bench/bench_startup.py [--runs 5]
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TXT = ROOT / "tests/fixtures/prose/news_2013.txt"
PACKAGES = ("pipeline", "extractors", "schemas", "warehouse", "checking", "serve")


def timed(cmd: list[str], env: dict) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {run.stderr[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    py = sys.executable
    # An installed planscope has its bytecode compiled (pip does it); a checkout run with
    # PYTHONDONTWRITEBYTECODE=1 would compile every module of its own on every start (~0.1 s).
    subprocess.run([py, "-m", "compileall", "-q", *(str(ROOT / d) for d in PACKAGES)], check=True,
                   capture_output=True, env={**env, "PYTHONDONTWRITEBYTECODE": ""})
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "w.duckdb"
    subprocess.run([py, "-m", "planscope_cli", "--db", str(db), "ingest", str(TXT), "--quiet"], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "python -c 'import duckdb'": [py, "-c", "import duckdb"],
        "planscope --help": [py, "-m", "planscope_cli", "--help"],
        'planscope sql "select 1"': [py, "-m", "planscope_cli", "--db", str(db), "sql", "select 1"],
        f"planscope ingest {TXT.name} --force": [py, "-m", "planscope_cli", "--db", str(db), "ingest", str(TXT),
                                                 "--quiet", "--force"],
        f"planscope ingest {TXT.name} --force --workers 1": [py, "-m", "planscope_cli", "--db", str(db), "ingest",
                                                             str(TXT), "--quiet", "--force", "--workers", "1"],
        f"planscope ingest {TXT.name} (unchanged)": [py, "-m", "planscope_cli", "--db", str(db), "ingest", str(TXT),
                                                     "--quiet"],
    }
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {args.runs} runs each")
    print("| command | wall min | wall median | CPU min | CPU median |\n|---|---|---|---|---|")
    for name, cmd in commands.items():
        walls, cpus = zip(*(timed(cmd, env) for _ in range(args.runs)))
        print(f"| `{name}` | {min(walls):.2f} s | {statistics.median(walls):.2f} s | {min(cpus):.2f} s | "
              f"{statistics.median(cpus):.2f} s |", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} after")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
