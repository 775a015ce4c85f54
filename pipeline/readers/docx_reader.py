"""Word reader (python-docx and its lxml tree): body order with tables interleaved, list numbers
resolved from numbering.xml, merged cells and repeated header rows, headers/footers kept apart.

Read beyond plain paragraphs (pipeline/readers/docx_content.py): text boxes and shapes (DrawingML
`wps:txbx` and VML `v:textbox`, each read once, as blocks after the paragraph that anchors them),
content controls (block, row, cell and inline `w:sdt`) and custom XML wrappers, check boxes (`w14:checkbox` and legacy
FORMCHECKBOX fields as ☐/☒), equations (OMML as linear text), symbols (`w:sym`), nested tables
(flattened into their cell's text), footnotes and endnotes (footnote blocks), comments (kept apart
in `Document.comments`, never body text), Strict Open XML (namespaces mapped to transitional).

Still skipped: tracked deletions and moved-from text (the accepted text is read), field codes
(their results are read), text in images (no OCR here), charts and SmartArt diagrams (their
text lives in separate parts), embedded objects (OLE), alt text of pictures, glossary parts,
and the Strict-specific attribute values python-docx would misread if we asked it for
formatting (we only ask for styles and numbering ids).
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from schemas.errors import UnreadableFile
from pipeline.limits import check_zip
from pipeline.readers import register
from pipeline.readers.docx_content import (is_strict, lines_of_their_own, paragraph_lines, paragraph_text, strict_to_transitional, text_boxes,
                                           unwrap_block_controls)
from pipeline.readers.labels import block_from_text, format_number, split_label
from schemas.document import Block, BlockKind, Document, Provenance, TableRow

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open(path: Path, data: bytes):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_zip(zf)  # before anything is unpacked: sizes are in the zip directory
            names = set(zf.namelist())
            if "word/document.xml" not in names:
                raise UnreadableFile(str(path), "zip archive without word/document.xml: not a Word document")
            bad = zf.testzip()
            if bad:
                raise UnreadableFile(str(path), f"corrupt .docx: damaged member {bad}")
            strict = is_strict(zf.read("word/document.xml"))
    except zipfile.BadZipFile:
        raise UnreadableFile(str(path), "not a valid .docx: not a zip archive (truncated or corrupt)") from None
    if strict:  # python-docx knows only the transitional namespaces
        data = strict_to_transitional(data)
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise UnreadableFile(str(path), f"not a readable .docx: {exc}") from None
    except Exception as exc:  # lxml errors in damaged XML parts
        raise UnreadableFile(str(path), f"damaged .docx XML: {type(exc).__name__}: {exc}") from None


class Numbering:
    """Word list numbering: counters per abstract list, restarts by startOverride."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.seen: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for absn in root.iter(W + "abstractNum"):
            aid = absn.get(W + "abstractNumId")
            lvls = {}
            for lvl in absn.iter(W + "lvl"):
                ilvl = int(lvl.get(W + "ilvl", "0"))
                fmt = _val(lvl.find(W + "numFmt"), "decimal")
                text = _val(lvl.find(W + "lvlText"), "")
                start = int(_val(lvl.find(W + "start"), "1") or 1)
                lvls[ilvl] = (fmt, text, start)
            self.levels[aid] = lvls
        for num in root.iter(W + "num"):
            nid = num.get(W + "numId")
            aid = _val(num.find(W + "abstractNumId"), None)
            overrides = {}
            for ov in num.iter(W + "lvlOverride"):
                so = ov.find(W + "startOverride")
                if so is not None:
                    overrides[int(ov.get(W + "ilvl", "0"))] = int(so.get(W + "val"))
            self.nums[nid] = (aid, overrides)

    def label(self, num_id: str, ilvl: int) -> tuple[str, int | None, bool]:
        """(label, ordinal, numbered) for the next paragraph of list num_id at level ilvl."""
        aid, overrides = self.nums.get(num_id, (None, {}))
        lvls = self.levels.get(aid or "", {})
        fmt, text, start = lvls.get(ilvl, ("decimal", f"%{ilvl + 1}.", 1))
        counters = self.counters.setdefault(aid or num_id, [None] * 9)
        if num_id not in self.seen:
            self.seen.add(num_id)
            for lv, value in overrides.items():
                if lv < 9:
                    counters[lv] = value - 1
        counters[ilvl] = (counters[ilvl] + 1) if counters[ilvl] is not None else start
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if fmt in ("bullet", "none"):
            return (text.strip() or "•"), None, False

        def sub(m: re.Match) -> str:
            lv = int(m.group(1)) - 1
            lv_fmt, _, lv_start = lvls.get(lv, ("decimal", "", 1))
            return format_number(counters[lv] if counters[lv] is not None else lv_start, lv_fmt)

        return re.sub(r"%(\d)", sub, text), counters[ilvl], True


def _val(el, default):
    return el.get(W + "val") if el is not None else default


class Styles:
    """Paragraph and character styles by id, read once: python-docx looks a style up by scanning
    styles.xml on every `paragraph.style`, which dominated reading time on long documents."""

    def __init__(self, document):
        self.name: dict[str, str] = {}
        self.base: dict[str, str | None] = {}
        self.num_pr: dict[str, object] = {}
        self.italic: dict[str, bool] = {}
        self.default_paragraph = None
        for el in document.styles.element.iter(W + "style"):
            sid = el.get(W + "styleId")
            name_el = el.find(W + "name")
            self.name[sid] = name_el.get(W + "val") if name_el is not None else sid
            based = el.find(W + "basedOn")
            self.base[sid] = based.get(W + "val") if based is not None else None
            ppr = el.find(W + "pPr")
            num = ppr.find(W + "numPr") if ppr is not None else None
            if num is not None:
                self.num_pr[sid] = num
            rpr = el.find(W + "rPr")
            i = rpr.find(W + "i") if rpr is not None else None
            self.italic[sid] = i is not None and i.get(W + "val", "true") not in ("0", "false")
            if el.get(W + "type") == "paragraph" and el.get(W + "default") in ("1", "true"):
                self.default_paragraph = sid
        # Word's built-in names are lower-case in styles.xml ("heading 2"); python-docx shows them capitalised
        self.name = {k: (v[0].upper() + v[1:]) if v.startswith(("heading", "title")) else v for k, v in self.name.items()}

    def paragraph_style(self, p_el) -> str | None:
        ppr = p_el.find(W + "pPr")
        ps = ppr.find(W + "pStyle") if ppr is not None else None
        return ps.get(W + "val") if ps is not None else self.default_paragraph

    def num_pr_of(self, p_el, style_id: str | None) -> tuple[str, int] | None:
        """numId/ilvl from the paragraph, or from its style chain (List Number styles)."""
        ppr = p_el.find(W + "pPr")
        num = ppr.find(W + "numPr") if ppr is not None else None
        seen = set()
        while num is None and style_id and style_id not in seen:
            seen.add(style_id)
            num = self.num_pr.get(style_id)
            style_id = self.base.get(style_id)
        if num is None:
            return None
        nid, lvl = num.find(W + "numId"), num.find(W + "ilvl")
        if nid is None or nid.get(W + "val") in (None, "0"):
            return None  # numbering switched off
        return nid.get(W + "val"), int(lvl.get(W + "val")) if lvl is not None else 0

    def run_flags(self, p_el, style_id: str | None) -> tuple[bool, bool]:
        """(all runs italic, all runs bold) over the runs that hold text."""
        italic_all = bold_all = True
        any_text = False
        for r in p_el.iter(W + "r"):
            if not "".join(t.text or "" for t in r.iter(W + "t")).strip():
                continue
            any_text = True
            rpr = r.find(W + "rPr")

            def flag(tag, from_style):
                el = rpr.find(W + tag) if rpr is not None else None
                if el is not None:
                    return el.get(W + "val", "true") not in ("0", "false")
                rs = rpr.find(W + "rStyle") if rpr is not None else None
                return from_style.get(rs.get(W + "val"), False) if rs is not None else from_style.get(style_id, False)

            italic_all &= flag("i", self.italic)
            bold_all &= flag("b", {})
        return any_text and italic_all, any_text and bold_all


def _page_breaks(p_el) -> int:
    n = 0
    for el in p_el.iter(W + "br", W + "lastRenderedPageBreak"):
        if el.tag == W + "lastRenderedPageBreak" or el.get(W + "type") == "page":
            n += 1
    return n


def _new_page_sections(body) -> list[bool]:
    """Per section of the body, in order: does it start on a new page? A section's own properties
    say how it starts (the default "next page": one section per slide, a landscape annex); they
    stand in the paragraph that ends it, the last section's at the end of the body."""
    props = body.findall(f"{W}p/{W}pPr/{W}sectPr") + body.findall(f"{W}sectPr")
    kinds = [sect.find(f"{W}type") for sect in props]
    return [kind is None or kind.get(W + "val") in (None, "nextPage", "oddPage", "evenPage") for kind in kinds]


@register("docx")
def read_docx(path: Path, data: bytes, sha256: str) -> Document:
    from docx.table import Table

    document = _open(path, data)
    doc = Document(path=str(path), name=path.name, format="docx", sha256=sha256)
    if is_strict_package(document):
        doc.warnings.append("Strict Open XML: read through its transitional namespaces")
    unwrap_block_controls(document.element.body)
    numbering = Numbering(document)
    styles = Styles(document)
    page, para_index, table_index, new_section, sections_ended = 1, 0, 0, False, 0
    new_page = _new_page_sections(document.element.body)

    def read_container(container) -> None:
        """Paragraphs and tables of the body or of a text box, in order; a paragraph's text boxes after it."""
        nonlocal page, para_index, table_index, new_section, sections_ended
        for child in container.iterchildren(W + "p", W + "tbl"):
            if child.tag == W + "tbl":
                block = _read_table(Table(child, document), path.name, table_index, page)
                table_index += 1
                if block is not None:
                    doc.blocks.append(block)
                continue
            para_index += 1
            breaks = _page_breaks(child) if para_index > 1 else 0
            page += max(breaks, int(new_section))  # Word renders the break the section began with
            new_section = False
            if child.find(f"{W}pPr/{W}sectPr") is not None:  # the paragraph ends a section
                sections_ended += 1
                new_section = sections_ended < len(new_page) and new_page[sections_ended]
            text = paragraph_text(child)
            lines = paragraph_lines(child) if text else []
            for line in (lines if lines_of_their_own(lines) else [text] if text else []):
                doc.blocks.append(_paragraph_block(child, line, Provenance(file=path.name, page=page, paragraph=para_index),
                                                   styles, numbering))
            for box in text_boxes(child):
                read_container(box)

    read_container(document.element.body)
    doc.pages = page
    doc.furniture = _furniture(document)
    doc.blocks.extend(_notes(document, path.name, page))
    doc.comments = _comments(document)
    return doc


def is_strict_package(document) -> bool:
    return document.element.get(W + "conformance") == "strict"


def _paragraph_block(p_el, text: str, prov: Provenance, styles: Styles, numbering: Numbering) -> Block:
    style_id = styles.paragraph_style(p_el)
    style = styles.name.get(style_id, style_id or "")
    italic, bold = styles.run_flags(p_el, style_id)
    heading_level = _heading_level(style)
    num = styles.num_pr_of(p_el, style_id)
    if heading_level is not None and num is None:
        label, number, _, label_kind = split_label(text)  # a typed "II" or "2." opens a numbered section
        return Block(kind=BlockKind.heading, level=heading_level, text=text, style=style,
                     label=label if label_kind not in (None, "bullet") else None, number=number,
                     numbered=label_kind not in (None, "bullet"), italic=italic, bold=bold, prov=prov)
    if num is not None:
        label, number, numbered = numbering.label(*num)
        kind = BlockKind.heading if heading_level is not None else BlockKind.list_item
        return Block(kind=kind, level=num[1] if kind is BlockKind.list_item else heading_level,
                     label=label, number=number, numbered=numbered, text=text,
                     style=style, italic=italic, bold=bold, prov=prov)
    return block_from_text(text, prov, italic=italic, bold=bold, style=style)  # typed labels ("1) ...", "• ...")


def _heading_level(style: str) -> int | None:
    if style == "Title":
        return 0
    m = re.match(r"Heading (\d)", style or "")
    return int(m.group(1)) if m else None


def _cell_text(cell) -> str:
    """A cell's paragraphs, its text boxes and any table nested in it, as one line of text."""
    parts = []
    for el in cell._tc.iterchildren(W + "p", W + "tbl"):
        paragraphs = [el] if el.tag == W + "p" else _paragraphs_outside_fallbacks(el)
        for p in paragraphs:
            parts.append(paragraph_text(p))
            parts += [paragraph_text(q) for box in text_boxes(p) for q in _paragraphs_outside_fallbacks(box)]
    return " ".join(t for t in parts if t)


def _paragraphs_outside_fallbacks(root) -> list:
    """Every paragraph under root except the VML copies a DrawingML text box keeps as fallback."""
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    return [p for p in root.iter(W + "p") if not any(a.tag == fallback for a in p.iterancestors())]


def _read_table(table, file: str, index: int, page: int) -> Block | None:
    rows = []
    header_rows = []
    for r_i, row in enumerate(table.rows):
        cells, last = [], None
        for cell in row.cells:
            if last is not None and cell._tc is last:
                continue  # a horizontally merged cell is returned once per grid column
            last = cell._tc
            cells.append(_cell_text(cell))
        tr_pr = row._tr.trPr
        repeat = tr_pr is not None and tr_pr.find(W + "tblHeader") is not None
        if repeat and len(rows) == 0:
            header_rows.append(cells)
        else:
            rows.append(cells)
    if not header_rows and rows:
        header_rows = [rows.pop(0)]
    if not header_rows:
        return None
    header = header_rows[0]
    for extra in header_rows[1:]:  # a multi-row header: join the texts column by column
        header = [" ".join(t for t in pair if t) for pair in zip(header, extra)]
    width = len(header)
    block = Block(kind=BlockKind.table, header=header, prov=Provenance(file=file, page=page, table=index))
    for cells in rows:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        elif len(cells) > width:
            cells = cells[: width - 1] + [" ".join(cells[width - 1:])]
        block.rows.append(TableRow(cells=cells, index=len(block.rows), pages=[page]))
    return block


def _furniture(document) -> list[str]:
    texts: list[str] = []
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            try:
                if part.is_linked_to_previous and texts:
                    continue
                for p in _paragraphs_outside_fallbacks(part._element):
                    t = paragraph_text(p)
                    if t and t not in texts:
                        texts.append(t)
            except (AttributeError, KeyError, ValueError):
                continue
    return texts


NOTE_SEPARATORS = ("separator", "continuationSeparator", "continuationNotice")


def _part_roots(document, reltype_suffix: str):
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype.endswith(reltype_suffix) and not rel.is_external:
            yield etree.fromstring(rel.target_part.blob)


def _notes(document, file: str, page: int) -> list[Block]:
    """Footnotes, then endnotes, as footnote blocks after the body."""
    blocks = []
    for suffix, tag in (("/footnotes", "footnote"), ("/endnotes", "endnote")):
        for root in _part_roots(document, suffix):
            for note in root.iter(W + tag):
                if note.get(W + "type") in NOTE_SEPARATORS:
                    continue
                text = " ".join(t for t in (paragraph_text(p) for p in _paragraphs_outside_fallbacks(note)) if t)
                if text:
                    blocks.append(Block(kind=BlockKind.footnote, text=text, prov=Provenance(file=file, page=page)))
    return blocks


def _comments(document) -> list[str]:
    """Reviewers' comments as `Author: text`: kept apart, they are not what the document says."""
    out = []
    for root in _part_roots(document, "/comments"):
        for comment in root.iter(W + "comment"):
            text = " ".join(t for t in (paragraph_text(p) for p in _paragraphs_outside_fallbacks(comment)) if t)
            if text:
                author = comment.get(W + "author")
                out.append(f"{author}: {text}" if author else text)
    return out
