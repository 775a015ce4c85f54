"""Shared fixtures: the corpus ingested once per session into a throwaway warehouse."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The three seed documents in their three renditions (corpus/prose holds the demo's prose documents).
SEED_FILES = sorted(str(p) for p in CORPUS.glob("*") if p.suffix in (".txt", ".docx", ".pdf"))
SEEDS = ["000_e3e456b1fc67bad2", "001_856aa1f959aca59f", "004_2ce97f0e434d4dce"]


def run_cli(*args: str, db: Path | None = None, check: bool = False, timeout: int = 300,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "planscope_cli"] + (["--db", str(db)] if db else []) + list(args)
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    if check and proc.returncode != 0:
        raise AssertionError(f"{cmd} exited {proc.returncode}: {proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("warehouse") / "corpus.duckdb"
    run_cli("ingest", *SEED_FILES, "--workers", "2", db=db, check=True)
    return db


@pytest.fixture(scope="session")
def corpus_export(corpus_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export") / "export.jsonl"
    run_cli("export", "--jsonl", str(out), db=corpus_db, check=True)
    return out


# The fast layer (`pytest -m unit`): tests/unit/ and these files, none of which ingests the corpus;
# each runs in seconds, so a mutation run (bench/mutation.py --mutmut) can use them as its runner.
UNIT_FILES = {"test_dates.py", "test_timex.py", "test_readers.py", "test_docx_content.py", "test_pdf_text.py",
              "test_ocr_fields.py", "test_serve_tables.py", "test_serve_facets.py", "test_prose_data.py",
              "test_generalisation.py"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(str(item.fspath))
        if path.parent.name == "unit" or path.name in UNIT_FILES:
            item.add_marker(pytest.mark.unit)


def pytest_make_parametrize_id(config, val, argname):
    """An ASCII id for a parameter pytest would escape (non-ASCII text, bytes, backslashes, quotes):
    mutmut passes the node ids of new tests back to an in-process pytest, which does not find escaped
    ids again (`mutmut run NAMES` then fails at its stats collection). None: pytest's own id."""
    if isinstance(val, bytes) or (isinstance(val, str) and (not val.isascii() or not val.isprintable()
                                                            or re.search(r"[\\\"'\[\]]", val))):
        text = val.decode("latin-1") if isinstance(val, bytes) else val
        return re.sub(r"[^A-Za-z0-9]+", "_", text.encode("ascii", "backslashreplace").decode()).strip("_")[:40] or "empty"
    return None
