"""`planscope serve`: plain HTTP (Starlette's TestClient) for content, escaping and SQL safety,
and headless Chromium (Debian's package, driven over the DevTools protocol) for the clicks a
person makes: search, a theme facet, a year, a record, its document."""
from __future__ import annotations

import base64
import io
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest
from starlette.testclient import TestClient

from serve.app import create_app
from serve.db import Warehouse
from serve.sql import QueryRefused, SqlPool, run_query
from tests.conftest import CORPUS, ROOT, run_cli

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'

# Written for this test: a small report whose text carries markup that must never run.
XSS_REPORT = f"""Annual report of the Example Network on children at risk, July 2015 - June 2016

This year the network met twice; one guest titled her talk {SCRIPT} to test the web site.

Meetings and events:

12 March, Riga: Workshop on {IMG} markup in reports, with police trainers.

20 May, Tallinn: Seminar on child trafficking with {SCRIPT} printed on the agenda.

3 June, Vilnius: Meeting of the national coordinators on alternative care.
"""

REPORT = "004_2ce97f0e434d4dce.docx"
PLAN_2008 = "000_e3e456b1fc67bad2.docx"
PLAN_2004 = "001_856aa1f959aca59f.docx"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A warehouse with the three .docx seeds, the markup report and one check run; then read-only."""
    tmp = tmp_path_factory.mktemp("serve")
    xss = tmp / "markup_report.txt"
    xss.write_text(XSS_REPORT, encoding="utf-8")
    db = tmp / "serve.duckdb"
    run_cli("ingest", *[str(p) for p in sorted(CORPUS.glob("*.docx"))], str(xss), "--workers", "2", db=db, check=True)
    html_out = tmp / "check.html"
    run_cli("check", str(CORPUS / REPORT), "--against", str(CORPUS / PLAN_2008), "--format", "html",
            "--out", str(html_out), db=db, check=True)
    # Expectations are read from a copy: DuckDB refuses a second in-process connection to the file
    # the app holds with its sandbox settings.
    shutil.copy(db, tmp / "expect.duckdb")
    return {"db": db, "expect": tmp / "expect.duckdb", "check_html": html_out.read_text(encoding="utf-8"), "xss": xss}


@pytest.fixture(scope="module")
def client(site):
    app = create_app(site["db"], idle_seconds=0)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def sql_one(db: Path, query: str, params=None):
    """Expectations computed by hand-written SQL on a separate connection (not the app's code)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query, params or []).fetchall()
    finally:
        con.close()


def records_json(client, **params) -> list[dict]:
    r = client.get("/search.json", params=params)
    assert r.status_code == 200
    return r.json()


# -- search, facets, exports ------------------------------------------------------------------

def test_search_ranks_highlights_and_counts(client, site):
    r = client.get("/search", params={"q": "trafficking"})
    assert r.status_code == 200
    expected = sql_one(site["expect"], "SELECT count(*) FROM record_facts WHERE lower(text) LIKE '%trafficking%'")[0][0]
    assert expected > 10
    assert re.search(rf'id="count"><strong>{expected}</strong> records for “trafficking”', r.text)
    assert "<mark>trafficking</mark>" in r.text
    rows = records_json(client, q="trafficking")
    assert len(rows) == expected
    assert all("trafficking" in row["text"].lower() for row in rows)
    # ranked: scores never increase down the list; the densest short text comes first
    scores = [row["score"] for row in rows]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


def test_all_terms_must_match(client):
    rows = records_json(client, q="trafficking Vienna")  # Vienna: the event's place
    assert rows and all("trafficking" in r["text"].lower() and r["location"] == "Vienna" for r in rows)
    assert not records_json(client, q="trafficking Vienna Reykjavik")


def test_theme_and_year_filters_live_in_the_url(client, site):
    rows = records_json(client, q="trafficking", theme="migration", year_from="2009", year_to="2009")
    expected = sql_one(site["expect"], """
        SELECT count(*) FROM record_facts r WHERE lower(r.text) LIKE '%trafficking%' AND year(r.start_date) = 2009
        AND EXISTS (SELECT 1 FROM record_themes t WHERE t.record_id = r.record_id AND t.theme = 'migration')""")[0][0]
    assert expected > 0 and len(rows) == expected
    assert all("migration" in r["themes"] and r["start"].startswith("2009") for r in rows)
    page = client.get("/search", params={"q": "trafficking", "theme": "migration"}).text
    # the year facet links keep the query and the theme
    assert re.search(r'href="/search\?q=trafficking&amp;theme=migration&amp;year_from=2009&amp;year_to=2009"', page)


def test_actor_filter_finds_every_name_of_a_body(client):
    rows = records_json(client, actor="cbss_children_at_risk_group")
    names = {a for r in rows for a in r["actors"]}
    assert {"WGCC", "Expert Group on Children at Risk"} <= names


def test_kind_genre_country_location_document_filters(client):
    events = records_json(client, kind="event", location="Stockholm")
    assert events and all(r["kind"] == "event" and r["location"] == "Stockholm" for r in events)
    plan = records_json(client, genre="table_plan")
    assert plan and {r["doc"] for r in plan} == {PLAN_2008}
    se = records_json(client, country="SE")
    assert se and all("SE" in r["countries"] for r in se)
    one_doc = records_json(client, doc=PLAN_2004)
    assert one_doc and {r["doc"] for r in one_doc} == {PLAN_2004}


def test_pagination_and_csv_export(client):
    all_rows = records_json(client)
    first = client.get("/search").text
    second = client.get("/search", params={"page": 2}).text
    ids = lambda html: re.findall(r'href="/record/(\w+)"', html)  # noqa: E731
    assert len(ids(first)) == 25 and len(ids(second)) == 25 and not set(ids(first)) & set(ids(second))
    assert 'rel="next"' in first
    csv_text = client.get("/search.csv").text
    assert csv_text.splitlines()[0].startswith("record_id,doc,kind,start,end")
    assert len(csv_text.strip().splitlines()) == len(all_rows) + sum(r["text"].count("\n") for r in all_rows) + 1


def test_passage_search(client):
    r = client.get("/search", params={"q": "Barnahus", "what": "passages"})
    assert r.status_code == 200 and "<mark>Barnahus</mark>" in r.text
    rows = client.get("/search.json", params={"q": "Barnahus", "what": "passages"}).json()
    assert rows and all("barnahus" in p["text"].lower() for p in rows) and {p["doc"] for p in rows} == {REPORT}


def test_timeline_bars_link_to_the_filtered_list(client, site):
    r = client.get("/timeline")
    assert r.status_code == 200 and "<svg" in r.text
    bars = re.findall(r'<a href="([^"]+)" class="bar" data-year="(\d+)" data-theme="(\w+)"><rect[^>]*><title>[^<]*: (\d+)</title>',
                      r.text)
    assert bars
    link, year, theme, n = next(b for b in bars if b[2] == "trafficking" and b[1] == "2016")
    expected = sql_one(site["expect"], """SELECT count(*) FROM record_facts r JOIN record_themes t USING (record_id)
                                      WHERE t.theme = 'trafficking' AND year(r.start_date) = 2016""")[0][0]
    assert int(n) == expected
    listed = client.get(link.replace("&amp;", "&")).text
    assert f"<strong>{expected}</strong> records" in listed


# -- pages ------------------------------------------------------------------------------------

def test_record_page_shows_provenance_and_reasons(client, site):
    (rid,) = sql_one(site["expect"], "SELECT record_id FROM record_facts WHERE doc = ? AND row_no = 1", [PLAN_2008])[0]
    page = client.get(f"/record/{rid}").text
    assert "Revise and develop the priority paper" in page
    assert "table 0, row 1" in page
    assert "read from “April 2009” as month" in page
    assert "responsible cell names" in page and "legend A:" in page
    assert f'href="/doc/{PLAN_2008}"' in page


def test_record_page_quotes_the_passage_in_context(client, site):
    (rid, block) = sql_one(site["expect"], "SELECT record_id, block_no FROM record_facts WHERE doc = ? AND text LIKE 'Seminar on child%'",
                           [site["xss"].name])[0]
    page = client.get(f"/record/{rid}").text
    own = re.search(r'<p class="this[^"]*">(.*?)</p>', page, re.S).group(1)
    assert "20 May, Tallinn" in own  # the whole passage the event was read from
    assert "12 March, Riga" in page and "3 June, Vilnius" in page  # its neighbours


def test_document_page_lists_records_and_passages_in_reading_order(client, site):
    page = client.get(f"/doc/{PLAN_2008}").text
    assert "Activity Plan" in page and "2008-07-01" in page
    rows = [int(m) for m in re.findall(r'<span class="ref">row (\d+)</span>', page)]
    assert rows and rows == sorted(rows)
    assert client.get("/doc/no-such-file.docx").status_code == 404


def test_actor_page_shows_names_over_time(client):
    page = client.get("/actor/cbss_children_at_risk_group").text
    names = re.findall(r"<tr><td>([^<]+)</td><td>[^<]*</td><td>(\d{4})", page)
    assert [n for n, _ in names][:1] == ["WGCC"]
    assert "Expert Group on Children at Risk" in [n for n, _ in names]
    assert "<svg" in page


def test_check_page_is_the_check_html_report(client, site):
    runs = client.get("/checks").text
    check_id = re.search(r'href="/check/(\w+)"', runs).group(1)
    served = client.get(f"/check/{check_id}").text
    cli = site["check_html"]
    status_of = lambda html: sorted(re.findall(r'<tr class="([\w-]+)">', html))  # noqa: E731
    assert status_of(served) and status_of(served) == status_of(cli)
    assert served.count("<blockquote>") == cli.count("<blockquote>")
    assert client.get(f"/check/{check_id}.json").json()[0]["status"] in ("evidenced", "partly evidenced", "no evidence", "overdue")


def test_source_file_only_if_ingested(client, site):
    (sha,) = sql_one(site["expect"], "SELECT doc_sha256 FROM documents WHERE name = ?", [site["xss"].name])[0]
    r = client.get(f"/source/{sha}")
    assert r.status_code == 200 and r.content == site["xss"].read_bytes()
    assert client.get("/source/" + "0" * 64).status_code == 404
    assert client.get("/source/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert client.get("/source/%2Fetc%2Fpasswd").status_code == 404


# -- escaping ---------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/search?q=agenda", "/search?q=guest&what=passages", "/doc/markup_report.txt",
                                 "/search?q=%3Cscript%3Ealert(1)%3C/script%3E"])
def test_markup_in_documents_and_queries_is_shown_as_text(client, url):
    page = client.get(url).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page and "<img src=x" not in page and "<script" not in page.lower()


def test_markup_in_a_record_page_is_escaped(client, site):
    (rid,) = sql_one(site["expect"], "SELECT record_id FROM record_facts WHERE text LIKE 'Workshop on%'")[0]
    page = client.get(f"/record/{rid}").text
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<img" not in page


# -- SQL page ---------------------------------------------------------------------------------

def test_sql_page_runs_a_select(client):
    r = client.get("/sql", params={"q": "SELECT kind, count(*) AS n FROM records GROUP BY kind ORDER BY kind"})
    assert r.status_code == 200 and '<table class="grid" id="sql-result">' in r.text
    assert client.get("/sql.json", params={"q": "SELECT 6 * 7 AS answer"}).json() == [{"answer": 42}]
    assert client.get("/sql.csv", params={"q": "SELECT 6 * 7 AS answer"}).text.splitlines() == ["answer", "42"]


@pytest.mark.parametrize("query", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_csv_auto('/etc/passwd')",
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM read_json('/etc/passwd')",
    "SELECT * FROM read_parquet('/tmp/x.parquet')",
    "SELECT * FROM glob('/etc/*')",
    "SELECT * FROM '/etc/passwd'",
    "ATTACH '/tmp/other.duckdb' AS other",
    "COPY record_facts TO '/tmp/out.csv'",
    "COPY (SELECT 1) TO '/tmp/out.csv'",
    "INSTALL fts",
    "LOAD fts",
    "SET enable_external_access = true",
    "PRAGMA database_list",
    "CREATE TABLE t AS SELECT 1",
    "CREATE TEMP TABLE t AS SELECT 1",
    "INSERT INTO documents SELECT * FROM documents",
    "DELETE FROM record_facts",
    "DROP VIEW records",
    "UPDATE record_facts SET text = ''",
    "SELECT 1; DELETE FROM record_facts",
    "EXPORT DATABASE '/tmp/exported'",
    "CALL pragma_database_list()",
])
def test_sql_page_refuses_writes_files_and_extensions(client, site, query):
    before = sql_one(site["expect"], "SELECT count(*) FROM record_facts")[0][0]
    r = client.get("/sql", params={"q": query})
    assert r.status_code == 400 and 'id="sql-error">Refused:' in r.text
    assert "root:" not in r.text
    assert client.get("/sql.csv", params={"q": query}).status_code == 400
    assert sql_one(site["expect"], "SELECT count(*) FROM record_facts")[0][0] == before


def test_sql_row_limit_and_time_limit(site):
    wh, pool = Warehouse(site["db"], idle_seconds=0), SqlPool(site["db"], idle_seconds=0)
    try:
        with wh.cursor() as cur:
            result = run_query(pool, cur, "SELECT * FROM range(5000)", row_limit=100)
            assert result.names == ["range"] and len(result.rows) == 100 and result.truncated
        with wh.cursor() as cur:
            with pytest.raises(QueryRefused, match="time limit of 0.5 s"):
                run_query(pool, cur, "SELECT count(*) FROM range(100000000) a, range(100000000) b WHERE a.range + b.range = -1",
                          seconds=0.5)
    finally:
        wh.close()
        pool.close()


# -- headless Chromium ------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium; .ci/run does)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited {proc.returncode}: {proc.stderr.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"nothing listening on {port} after {seconds} s")


@pytest.fixture(scope="module")
def server(site):
    """`planscope serve` itself, on a free port of 127.0.0.1."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "planscope_cli", "--db", str(site["db"]), "serve", "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    try:
        wait_for_port(port, proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class Browser:
    """Just enough of the Chrome DevTools protocol: navigate, evaluate, click, screenshot."""

    def __init__(self, profile: Path):
        from websockets.sync.client import connect

        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
             f"--user-data-dir={profile}", "--remote-debugging-port=0", "--window-size=1280,900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline:
                raise AssertionError("chromium did not open its DevTools port")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = next(t for t in targets if t["type"] == "page")
        self.ws = connect(page["webSocketDebuggerUrl"], max_size=None, legacy=True)  # no context manager: a fixture owns it
        self.next_id = 0
        self.events: list[dict] = []
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv(timeout=30))
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise AssertionError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def js(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_loaded(self, previous_url: str | None = None, seconds: float = 20) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            url, state = self.js("[location.href, document.readyState]")
            if state == "complete" and url != previous_url:
                return url
            time.sleep(0.05)
        raise AssertionError(f"page did not load (still {previous_url})")

    def goto(self, url: str) -> str:
        self.call("Page.navigate", url=url)
        return self.wait_loaded(previous_url="about:blank" if url != "about:blank" else None)

    def click(self, selector: str) -> str:
        before = self.js("location.href")
        # a real mouse click at the element's centre, as a person makes it
        box = self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); if (!e) return null;"
                      " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                      " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        assert box, f"nothing matches {selector} on {before}"
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)
        return self.wait_loaded(previous_url=before)

    def screenshot(self, path: Path):
        from PIL import Image

        data = base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])
        path.write_bytes(data)
        return Image.open(io.BytesIO(data)).convert("RGB")

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium; .ci/run does)")
    b = Browser(tmp_path_factory.mktemp("chromium-profile"))
    yield b
    b.close()


def colour_share(image, rgb: tuple[int, int, int], tolerance: int = 12) -> float:
    small = image.resize((image.width // 4, image.height // 4))
    raw = small.tobytes()  # RGB triples
    pixels = [tuple(raw[i:i + 3]) for i in range(0, len(raw), 3)]
    near = sum(1 for p in pixels if all(abs(a - b) <= tolerance for a, b in zip(p, rgb)))
    return near / len(pixels)


@needs_chromium
def test_browse_search_facet_year_record_document(browser, server, tmp_path):
    browser.goto(server + "/")
    browser.js("document.querySelector('#q').focus()")
    browser.call("Input.insertText", text="trafficking")
    url = browser.click("#search-button")
    assert url.endswith("/search?q=trafficking")
    count_text = browser.js("document.querySelector('#count').innerText")
    assert re.match(r"\d+ records for “trafficking”", count_text)
    shot = browser.screenshot(tmp_path / "search.png")
    assert shot.size == (1280, 900)
    assert colour_share(shot, (0xFF, 0xE0, 0x66)) > 0.0004 # the yellow <mark>s of the matches are visible
    assert colour_share(shot, (0x1D, 0x35, 0x57)) > 0.02  # and the header bar

    url = browser.click('a[data-facet="theme"][data-value="migration"]')
    assert "theme=migration" in url and "q=trafficking" in url
    url = browser.click('a[data-facet="year"][data-value="2009"]')
    assert "year_from=2009" in url and "year_to=2009" in url and "theme=migration" in url
    dates = browser.js("[...document.querySelectorAll('li.record .dates')].map(e => e.innerText)")
    assert dates and all(d.startswith("2009") for d in dates)
    themes = browser.js("[...document.querySelectorAll('li.record')].map(li => li.querySelector('.tags').innerText)")
    assert all("migration" in t for t in themes)

    first_text = browser.js("document.querySelector('a.recordlink').innerText")
    url = browser.click("a.recordlink")
    assert "/record/" in url
    assert browser.js("document.querySelector('#record-text').innerText") == first_text
    assert "Why each field is there" in browser.js("document.body.innerText")
    browser.js("document.querySelector('table.why').scrollIntoView()")
    record_shot = browser.screenshot(tmp_path / "record.png")
    assert colour_share(record_shot, (0xFF, 0xF3, 0xCD)) > 0.0005  # theme tags drawn

    url = browser.click("#doc-link")
    assert "/doc/" in url
    assert browser.js("document.querySelector('#doc-title').innerText").startswith("Activity Plan")
    assert first_text in browser.js("document.body.innerText")


@needs_chromium
def test_markup_never_runs_in_the_browser(browser, server):
    browser.events.clear()
    browser.goto(server + "/doc/markup_report.txt")
    assert browser.js("document.querySelectorAll('main script, main img').length") == 0
    body = browser.js("document.body.innerText")
    assert SCRIPT in body and IMG in body
    browser.goto(server + "/search?q=alert")
    assert browser.js("document.querySelectorAll('script, img').length") == 0
    assert SCRIPT in browser.js("document.querySelector('ol.records').innerText")
    assert not [e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"]


@needs_chromium
def test_timeline_bar_opens_the_filtered_list(browser, server):
    browser.goto(server + "/timeline")
    n = browser.js("document.querySelectorAll('svg.timeline a.bar').length")
    assert n > 5
    url = browser.click('svg.timeline a.bar[data-year="2016"][data-theme="trafficking"]')
    assert "theme=trafficking" in url and "year_from=2016" in url
    assert re.match(r"\d+ records", browser.js("document.querySelector('#count').innerText"))


def test_idle_connection_is_released_so_ingest_can_write(tmp_path):
    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).execute("CREATE TABLE t AS SELECT 1 AS a").close()
    wh = Warehouse(db, idle_seconds=0.2)
    with wh.cursor() as cur:
        assert cur.execute("SELECT a FROM t").fetchone() == (1,)
    deadline = time.monotonic() + 5
    while wh._con is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    writer = duckdb.connect(str(db))  # refused while the read-only, sandboxed instance is open
    writer.execute("INSERT INTO t VALUES (2)")
    writer.close()
    with wh.cursor() as cur:
        assert cur.execute("SELECT count(*) FROM t").fetchone() == (2,)
    wh.close()
