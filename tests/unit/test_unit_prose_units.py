"""Prose documents cut into candidate units, exactly (issue 29): entries, sentences, lead-ins,
numbered and inline items, action clauses, slide pieces. Short texts written here; each expected
unit by hand from records.md's rules."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.prose.narrative import (_after_period, _entry_line, _heading_place, _sentence_like, _topic_line, action_parts,
                                  entry_prefix, inline_items, narrative_units, slide_pieces, trim_title_event)
from extractors.structure import analyse
from pipeline.readers import read_document
from schemas.records import Period

pytestmark = pytest.mark.unit

REPORT = """Annual report of the Working Group 2008-2009

Activities during the year

Tallinn, October 2008 – Meeting of the Working Group on children at risk.

Oslo, March 2010 – Conference on care.

The Expert Group met in Riga on 3 March 2009. Dr. Berg opened it. The members agreed on the following:

1. a guide for police
2. a seminar on care

Planned activities

Vilnius, September 2009 – Seminar on foster care.

Follow-up

3. Support to foster families – Foster families need training. Action: a.) map the services; b.) run two courses. Deadline: 2010
"""


@pytest.fixture  # per test, not per module: mutmut maps a function to the tests that call it, fixtures included
def report_units(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    doc = read_document(path)
    return narrative_units(doc, analyse(doc))


def test_a_report_is_cut_into_entries_sentences_and_items(report_units):
    got = [(u.shape, u.text, u.heading, u.lead_in, u.planned, u.label) for u in report_units]
    activities, planned, follow_up = "Activities during the year", "Planned activities", "Follow-up"
    lead = "The members agreed on the following:"
    assert got == [
        ("sentence", "Annual report of the Working Group 2008-2009", None, None, False, None),
        ("entry", "Meeting of the Working Group on children at risk.", activities, None, False, None),
        ("entry", "Conference on care.", activities, None, True, None),  # dated after the report's period: planned
        ("sentence", "The Expert Group met in Riga on 3 March 2009.", activities, None, False, None),
        ("sentence", "Dr. Berg opened it.", activities, None, False, None),
        ("sentence", lead, activities, None, False, None),
        ("item", "a guide for police", activities, lead, False, "1."),
        ("item", "a seminar on care", activities, lead, False, "2."),
        ("entry", "Seminar on foster care.", planned, None, True, None),
        ("sentence", "Support to foster families – Foster families need training.", follow_up, None, False, None),
        ("item", "map the services", follow_up, "Action: a.)", True, "3.a"),
        ("item", "run two courses.", follow_up, "Action: a.)", True, "3.b"),
    ]


def test_an_entry_keeps_its_place_and_date_and_its_span(report_units):
    entry = report_units[1]
    assert (entry.entry_place_raw, entry.entry_date_raw) == ("Tallinn", "October 2008")
    assert [(u.entry_place_raw, u.entry_date_raw) for u in report_units if u.shape == "entry"] == \
        [("Tallinn", "October 2008"), ("Oslo", "March 2010"), ("Vilnius", "September 2009")]
    assert entry.char_end - entry.char_start == len("Meeting of the Working Group on children at risk.")


def test_inline_items_count_one_two_three_and_letters_under_them():
    text = "Priorities: 1.Sexual exploitation 2.Unaccompanied children a.Report from Latvia b.Guide"
    items = inline_items(text)
    assert [(label, level, text[s:e].strip()) for label, level, s, e in items] == [
        ("1", 0, "Sexual exploitation"), ("2", 0, "Unaccompanied children"), ("a", 1, "Report from Latvia"),
        ("b", 1, "Guide")]
    assert inline_items("It was point 5. Then came 6. Nothing else.") is None  # no 1.
    assert inline_items("Only 1. one item here") is None  # one item is no list


def test_an_action_clause_gives_its_parts():
    text = "Train staff. Action: a.) map the services; b.) run two courses. Deadline: 2010"
    start, parts = action_parts(text)
    assert text[start:].startswith("Action:")
    assert [(label, text[s:e].strip(" ;")) for label, s, e in parts] == [("a", "map the services"),
                                                                      ("b", "run two courses.")]
    whole = "Support. Next steps: publish the guide"
    start, parts = action_parts(whole)
    assert (whole[start:start + 11], [(label, whole[s:e]) for label, s, e in parts]) == \
        ("Next steps:", [("", "publish the guide")])
    assert action_parts("The Plan of Action: a summary") is None
    assert action_parts("Action:   ") is None
    assert action_parts("No clause here.") is None


@pytest.mark.parametrize("text, pieces", [
    ("Conference in Riga, September 2006 - Conference The Rights of Children",
     ["Conference in Riga, September 2006", "Conference The Rights of Children"]),
    ("Baltic States - Improving Child Participation", ["Baltic States - Improving Child Participation"]),
    ("Meeting in Oslo - Seminar on care - Visit", ["Meeting in Oslo", "Seminar on care", "Visit"]),
    # a dash between two places joins them ("Turku – Mariehamn"), unless a date ends what comes before
    ("Video link Turku – Mariehamn opened in November 2010", ["Video link Turku – Mariehamn opened in November 2010"]),
    ("Peer-to-peer exchange Lithuania – Sweden, autumn 2018", ["Peer-to-peer exchange Lithuania – Sweden, autumn 2018"]),
    ("Visit to Riga, May 2010 – Tallinn seminar", ["Visit to Riga, May 2010", "Tallinn seminar"]),
])
def test_slide_pieces(text, pieces):
    assert [text[s:e] for s, e in slide_pieces(text)] == pieces


@pytest.mark.parametrize("text, expected", [
    ("Tallinn October 2005 – Meeting of the group", ("Tallinn", "October 2005", 23)),
    ("Reykjavik, May 2006 - Seminar on care", ("Reykjavik", "May 2006", 22)),
    ("March 2009: Conference in Riga", (None, "March 2009", 12)),
    ("15 June – Visit to Oslo", (None, "15 June", 10)),
    ("June – Visit to Oslo", None),  # a month without its year is no entry's date
    ("The group – met in Oslo", None),
    ("Many Small Baltic Towns, May 2006 – Seminar", None),  # four words are no place
    ("the capital, May 2006 – Seminar", None),
    ("May 2006 and June 2007 – Seminars", None),
    ("Oslo, May 2006 again – Seminar", None),
])
def test_entry_prefix(text, expected):
    assert entry_prefix(text) == expected


@pytest.mark.parametrize("text, is_entry", [
    ("Helsinki, 15-16 September 2003 – Meeting of the Working Group", True),
    ("Workshop on marine litter, Tallinn, autumn 2012", True),
    ("Seminar on care, Kiel, 29 August", True),
    ("Danish Presidency, 2005", False),
    ("Annual meeting report, Kiel, 2005", True),
    ("April 2000", False),
    ("Vilnius, September 2014", False),
    ("Meetings, 2005:", False),
    ("Kiel, 29 August", False),
    ("A heading with no date", False),
])
def test_entry_lines_that_look_like_headings(text, is_entry):
    assert _entry_line(text) is is_entry


def test_small_predicates():
    assert _topic_line("The Rights of Children in Institutions") is True
    assert _topic_line("The rights of children in institutions") is False
    assert _topic_line("The Rights of Children in 2005") is False
    assert _topic_line("The Rights of Children in Institutions.") is False
    assert _topic_line("A") is False
    assert _sentence_like("The group met in Riga and agreed on a guide for the police officers.") is True
    assert _sentence_like("The group met in Riga and agreed on a guide for the police officers") is False
    assert _sentence_like("The group met.") is False
    assert _heading_place("Vilnius, September 2014") == "Vilnius"
    assert _heading_place("Read more Vilnius, September 2014") == "Vilnius"
    assert _heading_place("September 2014") is None


def test_an_entry_after_the_period_is_what_comes_next():
    period = Period(start=date(2008, 7, 1), end=date(2009, 6, 30), raw="2008-2009")
    assert _after_period("September 2009", period) is True
    assert _after_period("June 2009", period) is False
    assert _after_period("30 June 2009", period) is False
    assert _after_period("1 July 2009", period) is True
    assert _after_period("September 2009", None) is False


def test_a_title_slide_names_its_event_city_and_date():
    text = "Children at Risk Meeting of the Expert Group Helsinki 13 th to 15 th of June 2004 Head of Unit"
    assert trim_title_event(text, lambda w: w == "Helsinki") == \
        ("Children at Risk Meeting of the Expert Group", "Helsinki", "13th to 15th of June 2004")
    assert trim_title_event("Helsinki June 2004 meeting", lambda w: w == "Helsinki") is None  # the city opens it
    assert trim_title_event("Meeting of the Expert Group in Helsinki", lambda w: w == "Helsinki") is None


def test_inline_items_of_a_paragraph_take_its_last_sentence_as_lead_in(tmp_path):
    path = tmp_path / "programme.txt"
    path.write_text("Programme of the presidency\n\nThe presidency will work on two fronts. Its priorities are: "
                    "1. child trafficking 2. care for children a. foster care b. small homes\n", encoding="utf-8")
    doc = read_document(path)
    units = narrative_units(doc, analyse(doc))
    lead = "Its priorities are:"
    assert [(u.shape, u.text, u.lead_in, u.in_priorities, u.label) for u in units] == [
        ("sentence", "The presidency will work on two fronts.", None, False, None),
        ("sentence", lead, None, False, None),
        ("item", "child trafficking", lead, True, "1"),
        ("item", "care for children", lead, True, "2"),
        ("item", "foster care", None, False, "a"),  # a sub-item: no lead-in, not itself a priority
        ("item", "small homes", None, False, "b"),
    ]
    assert {u.heading for u in units} == {"Programme of the presidency"}


@pytest.mark.unit
def test_a_footnote_mark_after_a_full_stop_ends_the_sentence():
    from extractors.prose.narrative import split_sentences

    text = "The group agreed on a joint position on the recast.(3) The second meeting took place in Visby.[4] It ended."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The group agreed on a joint position on the recast.", "The second meeting took place in Visby.", "It ended."]


@pytest.mark.unit
@pytest.mark.parametrize("text, expected", [
    ("1 July 2016 - 30 June 2017", None),  # a range of dates under a title, no entry
    ("Vilnius, 11-12 November - EUSBSR Annual Forum", ("Vilnius", "11-12 November", 26)),
    ("4 July, Vilnius - Opening conference of the Presidency", ("Vilnius", "4 July", 18)),
])
def test_an_entry_prefix_is_a_place_and_date_before_a_text_that_is_not_itself_a_date(text, expected):
    from extractors.prose.narrative import entry_prefix

    assert entry_prefix(text) == expected


@pytest.mark.unit
def test_a_slide_line_short_of_the_cut_width_before_a_capital_is_an_item_of_its_own():
    from extractors.prose.narrative import _joinable, _line

    long_item = _line('E-learning course "Wound care at home" launched in Estonian', 0, 0, "paragraph")  # 59
    nxt = _line("Workshop on data protection, Riga, 15 March 2011", 1, 60, "paragraph")
    assert not _joinable(long_item, nxt, slides=True, width=65)  # 59 < 63: an item that ends there
    cut = _line("The project connects hospitals in Turku, Tartu and the Aland Islands", 0, 0, "paragraph")  # 68
    assert _joinable(cut, _line("Mariehamn and Riga follow in 2011", 1, 69, "paragraph"), slides=True, width=69)
    assert _joinable(long_item, _line("and in Latvian", 1, 60, "paragraph"), slides=True, width=65)


@pytest.mark.unit
@pytest.mark.parametrize("line, lead", [("The partners will also", True), ("The Estonian chairmanship will", True),
                                        ("The partners will present the results", False)])
def test_a_slide_line_ending_in_a_modal_and_an_adverb_is_a_lead_in(line, lead):
    from extractors.prose.narrative import LEAD_MODAL

    assert bool(LEAD_MODAL.search(line)) is lead
