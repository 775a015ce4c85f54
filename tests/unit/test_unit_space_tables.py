"""A table laid out with spaces in a .txt (what `pdftotext -layout` or a typewriter gives): read as
a table when its first line names the columns and the rows' cells start at the header's columns;
a cell that broke over two lines goes on in the row above; lines that only look like columns stay
text. Expectations written by hand."""
from __future__ import annotations

import pytest

from pipeline.readers import read_document
from schemas.document import BlockKind

pytestmark = pytest.mark.unit

CALENDAR = """Main meetings planned

Date                  Place           Meeting
13-14 Nov. 2019       Kirkenes        Committee of Senior Officials
spring 2020           Petrozavodsk    Conference on health and social issues
                                      (programme launch)
Oct. 2021                             18th session of the Council

Contact: the Secretariat.
"""


def _read(tmp_path, text):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def test_a_space_aligned_table_with_a_header_is_a_table(tmp_path):
    doc = _read(tmp_path, CALENDAR)
    tables = [b for b in doc.blocks if b.kind is BlockKind.table]
    assert len(tables) == 1
    assert tables[0].header == ["Date", "Place", "Meeting"]
    assert [r.cells for r in tables[0].rows] == [
        ["13-14 Nov. 2019", "Kirkenes", "Committee of Senior Officials"],
        ["spring 2020", "Petrozavodsk", "Conference on health and social issues (programme launch)"],
        ["Oct. 2021", "", "18th session of the Council"],
    ]
    assert [b.text for b in doc.blocks if b.kind is not BlockKind.table] == [
        "Main meetings planned", "Contact: the Secretariat."]


@pytest.mark.parametrize("text", [
    # no header: the first line is data
    "Jan        Working group set up\nMarch      Round table, Riga\nMay        Liaison officers agreed\n",
    # a header and one row only
    "Date        Place\n3 May       Riga\n",
    # two spaces after full stops in prose: the gaps do not line up
    "The group met.  It agreed on a plan\nfor the year.  The Unit will draft it and\nsend it round.  Comments by May.\n",
])
def test_lines_that_only_look_like_columns_stay_text(tmp_path, text):
    assert not any(b.kind is BlockKind.table for b in _read(tmp_path, text).blocks)
