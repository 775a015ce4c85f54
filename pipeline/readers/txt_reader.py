"""Plain-text reader for the layout Word's "save as text" gives: one paragraph a line,
table cells as tab-indented lines with a blank line between rows, `·` bullets, `1)` items."""
from __future__ import annotations

import re
from pathlib import Path

from schemas.errors import UnreadableFile
from pipeline.readers import register
from pipeline.readers.labels import split_label
from schemas.document import Block, BlockKind, Document, Provenance, TableRow

FOOTNOTE_MARK = "\ufffd"  # what Word leaves where a footnote reference was
RULE_LINE = re.compile(r"[-_=*~]{4,}")


def decode_text(path: Path, data: bytes) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM) or UTF-16 by BOM; otherwise detect, and say so."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    # Windows-1252 is what Word and Windows editors wrote in this region for decades; charset
    # detection on short texts often guesses an exotic code page instead, so it goes first.
    try:
        return data.decode("cp1252"), ["decoded as cp1252 (not UTF-8)"]
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableFile(str(path), "text is not UTF-8 and its encoding could not be detected")
    return str(best), [f"decoded as {best.encoding} (not UTF-8)"]


# "Action: update the list ..." is a labelled clause of the item above, never a heading
LABELLED_CLAUSE = re.compile(r"^(actions?|results?|outputs?|outcomes?|responsible|lead|deadline|time ?limit|timing)\s*:\s*\S",
                             re.I)


def _is_heading(line: str, next_line: str | None) -> bool:
    words = line.split()
    if not words or len(words) > 14 or LABELLED_CLAUSE.match(line.strip()):
        return False
    if line.rstrip().endswith(":") and len(words) <= 8:
        return True
    if line.rstrip()[-1:] in ".;,!?" or not line[:1].isupper():
        return False
    return next_line is not None and (len(next_line) > len(line) or next_line.startswith("\t"))


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped file was wrapped at (e-mail, exports of web pages, old plain-text
    reports: every line of a paragraph filled to about the same width), or None when the file keeps
    one paragraph to a line (Word's "save as text"). Most of a wrapped file's lines end within a
    few characters of the widest typical line, and hardly any goes past it."""
    lengths = [len(ln.rstrip()) for ln in lines if ln.strip() and "\t" not in ln.strip()]  # table rows aside
    if len(lengths) < 8:
        return None
    # a title or a web address may stand longer than the wrap width: a few such lines are allowed
    allowed = max(2, int(0.03 * len(lengths)))
    wrapped = sorted(lengths)[:-allowed]
    width = wrapped[int(0.95 * (len(wrapped) - 1))]
    # past the width: a menu line, a web address, a title; more than a few of them (or a twentieth
    # of the lines) and the lines were never wrapped
    if not 40 <= width <= 110 or sum(n > width + 8 for n in lengths) > max(3, int(0.05 * len(lengths))):
        return None
    near = sum(width - 15 <= n <= width for n in lengths)
    return width if near >= 0.45 * len(lengths) else None


# A table a PDF or a typewriter laid out with spaces ("13-14 Nov. 2019      Kirkenes      Committee
# of Senior Officials"): cells two spaces or more apart, starting at the header's columns.
CELL_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
SPACE_TABLE_ROWS = 2  # a header line and at least this many rows


def _cell_starts(line: str) -> list[int]:
    return [m.end() for m in CELL_GAP.finditer(line.rstrip())]


def _column_of(start: int, columns: list[int]) -> int | None:
    near = [k for k, c in enumerate(columns) if abs(c - start) <= 1]
    return near[0] if near else None


def _header_like(line: str) -> bool:
    """A table's header names its columns: short labels without figures or commas ("Date   Place
    Meeting"); a first line of data ("Jan   Working group set up") leaves the lines as they are."""
    cells = CELL_GAP.split(line.strip())
    return "\t" not in line and len(cells) >= 2 and all(
        len(c.split()) <= 3 and not re.search(r"[\d,;.]", c) for c in cells)


# A calendar without a header row ("Calendar" / "26-27 June 2019     Reykjavik     Senior Arctic
# Officials" / "Nov. 2019     Reykjavik     ..."): every row opens with a date in its first column.
DATE_CELL = re.compile(r"(?:\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–/.]\s*\d{1,2})?\.?\s+|early\s+|late\s+|mid-?)?"
                       r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|spring|summer|autumn|fall|"
                       r"winter|q[1-4])\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|(?:19|20)\d\d\b", re.I)
HEADERLESS_ROWS = 3


def _date_row(line: str, columns: list[int]) -> bool:
    cells = _cell_starts(line)
    lead = len(line) - len(line.lstrip())
    return bool(cells) and lead == columns[0] and all(_column_of(c, columns) is not None for c in cells) \
        and DATE_CELL.match(line.strip()) is not None and DATE_CELL.match(line.strip()).end() <= cells[0] - lead


def _headerless_columns(lines: list[str], i: int) -> list[int] | None:
    """The columns of a calendar without a header that starts at line i: at least HEADERLESS_ROWS
    rows, each opening with a date, whose cells start at the same columns."""
    line = lines[i]
    if "\t" in line or not _cell_starts(line):
        return None
    lead = len(line) - len(line.lstrip())
    columns = sorted({lead, *_cell_starts(line)})
    rows, j = 0, i
    while j < len(lines) and lines[j].strip() and "\t" not in lines[j]:
        for c in _cell_starts(lines[j]) if _date_row(lines[j], [lead]) else []:
            if _column_of(c, columns) is None:
                columns = sorted([*columns, c])
        if _date_row(lines[j], columns):
            rows += 1
        elif _cell_starts(lines[j]) or _column_of(len(lines[j]) - len(lines[j].lstrip()), columns) is None:
            break
        j += 1
    return columns if rows >= HEADERLESS_ROWS else None


def space_tables(lines: list[str], headerless: set[int] | None = None) -> list[str]:
    """Space-aligned tables rewritten as TAB rows (the same line numbers, so provenance holds), for
    the TAB table reader: a header line with two columns or more and at least SPACE_TABLE_ROWS lines
    below it whose cells start at the header's columns. A line indented to a column without gaps of
    its own is the rest of a cell that broke over two lines and stays as it is. A calendar without
    a header is rewritten too; its first line goes into `headerless`."""
    out = list(lines)
    i = 0
    while i < len(lines):
        header = lines[i]
        starts = _cell_starts(header) if _header_like(header) else []
        calendar = None if starts or headerless is None else _headerless_columns(lines, i)
        if calendar is not None:
            headerless.add(i)
            i = _rewrite_rows(lines, out, i, calendar)
            continue
        if not starts:
            i += 1
            continue
        indent = len(header) - len(header.lstrip())
        columns = [indent] + starts
        j, rows = i + 1, 0
        while j < len(lines) and lines[j].strip() and "\t" not in lines[j]:
            line = lines[j]
            lead = len(line) - len(line.lstrip())
            cells = _cell_starts(line)
            if cells and _column_of(lead, columns) is not None and all(_column_of(c, columns) is not None for c in cells):
                rows += 1
            elif cells or lead == 0 or _column_of(lead, columns) is None:
                break
            j += 1
        if rows < SPACE_TABLE_ROWS:
            i += 1
            continue
        for k in range(i, j):
            line = lines[k]
            lead = len(line) - len(line.lstrip())
            if k > i and not _cell_starts(line):
                continue  # a cell's second line
            cells = [""] * len(columns)
            bounds = [lead] + _cell_starts(line) + [len(line.rstrip())]
            for a, b in zip(bounds, bounds[1:]):
                cells[_column_of(a, columns)] = line[a:b].strip()
            out[k] = "\t".join(cells)
        i = j
    return out


def _rewrite_rows(lines: list[str], out: list[str], i: int, columns: list[int]) -> int:
    """Lines from i on whose cells start at `columns` as TAB rows, up to the first line that is not a
    row nor the rest of a cell; returns that line's index."""
    k = i
    while k < len(lines) and lines[k].strip() and "\t" not in lines[k]:
        line = lines[k]
        lead = len(line) - len(line.lstrip())
        cells_at = _cell_starts(line)
        if not cells_at:
            if k == i or _column_of(lead, columns) is None or lead == 0:
                break
            k += 1
            continue  # a cell's second line
        if _column_of(lead, columns) is None or any(_column_of(c, columns) is None for c in cells_at):
            break
        cells = [""] * len(columns)
        bounds = [lead] + cells_at + [len(line.rstrip())]
        for a, b in zip(bounds, bounds[1:]):
            cells[_column_of(a, columns)] = line[a:b].strip()
        out[k] = "\t".join(cells)
        k += 1
    return k


def _cell_rest(line: str) -> bool:
    """An indented line under a table row ("10 Feb<TAB>Helsinki<TAB>Round table on children" /
    "            with the National Police Board"): the rest of a cell that broke over lines."""
    return line[:4] == "    " and "\t" not in line


AIM_LINE = re.compile(r"^to [a-z]+\b")  # a list of aims, a line each: "to prevent ...", "to provide ..."


def unwrap(lines: list[str]) -> list[str]:
    """Lines of a hard-wrapped file joined back into paragraphs: a line continues the one before it
    when its first word would not have fitted there. Joined lines become blank, so every line
    keeps its number (provenance). Tables, list items and bullets always start anew."""
    width = wrap_width(lines)
    if width is None:
        return lines
    out = list(lines)
    head = None  # index of the paragraph being built
    in_row = False  # the line before was a table row or the rest of one of its cells
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or "\t" in line or RULE_LINE.fullmatch(stripped):
            head = None  # a blank line, a table row or a "-----" rule between items ends the paragraph
            in_row = bool(stripped) and "\t" in line
            continue
        if in_row and _cell_rest(line):
            continue  # a cell's next line under a row: the table reader joins it to its cell
        in_row = False
        # "2Priorities": a slide transcript's slide number glued to the title starts a slide
        if head is not None and split_label(stripped)[3] is None and not re.match(r"\d{1,2}[A-Z]", stripped):
            first_word = stripped.split()[0]
            parallel = AIM_LINE.match(stripped) and AIM_LINE.match(lines[i - 1].strip())  # "to ..." / "to ...": a list
            if len(lines[i - 1].rstrip()) + 1 + len(first_word) > width - 2 and not parallel:
                out[head] = out[head].rstrip() + " " + stripped
                out[i] = ""
                continue
        head = i
    return out


def furniture(lines: list[str]) -> set[int]:
    """Page headers and footers a PDF or a slide export left in the text: a short line that comes
    back three times or more with only a small number changed, rising ("Ministry of Social Affairs
    | 4", "Page 3 of 12", "- 7 -"). A year that changes ("Deadline: 2011") is content, not a page."""
    seen: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        words = line.split()
        if words and len(words) <= 14 and not line.startswith("\t") and re.search(r"\d", line) \
                and not re.match(r"\s*slide\b", line, re.I):  # "Slide 4" numbers the slides: kept for the reader of slides
            seen.setdefault(re.sub(r"\d+", "#", " ".join(words)), []).append(i)
    out: set[int] = set()
    for key, at in seen.items():
        # "Day 1", "Session 2": a programme's own headings; a footer names its owner or says "page"
        if not re.search(r"[|•·]|\bpage\b|^\W*#\W*$", key, re.I) and len(re.sub(r"[#\W]+", " ", key).split()) < 2:
            continue
        numbers = [[int(n) for n in re.findall(r"\d+", lines[i])] for i in at]
        varying = [k for k in range(len(numbers[0])) if len({ns[k] for ns in numbers}) > 1]
        # twice is enough for a line that says "page": a two-page document's footer
        often = len(at) >= 3 or len(at) == 2 and re.search(r"\bpage\b", key, re.I) is not None
        if often and len(varying) == 1 and all(ns[varying[0]] < 1000 for ns in numbers) \
                and all(a[varying[0]] < b[varying[0]] for a, b in zip(numbers, numbers[1:])):
            out.update(at)
    return out


def running_heads(lines: list[str], footers: set[int] = frozenset()) -> set[int]:
    """A running head a text export left at the top of each page: the same short line opens the
    text and the pages after form feeds or page footers ("BNSCG/PL/2015/07 rev.1   Work Plan 2016").
    Without form feeds or footers the pages are not known, and nothing is taken."""
    tops, at_top = [], True
    for i, line in enumerate(lines):
        if i in footers:
            at_top = True
            continue
        if "\f" in line:
            at_top = True
            line = line.rpartition("\f")[2]
        if at_top and line.strip():
            tops.append(i)
            at_top = False
    seen: dict[str, list[int]] = {}
    for i in tops:
        text = " ".join(lines[i].replace("\f", " ").split())
        if len(text.split()) <= 14:
            seen.setdefault(text, []).append(i)
    # on three pages; on two, only a line with a number (a document code, a year): two slides may share a title
    return {i for text, at in seen.items() if len(at) >= 3 or len(at) == 2 and re.search(r"\d", text) for i in at}


def _page_numbers(lines: list[str], footers: set[int]) -> list[int | None]:
    """Each line's page when the text keeps its page breaks (footers, form feeds); else None."""
    if len(footers) < 2 and not any("\f" in line for line in lines):
        return [None] * len(lines)
    pages, page, pending = [], 1, False
    for i, line in enumerate(lines):
        if i in footers:
            pending = True
        elif "\f" in line:
            # pdftotext and slide exports put the form feed before the new page's first line: that
            # line is on the new page; a form feed that ends a line leaves the next one to start it
            if line.rpartition("\f")[2].strip():
                page, pending = page + 1, False
            else:
                pending = True
        elif line.strip() and not RULE_LINE.fullmatch(line.strip()) and pending:
            page, pending = page + 1, False
        pages.append(page)
    return pages


@register("txt")
def read_txt(path: Path, data: bytes, sha256: str) -> Document:
    text, warnings = decode_text(path, data)
    headerless: set[int] = set()
    lines = unwrap(space_tables(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), headerless))
    footers = furniture(lines)
    pages = _page_numbers(lines, footers)
    footers |= running_heads(lines, footers)  # after the pages: a running head opens its page, it does not close one
    doc = Document(path=str(path), name=path.name, format="txt", sha256=sha256, warnings=warnings)
    tables = 0
    i = 0
    item_end = -2  # the line the last list item ended on: an indented line right below goes on with it
    while i < len(lines):
        line = lines[i]
        if i in footers:
            kept = " ".join(line.replace("\f", " ").split())
            if kept and kept not in doc.furniture:
                doc.furniture.append(kept)  # as the Word and PDF readers keep theirs: apart from the body
            i += 1
            continue
        if line.startswith("\t"):
            i, new_blocks = _read_tables(path, lines, i, tables)
            tables += len(new_blocks)
            doc.blocks.extend(new_blocks)
            continue
        tab_table = None if _numbered_with_tab(line) else _read_tab_rows(path, lines, i, tables, i in headerless)
        if tab_table is not None:
            i, block = tab_table
            tables += 1
            doc.blocks.append(block)
            continue
        stripped = " ".join(line.split())
        if not stripped:
            i += 1
            continue
        prov = Provenance(file=path.name, paragraph=i + 1, page=pages[i])
        if RULE_LINE.fullmatch(stripped):  # "-----" between news items: a separator, no text
            i += 1
            continue
        if stripped.startswith(FOOTNOTE_MARK):
            doc.blocks.append(Block(kind=BlockKind.footnote, text=stripped.lstrip(FOOTNOTE_MARK + " "), prov=prov))
            i += 1
            continue
        label, number, rest, kind = split_label(stripped)
        if kind is None and line[:1] == " " and item_end == i - 1:
            doc.blocks[-1].text += " " + stripped  # "• Action plan approved by Government," / "  Dec. 2001"
            item_end = i
            i += 1
            continue
        if kind in ("decimal", "letter") and not rest.strip():
            # "4)" alone on a line: the item's words are on the next line
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines):
                rest, i = " ".join(lines[j].split()), j
        next_line = next((ln for ln in lines[i + 1:] if ln.strip()), None)
        if kind == "roman":
            doc.blocks.append(Block(kind=BlockKind.heading, level=2, label=label, number=number,
                                    numbered=True, text=stripped, prov=prov))
        elif kind is not None:
            level = label.count(".") - 1 if kind == "outline" else int(kind == "bullet" and line[:2] == "  ")
            doc.blocks.append(Block(kind=BlockKind.list_item, label=label, number=number,
                                    numbered=kind != "bullet", level=max(level, 0), text=rest.strip(), prov=prov))
            item_end = i
        elif _is_heading(stripped, next_line):
            doc.blocks.append(Block(kind=BlockKind.heading, level=1 if not doc.blocks else 2, text=stripped, prov=prov))
        else:
            doc.blocks.append(Block(kind=BlockKind.paragraph, text=stripped, prov=prov))
        i += 1
    return doc


def _read_tables(path: Path, lines: list[str], i: int, first_index: int) -> tuple[int, list[Block]]:
    """Rows of tab-indented cells separated by blank lines; a row equal to the header starts a new table."""
    rows: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start_line = i
    while i < len(lines) and (lines[i].startswith("\t") or not lines[i].strip()):
        if lines[i].startswith("\t"):
            if not current:
                start_line = i
            current.append(" ".join(lines[i].split()))
        elif current:
            rows.append((start_line, current))
            current = []
        i += 1
    if current:
        rows.append((start_line, current))
    blocks: list[Block] = []
    header: list[str] | None = None
    for line_no, cells in rows:
        if header is not None and _norm(cells) == _norm(header):
            header = None  # the header again: a new table
        if header is None:
            header = cells
            blocks.append(Block(kind=BlockKind.table, header=cells,
                                prov=Provenance(file=path.name, paragraph=line_no + 1, table=first_index + len(blocks))))
            continue
        table = blocks[-1]
        width = len(header)
        cells = (cells + [""] * width)[:width] if len(cells) <= width else cells[: width - 1] + [" ".join(cells[width - 1:])]
        table.rows.append(TableRow(cells=cells, index=len(table.rows)))
    return i, blocks


TAB_TABLE_ROWS = 2  # a header line and at least this many rows


PAGE_LINE = re.compile(r"\bpage\s+\d+\b", re.I)  # "Work Programme 2016<TAB>page 2": a footer, no row
SECTION_ROW = re.compile(r"^\s*(?:[A-Z]|\d{1,2}|[IVX]{1,4})[.)]\s+\S")  # "B. Performance benchmarking"


def _section_row(line: str) -> bool:
    return SECTION_ROW.match(line) is not None or split_label(" ".join(line.split()))[3] is not None


def _cells(line: str) -> list[str]:
    return [" ".join(c.split()) for c in line.rstrip().split("\t")]


def _tab_row(line: str) -> bool:
    return "\t" in line.strip() and len([c for c in _cells(line) if c]) >= 2 and not PAGE_LINE.search(line)


def _numbered_with_tab(line: str) -> bool:
    """"1.1.<TAB>Adopt the Strategy ...": Word's automatic numbering saved as text, a list item and
    not a table of two columns."""
    cells = [c for c in _cells(line) if c]
    if len(cells) != 2:
        return False
    label, _, rest, kind = split_label(f"{cells[0]} {cells[1]}")
    return kind in ("decimal", "outline", "letter", "lower_roman") and label is not None \
        and label.strip(" .") == cells[0].strip(" .") and rest.strip(" .") == cells[1].strip(" .")


def _rows_go_on(lines: list[str], j: int) -> bool:
    """A tab row follows within the next two lines, no blank line between."""
    for line in lines[j + 1: j + 3]:
        if not line.strip():
            return False
        if _tab_row(line):
            return True
    return False


def _read_tab_rows(path: Path, lines: list[str], i: int, index: int,
                   headerless: bool = False) -> tuple[int, Block] | None:
    """A table written one row a line, cells split by tabs (`Activity<TAB>Responsible<TAB>Time
    limit`, then a line per row), as a spreadsheet or Word pastes: the first line is the header.
    None unless the header and at least TAB_TABLE_ROWS lines after it each have two cells or more.
    Between rows, a line without tabs is a section row ("B. Performance benchmarking", skipped) or,
    unlabelled, the rest of the row before it (a cell that broke over two lines); the header
    printed again is skipped. A `headerless` table (a calendar, see `space_tables`) has rows only."""
    if not _tab_row(lines[i]):
        return None
    header = [] if headerless else _cells(lines[i])
    width = len(_cells(lines[i]))
    rows: list[list[str]] = []
    sectioned = False
    opening = ""  # the first line of a row's first cell, its rest on the tab line after it
    j = i if headerless else i + 1
    while j < len(lines):
        line = lines[j]
        if rows and _opens_next_row(line, lines[j + 1] if j + 1 < len(lines) else ""):
            # "Organise the second study visit of librarians to member" / "libraries in Estonia<TAB>...":
            # the cell broke before the tabs, and the row goes on in lower case on the next line
            opening = " ".join(line.split())
        elif rows and line.startswith("\t") and line.strip() and not _cells(line)[0]:
            # "<TAB><TAB>autumn 2022<TAB>least six partners": the cells of the row above broken onto a
            # line of their own, each under its column
            for k, cell in enumerate(_cells(line)[:width]):
                if cell:
                    rows[-1][k] = f"{rows[-1][k]} {cell}".strip()
        elif _untitled_section_row(line, rows, width) and _rows_go_on(lines, j) and (not rows or sectioned):
            # "Governance and strategy" right under the header: the table is cut in sections, and a
            # title of the same kind between its rows ("Joint inspections") opens the next one; in a
            # table that does not start with one, such a line is the rest of a cell
            sectioned = True
        elif _tab_row(line):
            row = _cells(line)
            if opening:
                row[0], opening = f"{opening} {row[0]}", ""
            if _norm(row) != _norm(header):
                rows.append((row + [""] * width)[:width] if len(row) <= width
                            else row[: width - 1] + [" ".join(row[width - 1:])])
        elif line.strip() and "\t" not in line.strip() and rows and (_rows_go_on(lines, j) or _cell_rest(line)):
            if not _section_row(line):
                last = max(k for k, c in enumerate(rows[-1]) if c) if any(rows[-1]) else 0
                rows[-1][last] = f"{rows[-1][last]} {' '.join(line.split())}".strip()
        elif not (line.strip() and not rows and _section_row(line) and _rows_go_on(lines, j)):
            break  # a section row right under the header is read on; anything else ends the table
        j += 1
    if len(rows) < TAB_TABLE_ROWS:
        return None
    block = Block(kind=BlockKind.table, header=header, prov=Provenance(file=path.name, paragraph=i + 1, table=index))
    block.rows.extend(TableRow(cells=row, index=k) for k, row in enumerate(rows))
    return j, block


def _opens_next_row(line: str, next_line: str) -> bool:
    """A line without tabs whose sentence the next tab row finishes: the next row's first cell
    starts in lower case ("libraries in Estonia and Finland<TAB>Secretariat<TAB>April 2025")."""
    if not line.strip() or "\t" in line or line[:1] == " " or not _tab_row(next_line):
        return False  # a line under a column ("<TAB><TAB>Maritime Policy, 3rd meeting") ends the row above
    first = _cells(next_line)[0]
    return first[:1].islower() and not line.rstrip().endswith((".", ":", ";"))


def _untitled_section_row(line: str, rows: list[list[str]], width: int) -> bool:
    """A short title on a line of its own under the header or after a complete row ("Governance and
    strategy"): no tab, a capital first, no digits, no end punctuation."""
    words = line.split()
    if _section_row(line):
        return False  # "B. Performance benchmarking": a labelled section, read as before
    return "\t" not in line and 1 <= len(words) <= 6 and words[0][:1].isupper() and not re.search(r"\d", line) \
        and not line.rstrip().endswith((".", ",", ";", ":")) and (not rows or all(c for c in rows[-1][:width]))


def _norm(cells: list[str]) -> list[str]:
    return [re.sub(r"\W+", "", c).lower() for c in cells]
