"""Readers' rules a mutation run (issue 29, sample 7 of 2026-12-07) showed no test holding: a
space-aligned table at the very end of a file and one whose header comes after a header-like line,
a plain-text heading with a space after its full stop, an OCR'd page's heading, hex strings and TJ
arrays of a PDF's text, LibreOffice under its other name, tesseract's call and its failure, and
the render of a page too large for full resolution. Expected values by hand."""
from __future__ import annotations

import subprocess

import pytest

from pipeline.readers import legacy, ocr, pdf_fast, txt_reader
from pipeline.readers.page_layout import Line
from pipeline.readers.pdf_reader import _Para, _plain_heading
from schemas.errors import UnreadableFile

pytestmark = pytest.mark.unit


# --- txt -------------------------------------------------------------------------------------------


def test_a_space_table_that_ends_the_file():
    lines = ["Date    Place", "3 May   Riga", "5 June  Oslo"]  # two columns, two rows, no line after them
    assert txt_reader.space_tables(lines) == ["Date\tPlace", "3 May\tRiga", "5 June\tOslo"]


def test_a_header_like_line_whose_columns_do_not_go_on_leaves_the_next_header_its_table():
    lines = ["Annex   Part", "Date        Place", "3 May       Riga", "5 June      Oslo"]
    assert txt_reader.space_tables(lines) == ["Annex   Part", "Date\tPlace", "3 May\tRiga", "5 June\tOslo"]


@pytest.mark.parametrize("line, header", [
    ("Date   Place", True),  # two short labels
    ("Date   Place   Meeting", True),
    ("Date", False),  # one cell
    ("3 May   Riga", False),  # a figure: data
])
def test_header_like(line, header):
    assert txt_reader._header_like(line) is header


@pytest.mark.parametrize("line, heading", [
    ("The year in review", True),
    ("The year in review. ", False),  # a sentence, whatever spaces follow its full stop
    ("the year in review", False),
    ("Plans for the year:", True),
])
def test_a_plain_text_heading(line, heading):
    assert txt_reader._is_heading(line, "A longer line of text that follows the heading and goes on.") is heading


# --- PDF ------------------------------------------------------------------------------------------


def _para(*texts: str) -> _Para:
    return _Para(lines=[Line(page=1, text=t, x0=72, top=100 + 14 * i, bottom=112 + 14 * i, size=11, bold=False,
                             italic=False) for i, t in enumerate(texts)])


LONGER = _para("The group met four times in the year and agreed on a plan for", "the years to come.")


@pytest.mark.parametrize("text, heading", [
    ("Activities in 2009", True),
    ("Activities in 2009.", False),  # sentence punctuation at its end
    ("Results: the year", False),  # a colon inside
    ("1. Activities", False),  # a list label first
    ("activities in 2009", False),  # not capitalised
])
def test_a_heading_on_an_ocrd_page(text, heading):
    assert _plain_heading(_para(text), text, LONGER) is heading


def test_two_lines_or_nothing_after_are_no_ocrd_heading():
    assert _plain_heading(_para("Activities", "in 2009"), "Activities in 2009", LONGER) is False
    assert _plain_heading(_para("Activities in 2009"), "Activities in 2009", None) is False
    assert _plain_heading(_para("Activities in 2009"), "Activities in 2009", _para("Short.")) is False


@pytest.mark.parametrize("body, text", [
    (b"48656c6c6f", b"Hello"),
    (b"48 65 6c", b"Hel"),  # white space inside
    (b"48 65 6", b"He\x06"),  # an odd digit last: read alone, as pdfminer reads it
])
def test_a_hex_string(body, text):
    assert pdf_fast._hex(body) == text


def test_a_tj_array_of_literals_hex_and_numbers():
    assert pdf_fast._text_array(b"[(Hello) -250 <576f726c64> 12.5 (\\(x\\))]") == [b"Hello", -250, b"World", 12.5,
                                                                                     b"(x)"]


# --- LibreOffice and tesseract ---------------------------------------------------------------------


def test_libreoffice_under_either_name(monkeypatch):
    monkeypatch.setattr(legacy.shutil, "which", {"libreoffice": "/usr/bin/libreoffice"}.get)
    assert legacy.soffice() == "/usr/bin/libreoffice"
    monkeypatch.setattr(legacy.shutil, "which", {"soffice": "/opt/lo/soffice", "libreoffice": "/x"}.get)
    assert legacy.soffice() == "/opt/lo/soffice"


TSV = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
       "5\t1\t1\t1\t1\t1\t10\t20\t60\t12\t95.0\tMeeting\n")


def test_tesseract_is_called_on_the_png_at_the_pages_dpi(monkeypatch):
    from PIL import Image

    calls = []

    def run(args, **kw):
        calls.append((args, kw["timeout"], kw["input"][:8], kw["env"]["OMP_THREAD_LIMIT"]))
        return subprocess.CompletedProcess(args, 0, stdout=TSV.encode(), stderr=b"")

    monkeypatch.setattr(ocr, "tesseract_path", lambda: "/usr/bin/tesseract")
    monkeypatch.setattr(ocr.subprocess, "run", run)
    words = ocr.run_tesseract(Image.new("L", (40, 20), 255), dpi=150)
    assert calls == [(["/usr/bin/tesseract", "stdin", "stdout", "-l", "eng", "--psm", "3", "--dpi", "150", "tsv"], 300,
                      b"\x89PNG\r\n\x1a\n", "1")]
    assert [w.text for w in words] == ["Meeting"]


def test_a_tesseract_failure_says_its_first_words(monkeypatch):
    from PIL import Image

    monkeypatch.setattr(ocr.subprocess, "run", lambda args, **kw: subprocess.CompletedProcess(
        args, 1, stdout=b"", stderr=b"  Error: bad \xff image  \n"))
    with pytest.raises(RuntimeError, match="^tesseract failed: Error: bad \ufffd image$"):
        ocr.run_tesseract(Image.new("L", (4, 4), 255))


def test_a_file_pdfium_cannot_open_is_unreadable_with_its_path():
    with pytest.raises(UnreadableFile) as caught:
        ocr._render("scan.pdf", b"%PDF-1.4 nothing else", [1])
    assert caught.value.path == "scan.pdf"
    assert caught.value.problem.startswith("cannot render PDF pages for OCR (")


def test_a_page_too_large_for_full_resolution_records_its_full_pixels(monkeypatch):
    import io

    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    pdf.new_page(600, 800)  # points: 2500 x 3333 pixels at 300 dpi
    buf = io.BytesIO()
    pdf.save(buf)
    pdf.close()
    from pipeline.limits import LIMITS

    monkeypatch.setattr(LIMITS, "max_page_pixels", 100_000)
    (image,) = ocr._render("big.pdf", buf.getvalue(), [1])
    assert image.info["pixels_at_full_dpi"] == 2500 * 3333
    assert image.mode == "L" and image.info["dpi"][0] < ocr.DPI


# --- Word's styles and runs, from XML written here -------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STYLES = f"""<w:styles xmlns:w="{W}">
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/>
    <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="ListNumber2"><w:name w:val="List Number 2"/><w:basedOn w:val="ListNumber"/></w:style>
  <w:style w:type="character" w:styleId="Emph"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:rPr><w:i w:val="true"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Plain"><w:rPr><w:i w:val="0"/></w:rPr></w:style>
</w:styles>"""


def _styles():
    from types import SimpleNamespace

    from lxml import etree

    from pipeline.readers.docx_reader import Styles

    return Styles(SimpleNamespace(styles=SimpleNamespace(element=etree.fromstring(STYLES))))


def _p(inner: str):
    from lxml import etree

    return etree.fromstring(f'<w:p xmlns:w="{W}">{inner}</w:p>')


def test_styles_names_bases_italics_and_the_default():
    s = _styles()
    assert s.name == {"Normal": "Normal", "Heading2": "Heading 2", "ListNumber": "List Number",
                      "ListNumber2": "List Number 2", "Emph": "Emphasis", "Quote": "Quote", "Plain": "Plain"}
    assert s.base == {"Normal": None, "Heading2": "Normal", "ListNumber": None, "ListNumber2": "ListNumber",
                      "Emph": None, "Quote": None, "Plain": None}
    assert {k for k, v in s.italic.items() if v} == {"Emph", "Quote"}
    assert s.default_paragraph == "Normal"


def test_a_paragraphs_style_and_its_numbering_through_the_style_chain():
    s = _styles()
    assert s.paragraph_style(_p('<w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>x</w:t></w:r>')) == "Heading2"
    assert s.paragraph_style(_p("<w:r><w:t>x</w:t></w:r>")) == "Normal"
    assert s.num_pr_of(_p("<w:r><w:t>x</w:t></w:r>"), "ListNumber2") == ("4", 1)  # from the style it is based on
    assert s.num_pr_of(_p("<w:r><w:t>x</w:t></w:r>"), "Heading2") is None


@pytest.mark.parametrize("inner, style, flags", [
    # italic and bold by the run's own properties and by its character style; an empty run does not count
    ('<w:r><w:rPr><w:i/><w:b/></w:rPr><w:t>Alpha</w:t></w:r><w:r><w:t> </w:t></w:r>'
     '<w:r><w:rPr><w:rStyle w:val="Emph"/><w:b w:val="1"/></w:rPr><w:t>beta</w:t></w:r>', None, (True, True)),
    ('<w:r><w:rPr><w:i w:val="false"/><w:b w:val="0"/></w:rPr><w:t>Alpha</w:t></w:r>', None, (False, False)),
    ('<w:r><w:rPr><w:i/></w:rPr><w:t>Alpha</w:t></w:r><w:r><w:t>beta</w:t></w:r>', None, (False, False)),  # not all
    ('<w:r><w:t>Alpha</w:t></w:r>', "Quote", (True, False)),  # italic by the paragraph's style
    ('<w:r><w:t> </w:t></w:r>', "Quote", (False, False)),  # no text: neither
])
def test_run_flags_are_for_every_run_with_text(inner, style, flags):
    assert _styles().run_flags(_p(inner), style) == flags


def test_page_breaks_in_a_paragraph():
    from pipeline.readers.docx_reader import _new_page_sections, _page_breaks

    p = _p('<w:r><w:lastRenderedPageBreak/><w:t>a</w:t><w:br w:type="page"/><w:br/><w:t>b</w:t></w:r>')
    assert _page_breaks(p) == 2  # a rendered break and a page break; a line break is none
    from lxml import etree

    body = etree.fromstring(
        f'<w:body xmlns:w="{W}"><w:p><w:pPr><w:sectPr><w:type w:val="nextPage"/></w:sectPr></w:pPr></w:p>'
        f'<w:p><w:pPr><w:sectPr><w:type w:val="continuous"/></w:sectPr></w:pPr></w:p><w:sectPr/></w:body>')
    assert _new_page_sections(body) == [True, False, True]


def _part(reltype: str, xml: str):
    from types import SimpleNamespace

    return SimpleNamespace(reltype="http://schemas.openxmlformats.org/officeDocument/2006/relationships" + reltype,
                           is_external=False, target_part=SimpleNamespace(blob=xml.encode("utf-8")))


def _document(*parts):
    from types import SimpleNamespace

    return SimpleNamespace(part=SimpleNamespace(rels={str(i): p for i, p in enumerate(parts)}))


FOOTNOTES = (f'<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>____</w:t></w:r></w:p>'
             '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>See the annex.</w:t></w:r></w:p></w:footnote></w:footnotes>')
ENDNOTES = (f'<w:endnotes xmlns:w="{W}"><w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>--</w:t>'
            '</w:r></w:p></w:endnote><w:endnote w:id="2"><w:p><w:r><w:t>An end note.</w:t></w:r></w:p></w:endnote>'
            '</w:endnotes>')
COMMENTS = (f'<w:comments xmlns:w="{W}"><w:comment w:id="0" w:author="Anna"><w:p><w:r><w:t>Check the date.</w:t></w:r>'
            '</w:p></w:comment><w:comment w:id="1"><w:p><w:r><w:t>No name.</w:t></w:r></w:p></w:comment></w:comments>')


def test_footnotes_then_endnotes_without_their_separators():
    from pipeline.readers.docx_reader import _notes

    doc = _document(_part("/endnotes", ENDNOTES), _part("/footnotes", FOOTNOTES), _part("/comments", COMMENTS))
    got = [(b.kind.value, b.text, b.prov.file, b.prov.page) for b in _notes(doc, "r.docx", 3)]
    assert got == [("footnote", "See the annex.", "r.docx", 3), ("footnote", "An end note.", "r.docx", 3)]


def test_comments_with_their_authors():
    from pipeline.readers.docx_reader import _comments

    doc = _document(_part("/footnotes", FOOTNOTES), _part("/comments", COMMENTS))
    assert _comments(doc) == ["Anna: Check the date.", "No name."]


@pytest.mark.parametrize("inner, kind, style", [
    ('<w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Results</w:t></w:r>', "heading", "Heading 2"),
    ('<w:r><w:t>Plain words.</w:t></w:r>', "paragraph", "Normal"),  # the default paragraph style
    ('<w:pPr><w:pStyle w:val="Custom"/></w:pPr><w:r><w:t>Plain words.</w:t></w:r>', "paragraph", "Custom"),  # no name
])
def test_a_paragraph_blocks_kind_and_style(inner, kind, style):
    from pipeline.readers.docx_reader import _paragraph_block
    from schemas.document import Provenance
    from tests.unit.test_unit_docx_parts import numbering

    p = _p(inner)
    block = _paragraph_block(p, "".join(p.itertext()), Provenance(file="r.docx"), _styles(), numbering())
    assert (block.kind.value, block.style) == (kind, style)


def test_ocr_reads_the_pages_scale_from_the_image(monkeypatch):
    from PIL import Image

    seen = []
    monkeypatch.setattr(ocr, "run_tesseract", lambda image, dpi: seen.append(dpi) or [])
    image = Image.new("L", (100, 140), 255)
    image.info["dpi"] = (150, 150)  # as _render leaves it for a page read below 300 dpi
    page = ocr.ocr_image(image, 1, 842.0)
    assert (seen, page.dpi, page.words, page.lines, page.tables) == ([150], 150, 0, [], [])
    assert ocr.ocr_image(Image.new("L", (100, 140), 255), 2, 842.0).dpi == ocr.DPI  # no dpi said: full resolution
