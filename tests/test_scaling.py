"""Beyond one process: the Ray executor gives the same records as the local one; Parquet export
is Hive-partitioned and readable."""
from __future__ import annotations

import json
import shutil

import duckdb
import pytest

from tests.conftest import CORPUS, run_cli

FILES = ["000_e3e456b1fc67bad2.pdf", "001_856aa1f959aca59f.docx", "004_2ce97f0e434d4dce.txt"]


def export(db):
    rows = [json.loads(l) for l in run_cli("export", "--jsonl", "-", db=db, check=True).stdout.splitlines()]
    for r in rows:
        r.pop("record_id")
    return sorted(rows, key=lambda r: (r["doc"], r["text"], r["start"] or ""))


def test_ray_executor_gives_the_same_records(tmp_path):
    pytest.importorskip("ray")
    folder = tmp_path / "in"
    folder.mkdir()
    for f in FILES:
        shutil.copyfile(CORPUS / f, folder / f)
    local, remote = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    run_cli("ingest", str(folder), "--workers", "2", db=local, check=True)
    out = run_cli("ingest", str(folder), "--workers", "2", "--executor", "ray", db=remote, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "ingested 3 file(s)" in out.stdout
    assert export(local) == export(remote)


def test_parquet_export_is_hive_partitioned(corpus_db, tmp_path):
    out = tmp_path / "parquet"
    run_cli("export", "--parquet", str(out), db=corpus_db, check=True)
    assert (out / "records" / "year=2009" / "kind=activity").is_dir()
    assert (out / "records" / "year=2016" / "kind=event").is_dir()
    con = duckdb.connect()
    n, trafficking = con.execute(f"""
        SELECT count(*), count(*) FILTER (WHERE list_contains(themes, 'trafficking'))
        FROM read_parquet('{out}/records/*/*/*.parquet', hive_partitioning = true)""").fetchone()
    assert n == 282 and trafficking > 100
    ingestible = [f for f in CORPUS.rglob("*") if f.suffix in (".txt", ".docx", ".pdf")]
    assert con.execute(f"SELECT count(*) FROM '{out}/documents.parquet'").fetchone()[0] == len(ingestible)
