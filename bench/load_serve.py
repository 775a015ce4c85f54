"""`planscope serve` under load: 500 requests from 20 concurrent clients, and a stylesheet asked for
while a 40 s SQL query runs.

    PYTHONPATH=. .venv/bin/python bench/load_serve.py [--db /tmp/load.duckdb] [--out bench/SERVE.md] [--page-cache-mb 0]

The warehouse is bench_serve.py's (corpus/ ingested, copied in SQL to 100,000 records) plus one
report whose passage and record hold a 40,000-letter word with "needle" in its middle. The real
server runs (`planscope serve`, uvicorn, one process) on a free port of 127.0.0.1; the clients are
stdlib threads with keep-alive connections (http.client). Targets (issue 23): no errors, p99 under
1 s, and the stylesheet under 100 ms during the long query. The server keeps rendered pages until
the warehouse changes (`--page-cache-mb`, default 64); `--page-cache-mb 0` measures every page
rendered afresh.
"""
from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

WORD = "a" * 20_000 + "needle" + "b" * 19_994  # 40,000 letters, no break


def add_long_word(db: Path) -> None:
    import duckdb

    con = duckdb.connect(str(db))
    sha = "f" * 64
    con.execute("""INSERT INTO documents (doc_sha256, name, path, format, kind, blocks, records, quarantined, candidates,
                   warnings, ingested_at) VALUES (?, 'long_word.txt', '/nonexistent/long_word.txt', 'txt', 'report', 1, 1,
                   0, 0, [], now())""", [sha])
    text = f"The word {WORD} is one word, and needle again."
    con.execute("INSERT INTO passages (doc_sha256, doc, block_no, kind, text) VALUES (?, 'long_word.txt', 0, 'paragraph', ?)",
                [sha, text])
    con.execute("""INSERT INTO record_facts (record_id, doc_sha256, doc, kind, text, date_granularity, date_source, countries,
                   priority_codes, cells_json, block_no) VALUES ('longword1', ?, 'long_word.txt', 'event', ?, 'none', 'none',
                   [], [], '{}', 0)""", [sha, text])
    con.execute("CHECKPOINT")
    con.close()


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of process `pid` and of its living children (the SQL workers),
    from /proc: what the server spent, whatever else the shared machine ran meanwhile."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


KINDS_OF_URL = ("search", "faceted search", "passages", "record", "document", "timeline", "stylesheet", "sql")


def varied_urls(con, count: int, seed: int = 23) -> list[str]:
    """`count` URLs, nearly all different (so that no page cache can answer them): searches for
    words of the records, alone or with a theme, a kind, a year range or a page; passage searches;
    record and document pages; timelines; SQL queries; and the stylesheet."""
    import random

    rnd = random.Random(seed)
    words = [w for (w,) in con.execute(
        "SELECT word FROM (SELECT unnest(string_split(lower(text), ' ')) AS word FROM record_facts USING SAMPLE 3000 ROWS "
        "(reservoir, 23)) WHERE regexp_matches(word, '^[a-z]{4,}$') GROUP BY word ORDER BY count(*) DESC, word LIMIT 400").fetchall()]
    themes = [t for (t,) in con.execute("SELECT DISTINCT theme FROM record_themes ORDER BY theme").fetchall()]
    kinds = [k for (k,) in con.execute("SELECT DISTINCT kind FROM record_facts ORDER BY kind").fetchall()]
    records = [r for (r,) in con.execute("SELECT record_id FROM record_facts USING SAMPLE 600 ROWS (reservoir, 23) "
                                         "ORDER BY record_id").fetchall()]
    docs = [d for (d,) in con.execute("SELECT name FROM documents USING SAMPLE 300 ROWS (reservoir, 23) ORDER BY name").fetchall()]
    q = urllib.parse.quote_plus
    out = []
    for i in range(count):
        kind = rnd.choices(KINDS_OF_URL, weights=(20, 20, 10, 15, 10, 10, 5, 10))[0]
        if kind == "search":
            out.append(f"/search?q={q(' '.join(rnd.sample(words, rnd.choice((1, 1, 2)))))}&page={rnd.choice((1, 1, 2))}")
        elif kind == "faceted search":
            y = rnd.randrange(1985, 2010)
            facets = [f"theme={q(rnd.choice(themes))}", f"kind={q(rnd.choice(kinds))}", f"kind={q(rnd.choice(kinds))}",
                      f"year_from={y}&year_to={y + rnd.randrange(1, 6)}"]
            chosen = "&".join(rnd.sample(facets, rnd.randrange(1, 4)))
            out.append(f"/search?{chosen}" + (f"&q={q(rnd.choice(words))}" if rnd.random() < 0.5 else ""))
        elif kind == "passages":
            out.append(f"/search?q={q(rnd.choice(words))}&what=passages")
        elif kind == "record":
            out.append(f"/record/{q(rnd.choice(records))}")
        elif kind == "document":
            out.append(f"/doc/{urllib.parse.quote(rnd.choice(docs))}")
        elif kind == "timeline":
            out.append(f"/timeline?q={q(rnd.choice(words))}")
        elif kind == "stylesheet":
            out.append("/static/planscope.css")
        else:
            out.append("/sql.json?q=" + urllib.parse.quote(
                f"SELECT kind, count(*) AS n FROM records WHERE year(start_date) = {rnd.randrange(1980, 2012)} GROUP BY kind "
                f"ORDER BY kind LIMIT {rnd.randrange(1, 50)}"))
    return out


def kind_of(url: str) -> str:
    """The kind of page a URL asks for (varied_urls' kinds)."""
    if url.startswith("/static/"):
        return "stylesheet"
    if url.startswith("/sql"):
        return "sql"
    if "what=passages" in url:
        return "passages"
    for prefix, kind in (("/record/", "record"), ("/doc/", "document"), ("/timeline", "timeline")):
        if url.startswith(prefix):
            return kind
    return "faceted search" if any(f in url for f in ("theme=", "kind=", "year_from=")) else "search"


def get(conn: http.client.HTTPConnection, url: str) -> tuple[int, int, float]:
    started = time.perf_counter()
    conn.request("GET", url)
    resp = conn.getresponse()
    body = resp.read()
    return resp.status, len(body), time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default="/tmp/planscope_load_serve_v2.duckdb", help="the warehouse (built if missing)")
    ap.add_argument("--requests", type=int, default=500)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--out", default=str(ROOT / "bench" / "SERVE.md"))
    ap.add_argument("--page-cache-mb", type=float, default=64, help="the server's page cache (0: none)")
    ap.add_argument("--page-workers", type=int, default=None, help="the server's --page-workers (default: its own)")
    ap.add_argument("--tree", default=str(ROOT), help="the planscope tree whose server runs (to compare versions)")
    ap.add_argument("--no-long-query", action="store_true",
                    help="leave out the stylesheet during a long query, and write no figures (quick comparisons)")
    ap.add_argument("--varied", action="store_true",
                    help=f"--requests URLs nearly all different (searches for many words, facets, records...) "
                         "instead of 10 repeated")
    args = ap.parse_args()

    from bench_serve import ingest_corpus, multiply

    db = Path(args.db)
    if not db.exists():
        t = time.perf_counter()
        ingest_corpus(db)
        multiply(db, 100_000)
        add_long_word(db)
        print(f"warehouse built in {time.perf_counter() - t:.0f} s -> {db}", file=sys.stderr)
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    n_records = con.execute("SELECT count(*) FROM record_facts").fetchone()[0]
    n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    n_listed_docs = con.execute("SELECT count(DISTINCT coalesce(content_key, doc_sha256)) FROM documents").fetchone()[0]
    record_id = con.execute("SELECT record_id FROM record_facts WHERE doc LIKE '000_%_copy177.docx' ORDER BY row_no LIMIT 1").fetchone()[0]
    doc = con.execute("SELECT name FROM documents WHERE name LIKE '004_%_copy3.docx'").fetchone()[0]
    varied = varied_urls(con, args.requests) if args.varied else []
    con.close()

    slow_sql = "SELECT levenshtein(repeat('a', 200000), repeat('b', 200000)) AS d"
    mix = [
        "/search?q=trafficking&theme=migration&year_from=1990&year_to=2010&kind=activity",
        "/search?q=children+meeting&genre=report",
        "/search?q=needle&what=passages",
        "/search?q=needle",
        f"/record/{record_id}",
        "/static/planscope.css",
        "/search?theme=trafficking&kind=event&kind=activity",
        f"/doc/{urllib.parse.quote(doc)}",
        "/timeline?q=trafficking",
        "/sql.json?q=" + urllib.parse.quote("SELECT kind, count(*) AS n FROM records GROUP BY kind"),
    ]
    port = free_port()
    cli = "planscope_cli" if (Path(args.tree) / "planscope_cli.py").exists() else "pipeline.cli"  # an older tree
    server = subprocess.Popen([sys.executable, "-m", cli, "--db", str(db), "serve", "--port", str(port),
                               "--sql-seconds", "90", "--page-cache-mb", str(args.page_cache_mb)] +
                              (["--page-workers", str(args.page_workers)] if args.page_workers else []), cwd=args.tree, env={**os.environ, "PYTHONPATH": str(args.tree)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(f"server did not start: {server.stderr.read() if server.poll() is not None else ''}")
                time.sleep(0.2)
        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for url in mix:  # every page works before the clock starts
            status, size, _ = get(warm, url)
            assert status == 200, (url, status)

        # 1. 500 requests, 20 clients
        queue = list(reversed(varied)) if args.varied else [mix[i % len(mix)] for i in range(args.requests)]
        lock = threading.Lock()
        results: list[tuple[str, int, int, float]] = []
        errors: list[str] = []

        def client():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            while True:
                with lock:
                    if not queue:
                        break
                    url = queue.pop()
                try:
                    status, size, seconds = get(conn, url)
                except Exception as exc:  # noqa: BLE001 - every failure is counted
                    errors.append(f"{url}: {exc!r}")
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                    continue
                with lock:
                    results.append((url, status, size, seconds))
            conn.close()

        load_before = os.getloadavg()[0]
        cpu_before = cpu_seconds(server.pid)
        started = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        cpu_ms = (cpu_seconds(server.pid) - cpu_before) * 1000 / max(1, len(results))
        bad = [(u, s) for u, s, _, _ in results if s != 200]
        times = sorted(r[3] for r in results)
        p50, p99 = times[len(times) // 2], times[max(0, int(len(times) * 0.99) - 1)]
        if args.varied:  # figures per kind of page
            per_url = {k: sorted(r[3] for r in results if kind_of(r[0]) == k) for k in KINDS_OF_URL}
        else:
            per_url = {u: sorted(r[3] for r in results if r[0] == u) for u in mix}
        load_after = os.getloadavg()[0]
        print(f"load: {len(results)} answers, {len(errors)} errors, {len(bad)} non-200 in {wall:.1f} s "
              f"(server CPU {cpu_ms:.1f} ms a request, load average {load_before:.1f} -> {load_after:.1f}); "
              f"p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms", file=sys.stderr)

        if args.no_long_query:
            return 0 if not errors and not bad and p99 < 1.0 else 1
        # 2. the stylesheet during a 40 s SQL query
        box = {}

        def slow():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            box["sql"] = get(conn, "/sql?q=" + urllib.parse.quote(slow_sql))

        sql_thread = threading.Thread(target=slow)
        sql_thread.start()
        time.sleep(2)
        css_conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        css_times = []
        while sql_thread.is_alive() and len(css_times) < 20:
            status, _, seconds = get(css_conn, "/static/planscope.css")
            assert status == 200
            if sql_thread.is_alive():
                css_times.append(seconds)
            time.sleep(1.5)
        sql_thread.join()
        sql_status, _, sql_seconds = box["sql"]
        print(f"stylesheet during the {sql_seconds:.0f} s query (status {sql_status}): max "
              f"{max(css_times) * 1000:.1f} ms over {len(css_times)}", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(timeout=20)

    ok = not errors and not bad and p99 < 1.0 and css_times and max(css_times) < 0.1
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    flags = ("" if args.page_cache_mb == 64 else f" --page-cache-mb {args.page_cache_mb:g}") + (" --varied" if args.varied else "")
    heading = "## Under load (`bench/load_serve.py`)" + ("" if args.page_cache_mb else ", no page cache") + \
        (", varied URLs" if args.varied else "")
    cache_note = (f"pages kept by the server per URL until the warehouse changes (`--page-cache-mb {args.page_cache_mb:g}`; "
                  "the warm-up below renders each URL once, so the timed requests are answered from it)"
                  if args.page_cache_mb else "no page cache (`--page-cache-mb 0`): every request renders its page")
    lines = [
        "", heading, "",
        f"Generated on {when}; {os.cpu_count()} cores shared with other jobs (load average {load_before:.1f} before, {load_after:.1f} after). "
        f"Reproduce: `PYTHONPATH=. .venv/bin/python bench/load_serve.py{flags}`. The real server (`planscope serve`, one "
        f"uvicorn process; {cache_note}) on a warehouse of {n_records} records in {n_docs} files ({n_listed_docs} documents: "
        f"a seed's .docx, .pdf and .txt are one document, listed once) that also holds a 40,000-letter word; "
        f"{args.requests} requests from {args.clients} concurrent keep-alive clients (stdlib threads), " +
        (f"{len(set(varied))} different URLs (`varied_urls`: searches for 1-2 of 400 words of the records, with a "
         f"page; 1-3 of theme, kind, kind, year range, half of them with a word; passage searches; 600 records' and "
         f"300 documents' pages; timelines of a word; SQL queries of a year; the stylesheet), by kind of page below."
         if args.varied else f"cycling through the {len(mix)} URLs below."), "",
        f"**{len(results)} answers, {len(errors)} errors, {len(bad)} not 200, in {wall:.1f} s "
        f"({len(results) / wall:.1f} requests/s): p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, max "
        f"{times[-1] * 1000:.0f} ms** (target: no errors, p99 < 1 s: {'met' if not errors and not bad and p99 < 1 else 'MISSED'}). "
        f"The server (with its SQL workers) used **{cpu_ms:.1f} ms of CPU a request** (from /proc: what it spent, "
        f"however busy the machine was).", "",
        f"| {'kind of page' if args.varied else 'URL'} | requests | median | p99 | max |", "|---|---|---|---|---|",
    ]
    lines += [f"| {u if args.varied else '`' + u[:90] + '`'} | {len(ts)} | {statistics.median(ts) * 1000:.0f} ms | "
              f"{ts[max(0, int(len(ts) * 0.99) - 1)] * 1000:.0f} ms | {ts[-1] * 1000:.0f} ms |"
              for u, ts in per_url.items() if ts]
    lines += ["", f"A stylesheet asked for every 1.5 s while `{slow_sql}` ran ({sql_seconds:.0f} s, in a SQL worker "
              f"process; the server started with `--sql-seconds 90`): **max {max(css_times) * 1000:.1f} ms, median "
              f"{statistics.median(css_times) * 1000:.1f} ms over {len(css_times)} requests** (target < 100 ms: "
              f"{'met' if max(css_times) < 0.1 else 'MISSED'})."]
    text = Path(args.out).read_text(encoding="utf-8") if Path(args.out).exists() else ""
    start = text.find("\n" + heading + "\n")
    if start >= 0:  # this section is replaced; the others stay
        end = text.find("\n## ", start + 1)
        text = text[:start].rstrip("\n") + "\n" + (text[end:] if end >= 0 else "")
    Path(args.out).write_text(text.rstrip("\n") + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"figures -> {args.out}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
