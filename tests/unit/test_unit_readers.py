"""The readers' front door, exactly (issue 29): the format named from the bytes, text decoded,
hard-wrapped lines joined, and a reader's failure told as the file's fault or as planscope's.
Small inputs written here; expected values by hand."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipeline.readers import ODT_MIMETYPE, _read, read_document, sniff_format
from pipeline.readers.txt_reader import decode_text, unwrap, wrap_width
from schemas.errors import UnreadableFile, UnsupportedFormat

pytestmark = pytest.mark.unit


def docx_bytes(tmp_path: Path) -> bytes:
    out = tmp_path / "z.zip"
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    return out.read_bytes()


def odt_bytes(tmp_path: Path) -> bytes:
    out = tmp_path / "o.zip"
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("mimetype", ODT_MIMETYPE[len(b"mimetype"):].decode(), compress_type=zipfile.ZIP_STORED)
    return out.read_bytes()


@pytest.mark.parametrize("name, data, fmt", [
    ("a.pdf", b"%PDF-1.4\n...", "pdf"),
    ("a.txt", b"%PDF-1.4\n...", "pdf"),  # the bytes decide, not the name
    ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "legacy"),
    ("a.rtf", b"{\\rtf1\\ansi hello}", "legacy"),
    ("a.txt", b"Plain text.", "txt"),
    ("a.txt", "Text in UTF-16.".encode("utf-16"), "txt"),  # its NUL bytes are no binary file
])
def test_the_format_from_the_bytes(name, data, fmt):
    assert sniff_format(Path(name), data) == fmt


def test_a_zip_is_docx_unless_it_says_it_is_an_odt(tmp_path):
    assert sniff_format(Path("a.docx"), docx_bytes(tmp_path)) == "docx"
    assert sniff_format(Path("a.odt"), odt_bytes(tmp_path)) == "legacy"


@pytest.mark.parametrize("name, data, problem", [
    ("a.txt", b"", "empty file (0 bytes)"),
    ("a.txt", b" \n\t\n", "file holds only whitespace"),
    ("a.docx", b"Plain text.", "not a valid .docx: not a zip archive (truncated or corrupt)"),
    ("a.pdf", b"Plain text.", "not a valid PDF: no %PDF header"),
    ("a.doc", b"Plain text.", "not a valid .doc file: unknown content"),
    ("a.odt", b"Plain text.", "not a valid .odt file: unknown content"),
])
def test_what_cannot_be_read_says_why(name, data, problem):
    with pytest.raises(UnreadableFile) as err:
        sniff_format(Path(name), data)
    assert (err.value.path, err.value.problem, type(err.value)) == (name, problem, UnreadableFile)


def test_a_binary_file_of_unknown_format_is_unsupported():
    with pytest.raises(UnsupportedFormat) as err:
        sniff_format(Path("a.bin"), b"\x00\x01\x02binary")
    assert err.value.problem == "binary file of unknown format (not .docx, .pdf or text)"


@pytest.mark.parametrize("data, text, warnings", [
    (b"caf\xc3\xa9", "café", []),
    (b"\xef\xbb\xbfcaf\xc3\xa9", "café", []),  # the BOM is dropped
    ("café".encode("utf-16"), "café", []),
    ("café".encode("utf-16-be").join([b"\xfe\xff", b""]), "café", []),
    (b"caf\xe9 \x96 na\xefve", "café – naïve", ["decoded as cp1252 (not UTF-8)"]),
])
def test_decode_text(data, text, warnings):
    assert decode_text(Path("a.txt"), data) == (text, warnings)


def test_text_that_is_neither_utf8_nor_cp1252_is_detected_and_said_so():
    # 0x81 and 0x8d are no characters in cp1252; these bytes are Windows-1251 Cyrillic
    data = "Привет, мир. Отчёт о работе группы экспертов за год.".encode("cp1251") + b"\x81\x8d"
    text, warnings = decode_text(Path("a.txt"), data)
    assert text.startswith("Привет, мир.")
    assert len(warnings) == 1 and warnings[0].startswith("decoded as ") and warnings[0].endswith("(not UTF-8)")


PARAGRAPH = ["x" * 60] * 9 + ["the end."]


def test_the_wrap_width_of_a_hard_wrapped_file():
    assert wrap_width(PARAGRAPH) == 60
    assert wrap_width(PARAGRAPH[:7]) is None  # fewer than 8 lines: no wrapping to find
    assert wrap_width(["x" * 30] * 9 + ["y"]) is None  # narrower than 40
    assert wrap_width(["x" * 120] * 9 + ["y"]) is None  # wider than 110
    assert wrap_width(["x" * 60] * 4 + ["y" * 20] * 6) is None  # under 45% of the lines near the width
    assert wrap_width(["x" * 60] * 5 + ["y" * 20] * 5) == 60  # half of them are


def test_unwrap_joins_a_paragraph_and_keeps_every_lines_number():
    lines = PARAGRAPH + ["", "Second paragraph."]
    out = unwrap(lines)
    assert len(out) == len(lines)
    assert out[0] == " ".join(PARAGRAPH)
    assert out[1:10] == [""] * 9
    assert out[10:] == ["", "Second paragraph."]


def test_unwrap_leaves_a_line_whose_first_word_fitted_before_it():
    lines = ["x" * 60] * 8 + ["x" * 30, "short line", "x" * 60]
    out = unwrap(lines)
    assert out[0] == " ".join(["x" * 60] * 8 + ["x" * 30])  # each continued the one before
    assert out[1:9] == [""] * 8
    assert out[9:] == ["short line " + "x" * 60, ""]  # "short" fitted after 30 characters: a new line


def test_read_document_of_a_text_file(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("Annual report\n\nThe expert group met in Riga in May 2009 and agreed a work plan.\n",
                    encoding="utf-8")
    doc = read_document(path)
    assert (doc.name, doc.format, doc.language) == ("report.txt", "txt", "en")
    assert [b.text for b in doc.blocks] == ["Annual report",
                                             "The expert group met in Riga in May 2009 and agreed a work plan."]


def test_read_document_of_a_missing_file(tmp_path):
    with pytest.raises(UnreadableFile) as err:
        read_document(tmp_path / "nothing.txt")
    assert err.value.problem == "cannot open: No such file or directory"


def test_a_reader_that_trips_on_a_damaged_file_or_on_a_bug(tmp_path):
    def nested(path, data, sha):
        raise RecursionError("deep")

    with pytest.raises(UnreadableFile) as err:
        _read(nested, Path("a.docx"), b"", "0", "docx")
    assert err.value.problem == "damaged docx: structure nested too deeply"

    def bad_zip(path, data, sha):
        zipfile.ZipFile(tmp_path / "missing-dir" / "x.zip")  # an error raised inside a library

    with pytest.raises(UnreadableFile) as err:
        _read(bad_zip, Path("a.docx"), b"", "0", "docx")
    assert err.value.problem.startswith("damaged docx file (FileNotFoundError: ")

    def bug(path, data, sha):
        from pipeline.readers.txt_reader import unwrap

        return unwrap(None)  # a TypeError raised in planscope's own code: a bug, not the file's fault

    with pytest.raises(TypeError):
        _read(bug, Path("a.docx"), b"", "0", "docx")
