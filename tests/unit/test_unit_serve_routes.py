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


def test_the_sql_page_empty_answered_and_cut(client):
    # one test, one worker process: the page empty, an answer, a long cell cut
    empty = client.get("/sql")
    assert empty.status_code == 200
    assert "<code>record_facts</code>" in empty.text and "2 MB shown" in empty.text
    response = client.get("/sql", params={"q": "SELECT 6 * 7 AS answer"})
    assert response.status_code == 200
    assert "SELECT 6 * 7 AS answer</textarea>" in response.text
    assert "answer" in response.text and "42" in response.text
    cut = client.get("/sql", params={"q": "SELECT repeat('x', 10001) AS s"})
    assert cut.status_code == 200
    assert "row 1, s: first 10,000 of 10,001 characters" in cut.text


def test_sql_as_json_and_csv(client):
    refused = client.get("/sql.json", params={"q": "DROP TABLE documents"})
    assert refused.status_code == 400
    assert refused.headers["content-type"] == "text/plain; charset=utf-8"
    assert refused.text == ("refused: only read-only queries (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) run here, "
                            "not DROP\n")
    capped_rows = client.get("/sql.json", params={"q": "SELECT range AS n FROM range(1001)"})
    assert capped_rows.status_code == 200
    assert len(json.loads(capped_rows.text)) == 1000
    assert capped_rows.headers["x-planscope-cut"] == "first 1000 rows only"
    every = client.get("/sql.csv", params={"q": "SELECT range AS n FROM range(1001)"})  # the CSV has every row
    assert every.status_code == 200
    lines = every.text.splitlines()
    assert (len(lines), lines[0], lines[1], lines[-1]) == (1002, "n", "0", "1000")
    assert every.headers["content-disposition"] == 'attachment; filename="query.csv"'


def test_a_bad_parameter_is_a_400_page_in_words(client):
    response = client.get("/table/record_themes?sort=nothing")
    assert response.status_code == 400
    assert "<h1>Something went wrong</h1>" in response.text
    assert "record_themes has no column &#39;nothing&#39;" in response.text


# --- the pieces ------------------------------------------------------------------------------------


def test_a_page_over_its_cap_is_cut_at_a_tag_and_one_without_tags_whole():
    from serve.app import capped

    cut = capped("<p>" + "a" * 20 + "</p><p>bbbb</p>", cap=30)
    # 38 bytes; the first 30 end in "<p>": cut before that tag
    assert cut.startswith("<p>" + "a" * 20 + "</p>\n<p class=\"error\" id=\"page-cut\">Cut: this page has 38 bytes; ")
    assert capped("x" * 40, cap=30).startswith("x" * 30 + "\n<p class=")  # no tag to cut at: all 30 bytes


def test_the_page_cache_keeps_entries_up_to_its_size_exactly():
    from serve.cache import Entry, PageCache

    cache = PageCache(lambda: 1, max_bytes=20)
    for key in ("a", "b"):
        cache.get(key, lambda: Entry(b"x" * 10, 200, "text/html", ()))
    assert [cache.get(key, lambda: None)[1] for key in ("a", "b")] == [True, True]  # 20 bytes of 20: both kept


def test_a_request_without_a_host_header_is_refused_in_words():
    import asyncio

    from serve.hosts import HostCheck

    sent = []

    async def send(message):
        sent.append(message)

    async def app(scope, receive, send):  # never reached
        raise AssertionError

    asyncio.run(HostCheck(app, {"localhost"})({"type": "http", "headers": []}, None, send))
    assert sent[0]["status"] == 400
    assert sent[1]["body"].startswith(b"400: this server answers to localhost, not to the Host ''")


def test_a_chosen_facet_value_without_hits_is_shown_with_none():
    items = [{"facet": "theme", "value": "trafficking", "label": "trafficking", "n": 2, "facet_values": 1},
             {"facet": "total", "value": None, "label": None, "n": 2, "facet_values": 1}]
    facets, total = queries._group_facets(items, Filters(theme=("guardianship",)))
    assert total == 2
    assert facets["theme"]["values"] == [items[0], {"facet": "theme", "value": "guardianship", "label": "guardianship",
                                                    "n": 0}]
    assert queries.facet_limit("year", Filters()) == queries.YEAR_VALUES
    assert queries.facet_limit("theme", Filters()) == queries.FACET_SIZE


def test_bm25_by_hand():
    from serve.search_index import bm25_norm

    k1, b = queries.BM25_K1, queries.BM25_B
    assert bm25_norm(np.array([2.0, 4.0]), 3.0).tolist() == pytest.approx([k1 * (1 - b + b * 2 / 3),
                                                                           k1 * (1 - b + b * 4 / 3)])


def test_the_index_of_records_is_built_once_per_version(db):
    from serve.db import Warehouse
    from serve.search_index import IndexOf

    warehouse = Warehouse(db, idle_seconds=0)
    index = IndexOf(warehouse)
    first = index.get()
    assert index.get() is first and index.builds == 1
    index.passages()
    assert index.builds == 1  # the passages' index is not counted
    warehouse.close()
