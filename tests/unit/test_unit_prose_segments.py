"""Rules of the prose segmenter (extractors/prose/narrative.py) that a mutation run (issue 29, sample 9
of 2026-12-07) showed no test holding: a transcript's cut width and its lead-in lines, bullets typed
into a paragraph, a meeting's name with its place and date on the next slide line, a priorities
slide that ends at the next slide, "Read more" before a sentence, a list of participants, a
programme's entries, a topic list in a paragraph, a calendar without a header, and small rules at
their boundaries. Documents written block by block; every expected value by hand."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from extractors.prose import narrative as N
from schemas.document import Block, BlockKind, Document, Provenance, TableRow, assign_char_spans
from schemas.records import Period

pytestmark = pytest.mark.unit

REPORT = SimpleNamespace(kind="report", period=None)
SLIDES = SimpleNamespace(kind="slides", period=None)


def doc_of(*blocks):
    """(kind, text) or (kind, text, page) blocks as a reader gives them."""
    out = [Block(kind=BlockKind(kind), text=text, prov=Provenance(file="d.docx", page=page[0] if page else None))
           for kind, text, *page in blocks]
    doc = Document(path="d.docx", name="d.docx", format="docx", sha256="0" * 64, blocks=out)
    assign_char_spans(doc)
    return doc


def line(text, slide=1, slide_start=False, kind="paragraph"):
    ln = N._line(text, 0, 0, kind)
    ln.slide, ln.slide_start = slide, slide_start
    return ln


# --- a slide transcript's lines ------------------------------------------------------------------


def test_the_width_a_transcript_was_cut_at():
    lengths = [10] * 8 + [60, 70]  # the longest line, and a tenth of the lines come close to it
    assert N._cut_width([line("x" * n) for n in lengths]) == 70
    assert N._cut_width([line("x" * n) for n in [10] * 9 + [70]]) is None  # one long line: nothing was cut
    assert N._cut_width([line("x" * n) for n in [10] * 8 + [150, 150]]) is None  # no page is that wide
    assert N._cut_width([line("x" * 70)] * 7) is None  # too few lines to tell


def test_a_line_cut_at_the_transcripts_width_goes_on_in_the_next():
    cut = "The project connects hospitals in Turku, Tartu and the Aland Islands"  # 68, cut before "Mariehamn"
    others = ["Nurses were trained in all four hospitals this year.",  # 52
              "The second phase adds two more hospitals on the coast of Finland."]  # 65
    texts = [cut, "Mariehamn and Riga follow in 2011."] + others + ["Short line."] * 6
    out = N._reflow([line(t) for t in texts], slides=True)
    assert out[0].text == cut + " Mariehamn and Riga follow in 2011."
    assert len(out) == 9


def test_after_a_lead_in_line_each_slide_line_is_an_item():
    texts = ["The partners will", "map the services in each country", "run two courses for social workers"]
    out = N._reflow([line(t) for t in texts], slides=True)
    assert [ln.text for ln in out] == texts
    # without the lead-in the lower-case line goes on from the one before
    out = N._reflow([line(t) for t in ["The partners met twice", "and wrote a report"]], slides=True)
    assert [ln.text for ln in out] == ["The partners met twice and wrote a report"]


def test_a_bulleted_slides_line_without_a_bullet_goes_on_from_the_item_before():
    doc = doc_of(("paragraph", "Achievements 2003", 1), ("list_item", "Action plan approved by Government", 1),
                 ("paragraph", "Tallinn, Dec. 2001", 1), ("list_item", "Hotline for children", 1))
    units = N.narrative_units(doc, SLIDES)
    assert [u.text for u in units] == ["Achievements 2003", "Action plan approved by Government Tallinn, Dec. 2001",
                                       "Hotline for children"]


def test_a_bullet_typed_into_a_paragraph_is_the_items_label():
    doc = doc_of(("heading", "Planned activities"), ("paragraph", "▪ Seminar on foster care in Riga"),
                 ("paragraph", "▪ Guide for police"))
    units = N.narrative_units(doc, REPORT)
    assert [(u.shape, u.text, u.label, u.planned) for u in units] == [
        ("item", "Seminar on foster care in Riga", "▪", True), ("item", "Guide for police", "▪", True)]
    assert units[0].char_start == doc.blocks[1].prov.char_start + 2


def test_a_meetings_name_takes_the_place_and_date_on_the_next_slide_line():
    doc = doc_of(("paragraph", "Nordic-Baltic Police Seminar", 1), ("paragraph", "Palanga, 22-23 May 2008", 1))
    (unit,) = N.narrative_units(doc, SLIDES)
    assert (unit.text, unit.shape, unit.entry_date_raw, unit.entry_place_raw) == (
        "Nordic-Baltic Police Seminar Palanga, 22-23 May 2008", "title", "Palanga, 22-23 May 2008", "Palanga")


def test_a_priorities_piece_heads_only_its_own_slide():
    doc = doc_of(("paragraph", "1 Our work", 1), ("paragraph", "Priorities", 1), ("paragraph", "Foster care", 1),
                 ("paragraph", "2 Results", 2), ("paragraph", "Foster care", 2))
    units = N.narrative_units(doc, SLIDES)
    assert [(u.text, u.slide, u.in_priorities) for u in units] == [
        ("Our work", 1, False), ("Foster care", 1, True), ("Results", 2, False), ("Foster care", 2, False)]


def test_a_priorities_piece_then_the_items_after_it_on_the_same_line():
    ctx = {"heading": None, "date": None, "place": None, "lead_in": None, "priorities": False, "planned": False,
           "period": None, "programme": False, "first_line": None}
    units = N._slide_units(line("Priorities - Foster care - Guardianship"), ctx)
    assert [(u.text, u.in_priorities, u.heading) for u in units] == [("Foster care", True, "Priorities"),
                                                                     ("Guardianship", True, "Priorities")]


def test_the_first_line_of_an_unnumbered_transcript_is_its_title():
    doc = doc_of(("paragraph", "Child protection in the region of the Baltic Sea"), ("paragraph", "Hotline for children"))
    units = N.narrative_units(doc, SLIDES)
    assert [(u.text, u.shape) for u in units] == [("Child protection in the region of the Baltic Sea", "title"),
                                                  ("Hotline for children", "item")]


def test_a_new_slide_ends_the_priorities_of_the_one_before_whatever_its_first_line():
    doc = doc_of(("paragraph", "1 Our work", 1), ("paragraph", "Priorities", 1), ("paragraph", "Foster care", 1),
                 ("paragraph", "2 The group met four times in the year and agreed on a plan for the next years", 1),
                 ("paragraph", "Guardianship", 1))
    units = N.narrative_units(doc, SLIDES)
    assert [(u.text, u.slide, u.in_priorities) for u in units][-2:] == [
        ("The group met four times in the year and agreed on a plan for the next years", 2, False),
        ("Guardianship", 2, False)]


def test_numbered_slides_go_on_over_a_page_break():
    doc = doc_of(("paragraph", "1 Our work", 5), ("paragraph", "Foster care", 5), ("paragraph", "2 Results", 5),
                 ("paragraph", "Guardianship for children", 6))  # not in title case: an item, no sub-topic
    units = N.narrative_units(doc, SLIDES)
    assert [(u.text, u.slide, u.shape) for u in units] == [
        ("Our work", 1, "title"), ("Foster care", 1, "item"), ("Results", 2, "title"),
        ("Guardianship for children", 2, "item")]


def test_two_names_around_a_dash_are_one_piece():
    text = "Exchange Lithuania – Sweden, autumn 2018"
    assert N.slide_pieces(text) == [(0, len(text))]


# --- a report's lines ------------------------------------------------------------------------------


def test_read_more_before_a_sentence_keeps_the_sentence_and_web_debris_goes():
    doc = doc_of(("paragraph", "Read more The Council held a seminar in Riga on 3 May 2008."),
                 ("paragraph", "Share"), ("paragraph", "Read more"))
    assert [u.text for u in N.narrative_units(doc, REPORT)] == [
        "Read more The Council held a seminar in Riga on 3 May 2008."]


def test_a_list_of_participants_gives_no_units_until_the_next_section():
    doc = doc_of(("heading", "List of participants"), ("paragraph", "Ingrid Berg, Ministry of Justice"),
                 ("paragraph", "Norway: Ola Nordmann"), ("heading", "Conclusions"),
                 ("paragraph", "The group met in Oslo on 3 May 2008."))
    assert [(u.text, u.heading) for u in N.narrative_units(doc, REPORT)] == [
        ("The group met in Oslo on 3 May 2008.", "Conclusions")]


def test_a_programmes_entries_are_planned_except_under_a_heading_that_looks_back():
    doc = doc_of(("heading", "Meetings"), ("list_item", "Reykjavik, 26-27 January 2005 – Ministers meet"),
                 ("heading", "Meetings held"), ("list_item", "Oslo, 3 March 2004 – Ministers met"))
    units = N.narrative_units(doc, SimpleNamespace(kind="priorities", period=None))
    assert [(u.shape, u.text, u.planned) for u in units] == [("entry", "Ministers meet", True),
                                                            ("entry", "Ministers met", False)]
    assert [u.planned for u in N.narrative_units(doc, REPORT)] == [False, False]


def test_a_heading_that_names_priorities_or_plans_heads_its_items():
    doc = doc_of(("heading", "Priorities of the Presidency"), ("list_item", "Foster care"),
                 ("heading", "Next steps – 2012"), ("list_item", "A guide for police"))
    units = N.narrative_units(doc, REPORT)
    assert [(u.text, u.heading, u.in_priorities, u.planned) for u in units] == [
        ("Foster care", "Priorities of the Presidency", True, False),
        ("A guide for police", "Next steps – 2012", False, True)]


def test_a_dated_heading_that_looks_ahead_heads_planned_items_and_a_dated_item_stays_an_item():
    doc = doc_of(("heading", "Upcoming Events, 2012"), ("list_item", "A guide for police"),
                 ("list_item", "Riga, 12 May 2012"))
    units = N.narrative_units(doc, REPORT)
    assert [(u.shape, u.text, u.planned, u.heading_date.start) for u in units] == [
        ("item", "A guide for police", True, date(2012, 1, 1)), ("item", "Riga, 12 May 2012", True, date(2012, 1, 1))]


def test_an_action_clause_in_a_paragraph_gives_items_labelled_by_their_letters():
    doc = doc_of(("paragraph", "Foster families need training. Action: a) map the services; b) run two courses."))
    units = N.narrative_units(doc, REPORT)
    assert [(u.shape, u.text, u.label, u.planned) for u in units] == [
        ("sentence", "Foster families need training.", None, False), ("item", "map the services", "a", True),
        ("item", "run two courses.", "b", True)]


def test_a_calendar_entrys_title_has_twenty_five_words_at_most():
    title = "Expert meeting of the Working Group on children at risk and on the rights of children in care " \
            "with the partners of the project team"
    assert len(title.split()) == 25
    lines = [N._line(t, k, 0, "paragraph") for k, t in enumerate([title, "Vilnius, Lithuania", "9-10 June 2010"])]
    assert N._calendar_entries(lines) == {0: (1, 2)}
    lines[0] = N._line(title + " itself", 0, 0, "paragraph")
    assert N._calendar_entries(lines) == {}


def test_a_place_and_date_line_that_ends_the_document():
    doc = doc_of(("heading", "Annual report"), ("paragraph", "The group met twice in Riga during the year."),
                 ("paragraph", "Riga, July 2000"))
    assert [u.text for u in N.narrative_units(doc, REPORT)] == ["The group met twice in Riga during the year."]


def test_a_topic_list_in_a_paragraph_is_items_under_its_label():
    doc = doc_of(("paragraph", "Culture and language: Nordic children's literature; Film and television co-production"))
    units = N.narrative_units(doc, REPORT)
    assert [(u.shape, u.text, u.lead_in) for u in units] == [
        ("item", "Nordic children's literature", "Culture and language"),
        ("item", "Film and television co-production", "Culture and language")]


def test_inline_items_that_open_a_paragraph_have_no_lead_in():
    ctx = {"heading": None, "date": None, "place": None, "lead_in": None, "priorities": False, "planned": False,
           "period": None, "programme": False}
    units = N._paragraph_units(N._line("1. Map the services 2. Run a course", 0, 0, "paragraph"), ctx)
    assert [(u.text, u.label, u.lead_in) for u in units] == [("Map the services", "1", None), ("Run a course", "2", None)]


def test_the_lead_before_inline_items_ends_at_the_first_marker():
    text = "The group will: 1. map the services 2. publish the guide in 2011."  # "2011." ends in "1." too
    items = N.inline_items(text)
    assert N._marker_start(text, items[0]) == 16


def test_an_action_clause_without_parts_is_one_part_to_its_end():
    text = "Foster families need training. Action: map the services. Deadline: 2010"
    assert N.action_parts(text) == (31, [("", 39, 57)])


# --- small rules at their boundaries ---------------------------------------------------------------


def test_a_title_case_line_counts_words_of_four_letters_or_more():
    assert N._topic_line("Care for the Young") is True  # "for", "the" are not counted
    assert N._topic_line("Care for the young people") is False


def test_a_place_line_of_sixty_characters():
    text = "Riga, Latvia, in the great hall of the House of the Blackhea"
    assert len(text) == 60 and N._place_line(text) is True
    assert N._place_line(text + "d") is False


def test_a_run_in_title_of_one_word():
    assert N._run_in_title("Trafficking. The questionnaire was answered by all members.") == ("Trafficking", 13)


def test_run_together_items_of_twelve_words_at_most():
    twelve = "Support for young people who leave care at the age of eighteen"
    assert len(twelve.split()) == 12
    text = f"{twelve}; Foster care"
    assert N._run_together(text) == [(0, 63), (64, 75)]
    longer = f"{twelve} years; Foster care"
    assert N._run_together(longer) == [(0, len(longer))]


def test_an_entry_after_the_period_reads_its_year_from_the_period():
    period = Period(raw="January-February 2009", start=date(2009, 1, 1), end=date(2009, 2, 28))
    assert N._after_period("15 March", period) is True
    assert N._after_period("15 February", period) is False


def test_a_title_slide_names_its_event_then_its_city_and_date():
    text = "Children at Risk Expert Meeting of the Working Group for Cooperation Helsinki 13-15 June 2004 Head of Unit"
    assert N.trim_title_event(text, lambda w: w == "Helsinki") == (
        "Children at Risk Expert Meeting of the Working Group for Cooperation", "Helsinki", "13-15 June 2004")


def test_a_line_with_words_after_its_date_is_no_entry():
    assert N._entry_line("Workshop on marine litter, Tallinn, 2012") is True
    assert N._entry_line("Workshop on marine litter, Tallinn, 2012 at the city hall") is False


# --- a calendar without a header ----------------------------------------------------------------------


def _table(rows):
    return Block(kind=BlockKind.table, rows=[TableRow(cells=r, index=k) for k, r in enumerate(rows)],
                 prov=Provenance(file="c.docx"))


def test_a_calendars_columns_by_their_cells():
    rows = [["7-8 October 2010", "Expert Group meeting on foster care", "Oslo"],
            ["12 May 2011", "Seminar on guardianship", "Riga"]]
    assert N._columns_by_content(_table(rows)) == (0, 1, 2)
    # a column of four words a cell is no place
    rows = [["7-8 October 2010", "Expert Group meeting on foster care and guardianship", "Oslo City Hall Norway"],
            ["12 May 2011", "Seminar on guardianship in the Nordic countries", "Riga Town Hall Latvia"]]
    assert N._columns_by_content(_table(rows)) == (0, 1, None)
    assert N._columns_by_content(_table([["7-8 October 2010"], ["12 May 2011"]])) == (None, None, None)
