"""`planscope check` as the command line runs it (checking/command.py), what a mutation run (issue 29,
samples 5 and 6 of 2026-12-07) showed no test holding: a report without a period in `--all`'s line, and
the table format written to a file as Markdown. The check itself is replaced by a fixed result here;
expected text by hand from the command's format strings."""
from __future__ import annotations

from argparse import Namespace

import pytest

import checking.run as check_run
from checking.command import check_command
from checking.run import CheckResult

pytestmark = pytest.mark.unit


def _result():
    return CheckResult(check_id="c1", report_doc="report.txt", report_period=None, plan_docs=["plan.docx"], results=[])


def test_all_names_a_report_without_a_period(monkeypatch, capsys):
    monkeypatch.setattr(check_run, "run_all", lambda db: [_result()])
    assert check_command(Namespace(db="x.duckdb", report=None, all=True, against=None, format="table", out=None)) == 0
    assert capsys.readouterr().out == "report.txt (no period): 0 commitments, 0 evidenced, 0 partly, 0 overdue\n"


def test_the_table_format_into_a_file_is_markdown(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(check_run, "run_check", lambda db, report, against: _result())
    out = tmp_path / "check.md"
    args = Namespace(db="x.duckdb", report="report.txt", all=False, against=None, format="table", out=str(out))
    assert check_command(args) == 0
    assert "| plan | ref | deadline | status | score | commitment | why |" in out.read_text(encoding="utf-8")
    assert capsys.readouterr().err == f"check c1: 0 commitments -> {out}\n"
