"""Word recall of the .docx reader on text in DrawingML shapes, groups and a canvas.

Docling's `drawingml.docx` test file is not reachable offline, so the file measured is built here
with lxml for the same constructs (tests/fixtures/make_drawingml.py). Recall: the share of the
expected words (a bag, case-folded) that the reader's text holds; order: whether the expected
paragraphs come in reading order.

    python bench/drawingml_recall.py
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

from make_drawingml import EXPECTED, OUT, make  # noqa: E402

from pipeline.readers import read_document  # noqa: E402


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def main() -> None:
    make()
    doc = read_document(OUT)
    got = [b.text for b in doc.blocks]
    expected, found = words(" ".join(EXPECTED)), words(" ".join(got))
    recall = sum((expected & found).values()) / sum(expected.values())
    in_order = [t for t in got if t in EXPECTED] == EXPECTED
    print(f"word recall {recall:.3f}; paragraphs in reading order: {in_order}")
    for t in got:
        print("  ", t)


if __name__ == "__main__":
    main()
