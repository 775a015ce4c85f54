"""The plain-text reader's rules (pipeline/readers/txt_reader.py) that the eighth session's mutation run of the
readers (issue 29, digit 8, at c94487c) left unheld: a heading before a line of its own length, the wrap width
counting lines 15 characters short of it, a calendar without a header whose cell broke over two lines and a row
with a cell at a column of its own, hard-wrapped paragraphs that open with an indented line or go on with one, a
page footer of 14 words, a second table's number, Word's lettered numbering saved with a tab, a section title
ending in a semicolon, and the header printed again with other punctuation. Every expected value by hand from
the lines written here."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pipeline.readers import txt_reader as T

pytestmark = pytest.mark.unit

TEXT = ("The working group met four times during the year and discussed the protection of children at risk, "
        "the situation of unaccompanied minors arriving in the region, the training of police officers and of "
        "social workers, and the exchange of information between the member states on missing children and on "
        "the return of victims of trafficking to their countries of origin. In the next year the group will "
        "prepare guidelines for the police.")


def test_a_heading_wants_a_longer_next_line():
    assert T._is_heading("Annual Report", "Secretary Gen") is False  # 13 characters each
    assert T._is_heading("Annual Report", "Secretary Gene") is True


def test_the_wrap_width_counts_lines_fifteen_short_of_it():
    # ten lines: the width is the 95th percentile of all but the two longest (60); 4 lines of 60 and one of 45
    # are near it (5 of 10, at least 45%)
    lines = ["x" * 60] * 4 + ["x" * 45] + ["x" * 10] * 5
    assert T.wrap_width(lines) == 60
    assert T.wrap_width(["x" * 60] * 4 + ["x" * 44] + ["x" * 10] * 5) is None  # 4 of 10 near it


def calendar():
    return [f"{'26-27 June 2019':<19}{'Reykjavik':<13}Senior Arctic Officials",
            " " * 32 + "meeting",  # the rest of the meeting's cell, under its column
            f"{'Nov. 2019':<19}{'Oslo':<13}Working group",
            f"{'3 Dec 2019':<19}{'Riga':<13}Ministers",
            f"{'4 Dec 2019':<25}Vilnius"]  # a cell at column 25, none of the calendar's: no row of it


def test_a_calendar_without_a_header_with_a_cell_on_two_lines():
    lines = calendar()
    headerless = set()
    out = T.space_tables(lines, headerless)
    assert out == ["26-27 June 2019\tReykjavik\tSenior Arctic Officials", lines[1], "Nov. 2019\tOslo\tWorking group",
                   "3 Dec 2019\tRiga\tMinisters", lines[4]]
    assert headerless == {0}


def test_a_wrapped_paragraph_opening_with_an_indented_line():
    lines = ["    " + line if k == 0 else line for k, line in enumerate(textwrap.wrap(TEXT, 60))]
    assert len(lines) >= 8
    assert T.unwrap(lines) == ["    " + TEXT] + [""] * (len(lines) - 1)


def test_a_wrapped_paragraph_going_on_with_an_indented_line():
    lines = ["    " + line if k == 1 else line for k, line in enumerate(textwrap.wrap(TEXT, 60))]
    assert T.unwrap(lines) == [TEXT] + [""] * (len(lines) - 1)


def test_a_footer_of_fourteen_words():
    footer = "Ministry of Social Affairs of the Republic of Latvia annual report 2009 page {}"
    assert len(footer.split()) == 14
    lines = [footer.format(1), "The group met.", footer.format(2), "It met again.", footer.format(3)]
    assert T.furniture(lines) == {0, 2, 4}


def test_a_second_table_after_its_header_again_is_numbered_on():
    # a cell a tab-indented line, a row's cells together, rows apart by a blank line
    lines = ["\tDate", "\tPlace", "", "\t3 May", "\tRiga", "", "\tDate", "\tPlace", "", "\t4 May", "\tOslo"]
    end, blocks = T._read_tables(Path("t.txt"), lines, 0, 5)
    assert end == 11
    assert [(b.prov.table, b.prov.paragraph, [r.cells for r in b.rows]) for b in blocks] == [
        (5, 1, [["3 May", "Riga"]]), (6, 7, [["4 May", "Oslo"]])]


def test_lettered_numbering_saved_with_a_tab_is_a_list_item():
    assert T._numbered_with_tab("a.\tAdopt the Strategy") is True
    assert T._numbered_with_tab("Riga\tAdopt the Strategy") is False


def test_a_section_title_ends_in_no_semicolon():
    assert T._untitled_section_row("Governance and strategy", [], 2) is True
    assert T._untitled_section_row("Governance and strategy;", [], 2) is False


def test_the_header_again_is_known_by_its_words():
    assert T._norm(["Date:", "Place / venue"]) == ["date", "placevenue"]
