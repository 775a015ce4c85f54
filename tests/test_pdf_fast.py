"""pipeline/readers/pdf_fast.py: a page's objects from the fast tokenizer are pdfminer's, value
for value, on a hand-written stream that uses every text operator and on every fixture and corpus
PDF; a page it cannot read goes to pdfminer; the document model is the same either way. The tests on a
hand-made page are marked unit (the fast layer): every reader test there reads a PDF through
page_objects, which falls back to pdfminer on any error, so only a comparison like these notices a
fast path that is wrong or raises (issue 29, sample 7 of 2026-12-07)."""
from __future__ import annotations

import io
from pathlib import Path
from unittest import mock

import pdfplumber
import pytest

from pipeline.readers import pdf_reader, read_document
from pipeline.readers.pdf_fast import CHAR_KEYS, lean_objects, page_objects
from tests.conftest import ROOT


def make_pdf(content: bytes, path: Path | None = None, mediabox: bytes = b"0 0 612 792") -> bytes:
    """A one-page PDF (Helvetica as /F1) whose content stream is `content`."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [" + mediabox + b"] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content) + 1, content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        # /F2: two-byte codes (Identity-H), no embedded program: widths from /W and /DW
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Plain /Encoding /Identity-H /DescendantFonts [7 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Plain /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /DW 500 /W [32 [250] 65 [600 610]] /FontDescriptor 8 0 R >>",
        b"<< /Type /FontDescriptor /FontName /Plain /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 "
        b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    if path is not None:
        path.write_bytes(bytes(out))
    return bytes(out)


EVERY_TEXT_OPERATOR = rb"""0.5 w 1 0 0 RG 50 700 m 300 700 l S
q 0 0 612 792 re W n
BT 7 Tf /F1 12 Tf 14 TL 72 720 Td (Plain \(text\) with \\ and \101\102C\t) Tj
T* [(Ke) 120 (rned) -250 (words)] TJ
2 Tc 3 Tw 0 -14 TD (spaced out) Tj
0 Tc 0 Tw 80 Tz (narrow) '
100 Tz 4 Ts 1 2 (raised) "
0 Ts ET Q
/P << /MCID 3 >> BDC BT /F1 10 Tf 0.866 0.5 -0.5 0.866 200 400 Tm <48 69 21> Tj ET EMC
q 2 0 0 2 10 10 cm BT /F1 8 Tf 30 40 Td (scaled) Tj ET Q % a comment
0 0 1 rg 100 100 50 20 re f
BT /F2 10 Tf 5 Tw 100 80 Td <00200041 0042> Tj ET"""


def _pdfminer_objects(page) -> dict:
    """pdfminer's page objects, each char cut to the keys the fast reader makes (pdf_fast.CHAR_KEYS)."""
    return lean_objects(pdf_reader._page_objects(page))


@pytest.mark.unit  # a tiny PDF: in the fast layer, where mutmut runs
@pytest.mark.parametrize("mediabox", [b"0 0 612 792", b"15 25 627 817"])
def test_every_text_operator_gives_pdfminers_objects(mediabox):
    page = pdfplumber.open(io.BytesIO(make_pdf(EVERY_TEXT_OPERATOR, mediabox=mediabox))).pages[0]
    fast = page_objects(page, page.process_object)
    assert fast is not None
    assert "".join(c["text"] for c in fast["char"]) == \
        "Plain (text) with \\ and ABC(cid:9)Kernedwordsspaced outnarrowraisedHi!scaled(cid:32)(cid:65)(cid:66)"
    assert sorted(fast) == ["char", "line", "rect"]  # the stroked line and the filled box; the clip paints nothing
    slow = _pdfminer_objects(page)
    assert fast["char"] == slow["char"]  # positions, sizes, fonts: every value of every char
    assert fast == slow


@pytest.mark.unit  # a tiny PDF: in the fast layer, where mutmut runs
def test_kerning_spacing_and_rise_move_the_chars_as_written():
    page = pdfplumber.open(io.BytesIO(make_pdf(EVERY_TEXT_OPERATOR))).pages[0]
    chars = page_objects(page, page.process_object)["char"]
    texts = [c["text"] for c in chars]

    def at(word: str) -> list[dict]:
        i = next(i for i in range(len(texts)) if texts[i:i + len(word)] == list(word))
        return chars[i:i + len(word)]

    # a kern of 120/1000 em at 12 pt between "Ke" and "rned": "r" starts 1.44 pt left of where "e" ends
    e, r = at("Kerned")[1:3]
    assert r["x0"] == pytest.approx(e["x1"] - 1.44)
    # Tc 2 (and, for the space, Tw 3 more) between the glyphs of "spaced out"
    s, p = at("spaced")[:2]
    assert p["x0"] == pytest.approx(s["x1"] + 2)
    d, space, o = at("d out")[:3]
    assert (space["x0"] - d["x1"], o["x0"] - space["x1"]) == (pytest.approx(2), pytest.approx(5))
    # Ts 4 raises "raised" 4 pt above its baseline ("narrow" went to the next line first with ')
    assert at("narrow")[0]["bottom"] - at("raised")[0]["bottom"] == pytest.approx(4.0)
    # a two-byte font takes no word spacing (Tw 5), even after code 32: widths 250 and 600 of /W at 10 pt
    assert [round(c["x0"], 3) for c in chars[-3:]] == [100.0, 102.5, 108.5]


@pytest.mark.unit  # a tiny PDF: in the fast layer, where mutmut runs
def test_a_page_with_an_inline_image_goes_to_pdfminer(tmp_path):
    stream = (b"BT /F1 12 Tf 72 720 Td (Before the picture) Tj ET\n"
              b"q 10 0 0 10 100 100 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q")
    path = tmp_path / "inline.pdf"
    page = pdfplumber.open(io.BytesIO(make_pdf(stream, path))).pages[0]
    assert page_objects(page, page.process_object) is None
    assert [b.text for b in read_document(path).blocks] == ["Before the picture"]


@pytest.mark.unit  # a tiny PDF: in the fast layer, where mutmut runs
def test_a_name_with_a_hex_escape_goes_to_pdfminer():
    page = pdfplumber.open(io.BytesIO(make_pdf(b"BT /F#31 12 Tf 72 720 Td (x) Tj ET"))).pages[0]
    assert page_objects(page, page.process_object) is None


def _fixture_pdfs() -> list[Path]:
    pdfs = sorted((ROOT / "tests" / "fixtures").rglob("*.pdf")) + sorted((ROOT / "corpus").glob("*.pdf"))
    return [p for p in pdfs if "bad" not in p.parts and p.read_bytes().startswith(b"%PDF")]  # not the damaged ones


def test_every_fixture_and_corpus_page_is_read_fast_and_the_same():
    pages = 0
    for path in _fixture_pdfs():
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                fast = page_objects(page, page.process_object)
                assert fast is not None, f"{path.name} page {page.page_number}"
                assert fast == _pdfminer_objects(page), f"{path.name} page {page.page_number}"
                pages += 1
    assert pages >= 40


def test_the_document_model_is_the_same_with_and_without_the_fast_tokenizer():
    for path in _fixture_pdfs():
        fast = read_document(path).model_dump_json()
        with mock.patch.object(pdf_reader, "fast_page_objects", lambda page, process: None):
            slow = read_document(path).model_dump_json()
        assert fast == slow, path.name


def _char(text: str, x0: float, top: float, width: float = 5.0, size: float = 10.0, font: str = "F1",
          upright: bool = True) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + size, "doctop": 800 + top,
            "upright": upright, "fontname": font, "size": size}


def _pdfplumber_words(chars: list[dict], extra: tuple[str, ...]) -> list[dict]:
    return pdf_reader._GapWordExtractor(extra_attrs=list(extra)).extract_words(chars)


@pytest.mark.unit  # a tiny PDF: in the fast layer, where mutmut runs
def test_gap_words_are_pdfplumbers_words_on_awkward_chars():
    """pdf_reader._gap_words (the reader's own word extractor) gives pdfplumber's words, dict for
    dict: blanks, an empty char, ligatures, tops 3 pt apart chained into one line, a char left of
    the previous one, runs of another font, equal x0s; and rotated chars (pdfplumber's own path)."""
    chars = [_char("H", 10, 100), _char("i", 15, 100.5), _char(" ", 20, 100), _char("ﬁ", 25, 102),
             _char("x", 30, 104.9), _char("", 35, 100), _char("y", 40, 100), _char("z", 38, 100),
             _char("a", 60, 100, font="F2"), _char("b", 65, 100, font="F2"), _char("b", 65, 100),
             _char("q", 10, 130), _char("r", 15.5, 131), _char("s", 26, 130), _char("t", 26, 130, width=2),
             _char("\u00a0", 40, 130), _char("u", 45, 130, size=12), _char("v", 10, 160)]
    for extra in (("fontname", "size"), ()):
        assert pdf_reader._gap_words(chars, extra) == _pdfplumber_words(chars, extra)
        assert [list(w) for w in pdf_reader._gap_words(chars, extra)] == [list(w) for w in _pdfplumber_words(chars, extra)]
    rotated = chars[:5] + [_char("R", 200, 50, upright=False), _char("S", 200, 56, upright=False)]
    assert pdf_reader._gap_words(rotated, ("fontname", "size")) == _pdfplumber_words(rotated, ("fontname", "size"))
    assert pdf_reader._gap_words([], ()) == []


@pytest.mark.parametrize("folder", ["tests/fixtures/pdf_text", "corpus"])
def test_gap_words_are_pdfplumbers_words_on_every_fixture_page(folder):
    pages = 0
    for path in sorted((ROOT / folder).rglob("*.pdf")):
        try:
            pdf = pdfplumber.open(path)
            pdf_pages = pdf.pages
        except Exception:
            continue  # a damaged fixture: the reader refuses it either way
        with pdf:
            for page in pdf_pages:
                objects = page_objects(page, page.process_object)
                page._objects = objects if objects is not None else pdf_reader._page_objects(page)
                for extra in (("fontname", "size"), ()):
                    assert pdf_reader._gap_words(page.chars, extra) == _pdfplumber_words(page.chars, extra), (path, page)
                pages += 1
    assert pages > 0


@pytest.mark.unit  # a tiny PDF: in the fast layer, where mutmut runs
def test_chars_hold_the_keys_the_reader_reads_and_rotated_text_goes_to_pdfminer(tmp_path):
    """A reportlab PDF: page 1 upright Helvetica, read fast, each char with CHAR_KEYS only and the
    box worked out from Helvetica's metrics (width of "H" 722/1000 em, descent 207/1000 em, A4 is
    297 mm = 841.89 pt high); page 2 holds a line turned 90 degrees: pdfminer reads that page (its full
    dicts for pdfplumber's own word extractor) and the document still has both pages' text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "rotated.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(72, 760, "Hello world")
    c.showPage()
    c.setFont("Helvetica", 11)
    c.drawString(72, 760, "The upright line of the second page.")
    c.saveState()
    c.translate(500, 300)
    c.rotate(90)
    c.drawString(0, 0, "Sideways")
    c.restoreState()
    c.save()
    with pdfplumber.open(path) as pdf:
        first, second = pdf.pages
        chars = page_objects(first, first.process_object)["char"]
        assert [c["text"] for c in chars] == list("Hello world")
        assert all(tuple(c) == CHAR_KEYS for c in chars)
        h = chars[0]
        assert (h["x0"], h["x1"]) == (pytest.approx(72), pytest.approx(72 + 0.722 * 11))
        height = 297 / 25.4 * 72
        assert (h["top"], h["bottom"], h["size"]) == (pytest.approx(height - (760 - 0.207 * 11 + 11)),
                                                      pytest.approx(height - (760 - 0.207 * 11)), pytest.approx(11))
        assert h["upright"] is True and h["fontname"] == "Helvetica"
        assert page_objects(second, second.process_object) is None
    texts = [b.text for b in read_document(path).blocks]
    assert texts[:2] == ["Hello world", "The upright line of the second page."]
    # the turned line's letters, all of them, as pdfplumber's extractor gives them (in pieces: the
    # reader read a turned line so before this change too, document model byte for byte)
    assert sorted("".join(texts[2:]).replace(" ", "")) == sorted("Sideways")


@pytest.mark.unit  # a tiny PDF: in the fast layer, where mutmut runs
def test_table_cells_found_by_row_bands_hold_the_chars_the_plain_test_finds(tmp_path):
    """A ruled table typeset by reportlab (3 rows, 3 columns, a cell wrapped on two lines): the
    reader's cells (row chars found by bisecting the chars' centres sorted by y) are the texts
    written, and the chars of every row are those the char-by-char test (`_centred_in`) finds."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    path = tmp_path / "table.pdf"
    rows = [["Activity", "Responsible", "Deadline"],
            ["Map the shelters\nfor children", "Ministry of Justice", "March 2010"],
            ["Train border guards", "Police Board", "2011"]]
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    blocks = [b for b in read_document(path).blocks if b.kind.value == "table"]
    assert len(blocks) == 1
    assert blocks[0].header == ["Activity", "Responsible", "Deadline"]
    assert [r.cells for r in blocks[0].rows] == [["Map the shelters for children", "Ministry of Justice", "March 2010"],
                                                 ["Train border guards", "Police Board", "2011"]]
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        page._objects = page_objects(page, page.process_object)
        found = page.find_tables()[0]
        centres = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c) for c in page.chars]
        plain = [[None if cell is None else pdf_reader._cell_chars_text(
                    [c for _, _, c in pdf_reader._centred_in(pdf_reader._centred_in(centres, row.bbox), cell)])
                  for cell in row.cells] for row in found.rows]
        assert pdf_reader._extract_table(found) == plain
        assert plain[1] == ["Map the shelters\nfor children", "Ministry of Justice", "March 2010"]
