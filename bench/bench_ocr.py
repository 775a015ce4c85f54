"""OCR benchmark: pages/s with 1 and 2 workers, peak memory, and word accuracy, for Tesseract (the
engine planscope uses) and, when it is installed, rapidocr-onnxruntime (the alternative measured).

The pages are the seed scans (tests/fixtures/ocr/make_scans.py: 150 dpi, ~1 degree skew, speckle).
Accuracy is the word-bag Dice between what the engine read and the text layer of the original PDF page
(case and punctuation ignored): 1.0 means the same words.

    python bench/bench_ocr.py [--pages 6] [--workers 1 2] [--engines tesseract rapidocr] [--ingest]

Each engine runs in a fresh child process, so its peak memory (max RSS of the process, and of the
Tesseract subprocesses it starts) is its own. Figures go to bench/OCR.md by hand.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "ocr"))


def words(text: str) -> Counter:
    return Counter(re.sub(r"[^\w\s]", " ", text.lower()).split())


def dice(a: Counter, b: Counter) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 1.0


def pick_pages(scans: list[Path], n: int) -> list[tuple[Path, int]]:
    """n pages spread over the scans: the first pages of each, in turn."""
    import pypdfium2 as pdfium

    counts = {s: len(pdfium.PdfDocument(str(s))) for s in scans}
    out, pno = [], 1
    while len(out) < n and pno <= max(counts.values()):
        out += [(s, pno) for s in scans if pno <= counts[s]]
        pno += 1
    return out[:n]


def truth(scan: Path, pno: int) -> Counter:
    import pdfplumber

    with pdfplumber.open(ROOT / "corpus" / scan.name) as pdf:
        return words(pdf.pages[pno - 1].extract_text() or "")


def render(pages: list[tuple[Path, int]]):
    from pipeline.readers import ocr

    return [ocr._render(scan, scan.read_bytes(), [pno])[0] for scan, pno in pages]


def run_tesseract_engine(images, workers: int) -> list[str]:
    from pipeline.readers import ocr

    def one(img):
        page = ocr.ocr_image(img, 1, 792)
        return " ".join([ln.text for ln in page.lines] + [c for t in page.tables for r in t.rows for c in r])

    with ThreadPoolExecutor(max_workers=workers) as pool:  # as pipeline.readers.ocr.read_pages does
        return list(pool.map(one, images))


def run_rapidocr_engine(images, workers: int) -> list[str]:
    import numpy as np
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR(intra_op_num_threads=workers)  # onnxruntime parallelises inside one page

    def one(img):
        result, _ = engine(np.asarray(img.convert("RGB")))
        return " ".join(r[1] for r in result or [])

    return [one(img) for img in images]


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the Tesseract runs): on a machine shared
    with other jobs, wall-clock pages/s says more about the neighbours than about the engine."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def child(engine: str, page_specs: list[list], workers: int) -> dict:
    pages = [(Path(p), n) for p, n in page_specs]
    images = render(pages)
    t0, cpu0 = time.perf_counter(), _cpu_seconds()
    texts = (run_tesseract_engine if engine == "tesseract" else run_rapidocr_engine)(images, workers)
    seconds, cpu = time.perf_counter() - t0, _cpu_seconds() - cpu0
    acc = [dice(words(t), truth(s, n)) for t, (s, n) in zip(texts, pages)]
    return dict(engine=engine, workers=workers, pages=len(pages), seconds=round(seconds, 1),
                pages_per_s=round(len(pages) / seconds, 2), cpu_s_per_page=round(cpu / len(pages), 2),
                accuracy=round(sum(acc) / len(acc), 3),
                worst_page=round(min(acc), 3),
                peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def ingest_timing(folder: Path, workers: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "planscope_cli", "--db", f"{tmp}/w.duckdb", "ingest", str(folder),
                               "--workers", str(workers), "--quiet"], capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        seconds = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return dict(ingest_workers=workers, seconds=round(seconds, 1), ok=proc.returncode == 0,
                peak_child_rss_mb=round(usage.ru_maxrss / 1024))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=6)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--engines", nargs="+", default=["tesseract", "rapidocr"])
    ap.add_argument("--ingest", action="store_true", help="also time `planscope ingest` of the three scans")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        spec = json.loads(args.child)
        print(json.dumps(child(spec["engine"], spec["pages"], spec["workers"])))
        return 0
    from make_scans import make_scans

    with tempfile.TemporaryDirectory() as tmp:
        scans = make_scans(Path(tmp))
        pages = [[str(p), n] for p, n in pick_pages(scans, args.pages)]
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {len(pages)} pages")
        for engine in args.engines:
            if engine == "rapidocr":
                try:
                    import rapidocr_onnxruntime  # noqa: F401
                except ImportError:
                    print("rapidocr-onnxruntime not installed: skipped")
                    continue
            for w in args.workers:
                spec = json.dumps(dict(engine=engine, pages=pages, workers=w))
                out = subprocess.run([sys.executable, __file__, "--child", spec], capture_output=True, text=True)
                print(out.stdout.strip() or out.stderr.strip()[-500:])
        if args.ingest:
            for w in args.workers:
                print(json.dumps(ingest_timing(Path(tmp), w)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
