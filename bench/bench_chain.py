"""The critical path of `planscope ingest ONE_SMALL_FILE` in CPU seconds, for a shared machine where
wall time mostly measures the wait for a core (issue 26; bench/PERF.md, fifth round).

Each run wraps `planscope_cli.main` and logs, per process, its CPU clock at fixed points: the fork of
the worker, the worker's last step, the main process's connect after the worker's answer, the end
(its atexit functions), and how long the process then takes to exit (wall).
The critical path on two idle cores is then: main CPU up to the fork + the worker's whole CPU + main
CPU after the answer (loading the rows, recording the run), provided the main process is ready
(hashing, warehouse check, and in this round reading the file) before the worker has loaded spaCy;
"main ready" says when it was.

    PYTHONPATH=. python bench/bench_chain.py [--runs 7] [--compare OTHER_TREE] [--file F]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TXT = "tests/fixtures/prose/news_2013.txt"
PACKAGES = ("pipeline", "extractors", "schemas", "warehouse", "checking", "serve")

# Run inside the measured process: patch pipeline.ingest and warehouse.store to log CPU clocks.
WRAPPER = r'''
import os, sys, time
def log(label):
    os.write(2, f"CHAIN {os.getpid()} {time.process_time():.4f} {time.time():.4f} {label}\n".encode())
log("up")
import planscope_cli
import pipeline.ingest as I
from warehouse import store
def wrap(mod, name):
    f = getattr(mod, name, None)
    if f is None:
        return
    def g(*a, **k):
        log("> " + name)
        try:
            return f(*a, **k)
        finally:
            log("< " + name)
    g.__qualname__, g.__module__, g.__wrapped__ = f.__qualname__, f.__module__, f
    setattr(mod, name, g)
for n in ("start_warm_pool", "_init_warm_worker", "_init_parsing_worker", "read_to_state", "_finish_in_pool",
          "_process_in_pool", "_run_in_pool"):
    wrap(I, n)
for n in ("connect", "load_batch"):
    wrap(store, n)
import atexit
atexit.register(log, "end")  # atexit functions run on either way out (planscope_cli.end_process)
sys.argv = ["planscope"] + sys.argv[1:]
sys.exit(planscope_cli.main())
'''


def one_run(root: Path, db: Path, path: str, wrapper: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(root)}
    t = time.perf_counter()
    run = subprocess.run([sys.executable, str(wrapper), "--db", str(db), "ingest", path, "--quiet", "--force"],
                         cwd=root, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    ended = time.time()
    stamped = [line.split(None, 4)[1:] for line in run.stderr.splitlines() if line.startswith("CHAIN ")]
    events = [(pid, cpu, label) for pid, cpu, _, label in stamped]
    if run.returncode != 0 or not events:
        raise SystemExit(f"ingest failed in {root}: {run.stderr[-500:]}")
    main = events[0][0]
    mine = [(float(cpu), label) for pid, cpu, label in events if pid == main]
    others = [float(cpu) for pid, cpu, label in events if pid != main]
    prefork = next((cpu for cpu, label in mine if label == "> start_warm_pool"), None)
    last_connect = [cpu for cpu, label in mine if label == "> connect"][-1]
    ready = next((cpu for cpu, label in mine if label in ("< read_to_state", "> _run_in_pool")), float("nan"))
    worker = max(others) if others else 0.0
    after = mine[-1][0] - last_connect
    chain = (prefork + worker + after) if prefork is not None else mine[-1][0]  # no worker: all in this process
    teardown = ended - float(next(stamp for pid, _, stamp, label in stamped if pid == main and label == "end"))
    return {"chain": chain, "main up to the fork": prefork or 0.0, "worker": worker, "main ready": ready,
            "main after the answer": after, "CPU, all processes": mine[-1][0] + sum(
                max(float(c) for p, c, _ in events if p == pid) for pid in {p for p, _, _ in events if p != main}),
            "exit after the end (wall)": teardown, "wall": wall}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--compare", metavar="OTHER_TREE")
    ap.add_argument("--file", default=TXT, help="relative to each tree (default: %(default)s)")
    args = ap.parse_args()
    trees = [ROOT] + ([Path(args.compare).resolve()] if args.compare else [])
    tmp = Path(tempfile.mkdtemp())
    wrapper = tmp / "chain_wrapper.py"
    wrapper.write_text(WRAPPER)
    for root in trees:
        subprocess.run([sys.executable, "-m", "compileall", "-q", *(str(root / d) for d in PACKAGES),
                        str(root / "planscope_cli.py")], check=True, capture_output=True,
                       env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""})
    results: dict[Path, list[dict]] = {root: [] for root in trees}
    print(f"load average {os.getloadavg()[0]:.1f}; {args.runs} runs each, alternately")
    for i in range(args.runs):
        for j, root in enumerate(trees):
            results[root].append(one_run(root, tmp / f"w{j}.duckdb", str(root / args.file), wrapper))
    keys = list(results[trees[0]][0])
    print("| tree | " + " | ".join(keys) + " |\n|---|" + "---|" * len(keys))
    for root in trees:
        cells = [f"{min(r[k] for r in results[root]):.3f} / {statistics.median(r[k] for r in results[root]):.3f}"
                 for k in keys]
        print(f"| {root} | " + " | ".join(cells) + " |")
    print(f"(min / median, seconds; load average {os.getloadavg()[0]:.1f} after)")


if __name__ == "__main__":
    main()
