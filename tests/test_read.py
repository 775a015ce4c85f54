"""`planscope read FILE`: the document model as Markdown (checked against golden files written
and reviewed by hand) or JSON, without a warehouse.

Golden files live in tests/fixtures/golden/<file name>.md. After a deliberate change to a reader
or the renderer, rewrite them with `PLANSCOPE_REGENERATE=1 pytest tests/test_read.py`, then read
the diff before committing it."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import CORPUS, FIXTURES, run_cli

GOLDEN = FIXTURES / "golden"
REGENERATE = os.environ.get("PLANSCOPE_REGENERATE") == "1"
GOLDEN_INPUTS = sorted((FIXTURES / "docx_content").glob("*.docx")) + sorted((FIXTURES / "languages").glob("*.docx")) \
    + sorted(CORPUS.glob("*.docx"))


@pytest.mark.parametrize("path", GOLDEN_INPUTS, ids=lambda p: p.name)
def test_markdown_matches_golden_file(path: Path):
    proc = run_cli("read", str(path), "--format", "md", check=True)
    expected_file = GOLDEN / (path.name + ".md")
    if REGENERATE:
        expected_file.write_text(proc.stdout, encoding="utf-8")
    assert expected_file.exists(), f"no golden file for {path.name}: run with PLANSCOPE_REGENERATE=1 and review it"
    assert proc.stdout == expected_file.read_text(encoding="utf-8")


def test_strict_open_xml_reads_as_its_transitional_twin():
    strict = (GOLDEN / "constructs_strict.docx.md").read_text(encoding="utf-8")
    assert strict == (GOLDEN / "constructs.docx.md").read_text(encoding="utf-8")


def test_markdown_shapes_written_by_hand():
    md = run_cli("read", str(FIXTURES / "docx_content" / "constructs.docx"), check=True, real=True).stdout
    assert "## Working notes of the spring meeting\n" in md  # Heading 1 -> ##, a title would be #
    assert "### Participants\n" in md
    assert "| Name | Country | Role |\n| --- | --- | --- |\n| Anna Berg | Sweden | Chair |" in md
    assert md.index("**Page headers and footers**") > md.index("| Travel |")  # furniture apart, after the body
    assert "- Reviewer A: Check these against the national statistics." in md.split("**Comments**")[1]


def test_numbered_lists_keep_their_numbers():
    md = run_cli("read", str(CORPUS / "000_e3e456b1fc67bad2.docx"), check=True).stdout
    md += run_cli("read", str(CORPUS / "001_856aa1f959aca59f.docx"), check=True).stdout
    lines = md.splitlines()
    assert any(line.startswith("1. ") or line.startswith("1) ") or line.startswith("- 1)") for line in lines)
    assert any(line.startswith("#") for line in lines)


def test_json_is_the_document_model_with_its_language(tmp_path):
    proc = run_cli("read", str(FIXTURES / "languages" / "ru_plan.docx"), "--format", "json", check=True)
    data = json.loads(proc.stdout)
    assert data["language"] == "ru" and data["format"] == "docx"
    table = next(b for b in data["blocks"] if b["kind"] == "table")
    assert table["header"] == ["Мероприятие", "Ответственные", "Срок", "Финансирование"]
    assert table["rows"][0]["cells"][2] == "сентябрь 2016"


def test_read_touches_no_warehouse(tmp_path):
    db = tmp_path / "never.duckdb"
    run_cli("read", str(FIXTURES / "languages" / "de_events.txt"), db=db, check=True)
    assert not db.exists()


def test_unreadable_file_is_one_line_and_exit_1():
    proc = run_cli("read", str(FIXTURES / "bad" / "truncated.docx"))
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "truncated.docx" in proc.stderr and "Traceback" not in proc.stderr
