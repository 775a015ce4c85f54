"""Word content beyond plain paragraphs reaches the document model, once and in order; comments
stay apart; a Strict Open XML file reads like its transitional twin; the garbled-text guard
refuses damage and accepts every script."""
from __future__ import annotations

import random

import pytest

from schemas.errors import UnreadableFile
from pipeline.readers import read_document, text_damage
from schemas.document import BlockKind
from tests.conftest import FIXTURES

CONTENT = FIXTURES / "docx_content"


@pytest.fixture(scope="module")
def constructs():
    return read_document(CONTENT / "constructs.docx")


def texts(doc) -> list[str]:
    return [b.text for b in doc.blocks if b.kind is not BlockKind.table]


def test_drawingml_text_box_read_once_after_its_anchor(constructs):
    t = texts(constructs)
    anchor = t.index("The shapes on this page hold the agenda.")
    assert t[anchor + 1: anchor + 3] == ["Agenda item one: welcome by the chair", "Agenda item two: budget review"]
    assert t.count("Agenda item one: welcome by the chair") == 1  # the VML fallback copy is not read again


def test_vml_only_text_box(constructs):
    assert "Legacy box: contact the secretariat before May" in texts(constructs)


def test_content_controls_block_and_inline(constructs):
    t = texts(constructs)
    assert "The group agreed to meet twice a year." in t and "Minutes go to every member within a month." in t
    assert "The next meeting takes place in Riga, Latvia in the autumn." in t


def test_check_boxes_show_their_state(constructs):
    t = texts(constructs)
    assert "☒ Budget approved" in t and "☐ Report translated" in t


def test_equation_as_linear_text(constructs):
    assert "Placement rate: share=placed/referred+x^2+∑_(i=1)^n c_i" in texts(constructs)


def test_comments_kept_apart_from_the_body(constructs):
    assert constructs.comments == ["Reviewer A: Check these against the national statistics."]
    assert "national statistics" not in constructs.text()
    assert "Figures are provisional." in texts(constructs)


def test_rows_in_a_row_level_control_and_nested_tables(constructs):
    tables = [b for b in constructs.blocks if b.kind is BlockKind.table]
    participants, costs = tables
    assert participants.header == ["Name", "Country", "Role"]
    assert [r.cells for r in participants.rows][-1] == ["Maria Nowak", "Poland", "Guest"]
    assert costs.rows[0].cells == ["Travel", "Flights EUR 1 200"]


def test_custom_xml_and_nested_controls_around_paragraphs(tmp_path):
    from docx import Document as WordDocument
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc = WordDocument()
    doc.add_paragraph("Before the wrapped part.")
    doc.element.body.insert(1, parse_xml(
        f'<w:customXml {w} w:element="section"><w:sdt><w:sdtContent><w:p><w:r><w:t>Inside two wrappers.</w:t></w:r></w:p>'
        '</w:sdtContent></w:sdt><w:p><w:r><w:t>Inside one wrapper.</w:t></w:r></w:p></w:customXml>'))
    path = tmp_path / "wrapped.docx"
    doc.save(path)
    assert texts(read_document(path)) == ["Before the wrapped part.", "Inside two wrappers.", "Inside one wrapper."]


def test_headers_and_footers_are_furniture(constructs):
    assert constructs.furniture == ["Children at Risk – working notes"]
    assert "working notes" not in " ".join(texts(constructs)).replace("Working notes of", "")


def test_strict_open_xml_reads_like_transitional(constructs):
    strict = read_document(CONTENT / "constructs_strict.docx")
    assert [b.model_dump(exclude={"prov"}) for b in strict.blocks] == [b.model_dump(exclude={"prov"}) for b in constructs.blocks]
    assert strict.comments == constructs.comments and strict.furniture == constructs.furniture
    assert any("Strict Open XML" in w for w in strict.warnings)


# --- the garbled-text guard -------------------------------------------------------------------

SCRIPTS = {
    "cyrillic": "Встреча экспертов по защите детей прошла в Стокгольме в августе.",
    "greek": "Η συνάντηση των εμπειρογνωμόνων έγινε στη Στοκχόλμη τον Αύγουστο.",
    "hangul": "전문가 회의는 팔월에 스톡홀름에서 열렸습니다 그리고 모두 참석했습니다.",
    "arabic": "عقد اجتماع الخبراء في ستوكهولم في شهر أغسطس لحماية الأطفال.",
    "hebrew": "פגישת המומחים התקיימה בשטוקהולם בחודש אוגוסט להגנת ילדים.",
    "cjk": "专家会议于八月在斯德哥尔摩举行，讨论儿童保护问题。会議は八月にストックホルムで開かれました。",
    "nordic": "Mötet hölls i Göteborg; Ålands ø og Þingvellir — “citat” § 3, 50 € ☐ ☒.",
}


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_other_scripts_are_text(script):
    assert text_damage(SCRIPTS[script] * 3) is None


DAMAGE = {
    "mojibake": "Die FÃ¶rderung der Kinder wurde Ã¼berprÃ¼ft â€“ fÃ¼r alle LÃ¤nder.",
    "cyrillic read as cp1252": "Ð’ÑÑ‚Ñ€ÐµÑ‡Ð° ÑÐºÑÐ¿ÐµÑ€Ñ‚Ð¾Ð² Ð¿Ð¾ Ð·Ð°Ñ‰Ð¸Ñ‚Ðµ Ð´ÐµÑ‚ÐµÐ¹",
    "replacement characters": "The m\ufffd\ufffdting t\ufffdok pl\ufffdce in St\ufffdckholm \ufffdn A\ufffdgust.",
    "cid glyphs": "(cid:45)(cid:72)(cid:79)(cid:79)(cid:82) (cid:90)(cid:82)(cid:85)(cid:79)(cid:71)",
    "private use": "\ue021\ue034\ue047\ue011 \ue0a2\ue0b3\ue061 report",
}


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damage_is_refused(kind):
    assert text_damage(DAMAGE[kind]) is not None


def test_random_bytes_in_a_single_byte_code_page_are_refused():
    rnd = random.Random(7)
    data = bytes(rnd.randrange(256) for _ in range(3000))
    assert text_damage(data.decode("latin-1")) is not None
    assert text_damage(data.decode("cp1251", "replace")) is not None


def test_a_footnote_mark_in_a_long_text_is_no_damage():
    assert text_damage("A sentence of an ordinary report.\ufffd " * 2 + "More words. " * 100) is None


def test_russian_txt_goes_in_and_mojibake_txt_is_refused_naming_the_file(tmp_path):
    good = tmp_path / "plan_ru.txt"
    good.write_text("План действий на 2016–2017 годы\n\nВстреча экспертов в Стокгольме.\n", encoding="utf-8")
    assert read_document(good).language == "ru"
    bad = tmp_path / "plan_broken.txt"
    bad.write_text(good.read_text(encoding="utf-8").encode("utf-8").decode("cp1252", "replace"), encoding="utf-8")
    with pytest.raises(UnreadableFile, match=r"plan_broken\.txt: garbled text"):
        read_document(bad)


def test_right_to_left_text_keeps_logical_order(tmp_path):
    path = tmp_path / "rtl.txt"
    sentence = "פגישת המומחים התקיימה בשטוקהולם בחודש אוגוסט."
    path.write_text(sentence + "\n", encoding="utf-8")
    assert read_document(path).blocks[0].text == sentence


# ---------------------------------------------------------------------------------------------
# DrawingML shapes, groups and a canvas (tests/fixtures/make_drawingml.py, built with lxml: Docling's
# drawingml.docx is not reachable offline). The file stores the shapes out of reading order.

DRAWING_ORDER = [
    "Drawings of the expert group's year.",
    "The group diagram comes first.",
    "Step one: map the services for children at risk.",
    "Step two, left: train the social workers.",
    "Step two, right: train the police officers.",
    "Step three: publish the joint guidelines.",
    "The canvas follows the diagram.",
    "Canvas top: national coordinators meet in Riga.",
    "Canvas middle: the secretariat drafts the report.",
    "Canvas bottom: the ministers adopt the report.",
    "A floating note: the budget is confirmed.",
    "Children first",
    "The end of the drawings.",
]


def test_shapes_groups_and_canvas_read_once_in_reading_order():
    doc = read_document(CONTENT / "drawingml.docx")
    assert texts(doc) == DRAWING_ORDER


def test_word_art_text_on_a_path_is_read():
    doc = read_document(CONTENT / "drawingml.docx")
    assert "Children first" in texts(doc)
