"""Work programmes numbered in outline (`3.` > `3.1` > `3.1.1`): a numbered line whose next
numbered line is its child heads a section, and its children are the work; numbered section
titles followed by prose ("1. Introduction") head sections too, while a plan's items stay items.
Expectations written by hand."""
from __future__ import annotations

import pytest

from extractors.segment import segment
from extractors.structure import analyse, promote_outline_headings
from extractors.entities.registry import load_registry
from pipeline.readers import read_document
from schemas.document import Block, BlockKind
from schemas.records import Provenance

pytestmark = pytest.mark.unit

PROGRAMME = """Work Programme 2005 of the Baltic Health Network

1. Introduction

The network was set up in 2003 to bring health agencies of the region together. This programme
covers the calendar year 2005.

2. Activities

2.1 Communicable diseases

2.1.1 Map the testing services for hepatitis C in prisons (Lead: Estonia; by June 2005)
2.1.2 Hold a seminar on TB in Pskov (Russia, Latvia; autumn 2005)

2.2 Mental health

2.2.1 Translate the guidelines on youth suicide prevention into Russian (Secretariat; 2005)

3. Financing

Each partner covers its own costs.

4. Reporting

The Secretariat reports to the annual conference.
"""


@pytest.fixture
def drafts(tmp_path):
    path = tmp_path / "programme.txt"
    path.write_text(PROGRAMME, encoding="utf-8")
    doc = read_document(path)
    return segment(doc, analyse(doc), load_registry())


def test_outline_children_are_the_work_and_their_parents_head_sections(drafts):
    assert [(d.kind, d.text) for d in drafts if d.kind != "candidate"] == [
        ("activity", "Map the testing services for hepatitis C in prisons (Lead: Estonia; by June 2005)"),
        ("activity", "Hold a seminar on TB in Pskov (Russia, Latvia; autumn 2005)"),
        ("activity", "Translate the guidelines on youth suicide prevention into Russian (Secretariat; 2005)"),
    ]


def test_each_child_keeps_its_own_number(drafts):
    assert [d.ref for d in drafts if d.kind != "candidate"] == ["2.1.1", "2.1.2", "2.2.1"]


def test_section_titles_followed_by_prose_are_no_work(drafts):
    assert not any(d.text in ("Introduction", "Activities", "Financing", "Reporting") for d in drafts)


def _blocks(*labelled):
    return [Block(kind=BlockKind.list_item, text=text, label=label, numbered=True, level=level,
                  prov=Provenance(file="x.txt", paragraph=i + 1)) for i, (text, label, level) in enumerate(labelled)]


def test_a_numbered_line_followed_by_a_sibling_stays_an_item():
    blocks = _blocks(("Map services", "2.1", 0), ("Hold a seminar", "2.2", 0), ("Sub-task", "2.2.1", 1))
    promote_outline_headings(blocks)
    assert [b.kind for b in blocks] == [BlockKind.list_item, BlockKind.heading, BlockKind.list_item]
    assert blocks[1].text == "2.2 Hold a seminar"


def test_a_plan_named_with_its_years_runs_over_them_not_from_the_day_it_was_adopted():
    """'PARTNERSHIP STRATEGY 2015-2018' then 'Adopted by ..., Oslo, 20 November 2014': the strategy's
    period is 2015-2018 (four years: more than find_period's two), not the adoption day."""
    from extractors.structure import _named_span_period

    period = _named_span_period(["NORTHERN PARTNERSHIP", "PARTNERSHIP STRATEGY 2015-2018",
                                 "Adopted by the 10th Partnership Annual Conference, Oslo, 20 November 2014"])
    assert (period.start.isoformat(), period.end.isoformat()) == ("2015-01-01", "2018-12-31")
    assert _named_span_period(["Action Plan for the years 2021-2026"]).end.year == 2026
    assert _named_span_period(["Conference 2015-2018 review"]) is None  # no plan named
    assert _named_span_period(["Strategy 2015-2040"]) is None  # more than ten years: a vision, not a plan's period
    assert _named_span_period(["Strategy 2018-2015"]) is None


PRIORITIES_PAGE = """NORDIC ARCHIVES NETWORK

Priorities 2023-2025

Adopted by the Annual Meeting in Bergen on 2 May 2022

Our priorities 2023-2025

1. Digital access to parish records
2. Train young archivists in the care of paper

How we work on the priorities

1. The working groups propose activities to the Board

Planned activities

- Publish a guide to scanning parish records by June 2023
- Hold a summer school on paper conservation in Turku in 2024
"""


def test_a_priorities_heading_over_a_numbered_list_makes_its_items_commitments(tmp_path):
    """A plan page with a 'Planned activities' list and, above it, a numbered list under 'Our
    priorities 2023-2025': the priorities are commitments too (with their numbers as codes); a numbered
    list under a heading that only mentions the priorities is not. The page's period is its title's
    years, not the day it was adopted."""
    path = tmp_path / "priorities.txt"
    path.write_text(PRIORITIES_PAGE, encoding="utf-8")
    doc = read_document(path)
    structure = analyse(doc)
    assert (structure.period.start.isoformat(), structure.period.end.isoformat()) == ("2023-01-01", "2025-12-31")
    work = [(d.text, d.priority_codes) for d in segment(doc, structure, load_registry()) if d.kind == "activity"]
    assert work == [("Digital access to parish records", ["1"]),
                    ("Train young archivists in the care of paper", ["2"]),
                    ("Publish a guide to scanning parish records by June 2023", []),
                    ("Hold a summer school on paper conservation in Turku in 2024", [])]
