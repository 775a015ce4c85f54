"""The DuckDB warehouse: schema from schemas.tables, bulk loading, queries and export."""
