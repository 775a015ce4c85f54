"""Snapshot of what planscope makes from the repository's own document sets, to show that a speed
change leaves it identical: ingest each set into a fresh warehouse (one worker), then write every
row of the record, actor, theme, passage, quarantine and document tables (but times, run ids and
paths), sorted, one JSON a line.

    PYTHONPATH=. python bench/records_snapshot.py OUT.jsonl [WORKERS]   # then diff two snapshots

WORKERS (default 1) checks the pool's path: a snapshot taken with 2 must equal one taken with 1.
`--one-by-one` ingests each file in a run of its own (the files of a set in order, into the set's
warehouse), so with WORKERS 2 every file takes the one-small-file path (read here, parsed in the
worker: pipeline/ingest.py, bench/PERF.md fifth round); it must equal the folder snapshot too.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = [  # (folder, manifest)
    ("corpus", "corpus/prose/manifest.csv"),
    ("tests/fixtures/dev/docs", "tests/fixtures/dev/manifest.csv"),
    ("tests/fixtures/prose", "tests/fixtures/prose/manifest.csv"),
]
TABLES = ("record_facts", "record_actors", "record_themes", "passages", "quarantine", "documents")
VARYING = {"ingested_at", "quarantined_at", "run_id", "path"}  # differ from run to run, not with the code


def snapshot(out: Path, workers: int = 1, one_by_one: bool = False) -> int:
    import duckdb

    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, (folder, manifest) in enumerate(SETS):
            db = Path(tmp) / f"set{i}.duckdb"
            targets = [folder]
            if one_by_one:
                from pipeline.ingest import discover

                targets = [str(f) for f in discover([str(ROOT / folder)])[0]]
            for target in targets:
                cmd = [sys.executable, "-m", "planscope_cli", "--db", str(db), "ingest", target, "--workers",
                       str(workers), "--quiet", "--manifest", manifest]
                run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
                print(target, run.stdout.strip(), run.stderr.strip()[-300:], sep="\n  ")
            con = duckdb.connect(str(db), read_only=True)
            for table in TABLES:
                cur = con.execute(f"SELECT * FROM {table}")
                names = [d[0] for d in cur.description]
                for row in cur.fetchall():
                    rec = {k: v for k, v in zip(names, row) if k not in VARYING}
                    lines.append(table + " " + json.dumps(rec, ensure_ascii=False, default=str, sort_keys=True))
            con.close()
    lines.sort()
    out.write_text("\n".join(lines) + "\n")
    return len(lines)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--one-by-one"]
    print(snapshot(Path(args[0]), int(args[1]) if len(args) > 1 else 1, "--one-by-one" in sys.argv), "rows")
