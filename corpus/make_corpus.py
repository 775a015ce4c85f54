"""Re-make the corpus: each seed as .txt (as given), .docx (python-docx, laid out the way a
secretariat makes it in Word) and .pdf (the .docx through LibreOffice headless, so a real
layout engine splits tables across pages).

    python corpus/make_corpus.py [--seeds ../shared/seeds] [--no-pdf]

The seeds' content is read with planscope's own text reader; everything about the Word
layout (styles, auto-numbering with restarts, repeated header rows, landscape pages, page
headers and footers) is decided here.
"""
from __future__ import annotations

import argparse
import copy
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docx import Document as WordDocument  # noqa: E402
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402

from pipeline.readers import read_document  # noqa: E402
from schemas.document import BlockKind  # noqa: E402

HERE = Path(__file__).resolve().parent


class WordLists:
    """Creates numbering definitions: one abstract list per label style, a new w:num per restart."""

    FORMATS = {"decimal": "decimal", "letter": "lowerLetter", "roman": "upperRoman", "bullet": "bullet"}

    def __init__(self, document):
        self.numbering = document.part.numbering_part.element
        self.abstract: dict[tuple[str, str], int] = {}
        self.current: dict[tuple[str, str], int] = {}
        self.next_abstract = 100
        self.next_num = 100

    def _abstract_for(self, fmt: str, lvl_text: str) -> int:
        key = (fmt, lvl_text)
        if key in self.abstract:
            return self.abstract[key]
        aid = self.next_abstract
        self.next_abstract += 1
        absn = OxmlElement("w:abstractNum")
        absn.set(qn("w:abstractNumId"), str(aid))
        for ilvl in range(3):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(ilvl))
            for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", lvl_text if ilvl == 0 else f"%{ilvl + 1}.")):
                el = OxmlElement(tag)
                el.set(qn("w:val"), val)
                lvl.append(el)
            ppr = OxmlElement("w:pPr")
            ind = OxmlElement("w:ind")
            ind.set(qn("w:left"), str(720 * (ilvl + 1)))
            ind.set(qn("w:hanging"), "360")
            ppr.append(ind)
            lvl.append(ppr)
            absn.append(lvl)
        # abstractNum elements must precede num elements
        first_num = self.numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(absn)
        else:
            self.numbering.append(absn)
        self.abstract[key] = aid
        return aid

    def num_id(self, kind: str, label: str, number: int | None) -> int:
        fmt = self.FORMATS.get(kind, "decimal")
        lvl_text = "•" if kind == "bullet" else ("%1" + (label[-1] if label[-1] in ".)" else "."))
        key = (fmt, lvl_text)
        restart = number == 1 or key not in self.current
        if not restart:
            return self.current[key]
        aid = self._abstract_for(fmt, lvl_text)
        nid = self.next_num
        self.next_num += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(nid))
        ab = OxmlElement("w:abstractNumId")
        ab.set(qn("w:val"), str(aid))
        num.append(ab)
        if number and number > 1 and kind != "bullet":
            ov = OxmlElement("w:lvlOverride")
            ov.set(qn("w:ilvl"), "0")
            so = OxmlElement("w:startOverride")
            so.set(qn("w:val"), str(number))
            ov.append(so)
            num.append(ov)
        else:
            ov = OxmlElement("w:lvlOverride")
            ov.set(qn("w:ilvl"), "0")
            so = OxmlElement("w:startOverride")
            so.set(qn("w:val"), "1")
            ov.append(so)
            num.append(ov)
        self.numbering.append(num)
        self.current[key] = nid
        return nid


def set_list(paragraph, num_id: int, level: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(nid)
    ppr.append(num_pr)


def add_page_number_footer(section, prefix: str = "Page ") -> None:
    p = section.footer.paragraphs[0]
    p.text = prefix
    run = p.add_run()
    for tag, attr in (("w:fldChar", "begin"), ("w:instrText", None), ("w:fldChar", "end")):
        el = OxmlElement(tag)
        if attr:
            el.set(qn("w:fldCharType"), attr)
        else:
            el.set(qn("xml:space"), "preserve")
            el.text = "PAGE"
        run._r.append(el)


def mark_header_row(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def add_quoted(paragraph, text: str) -> None:
    """Quotations from the senior officials' meeting are set in italics, as the plan says."""
    for part in re.split(r"(“[^”]*”?)", text):
        if part:
            paragraph.add_run(part).italic = part.startswith("“")


def build_docx(seed: Path, out: Path) -> None:
    parsed = read_document(seed)
    document = WordDocument()
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Serif"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    section = document.sections[0]
    has_tables = any(b.kind is BlockKind.table for b in parsed.blocks)
    if has_tables:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for margin in ("left_margin", "right_margin"):
        setattr(section, margin, Cm(2))
    is_report = sum(1 for b in parsed.blocks if re.match(r"^\d{1,2}(st|nd|rd|th)?\s*[-–]?\s*\d*\s*[A-Z][a-z]+[,.:]", b.text)) > 5
    if is_report:
        section.header.paragraphs[0].text = "CBSS Expert Group on Children at Risk – Annual Report"
    add_page_number_footer(section)
    lists = WordLists(document)
    first = True
    for block in parsed.blocks:
        if block.kind is BlockKind.table:
            table = document.add_table(rows=1, cols=len(block.header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.header):
                cell.text = text
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            mark_header_row(table.rows[0])
            for row in block.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row.cells):
                    cell.text = text
            document.add_paragraph()
            continue
        if first:
            document.add_paragraph(block.text, style="Title" if len(block.text) < 120 else None)
            first = False
            continue
        if block.kind is BlockKind.heading and block.label:  # "II Establishment ... “quote”"
            p = document.add_paragraph(style="Heading 2")
            add_quoted(p, block.text)
        elif block.kind is BlockKind.heading and block.text.endswith(":"):
            p = document.add_paragraph()
            p.add_run(block.text).bold = True
        elif block.kind is BlockKind.heading:
            document.add_paragraph(block.text, style="Heading 2")
        elif block.kind is BlockKind.list_item:
            p = document.add_paragraph()
            add_quoted(p, block.text)
            kind = "bullet" if not block.numbered else ("letter" if block.label[0].isalpha() else "decimal")
            set_list(p, lists.num_id(kind, block.label, block.number), block.level)
        elif block.kind is BlockKind.footnote:
            p = document.add_paragraph()
            run = p.add_run(block.text)
            run.font.size = Pt(9)
        else:
            p = document.add_paragraph()
            add_quoted(p, block.text)
    document.save(out)


def build_pdf(docx_path: Path, out_dir: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice is not installed: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out_dir), str(docx_path)],
            check=True, capture_output=True, timeout=180,
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", default=str(HERE.parent.parent / "shared" / "seeds"))
    ap.add_argument("--out", default=str(HERE))
    ap.add_argument("--no-pdf", action="store_true")
    args = ap.parse_args()
    out = Path(args.out)
    for seed in sorted(Path(args.seeds).glob("*.txt")):
        txt = out / seed.name
        if txt.resolve() != seed.resolve():
            shutil.copyfile(seed, txt)
        docx_path = out / (seed.stem + ".docx")
        build_docx(txt, docx_path)
        if not args.no_pdf:
            build_pdf(docx_path, out)
        print(f"made {seed.stem}: .txt .docx{'' if args.no_pdf else ' .pdf'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
