"""The document model as Markdown or JSON: what `planscope read FILE` prints, so a person sees
what planscope read, and golden-file tests compare it with expected output.

Markdown: a title (level 0) is `#`, a heading of level n is n+1 `#` (at most six); list items keep
their numbers as labelled ("1.", "a)", "IV.") and their nesting; bullets are `-`; tables are
Markdown tables (header row, then the rows; `|` escaped); footnotes are `[^n]:` notes at the end;
page headers/footers and reviewers' comments come last, apart from the body, under their own
headings. Nothing here changes the model.
"""
from __future__ import annotations

import json
import re

from schemas.document import Block, BlockKind, Document


def to_markdown(doc: Document) -> str:
    parts: list[str] = []
    footnotes: list[str] = []
    previous: Block | None = None
    for block in doc.blocks:
        if block.kind is BlockKind.footnote:
            footnotes.append(block.text)
            continue
        text = _block_markdown(block)
        if not text:
            continue
        tight = previous is not None and previous.kind is BlockKind.list_item and block.kind is BlockKind.list_item
        parts.append(("\n" if tight else "\n\n") + text if parts else text)
        previous = block
    out = "".join(parts)
    if footnotes:
        out += "\n\n" + "\n".join(f"[^{i}]: {_inline(t)}" for i, t in enumerate(footnotes, 1))
    for title, items in (("Page headers and footers", doc.furniture), ("Comments", doc.comments)):
        if items:
            out += f"\n\n---\n\n**{title}**\n\n" + "\n".join(f"- {_inline(t)}" for t in items)
    return out + "\n"


def _block_markdown(block: Block) -> str:
    if block.kind is BlockKind.heading:
        marks = "#" * min(6, block.level + 1)
        text = block.text
        if block.label and not text.startswith(block.label):
            text = f"{block.label} {text}"  # a number Word's list numbering gives, not typed in the text
        return f"{marks} {_inline(text)}"
    if block.kind is BlockKind.list_item:
        indent = "  " * block.level
        if block.numbered and block.label:
            marker = block.label if re.fullmatch(r"\d{1,9}[.)]", block.label) else f"- {block.label}"
        else:
            marker = "-"
        return f"{indent}{marker} {_inline(block.text)}"
    if block.kind is BlockKind.table:
        return table_markdown(block)
    return _inline(block.text)


def table_markdown(block: Block) -> str:
    width = max([len(block.header)] + [len(r.cells) for r in block.rows])
    header = block.header + [""] * (width - len(block.header))
    lines = [_row(header), "|" + "|".join(" --- " for _ in range(width)) + "|"]
    for row in block.rows:
        lines.append(_row(row.cells + [""] * (width - len(row.cells))))
    return "\n".join(lines)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _inline(text: str) -> str:
    """One line: a paragraph's line breaks become spaces, so Markdown does not read them as structure."""
    return " ".join(text.split())


def to_json(doc: Document, language: str | None = None) -> str:
    data = doc.model_dump(mode="json")
    if language is not None:
        data["language"] = language
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
