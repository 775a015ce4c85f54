"""Readers at their boundaries (pipeline/readers/txt_reader.py, pdf_fast.py): the wrap width's range
and the unwrap margin, page furniture's limits, both kinds of text table read from real .txt files
(rows, overflow cells, a cell broken over two lines, provenance), and PDF literal strings' escapes.
Expected values written by hand."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from pipeline.readers import read_document
from pipeline.readers.pdf_fast import NotTextOnly, _literal
from pipeline.readers.txt_reader import decode_text, furniture, unwrap, wrap_width
from schemas.document import BlockKind
from schemas.errors import UnreadableFile

pytestmark = pytest.mark.unit


def _line_of(n: int, word: str = "care") -> str:
    """Words of four letters and spaces, exactly n characters."""
    text = " ".join([word] * (n // 5 + 1))[:n]
    return text[:-1] + "x" if text.endswith(" ") else text


@pytest.mark.parametrize("width, expected", [(39, None), (40, 40), (110, 110), (111, None)])
def test_the_wrap_width_is_between_40_and_110(width, expected):
    lines = [_line_of(width)] * 10
    assert all(len(ln) == width for ln in lines)
    assert wrap_width(lines) == expected


def test_a_line_joins_the_one_before_when_its_first_word_would_not_have_fitted():
    para = [_line_of(60)] * 10  # the file's width: 60
    # 50 + 1 + 7 = 58 = width - 2: it would have fitted; 50 + 1 + 8 = 59: it would not
    lines = para + ["", _line_of(50), "fosters care", "", _line_of(50), "programs care"]
    out = unwrap(lines)
    assert out[11:] == [_line_of(50), "fosters care", "", _line_of(50) + " programs care", ""]


def test_page_furniture_is_short_and_numbered_under_1000():
    body = ["Some text of the report."] * 3
    long = "This line has fifteen words in it and ends with a number that rises {}"
    assert len(long.split()) == 15
    lines = [long.format(n) for n in (1, 2, 3)] + body
    assert furniture(lines) == set()
    lines = [f"Ministry | page {n}" for n in (998, 999, 1000)] + body
    assert furniture(lines) == set()
    lines = [f"Ministry | page {n}" for n in (997, 998, 999)] + body
    assert furniture(lines) == {0, 1, 2}


def test_text_whose_encoding_cannot_be_found_is_refused_in_words(monkeypatch, tmp_path):
    import charset_normalizer

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: SimpleNamespace(best=lambda: None))
    with pytest.raises(UnreadableFile) as err:
        decode_text(tmp_path / "x.txt", b"\x81\x8d\x8f\x90\x9d")
    assert str(err.value) == f"{tmp_path / 'x.txt'}: text is not UTF-8 and its encoding could not be detected"


def test_word_cells_saved_as_text_make_a_table(tmp_path):
    path = tmp_path / "cells.txt"
    path.write_text("The plan lists its activities in the table below.\n\n\tActivity\n\tResponsible\n\n"
                    "\tTrain police\n\tMinistry\n\tExtra one\n\n\tShort\n\nThe end of the plan and of its table.\n",
                    encoding="utf-8")
    doc = read_document(path)
    tables = [b for b in doc.blocks if b.kind is BlockKind.table]
    assert [(t.header, [r.cells for r in t.rows], t.prov.paragraph, t.prov.table) for t in tables] == [
        (["Activity", "Responsible"], [["Train police", "Ministry Extra one"], ["Short", ""]], 3, 0)]


def test_tab_separated_rows_make_a_table(tmp_path):
    path = tmp_path / "rows.txt"
    path.write_text("The plan lists its activities in the table below.\n\n"
                    "Activity\tResponsible\tTime limit\n"
                    "Train police\tMinistry\t2010\n"
                    "Publish guide\tNGO\t2011\n"
                    "Map services\tCity\t2012\textra\n"
                    "and shelters\n"
                    "Hold seminar\tCouncil\t2013\n\n"
                    "The end of the plan and of its table.\n", encoding="utf-8")
    doc = read_document(path)
    tables = [b for b in doc.blocks if b.kind is BlockKind.table]
    assert [(t.header, [r.cells for r in t.rows], t.prov.paragraph, t.prov.table) for t in tables] == [
        (["Activity", "Responsible", "Time limit"],
         [["Train police", "Ministry", "2010"], ["Publish guide", "NGO", "2011"],
          ["Map services", "City", "2012 extra and shelters"], ["Hold seminar", "Council", "2013"]], 3, 0)]


@pytest.mark.parametrize("body, out", [
    (b"abc", b"abc"),
    (b"Caf\\351", b"Caf\xe9"),
    (b"\\101\\102", b"AB"),
    (b"\\1234", b"S4"),  # at most three octal digits
    (b"\\7", b"\x07"),
    (b"a\\(b\\)c\\\\", b"a(b)c\\"),
    (b"x\\ny\\tz\\r\\b\\f", b"x\ny\tz\r\x08\x0c"),
    (b"line\\\r\nnext", b"linenext"),  # a backslash at a line end joins
    (b"a\\qb", b"ab"),  # an unknown escape drops the backslash and its char
])
def test_literal_string_escapes(body, out):
    assert _literal(body) == out


def test_an_octal_escape_over_255_is_left_to_pdfminer():
    with pytest.raises(NotTextOnly) as err:
        _literal(b"\\400")
    assert str(err.value) == "octal escape over 255"
