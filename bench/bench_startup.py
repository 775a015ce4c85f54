"""Start-up figures (issue 26): min and median wall time of short commands, each run N times in a
fresh process, with the CPU time the process used (user + system, from the child's rusage).
On a shared machine the wall time waits for a free core; the CPU time is what the command costs.

    PYTHONPATH=. python bench/bench_startup.py [--runs 5] [--compare OTHER_TREE] [--only WORD]

`--compare` runs every command alternately from this tree and from OTHER_TREE (a checkout of
another commit: `git worktree add /tmp/before main`), run for run, and prints both; `--only`
keeps the commands whose name contains WORD (e.g. `--only ingest`).
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


def timed(cmd: list[str], env: dict, cwd: Path = ROOT) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    run = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {run.stderr[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def commands_for(root: Path, py: str, db: Path) -> dict[str, list[str]]:
    txt = root / "tests/fixtures/prose/news_2013.txt"
    return {
        "python -c pass": [py, "-c", "pass"],
        "python -c 'import duckdb'": [py, "-c", "import duckdb"],
        "planscope --help": [py, "-m", "planscope_cli", "--help"],
        'planscope sql "select 1"': [py, "-m", "planscope_cli", "--db", str(db), "sql", "select 1"],
        f"planscope ingest {txt.name} --force": [py, "-m", "planscope_cli", "--db", str(db), "ingest", str(txt),
                                                 "--quiet", "--force"],
        f"planscope ingest {txt.name} --force --workers 1": [py, "-m", "planscope_cli", "--db", str(db), "ingest",
                                                             str(txt), "--quiet", "--force", "--workers", "1"],
        f"planscope ingest {txt.name} (unchanged)": [py, "-m", "planscope_cli", "--db", str(db), "ingest", str(txt),
                                                     "--quiet"],
    }


def prepare(root: Path, py: str, tmp: Path) -> tuple[dict, dict]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    # An installed planscope has its bytecode compiled (pip does it); a checkout run with
    # PYTHONDONTWRITEBYTECODE=1 would compile every module of its own on every start (~0.1 s).
    subprocess.run([py, "-m", "compileall", "-q", *(str(root / d) for d in PACKAGES), str(root / "planscope_cli.py")],
                   check=True, capture_output=True, env={**env, "PYTHONDONTWRITEBYTECODE": ""})
    db = tmp / "w.duckdb"
    subprocess.run([py, "-m", "planscope_cli", "--db", str(db), "ingest", str(root / TXT.relative_to(ROOT)), "--quiet"],
                   cwd=root, env=env,
                   check=True, capture_output=True)
    return commands_for(root, py, db), env


def row(name: str, walls, cpus) -> str:
    return (f"| `{name}` | {min(walls):.2f} s | {statistics.median(walls):.2f} s | {min(cpus):.2f} s | "
            f"{statistics.median(cpus):.2f} s |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--compare", metavar="OTHER_TREE", help="run each command alternately from this tree and OTHER_TREE")
    ap.add_argument("--only", metavar="WORD", help="only the commands whose name contains WORD")
    args = ap.parse_args()
    py = sys.executable
    trees = [ROOT] + ([Path(args.compare).resolve()] if args.compare else [])
    tmps = [Path(tempfile.mkdtemp()) for _ in trees]
    prepared = [prepare(root, py, tmp) for root, tmp in zip(trees, tmps)]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {args.runs} runs each"
          + (f", alternately: {' vs '.join(str(t) for t in trees)}" if args.compare else ""))
    print("| command | wall min | wall median | CPU min | CPU median |\n|---|---|---|---|---|")
    for name in prepared[0][0]:
        if args.only and args.only not in name:
            continue
        results = [([], []) for _ in trees]
        for _ in range(args.runs):
            for (commands, env), root, (walls, cpus) in zip(prepared, trees, results):
                wall, cpu = timed(commands[name], env, root)
                walls.append(wall)
                cpus.append(cpu)
        for root, (walls, cpus) in zip(trees, results):
            label = name if not args.compare else f"{name} [{root.name}]"
            print(row(label, walls, cpus), flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} after")
    for tmp in tmps:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
