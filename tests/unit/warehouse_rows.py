"""A warehouse built from the declared tables and rows written into it one by one, for unit tests
that need a few rows and no ingest (the schema is the one in schemas/tables.py)."""
from __future__ import annotations

import duckdb

from schemas.tables import RECORDS_VIEW, TABLES, ddl


def empty_warehouse(path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    for name, model in TABLES.items():
        con.execute(ddl(name, model))
    con.execute(RECORDS_VIEW)
    return con


def insert(con, table: str, **values) -> None:
    """One row; the columns not given take their declared defaults."""
    for name, info in TABLES[table].model_fields.items():
        if name not in values and not info.is_required():
            values[name] = info.get_default(call_default_factory=True)
    cols = ", ".join(f'"{k}"' for k in values)
    con.execute(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' for _ in values)})", list(values.values()))
