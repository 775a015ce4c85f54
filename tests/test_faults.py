"""Faults: an ingest killed with SIGKILL leaves a consistent warehouse and the rerun completes it;
`planscope sql` during an ingest reads a consistent snapshot or says the warehouse is busy; a bug
in planscope is told apart from a damaged file (one line, exit 3, traceback kept)."""
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
    return subprocess.Popen([sys.executable, "-m", "planscope_cli", "--db", str(db), "ingest", str(folder),
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
    assert counts, f"no query read a snapshot during the ingest ({busy} said busy)"
    assert all(d % 2 == 0 for d in counts), f"a reader saw half a batch of two files: {counts}"
    assert assert_consistent(db) == N_FILES


# --- The two kinds of error -------------------------------------------------------------------

def _ingest_in_process(monkeypatch, capsys, db, *paths, debug=False):
    import planscope_cli as cli

    code = cli.main((["--debug"] if debug else []) + ["--db", str(db), "ingest", *map(str, paths), "--workers", "1",
                                                      "--quiet"])
    out = capsys.readouterr()
    return code, out.out, out.err


def _broken_themes_stage(state):
    raise KeyError("no such legend code")  # stands in for a bug in a stage


def test_a_bug_in_a_stage_is_an_internal_error_exit_3(monkeypatch, capsys, tmp_path):
    from pipeline.components import STAGES

    monkeypatch.setitem(STAGES, "themes", _broken_themes_stage)
    good = CORPUS / "004_2ce97f0e434d4dce.txt"
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    db = tmp_path / "w.duckdb"
    code, out, err = _ingest_in_process(monkeypatch, capsys, db, good, empty)
    assert code == 3
    failed = [line.strip() for line in err.splitlines() if line.strip().startswith("failed:")]
    assert failed == [f"failed: {good}: internal error (KeyError: 'no such legend code') — please report",
                      f"failed: {empty}: empty file (0 bytes)"]
    assert "Traceback" not in err
    con = duckdb.connect(str(db), read_only=True)
    rows = {path: (kind, detail) for path, kind, detail in con.execute("SELECT path, kind, detail FROM failures").fetchall()}
    con.close()
    assert sorted(rows) == sorted([str(empty), str(good)])
    assert rows[str(empty)] == ("file", None)
    kind, detail = rows[str(good)]
    assert kind == "internal" and detail.startswith("Traceback") and "_broken_themes_stage" in detail


def test_debug_prints_the_traceback(monkeypatch, capsys, tmp_path):
    from pipeline.components import STAGES

    monkeypatch.setitem(STAGES, "themes", _broken_themes_stage)
    code, _, err = _ingest_in_process(monkeypatch, capsys, tmp_path / "w.duckdb", CORPUS / "004_2ce97f0e434d4dce.txt",
                                      debug=True)
    assert code == 3
    assert "Traceback (most recent call last)" in err and 'raise KeyError("no such legend code")' in err


def test_damaged_files_alone_exit_1_not_3(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes((CORPUS / "000_e3e456b1fc67bad2.docx").read_bytes()[:5000])
    proc = run_cli("ingest", str(broken), db=tmp_path / "w.duckdb")
    assert proc.returncode == 1, proc.stderr
    assert "internal error" not in proc.stderr and f"{broken}: " in proc.stderr


def test_a_bug_in_a_reader_is_not_disguised_as_a_damaged_file(monkeypatch):
    """planscope's own code raising inside a reader propagates as itself, not as "damaged txt"."""
    from pipeline.readers import read_document, txt_reader

    monkeypatch.setattr(txt_reader, "split_label", None)
    with pytest.raises(TypeError):
        read_document(CORPUS / "004_2ce97f0e434d4dce.txt")


def test_a_library_tripping_over_a_missing_part_is_the_files_fault(tmp_path):
    """A .docx whose styles part is gone: python-docx's KeyError from zipfile is the file's fault."""
    import zipfile

    from schemas.errors import UnreadableFile
    from pipeline.readers import read_document

    src, bad = CORPUS / "000_e3e456b1fc67bad2.docx", tmp_path / "no_styles.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            if item.filename != "word/styles.xml":
                zout.writestr(item, zin.read(item.filename))
    with pytest.raises(UnreadableFile, match=r"no_styles\.docx: .*word/styles\.xml"):
        read_document(bad)


def _raise_from(filename: str, exc_source: str = "raise KeyError('x')"):
    """An exception whose innermost frame claims to be in `filename` (compiled under that name)."""
    try:
        exec(compile(exc_source, filename, "exec"), {})
    except Exception as exc:
        return exc
    raise AssertionError("did not raise")


def _called_from(outer: str, inner: str):
    """An exception raised in `inner`, called from code in `outer`."""
    ns: dict = {}
    exec(compile("def boom():\n    raise KeyError('x')\n", inner, "exec"), ns)
    exec(compile("def call(f):\n    f()\n", outer, "exec"), ns)
    try:
        ns["call"](ns["boom"])
    except Exception as exc:
        return exc
    raise AssertionError("did not raise")


def test_the_rule_that_tells_a_files_fault_from_planscopes():
    import zipfile

    from schemas.errors import ROOT, is_file_fault

    reader = str(ROOT / "pipeline" / "readers" / "docx_reader.py")
    stage = str(ROOT / "extractors" / "structure.py")
    library = "/usr/lib/python3/site-packages/docx/opc/pkgreader.py"
    assert is_file_fault(_called_from(reader, library))  # a library called by a reader trips over the bytes
    assert not is_file_fault(_called_from(library, reader))  # raised in planscope's reader code
    assert not is_file_fault(_raise_from(reader))
    assert not is_file_fault(_called_from(stage, library))  # a library called by an extractor: planscope's
    assert is_file_fault(_raise_from(reader, "import zipfile\nraise zipfile.BadZipFile('bad')"))  # by type
    assert is_file_fault(zipfile.BadZipFile("no traceback at all"))
    assert not is_file_fault(KeyError("no traceback at all"))
