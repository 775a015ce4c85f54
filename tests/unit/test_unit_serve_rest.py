"""The parts of serve no page test reaches (issue 29): which rendition is listed, the warehouse
connection let go when idle, what `serve` says before it starts and what it starts with. Values by
hand from the docstrings; the warehouse is written row by row."""
from __future__ import annotations

import time
from datetime import datetime

import pytest

from serve import app as serve_app
from serve import renditions as rd
from serve.db import Warehouse
from tests.unit.warehouse_rows import empty_warehouse, insert

pytestmark = pytest.mark.unit

NOW = datetime(2011, 1, 1)


def doc(sha, name, fmt):
    return {"sha": sha, "name": name, "format": fmt}


@pytest.mark.parametrize("fmt, rank", [("docx", 0), ("odt", 1), ("doc", 2), ("rtf", 3), ("pdf", 4), ("txt", 5),
                                       ("DOCX", 0), ("html", 6), (None, 6), ("", 6)])
def test_the_rank_of_a_format(fmt, rank):
    assert rd._rank(doc("s", "n", fmt)) == (rank, "n", "s")


def test_the_listed_rendition_is_the_one_that_keeps_most_structure():
    members = [doc("c", "plan.txt", "txt"), doc("b", "plan.pdf", "pdf"), doc("a", "plan.docx", "docx"),
               doc("d", "b.pdf", "pdf"), doc("e", "a.pdf", "pdf")]
    assert [m["sha"] for m in sorted(members, key=rd._rank)] == ["a", "e", "d", "b", "c"]


def test_the_other_formats_of_a_document_each_once():
    group = [doc("a", "p.docx", "docx"), doc("b", "p.pdf", "pdf"), doc("c", "p2.pdf", "pdf"), doc("d", "p.txt", "txt")]
    r = rd.Renditions({s: group for s in "abcd"}, ("b", "c", "d"))
    assert r.also_as("a") == "pdf, txt"
    assert r.also_as("b") == "docx, pdf, txt"
    assert r.also_as("d") == "docx, pdf"
    assert r.also_as("z") == ""
    assert r.group("z") == []


def warehouse_file(path, docs):
    con = empty_warehouse(path)
    for sha, name, p, fmt in docs:
        insert(con, "documents", doc_sha256=sha, name=name, path=p, format=fmt, kind="report", blocks=1, records=0,
               quarantined=0, ingested_at=NOW)
    for sha, *_ in docs:
        insert(con, "passages", doc_sha256=sha, doc="x", block_no=0, kind="paragraph", text="Same text.")
    insert(con, "record_facts", record_id="r1", doc_sha256=docs[0][0], doc="x", kind="event", text="A thing.",
           block_no=0, date_granularity="day", date_source="record")
    con.close()
    return path


def test_renditions_found_from_the_passages_when_no_content_key_was_written(tmp_path):
    path = warehouse_file(tmp_path / "w.duckdb", [("T" * 64, "r.txt", "/a/r.txt", "txt"),
                                                  ("D" * 64, "r.docx", "/b/r.docx", "docx"),
                                                  ("P" * 64, "r.pdf", "/b/c/r.pdf", "pdf")])
    wh = Warehouse(path, idle_seconds=0)
    with wh.cursor() as cur:
        found = rd.find(cur)
    wh.close()
    assert found.hidden == ("P" * 64, "T" * 64)
    assert [m["format"] for m in found.group("T" * 64)] == ["docx", "pdf", "txt"]


def test_describe_archive_counts_rows_and_lists_source_folders(tmp_path):
    path = warehouse_file(tmp_path / "w.duckdb", [("T" * 64, "r.txt", "/a/r.txt", "txt"),
                                                  ("D" * 64, "r.docx", "/b/r.docx", "docx"),
                                                  ("P" * 64, "r.pdf", "/b/c/r.pdf", "pdf"),
                                                  ("Q" * 64, "q.pdf", "/a/q.pdf", "pdf")])
    assert serve_app.describe_archive(path) == ({"documents": 4, "records": 1, "passages": 4}, ["/a", "/b", "/b/c"])


def test_an_idle_warehouse_lets_go_of_its_file_and_a_busy_one_keeps_it(tmp_path):
    path = warehouse_file(tmp_path / "w.duckdb", [("T" * 64, "r.txt", "/a/r.txt", "txt")])
    wh = Warehouse(path, idle_seconds=1000)  # the timer never fires in the test: each release is called by hand
    with wh.cursor() as cur:
        cur.execute("SELECT 1")
        wh._release_if_idle()  # in use
        assert wh._con is not None and wh._reaper is not None
    wh._release_if_idle()  # not used, but used less than idle_seconds ago
    assert wh._con is not None and wh._reaper is not None
    wh._last_used = time.monotonic() - 1000  # exactly idle_seconds ago
    wh._release_if_idle()
    assert wh._con is None and wh._reaper is None
    wh._release_if_idle()  # nothing open: nothing to schedule
    assert wh._con is None and wh._reaper is None
    with wh.cursor() as cur:  # opened again on the next request
        assert cur.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    wh.close()
    assert wh._con is None and wh._reaper is None


def test_a_warehouse_without_idle_time_is_never_released_by_a_timer(tmp_path):
    path = warehouse_file(tmp_path / "w.duckdb", [("T" * 64, "r.txt", "/a/r.txt", "txt")])
    wh = Warehouse(path, idle_seconds=0)
    with wh.cursor():
        pass
    assert wh._reaper is None and wh._con is not None
    wh.close()
    with pytest.raises(FileNotFoundError, match="no warehouse at .*: run `planscope ingest` first"):
        Warehouse(tmp_path / "none.duckdb")


def test_the_version_is_the_file_and_its_log(tmp_path):
    path = warehouse_file(tmp_path / "w.duckdb", [("T" * 64, "r.txt", "/a/r.txt", "txt")])
    st = path.stat()
    assert Warehouse(path).version() == ((st.st_mtime_ns, st.st_size), None)
    (tmp_path / "w.duckdb.wal").write_bytes(b"12345")
    assert Warehouse(path).version()[1][1] == 5


class Started(Exception):
    pass


def test_run_warns_before_it_starts_and_starts_what_it_was_given(tmp_path, monkeypatch, capsys):
    import threading

    import uvicorn

    path = warehouse_file(tmp_path / "w.duckdb", [("T" * 64, "r.txt", "/a/r.txt", "txt")])
    seen = {}

    def fake_create_app(db_path, **kw):
        seen["create"] = (db_path, kw)
        return "APP"

    def fake_uvicorn_run(app, **kw):
        seen["uvicorn"] = (app, kw)

    threads = []
    monkeypatch.setattr(serve_app, "create_app", fake_create_app)
    monkeypatch.setattr(uvicorn, "run", fake_uvicorn_run)
    monkeypatch.setattr(threading, "Thread", lambda **kw: threads.append(kw) or type("T", (), {"start": lambda s: None})())
    serve_app.run(str(path), host="10.1.2.3", port=8123, allow_hosts=["Example.org"], sql_seconds=3.0,
                  page_cache_mb=7.0, page_workers=None)
    out, err = capsys.readouterr()
    assert err.startswith("WARNING: listening on 10.1.2.3:8123, open to anyone who can reach 10.1.2.3, with no login. "
                          "Anyone there can read the whole warehouse w.duckdb: 1 documents, 1 records, 1 passages")
    assert "(from /a)" in err
    assert out == f"planscope serve: {path} (read-only) on http://10.1.2.3:8123/  (Ctrl-C stops)\n"
    db_path, kw = seen["create"]
    assert db_path == str(path)
    assert kw["allowed"] >= {"10.1.2.3", "example.org", "127.0.0.1", "localhost"}
    assert (kw["sql_seconds"], kw["page_cache_mb"], kw["page_workers"]) == (3.0, 7.0, serve_app.PAGE_WORKERS)
    assert seen["uvicorn"] == ("APP", {"host": "10.1.2.3", "port": 8123, "log_level": "warning"})
    assert [(t["name"], t["daemon"]) for t in threads] == [("search-index", True)]

    serve_app.run(str(path), port=8124, page_workers=3)  # loopback: no warning
    out, err = capsys.readouterr()
    assert err == ""
    assert seen["create"][1]["page_workers"] == 3
    assert seen["uvicorn"] == ("APP", {"host": "127.0.0.1", "port": 8124, "log_level": "warning"})


# --- a stored check run rebuilt for its page ---

def check_warehouse(path):
    from datetime import date

    con = empty_warehouse(path)
    insert(con, "documents", doc_sha256="R" * 64, name="report.txt", path="/a/report.txt", format="txt", kind="report",
           period_start=date(2010, 1, 1), period_end=date(2010, 12, 31), period_raw=None, blocks=1, records=0,
           quarantined=0, ingested_at=NOW)
    insert(con, "documents", doc_sha256="S" * 64, name="half.txt", path="/a/half.txt", format="txt", kind="report",
           period_start=date(2010, 1, 1), blocks=1, records=0, quarantined=0, ingested_at=NOW)
    for rid, block, row, start in (("p2", 1, 1, date(2009, 3, 1)), ("p1", 1, 2, None), ("a0", 2, 1, None)):
        insert(con, "record_facts", record_id=rid, doc_sha256="P" * 64, doc="plan.docx", kind="activity", text=rid,
               start_date=start, block_no=block, row_no=row, date_granularity="day", date_source="record")
    for check_id, sha, doc in (("c1", "R" * 64, "report.txt"), ("c2", "S" * 64, "half.txt")):
        insert(con, "check_runs", check_id=check_id, report_doc=doc, report_sha256=sha, plan_docs=["plan.docx"],
               created_at=NOW, threshold_evidenced=0.5, threshold_partly=0.3, commitments=3)
    for rid, plan_doc, ref, status, score, themes in (
            ("p1", "plan.docx", "1.2", "no evidence", 0.1, []), ("p2", "plan.docx", "1.1", "evidenced", 0.8, ["a", "b"]),
            ("a0", "a.docx", None, "overdue", 0.0, [])):
        insert(con, "commitment_checks", check_id="c1", record_id=rid, plan_doc=plan_doc, ref=ref,
               commitment_text=f"Text {rid}", deadline=date(2009, 6, 30) if rid == "p2" else None, status=status,
               score=score, themes=themes)
    for rank, text, page, para, score, terms in ((2, "Second.", None, 4, 0.6, []), (1, "First.", 2, 3, 0.8, ["seminar"])):
        insert(con, "commitment_evidence", check_id="c1", record_id="p2", rank=rank, evidence_text=text, doc="report.txt",
               kind="sentence", page=page, paragraph_no=para, score=score, shared_terms=terms)
    return con


def test_a_stored_check_run_is_rebuilt_whole(tmp_path):
    from datetime import date

    from checking.evidence import Commitment, Unit
    from checking.run import CheckResult, CommitmentResult
    from schemas.records import Period
    from serve.checks import load_check

    con = check_warehouse(tmp_path / "c.duckdb")
    cur = con.cursor()
    got = load_check(cur, "c1")

    def commitment(rid, ref, plan_doc, start, end, themes):
        return Commitment(record_id=rid, ref=ref, text=f"Text {rid}", plan_doc=plan_doc, start=start, end=end,
                          themes=themes)

    def unit(text, page, para):
        return Unit(text=text, doc="report.txt", kind="sentence", page=page, paragraph_no=para, block_no=None,
                    start=None, end=None)

    assert got == CheckResult(
        check_id="c1", report_doc="report.txt", report_period=Period(start=date(2010, 1, 1), end=date(2010, 12, 31), raw=""),
        plan_docs=["plan.docx"], results=[
            CommitmentResult(commitment("a0", None, "a.docx", None, None, []), "overdue", 0.0, []),
            CommitmentResult(commitment("p2", "1.1", "plan.docx", date(2009, 3, 1), date(2009, 6, 30), ["a", "b"]),
                             "evidenced", 0.8, [(unit("First.", 2, 3), 0.8, ["seminar"]), (unit("Second.", None, 4), 0.6, [])]),
            CommitmentResult(commitment("p1", "1.2", "plan.docx", None, None, []), "no evidence", 0.1, []),
        ])
    half = load_check(cur, "c2")  # its report has a start and no end: no period
    assert (half.check_id, half.report_doc, half.report_period, half.plan_docs, half.results) == (
        "c2", "half.txt", None, ["plan.docx"], [])
    assert load_check(cur, "nothing") is None
    con.close()


# --- words the pages and the exposure warning use ---

def test_a_csv_made_elsewhere_keeps_line_breaks_inside_its_cells():
    assert serve_app.neutralise_csv('"a\r\nb",=c\r\n') == '"a\r\nb",\'=c\r\n'


@pytest.mark.parametrize("n, text", [(2**20 + 2, "1,048,578 bytes"), (0, "0 bytes"), (2**21, "2 MB")])
def test_a_size_is_in_megabytes_only_when_whole(n, text):
    assert serve_app._size(n) == text


def test_the_first_line_of_an_error_or_its_type():
    from serve.sql import _first_line

    assert _first_line(ValueError("one\ntwo")) == "one"
    assert _first_line(KeyError()) == "KeyError"


def test_the_names_a_server_answers_to(monkeypatch):
    import socket

    from serve.hosts import allowed_hosts

    addresses = {"Box": [(2, 1, 6, "", ("10.0.0.5", 0))], "Box.Example.org": [(10, 1, 6, "", ("FE80::5", 0, 0, 0))]}

    def getaddrinfo(name, port):
        if name not in addresses:
            raise OSError("unknown")
        return addresses[name]

    monkeypatch.setattr(socket, "gethostname", lambda: "Box")
    monkeypatch.setattr(socket, "getfqdn", lambda: "Box.Example.org")
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    loopback = {"localhost", "127.0.0.1", "::1"}
    assert allowed_hosts("0.0.0.0") == loopback | {"0.0.0.0", "box", "box.example.org", "10.0.0.5", "fe80::5"}
    assert allowed_hosts("") == loopback | {"box", "box.example.org", "10.0.0.5", "fe80::5"}
    monkeypatch.setattr(socket, "getfqdn", lambda: "Unknown.Example")
    assert allowed_hosts("::") == loopback | {"::", "box", "unknown.example", "10.0.0.5"}
    assert allowed_hosts("Box.Example", ["[FE80::9]", "Proxy"]) == loopback | {"box.example", "fe80::9", "proxy"}


@pytest.mark.parametrize("n, shown", [(5, "/f0, /f1, /f2, /f3, /f4"), (6, "/f0, /f1, /f2, /f3, /f4 and 1 more"),
                                      (0, "no folder")])
def test_the_warning_names_five_folders_at_most(n, shown):
    from serve.hosts import exposure_warning

    text = exposure_warning("10.0.0.1", 80, "w.duckdb", {}, [f"/f{i}" for i in range(n)])
    assert f"(from {shown})." in text
    assert "0 documents, 0 records, 0 passages" in text


def test_a_csv_made_elsewhere_may_end_its_lines_with_a_carriage_return():
    assert serve_app.neutralise_csv("a,=b\r=c\r") == "a,'=b\r\n'=c\r\n"


# --- the source file, read through one descriptor ---

def test_a_source_file_at_its_cap_is_read_and_one_byte_more_is_refused(tmp_path, monkeypatch):
    import hashlib

    from starlette.exceptions import HTTPException

    monkeypatch.setattr(serve_app, "MAX_SOURCE_BYTES", 2**21)  # 2 MB
    whole = tmp_path / "whole.txt"
    whole.write_bytes(b"a" * 2**21)
    assert serve_app.read_ingested(str(whole), hashlib.sha256(b"a" * 2**21).hexdigest()) == b"a" * 2**21
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (2**21 + 1))
    with pytest.raises(HTTPException) as err:
        serve_app.read_ingested(str(big), hashlib.sha256(b"a" * (2**21 + 1)).hexdigest())
    assert (err.value.status_code, err.value.detail) == (413, "the file is larger than serve's cap of 2 MB")


def test_a_source_file_gone_or_a_fifo_is_refused_without_waiting(tmp_path):
    import os

    from starlette.exceptions import HTTPException

    with pytest.raises(HTTPException) as err:
        serve_app.read_ingested(str(tmp_path / "gone.txt"), "0" * 64)
    assert (err.value.status_code, err.value.detail) == (
        404, "the ingested file is no longer at its path, or the path is now a link")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # opened without O_NONBLOCK, this would wait for a writer
    with pytest.raises(HTTPException) as err:
        serve_app.read_ingested(str(fifo), "0" * 64)
    assert (err.value.status_code, err.value.detail) == (404, "the ingested path is no longer a regular file")


def test_charts_at_their_default_size_whole():
    from serve.charts import timeline_svg, year_bars_svg

    svg = str(timeline_svg([(2001, "care", 1)], lambda y, t: f"/s?y={y}&t={t}"))
    # height 320, bar 26: width 40 + 32 + 10 = 82; scale (320 - 24 - 10) / 1 = 286
    assert svg == (
        '<svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="82" height="320" viewBox="0 0 82 320" '
        'role="img" aria-label="records per year by theme"><text x="4" y="14" font-size="11">1</text>'
        '<line x1="36" y1="296" x2="82" y2="296" stroke="#999"/>'
        '<a href="/s?y=2001&amp;t=care" class="bar" data-year="2001" data-theme="care"><rect x="40" y="10.0" width="26" '
        'height="286.0" fill="#1f77b4"><title>2001 · care: 1</title></rect></a>'
        '<a href="/s?y=2001&amp;t=None"><text x="53.0" y="312" font-size="10" text-anchor="middle">2001</text></a>'
        '</svg><div class="legend"><span class="swatch" style="background:#1f77b4"></span>care </div>')
    thin = str(timeline_svg([(2001, "a", 1), (2001, "b", 999)], lambda y, t: "", height=334))  # 0.3 px: drawn 0.5
    assert 'width="26" height="0.5" fill="#1f77b4"' in thin
    svg = str(year_bars_svg([(2001, 1)], lambda y: f"/y/{y}"))
    # height 120, bar 22: width 26 + 10 = 36; scale (120 - 30) / 1 = 90
    assert svg == (
        '<svg xmlns="http://www.w3.org/2000/svg" width="36" height="120" role="img" aria-label="records per year">'
        '<a href="/y/2001"><rect x="4" y="12.0" width="22" height="90.0" fill="#1f77b4"><title>2001: 1</title></rect></a>'
        '<text x="15.0" y="9.0" font-size="9" text-anchor="middle">1</text>'
        '<text x="15.0" y="116" font-size="9" text-anchor="middle">2001</text></svg>')
