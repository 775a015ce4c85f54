"""`planscope serve`, issue 23 continued: several values of one facet (OR), the "more" link past a
facet's first 12 values, pages kept until the warehouse changes, and a byte cap on every
response. The warehouse is written by hand, row by row, so every count below is known without
running planscope's own code."""
from __future__ import annotations

import csv
import io
import re
import shutil
from datetime import date

import duckdb
import pytest
from starlette.testclient import TestClient

import serve.app
from schemas.tables import RECORDS_VIEW, TABLES, ddl
from serve.app import create_app
from tests.test_serve_hardening import document, insert, passage, record

A, B, C, BIG = "a" * 64, "b" * 64, "c" * 64, "d" * 64
HUGE = "Seminar " + "x" * 30_000  # 30,008 characters


def theme(con, rid: str, ord_: int, name: str) -> None:
    insert(con, "record_themes", record_id=rid, ord=ord_, theme=name, source="words", reason="by hand")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("facets")
    db = tmp / "facets.duckdb"
    con = duckdb.connect(str(db))
    for name, model in TABLES.items():
        con.execute(ddl(name, model))
    con.execute(RECORDS_VIEW)
    # four records with known kinds and themes:
    #   r1 event    trafficking, migration   r2 activity trafficking
    #   r3 activity migration                r4 event    (no theme)
    document(con, "a.txt", "report", A, str(tmp / "a.txt"), 2)
    document(con, "b.docx", "table_plan", B, str(tmp / "b.docx"), 2, fmt="docx")
    record(con, "r1", "a.txt", A, "event", "Workshop on trafficking and migration", 0, start_date=date(2010, 3, 1))
    record(con, "r2", "a.txt", A, "activity", "Training on trafficking", 1, start_date=date(2011, 1, 1))
    record(con, "r3", "b.docx", B, "activity", "Study of migration", 0, start_date=date(2011, 5, 1))
    record(con, "r4", "b.docx", B, "event", "Annual meeting", 1, start_date=date(2012, 6, 1))
    theme(con, "r1", 0, "trafficking")
    theme(con, "r1", 1, "migration")
    theme(con, "r2", 0, "trafficking")
    theme(con, "r3", 0, "migration")
    # thirteen places, one record each: a facet with one value more than the 12 shown
    document(con, "c.txt", "report", C, str(tmp / "c.txt"), 13)
    for i in range(1, 14):
        record(con, f"town{i}", "c.txt", C, "event", f"Visit number {i}", i, location=f"Town {i:02d}")
    # one record of 30,008 characters, and a document of 60 passages of 10,000 characters
    document(con, "big.txt", "report", BIG, str(tmp / "big.txt"), 1)
    record(con, "huge1", "big.txt", BIG, "event", HUGE, 0)
    for i in range(60):
        passage(con, "big.txt", BIG, i, "paragraph", f"P{i:02d}" + "y" * 9_997)
    con.close()
    return db


@pytest.fixture(scope="module")
def client(warehouse):
    with TestClient(create_app(warehouse, idle_seconds=0), base_url="http://127.0.0.1") as c:
        yield c


def facet(page: str, name: str) -> dict[str, int]:
    """{value: count} as the facet `name` shows them."""
    section = re.search(rf'<section class="facet" id="facet-{name}">(.*?)</section>', page, re.S)
    if not section:
        return {}
    return {v: int(n) for v, n in re.findall(r'data-value="([^"]*)"[^>]*>.*?</a> <span class="n">(\d+)</span>',
                                             section.group(1), re.S)}


def count(page: str) -> int:
    return int(re.search(r'id="count"><strong>(\d+)</strong>', page).group(1))


def ids(client, **params) -> set[str]:
    return {r["record_id"] for r in client.get("/search.json", params=params).json()}


# -- 2. several values of one facet ---------------------------------------------------------

def test_two_kinds_keep_both(client):
    assert ids(client, kind="event") == {"r1", "r4", "huge1"} | {f"town{i}" for i in range(1, 14)}
    assert ids(client, kind=["event", "activity"], doc=["a.txt", "b.docx"]) == {"r1", "r2", "r3", "r4"}
    page = client.get("/search?kind=event&kind=activity&doc=a.txt&doc=b.docx").text
    assert count(page) == 4
    assert facet(page, "kind") == {"event": 2, "activity": 2}
    # both chosen values are marked, and each chip removes only its own value
    assert 'href="/search?kind=activity&amp;doc=a.txt&amp;doc=b.docx" title="remove">kind = event ✕' in page
    assert 'href="/search?kind=event&amp;doc=a.txt&amp;doc=b.docx" title="remove">kind = activity ✕' in page
    # a new search from this page keeps every value
    hidden = re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page)
    assert hidden == [("kind", "event"), ("kind", "activity"), ("doc", "a.txt"), ("doc", "b.docx")]


def test_two_themes_count_a_record_with_both_once(client):
    assert ids(client, theme=["trafficking", "migration"]) == {"r1", "r2", "r3"}
    page = client.get("/search?theme=trafficking&theme=migration").text
    assert count(page) == 3
    # kinds of r1, r2, r3; a theme's own counts leave out the theme condition: what each would bring
    assert facet(page, "kind") == {"event": 1, "activity": 2}
    assert facet(page, "theme") == {"trafficking": 2, "migration": 2}


def test_a_chosen_value_shows_what_adding_another_would_bring(client):
    page = client.get("/search?theme=trafficking").text
    assert count(page) == 2
    # the theme facet counts over every record (its own condition left out): adding migration
    # (OR) is offered with its 2 records; trafficking is chosen and its link takes it out
    assert facet(page, "theme") == {"trafficking": 2, "migration": 2}
    assert 'href="/search?theme=trafficking&amp;theme=migration" data-facet="theme" data-value="migration"' in page
    assert 'href="/search" data-facet="theme" data-value="trafficking"' in page
    # other facets count the 2 hits only
    assert facet(page, "kind") == {"event": 1, "activity": 1}


def test_values_of_two_facets_are_and_across(client):
    assert ids(client, theme=["trafficking", "migration"], kind="activity") == {"r2", "r3"}
    page = client.get("/search?theme=trafficking&theme=migration&kind=activity").text
    assert count(page) == 2
    assert facet(page, "kind") == {"event": 1, "activity": 2}  # kinds among the three themed records
    assert facet(page, "theme") == {"trafficking": 1, "migration": 1}  # themes among the two activities


def test_the_timeline_and_csv_keep_every_value(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/search.csv?theme=trafficking&theme=migration").text)))
    assert sorted(r["record_id"] for r in rows) == ["r1", "r2", "r3"]
    svg = client.get("/timeline?theme=trafficking&theme=migration").text
    # 2010: r1 under both themes; 2011: r2 trafficking, r3 migration (the bars' titles)
    assert sorted(re.findall(r"<title>(\d{4}) · (\w+): (\d+)", svg)) == [
        ("2010", "migration", "1"), ("2010", "trafficking", "1"), ("2011", "migration", "1"), ("2011", "trafficking", "1")]


# -- 3. more than 12 values ---------------------------------------------------------------

def test_a_more_link_past_twelve_values(client):
    page = client.get("/search?doc=c.txt").text
    shown = facet(page, "location")
    assert list(shown) == [f"Town {i:02d}" for i in range(1, 13)]
    assert '<a href="/search?doc=c.txt&amp;more=location" data-more="location">more (13 in all)</a>' in page
    page = client.get("/search?doc=c.txt&more=location").text
    assert list(facet(page, "location")) == [f"Town {i:02d}" for i in range(1, 14)]
    assert 'data-more="location"' not in page and '<a href="/search?doc=c.txt">fewer</a>' in page


# -- 1. pages kept until the warehouse changes ----------------------------------------------

def test_a_kept_page_is_renewed_when_an_ingest_writes(warehouse, tmp_path):
    db = tmp_path / "changing.duckdb"
    shutil.copy(warehouse, db)
    app = create_app(db, idle_seconds=0)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        first = c.get("/search?q=zebra")
        assert count(first.text) == 0 and first.headers["x-planscope-cache"] == "miss"
        again = c.get("/search?q=zebra")
        assert again.headers["x-planscope-cache"] == "hit" and again.text == first.text
        app.state.warehouse.close()  # the server lets go between requests (idle); an ingest writes
        con = duckdb.connect(str(db))
        record(con, "zebra1", "a.txt", A, "event", "Zebra crossing safety day", 5)
        con.close()
        renewed = c.get("/search?q=zebra")
        assert count(renewed.text) == 1 and renewed.headers["x-planscope-cache"] == "miss"
        assert "<mark>Zebra</mark> crossing safety day" in renewed.text
        # a query's answer is kept only when it depends on the warehouse alone
        counted = [c.get("/sql.json", params={"q": "SELECT count(*) AS n FROM record_facts"}) for _ in range(2)]
        assert [r.headers["x-planscope-cache"] for r in counted] == ["miss", "hit"]
        assert counted[1].json() == [{"n": 4 + 13 + 1 + 1}]
        for query in ("SELECT random() AS r", "SELECT now() AS t", "SELECT current_timestamp AS t",
                      "SELECT count(*) AS n FROM record_facts USING SAMPLE 50%"):
            answers = [c.get("/sql.json", params={"q": query}) for _ in range(2)]
            assert all(r.status_code == 200 and "x-planscope-cache" not in r.headers for r in answers), query
        randoms = [c.get("/sql.json", params={"q": "SELECT random() AS r"}).json()[0]["r"] for _ in range(3)]
        assert len(set(randoms)) == 3


# -- 6. a byte cap on every response ------------------------------------------------------

def test_a_huge_record_is_cut_on_every_page_that_shows_it(client):
    note = '<span class="cut"> … [cut: 30,008 characters, the first 10,000 shown]</span>'
    search = client.get("/search?q=seminar").text
    assert f"<mark>Seminar</mark> {'x' * 9_992}{note}" in search
    assert "x" * 10_000 not in search
    page = client.get("/record/huge1").text
    assert f"Seminar {'x' * 9_992}{note}" in page and "x" * 10_000 not in page
    # the download has the whole text
    assert client.get("/search.json?q=seminar").json()[0]["text"] == HUGE


def test_a_long_document_page_shows_its_first_passages_and_says_how_many_more(client):
    page = client.get("/doc/big.txt").text
    assert re.findall(r'id="b(\d+)"', page) == [str(i) for i in range(50)]  # 50 x 10,000 = the 500,000 budget
    assert re.search(r'id="passages-cut">Cut: 10 more\s+passages after these \(60 in all', page)
    assert '<a href="/table/passages?doc=big.txt">browse them all</a>' in page


def test_a_download_past_its_cap_stops_and_says_so(client, monkeypatch):
    monkeypatch.setattr(serve.app, "DOWNLOAD_BYTES", 120)
    r = client.get("/search.csv?doc=c.txt&kind=event")
    lines = r.text.splitlines()
    # header (137 bytes with the rest) then the rows that fit in 120 bytes of rows
    rows = list(csv.reader(io.StringIO(r.text)))
    kept = [row for row in rows[1:] if not row[0].startswith("[cut")]
    assert 0 < len(kept) < 13
    assert rows[-1] == [f"[cut: {13 - len(kept)} of 13 rows left out: the download stops at 120 bytes]"]
    assert r.headers["x-planscope-cut"] == f"{13 - len(kept)} of 13 rows left out: the download stops at 120 bytes"
    assert sum(len(line.encode()) + 2 for line in lines[1:1 + len(kept)]) <= 120
