"""Faults: an ingest killed with SIGKILL leaves a consistent warehouse and the rerun completes it;
`planscope sql` during an ingest reads a consistent snapshot or says the warehouse is busy."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from tests.conftest import CORPUS, ROOT, run_cli

N_FILES = 14


def make_reports(folder):
    """Distinct report files (one more event each), so none is a copy of another."""
    folder.mkdir()
    base = (CORPUS / "004_2ce97f0e434d4dce.txt").read_text(encoding="utf-8")
    for i in range(N_FILES):
        extra = f"\n{i + 1} June, Oslo: Extra meeting number {i + 1} on trafficking.\n"
        (folder / f"report_{i:02d}.txt").write_text(base + extra, encoding="utf-8")


def start_ingest(folder, db, batch_files=1):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PLANSCOPE_BATCH_FILES": str(batch_files)}
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "--db", str(db), "ingest", str(folder),
                             "--workers", "1", "--quiet"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def documents_now(db) -> int | None:
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return None  # the writer holds it right now
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    except duckdb.Error:
        return None
    finally:
        con.close()


def assert_consistent(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        bad = con.execute("""
            SELECT d.name, d.records, count(r.record_id) FROM documents d LEFT JOIN record_facts r USING (doc_sha256)
            GROUP BY ALL HAVING d.records <> count(r.record_id)""").fetchall()
        assert bad == [], f"documents whose records are half-loaded: {bad}"
        orphans = con.execute("""SELECT count(*) FROM record_facts r WHERE NOT EXISTS
                                 (SELECT 1 FROM documents d WHERE d.doc_sha256 = r.doc_sha256)""").fetchone()[0]
        orphan_links = con.execute("""SELECT count(*) FROM record_actors a WHERE NOT EXISTS
                                      (SELECT 1 FROM record_facts r WHERE r.record_id = a.record_id)""").fetchone()[0]
        assert orphans == 0 and orphan_links == 0
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()



def test_sigkill_mid_ingest_then_rerun_completes(tmp_path):
    folder, db = tmp_path / "reports", tmp_path / "w.duckdb"
    make_reports(folder)
    proc = start_ingest(folder, db)
    deadline = time.monotonic() + 120
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        seen = documents_now(db) or seen
        if seen >= 2:
            break
        time.sleep(0.1)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    loaded = assert_consistent(db)
    assert 2 <= loaded < N_FILES
    rerun = run_cli("ingest", str(folder), "--workers", "2", db=db, check=True)
    assert f"ingested {N_FILES - loaded} file(s)" in rerun.stdout and f"skipped {loaded} unchanged" in rerun.stdout
    assert assert_consistent(db) == N_FILES
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM records").fetchone()[0] == N_FILES * 40
    statuses = [r[0] for r in con.execute("SELECT status FROM ingest_runs ORDER BY started_at").fetchall()]
    assert statuses == ["running", "ok"]  # the killed run never finished; the rerun did


def test_sql_during_ingest_reads_a_snapshot_or_says_busy(tmp_path):
    folder, db = tmp_path / "reports", tmp_path / "w.duckdb"
    make_reports(folder)
    proc = start_ingest(folder, db, batch_files=2)
    counts, busy = [], 0
    try:
        while proc.poll() is None:
            out = run_cli("sql", "SELECT count(*) AS n, count(DISTINCT doc) AS d FROM records", "--csv", db=db)
            if out.returncode == 0:
                n, d = map(int, out.stdout.splitlines()[1].split(","))
                assert n == d * 40, "a reader saw a half-loaded file"
                counts.append(d)
            else:
                assert "Traceback" not in out.stderr
                assert "being written by another planscope process" in out.stderr or "no warehouse" in out.stderr
                busy += 1
    finally:
        proc.wait(timeout=120)
    assert proc.returncode == 0
    assert counts == sorted(counts), "snapshots go forwards"
    assert counts or busy
    assert assert_consistent(db) == N_FILES
