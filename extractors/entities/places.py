"""Places and countries: an event's "date, place:" prefix, cities named in text, member-state cells."""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.time.dates import scan_atoms
from extractors.time.dates_i18n import event_date_end, normalise_multilingual
from extractors.entities.registry import Registry
from schemas.records import DateValue, Period

PLACE_END = re.compile(r"\s*(?::\s*[,\-–—]?|\s[–—-]\s)\s*")


@dataclass
class EventEntry:
    date_raw: str
    date: DateValue
    place_raw: str | None
    city: str | None
    country: str | None
    text: str
    text_offset: int  # where the event's own words start in the entry


def split_event_entry(entry: str, period: Period | None, registry: Registry) -> EventEntry | None:
    """`29-30 August, Stockholm: Planning ...` -> its date, place and own text; None if not an entry.

    Takes the shapes reports use: `20-21 September: Helsinki: ...`, `30 March. Stockholm: ...`,
    `7-10 March, Tallinn, Estonia: ...`, `12.–13. March 2009, Tallinn – ...`, `8 September: ...`.
    """
    head = entry[:80]
    atoms = [a for a in scan_atoms(head) if a.kind == "day"]
    english_end = atoms[0].span[1] if atoms and atoms[0].span[0] <= 3 else None
    date_end = event_date_end(head, english_end)  # "29-30 августа", "3. Oktober": extractors/time/dates_i18n.py
    if date_end is None:
        return None
    date_raw = entry[: date_end].strip()
    rest = entry[date_end:]
    m = re.match(r"\s*[,.:;]?\s*", rest)
    after = rest[m.end():]
    consumed = date_end + m.end()
    place_raw = None
    sep = PLACE_END.search(after[:70])
    if rest[: m.end()].strip() == ":" and not (sep and _looks_like_place(after[: sep.start()], registry)):
        text_start = consumed  # "8 September: Presenting ..." has no place
    elif sep and _looks_like_place(after[: sep.start()], registry):
        place_raw = after[: sep.start()].strip(" ,")
        text_start = consumed + sep.end()
    else:
        return None
    text = entry[text_start:]
    lead = re.match(r"[\s,;:.\-–—]*", text)
    text_start += lead.end()
    city, country = locate(place_raw, registry) if place_raw else (None, None)
    return EventEntry(date_raw=date_raw, date=normalise_multilingual(date_raw, period), place_raw=place_raw, city=city,
                      country=country, text=entry[text_start:].strip(), text_offset=text_start)


PLACE_FIRST = re.compile(r"^\s*(?P<place>[^\W\d_][\w’'.-]*(?:\s[^\W\d_][\w’'.-]*){0,2})\s*,\s*")
DATE_END = re.compile(r"\s*(?:[–—-]|:)\s*")


def split_place_first_entry(entry: str, period: Period | None, registry: Registry) -> EventEntry | None:
    """`Riga, 3. November 2016 – Treffen ...`, `Ryga, 2016 m. lapkričio 3 d. – ...`: an entry whose
    place comes before its date, the date then a dash or colon; None if not such an entry."""
    m = PLACE_FIRST.match(entry)
    if not m or not _looks_like_place(m.group("place"), registry):
        return None
    rest = entry[m.end():]
    atoms = [a for a in scan_atoms(rest[:60]) if a.kind == "day"]
    english_end = atoms[0].span[1] if atoms and atoms[0].span[0] == 0 else None
    date_end = event_date_end(rest[:60], english_end)
    sep = DATE_END.match(rest, date_end) if date_end else None
    if sep is None or not rest[sep.end():].strip():
        return None
    date_raw = rest[:date_end].strip()
    place_raw = m.group("place").strip()
    city, country = locate(place_raw, registry)
    text_offset = m.end() + sep.end()
    return EventEntry(date_raw=date_raw, date=normalise_multilingual(date_raw, period), place_raw=place_raw, city=city,
                      country=country, text=entry[text_offset:].strip(), text_offset=text_offset)


def _looks_like_place(segment: str, registry: Registry) -> bool:
    segment = segment.strip(" ,")
    if not segment or len(segment.split()) > 6:
        return False
    if any(registry.city(p) or registry.state(p) for p in re.split(r"[,\s]+", segment) if p):
        return True
    return all(w[:1].isupper() for w in re.split(r"[,\s]+", segment) if w)


def locate(place: str, registry: Registry) -> tuple[str | None, str | None]:
    """(city, state code) of a place segment: `Tallinn, Estonia`, `Haarlem Netherlands`, `Finland`."""
    parts = [p for p in re.split(r"\s*,\s*", place) if p]
    words = place.replace(",", " ").split()
    for n in (3, 2, 1):  # the longest known city name in the segment
        for i in range(len(words) - n + 1):
            hit = registry.city(" ".join(words[i:i + n]))
            if hit:
                return hit
    for part in parts:
        code = registry.state(part)
        if code:
            return (None if len(parts) == 1 else parts[0]) or registry.states[code].name, code
    return (parts[0] if parts else None), None


# A city that names a treaty, a declaration or a body is no place of the record: "the Bonn
# Agreement", "the Kirkenes Declaration", "the Helsinki Commission".
NAMED_AFTER_CITY = re.compile(r"(?:Agreement|Convention|Declaration|Process|Principles|Commission|Statement|"
                              r"Communiqu[eé]|Protocol|Charter|Guidelines|Recommendations?|Strategy|Accord|Treaty)$")


def city_in_text(text: str, registry: Registry) -> tuple[str, str] | None:
    """The first known city a text names (`Conference in Moscow`)."""
    for m in re.finditer(r"\b[A-ZÅÄÖ][\w’'.-]+(?:\s[A-Z][\w.-]+)?", text):
        words = m.group(0).split()
        if len(words) == 2 and NAMED_AFTER_CITY.match(words[1]):
            continue
        for cand in (m.group(0), *words):  # "In Riga": the second word
            hit = registry.city(cand)
            if hit:
                return hit
    return None


def countries_from_cell(cell: str, registry: Registry) -> list[str]:
    """`All + Ukraine and Belarus` -> [ALL, UA, BY]; `LV` -> [LV]; `3 – 4 countries` -> []."""
    cell = " ".join(re.sub(r"[_|]", " ", cell or "").split())  # "_" and "|": a scan's specks and rules
    if not cell:
        return []
    codes: list[str] = []
    # "All", "All member states" (a scan may glue them: "Allmember states"); what follows names
    # the other states even when OCR lost the "+" between ("All Ukraine and Belarus")
    every = re.match(r"^all(?:\s*(?:cbss\s+)?member\s+states|\s+countries|\s+11(?: member states| countries)?)?\b", cell, re.I)
    if every:
        codes.append("ALL")
        cell = cell[every.end():]
    for part in re.split(r"\s*(?:,|\+|&|/|;|\band\b)\s*", cell):
        part = part.strip(" .")
        code = registry.state(part) if part else None
        if code and code not in codes:
            codes.append(code)
    return codes


def countries_in_text(text: str, registry: Registry) -> list[str]:
    """States a text names: names, adjectives (`Swedish experts`) and the codes documents use."""
    codes: list[str] = []
    for m in re.finditer(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\b|\b[A-Z]{2}\b", text):
        code = registry.state(m.group(0)) or registry.state(m.group(0), adjectives=True)
        if code is None and " " in m.group(0):
            first = m.group(0).split()[0]
            code = registry.state(first) or registry.state(first, adjectives=True)
        if code and code not in codes:
            codes.append(code)
    return codes
