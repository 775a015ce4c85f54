"""The ninth speed round's shortcuts (bench/PERF.md, "Ninth session"): each gives what the long way
gave. A theme asked of one text is the theme `matches` finds; prefixes found by a set of word
beginnings are those a scan finds; a table row's cells found by bisecting its chars by x hold the
chars the plain test finds, in its order; a line's and a page's most common size are Counter's;
the OCR damage count skips only texts none of its patterns can match. Expected values by hand,
or the long way written out here."""
from __future__ import annotations

import random
import re

import pytest

from extractors.entities import actors
from extractors.time import atoms
from extractors.entities.themes import Lexicon, _phrase_regex, fold, lead_topic_themes, load_lexicon
from pipeline.readers import ocr_letters
from pipeline.readers import pdf_reader as R
from pipeline.readers.page_layout import Line

pytestmark = pytest.mark.unit


def _lexicon() -> Lexicon:
    phrases = {"trafficking": [("traffick*", _phrase_regex("traffick*")), ("sold children", _phrase_regex("sold children"))],
               "participation": [("child participation", _phrase_regex("child participation"))],
               "care": [("foster care", _phrase_regex("foster care")), ("co-operat*", _phrase_regex("co-operat*"))]}
    combos = [([_phrase_regex("border"), _phrase_regex("guard")], ["trafficking", "care"], "border + guard")]
    return Lexicon(phrases, {}, combos, set())


@pytest.mark.parametrize("text, themes", [
    ("trafficked children", {"trafficking"}),
    ("the sold children", {"trafficking"}),
    ("child participation and foster care", {"participation", "care"}),
    ("cooperation with border police and a guard", {"care", "trafficking"}),  # a prefix; the combination's two
    ("'child participation", set()),  # the phrase is in the text, its first word is not a word of it
    ("the border", set()),  # half a combination
    ("", set()),
])
def test_a_theme_asked_of_a_text_is_one_matches_finds(text, themes):
    lex = _lexicon()
    text = fold(text) if not text.startswith("'") else text
    assert set(lex.matches(text)) == themes
    assert {t for t in lex.phrases if lex.has_theme(t, text)} == themes


def test_prefixes_present_are_those_a_word_starts_with():
    lex = _lexicon()
    assert lex._prefixes == ("cooperat", "traffick")
    assert lex._present_prefixes({"trafficking", "co", "cooperat"}) == {"traffick", "cooperat"}
    assert lex._present_prefixes({"traffic", "cooperation"}) == {"cooperat"}  # one letter short
    assert lex._present_prefixes(set()) == set()


def test_has_theme_agrees_with_matches_over_the_real_lexicon():
    lex = load_lexicon()
    rnd = random.Random(9)
    vocabulary = sorted({w for ps in lex.phrases.values() for p, _ in ps for w in fold(p.replace("*", "")).split()})
    words = vocabulary + ["trafficking", "cooperation", "'children", "x-child", "the", "of", "and"]
    for _ in range(400):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 10)))
        found = lex.matches(text)
        for theme in lex.phrases:
            assert lex.has_theme(theme, text) == (theme in found), (theme, text)
        long_way = {prefix for prefix in lex._prefixes if any(w.startswith(prefix) for w in set(text.split()))}
        assert lex._present_prefixes(set(text.split())) == long_way


def test_a_document_about_one_topic_is_told_by_two_lines_that_name_it_again():
    opening = ["Safe Return", "Reintegration of children returned after trafficking in human beings across the region"]
    body = ["The network met.", "Victims of trafficking were heard.", "A report on trafficking.", "Budget."]
    [theme] = lead_topic_themes(opening + body)
    assert (theme.theme, theme.source) == ("trafficking", "document")
    assert lead_topic_themes(opening + body[:2]) == []  # named once again only


# --- table cells ---------------------------------------------------------------------------------

def _centre(x, y, name):
    return (x, y, {"name": name})


def test_a_rows_cells_hold_the_chars_the_plain_test_finds_in_its_order():
    row = [_centre(30.0, 5.0, "c"), _centre(10.0, 5.0, "a"), _centre(10.0, 1.0, "a_up"), _centre(20.0, 5.0, "b"),
           _centre(40.0, 5.0, "d"), _centre(9.0, 5.0, "before")]
    cells = [(10.0, 2.0, 30.0, 8.0), None, (30.0, 2.0, 41.0, 8.0), (25.0, 0.0, 5.0, 9.0), (float("nan"), 0, 50, 9)]
    found = R._cells_of_row(row, cells)
    names = [None if f is None else [c["name"] for _, _, c in f] for f in found]
    # left edge in, right edge out; the char above the cell out; the row's order kept; an upside-down
    # cell empty; a NaN edge by the plain test (which finds nothing left of NaN)
    assert names == [["a", "b"], None, ["c", "d"], [], []]
    assert found == [None if cell is None else R._centred_in(row, cell) for cell in cells]


def test_the_char_index_of_a_page_says_when_a_centre_is_nan():
    chars = [{"x0": 0.0, "x1": 2.0, "top": 4.0, "bottom": 6.0}, {"x0": 1.0, "x1": 3.0, "top": 0.0, "bottom": 2.0}]
    centres, by_y, ys, ordered = R._char_index(chars)
    assert [c[:2] for c in centres] == [(1.0, 5.0), (2.0, 1.0)]
    assert (by_y, ys, ordered) == ([1, 0], [1.0, 5.0], True)
    chars[0]["x1"] = float("nan")
    assert R._char_index(chars)[3] is False


# --- sizes ---------------------------------------------------------------------------------------

def test_a_lines_size_is_its_words_most_common_the_first_met_on_a_tie():
    assert R._most_common_size([{"size": 11.04}, {"size": 10.96}]) == 11.0
    assert R._most_common_size([{"size": 9.0}, {"size": 12.0}, {"size": 12.0}]) == 12.0
    assert R._most_common_size([{"size": 12.0}, {"size": 9.0}]) == 12.0
    assert R._most_common_size([{"size": 9.0}, {"size": 12.0}]) == 9.0
    assert R._most_common_size([{}]) == 0
    nan = R._most_common_size([{"size": float("nan")}, {"size": float("nan")}])
    assert nan != nan


def _line(text, size):
    return Line(page=1, text=text, x0=0, x1=10, top=0, bottom=10, size=size, bold=False, italic=False)


def test_the_body_size_counts_each_lines_characters():
    assert R._body_size([_line("Title", 20.0), _line("ab", 11.0), _line("cd", 11.0)]) == 20.0  # 5 chars to 4
    assert R._body_size([_line("Title", 20.0), _line("abc", 11.0), _line("de", 11.0)]) == 20.0  # 5 to 5: met first
    assert R._body_size([_line("Titl", 20.0), _line("abc", 11.0), _line("de", 11.0)]) == 11.0  # 4 to 5
    assert R._body_size([_line("", 30.0), _line("ab", 20.0), _line("cd", 11.0)]) == 20.0  # an empty line is no size
    with pytest.raises(IndexError):
        R._body_size([_line("", 30.0)])


# --- OCR damage ----------------------------------------------------------------------------------

def _long_way(text: str) -> int:
    return sum(len(p.findall(text)) for p in (ocr_letters.ONE_AS_L, ocr_letters.ZERO_AS_O, ocr_letters.O_AS_ZERO))


@pytest.mark.parametrize("text, n", [
    ("wi11 he1d 0ctober 2O02 Win10", 4), ("Counci1", 1), ("c0mmittee", 1), ("19o7", 1), ("١O٢", 1),  # Arabic digits
    ("2010 and 11 May", 0), ("H1N1", 0), ("", 0),
])
def test_damaged_words_are_counted_as_the_three_patterns_count(text, n):
    assert ocr_letters.damaged_words(text) == _long_way(text) == n


def test_damaged_words_agree_with_the_patterns_on_made_up_texts():
    rnd = random.Random(26)
    alphabet = "aAlLoO01 9xZ_.é٣\n"
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        assert ocr_letters.damaged_words(text) == _long_way(text), repr(text)


def test_a_role_cue_is_read_after_a_trailing_article_goes():
    assert actors._TRAILING_ARTICLE.sub("", "funded by the ") == "funded by "
    assert actors._TRAILING_ARTICLE.sub("", "Theme") == "Theme"
    assert re.compile(r"\b(the|a|an)\s*$", re.I).sub("", "together with An") == "together with "


# --- date atoms: which patterns a text can need ----------------------------------------------------

def _searched(text: str) -> tuple[bool, bool, bool, bool]:
    digit = atoms._DIGIT.search(text) is not None
    return (digit, atoms._MONTH_WORD.search(text) is not None, atoms._SEASON_WORD.search(text) is not None,
            digit or atoms._QUARTER_WORD.search(text) is not None)


@pytest.mark.parametrize("text, key", [
    ("met in MAY", (False, True, False, False)), ("the Spring session", (False, False, True, False)),
    ("third QUARTER", (False, False, False, True)), ("in 2010", (True, False, False, True)),
    ("in ٢٠١٠ – ok", (True, False, False, True)),  # Arabic-Indic digits and a dash: the search says so
    ("ſeptember", (False, True, False, False)), ("WİNTER", (False, False, True, False)),  # re.I's own folds
    ("wınter", (False, False, True, False)), ("ﬁrst", (False, False, False, False)), ("", (False,) * 4),
])
def test_the_words_a_text_has_are_those_the_searches_find(text, key):
    assert atoms._words_key(text) == _searched(text) == key


def test_lower_case_gives_the_letters_re_ignorecase_matches_but_for_three():
    letters = "".join(sorted(set("".join(atoms._MONTH_NAMES + atoms._SEASON_NAMES) + "quarter")))
    every = "".join(map(chr, range(0x110000)))
    # every character either way of telling could tie to one of the letters, then each asked both ways
    near = set(re.findall(f"[{letters}]", every, re.I)) | {ch for ch, low in zip(every, map(str.lower, every))
                                                         if low in letters}
    differ = {ch for ch in near for letter in letters
              if (re.fullmatch(letter, ch, re.I) is not None) != (ch.lower() == letter)}
    assert differ == set(atoms._UNFOLDED)
    assert [ch for ch in every if len(ch.lower()) != 1] == ["\u0130"]  # one char for one, but İ


def test_the_words_a_made_up_text_has_are_those_the_searches_find():
    rnd = random.Random(8)
    pieces = ["jan", "Ma", "y", "SEP", "sprin", "g", "fall", "quart", "er", "1", "٣", "İ", "ı", "ſ", "K", " ", "–", "é"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        assert atoms._words_key(text) == _searched(text), repr(text)


# --- language: enough letters ----------------------------------------------------------------------

@pytest.mark.parametrize("text, n, enough", [
    ("abc", 3, True), ("ab1 2", 3, False), ("", 1, False), ("", 0, True), ("1 2 3 x", 1, True),
    ("é ß Я", 3, True), ("a" * 19 + "1" * 50, 20, False), ("a" * 20, 20, True),
])
def test_a_sample_has_enough_letters_when_it_has_n_of_them(text, n, enough):
    from pipeline.readers.language import _has_letters

    assert _has_letters(text, n) is enough
    assert _has_letters(text, n) == (sum(1 for c in text if c.isalpha()) >= n)
