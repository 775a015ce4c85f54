"""Calendar atoms: a day, a span of days, a month, a season, a part of a year, a year, as written
("8 September", "29-30 August", "fall of 2008", "mid-2005") -> (year, month, day) bounds.

One reading for table cells (`dates.normalise`) and prose (`timex.find_times`); their own module
so that dates can ask timex which atoms prose accepts, and timex can read dates' atoms, without the
two importing each other. Missing years come from a neighbouring atom or the document's period.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from schemas.records import Period

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
# records.md: beginning/early -> January-April, mid/middle -> May-August, end/late -> September-December
PARTS = {"beginning": (1, 4), "start": (1, 4), "early": (1, 4), "first half": (1, 6), "mid": (5, 8),
         "middle": (5, 8), "second half": (7, 12), "end": (9, 12), "late": (9, 12)}
QUARTERS = {"1": (1, 3), "2": (4, 6), "3": (7, 9), "4": (10, 12), "first": (1, 3), "second": (4, 6),
            "third": (7, 9), "fourth": (10, 12)}

ROMAN_QUARTERS = {"I": "1", "II": "2", "III": "3", "IV": "4"}  # "II quarter of 2010", as Baltic reports write it

MONTH = r"(?P<{n}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
ORD = r"(?:st|nd|rd|th)?\.?"
DAY = r"(?P<{n}>[0-3]?\d)" + ORD
YEAR = r"(?P<{n}>(?:19|20)\d{{2}})"
DASH = r"\s*(?:-|–|—|to|until|till|and|&)\s*"


ATOM_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    # year first with dots or spaces, as Lithuanian and Hungarian write it: "2012.11.29", "2012 10 04", "2012 02 21-22"
    ("ymd_numeric", re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d{2})([. ])(?P<m>[01]\d)\2(?P<d>[0-3]\d)"
                               r"(?:\s*[-–]\s*(?P<d2>[0-3]\d))?(?![\d])")),
    ("dmy_numeric", re.compile(r"\b(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d{2})\b")),
    ("day_span", re.compile(
        r"(?<![\d.])" + DAY.format(n="d1") + DASH + r"(?:the\s+)?" + DAY.format(n="d2") + r"\s*(?:of\s+)?" + MONTH.format(n="m")
        + r"(?:\s*,?\s*" + YEAR.format(n="y").replace("{{2}}", "{2}") + r")?", re.I)),
    ("day", re.compile(
        r"(?<![\d.])" + DAY.format(n="d") + r"\s*(?:of\s+)?" + MONTH.format(n="m")
        + r"(?:\s*,?\s*" + YEAR.format(n="y").replace("{{2}}", "{2}") + r")?", re.I)),
    ("month_day", re.compile(
        MONTH.format(n="m") + r"\s+" + DAY.format(n="d") + r"(?!\d)(?:\s*,?\s*" + YEAR.format(n="y").replace("{{2}}", "{2}") + r")?", re.I)),
    ("quarter", re.compile(
        r"\b(?:q(?P<q>[1-4])|(?P<qw>first|second|third|fourth|[1-4](?:st|nd|rd|th)|I{1,3}|IV)\s+quarter)\s*(?:of\s+)?(?P<y>(?:19|20)\d{2})?", re.I)),
    ("part", re.compile(
        r"\b(?P<part>beginning|start|early|first half|second half|middle|mid|end|late)\b(?:\s+of)?(?:\s+the)?(?:\s+year)?\s*-?\s*"
        r"(?:(?P<season>spring|summer|autumn|fall|winter)\s*(?:of\s+)?)?(?P<y>(?:19|20)\d{2})?(?!\d)", re.I)),
    ("season", re.compile(
        r"\b(?P<season>spring|summer|autumn|fall|winter)\b(?:\s+(?:term|semester))?\s*(?:of\s+)?(?:(?P<y>(?:19|20)\d{2})(?:\s*/\s*(?P<y2>\d{2,4}))?)?(?!\d)", re.I)),
    ("month", re.compile(r"\b" + MONTH.format(n="m") + r"(?:\s*,?\s*" + YEAR.format(n="y").replace("{{2}}", "{2}") + r")?(?![\w])", re.I)),
    ("year_span", re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d{2})\s*(?:-|–|—|/)\s*(?P<y2>(?:19|20)?\d{2})(?![\d/-]|\.\d)")),
    ("year", re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d{2})(?![\d/-]|\.\d|\s*(?:children|participants|persons|people))")),
]
# "Feb/Mar 2017", "Sep-Oct 2015": an abbreviation joined to the next month is a month too
NEXT_MONTH = re.compile(r"\s*(?:/|-|–|—|\bto\b|\band\b|\bor\b)\s*" + MONTH.format(n="m2") + r"(?:\s*,?\s*\d{4})", re.I)
# "may" is a month only next to a day or a year: "may be invited" is not a date.
DOTTED_MONTHS = {"feb", "apr", "aug", "sep", "sept", "oct", "nov", "dec"}  # "Jan." and "Mar." can be names
AMBIGUOUS_MONTHS = {"may", "mar", "jun", "jul", "dec", "oct", "nov", "sep", "aug", "jan", "feb", "apr", "sept", "march"}


@dataclass
class Atom:
    kind: str
    start: tuple[int | None, int, int | None]  # (year, month, day or None = whole month)
    end: tuple[int | None, int, int | None]
    span: tuple[int, int]
    raw: str
    year_given: bool


def _month(text: str) -> int:
    return MONTHS[text.casefold().rstrip(".")]  # casefold, as the patterns' re.I: "ſeptember" (long s) is September


def _atom(kind: str, m: re.Match) -> Atom | None:
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") else None
    span, raw = m.span(), m.group(0)
    if kind in ("iso", "dmy_numeric", "ymd_numeric"):
        month, day = int(g["m"]), int(g["d"])
        last = int(g["d2"]) if g.get("d2") else day
        if not 1 <= month <= 12 or not 1 <= day <= last <= 31:
            return None
        return Atom("day", (y, month, day), (y, month, last), span, raw, True)
    if kind == "day_span":
        month, d1, d2 = _month(g["m"]), int(g["d1"]), int(g["d2"])
        if not (1 <= d1 <= 31 and 1 <= d2 <= 31) or d2 < d1:
            return None
        return Atom("day", (y, month, d1), (y, month, d2), span, raw, y is not None)
    if kind in ("day", "month_day"):
        month, day = _month(g["m"]), int(g["d"])
        if not 1 <= day <= 31:
            return None
        return Atom("day", (y, month, day), (y, month, day), span, raw, y is not None)
    if kind == "quarter":
        key = g.get("q") or ROMAN_QUARTERS.get((g.get("qw") or "").upper()) or (g.get("qw") or "").casefold()
        key = key if key in QUARTERS else re.sub(r"(st|nd|rd|th)$", "", key)
        first, last = QUARTERS[key]
        return Atom("part_of_year", (y, first, None), (y, last, None), span, raw, y is not None)
    if kind == "part":
        if g.get("season"):
            first, last = SEASONS[g["season"].casefold()]
        else:
            if y is None:
                return None  # "end of the meeting" is no date
            first, last = PARTS[g["part"].casefold()]
        return Atom("part_of_year", (y, first, None), (y, last, None), span, raw, y is not None)
    if kind == "season":
        first, last = SEASONS[g["season"].casefold()]
        if g.get("y2") and y is not None:  # "winter 2008/09"
            return Atom("season", (y, first, None), (y + 1, last, None), span, raw, True)
        if first > last:  # winter: December of the year before to February
            return Atom("season", (None if y is None else y - 1, first, None), (y, last, None), span, raw, y is not None)
        return Atom("season", (y, first, None), (y, last, None), span, raw, y is not None)
    if kind == "month":
        word = g["m"].casefold().rstrip(".")
        if y is None and (word in AMBIGUOUS_MONTHS and word not in ("march",) or len(word) <= 4 and word != "june"):
            # a capitalised "May" alone is the month; prose callers check it has a time cue ("in May");
            # so is an abbreviation written with its full stop ("In Sept. the group ...", "in Oct.")
            if word not in ("june", "july", "march", "april", "august") and raw.rstrip(".") != "May" \
                    and not (word in DOTTED_MONTHS and raw[:1].isupper() and raw.endswith(".")
                             and not re.match(r"\s*\d", m.string[m.end():])) \
                    and not (raw[:1].isupper() and NEXT_MONTH.match(m.string[m.end():])):  # "Dec. 5" is a day
                return None
        if y is None and word == "march" and not raw[0].isupper():
            return None  # "march" the verb
        month = _month(word)
        return Atom("month", (y, month, None), (y, month, None), span, raw, y is not None)
    if kind == "year_span":
        y2 = g["y2"]
        y2v = int(y2) if len(y2) == 4 else (y // 100) * 100 + int(y2)
        if not y <= y2v <= y + 30:
            return None
        return Atom("year", (y, 1, None), (y2v, 12, None), span, raw, True)
    if kind == "year":
        return Atom("year", (y, 1, None), (y, 12, None), span, raw, True)
    return None


# What each pattern cannot match (or cannot make an atom of) without: a digit, a month's name, a
# season's. Most texts scanned are prose with neither (two thirds on the bench's PDFs): one cheap
# search each decides which patterns can find anything, instead of running all eleven. The tests
# are the patterns' own words under the same flags (`\d` is Unicode's, re.I folds as they do), so
# a pattern skipped would have found no atom; the order of the patterns run is unchanged.
_DIGIT = re.compile(r"\d")
_MONTH_WORD = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.I)
_SEASON_WORD = re.compile(r"spring|summer|autumn|fall|winter", re.I)
_QUARTER_WORD = re.compile(r"quarter", re.I)
_NEEDS = {  # kind -> which of (digit, month, season, quarter) it needs: all of a tuple, any of the tuples
    "iso": (("digit",),), "ymd_numeric": (("digit",),), "dmy_numeric": (("digit",),), "year_span": (("digit",),), "year": (("digit",),),
    "day_span": (("digit", "month"),), "day": (("digit", "month"),), "month_day": (("digit", "month"),),
    "quarter": (("digit",), ("quarter",)),  # "Q3", or "third quarter"
    "part": (("digit",), ("season",)),  # "end of 2008", "early spring"; "end of the meeting" is no atom
    "season": (("season",),), "month": (("month",),),
}


_RUNNABLE: dict[tuple[bool, ...], list[tuple[str, re.Pattern]]] = {}  # which words a text has -> patterns to run


# The same four answers by plain substring tests, a text's lower case searched for each word: re.I
# matches a letter of these words exactly where str.lower gives that letter, but for three
# characters (dotted and dotless I as "i", the long s as "s": a text with one takes the searches;
# checked over every code point, tests/unit/test_unit_speed9.py); an ASCII digit is a `\d`, a text
# of ASCII only has no other, and only a text with other characters needs the search to find none.
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")  # _MONTH_WORD's
_SEASON_NAMES = ("spring", "summer", "autumn", "fall", "winter")  # _SEASON_WORD's
_UNFOLDED = ("\u0130", "\u0131", "\u017f")  # İ, ı, ſ


def _words_key(text: str) -> tuple[bool, bool, bool, bool]:
    """(digit, month, season, quarter): whether _DIGIT, _MONTH_WORD, _SEASON_WORD, _QUARTER_WORD
    (or a digit, for the quarter) find anything in the text."""
    ascii_only = text.isascii()
    if not ascii_only and any(ch in text for ch in _UNFOLDED):
        digit = _DIGIT.search(text) is not None
        return (digit, _MONTH_WORD.search(text) is not None, _SEASON_WORD.search(text) is not None,
                digit or _QUARTER_WORD.search(text) is not None)
    digit = any(d in text for d in "0123456789") or (not ascii_only and _DIGIT.search(text) is not None)
    low = text.lower()
    return (digit, any(m in low for m in _MONTH_NAMES), any(w in low for w in _SEASON_NAMES),
            digit or "quarter" in low)


def _runnable(text: str) -> list[tuple[str, re.Pattern]]:
    key = _words_key(text)
    patterns = _RUNNABLE.get(key)
    if patterns is None:
        has = dict(zip(("digit", "month", "season", "quarter"), key))
        patterns = _RUNNABLE[key] = [(kind, pattern) for kind, pattern in ATOM_PATTERNS
                                     if any(all(has[n] for n in need) for need in _NEEDS.get(kind, ((),)))]  # unknown: run
    return patterns


def scan_atoms(text: str) -> list[Atom]:
    """All date atoms in the text, longest first, none overlapping, in text order."""
    text = text.replace("ſ", "s")  # the long s of old prints: "ſeptember" (one character for one: spans hold)
    taken: list[tuple[int, int]] = []
    atoms: list[Atom] = []
    for kind, pattern in _runnable(text):
        for m in pattern.finditer(text):
            s, e = m.span()
            if e <= s or any(s < te and ts < e for ts, te in taken):
                continue
            atom = _atom(kind, m)
            if atom is None:
                continue
            taken.append((s, e))
            atoms.append(atom)
    atoms.sort(key=lambda a: a.span[0])
    return atoms


def _first_day(y: int, m: int, d: int | None) -> date:
    return date(y, m, d or 1)


def _last_day(y: int, m: int, d: int | None) -> date:
    return date(y, m, d or calendar.monthrange(y, m)[1])


def _safe(fn, *args) -> date | None:
    try:
        return fn(*args)
    except ValueError:
        return None


def _infer_years(atoms: list[Atom], period: Period | None) -> bool:
    """Fill missing years from a neighbour in the expression, else from the document's period."""
    inferred = False
    for i, atom in enumerate(atoms):
        if atom.start[0] is not None and atom.end[0] is not None:
            continue
        wraps = atom.start[1] > atom.end[1]  # winter: December to February
        # the year found is the atom's last month's ("winter - spring 2009": February 2009), so a
        # winter is compared with its neighbour by that month
        month = atom.end[1] if wraps else atom.start[1]
        year = None
        later = next((a for a in atoms[i + 1:] if a.year_given), None)
        earlier = next((a for a in reversed(atoms[:i]) if a.year_given), None)
        if later is not None:
            year = later.start[0] if month <= later.start[1] or later.start[0] is None else later.start[0] - 1
            year = year if year is not None else later.end[0]
        elif earlier is not None:
            year = earlier.end[0] if month >= earlier.end[1] else earlier.end[0] + 1
        elif period is not None:
            year = _year_in_period(atom, period)
            inferred = True
        if year is None:
            continue
        if atom.start[0] is None and atom.end[0] is None:
            atom.start = (year - 1 if wraps else year, *atom.start[1:])
            atom.end = (year, *atom.end[1:])
        elif atom.start[0] is None:
            atom.start = (atom.end[0] - (1 if atom.start[1] > atom.end[1] else 0), *atom.start[1:])
        else:
            atom.end = (year, *atom.end[1:])
    return inferred


def _year_in_period(atom: Atom, period: Period) -> int:
    """The year that puts the atom inside the document's period (or nearest to it)."""
    best, best_distance = period.start.year, None
    for year in range(period.start.year, period.end.year + 1):  # records.md: the year is the period's
        wraps = atom.start[1] > atom.end[1]
        s = _safe(_first_day, year - 1 if wraps else year, atom.start[1], atom.start[2])
        e = _safe(_last_day, year, atom.end[1], atom.end[2])
        if s is None or e is None:
            continue
        distance = max((period.start - s).days, 0) + max((e - period.end).days, 0)
        if best_distance is None or distance < best_distance:
            best, best_distance = year, distance
    return best
