"""planscope command line: parses the arguments and dispatches to ingest, read, check, serve and the
warehouse queries. The top layer (tests/test_layers.py): nothing imports it.

    planscope [--db PATH] ingest PATH... [--workers N] [--password PW] [--force] [--ocr auto|off|force]
                                         [--max-unpacked SIZE] [--max-page-pixels N] [--max-memory SIZE]
    planscope [--db PATH] sql "SELECT ..." [--csv | --json] [--write]
    planscope [--db PATH] export --jsonl FILE|- [--doc NAME]
    planscope [--db PATH] docs
    planscope [--db PATH] explain RECORD_ID
    planscope read FILE [--format md|json]     (the document model; no warehouse)
    planscope [--db PATH] check REPORT [--against PLAN...] [--format table|md|html|json|csv] [--out FILE]
    planscope [--db PATH] check --all   every plan against every later or overlapping report; see commitment_status
    planscope [--db PATH] serve [--host 127.0.0.1] [--port 8000]

Exit codes: 0 success; 1 some files failed (each named) or a query failed; 2 usage error;
3 planscope itself failed on some file ("internal error ... please report"; `--debug` prints the
traceback, which the `failures` table keeps in `detail`).
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from datetime import date, datetime

from schemas.errors import EXIT_INTERNAL, PlanscopeError
from pipeline.limits import Limits
from warehouse import DEFAULT_DB, WarehouseBusy  # not warehouse.store: --help and sql start without pyarrow


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 on usage errors; keep its message on one line
        self.print_usage(sys.stderr)
        print(f"planscope: error: {message}", file=sys.stderr)
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="planscope", description="Plans and reports in, validated records in DuckDB, SQL out.")
    p.add_argument("--db", default=os.environ.get("PLANSCOPE_DB", DEFAULT_DB), help="warehouse file (default: %(default)s)")
    p.add_argument("--debug", action="store_true", help="print the traceback of planscope's internal errors")
    sub = p.add_subparsers(dest="command", required=True, parser_class=Parser)
    ing = sub.add_parser("ingest", help="ingest files or folders (recursively)")
    ing.add_argument("paths", nargs="+")
    ing.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")
    ing.add_argument("--password", help="password for encrypted PDFs")
    ing.add_argument("--force", action="store_true", help="re-process files even when unchanged")
    ing.add_argument("--manifest", metavar="CSV", action="append",
                     help="the archive's catalogue: file,title,period_start,period_end,genre,source (repeatable)")
    ing.add_argument("--ocr", choices=["auto", "off", "force"], default="auto",
                     help="OCR PDF pages: auto = pages with no (or a garbage) text layer; force = every page; off = never")
    defaults = Limits()
    ing.add_argument("--max-unpacked", metavar="SIZE",
                     help="refuse a .docx/.odt part or package, or a PDF stream, that unpacks to more than this "
                          f"(default: {defaults.max_unpacked // 2**20}M)")
    ing.add_argument("--max-page-pixels", metavar="N",
                     help="OCR a page at up to 300 dpi, fewer when it would take more pixels than this "
                          f"(default: {defaults.max_page_pixels / 1e6:g}M; A3 at 300 dpi is 17.4M)")
    ing.add_argument("--max-memory", metavar="SIZE", default=None,
                     help="memory a worker may use for one file beyond its start; a file that needs more fails "
                          "(default: half the machine's memory over the workers, 768M to 1G)")
    ing.add_argument("--quiet", action="store_true", help="no progress bar")
    ing.add_argument("--executor", choices=["local", "ray"], default="local",
                     help="local process pool, or Ray tasks (RAY_ADDRESS names a cluster; default a local Ray)")
    sql = sub.add_parser("sql", help="run SQL against the warehouse")
    sql.add_argument("query")
    fmt = sql.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true")
    fmt.add_argument("--json", action="store_true")
    sql.add_argument("--write", action="store_true", help="allow statements that change the warehouse")
    exp = sub.add_parser("export", help="export records (spec/records.md) as JSON lines, or the warehouse as Parquet")
    target = exp.add_mutually_exclusive_group(required=True)
    target.add_argument("--jsonl", metavar="FILE", help="output file, or - for stdout")
    target.add_argument("--parquet", metavar="DIR", help="Hive-partitioned Parquet (year=/kind=) for DuckDB, Spark, Trino")
    exp.add_argument("--doc", help="only this source document (file name)")
    sub.add_parser("docs", help="list ingested documents")
    chk = sub.add_parser("check", help="check a report against earlier plans' commitments")
    chk.add_argument("report", nargs="?")
    chk.add_argument("--all", action="store_true", help="every plan against every later or overlapping report in the warehouse")
    chk.add_argument("--against", nargs="+", metavar="PLAN", help="plans to check (default: every earlier plan in the warehouse)")
    chk.add_argument("--format", choices=["table", "md", "html", "json", "csv"], default="table")
    chk.add_argument("--out", help="write here instead of standard output")
    rd = sub.add_parser("read", help="print what planscope reads in a file (Markdown or JSON); no warehouse")
    rd.add_argument("file")
    rd.add_argument("--format", choices=["md", "json"], default="md")
    srv = sub.add_parser("serve", help="browse and search the warehouse in a web browser (read-only)")
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s, this machine only)")
    srv.add_argument("--port", type=int, default=8000)
    srv.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                     help="also answer requests addressed to NAME (e.g. the name a proxy uses); repeatable")
    srv.add_argument("--sql-seconds", type=float, default=5.0, help="the SQL page's time limit (default: %(default)s)")
    srv.add_argument("--page-workers", type=int, default=None, metavar="N",
                     help="pages rendered at the same time, the other requests waiting in line (default: 8)")
    srv.add_argument("--page-cache-mb", type=float, default=64, metavar="MB",
                     help="pages kept per URL until an ingest changes the warehouse (default: %(default)s; 0: none)")
    ex = sub.add_parser("explain", help="a record, its provenance and why each field is there")
    ex.add_argument("record_id")
    tr = sub.add_parser("train-classifier", help="retrain the narrative sentence classifier (event / activity / none)")
    tr.add_argument("--data", nargs="+", metavar="FILE", help="labelled units, .jsonl or annotation sheets (.txt); default: every author's units in extractors/data/narrative/")
    tr.add_argument("--out", metavar="DIR", help="where to write the model (default: the packaged model folder)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code = _run(args)
    if argv is None and args.command == "ingest":  # the command line's process, not a caller's
        end_process(code)
    return code


def end_process(code: int) -> None:
    """End the process now, without tearing its modules down. Freeing everything an ingest loaded
    (the stages' modules and data, the language detector's models, DuckDB, Arrow) costs ~0.1 s at
    interpreter exit, a tenth of a small ingest (bench/PERF.md, fifth round). Only when nothing is
    left to wait for: no other thread, no child process; the atexit functions still run and the
    output is flushed first. Otherwise returns, and the interpreter exits as usual."""
    import atexit
    import threading

    if threading.active_count() > 1 or "multiprocessing" in sys.modules and \
            sys.modules["multiprocessing"].active_children():
        return
    run_exit_functions = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_functions is None:
        return
    run_exit_functions()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: what Python's own exit would have hit too
            code = code or 120
    os._exit(code)


def _run(args) -> int:
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"planscope: error: {exc}", file=sys.stderr)
        return 2
    except (WarehouseBusy, FileNotFoundError, PlanscopeError) as exc:
        print(f"planscope: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("planscope: interrupted; the warehouse keeps every batch that was committed", file=sys.stderr)
        return 130


def cmd_ingest(args) -> int:
    from pipeline.ingest import ingest

    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    catalogue = None
    if args.manifest:
        from extractors.catalogue import CatalogueError, load_catalogues

        try:
            catalogue = load_catalogues(args.manifest)
        except CatalogueError as exc:
            raise UsageError(str(exc)) from None
    file_limits = _limits(args)
    progress = None
    if not args.quiet and sys.stderr.isatty():
        from pipeline.progress import Progress  # rich: only for the bar

        progress = Progress()
    summary = ingest(args.db, args.paths, workers=args.workers, password=args.password, progress=progress,
                     force=args.force, executor=args.executor, catalogue=catalogue, ocr=args.ocr,
                     limits=file_limits)
    print(f"ingested {summary.ingested} file(s), skipped {summary.skipped} unchanged/duplicate, failed {len(summary.failed)}; "
          f"{summary.records} records, {summary.quarantined} quarantined -> {args.db}")
    for name in summary.uncatalogued:
        print(f"  warning: the manifest names {name!r}, which is not among the files ingested", file=sys.stderr)
    for path, first in summary.duplicates:
        print(f"  skipped {path}: same content as {first}", file=sys.stderr)
    for path, reason in summary.failed:
        print(f"  failed: {reason}", file=sys.stderr)
        if args.debug and path in summary.internal:
            print(summary.internal[path], file=sys.stderr)
    if summary.internal:
        return EXIT_INTERNAL
    return 1 if summary.failed else 0


def _limits(args):
    from pipeline.limits import parse_count, parse_size

    limits = Limits()
    try:
        if args.max_unpacked:
            limits.max_unpacked = parse_size(args.max_unpacked)
        if args.max_page_pixels:
            limits.max_page_pixels = parse_count(args.max_page_pixels)
        if args.max_memory:
            limits.max_memory = parse_size(args.max_memory)
        return limits
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _open_read(db: str, write: bool = False):
    from warehouse.store import connect

    return connect(db, read_only=not write, wait_seconds=5)


def cmd_sql(args) -> int:
    import duckdb

    con = _open_read(args.db, args.write)
    try:
        cur = con.execute(args.query)
    except duckdb.Error as exc:
        msg = str(exc).splitlines()[0]
        if "read-only" in msg.lower():
            msg += " (add --write to change the warehouse)"
        print(f"planscope: SQL error: {msg}", file=sys.stderr)
        return 1
    if cur.description is None:
        return 0
    names = [d[0] for d in cur.description]
    rows = cur.fetchall()
    if args.json:
        print(json.dumps([dict(zip(names, r)) for r in rows], default=_json_default, ensure_ascii=False, indent=1))
    elif args.csv:
        w = csv.writer(sys.stdout)
        w.writerow(names)
        w.writerows([[_cell(v) for v in r] for r in rows])
    else:
        print_table(names, rows)
    return 0


def _json_default(v):
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return str(v)


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return ", ".join(map(str, v))
    return str(v)


def print_table(names: list[str], rows: list[tuple], width: int = 60) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for n in names:
        table.add_column(n, overflow="fold", max_width=width)
    for r in rows:
        table.add_row(*[_cell(v) for v in r])
    Console(width=max(120, min(220, 24 * len(names)))).print(table)
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def cmd_export(args) -> int:
    from warehouse.export import write_jsonl, write_parquet

    con = _open_read(args.db)
    if args.parquet:
        n = write_parquet(con, args.parquet)
        print(f"exported {n} records to {args.parquet} (partitioned by year and kind)", file=sys.stderr)
        return 0
    if args.jsonl == "-":
        write_jsonl(con, sys.stdout, args.doc)
    else:
        with open(args.jsonl, "w", encoding="utf-8") as out:
            n = write_jsonl(con, out, args.doc)
        print(f"exported {n} records to {args.jsonl}", file=sys.stderr)
    return 0


def cmd_docs(args) -> int:
    con = _open_read(args.db)
    rows = con.execute("""
        SELECT d.name, d.format, d.language, d.kind, d.period_start, d.period_end,
               count(r.record_id) FILTER (WHERE r.kind = 'activity') AS activities,
               count(r.record_id) FILTER (WHERE r.kind = 'event') AS events,
               d.quarantined, d.pages
        FROM documents d LEFT JOIN record_facts r USING (doc_sha256)
        GROUP BY ALL ORDER BY d.name""").fetchall()
    print_table(["document", "format", "language", "kind", "period start", "period end", "activities", "events", "quarantined", "pages"], rows)
    return 0


def cmd_read(args) -> int:
    from schemas.errors import PlanscopeError
    from pipeline.readers import read_document
    from pipeline.readers.render import to_json, to_markdown

    try:
        doc = read_document(args.file)
    except PlanscopeError as exc:
        print(f"planscope: {exc}", file=sys.stderr)
        return 1
    text = to_markdown(doc) if args.format == "md" else to_json(doc)
    sys.stdout.buffer.write(text.encode("utf-8"))  # whatever the terminal's encoding, the file's own script
    return 0


def cmd_explain(args) -> int:
    from warehouse.explain import explain

    con = _open_read(args.db)
    text = explain(con, args.record_id)
    if text is None:
        print(f"planscope: no record {args.record_id!r} (record ids are in the records view)", file=sys.stderr)
        return 1
    print(text)
    return 0


def cmd_train_classifier(args) -> int:
    from pathlib import Path

    from extractors.prose import narrative_data as nd
    from extractors.prose import narrative_model as nm

    rows = [u for units in nd.authors().values() for u in units] if not args.data else []
    for path in (Path(p) for p in args.data or []):
        try:
            rows += nd.read_sheet(path, path.stem) if path.suffix == ".txt" else nd.read_jsonl(path, path.stem)
        except (OSError, ValueError, KeyError) as exc:
            raise UsageError(f"{path}: not a file of labelled units ({type(exc).__name__}: {exc})") from None
    labels = {u.label for u in rows}
    if not labels <= set(nm.LABELS) or len(labels) < 2:
        raise UsageError(f"training labels must be among {', '.join(nm.LABELS)} (two at least); got {sorted(labels)}")
    out = Path(args.out) if args.out else nm.MODEL_DIR
    examples = nd.featurise(rows)
    nm.train([(e.context, e.label) for e in examples], out_dir=out)
    print(f"trained on {len(examples)} units from {len(args.data or []) or 'every author'}'s file(s) -> {out}")
    return 0


def cmd_check(args) -> int:
    from checking.command import check_command

    return check_command(args)


def cmd_serve(args) -> int:
    from serve.app import run

    run(args.db, host=args.host, port=args.port, allow_hosts=args.allow_host, sql_seconds=args.sql_seconds,
        page_cache_mb=args.page_cache_mb, page_workers=args.page_workers)
    return 0


COMMANDS = {"train-classifier": cmd_train_classifier, "serve": cmd_serve, "read": cmd_read, "check": cmd_check, "ingest": cmd_ingest, "sql": cmd_sql, "export": cmd_export, "docs": cmd_docs, "explain": cmd_explain}

if __name__ == "__main__":
    sys.exit(main())
