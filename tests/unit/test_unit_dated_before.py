"""Nobody plans the past (issue 21): an item dated before the document's period is no plan, whatever
its heading or the classifier say. Text written for this test; expectations by hand."""
from __future__ import annotations

import pytest

from pipeline.runner import process_file

pytestmark = pytest.mark.unit

PAGE = """Priorities of the Chairmanship 2017-2018

What we will do
\u25e6 Seminar on guardianship, Riga, May 2018

What we achieved in 2016
\u25e6 Regional conference on guardians, Oslo, 24-25 November 2016
\u25e6 Study visit of guardians to Tallinn, 3 October 2016
"""

DECK = """Slide 1 – Police cooperation against trafficking 2008
-----------------------------------------------------------------------
Slide 2 – International cooperation
Joint Investigation Team with the Netherlands set up in 2006
Liaison officer posted to Europol
-----------------------------------------------------------------------
Slide 3 – Plans for 2009
Joint operation with the Swedish National Criminal Police
"""


def _records(tmp_path, name, text, genre, start, end):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    entry = {"file": name, "title": "", "period_start": start, "period_end": end, "genre": genre, "source": "test"}
    return {r.text: (r.kind.value, str(r.date.start)) for r in process_file(str(path), catalogue=entry).records}


def test_a_planned_item_dated_before_the_period_happened(tmp_path):
    records = _records(tmp_path, "page.txt", PAGE, "priorities", "2017-01-01", "2018-12-31")
    assert records == {
        "Seminar on guardianship, Riga, May 2018": ("activity", "2018-05-01"),
        "Regional conference on guardians, Oslo, 24-25 November 2016": ("event", "2016-11-24"),
        "Study visit of guardians to Tallinn, 3 October 2016": ("event", "2016-10-03"),
    }


def test_the_classifier_does_not_make_a_plan_of_the_past(tmp_path):
    records = _records(tmp_path, "deck.txt", DECK, "slides", "2008-01-01", "2008-12-31")
    assert records["Joint Investigation Team with the Netherlands set up in 2006"] == ("event", "2006-01-01")


REPORT = """Annual Report 2011

Foreword

The year 2011 was the sixth full year of the office.

Tampere, February 2012

Anna Virtanen, Ombudsman

1. The year in brief

On 16 March the Ombudsman visited the reform school in Kemi.
"""


def test_the_place_and_date_a_report_was_signed_do_not_date_its_sections(tmp_path):
    records = _records(tmp_path, "report.txt", REPORT, "report", "2011-01-01", "2011-12-31")
    assert records == {"On 16 March the Ombudsman visited the reform school in Kemi.": ("event", "2011-03-16")}
