"""Entries of a news page (issue 21, eighth session): a prefix that names no known place loses to
the city the entry's sentence names; funding as the sentence states it. Text written for these tests;
expectations by hand."""
from __future__ import annotations

import pytest

from pipeline.runner import process_file

pytestmark = pytest.mark.unit

PAGE = """Coastal towns network - news 2015

Update 12 October: The summer school gathered 40 students from six countries in Klaipeda on 3-7 August. Students came from universities and town planning offices.

Gdansk, 4 May 2015 - The network met at the Artus Court. It adopted a new work plan for 2016.

The network will support each pilot town with EUR 12,000 a year.

In June the harbour clean-up in Pärnu, financed by Estonian grants, was completed.
"""


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    path = tmp_path_factory.mktemp("news") / "news.txt"
    path.write_text(PAGE, encoding="utf-8")
    entry = {"file": "news", "title": "Coastal towns network - news 2015", "period_start": "2015-01-01",
             "period_end": "2015-12-31", "genre": "news", "source": "test"}
    return {r.text: r for r in process_file(str(path), catalogue=entry).records}


def test_an_entry_is_its_whole_text_placed_by_the_city_it_names(records):
    school = records["The summer school gathered 40 students from six countries in Klaipeda on 3-7 August. "
                     "Students came from universities and town planning offices."]
    assert school.kind == "event"
    assert (str(school.date.start), str(school.date.end)) == ("2015-08-03", "2015-08-07")
    assert school.location == "Klaipeda"  # "Update" is no place


def test_an_entry_under_a_known_city_keeps_it(records):
    met = records["The network met at the Artus Court. It adopted a new work plan for 2016."]
    assert (met.kind, str(met.date.start), met.location) == ("event", "2015-05-04", "Gdansk")


def test_funding_stated_in_a_sentence(records):
    support = records["The network will support each pilot town with EUR 12,000 a year."]
    assert (support.kind, support.funding) == ("activity", "EUR 12,000 a year")
    assert [a.name for a in support.actors] == []  # "EUR" is a currency, no body
    cleanup = records["In June the harbour clean-up in Pärnu, financed by Estonian grants, was completed."]
    assert (cleanup.kind, cleanup.funding, cleanup.location) == ("event", "Estonian grants", "Pärnu")
