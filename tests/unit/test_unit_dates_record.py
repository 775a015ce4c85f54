"""The time a prose record states for itself, a cell's date read by dateparser when the rules know
no shape for it, and dates in the region's languages, exactly (issue 29). Expected values by hand
from records.md ("Dates")."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from extractors.time.dates import find_period, month_first_ranges, normalise, record_time, within_period
from extractors.time.dates_i18n import (event_date_end, normalise_multilingual, normalise_text_multilingual, refine_period,
                                        to_english)
from schemas.records import DateValue, Period

pytestmark = pytest.mark.unit

P_2010_2011 = Period(start=date(2010, 7, 1), end=date(2011, 6, 30), raw="July 2010 - June 2011")
P_2016_2017 = Period(start=date(2016, 7, 1), end=date(2017, 6, 30), raw="July 2016 - June 2017")


def interval(value) -> tuple:
    return value.start, value.end


@pytest.mark.parametrize("text, expected", [
    ("The seminar on June 9-11, 2015 in Oslo", "The seminar on 9-11 June 2015 in Oslo"),
    ("It ran from March 3rd to 5th 2010.", "It ran from 3-5 March 2010."),
    ("It ran on Sept. 3 and 4.", "It ran on 3-4 Sept."),
    ("It ran in June 2015.", "It ran in June 2015."),
])
def test_month_first_day_ranges_are_written_day_first(text, expected):
    assert month_first_ranges(text) == expected


def test_record_time_reads_a_month_first_range_as_one_span_of_days():
    assert interval(record_time("The conference took place on March 3rd to 5th 2010 in Riga.", None)) == \
        (date(2010, 3, 3), date(2010, 3, 5))


def test_a_pages_date_stamp_gives_way_to_the_texts_own_date():
    value = record_time("12/05/2011 - On 3 and 4 May the group met in Riga.", P_2010_2011)
    assert interval(value) == (date(2011, 5, 3), date(2011, 5, 4))
    # with no date of its own, the stamp is the record's date
    assert interval(record_time("12/05/2011 - The group met in Riga.", P_2010_2011)) == \
        (date(2011, 5, 12), date(2011, 5, 12))


def test_a_year_that_names_a_plans_period_is_not_the_records_date():
    value = record_time("On 4 March 2021 the board adopted its Action Plan 2021-2026.", None)
    assert interval(value) == (date(2021, 3, 4), date(2021, 3, 4))
    assert value.raw == "On 4 March 2021 the board adopted its Action Plan 2021-2026."
    # only a named period: that is all the text says
    assert interval(record_time("The board adopted the Strategy 2010.", None)) == (date(2010, 1, 1), date(2010, 12, 31))


def test_a_bare_year_beside_a_day_month_or_season_is_dropped():
    assert interval(record_time("In spring 2009, after the 2008 elections, the group met.", None)) == \
        (date(2009, 3, 1), date(2009, 5, 31))
    assert interval(record_time("In March 2009, after the 2008 elections, the group met.", None)) == \
        (date(2009, 3, 1), date(2009, 3, 31))
    assert interval(record_time("On 5 March 2009, after the 2008 elections, the group met.", None)) == \
        (date(2009, 3, 5), date(2009, 3, 5))
    assert interval(record_time("At the end of 2009, after the 2008 elections, the group met.", None)) == \
        (date(2009, 9, 1), date(2009, 12, 31))
    # years alone are all kept
    assert interval(record_time("The group met in 2008 and again in 2009.", None)) == \
        (date(2008, 1, 1), date(2009, 12, 31))


def test_a_number_before_a_count_noun_is_no_year_in_a_record():
    value = record_time("The conference brought together 2000 participants.", None)
    assert (value.start, value.end) == (None, None)


def test_record_time_of_nothing():
    assert interval(record_time("", None)) == (None, None)
    assert interval(record_time("The group met in Riga.", P_2010_2011)) == (None, None)


# --- dateparser, for a cell in a shape the rules do not know ---------------------------------------------

def test_a_numeric_date_with_dashes_is_read_day_first_by_dateparser():
    value = normalise("05-12-2011")
    assert (value.start, value.end, value.raw, value.granularity, value.source) == \
        (date(2011, 12, 5), date(2011, 12, 5), "05-12-2011", "day", "record")


def test_dateparser_reads_a_month_and_year_as_its_first_day():
    assert interval(normalise("12/2011")) == (date(2011, 12, 1), date(2011, 12, 1))


def test_dateparser_needs_a_month_and_a_year():
    value = normalise("05-12")
    assert (value.start, value.end, value.raw, value.granularity) == (None, None, "05-12", "none")


def test_dateparser_is_not_asked_about_prose_or_words_without_digits():
    assert interval(normalise("05-12-2011", scan=True)) == (None, None)
    assert interval(normalise("sometime soon")) == (None, None)


# --- the region's languages ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("29-30 августа 2016 г.", "29-30 August 2016"),
    ("25 и 26 октября", "25 and 26 October"),
    ("März bis April 2017", "March to April 2017"),
    ("Ende 2016", "end of 2016"),
    ("2009 m. pavasarį", "spring 2009"),
    ("iki 2008 m. pabaigos", "end of 2008"),
    ("The group met in Riga.", "The group met in Riga."),
])
def test_to_english(text, expected):
    assert to_english(text) == expected


@pytest.mark.parametrize("raw, start, end", [
    ("2016 m. rugsėjo 12–13 d.", date(2016, 9, 12), date(2016, 9, 13)),  # Lithuanian: the year first
    ("2017 m. kovo 7 d.", date(2017, 3, 7), date(2017, 3, 7)),
    ("2009 m. pavasarį", date(2009, 3, 1), date(2009, 5, 31)),
    ("iki 2008 m. pabaigos", date(2008, 9, 1), date(2008, 12, 31)),
])
def test_year_first_dates(raw, start, end):
    value = normalise_multilingual(raw, P_2016_2017)
    assert (value.start, value.end, value.raw) == (start, end, raw)


def test_dates_in_the_running_words_of_a_record_in_a_region_language():
    value = normalise_text_multilingual("Seminar in Stockholm, Frühjahr 2009", None)
    assert interval(value) == (date(2009, 3, 1), date(2009, 5, 31))
    value = normalise_text_multilingual("Treffen in Riga am 3. Oktober", P_2016_2017)
    assert interval(value) == (date(2016, 10, 3), date(2016, 10, 3))
    assert interval(normalise_text_multilingual("Treffen in Riga", P_2016_2017)) == (None, None)


# --- normalise: a cell's time expression ---------------------------------------------------------------------

def test_nothing_written_is_no_date():
    assert normalise(None) == normalise("") == normalise("   ") == DateValue()
    value = normalise("ongoing")
    assert (value.start, value.raw, value.granularity) == (None, "ongoing", "none")


@pytest.mark.parametrize("text, period, start, end", [
    # records.md's own examples: a day or month without a year takes it from the document's period
    ("29-30 August", P_2016_2017, date(2016, 8, 29), date(2016, 8, 30)),
    ("7-10 March", P_2016_2017, date(2017, 3, 7), date(2017, 3, 10)),
    ("1st of July - 30th of September", Period(start=date(2008, 7, 1), end=date(2009, 6, 30), raw="2008-2009"),
     date(2008, 7, 1), date(2008, 9, 30)),
    # a neighbour's year: the one after it, or the one before it
    ("3 March - 5 April 2009", None, date(2009, 3, 3), date(2009, 4, 5)),
    ("December - January 2010", None, date(2009, 12, 1), date(2010, 1, 31)),
    ("October 2008, March", None, date(2008, 10, 1), date(2009, 3, 31)),
    ("October 2008 - February", None, date(2008, 10, 1), date(2009, 2, 28)),
    # a winter next to a dated month or season is the winter of that year's turn
    ("winter - spring 2009", None, date(2008, 12, 1), date(2009, 5, 31)),
    ("winter - March 2009", None, date(2008, 12, 1), date(2009, 3, 31)),
    ("October 2008 - winter", None, date(2008, 10, 1), date(2009, 2, 28)),
    ("December 2008 - winter", None, date(2008, 12, 1), date(2009, 2, 28)),
    ("winter", P_2016_2017, date(2016, 12, 1), date(2017, 2, 28)),
])
def test_a_missing_year_from_a_neighbour_or_the_period(text, period, start, end):
    assert interval(normalise(text, period)) == (start, end)


def test_the_granularity_of_a_cell():
    assert normalise("3 March - 5 April 2009").granularity == "range"
    assert normalise("October 2008, spring 2009").granularity == "list"
    assert normalise("29-30 August", P_2016_2017).year_inferred is True
    assert normalise("29-30 August 2016").year_inferred is False


def test_prose_keeps_only_the_dates_the_finder_reads():
    # "2000 participants" is no year; "mid-June 2009" is read whole as June
    assert interval(normalise("In March 2009 the conference brought together 2000 participants.", scan=True)) == \
        (date(2009, 3, 1), date(2009, 3, 31))
    assert interval(normalise("In mid-June 2009 the group met.", scan=True)) == (date(2009, 6, 1), date(2009, 6, 30))
    assert interval(normalise("The group met on 3 May.", P_2016_2017, scan=True)) == (date(2017, 5, 3), date(2017, 5, 3))


def test_a_null_word_wins_over_dateparser():
    value = normalise("05-12-2011 ongoing")
    assert (value.start, value.granularity) == (None, "none")


# --- the document's period ------------------------------------------------------------------------------------

def test_find_period_month_to_month():
    assert find_period(["Annual report", "July 2008 – June 2009"]) == \
        Period(start=date(2008, 7, 1), end=date(2009, 6, 30), raw="July 2008 – June 2009")
    assert find_period(["the period March – June 2009"]) == \
        Period(start=date(2009, 3, 1), end=date(2009, 6, 30), raw="March – June 2009")
    # the month form wins over a span of years, whichever text comes first
    assert find_period(["Plan 2007-2008", "July 2008 - June 2009"]).raw == "July 2008 - June 2009"
    assert find_period(["Annual report 2008-2009"]) == \
        Period(start=date(2008, 1, 1), end=date(2009, 12, 31), raw="2008-2009")
    assert find_period(["Strategy 2008-2011"]) is None  # longer than two years
    assert find_period(["nothing here"]) is None


@pytest.mark.parametrize("text, found", [
    # at most two years and a month: 2 * 366 + 31 = 763 days from the first day to the last
    ("December 2007 - December 2009", True),   # 2007-12-01 .. 2009-12-31: 761 days
    ("November 2007 - January 2010", False),   # 2007-11-01 .. 2010-01-31: 822 days
    ("January 2008 - January 2010", True),     # 2008-01-01 .. 2010-01-31: 761 days
    ("December 2007 - January 2010", False),   # 2007-12-01 .. 2010-01-31: 792 days
    ("2008-2009", True), ("2008-2010", False),  # years: 730 and 1095 days
])
def test_find_period_length_limit(text, found):
    value = find_period([text])
    assert (value is not None) is found


def test_within_period_gives_a_record_that_says_no_time_its_documents_period():
    value = within_period(DateValue(raw="ongoing", granularity="none"), P_2016_2017)
    assert (value.start, value.end, value.raw, value.granularity, value.source) == \
        (date(2016, 7, 1), date(2017, 6, 30), "ongoing", "period", "document_period")
    dated = normalise("May 2017")
    assert within_period(dated, P_2016_2017) == dated
    assert within_period(DateValue(raw="x"), None) == DateValue(raw="x")


# --- the region languages: year-first dates, leading dates of an events list, the document's period -----------

def test_year_first_rewriting_only_for_a_month_or_a_season():
    assert to_english("2016 m. rugsėjo 12–13 d.") == "12–13 September 2016"
    assert to_english("2016 m. posėdis 12 d.") == "2016 posėdis 12 d."  # no month: left as written, "m." dropped


def test_normalise_multilingual_of_nothing_or_english():
    assert normalise_multilingual(None, P_2016_2017) == DateValue()
    assert interval(normalise_multilingual("3 November", P_2016_2017)) == (date(2016, 11, 3), date(2016, 11, 3))


def test_running_words_are_scanned_as_prose():
    # "2000 participants" is no year in prose
    assert interval(normalise_text_multilingual("Frühjahr 2009: 2000 participants", None)) == \
        (date(2009, 3, 1), date(2009, 5, 31))


@pytest.mark.parametrize("head, english_end, end", [
    ("12. Juni 2017: Seminar", 6, 13),  # "12. Jun" + "i" read in English; the German reading goes further
    ("12 June 2017: Seminar", 12, 12),  # an English month: the English reading
    ("Riga, 12 June", 5, 5),  # not a date first: as read in English
    ("3. Oktober: Riga", None, 10),
    ("Riga", None, None),
])
def test_event_date_end(head, english_end, end):
    assert event_date_end(head, english_end) == end


def alternations():
    from extractors.time import dates_i18n, timex

    return timex._alternation, dates_i18n._alternation


def test_alternations_put_the_longest_word_first_and_escape_them():
    # (called directly: their callers are cached, so a mutation run would not see them otherwise)
    timex_alt, i18n_alt = alternations()
    assert timex_alt(["a b", "abcd", "x.y"]) == r"abcd|a\s+b|x\.y"
    assert i18n_alt(["ab", "abc", "a.b"]) == r"abc|a\.b|ab"


def block(kind: str, text: str):
    return SimpleNamespace(kind=SimpleNamespace(value=kind), text=text)


def doc(language, blocks, furniture=()):
    return SimpleNamespace(language=language, blocks=blocks, furniture=list(furniture))


RU_PERIOD = Period(start=date(2016, 7, 1), end=date(2017, 6, 30), raw="July 2016 – June 2017")


def test_refine_period_reads_a_period_in_the_documents_language():
    structure = SimpleNamespace(period=None)
    refine_period(structure, doc("ru", [block("heading", "Отчёт за июль 2016 – июнь 2017"), block("paragraph", "Текст.")]))
    assert structure.period == RU_PERIOD


def test_refine_period_narrows_a_period_of_whole_years_only():
    years = Period(start=date(2016, 1, 1), end=date(2017, 12, 31), raw="2016-2017")
    structure = SimpleNamespace(period=years)
    refine_period(structure, doc("ru", [block("paragraph", "Отчёт за июль 2016 – июнь 2017")]))
    assert structure.period == RU_PERIOD
    other = Period(start=date(2015, 1, 1), end=date(2015, 12, 31), raw="2015")
    structure = SimpleNamespace(period=other)
    refine_period(structure, doc("ru", [block("paragraph", "Отчёт за июль 2016 – июнь 2017")]))
    assert structure.period == other  # not inside the period read before: kept
    same = Period(start=date(2016, 7, 1), end=date(2017, 6, 30), raw="2016/17")
    structure = SimpleNamespace(period=same)
    refine_period(structure, doc("ru", [block("paragraph", "Отчёт за июль 2016 – июнь 2017")]))
    assert structure.period.raw == "2016/17"  # no shorter: kept


def test_refine_period_leaves_english_and_unknown_languages_and_tables_alone():
    for language in ("en", None):
        structure = SimpleNamespace(period=None)
        refine_period(structure, doc(language, [block("paragraph", "Отчёт за июль 2016 – июнь 2017")]))
        assert structure.period is None
    structure = SimpleNamespace(period=None)
    refine_period(structure, doc("ru", [block("table", "Отчёт за июль 2016 – июнь 2017")]))
    assert structure.period is None


def test_refine_period_looks_at_the_opening_then_headings_then_all_then_furniture():
    later = [block("paragraph", "Текст.")] * 3 + [block("paragraph", "План на июль 2018 – июнь 2019")]
    structure = SimpleNamespace(period=None)
    refine_period(structure, doc("ru", later + [block("heading", "Отчёт за июль 2016 – июнь 2017")]))
    assert structure.period.start == date(2016, 7, 1)  # the heading before the fourth paragraph
    structure = SimpleNamespace(period=None)
    refine_period(structure, doc("ru", later))
    assert structure.period.start == date(2018, 7, 1)
    structure = SimpleNamespace(period=None)
    refine_period(structure, doc("ru", [block("paragraph", "Текст.")], furniture=["Отчёт за июль 2016 – июнь 2017"]))
    assert structure.period == RU_PERIOD


@pytest.mark.parametrize("text, expected", [
    ("Report on family reunification, Oct 2016", True),
    ("Seminar, Riga, 31 December 2016", True),
    ("Seminar, Riga, 1 January 2017", False),
    ("Seminar on guardianship", False),
])
def test_what_ends_before_the_period(text, expected):
    from datetime import date

    from extractors.time.dates import ends_before
    from schemas.records import Period

    assert ends_before(text, Period(start=date(2017, 1, 1), end=date(2018, 12, 31), raw="2017-2018")) is expected
    assert ends_before(text, None) is False
