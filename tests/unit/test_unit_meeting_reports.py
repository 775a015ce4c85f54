"""Minutes and meeting reports: numbered agenda items head sections, the list of participants
holds no records, "(doc. X/2003/9)" does not end a sentence, the title block is marked, and a
title's meeting told again by a sentence is recorded once. Expectations written by hand."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from extractors.prose.narrative import ROSTER_HEADING, _body_sentence, narrative_units, split_sentences
from extractors.structure import analyse, promote_numbered_sections
from pipeline.components import retold_titles
from pipeline.readers import read_document
from schemas.document import Block, BlockKind
from schemas.records import Provenance

pytestmark = pytest.mark.unit

MINUTES = """Nordic Youth Committee
REPORT FROM THE MEETING IN TROMSØ, 4-5 MAY 2015

1. Opening of the meeting

The Nordic Youth Committee met in Tromsø on 4-5 May 2015 at the invitation of Troms County.

2. Adoption of the agenda

The agenda (doc. NYC/2015/3) was adopted without changes.

3. Youth exchange

The committee approved the new exchange programme. The secretariat will publish the call in June.

List of participants
Norway: Kari Nilsen, Troms County; Per Olsen, Ministry of Children
Sweden: Eva Berg, Region Norrbotten
"""


@pytest.fixture
def minutes_units(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    doc = read_document(path)
    return narrative_units(doc, analyse(doc))


def test_agenda_items_head_their_sections_and_participants_give_no_units(minutes_units):
    texts = [u.text for u in minutes_units]
    assert "Opening of the meeting" not in texts and "Adoption of the agenda" not in texts
    assert not any("Kari Nilsen" in t or "Eva Berg" in t or "participants" in t for t in texts)
    by_text = {u.text: u for u in minutes_units}
    approved = by_text["The committee approved the new exchange programme."]
    assert approved.heading == "3. Youth exchange" and approved.shape == "sentence"


def test_an_abbreviated_document_reference_keeps_the_sentence_whole(minutes_units):
    assert "The agenda (doc. NYC/2015/3) was adopted without changes." in [u.text for u in minutes_units]
    text = "See Ref. CSO/12 for it. The Unit met in Riga. Tel. 123 is open."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "See Ref. CSO/12 for it.", "The Unit met in Riga.", "Tel. 123 is open."]


def test_the_title_block_ends_at_the_first_numbered_line_or_sentence(minutes_units):
    in_title = {u.text: u.in_title for u in minutes_units}
    assert in_title["REPORT FROM THE MEETING IN TROMSØ, 4-5 MAY 2015"] is True
    assert in_title["The Nordic Youth Committee met in Tromsø on 4-5 May 2015 at the invitation of Troms County."] is False
    assert _body_sentence("The group met in Oslo on 3 May.") is True
    assert _body_sentence("REPORT FROM THE MEETING IN OSLO, 3 MAY 2015") is False
    assert _body_sentence("Met in Oslo.") is False  # too short to be running text


@pytest.mark.parametrize("heading, is_roster", [
    ("List of participants", True), ("Participants", True), ("Annex 2: List of participants", True),
    ("Attendance", True), ("Participants and observers", True),
    ("Participants heard presentations on foster care.", False), ("Youth participation", False),
])
def test_roster_headings(heading, is_roster):
    assert bool(ROSTER_HEADING.match(heading)) is is_roster


def _blocks(*items):
    return [Block(kind=kind, text=text, label=label, numbered=label is not None and label not in "-•", level=0,
                  prov=Provenance(file="x.txt", paragraph=i + 1)) for i, (kind, text, label) in enumerate(items)]


def test_numbered_titles_each_followed_by_prose_become_headings():
    item, para = BlockKind.list_item, BlockKind.paragraph
    blocks = _blocks((item, "Opening", "1."), (para, "The chair opened it.", None), (item, "Agenda", "2."),
                     (para, "Adopted.", None), (item, "Next meeting", "3)"), (para, "In May.", None))
    promote_numbered_sections(blocks)
    assert [(b.kind, b.text) for b in blocks[::2]] == [
        (BlockKind.heading, "1. Opening"), (BlockKind.heading, "2. Agenda"), (BlockKind.heading, "3) Next meeting")]


@pytest.mark.parametrize("items", [
    # items that follow each other: a list
    [("Opening", "1."), ("Agenda", "2."), ("Next meeting", "3."), ("Text.", None)],
    # only two numbered lines
    [("Opening", "1."), ("Text.", None), ("Agenda", "2."), ("Text.", None)],
    # an item that is a sentence of work
    [("Opening", "1."), ("Text.", None), ("Organise a seminar on care.", "2."), ("Text.", None), ("Visit", "3."),
     ("Text.", None)],
    # an item of more than ten words
    [("Opening", "1."), ("Text.", None), ("a b c d e f g h i j k", "2."), ("Text.", None), ("Visit", "3."),
     ("Text.", None)],
])
def test_numbered_lists_stay_lists(items):
    blocks = _blocks(*[(BlockKind.paragraph if label is None else BlockKind.list_item, text, label)
                       for text, label in items])
    promote_numbered_sections(blocks)
    assert all(b.kind is not BlockKind.heading for b in blocks)


def _draft(kind, in_title, start, end, city):
    value = SimpleNamespace(start=start, end=end)
    return SimpleNamespace(kind=kind, unit=SimpleNamespace(in_title=in_title), date=value, city=city)


def test_a_title_event_told_again_by_a_sentence_is_recorded_once():
    title = _draft("event", True, date(2015, 5, 4), date(2015, 5, 5), "Tromsø")
    told = _draft("event", False, date(2015, 5, 4), date(2015, 5, 5), "Tromsø")
    other_city = _draft("event", True, date(2015, 5, 4), date(2015, 5, 5), "Oslo")
    other_days = _draft("event", True, date(2015, 5, 6), date(2015, 5, 6), "Tromsø")
    activity = _draft("activity", True, date(2015, 5, 4), date(2015, 5, 5), "Tromsø")
    state = SimpleNamespace(drafts=[title, told, other_city, other_days, activity])
    retold_titles(state)
    assert state.drafts == [told, other_city, other_days, activity]


def test_a_title_event_without_a_known_city_is_retold_by_a_sentence_of_the_same_days():
    title = _draft("event", True, date(2016, 9, 27), date(2016, 9, 28), None)
    told = _draft("event", False, date(2016, 9, 27), date(2016, 9, 28), "Luleå")
    other = _draft("event", True, date(2016, 9, 29), date(2016, 9, 29), None)
    state = SimpleNamespace(drafts=[title, told, other])
    retold_titles(state)
    assert state.drafts == [told, other]


def test_a_title_event_alone_stands():
    title = _draft("event", True, date(2015, 5, 4), date(2015, 5, 5), "Tromsø")
    later_title = _draft("event", True, date(2015, 5, 4), date(2015, 5, 5), "Tromsø")
    state = SimpleNamespace(drafts=[title, later_title])
    retold_titles(state)
    assert state.drafts == [title, later_title]


def test_most_numbered_lines_being_titles_makes_each_title_a_heading_and_leaves_the_rest():
    item, para, head = BlockKind.list_item, BlockKind.paragraph, BlockKind.heading
    blocks = _blocks((item, "Opening", "1."), (para, "The chair opened it.", None),
                     (item, "Foster care – the group discussed how foster parents are trained.", "2."),
                     (para, "Text.", None), (item, "Missing children", "3."), (para, "Text.", None),
                     (item, "Next meeting", "4."), (head, "Next meeting: 14-15 March 2012, Oslo", None))
    promote_numbered_sections(blocks)
    assert [b.kind for b in blocks[::2]] == [head, item, head, head]


@pytest.mark.parametrize("text, rotation", [
    ("Lithuania held the presidency of the Council from 1 July 2020 until 30 June 2021.", True),
    ("Finland will take over the chairmanship of the JWGHS from Sweden on 1 January 2017.", True),
    ("The Danish chairmanship will begin on 1 July 2012.", True),
    ("The Presidency handed over to Germany on 1 January 2007.", True),
    ("The Finnish Presidency began with a conference in Helsinki on 3 July.", False),  # an event of its own
    ("Under the Estonian presidency the group met in Tallinn.", False),
    # the meeting only says when the chair changed hands
    ("At the end of the meeting Iceland assumed the chairmanship for 2019-2021.", True),
    ("Norway took over the chairmanship at the Council's session in Umeå on 15 October.", True),
    ("The Icelandic chairmanship opened with a meeting of Senior Arctic Officials in Reykjavik.", False),
])
def test_who_holds_the_chair_is_no_record(text, rotation):
    from tests.unit.prose_decisions import decision_of

    assert (decision_of(text).rule == "rotation") is rotation


@pytest.mark.parametrize("text, quote", [
    ('"Our police and social services must be able to work together across borders as fast as the offenders do."', True),
    ('"Iceland’s Presidency will be a year of Nordic solidarity."', True),
    ('Our job is to give them one," said the Norwegian Minister of Foreign Affairs in her opening words.', True),
    ('"Children in the Streets", an expert seminar, was held in Tallinn on 27 November 2003.', False),
    ('The seminar "Children in the Streets" was held in Tallinn.', False),
])
def test_a_quotation_is_no_record(text, quote):
    from extractors.prose.narrative_kind import QUOTED

    assert bool(QUOTED.search(text)) is quote


def test_section_titles_head_tables_bullets_and_subsections_and_a_list_of_requests_stays_a_list():
    item, para, head, table = BlockKind.list_item, BlockKind.paragraph, BlockKind.heading, BlockKind.table
    blocks = _blocks((item, "Introduction", "1."), (para, "This report is presented to the CSO.", None),
                     (item, "Status of activities", "2."), (para, "table stands here", None),
                     (item, "Work foreseen, July - December 2011", "3."), (item, "Seminar in Riga", "-"),
                     (item, "Unaccompanied children", "3.1"), (para, "Text.", None),
                     (item, "take note of the present report;", "1."), (item, "consider an extension;", "2."))
    blocks[3].kind = table
    promote_numbered_sections(blocks)
    assert [b.kind for b in blocks] == [head, para, head, table, head, item, head, para, item, item]
    assert blocks[6].text == "3.1 Unaccompanied children"


@pytest.mark.parametrize("text, rule", [
    ("No BASREC ministerial meeting was held in the period.", "not happened"),
    ("The conference on corporal punishment, planned for 23 April 2020 in Stockholm, was cancelled.", "not happened"),
    ("The seminar could not take place because of the pandemic.", "not happened"),
    ("Mr Matti Salo, Director of Social Services", "person"),
    ("Ms Tiina Mäkelä, secretary", "person"),
    ("Ms Hanne Sørensen, Head of Division, welcomed the delegates.", None),  # she acts
])
def test_what_did_not_happen_and_who_attended_are_no_records(text, rule):
    from tests.unit.prose_decisions import decision_of

    got = decision_of(text).rule
    assert (got if got in ("not happened", "person") else None) == rule


@pytest.mark.parametrize("text, parts", [
    ("the Secretariat to publish the chapter on the website; Denmark to circulate a draft before RESPONSE 9.",
     ["the Secretariat to publish the chapter on the website;", "Denmark to circulate a draft before RESPONSE 9."]),
    ("Sweden and Lithuania to prepare an analysis; and Estonia to send the invitation.",
     ["Sweden and Lithuania to prepare an analysis;", "Estonia to send the invitation."]),
    ("The group discussed the report; it was adopted.", ["The group discussed the report; it was adopted."]),
    ("The aim is to help children; the group will meet.", ["The aim is to help children; the group will meet."]),
])
def test_action_points_run_together(text, parts):
    from extractors.prose.narrative import _action_points

    assert [text[a:b] for a, b in _action_points(text)] == parts


def test_an_action_clause_of_action_points_gives_one_part_each():
    from extractors.prose.narrative import action_parts

    text = "Action: the Secretariat to publish the chapter; Denmark to circulate a draft before RESPONSE 9."
    start, parts = action_parts(text)
    assert start == 0 and [text[a:b] for _, a, b in parts] == [
        "the Secretariat to publish the chapter;", "Denmark to circulate a draft before RESPONSE 9."]


def test_the_next_meetings_line_is_work_to_come(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text("Minutes of the 30th meeting\n\n1. Opening\n\nThe Chair opened the meeting.\n\n"
                    "2. Agenda\n\nThe agenda was adopted.\n\n3. Any other business\n\nNone.\n\n"
                    "Next meeting: 14-15 March 2012, Oslo\n\nSummary of actions\n", encoding="utf-8")
    doc = read_document(path)
    units = {u.text: u for u in narrative_units(doc, analyse(doc))}
    unit = units["Next meeting: 14-15 March 2012, Oslo"]
    assert unit.planned is True and unit.shape == "item"


@pytest.mark.parametrize("text", [
    "At the end of the chairmanship, Latvia will hand over a written report to the ministers.",
    "The Unit will hand over the report to the chair of the CSO.",
])
def test_handing_over_something_else_is_work(text):
    from extractors.prose.narrative_kind import ROTATION

    assert ROTATION.search(text) is None
