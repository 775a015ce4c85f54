"""The archivist's catalogue, exactly (issue 29): the manifest's genre reaches the document's kind
and the documents row; without it the content decides. A short .txt written here, by hand."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.catalogue import CatalogueError, load_catalogue
from extractors.structure import analyse
from pipeline.readers import read_document

pytestmark = pytest.mark.unit

# Short prose, no slide or report words: on its content alone, a news item.
VISIT = ("Visit to Vilnius\n\nThe delegation travelled to Vilnius and met the social services.\n\n"
         "The talks covered care for children who arrive alone and the work of the police.\n")
HEADER = "file,title,period_start,period_end,genre,source\n"


@pytest.fixture
def visit(tmp_path):
    path = tmp_path / "visit.txt"
    path.write_text(VISIT, encoding="utf-8")
    return path


def manifest(tmp_path, line: str):
    path = tmp_path / "manifest.csv"
    path.write_text(HEADER + line + "\n", encoding="utf-8")
    return path


def test_the_manifest_line_is_read_as_written(tmp_path, visit):
    entry = load_catalogue(manifest(tmp_path, "visit.txt,A visit,2009-01-01,2009-12-31,Slides,web")).lookup(visit)
    assert (entry.title, entry.period_start, entry.period_end, entry.genre, entry.source, entry.line) == \
        ("A visit", date(2009, 1, 1), date(2009, 12, 31), "slides", "web", 2)


@pytest.mark.parametrize("genre, kind", [("slides", "slides"), ("report", "report"), ("priorities", "priorities"),
                                         ("plan", "narrative_plan"), ("news", "news"), ("", "news")])
def test_the_manifests_genre_decides_the_kind_of_prose(tmp_path, visit, genre, kind):
    entry = load_catalogue(manifest(tmp_path, f"visit.txt,A visit,2009-01-01,2009-12-31,{genre},web")).lookup(visit)
    structure = analyse(read_document(visit), entry)
    assert (structure.kind, structure.genre) == (kind, genre or None)


def test_without_a_catalogue_the_content_decides(visit):
    assert analyse(read_document(visit)).kind == "news"


def test_ingest_passes_the_genre_on_to_the_documents_row(tmp_path, visit):
    from pipeline.ingest import process_to_rows

    entry = load_catalogue(manifest(tmp_path, "visit.txt,A visit,2009-01-01,2009-12-31,report,web")).lookup(visit)
    status, rows = process_to_rows(str(visit), "run1", entry.as_dict())
    assert status == "ok"
    row = rows["documents"][0]
    assert (row["kind"], row["genre"], row["title"], row["period_start"], row["period_end"], row["source"]) == \
        ("report", "report", "A visit", date(2009, 1, 1), date(2009, 12, 31), "web")


@pytest.mark.parametrize("line, message", [
    ("visit.txt,A visit,2009-01-01,2009-12-31,poem,web", "unknown genre 'poem' (one of news, plan, priorities, report, slides)"),
    ("visit.txt,A visit,2009-12-31,2009-01-01,news,web", "period_end 2009-01-01 is before period_start 2009-12-31"),
    ("visit.txt,A visit,2009-01-01,,news,web", "give both period_start and period_end, or neither"),
    ("visit.txt,A visit,2009-13-01,2009-12-31,news,web", "period_start '2009-13-01' is not a date (YYYY-MM-DD)"),
    (",A visit,2009-01-01,2009-12-31,news,web", "empty file name"),
])
def test_a_bad_manifest_line_is_named(tmp_path, line, message):
    with pytest.raises(CatalogueError) as bad:
        load_catalogue(manifest(tmp_path, line))
    assert str(bad.value) == f"{tmp_path / 'manifest.csv'}:2: {message}"
