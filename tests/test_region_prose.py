"""Plans and reports in the region's languages without a plan table: their kind comes from their
structure (numbered and bulleted items, dated entries), their items are activities and their
entries events, with dates read in the document's language (tests/fixtures/make_language_prose.py:
Russian, German, Polish, Lithuanian; .txt and .docx)."""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from schemas.document import Block, BlockKind, Provenance
from tests.conftest import FIXTURES, run_cli

PROSE = FIXTURES / "languages_prose"
LANGS = ("ru", "de", "pl", "lt")

# the numbered plan's items, then its two bulleted ones, dated by hand from their words:
# spring 2009, September 2008, 15-16 October 2008, end of 2008; summer 2009, no date (the period)
PLAN_DATES = [
    (date(2009, 3, 1), date(2009, 5, 31)),
    (date(2008, 9, 1), date(2008, 9, 30)),
    (date(2008, 10, 15), date(2008, 10, 16)),
    (date(2008, 9, 1), date(2008, 12, 31)),
    (date(2009, 6, 1), date(2009, 8, 31)),
    (date(2008, 7, 1), date(2009, 6, 30)),
]
# the report's five entries: date first or place first, with and without a place
REPORT_EVENTS = [
    (date(2016, 9, 12), date(2016, 9, 13)),
    (date(2016, 11, 3), date(2016, 11, 3)),
    (date(2016, 12, 7), date(2016, 12, 7)),
    (date(2017, 2, 15), date(2017, 2, 16)),
    (date(2017, 4, 24), date(2017, 4, 24)),
]
FIRST_ITEM = {
    "ru": "Семинар для судей и прокуроров о детях-жертвах торговли людьми, весна 2009.",
    "de": "Seminar für Richter und Staatsanwälte über minderjährige Opfer von Menschenhandel, Frühjahr 2009.",
    "pl": "Seminarium dla sędziów i prokuratorów o dzieciach będących ofiarami handlu ludźmi, wiosna 2009.",
    "lt": "Seminaras teisėjams ir prokurorams apie vaikus, prekybos žmonėmis aukas, 2009 m. pavasarį.",
}
PLACE_FIRST_TEXT = {
    "ru": "встреча национальных координаторов.",
    "de": "Treffen der nationalen Koordinatoren.",
    "pl": "spotkanie koordynatorów krajowych.",
    "lt": "nacionalinių koordinatorių susitikimas.",
}
FILES = [f"{lang}_{what}.{ext}" for lang in LANGS for what in ("numbered_plan", "dated_report") for ext in ("txt", "docx")]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    db = tmp_path_factory.mktemp("region_prose") / "w.duckdb"
    run_cli("ingest", str(PROSE), "--workers", "1", "--quiet", db=db, check=True)
    con = duckdb.connect(str(db), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("name", FILES)
def test_kind_from_structure(warehouse, name):
    kind, language = warehouse.execute("SELECT kind, language FROM documents WHERE name = ?", [name]).fetchone()
    assert language == name[:2]
    assert kind == ("narrative_plan" if "plan" in name else "report")


@pytest.mark.parametrize("name", [f for f in FILES if "plan" in f])
def test_numbered_and_bulleted_items_are_dated_activities(warehouse, name):
    rows = warehouse.execute("""SELECT kind, start, "end", text FROM records WHERE doc = ?
                                ORDER BY char_start""", [name]).fetchall()
    assert [r[0] for r in rows] == ["activity"] * 6
    assert [(r[1], r[2]) for r in rows] == PLAN_DATES
    assert rows[0][3] == FIRST_ITEM[name[:2]]


@pytest.mark.parametrize("name", [f for f in FILES if "report" in f])
def test_dated_entries_are_events_date_or_place_first(warehouse, name):
    rows = warehouse.execute("""SELECT kind, start, "end", location, text FROM records WHERE doc = ?
                                ORDER BY char_start""", [name]).fetchall()
    assert [r[0] for r in rows] == ["event"] * 5
    assert [(r[1], r[2]) for r in rows] == REPORT_EVENTS
    assert rows[1][3] == "Riga" and rows[1][4] == PLACE_FIRST_TEXT[name[:2]]  # "Riga, 3. November 2016 – ..."
    assert rows[2][3] is None  # "7. Dezember 2016: ..." names no place


@pytest.mark.parametrize("name", [f for f in FILES if f.startswith("lt_")])
def test_lithuanian_period_year_first(warehouse, name):
    period = warehouse.execute("SELECT period_start, period_end FROM documents WHERE name = ?", [name]).fetchone()
    assert period == ((date(2008, 7, 1), date(2009, 6, 30)) if "plan" in name else (date(2016, 7, 1), date(2017, 6, 30)))


def _doc(language, blocks):
    from schemas.document import Document

    doc = Document(path="x.txt", name="x.txt", format="txt", sha256="0", language=language)
    for i, (kind, text, numbered) in enumerate(blocks):
        doc.blocks.append(Block(kind=kind, text=text, numbered=numbered, label="1)" if numbered else ("–" if kind is BlockKind.list_item else None),
                                prov=Provenance(file="x.txt", page=1, block=i)))
    return doc


P, L, H = BlockKind.paragraph, BlockKind.list_item, BlockKind.heading


def test_short_prose_with_two_bullets_is_news_not_a_plan():
    from extractors.structure import analyse

    doc = _doc("de", [(P, "Kinderschutz in der Region", False),
                      (P, "Am Montag trafen sich die Fachleute der Gruppe in Riga.", False),
                      (P, "Sie sprachen über die Lage der Kinder, die allein reisen.", False),
                      (L, "Die Polizei berichtete über neue Fälle.", False),
                      (L, "Die Sozialämter stellten ihre Arbeit vor.", False),
                      (P, "Das nächste Treffen findet im Herbst statt.", False)])
    assert analyse(doc).kind == "news"


def test_dated_headings_make_a_report():
    from extractors.structure import analyse

    doc = _doc("pl", [(P, "Kronika grupy ekspertów", False),
                      (H, "Marzec 2017", False), (P, "Grupa spotkała się w Rydze.", False),
                      (H, "Maj 2017", False), (P, "Grupa odwiedziła schronisko w Wilnie.", False)])
    assert analyse(doc).kind == "report"


def test_an_english_document_keeps_the_english_rules():
    from extractors.structure import analyse

    doc = _doc("en", [(P, "Notes of the expert group", False)] +
               [(L, f"Item {n} of the notes that the group kept.", True) for n in range(3)])
    assert analyse(doc).kind != "narrative_plan"  # numbered items alone make no plan in English
