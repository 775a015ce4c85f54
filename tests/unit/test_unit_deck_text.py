"""A slide deck saved as text: footers that repeat with the slide's number are page furniture
and mark where a slide ends; a line indented under a bullet goes on with it; "o" and "→" are
bullets; "Notes:" opens the speaker's sentences. Expectations written by hand."""
from __future__ import annotations

import pytest

from extractors.prose.narrative import narrative_units
from extractors.structure import analyse
from extractors.catalogue import CatalogueEntry
from pipeline.readers import read_document
from pipeline.readers.labels import split_label
from pipeline.readers.txt_reader import _page_numbers, furniture

pytestmark = pytest.mark.unit


def test_a_line_that_comes_back_with_a_rising_number_is_furniture():
    lines = ["Ministry | Tallinn | 1", "Background", "Ministry | Tallinn | 2", "- Item", "Ministry | Tallinn | 3",
             "Deadline: 2011", "Deadline: 2012", "Deadline: 2013",  # years: content
             "Page 7", "Page 5", "Page 9",  # not rising: not a page count
             "Room 4", "Room 5",  # twice only
             "Day 1", "Day 2", "Day 3",  # a programme's headings
             "- 4 -", "- 5 -", "- 6 -", "MRPiPS • PROMISE • 7", "MRPiPS • PROMISE • 8",
             "MRPiPS • PROMISE • 9", "LR ministrija   10", "LR ministrija   11", "LR ministrija   12",
             "Slide 1", "Slide 2", "Slide 3"]  # a transcript's slide numbers: read as such later
    assert furniture(lines) == {0, 2, 4, 16, 17, 18, 19, 20, 21, 22, 23, 24}


def test_pages_follow_the_footers_and_form_feeds():
    lines = ["Title", "Org | 1", "----", "", "Second", "Org | 2", "Third", "Org | 3", "Fourth"]
    assert _page_numbers(lines, {1, 5, 7}) == [1, 1, 1, 1, 2, 2, 3, 3, 4]
    assert _page_numbers(["a", "b"], set()) == [None, None]
    # the form feed stands before the new page's first line (pdftotext): "b" is on page 2; one ending
    # a line leaves the next line to start the page
    assert _page_numbers(["a", "\fb", "c"], set()) == [1, 2, 2]
    assert _page_numbers(["a\f", "b", "c"], set()) == [1, 2, 2]


@pytest.mark.parametrize("line, label, rest", [
    ("o 45 participants from 8 countries", "o", "45 participants from 8 countries"),
    ("o hosted by the city", "o", "hosted by the city"),
    ("→ National action plan 2015", "→", "National action plan 2015"),
    ("of the 12th meeting", None, "of the 12th meeting"),  # a word, not a bullet
])
def test_deck_bullets(line, label, rest):
    got = split_label(line)
    assert (got[0], got[2]) == (label, rest)


DECK = """Children at Risk in Estonia
WGCC meeting, Tallinn, 15-16 March 2004

Ministry of Social Affairs | 1
--------------------------------

Achievements 2001-2003
• Action plan on children at risk approved by Government,
  Dec. 2001
• Expert seminar "Children in the Streets", Tallinn, 27 Nov 2003
  o 45 participants from 8 countries
• Hotline for children pilot

Notes:
The seminar report is on the Unit's website. We will hold
a second seminar in Narva in autumn 2004.

Ministry of Social Affairs | 2
--------------------------------

Next Steps 2004-2005
→ New concept of child protection, draft by end of 2004
→ Foster care pilot in 3 counties

Ministry of Social Affairs | 3
"""


@pytest.fixture
def deck_units(tmp_path):
    path = tmp_path / "deck.txt"
    path.write_text(DECK, encoding="utf-8")
    doc = read_document(path)
    entry = CatalogueEntry.from_dict({"file": "deck", "title": "Children at Risk in Estonia", "period_start": "2004-01-01",
                                      "period_end": "2004-12-31", "genre": "slides", "source": "test"})
    return doc, narrative_units(doc, analyse(doc, entry))


def test_a_deck_is_cut_at_its_footers_and_its_notes_are_sentences(deck_units):
    doc, units = deck_units
    assert not any("Ministry of Social Affairs |" in b.text for b in doc.blocks)
    assert [(u.text, u.slide) for u in units] == [
        ("Children at Risk in Estonia", 1),
        ("WGCC meeting, Tallinn, 15-16 March 2004", 1),
        ("Action plan on children at risk approved by Government, Dec. 2001", 2),
        ('Expert seminar "Children in the Streets", Tallinn, 27 Nov 2003', 2),
        ("45 participants from 8 countries", 2),
        ("Hotline for children pilot", 2),
        ("The seminar report is on the Unit's website.", 2),
        ("We will hold a second seminar in Narva in autumn 2004.", 2),
        ("New concept of child protection, draft by end of 2004", 3),
        ("Foster care pilot in 3 counties", 3),
    ]
    assert [u.shape for u in units][6:8] == ["sentence", "sentence"]


def _deck_docx(path):
    """A deck written in Word: one section (page) per slide, a title slide whose lines are set
    apart by Shift+Enter, real bullets."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_paragraph("Children at Risk in Estonia", style="Title")
    title = document.add_paragraph()
    for i, line in enumerate(["Ministry of Social Affairs", "WGCC meeting, Tallinn, 15-16 March 2004", "Mari Tamm"]):
        if i:
            title.add_run().add_break(WD_BREAK.LINE)
        title.add_run(line)
    wrapped = document.add_paragraph()
    wrapped.add_run("The seminar report is on the website of")
    wrapped.add_run().add_break(WD_BREAK.LINE)
    wrapped.add_run("the Unit.")  # a sentence wrapped by hand: one line
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("Achievements", style="Heading 1")
    document.add_paragraph("Action plan approved by Government, Dec. 2001", style="List Bullet")
    document.add_section(WD_SECTION.CONTINUOUS)  # no new page
    document.add_paragraph("Training of 120 workers, 2002-2003", style="List Bullet")
    document.save(path)
    return path


def test_a_word_deck_keeps_its_slides_as_pages_and_its_title_lines_apart(tmp_path):
    doc = read_document(_deck_docx(tmp_path / "deck.docx"))
    assert [(b.text, b.prov.page) for b in doc.blocks] == [
        ("Children at Risk in Estonia", 1),
        ("Ministry of Social Affairs", 1), ("WGCC meeting, Tallinn, 15-16 March 2004", 1), ("Mari Tamm", 1),
        ("The seminar report is on the website of the Unit.", 1),
        ("Achievements", 2), ("Action plan approved by Government, Dec. 2001", 2),
        ("Training of 120 workers, 2002-2003", 2),
    ]


@pytest.mark.parametrize("lines, apart", [
    (["Ministry of Social Affairs", "WGCC meeting, Tallinn", "Mari Tamm"], True),
    (["The report is on the website of", "the Unit."], False),  # goes on in lower case
    (["Prepared by the Ministry of", "Social Affairs"], False),  # ends in a word that joins
    (["Tallinn,", "15 March 2004"], False),
    (["Short", "A line of more than twelve words is running text and not a title line at all"], False),
    (["Alone"], False),
])
def test_lines_of_their_own(lines, apart):
    from pipeline.readers.docx_content import lines_of_their_own

    assert lines_of_their_own(lines) is apart


@pytest.mark.parametrize("text, kind", [
    ("Action plan on children at risk approved by Government, Dec. 2001", "event"),
    ('Agreement with the NGO "Caritas" signed in Vilnius, 15 October 2007', "event"),
    ("Methodological recommendations issued by the Police Department, March 2008", "event"),
    ("Helpline launched, Feb 2010", "event"),
    ("Handbook for guardians published", None),  # no date or place of its own: a fragment
    ("Website in Russian", None),
])
def test_a_fragment_that_tells_a_thing_done_with_its_date_or_place_is_an_event(text, kind):
    from tests.unit.prose_decisions import decision_of

    decision = decision_of(text, shape="item", city=True)
    assert decision.kind == kind


def test_a_dated_next_steps_slide_heads_planned_items(tmp_path):
    path = tmp_path / "deck.txt"
    path.write_text("Slide 1\nHealthBridge\n\nSlide 2\nAchievements 2010-2011\nKick-off meeting, Turku, 3-4 February 2010\n\n"
                    "Slide 3\nNext steps – 2012\nExtension of teledermatology to Valmiera and Cesis\n"
                    "Final conference, Tallinn, 20 November 2012\n", encoding="utf-8")
    doc = read_document(path)
    entry = CatalogueEntry.from_dict({"file": "deck", "title": "HealthBridge", "period_start": "2011-01-01",
                                      "period_end": "2011-12-31", "genre": "slides", "source": "test"})
    units = {u.text: u for u in narrative_units(doc, analyse(doc, entry))}
    assert units["Extension of teledermatology to Valmiera and Cesis"].planned is True
    assert units["Extension of teledermatology to Valmiera and Cesis"].shape == "item"  # not a topic title
    assert units["Final conference, Tallinn, 20 November 2012"].planned is True
    assert units["Kick-off meeting, Turku, 3-4 February 2010"].planned is False


@pytest.mark.parametrize("line, debris", [
    ("Next »", True), ("Share", True), ("Back to top", True), ("Next article", True), ("Read more", True),
    ("Download the report (PDF, 2 MB)", True), ("Tags: trafficking, Barnahus", True),
    ("Next steps – 2012", False), ("Next meeting: Riga, 3 May 2011", False),
    ("Back in 2005 the group met in Oslo.", False), ("Share of children in care: 2 %", False),
])
def test_web_navigation_and_words_that_open_a_sentence(line, debris):
    from extractors.prose.narrative import WEB_DEBRIS

    assert bool(WEB_DEBRIS.match(line)) is debris


@pytest.mark.parametrize("text, pieces", [
    ("Priorities 1999 Children's rights Youth participation Social inclusion Environmental education",
     ["Priorities 1999", "Children's rights", "Youth participation", "Social inclusion", "Environmental education"]),
    ("Cooperation with Russia on Children at Risk", None),  # capitals after joining words: one title
    ("Results of the year", None),
    ("Priorities: Children's rights, Youth participation, Social inclusion", None),  # punctuated: read as such
])
def test_a_title_and_its_list_run_together_on_one_slide_line(text, pieces):
    from extractors.prose.narrative import _capitals_run

    run = _capitals_run(text)
    assert ([text[a:b] for a, b in run] if run else None) == pieces


def test_the_run_together_list_becomes_priority_items(tmp_path):
    path = tmp_path / "deck.txt"
    path.write_text("Slide 1: Baltic Sea NGO Network\n\nSlide 2: Priorities 1999 Children's rights Youth participation "
                    "Social inclusion Environmental education\n\nSlide 3: Highlights of 1998\n- Forum held in Stockholm\n",
                    encoding="utf-8")
    doc = read_document(path)
    entry = CatalogueEntry.from_dict({"file": "deck", "title": "Network", "period_start": "1999-01-01",
                                      "period_end": "1999-12-31", "genre": "slides", "source": "test"})
    units = {u.text: u for u in narrative_units(doc, analyse(doc, entry))}
    assert [t for t, u in units.items() if u.in_priorities] == [
        "Children's rights", "Youth participation", "Social inclusion", "Environmental education"]
    assert units["Children's rights"].heading == "Priorities 1999"
