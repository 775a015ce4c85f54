"""The DuckDB warehouse: schema from schemas.tables, bulk loading, queries and export."""

DEFAULT_DB = "planscope.duckdb"


class WarehouseBusy(Exception):
    """Another process holds the warehouse for writing."""
