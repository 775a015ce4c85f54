"""A report of a body named for its topic, in the first person, with organs named bare (issue 21):
the body's topic is every record's theme, its Bureau and General Assembly are actors, and who a
body meets takes part. Text written for this test (a made-up network); expectations by hand."""
from __future__ import annotations

import pytest

from pipeline.runner import process_file

pytestmark = pytest.mark.unit

REPORT = """Annual Report 2013

Nordic Network of Commissioners for Children

The Network brings together the commissioners of five countries.

The Bureau met four times in 2013.

In May the Chair met the Minister of Education in Oslo to present the survey on bullying.

The General Assembly adopted a statement on school meals in Reykjavik on 3 October 2013.

In 2014 the Bureau will prepare a new work plan.
"""

TOPICLESS = REPORT.replace("Nordic Network of Commissioners for Children", "Nordic Network of Regional Offices")


def _records(tmp_path, text):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    state = process_file(str(path), catalogue={"file": path.name, "genre": "report"})
    return {r.text: r for r in state.records}


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    return _records(tmp_path_factory.mktemp("tb"), REPORT)


def test_a_body_named_for_its_topic_in_the_title_block_gives_every_record_its_theme(records):
    assert len(records) == 4
    for r in records.values():
        child = [t for t in r.themes if t.theme == "child_rights"]
        assert child and child[0].source == "document", r.text


def test_a_body_without_a_topic_in_its_name_gives_no_document_theme(tmp_path):
    records = _records(tmp_path, TOPICLESS)
    assert len(records) == 4
    assert not [t for r in records.values() for t in r.themes if t.source == "document"]


def test_the_bureau_and_the_general_assembly_named_bare_are_actors(records):
    names = {text.split()[1] if text.startswith("The") else text[:8]: [a.name for a in r.actors]
             for text, r in records.items()}
    assert names["Bureau"] == ["Bureau"]
    assert names["General"] == ["General Assembly"]
    assert [a.name for a in records["In 2014 the Bureau will prepare a new work plan."].actors] == ["Bureau"]


def test_who_is_met_takes_part(records):
    r = records["In May the Chair met the Minister of Education in Oslo to present the survey on bullying."]
    assert "Minister of Education" in [a.name for a in r.actors]
