"""List labels shared by the readers (pipeline/readers/labels.py): each kind of printed label, the
ones that are not labels, and Word's counter formats. Expected values written by hand."""
from __future__ import annotations

import pytest

from pipeline.readers.labels import block_from_text, format_number, roman_value, split_label, to_letters, to_roman
from schemas.document import BlockKind, Provenance


@pytest.mark.parametrize("text, value", [
    ("I", 1), ("IV", 4), ("v", 5), ("IX", 9), ("XIV", 14), ("XL", 40), ("xc", 90), ("CCCXCIX", 399), ("C", 100),
    ("", None), ("IIII", None), ("VV", None), ("IC", None), ("MC", None), ("ABC", None),
])
def test_roman_value(text, value):
    assert roman_value(text) == value


@pytest.mark.parametrize("n, text", [
    (0, ""), (1, "I"), (3, "III"), (4, "IV"), (5, "V"), (9, "IX"), (10, "X"), (14, "XIV"), (40, "XL"), (49, "XLIX"),
    (50, "L"), (90, "XC"), (99, "XCIX"), (100, "C"), (400, "CCCC"),
])
def test_to_roman(n, text):
    assert to_roman(n) == text


@pytest.mark.parametrize("n, text", [(1, "a"), (2, "b"), (26, "z"), (27, "aa"), (28, "bb"), (52, "zz"), (53, "aaa")])
def test_to_letters_repeats_the_letter_after_z(n, text):
    assert to_letters(n) == text


@pytest.mark.parametrize("n, fmt, text", [
    (3, "lowerLetter", "c"), (28, "upperLetter", "BB"), (4, "lowerRoman", "iv"), (14, "upperRoman", "XIV"),
    (4, "decimal", "4"), (12, "bullet", "12"),
])
def test_format_number(n, fmt, text):
    assert format_number(n, fmt) == text


@pytest.mark.parametrize("text, expected", [
    # bullets: a bullet character with a space (or nothing) after it
    ("• Item one", ("•", None, "Item one", "bullet")),
    ("  - an e-mail item ", ("-", None, "an e-mail item", "bullet")),
    ("•", ("•", None, "", "bullet")),
    ("-5 degrees at night", (None, None, "-5 degrees at night", None)),
    ("* Priorities: A", (None, None, "* Priorities: A", None)),
    # Word's second-level bullet "o" as plain text
    ("o hosted by the city", ("o", None, "hosted by the city", "bullet")),
    ("o 45 participants", ("o", None, "45 participants", "bullet")),
    ("o 2017", (None, None, "o 2017", None)),
    # outline numbers
    ("1.2 Objectives", ("1.2", 2, "Objectives", "outline")),
    ("1.2. Objectives", ("1.2", 2, "Objectives", "outline")),
    ("2.3.1 Sub-goal", ("2.3.1", 1, "Sub-goal", "outline")),
    # decimals
    ("3) Fund the shelters", ("3)", 3, "Fund the shelters", "decimal")),
    ("10. Ten", ("10.", 10, "Ten", "decimal")),
    ("1.", ("1.", 1, "", "decimal")),
    ("123) too long", (None, None, "123) too long", None)),
    ("(4) the fourth", ("(4)", 4, "the fourth", "decimal")),
    # "3. September": a date written the German way, in English and in a region language
    ("3. September, Oslo", (None, None, "3. September, Oslo", None)),
    ("3. Sept. meeting", (None, None, "3. Sept. meeting", None)),
    ("3. Oktober in Berlin", (None, None, "3. Oktober in Berlin", None)),
    ("3) September meeting", ("3)", 3, "September meeting", "decimal")),
    ("3. Marine life", ("3.", 3, "Marine life", "decimal")),
    # lower-case romans, letters
    ("ii. second", ("ii.", 2, "second", "lower_roman")),
    ("(iv) fourth", ("(iv)", 4, "fourth", "lower_roman")),
    ("vv) no numeral", (None, None, "vv) no numeral", None)),
    ("i. first", ("i.", 9, "first", "letter")),
    ("a) apples", ("a)", 1, "apples", "letter")),
    ("z. last", ("z.", 26, "last", "letter")),
    ("(b) bees", ("(b)", 2, "bees", "letter")),
    # upper-case romans open sections, only before what starts like a sentence or a quote
    ("IV Establishment of the Council", ("IV", 4, "Establishment of the Council", "roman")),
    ("IV. Results", ("IV.", 4, "Results", "roman")),
    ("IV) Results", ("IV)", 4, "Results", "roman")),
    ('II "Quoted title"', ("II", 2, '"Quoted title"', "roman")),
    ("IV results", (None, None, "IV results", None)),
    ("IIII Four", (None, None, "IIII Four", None)),
    ("I Introduction", ("I", 1, "Introduction", "roman")),
    ('I "Children first"', ("I", 1, '"Children first"', "roman")),
    ("I. Introduction to the meeting.", ("I.", 1, "Introduction to the meeting.", "roman")),
    ("I am here.", (None, None, "I am here.", None)),
    ("I am glad, Sir", (None, None, "I am glad, Sir", None)),
    # a title of ten words or fewer, not ending like a sentence, after a bare "I"
    ("I Am Glad To Say That The Group Met Twice This Year", (None, None,
     "I Am Glad To Say That The Group Met Twice This Year", None)),
    ("I Am Glad To Say The Group Met Twice This Year", ("I", 1,
     "Am Glad To Say The Group Met Twice This Year", "roman")),
    ("I Am Glad To Say The Group Met Twice This Year;", (None, None,
     "I Am Glad To Say The Group Met Twice This Year;", None)),
    ("Plain text", (None, None, "Plain text", None)),
])
def test_split_label(text, expected):
    assert split_label(text) == expected


PROV = Provenance(file="x.txt", paragraph=3)


def _fields(block):
    return (block.kind, block.level, block.label, block.number, block.numbered, block.text)


def test_block_from_text_of_each_kind():
    assert _fields(block_from_text("IV Results of the year", PROV)) == (
        BlockKind.heading, 2, "IV", 4, True, "IV Results of the year")
    assert _fields(block_from_text("IV Results of the year", PROV, heading_level=3)) == (
        BlockKind.heading, 3, "IV", 4, True, "IV Results of the year")
    assert _fields(block_from_text("2.3.1 Train the guards ", PROV)) == (
        BlockKind.list_item, 1, "2.3.1", 1, True, "Train the guards")
    assert _fields(block_from_text("1.2 Train", PROV)) == (BlockKind.list_item, 0, "1.2", 2, True, "Train")
    assert _fields(block_from_text("b) bees", PROV)) == (BlockKind.list_item, 0, "b)", 2, True, "bees")
    assert _fields(block_from_text("• a bullet", PROV)) == (BlockKind.list_item, 0, "•", None, False, "a bullet")
    # a label with nothing after it is no item
    assert _fields(block_from_text("1.", PROV)) == (BlockKind.paragraph, 0, None, None, False, "1.")
    assert _fields(block_from_text("1.", PROV, heading=True)) == (BlockKind.heading, 2, None, None, False, "1.")
    assert _fields(block_from_text("Aims", PROV, heading=True, heading_level=1)) == (
        BlockKind.heading, 1, None, None, False, "Aims")
    assert _fields(block_from_text("Some text.", PROV)) == (BlockKind.paragraph, 0, None, None, False, "Some text.")


def test_block_from_text_keeps_the_style_and_provenance():
    for text in ("IV Results", "a) item", "Heading", "text"):
        b = block_from_text(text, PROV, heading=text == "Heading", italic=True, bold=True, style="Quote")
        assert (b.italic, b.bold, b.style, b.prov) == (True, True, "Quote", PROV)
    b = block_from_text("text", PROV)
    assert (b.italic, b.bold, b.style) == (False, False, None)
