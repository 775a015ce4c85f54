"""The SQL page: one read-only statement, a row limit and a time limit.

The connection is already sandboxed by DuckDB's settings (serve/db.py: read-only file, no file
system, no extensions, locked configuration). On top of that only SELECT-like statements run
(SELECT, WITH, SHOW, DESCRIBE, SUMMARIZE, EXPLAIN), one at a time; PRAGMA, SET, CALL, COPY,
ATTACH, INSTALL/LOAD and anything that writes are refused before they reach the engine.
"""
from __future__ import annotations

import threading

import duckdb

ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
ROW_LIMIT = 1000
TIME_LIMIT_SECONDS = 5.0


class QueryRefused(Exception):
    """The statement is not one the SQL page runs, or it failed; the message is for the user."""


def check_statement(cur, sql: str) -> str:
    """The single allowed statement in `sql`, or QueryRefused saying why not."""
    try:
        statements = cur.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryRefused(_first_line(exc)) from None
    if not statements:
        raise QueryRefused("no statement given")
    if len(statements) > 1:
        raise QueryRefused("one statement at a time")
    kind = statements[0].type
    if kind not in ALLOWED:
        raise QueryRefused(f"only read-only queries (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) run here, not "
                           f"{kind.name.replace('_STATEMENT', '')}")
    return statements[0].query


def run_query(cur, sql: str, row_limit: int = ROW_LIMIT, seconds: float = TIME_LIMIT_SECONDS):
    """(column names, rows, truncated). The query is interrupted after `seconds`."""
    statement = check_statement(cur, sql)
    timer = threading.Timer(seconds, cur.interrupt)
    timer.daemon = True
    timer.start()
    try:
        cur.execute(statement)
        if cur.description is None:
            return [], [], False
        names = [d[0] for d in cur.description]
        rows = cur.fetchmany(row_limit + 1)
    except duckdb.InterruptException:
        raise QueryRefused(f"stopped after the time limit of {seconds:g} s") from None
    except duckdb.Error as exc:
        raise QueryRefused(_first_line(exc)) from None
    finally:
        timer.cancel()
    return names, rows[:row_limit], len(rows) > row_limit


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0]
