"""The timeline with records that have no theme, and a search word found only in a record's place
(serve/search_index.py RecordIndex.timeline, serve/queries.py): the warehouse of
test_unit_serve_queries.py with four more records, the counts written by hand."""
from __future__ import annotations

from datetime import date

import pytest

from serve import queries as q
from serve.queries import Filters
from serve.search_index import RecordIndex
from tests.unit.test_unit_serve_queries import P, R, build_warehouse
from tests.unit.warehouse_rows import insert

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    con = build_warehouse(tmp_path_factory.mktemp("serve_timeline") / "w.duckdb")
    for rid, start, location in (("x1", date(2010, 2, 1), "Tallinn"), ("x2", date(2008, 6, 1), None),
                                 ("x3", date(2010, 7, 1), None), ("x4", date(2011, 1, 1), None)):
        insert(con, "record_facts", record_id=rid, doc_sha256=R, doc="report_2010.txt", kind="event",
               text="A meeting of experts.", start_date=start, end_date=start, location=location, countries=[],
               block_no=5, row_no=None, table_no=None, date_granularity="day", date_source="record")
    yield con
    con.close()


# p1 (2009: trafficking, law_enforcement), p2 (2009: guardianship), r1 (2010: trafficking), r2 (no date),
# x1 and x3 (2010), x2 (2008), x4 (2011), none of the four with a theme
TIMELINE = [(2008, "(no theme)", 1), (2009, "guardianship", 1), (2009, "law_enforcement", 1), (2009, "trafficking", 1),
            (2010, "(no theme)", 2), (2010, "trafficking", 1), (2011, "(no theme)", 1)]


def test_the_timeline_counts_records_without_a_theme(con):
    cur = con.cursor()
    assert q.timeline(RecordIndex(cur), Filters()) == TIMELINE
    assert q.timeline_sql(cur, Filters()) == TIMELINE
    assert q.timeline(RecordIndex(cur), Filters(theme=("trafficking",))) == [(2009, "trafficking", 1), (2010, "trafficking", 1)]
    only_report = [(2008, "(no theme)", 1), (2010, "(no theme)", 2), (2010, "trafficking", 1), (2011, "(no theme)", 1)]
    assert q.timeline(RecordIndex(cur), Filters(), hidden=(P,)) == only_report
    assert q.timeline_sql(cur, Filters(), hidden=(P,)) == only_report


def test_a_word_found_only_in_the_place_still_scores(con):
    cur = con.cursor()
    got = q.search_records_sql(cur, Filters(q="tallinn"))
    assert [r["record_id"] for r in got["rows"]] == ["x1"] and got["rows"][0]["score"] > 0
    index = RecordIndex(cur)
    got = q.search_records(cur, index, Filters(q="tallinn"))
    assert [r["record_id"] for r in got["rows"]] == ["x1"] and got["rows"][0]["score"] > 0


def test_the_records_of_an_unknown_document_are_none(con):
    index = RecordIndex(con.cursor())
    assert index.of_doc("f" * 64).tolist() == []
    assert len(index.of_doc(P).tolist()) == 2


def test_exported_scores_keep_four_decimals(con):
    cur = con.cursor()
    names, rows = q.export_records(cur, RecordIndex(cur), Filters(q="tallinn"))
    assert names[-1] == "score" and [r[0] for r in rows] == ["x1"]
    score = rows[0][-1]
    assert isinstance(score, float) and score == round(score, 4) and score != round(score)
