"""Shared fixtures: the corpus ingested once per session into a throwaway warehouse."""
from __future__ import annotations

import atexit
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The three seed documents in their three renditions (corpus/prose holds the demo's prose documents).
SEED_FILES = sorted(str(p) for p in CORPUS.glob("*") if p.suffix in (".txt", ".docx", ".pdf"))
SEEDS = ["000_e3e456b1fc67bad2", "001_856aa1f959aca59f", "004_2ce97f0e434d4dce"]


def run_cli(*args: str, db: Path | None = None, check: bool = False, timeout: int = 300,
            env: dict[str, str] | None = None, real: bool = False) -> subprocess.CompletedProcess:
    """`python -m planscope_cli [--db DB] ARGS` from the repository's root, as subprocess.run gives it.
    Run by a fork of the warm process of tests/cli_zygote.py (a new process each time, without the
    interpreter's start and the model loads: most of what an ingest test cost) when its environment is
    the one that process started with; `real=True`, another environment, or PLANSCOPE_TEST_REAL_CLI=1
    in the environment: a new interpreter, as a user runs it."""
    cmd = [sys.executable, "-m", "planscope_cli"] + (["--db", str(db)] if db else []) + list(args)
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    zygote = None if real or os.environ.get("PLANSCOPE_TEST_REAL_CLI") else _Zygote.get(full_env)
    if zygote is not None:
        proc = zygote.run(cmd, full_env, timeout)
    else:
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=timeout, env=full_env)
    if check and proc.returncode != 0:
        raise AssertionError(f"{cmd} exited {proc.returncode}: {proc.stderr}")
    return proc


class _Zygote:
    """The one warm process of this test process (tests/cli_zygote.py), started at the first command;
    one, though this file is imported twice (as `conftest` by pytest, as `tests.conftest` by some tests)."""
    IGNORED = {"PYTEST_CURRENT_TEST"}  # pytest's per-test note: passed on, never read at import
    SHARED = sys.modules.setdefault("_planscope_test_cli", type(sys)("_planscope_test_cli"))
    ENV = {**os.environ, "PYTHONPATH": str(ROOT)}  # the test session's environment as it started

    def __init__(self):
        self.buffer = b""
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.cli_zygote"], cwd=ROOT, env=self.ENV,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.ready = self._reply(600)
        atexit.register(self.stop)

    @classmethod
    def _key(cls, env: dict[str, str]) -> dict[str, str]:
        return {k: v for k, v in env.items() if k not in cls.IGNORED}

    @classmethod
    def get(cls, env: dict[str, str]) -> "_Zygote | None":
        if cls._key(env) != cls._key(cls.ENV):
            return None
        current = getattr(cls.SHARED, "zygote", None)
        if current is None or current.proc.poll() is not None:  # none yet, or it died: a new one
            current = cls.SHARED.zygote = _Zygote()
        return current

    def _reply(self, timeout: float | None) -> dict | None:
        """The next line the warm process wrote, read from the pipe's descriptor (no buffer of Python's,
        which could hold the next line while select waits for it); None after `timeout` seconds."""
        import select
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.buffer:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not select.select([fd], [], [], left)[0]:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                raise RuntimeError("tests/cli_zygote.py stopped")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def run(self, cmd: list[str], env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="planscope_cli_") as tmp:
            out, err = Path(tmp) / "out", Path(tmp) / "err"
            try:
                os.write(self.proc.stdin.fileno(), (json.dumps({"argv": cmd[3:], "env": env, "cwd": str(ROOT),
                                                                "out": str(out), "err": str(err)}) + "\n").encode())
                pid = self._reply(None)["pid"]
                done = self._reply(timeout)
                if done is None:  # as subprocess.run: kill, then say so
                    try:
                        os.kill(pid, 9)
                    except ProcessLookupError:  # it ended just now
                        pass
                    self._reply(None)
                    raise subprocess.TimeoutExpired(cmd, timeout, _text(out), _text(err))
            except subprocess.TimeoutExpired:
                raise
            except BaseException:  # interrupted between a request and its reply: a new warm process next time
                self.proc.kill()
                self.proc.wait()
                raise
            return subprocess.CompletedProcess(cmd, done["status"], _text(out), _text(err))

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait(timeout=60)


def _text(path: Path) -> str:
    """A command's output as subprocess.run(text=True) decodes it (the locale's encoding, universal newlines)."""
    import io
    import locale

    return io.TextIOWrapper(io.BytesIO(path.read_bytes()), encoding=locale.getpreferredencoding(False)).read()


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("warehouse") / "corpus.duckdb"
    run_cli("ingest", *SEED_FILES, "--workers", "2", db=db, check=True)
    return db


@pytest.fixture(scope="session")
def corpus_export(corpus_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export") / "export.jsonl"
    run_cli("export", "--jsonl", str(out), db=corpus_db, check=True)
    return out


# The fast layer (`pytest -m unit`): tests/unit/ and these files, none of which ingests the corpus;
# each runs in seconds, so a mutation run (bench/mutation.py --mutmut) can use them as its runner.
UNIT_FILES = {"test_dates.py", "test_timex.py", "test_readers.py", "test_docx_content.py", "test_pdf_text.py",
              "test_ocr_fields.py", "test_serve_tables.py", "test_serve_facets.py", "test_prose_data.py",
              "test_generalisation.py"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(str(item.fspath))
        if path.parent.name == "unit" or path.name in UNIT_FILES:
            item.add_marker(pytest.mark.unit)


def pytest_make_parametrize_id(config, val, argname):
    """An ASCII id for a parameter pytest would escape (non-ASCII text, bytes, backslashes, quotes):
    mutmut passes the node ids of new tests back to an in-process pytest, which does not find escaped
    ids again (`mutmut run NAMES` then fails at its stats collection). None: pytest's own id."""
    if isinstance(val, bytes) or (isinstance(val, str) and (not val.isascii() or not val.isprintable()
                                                            or re.search(r"[\\\"'\[\]]", val))):
        text = val.decode("latin-1") if isinstance(val, bytes) else val
        return re.sub(r"[^A-Za-z0-9]+", "_", text.encode("ascii", "backslashreplace").decode()).strip("_")[:40] or "empty"
    return None
