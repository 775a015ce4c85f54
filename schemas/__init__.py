"""The single source of truth: the document model, the records, the warehouse tables, and (errors.py)
the exceptions every layer raises. The bottom layer: imports nothing of planscope's above it.

The names below are loaded on first use, not on import: `schemas.errors` is imported by the command
line before anything else, and `planscope --help` must start without pydantic (tests/test_perf_paths.py).
"""
from __future__ import annotations

import importlib

_HOMES = {
    "Block": "schemas.document", "BlockKind": "schemas.document", "Document": "schemas.document",
    "Provenance": "schemas.document", "TableRow": "schemas.document",
    "ActorLink": "schemas.records", "ActorRole": "schemas.records", "DateValue": "schemas.records",
    "Period": "schemas.records", "Quarantined": "schemas.records", "Record": "schemas.records",
    "RecordKind": "schemas.records", "ThemeAssignment": "schemas.records", "THEME_IDS": "schemas.records",
}

__all__ = [
    "ActorLink", "ActorRole", "Block", "BlockKind", "DateValue", "Document", "Period",
    "Provenance", "Quarantined", "Record", "RecordKind", "TableRow", "ThemeAssignment", "THEME_IDS",
]


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'schemas' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
