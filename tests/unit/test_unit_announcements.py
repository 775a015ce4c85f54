"""Announcement pages (issue 21): a page's title announcing the event, its programme's time slots,
and a call or invitation in the present tense. Expectations written by hand."""
from __future__ import annotations

import pytest

from pipeline.readers.txt_reader import wrap_width
from pipeline.runner import process_file

pytestmark = pytest.mark.unit

PAGE = """Nordic Archives Network - Events

Save the date: Seminar on parish registers, Turku, 4-5 October 2018

The Nordic Archives Network will hold a seminar on the digitisation of parish registers in Turku on 4-5 October 2018.

The Network invites archivists and researchers from the member countries to submit short presentations. Observers are invited to the second day.

Programme

09:30 Welcome by the Director of the Turku City Archives

10:15-11:00 Keynote: parish registers online

14.00 Study visit to the Provincial Archives
"""


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    path = tmp_path_factory.mktemp("ann") / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    state = process_file(str(path), catalogue={"file": path.name, "genre": "news"})
    return {r.text: r.kind.value if hasattr(r.kind, "value") else r.kind for r in state.records}


def test_the_announced_event_is_the_sentence_not_the_title(records):
    assert not [t for t in records if t.startswith("Save the date")]
    sentence = ("The Nordic Archives Network will hold a seminar on the digitisation of parish registers in Turku "
                "on 4-5 October 2018.")
    assert records[sentence] == "activity"


def test_an_invitation_in_the_present_is_work_to_come(records):
    invitation = "The Network invites archivists and researchers from the member countries to submit short presentations."
    assert records[invitation] == "activity"
    assert "Observers are invited to the second day." not in records  # passive: who is invited, not a call


def test_the_programme_time_slots_are_no_records(records):
    assert not [t for t in records if t[:2].isdigit()]
    assert len(records) == 2


def test_a_wrapped_page_with_a_few_long_menu_lines_is_still_wrapped():
    """Four lines past the width (a menu, an address, a title) among 80 wrapped ones: still wrapped."""
    body = ["word " * 15 + "end" for _ in range(80)]  # 78 characters each
    long = ["Home | About | Priorities | Children at Risk | News & Events | Contact | Search | Login | EN"] * 4
    assert wrap_width(long + body) == 78
    assert wrap_width(long[:1] * 5 + body[:40]) is None  # an eighth of the lines past it: never wrapped


@pytest.mark.parametrize("line, slot", [
    ("09:30 Welcome by the Minister", True), ("14.00-15.30 Workshops", True), ("9.30 Opening", True),
    ("16.30 End of day 1", True), ("14.10.2022 The kick-off meeting was held", False),
    ("2.12 Publish the handbook", False), ("1.10 Organise a seminar", False), ("3.15 Hold a meeting", False),
])
def test_a_programme_slot_is_a_clock_time_not_a_date_or_an_outline_number(line, slot):
    from extractors.prose.narrative_kind import PROGRAMME_SLOT

    assert bool(PROGRAMME_SLOT.match(line)) is slot


def test_a_line_dated_after_the_documents_period_is_planned(tmp_path):
    """A deck's line that names a thing, then after a comma its month: after the document's period it
    is a planned item (an activity); a line with a year alone is no dated line."""
    from extractors.prose.narrative import dated_tail

    path = tmp_path / "deck.txt"
    path.write_text("Barents Youth Network\n\nOur year 2015\n\n"
                    "- Translation of the handbook into Polish, March 2016\n"
                    "- Side note on the standards of 2018\n", encoding="utf-8")
    state = process_file(str(path), catalogue={"file": path.name, "genre": "slides", "period_start": "2015-01-01",
                                               "period_end": "2015-12-31"})
    assert [(r.text, r.kind.value if hasattr(r.kind, "value") else r.kind) for r in state.records] == [
        ("Translation of the handbook into Polish, March 2016", "activity")]
    assert dated_tail("Oil spill exercise BALEX DELTA, Kiel, 29 August") == "29 August"
    assert dated_tail("National mapping of services, Dec 2015 – Feb 2016") == "Dec 2015 – Feb 2016"
    assert dated_tail("Side event at the Forum 2018") is None and dated_tail("Deadline, 15 May") is None
