"""Each reader on the real corpus files (.txt as given, .docx from python-docx, .pdf from LibreOffice)."""
from __future__ import annotations

import re
import zipfile

import pytest

from pipeline.readers import read_document
from schemas.document import BlockKind
from tests.conftest import CORPUS

PLAN, ACTION, REPORT = (CORPUS / f"{s}" for s in ("000_e3e456b1fc67bad2", "001_856aa1f959aca59f", "004_2ce97f0e434d4dce"))
HEADER = ["Member state", "Priority*", "Activity", "Funding", "Responsible", "Time limit", "Tools and methods",
          "Results and Outputs", "Follow up"]
# The plan of action's activities, section by section, as a reader of the document counts them.
ACTION_SECTIONS = [3, 6, 11, 4, 7, 4]


def table_rows(doc):
    return [r.cells for b in doc.blocks if b.kind is BlockKind.table for r in b.rows]


@pytest.mark.parametrize("ext", ["txt", "docx", "pdf"])
def test_plan_table_has_one_row_per_activity(ext):
    doc = read_document(PLAN.with_suffix(f".{ext}"))
    tables = [b for b in doc.blocks if b.kind is BlockKind.table]
    assert tables and all(t.header == HEADER for t in tables)
    rows = table_rows(doc)
    assert len(rows) == 20
    assert not any(r == HEADER for r in rows), "a repeated header row was read as data"
    activities = [r[2] for r in rows]
    assert activities[0] == "Revise and develop the priority paper"
    assert activities[-1] == "WGCC meetings, one preliminary in Oslo in cooperation with the NDPHS September 2008"
    assert "New platform and new interface of the Childcentre" in activities


def test_pdf_joins_rows_split_by_a_page_break():
    doc = read_document(PLAN.with_suffix(".pdf"))
    split = [r for b in doc.blocks if b.kind is BlockKind.table for r in b.rows if len(r.pages) > 1]
    assert split, "the layout engine splits rows of this table; the reader must join them"
    row = next(r for r in split if r.cells[2].startswith("New platform"))
    assert row.cells[2] == "New platform and new interface of the Childcentre"
    assert row.cells[5] == "1st of July – 30th of September"
    assert row.cells[6] == "Commissioned to a web company"  # a word cut by the break is glued back


def test_pdf_drops_running_headers_and_page_numbers():
    doc = read_document(REPORT.with_suffix(".pdf"))
    body = " ".join(b.text for b in doc.blocks)
    assert any(f.startswith("Page") for f in doc.furniture)
    assert "Annual Report" in " ".join(doc.furniture)
    assert not re.search(r"\bPage \d+\b", body)
    assert "CBSS Expert Group on Children at Risk – Annual Report" not in [b.text for b in doc.blocks]


def test_docx_list_numbers_come_from_numbering_definitions():
    with zipfile.ZipFile(ACTION.with_suffix(".docx")) as zf:
        xml = zf.read("word/document.xml").decode()
    assert "<w:numPr>" in xml
    assert ">1) The WGCC" not in xml and ">The WGCC will adopt" in xml  # the number is not in the text
    doc = read_document(ACTION.with_suffix(".docx"))
    decimal = [b for b in doc.blocks if b.kind is BlockKind.list_item and b.label and b.label[0].isdigit()]
    runs, current = [], []
    for b in decimal:
        if b.number == 1 and current:
            runs.append(current)
            current = []
        current.append(b.number)
    runs.append(current)
    assert [len(r) for r in runs] == ACTION_SECTIONS
    assert all(r == list(range(1, len(r) + 1)) for r in runs)
    assert decimal[0].label == "1)" and decimal[0].text.startswith("The WGCC will adopt")
    letters = [b.label for b in doc.blocks if b.kind is BlockKind.list_item and b.label and b.label[0].isalpha()]
    assert letters[:6] == ["a)", "b)", "c)", "d)", "a.", "b."]


def test_docx_headers_and_footers_are_kept_apart():
    doc = read_document(REPORT.with_suffix(".docx"))
    assert "CBSS Expert Group on Children at Risk – Annual Report" in doc.furniture
    assert not any(b.text == "CBSS Expert Group on Children at Risk – Annual Report" for b in doc.blocks)


@pytest.mark.parametrize("ext", ["txt", "docx", "pdf"])
def test_roman_sections_and_bullets(ext):
    doc = read_document(ACTION.with_suffix(f".{ext}"))
    sections = [b.label.rstrip(".)") for b in doc.blocks if b.kind is BlockKind.heading and b.label]
    assert sections == ["I", "II", "III", "IV", "VI", "VII"]
    bullets = [b for b in doc.blocks if b.kind is BlockKind.list_item and not b.numbered]
    assert len(bullets) == 4 and bullets[0].text == "The UN Convention on the Rights of the Child"


@pytest.mark.parametrize("ext", ["txt", "docx", "pdf"])
def test_report_events_list_reads_as_paragraphs(ext):
    doc = read_document(REPORT.with_suffix(f".{ext}"))
    starts = [b.text for b in doc.blocks if re.match(r"^\d{1,2}(th)?\s*(-\s*\d+)?\s*[A-Z][a-z]+[,.:]", b.text)]
    assert starts[0].startswith("29-30 August, Stockholm: Planning PROMISE II")
    assert starts[-1].startswith("19-21 June, Helsinki")
    assert len(starts) == 39


def test_txt_joins_a_number_left_alone_on_its_line():
    doc = read_document(ACTION.with_suffix(".txt"))
    item = next(b for b in doc.blocks if b.text.startswith("Encourage preventive activities"))
    assert item.kind is BlockKind.list_item and item.label == "4)"


def test_blocks_carry_provenance_and_char_spans():
    doc = read_document(PLAN.with_suffix(".pdf"))
    text = doc.text()
    for b in doc.blocks:
        assert b.prov.file == PLAN.with_suffix(".pdf").name and b.prov.page >= 1
        if b.kind is not BlockKind.table:
            assert text[b.prov.char_start:b.prov.char_end] == b.text


def test_txt_hyphen_bullets_are_list_items_and_rule_lines_are_dropped(tmp_path):
    """Plain-text news pages write bullets as "- " and separate entries with "-----"."""
    path = tmp_path / "news.txt"
    path.write_text("News archive\n\n12 September 2006\nNEW CONTACT POINTS\n- Poland has named a contact point\n"
                    "-----------------------\n-5 degrees in Riga was the headline.\n* Priorities: A: exploitation\n",
                    encoding="utf-8")
    blocks = read_document(path).blocks
    texts = [b.text for b in blocks]
    assert not any(set(t) <= {"-"} for t in texts)
    item = next(b for b in blocks if "Poland" in b.text)
    assert item.kind == BlockKind.list_item and item.text == "Poland has named a contact point"
    # a minus sign with no space after, and an asterisk footnote, are not bullets
    assert next(b for b in blocks if "degrees" in b.text).kind != BlockKind.list_item
    assert next(b for b in blocks if "Priorities" in b.text).kind != BlockKind.list_item


def test_a_word_table_pasted_as_tab_rows_keeps_rows_across_section_rows_split_cells_and_page_breaks(tmp_path):
    """A plan table saved from Word as text: a header, section rows without tabs ("A. ..."), a cell
    whose last words broke onto a line of their own, a page footer with a tab, the header again.
    Automatic numbering saved as "1.1.<TAB>text" is a numbered list, not a two-column table."""
    from pipeline.readers import read_document

    path = tmp_path / "plan.txt"
    path.write_text(
        "Work Programme 2016\n\n"
        "No.\tActivity\tLead\tTimeframe\tExpected output\n"
        "A. Governance\n"
        "A.1\tHold the General Assembly in Porto\tSecretariat\tNovember 2016\tAssembly held\n"
        "A.2\tPrepare guidelines on social tariffs\tWG Tariffs\tOctober 2016\tDraft guidelines discussed\n"
        "Guidelines adopted\n"
        "B. Benchmarking\n"
        "B.1\tPublish the benchmarking report\tWG Benchmarking\tJune 2016\tReport published\n\n"
        "Work Programme 2016\tpage 2\n\n"
        "No.\tActivity\tLead\tTimeframe\tExpected output\n"
        "B.2\tRevise the indicators\tWG Benchmarking\tMarch 2016\tIndicators revised\n"
        "B.3\tHold a training workshop\tSecretariat\tSpring 2016\tWorkshop held\n\n"
        "Action plan\n\n"
        "1.1.\tAdopt the Strategy at the General Assembly (Q4 2020).\n"
        "1.2.\tHold the General Assembly in Tunis in October 2020.\n"
        "1.3.\tRenew the hosting agreement by the end of 2020.\n", encoding="utf-8")
    doc = read_document(path)
    tables = [b for b in doc.blocks if b.kind.value == "table"]
    assert [t.header for t in tables] == [["No.", "Activity", "Lead", "Timeframe", "Expected output"]] * 2
    assert [[r.cells[1] for r in t.rows] for t in tables] == [
        ["Hold the General Assembly in Porto", "Prepare guidelines on social tariffs", "Publish the benchmarking report"],
        ["Revise the indicators", "Hold a training workshop"]]
    assert tables[0].rows[1].cells[4] == "Draft guidelines discussed Guidelines adopted"
    items = [b for b in doc.blocks if b.kind.value == "list_item"]
    assert [b.text for b in items][-3:] == ["Adopt the Strategy at the General Assembly (Q4 2020).",
                                           "Hold the General Assembly in Tunis in October 2020.",
                                           "Renew the hosting agreement by the end of 2020."]


def test_a_rule_line_in_a_hard_wrapped_file_ends_the_paragraph_before_it(tmp_path):
    import textwrap as tw

    from pipeline.readers import read_document

    news = ("The Working Group for Cooperation on Children at Risk met at the Secretariat in Stockholm on "
            "15-16 December and agreed on its priorities for the coming year. In 2004 the group will concentrate "
            "on unaccompanied and trafficked children and ask the Unit to prepare a proposal for a network of "
            "national contact points by March 2004, to be discussed at its spring meeting.")
    text = "\n".join(tw.wrap(news, 70) + ["-" * 66, "UPCOMING EVENTS", "", "Working Group meeting", "Riga, Latvia",
                                          "16-17 February 2004", ""] + tw.wrap(news, 70))
    path = tmp_path / "news.txt"
    path.write_text(text, encoding="utf-8")
    texts = [b.text for b in read_document(path).blocks]
    assert "UPCOMING EVENTS" in texts
    assert not any("UPCOMING" in t and t != "UPCOMING EVENTS" for t in texts)
