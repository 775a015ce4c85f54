"""OCR letters put right in a whole document (pipeline/readers/ocr_letters.py `repair_document`), the rules a
mutation run of the whole file (issue 29, eighth session, at d020b3e: 41 of 53 killed) left unheld: a word at the
text's very start, the threshold of three damaged words (three repairs, two do not), and the table header, its
cells and the page furniture repaired with the text. Expected values by hand from the module's docstring."""
from __future__ import annotations

import pytest

from pipeline.readers.ocr_letters import repair, repair_document
from schemas.document import Block, BlockKind, Document, Provenance, TableRow

pytestmark = pytest.mark.unit


def doc_of(blocks, furniture=()):
    return Document(path="d.txt", name="d.txt", format="txt", sha256="0" * 64, blocks=blocks, furniture=list(furniture))


def para(text):
    return Block(kind=BlockKind.paragraph, text=text, prov=Provenance(file="d.txt"))


def test_a_word_opening_the_text_with_a_zero_keeps_its_capital():
    assert repair("0ctober 2002") == "October 2002"  # nothing before it: a capital, as after a space
    assert repair("in 0ctober") == "in October"
    assert repair("c0mmittee") == "committee"


def test_three_damaged_words_are_repaired_two_are_not():
    doc = doc_of([para("The Counci1 wi11 meet.")])  # "Counci1" and "wi11": two
    assert repair_document(doc) == 0
    assert doc.blocks[0].text == "The Counci1 wi11 meet."
    doc = doc_of([para("The Counci1 wi11 meet in 0ctober.")])  # and "0ctober": three
    assert repair_document(doc) == 3
    assert doc.blocks[0].text == "The Council will meet in October."


def test_a_tables_header_and_cells_and_the_furniture_are_repaired_too():
    table = Block(kind=BlockKind.table, header=["P1an", "Deadline"],
                  rows=[TableRow(cells=["Counci1 meeting", "0ctober"], index=0)], prov=Provenance(file="d.txt"))
    doc = doc_of([para("The group wi11 meet."), table], furniture=["Annua1 report | 2"])
    assert repair_document(doc) == 4  # wi11, P1an, Counci1, 0ctober: the blocks are counted, not the furniture
    assert doc.blocks[1].header == ["Plan", "Deadline"]
    assert doc.blocks[1].rows[0].cells == ["Council meeting", "October"]
    assert doc.furniture == ["Annual report | 2"]
