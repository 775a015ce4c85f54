"""Every kind of broken file gets one clear line naming the file and the problem, a failures row,
and no records; odd but good files (wrong extension, legacy formats, other encodings, merged and
ragged tables) are read."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import duckdb
import pytest

from schemas.errors import PlanscopeError
from pipeline.readers import read_document
from pipeline.readers.legacy import soffice
from pipeline.readers.ocr import tesseract_path
from pipeline.runner import process_file
from schemas.document import BlockKind
from tests.conftest import CORPUS, FIXTURES, run_cli

sys.path.insert(0, str(FIXTURES))
from make_bad_files import BAD_FILES  # noqa: E402

BAD = FIXTURES / "bad"
ODD = FIXTURES / "odd"
HAS_LIBREOFFICE = soffice() is not None


def expected_error(name: str) -> str:
    if name == "fake_legacy.doc":
        return "garbled text" if HAS_LIBREOFFICE else "install LibreOffice"
    if name == "fake_legacy.rtf":
        return "LibreOffice could not convert it" if HAS_LIBREOFFICE else "install LibreOffice"
    if name == "scanned.pdf" and tesseract_path() is None:
        return "OCR needs Tesseract"
    return BAD_FILES[name]


def test_at_least_twenty_bad_files():
    assert len(BAD_FILES) >= 20 and all((BAD / n).exists() for n in BAD_FILES)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gets_one_clear_line(name):
    with pytest.raises(PlanscopeError) as err:
        read_document(BAD / name)
    message = str(err.value)
    assert message.startswith(str(BAD / name) + ": ")
    assert expected_error(name) in message
    assert "\n" not in message and "Traceback" not in message


def test_bulk_run_takes_good_files_and_names_every_bad_one(tmp_path):
    folder = tmp_path / "archive"
    shutil.copytree(BAD, folder / "bad")
    for name in ("000_e3e456b1fc67bad2.txt", "001_856aa1f959aca59f.pdf", "004_2ce97f0e434d4dce.docx"):
        shutil.copyfile(CORPUS / name, folder / name)
    db = tmp_path / "w.duckdb"
    proc = run_cli("ingest", str(folder), "--workers", "2", db=db)
    assert proc.returncode == 1
    assert "ingested 3 file(s)" in proc.stdout
    for name in BAD_FILES:
        assert f"failed: {folder / 'bad' / name}: " in proc.stderr, name
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM failures").fetchone()[0] == len(BAD_FILES)
    assert sorted(r[0] for r in con.execute("SELECT name FROM documents").fetchall()) == [
        "000_e3e456b1fc67bad2.txt", "001_856aa1f959aca59f.pdf", "004_2ce97f0e434d4dce.docx"]
    assert con.execute("SELECT count(*) FROM records").fetchone()[0] == 20 + 35 + 39
    status = con.execute("SELECT status, files_failed, files_ingested FROM ingest_runs").fetchone()
    assert status == ("failed", len(BAD_FILES), 3)


def test_scanned_pdf_with_ocr_off_keeps_the_old_line(tmp_path):
    proc = run_cli("ingest", str(BAD / "scanned.pdf"), "--ocr", "off", db=tmp_path / "w.duckdb")
    assert proc.returncode == 1
    assert f"failed: {BAD / 'scanned.pdf'}: no text layer: OCR is not enabled" in proc.stderr


def test_encrypted_pdf_is_read_with_its_password(tmp_path):
    db = tmp_path / "w.duckdb"
    wrong = run_cli("ingest", str(BAD / "encrypted.pdf"), "--password", "guess", db=db)
    assert wrong.returncode == 1 and "PDF password is wrong" in wrong.stderr
    right = run_cli("ingest", str(BAD / "encrypted.pdf"), "--password", "secret", db=db, check=True)
    assert "20 records" in right.stdout


def test_wrong_extension_is_read_by_content():
    pdf = read_document(ODD / "pdf_named_as.docx")
    assert pdf.format == "pdf" and len([r for b in pdf.blocks if b.kind is BlockKind.table for r in b.rows]) == 20
    docx = read_document(ODD / "docx_named_as.pdf")
    assert docx.format == "docx"


def test_text_that_is_not_utf8_is_decoded_and_said():
    state = process_file(ODD / "latin1_report.txt")
    assert any("cp1252" in w for w in state.doc.warnings)
    assert [r.location for r in state.records] == ["Malmö", "Tallinn"]
    assert "café" in state.records[0].text


def test_merged_and_ragged_table_rows():
    state = process_file(ODD / "merged_and_ragged.docx")
    rows = {r.text: r for r in state.records}
    assert list(rows) == ["Seminar on street children", "Report on children in care", "Meeting of the Expert Group",
                          "Training on child-friendly justice for judges"]
    assert rows["Report on children in care"].export_actors() == ["Children's Unit"]  # the merged cell counts for both rows
    assert rows["Meeting of the Expert Group"].date.start.isoformat() == "2012-09-01"


@pytest.mark.skipif(not HAS_LIBREOFFICE, reason="LibreOffice converts legacy formats; without it see the next test")
@pytest.mark.parametrize("ext", ["doc", "odt", "rtf"])
def test_legacy_formats_are_converted(ext):
    state = process_file(ODD / f"legacy_report.{ext}")
    assert len(state.records) == 39 and state.records[0].location == "Stockholm"
    assert any("converted from" in w for w in state.doc.warnings)


def test_legacy_format_without_libreoffice_says_how(monkeypatch):
    from pipeline.readers import legacy

    monkeypatch.setattr(legacy, "soffice", lambda: None)
    with pytest.raises(PlanscopeError, match=r"legacy_report\.doc: legacy \.doc .*install LibreOffice"):
        read_document(ODD / "legacy_report.doc")


def test_invalid_record_does_not_stop_the_rest_of_the_file(tmp_path):
    from tests.test_warehouse import make_plan_with_bad_row

    make_plan_with_bad_row(tmp_path / "plan.docx")
    state = process_file(tmp_path / "plan.docx")
    assert len(state.records) == 2 and len(state.quarantine) == 1
    assert state.quarantine[0].raw_text == "" and "text" in state.quarantine[0].reason
