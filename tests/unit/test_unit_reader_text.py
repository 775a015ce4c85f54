"""The readers' shared checks and output (pipeline/readers/__init__.py text_damage, render.py):
each threshold just below and just above, and the Markdown of every kind of block, written by hand."""
from __future__ import annotations

import json

import pytest

from pipeline.readers import text_damage
from pipeline.readers.render import table_markdown, to_json, to_markdown
from schemas.document import Block, BlockKind, Document, Provenance, TableRow

R = "\ufffd"  # the replacement character


@pytest.mark.parametrize("text, why", [
    ("", None),
    ("   \n\t ", None),
    ("Hello world, the group met in Riga.", None),
    ("KÃ¤se schmeckt gut. MÃ¼nchen ist schÃ¶n.", "17% of its characters are damage (mojibake)"),
    # the share: 3 of 100 characters is damage, 3 of 101 is not
    ("a" * 97 + R * 3, "3% of its characters are damage (replacement characters)"),
    ("a" * 98 + R * 3, None),
    # at least three: two of ten are not enough
    ("a" * 8 + R * 2, None),
    ("(cid:12)(cid:13) ab", "89% of its characters are damage ((cid:NN) glyphs)"),
    ("ab" + "\ue000" * 3 + R, "67% of its characters are damage (replacement characters, private-use glyphs)"),
    # control codes and stray symbols: at least five, and at least 12%
    ("\x01" * 5 + "a" * 36, "12% of its characters are control codes or stray symbols"),
    ("\x01" * 5 + "a" * 37, None),
    ("\x01" * 4, None),
    ("€" * 10 + "°" * 10 + "§", None),
    # words of three letters or more mixing scripts: at least a quarter of at least five words
    ("Kinderзащита Kinderзащита one two six ten red big", "25% of its words mix letters of different scripts"),
    ("Kinderзащита Kinderзащита one two six ten red big old", None),
    ("Kinderзащита one two six", None),
    ("漢字かな 漢字カナ café naïve über", None),
])
def test_text_damage(text, why):
    assert text_damage(text) == why


def _prov():
    return Provenance(file="a.docx")


def _doc(blocks, furniture=(), comments=()):
    return Document(path="/x/a.docx", name="a.docx", format="docx", sha256="0" * 64, blocks=blocks,
                    furniture=list(furniture), comments=list(comments))


def _b(kind, text="", **kw):
    return Block(kind=kind, text=text, prov=_prov(), **kw)


def test_markdown_of_every_kind_of_block():
    doc = _doc([
        _b(BlockKind.heading, "Annual report", level=0),
        _b(BlockKind.heading, "Aims", level=1, label="2."),
        _b(BlockKind.heading, "IV Results", level=1, label="IV"),
        _b(BlockKind.heading, "Deep", level=7),
        _b(BlockKind.paragraph, "line one\nline  two"),
        _b(BlockKind.paragraph, "  "),
        _b(BlockKind.list_item, "first", label="1.", number=1, numbered=True),
        _b(BlockKind.list_item, "second", label="12)", number=12, numbered=True),
        _b(BlockKind.list_item, "a letter", label="a)", number=1, numbered=True, level=1),
        _b(BlockKind.list_item, "a bullet", label="•", numbered=False, level=2),
        _b(BlockKind.list_item, "no label", numbered=True),
        _b(BlockKind.footnote, "A note\nover two lines."),
        _b(BlockKind.paragraph, "After the list."),
        _b(BlockKind.footnote, "Second note."),
    ], furniture=["Org | page 1"], comments=["Anna: check this"])
    assert to_markdown(doc) == (
        "# Annual report\n\n"
        "## 2. Aims\n\n"
        "## IV Results\n\n"
        "###### Deep\n\n"
        "line one line two\n\n"
        "1. first\n"
        "12) second\n"
        "  - a) a letter\n"
        "    - a bullet\n"
        "- no label\n\n"
        "After the list.\n\n"
        "[^1]: A note over two lines.\n"
        "[^2]: Second note.\n\n"
        "---\n\n**Page headers and footers**\n\n- Org | page 1\n\n"
        "---\n\n**Comments**\n\n- Anna: check this\n")


def test_markdown_of_a_document_without_notes_furniture_or_comments():
    doc = _doc([_b(BlockKind.paragraph, "One."), _b(BlockKind.list_item, "item", label="1.", numbered=True),
                _b(BlockKind.paragraph, "Two.")])
    assert to_markdown(doc) == "One.\n\n1. item\n\nTwo.\n"
    assert to_markdown(_doc([])) == "\n"


def test_a_table_as_markdown():
    table = _b(BlockKind.table, header=["A", "B|C"], rows=[TableRow(cells=["1"], index=0),
                                                          TableRow(cells=["x\n y", "2", "3"], index=1)])
    assert table_markdown(table) == ("| A | B\\|C |  |\n"
                                     "| --- | --- | --- |\n"
                                     "| 1 |  |  |\n"
                                     "| x y | 2 | 3 |")
    wide_header = _b(BlockKind.table, header=["A", "B"], rows=[TableRow(cells=["1"], index=0)])
    assert table_markdown(wide_header) == "| A | B |\n| --- | --- |\n| 1 |  |"
    assert to_markdown(_doc([_b(BlockKind.paragraph, "Before."), wide_header])) == (
        "Before.\n\n| A | B |\n| --- | --- |\n| 1 |  |\n")


def test_json_of_a_document():
    doc = _doc([_b(BlockKind.paragraph, "Käse")])
    out = to_json(doc)
    assert out.endswith("}\n") and "Käse" in out and '\n "path": "/x/a.docx",' in out
    data = json.loads(out)
    assert (data["language"], data["blocks"][0]["text"], data["format"]) == (None, "Käse", "docx")
    assert json.loads(to_json(doc, language="de"))["language"] == "de"
    doc.language = "en"
    assert json.loads(to_json(doc))["language"] == "en"


def test_a_form_feed_before_a_line_puts_that_line_on_the_new_page(tmp_path):
    """pdftotext and slide exports write the form feed before the next page's first line: that line
    (a slide's title) is on the new page, not the one before."""
    from pipeline.readers import read_document

    path = tmp_path / "deck.txt"
    path.write_text("Opening slide\nTitle line\n\fOutline\nWho we are\n\fPriorities\nChildren first\ntext\f\nLast page\n",
                    encoding="utf-8")
    pages = {b.text: b.prov.page for b in read_document(path).blocks}
    assert (pages["Opening slide"], pages["Outline"], pages["Who we are"], pages["Priorities"], pages["Last page"]) == (1, 2, 2, 3, 4)
