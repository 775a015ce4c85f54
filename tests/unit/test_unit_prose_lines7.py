"""Rules of the prose segmenter (extractors/prose/narrative.py) and the training sheet's reader that a
mutation run (issue 29, sample 5 of 2026-12-07, at 46e6588) showed no test holding: a questionnaire's
answers at their place in the text, a footnote after the rule, a slide's title after "Slide 2", small
rules at their boundaries (a run-together title of four-word items, a ten-word topic line, a date line
of 90 characters, a place and a date, a date two words after a name), an action clause that ends
where its "Responsible:" begins, a calendar row's place of several words. Documents written block by
block; every expected value by hand from the rule's comment or docstring."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from extractors.prose import narrative as N
from extractors.prose import narrative_data as nd
from schemas.document import Block, BlockKind, Document, Provenance, TableRow, assign_char_spans
from schemas.records import Period

pytestmark = pytest.mark.unit

REPORT = SimpleNamespace(kind="report", period=None)
SLIDES = SimpleNamespace(kind="slides", period=None)


def doc_of(*blocks):
    """(kind, text) blocks, or Block objects (tables), as a reader gives them."""
    out = [b if isinstance(b, Block) else Block(kind=BlockKind(b[0]), text=b[1], prov=Provenance(file="d.docx"))
           for b in blocks]
    doc = Document(path="d.docx", name="d.docx", format="docx", sha256="0" * 64, blocks=out)
    assign_char_spans(doc)
    return doc


def table(header, rows):
    return Block(kind=BlockKind.table, header=header, rows=[TableRow(cells=r, index=k) for k, r in enumerate(rows)],
                 prov=Provenance(file="d.docx"))


def line(text, kind="paragraph"):
    return N._line(text, 0, 0, kind)


def ctx_of(**kw):
    ctx = {"heading": None, "date": None, "place": None, "lead_in": None, "priorities": False, "planned": False,
           "period": None, "news": False, "programme": False, "first_line": None}
    ctx.update(kw)
    return ctx


# --- the training sheet ----------------------------------------------------------------------------


def test_a_sheet_tag_is_its_letter_and_a_star_only(tmp_path):
    path = tmp_path / "units.txt"
    path.write_text("@g report\nEX The seminar was held in Riga.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="units.txt:2: not a labelled line"):
        nd.read_sheet(path, "me")  # "EX" is no tag: only "E" and "E*" are


# --- a questionnaire's answers ------------------------------------------------------------------


def test_a_questionnaires_answer_is_a_unit_at_its_place_in_the_text():
    answer = "On 3 March 2010 the Government appointed a national coordinator."
    doc = doc_of(("paragraph", "Reply of the Slovak Republic"),
                 table(["Question", "Answer"], [["1. Is there a coordinator?", answer],
                                                ["2. Is there a shelter?", "No."]]))
    units = N.narrative_units(doc, REPORT)
    found = [u for u in units if u.text == answer]
    assert len(found) == 1
    text = doc.text()
    # the table's text: "Question\tAnswer\n1. Is there a coordinator?\t<answer>\n..."
    start = len("Reply of the Slovak Republic") + 1 + len("Question\tAnswer") + 1 + len("1. Is there a coordinator?") + 1
    assert (found[0].char_start, found[0].char_end) == (start, start + len(answer))
    assert text[found[0].char_start:found[0].char_end] == answer


def test_an_answer_in_the_third_column_counts_both_cells_before_it():
    answer = "The Ministry of Interior trained 48 border guards in May 2010."
    doc = doc_of(table(["No", "Question", "Answer"], [["1", "Is there training?", answer]]))
    [u] = [u for u in N.narrative_units(doc, REPORT) if u.text == answer]
    start = len("No\tQuestion\tAnswer") + 1 + len("1") + 1 + len("Is there training?") + 1
    assert u.char_start == start


# --- footnotes below a rule ----------------------------------------------------------------------


def test_numbered_notes_below_a_footnote_rule_are_no_units():
    doc = doc_of(("paragraph", "The Working Group met in Riga in May 2009."),
                 ("paragraph", "__________"),
                 ("paragraph", "1 The report of the meeting was published in June 2009."),
                 ("paragraph", "2 The next meeting took place in Oslo in October 2009."))
    texts = [u.text for u in N.narrative_units(doc, REPORT)]
    assert texts == ["The Working Group met in Riga in May 2009."]


# --- a slide transcript with "Slide N" lines -------------------------------------------------------


def test_the_line_after_slide_n_is_that_slides_title():
    doc = doc_of(("paragraph", "Slide 1"), ("paragraph", "Expert Group on foster care"),
                 ("paragraph", "Slide 2"), ("paragraph", "Next steps"),
                 ("paragraph", "Seminar for foster parents in Riga"))
    units = N.narrative_units(doc, SLIDES)
    shapes = {u.text: (u.shape, u.slide, u.planned) for u in units}
    assert shapes["Expert Group on foster care"] == ("title", 1, False)
    assert shapes["Next steps"] == ("title", 2, True)
    # under the second slide's title "Next steps": work to come
    assert shapes["Seminar for foster parents in Riga"] == ("item", 2, True)


# --- minutes' action points ------------------------------------------------------------------------


def test_an_action_point_with_nothing_to_read_gives_no_unit():
    doc = doc_of(("paragraph", "AP 4/2019: 12"), ("paragraph", "The Secretariat to prepare a draft strategy."))
    assert [u.text for u in N.narrative_units(doc, REPORT)] == ["The Secretariat to prepare a draft strategy."]


def test_an_action_clause_ends_where_responsible_begins():
    text = "Action: a) map the services; b) run a seminar. Responsible: c) the Secretariat"
    start, parts = N.action_parts(text)
    assert start == 0
    assert [label for label, _, _ in parts] == ["a", "b"]
    assert text[parts[1][1]:parts[1][2]].strip() == "run a seminar."


# --- small rules at their boundaries -----------------------------------------------------------------


def test_a_capitals_run_has_no_punctuation_and_items_of_four_words_at_most():
    text = "Priorities 1999 Children's rights for girls Youth participation Social inclusion"
    # cut before each capital after a lower-case word or a number: 2, 4, 2 and 2 words
    assert N._capitals_run(text) == [(0, 15), (16, 43), (44, 63), (64, 80)]
    assert N._capitals_run("Priorities 1999 Children's rights Youth participation, Social inclusion") is None
    assert N._capitals_run("Priorities 1999 Children's rights for all girls Youth participation Social inclusion") is None


def test_a_date_line_is_at_most_ninety_characters_of_dates():
    assert N._date_line("3 May 2009.") is True  # the full stop is no word
    assert N._date_line("3 May 2009 (2)") is True
    short = ", ".join(f"{d} May 2009" for d in range(1, 8))  # 7 dates of 10 characters: 82
    long = ", ".join(f"{d} May 2009" for d in range(1, 9))  # 8 dates: 94 characters
    assert (len(short), len(long)) == (82, 94)
    assert N._date_line(short) is True
    assert N._date_line(long) is False


def test_a_place_line_strips_spaces_and_full_stops_only():
    assert N._place_line("Riga.") is True
    assert N._place_line("Riga X") is False


def test_a_topic_line_has_ten_words_at_most_and_no_colon():
    ten = "Children's Rights And Youth Participation In The Baltic Sea Region"
    assert len(ten.split()) == 10
    assert N._topic_line(ten) is True
    assert N._topic_line(ten + " Today") is False
    assert N._topic_line("Planned Activities For Children:") is False
    assert N._topic_line("Planned Activities For Children") is True


def test_a_slide_heading_may_end_in_a_colon_and_a_space():
    assert N._slide_heading("the members discussed: ") is True
    assert N._slide_heading("the members discussed") is False


def test_a_title_slides_date_follows_its_city_within_three_characters():
    city = lambda w: w == "Helsinki"  # noqa: E731
    assert N.trim_title_event("Meeting of the Working Group Helsinki – 13 June 2004", city) == \
        ("Meeting of the Working Group", "Helsinki", "13 June 2004")
    assert N.trim_title_event("Meeting of the Working Group Helsinki on 13 June 2004", city) is None


def test_a_place_and_a_date_both():
    assert N._place_and_date("Stockholm, 9-10 October") is True
    assert N._place_and_date("Steering Committee, 9-10 October") is False
    assert N._place_and_date("Stockholm, the Royal Palace") is False


def test_a_dated_tail_after_two_words_and_before_a_closing_mark():
    assert N.dated_tail("Oil spill, 29 August") == "29 August"
    assert N.dated_tail("Exercise, 29 August") is None  # one word before the date: no name
    assert N.dated_tail("Workshop on litter, Tallinn, 29 August;") == "29 August"
    assert N.dated_tail("Workshop on litter, Tallinn, 29 August)") == "29 August"


def test_an_entry_prefixs_place_ending_in_a_capital_x():
    text = "FOIX, May 2006 – Meeting of the Working Group"
    assert N.entry_prefix(text) == ("FOIX", "May 2006", text.index("Meeting"))


def test_inline_items_count_letters_from_a_after_the_first_number():
    text = "Priorities: 1.Sexual exploitation a.Report from Riga b.Guidelines 2.Unaccompanied children"
    assert N.inline_items(text) == [
        ("1", 0, text.index("Sexual"), text.index("a.Report")),
        ("a", 1, text.index("Report"), text.index("b.Guide")),
        ("b", 1, text.index("Guidelines"), text.index("2.Unacc")),
        ("2", 0, text.index("Unaccompanied"), len(text)),
    ]


def test_inline_bullets_of_one_word():
    text = "Children • Youth • Social inclusion"
    assert N._inline_bullets(text) == [(0, 8), (11, 16), (19, 35)]


def test_a_sections_name_is_no_unmarked_item():
    assert N._unmarked_item("Planned meetings") is False
    assert N._unmarked_item("Expert Group meetings") is False
    assert N._unmarked_item("Communicable diseases and health") is True


def test_a_days_abbreviated_month_ends_a_short_first_sentence():
    text = "On 14 Sept. Studies show it."
    assert N.split_sentences(text) == [(0, 11), (12, 28)]


def test_a_tables_wordiest_column_over_rows_of_any_length():
    block = table(["Date", "Place", "Participants"],
                  [["2010 02 11", "Kosice", "labour inspectors of the eastern region"], ["2010 10 05", "Nitra"]])
    # column 2: 6 words over 2 rows (the second has no third cell), 3 a row: enough
    assert N._wordiest_column(block, {0, 1}) == 2
    block = table(["Date", "Place", "Participants"], [["2010 02 11", "Kosice", "labour inspectors"]])
    assert N._wordiest_column(block, {0, 1}) is None


def test_columns_by_content_with_a_short_row():
    block = Block(kind=BlockKind.table, rows=[TableRow(cells=["7-8 October 2010", "Expert Group meeting", "Oslo"], index=0),
                                               TableRow(cells=["12 May 2011"], index=1)],
                  prov=Provenance(file="c.docx"))
    assert N._columns_by_content(block) == (0, 1, 2)


def test_a_calendar_rows_place_of_several_words():
    doc = doc_of(table(["Date", "Meeting", "Place"], [["7-8 October 2010", "Expert Group meeting", "Tallinn Town Hall, Estonia"]]))
    [u] = N.narrative_units(doc, REPORT)
    assert (u.text, u.entry_date_raw, u.entry_place_raw) == ("Expert Group meeting", "7-8 October 2010", "Tallinn Town Hall")


# --- a unit's planned flag --------------------------------------------------------------------------------

PERIOD_2011 = Period(raw="2011", start=date(2011, 1, 1), end=date(2011, 12, 31))
PERIOD_2017 = Period(raw="2017-2018", start=date(2017, 1, 1), end=date(2018, 12, 31))


def test_a_dated_title_after_the_period_is_planned():
    text = "Seminar on foster care, 3 May 2012"
    unit = N._unit(line(text), 0, len(text), "title", ctx_of(period=PERIOD_2011))
    assert unit.planned is True
    unit = N._unit(line(text), 0, len(text), "sentence", ctx_of(period=PERIOD_2011))
    assert unit.planned is False  # only an item or a title is read so


def test_an_entry_dated_before_the_period_by_its_own_date_is_not_planned():
    text = "Report on family reunification"
    unit = N._unit(line(text), 0, len(text), "entry", ctx_of(period=PERIOD_2017, planned=True), entry_date_raw="Oct 2016")
    assert unit.planned is False
    unit = N._unit(line(text), 0, len(text), "entry", ctx_of(period=PERIOD_2017, planned=True), entry_date_raw="Oct 2017")
    assert unit.planned is True


# --- documents read through: slides, lead-ins, bullets, news stamps, decisions, action clauses ------------


def units_of(structure, *blocks):
    return N.narrative_units(doc_of(*blocks), structure)


def item(text, label):
    return Block(kind=BlockKind.list_item, text=text, label=label, prov=Provenance(file="d.docx"))


def test_a_place_and_date_line_after_a_title_without_a_meetings_name_is_not_joined_to_it():
    units = units_of(SLIDES, ("paragraph", "Slide 1"), ("paragraph", "Children at risk"), ("paragraph", "Riga, May 2009"))
    assert [(u.text, u.shape, u.entry_date_raw) for u in units] == [("Children at risk", "title", None)]


def test_a_slide_heading_ending_in_will_leads_in_the_items_below():
    units = units_of(SLIDES, ("paragraph", "Children at risk"), ("heading", "The Estonian chairmanship will:"),
                     ("paragraph", "organise a seminar on foster care"))
    [u] = [u for u in units if u.text == "organise a seminar on foster care"]
    assert (u.shape, u.lead_in) == ("item", "The Estonian chairmanship will:")


def test_places_and_dates_under_a_lead_in_that_says_will_are_planned_items():
    lead = "The Task Force will meet four times during the period:"
    units = units_of(REPORT, ("paragraph", lead), ("paragraph", "Stockholm, 9-10 October"))
    [u] = [u for u in units if u.text == "Stockholm, 9-10 October"]
    assert (u.shape, u.planned, u.lead_in, u.entry_date_raw, u.entry_place_raw) == \
        ("item", True, lead, "9-10 October", "Stockholm")


def test_bullets_on_one_line_are_items_of_the_lead_in_above():
    units = units_of(REPORT, ("paragraph", "The priorities are:"),
                     ("paragraph", "Children in institutions • Commercial sexual exploitation • Unaccompanied minors"))
    assert [(u.text, u.shape, u.lead_in) for u in units[1:]] == [
        ("Children in institutions", "item", "The priorities are:"),
        ("Commercial sexual exploitation", "item", "The priorities are:"),
        ("Unaccompanied minors", "item", "The priorities are:")]


def test_a_news_items_sentences_each_carry_its_stamp():
    units = units_of(REPORT, ("paragraph", "18/12/2003 - The group met in Riga. In 2004 the group will meet again."))
    assert [(u.text, u.shape, u.entry_date_raw) for u in units] == [
        ("The group met in Riga.", "sentence", "18/12/2003"),
        ("In 2004 the group will meet again.", "sentence", "18/12/2003")]


def test_a_minutes_item_told_then_decided_is_read_sentence_by_sentence():
    text = "The chair of the EG SAR reported on the work of the group. The Plenary decided to set up a task group."
    units = units_of(REPORT, item(text, "3.3"))
    assert [(u.text, u.shape, u.label) for u in units] == [
        ("The chair of the EG SAR reported on the work of the group.", "sentence", "3.3"),
        ("The Plenary decided to set up a task group.", "sentence", "3.3")]


def test_an_action_clause_ends_the_lead_in_above_it():
    units = units_of(REPORT, ("paragraph", "The tasks of the Group include:"),
                     item("Support to foster families. Action: a) map services; b) run a seminar", "1."),
                     item("Guardianship for children", "2."))
    assert [(u.text, u.shape, u.planned, u.label) for u in units[1:4]] == [
        ("Support to foster families.", "sentence", False, None),
        ("map services", "item", True, "1.a"), ("run a seminar", "item", True, "1.b")]
    assert (units[4].text, units[4].lead_in) == ("Guardianship for children", None)


def test_short_slide_lines_that_name_priorities_or_plans_head_the_items_below():
    units = units_of(SLIDES, ("paragraph", "Slide 1"), ("paragraph", "Children at risk"),
                     ("paragraph", "Main priority areas"), ("paragraph", "Foster care"))
    assert [u.text for u in units] == ["Children at risk", "Main priority areas", "Foster care"]  # three words: an item
    units = units_of(SLIDES, ("paragraph", "Slide 1"), ("paragraph", "Children at risk"),
                     ("paragraph", "Planned activities 2012"), ("paragraph", "Seminar on foster care"))
    # three words naming plans: a heading, and the items below it are planned
    assert [(u.text, u.planned) for u in units] == [("Children at risk", False), ("Seminar on foster care", True)]


def test_a_slide_line_of_twelve_words_ending_in_will_leads_in_the_next():
    lead = "In the next two years the Estonian chairmanship of the group will"
    assert len(lead.split()) == 12
    units = units_of(SLIDES, ("paragraph", "Slide 1"), ("paragraph", "Children at risk"), ("paragraph", lead),
                     ("paragraph", "Organise a seminar on foster care"))
    assert units[1].notes == ["lead-in of the items below"]
    assert (units[2].text, units[2].lead_in) == ("Organise a seminar on foster care", lead)


def test_a_capitals_run_is_cut_only_on_a_slides_first_line():
    run = "Priorities 1999 Children's rights Youth participation Social inclusion Family policy"
    units = units_of(SLIDES, ("paragraph", "Slide 1"), ("paragraph", "Children at risk"), ("paragraph", run))
    assert [u.text for u in units] == ["Children at risk", run]


def test_aims_after_a_paragraph_lead_in_are_items_and_a_bullet_line_ends_them():
    lead = "The Working Group agreed on the following aims:"
    units = units_of(REPORT, ("paragraph", lead), ("heading", "to protect children from violence"),
                     ("heading", "to support foster families"))
    assert [(u.text, u.shape, u.lead_in) for u in units[1:]] == [
        ("to protect children from violence", "item", lead), ("to support foster families", "item", lead)]
    # after a line of bullets the list without bullets is over: the next "to ..." heading is a heading
    units = units_of(REPORT, ("paragraph", lead), ("paragraph", "Children • Youth • Families"),
                     ("heading", "to protect children from violence"))
    assert [u.text for u in units] == [lead, "Children", "Youth", "Families"]
