"""Legacy word-processor files (.doc, .odt, .rtf): converted to .docx by LibreOffice headless when
it is installed, then read by the docx reader; otherwise a clear error saying how to enable it."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from schemas.errors import UnsupportedFormat
from pipeline.readers import register
from schemas.document import Document

CONVERT_TIMEOUT = 120


def lift_memory_limit() -> None:
    """In the LibreOffice child: its address space is its own (it reserves far more than it uses),
    not the worker's per-file budget (pipeline/limits.py); the timeout bounds it instead."""
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@register("legacy")
def read_legacy(path: Path, data: bytes, sha256: str) -> Document:
    from pipeline.readers.docx_reader import read_docx

    kind = {b"\xd0\xcf": ".doc (Word 97-2003)", b"{\\": ".rtf"}.get(data[:2], ".odt")
    if data[:4] == b"PK\x03\x04":  # .odt is a zip package: refuse a bomb before LibreOffice unpacks it
        import io
        import zipfile

        from pipeline.limits import check_zip

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                check_zip(zf)
        except zipfile.BadZipFile:
            pass  # LibreOffice says what it makes of a damaged one
    exe = soffice()
    if exe is None:
        raise UnsupportedFormat(str(path), f"legacy {kind} file: install LibreOffice (Debian package "
                                           "libreoffice-writer-nogui) so planscope can convert it, or save it as .docx")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / ("input" + {".doc (Word 97-2003)": ".doc", ".rtf": ".rtf"}.get(kind, ".odt"))
        src.write_bytes(data)
        try:
            subprocess.run([exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "docx",
                            "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=CONVERT_TIMEOUT,
                           preexec_fn=lift_memory_limit)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise UnsupportedFormat(str(path), f"legacy {kind} file: LibreOffice could not convert it ({type(exc).__name__})") from None
        out = src.with_suffix(".docx")
        if not out.exists():
            raise UnsupportedFormat(str(path), f"legacy {kind} file: LibreOffice could not convert it (damaged?)")
        doc = read_docx(path, out.read_bytes(), sha256)
    doc.format = "docx"
    doc.warnings.append(f"converted from {kind} with LibreOffice")
    return doc
