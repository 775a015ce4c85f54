"""Does pipeline/readers/pdf_fast.py make the very objects pdfminer and pdfplumber make? For every
page of every PDF named (folders searched), the fast reader's page objects (chars, lines, rects,
curves, images) are compared, dict by dict and in order, with `pdf_reader._page_objects`
(pdfminer's tokenizer); a page the fast reader declines is counted with its reason. Also times
both on the pages the fast reader reads.

    PYTHONPATH=. python bench/pdf_fast_check.py tests/fixtures corpus bench/work/bulk_240
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import pdfplumber

from pipeline.readers.pdf_fast import _page_objects as fast_objects
from pipeline.readers.pdf_fast import lean_objects
from pipeline.readers.pdf_reader import _page_objects


def pdfs(args: list[str]) -> list[Path]:
    out = []
    for a in map(Path, args):
        out += sorted(a.rglob("*.pdf")) if a.is_dir() else [a]
    return out


def main() -> int:
    counts, why = Counter(), Counter()
    fast_s = slow_s = 0.0
    for path in pdfs(sys.argv[1:]):
        try:
            pdf = pdfplumber.open(path)
            pages = pdf.pages
        except Exception:
            counts["unopenable files"] += 1
            continue
        for page in pages:
            t = time.perf_counter()
            try:
                fast = fast_objects(page, page.process_object)
            except Exception as exc:
                why[str(exc)[:60]] += 1
                counts["pages declined"] += 1
                continue
            fast_s += time.perf_counter() - t
            t = time.perf_counter()
            try:
                objects = lean_objects(_page_objects(page))  # chars cut to the keys the fast reader makes
            except Exception as exc:
                counts["pdfminer fails, fast reads"] += 1
                print(f"{path} p{page.page_number}: pdfminer fails ({type(exc).__name__}), fast reader reads it")
                continue
            slow_s += time.perf_counter() - t
            counts["pages read"] += 1
            if fast != objects:
                counts["pages DIFFERENT"] += 1
                print(f"{path} p{page.page_number}: fast {({k: len(v) for k, v in fast.items()})} vs "
                      f"{({k: len(v) for k, v in objects.items()})}")
            page.flush_cache()
        pdf.close()
    print(dict(counts))
    print("declined because:", dict(why.most_common(12)))
    models = same_models(pdfs(sys.argv[1:]))
    print(f"document models (planscope read --format json): {models['same']} identical, "
          f"{models['different']} different, {models['unreadable']} unreadable both ways")
    n = counts["pages read"]
    if n:
        print(f"on the {n} pages read: fast {1000 * fast_s / n:.1f} ms/page, pdfminer {1000 * slow_s / n:.1f} ms/page")
    return 1 if counts["pages DIFFERENT"] or counts["pdfminer fails, fast reads"] or models["different"] else 0


def same_models(paths: list[Path]) -> Counter:
    """The document model of each PDF read with the fast tokenizer and with pdfminer's alone."""
    from unittest import mock

    from pipeline.readers import pdf_reader, read_document

    def model(path: Path) -> str:
        try:
            return read_document(path).model_dump_json()
        except Exception as exc:  # a file both readings refuse, in the same words
            return f"unreadable: {exc}"

    out = Counter()
    for path in paths:
        fast = model(path)
        with mock.patch.object(pdf_reader, "fast_page_objects", lambda page, process: None):
            slow = model(path)
        if fast != slow:
            print(f"{path}: document models differ")
        out["unreadable" if fast.startswith("unreadable") and fast == slow else "same" if fast == slow else "different"] += 1
    return out


if __name__ == "__main__":
    sys.exit(main())
