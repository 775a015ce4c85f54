"""Two paths of the PDF reader no other fast test takes: the chars pdfminer's own layout gives when
pdf_fast cannot tokenise a page (pdf_reader._page_objects, compared with pdfplumber's page.objects,
which it stands in for), and a scanned page: an image-only PDF made by PIL, rendered, read by
Tesseract and cut into a heading and a paragraph (pipeline/readers/ocr.py, pdf_reader._plain_heading)."""
from __future__ import annotations

import pytest

from pipeline.readers import ocr, read_document
from schemas.document import BlockKind

pytestmark = pytest.mark.unit
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _typeset(path):
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A5)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(50, 520, "Annual report")
    c.setFont("Times-Roman", 10)
    c.drawString(60, 500, "The group met in Riga.")
    c.rect(40, 400, 200, 50)
    c.line(40, 380, 240, 380)
    c.save()
    return path


KEYS = ("object_type", "page_number", "text", "fontname", "size", "upright", "adv", "x0", "x1", "y0", "y1", "width",
        "height", "top", "bottom", "doctop")


def test_page_objects_by_pdfminer_are_pdfplumbers_own(tmp_path):
    import pdfplumber

    from pipeline.readers.pdf_reader import _page_objects

    path = _typeset(tmp_path / "a.pdf")
    with pdfplumber.open(path) as pdf:
        ours = _page_objects(pdf.pages[0])
    with pdfplumber.open(path) as pdf:
        theirs = pdf.pages[0].objects
    assert "".join(c["text"] for c in ours["char"]) == "Annual reportThe group met in Riga."
    assert len(ours["char"]) == len(theirs["char"]) == 35
    for a, b in zip(ours["char"], theirs["char"]):
        assert {k: a[k] for k in KEYS} == pytest.approx({k: b[k] for k in KEYS})
        assert tuple(a["matrix"]) == pytest.approx(tuple(b["matrix"]))
    assert {k: len(v) for k, v in ours.items()} == {k: len(v) for k, v in theirs.items() if k != "anno"}
    assert ours["char"][0]["fontname"] == "Helvetica-Bold" and ours["char"][13]["fontname"] == "Times-Roman"
    # A5 is 595.28 pt high; the first glyph's baseline at 520 pt from the foot, its box at most 14 pt above it
    assert 595.28 - 520 - 14 <= ours["char"][0]["top"] < ours["char"][0]["bottom"] <= 595.28 - 520 + 14 * 0.3


@pytest.mark.skipif(ocr.tesseract_path() is None, reason="Tesseract is not installed")
def test_a_scanned_page_is_read_into_a_heading_and_a_paragraph(tmp_path):
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (900, 420), 255)  # 6 x 2.8 inches at 150 dpi
    draw = ImageDraw.Draw(image)
    draw.text((60, 60), "Annual meeting", font=ImageFont.truetype(FONT, 30), fill=0)
    body = ImageFont.truetype(FONT, 22)
    draw.text((60, 150), "The group met in Riga in May 2009 and agreed on", font=body, fill=0)
    draw.text((60, 185), "a plan for the work of the next two years.", font=body, fill=0)
    path = tmp_path / "scan.pdf"
    image.save(path, "PDF", resolution=150)
    ocr.set_mode("auto", 1)
    doc = read_document(path)
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.heading, "Annual meeting"),
        (BlockKind.paragraph, "The group met in Riga in May 2009 and agreed on a plan for the work of the next two years.")]
    assert all(b.prov.ocr and b.prov.page == 1 and 0.8 < b.prov.ocr_confidence <= 1.0 for b in doc.blocks)
    assert (doc.pages, doc.warnings, doc.language) == (1, [], "en")
