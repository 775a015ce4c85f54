"""The command line: exit codes, read-only SQL, output formats, explain."""
from __future__ import annotations

import json
import os
import shutil

import pytest

from tests.conftest import CORPUS, run_cli


def test_usage_error_exits_2():
    assert run_cli(real=True).returncode == 2  # real: a new interpreter, as a user runs it (conftest.run_cli)
    assert run_cli("ingest").returncode == 2
    assert run_cli("ingest", "corpus", "--workers", "0").returncode == 2


def test_bad_file_among_good_ones_exits_1_and_is_named(tmp_path):
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    db = tmp_path / "w.duckdb"
    proc = run_cli("ingest", str(CORPUS / "000_e3e456b1fc67bad2.txt"), str(empty), db=db, real=True)
    assert proc.returncode == 1
    assert "ingested 1 file(s)" in proc.stdout
    assert f"{empty}: empty file (0 bytes)" in proc.stderr
    out = run_cli("sql", "SELECT path, reason FROM failures", "--json", db=db, check=True, real=True)
    assert json.loads(out.stdout)[0]["reason"].endswith("empty file (0 bytes)")


def test_sql_is_read_only_unless_write(corpus_db):
    proc = run_cli("sql", "DELETE FROM record_facts", db=corpus_db)
    assert proc.returncode == 1 and "--write" in proc.stderr
    n = run_cli("sql", "SELECT count(*) AS n FROM records", "--csv", db=corpus_db, check=True)
    assert n.stdout.splitlines() == ["n", "282"]


def test_sql_write_changes_the_warehouse(corpus_db, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copyfile(corpus_db, db)
    proc = run_cli("sql", "DELETE FROM record_facts WHERE doc = '004_2ce97f0e434d4dce.txt'", "--write", db=db)
    assert proc.returncode == 0, proc.stderr
    n = run_cli("sql", "SELECT count(*) AS n FROM records", "--csv", db=db, check=True)
    assert n.stdout.splitlines() == ["n", str(282 - 39)]


def test_force_reprocesses_unchanged_files_and_replaces_their_records(tmp_path):
    db = tmp_path / "w.duckdb"
    report = str(CORPUS / "004_2ce97f0e434d4dce.txt")
    run_cli("ingest", report, db=db, check=True)
    again = run_cli("ingest", report, db=db, check=True)
    assert "ingested 0 file(s), skipped 1 unchanged" in again.stdout
    forced = run_cli("ingest", report, "--force", db=db, check=True)
    assert "ingested 1 file(s), skipped 0 unchanged" in forced.stdout
    out = run_cli("sql", "SELECT count(*) AS n, count(DISTINCT record_id) AS ids FROM records", "--csv", db=db, check=True)
    assert out.stdout.splitlines() == ["n,ids", "39,39"]  # replaced, not doubled


def test_spacy_model_comes_from_the_environment(tmp_path):
    proc = run_cli("ingest", str(CORPUS / "004_2ce97f0e434d4dce.txt"), db=tmp_path / "w.duckdb",
                   env={"PLANSCOPE_SPACY_MODEL": "no_such_model_xyz"})
    assert proc.returncode == 1, proc.stderr
    assert "spaCy model 'no_such_model_xyz' is not installed" in proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr


def test_spacy_model_env_names_the_model_loaded(tmp_path, monkeypatch):
    """PLANSCOPE_SPACY_MODEL may name a model folder: the pipeline then runs that model."""
    spacy = pytest.importorskip("spacy")
    from extractors.entities.nlp import DEFAULT_MODEL, get_nlp

    model = spacy.load(DEFAULT_MODEL)
    model.meta["name"] = "planscope_test_model"
    model.to_disk(tmp_path / "model")
    monkeypatch.setenv("PLANSCOPE_SPACY_MODEL", str(tmp_path / "model"))
    get_nlp.cache_clear()
    try:
        assert get_nlp().meta["name"] == "planscope_test_model"
    finally:
        get_nlp.cache_clear()


def test_docs_lists_kinds_and_periods(corpus_db):
    out = run_cli("docs", db=corpus_db, check=True, real=True).stdout
    assert "table_plan" in out and "narrative_plan" in out and "report" in out
    assert "2008-07-01" in out and "2004-05-01" in out and "2016-07-01" in out


def test_explain_gives_provenance_and_reasons(corpus_db):
    rid = run_cli("sql", "SELECT record_id FROM records WHERE doc = '000_e3e456b1fc67bad2.pdf' "
                  "AND text LIKE 'Pilot training%'", "--csv", db=corpus_db, check=True).stdout.splitlines()[1]
    out = run_cli("explain", rid, db=corpus_db, check=True, real=True).stdout
    assert "000_e3e456b1fc67bad2.pdf" in out and "page" in out and "row" in out
    assert "'November 2008' as month" in out
    assert "legend C" in out and "alternative_care" in out
    assert "WGCC [responsible]" in out
    assert run_cli("explain", "nope", db=corpus_db).returncode == 1


@pytest.mark.parametrize("args", [("--help",), ("ingest", "corpus", "--workers", "0"), ("explain",),
                                  ("read", str(CORPUS / "000_e3e456b1fc67bad2.txt"), "--format", "json")],
                         ids=["help", "usage", "missing_argument", "read"])
def test_the_warm_cli_of_the_tests_answers_as_a_new_interpreter_does(args):
    """conftest.run_cli forks tests/cli_zygote.py for most commands: the same exit code and output."""
    real, warm = run_cli(*args, real=True), run_cli(*args)
    assert (warm.returncode, warm.stdout, warm.stderr) == (real.returncode, real.stdout, real.stderr)
