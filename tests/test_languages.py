"""Documents in the region's languages: each gets its language; events lists and plan tables in
Russian, German and Polish give the same records as in English, with dates read from the words of
those languages (years from the document's period) and places by their native names; every
table cell of every table is in `passages`."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from extractors.time.dates_i18n import normalise_multilingual
from pipeline.readers.language import detect_language
from schemas.records import Period
from tests.conftest import FIXTURES, run_cli

LANGS = FIXTURES / "languages"
REPORT_PERIOD = Period(start=date(2016, 7, 1), end=date(2017, 6, 30), raw="July 2016 - June 2017")

# what every language's events list says, written out by hand: (start, end, city)
EVENTS = [
    (date(2016, 8, 29), date(2016, 8, 30), "Stockholm"),
    (date(2016, 10, 3), date(2016, 10, 3), "Riga"),
    (date(2016, 11, 15), date(2016, 11, 15), "St Petersburg"),
    (date(2017, 3, 7), date(2017, 3, 10), "Helsinki"),
    (date(2017, 5, 22), date(2017, 5, 22), "Warsaw"),
]
# the plan table's time-limit cells: "September 2016", "29-30 November", "end of 2016", "spring 2017"
PLAN_DATES = [
    (date(2016, 9, 1), date(2016, 9, 30)),
    (date(2016, 11, 29), date(2016, 11, 30)),
    (date(2016, 9, 1), date(2016, 12, 31)),
    (date(2017, 3, 1), date(2017, 5, 31)),
]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    db = tmp_path_factory.mktemp("languages") / "lang.duckdb"
    run_cli("ingest", str(LANGS), "--workers", "1", "--quiet", db=db, check=True)
    con = duckdb.connect(str(db), read_only=True)
    yield con
    con.close()


FILES = [f"{lang}_{what}.{ext}" for lang in ("ru", "de", "pl") for what in ("events", "plan") for ext in ("docx", "txt")]


@pytest.mark.parametrize("name", FILES)
def test_language_stored(warehouse, name):
    assert warehouse.execute("SELECT language FROM documents WHERE name = ?", [name]).fetchone() == (name[:2],)


@pytest.mark.parametrize("name", FILES)
def test_period_read_in_the_document_language(warehouse, name):
    row = warehouse.execute("SELECT period_start, period_end FROM documents WHERE name = ?", [name]).fetchone()
    assert row == (date(2016, 7, 1), date(2017, 6, 30))


@pytest.mark.parametrize("name", [f for f in FILES if "events" in f])
def test_events_dates_and_places(warehouse, name):
    rows = warehouse.execute("""SELECT start, "end", location FROM records WHERE doc = ? AND kind = 'event'
                                ORDER BY char_start""", [name]).fetchall()
    assert rows == EVENTS


@pytest.mark.parametrize("name", [f for f in FILES if "plan" in f])
def test_plan_table_rows_and_deadlines(warehouse, name):
    rows = warehouse.execute("""SELECT start, "end" FROM records WHERE doc = ? AND kind = 'activity'
                                ORDER BY row_no""", [name]).fetchall()
    assert rows == PLAN_DATES
    kind = warehouse.execute("SELECT kind FROM documents WHERE name = ?", [name]).fetchone()[0]
    assert kind == "table_plan"


def test_event_texts_are_the_words_after_date_and_place(warehouse):
    texts = [r[0] for r in warehouse.execute("""SELECT text FROM records WHERE doc = 'ru_events.docx'
                                                 ORDER BY char_start""").fetchall()]
    assert texts[0] == "Планирование второго этапа проекта с партнёрами из гражданского общества."


def test_every_table_cell_is_a_passage_with_its_position(warehouse):
    cells = warehouse.execute("""SELECT row_no, column_no, "column", text FROM passages
                                 WHERE doc = 'de_plan.docx' AND kind = 'table_cell' ORDER BY row_no, column_no""").fetchall()
    assert len(cells) == 5 * 4  # header row + four rows, four columns, none empty
    assert cells[0] == (0, 0, "Maßnahme", "Maßnahme")
    assert (3, 2, "Frist", "Ende 2016") in cells


def test_table_cell_spans_point_into_the_document_text(tmp_path):
    from pipeline.readers import read_document
    from warehouse.store import table_cell_passages

    doc = read_document(LANGS / "pl_plan.docx")
    table_i, table = next((i, b) for i, b in enumerate(doc.blocks) if b.kind.value == "table")
    text = doc.text()
    for cell in table_cell_passages(table, table_i, doc.sha256, doc.name):
        assert text[cell["char_start"]:cell["char_end"]] == cell["text"]


def test_cells_of_a_table_that_is_no_plan_table_are_passages(tmp_path):
    db = tmp_path / "c.duckdb"
    run_cli("ingest", str(FIXTURES / "docx_content" / "constructs.docx"), "--workers", "1", "--quiet", db=db, check=True)
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("""SELECT table_no, row_no, "column", text FROM passages WHERE kind = 'table_cell'
                          AND text IN ('Maria Nowak', 'Flights EUR 1 200')""").fetchall()
    assert sorted(rows) == [(0, 3, "Name", "Maria Nowak"), (1, 1, "Detail", "Flights EUR 1 200")]


def test_docs_command_shows_the_language(tmp_path):
    db = tmp_path / "d.duckdb"
    run_cli("ingest", str(LANGS / "pl_events.txt"), "--workers", "1", "--quiet", db=db, check=True)
    out = run_cli("docs", db=db, check=True).stdout
    assert "language" in out and " pl " in out


@pytest.mark.unit  # no ingest: part of the fast layer
@pytest.mark.parametrize("raw, start, end", [
    ("29-30 августа", date(2016, 8, 29), date(2016, 8, 30)),
    ("7–10 марта", date(2017, 3, 7), date(2017, 3, 10)),
    ("3. Oktober", date(2016, 10, 3), date(2016, 10, 3)),
    ("15 maja", date(2017, 5, 15), date(2017, 5, 15)),
    ("12. Juni", date(2017, 6, 12), date(2017, 6, 12)),
    ("25 и 26 октября", date(2016, 10, 25), date(2016, 10, 26)),
    ("wrzesień–październik 2016", date(2016, 9, 1), date(2016, 10, 31)),
    ("März bis April 2017", date(2017, 3, 1), date(2017, 4, 30)),
    ("до конца 2016 г.", date(2016, 9, 1), date(2016, 12, 31)),
    ("w połowie 2017", date(2017, 5, 1), date(2017, 8, 31)),
    ("Frühjahr 2017", date(2017, 3, 1), date(2017, 5, 31)),
    ("14 december", date(2016, 12, 14), date(2016, 12, 14)),  # Swedish/Danish
    ("3 November", date(2016, 11, 3), date(2016, 11, 3)),  # English untouched
])
def test_multilingual_time_expressions(raw, start, end):
    value = normalise_multilingual(raw, REPORT_PERIOD)
    assert (value.start, value.end) == (start, end)
    assert value.raw == raw


@pytest.mark.unit  # no ingest: part of the fast layer
@pytest.mark.parametrize("raw", ["ежегодно", "laufend", "na bieżąco", "do ustalenia"])
def test_yearly_ongoing_and_tbd_are_null(raw):
    assert normalise_multilingual(raw, REPORT_PERIOD).start is None


@pytest.mark.unit  # no ingest: part of the fast layer
@pytest.mark.parametrize("code, sentence", [
    ("sv", "Expertgruppen träffades i Stockholm för att diskutera barnens rättigheter och nya riktlinjer."),
    ("fi", "Asiantuntijaryhmä kokoontui Helsingissä keskustelemaan lasten oikeuksista ja uusista ohjeista."),
    ("da", "Ekspertgruppen mødtes i København for at drøfte børns rettigheder og nye retningslinjer."),
    ("et", "Eksperdirühm kogunes Tallinnas, et arutada laste õigusi ja uusi suuniseid."),
    ("lv", "Ekspertu grupa tikās Rīgā, lai apspriestu bērnu tiesības un jaunās vadlīnijas."),
    ("lt", "Ekspertų grupė susitiko Vilniuje aptarti vaikų teisių ir naujų gairių."),
    ("is", "Sérfræðingahópurinn hittist í Reykjavík til að ræða réttindi barna og nýjar leiðbeiningar."),
    ("en", "The expert group met in Oslo to discuss the rights of children and new guidelines."),
])
def test_language_of_the_region(code, sentence):
    assert detect_language(sentence) == code


@pytest.mark.unit  # no ingest: part of the fast layer
def test_no_language_for_a_table_of_numbers():
    assert detect_language("2016 2017 12 14 3.5 % 1 200") is None
