"""`planscope serve`: searches answered from the in-memory index of a warehouse version
(serve/search_index.py) mean what the SQL of serve/queries.py means, and the index follows the
warehouse when an ingest writes.

The hand-written warehouse of test_serve_facets.py has known counts (asserted there through the
pages); here every search of a list is run both ways, index and SQL, on it and on the ingested
corpus, and must give the same records in the same order, the same scores, totals, facet counts
and timeline."""
from __future__ import annotations

import re
import shutil

import duckdb
import pytest
from starlette.datastructures import QueryParams
from starlette.testclient import TestClient

from serve import queries, renditions
from serve.app import create_app
from serve.search_index import PassageIndex, RecordIndex
from tests.test_serve_facets import A, warehouse  # noqa: F401 - the fixture
from tests.test_serve_hardening import record

SEARCHES = ["", "q=trafficking", "q=traffick+migration", "kind=event&kind=activity", "theme=trafficking",
            "theme=trafficking&theme=migration&kind=activity", "q=visit&more=location", "doc=c.txt&more=location",
            "year_from=2011", "year_from=2011&year_to=2011&kind=activity", "q=seminar", "q=town+01",
            "q=children", "q=meeting+women", "q=the&page=2", "genre=report&q=plan", "country=SE&country=LT",
            "q=anti-trafficking", "q=it's", "q=xyzzy"]


def facets(result: dict) -> dict:
    # an actor's label is its name in its latest record; when none of its records has a date, SQL's
    # arg_max gives NULL (shown as nothing) and the index its name: labels are compared where both have one
    return {name: ([(i["value"], i["n"]) for i in f["values"]], f["all"], f["cut"], f.get("expanded"))
            for name, f in result["facets"].items()}


def both_ways(db, searches=SEARCHES):
    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.cursor()
        hidden = renditions.find(cur).hidden
        index = RecordIndex(cur)
        for url in searches:
            f = queries.Filters.from_params(QueryParams(url))
            yield url, cur, index, f, hidden
    finally:
        con.close()


def rows_as_text(rows) -> list[str]:
    """Rows in a comparable form, sorted (the SQL gives a score of no term as a decimal 0.0)."""
    return sorted(repr((row[:-1], float(row[-1]))) for row in rows)


def assert_same(db):
    searched = 0
    for url, cur, index, f, hidden in both_ways(db):
        got, want = queries.search_records(cur, index, f, hidden), queries.search_records_sql(cur, f, hidden)
        assert got["total"] == want["total"], url
        assert [r["record_id"] for r in got["rows"]] == [r["record_id"] for r in want["rows"]], url
        assert [r["score"] for r in got["rows"]] == pytest.approx([float(r["score"]) for r in want["rows"]]), url
        assert [(r["themes"], r["actors"], r["text"]) for r in got["rows"]] == \
               [(r["themes"], r["actors"], r["text"]) for r in want["rows"]], url
        assert facets(got) == facets(want), url
        labels = [(i["label"], j["label"]) for i, j in zip(got["facets"].get("actor", {"values": []})["values"],
                                                            want["facets"].get("actor", {"values": []})["values"])]
        assert all(a == b for a, b in labels if b is not None), url
        assert queries.timeline(index, f, hidden) == queries.timeline_sql(cur, f, hidden), url
        names, rows = queries.export_records(cur, index, f, hidden)
        want_names, want_rows = queries.export_records_sql(cur, f, hidden)
        # the same rows; in the order of the search's pages (the SQL sorted its download by the
        # score rounded to 4 places, so that records of nearly equal scores could swap)
        assert names == want_names and rows_as_text(rows) == rows_as_text(want_rows), url
        first = queries.search_records(cur, index, queries.Filters.from_params(QueryParams(url + "&page=1")), hidden)
        assert [r[0] for r in rows[:queries.PAGE_SIZE]] == [r["record_id"] for r in first["rows"]], url
        searched += want["total"] > 0
    return searched


def test_the_index_answers_as_the_sql_on_a_hand_written_warehouse(warehouse):  # noqa: F811
    assert assert_same(warehouse) >= 10


def test_the_index_answers_as_the_sql_on_the_ingested_corpus(corpus_db):
    assert assert_same(corpus_db) >= 8


def test_a_term_inside_a_word_and_across_its_punctuation(warehouse):  # noqa: F811
    """Terms match inside words ("raffic" in "trafficking") and a term with a hyphen or an
    apostrophe matches as written; counts written by hand from the fixture's texts."""
    for url, cur, index, f, hidden in both_ways(warehouse, ["q=raffic", "q=ining", "q=number+13"]):
        got = queries.search_records(cur, index, f, hidden)
        want = {"q=raffic": {"r1", "r2"}, "q=ining": {"r2"},  # "Training"
                "q=number+13": {"town13"}}[url]
        assert {r["record_id"] for r in got["rows"]} == want, url


def count(page: str) -> int:
    return int(re.search(r'id="count"><strong>(\d+)</strong>', page).group(1))


def test_the_index_is_built_again_when_the_warehouse_changes(warehouse, tmp_path):  # noqa: F811
    db = tmp_path / "changing.duckdb"
    shutil.copy(warehouse, db)
    app = create_app(db, idle_seconds=0, page_cache_mb=0)  # no page cache: the index alone answers
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert count(c.get("/search?q=zebra").text) == 0
        assert count(c.get("/search?q=trafficking").text) == 2
        assert app.state.search_index.builds == 1  # built once, for both searches
        app.state.warehouse.close()  # the server lets go between requests (idle); an ingest writes
        con = duckdb.connect(str(db))
        record(con, "zebra1", "a.txt", A, "event", "Zebra crossing, trafficking safety day", 5)
        con.close()
        page = c.get("/search?q=zebra").text
        assert count(page) == 1 and "<mark>Zebra</mark> crossing" in page
        assert count(c.get("/search?q=trafficking").text) == 3
        assert app.state.search_index.builds == 2


PASSAGE_SEARCHES = ["", "q=trafficking", "q=children+meeting", "genre=report&q=plan", "q=the&page=2", "doc=a.txt",
                    "q=xyzzy", "q=y&more=doc"]


def assert_same_passages(db) -> int:
    con = duckdb.connect(str(db), read_only=True)
    searched = 0
    try:
        cur = con.cursor()
        hidden = renditions.find(cur).hidden
        index = PassageIndex(cur)
        for url in PASSAGE_SEARCHES:
            f = queries.Filters.from_params(QueryParams(url + "&what=passages"))
            got, want = queries.search_passages(cur, index, f, hidden), queries.search_passages_sql(cur, f, hidden)
            # the SQL orders by score, document and block only: cells of one table block tie
            def order(rows):
                return [(r["doc"], r["block_no"], round(float(r["score"]), 9)) for r in rows]
            assert got["total"] == want["total"] and order(got["rows"]) == order(want["rows"]), url
            assert sorted(r["text"] for r in got["rows"]) == sorted(r["text"] for r in want["rows"]), url
            assert facets(got) == facets(want), url
            names, rows = queries.export_passages(cur, index, f, hidden)
            want_names, want_rows = queries.export_passages_sql(cur, f, hidden)
            assert names == want_names and rows_as_text(rows) == rows_as_text(want_rows), url
            searched += want["total"] > 0
    finally:
        con.close()
    return searched


def test_the_passage_index_answers_as_the_sql(warehouse, corpus_db):  # noqa: F811
    assert assert_same_passages(warehouse) >= 2  # its passages are big.txt's 60
    assert assert_same_passages(corpus_db) >= 5


CONTEXT = ("block_no", "kind", "label", "text", "page", "paragraph_no")


def test_a_documents_records_and_passages_from_the_index_as_in_sql(corpus_db):
    """A document's page and a record's context, read from the indexes, are what the SQL reads:
    every document of the corpus, every record's passage in context or table row."""
    con = duckdb.connect(str(corpus_db), read_only=True)
    try:
        cur = con.cursor()
        records, passages = RecordIndex(cur), PassageIndex(cur)
        docs = cur.execute("SELECT doc_sha256 FROM documents ORDER BY name").fetchall()
        assert len(docs) >= 9
        tables_seen = 0
        for (sha,) in docs:
            got, total = records.document_records(sha, 100, 0)
            want = queries.document_records(cur, sha, 100, 0)
            assert got == want and total == cur.execute("SELECT count(*) FROM record_facts WHERE doc_sha256 = ?",
                                                        [sha]).fetchall()[0][0], sha
            for budget in (500_000, 2_000):  # the whole document; its first passages
                shown, in_all = passages.document(sha, budget, 1_000)
                want_shown, want_all = queries.document_passages(cur, sha, budget, 1_000)
                assert [tuple(p[k] for k in CONTEXT) for p in shown] == [tuple(p[k] for k in CONTEXT) for p in want_shown]
                assert in_all == want_all, sha
            for rid, block_no, table_no, row_no in cur.execute(
                    "SELECT record_id, block_no, table_no, row_no FROM record_facts WHERE doc_sha256 = ? ORDER BY record_id",
                    [sha]).fetchall():
                assert queries.record(cur, rid, records) == queries.record(cur, rid), rid
                if table_no is not None:
                    tables_seen += 1
                    got_row, want_row = passages.table_row(sha, table_no, row_no), queries.table_row_around(cur, sha, table_no, row_no)
                    for part in ("before", "header", "row"):
                        keys = ("row_no", "column_no", "column", "text") if part != "before" else ("block_no", "kind", "label", "text")
                        assert [tuple(c[k] for k in keys) for c in got_row[part]] == \
                               [tuple(c[k] for k in keys) for c in want_row[part]], (rid, part)
                elif block_no is not None:
                    assert [tuple(p[k] for k in CONTEXT) for p in passages.around(sha, block_no, 2, 2)] == \
                           [tuple(p[k] for k in CONTEXT) for p in queries.passages_around(cur, sha, block_no)], rid
        assert tables_seen >= 20
    finally:
        con.close()
