"""The single source of truth: the document model, the records, the warehouse tables, and (errors.py)
the exceptions every layer raises. The bottom layer: imports nothing of planscope's above it."""
from schemas.document import Block, BlockKind, Document, Provenance, TableRow
from schemas.records import (
    ActorLink,
    ActorRole,
    DateValue,
    Period,
    Quarantined,
    Record,
    RecordKind,
    ThemeAssignment,
    THEME_IDS,
)

__all__ = [
    "ActorLink", "ActorRole", "Block", "BlockKind", "DateValue", "Document", "Period",
    "Provenance", "Quarantined", "Record", "RecordKind", "TableRow", "ThemeAssignment", "THEME_IDS",
]
