"""Word XML pieces read by pipeline/readers/docx_content.py, on elements written here: a symbol
character at the edges of the Symbol fonts' private range, a shape's offset with a coordinate
missing, and math runs with Word's own text elements. Expected values by hand."""
from __future__ import annotations

import pytest
from lxml import etree

from pipeline.readers import docx_content as dc

pytestmark = pytest.mark.unit

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
      "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
DECL = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())


def sym(code: str):
    return etree.fromstring(f'<w:sym {DECL} w:font="Wingdings" w:char="{code}"/>')


@pytest.mark.parametrize("code, text", [
    ("EFFF", "\uefff"),  # just below the range: its own character
    ("F000", ""),  # the range's first: a glyph of the font's own, nothing
    ("F001", ""),
    ("F0FE", dc.CHECKED), ("F06F", dc.UNCHECKED), ("F0A8", dc.UNCHECKED), ("F078", dc.CHECKED),
    ("F0FF", ""),
    ("F100", "\uf100"),  # just above
    ("2022", "•"),
    ("zz", ""),
])
def test_symbol_characters(code, text):
    assert dc._symbol(sym(code)) == text


def shape(off: str) -> etree._Element:
    return etree.fromstring(f'<wps:wsp {DECL}><wps:spPr><a:xfrm>{off}</a:xfrm></wps:spPr></wps:wsp>')


def test_a_shapes_offset_with_a_coordinate_missing():
    assert dc._shape_offset(shape('<a:off x="10" y="20"/>')) == (20, 10)
    assert dc._shape_offset(shape('<a:off x="10"/>')) == (0, 10)
    assert dc._shape_offset(shape('<a:off y="7"/>')) == (7, 0)
    assert dc._shape_offset(shape('<a:off x="ten" y="1"/>')) == (-1, -1)
    assert dc._shape_offset(shape("")) == (-1, -1)


def test_math_text_of_word_and_math_runs():
    assert dc._math(etree.fromstring(f"<w:t {DECL}>x + 1</w:t>")) == "x + 1"
    assert dc._math(etree.fromstring(f"<m:t {DECL}>y</m:t>")) == "y"
    assert dc._math(etree.fromstring(f"<w:t {DECL}/>")) == ""
    assert dc._math(etree.fromstring(f"<m:fPr {DECL}><m:t>z</m:t></m:fPr>")) == ""
