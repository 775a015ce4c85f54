"""A document's kind without a catalogue is the same in every rendition (issue 21, item 4; seventh
session): report words anywhere in the title block, numbered section headings that are no slide
numbers, a two-page .txt's footer and running head kept apart from the body. Files written here."""
from __future__ import annotations

import docx
import pytest

from extractors.structure import analyse
from pipeline.readers import read_document

pytestmark = pytest.mark.unit

SECTIONS = [("1 The year in brief", "The office answered letters from children and parents all year long, as it does."),
            ("2 Meeting children", "The staff went to schools and children's homes in every region of the country."),
            ("3 Plans for 2012", "The office will publish a report on children in care in the spring of next year.")]


def _docx(path, title_lines, sections):
    d = docx.Document()
    d.add_heading(title_lines[0], level=0)
    for line in title_lines[1:]:
        d.add_paragraph(line)
    for heading, text in sections:
        d.add_heading(heading, level=1)
        d.add_paragraph(text)
    d.save(path)
    return path


def test_an_annual_report_with_numbered_sections_is_a_report_in_word_and_text(tmp_path):
    title = ["OMBUDSMAN FOR CHILDREN IN ESTONIA", "Annual Report 2011"]
    word = analyse(read_document(_docx(tmp_path / "report.docx", title, SECTIONS)))
    text = tmp_path / "report.txt"
    text.write_text("\n\n".join(title + [f"{h}\n\n{t}" for h, t in SECTIONS]) + "\n", encoding="utf-8")
    assert word.kind == "report"
    assert analyse(read_document(text)).kind == "report"


def test_numbered_headings_are_no_slides_but_glued_slide_numbers_are(tmp_path):
    title = ["Network of youth councils", "Notes of the year"]
    assert analyse(read_document(_docx(tmp_path / "notes.docx", title, SECTIONS))).kind != "slides"
    slides = tmp_path / "deck.txt"
    slides.write_text("1Network of youth councils\n2Our year\n- Four meetings\n3Plans\n- A handbook\n", encoding="utf-8")
    assert analyse(read_document(slides)).kind == "slides"


TWO_PAGES = """Interreg Baltic Sea Region · LakeCare · Progress report 2

LakeCare – Progress Report 2

The partners met in Tartu on 3-4 May 2019 and agreed on the sampling plan for the pilot lakes.

LakeCare PR2 – submitted 30 June 2019 · page 1

Interreg Baltic Sea Region · LakeCare · Progress report 2

The second sampling round was completed in June 2019 at all twelve lakes of the project.

LakeCare PR2 – submitted 30 June 2019 · page 2
"""


def test_a_two_page_texts_footer_and_running_head_are_furniture(tmp_path):
    path = tmp_path / "pr2.txt"
    path.write_text(TWO_PAGES, encoding="utf-8")
    doc = read_document(path)
    body = doc.text()
    assert "page 1" not in body and "page 2" not in body
    assert "Interreg Baltic Sea Region" not in body
    assert "Interreg Baltic Sea Region · LakeCare · Progress report 2" in doc.furniture
    assert "The second sampling round was completed in June 2019" in body


def test_a_line_twice_without_the_word_page_stays(tmp_path):
    text = ("Minutes\n\nItem 1 was discussed.\n\nDecision 1: the board agreed.\n\nItem 2 was discussed.\n\n"
            "Decision 2: the board agreed.\n")
    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    assert "Decision 2: the board agreed." in read_document(path).text()


MANDATE = """Terms of Reference of the Alpine Rivers Network 2020-2023

1. MANDATE

The Network was set up by the ministers in Bern on 3 May 2012.

2. COMPOSITION AND WORKING METHODS

Each member state appoints one member. The Network shall meet twice a year.

3. Publish the flood atlas of the upper Rhine by June 2021.

4. Train 40 hydrologists in flood forecasting.
"""


def test_a_numbered_line_in_capitals_heads_a_section(tmp_path):
    path = tmp_path / "tor.txt"
    path.write_text(MANDATE, encoding="utf-8")
    doc = read_document(path)
    analyse(doc)
    kinds = {b.text: b.kind.value for b in doc.blocks}
    assert kinds["2. COMPOSITION AND WORKING METHODS"] == "heading"
    assert kinds["Publish the flood atlas of the upper Rhine by June 2021."] == "list_item"


TOR_WITH_TABLE = """Terms of Reference and Work Plan 2020-2023 of the Alpine Rivers Network

Background

The Network was set up by the ministers at their meeting in Bern on 3 May 2012.
Its members are the water authorities of the Alpine states.

Working methods

The Network shall meet twice a year, in spring and autumn.

Work plan

Activity\tResponsible\tTime limit
Publish the flood atlas of the upper Rhine\tSecretariat\tJune 2021
Train 40 hydrologists in flood forecasting\tWG Monitoring\t2022
Map the gauging stations of the upper Inn\tWG Monitoring\t2023
"""


def test_a_table_plans_prose_says_what_will_be_done_and_what_happened(tmp_path):
    from pipeline.runner import process_file

    path = tmp_path / "tor.txt"
    path.write_text(TOR_WITH_TABLE, encoding="utf-8")
    records = {r.text: r.kind.value for r in process_file(str(path)).records}
    assert records["Publish the flood atlas of the upper Rhine"] == "activity"
    assert records["The Network shall meet twice a year, in spring and autumn."] == "activity"
    assert records["The Network was set up by the ministers at their meeting in Bern on 3 May 2012."] == "event"
    assert "Its members are the water authorities of the Alpine states." not in records


STRATEGY = """Alpine Rivers Strategy 2023-2027

Objective 1. Better forecasts

Action 1.1 Hold a series of webinars each year for hydrologists on radar data
    Lead: Secretariat
    Timeline: 2023-2027

Action 1.2: Publish a flood atlas of the upper Rhine
    Lead: WG Monitoring
    Timeline: 2024
"""


def test_a_strategys_numbered_actions_are_its_activities_with_their_numbers(tmp_path):
    from pipeline.runner import process_file

    path = tmp_path / "strategy.txt"
    path.write_text(STRATEGY, encoding="utf-8")
    entry = {"file": "strategy.txt", "title": "", "period_start": "2023-01-01", "period_end": "2027-12-31",
             "genre": "plan", "source": "test"}
    records = {r.text: r for r in process_file(str(path), catalogue=entry).records}
    webinars = records["Hold a series of webinars each year for hydrologists on radar data"]
    assert webinars.kind.value == "activity" and webinars.ref.endswith("Action 1.1")
    assert records["Publish a flood atlas of the upper Rhine"].kind.value == "activity"
