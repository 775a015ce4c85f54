"""The document model every reader produces and every later stage reads.

Like docling's document model: one shape whatever the file format. Blocks come in reading
order; each carries the provenance needed to point a person back at the source.
"""
from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, Field


class Provenance(BaseModel):
    """Where a block, row or record came from in its source file."""

    file: str
    page: int | None = None
    block: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    ocr: bool = False  # read from a page image by OCR, not from a text layer
    ocr_confidence: float | None = None  # the OCR'd page's mean word confidence, 0-1

    def describe(self) -> str:
        parts = [self.file]
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.table is not None:
            parts.append(f"table {self.table}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        if self.char_start is not None:
            parts.append(f"chars {self.char_start}-{self.char_end}")
        if self.ocr:
            parts.append("OCR" + (f" {self.ocr_confidence:.0%} confidence" if self.ocr_confidence is not None else ""))
        return ", ".join(parts)


class BlockKind(str, Enum):
    heading = "heading"
    paragraph = "paragraph"
    list_item = "list_item"
    table = "table"
    footnote = "footnote"


class TableRow(BaseModel):
    cells: list[str]
    index: int
    pages: list[int] = Field(default_factory=list)  # more than one when a page break split the row


class Block(BaseModel):
    kind: BlockKind
    text: str = ""
    level: int = 0  # heading level, or list nesting level (0 = top)
    label: str | None = None  # the list number as a reader would see it: "1)", "a.", "IV", "•"
    number: int | None = None  # the label's ordinal value (a = 1, iv = 4); None for bullets
    numbered: bool = False  # True for numbered list items, False for bullets and plain text
    italic: bool = False
    bold: bool = False
    style: str | None = None
    header: list[str] = Field(default_factory=list)  # tables only
    rows: list[TableRow] = Field(default_factory=list)  # tables only, header excluded
    prov: Provenance


class Document(BaseModel):
    path: str
    name: str  # file name without folders; the export's `doc`
    format: str  # docx | pdf | txt
    sha256: str
    pages: int | None = None
    blocks: list[Block] = Field(default_factory=list)
    furniture: list[str] = Field(default_factory=list)  # page headers/footers, kept apart from the body
    comments: list[str] = Field(default_factory=list)  # reviewers' comments ("Author: text"), not body text
    warnings: list[str] = Field(default_factory=list)
    language: str | None = None  # ISO 639-1 code of the body's main language (pipeline/readers/language.py)

    def text(self) -> str:
        """The body as plain text; block char spans index into this."""
        return "\n".join(block_plain_text(b) for b in self.blocks)


def block_plain_text(block: Block) -> str:
    if block.kind is BlockKind.table:
        lines = ["\t".join(block.header)] + ["\t".join(r.cells) for r in block.rows]
        return "\n".join(lines)
    return block.text


def assign_char_spans(doc: Document) -> None:
    """Give each block its span in `doc.text()`; later stages compute record spans inside it."""
    offset = 0
    for i, block in enumerate(doc.blocks):
        text = block_plain_text(block)
        block.prov.block = i
        block.prov.char_start = offset
        block.prov.char_end = offset + len(text)
        offset += len(text) + 1
