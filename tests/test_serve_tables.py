"""`planscope serve`: every table browsed without SQL (issue 23, 5), sorted by a column checked
against the table's schema, a page at a time. The warehouse is written by hand, so every order
below is known without running planscope's own code."""
from __future__ import annotations

import re
from datetime import datetime

import duckdb
import pytest
from starlette.testclient import TestClient

from schemas.tables import RECORDS_VIEW, TABLES, ddl
from serve.app import create_app
from tests.test_serve_hardening import document, insert, passage

A = "a" * 64
WHEN = datetime(2021, 5, 1, 9, 0)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("tables")
    db = tmp / "tables.duckdb"
    con = duckdb.connect(str(db))
    for name, model in TABLES.items():
        con.execute(ddl(name, model))
    con.execute(RECORDS_VIEW)
    document(con, "long.txt", "report", A, str(tmp / "long.txt"), 0)
    document(con, "plan.docx", "table_plan", "b" * 64, str(tmp / "plan.docx"), 7, fmt="docx")
    document(con, "notes.pdf", "unknown", "c" * 64, str(tmp / "notes.pdf"), 3, fmt="pdf")
    for i in range(60):  # inserted in an order that is neither the text's nor the block's
        n = (i * 37) % 60
        passage(con, "long.txt", A, n, "paragraph", f"P{59 - n:02d} text")
    passage(con, "plan.docx", "b" * 64, 0, "heading", "Plan heading")
    for i, reason in enumerate(["b: no date", "a: empty text", "c: unknown kind"]):
        insert(con, "quarantine", doc_sha256=A, doc="long.txt", stage="validate", reason=reason, raw_text=f"raw {i}",
               quarantined_at=WHEN)
    for day, path in ((3, "/x/broken.docx"), (1, "/x/encrypted.pdf"), (2, "/x/empty.txt")):
        insert(con, "failures", run_id="run1", path=path, reason=f"failed on day {day}", failed_at=WHEN.replace(day=day))
    con.close()
    with TestClient(create_app(db, idle_seconds=0), base_url="http://127.0.0.1") as c:
        yield c


def column(page: str, index: int) -> list[str]:
    """The cells of column `index` (0-based) of the browsed table, top to bottom."""
    body = re.search(r'<table class="grid" id="table-rows">.*?<tbody>(.*?)</tbody>', page, re.S).group(1)
    return [re.findall(r"<td>(.*?)</td>", row, re.S)[index] for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_every_table_is_listed_with_its_rows(client):
    page = client.get("/tables").text
    for name, n in (("passages", 61), ("quarantine", 3), ("failures", 3), ("documents", 3), ("records", 0)):
        assert re.search(rf'<a href="/table/{name}">{name}</a></td><td>\w+</td><td>{n}</td>', page), name


def test_passages_sorted_by_text_and_paged(client):
    first = client.get("/table/passages?sort=text&order=desc").text  # text is column 5 (0-based)
    assert column(first, 5) == ["Plan heading"] + [f"P{i:02d} text" for i in range(59, 10, -1)]
    assert '<a href="/table/passages?sort=text&amp;order=desc&amp;page=2" rel="next">' in first
    assert "page 1 of 2" in first
    second = client.get("/table/passages?sort=text&order=desc&page=2").text
    assert column(second, 5) == [f"P{i:02d} text" for i in range(10, -1, -1)]
    # ascending by block_no; the header link turns the order round
    by_block = client.get("/table/passages?sort=block_no&doc=long.txt").text
    assert column(by_block, 2)[:3] == ["0", "1", "2"] and column(by_block, 5)[:3] == ["P59 text", "P58 text", "P57 text"]
    assert '<a href="/table/passages?sort=block_no&amp;order=desc&amp;doc=long.txt" data-column="block_no">' in by_block


def test_quarantine_sorted_by_reason(client):
    assert column(client.get("/table/quarantine?sort=reason").text, 3) == ["a: empty text", "b: no date", "c: unknown kind"]
    assert column(client.get("/table/quarantine?sort=reason&order=desc").text, 3) == [
        "c: unknown kind", "b: no date", "a: empty text"]


def test_failures_sorted_by_time(client):
    page = client.get("/table/failures?sort=failed_at").text
    assert column(page, 1) == ["/x/encrypted.pdf", "/x/empty.txt", "/x/broken.docx"]


def test_documents_sorted_by_records(client):
    page = client.get("/table/documents?sort=records&order=desc").text
    assert column(page, 1) == ["plan.docx", "notes.pdf", "long.txt"]


@pytest.mark.parametrize("sort", ["text; DROP TABLE passages", '"text"', "TEXT", "1", "text DESC", "rowid"])
def test_a_column_not_in_the_schema_is_refused(client, sort):
    r = client.get("/table/passages", params={"sort": sort})
    assert r.status_code == 400 and "passages has no column" in r.text


@pytest.mark.parametrize("url", ["/table/nope", "/table/passages%3B%20DROP%20TABLE%20passages",
                                 "/table/duckdb_settings", "/table/information_schema.tables"])
def test_a_table_not_in_the_warehouse_is_404(client, url):
    assert client.get(url).status_code == 404


def test_an_order_that_is_not_asc_or_desc_is_refused(client):
    assert client.get("/table/passages?sort=text&order=sideways").status_code == 400
