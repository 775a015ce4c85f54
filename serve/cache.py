"""Rendered pages kept per URL for one version of the warehouse file.

Between two ingests the warehouse cannot change (the server opens it read-only, and an ingest is
the only writer), so a page rendered for a URL stays right until the file changes. The version is
the (modification time, size) of the database file and of its write-ahead log: an ingest that
writes changes them, and the next request finds every page of the old version gone.

A page is rendered once even when many clients ask for it at the same moment: the first renders,
the others wait for its result (per-URL locks, striped so that their number stays bounded).
"""
from __future__ import annotations

import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable

STRIPES = 64


@dataclass(frozen=True)
class Entry:
    body: bytes
    status: int
    media_type: str
    headers: tuple[tuple[str, str], ...]


class PageCache:
    """Least recently used pages of the current warehouse version, up to `max_bytes` in all;
    a page larger than `max_entry_bytes` is rendered each time (e.g. a big CSV download)."""

    def __init__(self, version: Callable[[], object], max_bytes: int = 64 * 2**20, max_entry_bytes: int = 2 * 2**20):
        self.version = version
        self.max_bytes = max_bytes
        self.max_entry_bytes = min(max_entry_bytes, max_bytes)
        self._lock = threading.Lock()
        self._stripes = [threading.Lock() for _ in range(STRIPES)]
        self._pages: OrderedDict[str, Entry] = OrderedDict()
        self._bytes = 0
        self._of_version: object = None
        self.hits = self.misses = 0

    def get(self, key: str, render: Callable[[], Entry | None]) -> tuple[Entry | None, bool]:
        """(the page for `key`, whether it came from the cache); `render` makes it on a miss and
        returns None for what must not be kept (an error, a stream)."""
        version = self.version()
        found = self._lookup(key, version)
        if found is not None:
            return found, True
        with self._stripes[zlib.crc32(key.encode("utf-8", "surrogatepass")) % STRIPES]:
            found = self._lookup(key, version)  # rendered by another request while this one waited
            if found is not None:
                return found, True
            entry = render()
            # Kept only if the warehouse did not change while it was rendered.
            if entry is not None and len(entry.body) <= self.max_entry_bytes and self.version() == version:
                self._store(key, version, entry)
            return entry, False

    def _lookup(self, key: str, version) -> Entry | None:
        with self._lock:
            if version != self._of_version:
                self._pages.clear()
                self._bytes = 0
                self._of_version = version
            entry = self._pages.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._pages.move_to_end(key)
            self.hits += 1
            return entry

    def _store(self, key: str, version, entry: Entry) -> None:
        with self._lock:
            if version != self._of_version or key in self._pages:
                return
            self._pages[key] = entry
            self._bytes += len(entry.body)
            while self._bytes > self.max_bytes:
                _, old = self._pages.popitem(last=False)
                self._bytes -= len(old.body)
