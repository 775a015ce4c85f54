"""Issue 28: any file, bounded memory. Hostile files are written here at test time (tests/fixtures/
hostile.py) at a small scale, and the limits set just below or at their size, so each test sits on
the limit's boundary: a one-line bug in a limit (a wrong comparison, a limit not applied, not
restored) breaks one of them. Full-size bombs, peak memory and times are in bench/bench_limits.py."""
from __future__ import annotations

import resource
import shutil
import sys
import zipfile
import zlib

import duckdb
import pytest

from pipeline import limits as lim
from schemas.errors import LimitExceeded, PlanscopeError
from pipeline.limits import Limits
from pipeline.readers import read_document
from pipeline.readers.ocr import tesseract_path
from tests.conftest import CORPUS, FIXTURES, run_cli

sys.path.insert(0, str(FIXTURES))
import hostile  # noqa: E402

MB = 1 << 20


@pytest.fixture(autouse=True)
def default_limits():
    """Each test starts and ends with the default limits in force in this process."""
    lim.set_limits(Limits())
    yield
    lim.set_limits(Limits())


def refused(path) -> str:
    with pytest.raises(PlanscopeError) as err:
        read_document(path)
    return str(err.value)


def sizes(path) -> tuple[int, int]:
    with zipfile.ZipFile(path) as zf:
        return zf.getinfo("word/document.xml").file_size, sum(i.file_size for i in zf.infolist())


# -- zip packages: sizes from the directory ---------------------------------------------------------

def test_a_part_past_the_limit_is_refused_before_it_is_unpacked(tmp_path):
    bomb = hostile.docx_bomb(tmp_path / "bomb.docx", unpacked=3 * MB)
    part, _ = sizes(bomb)
    lim.set_limits(Limits(max_unpacked=part - 1))
    assert refused(bomb) == (f"{bomb}: word/document.xml unpacks to {lim.size_words(part)}, "
                             f"limit {lim.size_words(part - 1)} (--max-unpacked)")


def test_the_part_limit_holds_at_its_boundary(tmp_path):
    path = tmp_path / "one_part.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document/>" * 1000)
    with zipfile.ZipFile(path) as zf:
        lim.set_limits(Limits(max_unpacked=13000))  # the part (and so the whole) exactly at the limit
        lim.check_zip(zf)
        lim.set_limits(Limits(max_unpacked=12999))
        with pytest.raises(LimitExceeded, match=r"^word/document.xml unpacks to 13 KB, limit 13 KB"):
            lim.check_zip(zf)


def test_an_odt_bomb_is_refused_before_libreoffice_unpacks_it(tmp_path):
    path = tmp_path / "bomb.odt"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")  # stored, first
        with zf.open("content.xml", "w", force_zip64=True) as fh:
            for _ in range(3):
                fh.write(b" " * MB)
    lim.set_limits(Limits(max_unpacked=2 * MB))
    assert refused(path) == f"{path}: content.xml unpacks to 3 MB, limit 2 MB (--max-unpacked)"


def test_the_whole_package_past_the_limit_is_refused(tmp_path):
    doc = hostile.docx_of_size(tmp_path / "doc.docx", 200_000, varied=True)
    part, total = sizes(doc)
    lim.set_limits(Limits(max_unpacked=total - 1))  # every part fits; all together do not
    assert total - 1 >= part
    assert refused(doc) == f"{doc}: unpacks to {lim.size_words(total)} in all, limit {lim.size_words(total - 1)} (--max-unpacked)"
    lim.set_limits(Limits(max_unpacked=total))  # at the limit exactly: read
    assert read_document(doc).blocks[0].text == "Activity Plan 2012"


def test_a_big_part_packed_like_a_bomb_is_refused_by_its_ratio(tmp_path):
    bomb = hostile.docx_bomb(tmp_path / "bomb.docx", unpacked=12 * MB)  # one letter repeated: ~1000x
    with zipfile.ZipFile(bomb) as zf:
        info = zf.getinfo("word/document.xml")
        ratio = info.file_size / info.compress_size
        assert info.file_size > lim.RATIO_FLOOR and ratio > Limits().max_ratio
        with pytest.raises(LimitExceeded, match=rf"^word/document.xml unpacks {ratio:.0f} times its packed size "
                                                rf"\(to 12 MB\), limit 500 times: a zip bomb$"):
            lim.check_zip(zf)
        lim.set_limits(Limits(max_ratio=int(ratio)))  # just under: still a bomb
        with pytest.raises(LimitExceeded):
            lim.check_zip(zf)
        lim.set_limits(Limits(max_ratio=int(ratio) + 1))  # just over: passes
        lim.check_zip(zf)


def test_the_ratio_limit_spares_small_parts_and_text_that_packs_like_text(tmp_path):
    small = hostile.docx_bomb(tmp_path / "small.docx", unpacked=lim.RATIO_FLOOR - MB)  # packs ~1000x, but small
    varied = hostile.docx_of_size(tmp_path / "varied.docx", 12 * MB, varied=True)  # big, packs ~10x
    for path in (small, varied):
        with zipfile.ZipFile(path) as zf:
            lim.check_zip(zf)


def test_every_real_file_is_within_the_default_limits():
    from pathlib import Path

    shared = CORPUS.parent.parent / "shared" / "dev" / "docs"
    files = [p for d in (CORPUS, shared) if d.exists() for p in d.rglob("*.docx")]
    assert files
    for path in files:
        with zipfile.ZipFile(path) as zf:
            lim.check_zip(zf)
    assert Path  # the PDFs: their biggest content stream is 21 KB (bench/LIMITS.md); the corpus ingests in conftest


# -- PDF streams: inflated with a cap ---------------------------------------------------------------

def test_capped_decompress_stops_one_byte_past_the_cap():
    data = b"x" * 1000
    packed = zlib.compress(data)
    lim.set_limits(Limits(max_unpacked=1000))
    assert lim.capped_decompress(packed) == data  # at the cap exactly: whole
    lim.set_limits(Limits(max_unpacked=999))
    with pytest.raises(LimitExceeded, match=r"^a PDF stream unpacks to more than the limit of 999 bytes \(--max-unpacked\)$"):
        lim.capped_decompress(packed)
    with pytest.raises(zlib.error):  # a cut stream is still an error pdfminer recovers from its own way
        lim.capped_decompress(packed[:-6])


def test_pdfminers_lenient_path_for_damaged_streams_is_capped_too():
    from pdfminer import pdftypes

    lim.cap_pdf_streams()
    lim.set_limits(Limits(max_unpacked=999))
    with pytest.raises(LimitExceeded):
        pdftypes.decompress_corrupted(zlib.compress(b"x" * 1000))
    lim.set_limits(Limits(max_unpacked=1000))
    assert pdftypes.decompress_corrupted(zlib.compress(b"x" * 1000)) == b"x" * 1000


def test_a_pdf_stream_bomb_is_refused_and_a_stream_at_the_cap_is_read(tmp_path):
    bomb = hostile.pdf_stream_bomb(tmp_path / "bomb.pdf", inflated=2 * MB)
    size = len(hostile.TEXT) + 2 * MB
    lim.set_limits(Limits(max_unpacked=size - 1))
    assert refused(bomb) == f"{bomb}: a PDF stream unpacks to more than the limit of 2 MB (--max-unpacked)"
    lim.set_limits(Limits(max_unpacked=size))
    assert "Activity Plan 2012" in read_document(bomb).blocks[0].text


# -- OCR: a pixel budget per page -------------------------------------------------------------------

def test_page_dpi_keeps_a_page_under_the_pixel_budget():
    from pipeline.readers.ocr import DPI, page_dpi

    a4 = (595, 842)
    assert page_dpi(*a4) == DPI
    at_300 = (595 / 72 * DPI) * (842 / 72 * DPI)
    lim.set_limits(Limits(max_page_pixels=int(at_300) + 1))
    assert page_dpi(*a4) == DPI
    lim.set_limits(Limits(max_page_pixels=int(at_300) - 1))
    assert page_dpi(*a4) == DPI - 1
    lim.set_limits(Limits())
    assert page_dpi(14400, 14400) == 25  # 200 x 200 in: 3.6 G pixels at 300 dpi, 25 M at 25 dpi
    assert (200 * 25) ** 2 <= Limits().max_page_pixels


@pytest.mark.skipif(tesseract_path() is None, reason="OCR needs Tesseract")
def test_a_poster_page_is_read_at_a_lower_resolution_not_refused_for_its_size(tmp_path, monkeypatch):
    from PIL import Image

    from pipeline.readers import ocr

    seen = []
    real = ocr.ocr_image
    monkeypatch.setattr(ocr, "ocr_image", lambda image, pno, h: seen.append(image.size) or real(image, pno, h))
    poster = hostile.poster_pdf(tmp_path / "poster.pdf")
    assert refused(poster) == (f"{poster}: no readable text: no text layer, and OCR found no text on its 1 page(s) "
                               f"(blank pages, or images without legible text); page 1 is too big for 300 dpi and "
                               f"was read at 25 dpi (--max-page-pixels)")
    assert seen == [(5000, 5000)]
    assert Image.MAX_IMAGE_PIXELS is not None  # Pillow's decompression-bomb guard stays on


# -- the worker's memory ----------------------------------------------------------------------------

def test_memory_limit_is_set_for_the_file_and_restored_after():
    before = resource.getrlimit(resource.RLIMIT_AS)
    with lim.memory_limit(256 * MB):
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        assert 256 * MB < soft <= lim._address_space() + 256 * MB and hard == before[1]
        with pytest.raises(MemoryError):
            bytearray(512 * MB)
    assert resource.getrlimit(resource.RLIMIT_AS) == before
    bytearray(512 * MB)  # the limit is gone


def test_default_memory_is_sized_from_the_machine_and_the_workers(monkeypatch):
    monkeypatch.setattr(lim, "total_memory", lambda: 24 << 30)
    assert lim.default_memory(1) == 1 << 30 and lim.default_memory(24) == 768 * MB
    monkeypatch.setattr(lim, "total_memory", lambda: 7 << 30)
    assert lim.default_memory(4) == 7 * 1024 // 2 // 4 * MB  # between the floor and the ceiling


def test_memory_error_is_not_a_damaged_file(tmp_path, monkeypatch):
    from pdfplumber.utils.exceptions import PdfminerException

    from pipeline import readers

    path = tmp_path / "notes.txt"
    path.write_text("Activity plan 2012\n")

    def wrapped(*args):
        try:
            raise MemoryError()
        except MemoryError as exc:
            raise PdfminerException(exc)  # how pdfplumber hands on what happened inside pdfminer

    monkeypatch.setitem(readers.READERS, "txt", wrapped)
    lim.set_limits(Limits(max_memory=300 * MB))
    assert refused(path) == f"{path}: needs more memory than a worker may use (300 MB per file, --max-memory)"


# -- the CLI: settings, and a mixed run ------------------------------------------------------------

def test_limits_are_options_with_defaults_in_help(tmp_path):
    help_text = run_cli("ingest", "--help").stdout
    for option in ("--max-unpacked SIZE", "--max-page-pixels N", "--max-memory SIZE", "default: 128M", "default: 25M"):
        assert option in help_text
    bad = run_cli("ingest", str(tmp_path), "--max-unpacked", "lots", db=tmp_path / "w.duckdb")
    assert bad.returncode == 2 and "not a size: 'lots'" in bad.stderr


def test_a_mixed_run_refuses_each_hostile_file_in_words_and_takes_the_rest(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for name in ("000_e3e456b1fc67bad2.txt", "001_856aa1f959aca59f.pdf", "004_2ce97f0e434d4dce.docx"):
        shutil.copyfile(CORPUS / name, folder / name)
    reasons = {
        hostile.docx_bomb(folder / "bomb.docx", unpacked=3 * MB):
            "word/document.xml unpacks to 3 MB, limit 2 MB (--max-unpacked)",
        hostile.pdf_stream_bomb(folder / "stream.pdf", inflated=3 * MB):
            "a PDF stream unpacks to more than the limit of 2 MB (--max-unpacked)",
    }
    if tesseract_path() is not None:
        reasons[hostile.poster_pdf(folder / "poster.pdf")] = (
            "no readable text: no text layer, and OCR found no text on its 1 page(s) (blank pages, or images "
            "without legible text); page 1 is too big for 300 dpi and was read at 25 dpi (--max-page-pixels)")
    db = tmp_path / "w.duckdb"
    proc = run_cli("ingest", str(folder), "--workers", "2", "--max-unpacked", "2M", db=db)
    assert proc.returncode == 1, proc.stderr
    assert "ingested 3 file(s)" in proc.stdout
    for path, reason in reasons.items():
        assert f"failed: {path}: {reason}\n" in proc.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert sorted(r[0] for r in con.execute("SELECT name FROM documents").fetchall()) == [
        "000_e3e456b1fc67bad2.txt", "001_856aa1f959aca59f.pdf", "004_2ce97f0e434d4dce.docx"]
    assert con.execute("SELECT count(*), count(*) FILTER (WHERE kind = 'file') FROM failures").fetchone() == (
        len(reasons), len(reasons))


def test_a_file_past_the_workers_memory_fails_in_words_and_the_next_file_goes_in(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copyfile(CORPUS / "000_e3e456b1fc67bad2.txt", folder / "b_plan.txt")
    big = hostile.docx_of_size(folder / "a_big.docx", 60 * MB, varied=True)  # lxml's tree alone is ~1 GB
    db = tmp_path / "w.duckdb"
    proc = run_cli("ingest", str(folder), "--workers", "1", "--max-memory", "768M", db=db)
    assert proc.returncode == 1, proc.stderr
    assert f"failed: {big}: needs more memory than a worker may use (768 MB per file, --max-memory)\n" in proc.stderr
    assert "ingested 1 file(s)" in proc.stdout  # after the refused file, in the same process


def test_ingest_sizes_the_workers_memory_when_no_limit_is_given(tmp_path):
    from pipeline.ingest import ingest

    summary = ingest(str(tmp_path / "w.duckdb"), [str(CORPUS / "000_e3e456b1fc67bad2.txt")], workers=1)
    assert summary.ingested == 1
    assert lim.LIMITS.max_memory == lim.default_memory(1)  # what the (in-process) worker read under


def test_each_file_is_read_under_the_workers_memory_limit(monkeypatch):
    import pipeline.runner
    from pipeline.ingest import process_to_rows

    seen = []

    def fake_process_file(path, catalogue=None):
        seen.append(resource.getrlimit(resource.RLIMIT_AS)[0])
        raise PlanscopeError(f"{path}: stop here")

    monkeypatch.setattr(pipeline.runner, "process_file", fake_process_file)
    lim.set_limits(Limits(max_memory=300 * MB))
    assert process_to_rows("x.txt", "run1") == ("error", "x.txt: stop here")
    assert seen[0] != resource.RLIM_INFINITY and seen[0] <= lim._address_space() + 300 * MB


def test_a_c_extension_failing_at_the_limit_without_memoryerror_is_the_files_memory_failure():
    """lxml under the address-space limit may return NULL without setting MemoryError: CPython then
    raises SystemError("error return without exception set"). That is the file's memory, not a bug."""
    from schemas.errors import resource_cause

    lost = SystemError("<built-in function XML> returned NULL without exception set")
    assert isinstance(resource_cause(lost), MemoryError)
    assert resource_cause(SystemError("something else")) is None
