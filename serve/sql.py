"""The SQL page: one read-only statement, a row limit, a time limit and byte caps; run in a worker
process (serve/sql_worker.py) that is killed at the time limit.

The connection is already sandboxed by DuckDB's settings (serve/db.py: read-only file, no file
system, no extensions, locked configuration). On top of that only SELECT-like statements run
(SELECT, WITH, SHOW, DESCRIBE, SUMMARIZE, EXPLAIN), one at a time; PRAGMA, SET, CALL, COPY,
ATTACH, INSTALL/LOAD and anything that writes are refused before they reach the engine.
"""
from __future__ import annotations

import contextlib
import json
import os
import pickle
import select
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from serve.sql_worker import HEADER

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


# SQL's value keywords: parsed as column names, bound as the time or the session's user
VALUE_KEYWORDS = {"current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "current_user",
                  "current_role", "session_user", "user", "current_catalog", "current_schema", "current_database"}


def deterministic(cur, statement: str) -> bool:
    """Whether the answer to `statement` depends on the warehouse alone, so that it may be kept until
    the warehouse changes: a SELECT (as DuckDB parses it) without a SAMPLE clause whose every function
    is one DuckDB marks CONSISTENT in all its forms (not random(), now(), nextval(), a table function...).
    Anything not known to be so is not kept."""
    try:
        tree = json.loads(cur.execute("SELECT json_serialize_sql(?)", [statement]).fetchone()[0])
    except (duckdb.Error, TypeError, ValueError):
        return False
    if tree.get("error"):
        return False
    names, sampled = set(), False
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "function_name" in node:
                names.add(str(node["function_name"]).lower())
            if node.get("class") == "COLUMN_REF" and len(node.get("column_names") or []) == 1 \
                    and str(node["column_names"][0]).lower() in VALUE_KEYWORDS:
                return False
            sampled = sampled or node.get("sample") is not None
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    if sampled:
        return False
    if not names:
        return True
    stable = {name: ok for name, ok in cur.execute(
        "SELECT lower(function_name), bool_and(coalesce(stability = 'CONSISTENT', false)) FROM duckdb_functions() "
        "WHERE list_contains(?, lower(function_name)) GROUP BY 1", [sorted(names)]).fetchall()}
    return all(stable.get(name, False) for name in names)


MEMORY_LIMIT = "1GB"  # DuckDB's, in each SQL worker (and in the server's own connection: serve/db.py)
ADDRESS_SPACE = 3 * 2**30  # the worker process's hard limit on top of DuckDB's
PAGE_BYTES = 2 * 2**20  # what the SQL page (and /sql.json) shows at most
CELL_CHARS = 10_000  # characters of one cell shown on the SQL page
DOWNLOAD_BYTES = 100 * 2**20  # what /sql.csv streams at most
DOWNLOAD_SECONDS = 120.0  # a streamed download stops after this long in all


@dataclass
class Result:
    names: list[str]
    rows: list[tuple]
    truncated: bool = False  # more rows than the row limit
    cut_cells: list[tuple[int, str, int]] = field(default_factory=list)  # (row, column, full length)
    cut_bytes: bool = False  # stopped at the byte cap

    def notes(self, row_limit: int, byte_cap: int, cell_chars: int) -> list[str]:
        """What was cut, in words for the page."""
        out = []
        if self.truncated:
            out.append(f"first {row_limit} rows only")
        if self.cut_bytes:
            n = len(self.rows)
            out.append(f"stopped after {n} row{'' if n == 1 else 's'}: the result passed {byte_cap // 2**20} MB")
        for row, column, full in self.cut_cells:
            out.append(f"row {row}, {column}: first {min(cell_chars, full):,} of {full:,} characters")
        return out


class Worker:
    """One `python -m serve.sql_worker` process."""

    def __init__(self, db_path: str, memory_limit: str, idle_seconds: float):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "serve.sql_worker", db_path, memory_limit, str(ADDRESS_SPACE), str(max(idle_seconds, 0.5))],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=str(Path(__file__).resolve().parent.parent),
            env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).resolve().parent.parent),
                                                                            os.environ.get("PYTHONPATH")]))})
        self.fd = self.proc.stdout.fileno()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def send(self, request: dict) -> None:
        data = pickle.dumps(request)
        self.proc.stdin.write(HEADER.pack(len(data)) + data)
        self.proc.stdin.flush()

    def _read(self, size: int, deadline: float) -> bytes:
        chunks, got = [], 0
        while got < size:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                raise TimeoutError
            chunk = os.read(self.fd, min(size - got, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def receive(self, deadline: float):
        (size,) = HEADER.unpack(self._read(HEADER.size, deadline))
        return pickle.loads(self._read(size, deadline))

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError):
                pipe.close()


WORKERS = 4  # SQL queries running at once; more wait for one of them to finish


class SqlPool:
    """Worker processes for the SQL page: a query past its time limit is stopped by killing its
    worker (the server goes on answering meanwhile: it only waits on a pipe).

    At most `workers` run at once and as many are kept between queries: a burst of queries waits
    for a worker (at most the time limit) instead of starting a process each, which under load
    cost more than the queries themselves (bench/SERVE.md)."""

    def __init__(self, db_path: str | Path, seconds: float = TIME_LIMIT_SECONDS, memory_limit: str = MEMORY_LIMIT,
                 idle_seconds: float = 5.0, workers: int = WORKERS):
        self.db_path, self.seconds, self.memory_limit = str(db_path), seconds, memory_limit
        self.idle_seconds, self.keep, self.workers = idle_seconds, workers, workers
        self._slots = threading.BoundedSemaphore(workers)
        self._idle: list[Worker] = []
        self._lock = threading.Lock()
        self.busy: dict[int, Worker] = {}  # pid -> worker, while it runs a query

    def _take(self) -> Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.proc.poll() is None:
                    break
                worker.kill()
            else:
                worker = None
        worker = worker or Worker(self.db_path, self.memory_limit, self.idle_seconds)
        self.busy[worker.pid] = worker
        return worker

    def _give_back(self, worker: Worker, healthy: bool) -> None:
        self.busy.pop(worker.pid, None)
        with self._lock:
            if healthy and worker.proc.poll() is None and len(self._idle) < self.keep:
                self._idle.append(worker)
                return
        worker.kill()

    def messages(self, sql: str, row_limit: int | None, cell_chars: int, byte_cap: int, seconds: float | None = None,
                 per_message: bool = False, total_seconds: float | None = None):
        """The worker's replies to one statement; QueryRefused when it fails or runs out of time
        (its worker is then killed). `per_message`: the limit is for each reply, not the whole."""
        seconds = self.seconds if seconds is None else seconds
        if not self._slots.acquire(timeout=seconds):
            raise QueryRefused(f"the SQL page is busy: {self.workers} queries ran for the whole time limit of "
                               f"{seconds:g} s; try again")
        try:
            yield from self._messages(sql, row_limit, cell_chars, byte_cap, seconds, per_message, total_seconds)
        finally:
            self._slots.release()

    def _messages(self, sql, row_limit, cell_chars, byte_cap, seconds, per_message, total_seconds):
        worker = self._take()
        healthy = False
        try:
            worker.send({"sql": sql, "row_limit": row_limit, "cell_chars": cell_chars, "byte_cap": byte_cap,
                         "batch": 500})
            started = time.monotonic()
            deadline = started + seconds
            while True:
                if per_message:
                    deadline = time.monotonic() + seconds
                    if total_seconds is not None:
                        deadline = min(deadline, started + total_seconds)
                try:
                    kind, payload = worker.receive(deadline)
                except TimeoutError:
                    limit = total_seconds if per_message and total_seconds and time.monotonic() >= started + total_seconds \
                        else seconds
                    raise QueryRefused(f"stopped after the time limit of {limit:g} s") from None
                except EOFError:
                    raise QueryRefused(f"the query needed more memory than the SQL page allows ({self.memory_limit})") \
                        from None
                if kind == "error":
                    healthy = True
                    raise QueryRefused(payload)
                yield kind, payload
                if kind == "done":
                    healthy = True
                    return
        finally:
            self._give_back(worker, healthy)

    def query(self, sql: str, row_limit: int = ROW_LIMIT, cell_chars: int = CELL_CHARS, byte_cap: int = PAGE_BYTES,
              seconds: float | None = None) -> Result:
        result = Result([], [])
        for kind, payload in self.messages(sql, row_limit, cell_chars, byte_cap, seconds):
            if kind == "names":
                result.names = payload
            elif kind == "rows":
                result.rows.extend(payload)
            else:
                result.truncated, result.cut_bytes = payload["truncated"], payload["cut_bytes"]
                result.cut_cells = [tuple(c) for c in payload["cut_cells"]]
        return result

    def close(self) -> None:
        with self._lock:
            workers, self._idle = self._idle + list(self.busy.values()), []
        for worker in workers:
            worker.kill()


def run_query(pool: SqlPool, cur, sql: str, row_limit: int = ROW_LIMIT, seconds: float | None = None) -> Result:
    """One allowed statement (check_statement, on the server's own cursor) run by a worker."""
    return pool.query(check_statement(cur, sql), row_limit=row_limit, seconds=seconds)


def _first_line(exc: Exception) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0]
