"""PDF reader rules (pipeline/readers/pdf_reader.py, pdf_fast.py) that a mutation run (issue 29,
sample 9 of 2026-12-07) showed no test holding: the word gap of a line, a bullet glued to its text or
set in another font, a line's size and slant, running headers on a two-page file, where a new
paragraph starts (a size step, an OCR'd label), heading levels, what a broken or locked PDF is
called, a table's top, and the fast tokenizer's kerning under horizontal scaling and its mediabox
origin. Words, lines and pages made here; expected values by hand."""
from __future__ import annotations

import io

import pdfplumber
import pytest

from pipeline.readers import pdf_reader as R
from pipeline.readers.page_layout import Line
from schemas.document import BlockKind, Provenance
from schemas.errors import UnreadableFile
from tests.conftest import ROOT
from tests.test_pdf_fast import make_pdf

pytestmark = pytest.mark.unit
BAD = ROOT / "tests" / "fixtures" / "bad"


def char(text, x0, x1, size=10.0, top=100.0):
    return {"text": text, "x0": x0, "x1": x1, "size": size, "top": top, "bottom": top + size}


def word(text, x0, x1, fontname="TimesNewRomanPSMT", size=10.0, top=100.0):
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + size, "size": size, "fontname": fontname}


def test_the_word_gap_of_a_line_is_its_letter_gap_and_an_eighth_of_its_median_size():
    # gaps 0, 0, 1 and 3 pt: the lower quartile (0) is the letter spacing; the median size is 20
    chars = [char("a", 0, 5, 20), char("b", 5, 10, 20), char("c", 10, 15, 8), char("d", 16, 21, 8), char("e", 24, 29, 20)]
    assert R._word_gap(chars) == pytest.approx(0.12 * 20)
    # four glyphs of 8 and 12 pt: the upper middle one (12) is the median
    chars = [char("a", 0, 5, 8), char("b", 5, 10, 12), char("c", 10, 15, 8), char("d", 15, 20, 12)]
    assert R._word_gap(chars) == pytest.approx(0.12 * 12)
    assert R._word_gap([char("a", 0, 5, 0), char("b", 5, 10, 0)]) == pytest.approx(0.12 * 10)  # no size: 10 pt


def test_a_bullet_glued_to_its_text_is_cut_off():
    bullet, rest = R._split_glued_bullet([word("•Seminar", 72, 136)])  # eight glyphs, 8 pt each
    assert (bullet["text"], bullet["x0"], bullet["x1"]) == ("•", 72, 80)
    assert (rest["text"], rest["x0"], rest["x1"]) == ("Seminar", 80, 136)
    assert R._split_glued_bullet([word("Seminar", 72, 128)]) == [word("Seminar", 72, 128)]


def test_a_letter_in_another_font_a_tab_away_is_a_bullet():
    o = word("o", 72, 77, fontname="CourierNewPSMT")
    line = R._line_of([o, word("Seminar", 90, 130), word("on", 133, 143)], 1)
    assert (line.glyph_label, line.text, line.text_x0) == ("o", "o Seminar on", 90)
    same_font = R._line_of([word("o", 72, 77), word("Seminar", 90, 130)], 1)  # "o" in the text's own font
    assert same_font.glyph_label is None


def test_a_lines_size_to_a_tenth_and_its_slant():
    line = R._line_of([word("Sea", 72, 90, fontname="Helvetica-Oblique", size=10.44),
                       word("level", 93, 115, fontname="Helvetica-BoldOblique", size=10.44)], 1)
    assert (line.size, line.italic, line.bold) == (10.4, True, False)
    assert R._line_of([word("Sea", 72, 90, fontname="Times-Italic")], 1).italic is True


def test_a_header_on_both_pages_of_a_two_page_file_is_furniture():
    def at(page, text, top):
        ln = Line(page=page, text=text, x0=72, x1=300, top=top, bottom=top + 10, size=10, bold=False, italic=False)
        ln.page_height = 800
        return ln

    lines = [at(1, "Annual report 2009", 20), at(1, "The group met.", 300), at(2, "Annual report 2009", 20),
             at(2, "It agreed.", 300)]
    furniture, body = R._split_furniture(lines)
    assert furniture == ["Annual report 2009"]
    assert [ln.text for ln in body] == ["The group met.", "It agreed."]


def test_a_dash_or_a_star_and_one_letter_is_a_typed_bullet():
    assert R._line_label("- A") == ("-", None, "A", "bullet")
    assert R._line_label("* A") == ("*", None, "A", "bullet")


def test_a_line_that_is_only_a_dash_is_joined_with_a_space():
    assert R._join_lines(["-", "and more"]) == "- and more"
    assert R._join_lines(["co-", "operation"]) == "co-operation"


def _line(text, top, size=10.0, x0=72.0, bold=False, ocr=False):
    ln = Line(page=1, text=text, x0=x0, x1=x0 + 6 * len(text), top=top, bottom=top + size, size=size, bold=bold,
              italic=False)
    if ocr:
        ln.ocr = True
    return ln


def test_a_new_paragraph_at_a_step_in_size_or_a_line_back_up_the_page():
    para = R._Para([_line("The group met four times in the year and agreed on", 100)])
    assert R._starts_new_para(para, _line("a plan for the years to come.", 112, size=11)) is True
    assert R._starts_new_para(para, _line("a plan for the years to come.", 112, size=10.5)) is False
    assert R._starts_new_para(para, _line("a plan for the years to come.", 98.9)) is True  # above it: another column
    assert R._starts_new_para(para, _line("a plan for the years to come.", 99)) is False  # within a point of it


def test_an_ocrd_label_starts_an_item():
    para = R._Para([_line("The members agreed to", 100, ocr=True)])
    assert R._starts_new_para(para, _line("1. map the services", 112, ocr=True)) is True


def test_headings_and_their_levels():
    body = [_line("The group met four times in the year and agreed on a plan for the years.", 200 + 12 * k)
            for k in range(4)]
    title = _line("Annual report", 100, size=16)  # 6 pt over the body: level 1
    bold14 = _line("Activities of the working group on children at risk in the Baltic Sea region", 140, bold=True)
    assert len(bold14.text.split()) == 14  # a bold line of 14 words at most, no full stop: a heading
    ocr_title = _line("Annual report", 170, size=16, ocr=True)  # on an OCR'd page 6 pt is no title
    out = R._paragraphs([title, bold14, ocr_title] + body, "a.pdf")
    blocks = [b for _, _, b in out]
    assert [(b.kind, b.level) for b in blocks[:3]] == [(BlockKind.heading, 1), (BlockKind.heading, 2),
                                                              (BlockKind.heading, 2)]


def test_a_typed_bullet_item_keeps_its_bold():
    block = R._block_of("- Seminar on care", Provenance(file="a.pdf"), heading=False, heading_level=2, italic=False,
                        bold=True)
    assert (block.kind, block.label, block.text, block.bold) == (BlockKind.list_item, "-", "Seminar on care", True)


# --- a broken or locked PDF -------------------------------------------------------------------------


def _problem(name: str, password: str | None = None, data: bytes | None = None) -> tuple[str, str]:
    path = BAD / name
    with pytest.raises(UnreadableFile) as caught:
        R._open(path, data if data is not None else path.read_bytes(), password)
    return caught.value.path, caught.value.problem


def test_a_locked_pdf_without_its_password_or_with_a_wrong_one():
    path = str(BAD / "encrypted.pdf")
    assert _problem("encrypted.pdf") == (path, "password-protected PDF: give its password with --password")
    assert _problem("encrypted.pdf", "guess") == (path, "PDF password is wrong")
    pdf = R._open(BAD / "encrypted.pdf", (BAD / "encrypted.pdf").read_bytes(), "secret")
    assert len(pdf.pages) >= 1
    pdf.close()


def test_a_cut_or_damaged_pdf():
    assert _problem("x.pdf", data=b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n") == (
        str(BAD / "x.pdf"), "truncated PDF: no %%EOF end marker (the file was cut short)")
    path, problem = _problem("x.pdf", data=b"%PDF-1.4\nnothing here at all\n%%EOF\n")
    assert path == str(BAD / "x.pdf") and problem.startswith("damaged or truncated PDF (")


# --- a page's table and the fast tokenizer -------------------------------------------------------------


def test_a_tables_top_and_rows_on_its_page():
    grid = (b"0.5 w 100 600 m 300 600 l S 100 580 m 300 580 l S 100 560 m 300 560 l S "
            b"100 600 m 100 560 l S 200 600 m 200 560 l S 300 600 m 300 560 l S\n"
            b"BT /F1 10 Tf 110 585 Td (Date) Tj 100 0 Td (Place) Tj ET\n"
            b"BT /F1 10 Tf 110 565 Td (2009) Tj 100 0 Td (Riga) Tj ET\n"
            b"BT /F1 10 Tf 72 700 Td (Meetings of the year) Tj ET")
    page = pdfplumber.open(io.BytesIO(make_pdf(grid))).pages[0]
    lines, tables = R._read_page(page, 1)
    assert [ln.text for ln in lines] == ["Meetings of the year"]
    (table,) = tables
    assert (table.top, table.bottom, table.rows) == (792 - 600, 792 - 560, [["Date", "Place"], ["2009", "Riga"]])


def test_kerning_under_horizontal_scaling_and_a_mediabox_from_x_one():
    from pipeline.readers.pdf_fast import lean_objects, page_objects

    stream = b"BT /F1 12 Tf 80 Tz 72 720 Td [(Ke) 120 (rned)] TJ ET"
    page = pdfplumber.open(io.BytesIO(make_pdf(stream, mediabox=b"1 0 613 792"))).pages[0]
    chars = page_objects(page, page.process_object)["char"]
    assert chars[0]["x0"] == pytest.approx(72)  # where Td put it: the mediabox's origin is added back
    # a kern of 120/1000 em at 12 pt, scaled to 80%: "r" starts 1.152 pt left of where "e" ends
    assert chars[2]["x0"] == pytest.approx(chars[1]["x1"] - 1.152)
    assert chars == lean_objects(R._page_objects(page))["char"]


def test_a_tj_array_of_hex_strings_and_a_decimal_number():
    from pipeline.readers.pdf_fast import _text_array

    assert _text_array(b"<48> -12.5 <69> 3") == [b"H", -12.5, b"i", 3]


def _c(text, x0, x1, top=100.0, size=25.0):
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + size, "doctop": top, "size": size,
            "upright": True}


def test_a_gap_as_wide_as_the_word_gap_and_a_top_three_points_off_stay_in_the_word():
    # gaps 0 and 3 pt at 25 pt: the letter gap is 0 and the word gap 0.12 x 25 = 3 pt; a gap of 3 is no wider
    assert [w["text"] for w in R._gap_words([_c("a", 0, 5), _c("b", 5, 10), _c("c", 13, 18)])] == ["abc"]
    assert [w["text"] for w in R._gap_words([_c("a", 0, 5), _c("b", 5, 10), _c("c", 13.5, 18)])] == ["ab", "c"]
    # a char 3 pt above its neighbour (pdfplumber's y tolerance) is in the same word; more is not
    assert [w["text"] for w in R._gap_words([_c("a", 0, 5), _c("b", 5, 10, top=103.0)])] == ["ab"]


def test_tokens_of_an_array_and_a_dictionary():
    from pdfminer.psparser import LIT

    from pipeline.readers.pdf_fast import _tokens

    # "[3 2]" is read as a text array (numbers only); "[/A 1]", with a name in it, as an array of objects
    assert list(_tokens(b"[3 2] 0 d /P << /MCID 3 /Name /Plain /Alt [/A 1] >> BDC")) == [
        [3, 2], 0, "d", LIT("P"), {"MCID": 3, "Name": LIT("Plain"), "Alt": [LIT("A"), 1]}, "BDC"]


def test_a_paragraph_cut_by_a_page_break_is_joined_back():
    from schemas.document import Block

    def para(text, page):
        return Block(kind=BlockKind.paragraph, text=text, prov=Provenance(file="a.pdf", page=page))

    out = R._merge_in_order([(1, 0.0, para("The group met in", 1)), (2, 0.0, para("(Riga) in May and", 2)),
                             (4, 0.0, para("in Oslo in June.", 4))], [])
    assert [b.text for b in out] == ["The group met in (Riga) in May and", "in Oslo in June."]  # 4 is not the next page


def _rotated(content: bytes, angle: int) -> bytes:
    """make_pdf's page turned by /Rotate (written after the mediabox, inside the page's dictionary)."""
    return make_pdf(content, mediabox=b"0 0 612 792] /Rotate %d /Unused [0" % angle)


def test_a_page_turned_upside_down_and_an_unknown_operator_are_read_fast_and_the_same():
    from pipeline.readers.pdf_fast import lean_objects, page_objects

    stream = b"BT /F1 12 Tf 72 720 Td (Upside) Tj ET 1 2 zz 0.5 w 50 700 m 300 700 l S"
    page = pdfplumber.open(io.BytesIO(_rotated(stream, 180))).pages[0]
    fast = page_objects(page, page.process_object)
    assert fast is not None and "".join(c["text"] for c in fast["char"]) == "Upside"
    assert fast == lean_objects(R._page_objects(page))
    lines_only = pdfplumber.open(io.BytesIO(_rotated(b"0.5 w 50 700 m 300 700 l S", 270))).pages[0]
    fast = page_objects(lines_only, lines_only.process_object)
    assert fast is not None and fast == lean_objects(R._page_objects(lines_only))
