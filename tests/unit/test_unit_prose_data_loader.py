"""The classifier's training data (extractors/prose/narrative_data.py): an annotation sheet and a JSONL
file read line by line, each row cut into the unit ingest would cut, and featurised. Small files
written here; expected values by hand from the sheet format in the module's docstring."""
from __future__ import annotations

import json
from datetime import date

import pytest

from extractors.prose import narrative_data as nd

SHEET = """# a comment, then a blank line

@g report
@h Activities in 2009
E The seminar was held in Riga.
@l The group will:
E A sentence after the lead-in.
A* train the border guards;
N* see annex
@h -
A The group will meet again.
@g plan
@h Next steps
@l -
E*   Held the meeting.  
"""


def _row(text, label="event", in_list=False, heading=None, lead_in=None, genre="report", author="me"):
    return nd.LabelledUnit(text, label, in_list, heading, lead_in, genre, author)


def test_read_sheet_line_by_line(tmp_path):
    path = tmp_path / "units.txt"
    path.write_text(SHEET, encoding="utf-8")
    assert nd.read_sheet(path, "me") == [
        _row("The seminar was held in Riga.", "event", False, "Activities in 2009"),
        _row("A sentence after the lead-in.", "event", False, "Activities in 2009", None),
        _row("train the border guards;", "activity", True, "Activities in 2009", "The group will:"),
        _row("see annex", "none", True, "Activities in 2009", "The group will:"),
        _row("The group will meet again.", "activity", False, None, None),
        _row("Held the meeting.", "event", True, "Next steps", None, "plan"),
    ]


def test_a_genre_resets_the_heading_and_a_heading_the_lead_in(tmp_path):
    path = tmp_path / "units.txt"
    path.write_text("@g news\n@h Planned\n@l We will:\n@g report\nA* a\n@g news\n@h H\n@l L:\n@h H2\nA* b\n",
                    encoding="utf-8")
    assert nd.read_sheet(path, "x") == [_row("a", "activity", True, None, None, "report", "x"),
                                        _row("b", "activity", True, "H2", None, "news", "x")]


@pytest.mark.parametrize("text, line, message", [
    ("@g poem\n", 1, "unknown genre 'poem'"),
    ("@g news\n\nX what\n", 3, "not a labelled line: 'X what'"),
    ("@g news\nE\n", 2, "not a labelled line: 'E'"),
    ("@g news\nE*    \n", 2, "not a labelled line: 'E*'"),
    ("E before any genre\n", 1, "not a labelled line: 'E before any genre'"),
    ("@g news\nA " + "w" * 70 + "\nQ " + "x" * 70 + "\n", 3, "not a labelled line: 'Q " + "x" * 58 + "'"),
])
def test_a_malformed_line_names_its_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "units.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        nd.read_sheet(path, "x")
    assert str(err.value) == f"{path}:{line}: {message}"


def test_read_jsonl(tmp_path):
    path = tmp_path / "train.jsonl"
    rows = [{"text": "The group met.", "label": "event"},
            {"text": "Train the guards.", "label": "activity", "in_list": True, "heading": "Aims", "lead_in": "We will:",
             "genre": "plan"},
            {"text": "Annex", "label": "none", "genre": ""}]
    path.write_text(json.dumps(rows[0]) + "\n\n" + "\n".join(json.dumps(r) for r in rows[1:]) + "\n  \n", encoding="utf-8")
    assert nd.read_jsonl(path, "a0") == [
        _row("The group met.", "event", False, None, None, "report", "a0"),
        _row("Train the guards.", "activity", True, "Aims", "We will:", "plan", "a0"),
        _row("Annex", "none", False, None, None, "report", "a0"),
    ]


def test_authors_keeps_each_authors_units_apart(tmp_path, monkeypatch):
    (tmp_path / "train.jsonl").write_text(json.dumps({"text": "a", "label": "event"}) + "\n", encoding="utf-8")
    (tmp_path / "heldout.jsonl").write_text(json.dumps({"text": "b", "label": "none"}) + "\n", encoding="utf-8")
    authors = tmp_path / "authors"
    for name, sheets in (("b2", {"units.txt": "@g news\nE c\n", "units_2.txt": "@g news\nA d\n"}), ("a1", {"units.txt": "@g plan\nN e\n"}),
                         ("c3", {"notes.txt": "@g news\nE f\n"})):
        (authors / name).mkdir(parents=True)
        for sheet, text in sheets.items():
            (authors / name / sheet).write_text(text, encoding="utf-8")
    (authors / "units.txt").write_text("@g news\nE g\n", encoding="utf-8")  # a file, not an author's folder
    monkeypatch.setattr(nd, "DATA", tmp_path)
    monkeypatch.setattr(nd, "AUTHORS_DIR", authors)
    got = {a: [(u.text, u.label, u.genre, u.author) for u in units] for a, units in nd.authors().items()}
    assert got == {"a0_original": [("a", "event", "report", "a0_original"), ("b", "none", "report", "a0_original")],
                   "a1": [("e", "none", "plan", "a1")],
                   "b2": [("c", "event", "news", "b2"), ("d", "activity", "news", "b2")]}
    assert list(got) == ["a0_original", "a1", "b2"]


def test_as_unit_cuts_an_entry_an_item_and_a_sentence():
    unit = nd.as_unit(_row("Tallinn October 2005 – Seminar on trafficking.", heading="Planned activities"))
    assert (unit.text, unit.shape, unit.entry_place_raw, unit.entry_date_raw, unit.planned, unit.in_priorities,
            unit.heading, unit.heading_date, unit.lead_in, unit.block, unit.char_start, unit.char_end) == (
        "Seminar on trafficking.", "entry", "Tallinn", "October 2005", True, False, "Planned activities", None, None,
        0, 0, 23)
    item = nd.as_unit(_row("Tallinn October 2005 – seminar", in_list=True, heading="Priorities for 2010",
                           lead_in="We will:"))
    assert (item.text, item.shape, item.entry_date_raw, item.entry_place_raw, item.in_priorities, item.planned,
            item.char_end) == ("Tallinn October 2005 – seminar", "item", None, None, True, False, 30)
    assert nd.as_unit(_row("train", in_list=True, heading="Work", lead_in="Our aims:")).in_priorities is True
    assert nd.as_unit(_row("train", in_list=True, heading="Work", lead_in="We will:")).in_priorities is False
    assert nd.as_unit(_row("Our aims are clear.", heading="Priorities")).in_priorities is False  # no item
    sentence = nd.as_unit(_row("The meeting was held.", heading="April 2000"))
    assert (sentence.shape, sentence.text, sentence.entry_date_raw, sentence.planned) == (
        "sentence", "The meeting was held.", None, False)
    assert (sentence.heading_date.start, sentence.heading_date.end) == (date(2000, 4, 1), date(2000, 4, 30))
    bare = nd.as_unit(_row("March 2009: "))
    assert (bare.shape, bare.text, bare.entry_date_raw, bare.entry_place_raw) == ("entry", "March 2009: ", "March 2009", None)
    assert nd.as_unit(_row("Next meeting", heading="Meetings in 2010")).planned is False
    assert nd.as_unit(_row("x", heading="Upcoming events in 2010")).planned is True


def test_featurise_reads_each_row_as_ingest_does():
    rows = [_row("The seminar was held in Riga in May 2009.", "event", heading="Activities in 2009", author="a1"),
            _row("Train the border guards", "activity", in_list=True, heading="Our priorities", lead_in="We will:",
                 genre="plan", author="a2")]
    first, second = nd.featurise(rows)
    assert (first.label, first.author, first.rule_kind) == ("event", "a1", "event")
    assert first.plain == "ctxprose hwactivities ctxgenrereport The seminar was held in Riga in May 2009."
    assert first.context.startswith("ctxprose ") and first.context.endswith(
        " hwactivities ctxgenrereport The seminar was held in Riga in May 2009.")
    assert (second.label, second.author) == ("activity", "a2")
    assert second.plain == "ctxitem hwour hwpriorities ctxleadin ctxpriorities ctxgenreplan Train the border guards"
