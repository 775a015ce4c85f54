"""The archivist's catalogue, exactly (issue 29): the manifest's genre reaches the document's kind
and the documents row; without it the content decides. A short .txt written here, by hand."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.catalogue import CatalogueEntry, CatalogueError, load_catalogue, load_catalogues
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


# -- the manifest, line by line (what mutmut found unguarded) ---------------------------------

def test_an_entry_as_a_dict_and_back(tmp_path, visit):
    path = manifest(tmp_path, "visit.txt,A visit,2009-01-01,2009-12-31,news,web")
    entry = load_catalogue(path).lookup(visit)
    assert entry.as_dict() == {"file": "visit.txt", "title": "A visit", "period_start": date(2009, 1, 1),
                               "period_end": date(2009, 12, 31), "genre": "news", "source": "web", "line": 2,
                               "manifest": str(path), "extra": {}}
    assert CatalogueEntry.from_dict(entry.as_dict()) == entry


def test_a_stem_names_every_rendition_and_unmatched_entries_are_listed(tmp_path):
    path = tmp_path / "manifest.csv"
    path.write_text(HEADER + "visit,A visit,,,news,web\nother.pdf,Other,,,report,web\nthird.docx,Third,,,,\n",
                    encoding="utf-8")
    catalogue = load_catalogue(path)
    assert catalogue.lookup(tmp_path / "visit.pdf").title == "A visit"
    assert catalogue.lookup(tmp_path / "visit.docx").title == "A visit"
    assert catalogue.lookup(tmp_path / "other.pdf").title == "Other"
    assert catalogue.lookup(tmp_path / "other.docx") is None
    assert [e.file for e in catalogue.unmatched([tmp_path / "visit.txt", tmp_path / "other.pdf"])] == ["third.docx"]
    assert [e.file for e in catalogue.unmatched([])] == ["visit", "other.pdf", "third.docx"]
    third = catalogue.lookup(tmp_path / "third.docx")
    assert (third.genre, third.source, third.period_start, third.line) == (None, None, None, 4)


def test_a_manifest_saved_by_excel_with_a_bom_and_extra_columns(tmp_path, visit):
    path = tmp_path / "manifest.csv"
    path.write_bytes("\ufeff".encode() + (HEADER.strip() + ",notes,\n"
                     "visit.txt,Sešpadsmitā sanāksme,2009-05-04,2009-05-04,news,web,two days,x\n").encode("utf-8"))
    entry = load_catalogue(path).lookup(visit)
    assert (entry.title, entry.period_start, entry.period_end) == ("Sešpadsmitā sanāksme", date(2009, 5, 4), date(2009, 5, 4))
    assert entry.extra == {"notes": "two days", "": "x"}


@pytest.mark.parametrize("content, message", [
    (b"file,title,genre\nvisit.txt,A,news\n",
     ":1: missing column(s) period_start, period_end, source (needs file,title,period_start,period_end,genre,source)"),
    (HEADER.encode() + b"visit.txt,A,2009-01-01,2009-12-31,news,web\nvisit.txt,B,,,news,web\n",
     ":3: duplicate file 'visit.txt' (first on line 2)"),
    (HEADER.encode() + b"visit.txt,A,2009-01-01,31.12.2009,news,web\n",
     ":2: period_end '31.12.2009' is not a date (YYYY-MM-DD)"),
    (HEADER.encode() + b"visit.txt,A \xff,,,news,web\n", ": the manifest is not UTF-8 text"),
])
def test_each_bad_manifest_says_where_and_what(tmp_path, content, message):
    path = tmp_path / "manifest.csv"
    path.write_bytes(content)
    with pytest.raises(CatalogueError) as bad:
        load_catalogue(path)
    assert str(bad.value) == f"{path}{message}"


def test_a_missing_manifest_says_so(tmp_path):
    with pytest.raises(CatalogueError) as bad:
        load_catalogue(tmp_path / "none.csv")
    assert str(bad.value) == f"{tmp_path / 'none.csv'}: cannot read the manifest: No such file or directory"


def test_two_manifests_are_one_catalogue_and_a_file_in_both_is_an_error(tmp_path):
    first, second, third = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    first.write_text(HEADER + "visit.txt,A,,,news,web\n", encoding="utf-8")
    second.write_text(HEADER + "other.txt,B,,,report,web\n", encoding="utf-8")
    third.write_text(HEADER + "other.txt,C,,,report,web\nvisit.txt,D,,,news,web\n", encoding="utf-8")
    merged = load_catalogues([first, second])
    assert {k: (e.title, e.manifest) for k, e in merged.entries.items()} == \
        {"visit.txt": ("A", str(first)), "other.txt": ("B", str(second))}
    with pytest.raises(CatalogueError) as bad:
        load_catalogues([first, third])
    assert str(bad.value) == f"{third}:3: file 'visit.txt' is also in {first}:2"
