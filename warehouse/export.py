"""`planscope export`: the public record contract (spec/records.md), read from the warehouse."""
from __future__ import annotations

import json
from typing import IO, Iterator

EXPORT_SQL = """
SELECT doc, kind, text, "start", "end", actors, countries, themes, priority_codes, location, funding, record_id, ref
FROM records {where}
ORDER BY doc, coalesce(table_no, -1), coalesce(row_no, -1), coalesce(char_start, -1), record_id
"""


def export_rows(con, doc: str | None = None) -> Iterator[dict]:
    where, params = ("WHERE doc = ?", [doc]) if doc else ("", [])
    cur = con.execute(EXPORT_SQL.format(where=where), params)
    names = [d[0] for d in cur.description]
    for row in cur.fetchall():
        rec = dict(zip(names, row))
        for key in ("start", "end"):
            rec[key] = rec[key].isoformat() if rec[key] else None
        yield rec


def write_jsonl(con, out: IO[str], doc: str | None = None) -> int:
    n = 0
    for rec in export_rows(con, doc):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_parquet(con, folder: str) -> int:
    """The records (with provenance), their actors and themes as Hive-partitioned Parquet:
    records/year=2009/kind=activity/*.parquet; a record without a date goes under year=__HIVE_DEFAULT_PARTITION__."""
    from pathlib import Path

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    con.execute(f"""COPY (SELECT *, year("start") AS year FROM records)
                    TO '{out / "records"}' (FORMAT parquet, PARTITION_BY (year, kind), OVERWRITE_OR_IGNORE true)""")
    for table in ("record_actors", "record_themes", "documents"):
        con.execute(f"COPY {table} TO '{out / (table + '.parquet')}' (FORMAT parquet)")
    return con.execute("SELECT count(*) FROM records").fetchone()[0]
