"""Letters OCR read as digits (issue 21, seventh session): repaired one character for one in a
document that shows the damage, left alone in clean text. Text written for these tests."""
from __future__ import annotations

import pytest

from pipeline.readers import read_document
from pipeline.readers.ocr_letters import damaged_words, repair

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, repaired", [
    ("The Committee wi11 report in 0ctober 2O02.", "The Committee will report in October 2002."),
    ("he1d in Ta11inn", "held in Tallinn"),
    ("P1an of the Counci1", "Plan of the Council"),
    ("technica1 he1p", "technical help"),
    ("the c0mmittee of 0CT", "the committee of OCT"),
    # codes, ordinals, project months and numbers stay as written
    ("H1N1 and Win10 and 10th and 1st and CO2", "H1N1 and Win10 and 10th and 1st and CO2"),
    ("M1 and D2.1 and M20 and 101 and 2010", "M1 and D2.1 and M20 and 101 and 2010"),
])
def test_repair(text, repaired):
    assert repair(text) == repaired
    assert len(repair(text)) == len(text)


def test_damaged_words_are_counted():
    assert damaged_words("wi11 he1d 0ctober 2O02 Win10") == 4


def test_a_document_with_ocr_damage_is_repaired_and_its_spans_hold(tmp_path):
    text = ("Report of the 3rd meeting\n\nThe Working Group he1d its meeting in Ta11inn on 4 May 1999.\n\n"
            "The Committee wi11 report to the Counci1 in 0ctober.\n")
    path = tmp_path / "scan.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    body = doc.text()
    assert "held its meeting in Tallinn" in body and "will report to the Council in October" in body
    for block in doc.blocks:
        assert body[block.prov.char_start: block.prov.char_end] == block.text


def test_clean_text_with_two_codes_is_left_alone(tmp_path):
    text = "Annual report 2009\n\nThe H1N1 pandemic reached Win10 users and the a1 road.\n"
    path = tmp_path / "clean.txt"
    path.write_text(text, encoding="utf-8")
    assert "a1 road" in read_document(path).text()
