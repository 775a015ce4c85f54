"""The warehouse tables, declared once as pydantic row models; the DuckDB DDL is generated
from them (as dlt derives a schema), so the database always follows this file."""
from __future__ import annotations

import types
import typing
from datetime import date, datetime

from pydantic import BaseModel, Field


def pk(**kw):
    return Field(json_schema_extra={"primary_key": True}, **kw)


class DocumentRow(BaseModel):
    doc_sha256: str = pk()
    name: str
    path: str
    format: str
    kind: str
    title: str | None = None
    title_source: str | None = None  # catalogue | text | none
    period_start: date | None = None
    period_end: date | None = None
    period_raw: str | None = None
    period_source: str | None = None  # catalogue | chairmanship | text | dateline | headings | none
    genre: str | None = None  # from the archive's catalogue (--manifest)
    source: str | None = None  # from the archive's catalogue: where the document came from
    catalogue_json: str | None = None  # the whole catalogue entry, extra columns included
    pages: int | None = None
    blocks: int
    records: int
    quarantined: int
    candidates: int = 0  # prose units judged as event / activity / nothing
    warnings: list[str] = Field(default_factory=list)
    ingested_at: datetime
    run_id: str | None = None
    language: str | None = None  # ISO 639-1 code of the body's main language
    # The same document in another format (.docx, .pdf, .txt) has the same key: md5 of its passages'
    # text in reading order, lower-cased, letters and digits only (warehouse/store.py content_key)
    content_key: str | None = None


class RecordRow(BaseModel):
    record_id: str = pk()
    doc_sha256: str
    doc: str
    kind: str
    text: str
    start_date: date | None = None
    end_date: date | None = None
    date_raw: str | None = None
    date_granularity: str
    date_source: str
    countries: list[str] = Field(default_factory=list)
    priority_codes: list[str] = Field(default_factory=list)
    location: str | None = None
    location_country: str | None = None
    funding: str | None = None
    section: str | None = None
    ref: str | None = None
    page: int | None = None
    table_no: int | None = None
    row_no: int | None = None
    paragraph_no: int | None = None
    block_no: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    cells_json: str = "{}"
    why: str | None = None  # prose records: the rule and classifier scores that made it an event or activity


class RecordActorRow(BaseModel):
    record_id: str
    ord: int
    name: str
    entity_id: str | None = None
    as_written: str
    role: str
    source_field: str
    kind: str
    reason: str


class RecordThemeRow(BaseModel):
    record_id: str
    ord: int
    theme: str
    source: str
    reason: str


class PassageRow(BaseModel):
    """Every body block of every document: what `check` searches for evidence, what `explain` quotes.
    A table gives one passage per non-empty cell (kind `table_cell`, its header row is row 0)."""

    doc_sha256: str
    doc: str
    block_no: int
    kind: str
    label: str | None = None
    text: str
    page: int | None = None
    paragraph_no: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    table_no: int | None = None
    row_no: int | None = None
    column_no: int | None = None
    column: str | None = None  # the cell's column header


class QuarantineRow(BaseModel):
    doc_sha256: str
    doc: str
    stage: str
    reason: str
    raw_text: str
    raw_json: str = "{}"
    page: int | None = None
    row_no: int | None = None
    paragraph_no: int | None = None
    quarantined_at: datetime


class FailureRow(BaseModel):
    run_id: str
    path: str
    reason: str  # the one line the user saw
    failed_at: datetime
    kind: str = "file"  # "file": the file's fault; "internal": planscope's (schemas/errors.py)
    detail: str | None = None  # the traceback of an internal error


class IngestRunRow(BaseModel):
    run_id: str = pk()
    started_at: datetime
    finished_at: datetime | None = None
    paths: list[str] = Field(default_factory=list)
    workers: int = 1
    files_seen: int = 0
    files_ingested: int = 0
    files_skipped: int = 0
    files_failed: int = 0
    records: int = 0
    status: str = "running"


TABLES: dict[str, type[BaseModel]] = {
    "documents": DocumentRow,
    "record_facts": RecordRow,
    "record_actors": RecordActorRow,
    "record_themes": RecordThemeRow,
    "passages": PassageRow,
    "quarantine": QuarantineRow,
    "failures": FailureRow,
    "ingest_runs": IngestRunRow,
}

_SQL_TYPES = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN", date: "DATE", datetime: "TIMESTAMP"}


def sql_type(annotation) -> tuple[str, bool]:
    """(DuckDB type, nullable) of a field annotation."""
    nullable = False
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(annotation))
        annotation = args[0]
        origin = typing.get_origin(annotation)
    if origin is list:
        inner, _ = sql_type(typing.get_args(annotation)[0])
        return f"{inner}[]", nullable
    return _SQL_TYPES[annotation], nullable


def ddl(name: str, model: type[BaseModel]) -> str:
    cols, keys = [], []
    for field_name, info in model.model_fields.items():
        typ, nullable = sql_type(info.annotation)
        cols.append(f'"{field_name}" {typ}{"" if nullable else " NOT NULL"}')
        if (info.json_schema_extra or {}).get("primary_key"):
            keys.append(f'"{field_name}"')
    if keys:
        cols.append(f"PRIMARY KEY ({', '.join(keys)})")
    return f"CREATE TABLE IF NOT EXISTS {name} (\n  " + ",\n  ".join(cols) + "\n)"


def added_columns(name: str, model: type[BaseModel], existing: set[str]) -> list[str]:
    """ALTER statements for columns this version declares that an older warehouse lacks, so a
    warehouse made by an earlier planscope keeps working (new columns are all nullable or defaulted)."""
    out = []
    for field_name, info in model.model_fields.items():
        if field_name in existing:
            continue
        typ, _ = sql_type(info.annotation)
        default = info.default if isinstance(info.default, (int, float)) and not isinstance(info.default, bool) else None
        out.append(f'ALTER TABLE {name} ADD COLUMN "{field_name}" {typ}' + (f" DEFAULT {default}" if default is not None else ""))
    return out


# The public view: records.md's columns, plus ids and provenance for joins.
RECORDS_VIEW = """
CREATE OR REPLACE VIEW records AS
SELECT
  r.record_id, r.doc, r.kind, r.text,
  r.start_date AS "start", r.end_date AS "end", r.start_date, r.end_date,
  coalesce((SELECT list(a.name ORDER BY a.ord) FROM record_actors a
            WHERE a.record_id = r.record_id AND a.source_field <> 'funding'), []::VARCHAR[]) AS actors,
  r.countries,
  coalesce((SELECT list(t.theme ORDER BY t.ord) FROM record_themes t WHERE t.record_id = r.record_id), []::VARCHAR[]) AS themes,
  r.priority_codes, r.location, r.funding,
  d.kind AS doc_kind, d.period_start AS doc_period_start, d.period_end AS doc_period_end,
  r.page, r.table_no, r.row_no, r.paragraph_no, r.char_start, r.char_end, r.ref, r.section,
  d.genre AS doc_genre, d.title AS doc_title
FROM record_facts r JOIN documents d USING (doc_sha256)
"""


class CheckRunRow(BaseModel):
    check_id: str = pk()
    report_doc: str
    report_sha256: str
    plan_docs: list[str] = Field(default_factory=list)
    created_at: datetime
    threshold_evidenced: float
    threshold_partly: float
    commitments: int


class CommitmentCheckRow(BaseModel):
    check_id: str
    record_id: str
    plan_doc: str
    ref: str | None = None
    commitment_text: str
    deadline: date | None = None
    status: str
    score: float
    themes: list[str] = Field(default_factory=list)


class CommitmentEvidenceRow(BaseModel):
    check_id: str
    record_id: str
    rank: int
    evidence_text: str
    doc: str
    kind: str
    page: int | None = None
    paragraph_no: int | None = None
    start_date: date | None = None  # when the passage says it happened, if it says
    end_date: date | None = None
    score: float
    shared_terms: list[str] = Field(default_factory=list)


TABLES.update({"check_runs": CheckRunRow, "commitment_checks": CommitmentCheckRow,
               "commitment_evidence": CommitmentEvidenceRow})

# Per commitment, over every report it was checked against (the latest check of each pair):
# its standing (evidenced once evidenced, else its status in the latest report), the status in
# the latest report, and the first report, quote and date that evidenced it (the passage's own
# date when it falls in the report's period, else the period's start).
COMMITMENT_STATUS_VIEW = """
CREATE OR REPLACE VIEW commitment_status AS
WITH checks AS (
  SELECT c.*, r.report_doc, d.period_start AS report_start, d.period_end AS report_end
  FROM commitment_checks c JOIN check_runs r USING (check_id) LEFT JOIN documents d ON d.doc_sha256 = r.report_sha256
  QUALIFY row_number() OVER (PARTITION BY c.record_id, r.report_sha256 ORDER BY r.created_at DESC) = 1
), checked AS (
  SELECT k.*, e.evidence_text,
         CASE WHEN e.start_date >= k.report_start THEN e.start_date ELSE k.report_start END AS evidenced_on,
         k.status IN ('evidenced', 'partly evidenced') AS positive
  FROM checks k LEFT JOIN commitment_evidence e ON e.check_id = k.check_id AND e.record_id = k.record_id AND e.rank = 1
)
SELECT record_id, any_value(plan_doc) AS plan_doc, any_value(ref) AS ref, any_value(commitment_text) AS commitment_text,
  any_value(deadline) AS deadline,
  CASE WHEN bool_or(status = 'evidenced') THEN 'evidenced' WHEN bool_or(positive) THEN 'partly evidenced'
       ELSE arg_max(status, report_end) END AS status,
  arg_max(status, report_end) AS latest_status, arg_max(report_doc, report_end) AS latest_report,
  arg_min(report_doc, evidenced_on) FILTER (WHERE positive) AS evidence_report,
  arg_min(evidence_text, evidenced_on) FILTER (WHERE positive) AS evidence_quote,
  min(evidenced_on) FILTER (WHERE positive) AS first_evidenced,
  count(*) AS reports_checked
FROM checked GROUP BY record_id
"""
# store.ensure_schema runs RECORDS_VIEW after creating the tables; the check view rides with it.
RECORDS_VIEW = RECORDS_VIEW.rstrip().rstrip(";") + ";\n" + COMMITMENT_STATUS_VIEW
