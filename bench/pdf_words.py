"""Word recall/precision of the PDF reader against each PDF's plain-text twin.

For every `X.pdf` with an `X.txt` beside it, the words planscope reads from the PDF (body blocks,
table cells and page furniture) are compared, as multisets of lower-cased word tokens, with the
words of the .txt twin. Also counts "run-together" words: tokens of more than 30 letters; a PDF
without a twin (or a PDF file named directly) gets only that count and its list items.

    PYTHONPATH=$PWD /work/main/.venv/bin/python bench/pdf_words.py corpus /work/shared/dev/docs
    PYTHONPATH=$PWD /work/main/.venv/bin/python bench/pdf_words.py /usr/share/doc/libtasn1-doc/libtasn1.pdf
"""
from __future__ import annotations

import re
import statistics
import sys
from collections import Counter
from pathlib import Path

from pipeline.readers import read_document
from schemas.document import block_plain_text

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> Counter:
    return Counter(w.lower() for w in WORD_RE.findall(text))


def pdf_text(path: Path) -> str:
    doc = read_document(path)
    return "\n".join([block_plain_text(b) for b in doc.blocks] + list(doc.furniture))


def describe_untwinned(pdf: Path) -> None:
    doc = read_document(pdf)
    got = words("\n".join(block_plain_text(b) for b in doc.blocks))
    items = sum(1 for b in doc.blocks if b.kind.value == "list_item")
    long_words = sum(n for w, n in got.items() if len(w) > 30)
    print(f"{pdf.name:60s} words {sum(got.values())} words>30 letters {long_words} list items {items}")


def score(pdf: Path) -> tuple[float, float, int]:
    got = words(pdf_text(pdf))
    want = words(pdf.with_suffix(".txt").read_text(encoding="utf-8", errors="replace"))
    common = sum((got & want).values())
    long_words = sum(n for w, n in got.items() if len(w) > 30)
    return common / max(sum(want.values()), 1), common / max(sum(got.values()), 1), long_words


def main(folders: list[str]) -> None:
    for folder in folders:
        recalls, precisions = [], []
        pdfs = [Path(folder)] if folder.endswith(".pdf") else sorted(Path(folder).glob("*.pdf"))
        for pdf in pdfs:
            if not pdf.with_suffix(".txt").exists():
                describe_untwinned(pdf)
                continue
            r, p, long_words = score(pdf)
            recalls.append(r)
            precisions.append(p)
            print(f"{pdf.name:60s} recall {r:.3f} precision {p:.3f} words>30 letters {long_words}")
        if recalls:
            print(f"== {folder}: {len(recalls)} PDFs, median recall {statistics.median(recalls):.3f}, "
                  f"mean recall {statistics.mean(recalls):.3f}, median precision {statistics.median(precisions):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["corpus"])
