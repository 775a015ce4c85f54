"""What README.md and docs/architecture.md promise, each held by a test that breaks when the rule
does: the headline row counts, one registry id across the group's three names, the era name at
the end of a document's period, plan tables found by role words in their headers, the
country-code validator, footnotes kept apart, governance never inherited."""
from __future__ import annotations

import shutil
import zipfile
from datetime import date

import duckdb
import pytest
from docx import Document as WordDocument
from pydantic import ValidationError

from schemas.document import Provenance
from schemas.records import Record, ThemeAssignment
from tests.conftest import run_cli

GROUP = "cbss_children_at_risk_group"


def query(db, sql, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


# --- README: the three headline questions, on the corpus -------------------------------------

def test_readme_trafficking_since_2004_has_58_rows(corpus_db):
    rows = query(corpus_db, """
        SELECT doc, count(*) FROM records
        WHERE list_contains(themes, 'trafficking') AND start >= DATE '2004-01-01' AND doc LIKE '%.docx'
        GROUP BY doc ORDER BY doc""")
    # README: "58 rows: 35 from the 2004 plan of action, 13 from the 2008-2009 plan, 10 events of 2016-2017"
    assert rows == [("000_e3e456b1fc67bad2.docx", 13), ("001_856aa1f959aca59f.docx", 35),
                    ("004_2ce97f0e434d4dce.docx", 10)]
    first = query(corpus_db, """SELECT doc, ref, start FROM records
        WHERE list_contains(themes, 'trafficking') AND start >= DATE '2004-01-01' AND doc LIKE '%.docx'
        ORDER BY start, doc, row_no LIMIT 1""")
    assert first == [("001_856aa1f959aca59f.docx", "IV.1", date(2004, 1, 1))]


def test_readme_childrens_unit_in_the_2008_plan_has_16_rows(corpus_db):
    rows = query(corpus_db, """
        SELECT ref FROM records
        WHERE doc_period_start = DATE '2008-07-01' AND doc LIKE '%.docx' AND list_contains(actors, 'Children''s Unit')
        ORDER BY row_no""")
    assert [r[0] for r in rows] == [f"row {n}" for n in (1, 2, 3, 4, 6, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)]


def test_readme_stockholm_has_18_events(corpus_db):
    rows = query(corpus_db, """SELECT start, "end" FROM records
        WHERE kind = 'event' AND location = 'Stockholm' AND doc LIKE '%.docx' ORDER BY start""")
    assert len(rows) == 18
    assert rows[0] == (date(2016, 8, 29), date(2016, 8, 30)) and rows[-1] == (date(2017, 5, 8), date(2017, 5, 10))


# --- Era names and the registry id ------------------------------------------------------------

def test_2017_report_names_the_expert_group_on_children_at_risk(corpus_db):
    """architecture.md: the name at the END of the document's period (the 2016-17 report's period
    starts under the EGCC name and ends under the CAR name)."""
    names = query(corpus_db, """SELECT DISTINCT a.name FROM record_actors a JOIN record_facts r USING (record_id)
                                WHERE r.doc = '004_2ce97f0e434d4dce.docx' AND a.entity_id = ?""", [GROUP])
    assert names == [("Expert Group on Children at Risk",)]


def plan_docx(path, title: str, rows: list[tuple[str, str, str]], header=("Activity", "Responsible", "Deadline"),
              intro: str | None = None):
    doc = WordDocument()
    doc.add_paragraph(title)
    if intro:
        doc.add_paragraph(intro)
    table = doc.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    for values in rows:
        for cell, text in zip(table.add_row().cells, values):
            cell.text = text
    doc.save(path)


@pytest.fixture(scope="module")
def three_eras_db(tmp_path_factory):
    """Three plans of the same group, one in each of its eras, each naming it its own way."""
    folder = tmp_path_factory.mktemp("eras")
    plan_docx(folder / "plan_a.docx", "Work Plan, July 2008 – June 2009", [
        ("Hold a seminar for police officers on child trafficking", "Working Group for Co-operation on Children at Risk",
         "November 2008"),
        ("Publish a handbook on foster care for social workers", "WGCC", "March 2009")])
    plan_docx(folder / "plan_b.docx", "Work Plan, July 2012 – June 2013", [
        ("Organise a conference on unaccompanied migrant children", "EGCC", "October 2012"),
        ("Train guardians of asylum-seeking children", "Expert Group for Cooperation on Children at Risk", "May 2013")])
    plan_docx(folder / "plan_c.docx", "Work Plan, July 2018 – June 2019", [
        ("Map services for child victims of sexual abuse", "CAR", "December 2018"),
        ("Launch a study on barnahus standards", "Expert Group on Children at Risk", "April 2019")])
    db = folder / "eras.duckdb"
    run_cli("ingest", str(folder), "--workers", "1", db=db, check=True)
    return db


def test_entity_id_joins_all_three_names_of_the_group(three_eras_db):
    rows = query(three_eras_db, """SELECT r.doc, a.name FROM record_actors a JOIN record_facts r USING (record_id)
                                   WHERE a.entity_id = ? ORDER BY r.doc, r.row_no""", [GROUP])
    assert rows == [("plan_a.docx", "WGCC"), ("plan_a.docx", "WGCC"),
                    ("plan_b.docx", "Expert Group for Cooperation on Children at Risk"),
                    ("plan_b.docx", "Expert Group for Cooperation on Children at Risk"),
                    ("plan_c.docx", "Expert Group on Children at Risk"),
                    ("plan_c.docx", "Expert Group on Children at Risk")]


# --- Plan tables: columns found by the role word in their header ------------------------------

def test_plan_table_with_wordy_headers_is_a_plan(tmp_path):
    plan = tmp_path / "wordy.docx"
    plan_docx(plan, "Action Plan, July 2014 – June 2015", [
        ("Hold a regional seminar on child trafficking", "Children's Unit", "March 2015", "CBSS budget"),
        ("Publish guidance on alternative care for children", "EGCC", "June 2015", "External funds")],
        header=("Planned activity", "Responsible body", "Expected time frame", "Source of funding"))
    db = tmp_path / "w.duckdb"
    run_cli("ingest", str(plan), db=db, check=True)
    rows = query(db, "SELECT text, start, \"end\", actors, funding, row_no FROM records ORDER BY row_no")
    assert rows == [
        ("Hold a regional seminar on child trafficking", date(2015, 3, 1), date(2015, 3, 31), ["Children at Risk Unit"],
         "CBSS budget", 1),
        ("Publish guidance on alternative care for children", date(2015, 6, 1), date(2015, 6, 30),
         ["Expert Group for Cooperation on Children at Risk"], "External funds", 2)]
    assert query(db, "SELECT kind FROM documents") == [("table_plan",)]


# --- The record contract: country codes -------------------------------------------------------

def make_record(countries):
    return Record(doc="x.docx", kind="activity", text="Seminar on child trafficking", countries=countries,
                  themes=[ThemeAssignment(theme="trafficking", source="words", reason="test")],
                  prov=Provenance(file="x.docx", page=1, paragraph=1))


@pytest.mark.parametrize("bad", [["Sweden"], ["se"], ["SWE"], ["ALL", "X1"], [""]])
def test_countries_must_be_iso_codes(bad):
    with pytest.raises(ValidationError, match="ISO 3166-1"):
        make_record(bad)


def test_valid_country_codes_pass():
    assert make_record(["ALL", "SE", "LT"]).countries == ["ALL", "SE", "LT"]


# --- Footnotes kept apart ----------------------------------------------------------------------

FOOTNOTES_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>Budget figures are provisional until the autumn ministerial session.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""
FOOTNOTE_REL = ('<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                'footnotes" Target="footnotes.xml"/>')
FOOTNOTE_TYPE = ('<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.footnotes+xml"/>')
FOOTNOTE_REF = '<w:r><w:footnoteReference w:id="1"/></w:r>'


def add_footnote(path, after_text: str):
    """python-docx cannot write footnotes: add the part, its relationship and one reference by hand."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", FOOTNOTE_REL.encode() + b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", FOOTNOTE_TYPE.encode() + b"</Types>")
            elif item.filename == "word/document.xml":
                marker = f"<w:t>{after_text}</w:t></w:r>".encode()
                assert marker in data
                data = data.replace(marker, marker + FOOTNOTE_REF.encode(), 1)
            out.writestr(item, data)
        out.writestr("word/footnotes.xml", FOOTNOTES_XML)
    shutil.move(tmp, path)


def test_footnotes_are_kept_apart_from_the_text(tmp_path):
    from pipeline.readers import read_document

    plan = tmp_path / "with_note.docx"
    plan_docx(plan, "Work Plan, July 2010 – June 2011", [
        ("Hold a seminar on child trafficking for border guards", "Children's Unit", "March 2011"),
        ("Publish a report on foster care", "WGCC", "May 2011")])
    add_footnote(plan, "Hold a seminar on child trafficking for border guards")
    doc = read_document(plan)
    notes = [b.text for b in doc.blocks if b.kind.value == "footnote"]
    assert notes == ["Budget figures are provisional until the autumn ministerial session."]
    assert not any("provisional" in (b.text + " ".join(c for r in b.rows for c in r.cells))
                   for b in doc.blocks if b.kind.value != "footnote")
    db = tmp_path / "w.duckdb"
    run_cli("ingest", str(plan), db=db, check=True)
    texts = [r[0] for r in query(db, "SELECT text FROM records ORDER BY row_no")]
    assert texts == ["Hold a seminar on child trafficking for border guards", "Publish a report on foster care"]


# --- Governance is never inherited ------------------------------------------------------------

def test_governance_is_not_inherited_from_title_or_section(tmp_path):
    """A plan titled "Work Plan" under a heading about meetings and the mandate: a row about
    trafficking is about trafficking; governance comes only from a record's own words."""
    plan = tmp_path / "work_plan.docx"
    doc = WordDocument()
    doc.add_paragraph("Work Plan and Mandate of the Expert Group, July 2013 – June 2014")
    doc.add_heading("Coordination with the Terms of Reference and meetings", level=1)
    table = doc.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Activity", "Responsible", "Deadline")):
        cell.text = text
    for values in (("Train police on child trafficking cases", "EGCC", "March 2014"),
                   ("Hold the annual meeting of the national contact points", "EGCC", "May 2014")):
        for cell, text in zip(table.add_row().cells, values):
            cell.text = text
    doc.save(plan)
    db = tmp_path / "w.duckdb"
    run_cli("ingest", str(plan), db=db, check=True)
    rows = query(db, "SELECT text, themes FROM records ORDER BY row_no")
    assert rows[0] == ("Train police on child trafficking cases", ["trafficking"])
    assert rows[1][0].startswith("Hold the annual meeting") and rows[1][1] == ["governance"]
    sources = query(db, "SELECT DISTINCT source FROM record_themes WHERE theme = 'governance'")
    assert sources == [("words",)]


def test_records_refuse_an_interval_that_ends_before_it_starts():
    from schemas.records import DateValue

    with pytest.raises(ValidationError, match="ends before it starts"):
        DateValue(start=date(2010, 5, 1), end=date(2010, 4, 1), raw="May–April 2010")


# --- Registry: abbreviations match as written; funders are not exported as actors --------------

def test_car_the_abbreviation_is_not_the_word_car():
    from extractors.entities.registry import load_registry

    registry = load_registry()
    assert registry.body("CAR").id == GROUP
    assert registry.body("car") is None and registry.body("Car") is None


def test_funders_are_not_exported_as_actors(tmp_path):
    """records.md: a body named only in a funding cell is a funder, kept in record_actors with that
    role, but not one of the record's actors."""
    plan = tmp_path / "funded.docx"
    plan_docx(plan, "Activity Plan, July 2010 – June 2011", [
        ("Seminar for judges on child-friendly justice", "Children's Unit", "February 2011", "Nordic Council of Ministers")],
        header=("Activity", "Responsible", "Deadline", "Funding"))
    db = tmp_path / "w.duckdb"
    run_cli("ingest", str(plan), db=db, check=True)
    assert query(db, "SELECT actors, funding FROM records") == [(["Children's Unit"], "Nordic Council of Ministers")]
    links = query(db, "SELECT name, role, source_field FROM record_actors ORDER BY ord")
    assert links == [("Children's Unit", "responsible", "responsible"),
                     ("Nordic Council of Ministers", "funder", "funding")]


@pytest.mark.parametrize("text", ["", "ab", "12", "– 3 –"])
def test_records_refuse_text_without_three_characters_of_words(text):
    with pytest.raises(ValidationError):
        Record(doc="x.docx", kind="activity", text=text,
               themes=[ThemeAssignment(theme="governance", source="words", reason="test")],
               prov=Provenance(file="x.docx", page=1, paragraph=1))


def test_registry_folds_co_operation_spellings():
    from extractors.entities.registry import load_registry

    registry = load_registry()
    for written in ("CBSS Working Group for Co-operation on Children at Risk",
                    "the CBSS Working Group for Cooperation on Children at Risk"):
        assert registry.body(written).id == GROUP, written


def test_states_named_by_their_adjectives():
    from extractors.entities.places import countries_in_text
    from extractors.entities.registry import load_registry

    found = countries_in_text("Swedish experts met Latvian and Estonian officials in Riga", load_registry())
    assert found == ["SE", "LV", "EE"]
