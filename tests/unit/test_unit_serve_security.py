"""Security defaults of `planscope serve` and the check report, exactly (issue 29): the server
listens on this machine only unless told otherwise; every HTML page escapes what documents say,
quotes included (search, /check/<id>); the SQL page runs one read-only statement. The warehouse
is written by hand, row by row, so nothing is ingested."""
from __future__ import annotations

import inspect
from datetime import datetime

import duckdb
import pytest
from starlette.testclient import TestClient

from tests.unit.warehouse_rows import empty_warehouse, insert
from serve.app import create_app, highlight
from serve.sql import QueryRefused, check_statement

pytestmark = pytest.mark.unit

NOW = datetime(2020, 1, 1, 12, 0)
HOSTILE = '"><img src=x onerror=alert(1)>'
ESCAPED = "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"  # Jinja's escape
ESCAPED_HTML = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"  # html.escape (the check report)


# -- the bind host ---------------------------------------------------------------------------

def test_serve_listens_on_loopback_by_default(monkeypatch, tmp_path):
    import serve.app
    from planscope_cli import build_parser, main

    assert build_parser().parse_args(["serve"]).host == "127.0.0.1"
    assert inspect.signature(serve.app.run).parameters["host"].default == "127.0.0.1"
    called = {}
    monkeypatch.setattr(serve.app, "run", lambda db, **kw: called.update(kw, db=db))
    assert main(["--db", str(tmp_path / "w.duckdb"), "serve"]) == 0
    assert (called["host"], called["port"]) == ("127.0.0.1", 8000)


def test_serve_listens_where_it_is_told(monkeypatch, tmp_path):
    import serve.app
    from planscope_cli import main

    called = {}
    monkeypatch.setattr(serve.app, "run", lambda db, **kw: called.update(kw))
    main(["--db", str(tmp_path / "w.duckdb"), "serve", "--host", "0.0.0.0", "--port", "8123"])
    assert (called["host"], called["port"]) == ("0.0.0.0", 8123)


# -- the SQL guard ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cur():
    con = duckdb.connect()
    con.execute("CREATE TABLE t (x INTEGER)")
    yield con
    con.close()


@pytest.mark.parametrize("sql", ["SELECT 1", "  select x from t  ", "WITH a AS (SELECT 1) SELECT * FROM a",
                                 "EXPLAIN SELECT * FROM t", "SELECT 1;"])
def test_the_sql_guard_lets_one_read_only_statement_through(cur, sql):
    assert check_statement(cur, sql).strip().rstrip(";").strip().lower() == sql.strip().rstrip(";").strip().lower()


@pytest.mark.parametrize("sql, why", [
    ("CREATE TABLE u (y INTEGER)", "not CREATE"),
    ("INSERT INTO t VALUES (1)", "not INSERT"),
    ("UPDATE t SET x = 2", "not UPDATE"),
    ("DELETE FROM t", "not DELETE"),
    ("DROP TABLE t", "not DROP"),
    ("COPY t TO '/tmp/x.csv'", "not COPY"),
    ("ATTACH '/tmp/other.duckdb'", "not ATTACH"),
    ("INSTALL httpfs", "not"),
    ("LOAD httpfs", "not"),
    ("SET memory_limit = '1GB'", "not"),
    ("PRAGMA version", "not"),
    ("SELECT 1; DROP TABLE t", "one statement at a time"),
    ("SELECT 1; SELECT 2", "one statement at a time"),
    ("", "no statement given"),
    ("SELEC 1", "syntax"),
])
def test_the_sql_guard_refuses_everything_else(cur, sql, why):
    with pytest.raises(QueryRefused) as refused:
        check_statement(cur, sql)
    assert why.lower() in str(refused.value).lower()


# -- escaping in every HTML page --------------------------------------------------------------



@pytest.fixture(scope="module")
def client(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("escape")
    db = tmp / "w.duckdb"
    con = empty_warehouse(db)
    sha = "9" * 64
    insert(con, "documents", doc_sha256=sha, name="report.txt", path=str(tmp / "report.txt"), format="txt",
           kind="report", blocks=1, records=1, quarantined=0, ingested_at=NOW)
    insert(con, "record_facts", record_id="rec1", doc_sha256=sha, doc="report.txt", kind="event",
           text="Seminar on trafficking" + HOSTILE, date_granularity="none", date_source="none", block_no=0)
    insert(con, "passages", doc_sha256=sha, doc="report.txt", block_no=0, kind="paragraph",
           text="Seminar on trafficking" + HOSTILE)
    insert(con, "check_runs", check_id="chk1", report_doc="report" + HOSTILE, report_sha256=sha,
           plan_docs=["plan" + HOSTILE], created_at=NOW, threshold_evidenced=0.6, threshold_partly=0.4, commitments=1)
    insert(con, "commitment_checks", check_id="chk1", record_id="plan1", plan_doc="plan" + HOSTILE,
           ref="ref" + HOSTILE, commitment_text="Train police" + HOSTILE, status="evidenced", score=0.9,
           themes=["theme" + HOSTILE])
    insert(con, "commitment_evidence", check_id="chk1", record_id="plan1", rank=1,
           evidence_text="Police were trained" + HOSTILE, doc="report" + HOSTILE, kind="sentence", score=0.9,
           shared_terms=["police"])
    con.close()
    with TestClient(create_app(db, idle_seconds=0), base_url="http://127.0.0.1") as c:
        yield c


def test_search_page_escapes_quotes_and_markup(client):
    page = client.get("/search", params={"q": "trafficking"}).text
    assert "<img src=x" not in page
    assert "Seminar on <mark>trafficking</mark>" + ESCAPED in page


def test_search_highlight_escapes_quotes():
    assert str(highlight("Riga" + HOSTILE, ["riga"])) == "<mark>Riga</mark>" + ESCAPED
    assert str(highlight("a" + HOSTILE, [])) == "a" + ESCAPED


def test_check_page_escapes_quotes_and_markup(client):
    r = client.get("/check/chk1")
    assert r.status_code == 200
    assert "<img src=x" not in r.text
    for text in ("report", "plan", "ref", "Train police", "theme"):
        assert text + ESCAPED_HTML in r.text, text
    assert "<mark>Police</mark> were trained" + ESCAPED_HTML in r.text


def test_check_list_page_escapes_quotes_and_markup(client):
    page = client.get("/checks").text
    assert "<img src=x" not in page and "report" + ESCAPED in page


# -- which Host names are answered, and the warning before exposing the archive --------------------

from serve.hosts import HostCheck, allowed_hosts, exposure_warning, host_of, is_loopback  # noqa: E402


@pytest.mark.parametrize("host, loopback", [("localhost", True), ("127.0.0.1", True), ("127.0.0.2", True), ("::1", True),
                                            ("0.0.0.0", False), ("::", False), ("192.168.1.5", False),
                                            ("example.org", False), ("", False)])
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


@pytest.mark.parametrize("header, name", [("127.0.0.1:8000", "127.0.0.1"), ("LOCALHOST", "localhost"),
                                          ("[::1]:8000", "::1"), ("[::1", ""), ("::1", "::1"),
                                          (" Example.org:80 ", "example.org"), ("", "")])
def test_host_of_a_header(header, name):
    assert host_of(header) == name


def test_loopback_answers_its_own_names_and_the_extra_ones_only():
    assert allowed_hosts("127.0.0.1") == {"127.0.0.1", "localhost", "::1"}
    assert allowed_hosts("[::1]", ["Proxy.Example"]) == {"::1", "localhost", "127.0.0.1", "proxy.example"}
    wildcard = allowed_hosts("0.0.0.0")
    assert {"0.0.0.0", "localhost", "127.0.0.1", "::1"} <= wildcard and "" not in wildcard
    import socket

    assert socket.gethostname().lower() in wildcard


def test_the_host_check_refuses_a_foreign_name():
    import asyncio

    sent = []

    async def app(scope, receive, send):
        sent.append("app")

    async def send(message):
        sent.append(message)

    check = HostCheck(app, {"LOCALHOST"})
    asyncio.run(check({"type": "http", "headers": [(b"host", b"localhost:8000")]}, None, send))
    assert sent == ["app"]
    sent.clear()
    asyncio.run(check({"type": "http", "headers": [(b"host", b"evil.example")]}, None, send))
    assert sent[0]["status"] == 400
    assert sent[1]["body"] == (b"400: this server answers to localhost, not to the Host 'evil.example' (a page of another "
                               b"site reaching this one through its name?)\n")
    sent.clear()
    asyncio.run(check({"type": "lifespan"}, None, send))
    assert sent == ["app"]


def test_no_warning_on_loopback_and_a_full_one_elsewhere():
    counts = {"documents": 3, "records": 40, "passages": 500}
    assert exposure_warning("127.0.0.1", 8000, "w.duckdb", counts, ["/a"]) is None
    assert exposure_warning("localhost", 8000, "w.duckdb", counts, ["/a"]) is None
    folders = [f"/f{i}" for i in range(7)]
    assert exposure_warning("0.0.0.0", 8080, "w.duckdb", counts, folders) == (
        "WARNING: listening on 0.0.0.0:8080, open to every network this machine is on, with no login. Anyone there can "
        "read the whole warehouse w.duckdb: 3 documents, 40 records, 500 passages of their full text, the check runs, "
        "and run read-only SQL over all of it; and download the ingested source files (from /f0, /f1, /f2, /f3, /f4 and "
        "2 more). Use --host 127.0.0.1 to keep it to this machine.")
    assert "open to anyone who can reach 10.0.0.5" in exposure_warning("10.0.0.5", 1, "w", {}, [])
    assert "0 documents, 0 records, 0 passages" in exposure_warning("10.0.0.5", 1, "w", {}, [])
    assert "(from no folder)" in exposure_warning("10.0.0.5", 1, "w", {}, [])
