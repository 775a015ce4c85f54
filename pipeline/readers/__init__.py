"""One reader per input format, all producing `schemas.Document`.

The format is recognised from the file's content (magic bytes), not its extension alone,
so a PDF named `.docx` is still read as a PDF.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from pipeline.errors import UnreadableFile, UnsupportedFormat
from schemas.document import Document, assign_char_spans

Reader = Callable[[Path, bytes, str], Document]
READERS: dict[str, Reader] = {}

SUPPORTED_SUFFIXES = {".docx", ".pdf", ".txt"}
LEGACY_SUFFIXES = {".doc", ".odt", ".rtf"}


def register(fmt: str):
    def wrap(fn: Reader) -> Reader:
        READERS[fmt] = fn
        return fn

    return wrap


def sniff_format(path: Path, data: bytes) -> str:
    """Name the format from the bytes; raise UnreadableFile with the reason when there is none."""
    if not data:
        raise UnreadableFile(str(path), "empty file (0 bytes)")
    head = data[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"  # the docx reader checks for word/document.xml and says so when it is missing
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormat(str(path), "legacy Word .doc (OLE) file: convert it to .docx first")
    if head.startswith(b"{\\rtf"):
        raise UnsupportedFormat(str(path), "RTF file: convert it to .docx first")
    if not data.strip():
        raise UnreadableFile(str(path), "file holds only whitespace")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFormat(str(path), "binary file of unknown format")
    return "txt"


def read_document(path: str | Path) -> Document:
    """Read any supported file into the document model."""
    from pipeline.readers import docx_reader, pdf_reader, txt_reader  # noqa: F401  (registration)

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(str(path), f"cannot open: {exc.strerror or exc}") from None
    fmt = sniff_format(path, data)
    sha = hashlib.sha256(data).hexdigest()
    doc = READERS[fmt](path, data, sha)
    if not any(b.text.strip() or b.rows for b in doc.blocks):
        raise UnreadableFile(str(path), "no text found in the document")
    assign_char_spans(doc)
    return doc


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
