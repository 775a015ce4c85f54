"""`planscope serve`: the renditions of one document (the same plan as .docx and .txt) are listed
once, with their formats, and their records once (issue 23, 4). One warehouse is ingested from
real files (a seed plan as .docx and as .txt, and another plan as .docx only); another is
written by hand without the content_key column's values, as an older planscope left it."""
from __future__ import annotations

import re
import shutil

import duckdb
import pytest
from starlette.testclient import TestClient

from schemas.tables import RECORDS_VIEW, TABLES, ddl
from serve.app import create_app
from tests.conftest import CORPUS, run_cli
from tests.test_serve_hardening import document, passage, record

PLAN = "000_e3e456b1fc67bad2"
OTHER = "001_856aa1f959aca59f"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("renditions")
    db = tmp / "renditions.duckdb"
    run_cli("ingest", str(CORPUS / f"{PLAN}.docx"), str(CORPUS / f"{PLAN}.txt"), str(CORPUS / f"{OTHER}.docx"),
            "--workers", "2", db=db, check=True)
    shutil.copy(db, tmp / "expect.duckdb")  # expectations from a connection of their own
    con = duckdb.connect(str(tmp / "expect.duckdb"), read_only=True)
    facts = {"keys": dict(con.execute("SELECT name, content_key FROM documents").fetchall()),
             "records": dict(con.execute("SELECT doc, count(*) FROM record_facts GROUP BY doc").fetchall())}
    con.close()
    with TestClient(create_app(db, idle_seconds=0), base_url="http://127.0.0.1") as c:
        yield c, facts


def test_ingest_gives_renditions_one_key(ingested):
    _, facts = ingested
    keys = facts["keys"]
    assert keys[f"{PLAN}.docx"] == keys[f"{PLAN}.txt"] and re.fullmatch(r"[0-9a-f]{32}", keys[f"{PLAN}.docx"])
    assert keys[f"{OTHER}.docx"] != keys[f"{PLAN}.docx"]


def test_documents_list_a_document_once_with_its_formats(ingested):
    client, _ = ingested
    page = client.get("/docs").text
    assert '<p class="meta" id="docs-count">2 documents in 3 files:' in page
    assert len(re.findall(rf'<td><a href="/doc/{PLAN}\.(?:docx|txt)">', page)) == 1
    assert (f'<td class="formats"><a href="/doc/{PLAN}.docx">docx</a>, <a href="/doc/{PLAN}.txt">txt</a></td>') in page
    assert f'<td class="formats">docx</td>' in page  # the other plan, one format


def test_records_are_listed_once_per_document(ingested):
    client, facts = ingested
    rows = client.get("/search.json").json()
    assert {r["doc"] for r in rows} == {f"{PLAN}.docx", f"{OTHER}.docx"}
    assert len(rows) == facts["records"][f"{PLAN}.docx"] + facts["records"][f"{OTHER}.docx"]
    page = client.get("/search").text
    assert int(re.search(r'id="count"><strong>(\d+)</strong>', page).group(1)) == len(rows)
    assert f">{PLAN}.txt<" not in page
    dated = client.get("/search", params={"year_from": "2008"}).text  # the plan of 2008-09 (the other is of 2004-05)
    assert re.search(rf'>{PLAN}\.docx</a>\s*<span class="formats" title="the same document in several formats is listed '
                     r'once[^"]*">also as txt</span>', dated)
    # the document facet names the listed rendition only
    assert f'data-value="{PLAN}.txt"' not in page and f'data-value="{PLAN}.docx"' in page


def test_a_renditions_page_names_the_others_and_says_how(ingested):
    client, facts = ingested
    page = client.get(f"/doc/{PLAN}.txt").text
    assert re.search(rf'<td id="renditions"><a href="/doc/{PLAN}.docx">docx</a>, <strong>txt</strong>\s*— the same document, '
                     rf'listed in searches under <a href="/doc/{PLAN}.docx">{PLAN}.docx</a>\.', page)
    assert "lower-cased and kept to letters and digits, is the same" in page
    # searching within the .txt itself (the page's link) finds its own records
    rows = client.get("/search.json", params={"doc": f"{PLAN}.txt"}).json()
    assert len(rows) == facts["records"][f"{PLAN}.txt"] and {r["doc"] for r in rows} == {f"{PLAN}.txt"}


@pytest.fixture(scope="module")
def by_hand(tmp_path_factory):
    """Documents written without content_key (NULL), as a warehouse from before the column."""
    tmp = tmp_path_factory.mktemp("renditions_by_hand")
    db = tmp / "old.duckdb"
    con = duckdb.connect(str(db))
    for name, model in TABLES.items():
        con.execute(ddl(name, model))
    con.execute(RECORDS_VIEW)
    texts = {
        ("x.docx", "docx", "1"): ["Annual Plan 2010", "1. Train police-officers."],
        ("x.pdf", "pdf", "2"): ["ANNUAL PLAN", "2010 1. Train police", "officers."],  # other cuts, case, punctuation
        ("y.txt", "txt", "3"): ["Annual Plan 2011", "1. Train police-officers."],  # one digit differs
        ("e1.txt", "txt", "4"): [], ("e2.txt", "txt", "5"): [],  # no text at all: not one document
    }
    for (name, fmt, digit), blocks in texts.items():
        document(con, name, "table_plan", digit * 64, str(tmp / name), 1, fmt=fmt)
        for i, text in enumerate(blocks):
            passage(con, name, digit * 64, i, "paragraph", text)
        record(con, f"rec_{name}", name, digit * 64, "activity", f"Train police ({name})", len(blocks) - 1)
    con.close()
    with TestClient(create_app(db, idle_seconds=0), base_url="http://127.0.0.1") as c:
        yield c


def test_renditions_of_an_older_warehouse_are_found_from_their_passages(by_hand):
    page = by_hand.get("/docs").text
    assert '4 documents in 5 files' in page
    assert '<td class="formats"><a href="/doc/x.docx">docx</a>, <a href="/doc/x.pdf">pdf</a></td>' in page
    names = re.findall(r'<tr><td><a href="/doc/([^"]+)">', page)
    assert names == ["e1.txt", "e2.txt", "x.docx", "y.txt"]
    assert {r["record_id"] for r in by_hand.get("/search.json").json()} == {
        "rec_x.docx", "rec_y.txt", "rec_e1.txt", "rec_e2.txt"}
