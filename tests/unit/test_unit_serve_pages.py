"""serve's pages and downloads, exactly (issue 29): each page on the warehouse of
test_unit_serve_queries.py, a missing thing's 404, the CSV and JSON downloads with their cap, CSV
cells neutralised as OWASP advises, and the source file served only while it is the file ingested."""
from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

import pytest
from starlette.exceptions import HTTPException
from starlette.testclient import TestClient

from serve import app as serve_app
from serve.app import capped, create_app, csv_cell, csv_line, neutralise, neutralise_csv, read_ingested, table_response
from tests.unit.test_unit_serve_queries import build_warehouse
from tests.unit.warehouse_rows import insert

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve_pages")
    source = tmp / "source.txt"
    source.write_bytes(b"The source as ingested.\n")
    con = build_warehouse(tmp / "w.duckdb")
    insert(con, "documents", doc_sha256=hashlib.sha256(source.read_bytes()).hexdigest(), name="source.txt",
           path=str(source), format="txt", kind="report", blocks=1, records=0, quarantined=0,
           ingested_at=datetime(2011, 1, 1))
    insert(con, "documents", doc_sha256="a" * 64, name="gone.txt", path=str(tmp / "gone.txt"), format="txt",
           kind="report", blocks=1, records=0, quarantined=0, ingested_at=datetime(2011, 1, 1))
    con.close()
    with TestClient(create_app(tmp / "w.duckdb", idle_seconds=0), base_url="http://127.0.0.1") as client:
        yield client, source


@pytest.mark.parametrize("path, words", [
    ("/record/r1", ["A seminar on trafficking was held in Vilnius.", "Ministry of the Interior", "report_2010.txt"]),
    ("/doc/report_2010.txt", ["The guide was published.", "A seminar on trafficking was held in Vilnius."]),
    ("/docs", ["plan_2009.docx", "report_2010.txt"]),
    ("/actor/lt_moi", ["Interior Ministry", "Ministry of the Interior"]),
    ("/search?q=trafficking", ["Training on", "A seminar on"]),
    ("/search?q=trafficking&what=passages", ["<mark>Trafficking</mark> fell."]),
    ("/timeline", ["trafficking"]),
    ("/tables", ["record_facts", "passages"]),
    ("/table/record_themes", ["law_enforcement", "guardianship"]),
])
def test_each_page_shows_its_thing(served, path, words):
    response = served[0].get(path)
    assert response.status_code == 200, response.text[:300]
    for w in words:
        assert w in response.text


@pytest.mark.parametrize("path, status, message", [
    ("/record/nothing", 404, "no record &#39;nothing&#39;"),
    ("/doc/nothing.txt", 404, "no document &#39;nothing.txt&#39;"),
    ("/actor/nobody", 404, "no actor &#39;nobody&#39;"),
    ("/table/nope", 404, "no table &#39;nope&#39;"),
    ("/search.xml?q=x", 404, "no format &#39;xml&#39;: html, csv or json"),
    ("/search?page=%C2%B2", 400, "page must be a whole number in digits 0-9"),
    ("/source/" + "X" * 64, 404, "not an ingested file"),
    ("/source/" + "a" * 64, 404, "the ingested file is no longer at its path, or the path is now a link"),
])
def test_what_is_not_there_is_an_error_page_in_words(served, path, status, message):
    response = served[0].get(path)
    assert response.status_code == status
    assert message in response.text


def test_search_downloads_in_the_searchs_order(served):
    client = served[0]
    response = client.get("/search.csv?q=trafficking")
    assert response.status_code == 200
    lines = response.text.splitlines()
    assert lines[0].split(",")[:3] == ["record_id", "doc", "kind"]
    assert [line.split(",")[0] for line in lines[1:]] == ["r1", "p1"]
    assert response.headers["content-disposition"].startswith("attachment;")
    data = client.get("/search.json?q=trafficking").json()
    assert [r["record_id"] for r in data] == ["r1", "p1"]
    assert data[0]["start"] == "2010-05-12"


def test_the_source_file_is_served_while_it_is_the_one_ingested(served, tmp_path):
    client, source = served
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    response = client.get(f"/source/{sha}")
    assert (response.status_code, response.content) == (200, b"The source as ingested.\n")
    # read_ingested itself: a changed file, a link, a folder
    assert read_ingested(str(source), sha) == b"The source as ingested.\n"
    changed = tmp_path / "changed.txt"
    changed.write_bytes(b"other")
    with pytest.raises(HTTPException) as err:
        read_ingested(str(changed), sha)
    assert (err.value.status_code, err.value.detail) == (
        410, "the file at the ingested path has changed since it was ingested (its sha256 differs)")
    link = tmp_path / "link.txt"
    link.symlink_to(source)
    with pytest.raises(HTTPException) as err:
        read_ingested(str(link), sha)
    assert err.value.status_code == 404
    with pytest.raises(HTTPException) as err:
        read_ingested(str(tmp_path), sha)
    assert (err.value.status_code, err.value.detail) == (404, "the ingested path is no longer a regular file")


# --- the helpers ------------------------------------------------------------------------------------------

def test_a_page_over_its_cap_is_cut_at_a_tag_with_a_note():
    html = "<p>aaaa</p><p>bbbbbbbbbb</p>"  # 28 bytes
    assert capped(html, cap=28) == html
    assert capped(html, cap=15) == ('<p>aaaa</p>\n<p class="error" id="page-cut">Cut: this page has 28 bytes; '
                                    "the first 15 are shown.</p>\n</main></body></html>\n")


@pytest.mark.parametrize("text, out", [
    ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-x", "'-x"), ("@a", "'@a"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("-3", "-3"), ("-3.5", "-3.5"), ("2e5", "2e5"), ("-3.5e-2", "-3.5e-2"), ("plain = text", "plain = text"), ("", ""),
])
def test_neutralise(text, out):
    assert neutralise(text) == out


def test_csv_cells_and_lines():
    assert [csv_cell(v) for v in (None, [1, "a"], 5, -2.5, True, "=1", date(2009, 1, 2))] == \
        ["", "1, a", "5", "-2.5", "True", "'=1", "2009-01-02"]
    assert csv_line(["a", "=b", None, 3, "x,y"]) == 'a,\'=b,,3,"x,y"\r\n'
    assert neutralise_csv('a,=b\r\n"=c,d",e\r\n') == 'a,\'=b\r\n"\'=c,d",e\r\n'


@pytest.mark.parametrize("n, text", [(100, "100 bytes"), (2**20, "1 MB"), (3 * 2**20, "3 MB"), (2**20 + 1, "1,048,577 bytes")])
def test_size_in_words(n, text):
    assert serve_app._size(n) == text


def test_a_csv_download_stops_at_its_cap_and_says_so():
    names, rows = ["a", "b"], [(1, "x"), (2, "y")]
    whole = table_response(names, rows, "csv", "out")
    assert whole.body == b"a,b\r\n1,x\r\n2,y\r\n"
    assert whole.headers["content-disposition"] == 'attachment; filename="out.csv"'
    assert "x-planscope-cut" not in whole.headers
    cut = table_response(names, rows, "csv", "out", cap=5)  # "1,x\r\n" is 5 bytes
    note = "1 of 2 rows left out: the download stops at 5 bytes"
    assert cut.body == f"a,b\r\n1,x\r\n[cut: {note}]\r\n".encode()
    assert cut.headers["x-planscope-cut"] == note


def test_a_json_download_stops_at_its_cap_and_says_so():
    names, rows = ["a", "b"], [(1, "x"), (2, date(2009, 1, 2))]
    whole = table_response(names, rows, "json", "out")
    assert json.loads(whole.body) == [{"a": 1, "b": "x"}, {"a": 2, "b": "2009-01-02"}]
    assert whole.headers["content-disposition"] == 'inline; filename="out.json"'
    cut = table_response(names, rows, "json", "out", cap=20)  # '{"a": 1, "b": "x"}' is 18 bytes, and 2 between
    assert json.loads(cut.body) == [{"a": 1, "b": "x"}]
    assert cut.headers["x-planscope-cut"] == "1 of 2 rows left out: the download stops at 20 bytes"


# --- the SQL page ------------------------------------------------------------------------------------------

def test_the_sql_page_runs_one_read_only_statement(served):
    client = served[0]
    page = client.get("/sql", params={"q": "SELECT record_id, kind FROM record_facts ORDER BY record_id"})
    assert page.status_code == 200
    for rid in ("p1", "p2", "r1", "r2"):
        assert f"<td>{rid}</td>" in page.text
    data = client.get("/sql.json", params={"q": "SELECT record_id FROM record_facts ORDER BY record_id"}).json()
    assert data == [{"record_id": "p1"}, {"record_id": "p2"}, {"record_id": "r1"}, {"record_id": "r2"}]
    csv_text = client.get("/sql.csv", params={"q": "SELECT record_id, kind FROM record_facts ORDER BY record_id"}).text
    assert csv_text.splitlines() == ["record_id,kind", "p1,activity", "p2,activity", "r1,event", "r2,event"]
    assert "record_facts" in client.get("/sql").text  # no query: the tables to ask about


def test_the_sql_page_refuses_a_write_in_words(served):
    client = served[0]
    refused = client.get("/sql.json", params={"q": "DROP TABLE record_facts"})
    assert refused.status_code == 400
    assert refused.text.startswith("refused: ")
    page = client.get("/sql", params={"q": "DROP TABLE record_facts"})
    assert page.status_code == 400
    assert client.get("/sql.json", params={"q": "SELECT count(*) AS n FROM record_facts"}).json() == [{"n": 4}]
