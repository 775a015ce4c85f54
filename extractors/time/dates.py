"""Temporal normaliser: time expressions as they appear in plans and reports -> calendar intervals.

Why hand-written rules and not only `dateparser`/`dateutil`: those parse one point in time.
They do not return intervals for spans ("29-30 August", "25 and 26th of October"), seasons
("fall of 2008"), parts of a year ("beginning of 2005", "mid-2005"), lists ("October 2008,
spring 2009") or ranges across years, and they fill a missing year from today's date, where
records.md wants it from the document's own period. `dateparser` is still used as the
fallback for single dates written in a shape the rules below do not know.

Every expression is read as a sequence of atoms (a day, a span of days, a month, a season, a
part of a year, a year); missing years are taken from a neighbouring atom or the document's
period; the result runs from the earliest start to the latest end.
"""
from __future__ import annotations

import re

from extractors.time.atoms import MONTH, YEAR, Atom, _first_day, _infer_years, _last_day, _safe, scan_atoms
from schemas.records import DateValue, Period


NULL_WORDS = re.compile(r"\b(yearly|annually|annual|ongoing|on-going|continuous(ly)?|tbd|tba|to be (decided|determined|confirmed)|"
                        r"permanent|regularly|as needed|when needed|n/?a|every (year|month|meeting))\b", re.I)


def normalise(text: str | None, period: Period | None = None, *, scan: bool = False) -> DateValue:
    """Normalise one time expression (a time-limit cell, an events-list date) to a DateValue.

    With scan=True the text is running prose and only its date atoms are read.
    """
    raw = " ".join((text or "").split())
    if not raw:
        return DateValue()
    atoms = scan_atoms(raw)
    if scan:
        atoms = _atoms_in_prose(raw, atoms, period)
    if not atoms:
        if not scan and NULL_WORDS.search(raw):
            return DateValue(raw=raw, granularity="none")
        parsed = None if scan else _dateparser_fallback(raw, period)
        return parsed or DateValue(raw=raw, granularity="none")
    inferred = _infer_years(atoms, period)
    starts, ends = [], []
    for a in atoms:
        if a.start[0] is None or a.end[0] is None:
            continue
        s, e = _safe(_first_day, *a.start), _safe(_last_day, *a.end)
        if s and e and s <= e:
            starts.append(s)
            ends.append(e)
    if not starts:
        return DateValue(raw=raw, granularity="none")
    kinds = {a.kind for a in atoms}
    granularity = "list" if len(atoms) > 1 else atoms[0].kind
    if len(atoms) == 2 and re.search(r"[-–—]|\bto\b|\buntil\b", raw[atoms[0].span[1]:atoms[1].span[0]]):
        granularity = "range"
    if granularity not in ("day", "month", "season", "part_of_year", "year", "range", "list"):
        granularity = kinds.pop() if len(kinds) == 1 else "list"
    return DateValue(start=min(starts), end=max(ends), raw=raw, granularity=granularity, source="record",
                     year_inferred=inferred)


def _atoms_in_prose(text: str, atoms: list[Atom], period: Period | None) -> list[Atom]:
    """The atoms the prose finder (extractors.time.timex) reads as calendar dates written out: ordinary
    words ("falling", "hot springs", "may be") and numbers ("2000 people") are dropped. Relative
    expressions ("last year") are not added here: they need a reference date, which the dates
    stage passes to `find_times` itself."""
    from extractors.time.timex import find_times

    written = [s.span for s in find_times(text, None, period) if s.rule in ("atom", "month_part")]
    def end(a: Atom) -> int:  # "3 May." : the month pattern takes an abbreviation's dot, the finder does not
        return a.span[1] - 1 if text[a.span[1] - 1: a.span[1]] == "." else a.span[1]

    return [a for a in atoms if any(s <= a.span[0] and end(a) <= e for s, e in written)]


def _dateparser_fallback(raw: str, period: Period | None) -> DateValue | None:
    if len(raw) > 40 or not re.search(r"\d", raw):
        return None
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a pinned dependency
        return None
    settings = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["month", "year"]}
    parsed = dateparser.parse(raw, languages=["en"], settings=settings)
    if parsed is None:
        return None
    d = parsed.date()
    return DateValue(start=d, end=d, raw=raw, granularity="day", source="record")


# "1 January – 31 December 2022", "1 July 2016 - 30 June 2017": a day may stand before either month
_DAY_BEFORE = r"(?:(?<![\d.])[0-3]?\d(?:st|nd|rd|th)?\.?\s+)?"
PERIOD_RE = re.compile(
    _DAY_BEFORE + MONTH.format(n="m1") + r"\s*" + YEAR.format(n="y1").replace("{{2}}", "{2}") + r"\s*(?:-|–|—|to)\s*"
    + _DAY_BEFORE + MONTH.format(n="m2") + r"\s*" + YEAR.format(n="y2").replace("{{2}}", "{2}"), re.I)
MONTH_SPAN_RE = re.compile(
    _DAY_BEFORE + MONTH.format(n="m1") + r"\s*(?:-|–|—|to)\s*" + _DAY_BEFORE + MONTH.format(n="m2") + r"\s*"
    + YEAR.format(n="y2").replace("{{2}}", "{2}"), re.I)
YEAR_PERIOD_RE = re.compile(r"(?<!\d)(?P<y1>(?:19|20)\d{2})\s*(?:-|–|—|/)\s*(?P<y2>(?:19|20)\d{2})(?!\d)")


def find_period(texts: list[str]) -> Period | None:
    """The document's own period: the first "Month YYYY – Month YYYY" of at most two years,
    or "Month – Month YYYY", else the first "YYYY-YYYY" of at most two years."""
    for pattern in (PERIOD_RE, MONTH_SPAN_RE, YEAR_PERIOD_RE):
        for text in texts:
            for m in pattern.finditer(text):
                value = normalise(m.group(0))
                if value.start and value.end and (value.end - value.start).days <= 2 * 366 + 31:
                    return Period(start=value.start, end=value.end, raw=m.group(0))
    return None


def within_period(value: DateValue, period: Period | None) -> DateValue:
    """A record that states no time takes its document's period (records.md)."""
    if value.start is not None or period is None:
        return value
    return DateValue(start=period.start, end=period.end, raw=value.raw, granularity="period", source="document_period")


# "March 3rd to 5th 2010", "June 9-11, 2015": month-first day ranges, rewritten day-first so the
# atoms read one span of days ("3rd to 5th March 2010"), not a day and a stray year.
MONTH_FIRST_RANGE = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*"
    r"(?P<sep>-|–|to|and|until)\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?P<year>,?\s+(?:19|20)\d{2})?\b", re.I)
# A page's date stamp before the text ("12/05/2011 - On 3 and 4 May ...", "2019-03-14 | ..."):
# the day the page was posted, not the day the record tells of.
DATE_STAMP = re.compile(r"^\s*(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})\s*(?:[-–|:]|\s)\s*")
# A year or span of years right after the name of a document or term ("Action Plan 2021-2026",
# "a mandate for 2015 - 2019", "the annual report for 2012-2013") names that thing's period.
NAMED_PERIOD = re.compile(r"\b(?:plan|strategy|programme|program|mandate|report|period|agenda|framework|budget|"
                          r"presidency|chairmanship|term)s?\s+(?:for\s+(?:the\s+)?(?:years?\s+)?)?$", re.I)


def month_first_ranges(text: str) -> str:
    def day_first(m: re.Match) -> str:
        year = (m.group("year") or "").replace(",", "")
        return f"{m.group('d1')}-{m.group('d2')} {m.group('month')}{year}"
    return MONTH_FIRST_RANGE.sub(day_first, text)


def record_time(text: str, reference: Period | None) -> DateValue:
    """The time a prose record states for itself (records.md: the record's own date, not a date
    it names). Over `normalise(scan=True)` it drops: a page's date stamp when the text has its own
    date; years that name a plan's, mandate's or report's period; and, when a day, month or
    season is stated, bare years beside it ("On 4 March 2021 ... its Action Plan 2021-2026")."""
    text = month_first_ranges(" ".join((text or "").split()))
    stamp = DATE_STAMP.match(text)
    if stamp and normalise(text[stamp.end():], reference, scan=True).start is not None:
        text = text[stamp.end():]
    value = normalise(text, reference, scan=True)
    if value.start is None:
        return value
    atoms = _atoms_in_prose(text, scan_atoms(text), reference)
    named = [a for a in atoms if a.kind == "year" and NAMED_PERIOD.search(text[max(0, a.span[0] - 40): a.span[0]])]
    precise = [a for a in atoms if a.kind in ("day", "month", "season", "part_of_year")]
    keep = [a for a in atoms if a not in named and (a.kind != "year" or not precise)]
    if not keep or len(keep) == len(atoms):
        return value
    cut = " ; ".join(text[a.span[0]: a.span[1]] for a in keep)
    narrowed = normalise(cut, reference)
    return narrowed.model_copy(update={"raw": value.raw}) if narrowed.start is not None else value


def ends_before(text: str, period: Period | None) -> bool:
    """Does the time a text states for itself end before the period begins?"""
    if period is None or period.start is None:
        return False
    own = record_time(text, period)
    return own.end is not None and own.end < period.start


def dates_itself(text: str, period: Period | None) -> bool:
    """Does the text state a time of its own, to the year or closer ("in Kraków in November 2007",
    "in 2018")? A plan's dated account of what happened before it is a record of that past."""
    own = record_time(text, period)
    return own.start is not None and own.granularity in ("day", "month", "range", "list", "year", "season",
                                                         "part_of_year")


def tidy_ordinals(text: str) -> str:
    """"13 th to 15 th of June" (a transcript's split ordinals) -> "13th to 15th of June"."""
    return re.sub(r"(\d)\s+(st|nd|rd|th)\b", r"\1\2", text)
