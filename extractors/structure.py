"""What kind of document this is, its title, its period, its legend and its sections."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.columns import is_plan_table
from extractors.dates import find_period, scan_atoms
from extractors.themes import parse_legend
from schemas.document import Block, BlockKind, Document
from schemas.records import Period

ACTIVITY_MARKER = re.compile(
    r"^(?:planned\s+|proposed\s+|main\s+)?(?:activities|actions|measures|tasks|commitments|action points|"
    r"activities planned|next steps)\b[^.]{0,60}:?\s*$", re.I)
LEAD_IN = re.compile(r"\b(will|shall|should|is to|are to|commits? to|undertakes? to)\s*:\s*$", re.I)
REPORT_WORDS = re.compile(r"\b(annual report|activity report|progress report|report on|list of events|events and meetings)\b", re.I)
PLAN_WORDS = re.compile(r"\b(plan of action|action plan|activity plan|work ?plan|plan of activities|programme of work|strategy)\b", re.I)
BACKGROUND = re.compile(r"^(background|introduction|preamble|contents|table of contents|summary|executive summary)\b", re.I)


@dataclass
class Section:
    label: str | None
    heading: str
    level: int


@dataclass
class Structure:
    kind: str
    title: str | None
    period: Period | None
    legend: dict[str, str] = field(default_factory=dict)
    legend_block: int | None = None
    sections: list[list[Section]] = field(default_factory=list)  # per block: the chain of enclosing headings


def is_marker(block: Block) -> bool:
    return block.kind in (BlockKind.heading, BlockKind.paragraph) and bool(ACTIVITY_MARKER.match(block.text))


def is_lead_in(block: Block) -> bool:
    return block.kind in (BlockKind.heading, BlockKind.paragraph) and bool(LEAD_IN.search(block.text)) and len(block.text) < 300


def looks_like_event_entry(text: str) -> bool:
    atoms = scan_atoms(text[:60])
    return bool(atoms) and atoms[0].kind == "day" and atoms[0].span[0] <= 3 and bool(
        re.match(r"\s*[,.:;]", text[atoms[0].span[1]:]))


def promote_outline_headings(blocks: list[Block]) -> None:
    """In `1.`/`1.1`-numbered plans, `1. Protection ...` heads the section its `1.1` items sit in."""
    for i, b in enumerate(blocks):
        if b.kind is not BlockKind.list_item or not b.label or not re.fullmatch(r"\d{1,2}[.)]?", b.label):
            continue
        prefix = b.label.rstrip(".)") + "."
        for nxt in blocks[i + 1:]:
            if nxt.kind is BlockKind.list_item and nxt.label and re.fullmatch(r"\d{1,2}[.)]?", nxt.label):
                break
            if nxt.kind is BlockKind.list_item and nxt.label and nxt.label.startswith(prefix) and nxt.label.count(".") >= 1 \
                    and len(nxt.label) > len(prefix):
                b.kind, b.level, b.numbered = BlockKind.heading, 2, True
                b.text = f"{b.label} {b.text}"
                break


def analyse(doc: Document) -> Structure:
    promote_outline_headings(doc.blocks)
    texts = [b.text for b in doc.blocks if b.kind is not BlockKind.table]
    title = next((b.text for b in doc.blocks if b.kind is not BlockKind.table and b.text.strip()), None)
    head_texts = texts[:3]
    period = find_period(head_texts) or find_period([b.text for b in doc.blocks if b.kind is BlockKind.heading]) \
        or find_period(texts) or find_period(doc.furniture)
    kind = _kind(doc, title or "")
    legend, legend_block = {}, None
    for i, b in enumerate(doc.blocks):
        if b.kind in (BlockKind.paragraph, BlockKind.footnote, BlockKind.heading):
            found = parse_legend(_legend_text(doc.blocks, i))
            if found and re.match(r"^\W*(\*\s*)?(priorit|legend|key|codes?)", b.text, re.I):
                legend, legend_block = found, i
                break
    return Structure(kind=kind, title=title, period=period, legend=legend, legend_block=legend_block,
                     sections=_sections(doc.blocks))


def _legend_text(blocks: list[Block], i: int) -> str:
    """A legend on one line, or its intro followed by one entry a paragraph ("A: ..." lines)."""
    text = blocks[i].text
    for b in blocks[i + 1: i + 15]:
        if b.kind is BlockKind.table or not re.match(r"^([A-Z]|\d{1,2})\s*[:=)]\s", b.text):
            break
        text += " " + b.text
    return text


def _kind(doc: Document, title: str) -> str:
    if any(b.kind is BlockKind.table and is_plan_table(b.header) for b in doc.blocks):
        return "table_plan"
    entries = sum(1 for b in doc.blocks if b.kind in (BlockKind.paragraph, BlockKind.list_item) and looks_like_event_entry(b.text))
    if entries >= 3 or REPORT_WORDS.search(title):
        return "report"
    numbered = sum(1 for b in doc.blocks if b.kind is BlockKind.list_item and b.numbered)
    if numbered >= 3 and (PLAN_WORDS.search(title) or any(is_marker(b) for b in doc.blocks)):
        return "narrative_plan"
    return "unknown"


def _sections(blocks: list[Block]) -> list[list[Section]]:
    chain: list[Section] = []
    out: list[list[Section]] = []
    for i, b in enumerate(blocks):
        if b.kind is BlockKind.heading and i > 0 and not is_marker(b) and not is_lead_in(b):
            level = b.level or 2
            chain = [s for s in chain if s.level < level] + [Section(label=b.label, heading=b.text, level=level)]
        out.append(list(chain))
    return out


def section_label(chain: list[Section]) -> str | None:
    labels = [s.label.rstrip(".)") for s in chain if s.label]
    return ".".join(labels) if labels else None
