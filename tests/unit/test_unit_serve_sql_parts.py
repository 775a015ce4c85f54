"""The SQL page's words and its pipe to the worker (serve/sql.py): refusals and notes compared
whole, and Worker._read over a real pipe (chunks joined, the deadline, the end of the stream)."""
from __future__ import annotations

import os
import threading
import time

import duckdb
import pytest

from serve.sql import QueryRefused, Result, Worker, check_statement

pytestmark = pytest.mark.unit


@pytest.fixture
def cur():
    con = duckdb.connect()
    con.execute("CREATE TABLE t (a INTEGER)")
    yield con.cursor()
    con.close()


@pytest.mark.parametrize("sql, why", [
    ("", "no statement given"),
    ("  ;  ", "no statement given"),
    ("SELECT 1; SELECT 2", "one statement at a time"),
    ("DROP TABLE t", "only read-only queries (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) run here, not DROP"),
    ("CREATE TABLE u (b INTEGER)", "only read-only queries (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) run here, not CREATE"),
])
def test_each_refusal_in_its_words(cur, sql, why):
    with pytest.raises(QueryRefused) as refused:
        check_statement(cur, sql)
    assert str(refused.value) == why


def test_the_statement_allowed_is_given_back(cur):
    assert check_statement(cur, "SELECT a FROM t").strip() == "SELECT a FROM t"


def test_the_notes_of_a_result_cut_short():
    one = Result(names=["a", "text"], rows=[(1, "x")], truncated=True, cut_cells=[(3, "text", 12345), (4, "b", 500)],
                 cut_bytes=True)
    assert one.notes(100, 5 * 2**20, 1000) == ["first 100 rows only", "stopped after 1 row: the result passed 5 MB",
                                               "row 3, text: first 1,000 of 12,345 characters",
                                               "row 4, b: first 500 of 500 characters"]
    two = Result(names=["a"], rows=[(1,), (2,)], cut_bytes=True)
    assert two.notes(100, 3 * 2**20 + 5, 1000) == ["stopped after 2 rows: the result passed 3 MB"]
    assert Result(names=["a"], rows=[]).notes(100, 2**20, 1000) == []


def _worker_on(fd):
    worker = object.__new__(Worker)  # no process: the pipe is the test's
    worker.fd = fd
    return worker


def test_read_joins_the_chunks_of_a_long_message():
    r, w = os.pipe()
    data = bytes(range(256)) * (3 * 4096 + 7)  # 3 MB and a bit: more than one read of at most 1 MB
    writer = threading.Thread(target=lambda: (os.write(w, data[:100]), time.sleep(0.05), _write_all(w, data[100:])))
    writer.start()
    try:
        assert _worker_on(r)._read(len(data), time.monotonic() + 30) == data
    finally:
        writer.join()
        os.close(r)
        os.close(w)


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def test_read_stops_at_its_deadline_and_at_the_end_of_the_stream():
    r, w = os.pipe()
    worker = _worker_on(r)
    try:
        with pytest.raises(TimeoutError):
            worker._read(4, time.monotonic() - 1)  # already past
        os.write(w, b"ab")
        t0 = time.monotonic()
        with pytest.raises(TimeoutError):
            worker._read(4, time.monotonic() + 0.2)  # two of the four bytes come, then nothing
        assert 0.15 < time.monotonic() - t0 < 5
        os.write(w, b"cd")
        os.close(w)
        w = None
        assert worker._read(2, time.monotonic() + 5) == b"cd"
        with pytest.raises(EOFError):
            worker._read(1, time.monotonic() + 5)
    finally:
        os.close(r)
        if w is not None:
            os.close(w)
