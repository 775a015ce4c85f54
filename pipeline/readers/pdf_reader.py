"""PDF reader (pdfplumber): text in reading order, tables from pdfplumber's table finder.

A table that runs on over a page break is joined into one: the header row the layout engine
repeats on each page is dropped, and a row the break split in two is joined back. Running
headers, footers and page numbers are removed from the body.
"""
from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import UnreadableFile
from pipeline.readers import ocr, register
from pipeline.readers.labels import block_from_text, split_label
from schemas.document import Block, BlockKind, Document, Provenance, TableRow

# pdfminer logs every oddity of a damaged file as a warning; planscope reports a file once, in one line.
for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).setLevel(logging.ERROR)

PAGE_NUMBER_RE = re.compile(r"^(page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(\s*(of|/)\s*\d{1,4})?$", re.I)
MARGIN_SHARE = 0.09  # running headers/footers live in the top and bottom 9% of the page


@dataclass
class Line:
    page: int
    text: str
    x0: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool


@dataclass
class PageTable:
    page: int
    top: float
    bottom: float
    rows: list[list[str]]
    content_bottom: float = 0.0


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


PDF_PASSWORD: dict[str, str | None] = {"value": None}  # set by the CLI's --password


@register("pdf")
def read_pdf(path: Path, data: bytes, sha256: str) -> Document:
    pdf = _open(path, data, PDF_PASSWORD["value"])
    doc = Document(path=str(path), name=path.name, format="pdf", sha256=sha256)
    lines: list[Line] = []
    tables: list[PageTable] = []
    scanned: dict[int, float] = {}  # OCR hook: pages with no usable text layer -> page height
    try:
        doc.pages = len(pdf.pages)
        for pno, page in enumerate(pdf.pages, 1):
            page_lines, page_tables = _read_page(page, pno)
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
    found = page.find_tables()
    boxes = [t.bbox for t in found]
    words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False, use_text_flow=False)
    outside = [w for w in words if not any(_inside(w, b) for b in boxes)]
    lines = _words_to_lines(outside, pno, page.height)
    content_bottom = max((w["bottom"] for w in words if w["bottom"] < page.height * (1 - MARGIN_SHARE)), default=0)
    tables = []
    for t in found:
        rows = [[_cell_text(c) for c in row] for row in t.extract()]
        rows = [r for r in rows if any(c for c in r)]
        if rows:
            tables.append(PageTable(page=pno, top=t.bbox[1], bottom=t.bbox[3], rows=rows, content_bottom=content_bottom))
    return lines, tables


def _inside(word, bbox) -> bool:
    x0, top, x1, bottom = bbox
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _cell_text(text: str | None) -> str:
    if not text:
        return ""
    text = re.sub(r"-\n(?=\w)", "-", text)  # "Co-\nordinators" was wrapped at its own hyphen
    return " ".join(text.split())


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
        fonts = [w.get("fontname", "") for w in row]
        lines.append(Line(
            page=pno, text=" ".join(w["text"] for w in row), x0=row[0]["x0"], top=min(w["top"] for w in row),
            bottom=max(w["bottom"] for w in row), size=Counter(round(w.get("size", 0), 1) for w in row).most_common(1)[0][0],
            bold=all("Bold" in f for f in fonts), italic=all(("Italic" in f or "Oblique" in f) for f in fonts),
        ))
    for ln in lines:
        ln.page_height = page_height  # type: ignore[attr-defined]
    return lines


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


def _paragraphs(lines: list[Line], file: str) -> list[tuple[int, float, Block]]:
    if not lines:
        return []
    body_size = Counter(ln.size for ln in lines for _ in ln.text).most_common(1)[0][0]
    paras: list[_Para] = []
    for ln in lines:
        prev_para = paras[-1] if paras else None
        prev = prev_para.lines[-1] if prev_para else None
        starts_label = split_label(ln.text)[3] is not None
        new = (
            prev is None
            or ln.page != prev.page
            or ln.top - prev.bottom > 0.45 * max(ln.size, 1)
            or abs(ln.size - prev.size) > 0.6
            or ln.bold != prev.bold
            or (starts_label and getattr(ln, "ocr", False))  # OCR hook: no bold or font cue to end the lead-in
            or (starts_label and (ln.x0 < prev.x0 - 2 or (split_label(prev_para.lines[0].text)[3] is not None
                                                            and abs(ln.x0 - prev_para.lines[0].x0) < 2)))
        )
        if new:
            paras.append(_Para([ln]))
        else:
            prev_para.lines.append(ln)
    out = []
    for n, para in enumerate(paras, 1):
        text = _join_lines([ln.text for ln in para.lines])
        first = para.lines[0]
        heading = (first.size > body_size + 1.5) or (first.bold and len(text.split()) <= 14 and not text.endswith("."))
        level = 1 if first.size > body_size + 5 else 2
        prov = Provenance(file=file, page=first.page, paragraph=n)
        if first.size < body_size - 1.5 and not heading:
            out.append((first.page, first.top, Block(kind=BlockKind.footnote, text=text, prov=prov)))
            continue
        block = block_from_text(text, prov, heading=heading, heading_level=level,
                                italic=all(ln.italic for ln in para.lines), bold=first.bold)
        out.append((first.page, first.top, block))
    return out


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
            out.append((t.page, t.top, block))
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
