"""A news page's items under the day they were posted, and a report's plans beside its events list
(issue 21, sixth session). Text written for these tests; expectations by hand."""
from __future__ import annotations

import pytest

from pipeline.runner import process_file

pytestmark = pytest.mark.unit

NEWS = """danubenet.info - News 2009

12/11/2009 - The River Youth Network met in Novi Sad on 9-10 November and chose its
board for the coming year. In 2010 the network will train young water guides in
Serbia and Romania. The meeting was opened by the Mayor of Novi Sad.

02/10/2009 - The Network today launched its new website at a meeting in Vienna.
A Romanian version will follow in the spring.
"""

REPORT = """Danube Health Partnership - Annual Report 2010

1. Meetings held in 2010

3 March, Vienna: Steering Committee meeting on the work plan.

21 April, Bratislava: Expert Group on Water and Health met on school sanitation.

9 June, Budapest: Steering Committee meeting with the donors.

14 October, Sofia: Expert Group on Water and Health met on rural wells.

25-26 November, Belgrade: Annual Conference of the Partnership with 120 participants.

2. Plans for 2011

In 2011 the Partnership will:
- publish a guide to safe drinking water in schools;
- hold its annual conference in Bucharest in November 2011.

3. Strategy

During the strategy period the Partnership will work in the following priorities:
- Safe drinking water
- Sanitation in rural schools
"""


def _records(tmp_path, name, text, genre, start, end):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    entry = {"file": name, "title": "", "period_start": start, "period_end": end, "genre": genre, "source": "test"}
    return {r.text: (r.kind.value, str(r.date.start)) for r in process_file(str(path), catalogue=entry).records}


def test_a_stamped_news_item_is_read_sentence_by_sentence(tmp_path):
    records = _records(tmp_path, "news.txt", NEWS, "news", "2009-01-01", "2009-12-31")
    assert records["The River Youth Network met in Novi Sad on 9-10 November and chose its board for the coming "
                   "year."] == ("event", "2009-11-09")
    assert records["In 2010 the network will train young water guides in Serbia and Romania."] == ("activity", "2010-01-01")
    # no date of its own: the day it was posted
    assert records["The Network today launched its new website at a meeting in Vienna."] == ("event", "2009-10-02")
    assert not any(text.startswith("12/11/2009") for text in records)


def test_beside_its_events_list_a_report_keeps_its_plans_not_its_priorities(tmp_path):
    records = _records(tmp_path, "report.txt", REPORT, "report", "2010-01-01", "2010-12-31")
    activities = sorted(text for text, (kind, _) in records.items() if kind == "activity")
    assert activities == ["hold its annual conference in Bucharest in November 2011.",
                          "publish a guide to safe drinking water in schools"]
    assert records["Annual Conference of the Partnership with 120 participants."] == ("event", "2010-11-25")
