"""The renditions of one document: the same plan as .docx, .pdf and .txt, listed once.

Two files are renditions of one document when their passages' text, in reading order, lower-cased
and kept to letters and digits, is the same (`documents.content_key`, written at ingest; for a
document ingested before that column existed, worked out here from its passages with the same
function). Of each group one rendition is listed, the one whose format keeps the most structure
(.docx first, then .odt, .doc, .rtf, .pdf, .txt); searches, facets, the timeline, actors' pages and
downloads leave the others out, and every page names the formats a document is in.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from warehouse.store import content_key

FORMAT_ORDER = ("docx", "odt", "doc", "rtf", "pdf", "txt")
HOW = ("the same document in several formats is listed once, under its .docx (else .odt, .doc, .rtf, .pdf, .txt): "
       "files are taken for one document when their passages' text, in reading order, lower-cased and kept to "
       "letters and digits, is the same")


@dataclass(frozen=True)
class Renditions:
    by_sha: dict[str, list[dict]] = field(default_factory=dict)  # sha -> its group ({sha, name, format}), listed one first
    hidden: tuple[str, ...] = ()  # shas of the renditions not listed

    def group(self, sha: str) -> list[dict]:
        """The renditions of the document `sha` is one of (the listed one first); [] when it has no other."""
        return self.by_sha.get(sha, [])

    def also_as(self, sha: str) -> str:
        """The formats of the document's other renditions, each once ("pdf, txt"): shown on every
        record of a result page, so worked out here rather than by a chain of template filters."""
        return ", ".join(dict.fromkeys(m["format"] for m in self.group(sha) if m["sha"] != sha))


def _rank(doc: dict) -> tuple:
    fmt = (doc["format"] or "").lower()
    return (FORMAT_ORDER.index(fmt) if fmt in FORMAT_ORDER else len(FORMAT_ORDER), doc["name"], doc["sha"])


def find(cur) -> Renditions:
    have = {c for (c,) in cur.execute("SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
                                      "AND schema_name = 'main' AND table_name = 'documents'").fetchall()}
    key_sql = "content_key" if "content_key" in have else "NULL"
    docs = [dict(zip(("sha", "name", "format", "key"), row))
            for row in cur.execute(f"SELECT doc_sha256, name, format, {key_sql} FROM documents").fetchall()]
    missing = [d for d in docs if d["key"] is None]
    if missing:
        keys = _keys_from_passages(cur, [d["sha"] for d in missing])
        for d in missing:
            d["key"] = keys.get(d["sha"])
    groups: dict[str, list[dict]] = {}
    for d in docs:
        if d["key"] is not None:
            groups.setdefault(d["key"], []).append(d)
    by_sha, hidden = {}, []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=_rank)
        listed = [{k: m[k] for k in ("sha", "name", "format")} for m in members]
        for m in members:
            by_sha[m["sha"]] = listed
        hidden += [m["sha"] for m in members[1:]]
    return Renditions(by_sha, tuple(sorted(hidden)))


def _keys_from_passages(cur, shas: list[str]) -> dict[str, str | None]:
    """content_key of each document from its stored passages, in the order ingest wrote them."""
    cur.execute("SELECT doc_sha256, text FROM passages WHERE list_contains(?, doc_sha256) "
                "ORDER BY doc_sha256, block_no, row_no NULLS FIRST, column_no NULLS FIRST", [shas])
    texts: dict[str, list[str]] = {}
    while batch := cur.fetchmany(10_000):
        for sha, text in batch:
            texts.setdefault(sha, []).append(text)
    return {sha: content_key(texts.get(sha, [])) for sha in shas}


class RenditionsOf:
    """The renditions of the warehouse's current version, worked out once per version."""

    def __init__(self, warehouse):
        self.warehouse = warehouse
        self._lock = threading.Lock()
        self._version = None
        self._found = Renditions()

    def get(self) -> Renditions:
        version = self.warehouse.version()
        with self._lock:
            if version != self._version:
                with self.warehouse.cursor() as cur:
                    self._found = find(cur)
                self._version = version
            return self._found
