"""Reader rules a mutation run (issue 29, sample 9 of 2026-12-07) showed no test holding: where a
PDF list item's wrapped text ends and body text starts again, a one-word heading on an OCR'd page,
a roman count that starts again after "viii.", and what a broken .docx is called and where.
Lines and files made here; expected values by hand."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from pipeline.readers.page_layout import Line
from pipeline.readers.pdf_reader import _leaves_list_item, _ListLevels, _Para, _plain_heading
from schemas.document import Block, BlockKind, Provenance
from schemas.errors import UnreadableFile

pytestmark = pytest.mark.unit


def ln(text: str, x0: float, x1: float, row: int, text_x0: float = 0.0) -> Line:
    return Line(page=1, text=text, x0=x0, x1=x1, top=100 + 14 * row, bottom=111 + 14 * row, size=11, bold=False,
                italic=False, text_x0=text_x0 or x0)


# An item "•" at 72 whose text starts at 90 (the hanging indent); INDENT_SLACK is 2.5 pt.
ITEM = ln("• Seminars on foster care were held in Riga.", 72, 300, 0, text_x0=90)


def test_a_line_at_the_edge_of_the_hanging_indent_goes_on_with_the_item():
    nxt = ln("and in Vilnius in the spring of the same year", 87.5, 500, 1)  # 90 - 2.5: still at the indent
    assert _leaves_list_item(_Para([ITEM]), nxt) is False
    assert _leaves_list_item(_Para([ITEM]), ln("The group met twice.", 87.4, 500, 1)) is True  # left of it


# An item whose text wraps back under its label (no hanging indent): its last line ends the item
# when it is short and ends a sentence.
UNDER = [ln("• Seminars on foster care were held in Riga and in Vilnius in the spring and", 72, 500, 0, text_x0=84)]


def test_after_an_items_short_last_line_that_ends_a_sentence_body_text_starts():
    para = _Para(UNDER + [ln("in the autumn.", 72, 300, 1)])
    assert _leaves_list_item(para, ln("The group met.", 72, 200, 2)) is True  # short of the item's own right edge


def test_an_items_full_last_line_ending_a_sentence_goes_on():
    para = _Para(UNDER + [ln("in the autumn of the year, with some two hundred participants from ten countries.",
                             72, 495, 1)])
    assert _leaves_list_item(para, ln("The group met twice in the year and agreed on a plan.", 72, 480, 2)) is False


def test_a_one_word_heading_on_an_ocrd_page():
    nxt = _Para([ln("The group met four times in the year and agreed on a plan.", 72, 500, 1)])
    assert _plain_heading(_Para([ln("Introduction", 72, 150, 0)]), "Introduction", nxt) is True


def test_after_viii_an_i_starts_the_roman_count_again():
    levels = _ListLevels()
    levels.last_kind[0], levels.last_number[0] = "lower_roman", 8  # after "viii."
    item = Block(kind=BlockKind.list_item, label="i.", text="x", prov=Provenance(file="a.pdf"))
    assert levels._letter_or_roman(item, 0) == "lower_roman"
    assert item.number == 1


# --- a broken .docx: its path and what is wrong ------------------------------------------------------


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_STORED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, body in members.items():
            z.writestr(name, body)
    return out.getvalue()


def _problem(data: bytes) -> tuple[str, str]:
    from pipeline.readers.docx_reader import _open

    with pytest.raises(UnreadableFile) as caught:
        _open(Path("in/plan.docx"), data)
    return caught.value.path, caught.value.problem


def test_a_zip_without_a_document_part():
    assert _problem(_zip({"word/styles.xml": b"<x/>"})) == (
        "in/plan.docx", "zip archive without word/document.xml: not a Word document")


def test_a_zip_with_a_damaged_member():
    data = bytearray(_zip({"word/document.xml": b"<w:document>hello world</w:document>"}))
    at = bytes(data).index(b"hello")
    data[at:at + 5] = b"HELLO"  # stored, so the bytes change and their checksum does not
    assert _problem(bytes(data)) == ("in/plan.docx", "corrupt .docx: damaged member word/document.xml")


def test_not_a_zip():
    assert _problem(b"PK\x03\x04 cut short") == (
        "in/plan.docx", "not a valid .docx: not a zip archive (truncated or corrupt)")


def test_a_zip_python_docx_cannot_open_and_a_damaged_xml_part():
    path, problem = _problem(_zip({"word/document.xml": b"<w:document/>"}))  # no [Content_Types].xml
    assert path == "in/plan.docx" and problem.startswith("not a readable .docx: ")
    types = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             b'<Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" '
             b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             b'wordprocessingml.document.main+xml"/></Types>')
    rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'officeDocument" Target="word/document.xml"/></Relationships>')
    path, problem = _problem(_zip({"[Content_Types].xml": types, "_rels/.rels": rels,
                                   "word/document.xml": b"<w:document><w:body>"}))  # cut short
    assert path == "in/plan.docx" and problem.startswith("damaged .docx XML: XMLSyntaxError: ")


# --- a font's ToUnicode map read by pdf_fast's tokenizer ---------------------------------------------

TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0003> <0020>
<0024> <0041>
endbfchar
2 beginbfrange
<0044> <0046> <0061>
<0050> <0051> [<0070> <00660069>]
endbfrange
endcmap
/CMapType 9 def
CMapName currentdict /CMap defineresource pop
end
end
"""


def test_a_tounicode_map_by_the_fast_tokenizer_is_pdfminers():
    from pdfminer.cmapdb import CMapParser, FileUnicodeMap
    from pdfminer.psparser import literal_name

    from pipeline.readers.pdf_fast import unicode_map_from

    fast = unicode_map_from(TO_UNICODE)
    assert fast is not None
    # a space and "A" by bfchar; "a" to "c" by a range of strings; "p" and the "fi" ligature by an array
    assert fast.cid2unichr == {0x03: " ", 0x24: "A", 0x44: "a", 0x45: "b", 0x46: "c", 0x50: "p", 0x51: "fi"}
    # the attributes before endcmap; the "def" after it is not the map's
    assert (literal_name(fast.attrs["CMapName"]), fast.attrs["CMapType"]) == ("Adobe-Identity-UCS", 2)
    assert fast.attrs["CIDSystemInfo"] == {"Registry": b"Adobe", "Ordering": b"UCS", "Supplement": 0}
    slow = FileUnicodeMap()
    CMapParser(slow, io.BytesIO(TO_UNICODE)).run()
    assert (fast.cid2unichr, fast.attrs) == (slow.cid2unichr, slow.attrs)


def test_a_tounicode_map_the_fast_tokenizer_leaves_to_pdfminer():
    from pipeline.readers.pdf_fast import unicode_map_from

    assert unicode_map_from(b"begincmap /Adobe-Identity-UCS usecmap endcmap") is None
    assert unicode_map_from(b"begincmap /CMapName def endcmap") is None  # "def" without its two operands
    assert unicode_map_from(b"begincmap 1 beginbfrange <01> <02> /Name endbfrange endcmap") is None


# --- Word paragraphs and sections, from XML written here ---------------------------------------------


def test_a_bold_paragraph_numbered_by_its_style():
    from pipeline.readers.docx_reader import _paragraph_block
    from tests.unit.test_unit_docx_parts import numbering
    from tests.unit.test_unit_reader_rules import _p, _styles

    # "List Number 2" is based on "List Number", which numbers its paragraphs with list 4 at level 1; list 4 has
    # no definition, so its labels count decimally ("1.")
    p = _p('<w:pPr><w:pStyle w:val="ListNumber2"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>Results of the year</w:t></w:r>')
    block = _paragraph_block(p, "Results of the year", Provenance(file="r.docx"), _styles(), numbering())
    assert (block.kind, block.level, block.label, block.number, block.bold, block.style) == (
        BlockKind.list_item, 1, "1.", 1, True, "List Number 2")


def test_sections_that_start_on_an_odd_or_an_even_page():
    from lxml import etree

    from pipeline.readers.docx_reader import _new_page_sections
    from tests.unit.test_unit_reader_rules import W

    body = etree.fromstring(
        f'<w:body xmlns:w="{W}"><w:p><w:pPr><w:sectPr><w:type w:val="oddPage"/></w:sectPr></w:pPr></w:p>'
        f'<w:p><w:pPr><w:sectPr><w:type w:val="evenPage"/></w:sectPr></w:pPr></w:p>'
        f'<w:sectPr><w:type w:val="continuous"/></w:sectPr></w:body>')
    assert _new_page_sections(body) == [True, True, False]


def test_an_ocrd_header_row_read_with_one_letter_wrong_is_the_same_row():
    from pipeline.readers.ocr import _similar

    assert _similar(["Place"], ["Plaee"]) is True  # 4 of 5 letters in order: a ratio of 0.8
    assert _similar(["Place"], ["Plxxe"]) is False


def test_a_document_without_text_is_unreadable_with_its_path():
    from pipeline.readers import read_document
    from tests.conftest import ROOT

    path = ROOT / "tests" / "fixtures" / "bad" / "no_text.docx"  # a Word file whose only paragraph is empty
    with pytest.raises(UnreadableFile) as caught:
        read_document(path)
    assert (caught.value.path, caught.value.problem) == (str(path), "no text found in the document")
