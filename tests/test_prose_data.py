"""The narrative training data, the prose fixtures and the demo corpus's prose documents are
consistent: labelled lines have the agreed shape and mix, train and held-out share no sentence,
every expected record quotes its own document (as planscope's readers read the .txt and the
.docx), and make_prose.py re-makes the committed corpus files byte for byte."""
from __future__ import annotations

import csv
import importlib.util
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from pipeline.readers import read_document
from tests.conftest import ROOT

NARRATIVE = ROOT / "extractors" / "data" / "narrative"
PROSE = ROOT / "tests" / "fixtures" / "prose"
CORPUS_PROSE = ROOT / "corpus" / "prose"
KEYS = {"text", "label", "in_list", "heading", "lead_in", "genre"}
LABELS = {"event", "activity", "none"}
GENRES = {"report", "news", "slides", "priorities", "plan"}
THEMES = {"sexual_exploitation", "online_exploitation", "trafficking", "migration", "alternative_care",
          "street_children", "young_offenders", "child_friendly_justice", "violence_prevention",
          "early_intervention", "child_rights", "governance"}


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name,minimum", [("train", 700), ("heldout", 200)])
def test_labelled_lines_have_the_agreed_shape_and_mix(name, minimum):
    rows = load_jsonl(NARRATIVE / f"{name}.jsonl")
    assert len(rows) >= minimum
    for r in rows:
        assert set(r) == KEYS, r
        assert r["label"] in LABELS and r["genre"] in GENRES and isinstance(r["in_list"], bool), r
        assert r["text"].strip() == r["text"] and r["text"], r
        assert r["lead_in"] is None or r["in_list"], f"lead-in on a line outside a list: {r}"
    share = {k: v / len(rows) for k, v in Counter(r["label"] for r in rows).items()}
    # roughly 40% events, 25% activities, 35% none
    assert 0.32 <= share["event"] <= 0.48 and 0.18 <= share["activity"] <= 0.32 and 0.28 <= share["none"] <= 0.42, share
    assert set(Counter(r["genre"] for r in rows)) == GENRES


def test_train_and_heldout_share_no_sentence():
    train = {r["text"].lower() for r in load_jsonl(NARRATIVE / "train.jsonl")}
    heldout = {r["text"].lower() for r in load_jsonl(NARRATIVE / "heldout.jsonl")}
    assert not train & heldout
    assert len(train) == len(load_jsonl(NARRATIVE / "train.jsonl")), "a sentence is labelled twice in train"


def test_sheets_rebuild_the_jsonl(tmp_path):
    spec = importlib.util.spec_from_file_location("build_jsonl", NARRATIVE / "sheets" / "build_jsonl.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    for name, sheets in (("train", sorted((NARRATIVE / "sheets").glob("train_*.txt"))),
                         ("heldout", sorted((NARRATIVE / "sheets" / "heldout").glob("*.txt")))):
        rows = [r for sheet in sheets for r in build.parse(str(sheet))]
        assert rows == load_jsonl(NARRATIVE / f"{name}.jsonl"), f"{name}.jsonl is out of date with its sheets"


def _check_expected(rows: list[dict], stem: str, texts: list[str]) -> None:
    for r in rows:
        assert r["doc"] == stem and r["kind"] in ("event", "activity"), r
        assert r["themes"] and set(r["themes"]) <= THEMES, r
        assert all(isinstance(alts, list) and alts for alts in r.get("actors", [])), r
        if r.get("start") and r.get("end"):
            assert date.fromisoformat(r["start"]) <= date.fromisoformat(r["end"]), r
        if r["kind"] == "activity":
            assert "location" not in r, r
        for text in texts:
            assert words(r["text"]) in text, f"{stem}: expected text not in the document as read: {r['text']}"


def _read_words(path: Path) -> str:
    doc = read_document(path)
    # a slide line wrapped mid-sentence is two blocks; joined, the item reads as written
    return words(" ".join(block.text for block in doc.blocks))


@pytest.mark.parametrize("stem", ["report_2010", "news_2013", "slides_2015", "priorities_2019", "plan_2007"])
def test_fixture_expectations_quote_their_document(stem):
    rows = load_jsonl(PROSE / "expected" / f"{stem}.jsonl")
    assert rows
    text = _read_words(PROSE / f"{stem}.txt")
    _check_expected(rows, stem, [re.sub(r"(^| )[-·] ", " ", text)])
    manifest = {row["file"]: row for row in csv.DictReader((PROSE / "manifest.csv").open(encoding="utf-8"))}
    assert date.fromisoformat(manifest[stem]["period_start"]) <= date.fromisoformat(manifest[stem]["period_end"])


CORPUS_STEMS = [row["file"] for row in csv.DictReader((CORPUS_PROSE / "manifest.csv").open(encoding="utf-8"))]


@pytest.mark.parametrize("stem", CORPUS_STEMS)
def test_corpus_expectations_quote_both_renditions(stem):
    rows = load_jsonl(PROSE / "corpus_expected" / f"{stem}.jsonl")
    assert rows
    texts = [re.sub(r"(^| )[-·] ", " ", _read_words(CORPUS_PROSE / f"{stem}.{ext}")) for ext in ("txt", "docx")]
    if stem.endswith("slides"):
        texts = texts[:1]  # the .docx of a transcript is laid out per slide, not as the raw text
    _check_expected(rows, stem, texts)


def test_corpus_docx_uses_word_heading_and_list_styles():
    from docx import Document as WordDocument

    styles = Counter()
    for stem in CORPUS_STEMS:
        styles.update(p.style.name for p in WordDocument(str(CORPUS_PROSE / f"{stem}.docx")).paragraphs)
    assert {"Title", "Heading 1", "Heading 2", "List Bullet", "List Number"} <= set(styles)


def test_make_prose_remakes_the_committed_files(tmp_path):
    spec = importlib.util.spec_from_file_location("make_prose", CORPUS_PROSE / "make_prose.py")
    make_prose = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_prose)
    make_prose.make_all(tmp_path)
    for made in sorted(tmp_path.iterdir()):
        assert made.read_bytes() == (CORPUS_PROSE / made.name).read_bytes(), f"{made.name} differs from the committed file"
