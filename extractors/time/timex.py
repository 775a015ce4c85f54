"""Time expressions in running prose: found with their span, normalised against a reference date.

API (the one entry point)::

    find_times(text, reference=None, period=None, *, tense=None, previous=None) -> list[TimeSpan]

- `reference`: the date the text is written from (a news item's catalogue date, else the end of
  the document's period, else a dated heading). When None, `period.end` is used; when both are
  None, relative expressions are still found but get no interval.
- `period`: the document's own period. A day or month written without a year takes its year from
  it (records.md, "Dates"); without a period the year comes from the reference and the tense.
- `tense`: "past", "present" or "future" for the whole text (e.g. from a parse); None = read it
  from each sentence's verbs with a cheap regex ("will", "was", "-ed" ...).
- `previous`: the last dated TimeSpan before this text, for anaphora ("two months later",
  "the following year"); inside the text each resolved date becomes the next one's `previous`.

Each TimeSpan has `start`/`end` (character offsets), `text`, `kind` (date, present, past_ref,
future_ref, duration, set), `value` (a TIMEX3-style value: "1998-02-13", "1998-W07", "199",
"PRESENT_REF", "P3Y" ...), `interval` ((first day, last day) or None), `granularity` and a
`reason` that says which rule read it and what it was anchored on, so `explain` can say why a
record has (no) date.

Calendar values follow records.md: seasons (spring = March-May ... winter = December of the year
before to February), parts of a year (beginning/early = Jan-Apr, mid = May-Aug, end/late =
Sep-Dec), a missing year from the document's period. Relative expressions count from the
reference: "last June" is the most recent June before the reference month, "next year" the
reference's year + 1, "two years ago" the year two before, "Friday" the nearest Friday in the
direction of the sentence's tense (past: on or before the reference; future: after it; no tense:
the nearer one).

Ordinary words are not dates: every pattern has word boundaries; "may" is a month only next to a
day or a year or after a time cue ("in May"); lowercase "march" never; a season without a year
needs a time cue before it ("in the fall", "this spring"), so "prices kept falling", "hot
springs", "Summertime" and "the fall in prices" are not dates; names in `data/timex.toml`
("British Summer Time", "the Autumn Statement", "Arab Spring") and a capitalised season between
capitalised words are names. A four-digit number followed by a count noun ("2000 people") is no year.

Why no library: HeidelTime and SUTime are Java; `dateparser.search` and `datefinder` return
points, not intervals or kinds, read "may"/"now"/"second" in ordinary prose and fill a missing
year from today's clock; `ctparse` (last release 2022) parses conversational single expressions,
not spans in prose; Microsoft's `recognizers-text-date-time` (2019 alpha, unmaintained) gives no
seasons/parts-of-year by records.md and is slow. None anchors on a document period. The
absolute atoms (days, spans of days, months, seasons, quarters, years) are the ones of
`extractors.time.atoms.scan_atoms`, so table cells and prose read calendar dates the same way.

No parse is needed (regex only, about 0.1-0.4 ms per sentence, bench/TIMEX.md); a spaCy parse costs
far more, so spaCy is not used; a caller with a parse can pass `tense=`.
"""
from __future__ import annotations

import calendar
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Callable

from schemas.records import Period

DATA = Path(__file__).parent.parent / "data" / "timex.toml"  # extractors/data, shared by the subpackages
KINDS = ("date", "present", "past_ref", "future_ref", "duration", "set")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december"]
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
UNIT_CODES = {"day": "D", "week": "W", "weekend": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
              "century": "CE", "hour": "TH", "minute": "TM", "fortnight": "W"}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "twenty-first": 21, "twenty first": 21}


@dataclass(frozen=True)
class TimeSpan:
    start: int  # character offsets into the text
    end: int
    text: str
    kind: str  # one of KINDS
    value: str | None  # TIMEX3-style value
    interval: tuple[date, date] | None  # first and last day, None when not a calendar interval
    reason: str
    granularity: str = "none"  # day, week, month, season, part_of_year, quarter, year, decade, century, range
    year_inferred: bool = False
    rule: str = ""  # the rule that found it ("atom" = a calendar date as written, "ago", "weekday" ...)

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass
class _Context:
    text: str
    reference: date | None
    period: Period | None
    tense: str | None
    previous: TimeSpan | None = None
    sentence_tenses: dict[int, str | None] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Lexicon

@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    numbers = dict(data["numbers"])
    vague = numbers.pop("vague_counts")
    holidays = {name.lower(): tuple(md) for name, md in data["holidays"].items()}
    return {"numbers": numbers, "vague": vague, "refs": data["refs"], "sets": data["sets"], "holidays": holidays,
            **data["words"]}


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    lx = lexicon()
    num = r"(?P<n>\d{1,3}|" + _alternation(lx["numbers"]) + r"|" + _alternation(lx["vague"]) + r")"
    unit = r"(?P<unit>day|week|weekend|fortnight|month|quarter|year|decade|century|centurie)s?"
    wd = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    month = r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december)"
    season = r"(?P<season>spring|summer|autumn|fall|winter)"
    tod = r"(?:\s+(?P<tod>morning|afternoon|evening|night))?"
    refs = lx["refs"]
    p = {
        "ago": rf"\b{num}[\s-]+(?:more\s+)?{unit}\s+(?P<dir>ago|back|earlier|later|before|after|on|from\s+now|hence)\b(?!\s+than\b)",
        "rel_unit": rf"\b(?:the\s+)?(?P<rel>this|last|next|past|coming|following|previous|current|same|preceding|"
                    rf"this\s+past|that|the\s+current)\s+{unit}\b(?!\s+(?:old|ago))",
        "unit_rel": rf"\b(?:the\s+)?{unit}\s+(?P<rel>before|after)\b(?!\s+(?:the|a|an|that|this|his|her|its|their|\w+ing)\b)",
        "rel_named": rf"\b(?P<rel>this|last|next|this\s+past|this\s+coming|the\s+coming|the\s+following|the\s+previous|"
                     rf"coming|past|following|previous)\s+(?:{wd}|{month}|{season})\b",
        "part_rel": r"\b(?:the\s+)?(?P<part>beginning|start|end|middle|first\s+half|"
                    r"second\s+half|turn|close)\s+of\s+(?:the\s+)?(?P<rel>this|that|next|last|current|coming|following|"
                    r"previous|same)?\s*(?P<unit>year|month|week|decade|century|summer|spring|autumn|fall|winter)\b",
        "part_rel2": r"\b(?P<part>early|earlier|late|later|mid|middle)[\s-]+(?P<rel>this|next|last|that|the\s+following|"
                     r"the\s+previous)\s+(?P<unit>year|month|week|decade|century|summer|spring|autumn|fall|winter)\b",
        "decade": r"(?:\bthe\s+)?(?:\b(?P<part>early|mid|late)[\s-]+)?(?:\b(?P<cent>1[0-9]|20)(?P<d>\d)0|['’](?P<d2>\d)0)['’]?s\b",
        "decade_word": r"\b(?:the\s+)(?:(?P<part>early|mid|late)[\s-]+)?(?P<dw>twenties|thirties|forties|fifties|"
                       r"sixties|seventies|eighties|nineties)\b",
        "century": r"\b(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|" + _alternation(ORDINALS)
                   + r")[\s-]+century\b",
        "rel_century": r"\b(?:the\s+)?(?P<rel>this|last|next|past|previous)\s+century\b",
        "two_digit_year": r"(?<![\w'’])(?:(?:in|of|since|from|until|by|to|class\s+of)\s+)?['’](?P<yy>\d{2})\b(?!['’]?s\b)",
        "deictic": r"\b(?P<word>today|yesterday|tomorrow|tonight)\b" + tod,
        "this_tod": r"\b(?:this|last)\s+(?P<tod>morning|afternoon|evening|night)\b",
        "weekday": rf"\b(?:on\s+)?{wd}" + tod + r"\b",
        "the_weekend": r"\bthe\s+weekend\b",
        "fy": r"\b(?:fiscal|financial)\s+(?:year\s+)?(?P<y>(?:19|20)\d{2})\b",
        "present": r"\b(?:" + _alternation(refs["present"]) + r")\b",
        "past": r"\b(?:" + _alternation(refs["past"]) + r")\b",
        "future": r"\b(?:" + _alternation(refs["future"]) + r")\b",
        "set": r"\b(?:" + _alternation(lx["sets"]) + r")\b",
        "set_every": rf"\b(?:every|each)\s+(?:(?P<n>\d{{1,3}}|other|" + _alternation(lx["numbers"]) + rf")\s+)?(?:{unit}|{wd}|{month}|{season})\b",
        "set_times": r"\b(?:once|twice|thrice|(?:\d+|" + _alternation(lx["numbers"]) + r")\s+times)\s+(?:a|an|per|each|every)\s+"
                     r"(?P<unit>day|week|month|year)\b",
        "duration": rf"\b(?:(?:for|over|during|within|in|after|about|nearly|almost|some|around)\s+)?(?:the\s+)?"
                    rf"(?:(?P<dur_rel>past|last|next|first|coming|previous|following|final)\s+)?{num}[\s-]+"
                    rf"(?:(?:more|consecutive|straight|successive|full|whole|further|additional)\s+)?"
                    rf"(?P<unit>day|week|weekend|fortnight|month|quarter|year|decade|century|centurie|hour|minute)s?"
                    rf"(?:[\s-]+long)?\b(?<!quarter)(?<!quarters)",
        "set_per": r"(?:(?<=s\s)|(?<=\d\s))(?<!has\s)(?<!was\s)(?<!is\s)(?<!its\s)(?<!as\s)(?<!this\s)"
                   r"(?:a|per)\s+(?P<unit>day|week|month|year)\b(?!\s+(?:ago|later|earlier|before|after))",
        "holiday": r"\b(?P<hol>" + _alternation(lx["holidays"]) + r")\b",
        "duration_plural": r"\b(?:for|over|in|within)\s+(?:the\s+)?(?:(?:past|last)\s+)?(?P<unit>day|week|month|year|decade|centurie|hour)s\b",
        "duration_past": r"\b(?:over|during|in|for)?\s*the\s+(?P<dur_rel>past|last)\s+(?P<unit>day|week|month|year|decade|century)\b",
    }
    return {name: re.compile(rx, re.I) for name, rx in p.items()}


# ---------------------------------------------------------------------------------------------
# Calendar arithmetic

def _month_last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _unit_interval(unit: str, anchor: date, offset: int) -> tuple[tuple[date, date], str, str]:
    """The calendar unit containing `anchor`, moved by `offset` units: interval, value, granularity."""
    if unit == "day":
        d = anchor + timedelta(days=offset)
        return (d, d), d.isoformat(), "day"
    if unit in ("week", "weekend", "fortnight"):
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=offset)
        iso = monday.isocalendar()
        if unit == "weekend":
            sat = monday + timedelta(days=5)
            return (sat, sat + timedelta(days=1)), f"{iso[0]}-W{iso[1]:02d}-WE", "week"
        return (monday, monday + timedelta(days=6)), f"{iso[0]}-W{iso[1]:02d}", "week"
    if unit == "month":
        y, m = _add_months(anchor.year, anchor.month, offset)
        return (date(y, m, 1), date(y, m, _month_last(y, m))), f"{y}-{m:02d}", "month"
    if unit == "quarter":
        q = (anchor.month - 1) // 3
        y, m = _add_months(anchor.year, q * 3 + 1, offset * 3)
        return (date(y, m, 1), date(y, m + 2, _month_last(y, m + 2))), f"{y}-Q{(m - 1) // 3 + 1}", "quarter"
    if unit == "decade":
        d0 = (anchor.year // 10 + offset) * 10
        return (date(d0, 1, 1), date(d0 + 9, 12, 31)), str(d0 // 10), "decade"
    if unit in ("century", "centurie"):
        c0 = (anchor.year // 100 + offset) * 100
        return (date(c0, 1, 1), date(c0 + 99, 12, 31)), str(c0 // 100), "century"
    y = anchor.year + offset
    return (date(y, 1, 1), date(y, 12, 31)), str(y), "year"


def _season_interval(season: str, year: int) -> tuple[date, date]:
    first, last = SEASON_MONTHS[season]
    if first > last:  # winter: December of the year before to February (records.md)
        return date(year - 1, 12, 1), date(year, 2, _month_last(year, 2))
    return date(year, first, 1), date(year, last, _month_last(year, last))


def _season_of(d: date) -> tuple[str, int]:
    """The season a day falls in, with its year as records.md writes it (winter 2009 ends in 2009)."""
    if d.month == 12:
        return "winter", d.year + 1
    for name in ("winter", "spring", "summer", "autumn"):
        first, last = SEASON_MONTHS[name]
        if name == "winter" and d.month <= 2 or first <= d.month <= last:
            return name, d.year
    return "winter", d.year  # pragma: no cover


def _shift_season(season: str, reference: date, rel: str) -> int:
    """The year of the named season: this (the one of the reference's year), last (the most recent
    one that has begun before the reference's season), next (the first one after it)."""
    order = ["winter", "spring", "summer", "autumn"]
    season = "autumn" if season == "fall" else season
    now_name, now_year = _season_of(reference)
    now_key = now_year * 4 + order.index(now_name)
    if rel == "this":
        return now_year if season != "winter" or now_name == "winter" else now_year + (1 if reference.month >= 9 else 0)
    key = now_year * 4 + order.index(season)
    if rel == "last":
        while key >= now_key:
            key -= 4
    else:
        while key <= now_key:
            key += 4
    return key // 4


def _season_year(season: str, reference: date, direction: str | None) -> int:
    """The year of a season named without one: past -> the last one begun by the reference,
    future -> the first one not yet over, no tense -> the one of the reference's year."""
    years = range(reference.year - 1, reference.year + 2)
    if direction == "past":
        return max(y for y in years if _season_interval(season, y)[0] <= reference)
    if direction == "future":
        return min(y for y in years if _season_interval(season, y)[1] >= reference)
    return reference.year


def _month_year(month: int, reference: date, direction: str | None, strict: bool = False) -> int:
    """The year of a month named without one: past -> the last such month up to the reference
    month, future -> the first one from it on, no tense -> the reference's year. strict ("last
    June", "next June"): never the reference's own month."""
    if direction == "past":
        return reference.year if month < reference.month or month == reference.month and not strict \
            else reference.year - 1
    if direction == "future":
        return reference.year if month > reference.month or month == reference.month and not strict \
            else reference.year + 1
    return reference.year


def _weekday_date(weekday: int, reference: date, direction: str | None) -> date:
    """Past: the last such day on or before the reference; future: the next one after it; no
    tense ("Parliament breaks on Friday"): the nearer of the two, the past one on a tie."""
    delta = weekday - reference.weekday()
    before = reference + timedelta(days=delta if delta <= 0 else delta - 7)
    after = reference + timedelta(days=delta if delta > 0 else delta + 7)
    if direction == "future":
        return after
    if direction == "past" or (reference - before) <= (after - reference):
        return before
    return after


def _part_of(interval: tuple[date, date], part: str, unit: str) -> tuple[date, date]:
    """records.md's parts of a year; a month's and a week's thirds; a decade's/century's thirds."""
    s, e = interval
    part = part.lower().split()[0]
    if part in ("earlier",):
        return s, e  # "earlier this year": the year, up to the reference (kept whole: no tighter value)
    if part in ("later",):
        return s, e
    if unit == "year" or unit in SEASON_MONTHS:
        if unit in SEASON_MONTHS:
            return s, e
        months = {"beginning": (1, 4), "start": (1, 4), "early": (1, 4), "first": (1, 6), "mid": (5, 8),
                  "middle": (5, 8), "second": (7, 12), "end": (9, 12), "late": (9, 12), "close": (9, 12),
                  "turn": (12, 12)}[part]
        return date(s.year, months[0], 1), date(s.year, months[1], _month_last(s.year, months[1]))
    if unit == "month":
        last = e.day
        days = {"beginning": (1, 10), "start": (1, 10), "early": (1, 10), "first": (1, 15), "mid": (11, 20),
                "middle": (11, 20), "second": (16, last), "end": (21, last), "late": (21, last),
                "close": (21, last), "turn": (last, last)}[part]
        return s.replace(day=days[0]), s.replace(day=days[1])
    if unit in ("decade", "century"):
        span = (e.year - s.year + 1)
        third = span // 3
        if part in ("beginning", "start", "early", "first"):
            return s, date(s.year + third, 12, 31)
        if part in ("end", "late", "second", "close"):
            return date(e.year - third + 1, 1, 1), e
        if part == "turn":
            return e, e
        return date(s.year + third + 1, 1, 1), date(e.year - third, 12, 31)
    return s, e


# ---------------------------------------------------------------------------------------------
# Tense

FUTURE_CUES = re.compile(r"\b(?:will|shall|won['’]t|going\s+to|plans?\s+to|planned|intends?\s+to|is\s+to|are\s+to|"
                         r"expects?\s+to|(?:is|are)\s+expected|(?:is|are)\s+due|(?:is|are)\s+(?:forecast|predicted|planned|scheduled)|would|upcoming|scheduled|"
                         r"aims?\s+to|next|coming|should|must)\b|['’]ll\b", re.I)
PAST_CUES = re.compile(r"\b(?:was|were|had|did|said|says|told|went|came|took|made|began|met|held|saw|left|became|"
                       r"announced|reported|ago|last|has|have|hit|fell|rose|grew|won|lost|sold|paid|cut|struck|"
                       r"brought|bought|thought|fought|led|gave|found|kept|ran|wrote|spoke|sank|chose|drew|flew|"
                       r"knew|shut|sent|spent|built|began|broke|stood|meant|felt|heard|\w{3,}ed)\b", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“A-Z0-9])")


def sentence_tense(sentence: str) -> str | None:
    """"future" / "past" / None read from a sentence's verbs (a cheap stand-in for a parse)."""
    if FUTURE_CUES.search(sentence):
        return "future"
    for m in PAST_CUES.finditer(sentence):
        # "are held", "is expected": a present passive, not the past
        if not re.search(r"\b(?:is|are|am|be|being)\s+(?:\w+ly\s+)?$", sentence[:m.start()], re.I):
            return "past"
    return None


CLAUSE_BREAK = re.compile(r"[,;:()]|\s(?:and|but|that|which|who|while|when|after|before|because|although|as)\s", re.I)
PAST_BEFORE = re.compile(r"\b(?:since|ago|last|previous|earlier|former)\W+(?:\w+\W+){0,2}$", re.I)


def _tense_at(ctx: _Context, pos: int) -> str | None:
    """The tense of the clause around `pos`, else of its sentence; "since June" is in the past."""
    if ctx.tense:
        return None if ctx.tense == "present" else ctx.tense
    if PAST_BEFORE.search(ctx.text[max(0, pos - 25):pos]):
        return "past"
    starts = [0] + [m.end() for m in SENTENCE_END.finditer(ctx.text)]
    begin = max(s for s in starts if s <= pos)
    end = next((s for s in starts if s > begin), len(ctx.text))
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(ctx.text, begin, end)]
    clause_start = max([b for b in breaks if b < pos], default=begin)
    clause_end = min([b for b in breaks if b > pos], default=end)
    clause = sentence_tense(ctx.text[clause_start:clause_end])
    if clause:
        return clause
    if begin not in ctx.sentence_tenses:
        ctx.sentence_tenses[begin] = sentence_tense(ctx.text[begin:end])
    return ctx.sentence_tenses[begin]


# ---------------------------------------------------------------------------------------------
# Ordinary words that are not dates

def _before(text: str, pos: int, n: int = 30) -> str:
    return text[max(0, pos - n):pos]


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern:
    return re.compile(r"(?:^|\W)(?:" + _alternation(lexicon()["time_cues"]) + r")[\s-]*$", re.I)


def has_time_cue(text: str, pos: int) -> bool:
    """A time cue ("in", "in the", "last", "early" ...) right before `pos`."""
    return _cue_pattern().search(_before(text, pos)) is not None


@lru_cache(maxsize=1)
def _name_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Capitalised names match as written ("Arab Spring"); lowercase ones in any case ("hot springs")."""
    names = lexicon()["not_dates"]
    proper = [n for n in names if n[0].isupper()]
    common = [n for n in names if not n[0].isupper()]
    return (re.compile(r"\b(?:" + _alternation(proper) + r")\b"), re.compile(r"\b(?:" + _alternation(common) + r")\b", re.I))


def in_name(text: str, start: int, end: int) -> bool:
    """The words at start..end are part of a name that only looks like a date."""
    lo, hi = max(0, start - 30), min(len(text), end + 30)
    for pattern in _name_patterns():
        for m in pattern.finditer(text, lo, hi):
            if m.start() < end and start < m.end():
                return True
    return False


def _capitalised_name(text: str, start: int, end: int) -> bool:
    """A capitalised season between capitalised words ("the Spring Conference", "Arab Spring")
    and not followed by a year is a name."""
    word = text[start:end]
    if not word[:1].isupper():
        return False
    after = re.match(r"\s+([A-Z][a-z]+)", text[end:end + 30])
    before = re.search(r"([A-Z][a-z]+)\s+$", _before(text, start))
    sentence_start = re.search(r"(?:^|[.!?:]\s+)$", _before(text, start))
    month_or_year_after = re.match(r"\s+(?:of\s+)?(?:(?:19|20)\d{2}|['’]\d{2})", text[end:end + 12])
    if month_or_year_after:
        return False
    if after and after.group(1).lower() not in MONTH_NAMES:
        return True
    return bool(before) and not sentence_start and before.group(1).lower() not in (
        "in", "during", "last", "next", "this", "early", "late", "by", "since", "until", "from", "the", "and")


@lru_cache(maxsize=1)
def _quantity_nouns() -> str:
    return _alternation(lexicon()["quantity_nouns"])


def atom_is_time(text: str, atom) -> bool:
    """Whether a `scan_atoms` atom in running prose is a time expression and not an ordinary word."""
    s, e = atom.span
    raw = text[s:e]
    if in_name(text, s, e):
        return False
    word = re.match(r"[A-Za-z]+", raw.strip())
    if atom.kind == "season" or atom.kind == "part_of_year" and re.search(r"spring|summer|autumn|fall|winter", raw, re.I):
        if not atom.year_given:
            season = re.search(r"(spring|summer|autumn|fall|winter)", raw, re.I)
            if atom.kind == "season" and not has_time_cue(text, s):
                return False
            # "that spring flooding", "the summer holidays": a season word in front of a noun
            if atom.kind == "season" and re.match(r"\s*[a-z]+ing\b|\s*(?:holidays?|clothes|tyres|tires|"
                                                  r"months|time|camp|school|house|residence|olympics)\b", text[e:e + 20]):
                return False
            if atom.kind == "season" and _capitalised_name(text, s + season.start(), s + season.end()):
                return False
            # "the fall of the Wall", "the fall in prices": a noun with its complement
            after = text[s + season.end():s + season.end() + 25]
            if re.match(r"\s+(?:of|in|from|into|by|on)\b(?!\s+(?:the\s+)?(?:19|20)\d{2})", after) \
                    and season.group(1).lower() == "fall":
                return False
        return True
    if atom.kind == "month" and not atom.year_given and word:
        w = word.group(0)
        if w.lower() in ("may", "march") and not (w[0].isupper() and has_time_cue(text, s)):
            return False
        if not w[0].isupper():
            return False  # "june" in lowercase prose is rare; a lowercase month word alone is not trusted
        return True
    if atom.kind == "year" and atom.start[0] == atom.end[0] and re.fullmatch(r"(?:19|20)\d{2}", raw.strip()):
        nouns = _quantity_nouns()
        if re.match(r"\s*(?:%|per\s*cent|percent)", text[e:e + 10], re.I):
            return False
        if re.search(r"[$£€]\s*$|\b(?:no\.?|number|page|p\.|pp\.|room|article|art\.|resolution|section|route|"
                     r"flight|iso|en|model|code|box|tel\.?)\s*$", _before(text, s, 15), re.I):
            return False
        if re.match(r"\s+(?:" + nouns + r")\b", text[e:e + 25], re.I) and not has_time_cue(text, s):
            return False
        if re.match(r"\s*(?:,\d{3}|\.\d)", text[e:e + 5]) or re.search(r"\d,\s*$", _before(text, s, 3)):
            return False
    return True


# ---------------------------------------------------------------------------------------------
# Candidates

@dataclass
class _Candidate:
    start: int
    end: int
    rule: str
    match: re.Match | None = None
    atoms: list = field(default_factory=list)
    priority: int = 0


ATOM_HINT = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|fall|winter|"
                       r"quarter|q[1-4])", re.I)


def _atom_candidates(text: str) -> list[_Candidate]:
    from extractors.time.atoms import Atom, scan_atoms

    out = []
    if not ATOM_HINT.search(text):
        return out  # no digit, month, season or quarter: no calendar date is written here
    for atom in scan_atoms(text):
        if atom_is_time(text, atom):
            out.append(_Candidate(atom.span[0], atom.span[1], "atom", atoms=[atom], priority=1))
        elif atom.year_given and atom.kind in ("season", "part_of_year") and in_name(text, *atom.span):
            # "the Arab Spring of 2011": the name is no date, its year is
            for m in re.finditer(r"(?:19|20)\d{2}", text[atom.span[0]:atom.span[1]]):
                y, span = int(m.group(0)), (atom.span[0] + m.start(), atom.span[0] + m.end())
                year = Atom("year", (y, 1, None), (y, 12, None), span, m.group(0), True)
                out.append(_Candidate(span[0], span[1], "atom", atoms=[year], priority=1))
    return out


UNIT_WORDS = {"day", "days", "week", "weeks", "weekend", "weekends", "fortnight", "fortnights", "month", "months",
              "quarter", "quarters", "year", "years", "decade", "decades", "century", "centuries", "hour", "hours",
              "minute", "minutes"}
NAMED_WORDS = set(WEEKDAYS) | {w + "s" for w in WEEKDAYS} | set(MONTH_NAMES) | set(SEASON_MONTHS)
FUNCTION_WORDS = {"in", "the", "a", "an", "at", "of", "on", "to", "by", "this", "that"}


@lru_cache(maxsize=1)
def _triggers() -> dict[str, frozenset]:
    """The words without which a pattern cannot match: patterns run only on texts that have one,
    which keeps the finder fast on the many sentences that state no time."""
    lx = lexicon()

    def content(phrases) -> frozenset:
        return frozenset(w for p in phrases for w in re.findall(r"[a-z]+", p.lower()) if w not in FUNCTION_WORDS)

    units = frozenset(UNIT_WORDS)
    return {
        "ago": units, "rel_unit": units, "unit_rel": units, "duration": units, "duration_plural": units,
        "duration_past": units, "set_per": units, "set_times": units,
        "rel_named": frozenset(NAMED_WORDS), "part_rel": units | frozenset(SEASON_MONTHS),
        "part_rel2": units | frozenset(SEASON_MONTHS), "decade_word": frozenset(DECADE_WORDS),
        "century": frozenset({"century", "centuries"}), "rel_century": frozenset({"century"}),
        "deictic": frozenset({"today", "yesterday", "tomorrow", "tonight"}),
        "this_tod": frozenset({"morning", "afternoon", "evening", "night"}),
        "weekday": frozenset(WEEKDAYS) | frozenset(w + "s" for w in WEEKDAYS), "fy": frozenset({"fiscal", "financial"}),
        "the_weekend": frozenset({"weekend"}),
        "present": content(lx["refs"]["present"]), "past": content(lx["refs"]["past"]),
        "future": content(lx["refs"]["future"]), "set": content(lx["sets"]),
        "set_every": frozenset({"every", "each"}), "holiday": content(lx["holidays"]),
    }


def _regex_candidates(text: str) -> list[_Candidate]:
    out = []
    words = set(re.findall(r"[a-z]+", text.lower()))
    triggers = _triggers()
    for name, pattern in _patterns().items():
        if name in triggers and not words & triggers[name]:
            continue
        if name == "decade" and not re.search(r"0['’]?s\b", text):
            continue
        if name == "two_digit_year" and "'" not in text and "’" not in text:
            continue
        for m in pattern.finditer(text):
            if m.end() > m.start() and not in_name(text, m.start(), m.end()):
                out.append(_Candidate(m.start(), m.end(), name, match=m, priority=3 if name.startswith("set") else 2))
    return out


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Longest first, then the more specific rule; none overlapping; in text order."""
    cands.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    taken: list[_Candidate] = []
    for c in cands:
        if all(c.end <= t.start or t.end <= c.start for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _extend_parts(text: str, cands: list[_Candidate]) -> None:
    """"late March", "early June 2009", "mid-May", weekday + date ("Friday, Feb. 13"): one expression."""
    for c in cands:
        if c.rule != "atom":
            continue
        atom = c.atoms[0]
        before = _before(text, c.start, 25)
        if atom.kind in ("month", "day"):
            m = re.search(r"\b(?:(?:the|at\s+the)\s+)?(?P<part>early|late|mid|end|beginning|start|middle)(?:\s+of)?[\s-]*$", before, re.I)
            if m and atom.kind == "month":
                c.start -= len(before) - m.start()
                c.rule, c.match = "month_part", m
                continue
        if atom.kind in ("season", "part_of_year"):
            m = re.search(r"\bthe\s+$", before, re.I)  # "the summer of 2014", "the third quarter of 1997"
            if m:
                c.start -= len(before) - m.start()
                continue
        if atom.kind == "day":
            m = re.search(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s*(?:the\s+)?$", before, re.I)
            if m:
                c.start -= len(before) - m.start()


# ---------------------------------------------------------------------------------------------
# Resolution

def _span(ctx: _Context, c: _Candidate, kind: str, value: str | None, interval, reason: str,
          granularity: str = "none", inferred: bool = False) -> TimeSpan:
    text = ctx.text[c.start:c.end]
    lead = len(text) - len(text.lstrip())
    start = c.start + lead
    end = start + len(text.strip())
    # a sentence's full stop and a dangling "of" are not part of the expression ("in June.", "fall of")
    tail = re.search(r"(?:\s+of|\.|,)$", ctx.text[start:end], re.I)
    last_word = re.search(r"([A-Za-z]+)\.$", ctx.text[start:end])
    if tail and not (last_word and last_word.group(1).lower() in ABBREVIATIONS):
        end -= len(tail.group(0))
    return TimeSpan(start, end, ctx.text[start:end], kind, value, interval, reason, granularity, inferred, c.rule)


ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


def _anchor(ctx: _Context, c: _Candidate, anaphoric: bool) -> tuple[date | None, str]:
    if anaphoric and ctx.previous is not None and ctx.previous.interval is not None:
        return ctx.previous.interval[0], f"counted from {ctx.previous.text!r}"
    if ctx.reference is not None:
        return ctx.reference, f"counted from the reference date {ctx.reference.isoformat()}"
    return None, "no reference date to count from"


def _count(ctx: _Context, word: str) -> int | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    return lexicon()["numbers"].get(word)


def _resolve_ago(ctx, c) -> TimeSpan:
    m = c.match
    unit, direction = m.group("unit").lower(), " ".join(m.group("dir").lower().split())
    n = _count(ctx, m.group("n"))
    if direction in ("before", "after", "on") and ctx.previous is None:
        return _span(ctx, c, "duration", f"P{n or 'X'}{UNIT_CODES[unit]}", None,
                     "a span before/after an event the text names: a duration")
    backwards = direction in ("ago", "back", "earlier", "before")
    if n is None:
        kind = "past_ref" if backwards else "future_ref"
        return _span(ctx, c, kind, kind.upper(), None, f"a vague count of {unit}s")
    anaphoric = direction in ("later", "earlier", "before", "after", "on")
    anchor, why = _anchor(ctx, c, anaphoric)
    if anchor is None:
        return _span(ctx, c, "date", None, None, f"{n} {unit}(s) {direction}: {why}")
    if unit in ("decade", "century", "centurie"):  # "a decade ago": the year ten years back
        n, unit = n * (10 if unit == "decade" else 100), "year"
    interval, value, gran = _unit_interval(unit, anchor, -n if backwards else n)
    return _span(ctx, c, "date", value, interval, f"{m.group(0).strip()}, {why}", gran)


RELATIVE_OFFSETS = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "previous": -1, "preceding": -1,
                    "this past": -1, "next": 1, "coming": 1, "following": 1, "same": 0, "that": 0}


def _resolve_rel_unit(ctx, c) -> TimeSpan:
    m = c.match
    rel, unit = " ".join(m.group("rel").lower().split()), m.group("unit").lower()
    raw = m.group(0).lower()
    if unit == "centurie":
        unit = "century"
    if raw.endswith("s") and not raw.endswith("ss") and unit != "century" and not raw.endswith(unit):
        kind = "past_ref" if rel in ("last", "past", "previous", "preceding") else "future_ref"
        return _span(ctx, c, kind, kind.upper(), None, f"{rel} {unit}s: no single calendar value")
    if rel in ("past",) and raw.startswith("the"):
        return _span(ctx, c, "duration", f"P1{UNIT_CODES[unit]}", None, f"the past {unit}: a duration")
    anaphoric = rel in ("following", "previous", "preceding", "same", "that")
    anchor, why = _anchor(ctx, c, anaphoric)
    if anchor is None:
        return _span(ctx, c, "date", None, None, f"{rel} {unit}: {why}")
    interval, value, gran = _unit_interval(unit, anchor, RELATIVE_OFFSETS[rel])
    return _span(ctx, c, "date", value, interval, f"{rel} {unit}, {why}", gran)


def _resolve_unit_rel(ctx, c) -> TimeSpan:
    m = c.match
    unit, rel = m.group("unit").lower(), m.group("rel").lower()
    anchor, why = _anchor(ctx, c, True)
    if anchor is None:
        return _span(ctx, c, "date", None, None, f"the {unit} {rel}: {why}")
    interval, value, gran = _unit_interval(unit, anchor, -1 if rel == "before" else 1)
    return _span(ctx, c, "date", value, interval, f"the {unit} {rel}, {why}", gran)


def _resolve_rel_named(ctx, c) -> TimeSpan:
    m = c.match
    rel = " ".join(m.group("rel").lower().replace("the ", "").split())
    rel = {"this past": "last", "past": "last", "previous": "last", "this coming": "next", "coming": "next",
           "following": "next"}.get(rel, rel)
    anaphoric = m.group("rel").lower().startswith("the ")
    anchor, why = _anchor(ctx, c, anaphoric)
    if anchor is None:
        return _span(ctx, c, "date", None, None, f"{m.group(0)}: {why}")
    if m.group("wd"):
        wd = WEEKDAYS.index(m.group("wd").lower())
        if rel == "this":
            d = anchor - timedelta(days=anchor.weekday()) + timedelta(days=wd)
        elif rel == "last":
            d = _weekday_date(wd, anchor - timedelta(days=1), "past")
        else:
            d = _weekday_date(wd, anchor + timedelta(days=1), "future")
        return _span(ctx, c, "date", d.isoformat(), (d, d), f"{rel} {m.group('wd')}, {why}", "day")
    if m.group("mon"):
        month = MONTH_NAMES.index(m.group("mon").lower()) + 1
        y = anchor.year if rel == "this" else _month_year(month, anchor, "past" if rel == "last" else "future", True)
        interval = (date(y, month, 1), date(y, month, _month_last(y, month)))
        return _span(ctx, c, "date", f"{y}-{month:02d}", interval, f"{rel} {m.group('mon')}, {why}", "month")
    season = m.group("season").lower()
    y = _shift_season(season, anchor, rel)
    return _span(ctx, c, "date", f"{y}-{SEASON_CODES[season]}", _season_interval(season, y),
                 f"{rel} {season}, {why}", "season")


def _resolve_part_rel(ctx, c) -> TimeSpan:
    m = c.match
    part, unit = " ".join(m.group("part").lower().split()), m.group("unit").lower()
    rel = " ".join((m.group("rel") or "this").lower().replace("the ", "").split())
    anaphoric = rel in ("following", "previous", "same", "that")
    anchor, why = _anchor(ctx, c, anaphoric)
    if anchor is None:
        return _span(ctx, c, "date", None, None, f"{m.group(0)}: {why}")
    offset = {"that": 0, "same": 0}.get(rel, RELATIVE_OFFSETS.get(rel, 0))
    if unit in SEASON_MONTHS:
        y = _shift_season(unit, anchor, {"following": "next", "previous": "last", "coming": "next"}.get(rel, rel)
                          if rel in ("last", "next", "following", "previous", "coming") else "this")
        interval = _season_interval(unit, y)
        return _span(ctx, c, "date", f"{y}-{SEASON_CODES[unit]}", interval, f"{part} of {unit}, {why}", "season")
    whole, value, gran = _unit_interval(unit, anchor, offset)
    interval = _part_of(whole, part, unit)
    if part in ("earlier", "later") and unit == "year" and offset == 0 and ctx.reference:
        interval = (whole[0], anchor) if part == "earlier" else (anchor, whole[1])
    granularity = "part_of_year" if unit == "year" else gran
    if unit == "year" and part in ("first half", "second half"):
        value = f"{value}-H{1 if part == 'first half' else 2}"
    return _span(ctx, c, "date", value, interval, f"{part} of {rel} {unit}, {why}", granularity)


def _resolve_decade(ctx, c) -> TimeSpan:
    m = c.match
    if c.rule == "decade_word":
        d = DECADE_WORDS[m.group("dw").lower()]
        cent = 19
    elif m.group("cent"):
        cent, d = int(m.group("cent")), int(m.group("d"))
    else:
        d = int(m.group("d2"))
        ref_year = (ctx.reference or date(2000, 1, 1)).year
        cent = 20 if 2000 + d * 10 <= ref_year else 19
    start = cent * 100 + d * 10
    interval = (date(start, 1, 1), date(start + 9, 12, 31))
    if m.group("part"):
        interval = _part_of(interval, m.group("part"), "decade")
    return _span(ctx, c, "date", str(start // 10), interval, "a decade", "decade")


def _resolve_century(ctx, c) -> TimeSpan:
    m = c.match
    if c.rule == "rel_century":
        return _resolve_rel_unit(ctx, _Candidate(c.start, c.end, c.rule, re.match(
            r"(?:the\s+)?(?P<rel>this|last|next|past|previous)\s+(?P<unit>century)", m.group(0), re.I)))
    o = m.group("ord").lower()
    n = int(re.match(r"\d+", o).group(0)) if o[0].isdigit() else ORDINALS[" ".join(o.replace("-", " ").split())]
    c0 = (n - 1) * 100
    interval = (date(max(c0, 1), 1, 1), date(c0 + 99, 12, 31))
    if m.group("part"):
        interval = _part_of(interval, m.group("part"), "century")
    return _span(ctx, c, "date", f"{n - 1:02d}", interval, f"the {o} century", "century")


def _resolve_two_digit(ctx, c) -> TimeSpan:
    m = c.match
    yy = int(m.group("yy"))
    ref_year = (ctx.reference or date(2000, 1, 1)).year
    y = 2000 + yy if 2000 + yy <= ref_year + 10 else 1900 + yy
    c = _Candidate(m.start("yy") - 1, m.end(), c.rule, m)
    return _span(ctx, c, "date", str(y), (date(y, 1, 1), date(y, 12, 31)), f"'{yy:02d} read as {y}", "year")


def _resolve_deictic(ctx, c) -> TimeSpan:
    m = c.match
    word = m.group("word").lower() if "word" in m.groupdict() and m.group("word") else "today"
    if ctx.reference is None:
        return _span(ctx, c, "date", None, None, f"{word}: no reference date")
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    if c.rule == "this_tod" and m.group(0).lower().startswith("last") and m.group("tod").lower() == "night":
        offset = -1
    d = ctx.reference + timedelta(days=offset)
    tod = (m.group("tod") or ("night" if word == "tonight" else "")).lower()
    value = d.isoformat() + ({"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}.get(tod, "") and
                             "T" + {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[tod])
    return _span(ctx, c, "date", value, (d, d), f"{m.group(0).strip()}, from the reference date", "day")


def _resolve_weekday(ctx, c) -> TimeSpan:
    m = c.match
    if m.group(0).lower().rstrip().endswith("s") and not m.group("tod"):
        return _span(ctx, c, "set", f"XXXX-WXX-{WEEKDAYS.index(m.group('wd').lower()) + 1}", None, "a weekday in plural: a set")
    if not m.group("wd")[0].isupper():
        return None
    c = _Candidate(m.start("wd"), m.end(), c.rule, m)
    anchor, why = _anchor(ctx, c, False)
    if anchor is None:
        return _span(ctx, c, "date", None, None, f"{m.group('wd')}: {why}")
    direction = _tense_at(ctx, c.start)
    d = _weekday_date(WEEKDAYS.index(m.group("wd").lower()), anchor, direction)
    tod = (m.group("tod") or "").lower()
    value = d.isoformat() + ("T" + {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[tod] if tod else "")
    return _span(ctx, c, "date", value, (d, d),
                 f"{m.group('wd')}: the one {'after' if d > anchor else 'on or before'} the reference date "
                 f"({direction or 'no'} tense)", "day")


def _resolve_the_weekend(ctx, c) -> TimeSpan:
    """"the weekend": the one before the reference in a past sentence, else the coming one (the
    reference's own weekend when it falls on one)."""
    if ctx.reference is None:
        return _span(ctx, c, "date", None, None, "the weekend: no reference date")
    direction = _tense_at(ctx, c.start)
    saturday = _weekday_date(5, ctx.reference, "past" if direction == "past" else "future")
    if ctx.reference.weekday() >= 5:
        saturday = ctx.reference - timedelta(days=ctx.reference.weekday() - 5)
    interval, value, _ = _unit_interval("weekend", saturday, 0)
    return _span(ctx, c, "date", value, interval, f"the weekend ({direction or 'no'} tense) of the reference date", "week")


def _resolve_fixed(ctx, c) -> TimeSpan:
    kind = {"present": "present", "past": "past_ref", "future": "future_ref"}[c.rule]
    return _span(ctx, c, kind, {"present": "PRESENT_REF", "past": "PAST_REF", "future": "FUTURE_REF"}[c.rule], None,
                 f"{kind.replace('_', ' ')}: no calendar value")


def _resolve_set(ctx, c) -> TimeSpan:
    m = c.match
    raw = " ".join(m.group(0).lower().split())
    if c.rule == "set":
        value = lexicon()["sets"].get(raw) or next(v for k, v in lexicon()["sets"].items()
                                                   if re.fullmatch(re.escape(k).replace(r"\ ", r"\s+"), m.group(0), re.I))
    elif c.rule in ("set_times", "set_per"):
        value = f"P1{UNIT_CODES[m.group('unit').lower()]}"
    elif m.group("wd"):
        value = f"XXXX-WXX-{WEEKDAYS.index(m.group('wd').lower()) + 1}"
    elif m.group("mon"):
        value = f"XXXX-{MONTH_NAMES.index(m.group('mon').lower()) + 1:02d}"
    elif m.group("season"):
        value = f"XXXX-{SEASON_CODES[m.group('season').lower()]}"
    else:
        n = m.group("n")
        k = 2 if n and n.lower() == "other" else (_count(ctx, n) if n else 1)
        value = f"P{k}{UNIT_CODES[m.group('unit').lower().rstrip('s')]}"
    return _span(ctx, c, "set", value, None, "a recurrence: no single calendar value")


def _resolve_duration(ctx, c) -> TimeSpan:
    m = c.match
    unit = m.group("unit").lower()
    unit = "century" if unit == "centurie" else unit
    n = _count(ctx, m.group("n")) if "n" in m.groupdict() and m.group("n") else None
    if c.rule == "duration_past":
        n = 1
    text = m.group(0)
    lead = re.match(r"(?:(?:for|over|during|within|in|after|about|nearly|almost|some|around)\s+)?(?:the\s+)?", text, re.I)
    if c.rule != "duration_past" and not (m.groupdict().get("dur_rel")):
        c = _Candidate(c.start + lead.end(), c.end, c.rule, m)
    elif c.rule == "duration_past":
        c = _Candidate(c.start + len(re.match(r"(?:(?:over|during|in|for)\s*)?", text, re.I).group(0)), c.end, c.rule, m)
    else:
        c = _Candidate(c.start + len(re.match(r"(?:(?:for|over|during|within|in|after|about|nearly|almost|some|around)\s+)?",
                                              text, re.I).group(0)), c.end, c.rule, m)
    code = UNIT_CODES[unit]
    count = n if n is not None else "X"
    value = f"PT{count}{code[1]}" if code.startswith("T") else f"P{count}{code}"
    if unit == "fortnight" and n is not None:
        value = f"P{2 * n}W"
    return _span(ctx, c, "duration", value, None, "a duration: no calendar value")


def _resolve_fiscal(ctx, c) -> TimeSpan:
    y = int(c.match.group("y"))
    return _span(ctx, c, "date", f"FY{y}", (date(y, 1, 1), date(y, 12, 31)), "a fiscal year, read as the calendar year",
                 "year")


def _atom_value(atom, interval: tuple[date, date]) -> tuple[str, str]:
    s, e = interval
    raw = atom.raw.lower()
    if atom.kind == "day":
        return (s.isoformat(), "day") if s == e else (f"{s.isoformat()}/{e.isoformat()}", "range")
    if atom.kind == "month":
        return f"{s.year}-{s.month:02d}", "month"
    if atom.kind == "season":
        season = re.search(r"spring|summer|autumn|fall|winter", raw).group(0)
        return f"{e.year}-{SEASON_CODES[season]}", "season"
    if atom.kind == "part_of_year":
        season = re.search(r"spring|summer|autumn|fall|winter", raw)
        if season:
            return f"{e.year}-{SEASON_CODES[season.group(0)]}", "season"
        q = re.search(r"\bq([1-4])\b|(first|second|third|fourth|[1-4](?:st|nd|rd|th))\s+quarter", raw)
        if q:
            return f"{s.year}-Q{(s.month - 1) // 3 + 1}", "quarter"
        if re.search(r"half", raw):
            return f"{s.year}-H{1 if s.month == 1 else 2}", "part_of_year"
        return str(s.year), "part_of_year"
    if s.year == e.year:
        return str(s.year), "year"
    return f"{s.year}/{e.year}", "range"


def _resolve_holiday(ctx, c) -> TimeSpan:
    from extractors.time.atoms import Atom

    month, day = lexicon()["holidays"][" ".join(c.match.group("hol").lower().split())]
    c.atoms = [Atom("day", (None, month, day), (None, month, day), c.match.span(), c.match.group(0), False)]
    return _resolve_atom(ctx, c)


def _resolve_atom(ctx, c) -> TimeSpan:
    from extractors.time.atoms import _first_day, _last_day, _safe

    atom = c.atoms[0]
    inferred = False
    reason = "a calendar date as written"
    if atom.start[0] is None or atom.end[0] is None:
        reason, inferred = _fill_year(ctx, atom)
    if atom.start[0] is None or atom.end[0] is None:
        return _span(ctx, c, "date", None, None, f"{atom.raw.strip()}: no year given and no period or reference", atom.kind)
    s, e = _safe(_first_day, *atom.start), _safe(_last_day, *atom.end)
    if s is None or e is None or e < s:
        return _span(ctx, c, "date", None, None, f"{atom.raw.strip()}: not a calendar day", atom.kind)
    interval = (s, e)
    value, gran = _atom_value(atom, interval)
    if c.rule == "month_part":
        interval = _part_of(interval, c.match.group("part"), "month")
        gran = "month"
    return _span(ctx, c, "date", value, interval, reason, gran, inferred)


def _fill_year(ctx, atom) -> tuple[str, bool]:
    """A day, month or season without a year: from a neighbour in the same expression (done by the
    grouping), else the document's period (records.md), else the reference and the tense."""
    from extractors.time.atoms import _year_in_period

    if ctx.period is not None:
        year = _year_in_period(atom, ctx.period)
        why = f"year from the document's period {ctx.period.raw!r}"
    elif ctx.reference is not None and atom.kind in ("season", "part_of_year") and atom.start[1] != atom.end[1] \
            and re.search(r"spring|summer|autumn|fall|winter", atom.raw, re.I):
        direction = _tense_at(ctx, atom.span[0])
        year = _season_year(re.search(r"spring|summer|autumn|fall|winter", atom.raw, re.I).group(0).lower(),
                            ctx.reference, direction)
        why = f"the season nearest the reference date {ctx.reference.isoformat()} ({direction or 'no'} tense)"
    elif ctx.reference is not None:
        direction = _tense_at(ctx, atom.span[0])
        month = atom.start[1] if atom.kind != "day" else atom.start[1]
        year = _month_year(month, ctx.reference, direction)
        if direction == "past" and atom.kind == "day" and date(year, month, 1) == ctx.reference.replace(day=1):
            year = ctx.reference.year if (atom.start[2] or 1) <= ctx.reference.day else year - 1
        if direction == "past" and atom.kind == "month" and month == ctx.reference.month:
            year = ctx.reference.year
        why = f"year from the reference date {ctx.reference.isoformat()} ({direction or 'no'} tense)"
    else:
        return "no year", False
    wraps = atom.start[1] > atom.end[1]
    if atom.start[0] is None:
        atom.start = (year - 1 if wraps else year, *atom.start[1:])
    if atom.end[0] is None:
        atom.end = (year, *atom.end[1:])
    return why, True


def _share_years(text: str, cands: list[_Candidate]) -> None:
    """Atoms joined by a range or list word ("1 July – 30 September 2008", "March and May 2010")
    take a missing year from their neighbour, as `dates.normalise` does for a cell."""
    from extractors.time.atoms import _infer_years

    group: list[_Candidate] = []
    groups = []
    for c in cands:
        if c.rule not in ("atom", "month_part"):
            if group:
                groups.append(group)
            group = []
            continue
        if group and not re.fullmatch(r"\s*(?:-|–|—|to|until|till|through|and|&|or|/)?\s*(?:(?:the|in)\s+)?",
                                      text[group[-1].end:c.start], re.I):
            groups.append(group)
            group = []
        group.append(c)
    if group:
        groups.append(group)
    for g in groups:
        if len(g) > 1:
            _infer_years([c.atoms[0] for c in g], None)


RESOLVERS: dict[str, Callable] = {
    "ago": _resolve_ago, "rel_unit": _resolve_rel_unit, "unit_rel": _resolve_unit_rel, "rel_named": _resolve_rel_named,
    "part_rel": _resolve_part_rel, "part_rel2": _resolve_part_rel, "decade": _resolve_decade,
    "decade_word": _resolve_decade, "century": _resolve_century, "rel_century": _resolve_century,
    "two_digit_year": _resolve_two_digit, "deictic": _resolve_deictic, "this_tod": _resolve_deictic,
    "weekday": _resolve_weekday, "the_weekend": _resolve_the_weekend, "present": _resolve_fixed, "past": _resolve_fixed, "future": _resolve_fixed,
    "set": _resolve_set, "set_every": _resolve_set, "set_times": _resolve_set, "duration": _resolve_duration,
    "duration_plural": _resolve_duration, "duration_past": _resolve_duration, "fy": _resolve_fiscal,
    "atom": _resolve_atom, "month_part": _resolve_atom, "set_per": _resolve_set, "holiday": _resolve_holiday,
}


def find_times(text: str, reference: date | None = None, period: Period | None = None, *, tense: str | None = None,
               previous: TimeSpan | None = None) -> list[TimeSpan]:
    """Every time expression in `text`, in text order, normalised (see the module docstring)."""
    if not text or not text.strip():
        return []
    text = text.replace("ſ", "s")  # the long s of old prints (one character for one: spans hold)
    if reference is None and period is not None:
        reference = period.end
    ctx = _Context(text=text, reference=reference, period=period, tense=tense, previous=previous)
    atoms = _atom_candidates(text)
    _extend_parts(text, atoms)
    chosen = _select(atoms + _regex_candidates(text))
    _share_years(text, chosen)
    out: list[TimeSpan] = []
    for c in chosen:
        try:
            span = RESOLVERS[c.rule](ctx, c)
        except (ValueError, OverflowError, KeyError):  # "the 0th century", "300 centuries ago": off the calendar
            span = _span(ctx, c, "date", None, None, "outside the calendar this finder can count")
        if span is None or not span.text:
            continue
        out.append(span)
        if span.kind == "date" and span.interval is not None:
            ctx.previous = span
    return out


def date_spans(spans: list[TimeSpan]) -> list[TimeSpan]:
    """The spans with a calendar interval."""
    return [s for s in spans if s.kind == "date" and s.interval is not None]
