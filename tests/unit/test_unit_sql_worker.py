"""The SQL page's worker in this process (issue 29): its framing, its caps on rows, cells and bytes,
and its loop over requests. The server runs it as a child process, where no test's mutants are seen;
here each message is compared whole, with values worked out from the protocol in its docstring."""
from __future__ import annotations

import io
import os
import pickle
from types import SimpleNamespace

import duckdb
import pytest

from serve import sql_worker as w

pytestmark = pytest.mark.unit


def replies(buf: bytes) -> list:
    inp, out = io.BytesIO(buf), []
    while (message := w.receive(inp)) is not None:
        out.append(message)
    return out


def ask(sql, row_limit=None, cell_chars=100, byte_cap=1000, batch=10, con=None) -> list:
    con = con or duckdb.connect()
    out = io.BytesIO()
    w.answer(con, {"sql": sql, "row_limit": row_limit, "cell_chars": cell_chars, "byte_cap": byte_cap,
                   "batch": batch}, out)
    return replies(out.getvalue())


def done(truncated=False, cut_cells=(), cut_bytes=False, rows=0):
    return ("done", {"truncated": truncated, "cut_cells": list(cut_cells), "cut_bytes": cut_bytes, "rows": rows})


def test_a_message_is_its_length_then_its_pickle():
    out = io.BytesIO()
    w.send(out, ("rows", [(1, "a")]))
    data = pickle.dumps(("rows", [(1, "a")]), protocol=pickle.HIGHEST_PROTOCOL)
    assert out.getvalue() == len(data).to_bytes(4, "big") + data
    assert w.receive(io.BytesIO(out.getvalue())) == ("rows", [(1, "a")])
    assert w.receive(io.BytesIO(b"")) is None
    assert w.receive(io.BytesIO(b"\x00\x00\x01")) is None  # a header cut short: the end


@pytest.mark.parametrize("value, size", [
    ("abc", 3), (b"ab", 2), ([1, 2], 6), ((1,), 4), ({"a": 1}, 8), (5, 16), (None, 16), (2.5, 16), ("", 0)])
def test_the_size_a_cell_counts_for(value, size):
    assert w.value_size(value) == size


@pytest.mark.parametrize("value, chars, cut", [
    ("abcdef", 3, ("abc", 6)), ("abc", 3, ("abc", None)), (b"abcd", 2, (b"ab", 4)), (12345, 2, (12345, None)),
    ("ab", 0, ("", 2))])
def test_a_cell_cut_to_its_characters(value, chars, cut):
    assert w.cut_cell(value, chars) == cut


def test_a_query_answers_names_rows_then_done():
    assert ask("SELECT 1 AS a, 'hello' AS b") == [("names", ["a", "b"]), ("rows", [(1, "hello")]), done(rows=1)]


def test_rows_past_the_limit_are_not_sent_and_the_answer_says_so():
    assert ask("SELECT n FROM range(5) t(n) ORDER BY n", row_limit=3, batch=2) == [
        ("names", ["n"]), ("rows", [(0,), (1,)]), ("rows", [(2,)]), done(truncated=True, rows=3)]
    assert ask("SELECT n FROM range(3) t(n) ORDER BY n", row_limit=3) == [  # exactly the limit: whole
        ("names", ["n"]), ("rows", [(0,), (1,), (2,)]), done(rows=3)]
    assert ask("SELECT n FROM range(3) t(n) ORDER BY n", row_limit=0) == [("names", ["n"]), done(truncated=True)]
    assert ask("SELECT n FROM range(3) t(n) ORDER BY n", batch=1) == [
        ("names", ["n"]), ("rows", [(0,)]), ("rows", [(1,)]), ("rows", [(2,)]), done(rows=3)]


def test_a_long_cell_is_cut_and_named():
    assert ask("SELECT 'abcdefghij' AS s, 'xy' AS t", cell_chars=4) == [
        ("names", ["s", "t"]), ("rows", [("abcd", "xy")]), done(cut_cells=[(1, "s", 10)], rows=1)]


def test_at_most_twenty_cut_cells_are_named():
    got = ask("SELECT 'abc' AS s FROM range(25)", cell_chars=1, batch=100)
    assert got[1] == ("rows", [("a",)] * 25)
    assert got[2] == done(cut_cells=[(i, "s", 3) for i in range(1, 21)], rows=25)


def test_the_answer_stops_at_its_byte_cap():
    got = ask("SELECT s FROM (VALUES ('aaaa'), ('bbbb'), ('cccc')) t(s) ORDER BY s", byte_cap=6)
    assert got == [("names", ["s"]), ("rows", [("aaaa",), ("bb",)]), done(cut_cells=[(2, "s", 4)], cut_bytes=True, rows=2)]
    got = ask("SELECT s FROM (VALUES ('aaa'), ('bbb'), ('ccc')) t(s) ORDER BY s", byte_cap=6)
    assert got == [("names", ["s"]), ("rows", [("aaa",), ("bbb",)]), done(cut_bytes=True, rows=2)]  # at the cap


def test_an_error_is_its_first_line_and_a_statement_without_rows_has_no_names():
    got = ask("SELECT * FROM nowhere")
    assert len(got) == 1 and got[0][0] == "error"
    assert got[0][1].startswith("Catalog Error: Table with name nowhere does not exist") and "\n" not in got[0][1]
    no_rows = SimpleNamespace(cursor=lambda: SimpleNamespace(execute=lambda sql: None, description=None))
    assert ask("PRAGMA x", con=no_rows) == [  # DuckDB describes every statement it has; a driver may not
        ("names", []), ("done", {"truncated": False, "cut_cells": [], "cut_bytes": False})]


def test_the_worker_answers_each_request_until_its_input_ends(tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE t AS SELECT 'x' AS s")
    con.close()
    r, wr = os.pipe()
    with os.fdopen(wr, "wb") as pipe:
        for sql in ("SELECT s FROM t", "SELECT 2 AS n"):
            w.send(pipe, {"sql": sql, "row_limit": None, "cell_chars": 10, "byte_cap": 100, "batch": 5})
    out = io.BytesIO()
    with os.fdopen(r, "rb") as inp:
        monkeypatch.setattr("sys.stdin", SimpleNamespace(buffer=inp))
        monkeypatch.setattr("sys.stdout", SimpleNamespace(buffer=out))
        assert w.main([str(db), "100MB", "0", "5"]) == 0
    assert replies(out.getvalue()) == [("names", ["s"]), ("rows", [("x",)]), done(rows=1),
                                       ("names", ["n"]), ("rows", [(2,)]), done(rows=1)]


def test_the_worker_is_read_only_and_sandboxed(tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).close()
    r, wr = os.pipe()
    with os.fdopen(wr, "wb") as pipe:
        for sql in ("CREATE TABLE y (a INTEGER)", "SELECT current_setting('threads') AS t",
                    "SELECT current_setting('enable_external_access') AS e"):
            w.send(pipe, {"sql": sql, "row_limit": None, "cell_chars": 10, "byte_cap": 100, "batch": 5})
    out = io.BytesIO()
    with os.fdopen(r, "rb") as inp:
        monkeypatch.setattr("sys.stdin", SimpleNamespace(buffer=inp))
        monkeypatch.setattr("sys.stdout", SimpleNamespace(buffer=out))
        assert w.main([str(db), "100MB", "0", "5"]) == 0
    got = replies(out.getvalue())
    assert got[0][0] == "error" and "read-only" in got[0][1]
    assert got[1:] == [("names", ["t"]), ("rows", [(1,)]), done(rows=1),
                       ("names", ["e"]), ("rows", [(False,)]), done(rows=1)]
