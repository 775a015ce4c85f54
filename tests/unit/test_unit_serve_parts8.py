"""serve's pieces that the seventh session's mutation run (issue 29, digit 6, at 46e6588) left unheld: a JSON
download's size counted in the letters it keeps (not in \\u escapes), the CSV download's type, a search hit
inside a word marked from the word's start, the `clip` filter of the templates, BM25's length norm over rows of
no length, a refused query on the HTML page, a page served from the page cache with its type. Expected values by
hand from the input (byte counts written out below)."""
from __future__ import annotations

import numpy as np
import pytest
from starlette.testclient import TestClient

from serve import queries
from serve.app import LABEL_CHARS, create_app, highlight, make_templates, table_response
from serve.search_index import bm25_norm
from tests.unit.test_unit_serve_routes import client, db  # noqa: F401  (fixtures: the warehouse, an app)

pytestmark = pytest.mark.unit


def test_a_json_downloads_cap_counts_the_letters_as_utf8():
    # '{"city": "Kraków"}' is 18 characters, 19 bytes in UTF-8 ("ó" is two), and 2 more for the row's separator
    kept = table_response(["city"], [("Kraków",)], "json", "t", cap=21)
    assert "x-planscope-cut" not in kept.headers
    assert kept.body.decode("utf-8") == '[\n {\n  "city": "Kraków"\n }\n]'
    cut = table_response(["city"], [("Kraków",)], "json", "t", cap=20)
    assert cut.headers["x-planscope-cut"] == "1 of 1 rows left out: the download stops at 20 bytes"


def test_a_csv_download_says_it_is_csv():
    response = table_response(["a"], [(1,)], "csv", "t")
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.body == b"a\r\n1\r\n"


def test_a_hit_inside_a_word_marks_the_whole_word():
    assert str(highlight("the planning group", ["ning"])) == "the <mark>planning</mark> group"
    assert str(highlight("plan, replanning", ["plan"])) == "<mark>plan</mark>, <mark>replanning</mark>"


def test_the_clip_filter_cuts_a_label():
    clip = make_templates().filters["clip"]
    assert str(clip("abcdef", 4)) == 'abcd<span class="cut"> … [cut: 6 characters, the first 4 shown]</span>'
    assert str(clip("a" * LABEL_CHARS)) == "a" * LABEL_CHARS


def test_bm25_norm_when_no_row_has_length():
    k1, b = queries.BM25_K1, queries.BM25_B
    assert bm25_norm(np.array([0.0, 0.0]), 0.0).tolist() == pytest.approx([k1 * (1 - b), k1 * (1 - b)])


def test_a_refused_query_on_the_html_page_is_a_400_with_its_reason(client):  # noqa: F811
    response = client.get("/sql", params={"q": "DROP TABLE documents"})
    assert response.status_code == 400
    assert "not DROP" in response.text


def test_the_csv_of_a_query_is_csv(client):  # noqa: F811
    response = client.get("/sql.csv", params={"q": "SELECT 1 AS n"})
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.text.splitlines() == ["n", "1"]


def test_a_page_from_the_cache_keeps_its_type(db):  # noqa: F811
    with TestClient(create_app(db, idle_seconds=0, page_cache_mb=1), base_url="http://127.0.0.1") as c:
        first, again = c.get("/checks"), c.get("/checks")
    assert first.status_code == again.status_code == 200
    assert again.headers["content-type"] == first.headers["content-type"] == "text/html; charset=utf-8"
    assert again.text == first.text
