"""Word's list numbering and tables (pipeline/readers/docx_reader.py): labels from a numbering part
written here (levels, formats, a restart, bullets, a list with no definition), and a table made by
python-docx with a two-row repeated header and a merged header cell. Expected values by hand."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from lxml import etree

from pipeline.readers import read_document
from pipeline.readers.docx_reader import Numbering
from schemas.document import BlockKind

pytestmark = pytest.mark.unit

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERING = f"""<w:numbering xmlns:w="{W}">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/></w:lvl>
    <w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%4"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def numbering() -> Numbering:
    element = etree.fromstring(NUMBERING)
    return Numbering(SimpleNamespace(part=SimpleNamespace(numbering_part=SimpleNamespace(element=element))))


def test_list_labels_count_per_level_and_restart():
    n = numbering()
    got = [n.label(num, lvl) for num, lvl in (("1", 0), ("1", 1), ("1", 1), ("1", 0), ("1", 1), ("1", 2), ("1", 3),
                                               ("1", 3), ("2", 0), ("3", 0), ("9", 1), ("9", 1))]
    assert got == [("1.", 1, True), ("1.a)", 1, True), ("1.b)", 2, True), ("2.", 2, True), ("2.a)", 1, True),
                   ("•", None, False), ("III", 3, True), ("IV", 4, True),
                   ("5.", 5, True),  # list 2 restarts the shared counter at 5
                   ("o", None, False),
                   ("1.", 1, True), ("2.", 2, True)]  # a list with no definition: decimal, "%2."


def test_a_document_without_numbering_labels_decimally():
    n = Numbering(SimpleNamespace(part=SimpleNamespace()))  # no numbering part
    assert (n.levels, n.nums) == ({}, {})
    assert n.label("4", 0) == ("1.", 1, True)


def _repeat_header(row):
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def test_a_table_with_a_two_row_header_and_a_merged_cell(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("The plan's activities are in the table below.")
    t = d.add_table(rows=5, cols=3)
    texts = [["Activity", "Responsible", "Time"], ["", "(lead)", "(year)"], ["Train police", "Ministry", "2010"],
             ["", "", ""], ["Map services", "City", "2011"]]
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    _repeat_header(t.rows[0])
    _repeat_header(t.rows[1])
    d.add_paragraph("A second table follows, its header merged over two columns.")
    t2 = d.add_table(rows=3, cols=3)
    t2.cell(0, 0).text = "Activity"
    merged = t2.cell(0, 1).merge(t2.cell(0, 2))
    merged.text = "When"
    for r, row in enumerate([["Hold seminar", "May", "2012"], ["Publish guide", "June", "2013"]], 1):
        for c, text in enumerate(row):
            t2.cell(r, c).text = text
    path = tmp_path / "tables.docx"
    d.save(path)
    tables = [b for b in read_document(path).blocks if b.kind is BlockKind.table]
    assert [(b.header, [r.cells for r in b.rows], b.prov.table) for b in tables] == [
        (["Activity", "Responsible (lead)", "Time (year)"], [["Train police", "Ministry", "2010"],
                                                             ["Map services", "City", "2011"]], 0),
        (["Activity", "When"], [["Hold seminar", "May 2012"], ["Publish guide", "June 2013"]], 1)]
