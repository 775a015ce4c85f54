"""Project months ("M20", "months 13-18", "in month 14") as calendar months.

Reports and work plans of funded projects count time in months of the project: M1 is the month
the project started. The document says which month that was, in one of three ways: "started on
1 October 2017 (M1)"; a reporting period beside its project months ("1 October 2018 - 31 March
2019 (project months 13-18)"); or "The project started on 1 September 2016". Without such a
statement a project month stays undated: its calendar month is not guessed.

Neither dateparser nor the atoms of `dates.py` know project months (they are a count, not a
date), so they are rewritten as month names before the date rules read a text.
"""
from __future__ import annotations

import re
from datetime import date

from extractors.time.atoms import scan_atoms

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

# "M20", "M19-M21", "M25-M36", "month 14", "months 13-18", "project months 13-18"
PROJECT_MONTH = re.compile(r"\b(?:(?:project\s+)?months?\s+|M)(?P<a>\d{1,2})"
                           r"(?:\s*[-–]\s*(?:M|months?\s+)?(?P<b>\d{1,2}))?\b(?![.,]\d)")
M1_MARK = re.compile(r"\(\s*(?:M|month\s+)1\s*\)|\bM1\s*[=:]|\bmonth\s+1\s*[=:(]", re.I)
PROJECT_START = re.compile(r"\b(?:project|action|programme)\s+(?:started|start(?:ed)?\s+date|began|was\s+launched|"
                           r"start)\s*(?:on|in|:)?\s*", re.I)
MAX_MONTH = 120  # a project of ten years; a larger number is no project month


def _month_of(text: str) -> date | None:
    """The month of the first date in the text that names its month and year."""
    for atom in scan_atoms(text):
        year, month, _ = atom.start
        if atom.kind in ("day", "month") and year is not None and atom.year_given and 1 <= month <= 12:
            return date(year, month, 1)
    return None


def _shift(first: date, months: int) -> date:
    n = first.year * 12 + first.month - 1 + months
    return date(n // 12, n % 12 + 1, 1)


def project_start(text: str) -> date | None:
    """The calendar month of M1, where the document states it."""
    for line in text.splitlines():
        mark = M1_MARK.search(line)
        if mark:  # "The project started on 1 October 2017 (M1)" / "M1 = October 2017"
            written_after = line[mark.start(): mark.end()].rstrip().endswith(("=", ":", "("))
            found = _month_of(line[mark.end():]) if written_after else _month_of(line[max(0, mark.start() - 40): mark.start()])
            if found:
                return found
        months = PROJECT_MONTH.search(line)
        if months and "months" in months.group(0).lower() and months.group("b"):
            # "1 October 2018 - 31 March 2019 (project months 13-18)": the period's first month is the first one named
            first = _month_of(line[: months.start()])
            if first is not None:
                return _shift(first, 1 - int(months.group("a")))
    for m in PROJECT_START.finditer(text):  # "The project started on 1 September 2016"
        first = _month_of(text[m.end(): m.end() + 30])
        if first is not None:
            return first
    return None


def in_calendar_months(text: str, start: date | None) -> str:
    """The text with its project months written as calendar months ("due M20" -> "due May 2019")."""
    if start is None or not PROJECT_MONTH.search(text):
        return text

    def month_name(n: int) -> str:
        d = _shift(start, n - 1)
        return f"{MONTHS[d.month - 1]} {d.year}"

    def repl(m: re.Match) -> str:
        a, b = int(m.group("a")), int(m.group("b")) if m.group("b") else None
        if not 1 <= a <= MAX_MONTH or b is not None and not a <= b <= MAX_MONTH:
            return m.group(0)
        return month_name(a) if b is None else f"{month_name(a)} - {month_name(b)}"

    return PROJECT_MONTH.sub(repl, text)
