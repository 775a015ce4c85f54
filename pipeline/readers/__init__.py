"""One reader per input format, all producing `schemas.Document`.

The format is recognised from the file's content (magic bytes), not its extension alone,
so a PDF named `.docx` is still read as a PDF.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Callable

from schemas.errors import PlanscopeError, UnreadableFile, UnsupportedFormat, is_file_fault, resource_cause
from schemas.document import Document, assign_char_spans

Reader = Callable[[Path, bytes, str], Document]
READERS: dict[str, Reader] = {}

# The module that registers each format's reader, imported when a file of that format comes:
# a .txt is read without loading pdfplumber or python-docx.
READER_MODULES = {"pdf": "pdf_reader", "docx": "docx_reader", "legacy": "legacy", "txt": "txt_reader"}
PDF_PASSWORD: dict[str, str | None] = {"value": None}  # set by the CLI's --password; read by pdf_reader

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
    import importlib

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(str(path), f"cannot open: {exc.strerror or exc}") from None
    fmt = sniff_format(path, data)
    if fmt not in READERS:  # importing the module registers READERS[fmt]; a reader set by hand stays
        module = importlib.import_module(f"pipeline.readers.{READER_MODULES[fmt]}")
        if fmt not in READERS:  # imported before and its entry removed since: register it again
            importlib.reload(module)
    sha = hashlib.sha256(data).hexdigest()
    try:
        doc = _read(READERS[fmt], path, data, sha, fmt)
    except Exception as exc:
        # A limit (or the worker's memory) reached, however deep and however wrapped: the file is
        # too big to read here, which is neither damage nor a bug (pipeline/limits.py).
        cause = resource_cause(exc)
        if cause is None:
            raise
        from pipeline.limits import memory_words

        reason = str(cause) if not isinstance(cause, MemoryError) else memory_words()
        raise UnreadableFile(str(path), reason) from None
    if not any(b.text.strip() or b.rows for b in doc.blocks):
        raise UnreadableFile(str(path), "no text found in the document")
    from pipeline.readers.ocr_letters import repair_document

    repair_document(doc)  # "wi11" -> "will" in a document an OCR engine read: one character for one
    assign_char_spans(doc)
    text = doc.text()  # read twice below, the blocks unchanged between
    damage = text_damage(text)
    if damage is not None:
        raise UnreadableFile(str(path), f"garbled text: {damage} (wrong encoding, or a damaged file)")
    from pipeline.readers.language import detect_language

    doc.language = detect_language(text)
    return doc


def _read(reader: Reader, path: Path, data: bytes, sha: str, fmt: str) -> Document:
    try:
        return reader(path, data, sha)
    except PlanscopeError:
        raise
    except RecursionError:
        raise UnreadableFile(str(path), f"damaged {fmt}: structure nested too deeply") from None
    except Exception as exc:
        # A damaged file a reader library trips over: one clean line. Anything else is a bug in
        # planscope and propagates as itself (schemas/errors.py states the rule).
        if not is_file_fault(exc) or resource_cause(exc) is not None:
            raise
        raise UnreadableFile(str(path), f"damaged {fmt} file ({type(exc).__name__}: {str(exc)[:120]})") from None


# UTF-8 read as Windows-1252/Latin-1: a lead byte shown as Â..ß or à..ï, followed by continuation
# bytes shown as C1 controls, Latin-1 symbols or cp1252's 0x80-0x9F punctuation ("Ã¤", "â€™", "ÐŸ").
_CONTINUATION = "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
                "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
MOJIBAKE = re.compile(f"[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}")
CID_GLYPH = re.compile(r"\(cid:\d+\)")
# symbols real text uses; everything else of Unicode's symbol and control categories counts as noise
COMMON_SYMBOLS = set("$%&+<=>^`|~€£¥°§©®™±×÷☐☒✓✔•·▪■□●○►→←↑↓≤≥≈≠µ¤")


def text_damage(text: str) -> str | None:
    """Why the text looks damaged, or None when it reads as text in some script.

    Any script is text (Latin, Cyrillic, Greek, Hangul, Arabic, Hebrew, CJK ...; right-to-left text
    is stored in logical order and needs nothing). Damage is what decoding or extraction leaves:
    mojibake (UTF-8 read as Windows-1252: `Ã¤`, `â€™`), U+FFFD replacement characters, `(cid:NN)`
    glyph names and private-use glyphs from PDFs without a text map, and the symbol-and-control
    salad or the script-mixed "words" that random bytes decode to."""
    text = text[:200_000]
    counts = {c: k for c, k in Counter(text).items() if not c.isspace()}  # each distinct char looked at once
    n = sum(counts.values())
    if not n:
        return None
    mojibake = sum(len(m.group(0)) for m in MOJIBAKE.finditer(text))
    cid = sum(len(m.group(0)) for m in CID_GLYPH.finditer(text))
    replacement = text.count("\ufffd")
    private = sum(k for c, k in counts.items() if _is_private_use(c))
    broken = mojibake + cid + replacement + private
    if broken >= 3 and broken / n >= 0.03:
        kinds = [name for name, count in (("mojibake", mojibake), ("(cid:NN) glyphs", cid),
                                          ("replacement characters", replacement), ("private-use glyphs", private)) if count]
        return f"{broken / n:.0%} of its characters are damage ({', '.join(kinds)})"
    noise = sum(k for c, k in counts.items()
                if c not in COMMON_SYMBOLS and unicodedata.category(c)[0] in "CS" and not _is_private_use(c))
    if noise >= 5 and noise / n >= 0.12:
        return f"{noise / n:.0%} of its characters are control codes or stray symbols"
    mixed = _script_mixed_share(text)
    if mixed >= 0.25:
        return f"{mixed:.0%} of its words mix letters of different scripts"
    return None


def _is_private_use(c: str) -> bool:
    return unicodedata.category(c) == "Co"


# Japanese writes one word in kanji and kana; they count as one script here
_SCRIPT_GROUPS = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HALFWIDTH": "CJK", "FULLWIDTH": "CJK"}


@lru_cache(maxsize=8192)  # a document has thousands of letters and a few dozen distinct ones
def _script(c: str) -> str:
    first = unicodedata.name(c, "").split(" ", 1)[0]
    return _SCRIPT_GROUPS.get(first, first)


def _script_mixed_share(text: str) -> float:
    """Share of words (3+ letters) whose letters come from more than one script (`Kinderзащита`)."""
    words = [w for w in re.findall(r"[^\W\d_]{3,}", text[:50_000])]
    if len(words) < 5:
        return 0.0
    mixed_words = {w for w in set(words) if len({_script(c) for c in w if c.isalpha()}) > 1}  # each word once
    return sum(1 for w in words if w in mixed_words) / len(words)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
