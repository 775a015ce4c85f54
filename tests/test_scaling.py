"""Beyond one process: the Ray executor gives the same records as the local one, starts its own
local instance unless RAY_ADDRESS names a cluster (a stale /tmp/ray file is ignored), and reports a
task that dies as that file's failure; Parquet export is Hive-partitioned and readable."""
from __future__ import annotations

import json
import os
import shutil
import tempfile

import duckdb
import pytest

from tests.conftest import CORPUS, SEED_FILES, run_cli

FILES = ["000_e3e456b1fc67bad2.pdf", "001_856aa1f959aca59f.docx", "004_2ce97f0e434d4dce.txt"]


def export(db):
    rows = [json.loads(l) for l in run_cli("export", "--jsonl", "-", db=db, check=True, real=True).stdout.splitlines()]
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
    assert n == 282 and trafficking == 174
    ingestible = SEED_FILES  # the fixture warehouse holds the seed renditions
    assert con.execute(f"SELECT count(*) FROM '{out}/documents.parquet'").fetchone()[0] == len(ingestible)


def copy_files(tmp_path, names=FILES):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in names:
        shutil.copyfile(CORPUS / f, folder / f)
    return folder


def test_ray_is_local_unless_an_address_is_given(monkeypatch):
    from pipeline.ingest import ray_init_kwargs

    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    assert ray_init_kwargs(2)["address"] == "local" and ray_init_kwargs(2)["num_cpus"] == 2
    monkeypatch.setenv("RAY_ADDRESS", "head.example:6379")
    assert ray_init_kwargs(2)["address"] == "head.example:6379" and "num_cpus" not in ray_init_kwargs(2)


def test_ray_ignores_a_stale_cluster_file(tmp_path):
    """A `ray start` long gone left its address in RAY_TMPDIR/ray/ray_current_cluster: without
    RAY_ADDRESS, planscope must start its own instance, not try to join that one."""
    pytest.importorskip("ray")
    folder = copy_files(tmp_path, FILES[2:])
    ray_tmp = tempfile.mkdtemp(prefix="rs", dir="/tmp")  # short: Ray's socket paths must fit 107 bytes
    try:
        os.makedirs(os.path.join(ray_tmp, "ray"))
        with open(os.path.join(ray_tmp, "ray", "ray_current_cluster"), "w") as fh:
            fh.write("127.0.0.1:1")  # nothing listens there
        out = run_cli("ingest", str(folder), "--workers", "1", "--executor", "ray", db=tmp_path / "w.duckdb",
                      timeout=600, env={"RAY_TMPDIR": ray_tmp, "RAY_ADDRESS": ""})
        assert out.returncode == 0, out.stderr[-2000:]
        assert "ingested 1 file(s)" in out.stdout
    finally:
        shutil.rmtree(ray_tmp, ignore_errors=True)


def dies_on_the_pdf(path, run_id, password, entry=None, ocr_mode="auto"):
    """A Ray task that kills its worker process for one file, as an out-of-memory kill would."""
    if path.endswith(".pdf"):
        os._exit(1)
    from pipeline.ingest import _process_with_password

    return _process_with_password(path, run_id, password, entry, ocr_mode)


def test_a_failed_ray_task_is_that_files_failure(tmp_path, monkeypatch):
    pytest.importorskip("ray")
    import ray

    from pipeline.ingest import run_on_ray

    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    folder = copy_files(tmp_path)
    todo = [(str(folder / f), []) for f in FILES]
    assert not ray.is_initialized()
    results = {os.path.basename(p): (status, result) for p, _, status, result in run_on_ray(todo, "run1", 2, None,
                                                                                              task=dies_on_the_pdf)}
    assert not ray.is_initialized()  # started here, so shut down here
    assert sorted(results) == sorted(FILES)
    status, reason = results["000_e3e456b1fc67bad2.pdf"]
    assert status == "error" and reason.startswith(f"{folder / '000_e3e456b1fc67bad2.pdf'}: Ray task failed (")
    assert "\n" not in reason
    assert [results[f][0] for f in FILES[1:]] == ["ok", "ok"]
