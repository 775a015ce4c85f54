"""Records: what the pipeline extracts, validated before anything is stored."""
from __future__ import annotations

import hashlib
from datetime import date
from enum import Enum
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from schemas.document import Provenance

# The one theme vocabulary across the years (spec/themes.md).
THEME_IDS = (
    "sexual_exploitation",
    "online_exploitation",
    "trafficking",
    "migration",
    "alternative_care",
    "street_children",
    "young_offenders",
    "child_friendly_justice",
    "violence_prevention",
    "early_intervention",
    "child_rights",
    "governance",
)
ThemeId = Literal[
    "sexual_exploitation", "online_exploitation", "trafficking", "migration", "alternative_care",
    "street_children", "young_offenders", "child_friendly_justice", "violence_prevention",
    "early_intervention", "child_rights", "governance",
]


class RecordKind(str, Enum):
    activity = "activity"
    event = "event"


class ActorRole(str, Enum):
    responsible = "responsible"
    funder = "funder"
    partner = "partner"
    participant = "participant"
    organiser = "organiser"


class Period(BaseModel):
    """A document's own period, e.g. a plan for July 2008 - June 2009."""

    start: date
    end: date
    raw: str

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.end < self.start:
            raise ValueError(f"period ends before it starts: {self.raw!r}")
        return self


class DateValue(BaseModel):
    """A normalised time expression: the calendar interval plus what it was read from."""

    start: date | None = None
    end: date | None = None
    raw: str | None = None
    granularity: Literal["day", "month", "season", "part_of_year", "year", "range", "list", "period", "none"] = "none"
    source: Literal["record", "heading", "document_period", "none"] = "none"
    year_inferred: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> "DateValue":
        if (self.start is None) != (self.end is None):
            raise ValueError("a date interval needs both ends or neither")
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"date interval ends before it starts: {self.raw!r}")
        return self


class ActorLink(BaseModel):
    name: str = Field(min_length=1)  # canonical name (as of the document's date) or as written
    entity_id: str | None = None  # registry id: the same body across renames
    as_written: str
    role: ActorRole
    source_field: str  # which cell or part of the text named it (responsible, partners, funding, text ...)
    kind: str = "organisation"  # body | unit | network | state | organisation | person | role
    reason: str = ""


class ThemeAssignment(BaseModel):
    theme: ThemeId
    source: Literal["legend", "document", "section", "words"]
    reason: str


_COUNTRY_CODE = r"^(ALL|[A-Z]{2})$"


class Record(BaseModel):
    """One activity (a plan's commitment) or event (something a report says happened)."""

    doc: str = Field(min_length=1)
    kind: RecordKind
    text: str = Field(min_length=3)
    date: DateValue = Field(default_factory=DateValue)
    actors: list[ActorLink] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    themes: list[ThemeAssignment] = Field(min_length=1)
    priority_codes: list[str] = Field(default_factory=list)
    location: str | None = None
    location_country: str | None = None
    funding: str | None = None
    section: str | None = None
    ref: str | None = None  # the record's own label: row number, "III.4", the events-list date
    cells: dict[str, str] = Field(default_factory=dict)  # raw table cells by column role
    prov: Provenance
    doc_sha256: str | None = None  # ties the record to the exact file content it came from
    why: str | None = None  # for prose records: why this sentence is an event or an activity

    @field_validator("countries")
    @classmethod
    def _codes(cls, value: list[str]) -> list[str]:
        import re

        bad = [c for c in value if not re.match(_COUNTRY_CODE, c)]
        if bad:
            raise ValueError(f"not ISO 3166-1 alpha-2 codes: {bad}")
        return value

    @field_validator("text")
    @classmethod
    def _text_is_words(cls, value: str) -> str:
        if not any(ch.isalpha() for ch in value):
            raise ValueError("record text has no words")
        return value

    @property
    def record_id(self) -> str:
        key = f"{self.doc_sha256}|{self.doc}|{self.kind.value}|{self.prov.block}|{self.prov.row}|{self.prov.char_start}|{self.date.start}"
        return hashlib.sha1(key.encode()).hexdigest()[:16]

    def export_actors(self) -> list[str]:
        """Actors for the public export: a funding cell names funders, not actors (records.md)."""
        names: list[str] = []
        for link in self.actors:
            if link.source_field != "funding" and link.name not in names:
                names.append(link.name)
        return names


class Quarantined(BaseModel):
    """A candidate record that failed validation: kept with its reason, never dropped."""

    doc: str
    stage: str
    reason: str
    raw_text: str
    raw: dict = Field(default_factory=dict)
    prov: Provenance | None = None
