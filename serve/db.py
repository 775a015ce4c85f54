"""Read-only access to the warehouse for the web app: one shared DuckDB instance, a cursor per
request, released when idle so that `planscope ingest` can take the write lock between visits.

Opening a DuckDB file costs ~40 ms, too much for every page, hence the shared instance. DuckDB's
own settings do the sandboxing: no file system access (read_csv, glob, ATTACH, COPY, INSTALL all
fail), no extension auto-loading, and the configuration is locked so a query cannot undo it.
"""
from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import duckdb

SANDBOX = {
    "enable_external_access": "false",
    "autoinstall_known_extensions": "false",
    "autoload_known_extensions": "false",
    "memory_limit": "1GB",  # DuckDB's default is 80% of the machine's memory
    "lock_configuration": "true",
}


class Warehouse:
    """A lazily opened, read-only, sandboxed connection, closed after `idle_seconds` without use."""

    def __init__(self, path: str | Path, idle_seconds: float = 5.0):
        self.path = str(path)
        if not Path(self.path).exists():
            raise FileNotFoundError(f"no warehouse at {self.path}: run `planscope ingest` first")
        self.idle_seconds = idle_seconds
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._last_used = time.monotonic()
        self._reaper: threading.Timer | None = None

    def version(self) -> tuple:
        """What changes when an ingest writes: (modification time, size) of the file and of its
        write-ahead log. Pages rendered for one version stay right until it changes (serve/cache.py)."""
        out = []
        for path in (self.path, self.path + ".wal"):
            try:
                st = os.stat(path)
                out.append((st.st_mtime_ns, st.st_size))
            except FileNotFoundError:
                out.append(None)
        return tuple(out)

    @contextmanager
    def cursor(self):
        """A cursor of its own for one request (DuckDB cursors are safe to use from one thread each)."""
        with self._lock:
            if self._con is None:
                self._con = duckdb.connect(self.path, read_only=True, config=dict(SANDBOX))
            self._users += 1
            cur = self._con.cursor()
        try:
            yield cur
        finally:
            cur.close()
            with self._lock:
                self._users -= 1
                self._last_used = time.monotonic()
                self._schedule_release()

    def _schedule_release(self) -> None:
        if self._reaper is None and self.idle_seconds > 0:
            self._reaper = threading.Timer(self.idle_seconds, self._release_if_idle)
            self._reaper.daemon = True
            self._reaper.start()

    def _release_if_idle(self) -> None:
        with self._lock:
            self._reaper = None
            idle = time.monotonic() - self._last_used
            if self._users == 0 and self._con is not None and idle >= self.idle_seconds:
                self._con.close()
                self._con = None
            elif self._con is not None:
                self._schedule_release()

    def close(self) -> None:
        with self._lock:
            if self._reaper is not None:
                self._reaper.cancel()
                self._reaper = None
            if self._con is not None:
                self._con.close()
                self._con = None
