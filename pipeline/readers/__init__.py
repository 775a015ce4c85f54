"""One reader per input format, all producing `schemas.Document`.

The format is recognised from the file's content (magic bytes), not its extension alone,
so a PDF named `.docx` is still read as a PDF.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable

from pipeline.errors import PlanscopeError, UnreadableFile, UnsupportedFormat, is_file_fault
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


ODT_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"


def sniff_format(path: Path, data: bytes) -> str:
    """Name the format from the bytes: pdf, docx, legacy (.doc/.odt/.rtf) or txt.

    Raises UnreadableFile when there is nothing to read, or when the extension promises a format
    the bytes are not (a `.docx` that is no zip archive) and they are no other known format either.
    """
    suffix = path.suffix.lower()
    if not data:
        raise UnreadableFile(str(path), "empty file (0 bytes)")
    head = data[:8]
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "legacy" if data[30:30 + len(ODT_MIMETYPE)] == ODT_MIMETYPE else "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0") or head.startswith(b"{\\rtf"):
        return "legacy"
    if not data.strip():
        raise UnreadableFile(str(path), "file holds only whitespace")
    if suffix == ".docx":
        raise UnreadableFile(str(path), "not a valid .docx: not a zip archive (truncated or corrupt)")
    if suffix == ".pdf":
        raise UnreadableFile(str(path), "not a valid PDF: no %PDF header")
    if suffix in LEGACY_SUFFIXES:
        raise UnreadableFile(str(path), f"not a valid {suffix} file: unknown content")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFormat(str(path), "binary file of unknown format (not .docx, .pdf or text)")
    return "txt"


def read_document(path: str | Path) -> Document:
    """Read any supported file into the document model. Raises PlanscopeError subclasses for a file's
    fault; any other exception is planscope's fault (a bug), never disguised as a damaged file."""
    from pipeline.readers import docx_reader, legacy, pdf_reader, txt_reader  # noqa: F401  (registration)

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(str(path), f"cannot open: {exc.strerror or exc}") from None
    fmt = sniff_format(path, data)
    sha = hashlib.sha256(data).hexdigest()
    try:
        doc = READERS[fmt](path, data, sha)
    except PlanscopeError:
        raise
    except RecursionError:
        raise UnreadableFile(str(path), f"damaged {fmt}: structure nested too deeply") from None
    except Exception as exc:
        # A damaged file a reader library trips over: one clean line. Anything else is a bug in
        # planscope and propagates as itself (pipeline/errors.py states the rule).
        if not is_file_fault(exc):
            raise
        raise UnreadableFile(str(path), f"damaged {fmt} file ({type(exc).__name__}: {str(exc)[:120]})") from None
    if not any(b.text.strip() or b.rows for b in doc.blocks):
        raise UnreadableFile(str(path), "no text found in the document")
    assign_char_spans(doc)
    share = latin_share(doc.text())
    if share < 0.6:
        raise UnreadableFile(str(path), f"garbled text: only {share:.0%} of its characters are Latin-script text "
                                        "(wrong encoding, or a damaged file)")
    return doc


def latin_share(text: str) -> float:
    """Share of non-space characters that are Latin letters, digits or common punctuation.

    The archive is written in English with Nordic and Baltic names; a reader or converter that
    produced mostly other characters has decoded garbage."""
    chars = [c for c in text[:200_000] if not c.isspace()]
    if not chars:
        return 1.0
    good = sum(1 for c in chars if c < "\u0250" or "\u2000" <= c <= "\u206f" or c in "€•·▪–—‘’“”…")
    return good / len(chars)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
