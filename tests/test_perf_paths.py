"""What the fast paths must keep doing: --help and sql start without the heavy libraries, the
classifier scores a document's prose units in one batch, and the PDF table finder runs only on
pages with ruling lines. (Speed itself is measured in bench/, never asserted here.)"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import duckdb
import pdfplumber

from tests.conftest import ROOT

HEAVY = ("pyarrow", "pydantic", "spacy", "pdfplumber", "docx")


def _modules_after(argv: list[str], tmp_path, top_level: bool = True) -> set[str]:
    """The modules `planscope ARGV` has imported when it returns (their top-level packages, or all)."""
    script = ("import sys, json\nimport planscope_cli as cli\ntry:\n    cli.main(%r)\nexcept SystemExit:\n    pass\n"
              "print(json.dumps(sorted(m for m in sys.modules)), file=sys.stderr)" % argv)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    names = json.loads(proc.stderr.strip().splitlines()[-1])
    return {m.split(".")[0] for m in names} if top_level else set(names)


def test_help_imports_no_heavy_library(tmp_path):
    loaded = _modules_after(["--help"], tmp_path)
    assert not loaded & set(HEAVY), loaded & set(HEAVY)
    assert "duckdb" not in loaded


def test_sql_imports_duckdb_but_no_heavy_library(tmp_path):
    db = tmp_path / "w.duckdb"
    duckdb.connect(str(db)).close()
    loaded = _modules_after(["--db", str(db), "sql", "select 1"], tmp_path)
    assert "duckdb" in loaded
    assert not loaded & set(HEAVY), loaded & set(HEAVY)


def test_classifier_scores_a_documents_units_in_one_call(monkeypatch):
    from extractors.prose import narrative_model
    from pipeline.runner import process_file

    calls = []
    real = narrative_model.classify_texts

    def counting(texts, *args, **kwargs):
        calls.append(len(texts))
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(narrative_model, "classify_texts", counting)
    state = process_file(ROOT / "tests" / "fixtures" / "prose" / "report_2010.txt")
    assert state.candidates > 5
    assert calls == [state.candidates]  # one batch with every unit, not one call per unit


def test_table_finder_runs_only_on_pages_with_ruling_lines(monkeypatch):
    from pipeline.readers import read_document

    pages_searched = []
    real = pdfplumber.page.Page.find_tables

    def spy(self, *args, **kwargs):
        pages_searched.append(self.page_number)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pdfplumber.page.Page, "find_tables", spy)
    # two pages of text, then a page with a ruled table (tests/fixtures/pdf_text/make_pdfs.py)
    doc = read_document(ROOT / "tests" / "fixtures" / "pdf_text" / "tight_words.pdf")
    assert pages_searched == [3]
    assert [b.prov.page for b in doc.blocks if b.kind == "table"] == [3]
    assert {b.prov.page for b in doc.blocks if b.kind != "table"} >= {1, 2}


def test_ingesting_a_txt_loads_neither_pdf_nor_docx_reader_nor_spacys_cli(tmp_path):
    txt = ROOT / "tests" / "fixtures" / "prose" / "news_2013.txt"
    loaded = _modules_after(["--db", str(tmp_path / "w.duckdb"), "ingest", str(txt), "--quiet", "--workers", "1"],
                            tmp_path, top_level=False)  # one worker: the file is read in this process
    assert {"spacy", "pipeline.readers.txt_reader"} <= loaded  # it did read and parse the file
    for module in ("pdfplumber", "pdfminer", "docx", "pipeline.readers.pdf_reader", "pipeline.readers.docx_reader",
                   "spacy.cli", "weasel", "typer", "rich"):
        assert module not in loaded
    # with two workers this process reads the file while a worker, started before the warehouse is
    # checked, loads spaCy and then parses it: spaCy is never loaded here
    loaded = _modules_after(["--db", str(tmp_path / "w2.duckdb"), "ingest", str(txt), "--quiet", "--workers", "2"],
                            tmp_path, top_level=False)
    assert "pipeline.readers.txt_reader" in loaded and "spacy" not in loaded


def test_spacy_without_its_cli_still_has_info_and_the_real_cli_later():
    from extractors.entities.nlp import get_nlp, import_spacy

    get_nlp()
    spacy = import_spacy()
    assert spacy.info(silent=True)["spacy_version"] == spacy.__version__  # the stand-in calls the real one
    import spacy.cli

    assert callable(spacy.cli.download)  # the real CLI package, not the stand-in


def test_the_models_tokenizer_is_the_one_spacy_load_builds():
    """get_nlp builds the tokenizer empty and loads it from the model's files: the same rules,
    affixes and special cases as spaCy's own load, and the model's disabled senter left out."""
    from extractors.entities.nlp import DEFAULT_MODEL, get_nlp, import_spacy

    nlp, reference = get_nlp(), import_spacy().load(DEFAULT_MODEL)
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == reference.tokenizer.to_bytes(exclude=["vocab"])
    text = "Dr. Smith's U.S.-based co-operation isn't done: e.g. 3-4 May 2013 (WGCC), www.cbss.org."
    assert [t.text for t in nlp(text)] == [t.text for t in reference(text)]
    assert "senter" not in nlp.component_names and "senter" in reference.component_names


def test_the_model_loaded_with_indexed_entry_points_is_spacys_own_load():
    """get_nlp loads the model with catalogue's entry points indexed by group and srsly's msgpack
    registries listed once: the same components, weights and config as spaCy's own load, and the
    libraries' lookups are theirs again afterwards."""
    import catalogue
    import srsly.msgpack as msgpack

    from extractors.entities.nlp import DEFAULT_MODEL, _fast_registries, import_spacy

    spacy = import_spacy()
    before = catalogue.AVAILABLE_ENTRY_POINTS
    with _fast_registries():
        assert catalogue.AVAILABLE_ENTRY_POINTS is not before
        assert [e.value for e in catalogue.AVAILABLE_ENTRY_POINTS.select(group="spacy_architectures")] == \
            [e.value for e in before.select(group="spacy_architectures")]
        fast = spacy.load(DEFAULT_MODEL)
    assert catalogue.AVAILABLE_ENTRY_POINTS is before and "get_all" not in vars(msgpack.msgpack_decoders)
    reference = spacy.load(DEFAULT_MODEL)
    assert fast.pipe_names == reference.pipe_names and fast.config.to_str() == reference.config.to_str()
    for name in reference.component_names:
        assert fast.get_pipe(name).to_bytes(exclude=["vocab"]) == reference.get_pipe(name).to_bytes(exclude=["vocab"])
    text = "The Expert Group met in Riga on 3-4 May 2013 and agreed its work plan with UNICEF."
    a, b = fast(text), reference(text)
    assert [(t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in a] == \
        [(t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in b]


def test_the_classifier_uses_the_models_tokenizer_and_scores_as_spacys_own_load():
    """The prose classifier's tokenizer file is the English model's, byte for byte: it tokenizes with
    the model's (loaded once) and its scores are those of spaCy loading the classifier alone."""
    from extractors.prose.narrative_model import MODEL_DIR, classify_texts, load_model
    from extractors.entities.nlp import SharedTokenizer, import_spacy

    clf, reference = load_model(), import_spacy().load(MODEL_DIR)
    assert isinstance(clf.tokenizer, SharedTokenizer)
    texts = ["ctxprose ctxgenrereport The Expert Group met in Riga on 3-4 May 2013 and agreed its work plan.",
             "ctxitem ctxleadin Publish a handbook on foster care (www.cbss.org) isn't done yet, e.g. by 2014.",
             "ctxprose hwnext The WGCC's co-operation with UNICEF will continue."]
    assert [[t.text for t in clf.make_doc(x)] for x in texts] == [[t.text for t in reference.make_doc(x)] for x in texts]
    assert classify_texts(texts, nlp=clf) == classify_texts(texts, nlp=reference)


def test_a_warehouse_missing_a_column_or_an_old_view_is_brought_up_to_date(tmp_path):
    from warehouse import store

    db = tmp_path / "w.duckdb"
    store.connect(db).close()
    con = duckdb.connect(str(db))
    con.execute("DROP VIEW commitment_status")
    con.execute("DROP VIEW records")
    con.execute("ALTER TABLE documents DROP COLUMN language")  # as an older planscope made it
    con.execute("CREATE VIEW records AS SELECT 1 AS old")
    con.close()
    con = store.connect(db)
    assert "language" in {r[0] for r in con.execute("DESCRIBE documents").fetchall()}
    assert "record_id" in {r[0] for r in con.execute("DESCRIBE records").fetchall()}
    con.execute("CREATE OR REPLACE VIEW records AS SELECT 1 AS old")  # the view changed, its columns did not
    con.close()
    con = store.connect(db)
    assert "record_id" in {r[0] for r in con.execute("DESCRIBE records").fetchall()}
    assert con.execute("SELECT count(*) FROM commitment_status").fetchone() == (0,)
    con.close()


def test_one_file_with_two_workers_gives_one_workers_records_and_leaves_no_process(tmp_path):
    import multiprocessing
    import time

    from pipeline.ingest import ingest

    txt = ROOT / "tests" / "fixtures" / "prose" / "news_2013.txt"
    first = ingest(str(tmp_path / "w.duckdb"), [str(txt)], workers=2)  # read here, parsed in the worker
    alone = ingest(str(tmp_path / "one.duckdb"), [str(txt)], workers=1)
    assert (first.ingested, first.records) == (alone.ingested, alone.records) == (1, 7)
    assert _rows_of(tmp_path / "w.duckdb") == _rows_of(tmp_path / "one.duckdb")
    again = ingest(str(tmp_path / "w.duckdb"), [str(txt)], workers=2)  # unchanged: the early worker is stopped
    assert (again.ingested, again.skipped) == (0, 1)
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert multiprocessing.active_children() == []


def _rows_of(db) -> dict:
    """What an ingest made, but times, run ids and paths."""
    queries = {"record_facts": "SELECT * FROM record_facts", "record_actors": "SELECT * FROM record_actors",
               "record_themes": "SELECT * FROM record_themes", "passages": "SELECT * FROM passages",
               "quarantine": "SELECT * EXCLUDE (quarantined_at) FROM quarantine",
               "documents": "SELECT * EXCLUDE (ingested_at, path, run_id) FROM documents"}
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {table: sorted(map(repr, con.execute(sql).fetchall())) for table, sql in queries.items()}
    finally:
        con.close()


def test_one_small_file_that_fails_before_spacy_fails_in_words_and_leaves_no_process(tmp_path):
    """A run of one small file reads it in this process: a file that cannot be read fails with the
    reason one worker gives, without waiting for the worker's models, and no process is left."""
    import multiprocessing
    import time

    from pipeline.ingest import ingest

    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    two = ingest(str(tmp_path / "w.duckdb"), [str(bad)], workers=2)
    one = ingest(str(tmp_path / "one.duckdb"), [str(bad)], workers=1)
    assert two.ingested == 0 and two.failed == one.failed and len(two.failed) == 1 and not two.internal
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert multiprocessing.active_children() == []


def test_a_state_read_here_crosses_to_a_worker_without_its_registry():
    """The state after the stages before spaCy pickles without the shared registry (the worker has
    its own), and the worker's half gives the records of the whole file in one process."""
    import pickle

    from extractors.entities.registry import load_registry
    from pipeline.runner import finish_file, process_file, start_file

    txt = ROOT / "tests" / "fixtures" / "prose" / "news_2013.txt"
    state = start_file(txt)
    assert state.drafts and all(d.nlp_doc is None for d in state.drafts)
    data = pickle.dumps(state)
    assert len(data) < 50_000  # the registry (hundreds of bodies, cities, states) stays behind
    crossed = pickle.loads(data)
    assert crossed.registry is load_registry()
    whole = process_file(txt)
    assert [r.model_dump_json() for r in finish_file(crossed).records] == [r.model_dump_json() for r in whole.records]


def test_more_files_than_workers_start_early_give_one_workers_rows_and_leave_no_process(tmp_path):
    """Workers start before the warehouse check on a run into a new warehouse: the rows are those
    of one worker; a re-ingest with nothing new leaves no process behind."""
    import multiprocessing
    import time

    import duckdb

    from pipeline.ingest import ingest

    folder = ROOT / "tests" / "fixtures" / "prose"
    two = ingest(str(tmp_path / "two.duckdb"), [str(folder)], workers=2)
    one = ingest(str(tmp_path / "one.duckdb"), [str(folder)], workers=1)
    assert two.ingested == one.ingested > 2 and two.records == one.records and not two.failed

    def rows(db):
        con = duckdb.connect(db, read_only=True)
        try:
            return sorted(con.execute("SELECT record_id, kind, text, start_date, end_date, why FROM record_facts").fetchall())
        finally:
            con.close()

    assert rows(str(tmp_path / "two.duckdb")) == rows(str(tmp_path / "one.duckdb"))
    again = ingest(str(tmp_path / "two.duckdb"), [str(folder)], workers=2)
    assert (again.ingested, again.skipped) == (0, one.ingested)
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert multiprocessing.active_children() == []


class _EdgesThatSearch(list):
    """A page's edges that are truthy even when there are none: the reader then runs the table
    finder on every page."""

    def __bool__(self) -> bool:
        return True


def test_searching_pages_without_ruling_lines_for_tables_changes_no_document(monkeypatch):
    """The table finder (lines strategy) finds no table on a page without ruling lines, so skipping
    it there leaves every document the same: fixture and corpus PDFs read both ways, model for model
    (ruled tables, a framed listing, columns, lists, typewriter text)."""
    from pipeline.readers import read_document

    paths = sorted((ROOT / "tests" / "fixtures" / "pdf_text").glob("*.pdf")) + sorted((ROOT / "corpus").glob("*.pdf"))
    gated = {p.name: read_document(p).model_dump_json() for p in paths}
    real = pdfplumber.page.Page.edges
    monkeypatch.setattr(pdfplumber.page.Page, "edges", property(lambda self: _EdgesThatSearch(real.fget(self))))
    searched = {p.name: read_document(p).model_dump_json() for p in paths}
    assert searched == gated
    assert any('"kind":"table"' in doc for doc in gated.values())  # some of them do have tables


def test_the_command_lines_ingest_ends_without_teardown_keeping_its_output_and_exit_code(tmp_path):
    """`planscope ingest` ends its process with os._exit (planscope_cli.end_process): the summary,
    the failure lines and the exit code are those of a normal exit, and the warehouse is complete."""
    txt = ROOT / "tests" / "fixtures" / "prose" / "news_2013.txt"
    db = tmp_path / "w.duckdb"
    run = subprocess.run([sys.executable, "-m", "planscope_cli", "--db", str(db), "ingest", str(txt),
                          str(tmp_path / "missing.txt"), "--quiet"], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 1
    assert run.stdout.startswith("ingested 1 file(s)") and "failed 1; 7 records" in run.stdout
    assert "missing.txt: no such file or folder" in run.stderr and "Traceback" not in run.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM record_facts").fetchone() == (7,)
    assert con.execute("SELECT status, files_failed FROM ingest_runs").fetchall() == [("failed", 1)]
    con.close()


def test_ending_the_process_waits_for_nothing_it_would_have_to_wait_for():
    """With another thread alive, end_process returns and the interpreter exits as usual."""
    script = ("import threading, time, planscope_cli\n"
              "t = threading.Thread(target=time.sleep, args=(0.2,)); t.start()\n"
              "planscope_cli.end_process(0)\nprint('returned')\n")
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.stdout.strip() == "returned" and run.returncode == 0
    script = "import atexit, planscope_cli\natexit.register(print, 'atexit ran')\nplanscope_cli.end_process(3)\nprint('no')\n"
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.stdout.strip() == "atexit ran" and run.returncode == 3


def test_the_entity_rulers_first_word_matcher_finds_what_spacys_matcher_finds():
    """get_nlp's entity ruler runs each pattern only where its first word occurs: the same matches as
    spaCy's Matcher (kept as `.full`) on every passage of the prose fixtures and the corpus's .txt;
    patterns that could match the same words under two keys, or added later, go back to spaCy's."""
    from extractors.entities.nlp import FirstWordMatcher, get_nlp, import_spacy
    from pipeline.readers import read_document

    nlp = get_nlp()
    ruler = nlp.get_pipe("entity_ruler")
    assert isinstance(ruler.matcher, FirstWordMatcher)
    paths = sorted((ROOT / "tests" / "fixtures" / "prose").glob("*.txt")) + sorted((ROOT / "corpus").glob("*.txt"))
    texts = [b.text for p in paths for b in read_document(p).blocks]
    texts += ["The WGCC and the Expert Group on Children at Risk met the Council of the Baltic Sea States in Riga.",
              "wgcc, Wgcc and WGCC; the cbss Secretariat and the CBSS Secretariat in stockholm and Stockholm."]
    found = total = 0
    for doc in nlp.pipe(texts, disable=nlp.pipe_names):
        fast, full = sorted(set(ruler.matcher(doc))), sorted(set(ruler.matcher.full(doc)))
        assert fast == full, doc.text
        found, total = found + bool(full), total + len(full)
    assert found > 20 and total > 50
    spacy = import_spacy()
    other = spacy.blank("en").add_pipe("entity_ruler")
    other.add_patterns([{"label": "BODY", "id": "a", "pattern": [{"LOWER": "unicef"}]},
                        {"label": "BODY", "id": "b", "pattern": [{"TEXT": "UNICEF"}]}])
    assert FirstWordMatcher.build(other) is None  # "UNICEF" could be either: spaCy's Matcher decides as before
    other = spacy.blank("en").add_pipe("entity_ruler")
    other.add_patterns([{"label": "BODY", "id": "a", "pattern": [{"LOWER": "unicef"}]}])
    matcher = FirstWordMatcher.build(other)
    other.matcher = matcher
    other.add_patterns([{"label": "CITY", "id": "c", "pattern": [{"LOWER": "riga"}]}])
    assert matcher.fallback and [other.nlp.vocab.strings[m] for m, _, _ in matcher(other.nlp("in Riga"))] == ["CITY||c"]


def _sentences_pdf(path, sentences: list[str]):
    """One sentence a line, typeset by reportlab."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 11)
    for n, text in enumerate(sentences):
        c.drawString(72, 760 - 30 * n, text)
    c.save()
    return path


def test_the_attribute_rulers_matcher_finds_what_spacys_matcher_finds_on_a_pdfs_sentences(tmp_path):
    """get_nlp's attribute ruler tests each distinct set of token values once (TokenSpecMatcher):
    on sentences read from a reportlab PDF, the same (key, start, end) as spaCy's Matcher (kept as
    `.full`), and the attributes the model's exceptions set: "gonna" is lemmas go + to, "Let's"
    ends in "us", an auxiliary is AUX; a pattern with an operator or added later goes to spaCy's."""
    from extractors.entities.nlp import TokenSpecMatcher, get_nlp, import_spacy
    from pipeline.readers import read_document

    sentences = ["We are gonna hold the meeting in Riga and it was approved by the Council.",
                 "Let's publish the report that you wrote; I gave it to you.",
                 "There were two seminars, but nothing was decided."]
    doc = read_document(_sentences_pdf(tmp_path / "sentences.pdf", sentences))
    texts = [b.text for b in doc.blocks]
    assert texts == sentences
    nlp = get_nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.matcher, TokenSpecMatcher)
    parsed = list(nlp.pipe(texts))
    for sdoc in nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "entity_ruler", "ner"]):
        assert sorted(ruler.matcher(sdoc, allow_missing=True)) == sorted(ruler.matcher.full(sdoc, allow_missing=True))
    first, second, third = parsed
    assert [(t.text, t.lemma_) for t in first[2:4]] == [("gon", "go"), ("na", "to")]
    assert [(t.text, t.pos_) for t in first if t.text in ("are", "was")] == [("are", "AUX"), ("was", "AUX")]
    assert [(t.text, t.lemma_) for t in second[:2]] == [("Let", "let"), ("'s", "us")]
    assert [t.pos_ for t in third if t.text in ("There", "were")] == ["PRON", "VERB"]
    spacy = import_spacy()
    other = spacy.blank("en").add_pipe("attribute_ruler")
    other.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "x"})
    assert TokenSpecMatcher.build(other.matcher) is None  # an operator: spaCy's Matcher as before
    other = spacy.blank("en").add_pipe("attribute_ruler")
    other.add([[{"LOWER": "a"}]], {"LEMMA": "x"})
    other.matcher = TokenSpecMatcher.build(other.matcher)
    other.add([[{"LOWER": "b"}]], {"LEMMA": "y"})
    assert other.matcher.fallback and [t.lemma_ for t in other(spacy.blank("en")("a b"))] == ["x", "y"]
