"""Records from scans of the three seed PDFs made by two scanners: the one the OCR code was tuned on
(tests/fixtures/ocr/make_scans.py: 150 dpi, about one degree, speckles) and a second one it never
saw (bench/make_scans_alt.py: 200 dpi colour, 1.3-2.2 degrees, sensor noise, blur, JPEG q35).

Each set is ingested (2 workers), exported and scored with the shared scorer against the gold,
each seed on its own (overall = records F1 x mean field score, as score.py computes it) and all
three together. Figures and the commands are in bench/OCR.md.

    python bench/bench_ocr_scanners.py [--scanners tuned alt] [--work DIR]
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "gold"
SCORER = ROOT / "tests" / "fixtures" / "eval" / "score.py"
SEEDS = ("000_e3e456b1fc67bad2", "001_856aa1f959aca59f", "004_2ce97f0e434d4dce")


def make_scans(scanner: str, out: Path) -> None:
    sys.path.insert(0, str(ROOT / ("bench" if scanner == "alt" else "tests/fixtures/ocr")))
    module = __import__("make_scans_alt" if scanner == "alt" else "make_scans")
    sys.path.pop(0)
    module.make_scans(out)


def cli(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "planscope_cli", *args], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def score(gold: Path, pred: Path) -> tuple[float, str]:
    proc = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred)],
                          capture_output=True, text=True, check=True)
    return float(re.search(r"overall F1=([\d.]+)", proc.stdout).group(1)), proc.stdout


def run(scanner: str, work: Path) -> dict:
    scans, db, export = work / f"scans_{scanner}", work / f"{scanner}.duckdb", work / f"{scanner}.jsonl"
    make_scans(scanner, scans)
    started = time.time()
    cli("--db", str(db), "ingest", str(scans), "--workers", "2", "--quiet")
    wall = time.time() - started
    cli("--db", str(db), "export", "--jsonl", str(export))
    records = [json.loads(line) for line in export.read_text().splitlines() if line.strip()]
    result = {"ingest_seconds": round(wall, 1)}
    for stem in SEEDS:
        one = work / f"{scanner}_{stem}.jsonl"
        one.write_text("".join(json.dumps(r) + "\n" for r in records if Path(r["doc"]).stem == stem))
        result[stem], _ = score(GOLD / f"{stem}.jsonl", one)
    result["all"], result["report"] = score(GOLD, export)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scanners", nargs="+", default=["tuned", "alt"], choices=["tuned", "alt"])
    ap.add_argument("--work", type=Path, default=None)
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="ocr_scanners_"))
    work.mkdir(parents=True, exist_ok=True)
    for scanner in args.scanners:
        r = run(scanner, work)
        print(f"== {scanner} scanner (ingest {r['ingest_seconds']} s wall)")
        print(r["report"].rstrip())
        print("per seed overall: " + " ".join(f"{s[:3]}={r[s]:.3f}" for s in SEEDS) + f"  all={r['all']:.3f}")


if __name__ == "__main__":
    main()
