"""Prose documents: the catalogue, periods, kinds, and events/activities from sentences, items,
slide lines and dated entries. Sentences here are written for the tests; the prose fixtures
(tests/fixtures/prose) and their expected records were written by hand for the purpose; the
dev set (tests/fixtures/dev) is a copy of the archive's real documents with their gold."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_cli

PROSE = FIXTURES / "prose"
DEV = FIXTURES / "dev"
SCORER = FIXTURES / "eval" / "score.py"


def score(gold_dir: Path, export: Path) -> dict:
    """Per rendition: (matched, predicted, gold) records as the shared scorer counts them: the
    scorer's own text match; an optional gold record missed is no miss, matched is no false one."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    gold = mod.load_gold([str(gold_dir)])
    preds = [json.loads(line) for line in export.read_text().splitlines() if line.strip()]
    out = {}
    for stem, grecs in gold.items():
        for ext in {Path(p["doc"]).suffix for p in preds if Path(p["doc"]).stem == stem}:
            precs = [p for p in preds if p["doc"] == stem + ext]
            tp = n_pred = n_gold = 0
            for kind in ("event", "activity"):
                g = [r for r in grecs if r["kind"] == kind]
                p = [r for r in precs if r["kind"] == kind]
                pairs = sorted(((mod.dice(mod.tokens(a["text"]), mod.tokens(b["text"])), i, j)
                                for i, a in enumerate(g) for j, b in enumerate(p)), reverse=True)
                used_g, used_p = set(), set()
                for d, i, j in pairs:
                    if d >= mod.MATCH_AT and i not in used_g and j not in used_p:
                        used_g.add(i)
                        used_p.add(j)
                optional = {i for i, r in enumerate(g) if r.get("optional")}
                tp += len(used_g - optional)
                n_gold += len(g) - len(optional)
                n_pred += len(p) - len(used_g & optional)
            out[stem + ext] = (tp, n_pred, n_gold)
    return out


def overall(gold_dir: Path, export: Path) -> float:
    """The shared scorer's last line, `overall F1=...`, as a number."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold_dir), "--pred", str(export)],
                          capture_output=True, text=True, check=True)
    last = proc.stdout.strip().splitlines()[-1]
    return float(last.split("overall F1=")[1].split()[0])


# --- the catalogue -------------------------------------------------------------------------------

def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("body, message", [
    ("file,title,period_start,genre,source\nx,T,2001-01-01,news,s\n", ":1: missing column(s) period_end"),
    ("file,title,period_start,period_end,genre,source\nx,T,2001-13-01,2001-12-31,news,s\n",
     ":2: period_start '2001-13-01' is not a date"),
    ("file,title,period_start,period_end,genre,source\nx,T,2001-01-01,2001-12-31,news,s\nx,U,,,report,s\n",
     ":3: duplicate file 'x' (first on line 2)"),
    ("file,title,period_start,period_end,genre,source\nx,T,2002-01-01,2001-12-31,news,s\n", ":2: period_end 2001-12-31 is before"),
    ("file,title,period_start,period_end,genre,source\nx,T,2001-01-01,2001-12-31,poem,s\n", ":2: unknown genre 'poem'"),
])
def test_a_bad_manifest_is_one_line_naming_its_line(tmp_path, body, message):
    manifest = write(tmp_path / "m.csv", body)
    doc = write(tmp_path / "x.txt", "The Working Group met in Riga on 3 May 2001.\n")
    out = run_cli("ingest", str(doc), "--manifest", str(manifest), db=tmp_path / "w.duckdb")
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and str(manifest) in lines[0] and message in lines[0], out.stderr
    assert not (tmp_path / "w.duckdb").exists()  # nothing was ingested


def test_the_catalogue_gives_title_period_genre_and_a_change_reprocesses(tmp_path):
    doc = write(tmp_path / "note.txt", "Expert meeting\n\nThe Working Group met in Riga on 3 May.\n")
    db = tmp_path / "w.duckdb"
    run_cli("ingest", str(doc), db=db, check=True)
    manifest = write(tmp_path / "m.csv", "file,title,period_start,period_end,genre,source,shelf\n"
                                         "note,Working Group meets in Riga,2001-04-01,2001-06-30,news,archive box 7,B7\n"
                                         "missing,Not here,,,report,x,\n")
    out = run_cli("ingest", str(doc), "--manifest", str(manifest), db=db, check=True)
    assert "ingested 1 file(s)" in out.stdout  # same bytes, new catalogue entry: read again
    assert "the manifest names 'missing'" in out.stderr
    rows = run_cli("sql", "SELECT title, title_source, period_start, period_end, period_source, genre, source, "
                   "catalogue_json FROM documents", "--json", db=db, check=True)
    row = json.loads(rows.stdout)[0]
    assert (row["title"], row["title_source"], row["genre"], row["source"]) == (
        "Working Group meets in Riga", "catalogue", "news", "archive box 7")
    assert (row["period_start"], row["period_end"], row["period_source"]) == ("2001-04-01", "2001-06-30", "catalogue")
    assert json.loads(row["catalogue_json"])["extra"] == {"shelf": "B7"}
    recs = json.loads(run_cli("sql", "SELECT start, \"end\" FROM records", "--json", db=db, check=True).stdout)
    assert recs == [{"start": "2001-05-03", "end": "2001-05-03"}]  # "3 May" takes its year from the catalogue
    again = run_cli("ingest", str(doc), "--manifest", str(manifest), db=db, check=True)
    assert "ingested 0 file(s), skipped 1" in again.stdout


# --- periods and kinds from the document itself --------------------------------------------------

def test_periods_from_the_document():
    from extractors.structure import dated_heading, term_period

    assert term_period("Joint meeting during Lithuanian chairmanship 2005-2006") .start == date(2005, 7, 1)
    assert term_period("Norwegian presidency 2021-2022 maps systems").end == date(2022, 6, 30)
    assert term_period("2019-2020 Danish Presidency").start == date(2019, 7, 1)
    assert term_period("Strategy 2005-2010") is None and term_period("presidency 2005-2008") is None
    assert dated_heading("Read moreJanuary 1998").start == date(1998, 1, 1)
    assert dated_heading("Vilnius, September 2014").end == date(2014, 9, 30)
    assert dated_heading("Priorities 2015-2016") is None
    assert dated_heading("The group met in May 2001") is None


@pytest.mark.parametrize("name, text, kind, start, end", [
    ("chair.txt", "Children at risk during the Estonian chairmanship 2007-2008\n\nThe Working Group met in Tallinn in "
     "October 2007.\n", "report", date(2007, 7, 1), date(2008, 6, 30)),
    ("item.txt", "On 12-13 March 2009, the Working Group met in Gdansk to discuss foster care.\n\nThe meeting was "
     "hosted by the Polish Ministry of Labour.\n", "news", date(2009, 3, 12), date(2009, 3, 13)),
    ("deck.txt", "Title: Work of the Unit\n1Work of the Unit 2012\n2Priorities\n- Children in care\n- Children on the "
     "move\n3Planned activities\n- Seminar on guardianship, Riga\n", "slides", date(2012, 1, 1), date(2012, 12, 31)),
])
def test_kind_and_period_of_prose_documents(tmp_path, name, text, kind, start, end):
    from extractors.structure import analyse
    from pipeline.readers import read_document

    st = analyse(read_document(write(tmp_path / name, text)))
    assert (st.kind, st.period.start, st.period.end) == (kind, start, end)


# --- what a unit is ------------------------------------------------------------------------------

def units_of(tmp_path, text, name="doc.txt"):
    from extractors.prose.narrative import narrative_units
    from extractors.structure import analyse
    from pipeline.readers import read_document

    doc = read_document(write(tmp_path / name, text))
    return narrative_units(doc, analyse(doc)), doc


def test_units_keep_their_spans_and_context(tmp_path):
    units, doc = units_of(tmp_path, "April 2003\n\nThe Unit moved to new offices. The group will meet again in "
                                    "autumn. Its steps included: 1. a mapping of shelters 2. a seminar on guardians\n")
    texts = [u.text for u in units]
    assert texts == ["The Unit moved to new offices.", "The group will meet again in autumn.", "Its steps included:",
                     "a mapping of shelters", "a seminar on guardians"]
    for u in units:
        assert doc.text()[u.char_start:u.char_end] == u.text
    assert all(u.heading_date is not None and u.heading_date.start == date(2003, 4, 1) for u in units)
    assert [u.label for u in units[3:]] == ["1", "2"] and units[3].lead_in == "Its steps included:"


def test_slide_lines_are_rejoined_and_split(tmp_path):
    text = ("Title: Review\n1Review of the year\n2Priorities\n- Children in\nresidential care\n- Victims of\n"
            "trafficking\n3Results\n- Seminar on foster care, May 2010 - Handbook for guardians\npublished in Oslo\n")
    units, _ = units_of(tmp_path, text, "deck.txt")
    by_text = {u.text: u for u in units}
    assert by_text["Children in residential care"].in_priorities
    assert by_text["Victims of trafficking"].in_priorities
    assert "Seminar on foster care, May 2010" in by_text and "Handbook for guardians published in Oslo" in by_text
    assert not by_text["Seminar on foster care, May 2010"].in_priorities


def test_a_dash_inside_a_title_does_not_split(tmp_path):
    from extractors.prose.narrative import slide_pieces

    text = "Conference Children in Care - Improving Monitoring and Aftercare, March 2011 - Training held in Turku"
    pieces = [text[a:b] for a, b in slide_pieces(text)]
    assert pieces == ["Conference Children in Care - Improving Monitoring and Aftercare, March 2011", "Training held in Turku"]


def test_entries_with_place_and_month(tmp_path):
    from extractors.prose.narrative import entry_prefix

    assert entry_prefix("Tallinn October 2009 – The group met to plan the conference.")[:2] == ("Tallinn", "October 2009")
    assert entry_prefix("Riga, May 2010 – Took place alongside the ministerial session.")[:2] == ("Riga", "May 2010")
    assert entry_prefix("Finally – the group adopted its report.") is None
    assert entry_prefix("The group met in 2009 – and again in 2010.") is None


# --- event, activity or nothing ------------------------------------------------------------------

SENTENCES = [
    ("A seminar on foster care was held in Kaunas on 4 May 2011.", "event"),
    ("In March 2008 the Working Group met in Gdansk.", "event"),
    ("The Expert Group adopted its new terms of reference in June 2012.", "event"),
    ("Launched on 2 February 2015, the project trains police officers.", "event"),
    ("The Children's Unit will prepare a mapping of guardianship systems.", "activity"),
    ("The presidency plans to organise a conference on child-friendly justice.", "activity"),
    ("The Unit is organising three regional trainings in 2016 and 2017.", "activity"),
    ("The group consists of senior officials from the eleven member states.", None),
    ("Violence against children remains widespread in the region.", None),
    ("The meeting was hosted by the Estonian Ministry of Social Affairs.", None),
    ("The meeting discussed the situation of children in care.", None),
    ("Risks online will probably grow in the coming years.", None),  # a forecast about things (GUIDELINES rule 11)
    ("Read more", None),
]


@pytest.mark.parametrize("text, kind", SENTENCES)
def test_sentences_are_judged(text, kind):
    from extractors.prose.narrative import Unit
    from extractors.prose.narrative_kind import decide
    from extractors.entities.nlp import get_nlp
    from extractors.entities.places import city_in_text
    from extractors.entities.registry import load_registry

    unit = Unit(text=text, block=0, char_start=0, char_end=len(text), shape="sentence")
    assert decide(unit, get_nlp()(text), city_in_text(text, load_registry()) is not None).kind == kind


def test_priority_items_and_planned_items_are_activities(tmp_path):
    from extractors.prose.narrative import Unit
    from extractors.prose.narrative_kind import decide
    from extractors.entities.nlp import get_nlp

    nlp = get_nlp()
    for text, kw in (("Children in residential care", {"in_priorities": True}),
                     ("Seminar on guardianship, Riga, April 2016", {"planned": True, "heading": "Planned activities"}),
                     ("Mapping of shelters for young victims", {"lead_in": "The programme adopted by the group includes"})):
        unit = Unit(text=text, block=0, char_start=0, char_end=len(text), shape="item", **kw)
        assert decide(unit, nlp(text), False).kind == "activity", text
    unit = Unit(text="Expert meeting on aftercare, Riga, May 2009", block=0, char_start=0, char_end=40, shape="item")
    assert decide(unit, nlp(unit.text), True).kind == "event"


def test_the_classifier_retrains_and_vetoes(tmp_path):
    from extractors.prose import narrative_model as nm
    from extractors.prose.narrative_kind import Decision

    data = write(tmp_path / "train.jsonl", "\n".join(json.dumps(r) for r in [
        {"text": f"The group met in Riga on {d} May.", "label": "event"} for d in range(1, 15)] + [
        {"text": f"Children are at risk in {n} ways.", "label": "none"} for n in range(1, 15)]))
    out = run_cli("train-classifier", "--data", str(data), "--out", str(tmp_path / "model"), check=True, real=True)
    assert "trained on 28 units" in out.stdout and (tmp_path / "model" / "config.cfg").exists()
    import spacy

    model = spacy.load(tmp_path / "model")
    cats = nm.classify_texts(["ctxprose ctxgenrereport Children are at risk in 99 ways."], model)[0]
    assert cats["none"] > cats["event"]
    assert cats["activity"] == 0.0  # a label absent from training stays at 0 after the prior shift
    weak = Decision("event", [], rule="dated event noun")
    assert nm.combine(weak, {"none": 0.9, "event": 0.05, "activity": 0.05}).kind is None
    sure = Decision("event", [], rule="event verb")
    assert nm.combine(sure, {"none": 0.99, "event": 0.0, "activity": 0.01}).kind == "event"
    # the learned decision: the classifier's best label, "none" meaning no record
    open_rule = Decision(None, [], rule="past description")
    assert nm.decide_by_model(open_rule, {"none": 0.2, "event": 0.7, "activity": 0.1}).kind == "event"
    assert nm.decide_by_model(Decision("event", [], rule="body acts"),
                              {"none": 0.5, "event": 0.3, "activity": 0.2}).kind is None
    bad = run_cli("train-classifier", "--data", str(write(tmp_path / "bad.jsonl", '{"text": "x", "label": "maybe"}')),
                  "--out", str(tmp_path / "m2"))
    assert bad.returncode == 2 and "training labels must be among" in bad.stderr


# --- whole documents -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def prose_export(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("prose")
    db, out = tmp / "w.duckdb", tmp / "export.jsonl"
    run_cli("ingest", str(PROSE), "--manifest", str(PROSE / "manifest.csv"), "--workers", "2", db=db, check=True)
    run_cli("export", "--jsonl", str(out), db=db, check=True)
    return db, out


@pytest.mark.parametrize("stem, least", [("report_2010", 0.9), ("news_2013", 0.8), ("slides_2015", 0.55),
                                         ("priorities_2019", 0.9), ("plan_2007", 0.6)])
def test_each_kind_of_prose_document_gives_its_records(prose_export, stem, least):
    """Records F1 per document against hand-written expectations (observed: report 0.96, news 0.89,
    slides 0.60-0.70, priorities 1.00, plan 0.71)."""
    _, export = prose_export
    tp, n_pred, n_gold = score(PROSE / "expected", export)[f"{stem}.txt"]
    f1 = 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0
    assert f1 >= least, (stem, tp, n_pred, n_gold)


def test_explain_says_why_a_sentence_is_a_record(prose_export):
    db, _ = prose_export
    rid = json.loads(run_cli("sql", "SELECT record_id FROM records WHERE doc = 'news_2013.txt' AND kind = 'event' "
                             "ORDER BY char_start LIMIT 1", "--json", db=db, check=True).stdout)[0]["record_id"]
    text = run_cli("explain", rid, db=db, check=True).stdout
    assert "why a record: event by rule" in text and "classifier" in text


@pytest.mark.parametrize("manifest, least", [(True, 0.77), (False, 0.77)])
def test_dev_set_score(tmp_path, manifest, least):
    """The archive's real documents of other years (observed: 0.790 with the catalogue and without;
    0.891 before the learned decision, whose rules were fitted on these documents: bench/NARRATIVE.md)."""
    db, out = tmp_path / "dev.duckdb", tmp_path / "dev.jsonl"
    args = ["ingest", str(DEV / "docs"), "--workers", "2"] + (["--manifest", str(DEV / "manifest.csv")] if manifest else [])
    run_cli(*args, db=db, check=True)
    run_cli("export", "--jsonl", str(out), db=db, check=True)
    assert overall(DEV / "gold", out) >= least
