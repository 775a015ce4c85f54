"""Dates written in the region's languages: "29-30 августа", "3. Oktober", "15 maja",
"wrzesień–październik 2016", "Ende 2016", "до конца 2016 г." -> the same intervals as English.

How: the month names come from `dateparser`'s locale data (every form it knows: nominative,
genitive, abbreviations, for ru, de, pl, sv, fi, da, nb, et, lv, lt, is); season, part-of-year,
"and"/"until" and "yearly"/"ongoing" words of ru, de, pl and sv are a small table here. A time
expression is translated word by word into the English the temporal normaliser reads
(`extractors/time/dates.py`), which then does what it does for English: spans of days and months
become intervals, a missing year comes from the document's period (records.md, Dates).
Why not `dateparser.parse` alone: it returns one point in time, so "29-30 августа" would lose
its second day and "wrzesień–październik" its interval, and it fills a missing year from today.

Not covered: Latvian/Lithuanian/Finnish case endings dateparser does not list ("augustā"), ranges
written with words other than those below, and dates inside running prose in these languages
(the prose date scanner is English).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.time.dates import find_period, normalise
from schemas.records import DateValue, Period

LANGUAGES = ("ru", "de", "pl", "sv", "fi", "da", "nb", "et", "lv", "lt", "is")
ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                  "november", "december")

# words of the time expressions themselves, per meaning (ru, de, pl, sv)
WORDS = {
    "spring": ("весна", "весной", "весны", "весне", "frühjahr", "frühling", "wiosna", "wiosną", "wiosny", "wiosnę",
               "våren", "vår", "pavasarį", "pavasaris", "pavasario"),
    "summer": ("лето", "летом", "лета", "sommer", "lato", "latem", "lata", "sommaren", "sommar", "vasarą", "vasara",
               "vasaros"),
    "autumn": ("осень", "осенью", "осени", "herbst", "jesień", "jesienią", "jesieni", "hösten", "höst", "rudenį", "ruduo",
               "rudens"),
    "winter": ("зима", "зимой", "зимы", "winter", "zima", "zimą", "zimy", "vintern", "vinter", "žiemą", "žiema", "žiemos"),
    "beginning of": ("в начале", "начало", "начала", "anfang", "beginn", "на початку", "na początku", "początek",
                     "början av", "i början av"),
    "mid": ("в середине", "середина", "середины", "mitte", "w połowie", "połowa", "połowy", "mitten av"),
    "end of": ("до конца", "в конце", "конец", "конца", "bis ende", "ende", "do końca", "pod koniec", "koniec",
               "końca", "slutet av", "i slutet av"),
    "yearly": ("ежегодно", "каждый год", "jährlich", "alljährlich", "corocznie", "co roku", "årligen", "varje år"),
    "ongoing": ("постоянно", "на постоянной основе", "по мере необходимости", "laufend", "fortlaufend", "ständig",
                "na bieżąco", "stale", "w sposób ciągły", "löpande", "kontinuerligt"),
    "tbd": ("будет определено", "уточняется", "wird noch festgelegt", "offen", "do ustalenia", "ska bestämmas"),
}
# "and" / "until" between two dates: only next to a number or a month, where they cannot be other words
CONNECTIVES = {"and": ("и", "und", "i", "och", "og", "ja", "ir", "un"),
               "to": ("по", "до", "bis", "do", "till", "kuni", "līdz", "iki")}
# three-letter abbreviations that are everyday words of another region language ("des", "sie")
# or too rare to be worth the risk; the full month names still count
NOT_MONTHS = {"sie", "des", "bal", "elo", "lis", "vas", "lip", "sty", "paz", "paź", "gru", "cze", "kwi", "lut", "wrz"}
# Lithuanian (and Latvian) put the year first: "2016 m. rugsėjo 12–13 d.", "2009 m. pavasarį",
# "iki 2008 m. pabaigos"; rewritten to the day-month-year order the rest reads.
YEAR_FIRST_DAY = r"((?:19|20)\d\d)\s*(?:m\.|g\.)\s*(\w+)\s+(\d{1,2}(?:\s*[-–—]\s*\d{1,2})?)\s*(?:d\.|\.)"
YEAR_FIRST_MONTH = r"((?:19|20)\d\d)\s*(?:m\.|g\.)\s*(\w+)(?!\s*\d)"
YEAR_FIRST_END = re.compile(r"\biki\s+((?:19|20)\d\d)\s*m\.\s*pabaigos\b", re.I)
DROP = re.compile(r"(?<=\d)\s*(?:г\.|гг\.|года|годы|год|r\.|roku|år|m\.|gada)(?!\w)", re.I)


@lru_cache(maxsize=1)
def month_forms() -> dict[str, str]:
    """Every month form dateparser knows for the region's languages -> the English month name."""
    from dateparser.languages import default_loader

    forms: dict[str, str] = {}
    for code in LANGUAGES:
        info = default_loader.get_locale(code).info
        for english in ENGLISH_MONTHS:
            for form in info.get(english, []):
                form = form.lower().rstrip(".")
                if len(form) >= 3 and form not in ENGLISH_MONTHS and form not in NOT_MONTHS:
                    forms.setdefault(form, english.capitalize())
    return forms


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns():
    months = month_forms()
    month_re = re.compile(rf"(?<!\w)({_alternation(months)})(?!\w)\.?", re.I)
    word_map = {w: meaning for meaning, ws in WORDS.items() for w in ws}
    words_re = re.compile(rf"(?<!\w)({_alternation(word_map)})(?!\w)", re.I)
    english = "|".join(m.capitalize() for m in ENGLISH_MONTHS)
    conn_map = {w: meaning for meaning, ws in CONNECTIVES.items() for w in ws}
    conn_re = re.compile(rf"(?<=[\d.\w])\s+({_alternation(conn_map)})\s+(?=\d|(?:{english})\b)", re.I)
    # a leading date of an events-list entry: day or day span, a month form, an optional year
    lead_re = re.compile(
        rf"^\s*(?:19|20)\d\d\s*(?:m\.|g\.)\s*(?:{_alternation(months)})\s+\d{{1,2}}(?:\s*[-–—]\s*\d{{1,2}})?\s*d\."
        r"|^\s*\d{1,2}\.?(?:\s*(?:[-–—]|" + _alternation(conn_map) + r")\s*\d{1,2}\.?)?\s*"
        rf"(?:{_alternation(months)})(?!\w)\.?(?:\s*,?\s*(?:19|20)\d\d(?:\s*(?:г\.|года|r\.|roku))?)?", re.I)
    return months, month_re, word_map, words_re, conn_map, conn_re, lead_re


def to_english(text: str) -> str:
    """The time words of a region language replaced by the English the normaliser reads."""
    months, month_re, word_map, words_re, conn_map, conn_re, _ = _patterns()
    out = _year_first(text, months, word_map)
    out = DROP.sub("", out)
    out = words_re.sub(lambda m: word_map[m.group(1).lower()], out)
    out = month_re.sub(lambda m: months[m.group(1).lower()], out)
    out = conn_re.sub(lambda m: f" {conn_map[m.group(1).lower()]} ", out)
    return out


def _year_first(text: str, months: dict[str, str], word_map: dict[str, str]) -> str:
    """"2016 m. rugsėjo 12–13 d." -> "12–13 rugsėjo 2016"; "2009 m. pavasarį" -> "pavasarį 2009"."""
    if not re.search(r"(?:19|20)\d\d\s*(?:m|g)\.", text):
        return text
    text = YEAR_FIRST_END.sub(r"end of \1", text)
    text = re.sub(YEAR_FIRST_DAY, lambda m: f"{m.group(3)} {m.group(2)} {m.group(1)}"
                  if m.group(2).lower() in months else m.group(0), text)
    return re.sub(YEAR_FIRST_MONTH, lambda m: f"{m.group(2)} {m.group(1)}"
                  if m.group(2).lower() in months or m.group(2).lower() in word_map else m.group(0), text)


def has_foreign_date_words(text: str) -> bool:
    _, month_re, _, words_re, _, _, _ = _patterns()
    return bool(month_re.search(text) or words_re.search(text) or YEAR_FIRST_END.search(text))


def normalise_multilingual(text: str | None, period: Period | None = None) -> DateValue:
    """`extractors.time.dates.normalise` for a time expression in English or a region language; the
    value keeps the expression as written in `raw`."""
    if not text or not has_foreign_date_words(text):
        return normalise(text, period)
    value = normalise(to_english(text), period)
    return value.model_copy(update={"raw": " ".join(text.split())})


def normalise_text_multilingual(text: str, period: Period | None = None) -> DateValue:
    """The time expressions in the running words of a record in a region language ("Seminar ...,
    Frühjahr 2009"): its words translated as above, then the English prose scanner."""
    return normalise(to_english(text), period, scan=True)


STARTS_WITH_DIGIT = re.compile(r"\s*\d")


def event_date_end(head: str, english_end: int | None) -> int | None:
    """Where an events-list entry's leading date ends: the English reading, or a region language's
    when that reads further ("12. Juni" is not "12. Jun" + "i")."""
    if not STARTS_WITH_DIGIT.match(head):  # every reading starts with a digit: no need to build the month forms
        return english_end
    m = _patterns()[6].match(head)
    if m and (english_end is None or m.end() > english_end):
        return m.end()
    return english_end


def refine_period(structure, doc) -> None:
    """A document not in English whose period the English reader saw only as years ("2016-2017")
    or not at all: read "июль 2016 – июнь 2017" / "Juli 2016 – Juni 2017" from the same places."""
    if doc.language in (None, "en"):
        return
    texts = [b.text for b in doc.blocks if b.kind.value != "table"]
    headings = [b.text for b in doc.blocks if b.kind.value == "heading"]
    for group in (texts[:3], headings, texts, doc.furniture):
        translated = [to_english(t) for t in group if has_foreign_date_words(t)]
        found = find_period(translated) if translated else None
        if found is None:
            continue
        current = structure.period
        if current is None or (current.start <= found.start and found.end <= current.end
                               and (found.end - found.start) < (current.end - current.start)):
            structure.period = found
        return
