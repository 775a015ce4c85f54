"""Resource limits for one file: what a file may unpack to, how many pixels an OCR'd page may take,
and how much memory a worker may use while reading it.

Why limits come *before* the work: a 2 MB .docx can unpack to 2 GB and a 700-byte PDF page can
ask for 3.6 GB of pixels. Measured after the fact (a parser hitting its own guard, MemoryError)
the machine has already paid for it, and the error reads as "damaged". So:

- zip packages (.docx, .odt): the unpacked size of every part is in the zip directory; a part or a
  whole past `max_unpacked`, or a large part packed more than `max_ratio` times, is refused before
  any of it is read (`check_zip`). Python's zipfile never returns more than a member's declared
  size (a lying directory fails its CRC check), so the directory is a safe upper bound.
- PDF streams: pdfminer inflates FlateDecode streams with `zlib.decompress`, all at once; it gets
  a decompressor that stops at `max_unpacked` (`cap_pdf_streams`).
- OCR: a page is rendered at the highest DPI (up to 300) that keeps it under `max_page_pixels`
  (pipeline/readers/ocr.py); Pillow's decompression-bomb guard stays on.
- Whatever slips past those (a parser's own blow-up on a legal-sized input) meets the worker's
  memory limit: an address-space limit (RLIMIT_AS) of `max_memory` on top of what the worker
  already uses, set around each file. Python raises MemoryError at the limit, which is that file's
  failure in words, never "damaged" and never an internal error.

Each limit is a setting (`planscope ingest --max-unpacked/--max-page-pixels/--max-memory`); the
defaults read every real file in corpus/ and ../shared/dev/docs/ (bench/LIMITS.md has the survey).
"""
from __future__ import annotations

import os
import re
import resource
import zlib
from contextlib import contextmanager
from dataclasses import dataclass

from schemas.errors import LimitExceeded

MB = 1 << 20
GB = 1 << 30
RATIO_FLOOR = 10 * MB  # the ratio limit applies to parts unpacking to more than this (small parts pack any way)
MEMORY_CEILING = 1 * GB  # default worker budget at most this over its start: peak ~1.5 GB with spaCy loaded
MEMORY_FLOOR = 768 * MB  # the first file of a worker also loads the models: ~440 MB of address space


@dataclass
class Limits:
    max_unpacked: int = 128 * MB  # a zip part, a whole zip package, one PDF stream (largest real part: 0.4 MB)
    max_ratio: int = 500  # unpacked / packed of one big zip part (real: <= 110; deflate's maximum ~1030)
    max_page_pixels: int = 25_000_000  # an OCR'd page: A3 at 300 dpi is 17.4 M; larger pages get fewer dpi
    max_memory: int | None = None  # a worker's memory budget per file; None: default_memory(workers)


# The limits in force in this process: set by the CLI / worker initialiser (pipeline/ingest.py).
LIMITS = Limits()


def set_limits(limits: Limits | None) -> None:
    global LIMITS
    LIMITS = limits or Limits()


# -- words ------------------------------------------------------------------------------------------

def size_words(n: float) -> str:
    """2147483648 -> '2.0 GB', 536870912 -> '512 MB' (binary units, as the options take them)."""
    if n >= GB:
        return f"{n / GB:.1f} GB"
    if n >= MB:
        return f"{n / MB:.0f} MB"
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n:.0f} bytes"


def parse_size(text: str) -> int:
    """'512M', '1.5GB', '2g', '1048576' -> bytes; K/M/G are binary."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", text.lower())
    if not m:
        raise ValueError(f"not a size: {text!r} (e.g. 256M, 1.5G)")
    return int(float(m.group(1)) * {"": 1, "k": 1 << 10, "m": MB, "g": GB}[m.group(2)])


def parse_count(text: str) -> int:
    """'25M', '40000000', '1.5G' -> a number of pixels; K/M/G are thousands, millions, billions."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)\s*", text.lower())
    if not m:
        raise ValueError(f"not a number: {text!r} (e.g. 25M)")
    return int(float(m.group(1)) * {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[m.group(2)])


# -- zip packages -----------------------------------------------------------------------------------

def check_zip(zf) -> None:
    """Refuse a zip package (an open zipfile.ZipFile) whose directory promises too much unpacking."""
    lim = LIMITS
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.file_size > lim.max_unpacked:
            raise LimitExceeded(f"{info.filename} unpacks to {size_words(info.file_size)}, "
                                f"limit {size_words(lim.max_unpacked)} (--max-unpacked)")
        if info.file_size > RATIO_FLOOR and info.file_size > lim.max_ratio * max(info.compress_size, 1):
            raise LimitExceeded(f"{info.filename} unpacks {info.file_size / max(info.compress_size, 1):.0f} times "
                                f"its packed size (to {size_words(info.file_size)}), limit {lim.max_ratio} times: "
                                f"a zip bomb")
    if total > lim.max_unpacked:
        raise LimitExceeded(f"unpacks to {size_words(total)} in all, limit {size_words(lim.max_unpacked)} "
                            f"(--max-unpacked)")


# -- PDF streams ------------------------------------------------------------------------------------

class _CappedDecompressor:
    """zlib.decompressobj that raises LimitExceeded once its output passes the cap (pdfminer's
    fallback for damaged streams feeds it a byte at a time)."""

    def __init__(self, *args):
        self._d = zlib.decompressobj(*args)
        self._out = 0

    def decompress(self, data, max_length=0):
        cap = LIMITS.max_unpacked
        out = self._d.decompress(data, max_length or cap + 1 - self._out)
        self._out += len(out)
        if self._out > cap:
            raise LimitExceeded(_stream_words(cap))
        return out

    def __getattr__(self, name):  # flush, eof, unused_data ...
        return getattr(self._d, name)


def capped_decompress(data, wbits=zlib.MAX_WBITS, bufsize=zlib.DEF_BUF_SIZE) -> bytes:
    """zlib.decompress that never makes more than LIMITS.max_unpacked bytes."""
    cap = LIMITS.max_unpacked
    d = zlib.decompressobj(wbits)
    out = d.decompress(data, cap + 1)  # never more than one byte past the cap in memory
    if len(out) > cap:
        raise LimitExceeded(_stream_words(cap))
    if not d.eof:  # what zlib.decompress says of a cut stream; pdfminer then tries its lenient path
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return out


def _stream_words(cap: int) -> str:
    return f"a PDF stream unpacks to more than the limit of {size_words(cap)} (--max-unpacked)"


class _CappedZlib:
    """Stands in for the zlib module inside pdfminer.pdftypes."""
    error = zlib.error
    MAX_WBITS = zlib.MAX_WBITS
    decompress = staticmethod(capped_decompress)
    decompressobj = _CappedDecompressor

    def __getattr__(self, name):
        return getattr(zlib, name)


def cap_pdf_streams() -> None:
    """Make pdfminer inflate through the capped decompressor (idempotent)."""
    from pdfminer import pdftypes

    if not isinstance(pdftypes.zlib, _CappedZlib):
        pdftypes.zlib = _CappedZlib()


# -- worker memory ----------------------------------------------------------------------------------

def total_memory() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 8 * GB


def default_memory(workers: int) -> int:
    """A worker's budget: half the machine shared among the workers, between 768 MB and 1 GB."""
    return max(MEMORY_FLOOR, min(MEMORY_CEILING, total_memory() // 2 // max(1, workers)))


def _address_space() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


@contextmanager
def memory_limit(budget: int | None):
    """Limit this process's address space to what it uses now plus `budget` bytes while a file is
    read; afterwards the old limit is back (the in-process path of --workers 1 then loads the
    warehouse without it). Address space, not RSS: Linux does not enforce RLIMIT_RSS, and at
    RLIMIT_AS malloc fails and Python raises MemoryError instead of the kernel killing the worker."""
    if not budget:
        yield
        return
    try:
        old = resource.getrlimit(resource.RLIMIT_AS)
        limit = _address_space() + budget
        if old[1] != resource.RLIM_INFINITY:
            limit = min(limit, old[1])
        resource.setrlimit(resource.RLIMIT_AS, (limit, old[1]))
    except (OSError, ValueError):  # no /proc or no rlimits here: read without the limit
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, old)


def memory_words() -> str:
    budget = LIMITS.max_memory
    return (f"needs more memory than a worker may use ({size_words(budget)} per file, --max-memory)" if budget
            else "ran out of memory while reading")
