"""serve's in-memory indexes and the page queries they stand in for (issue 29), on the two-document
warehouse of test_unit_serve_queries.py. Expected values by hand from its rows: the passages in reading
order (plan_2009.docx before report_2010.txt; block, row, column), "trafficking" in three passages of
17, 45 and 49 characters (BM25 ranks the shortest first) and in records p1 and r1."""
from __future__ import annotations

from datetime import date

import pytest

from serve import queries as q
from serve.queries import Filters
from serve.search_index import PassageIndex, RecordIndex
from tests.unit.test_unit_serve_queries import P, R, build_warehouse
from tests.unit.warehouse_rows import insert

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    con = build_warehouse(tmp_path_factory.mktemp("serve_index") / "w.duckdb")
    yield con
    con.close()


@pytest.fixture
def cur(con):
    return con.cursor()


@pytest.fixture
def passages(cur):  # per test: mutmut maps the index's methods to the tests that build it
    return PassageIndex(cur)


@pytest.fixture
def records(cur):
    return RecordIndex(cur)


TRAFFICKING = [("report_2010.txt", 4), ("report_2010.txt", 2), ("plan_2009.docx", 1)]
READING_ORDER = [("plan_2009.docx", 0)] + [("plan_2009.docx", 1)] * 5 + [("report_2010.txt", b) for b in range(6)]


def where(index, at):
    return [(r["doc"], r["block_no"]) for r in index.rows_at(at.tolist())]


def test_passage_search_ranks_and_filters(passages):
    at, scores = passages.search(Filters(q="trafficking"))
    assert where(passages, at) == TRAFFICKING
    assert scores[0] > scores[1] > scores[2] > 0
    assert where(passages, passages.search(Filters(q="trafficking"), hidden=(R,))[0]) == [("plan_2009.docx", 1)]
    assert where(passages, passages.search(Filters(q="trafficking"), hidden=(P,))[0]) == TRAFFICKING[:2]
    assert where(passages, passages.search(Filters(q="trafficking"), hidden=(R,))[0]) == [("plan_2009.docx", 1)]
    assert where(passages, passages.search(Filters(q="trafficking", doc=("report_2010.txt",)))[0]) == TRAFFICKING[:2]
    assert where(passages, passages.search(Filters(q="trafficking", genre=("table_plan",)))[0]) == TRAFFICKING[2:]
    assert where(passages, passages.search(Filters(q="trafficking", genre=("report",), doc=("plan_2009.docx",)))[0]) == []
    assert where(passages, passages.search(Filters(q="trafficking vilnius"))[0]) == [("report_2010.txt", 2)]
    at, scores = passages.search(Filters())  # no words: every passage, in reading order
    assert where(passages, at) == READING_ORDER
    assert where(passages, passages.search(Filters(), hidden=(R,))[0]) == READING_ORDER[:6]


def test_passage_facets_count_the_hits(passages):
    at, _ = passages.search(Filters(q="trafficking"))
    items = passages.facet_items(Filters(q="trafficking"), at)
    assert items == [
        {"facet": "doc", "value": "report_2010.txt", "label": "report_2010.txt", "n": 2, "facet_values": 2},
        {"facet": "doc", "value": "plan_2009.docx", "label": "plan_2009.docx", "n": 1, "facet_values": 2},
        {"facet": "genre", "value": "report", "label": "report", "n": 2, "facet_values": 2},
        {"facet": "genre", "value": "table_plan", "label": "table_plan", "n": 1, "facet_values": 2},
        {"facet": "total", "value": None, "label": None, "n": 3, "facet_values": 1}]


def test_search_and_export_passages_through_the_index(cur, passages):
    got = q.search_passages(cur, passages, Filters(q="trafficking", what="passages"), hidden=(P,))
    assert [(r["doc"], r["block_no"], r["genre"]) for r in got["rows"]] == [
        ("report_2010.txt", 4, "report"), ("report_2010.txt", 2, "report")]
    assert got["rows"][0]["score"] > got["rows"][1]["score"] > 0
    assert (got["total"], got["terms"]) == (2, ["trafficking"])
    names, rows = q.export_passages(cur, passages, Filters(q="trafficking"))
    assert names == ["doc", "block_no", "kind", "label", "page", "paragraph_no", "text", "score"]
    assert [r[:7] for r in rows] == [
        ("report_2010.txt", 4, "paragraph", None, None, None, "Trafficking fell."),
        ("report_2010.txt", 2, "paragraph", None, None, None, "A seminar on trafficking was held in Vilnius."),
        ("plan_2009.docx", 1, "table_cell", None, None, None, "Training on child trafficking for police in Riga.")]
    assert rows[0][7] > rows[1][7] > rows[2][7] > 0
    assert all(r[7] == round(r[7], 4) for r in rows)  # four decimals
    names, rows = q.export_passages(cur, passages, Filters(q="trafficking"), hidden=(R,))
    assert [r[:2] for r in rows] == [("plan_2009.docx", 1)]


def test_exports_and_the_timeline_in_sql_leave_out_hidden_renditions(cur):
    names, rows = q.export_records_sql(cur, Filters(), hidden=(R,))
    assert [r[0] for r in rows] == ["p1", "p2"]
    names, rows = q.export_passages_sql(cur, Filters(q="trafficking"), hidden=(R,))
    assert [r[:2] for r in rows] == [("plan_2009.docx", 1)]
    names, rows = q.export_passages_sql(cur, Filters(q="trafficking", genre=("report",)))
    assert [r[:2] for r in rows] == TRAFFICKING[:2]
    assert q.timeline_sql(cur, Filters()) == [(2009, "guardianship", 1), (2009, "law_enforcement", 1),
                                              (2009, "trafficking", 1), (2010, "trafficking", 1)]
    assert q.timeline_sql(cur, Filters(), hidden=(R,)) == [(2009, "guardianship", 1), (2009, "law_enforcement", 1),
                                                           (2009, "trafficking", 1)]
    assert q.timeline_sql(cur, Filters(theme=("trafficking",))) == [(2009, "trafficking", 1), (2010, "trafficking", 1)]
    result = q.search_passages_sql(cur, Filters(q="trafficking", page=2))
    assert (result["rows"], result["total"], result["terms"]) == ([], 3, ["trafficking"])
    assert [(i["value"], i["label"]) for i in result["facets"]["doc"]["values"]] == [
        ("report_2010.txt", "report_2010.txt"), ("plan_2009.docx", "plan_2009.docx")]


def test_the_timeline_through_the_index(records):
    assert q.timeline(records, Filters(), hidden=(R,)) == [(2009, "guardianship", 1), (2009, "law_enforcement", 1),
                                                           (2009, "trafficking", 1)]
    assert q.timeline(records, Filters(theme=("trafficking",))) == [(2009, "trafficking", 1), (2010, "trafficking", 1)]


def test_records_hidden_and_their_lists(cur, records):
    assert records._hidden_mask((R,)).tolist() == [False, False, True, True]  # p1, p2, r1, r2 by start date
    assert records._hidden_mask((R,)) is records._hidden_mask((R,))  # worked out once per set of hidden
    assert records._hidden_mask((P,)).tolist() == [True, True, False, False]
    rows = [{"record_id": "r1"}, {"record_id": "nowhere"}, {"record_id": "p1"}]
    records.attach_lists(rows)
    assert rows == [
        {"record_id": "r1", "themes": ["trafficking"], "actors": [{"name": "Ministry of the Interior", "key": "lt_moi"}]},
        {"record_id": "nowhere", "themes": [], "actors": []},
        {"record_id": "p1", "themes": ["trafficking", "law_enforcement"],
         "actors": [{"name": "Police Academy", "key": "Police Academy"}]}]
    got = q.document_records(cur, R, 10, 0, index=records)
    assert [(r["record_id"], r["themes"], [a["name"] for a in r["actors"]]) for r in got] == [
        ("r1", ["trafficking"], ["Ministry of the Interior"]), ("r2", [], [])]


def test_a_table_row_in_context(cur, passages):
    expected = {
        "before": [{"block_no": 0, "kind": "heading", "label": None, "text": "Plan 2009"}],
        "header": [{"row_no": 0, "column_no": 0, "column": None, "text": "Activity"},
                   {"row_no": 0, "column_no": 1, "column": None, "text": "Deadline"}],
        "row": [{"row_no": 1, "column_no": 0, "column": None, "text": "Training on child trafficking for police in Riga."},
                {"row_no": 1, "column_no": 1, "column": None, "text": "March 2009"}]}
    assert q.table_row_around(cur, P, 1, 1) == expected
    got = passages.table_row(P, 1, 1)
    assert {k: [{f: c[f] for f in expected[k][0]} for c in v] for k, v in got.items()} == expected
    for found in (q.table_row_around(cur, P, 1, None), passages.table_row(P, 1, None)):
        assert ([c["text"] for c in found["header"]], found["row"]) == (["Activity", "Deadline"], [])
    for found in (q.table_row_around(cur, P, 1, 0), passages.table_row(P, 1, 0)):
        assert (found["header"], [c["text"] for c in found["row"]]) == ([], ["Activity", "Deadline"])
    assert passages.table_row(P, 2, 1) == {"before": [], "header": [], "row": []}
    assert passages.table_row("X" * 64, 1, 1) == {"before": [], "header": [], "row": []}


def test_passages_around_a_block(cur, passages):
    assert [p["block_no"] for p in q.passages_around(cur, R, 2, before=1, after=2)] == [1, 2, 3, 4]
    assert q.passages_around(cur, R, 0)[0] == {"block_no": 0, "kind": "heading", "label": None, "text": "Report 2010",
                                               "page": None, "paragraph_no": None}
    assert [p["block_no"] for p in q.passages_around(cur, R, 0)] == [0, 1, 2]
    assert q.passages_around(cur, R, None) == []
    assert [p["block_no"] for p in passages.around(R, 2, 1, 2)] == [1, 2, 3, 4]


def test_a_documents_passages_within_a_budget(cur, passages):
    rows, in_all = q.document_passages(cur, R, budget=20, text_chars=11)  # 11, 11, 11, ... characters shown
    assert in_all == 6
    assert rows == [{"block_no": 0, "kind": "heading", "label": None, "text": "Report 2010", "page": None,
                     "paragraph_no": None, "passages_in_all": 6},
                    {"block_no": 1, "kind": "paragraph", "label": None, "text": "The year began quietly.", "page": None,
                     "paragraph_no": None, "passages_in_all": 6}]
    rows, _ = q.document_passages(cur, R, budget=1, text_chars=100)
    assert [r["block_no"] for r in rows] == [0]  # the first always
    shown, in_all = passages.document(R, 20, 11)
    assert ([r["block_no"] for r in shown], in_all) == ([0, 1], 6)
    shown, _ = passages.document(R, 0, 11)
    assert [r["block_no"] for r in shown] == [0]


def test_the_default_budget_of_a_documents_page(tmp_path):
    from tests.unit.warehouse_rows import empty_warehouse

    con = empty_warehouse(tmp_path / "big.duckdb")
    for block in range(52):  # 10,001 characters each: shown as 10,000
        insert(con, "passages", doc_sha256="B" * 64, doc="big.txt", block_no=block, kind="paragraph", text="a" * 10_001)
    rows, in_all = q.document_passages(con, "B" * 64)
    assert (len(rows), in_all) == (50, 52)  # 50 x 10,000 = 500,000 characters
    rows, _ = q.document_passages(con, "B" * 64, budget=10_001)
    assert len(rows) == 2  # the second starts at 10,000 characters shown
    con.close()


def test_the_documents_list_and_a_source_file(cur):
    assert q.documents(cur) == [
        {"doc_sha256": P, "name": "plan_2009.docx", "format": "docx", "kind": "table_plan", "title": "Plan 2009",
         "period_start": date(2009, 1, 1), "period_end": date(2009, 12, 31), "pages": 3, "records": 2, "quarantined": 0},
        {"doc_sha256": R, "name": "report_2010.txt", "format": "txt", "kind": "report", "title": None,
         "period_start": None, "period_end": None, "pages": None, "records": 2, "quarantined": 1}]
    assert q.source_file(cur, P) == ("/nowhere/plan_2009.docx", "plan_2009.docx")
    assert q.source_file(cur, "X" * 64) is None
