"""Every page of one app built in the test itself (serve/app.py create_app). The page tests share a
module-wide client, and mutmut maps create_app to the first test that builds it only: this test
builds its own, so each of the app's routes is checked whenever create_app changes. The warehouse
is test_unit_serve_queries.py's; the words expected are its rows."""
from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from serve.app import create_app
from tests.unit.test_unit_serve_queries import build_warehouse

pytestmark = pytest.mark.unit


def test_every_page_of_a_fresh_app(tmp_path):
    build_warehouse(tmp_path / "w.duckdb").close()
    with TestClient(create_app(tmp_path / "w.duckdb", idle_seconds=0), base_url="http://127.0.0.1") as client:
        def ok(path):
            response = client.get(path)
            assert response.status_code == 200, (path, response.text[:300])
            return response.text

        records = ok("/search?q=trafficking")
        assert "for police in Riga." in records and "was held in Vilnius." in records  # the word itself is marked
        assert "The guide was published." not in records
        assert "<mark>Trafficking</mark> fell." in ok("/search?q=trafficking&what=passages")
        timeline = ok("/timeline")
        assert "<svg" in timeline and "year_from=2010" in timeline and "year_to=2010" in timeline
        assert "theme=trafficking" in timeline
        assert "Trafficking fell." in ok("/record/r1")  # the passages around its block
        assert "Training on child trafficking for police in Riga." in ok("/record/p1")  # its table row
        report = ok("/doc/report_2010.txt")
        assert "The guide was published." in report and "Trafficking fell." in report
        docs = ok("/docs")
        assert "plan_2009.docx" in docs and "report_2010.txt" in docs
        actor = ok("/actor/lt_moi")
        assert "Interior Ministry" in actor and "<svg" in actor and "year_from=2009" in actor and "year_to=2009" in actor
        for path, words in (("/record/nothing", "no record &#39;nothing&#39;"),
                            ("/doc/nothing.txt", "no document &#39;nothing.txt&#39;"),
                            ("/actor/nobody", "no actor &#39;nobody&#39;")):
            response = client.get(path)
            assert (response.status_code, words in response.text) == (404, True), path
