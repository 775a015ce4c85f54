"""Word's run content and equations as text, exactly (issue 29): tabs, breaks, hyphens, symbols,
check boxes, content controls, and each Office Math construct in linear form. Small XML written
here; expected text by hand."""
from __future__ import annotations

import pytest
from lxml import etree

from pipeline.readers.docx_content import math_text, paragraph_text

pytestmark = pytest.mark.unit

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')


def p(inner: str):
    return etree.fromstring(f"<w:p {NS}>{inner}</w:p>")


def r(text: str) -> str:
    return f"<w:r><w:t>{text}</w:t></w:r>"


@pytest.mark.parametrize("inner, text", [
    # a paragraph's text is whitespace-normalised: a tab or a line break is a space between words
    (r("Plan") + "<w:r><w:tab/></w:r>" + r("2009"), "Plan 2009"),
    (r("Plan") + "<w:r><w:ptab/></w:r>" + r("2009"), "Plan 2009"),
    (r("one") + "<w:r><w:br/></w:r>" + r("two"), "one two"),
    (r("one") + "<w:r><w:cr/></w:r>" + r("two"), "one two"),
    (r(" spaced  out "), "spaced out"),
    (r("co") + "<w:r><w:noBreakHyphen/></w:r>" + r("operation"), "co-operation"),
    (r("A") + '<w:r><w:sym w:font="Symbol" w:char="0042"/></w:r>', "AB"),  # a Unicode code point
    ('<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>', "☒"),  # a Wingdings box: checked
    ('<w:r><w:sym w:font="Wingdings" w:char="F06F"/></w:r>', "☐"),
    ('<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>', "☐"),
    ('<w:r><w:sym w:font="Wingdings" w:char="F078"/></w:r>', "☒"),
    ('<w:r><w:sym w:font="Wingdings" w:char="F041"/></w:r>', ""),  # a glyph of no meaning
    ('<w:r><w:sym w:char="zz"/></w:r>', ""),
    (r("kept") + "<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>", "kept"),
    (r("a") + '<w:r><w:instrText>PAGE</w:instrText></w:r>' + r("b"), "ab"),
    ('<w:sdt><w:sdtPr/><w:sdtContent>' + r("in a control") + '</w:sdtContent></w:sdt>', "in a control"),
    ('<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr>'
     '<w:sdtContent>' + r("X") + '</w:sdtContent></w:sdt>', "☒"),
    ('<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="0"/></w14:checkbox></w:sdtPr>'
     '<w:sdtContent>' + r("X") + '</w:sdtContent></w:sdt>', "☐"),
    ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:default w:val="1"/></w:checkBox>'
     '</w:ffData></w:fldChar></w:r>', "☒"),
    ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:default w:val="1"/>'
     '<w:checked w:val="false"/></w:checkBox></w:ffData></w:fldChar></w:r>', "☐"),  # its state over its default
    ('<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox/></w:ffData></w:fldChar></w:r>', "☐"),
])
def test_run_content_as_text(inner, text):
    assert paragraph_text(p(inner)) == text


def math(inner: str) -> str:
    return math_text(etree.fromstring(f"<m:oMath {NS}>{inner}</m:oMath>"))


def mr(text: str) -> str:
    return f"<m:r><m:t>{text}</m:t></m:r>"


def arg(name: str, text: str) -> str:
    return f"<m:{name}>{mr(text)}</m:{name}>"


@pytest.mark.parametrize("inner, text", [
    ("<m:f>" + arg("num", "a+b") + arg("den", "2") + "</m:f>", "(a+b)/2"),
    ("<m:f>" + arg("num", "x") + arg("den", "y") + "</m:f>", "x/y"),
    ("<m:f>" + arg("num", "ab") + arg("den", "cd") + "</m:f>", "ab/cd"),  # a word needs no brackets
    ("<m:sSup>" + arg("e", "x") + arg("sup", "2") + "</m:sSup>", "x^2"),
    ("<m:sSub>" + arg("e", "x") + arg("sub", "i+1") + "</m:sSub>", "x_(i+1)"),
    ("<m:sSubSup>" + arg("e", "x") + arg("sub", "i") + arg("sup", "2") + "</m:sSubSup>", "x_i^2"),
    ("<m:sPre>" + arg("sub", "a") + arg("sup", "b") + arg("e", "X") + "</m:sPre>", "_a^bX"),
    ("<m:rad>" + arg("e", "x") + "</m:rad>", "√(x)"),
    ("<m:rad>" + arg("deg", "3") + arg("e", "x") + "</m:rad>", "∛(x)"),
    ("<m:rad>" + arg("deg", "n") + arg("e", "x") + "</m:rad>", "(n)√(x)"),
    ("<m:nary>" + arg("sub", "0") + arg("sup", "1") + arg("e", "f") + "</m:nary>", "∫_0^1 f"),
    ('<m:nary><m:naryPr><m:chr m:val="∑"/></m:naryPr>' + arg("sub", "i=1") + arg("e", "x") + "</m:nary>", "∑_(i=1) x"),
    ("<m:nary>" + arg("e", "f") + "</m:nary>", "∫ f"),
    ("<m:d>" + arg("e", "a") + arg("e", "b") + "</m:d>", "(a|b)"),
    ('<m:d><m:dPr><m:begChr m:val="["/><m:sepChr m:val=","/><m:endChr m:val="]"/></m:dPr>'
     + arg("e", "a") + arg("e", "b") + "</m:d>", "[a,b]"),
    ("<m:func>" + arg("fName", "sin") + arg("e", "x") + "</m:func>", "sin(x)"),
    ("<m:m><m:mr>" + arg("e", "1") + arg("e", "2") + "</m:mr><m:mr>" + arg("e", "3") + arg("e", "4") + "</m:mr></m:m>",
     "[1, 2; 3, 4]"),
    ("<m:eqArr>" + arg("e", "a=1") + arg("e", "b=2") + "</m:eqArr>", "a=1; b=2"),
    ("<m:limLow>" + arg("e", "lim") + arg("lim", "n→∞") + "</m:limLow>", "lim_(n→∞)"),
    ("<m:limUpp>" + arg("e", "x") + arg("lim", "k") + "</m:limUpp>", "x^k"),
    ("<m:box>" + arg("e", "boxed") + "</m:box>", "boxed"),
])
def test_equations_in_linear_form(inner, text):
    assert math(inner) == text
