"""PDF reader (pdfplumber): text in reading order, tables from pdfplumber's table finder.

Each page goes through `_read_page` -> text lines (words split by the line's own glyph gaps,
columns read one after the other) and tables (grids of 2+ rows and 2+ columns). Lines become
paragraphs, headings, footnotes, code blocks and list items (labels and indent levels as the
.docx reader gives them). docs/architecture.md, "PDF text", has the rules and their reasons.

A table that runs on over a page break is joined into one: the header row the layout engine
repeats on each page is dropped, and a row the break split in two is joined back. Running
headers, footers and page numbers are removed from the body.
"""
from __future__ import annotations

import io
import logging
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter, sub
from pathlib import Path

from schemas.errors import UnreadableFile
from pipeline.limits import cap_pdf_streams
from pipeline.readers import PDF_PASSWORD, ocr, register
from pipeline.readers.labels import BULLET_CHARS, block_from_text, roman_value, split_label
from pipeline.readers.page_layout import MARGIN_SHARE, Line, PageTable
from pipeline.readers.pdf_fast import page_objects as fast_page_objects
from schemas.document import Block, BlockKind, Document, Provenance, TableRow

# pdfminer logs every oddity of a damaged file as a warning; planscope reports a file once, in one line.
for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).setLevel(logging.ERROR)

PAGE_NUMBER_RE = re.compile(r"^(page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(\s*(of|/)\s*\d{1,4})?$", re.I)


@dataclass
class _Para:
    lines: list[Line] = field(default_factory=list)


def _open(path: Path, data: bytes, password: str | None):
    import pdfplumber

    if b"%%EOF" not in data[-2048:]:
        raise UnreadableFile(str(path), "truncated PDF: no %%EOF end marker (the file was cut short)")
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
        _ = len(pdf.pages)
        return pdf
    except PDFPasswordIncorrect:
        if password:
            raise UnreadableFile(str(path), "PDF password is wrong") from None
        raise UnreadableFile(str(path), "password-protected PDF: give its password with --password") from None
    except Exception as exc:  # pdfminer raises many types for damaged files
        if any(isinstance(a, PDFPasswordIncorrect) for a in exc.args) or isinstance(exc.__context__, PDFPasswordIncorrect):
            if password:
                raise UnreadableFile(str(path), "PDF password is wrong") from None
            raise UnreadableFile(str(path), "password-protected PDF: give its password with --password") from None
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name:
            raise UnreadableFile(str(path), "password-protected PDF: give its password with --password") from None
        raise UnreadableFile(str(path), f"damaged or truncated PDF ({name}: {exc})".rstrip()) from None


@register("pdf")
def read_pdf(path: Path, data: bytes, sha256: str) -> Document:
    cap_pdf_streams()  # pdfminer inflates each stream at most to --max-unpacked
    pdf = _open(path, data, PDF_PASSWORD["value"])
    doc = Document(path=str(path), name=path.name, format="pdf", sha256=sha256)
    lines: list[Line] = []
    tables: list[PageTable] = []
    scanned: dict[int, float] = {}  # OCR hook: pages with no usable text layer -> page height
    try:
        doc.pages = len(pdf.pages)
        for pno, page in enumerate(pdf.pages, 1):
            page_lines, page_tables = _read_page(page, pno)
            _warn_run_together(doc, page_lines, pno)
            if ocr.page_needs_ocr(page_lines, page_tables):
                scanned[pno] = page.height
            else:
                lines.extend(page_lines)
                tables.extend(page_tables)
            page.flush_cache()  # keep memory flat on long files
    except UnreadableFile:
        raise
    except Exception as exc:
        raise UnreadableFile(str(path), f"damaged PDF: cannot read page content ({type(exc).__name__}: {exc})") from None
    finally:
        pdf.close()
    ocr_pages = ocr.read_pages(path, data, list(scanned), scanned, doc)
    if ocr_pages:  # OCR'd pages slot in among the text pages, in page order
        lines = sorted(lines + [ln for p in ocr_pages for ln in p.lines], key=lambda ln: ln.page)
        tables = sorted(tables + [t for p in ocr_pages for t in p.tables], key=lambda t: t.page)
    if not lines and not tables:
        raise UnreadableFile(str(path), ocr.no_text_reason(doc.pages or 0, ocr_pages))
    furniture, body = _split_furniture(lines)
    doc.furniture = furniture
    doc.blocks = _merge_in_order(_paragraphs(body, path.name), _join_tables(tables, path.name))
    ocr.mark_blocks(doc.blocks, ocr_pages)
    return doc


def _read_page(page, pno: int) -> tuple[list[Line], list[PageTable]]:
    """One page -> its text lines (in reading order) and its tables."""
    # pdfplumber's page.objects: by pdf_fast's tokenizer where it can, else by pdfminer's, the chars
    # made the lean way either way
    objects = fast_page_objects(page, page.process_object)
    page._objects = objects if objects is not None else _page_objects(page)
    # The table finder (lines strategy) builds tables from ruling lines only: a page without
    # them has none, and finding that out costs more than reading the page.
    found = [t for t in page.find_tables() if _is_real_table(t)] if page.edges else []
    boxes = [t.bbox for t in found]
    words = _extract_words(page)
    outside = [w for w in words if not any(_inside(w, b) for b in boxes)]
    lines = _order_columns(_words_to_lines(outside, pno, page.height), page.width)
    content_bottom = max((w["bottom"] for w in words if w["bottom"] < page.height * (1 - MARGIN_SHARE)), default=0)
    tables = []
    index = _char_index(page.chars) if found else None  # each char's centre once a page, not once a table
    for t in found:
        rows = [[_cell_text(c) for c in row] for row in _extract_table(t, index)]
        rows = [r for r in rows if any(c for c in r)]
        if rows:
            tables.append(PageTable(page=pno, top=t.bbox[1], bottom=t.bbox[3], rows=rows, content_bottom=content_bottom,
                                    order=_table_order(t.bbox, lines)))
    return lines, tables


def _page_objects(page) -> dict[str, list[dict]]:
    """What pdfplumber's `page.objects` holds, for the attributes this reader uses: lines, rects
    and curves by pdfplumber itself; chars, thousands a page, by `_char`, which copies the
    same values without pdfplumber's per-attribute conversion (half the time of a page)."""
    from pdfminer.layout import LTChar, LTContainer

    objects: dict[str, list[dict]] = {}
    keep_containers = page.pdf.laparams is not None
    mb_x0, mb_top = page.mediabox[:2]

    def add(obj: dict) -> None:
        if obj["object_type"] != "anno":
            objects.setdefault(obj["object_type"], []).append(obj)

    def walk(items) -> None:
        for obj in items:
            if isinstance(obj, LTChar):
                objects.setdefault("char", []).append(_char(page, obj, mb_x0, mb_top))
            elif isinstance(obj, LTContainer):
                if keep_containers:
                    add(page.process_object(obj))
                walk(obj._objs)
            else:
                add(page.process_object(obj))

    walk(page.layout._objs)
    return objects


def _char(page, obj, mb_x0: float, mb_top: float) -> dict:
    """pdfplumber's char dict (Page.process_object) for the keys the word extractor and this reader read."""
    text = obj.get_text()
    if page.pdf.unicode_norm is not None:
        import unicodedata

        text = unicodedata.normalize(page.pdf.unicode_norm, text)
    fontname = obj.fontname
    if isinstance(fontname, bytes):
        from pdfplumber.page import fix_fontname_bytes

        fontname = fix_fontname_bytes(fontname)
    top = (page.height - obj.y1) + mb_top
    x0, x1 = (obj.x0 + mb_x0, obj.x1 + mb_x0) if mb_x0 != 0 else (obj.x0, obj.x1)
    return {"object_type": "char", "page_number": page.page_number, "text": text, "fontname": fontname,
            "size": obj.size, "upright": obj.upright, "adv": obj.adv, "matrix": obj.matrix,
            "x0": x0, "x1": x1, "y0": obj.y0, "y1": obj.y1, "width": obj.width, "height": obj.height,
            "top": top, "bottom": (page.height - obj.y0) + mb_top, "doctop": page.initial_doctop + top}


def _warn_run_together(doc: Document, lines: list[Line], pno: int) -> None:
    long_words = run_together_words(lines)
    if long_words:
        doc.warnings.append(f"page {pno}: {len(long_words)} word(s) over {LONG_WORD} letters, words may have run "
                            f"together (e.g. {long_words[0][:40]!r})")


def _is_real_table(table) -> bool:
    """A grid of at least two rows and two columns. A framed or shaded box around a code listing,
    a formula or a note is one cell wide or one row high: its text is read as text."""
    rows = table.rows
    return len(rows) >= 2 and max((len(r.cells) for r in rows), default=0) >= 2


# --- words -------------------------------------------------------------------------------------
# pdfplumber joins two glyphs into one word when the gap between them is under x_tolerance (3 pt by
# default). Many PDFs carry no space glyphs at all and set words 1-2 pt apart, so a fixed tolerance
# runs whole lines together. The gap that separates words is instead measured per line, relative to
# the font size and to that line's own letter spacing.
WORD_GAP_EM = 0.12  # a gap this much wider (in ems) than the line's usual letter gap separates words
LONG_WORD = 30  # letters; a "word" longer than this on a page of prose means words ran together


def _extract_words(page) -> list[dict]:
    return _gap_words(page.chars, ("fontname", "size"))


LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}  # pdfplumber's
Y_TOLERANCE = 3  # pdfplumber's default: chars whose tops are this close (chained) share a line


def _gap_words(chars: list[dict], extra_attrs: tuple[str, ...] = ()) -> list[dict]:
    """`_GapWordExtractor(extra_attrs=...).extract_words(chars)`, the same words (same dicts, same
    order, same floats), faster: pdfplumber's steps (runs of chars with the same upright and extra
    attributes; each run clustered into lines by top; a line sorted by x0 and cut into words where a
    char starts left of the previous one, past its right edge plus the line's word gap, or off its
    top; blanks end a word, an empty char is a word of its own) written out for upright text. A
    page with rotated chars goes through pdfplumber's extractor itself. tests/test_pdf_fast.py
    compares the two."""
    if not chars:
        return []
    if not all(map(itemgetter("upright"), chars)):
        return _GapWordExtractor(extra_attrs=list(extra_attrs)).extract_words(chars)
    words: list[dict] = []
    ligatures = LIGATURES
    get_x0, get_top, get_x1, get_bottom, get_text = (itemgetter(k) for k in ("x0", "top", "x1", "bottom", "text"))

    def merge(run: list[dict]) -> None:  # WordExtractor.merge_chars
        first = run[0]
        if len(run) == 1:
            x0, top, x1, bottom = first["x0"], first["top"], first["x1"], first["bottom"]
            text = ligatures.get(first["text"], first["text"] or "")
        else:  # the same min and max over the same values in the same order, read by itemgetter
            x0, top = min(map(get_x0, run)), min(map(get_top, run))
            x1, bottom = max(map(get_x1, run)), max(map(get_bottom, run))
            texts = list(map(get_text, run))
            if all(texts) and ligatures.keys().isdisjoint(texts):  # no ligature, no None or "": the texts as they are
                text = "".join(texts)
            else:
                text = "".join([ligatures.get(t, t or "") for t in texts])
        word = {"text": text, "x0": x0, "x1": x1, "top": top, "doctop": top + (first["doctop"] - first["top"]),
                "bottom": bottom, "upright": first["upright"], "height": bottom - top, "width": x1 - x0,
                "direction": "ltr"}
        for key in extra_attrs:
            word[key] = first[key]
        words.append(word)

    for _, run in groupby(chars, key=itemgetter("upright", *extra_attrs)):
        run = list(run)
        # cluster_objects(run, "top", Y_TOLERANCE): sorted distinct tops, a new line after a jump
        line_of: dict[float, int] = {}
        n, last = 0, None
        for t in sorted(set([c["top"] for c in run])):
            if last is not None and not t <= last + Y_TOLERANCE:
                n += 1
            line_of[t] = n
            last = t
        lines: list[list[dict]] = [[] for _ in range(n + 1)]
        for c in run:
            lines[line_of[c["top"]]].append(c)
        for line in lines:
            line.sort(key=itemgetter("x0"))
            x_tol = _word_gap(line)
            word: list[dict] = []
            # the word's last char's x0, x1 + x_tol and top, kept as it grows (the same sums and tests)
            last_x0 = last_reach = last_top = 0.0
            for c in line:
                text = c["text"]
                if text.isspace():
                    if word:
                        merge(word)
                        word = []
                elif text == "":  # `"" in split_at_punctuation` ("") is true: a word of its own
                    if word:
                        merge(word)
                    merge([c])
                    word = []
                else:
                    x0, top = c["x0"], c["top"]
                    if word:
                        if x0 < last_x0 or x0 > last_reach or abs(top - last_top) > Y_TOLERANCE:
                            merge(word)
                            word = [c]
                        else:
                            word.append(c)
                    else:
                        word = [c]
                    last_x0, last_reach, last_top = x0, c["x1"] + x_tol, top
            if word:
                merge(word)
    return words


def _word_gap(chars: list[dict]) -> float:
    """The x-gap (pt) above which two glyphs of this line belong to different words."""
    glyphs = [c for c in chars if not c["text"].isspace()]
    if len(glyphs) < 2:
        return 3.0
    size = sorted(map(itemgetter("size"), glyphs))[len(glyphs) // 2] or 10.0
    x0s = list(map(itemgetter("x0"), glyphs))
    gaps = sorted(map(sub, x0s[1:], map(itemgetter("x1"), glyphs)))  # b["x0"] - a["x1"] of each neighbour pair
    # Most gaps in a line are between letters of one word: the lower quartile is the letter spacing
    # (0 in plain text, larger in letter-spaced titles), robust to the word gaps above it.
    letter_gap = max(0.0, gaps[len(gaps) // 4])
    return letter_gap + WORD_GAP_EM * size


try:
    from pdfplumber.utils.text import WordExtractor as _WordExtractor
except ImportError:  # pragma: no cover - pdfplumber is a dependency
    _WordExtractor = object


class _GapWordExtractor(_WordExtractor):
    """pdfplumber's word extractor with the word gap set per line from that line's glyphs."""

    def iter_chars_to_words(self, ordered_chars, direction):
        chars = list(ordered_chars)
        if direction in ("ltr", "rtl"):
            self.x_tolerance = _word_gap(chars)
        yield from super().iter_chars_to_words(chars, direction)


def _char_index(chars: list[dict]) -> tuple[list[tuple], list[int], list[float], bool]:
    """The page's chars for finding a table's cells: each char's (x, y, char) centre in page order,
    their positions sorted by y, those ys, and whether no centre is NaN (a damaged matrix)."""
    centres = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c) for c in chars]
    by_y = sorted(range(len(centres)), key=lambda i: centres[i][1])
    ys = [centres[i][1] for i in by_y]
    return centres, by_y, ys, all(y == y and x == x for x, y, _ in centres)


def _extract_table(table, index: tuple | None = None) -> list[list[str | None]]:
    """Cell texts like pdfplumber's Table.extract, with words split by the same per-line gaps as
    the body (Table.extract only knows a fixed tolerance). `index` is `_char_index` of the page's
    chars, made once for all the page's tables (made here when not given)."""
    centres, by_y, ys, ordered = index if index is not None else _char_index(table.page.chars)
    # a row's chars: those whose centre's y is in its band, found by bisection over the centres
    # sorted by y, then put back in page order and tested for x (_centred_in's test, its result)
    out = []
    for row in table.rows:
        x0, top, x1, bottom = row.bbox
        if ordered and top == top and bottom == bottom:
            band = sorted(by_y[bisect_left(ys, top):bisect_left(ys, bottom)])  # top <= y < bottom
            row_chars = [centres[i] for i in band if x0 <= centres[i][0] < x1]
            cells = _cells_of_row(row_chars, row.cells)
        else:
            row_chars = _centred_in(centres, row.bbox)
            cells = [None if cell is None else _centred_in(row_chars, cell) for cell in row.cells]
        out.append([None if found is None else _cell_chars_text([c for _, _, c in found]) for found in cells])
    return out


def _cells_of_row(row_chars: list[tuple], cells: list) -> list[list[tuple] | None]:
    """`_centred_in(row_chars, cell)` for each cell (None for None), the chars of no centre NaN:
    a cell's chars found by bisecting the row's chars sorted by x, then tested for y and put back
    in the row's order (the same chars in the same order, without a pass over the row a cell)."""
    by_x = sorted(range(len(row_chars)), key=lambda i: row_chars[i][0])
    xs = [row_chars[i][0] for i in by_x]
    out: list[list[tuple] | None] = []
    for cell in cells:
        if cell is None:
            out.append(None)
            continue
        x0, top, x1, bottom = cell
        if not (x0 == x0 and x1 == x1):
            out.append(_centred_in(row_chars, cell))
            continue
        span = sorted(by_x[bisect_left(xs, x0):bisect_left(xs, x1)])  # x0 <= x < x1
        out.append([t for t in (row_chars[i] for i in span) if top <= t[1] < bottom])
    return out


def _centred_in(centres: list[tuple], bbox) -> list[tuple]:
    """The (x, y, char) whose centre (x, y) is in bbox (left and top edges in, right and bottom
    out), in their order."""
    x0, top, x1, bottom = bbox
    return [t for t in centres if x0 <= t[0] < x1 and top <= t[1] < bottom]


def _cell_chars_text(chars: list[dict]) -> str:
    words = _gap_words(chars)
    lines: list[list[dict]] = []
    for w in words:  # the extractor yields words line by line, top to bottom
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= 3:
            lines[-1].append(w)
        else:
            lines.append([w])
    return "\n".join(" ".join(w["text"] for w in line) for line in lines)


def run_together_words(lines: list[Line]) -> list[str]:
    """Words of a page longer than LONG_WORD letters: the mark of words read without their gaps."""
    return [w for ln in lines for w in re.findall(r"[^\W\d_]+", ln.text) if len(w) > LONG_WORD]


def _inside(word, bbox) -> bool:
    x0, top, x1, bottom = bbox
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _cell_text(text: str | None) -> str:
    if not text:
        return ""
    text = re.sub(r"-\n(?=\w)", "-", text)  # "Co-\nordinators" was wrapped at its own hyphen
    return " ".join(text.split())


# --- lines and columns -------------------------------------------------------------------------
COLUMN_GAP_EM = 1.5  # words this far apart on one baseline belong to different columns


def _words_to_lines(words, pno: int, page_height: float) -> list[Line]:
    words = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    rows: list[list[dict]] = []
    for w in words:
        if rows and abs(rows[-1][0]["top"] - w["top"]) <= 2.5:
            rows[-1].append(w)
        else:
            rows.append([w])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        for segment in _split_at_column_gaps(row):
            lines.append(_line_of(segment, pno))
    for ln in lines:
        ln.page_height = page_height  # type: ignore[attr-defined]
    return lines


def _split_at_column_gaps(row: list[dict]) -> list[list[dict]]:
    """Words on one baseline, cut where a gap is wide enough to be a gutter between columns."""
    segments = [[row[0]]]
    for prev, w in zip(row, row[1:]):
        size = max(prev.get("size", 10), w.get("size", 10))
        gap = w["x0"] - prev["x1"]
        after_label = (len(segments[-1]) == 1 and (_is_label_word(prev) or _is_letter_bullet([prev, w]))
                       and gap < LABEL_TAB_EM * size)
        if gap > COLUMN_GAP_EM * size and not after_label:
            segments.append([w])
        else:
            segments[-1].append(w)
    return segments


LABEL_TAB_EM = 5.0  # a list label is followed by a tab stop, at most this far away
SYMBOL_FONTS = ("dingbat", "symbol", "wingding")
MONO_FONTS = ("courier", "mono", "consolas", "menlo", "inconsolata", "cmtt", "sftt", "lmtt")


def _is_label_word(word: dict) -> bool:
    return _is_bullet_glyph(word) or _line_label(word["text"] + " x")[3] is not None


def _is_bullet_glyph(word: dict) -> bool:
    """A lone glyph a text layer cannot name ("(cid:127)") or one from a symbol font: a bullet."""
    text = word["text"]
    return (re.fullmatch(r"\(cid:\d+\)", text) is not None
            or (len(text) == 1 and any(f in word.get("fontname", "").lower() for f in SYMBOL_FONTS)))


def _line_of(row: list[dict], pno: int) -> Line:
    row = _split_glued_bullet(row)
    if len(row) > 1 and _is_bullet_glyph(row[0]) and row[0]["text"] not in BULLET_GLYPHS:
        row = [{**row[0], "text": "•"}] + row[1:]
    fonts = [w.get("fontname", "") for w in row]
    glyph_label = row[0]["text"] if _is_letter_bullet(row) else None
    labelled = glyph_label or _line_label(" ".join(w["text"] for w in row))[3] is not None
    text_x0 = row[1]["x0"] if len(row) > 1 and labelled else row[0]["x0"]
    return Line(
        page=pno, text=" ".join(w["text"] for w in row), x0=row[0]["x0"], x1=max(w["x1"] for w in row),
        top=min(w["top"] for w in row), bottom=max(w["bottom"] for w in row),
        size=_most_common_size(row),
        bold=all("Bold" in f for f in fonts), italic=all(("Italic" in f or "Oblique" in f) for f in fonts),
        text_x0=text_x0, glyph_label=glyph_label, mono=all(any(m in f.lower() for m in MONO_FONTS) for f in fonts),
    )


def _most_common_size(row: list[dict]) -> float:
    """The words' most common size (to 0.1 pt), the first met of the most common: Counter's answer,
    without a Counter when every word has the first word's size (most lines)."""
    sizes = [round(w.get("size", 0), 1) for w in row]
    if sizes.count(sizes[0]) == len(sizes):
        return sizes[0]
    return Counter(sizes).most_common(1)[0][0]


LETTER_BULLETS = "o§Øüqvnl"  # Word's "o" (Courier New) and Wingdings bullets typed as letters


def _font_family(fontname: str) -> str:
    return re.split(r"[-,]", fontname.split("+")[-1])[0].lower()


def _is_letter_bullet(row: list[dict]) -> bool:
    """A lone letter in another font family than the text after it, a tab stop away: a bullet."""
    if len(row) < 2 or row[0]["text"] not in LETTER_BULLETS:
        return False
    first, second = row[0], row[1]
    return (_font_family(first.get("fontname", "")) != _font_family(second.get("fontname", ""))
            and second["x0"] - first["x1"] > 0.3 * first.get("size", 10))


def _split_glued_bullet(row: list[dict]) -> list[dict]:
    """"•Text": a bullet glyph set tight against its text is a label of its own."""
    first = row[0]
    if len(first["text"]) > 1 and first["text"][0] in BULLET_GLYPHS and first["text"][1].isalnum():
        width = (first["x1"] - first["x0"]) / len(first["text"])
        bullet = {**first, "text": first["text"][0], "x1": first["x0"] + width}
        rest = {**first, "text": first["text"][1:], "x0": first["x0"] + width}
        return [bullet, rest] + row[1:]
    return row


def _order_columns(lines: list[Line], page_width: float) -> list[Line]:
    """Reading order: top to bottom, except where the page runs in two columns side by side;
    there the left column is read to its end before the right one. Lines that span the gutter
    (titles, full-width paragraphs) separate the column runs."""
    gutter = _find_gutter(lines, page_width)
    if gutter is None:
        ordered = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    else:
        ordered, run = [], []
        for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
            if ln.x0 < gutter < ln.x1:  # spans both columns
                ordered += _columns_of(run, gutter) + [ln]
                run = []
            else:
                run.append(ln)
        ordered += _columns_of(run, gutter)
    for i, ln in enumerate(ordered):
        ln.order = float(i)
    return ordered


def _columns_of(run: list[Line], gutter: float) -> list[Line]:
    return [ln for ln in run if ln.x1 <= gutter] + [ln for ln in run if ln.x1 > gutter]


def _find_gutter(lines: list[Line], page_width: float) -> float | None:
    """The x of a gutter between two text columns, or None for a single-column page.

    A gutter is an x in the middle of the page that no line crosses, with prose-width lines on
    both sides of it on at least MIN_COLUMN_ROWS shared baselines."""
    per_baseline = Counter(round(ln.top) for ln in lines)
    if sum(1 for n in per_baseline.values() if n >= 2) < MIN_COLUMN_ROWS:
        return None  # cheap test first: most pages have one line per baseline
    best, best_rows = None, 0
    for x in range(int(page_width * 0.3), int(page_width * 0.7), 3):
        crossing = sum(1 for ln in lines if ln.x0 < x < ln.x1)
        if crossing > len(lines) * 0.5:
            continue  # full-width titles and paragraphs may cross; most lines may not
        left = {round(ln.top) for ln in lines if ln.x1 <= x and ln.x1 - ln.x0 > page_width * 0.2}
        right = {round(ln.top) for ln in lines if ln.x0 >= x and ln.x1 - ln.x0 > page_width * 0.2}
        shared = len(left & right)
        if shared > best_rows:
            best, best_rows = x, shared
    return best if best_rows >= MIN_COLUMN_ROWS else None


MIN_COLUMN_ROWS = 4


def _table_order(bbox, lines: list[Line]) -> float:
    """A table sits before the first line (in reading order) that starts below its top."""
    after = [ln.order for ln in lines if ln.top >= bbox[1] - 0.5 and bbox[0] - 2 <= ln.x0 < bbox[2]]
    return (min(after) - 0.5) if after else float(len(lines))


def _split_furniture(lines: list[Line]) -> tuple[list[str], list[Line]]:
    """Running headers/footers: lines in the page margins that repeat (digits aside) or are page numbers."""
    def key(ln: Line) -> str:
        return re.sub(r"\d+", "#", ln.text.lower()).strip()

    def in_margin(ln: Line) -> bool:
        h = ln.page_height  # type: ignore[attr-defined]
        return ln.top < h * MARGIN_SHARE or ln.bottom > h * (1 - MARGIN_SHARE)

    pages = len({ln.page for ln in lines}) or 1
    repeats = Counter(key(ln) for ln in lines if in_margin(ln))
    furniture, body = [], []
    for ln in lines:
        if in_margin(ln) and (PAGE_NUMBER_RE.match(ln.text.strip()) or (pages > 1 and repeats[key(ln)] >= max(2, pages // 2))):
            if ln.text not in furniture:
                furniture.append(ln.text)
        else:
            body.append(ln)
    return furniture, body


# --- paragraphs and list items ------------------------------------------------------------------
# Bullets as PDFs print them: the Word/Symbol-font glyphs labels.py knows, plus "-" and "*" typed at
# the start of a line (the .docx and .txt readers do not take those for bullets).
BULLET_GLYPHS = BULLET_CHARS + "-*∙◾◽➢➤►▶❖✓✔"
TYPED_BULLETS = ("-", "*")
WEAK_BULLETS = ("-", "*", "–")  # also dashes in prose: a label only where a number would be one
OCR_TITLE_EXTRA = 11  # pt over the body size (11 pt on OCR'd pages) for a level-1 heading
INDENT_SLACK = 2.5  # pt; two lines start "at the same x" within this


def _label_of(ln: Line) -> tuple[str | None, int | None, str, str | None]:
    if ln.glyph_label:
        return ln.glyph_label, None, ln.text[len(ln.glyph_label):].strip(), "bullet"
    return _line_label(ln.text)


def _line_label(text: str) -> tuple[str | None, int | None, str, str | None]:
    """split_label, plus the bullets only PDFs use."""
    stripped = text.lstrip()
    if stripped[:1] in TYPED_BULLETS and stripped[1:2].isspace() and stripped[2:].strip():
        return stripped[0], None, stripped[1:].strip(), "bullet"
    return split_label(text)


def _starts_new_para(para: _Para | None, ln: Line) -> bool:
    if para is None:
        return True
    prev, first = para.lines[-1], para.lines[0]
    if ln.mono or prev.mono:
        # A code listing is one block, blank lines inside it included; it has no list labels.
        return not (ln.mono and prev.mono and ln.page == prev.page and 0 <= ln.top - prev.bottom <= 1.5 * ln.size)
    if ln.top < prev.top - 1:
        return True  # back up the page: the next column
    if (ln.page != prev.page or ln.top - prev.bottom > 0.45 * max(ln.size, 1)
            or abs(ln.size - prev.size) > 0.6 or ln.bold != prev.bold):
        return True
    label, _, _, kind = _label_of(ln)
    in_list = _label_of(first)[3] is not None
    if kind is not None and getattr(ln, "ocr", False):
        return True  # OCR'd lines carry no bold or font cue that ends a lead-in: a label starts an item
    if kind == "bullet" and label not in WEAK_BULLETS:
        return True
    if kind is not None:
        # A number or dash at the start of a wrapped line of prose ("... in\n2005 ...") is not a label:
        # a label starts a line of its own indent, or follows a line that ended before the margin.
        return in_list or abs(ln.x0 - prev.x0) > INDENT_SLACK or _broken_on_purpose(para, ln)
    if in_list:
        return _leaves_list_item(para, ln)
    return False


def _broken_on_purpose(para: _Para, ln: Line) -> bool:
    """Did the previous line end by choice rather than by wrapping? It did when the first word of
    `ln` would have fitted after it (the text block's right edge is the widest of these lines)."""
    prev = para.lines[-1]
    right = max(l.x1 for l in para.lines + [ln])
    first_word = ln.text.split()[0] if ln.text.split() else ""
    return right - prev.x1 > (len(first_word) + 1) * 0.5 * ln.size


def _leaves_list_item(para: _Para, ln: Line) -> bool:
    """Does an unlabelled line after a list item start a paragraph of its own?

    Item text wraps to the hanging indent (where the text after the label starts) or, without a
    hanging indent, back under the label. A line left of an established hanging indent, or after an
    item's short last line that ended a sentence, is body text again."""
    first, prev = para.lines[0], para.lines[-1]
    hang = first.text_x0
    if ln.x0 > first.x0 - INDENT_SLACK and ln.x0 >= hang - INDENT_SLACK:
        return False  # at the hanging indent (or deeper): the item goes on
    if len(para.lines) >= 2 and para.lines[1].x0 >= hang - INDENT_SLACK:
        return True  # the item's own wraps sat at the hanging indent; this line does not
    right = max(l.x1 for l in para.lines)
    short = prev.x1 < right - 0.15 * (right - first.x0) if len(para.lines) >= 2 else prev.x1 < ln.x1 - 0.15 * (ln.x1 - ln.x0)
    return ln.x0 < first.x0 - INDENT_SLACK or (short and prev.text.rstrip()[-1:] in ".!?:;")


def _body_size(lines: list[Line]) -> float:
    """The size most of the text is set in: each line's size counted once for each of its
    characters (a line's count added at once), the first met of the most common."""
    sizes: Counter = Counter()
    for ln in lines:
        if ln.text:  # an empty line counts nothing, and is not a size met
            sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0]


def _paragraphs(lines: list[Line], file: str) -> list[tuple[int, float, Block]]:
    if not lines:
        return []
    body_size = _body_size(lines)
    if sum(len(ln.text) for ln in lines if ln.mono) > 0.5 * sum(len(ln.text) for ln in lines):
        for ln in lines:  # a document typed in Courier throughout: its prose is prose, not code
            ln.mono = False
    paras: list[_Para] = []
    for ln in lines:
        if _starts_new_para(paras[-1] if paras else None, ln):
            paras.append(_Para([ln]))
        else:
            paras[-1].lines.append(ln)
    out = []
    levels = _ListLevels()
    for n, para in enumerate(paras, 1):
        first = para.lines[0]
        if first.mono:
            block = Block(kind=BlockKind.paragraph, text="\n".join(ln.text for ln in para.lines),
                          style="code", prov=Provenance(file=file, page=first.page, paragraph=n))
            out.append((first.page, first.order, block))
            continue
        text = _join_lines([ln.text for ln in para.lines])
        heading = (first.size > body_size + 1.5) or (first.bold and len(text.split()) <= 14 and not text.endswith(".")) \
            or (getattr(first, "ocr", False) and _plain_heading(para, text, paras[n] if n < len(paras) else None))
        # an OCR'd line's size is its box height, which capitals and parentheses inflate: only a
        # title-sized line (twice the body) is a top-level heading there, not a bold 13-pt one
        level = 1 if first.size > body_size + (OCR_TITLE_EXTRA if getattr(first, "ocr", False) else 5) else 2
        prov = Provenance(file=file, page=first.page, paragraph=n)
        if first.size < body_size - 1.5 and not heading:
            out.append((first.page, first.order, Block(kind=BlockKind.footnote, text=text, prov=prov)))
            continue
        if first.glyph_label:
            block = Block(kind=BlockKind.list_item, label=first.glyph_label, text=text[len(first.glyph_label):].strip(),
                          italic=all(ln.italic for ln in para.lines), bold=first.bold, prov=prov)
        else:
            block = _block_of(text, prov, heading=heading, heading_level=level,
                              italic=all(ln.italic for ln in para.lines), bold=first.bold)
        levels.place(block, first.x0)
        out.append((first.page, first.order, block))
    _drop_lone_typed_bullets(out)
    return out


def _plain_heading(para: _Para, text: str, nxt: _Para | None) -> bool:
    """A heading on an OCR'd page, which has no bold and no font size to tell: as in a plain-text file
    (txt_reader._is_heading), one short line of its own, capitalised, with no sentence punctuation
    at its end or colon inside, no list label or date first, before a longer paragraph."""
    words = text.split()
    if len(para.lines) != 1 or not 1 <= len(words) <= 12 or nxt is None or not text[:1].isupper():
        return False
    if text[-1] in ".,;!?" or ":" in text[:-1] or _line_label(text)[3] is not None:
        return False
    return len(_join_lines([ln.text for ln in nxt.lines])) > len(text)


def _drop_lone_typed_bullets(out: list[tuple[int, float, Block]]) -> None:
    """A "-" or "*" at a line start is a bullet only in a run of two or more such items; alone it is
    a dash after a line wrap or a footnote mark, and its paragraph stays as printed."""
    blocks = [b for _, _, b in out]
    for i, b in enumerate(blocks):
        if b.kind is BlockKind.list_item and b.label in TYPED_BULLETS:
            neighbours = blocks[max(i - 1, 0):i] + blocks[i + 1:i + 2]
            if not any(n.kind is BlockKind.list_item and n.label == b.label for n in neighbours):
                b.kind, b.text, b.label, b.level = BlockKind.paragraph, f"{b.label} {b.text}", None, 0


def _block_of(text: str, prov: Provenance, **flags) -> Block:
    label, number, rest, kind = _line_label(text)
    if kind == "bullet" and label in TYPED_BULLETS:
        return Block(kind=BlockKind.list_item, label=label, text=rest, prov=prov,
                     italic=flags["italic"], bold=flags["bold"])
    return block_from_text(text, prov, **flags)


class _ListLevels:
    """Nesting level of PDF list items from their indents: a label further right than the item
    before it opens a deeper level; back at an earlier indent, that level again. Body text ends
    the list (see place). Also settles "i." / "(i)": a roman one when it
    opens a level or follows a roman item, the letter i when it follows "h"."""

    def __init__(self) -> None:
        self.indents: list[float] = []
        self.last_kind: dict[int, str] = {}  # level -> label kind of the last item there
        self.last_number: dict[int, int | None] = {}
        self.after_item = False

    def place(self, block: Block, x0: float) -> None:
        if block.kind is not BlockKind.list_item:
            # Text at or left of the deepest label ends the list; so does any heading, and any text
            # that is not the one paragraph straight after an item (an item's own second paragraph).
            indented = bool(self.indents) and x0 > self.indents[-1] + INDENT_SLACK
            if not (indented and self.after_item and block.kind is BlockKind.paragraph):
                self.__init__()
            self.after_item = False
            return
        self.after_item = True
        kind = _label_kind(block.label)
        if kind == "outline":
            # "2.1" numbers sections: its depth is in the label (set by block_from_text as for
            # .docx and .txt), and it sets no indent for the bullets under it (body text is often
            # indented past section numbers).
            return
        while self.indents and x0 < self.indents[-1] - INDENT_SLACK:
            self.indents.pop()
        if self.indents and x0 > self.indents[-1] + INDENT_SLACK and self._next_number(kind, block, len(self.indents) - 1):
            # "4)" right after "3)" but further right: the same list on a scan whose margin drifts
            # (a page scanned askew), not a sub-list, which would start its own numbering
            self.indents[-1] = x0
        elif not self.indents or x0 > self.indents[-1] + INDENT_SLACK:
            self.indents.append(x0)
        depth = len(self.indents) - 1
        for deeper in [lv for lv in self.last_kind if lv > depth]:
            del self.last_kind[deeper], self.last_number[deeper]
        if kind == "letter" and block.label and block.label.strip("().")[:1] in "ivx":
            kind = self._letter_or_roman(block, depth)
        block.level = depth
        self.last_kind[depth], self.last_number[depth] = kind, block.number

    def _next_number(self, kind: str | None, block: Block, depth: int) -> bool:
        last = self.last_number.get(depth)
        return kind is not None and kind == self.last_kind.get(depth) and block.number is not None \
            and last is not None and block.number == last + 1

    def _letter_or_roman(self, block: Block, depth: int) -> str:
        letter = block.label.strip("().)")
        prev_kind, prev_number = self.last_kind.get(depth), self.last_number.get(depth)
        follows_letter = prev_kind == "letter" and prev_number == ord(letter) - 97
        if follows_letter or (prev_kind == "letter" and letter != "i"):
            return "letter"
        value = roman_value(letter)
        if prev_kind == "lower_roman" or (letter == "i" and prev_kind is None):
            block.number = value
            return "lower_roman"
        return "letter"


def _label_kind(label: str | None) -> str | None:
    return _line_label(f"{label} x")[3] if label else None


def _join_lines(texts: list[str]) -> str:
    out = ""
    for t in texts:
        if out.endswith("-") and t[:1].islower() and len(out) > 1 and out[-2].isalpha():
            out += t  # a word wrapped at its own hyphen keeps the hyphen
        else:
            out = f"{out} {t}" if out else t
    return " ".join(out.split())


def _norm_row(cells: list[str]) -> list[str]:
    return [re.sub(r"\W+", "", c).lower() for c in cells]


def _is_continuation(prev: PageTable, cur: PageTable, header: list[str]) -> bool:
    """Does `cur` carry on the table `prev` ended on the page before?"""
    if cur.page != prev.page + 1 or len(cur.rows[0]) != len(prev.rows[0]):
        return False
    at_bottom = prev.content_bottom - prev.bottom < 30
    repeats_header = _norm_row(cur.rows[0]) == _norm_row(header)
    return at_bottom and (repeats_header or cur.top < 120)


def _row_was_split(last: list[str], first: list[str]) -> bool:
    """A row a page break cut in two: cells that ended before the break are empty on the new page,
    or the text carries on mid-sentence."""
    if not any(first):
        return False
    empty_where_full = any(not f and l for f, l in zip(first, last))
    lower_start = any(f[:1].islower() for f in first if f)
    return empty_where_full or lower_start


def _join_tables(tables: list[PageTable], file: str) -> list[tuple[int, float, Block]]:
    out: list[tuple[int, float, Block]] = []
    prev: PageTable | None = None
    block: Block | None = None
    for t in tables:
        rows = t.rows
        if block is not None and prev is not None and _is_continuation(prev, t, block.header):
            if _norm_row(rows[0]) == _norm_row(block.header):
                rows = rows[1:]  # the header row repeated on the new page
            if rows and block.rows and _row_was_split(block.rows[-1].cells, rows[0]):
                last = block.rows[-1]
                last.cells = [_join_split_cell(a, b) for a, b in zip(last.cells, rows[0])]
                last.pages.append(t.page)
                rows = rows[1:]
        else:
            header, rows = rows[0], rows[1:]
            block = Block(kind=BlockKind.table, header=header,
                          prov=Provenance(file=file, page=t.page, table=len(out)))
            out.append((t.page, t.order, block))
        for cells in rows:
            block.rows.append(TableRow(cells=cells, index=len(block.rows), pages=[t.page]))
        prev = t
    return out


SHORT_WORDS = {"a", "an", "as", "at", "be", "by", "in", "is", "it", "of", "on", "or", "to", "we", "and", "for", "the"}


def _join_split_cell(before: str, after: str) -> str:
    """Join a cell's two halves; a word the break cut ("Commissione" | "d to a web company") is glued."""
    if not before or not after:
        return before or after
    first = after.split()[0]
    if before[-1].isalpha() and first.isalpha() and first.islower() and len(first) <= 3 and first not in SHORT_WORDS:
        return before + after
    return _join_lines([before, after])


def _merge_in_order(paras, tables) -> list[Block]:
    """Blocks in reading order; a paragraph a page break cut in two is joined back."""
    ordered = [b for _, _, b in sorted(paras + tables, key=lambda x: (x[0], x[1]))]
    out: list[Block] = []
    for block in ordered:
        prev = out[-1] if out else None
        if (prev is not None and block.kind is BlockKind.paragraph and prev.kind in (BlockKind.paragraph, BlockKind.list_item)
                and block.prov.page == (prev.prov.page or 0) + 1
                and prev.text[-1:] not in ".!?:;”\"" and block.text[:1] and (block.text[0].islower() or block.text[0] == "(")):
            prev.text = _join_lines([prev.text, block.text])
            continue
        out.append(block)
    return out
