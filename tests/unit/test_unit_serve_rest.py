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
