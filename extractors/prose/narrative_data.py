"""Labelled prose units (written for the purpose, one file set per author) -> the classifier's
training examples, featurised exactly as ingest featurises a unit (`unit_context` + `cue_words`).

Sources:
- `data/narrative/train.jsonl` + `heldout.jsonl`: the first author's sentences (`a0_original`);
- `data/narrative/authors/<author>/units.txt`: one author each, in the sheet format
  (`sheets/build_jsonl.py` documents it: `@g genre`, `@h heading`, `@l lead-in`, `E|A|N[*] text`).
Each author's units stay apart so that a leave-one-author-out figure can be computed
(`bench/narrative_loao.py`). The archive's dev documents are never training data.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from extractors.prose.narrative import PLANNED_CONTEXT, PRIORITY_CONTEXT, Unit, entry_prefix
from extractors.prose.narrative_model import DATA, unit_context
from extractors.structure import dated_heading

AUTHORS_DIR = DATA / "authors"
LABELS_BY_LETTER = {"E": "event", "A": "activity", "N": "none"}
GENRES = {"report", "news", "slides", "priorities", "plan"}


@dataclass
class LabelledUnit:
    text: str
    label: str
    in_list: bool
    heading: str | None
    lead_in: str | None
    genre: str
    author: str


def read_sheet(path: Path, author: str) -> list[LabelledUnit]:
    """One annotation sheet. A malformed line is an error naming the file and line: a sheet
    is hand-written data and a silent skip would change the model unnoticed."""
    out: list[LabelledUnit] = []
    genre = heading = lead_in = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@g "):
            genre, heading, lead_in = line[3:].strip(), None, None
            if genre not in GENRES:
                raise ValueError(f"{path}:{n}: unknown genre {genre!r}")
            continue
        if line.startswith("@h "):
            value = line[3:].strip()
            heading, lead_in = (None if value == "-" else value), None
            continue
        if line.startswith("@l "):
            value = line[3:].strip()
            lead_in = None if value == "-" else value
            continue
        tag, _, text = line.partition(" ")
        label = LABELS_BY_LETTER.get(tag.rstrip("*"))
        if label is None or not text.strip() or genre is None:
            raise ValueError(f"{path}:{n}: not a labelled line: {line[:60]!r}")
        in_list = tag.endswith("*")
        out.append(LabelledUnit(text.strip(), label, in_list, heading, lead_in if in_list else None, genre, author))
    return out


def read_jsonl(path: Path, author: str) -> list[LabelledUnit]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return [LabelledUnit(r["text"], r["label"], r.get("in_list", False), r.get("heading"), r.get("lead_in"),
                         r.get("genre") or "report", author) for r in rows]


def authors() -> dict[str, list[LabelledUnit]]:
    """Every author's labelled units, by author."""
    out = {"a0_original": read_jsonl(DATA / "train.jsonl", "a0_original")
           + read_jsonl(DATA / "heldout.jsonl", "a0_original")}
    for folder in sorted(p for p in AUTHORS_DIR.iterdir() if p.is_dir()):
        sheets = sorted(folder.glob("units*.txt"))
        if sheets:
            out[folder.name] = [u for sheet in sheets for u in read_sheet(sheet, folder.name)]
    return out


def as_unit(row: LabelledUnit) -> Unit:
    """The unit ingest would have cut for this line: an item, an entry with its date stripped,
    or a sentence, with the position a reader sees."""
    context = " ".join(x for x in (row.heading, row.lead_in) if x)
    text, shape, entry_date, entry_place = row.text, "item" if row.in_list else "sentence", None, None
    entry = entry_prefix(text) if not row.in_list else None
    if entry is not None:
        entry_place, entry_date, start = entry
        text, shape = text[start:].strip() or text, "entry"
    heading_date = dated_heading(row.heading) if row.heading else None
    return Unit(text=text, block=0, char_start=0, char_end=len(text), shape=shape, heading=row.heading,
                heading_date=heading_date, lead_in=row.lead_in,
                in_priorities=row.in_list and bool(PRIORITY_CONTEXT.search(context)),
                planned=bool(row.heading and PLANNED_CONTEXT.search(row.heading)),
                entry_date_raw=entry_date, entry_place_raw=entry_place)


GENRE_AS_KIND = {"plan": "narrative_plan"}


@dataclass
class Example:
    context: str  # the unit with its position and cue words: what the classifier reads
    plain: str  # the unit with its position only (the earlier model's input, for comparison)
    rule_kind: str  # what the rules alone decide
    label: str
    author: str


def featurise(rows: list[LabelledUnit], nlp=None, registry=None) -> list[Example]:
    """Each row parsed and judged as ingest does, with its label."""
    from extractors.prose.narrative_kind import cue_words, decide
    from extractors.entities.nlp import get_nlp
    from extractors.entities.places import city_in_text
    from extractors.entities.registry import load_registry

    nlp, registry = nlp or get_nlp(), registry or load_registry()
    units = [as_unit(r) for r in rows]
    out = []
    for row, unit, sdoc in zip(rows, units, nlp.pipe([u.text for u in units], batch_size=256)):
        has_city = city_in_text(unit.text, registry) is not None
        decision = decide(unit, sdoc, has_city)
        cues = cue_words(unit, sdoc, has_city, decision)
        kind = GENRE_AS_KIND.get(row.genre, row.genre)
        out.append(Example(unit_context(unit, kind, cues), unit_context(unit, kind), decision.kind or "none",
                           row.label, row.author))
    return out
