"""Loading: idempotent by sha256, a changed file replaced in one transaction, invalid records
quarantined with their reason, the public view and export."""
from __future__ import annotations

import json
import shutil

import duckdb
from docx import Document as WordDocument

from tests.conftest import CORPUS, run_cli


def counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "record_facts", "record_actors", "record_themes", "passages", "quarantine")}
    finally:
        con.close()


def test_reingest_is_idempotent(tmp_path):
    db = tmp_path / "w.duckdb"
    files = [str(CORPUS / "000_e3e456b1fc67bad2.txt"), str(CORPUS / "004_2ce97f0e434d4dce.docx")]
    first = run_cli("ingest", *files, db=db, check=True)
    before = counts(db)
    second = run_cli("ingest", *files, db=db, check=True)
    assert counts(db) == before
    assert "ingested 2 file(s)" in first.stdout and "skipped 2 unchanged" in second.stdout
    assert before["documents"] == 2 and before["record_facts"] == 20 + 39


def test_changed_file_replaces_its_records(tmp_path):
    db = tmp_path / "w.duckdb"
    report = tmp_path / "report.txt"
    shutil.copyfile(CORPUS / "004_2ce97f0e434d4dce.txt", report)
    run_cli("ingest", str(report), db=db, check=True)
    assert counts(db)["record_facts"] == 39
    with open(report, "a", encoding="utf-8") as fh:
        fh.write("\n22 June, Oslo: Meeting with the Norwegian Directorate for Children and Equality.\n")
    run_cli("ingest", str(report), db=db, check=True)
    c = counts(db)
    assert c["documents"] == 1 and c["record_facts"] == 40


def make_plan_with_bad_row(path):
    doc = WordDocument()
    doc.add_paragraph("Activity Plan 2010, July 2010 – June 2011")
    table = doc.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ["Activity", "Responsible", "Deadline", "Budget"]):
        cell.text = text
    for values in (["Seminar on child trafficking", "Children's Unit", "March 2011", "In budget"],
                   ["", "WGCC", "April 2011", "External"],  # a row with no activity: cannot be a record
                   ["Meeting with the NCPs", "Children's Unit", "May 2011", "In budget"]):
        for cell, text in zip(table.add_row().cells, values):
            cell.text = text
    doc.save(path)


def test_invalid_record_goes_to_quarantine_with_reason(tmp_path):
    plan = tmp_path / "plan_2010.docx"
    make_plan_with_bad_row(plan)
    db = tmp_path / "w.duckdb"
    run_cli("ingest", str(plan), db=db, check=True)
    con = duckdb.connect(str(db), read_only=True)
    texts = [r[0] for r in con.execute("SELECT text FROM records ORDER BY row_no").fetchall()]
    assert texts == ["Seminar on child trafficking", "Meeting with the NCPs"]
    reason, raw, row_no = con.execute("SELECT reason, raw_json, row_no FROM quarantine").fetchone()
    assert "text" in reason and row_no == 2
    assert json.loads(raw)["cells"]["responsible"] == "WGCC"


def test_records_view_and_export_follow_the_contract(corpus_db, corpus_export):
    rows = [json.loads(line) for line in corpus_export.read_text().splitlines()]
    required = {"doc", "kind", "text", "start", "end", "actors", "countries", "themes", "priority_codes", "location", "funding"}
    assert rows and all(required <= set(r) for r in rows)
    assert {r["doc"] for r in rows} == {f"{s}.{e}" for s in ("000_e3e456b1fc67bad2", "001_856aa1f959aca59f",
                                                              "004_2ce97f0e434d4dce") for e in ("txt", "docx", "pdf")}
    row = next(r for r in rows if r["doc"] == "000_e3e456b1fc67bad2.pdf" and r["text"].startswith("Meeting with the NCPs"))
    assert row["funding"] == "Denmark" and row["countries"] == ["ALL", "UA", "BY", "MD"]
    assert "Denmark" in row["actors"] and row["priority_codes"] == ["E"]
    one = run_cli("export", "--jsonl", "-", "--doc", "001_856aa1f959aca59f.docx", db=corpus_db, check=True)
    assert len(one.stdout.splitlines()) == 35


def test_every_record_has_provenance(corpus_db):
    con = duckdb.connect(str(corpus_db), read_only=True)
    missing = con.execute("""SELECT count(*) FROM record_facts
        WHERE char_start IS NULL OR (page IS NULL AND doc LIKE '%.pdf') OR (row_no IS NULL AND paragraph_no IS NULL)""").fetchone()[0]
    assert missing == 0
    # a PDF record's span points at its own words in the document text
    from pipeline.readers import read_document
    rec = con.execute("""SELECT text, char_start, char_end FROM record_facts
                         WHERE doc = '004_2ce97f0e434d4dce.pdf' AND text LIKE 'PROMISE final conference%'""").fetchone()
    doc_text = read_document(CORPUS / "004_2ce97f0e434d4dce.pdf").text()
    assert doc_text[rec[1]:rec[2]] == rec[0]


def test_a_copy_of_the_same_bytes_is_skipped_and_named(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(CORPUS / "004_2ce97f0e434d4dce.txt", folder / "a_report.txt")
    shutil.copyfile(CORPUS / "004_2ce97f0e434d4dce.txt", folder / "b_copy.txt")
    db = tmp_path / "w.duckdb"
    proc = run_cli("ingest", str(folder), "--workers", "1", db=db, check=True)
    assert "ingested 1 file(s), skipped 1 unchanged/duplicate" in proc.stdout
    assert f"skipped {folder / 'b_copy.txt'}: same content as {folder / 'a_report.txt'}" in proc.stderr
    c = counts(db)
    assert c["documents"] == 1 and c["record_facts"] == 39
