"""How fast `planscope serve` answers on a warehouse of 100,000 records.

    .venv/bin/python bench/bench_serve.py [--records 100000] [--runs 20] [--out bench/SERVE.md]

The warehouse is generated from the corpus: corpus/ is ingested once, then every document with
its records, actors, themes and passages is copied in SQL under new ids and names (copy i also
moves its dates back i % 20 years, so the year facet and the timeline spread over two decades)
until there are at least --records records. Each page is requested through Starlette's TestClient
(the whole app, no network), once to warm up and then --runs times; the median is the figure.
"""
from __future__ import annotations

import argparse
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS_MS = {"faceted search": 200, "record page": 100}


def ingest_corpus(db: Path) -> None:
    subprocess.run([sys.executable, "-m", "planscope_cli", "--db", str(db), "ingest", str(ROOT / "corpus"), "--quiet"],
                   cwd=ROOT, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL)


def multiply(db: Path, records: int) -> int:
    """Copy every document's rows under new ids until the warehouse holds >= `records` records. A copy
    is a document of its own (its own content_key), not a rendition of the one it was copied from;
    within a copy the .docx, .pdf and .txt of a seed stay renditions of one document, as in corpus/."""
    import duckdb

    con = duckdb.connect(str(db))
    base = con.execute("SELECT count(*) FROM record_facts").fetchone()[0]
    copies = math.ceil(records / base)
    con.execute("BEGIN TRANSACTION")
    con.execute(f"CREATE TEMP TABLE copies AS SELECT range AS i FROM range(1, {copies})")
    shift = "to_years(CAST(i % 20 AS INTEGER))"
    new_name = "regexp_replace(name, '\\.(\\w+)$', '_copy' || i || '.\\1')"
    con.execute(f"""INSERT INTO documents BY NAME SELECT d.* REPLACE (
        doc_sha256 || '_' || i AS doc_sha256, {new_name} AS name, period_start - {shift} AS period_start,
        period_end - {shift} AS period_end, md5(content_key || '_copy' || i) AS content_key) FROM documents d, copies""")
    con.execute(f"""INSERT INTO record_facts BY NAME SELECT r.* REPLACE (
        record_id || '_' || i AS record_id, doc_sha256 || '_' || i AS doc_sha256,
        regexp_replace(doc, '\\.(\\w+)$', '_copy' || i || '.\\1') AS doc,
        start_date - {shift} AS start_date, end_date - {shift} AS end_date) FROM record_facts r, copies""")
    for table in ("record_actors", "record_themes"):
        con.execute(f"INSERT INTO {table} BY NAME SELECT t.* REPLACE (record_id || '_' || i AS record_id) FROM {table} t, copies")
    con.execute("""INSERT INTO passages BY NAME SELECT p.* REPLACE (doc_sha256 || '_' || i AS doc_sha256,
        regexp_replace(doc, '\\.(\\w+)$', '_copy' || i || '.\\1') AS doc) FROM passages p, copies""")
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    total = con.execute("SELECT count(*) FROM record_facts").fetchone()[0]
    con.close()
    return total


def median_ms(client, url: str, runs: int) -> tuple[float, float, float, int]:
    """(median wall ms, max wall ms, median CPU ms of this process, response bytes). CPU time is
    reported too because the benchmark machine is shared: wall time includes waiting for a core."""
    r = client.get(url)  # warm-up (and the page must work)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    walls, cpus = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        r = client.get(url)
        walls.append((time.perf_counter() - t) * 1000)
        cpus.append((time.process_time() - c) * 1000)
        assert r.status_code == 200
    return statistics.median(walls), max(walls), statistics.median(cpus), len(r.content)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--db", help="keep the generated warehouse here (default: a temporary folder)")
    ap.add_argument("--out", default=str(ROOT / "bench" / "SERVE.md"))
    args = ap.parse_args()

    from starlette.testclient import TestClient

    from serve.app import create_app

    tmp = Path(tempfile.mkdtemp(prefix="bench_serve_"))
    db = Path(args.db) if args.db else tmp / "serve100k.duckdb"
    if db.exists():
        db.unlink()
    started = time.perf_counter()
    ingest_corpus(db)
    total = multiply(db, args.records)
    built = time.perf_counter() - started
    print(f"warehouse: {total} records in {built:.1f} s -> {db}", file=sys.stderr)

    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    record_id = con.execute("SELECT record_id FROM record_facts WHERE doc LIKE '000_%_copy177.docx' ORDER BY row_no LIMIT 1").fetchone()[0]
    n_docs, n_passages = con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM passages)").fetchone()
    con.close()

    pages = [
        ("faceted search", "/search?q=trafficking&theme=migration&year_from=1990&year_to=2010&kind=activity"),
        ("faceted search", "/search?q=children+meeting&genre=report"),
        ("faceted search", "/search?theme=trafficking&actor=cbss_children_at_risk_group"),
        ("record page", f"/record/{record_id}"),
        ("other", "/search?q=trafficking&what=passages"),
        ("other", "/timeline?q=trafficking"),
        ("other", "/actor/cbss_children_at_risk_group"),
    ]
    rows = []
    load_before = os.getloadavg()[0]
    # no page cache: the figures are a page's rendering, not a kept copy (load_serve.py measures both)
    with TestClient(create_app(db, idle_seconds=0, page_cache_mb=0), base_url="http://127.0.0.1") as client:
        for kind, url in pages:
            med, worst, cpu, size = median_ms(client, url, args.runs)
            target = TARGETS_MS.get(kind)
            verdict = "" if target is None else (f"< {target} ms: {'met' if med < target else 'MISSED'}")
            rows.append((kind, url, med, worst, cpu, size, verdict))
            print(f"{kind:15} {med:7.1f} ms median (max {worst:6.1f}, cpu {cpu:6.1f})  {url}", file=sys.stderr)
    load_after = os.getloadavg()[0]

    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# `planscope serve` benchmark", "",
        f"Machine: {os.cpu_count()} cores (shared with other jobs); Python {platform.python_version()}. "
        f"Generated by `bench/bench_serve.py` on {when}. Load average (1 min) {load_before:.1f} before the "
        f"timed requests, {load_after:.1f} after: wall times include waiting for a core; the CPU column is this "
        "process's own CPU time per request.", "",
        f"Reproduce: `PYTHONPATH=. .venv/bin/python bench/bench_serve.py --records {args.records} --runs {args.runs}`", "",
        f"Warehouse: corpus/ ingested, then copied in SQL to **{total} records** ({n_docs} documents, {n_passages} passages), "
        f"built in {built:.0f} s. Dates of copy i move back i % 20 years. Each page: one warm-up request, then "
        f"{args.runs} timed requests through Starlette's TestClient (the whole app: routing, SQL, Jinja2; no network; "
        f"the page cache off, so that every request renders its page).", "",
        "| page | URL | median (wall) | max (wall) | median CPU | bytes | target (median wall) |",
        "|---|---|---|---|---|---|---|",
    ]
    lines += [f"| {k} | `{u}` | {m:.1f} ms | {w:.1f} ms | {c:.1f} ms | {s} | {v} |" for k, u, m, w, c, s, v in rows]
    lines += ["", "Search ranks with BM25 (serve/queries.py defines it in SQL; DuckDB's `fts` extension would need a "
              "download). The server answers searches, facets, the timeline and a document's page from an index of the "
              "warehouse's version built once, at the warm-up request here (serve/search_index.py: words -> records, "
              "facet values as codes, the shown columns); only a record's own page reads DuckDB, three statements."]
    old = Path(args.out).read_text(encoding="utf-8") if Path(args.out).exists() else ""
    rest = old[old.index("\n## Under load"):] if "\n## Under load" in old else ""  # load_serve.py's sections stay
    Path(args.out).write_text("\n".join(lines) + "\n" + rest, encoding="utf-8")
    print(f"figures -> {args.out}", file=sys.stderr)
    if not args.db:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
