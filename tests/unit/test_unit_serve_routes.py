"""serve's routes with the app built in each test (issue 29): mutmut maps create_app to the tests
that call it, and a module-wide client calls it in its first test only, so the later tests of
test_unit_serve_pages.py never ran against create_app's mutants (sample 7 of 2026-12-07). Also the
JSON download's layout, the table browser's order, page and document filter, the records' ranks and
actors, and the year facet. Expected values by hand from the warehouse of test_unit_serve_queries.py."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime

import duckdb
import numpy as np
import pytest
from starlette.testclient import TestClient

from serve import queries
from serve.app import create_app, table_response
from serve.queries import Filters
from serve.search_index import RecordIndex
from tests.unit.test_unit_serve_queries import build_warehouse
from tests.unit.warehouse_rows import insert

pytestmark = pytest.mark.unit

SOURCE = b"The source as ingested.\n"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve_routes")
    con = build_warehouse(tmp / "w.duckdb")
    for name in ("source.txt", "notes"):  # the second has no extension: no type is guessed
        (tmp / name).write_bytes(SOURCE + name.encode())
        insert(con, "documents", doc_sha256=hashlib.sha256(SOURCE + name.encode()).hexdigest(), name=name,
               path=str(tmp / name), format="txt", kind="report", blocks=1, records=0, quarantined=0,
               ingested_at=datetime(2011, 1, 1))
    insert(con, "failures", run_id="run1", path="/in/a.pdf", reason="damaged", failed_at=datetime(2011, 1, 1))
    insert(con, "failures", run_id="run1", path="/in/b.pdf", reason="empty", failed_at=datetime(2011, 1, 1))
    con.close()
    _save_check(tmp / "w.duckdb")
    return tmp / "w.duckdb"


def _save_check(db) -> None:
    """One stored check run: check c1 of report.txt, one commitment evidenced by one passage."""
    from checking.evidence import Commitment, Unit
    from checking.run import CheckResult, CommitmentResult, save
    from schemas.records import Period

    c = Commitment(record_id="p2", ref="2", text="=Publish a guide on guardianship", plan_doc="plan_2009.docx",
                   start=None, end=None, themes=["guardianship"])
    u = Unit(text="The guide was published.", doc="report_2010.txt", kind="sentence", page=None, paragraph_no=3,
             block_no=3, start=None, end=None)
    result = CheckResult("c1", "report_2010.txt", Period(start=datetime(2010, 1, 1).date(), end=datetime(2010, 12, 31).date(),
                         raw="2010"), ["plan_2009.docx"], [CommitmentResult(c, "evidenced", 0.9, [(u, 0.9, ["guide"])])])
    save(str(db), [(result, "R" * 64)], {"thresholds": {"evidenced": 0.6, "partly": 0.4}})


@pytest.fixture
def client(db):
    with TestClient(create_app(db, idle_seconds=0, page_cache_mb=0), base_url="http://127.0.0.1") as c:
        yield c


@pytest.mark.parametrize("name, media", [("source.txt", "text/plain; charset=utf-8"),
                                         ("notes", "application/octet-stream")])
def test_the_source_file_with_its_type_and_name(client, name, media):
    response = client.get("/source/" + hashlib.sha256(SOURCE + name.encode()).hexdigest())
    assert response.status_code == 200
    assert response.content == SOURCE + name.encode()
    assert response.headers["content-type"] == media
    assert response.headers["content-disposition"] == f"attachment; filename*=UTF-8''{name}"


@pytest.mark.parametrize("path", ["/source/" + "X" * 64, "/source/" + "b" * 64, "/source/short"])
def test_a_source_that_is_not_an_ingested_file_is_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "not an ingested file" in response.text


def _order_of(text: str, words: list[str]) -> list[str]:
    return sorted(words, key=text.index)


def test_a_table_sorted_by_a_column_either_way(client):
    themes = ["guardianship", "law_enforcement", "trafficking"]
    up = client.get("/table/record_themes?sort=theme")
    assert up.status_code == 200
    assert _order_of(up.text, themes) == ["guardianship", "law_enforcement", "trafficking"]
    down = client.get("/table/record_themes?sort=theme&order=desc")
    assert down.status_code == 200
    assert _order_of(down.text, themes) == ["trafficking", "law_enforcement", "guardianship"]


def test_a_table_without_sort_or_order_is_in_its_columns_order(client):
    response = client.get("/table/record_themes")  # by record_id first: p1, p2, r1
    assert response.status_code == 200
    assert _order_of(response.text, ["law_enforcement", "guardianship"]) == ["law_enforcement", "guardianship"]


def test_an_order_that_is_neither_asc_nor_desc_is_a_bad_request(client):
    response = client.get("/table/record_themes?order=sideways")
    assert response.status_code == 400
    assert "order is asc or desc" in response.text


def test_a_tables_second_page_and_its_rows_of_one_document(client):
    assert "guardianship" not in client.get("/table/record_themes?page=2").text  # 4 rows: page 2 is empty
    one = client.get("/table/record_facts?doc=plan_2009.docx")
    assert one.status_code == 200
    assert "Publish a guide on guardianship." in one.text and "The guide was published." not in one.text


def test_no_such_table_is_404_in_words(client):
    response = client.get("/table/nope")
    assert response.status_code == 404
    assert "no table &#39;nope&#39;" in response.text


def test_a_record_without_cells_and_a_record_search(client):
    response = client.get("/record/r2")  # a report's event: no table row, no cells
    assert response.status_code == 200
    assert "The guide was published." in response.text
    found = client.get("/search?q=trafficking")
    assert found.status_code == 200
    assert "Training on" in found.text and "A seminar on" in found.text


def test_a_json_download_is_indented_by_one_and_keeps_its_letters():
    response = table_response(["a", "b"], [(1, "Łódź")], "json", "x")
    assert response.body.decode("utf-8") == '[\n {\n  "a": 1,\n  "b": "Łódź"\n }\n]'
    assert response.headers["content-disposition"] == 'inline; filename="x.json"'


# --- queries and the index, straight -------------------------------------------------------------


@pytest.fixture
def cur(db):
    con = duckdb.connect(str(db), read_only=True)
    yield con.cursor()
    con.close()


def test_records_found_are_ranked_from_one_with_their_actors(cur):
    got = queries.search_records(cur, RecordIndex(cur), Filters(q="trafficking"))
    assert [(r["pos"], r["record_id"]) for r in got["rows"]] == [(1, "r1"), (2, "p1")]
    # the funder (the Nordic Council, named in a funding cell) is no actor
    assert [[a["name"] for a in r["actors"]] for r in got["rows"]] == [["Ministry of the Interior"], ["Police Academy"]]
    assert got["rows"][0]["actors"][0]["key"] == "lt_moi"


def test_a_page_past_the_last_is_empty_with_the_total(cur):
    got = queries.search_records(cur, RecordIndex(cur), Filters(page=2))
    assert (got["total"], got["rows"]) == (4, [])


def test_tables_and_views_with_their_rows(cur):
    found = {name: (kind, n) for name, kind, n in queries.tables(cur)}
    assert found["records"] == ("view", 4)
    assert found["documents"] == ("table", 4)
    assert found["failures"] == ("table", 2)


def test_a_table_whose_document_column_is_its_path(cur):
    got = queries.browse_table(cur, "failures", doc="/in/a.pdf")
    assert (got["total"], [r[1:3] for r in got["rows"]]) == (1, [("/in/a.pdf", "damaged")])


def test_the_year_facet_and_the_total(cur):
    index = RecordIndex(cur)
    over = {name: np.ones(index.n, dtype=bool) for name in queries.FACETS}
    items = index.facet_items(Filters(), over)
    years = [(i["value"], i["label"], i["n"], i["facet_values"]) for i in items if i["facet"] == "year"]
    assert years == [("2009", "2009", 2, 2), ("2010", "2010", 1, 2)]  # r2 has no date
    assert items[-1] == {"facet": "total", "value": None, "label": None, "n": 4, "facet_values": 1}


# --- the SQL page's pool, without a worker process ---------------------------------------------------


class FakeWorker:
    def __init__(self, pid):
        self.pid, self.killed = pid, False
        self.proc = self

    def poll(self):
        return None  # running

    def kill(self):
        self.killed = True


def test_the_pool_keeps_as_many_idle_workers_as_it_may_run():
    from serve.sql import SqlPool

    pool = SqlPool("nowhere.duckdb", workers=1)
    first, second = FakeWorker(1), FakeWorker(2)
    pool.busy = {1: first, 2: second}
    pool._give_back(first, healthy=True)
    pool._give_back(second, healthy=True)  # one is kept already: this one ends
    assert (pool._idle, first.killed, second.killed, pool.busy) == ([first], False, True, {})


def test_a_query_waits_for_a_free_worker_at_most_its_time_limit():
    from serve.sql import QueryRefused, SqlPool

    pool = SqlPool("nowhere.duckdb", workers=1)
    assert pool._slots.acquire(timeout=1)  # the one worker is running another query
    with pytest.raises(QueryRefused, match=r"^the SQL page is busy: 1 queries ran for the whole time limit of 0\.01 s; "
                                           r"try again$"):
        next(pool.messages("SELECT 1", 10, 100, 1000, seconds=0.01))


def test_query_passes_its_limits_on_and_gathers_the_replies(monkeypatch):
    from serve.sql import SqlPool

    pool = SqlPool("nowhere.duckdb")
    asked = []

    def messages(sql, row_limit, cell_chars, byte_cap, seconds):
        asked.append((sql, row_limit, cell_chars, byte_cap, seconds))
        yield "names", ["n"]
        yield "rows", [(1,), (2,)]
        yield "done", {"truncated": True, "cut_bytes": False, "cut_cells": [[1, "n", 50]], "rows": 2}

    monkeypatch.setattr(pool, "messages", messages)
    result = pool.query("SELECT n FROM t", row_limit=2, cell_chars=7, byte_cap=99, seconds=3.0)
    assert asked == [("SELECT n FROM t", 2, 7, 99, 3.0)]
    assert (result.names, result.rows, result.truncated, result.cut_bytes, result.cut_cells) == (
        ["n"], [(1,), (2,)], True, False, [(1, "n", 50)])


def test_run_query_checks_the_statement_on_the_servers_cursor():
    from serve.sql import QueryRefused, run_query

    class Pool:
        def query(self, sql, row_limit, seconds):
            return sql, row_limit, seconds

    con = duckdb.connect()
    assert run_query(Pool(), con.cursor(), "SELECT 42", row_limit=5, seconds=1.0) == ("SELECT 42", 5, 1.0)
    with pytest.raises(QueryRefused, match="^one statement at a time$"):
        run_query(Pool(), con.cursor(), "SELECT 1; SELECT 2")
    con.close()


# --- the checks and the SQL page, the app built in each test ------------------------------------------


def test_the_checks_page_lists_the_stored_runs(client):
    response = client.get("/checks")
    assert response.status_code == 200
    assert "c1" in response.text and "report_2010.txt" in response.text


@pytest.mark.parametrize("suffix, media", [("", "text/html; charset=utf-8"), (".json", "application/json"),
                                           (".csv", "text/csv; charset=utf-8"), (".md", "text/markdown; charset=utf-8")])
def test_a_stored_check_in_each_format(client, suffix, media):
    response = client.get("/check/c1" + suffix)
    assert response.status_code == 200
    assert response.headers["content-type"] == media
    assert "Publish a guide on guardianship" in response.text


def test_the_csv_and_markdown_of_a_check(client):
    csv_text = client.get("/check/c1.csv").text
    assert "'=Publish a guide on guardianship" in csv_text  # a cell that starts with = is neutralised
    md = client.get("/check/c1.md").text
    # the stored run keeps no period: it is the documents table's, and R... is no document of this warehouse
    assert md.splitlines()[2] == ("report_2010.txt (no period) against 1 plan(s): 1 evidenced, "
                                  "0 partly evidenced, 0 no evidence, 0 overdue, 0 not a commitment")


@pytest.mark.parametrize("path, message", [("/check/c1.xml", "no format &#39;xml&#39;"),
                                           ("/check/nothing", "no check run &#39;nothing&#39;")])
def test_a_check_or_format_that_is_not_there_is_404(client, path, message):
    response = client.get(path)
    assert response.status_code == 404
    assert message in response.text


def test_the_sql_page_empty_and_with_an_answer(client):
    empty = client.get("/sql")
    assert empty.status_code == 200
    assert "<code>record_facts</code>" in empty.text and "2 MB shown" in empty.text
    response = client.get("/sql", params={"q": "SELECT 6 * 7 AS answer"})
    assert response.status_code == 200
    assert "SELECT 6 * 7 AS answer</textarea>" in response.text
    assert "answer" in response.text and "42" in response.text


def test_a_long_cell_on_the_sql_page_is_cut_and_said(client):
    response = client.get("/sql", params={"q": "SELECT repeat('x', 10001) AS s"})
    assert response.status_code == 200
    assert "row 1, s: first 10,000 of 10,001 characters" in response.text


def test_a_refused_statement_as_json_is_400_in_words(client):
    response = client.get("/sql.json", params={"q": "DROP TABLE documents"})
    assert response.status_code == 400
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert response.text == ("refused: only read-only queries (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) run here, "
                             "not DROP\n")


def test_sql_json_past_the_row_limit_says_so_in_a_header(client):
    response = client.get("/sql.json", params={"q": "SELECT range AS n FROM range(1001)"})
    assert response.status_code == 200
    assert len(json.loads(response.text)) == 1000
    assert response.headers["x-planscope-cut"] == "first 1000 rows only"


def test_the_sql_csv_has_every_row(client):
    response = client.get("/sql.csv", params={"q": "SELECT range AS n FROM range(1001)"})
    assert response.status_code == 200
    lines = response.text.splitlines()
    assert (len(lines), lines[0], lines[1], lines[-1]) == (1002, "n", "0", "1000")
