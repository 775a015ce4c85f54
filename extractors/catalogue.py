"""The archivist's catalogue: a CSV beside the files that says what each one is.

Columns `file,title,period_start,period_end,genre,source` (more are kept as `extra`); `file`
matches a file's name (`report.docx`) or its stem (`report`, every rendition). The catalogue is
read and checked before any file is processed, so a bad line stops the run before it starts,
with one line that names it.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REQUIRED = ("file", "title", "period_start", "period_end", "genre", "source")
GENRES = {"report", "news", "slides", "priorities", "plan", ""}


class CatalogueError(ValueError):
    """A manifest that cannot be used: the message names the file and line."""


@dataclass(frozen=True)
class CatalogueEntry:
    file: str
    title: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    genre: str | None = None
    source: str | None = None
    line: int = 0
    manifest: str = ""
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return dict(file=self.file, title=self.title, period_start=self.period_start, period_end=self.period_end,
                    genre=self.genre, source=self.source, line=self.line, manifest=self.manifest, extra=dict(self.extra))

    @classmethod
    def from_dict(cls, d: dict) -> "CatalogueEntry":
        return cls(**d)


@dataclass
class Catalogue:
    entries: dict[str, CatalogueEntry] = field(default_factory=dict)  # by file key (name or stem)

    def lookup(self, path: str | Path) -> CatalogueEntry | None:
        p = Path(path)
        return self.entries.get(p.name) or self.entries.get(p.stem)

    def unmatched(self, paths: list[str | Path]) -> list[CatalogueEntry]:
        """Entries for files that are not among `paths` (a warning, not an error)."""
        names = {Path(p).name for p in paths} | {Path(p).stem for p in paths}
        return [e for key, e in self.entries.items() if key not in names]


def _date(value: str, column: str, where: str) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CatalogueError(f"{where}: {column} {value!r} is not a date (YYYY-MM-DD)") from None


def load_catalogue(path: str | Path) -> Catalogue:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CatalogueError(f"{path}: cannot read the manifest: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise CatalogueError(f"{path}: the manifest is not UTF-8 text") from None
    reader = csv.DictReader(text.splitlines())
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise CatalogueError(f"{path}:1: missing column(s) {', '.join(missing)} (needs {','.join(REQUIRED)})")
    catalogue = Catalogue()
    for n, row in enumerate(reader, start=2):
        where = f"{path}:{n}"
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None}
        key = row.get("file", "")
        if not key:
            raise CatalogueError(f"{where}: empty file name")
        if key in catalogue.entries:
            raise CatalogueError(f"{where}: duplicate file {key!r} (first on line {catalogue.entries[key].line})")
        start, end = _date(row["period_start"], "period_start", where), _date(row["period_end"], "period_end", where)
        if start and end and end < start:
            raise CatalogueError(f"{where}: period_end {end} is before period_start {start}")
        if (start is None) != (end is None):
            raise CatalogueError(f"{where}: give both period_start and period_end, or neither")
        genre = row["genre"].lower()
        if genre not in GENRES:
            raise CatalogueError(f"{where}: unknown genre {row['genre']!r} (one of {', '.join(sorted(GENRES - {''}))})")
        extra = {k: v for k, v in row.items() if k not in REQUIRED}
        catalogue.entries[key] = CatalogueEntry(file=key, title=row["title"] or None, period_start=start, period_end=end,
                                                genre=genre or None, source=row["source"] or None, line=n,
                                                manifest=str(path), extra=extra)
    return catalogue


def load_catalogues(paths: list[str | Path]) -> Catalogue:
    """Several manifests as one catalogue; a file named in two of them is an error."""
    merged = Catalogue()
    for path in paths:
        for key, entry in load_catalogue(path).entries.items():
            if key in merged.entries:
                first = merged.entries[key]
                raise CatalogueError(f"{entry.manifest}:{entry.line}: file {key!r} is also in {first.manifest}:{first.line}")
            merged.entries[key] = entry
    return merged
