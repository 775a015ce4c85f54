"""Language detection cost: detector build, first call (model load), and per-document detection on
the corpus and the language fixtures. Writes nothing; prints a Markdown table for bench/language.md.

    PYTHONPATH=$PWD python bench/bench_language.py
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    import importlib.metadata as md

    t0 = time.perf_counter()
    from pipeline.readers import language

    detector = language._detector()
    build = time.perf_counter() - t0
    t1 = time.perf_counter()
    detector.detect_language_of("Ein kurzer Satz, der die Modelle lädt.")
    first = time.perf_counter() - t1
    from pipeline.readers import read_document

    files = sorted((ROOT / "corpus").glob("*.docx")) + sorted((ROOT / "tests/fixtures/languages").glob("*"))
    texts = []
    for f in files:
        if f.suffix in (".docx", ".txt"):
            texts.append((f.name, read_document(f).text()))
    times, answers = [], []
    for name, text in texts:
        for _ in range(5):
            t = time.perf_counter()
            code = language.detect_language(text)
            times.append(time.perf_counter() - t)
        answers.append(f"{name}={code}")
    dist = md.distribution("lingua-language-detector")
    size = sum((dist.locate_file(p).stat().st_size for p in dist.files or [] if dist.locate_file(p).exists()))
    print("| what | figure |\n| --- | --- |")
    print(f"| lingua-language-detector {dist.version} installed size | {size / 1e6:.0f} MB |")
    print(f"| import + build (13 languages, low accuracy) | {build * 1000:.1f} ms |")
    print(f"| first detection (loads the models) | {first * 1000:.0f} ms |")
    print(f"| per document, median of {len(times)} ({language.SAMPLE_CHARS} chars max) | {statistics.median(times) * 1000:.2f} ms |")
    print(f"| per document, max | {max(times) * 1000:.2f} ms |")
    print("\n" + ", ".join(answers))


if __name__ == "__main__":
    main()
