"""Open, create and load the warehouse. One file's records go in (or are replaced) in one
transaction, as Arrow batches, never row by row."""
from __future__ import annotations

import hashlib
import json
import re
import time
from datetime import datetime, timezone
from pathlib import Path

from warehouse import DEFAULT_DB, WarehouseBusy

# pyarrow and schemas.tables (pydantic) are imported where rows are written: `planscope sql`
# only opens the warehouse and reads, and starts faster without them. duckdb is imported where
# the warehouse is opened: an ingest worker only turns a file into rows (rows_for_state).


def connect(path: str | Path = DEFAULT_DB, *, read_only: bool = False, wait_seconds: float = 0.0,
            schema: bool = True):
    """Open the warehouse; a writer creates the schema (`schema=False`: a writer that already did, on
    this run's first connect). Retries while another writer holds the lock."""
    import duckdb

    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            if read_only and not Path(path).exists():
                raise FileNotFoundError(f"no warehouse at {path}: run `planscope ingest` first")
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise
            if time.monotonic() >= deadline:
                raise WarehouseBusy(f"{path} is being written by another planscope process; try again when it finishes") from None
            time.sleep(0.2)
    if not read_only and schema:
        ensure_schema(con)
    return con


def ensure_schema(con) -> None:
    """Create what is missing: tables, the columns added since an older planscope made the
    warehouse, and the views when their text changed. A writer's first connect runs this (an ingest's
    later connects, one a batch, do not): one catalogue query when nothing is missing (each table's CREATE IF NOT EXISTS and
    column query, and replacing the views, cost ~0.13 s a connect)."""
    from schemas.tables import RECORDS_VIEW, TABLES, added_columns, ddl

    have: dict[str, set[str]] = {}
    for table, column in con.execute("SELECT table_name, column_name FROM information_schema.columns").fetchall():
        have.setdefault(table, set()).add(column)
    changed = False
    for name, model in TABLES.items():
        statements = [ddl(name, model)] if name not in have else added_columns(name, model, have[name])
        for statement in statements:
            con.execute(statement)
        changed = changed or bool(statements)
    marker = "planscope views " + hashlib.md5(RECORDS_VIEW.encode()).hexdigest()
    if changed or _view_comment(con, "records") != marker:
        con.execute(RECORDS_VIEW)
        con.execute(f"COMMENT ON VIEW records IS '{marker}'")


def _view_comment(con, view: str) -> str | None:
    rows = con.execute("SELECT comment FROM duckdb_views() WHERE view_name = ? AND NOT internal", [view]).fetchall()
    return rows[0][0] if rows else None  # fetchall: a half-read result would block the connection


def now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def arrow_table(model, rows: list[dict]) -> pa.Table:
    """Rows as an Arrow table typed from the row model (so empty batches still have a schema)."""
    import pyarrow as pa

    from schemas.tables import sql_type

    fields = []
    for name, info in model.model_fields.items():
        typ, _ = sql_type(info.annotation)
        arrow = {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
                 "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "VARCHAR[]": pa.list_(pa.string())}[typ]
        fields.append(pa.field(name, arrow))
    schema = pa.schema(fields)
    columns = {f.name: [r.get(f.name) for r in rows] for f in schema}
    return pa.table(columns, schema=schema)


def insert(con, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    from schemas.tables import TABLES

    model = TABLES[table]
    arrow = arrow_table(model, [model(**r).model_dump() for r in rows])
    con.register("_batch", arrow)
    try:
        cols = ", ".join(f'"{c}"' for c in model.model_fields)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _batch")
    finally:
        con.unregister("_batch")


def known_files(con) -> dict[str, str]:
    """path -> sha256 of every document in the warehouse."""
    return dict(con.execute("SELECT path, doc_sha256 FROM documents").fetchall())


def known_catalogue(con) -> dict[str, str | None]:
    """path -> the catalogue entry each document was ingested with (JSON), to notice a changed one."""
    return dict(con.execute("SELECT path, catalogue_json FROM documents").fetchall())


def has_sha(con, sha: str) -> bool:
    return con.execute("SELECT count(*) FROM documents WHERE doc_sha256 = ?", [sha]).fetchone()[0] > 0


def delete_document(con, sha: str) -> None:
    ids = "SELECT record_id FROM record_facts WHERE doc_sha256 = ?"
    con.execute(f"DELETE FROM record_actors WHERE record_id IN ({ids})", [sha])
    con.execute(f"DELETE FROM record_themes WHERE record_id IN ({ids})", [sha])
    for table in ("record_facts", "passages", "quarantine", "documents"):
        con.execute(f"DELETE FROM {table} WHERE doc_sha256 = ?", [sha])


def load_batch(con, batch: list[dict]) -> None:
    """Load several files' rows in one transaction; a file already there under another sha is replaced."""
    con.execute("BEGIN TRANSACTION")
    try:
        shas = [item["document"]["doc_sha256"] for item in batch]
        present = {r[0] for r in con.execute("SELECT doc_sha256 FROM documents WHERE list_contains(?, doc_sha256)",
                                             [shas]).fetchall()}
        for item in batch:
            for old_sha in item.get("replaces", []) + ([item["document"]["doc_sha256"]] if item["document"]["doc_sha256"] in present else []):
                delete_document(con, old_sha)  # a changed file's old rows; or the same file forced again
        for table in ("documents", "record_facts", "record_actors", "record_themes", "passages", "quarantine"):
            insert(con, table, [row for item in batch for row in item.get(table, [])])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")


def content_key(texts) -> str | None:
    """What the renditions of one document (.docx, .pdf, .txt) share: md5 of its passages' text in
    reading order, lower-cased, letters and digits only (so line breaks, hyphens, spacing and how a
    reader cut the text into blocks do not count). None for a document without a letter or digit."""
    digest, empty = hashlib.md5(), True
    for text in texts:
        kept = NOT_LETTER_OR_DIGIT.sub("", (text or "").lower())
        if kept:
            digest.update(kept.encode("utf-8"))
            empty = False
    return None if empty else digest.hexdigest()


def rows_for_state(state, path: str, run_id: str | None) -> dict:
    """Flatten one processed file into warehouse rows (the transform step before the load)."""
    doc, st = state.doc, state.structure
    sha = doc.sha256
    ts = now()
    out = {
        "document": None,
        "record_facts": [], "record_actors": [], "record_themes": [], "passages": [], "quarantine": [],
    }
    for rec in state.records:
        rid = rec.record_id
        out["record_facts"].append(dict(
            record_id=rid, doc_sha256=sha, doc=rec.doc, kind=rec.kind.value, text=rec.text,
            start_date=rec.date.start, end_date=rec.date.end, date_raw=rec.date.raw,
            date_granularity=rec.date.granularity, date_source=rec.date.source, countries=rec.countries,
            priority_codes=rec.priority_codes, location=rec.location, location_country=rec.location_country,
            funding=rec.funding, section=rec.section, ref=rec.ref, page=rec.prov.page, table_no=rec.prov.table,
            row_no=rec.prov.row, paragraph_no=rec.prov.paragraph, block_no=rec.prov.block,
            char_start=rec.prov.char_start, char_end=rec.prov.char_end,
            cells_json=json.dumps(rec.cells, ensure_ascii=False), why=rec.why,
        ))
        for i, a in enumerate(rec.actors):
            out["record_actors"].append(dict(record_id=rid, ord=i, **a.model_dump(mode="json")))
        for i, t in enumerate(rec.themes):
            out["record_themes"].append(dict(record_id=rid, ord=i, **t.model_dump(mode="json")))
    for i, block in enumerate(doc.blocks):
        if block.kind.value == "table":
            out["passages"] += table_cell_passages(block, i, sha, doc.name)
            continue
        out["passages"].append(dict(doc_sha256=sha, doc=doc.name, block_no=i, kind=block.kind.value, label=block.label,
                                    text=block.text, page=block.prov.page, paragraph_no=block.prov.paragraph,
                                    char_start=block.prov.char_start, char_end=block.prov.char_end))
    for q in state.quarantine:
        out["quarantine"].append(dict(doc_sha256=sha, doc=q.doc, stage=q.stage, reason=q.reason, raw_text=q.raw_text,
                                      raw_json=json.dumps(q.raw, ensure_ascii=False, default=str),
                                      page=q.prov.page if q.prov else None, row_no=q.prov.row if q.prov else None,
                                      paragraph_no=q.prov.paragraph if q.prov else None, quarantined_at=ts))
    out["document"] = dict(
        doc_sha256=sha, name=doc.name, path=path, format=doc.format, kind=st.kind, title=st.title,
        title_source=st.title_source, period_source=st.period_source, genre=st.genre, source=st.source,
        catalogue_json=json.dumps(st.catalogue, ensure_ascii=False, default=str) if st.catalogue else None,
        period_start=st.period.start if st.period else None, period_end=st.period.end if st.period else None,
        period_raw=st.period.raw if st.period else None, pages=doc.pages, blocks=len(doc.blocks),
        records=len(state.records), quarantined=len(state.quarantine), candidates=state.candidates, warnings=doc.warnings,
        ingested_at=ts, run_id=run_id, language=doc.language,
        content_key=content_key(p["text"] for p in out["passages"]),
    )
    out["documents"] = [out["document"]]
    return out


def table_cell_passages(block, block_no: int, sha: str, doc_name: str) -> list[dict]:
    """One passage per non-empty cell of any table, header cells as row 0, with table, row and
    column provenance and the cell's span in the document text (cells are tab-separated lines)."""
    out = []
    offset = block.prov.char_start or 0
    lines = [(0, block.header, block.prov.page)] + [(r.index + 1, r.cells, r.pages[0] if r.pages else block.prov.page)
                                                    for r in block.rows]
    for row_no, cells, page in lines:
        cell_start = offset
        for col, text in enumerate(cells):
            if text.strip():
                out.append(dict(doc_sha256=sha, doc=doc_name, block_no=block_no, kind="table_cell", label=None,
                                text=" ".join(text.split()), page=page, paragraph_no=None, char_start=cell_start,
                                char_end=cell_start + len(text), table_no=block.prov.table, row_no=row_no, column_no=col,
                                column=" ".join(block.header[col].split()) if col < len(block.header) else None))
            cell_start += len(text) + 1
        offset += len("\t".join(cells)) + 1
    return out
