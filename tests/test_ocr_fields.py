"""What OCR does to a plan table's fields, read through: a header cell lost or misread (columns
found by their content), priority codes with stray letters and punctuation, a country cell whose
"+" was lost or whose words were glued, a legend read as a bulleted item and broken over two
lines, a legend word misread. Cell texts are what Tesseract gave on the seed scans (bench/OCR.md)."""
from __future__ import annotations

import pytest

from extractors.columns import column_roles
from extractors.entities.places import countries_from_cell
from extractors.entities.registry import load_registry
from extractors.segment import priority_codes, table_roles
from extractors.structure import Structure, analyse
from extractors.entities.themes import legend_themes
from schemas.document import Block, BlockKind, Document, Provenance, TableRow

LEGEND = {"A": "Protection from sexual exploitation", "B": "Street children", "C": "Children in institutions",
          "D": "Young offenders", "E": "Unaccompanied and trafficked children"}


@pytest.mark.parametrize("cell, codes", [
    ("A, B, C, D, E", ["A", "B", "C", "D", "E"]),
    ("Cc", ["C"]),
    ("C, DLE", ["C", "D", "E"]),
    ("A,B,C,.D,E", ["A", "B", "C", "D", "E"]),
    ("D|E", ["D", "E"]),
    ("All", []),
    ("Yearly", []),
])
def test_priority_codes_read_through_ocr_noise(cell, codes):
    assert priority_codes(cell, LEGEND) == codes


def _table(header, rows):
    return Block(kind=BlockKind.table, text="", header=header, prov=Provenance(file="t.pdf", page=1, block=0),
                 rows=[TableRow(cells=r, index=i) for i, r in enumerate(rows, 1)])


def test_member_state_and_priority_columns_found_by_content():
    header = ["", "Prlorlty*", "Activity", "Time limit"]  # OCR: the first header cell empty, the second misread
    rows = [["All", "A, B, C", "Revise the priority paper", "April 2009"],
            ["Latvia", "Cc", "Train the staff of institutions", "May 2009"],
            ["All Ukraine and Belarus", "C, DLE", "Publish the report", "June 2009"]]
    assert "member_state" not in column_roles(header)
    structure = Structure(kind="table_plan", title=None, period=None, legend=LEGEND)
    roles = table_roles(_table(header, rows), structure, load_registry())
    assert roles == {"activity": 2, "deadline": 3, "member_state": 0, "priority": 1}


def test_a_column_of_prose_is_no_member_state_column():
    header = ["", "Activity", "Time limit"]
    rows = [["Discussion at the meeting", "Revise the priority paper", "April 2009"],
            ["Written procedure", "Train the staff", "May 2009"]]
    structure = Structure(kind="table_plan", title=None, period=None, legend=LEGEND)
    assert table_roles(_table(header, rows), structure, load_registry()) == {"activity": 1, "deadline": 2}


@pytest.mark.parametrize("cell, codes", [
    ("All Ukraine and Belarus", ["ALL", "UA", "BY"]),  # "All + Ukraine and Belarus" with the "+" lost
    ("Allmember states UA, BL and MD", ["ALL", "UA", "BY", "MD"]),
    ("All Ukraine _and Belarus", ["ALL", "UA", "BY"]),
    ("3-4 countries", []),
    ("Albania", []),
])
def test_country_cells_read_through_ocr_noise(cell, codes):
    assert countries_from_cell(cell, load_registry()) == codes


def test_a_misread_legend_word_is_put_right_on_a_scan_only():
    legend = {"E": "Unacconipanied and trafficked children"}
    assert [t.theme for t in legend_themes(legend, ocr=True)["E"]] == ["trafficking", "migration"]
    assert [t.theme for t in legend_themes(legend)["E"]] == ["trafficking"]  # a typed legend is taken as written


def test_legend_read_as_a_bulleted_item_and_broken_over_two_lines():
    doc = Document(path="s.pdf", name="s.pdf", format="pdf", sha256="0", language="en")
    texts = [(BlockKind.paragraph, "Activity Plan 2008-2009"),
             (BlockKind.list_item, "Priorities: A: Protection from sexual exploitation. B: Street children and "
                                   "children without family. C: Children in institutions. D: Young offenders and"),
             (BlockKind.paragraph, "self-destructive acts. E: Unaccompanied and trafficked children.")]
    for i, (kind, text) in enumerate(texts):
        doc.blocks.append(Block(kind=kind, text=text, label="•" if kind is BlockKind.list_item else None,
                                prov=Provenance(file="s.pdf", page=1, block=i)))
    legend = analyse(doc).legend
    assert legend == {"A": "Protection from sexual exploitation", "B": "Street children and children without family",
                      "C": "Children in institutions", "D": "Young offenders and self-destructive acts",
                      "E": "Unaccompanied and trafficked children"}
