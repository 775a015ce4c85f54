"""planscope's own error types, and the rule that tells a file's fault from planscope's.

Two kinds of failure:

- **The file's fault** (`PlanscopeError` and subclasses): the file is empty, damaged, encrypted,
  of an unknown format ... The user gets one line naming the file and what is wrong; ingest exits 1.
- **planscope's fault** (any other exception, from the readers or the stages): a bug. The user
  still gets one line, `FILE: internal error (KeyError: 'x') — please report`, the traceback is kept
  in the `failures` row (column `detail`) and printed with `planscope --debug`; ingest exits 3.
  The property tests and the fuzz run assert this never happens.

The rule for an exception a reader did not turn into a `PlanscopeError` itself
(`is_file_fault`, applied by `read_document`):

1. Its type says "these bytes are malformed" (`FILE_FAULT_TYPES`: a bad zip, bad XML, a PDF
   syntax error, undecodable text, a truncated stream, a missing package part): the file's fault,
   wherever it was raised.
2. A generic exception (KeyError, IndexError, ValueError, TypeError, AttributeError ...) is the
   file's fault only when it was raised inside a third-party library (the innermost frame of the
   traceback is not planscope's code) AND the innermost planscope frame is a reader module
   (`pipeline/readers/`): a reader handed the bytes to a library and the library tripped over them
   (python-docx's KeyError on a missing relationship, pdfminer's ValueError on a bad stream).
3. Everything else is planscope's fault: an exception raised in planscope's own code, or raised
   by a library that planscope's extractors called on an already-read document (spaCy, pydantic,
   DuckDB ...): the file was read fine, so what broke is planscope.

Before all three: a file that needs more than a resource limit allows (`LimitExceeded`, raised by
pipeline/limits.py) or more memory than its worker may use (`MemoryError`, at the worker's
address-space limit) is neither damaged nor a bug: the file is refused with the limit in words
(`resource_cause` finds either, also when a library or a reader wrapped it in its own error).
"""
from __future__ import annotations

import traceback
from pathlib import Path
from types import TracebackType

# The folder holding planscope's packages; a frame is planscope's when its file is in one of them.
ROOT = Path(__file__).resolve().parent.parent
PLANSCOPE_PACKAGES = ("pipeline", "extractors", "schemas", "warehouse", "serve", "checking", "planscope_cli.py")
READERS_DIR = ("pipeline", "readers")
INTERNAL_MARKER = "internal error"
EXIT_INTERNAL = 3


class PlanscopeError(Exception):
    """Base class; str() is the one-line message shown to the user."""


class UnreadableFile(PlanscopeError):
    """The file cannot be read as a document (empty, corrupt, encrypted, wrong format ...)."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class UnsupportedFormat(UnreadableFile):
    pass


class LimitExceeded(PlanscopeError):
    """A file needs more than a resource limit allows (pipeline/limits.py). str() is the reason
    without the file name ("word/document.xml unpacks to 2.0 GB, limit 128 MB ..."): it is raised
    deep inside a library's call, where the name is not known; read_document adds it."""


def resource_cause(exc: BaseException | None) -> BaseException | None:
    """The LimitExceeded or MemoryError behind `exc`: itself, or one a library or a reader wrapped
    (pdfplumber's PdfminerException(e), a reader's `raise UnreadableFile(...) from None`, which
    keeps the original as __context__)."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen or not isinstance(e, BaseException):
            continue
        seen.add(id(e))
        if isinstance(e, (LimitExceeded, MemoryError)):
            return e
        if "Memory allocation failed" in str(e)[:300]:  # libxml2 at the limit reports in its own words
            return MemoryError()
        if isinstance(e, SystemError) and "without exception set" in str(e):
            # a C extension whose allocation failed at the worker's address-space limit and that
            # returned NULL without setting MemoryError (seen with lxml on a 60 MB document.xml)
            return MemoryError()
        todo += [e.__cause__, e.__context__] + [a for a in e.args if isinstance(a, BaseException)]
    return None


class SetupError(PlanscopeError):
    """planscope is not set up to run (a missing spaCy model, Ray not installed): one line, exit 1."""


def _file_fault_types() -> tuple[type[BaseException], ...]:
    """Exception types that mean malformed input bytes, from the libraries the readers use.
    Imported lazily and leniently: a reader library that is not installed adds nothing."""
    import struct
    import zipfile
    import zlib
    from xml.etree.ElementTree import ParseError

    types: list[type[BaseException]] = [zipfile.BadZipFile, zlib.error, ParseError, UnicodeDecodeError, struct.error,
                                        EOFError]
    for module, names in (("lxml.etree", ("XMLSyntaxError",)),
                          ("docx.opc.exceptions", ("PackageNotFoundError", "OpcError")),
                          ("pdfminer.psexceptions", ("PSException",)),
                          ("pdfminer.pdfparser", ("PDFSyntaxError",)),
                          ("pdfminer.pdfexceptions", ("PDFException",)),
                          ("pdfplumber.utils.exceptions", ("PdfminerException",)),
                          ("pypdfium2", ("PdfiumError",))):
        try:
            mod = __import__(module, fromlist=list(names))
        except Exception:
            continue
        types += [getattr(mod, n) for n in names if isinstance(getattr(mod, n, None), type)]
    return tuple(types)


_FILE_FAULT_TYPES: tuple[type[BaseException], ...] | None = None


def file_fault_types() -> tuple[type[BaseException], ...]:
    global _FILE_FAULT_TYPES
    if _FILE_FAULT_TYPES is None:
        _FILE_FAULT_TYPES = _file_fault_types()
    return _FILE_FAULT_TYPES


def planscope_module(filename: str) -> tuple[str, ...] | None:
    """The path parts of a frame's file inside planscope (('pipeline', 'readers', 'pdf_reader.py')),
    or None for a library, the standard library or a test."""
    try:
        rel = Path(filename).resolve().relative_to(ROOT)
    except (ValueError, OSError):
        return None
    if not rel.parts or rel.parts[0] not in PLANSCOPE_PACKAGES or "site-packages" in rel.parts:
        return None
    return rel.parts


def is_file_fault(exc: BaseException) -> bool:
    """True when `exc` (escaped from a reader) is the file's fault; see the rule above."""
    if isinstance(exc, PlanscopeError) or isinstance(exc, file_fault_types()):
        return True
    frames = [f.filename for f in traceback.extract_tb(exc.__traceback__)] if exc.__traceback__ else []
    if not frames or planscope_module(frames[-1]) is not None:
        return False  # raised in planscope's own code: a bug
    ours = [parts for parts in map(planscope_module, frames) if parts is not None]
    return bool(ours) and ours[-1][:2] == READERS_DIR


def internal_error_line(path: str, exc: BaseException) -> str:
    """The one line the user sees for planscope's own fault."""
    text = " ".join(str(exc).split())[:160]
    return f"{path}: {INTERNAL_MARKER} ({type(exc).__name__}: {text}) — please report"


def format_traceback(exc: BaseException, tb: TracebackType | None = None) -> str:
    return "".join(traceback.format_exception(type(exc), exc, tb or exc.__traceback__))
