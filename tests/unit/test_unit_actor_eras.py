"""Bodies a document calls by a short name ("the Group", "the Unit") are named as in the document's
time, like the bodies it names in full (the registry's eras: the WGCC until mid-2009, the Children's
Unit until 2012); a registry body's whole name is not cut at "at Risk". Text written for these tests; expectations by hand from the registry's eras."""
from __future__ import annotations

import pytest

from extractors.entities.actors import _cut_at_place_or_time
from extractors.entities.registry import load_registry
from pipeline.runner import process_file

pytestmark = pytest.mark.unit

MINUTES = """Working Group for Cooperation on Children at Risk

Minutes of the 9th meeting, Vilnius, 14-15 October 2004

The meeting was opened by the Chair. The Children's Unit took the minutes.

The group agreed on a common questionnaire on children in residential care.

In September the Unit launched a directory of shelters for young victims.
"""


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    path = tmp_path_factory.mktemp("eras") / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    entry = {"file": "minutes", "title": "Minutes of the 9th meeting", "period_start": "2004-10-14",
             "period_end": "2004-10-15", "genre": "minutes", "source": "test"}
    return {r.text: r for r in process_file(str(path), catalogue=entry).records}


def test_the_group_of_a_2004_text_is_the_wgcc(records):
    agreed = records["The group agreed on a common questionnaire on children in residential care."]
    assert [a.name for a in agreed.actors] == ["WGCC"]


def test_the_unit_of_a_2004_text_is_the_childrens_unit(records):
    launched = records["In September the Unit launched a directory of shelters for young victims."]
    assert [a.name for a in launched.actors] == ["Children's Unit"]


def test_a_known_name_ending_at_risk_is_whole():
    registry = load_registry()
    name = "Working Group for Cooperation on Children at Risk"
    assert _cut_at_place_or_time(name, registry) == name
    assert _cut_at_place_or_time("Task Force meeting at Riga", registry) == "Task Force meeting"
