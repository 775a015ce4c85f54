"""`planscope serve`: browse and search the warehouse in a web browser (Starlette + Jinja2).

Read-only: the warehouse is opened read-only and sandboxed (serve/db.py); Jinja2 escapes every
value (autoescape on); the only file served from disk is one the warehouse says was ingested.
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import mimetypes
import os
import re
import stat
import threading
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote, urlencode

import anyio
import duckdb
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from serve import queries
from serve.cache import Entry, PageCache
from serve.charts import timeline_svg, year_bars_svg
from serve.checks import check_renderers, load_check
from serve.db import Warehouse
from serve.renditions import HOW, RenditionsOf
from serve.search_index import IndexOf
from serve.hosts import LOOPBACK_NAMES, HostCheck, allowed_hosts, exposure_warning
from serve.sql import (CELL_CHARS, DOWNLOAD_BYTES, DOWNLOAD_SECONDS, PAGE_BYTES, ROW_LIMIT, TIME_LIMIT_SECONDS,
                       QueryRefused, Result, SqlPool, check_statement, deterministic)

HERE = Path(__file__).resolve().parent
FORMATS = ("html", "csv", "json")


_WORD_RUN = re.compile(r"\w*")


def highlight(text: str | None, terms: list[str]) -> Markup:
    """`text` escaped, with the words holding a search term in <mark>.

    Linear in the text: the regex finds the terms only (literals), and each hit is widened to its
    word by matching `\\w*` forwards from its end and, on the reversed text, backwards from its start
    (never past the previous mark). A pattern such as `\\w*term\\w*` would retry the word from every
    letter: quadratic in a long unbroken word, holding the interpreter lock meanwhile."""
    if not text:
        return Markup("")
    if not terms:
        return escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.I)
    n = len(text)
    backwards = None
    out, last, pos = [], 0, 0
    while (m := pattern.search(text, pos)) is not None:
        if backwards is None:
            backwards = text[::-1]
        start = m.start() - (_WORD_RUN.match(backwards, n - m.start(), n - last).end() - (n - m.start()))
        end = _WORD_RUN.match(text, m.end()).end()
        out.append(escape(text[last:start]))
        out.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        last = pos = max(end, m.start() + 1)
    out.append(escape(text[last:]))
    return Markup("").join(out)


TEXT_CHARS = CELL_CHARS  # characters of one text shown on a page: a record, a passage, a cell
LABEL_CHARS = 200  # of a facet value, a title
PASSAGE_CHARS = 500_000  # of a document's passages on its page
TABLE_CELL_CHARS = 1_000  # of a cell in the table browser (50 rows of many columns)


def shown(text, terms: list[str] | None = None, limit: int = TEXT_CHARS) -> Markup:
    """`text` escaped (its terms marked), cut to its first `limit` characters with a note saying so:
    one huge record must not make a page of megabytes."""
    text = _cell(text)
    if len(text) <= limit:
        return highlight(text, terms or [])
    return highlight(text[:limit], terms or []) + Markup('<span class="cut">') + escape(
        f" … [cut: {len(text):,} characters, the first {limit:,} shown]") + Markup("</span>")


def make_templates() -> Environment:
    # auto_reload off: templates are read once, not checked on disk at every page
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters["highlight"] = highlight
    env.filters["cell"] = _cell
    env.filters["shown"] = shown
    env.filters["clip"] = lambda text, limit=LABEL_CHARS: shown(text, None, limit)
    return env


RESPONSE_BYTES = 2 * PAGE_BYTES  # any page at most: the SQL page shows up to PAGE_BYTES of data, plus its markup


def capped(html: str, cap: int = RESPONSE_BYTES) -> str:
    """The page, or when it is over `cap` bytes (every text on it is already cut to TEXT_CHARS, so
    only a page of very many of them gets here) its first `cap` bytes up to a tag, and a note."""
    data = html.encode("utf-8")
    if len(data) <= cap:
        return html
    head = data[:cap].decode("utf-8", "ignore")
    head = head[:head.rfind("<")] if "<" in head else head
    return (head + f'\n<p class="error" id="page-cut">Cut: this page has {len(data):,} bytes; '
            f"the first {cap:,} are shown.</p>\n</main></body></html>\n")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _json_default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


# OWASP, "CSV Injection": a cell that starts with one of these is read as a formula by spreadsheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")


def neutralise(text: str) -> str:
    """A CSV cell as OWASP advises: prefixed with ' when it starts with =, +, -, @, tab or carriage
    return, unless it is a plain number (-3 stays a number); the csv module quotes the rest."""
    if text.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_cell(value) -> str:
    return neutralise(_cell(value)) if not isinstance(value, (int, float)) or isinstance(value, bool) else _cell(value)


def csv_line(values) -> str:
    out = io.StringIO()
    csv.writer(out).writerow([csv_cell(v) for v in values])
    return out.getvalue()


def neutralise_csv(text: str) -> str:
    """A CSV made elsewhere (the check report's), every cell neutralised."""
    out = io.StringIO()
    w = csv.writer(out)
    for row in csv.reader(io.StringIO(text, newline="")):
        w.writerow([neutralise(c) for c in row])
    return out.getvalue()


def _size(n: int) -> str:
    return f"{n // 2**20} MB" if n >= 2**20 and n % 2**20 == 0 else f"{n:,} bytes"


def table_response(names: list[str], rows: list[tuple], fmt: str, filename: str, cap: int | None = None) -> Response:
    """Rows as a CSV or JSON download whose rows take at most `cap` bytes (default DOWNLOAD_BYTES):
    the rows that fit, and what was cut in the `X-Planscope-Cut` header (and, in a CSV, a last
    `[cut: ...]` line)."""
    cap = DOWNLOAD_BYTES if cap is None else cap
    parts, size, kept = [], 0, 0
    for r in rows:
        part = (json.dumps(dict(zip(names, r)), default=_json_default, ensure_ascii=False) if fmt == "json"
                else csv_line(r))
        size += len(part.encode("utf-8")) + (2 if fmt == "json" else 0)
        if size > cap:
            break
        parts.append(part)
        kept += 1
    note = (f"{len(rows) - kept:,} of {len(rows):,} rows left out: the download stops at {_size(cap)}"
            if kept < len(rows) else "")
    if fmt == "json":
        body = json.dumps([dict(zip(names, r)) for r in rows[:kept]], default=_json_default, ensure_ascii=False, indent=1)
        response = Response(body, media_type="application/json",
                            headers={"Content-Disposition": f'inline; filename="{filename}.json"'})
    else:
        body = csv_line(names) + "".join(parts) + (csv_line([f"[cut: {note}]"]) if note else "")
        response = Response(body, media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'})
    if note:
        response.headers["X-Planscope-Cut"] = note
    return response


MAX_SOURCE_BYTES = 200 * 1024 * 1024


def read_ingested(path: str, sha: str) -> bytes:
    """The bytes of the file ingested as `sha`, read through one descriptor: refused (404) when the
    stored path is now a symbolic link or not a regular file, and (410) when its content is no
    longer the content that was ingested (its sha256 differs)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        raise HTTPException(404, "the ingested file is no longer at its path, or the path is now a link") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):  # checked before fdopen, which raises IsADirectoryError on a folder
        os.close(fd)
        raise HTTPException(404, "the ingested path is no longer a regular file")
    with os.fdopen(fd, "rb") as fh:
        if info.st_size > MAX_SOURCE_BYTES:
            raise HTTPException(413, f"the file is larger than serve's cap of {MAX_SOURCE_BYTES // 2**20} MB")
        data = fh.read(MAX_SOURCE_BYTES + 1)
    if hashlib.sha256(data).hexdigest() != sha:
        raise HTTPException(410, "the file at the ingested path has changed since it was ingested (its sha256 differs)")
    return data


def _format(request: Request) -> str:
    fmt = request.path_params.get("fmt") or "html"
    if fmt not in FORMATS:
        raise HTTPException(404, f"no format {fmt!r}: html, csv or json")
    return fmt


PAGE_CACHE_MB = 64
# Pages rendered at the same time. On the shared 2-core machine of bench/SERVE.md, 3 lost throughput
# (the server's few threads got less of the machine than the other jobs' many), 8 and 40 did alike;
# 8 keeps the event loop, and so the stylesheet and the SQL page, answering between pages.
PAGE_WORKERS = 8


def create_app(db_path: str | Path, idle_seconds: float = 5.0, allowed: set[str] | None = None,
               sql_seconds: float = TIME_LIMIT_SECONDS, page_cache_mb: float = PAGE_CACHE_MB,
               page_workers: int = PAGE_WORKERS) -> Starlette:
    """The ASGI app. `allowed`: the Host names it answers (default: this machine's loopback names);
    `page_cache_mb`: pages kept per URL until the warehouse file changes (0: none kept);
    `page_workers`: pages rendered at the same time."""
    warehouse = Warehouse(db_path, idle_seconds=idle_seconds)
    pool = SqlPool(db_path, seconds=sql_seconds, idle_seconds=idle_seconds)
    env = make_templates()
    renditions = RenditionsOf(warehouse)
    index = IndexOf(warehouse)  # records in memory for search, per warehouse version (serve/search_index.py)
    cache = PageCache(warehouse.version, max_bytes=int(page_cache_mb * 2**20)) if page_cache_mb > 0 else None

    def cached(endpoint, keep=None):
        """`endpoint` with its 200 answers kept per URL for the warehouse's current version, when
        `keep(request)` (default: always). Not /source (the file on disk is checked each time)."""
        if cache is None:
            return endpoint

        def answer(request: Request) -> Response:
            if keep is not None and not keep(request):
                return endpoint(request)
            made = {}

            def render() -> Entry | None:
                response = made["response"] = endpoint(request)
                if response.status_code != 200 or isinstance(response, StreamingResponse):
                    return None
                return Entry(bytes(response.body), response.status_code, response.media_type or "",
                             tuple((k, v) for k, v in response.headers.items() if k != "x-planscope-cache"))

            entry, hit = cache.get(f"{request.url.path}?{request.url.query}", render)
            if entry is None:
                return made["response"]
            return Response(entry.body, status_code=entry.status, headers={**dict(entry.headers),
                                                                            "X-Planscope-Cache": "hit" if hit else "miss"})

        return answer

    def page(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
        html = env.get_template(template).render(request=request, db_name=Path(warehouse.path).name,
                                                 renditions=renditions.get(), renditions_how=HOW, **context)
        return HTMLResponse(capped(html), status_code=status_code)

    def listed_once(f: queries.Filters) -> tuple[str, ...]:
        """The renditions a search leaves out (each document listed once); none when it names its
        documents (`doc=`): a rendition's own page searches within that very file."""
        return () if f.doc else renditions.get().hidden

    def search(request: Request):
        f = queries.Filters.from_params(request.query_params)
        fmt = _format(request)
        hidden = listed_once(f)
        with warehouse.cursor() as cur:
            if fmt != "html":
                export = queries.export_passages if f.what == "passages" else queries.export_records
                names, rows = export(cur, index.passages() if f.what == "passages" else index.get(), f, hidden)
                return table_response(names, rows, fmt, f.what)
            result = (queries.search_passages(cur, index.passages(), f, hidden) if f.what == "passages"
                      else queries.search_records(cur, index.get(), f, hidden))
        pages = max(1, -(-result["total"] // queries.PAGE_SIZE))
        return page(request, "search.html", f=f, result=result, pages=pages, page_size=queries.PAGE_SIZE)

    def timeline(request: Request):
        f = queries.Filters.from_params(request.query_params)
        counts = queries.timeline(index.get(), f, listed_once(f))
        svg = timeline_svg(counts, lambda year, theme: f.url(year_from=year, year_to=year,
                                                             **({"theme": theme} if theme else {})))
        return page(request, "timeline.html", f=f, svg=svg, counts=counts)

    def record(request: Request):
        record_id = request.path_params["record_id"]
        with warehouse.cursor() as cur:
            rec = queries.record(cur, record_id, index.get())
            if rec is None:
                raise HTTPException(404, f"no record {record_id!r}")
        # the passages come from the passage index (serve/search_index.py), which holds them in
        # reading order: queries.table_row_around and passages_around are the same in SQL
        passages = index.passages()
        if rec["table_no"] is not None:
            context, table_row = [], passages.table_row(rec["doc_sha256"], rec["table_no"], rec["row_no"])
        else:
            context = passages.around(rec["doc_sha256"], rec["block_no"], 2, 2) if rec["block_no"] is not None else []
            table_row = None
        cells = json.loads(rec.get("cells_json") or "{}")
        return page(request, "record.html", rec=rec, context=context, table_row=table_row, cells=cells)

    def document(request: Request):
        name = request.path_params["name"]
        f = queries.Filters.from_params(request.query_params)
        with warehouse.cursor() as cur:
            doc = queries.document(cur, name)
            if doc is None:
                raise HTTPException(404, f"no document {name!r}")
        # records and passages from the indexes (queries.document_records and document_passages in SQL)
        records, total = index.get().document_records(doc["doc_sha256"], queries.PAGE_SIZE * 4,
                                                      (f.page - 1) * queries.PAGE_SIZE * 4)
        passages, passages_in_all = index.passages().document(doc["doc_sha256"], PASSAGE_CHARS, TEXT_CHARS)
        return page(request, "document.html", doc=doc, records=records, passages=passages, total=total,
                    passages_in_all=passages_in_all,
                    f=queries.Filters(doc=(name,)), page_no=f.page, per_page=queries.PAGE_SIZE * 4)

    def documents(request: Request):
        with warehouse.cursor() as cur:
            docs = queries.documents(cur)
        hidden = set(renditions.get().hidden)
        return page(request, "documents.html", docs=[d for d in docs if d["doc_sha256"] not in hidden],
                    in_all=len(docs))

    def actor(request: Request):
        key = request.path_params["key"]
        f = queries.Filters(actor=(key,))
        with warehouse.cursor() as cur:
            info = queries.actor(cur, key)
            if info is None:
                raise HTTPException(404, f"no actor {key!r}")
            result = queries.search_records(cur, index.get(), f, renditions.get().hidden)
        svg = year_bars_svg(info["by_year"], lambda year: f.url(year_from=year, year_to=year))
        return page(request, "actor.html", info=info, result=result, f=f, svg=svg)

    def source(request: Request):
        sha = request.path_params["sha"]
        with warehouse.cursor() as cur:
            found = queries.source_file(cur, sha) if re.fullmatch(r"[0-9a-f]{64}", sha) else None
        if found is None:
            raise HTTPException(404, "not an ingested file")
        data = read_ingested(found[0], sha)
        return Response(data, media_type=mimetypes.guess_type(found[1])[0] or "application/octet-stream",
                        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(found[1])}"})

    def table_list(request: Request):
        with warehouse.cursor() as cur:
            found = queries.tables(cur)
        return page(request, "tables.html", tables=found)

    def table(request: Request):
        name = request.path_params["name"]
        params = request.query_params
        sort, order, doc = params.get("sort") or "", params.get("order") or "asc", params.get("doc") or ""
        if order not in ("asc", "desc"):
            raise queries.BadParameter("order is asc or desc")
        page_no = queries.Filters.from_params({"page": params.get("page")}).page
        with warehouse.cursor() as cur:
            found = queries.browse_table(cur, name, sort, order == "desc", page_no, doc)
        if found is None:
            raise HTTPException(404, f"no table {name!r}")

        def link(**changes) -> str:
            state = {"sort": sort, "order": order if sort else "", "doc": doc, "page": page_no, **changes}
            query = urlencode({k: v for k, v in state.items() if v and not (k == "page" and v == 1)})
            return f"/table/{quote(name)}" + (f"?{query}" if query else "")

        return page(request, "table.html", t=found, sort=sort, descending=order == "desc", doc=doc, page_no=page_no,
                    pages=max(1, -(-found["total"] // queries.TABLE_PAGE)), page_size=queries.TABLE_PAGE,
                    cell_chars=TABLE_CELL_CHARS, link=link)

    def checks(request: Request):
        with warehouse.cursor() as cur:
            runs = queries.check_runs(cur)
        return page(request, "checks.html", runs=runs)

    def check(request: Request):
        check_id = request.path_params["check_id"]
        fmt = request.path_params.get("fmt") or "html"
        renderers = check_renderers()
        if fmt not in renderers:
            raise HTTPException(404, f"no format {fmt!r}")
        with warehouse.cursor() as cur:
            result = load_check(cur, check_id)
        if result is None:
            raise HTTPException(404, f"no check run {check_id!r}")
        media = {"html": "text/html; charset=utf-8", "json": "application/json", "csv": "text/csv; charset=utf-8",
                 "md": "text/markdown; charset=utf-8"}[fmt]
        body = renderers[fmt](result)
        return Response(neutralise_csv(body) if fmt == "csv" else body, media_type=media)

    def sql(request: Request):
        fmt = _format(request)
        query = request.query_params.get("q", "").strip()
        result, error, notes = Result([], []), None, []
        statement = None
        if query:
            with warehouse.cursor() as cur:
                try:
                    statement = check_statement(cur, query)
                except QueryRefused as exc:
                    error = str(exc)
        if fmt == "csv" and statement:
            try:
                return sql_csv(statement)
            except QueryRefused as exc:
                error = str(exc)
        if statement and not error:
            try:
                result = pool.query(statement, cell_chars=CELL_CHARS if fmt == "html" else PAGE_BYTES)
                notes = result.notes(ROW_LIMIT, PAGE_BYTES, CELL_CHARS if fmt == "html" else PAGE_BYTES)
            except QueryRefused as exc:
                error = str(exc)
        if fmt != "html":
            if error:
                return Response(f"refused: {error}\n", status_code=400, media_type="text/plain; charset=utf-8")
            response = table_response(result.names, result.rows, fmt, "query")
            if notes:
                response.headers["X-Planscope-Cut"] = "; ".join(notes).encode("ascii", "replace").decode()
            return response
        with warehouse.cursor() as cur:
            tables = [r[0] for r in cur.execute("SELECT table_name FROM duckdb_tables() UNION ALL "
                                                "SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1").fetchall()]
        return page(request, "sql.html", status_code=400 if error else 200, query=query, names=result.names,
                    rows=result.rows, notes=notes, error=error, row_limit=ROW_LIMIT, seconds=pool.seconds,
                    tables=tables, page_mb=PAGE_BYTES // 2**20, cell_chars=CELL_CHARS)

    def sql_keepable(request: Request) -> bool:
        """A query's page or JSON is kept only when its answer depends on the warehouse alone (no
        now(), random(), ...); a CSV download streams and is never kept."""
        query = request.query_params.get("q", "").strip()
        if not query or request.path_params.get("fmt") == "csv":
            return False
        with warehouse.cursor() as cur:
            try:
                return deterministic(cur, check_statement(cur, query))
            except QueryRefused:
                return False

    def sql_csv(statement: str) -> Response:
        """Every row, streamed as the worker sends them; a last line says what was cut, if anything."""
        messages = pool.messages(statement, None, DOWNLOAD_BYTES, DOWNLOAD_BYTES, per_message=True,
                                 total_seconds=DOWNLOAD_SECONDS)
        kind, names = next(messages)  # a failing statement fails here, before anything is sent

        def body():
            yield csv_line(names)
            try:
                for kind, payload in messages:
                    if kind == "rows":
                        yield "".join(csv_line(r) for r in payload)
                    elif kind == "done":
                        cut = Result(names, [None] * payload["rows"], False, payload["cut_cells"], payload["cut_bytes"])
                        for note in cut.notes(0, DOWNLOAD_BYTES, DOWNLOAD_BYTES):
                            yield csv_line([f"[cut: {note}]"])
            except QueryRefused as exc:
                yield csv_line([f"[cut: {exc}]"])
            finally:
                messages.close()

        return StreamingResponse(body(), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": 'attachment; filename="query.csv"'})

    async def not_found(request: Request, exc: HTTPException):
        return page(request, "error.html", status_code=exc.status_code, status=exc.status_code, message=exc.detail)

    async def bad_parameter(request: Request, exc: queries.BadParameter):
        return page(request, "error.html", status_code=400, status=400, message=str(exc))

    async def db_error(request: Request, exc: duckdb.Error):
        return page(request, "error.html", status_code=500, status=500, message=str(exc).splitlines()[0])

    # Pages are rendered by at most `page_workers` threads at a time, the other requests waiting in
    # line: twenty threads rendering at once on two cores only take the interpreter lock from each
    # other (and from the event loop, so that even a stylesheet waited), and each answer came later.
    # The SQL page is not among them: it mostly waits for its worker process.
    limiter = anyio.CapacityLimiter(page_workers)

    def in_line(endpoint):
        async def answer(request: Request) -> Response:
            return await anyio.to_thread.run_sync(endpoint, request, limiter=limiter)

        return answer

    search, timeline, record, document, documents, actor, checks, check, table_list, table = (
        in_line(cached(endpoint)) for endpoint in (search, timeline, record, document, documents, actor, checks, check,
                                                   table_list, table))
    sql = cached(sql, keep=sql_keepable)
    routes = [
        Route("/", search), Route("/search", search), Route("/search.{fmt}", search),
        Route("/timeline", timeline),
        Route("/record/{record_id}", record),
        Route("/docs", documents), Route("/doc/{name:path}", document),
        Route("/tables", table_list), Route("/table/{name}", table),
        Route("/actor/{key:path}", actor),
        Route("/source/{sha}", source),
        Route("/checks", checks), Route("/check/{check_id}.{fmt}", check), Route("/check/{check_id}", check),
        Route("/sql", sql), Route("/sql.{fmt}", sql),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        warehouse.close()
        pool.close()

    app = Starlette(routes=routes, exception_handlers={HTTPException: not_found, duckdb.Error: db_error,
                                                       queries.BadParameter: bad_parameter},
                    lifespan=lifespan,
                    middleware=[Middleware(HostCheck, names=allowed if allowed is not None else set(LOOPBACK_NAMES))])
    app.state.warehouse = warehouse
    app.state.sql_pool = pool
    app.state.page_cache = cache
    app.state.search_index = index
    return app


def describe_archive(db_path: str | Path) -> tuple[dict[str, int], list[str]]:
    """(row counts, folders of the source files) of the warehouse, for the exposure warning."""
    wh = Warehouse(db_path, idle_seconds=0)
    try:
        with wh.cursor() as cur:
            counts = dict(zip(("documents", "records", "passages"), cur.execute(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM record_facts), "
                "(SELECT count(*) FROM passages)").fetchone()))
            folders = sorted({str(Path(p).parent) for (p,) in cur.execute("SELECT path FROM documents").fetchall()})
    finally:
        wh.close()
    return counts, folders


def run(db_path: str, host: str = "127.0.0.1", port: int = 8000, allow_hosts: list[str] | None = None,
        sql_seconds: float = TIME_LIMIT_SECONDS, page_cache_mb: float = PAGE_CACHE_MB, page_workers: int | None = None) -> None:
    import sys

    import uvicorn

    warning = exposure_warning(host, port, Path(db_path).name, *describe_archive(db_path))
    if warning:
        print(warning, file=sys.stderr, flush=True)
    app = create_app(db_path, allowed=allowed_hosts(host, allow_hosts or ()), sql_seconds=sql_seconds,
                     page_cache_mb=page_cache_mb, page_workers=page_workers or PAGE_WORKERS)
    # the search indexes are built while the server starts, not by its first visitor's search
    threading.Thread(target=lambda: (app.state.search_index.get(), app.state.search_index.passages()),
                     name="search-index", daemon=True).start()
    print(f"planscope serve: {db_path} (read-only) on http://{host}:{port}/  (Ctrl-C stops)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
