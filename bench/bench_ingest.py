"""Bulk-ingest benchmark: builds a corpus of >= 500 mixed .docx and .pdf files (plans and reports
of many years, varied from the corpus documents), then measures in one run:

- end-to-end files/s and pages/s (`planscope ingest --workers N`), 1 and 2 workers;
- the parse-only baseline: pdfplumber and python-docx alone on the same files, same workers;
- re-ingest of the unchanged corpus;
- peak memory (resident set of the ingest process and its workers together, sampled);
- a 1,000-page PDF on its own (peak memory).

Writes bench/RESULTS.md.   Reproduce:  .venv/bin/python bench/bench_ingest.py [--files 500]
Needs LibreOffice (soffice) to make the PDFs.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = ROOT / "bench" / "work"
PY = sys.executable


# ---------------------------------------------------------------- corpus

def vary_seed(text: str, shift: int, rnd: random.Random) -> str:
    """Another year's document: years moved, table rows and list entries reordered and thinned."""
    text = re.sub(r"\b(19|20)(\d{2})\b", lambda m: str(int(m.group(0)) + shift), text)
    blocks = text.split("\n\n")
    head, body = blocks[:3], blocks[3:]
    kept = [b for b in body if rnd.random() > 0.15 or b.startswith("\t")]
    tabbed = [b for b in kept if b.startswith("\t") and not b.startswith("\tMember state")]
    rnd.shuffle(tabbed)
    it = iter(tabbed)
    kept = [next(it) if (b.startswith("\t") and not b.startswith("\tMember state")) else b for b in kept]
    if rnd.random() < 0.4:  # a longer year: some of the body twice
        kept += kept[len(kept) // 2:]
    return "\n\n".join(head + kept)


def build_corpus(n_files: int, out: Path) -> None:
    from corpus.make_corpus import build_docx

    if out.exists() and len(list(out.glob("*.docx"))) + len(list(out.glob("*.pdf"))) >= n_files:
        return
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    # plans, an annual report, and the prose documents (reports, news, slides, priorities) of corpus/prose
    seeds = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "corpus" / "prose").glob("*.txt"))
    rnd = random.Random(2026)
    n_docx = n_files // 2
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n_docx):
            seed = seeds[i % len(seeds)]
            txt = Path(tmp) / f"{seed.stem}_v{i:04d}.txt"
            txt.write_text(vary_seed(seed.read_text(encoding="utf-8"), rnd.randint(-6, 12), rnd), encoding="utf-8")
            build_docx(txt, out / f"{txt.stem}.docx")
    docs = sorted(out.glob("*.docx"))
    pdf_dir = out / "pdf_src"
    pdf_dir.mkdir()
    for d in docs[: n_files - n_docx]:  # the other half as PDFs of other variants
        shutil.copyfile(d, pdf_dir / (d.stem + "_p.docx"))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("bench: LibreOffice (soffice) is needed to make the PDFs: apt-get install libreoffice-writer-nogui")
    srcs = sorted(pdf_dir.glob("*.docx"))
    with tempfile.TemporaryDirectory() as profile:
        for k in range(0, len(srcs), 50):
            subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", str(out)] + [str(s) for s in srcs[k:k + 50]], check=True, capture_output=True)
    shutil.rmtree(pdf_dir)
    print(f"built {n_files} files in {time.time() - t0:.0f}s", flush=True)


def build_long_pdf(out: Path, pages: int = 1000) -> Path:
    from docx import Document as WordDocument

    pdf = out / "long_report.pdf"
    if pdf.exists():
        return pdf
    out.mkdir(parents=True, exist_ok=True)
    events = [l for l in (ROOT / "corpus" / "004_2ce97f0e434d4dce.txt").read_text().splitlines()
              if re.match(r"^\d", l)]
    doc = WordDocument()
    doc.add_paragraph("Annual Report July 2016 – June 2017 (long edition)")
    n = 0
    while n < pages * 14:  # about eleven entries a page: some margin over the pages asked for
        for e in events:
            doc.add_paragraph(e)
            n += 1
    src = out / "long_report.docx"
    doc.save(src)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out), str(src)], check=True, capture_output=True, timeout=1800)
    src.unlink()
    return pdf


# ---------------------------------------------------------------- measuring

class PeakRSS:
    """Peak resident memory of a process and all its descendants together, sampled every 0.1 s."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _tree(self) -> list[int]:
        pids, i = [self.pid], 0
        while i < len(pids):
            try:
                for task in os.listdir(f"/proc/{pids[i]}/task"):
                    with open(f"/proc/{pids[i]}/task/{task}/children") as fh:
                        pids += [int(p) for p in fh.read().split()]
            except OSError:
                pass
            i += 1
        return pids

    def _run(self):
        while not self._stop.is_set():
            total = 0
            for pid in self._tree():
                try:
                    with open(f"/proc/{pid}/status") as fh:
                        total += next(int(l.split()[1]) for l in fh if l.startswith("VmRSS:")) * 1024
                except (OSError, StopIteration):
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.1)

    def stop(self) -> int:
        self._stop.set()
        self.thread.join()
        return self.peak


def timed(cmd: list[str], env=None) -> tuple[float, int, str]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    mem = PeakRSS(proc.pid)
    out, err = proc.communicate()
    elapsed = time.perf_counter() - t0
    peak = mem.stop()
    if proc.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd)} failed: {err[-2000:]}")
    return elapsed, peak, out + err


def parse_only(path: str) -> int:
    """What pdfplumber and python-docx alone do with a file: text, words and tables. Returns pages."""
    if path.endswith(".pdf"):
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_words(extra_attrs=["fontname", "size"])
                for t in page.find_tables():
                    t.extract()
                page.flush_cache()
            return len(pdf.pages)
    import docx

    d = docx.Document(path)
    for p in d.paragraphs:
        _ = p.text, p.style.name
    for t in d.tables:
        for row in t.rows:
            _ = [c.text for c in row.cells]
    return 0


def baseline(files: list[str], workers: int) -> float:
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(parse_only, files, chunksize=4))
    return time.perf_counter() - t0


def count_pages(db: Path) -> tuple[int, int, int]:
    """Files, PDF pages (a .docx counts as one page in `documents.pages`: left out) and records."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    files, pages, records = con.execute(
        "SELECT count(*), coalesce(sum(pages) FILTER (format = 'pdf'), 0), coalesce(sum(records), 0) "
        "FROM documents").fetchone()
    con.close()
    return files, pages, records


def pdf_only(bulk: Path) -> tuple[float, int]:
    """The bench's PDFs alone, end to end with two workers (issue 26: PDF pages a second on the
    bench's PDFs): seconds and PDF pages."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "pdfs"
        folder.mkdir()
        for pdf in bulk.glob("*.pdf"):
            (folder / pdf.name).symlink_to(pdf)
        db = Path(tmp) / "pdfs.duckdb"
        elapsed, _, _ = timed([PY, "-m", "planscope_cli", "--db", str(db), "ingest", str(folder), "--workers", "2", "--quiet"])
        return elapsed, count_pages(db)[1]


def measure_long(pages: int) -> tuple[str, str, str]:
    long_pdf = build_long_pdf(WORK / "long", pages)
    long_db = WORK / "long.duckdb"
    long_db.unlink(missing_ok=True)
    long_t, long_peak, long_out = timed([PY, "-m", "planscope_cli", "--db", str(long_db), "ingest", str(long_pdf), "--quiet"])
    _, long_pages, long_records = count_pages(long_db)
    return (f"one {long_pages}-page PDF", f"{long_t:.1f} s, {long_records} records, peak {long_peak / 2**20:.0f} MiB",
            "target <= 1536 MiB"), long_out.strip().splitlines()[0]


def long_only(pages: int) -> int:
    shutil.rmtree(WORK / "long", ignore_errors=True)
    row, out = measure_long(pages)
    results = ROOT / "bench" / "RESULTS.md"
    text = re.sub(r"\| one \d+-page PDF \|.*\|\n", f"| {row[0]} | {row[1]} | {row[2]} |\n", results.read_text())
    results.write_text(text)
    print(row, out)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=500)
    ap.add_argument("--long-pages", type=int, default=1000)
    ap.add_argument("--long-only", action="store_true", help="measure only the long PDF and update its row")
    args = ap.parse_args()
    if args.long_only:
        return long_only(args.long_pages)
    bulk = WORK / f"bulk_{args.files}"
    build_corpus(args.files, bulk)
    files = sorted(str(p) for p in bulk.iterdir() if p.suffix in (".docx", ".pdf"))
    n_pdf = sum(f.endswith(".pdf") for f in files)
    results = {}
    for workers in (1, 2):
        db = WORK / f"bench_w{workers}.duckdb"
        db.unlink(missing_ok=True)
        base = baseline(files, workers)
        e2e, peak, out = timed([PY, "-m", "planscope_cli", "--db", str(db), "ingest", str(bulk), "--workers", str(workers), "--quiet"])
        results[workers] = dict(e2e=e2e, base=base, peak=peak, out=out.strip().splitlines()[0])
        print(f"workers={workers}: e2e {e2e:.1f}s, parse-only {base:.1f}s, peak {peak / 2**20:.0f} MiB", flush=True)
    nfiles, pages, records = count_pages(WORK / "bench_w2.duckdb")
    reingest, re_peak, re_out = timed([PY, "-m", "planscope_cli", "--db", str(WORK / "bench_w2.duckdb"), "ingest", str(bulk),
                                       "--workers", "2", "--quiet"])
    pdf_t, pdf_pages = pdf_only(bulk)
    long_row, long_line = measure_long(args.long_pages)

    w1, w2 = results[1], results[2]
    rows = [
        ("files (docx + pdf)", f"{nfiles} ({nfiles - n_pdf} + {n_pdf}); {pages} PDF pages; {records} records "
         f"(until 2026-12-07 the page count included one page per .docx)", ""),
        ("end to end, 2 workers", f"{w2['e2e']:.1f} s = {nfiles / w2['e2e']:.2f} files/s, {pages / w2['e2e']:.1f} PDF pages/s "
         f"(the .docx files' time included)", ""),
        ("end to end, the PDFs alone, 2 workers", f"{pdf_t:.1f} s = {pdf_pages / pdf_t:.1f} PDF pages/s", "target >= 50"),
        ("parse-only baseline, 2 workers", f"{w2['base']:.1f} s = {nfiles / w2['base']:.2f} files/s", ""),
        ("end to end / baseline (2 workers)", f"{w2['base'] / w2['e2e']:.0%} of baseline throughput", "target >= 60%"),
        ("end to end, 1 worker", f"{w1['e2e']:.1f} s = {nfiles / w1['e2e']:.2f} files/s", ""),
        ("parse-only baseline, 1 worker", f"{w1['base']:.1f} s", ""),
        ("end to end / baseline (1 worker)", f"{w1['base'] / w1['e2e']:.0%}", ""),
        ("2 workers vs 1", f"{w1['e2e'] / w2['e2e']:.2f}x", "target >= 1.7x"),
        ("re-ingest unchanged", f"{reingest:.1f} s = {reingest / w2['e2e']:.1%} of the first ingest", "target <= 3%"),
        ("peak memory, whole run (2 workers)", f"{w2['peak'] / 2**20:.0f} MiB", "target <= 1536 MiB"),
        ("peak memory, 1 worker", f"{w1['peak'] / 2**20:.0f} MiB", ""),
        long_row,
    ]
    md = ["# Ingest benchmark", "",
          f"Machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}. Generated by `bench/bench_ingest.py` on "
          f"{time.strftime('%Y-%m-%d %H:%M')}.", "",
          "Reproduce: `.venv/bin/python bench/bench_ingest.py --files 500` (needs LibreOffice for the PDFs; the corpus "
          "is built under bench/work/ and reused).", "",
          "The corpus: the three corpus documents varied into other years (years shifted, table rows and list entries "
          "reordered and thinned, some bodies doubled), half written as .docx by python-docx, half as .pdf by LibreOffice.",
          "The baseline opens the same files with pdfplumber (words with fonts, tables found and extracted, every page) and "
          "python-docx (every paragraph and table cell) in a process pool of the same size, and does nothing else.", "",
          "| measure | result | target |", "|---|---|---|"]
    md += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    md += ["", "Runs:", "", "```", w1["out"], w2["out"], re_out.strip().splitlines()[0], long_line, "```", ""]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(md))
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    sys.exit(main())
