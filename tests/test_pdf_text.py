"""PDF text as a reader sees it (issue 15): words kept apart, columns in order, lists as lists,
code as text. The PDFs are made by reportlab: tests/fixtures/pdf_text/make_pdfs.py."""
from __future__ import annotations

import re

import pytest

from pipeline.readers import read_document
from pipeline.readers.labels import split_label
from schemas.document import BlockKind
from tests.conftest import FIXTURES

PDFS = FIXTURES / "pdf_text"


def _read(name: str):
    return read_document(PDFS / name)


def _body(doc) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in doc.blocks if b.kind is not BlockKind.table]


def test_words_set_without_space_glyphs_and_tight_gaps_are_kept_apart():
    doc = _read("tight_words.pdf")
    page_one = [b for b in doc.blocks if b.prov.page == 1]
    assert [(b.kind.value, b.text) for b in page_one] == [
        ("heading", "Quarterly Review"),  # letter-spaced title: letters joined, words apart
        ("paragraph", "Regional partners agreed to share shelter data every quarter and to train border staff "
                      "in spotting children travelling alone before the winter conference in the harbour city "
                      "of Klaipeda"),
        ("footnote", "footnote: funding for the helpline was renewed until autumn"),
    ]


def test_table_cells_set_with_tight_gaps_keep_their_words_apart():
    tables = [b for b in _read("tight_words.pdf").blocks if b.kind is BlockKind.table]
    assert [(t.prov.page, t.header, [r.cells for r in t.rows]) for t in tables] == [
        (3, ["Partner town", "Shelter places"],
         [["north harbour district", "twelve beds"], ["old market quarter", "nine beds"]]),
    ]


def test_a_page_of_implausibly_long_words_is_flagged_and_the_word_kept():
    doc = _read("tight_words.pdf")
    page_two = [b.text for b in doc.blocks if b.prov.page == 2]
    assert page_two == ["The Kindergartenbetreuungsaufsichtsbehoerdenverordnung applies here"]
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith("page 2: 1 word(s) over 30 letters")


@pytest.mark.parametrize("name", ["tight_words.pdf", "two_columns.pdf", "lists.pdf", "typewriter.pdf"])
def test_no_passage_word_is_longer_than_the_source_has(name):
    doc = _read(name)
    long_words = {w for b in doc.blocks for w in re.findall(r"[^\W\d_]+", b.text) if len(w) > 30}
    assert long_words <= {"Kindergartenbetreuungsaufsichtsbehoerdenverordnung"}


def test_two_columns_are_read_one_after_the_other():
    assert _body(_read("two_columns.pdf")) == [
        ("heading", "Two Groups, Two Paths"),
        ("paragraph", "This opening paragraph runs across the full width of the page before the columns begin, "
                      "so it is read first."),
        ("paragraph", "Left one: the northern group met in spring and wrote a short plan for the shelters along "
                      "the coast, with a budget line for interpreters."),
        ("paragraph", "Left two: volunteers from three towns joined the pilot and reported back to the board in June."),
        ("paragraph", "Right one: the southern group chose a different path and opened a helpline staffed every "
                      "night of the week by trained counsellors."),
        ("paragraph", "Right two: a survey of young people followed, and its results went to the ministers in autumn."),
        ("paragraph", "Closing note across the page: both groups report again next year."),
    ]


def _items(doc, page: int) -> list[tuple]:
    return [(b.label, b.number, b.numbered, b.level, b.text) for b in doc.blocks
            if b.kind is BlockKind.list_item and b.prov.page == page]


def test_bullets_with_wrapped_and_nested_items_are_list_items_with_levels():
    items = [i for i in _items(_read("lists.pdf"), 1) if not i[2]]
    assert items == [
        ("•", None, False, 0, "Open a shelter in each port town."),
        ("•", None, False, 0, "Train the staff of every shelter in first aid and in talking with children who arrive "
                              "alone, using material written together with the police and the social services of the "
                              "region."),
        ("•", None, False, 1, "first aid course"),
        ("•", None, False, 1, "interview course for staff who meet children at the border"),
        ("•", None, False, 0, "Publish a yearly report."),
    ]


def test_numbered_items_wrapping_over_lines_keep_their_numbers():
    items = [i for i in _items(_read("lists.pdf"), 1) if i[2]]
    assert items == [
        ("1.", 1, True, 0, "Agree the terms of reference."),
        ("2.", 2, True, 0, "Name a contact person in every ministry, who answers questions from partners within two "
                           "weeks and keeps the shared list of addresses up to date."),
        ("3.", 3, True, 0, "Hold the first meeting."),
    ]


def test_typed_dash_bullets_roman_items_and_word_letter_bullets():
    doc = _read("lists.pdf")
    assert _items(doc, 2) == [
        ("-", None, False, 0, "Who pays for the interpreters?"),
        ("-", None, False, 0, "How often does the board meet, and who writes the minutes when the secretary is on leave"),
        ("(i)", 1, True, 0, "accept the report;"),
        ("(ii)", 2, True, 0, "send it back with questions, which the authors answer in writing;"),
        ("(iii)", 3, True, 0, "ask an outside reviewer."),
        ("•", None, False, 0, "national ministries"),
        ("o", None, False, 1, "social affairs"),
        ("o", None, False, 1, "justice and the police"),
        ("•", None, False, 0, "city councils"),
    ]
    paragraphs = [b.text for b in doc.blocks if b.prov.page == 2 and b.kind is BlockKind.paragraph]
    assert paragraphs == ["Open questions:", "Answers to both are due before the next meeting.", "The board may:",
                          "The lists end here and this closing sentence is ordinary body text.",
                          "Costs are shared by the members.",
                          "* Travel is paid by each member for its own staff.",  # a lone "*": a footnote mark
                          "Reports were filed in the years 2019, 2020 and 2021 by the secretariat, "
                          "- as agreed in the statutes.", "Partners in the network:"]


def test_a_framed_code_listing_stays_text_and_a_ruled_grid_is_a_table():
    doc = _read("lists.pdf")
    texts = [b.text for b in doc.blocks]
    assert "budget_tools.py" in texts  # the listing's title bar, a one-column "table" of the layout
    code = [b for b in doc.blocks if b.style == "code"]
    assert [b.kind for b in code] == [BlockKind.paragraph]
    assert code[0].text.split("\n") == ["def total(rows):", "return sum(r.amount for r in rows)",
                                        "print(total(load('budget.csv')))"]
    tables = [b for b in doc.blocks if b.kind is BlockKind.table]
    assert len(tables) == 1
    assert tables[0].header == ["Year", "Amount", "Source"]
    assert [r.cells for r in tables[0].rows] == [["2024", "12 000", "ministry grant"], ["2025", "15 500", "council fund"]]


def test_a_document_typed_in_courier_throughout_is_prose_not_code():
    doc = _read("typewriter.pdf")
    assert [(b.kind.value, b.label, b.text) for b in doc.blocks] == [
        ("paragraph", None, "The committee met on a grey morning and agreed to meet again after the summer break."),
        ("list_item", "1.", "Send the minutes to all members."),
        ("list_item", "2.", "Book a room for the autumn session."),
    ]


def test_blocks_keep_reading_order_around_the_table():
    kinds = [(b.kind.value, b.text[:15]) for b in _read("lists.pdf").blocks if b.prov.page == 1]
    i = kinds.index(("paragraph", "Budget by year:"))
    assert kinds[i + 1][0] == "table"


@pytest.mark.parametrize("text, expected", [
    ("ii. the second", ("ii.", 2, "the second", "lower_roman")),
    ("(iv) the fourth", ("(iv)", 4, "the fourth", "lower_roman")),
    ("ix) the ninth", ("ix)", 9, "the ninth", "lower_roman")),
    ("ic. not a numeral", (None, None, "ic. not a numeral", None)),
])
def test_lower_case_roman_labels(text, expected):
    assert split_label(text) == expected


def _drifting_list_pdf(path):
    """A numbered list whose labels drift right item by item (a page scanned askew and OCR'd gives
    this), then a true sub-list "a) b)" under the last item. Typeset here with reportlab's canvas."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    y = 760
    c.drawString(72, y, "The group will carry out the following work in the coming year.")
    lines = [(72, "1) Map the shelters for children travelling alone."),
             (76, "2) Train the border guards in first contact."),
             (80, "3) Publish the guide for social workers."),
             (84, "4) Hold the regional meeting in the autumn."),
             (110, "a) invite the national coordinators;"),
             (110, "b) invite the ombudspersons for children.")]
    for x, text in lines:
        y -= 18
        c.drawString(x, y, text)
    c.save()
    return path


def test_numbered_items_drifting_right_stay_one_list_and_a_sub_list_nests(tmp_path):
    doc = read_document(_drifting_list_pdf(tmp_path / "drift.pdf"))
    items = [(b.label, b.level) for b in doc.blocks if b.kind is BlockKind.list_item]
    assert items == [("1)", 0), ("2)", 0), ("3)", 0), ("4)", 0), ("a)", 1), ("b)", 1)]
