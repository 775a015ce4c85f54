"""OCR's pieces (pipeline/readers/ocr.py) on small inputs: Tesseract's TSV, the thresholds that drop
speckle, the DPI under the pixel limit, the reasons in words, tables from ruling lines, and one real
page image drawn here (PIL, DejaVu Sans) and read by Tesseract, level and turned. Expected values
written by hand."""
from __future__ import annotations

import numpy as np
import pytest

from pipeline.readers import ocr
from pipeline.readers.page_layout import PageTable
from schemas.document import Block, BlockKind, Provenance, TableRow

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
needs_tesseract = pytest.mark.skipif(ocr.tesseract_path() is None, reason="Tesseract is not installed")


@pytest.fixture(autouse=True)
def ocr_auto():
    ocr.set_mode("auto", 1)
    yield
    ocr.set_mode("auto", 1)


# -- settings and reasons ---------------------------------------------------------------------------

def test_set_mode():
    ocr.set_mode("force", 0)
    assert ocr.SETTINGS == {"mode": "force", "threads": 1}
    ocr.set_mode(None, 3)
    assert ocr.SETTINGS == {"mode": "force", "threads": 3}
    ocr.set_mode("off")
    assert ocr.SETTINGS == {"mode": "off", "threads": 3}
    with pytest.raises(ValueError, match=r"^--ocr must be one of auto, off, force$"):
        ocr.set_mode("sometimes")
    assert ocr.SETTINGS["mode"] == "off"


def test_text_layer_is_garbage_at_its_thresholds():
    assert ocr.text_layer_is_garbage("")
    # one (cid:NN) counts 8 characters; garbage while 8 > a fifth of the characters
    assert ocr.text_layer_is_garbage("(cid:1)" + "a" * 32)
    assert not ocr.text_layer_is_garbage("(cid:1)" + "a" * 33)
    # letters under half of at least 20 characters
    assert ocr.text_layer_is_garbage("abcdefghi" + "1234567890!")
    assert not ocr.text_layer_is_garbage("abcdefghij" + "1234567890")
    assert not ocr.text_layer_is_garbage("a" + "1" * 18)  # 19 characters: too few to judge


def _line(text):
    from pipeline.readers.page_layout import Line

    return Line(page=1, text=text, x0=0, top=0, bottom=10, size=10, bold=False, italic=False)


def test_page_needs_ocr_by_mode():
    good = [_line("Meetings of the national contact points in spring 2009.")]
    table = [PageTable(page=1, top=0, bottom=1, rows=[["Meetings of the national contact points in spring 2009."]])]
    assert not ocr.page_needs_ocr(good, [])
    assert not ocr.page_needs_ocr([], table)
    assert ocr.page_needs_ocr([], [])
    assert ocr.page_needs_ocr([_line("(cid:41)(cid:72)")], [])
    ocr.set_mode("force")
    assert ocr.page_needs_ocr(good, [])
    ocr.set_mode("off")
    assert not ocr.page_needs_ocr([], [])


def test_no_text_reason(monkeypatch):
    assert ocr.no_text_reason(3, []) == ("no readable text: no text layer, and OCR found no text on its 3 page(s) "
                                         "(blank pages, or images without legible text)")
    pages = [ocr.OcrPage(page=1), ocr.OcrPage(page=2, dpi=150), ocr.OcrPage(page=3, dpi=100)]
    assert ocr.no_text_reason(9, pages) == (
        "no readable text: no text layer, and OCR found no text on its 3 page(s) (blank pages, or images without "
        "legible text); page 2 is too big for 300 dpi and was read at 150 dpi (--max-page-pixels)")
    assert ocr.no_text_reason(1, [ocr.OcrPage(page=1, dpi=300)]).endswith("legible text)")
    monkeypatch.setattr(ocr, "tesseract_path", lambda: None)
    assert ocr.no_text_reason(3, []) == "no text layer, and OCR needs Tesseract: apt-get install tesseract-ocr"
    ocr.set_mode("off")
    assert ocr.no_text_reason(3, []) == "no text layer: OCR is not enabled"


def test_read_pages_without_tesseract_or_pages(monkeypatch):
    class Doc:
        def __init__(self):
            self.warnings = []

    doc = Doc()
    assert ocr.read_pages("x.pdf", b"", [], {}, doc) == [] and doc.warnings == []
    monkeypatch.setattr(ocr, "tesseract_path", lambda: None)
    assert ocr.read_pages("x.pdf", b"", [2, 5], {2: 792, 5: 792}, doc) == []
    assert doc.warnings == ["2 page(s) have no text layer and were skipped: OCR needs Tesseract"]


def test_read_pages_warns_of_a_page_read_coarser(monkeypatch):
    from PIL import Image

    class Doc:
        def __init__(self):
            self.warnings = []

    def render(path, data, pages):
        out = []
        for p in pages:
            image = Image.new("L", (10, 10), 255)
            image.info["dpi"] = (150, 150)
            if p == 2:
                image.info["pixels_at_full_dpi"] = 1_234_567_890
            out.append(image)
        return out

    seen = []
    monkeypatch.setattr(ocr, "english_words", lambda: frozenset())
    monkeypatch.setattr(ocr, "_render", render)
    monkeypatch.setattr(ocr, "ocr_image", lambda image, pno, height: seen.append((pno, height)) or
                        ocr.OcrPage(page=pno, confidence=0.6))
    ocr.set_mode("auto", 2)
    doc = Doc()
    pages = ocr.read_pages("x.pdf", b"", [1, 2, 3, 4, 5], {1: 10, 2: 20, 3: 30, 4: 40, 5: 50}, doc)
    assert [p.page for p in pages] == [1, 2, 3, 4, 5]
    assert sorted(seen) == [(1, 10), (2, 20), (3, 30), (4, 40), (5, 50)]
    # 0.60 is not low
    assert doc.warnings == ["page 2 needs 1.2 GB of pixels at 300 dpi; read at 150 dpi (--max-page-pixels)"]


@pytest.mark.parametrize("width, height, dpi", [
    (595, 842, 300),  # A4
    (842, 1191, 300),  # A3: 17.4 M pixels
    (1200, 1200, 300),  # exactly 25 M pixels: the limit
    (1200, 1200.1, 299),  # just past it
    (2400, 2400, 150),  # four times the pixels: half the DPI
    (100_000, 100_000, 10),  # never under MIN_DPI
])
def test_page_dpi_under_the_pixel_limit(width, height, dpi):
    assert ocr.page_dpi(width, height) == dpi


def test_mark_blocks():
    def block(page, row_pages=()):
        rows = [TableRow(cells=["x"], index=0, pages=list(row_pages))] if row_pages else []
        return Block(kind=BlockKind.table if rows else BlockKind.paragraph, text="x", rows=rows,
                     prov=Provenance(file="s.pdf", page=page))

    blocks = [block(1), block(2), block(3), block(1, [1, 2]), block(4)]
    pages = [ocr.OcrPage(page=1, confidence=0.91234), ocr.OcrPage(page=2, confidence=0.4567),
             ocr.OcrPage(page=3, confidence=None)]
    ocr.mark_blocks(blocks, pages)
    assert [(b.prov.ocr, b.prov.ocr_confidence) for b in blocks] == [
        (True, 0.912), (True, 0.457), (False, None), (True, 0.457), (False, None)]


# -- TSV ---------------------------------------------------------------------------------------------

HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"


def _tsv_row(text, conf, level=5, box=(10, 20, 30, 40), key=(1, 2, 3)):
    return "\t".join(str(v) for v in (level, 1, *key, 1, *box, conf, text))


def test_parse_tsv():
    rows = [
        _tsv_row("Hello", 95.5),
        _tsv_row("", 95),  # no text
        _tsv_row("Block", -1),  # a block's row carries conf -1
        _tsv_row("Line", 90, level=4),
        "5\t1\t1\t1\t1\t1\t10\t20\t30\t40\t90",  # short row
        _tsv_row("a1", 20, box=(1, 2, 3, 4), key=(4, 5, 6)),  # letters or digits: kept from 20
        _tsv_row("b2", 19.9),
        _tsv_row("-", 30, box=(5, 6, 7, 8)),  # punctuation that is text: kept from 30
        _tsv_row("&", 29.9),
        _tsv_row("~", 99),  # speckle
        _tsv_row(" •  ", 50, box=(0, 0, 1, 1)),
    ]
    words = ocr.parse_tsv("\n".join([HEADER] + rows))
    assert words == [
        ocr.Word("Hello", 10, 20, 40, 60, 95.5, (1, 2, 3)),
        ocr.Word("a1", 1, 2, 4, 6, 20.0, (4, 5, 6)),
        ocr.Word("-", 5, 6, 12, 14, 30.0, (1, 2, 3)),
        ocr.Word("•", 0, 0, 1, 1, 50.0, (1, 2, 3)),
    ]
    assert ocr.parse_tsv(_tsv_row("Hello", 90)) == []  # the first line is the header
    w = words[0]
    assert (w.cx, w.cy) == (25.0, 40.0)


# -- words -> lines ------------------------------------------------------------------------------------

def _word(text, x0, top, x1=None, bottom=None, conf=90):
    return ocr.Word(text, x0, top, x1 if x1 is not None else x0 + 20 * len(text), bottom if bottom is not None else top + 30,
                    conf, (1, 1, 1))


def test_bullet_lookalike_set_apart_is_a_bullet():
    e, text = _word("e", 100, 0, 120, 30), _word("Text", 145, 0, 225, 30)  # gap 25 > 0.8 * 30
    assert ocr._bullet_fixed(["e", "Text"], [e, text]) == ["•", "Text"]
    near = _word("Text", 143, 0, 223, 30)  # gap 23 < 24
    assert ocr._bullet_fixed(["e", "Text"], [e, near]) == ["e", "Text"]
    at = _word("Text", 144, 0, 224, 30)  # gap 24: not more than 0.8 of the height
    assert ocr._bullet_fixed(["e", "Text"], [e, at]) == ["e", "Text"]
    assert ocr._bullet_fixed(["x", "Text"], [_word("x", 100, 0, 120, 30), text]) == ["x", "Text"]
    assert ocr._bullet_fixed(["ee", "Text"], [_word("ee", 100, 0, 120, 30), text]) == ["ee", "Text"]
    assert ocr._bullet_fixed(["e"], [e]) == ["e"]


def _ink_with_blob(x0, y0, w, h, fill=True):
    ink = np.zeros((200, 400), dtype=bool)
    if fill:
        ink[y0:y0 + h, x0:x0 + w] = True
    else:  # a ring: too little ink for its box
        ink[y0:y0 + h, x0] = ink[y0:y0 + h, x0 + w - 1] = True
        ink[y0, x0:x0 + w] = ink[y0 + h - 1, x0:x0 + w] = True
    return ink


def test_a_bullet_is_a_small_solid_blob_left_of_the_first_word():
    first = _word("Text", 200, 50, 280, 90)
    body = 40  # a bullet is 6 to 24 pixels wide and high, within 160 pixels left of the word
    assert ocr._bullet_left_of(_ink_with_blob(150, 60, 12, 12), first, body)
    assert ocr._bullet_left_of(_ink_with_blob(150, 60, 6, 6), first, body)
    assert not ocr._bullet_left_of(_ink_with_blob(150, 60, 5, 5), first, body)  # speckle
    assert ocr._bullet_left_of(_ink_with_blob(150, 55, 24, 24), first, body)
    assert not ocr._bullet_left_of(_ink_with_blob(150, 55, 25, 25), first, body)  # a letter or a box
    assert not ocr._bullet_left_of(_ink_with_blob(150, 55, 20, 20, fill=False), first, body)  # hollow
    assert not ocr._bullet_left_of(_ink_with_blob(150, 60, 12, 12, fill=False) & False, first, body)  # no ink
    assert not ocr._bullet_left_of(_ink_with_blob(30, 60, 12, 12), first, body)  # further than 4 lines' height
    assert not ocr._bullet_left_of(_ink_with_blob(196, 60, 4, 12), first, body)  # inside the 2-pixel gap and the word
    hugging = _word("Text", 4, 50, 80, 90)
    assert not ocr._bullet_left_of(_ink_with_blob(0, 60, 2, 12), hugging, body)  # no room left of the word


def test_words_to_lines_rows_sizes_and_labels():
    assert ocr.words_to_lines([], 1, 842.0) == []
    words = []
    for n in range(6):  # six body lines, 50 pixels apart
        words += [_word("Body", 300, 400 + 50 * n), _word("text", 400, 400 + 50 * n), _word("here", 500, 400 + 50 * n)]
    words += [_word("Big", 300, 200, bottom=260), _word("Title", 380, 200, bottom=260)]  # twice the height: a title
    words += [_word("-", 250, 800), _word("2)", 300, 800), _word("Train", 360, 800), _word("guards", 480, 800)]
    words += [_word("—4)", 300, 850), _word("Fund", 400, 850)]
    lines = ocr.words_to_lines(words, 3, 842.0)
    got = [(ln.page, ln.text, ln.size) for ln in lines]
    assert got == [(3, "Big Title", 22.0)] + [(3, "Body text here", 11.0)] * 6 + [
        (3, "2) Train guards", 11.0), (3, "4) Fund", 11.0)]
    assert [ln.x0 for ln in lines[:3]] == [300 * ocr.PT_PER_PX, 300 * ocr.PT_PER_PX, 300 * ocr.PT_PER_PX]
    assert lines[1].top == 400 * ocr.PT_PER_PX
    # a line's bottom: the pitch of 50 pixels (12 pt) times 1.1, less 0.45 of the body size
    assert lines[1].bottom == pytest.approx(400 * ocr.PT_PER_PX + 1.1 * 12 - 0.45 * 11)
    assert all(ln.ocr and ln.page_height == 842.0 and not ln.bold and not ln.italic for ln in lines)


def test_words_to_lines_strips_speckle_in_the_margins_only():
    words = [_word("Ministry", 300, 50), _word("|", 500, 50), _word("4,", 540, 50),  # the top 9% of 842 pt (316 px)
             _word("Body,", 300, 1500), _word("text,", 420, 1500),
             _word("Footer", 300, 3400), _word("’", 450, 3400)]
    assert [ln.text for ln in ocr.words_to_lines(words, 1, 842.0)] == ["Ministry | 4", "Body, text,", "Footer"]
    only_speckle = [_word(",", 300, 50), _word("Body", 300, 1500)]
    assert [ln.text for ln in ocr.words_to_lines(only_speckle, 1, 842.0)] == [",", "Body"]


def test_words_to_lines_adds_the_bullet_tesseract_dropped():
    ink = np.zeros((1200, 1000), dtype=bool)
    ink[410:422, 250:262] = True  # a 12-pixel dot left of the first line
    words = [_word("First", 300, 400), _word("item", 420, 400), _word("Second", 300, 450), _word("item", 440, 450)]
    lines = ocr.words_to_lines(words, 1, 842.0, ink)
    assert [ln.text for ln in lines] == ["• First item", "Second item"]
    lines = ocr.words_to_lines([_word("•", 250, 400), _word("First", 300, 400)], 1, 842.0, ink)
    assert [ln.text for ln in lines] == ["• First"]


# -- tables -------------------------------------------------------------------------------------------------

def test_cluster():
    assert ocr._cluster([11, 1, 3, 2, 10], 1) == [2.0, 10.5]
    assert ocr._cluster([0, 2], 2) == [1.0]
    assert ocr._cluster([0, 2], 1.9) == [0.0, 2.0]
    assert ocr._cluster([], 5) == []


def test_cell_text():
    assert ocr._cell_text([]) == ""
    words = [_word("ordinators", 100, 40, bottom=70), _word("Co-", 100, 0), _word("the", 200, 0, bottom=28),
             _word("and", 40, 45, bottom=75)]
    assert ocr._cell_text(words) == "Co- the and ordinators"
    wrapped = [_word("Co-", 100, 0), _word("ordinators", 100, 40, bottom=70)]
    assert ocr._cell_text(wrapped) == "Co-ordinators"
    # a box centre within half a word's height of the line's last centre is on that line
    assert ocr._cell_text([_word("a", 0, 0), _word("b", 50, 15)]) == "a b"
    assert ocr._cell_text([_word("a", 50, 0), _word("b", 0, 16)]) == "a b"
    assert ocr._cell_text([_word("b", 50, 0), _word("a", 0, 15)]) == "a b"


def test_grid_rows():
    grid = ocr.Grid(xs=[0, 100, 200], ys=[0, 50, 100])
    words = [_word("a", 10, 5, 30, 25), _word("b", 110, 5, 130, 25), _word("c", 10, 60, 30, 80),
             _word("out", 300, 5, 320, 25), _word("below", 10, 120, 30, 140), _word("d", 40, 60, 60, 80),
             _word("edge", 190, 90, 210, 110)]  # centre (200, 100): the grid's corner, inside
    rows, used = ocr.grid_rows(grid, words)
    assert rows == [["a", "b"], ["c d", "edge"]]
    assert used == {0, 1, 2, 5, 6}
    assert (grid.top, grid.bottom) == (0, 100)


def test_similar_and_repeated_headers():
    assert ocr._similar(["Member state", "Activity"], ["Member State:", "Activlty"])
    assert not ocr._similar(["Country", "Budget"], ["Member state", "Activity"])
    first = PageTable(page=1, top=0, bottom=1, rows=[["Member state", "Activity"], ["LV", "a"]])
    three = PageTable(page=2, top=0, bottom=1, rows=[["A", "B", "C"]])
    again = PageTable(page=3, top=0, bottom=1, rows=[["A", "B.", "C"]])
    ocr._align_repeated_headers([first, three, again])
    assert again.rows[0] == ["A", "B", "C"]  # the header of the last table of its width


def _ruled(width=1200, height=700, xs=(100, 450, 800, 1100), ys=(250, 400, 550), thick=3):
    ink = np.zeros((height, width), dtype=bool)
    for y in ys:
        ink[y:y + thick, xs[0]:xs[-1] + thick] = True
    for x in xs:
        ink[ys[0]:ys[-1] + thick, x:x + thick] = True
    return ink


def test_find_tables_from_ruling_lines():
    grids = ocr.find_tables(_ruled())
    assert len(grids) == 1
    g = grids[0]
    assert [round(x) for x in g.xs] == [101, 451, 801, 1101]
    assert len(g.ys) == 3 and all(abs(a - b) <= 10 for a, b in zip(g.ys, (251, 401, 551)))
    # two columns of rulings (a box) make no table; nor do short rulings
    assert ocr.find_tables(_ruled(xs=(100, 1100))) == []
    assert ocr.find_tables(_ruled(ys=(250, 350), xs=(100, 200, 300))) == []
    assert ocr.find_tables(np.zeros((100, 100), dtype=bool)) == []


def test_segments_merge_a_line_a_pixel_off_level():
    mask = np.zeros((20, 400), dtype=bool)
    mask[5, 0:200] = True
    mask[6, 200:400] = True  # the same rule, a pixel lower from its middle
    mask[15, 0:50] = True  # too short
    segs = ocr._segments(mask, 300)
    assert len(segs) == 1
    pos, start, end = segs[0]
    assert 4 <= pos <= 7 and start == 0 and end == 400


# -- a page image read by Tesseract ----------------------------------------------------------------------

def _page_image(angle=0.0):
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1200, 700), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 40)
    draw.text((100, 80), "Annual meeting of the group", font=font, fill=0)
    for y in (250, 400, 550):
        draw.rectangle([100, y, 1103, y + 3], fill=0)
    for x in (100, 450, 800, 1100):
        draw.rectangle([x, 250, x + 3, 553], fill=0)
    for x, y, text in ((130, 300, "Country"), (480, 300, "Activity"), (830, 300, "Year"),
                       (130, 450, "Latvia"), (480, 450, "Training"), (830, 450, "2009")):
        draw.text((x, y), text, font=font, fill=0)
    if angle:
        image = image.rotate(angle, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=255)
    image.info["dpi"] = (300, 300)
    return image


@needs_tesseract
def test_a_page_image_is_read_into_lines_and_a_table():
    page = ocr.ocr_image(_page_image(), 4, 700 * 72 / 300)
    assert (page.page, page.dpi) == (4, 300)
    assert [t.rows for t in page.tables] == [[["Country", "Activity", "Year"], ["Latvia", "Training", "2009"]]]
    assert [ln.text for ln in page.lines] == ["Annual meeting of the group"]
    assert page.words == 11 and 0.8 < page.confidence <= 1.0
    table = page.tables[0]
    # the rows' bounds: the vertical rulings' extent (235-569 px, their runs of 135 dark pixels in 150) clustered
    # with the horizontal rulings (251.5 and 551.5 px) within 25 px: 243.25 and 560.25 px, in points
    assert (table.page, round(table.top, 2), round(table.bottom, 2)) == (4, 58.38, 134.46)
    assert 100 < table.content_bottom < 0.91 * 168


@needs_tesseract
def test_a_page_scanned_askew_is_levelled_before_it_is_read():
    image = _page_image(angle=1.5)
    level = ocr.deskew(image)
    assert level is not image
    ink = np.asarray(level)[230:275] < 128  # the table's top rule, between the vertical rulings
    ys = np.nonzero(np.concatenate([ink[:, 110:440], ink[:, 460:790], ink[:, 810:1090]], axis=1))[0]
    assert ys.max() - ys.min() <= 8  # turned 1.5 degrees, it would fall 26 pixels over 980
    page = ocr.ocr_image(image, 1, 168.0)
    assert [t.rows for t in page.tables] == [[["Country", "Activity", "Year"], ["Latvia", "Training", "2009"]]]


def test_deskew_leaves_a_level_or_empty_page_alone():
    from PIL import Image

    blank = Image.new("L", (300, 200), 255)
    assert ocr.deskew(blank) is blank
    image = Image.new("L", (1600, 600), 255)  # wide enough that 0.05 degrees moves the rule's end a row
    image.paste(0, (20, 100, 1580, 104))
    assert ocr.deskew(image) is image
