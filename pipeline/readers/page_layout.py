"""A PDF page's layout as the readers see it: text lines and the tables found on it.

pdf_reader makes them from a text layer, ocr from Tesseract's words; both then go through the same
code in pdf_reader (furniture, paragraphs, labels, tables joined across pages). Their own module so
that pdf_reader can call ocr and ocr can make pdf_reader's lines without the two importing each other.
"""
from __future__ import annotations

from dataclasses import dataclass

MARGIN_SHARE = 0.09  # running headers/footers live in the top and bottom 9% of the page


@dataclass
class Line:
    page: int
    text: str
    x0: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool
    x1: float = 0.0
    mono: bool = False  # set in a fixed-pitch font: a code listing, kept as text line by line
    glyph_label: str | None = None  # a letter that is a bullet glyph ("o" in Courier New), see _is_letter_bullet
    text_x0: float = 0.0  # where the text after a list label starts (the hanging indent)
    order: float = 0.0  # reading order on its page (columns read one after the other)


@dataclass
class PageTable:
    page: int
    top: float
    bottom: float
    rows: list[list[str]]
    content_bottom: float = 0.0
    order: float = 0.0
