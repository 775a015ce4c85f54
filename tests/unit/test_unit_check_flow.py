"""`planscope check REPORT` and `check --all` end to end on a warehouse written row by row (issue 29):
a plan of five lines and a report of a few passages, parsed by spaCy as check parses them, each
commitment with its exact status. Nothing is ingested: the two files exist, and the warehouse
already holds their sha256, so `ensure_ingested` finds them. Expected statuses by hand: what the
report says was done is evidenced, what it does not mention and was due before its end is
overdue, a list's lead-in and a priority that names a topic are not commitments."""
from __future__ import annotations

import csv
import io
import json
from argparse import Namespace
from datetime import date, datetime

import duckdb
import pytest

from checking import run as check_run
from checking.command import check_command
from pipeline.readers import file_sha256
from tests.unit.warehouse_rows import empty_warehouse, insert

pytestmark = pytest.mark.unit

NOW = datetime(2010, 1, 1)
PLAN_LINES = [
    # (ref, text, end, why)
    ("1", "Publish a guide for police officers on child trafficking.", date(2009, 6, 30), None),
    ("2", "Organise a seminar for social workers in Riga.", date(2009, 6, 30), None),
    ("3", "Translate the handbook on guardianship into Russian.", date(2008, 12, 31), None),
    ("4", "The presidency will focus on:", None, "a lead-in of a priorities list"),
    ("5", "Children's rights", None, "an item of a priorities list"),
]
REPORT_PASSAGES = [
    # (block_no, kind, text)
    (0, "heading", "Annual report of the Expert Group, July 2008 - June 2009"),
    (1, "paragraph", "The guide for police officers on child trafficking was published in March 2009. "
                     "It was sent to every police academy of the region."),
    (2, "paragraph", "A seminar for social workers was held in Riga on 12 May 2009."),
    (3, "paragraph", "The weather in the region was mild."),
]
EXPECTED = {"1": "evidenced", "2": "evidenced", "3": "overdue", "4": "not a commitment", "5": "not a commitment"}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("check_flow")
    plan, report = folder / "plan_2008.txt", folder / "report_2009.txt"
    plan.write_text("\n".join(t for _, t, _, _ in PLAN_LINES) + "\n", encoding="utf-8")
    report.write_text("\n\n".join(t for _, _, t in REPORT_PASSAGES) + "\n", encoding="utf-8")
    return plan, report


@pytest.fixture
def db(tmp_path, files):
    plan, report = files
    plan_sha, report_sha = file_sha256(plan), file_sha256(report)
    path = tmp_path / "w.duckdb"
    con = empty_warehouse(path)
    for sha, name, kind in ((plan_sha, plan.name, "narrative_plan"), (report_sha, report.name, "report")):
        insert(con, "documents", doc_sha256=sha, name=name, path=str(plan if sha == plan_sha else report), format="txt",
               kind=kind, blocks=5, records=5, quarantined=0, ingested_at=NOW, period_start=date(2008, 7, 1),
               period_end=date(2009, 6, 30), period_raw="July 2008 - June 2009")
    for i, (ref, text, end, why) in enumerate(PLAN_LINES):
        insert(con, "record_facts", record_id=f"plan_{ref}", doc_sha256=plan_sha, doc=plan.name, kind="activity",
               text=text, end_date=end, date_granularity="day" if end else "none", date_source="record", ref=ref,
               why=why, row_no=i, block_no=i, char_start=i * 100)
    for block, kind, text in REPORT_PASSAGES:
        insert(con, "passages", doc_sha256=report_sha, doc=report.name, block_no=block, kind=kind, text=text,
               paragraph_no=block)
    # the seminar is also an event record of the report, as the pipeline makes one
    insert(con, "record_facts", record_id="report_event", doc_sha256=report_sha, doc=report.name, kind="event",
           text=REPORT_PASSAGES[2][2], start_date=date(2009, 5, 12), end_date=date(2009, 5, 12),
           date_granularity="day", date_source="record", location="Riga", block_no=2, char_start=300)
    con.close()
    return str(path)


def statuses(result) -> dict[str, str]:
    return {r.commitment.ref: r.status for r in result.results}


def test_check_of_one_report_gives_each_commitment_its_status(db, files):
    result = check_run.run_check(db, str(files[1]), store_results=False)
    assert statuses(result) == EXPECTED
    assert (result.report_doc, result.plan_docs) == ("report_2009.txt", ["plan_2008.txt"])
    assert (result.report_period.start, result.report_period.end) == (date(2008, 7, 1), date(2009, 6, 30))
    by_ref = {r.commitment.ref: r for r in result.results}
    assert by_ref["1"].evidence[0][0].text == "The guide for police officers on child trafficking was published in March 2009."
    assert by_ref["2"].evidence[0][0].text == "A seminar for social workers was held in Riga on 12 May 2009."
    assert by_ref["4"].reason == "a lead-in that introduces the commitments after it"
    assert by_ref["5"].reason == "a priority that names a topic, not something to do"


def test_check_command_writes_csv_and_stores_the_check(db, files, capsys):
    args = Namespace(db=db, report=str(files[1]), all=False, against=None, format="csv", out=None)
    assert check_command(args) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["ref"]: r["status"] for r in rows} == EXPECTED
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(*), min(commitments) FROM check_runs").fetchone() == (1, 5)
    assert dict(con.execute("SELECT ref, status FROM commitment_checks").fetchall()) == EXPECTED
    con.close()


def test_check_command_against_a_named_plan_and_into_a_file(db, files, tmp_path, capsys):
    out = tmp_path / "check.json"
    args = Namespace(db=db, report=str(files[1]), all=False, against=[str(files[0])], format="json", out=str(out))
    assert check_command(args) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {r["ref"]: r["status"] for r in data} == EXPECTED
    assert "5 commitments -> " in capsys.readouterr().err


def test_check_all_prints_one_line_per_report(db, capsys):
    args = Namespace(db=db, report=None, all=True, against=None, format="table", out=None)
    assert check_command(args) == 0
    captured = capsys.readouterr()
    assert captured.out == ("report_2009.txt (2008-07-01..2009-06-30): 5 commitments, 2 evidenced, 0 partly, "
                            "1 overdue\n")
    assert "1 reports checked" in captured.err


@pytest.mark.parametrize("report, all_", [(None, False), ("x.txt", True)])
def test_check_needs_a_report_or_all_not_both(report, all_, capsys):
    assert check_command(Namespace(db="nowhere.duckdb", report=report, all=all_, against=None, format="csv",
                                   out=None)) == 2
    assert capsys.readouterr().err == "planscope: check needs a REPORT or --all (not both)\n"


def test_check_of_a_missing_file_is_an_error_in_words(db, tmp_path, capsys):
    missing = tmp_path / "nothing.txt"
    assert check_command(Namespace(db=db, report=str(missing), all=False, against=None, format="csv", out=None)) == 1
    assert capsys.readouterr().err == f"planscope: {missing}: no such file\n"
