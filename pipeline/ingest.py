"""Bulk ingestion: find files, skip unchanged ones, process the rest (in a process pool), load
each batch of results in one transaction, record the run. A bad file is named, never fatal."""
from __future__ import annotations

import gc
import json
import os
import sys
import uuid
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path

from schemas.errors import PlanscopeError, format_traceback, internal_error_line, resource_cause
from pipeline.limits import Limits, default_memory, set_limits
from pipeline.readers import LEGACY_SUFFIXES, SUPPORTED_SUFFIXES, file_sha256
from warehouse import store

BATCH_FILES = int(os.environ.get("PLANSCOPE_BATCH_FILES", "16"))
LOCK_WAIT_SECONDS = 60


@dataclass
class IngestSummary:
    run_id: str
    seen: int = 0
    ingested: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line reason), both kinds
    internal: dict[str, str] = field(default_factory=dict)  # path -> traceback, for planscope's own faults
    records: int = 0
    quarantined: int = 0
    pages: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    uncatalogued: list[str] = field(default_factory=list)  # catalogue entries that matched no file


def discover(paths: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to ingest, and (path, reason) for paths that do not exist."""
    files, missing = [], []
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not f.name.startswith((".", "~$")) and f.suffix.lower() in SUPPORTED_SUFFIXES | LEGACY_SUFFIXES:
                    files.append(f)
        elif p.is_file():
            files.append(p)
        else:
            missing.append((str(p), "no such file or folder"))
    return files, missing


def process_to_rows(path: str, run_id: str, entry: dict | None = None) -> tuple[str, object]:
    """Worker: one file through the pipeline to warehouse rows ("ok"), its one-line error when the
    file is at fault ("error"), or (one line, traceback) when planscope is ("internal"; see
    schemas/errors.py). Never raises: one file never stops a bulk run. `entry` is the file's
    catalogue entry (extractors/catalogue.py), if the archivist gave one."""
    from pipeline.runner import process_file

    return _guarded(path, lambda: _rows(process_file(path, catalogue=entry), path, run_id))


def read_to_state(path: str, entry: dict | None = None) -> tuple[str, object]:
    """The first half of `process_to_rows`, for a run of one small file: the stages before spaCy
    (read, analyse, segment) in the main process, while a worker loads the model. "ok" with the
    state for `finish_to_rows`, else what `process_to_rows` says of a file that fails there."""
    from pipeline.runner import start_file

    return _guarded(path, lambda: start_file(path, catalogue=entry))


def finish_to_rows(state, path: str, run_id: str) -> tuple[str, object]:
    """Worker: the second half, the stages from spaCy's on, to warehouse rows."""
    from pipeline.runner import finish_file

    return _guarded(path, lambda: _rows(finish_file(state), path, run_id))


def _rows(state, path: str, run_id: str) -> dict:
    rows = store.rows_for_state(state, path, run_id)
    rows["ocr_pages"] = len({b.prov.page for b in state.doc.blocks if b.prov.ocr})  # for the progress bar
    return rows


def _guarded(path: str, work) -> tuple[str, object]:
    from pipeline import limits

    try:
        # The worker's memory is the file's own: past the budget, malloc fails, Python raises
        # MemoryError, and the file fails in words; the worker and the other files go on.
        with limits.memory_limit(limits.LIMITS.max_memory):
            result = work()
        return "ok", result
    except PlanscopeError as exc:
        return "error", str(exc)
    except MemoryError:
        return "error", f"{path}: {limits.memory_words()}"
    except Exception as exc:  # read_document passes on only planscope's own bugs: say so, keep going
        cause = resource_cause(exc)  # a library's allocation failed at the limit in its own way
        if cause is not None:
            return "error", f"{path}: {limits.memory_words() if isinstance(cause, MemoryError) else cause}"
        return "internal", (internal_error_line(path, exc), format_traceback(exc))


# The cyclic garbage collector of a process that runs the stages: Python's default collects its
# youngest objects every 700 allocations, and a page makes thousands of short-lived dicts (a
# glyph's, a word's) and spaCy objects: ~3.6 young and ~0.3 middle collections a page, and
# a full one (every model object) every ~150 pages. Every 10,000 allocations: garbage is freed
# the same (all but cycles by reference counts), the collector's CPU ~1.3 -> ~0.7 ms a bench PDF
# page (bench/PERF.md, sixth session).
GC_THRESHOLD = (10_000, 10, 10)


def _init_worker(password: str | None, ocr_mode: str = "auto", ocr_threads: int = 1,
                 file_limits: Limits | None = None) -> None:
    from pipeline.readers import PDF_PASSWORD, ocr

    gc.set_threshold(*GC_THRESHOLD)
    PDF_PASSWORD["value"] = password
    ocr.set_mode(ocr_mode, ocr_threads)
    set_limits(file_limits)


def _init_warm_worker(password: str | None, ocr_mode: str, file_limits: Limits | None) -> None:
    """A pool worker started before the warehouse is checked: it loads what every file needs (the
    stages, spaCy's model, the language detector's models) while the main process hashes the files
    and opens the warehouse, instead of after. A model that fails to load fails again, in words, in
    the file that needs it."""
    _init_worker(password, ocr_mode, file_limits=file_limits)
    try:
        import pipeline.runner  # noqa: F401  (the stages and their extractors)
        from pipeline.readers.language import detect_language
        from extractors.entities.nlp import get_nlp

        get_nlp()
        detect_language("The group met in the spring to agree on its plan of work for the next two years.")
    except Exception:
        pass


def _init_parsing_worker(password: str | None, ocr_mode: str, file_limits: Limits | None) -> None:
    """The worker of a run of one small file: it loads what the stages from spaCy's on need
    (spaCy's model, the prose classifier) while the main process reads the file and detects its
    language (`read_to_state`); the language detector is never loaded here."""
    _init_worker(password, ocr_mode, file_limits=file_limits)
    try:
        from extractors.entities.nlp import get_nlp
        from extractors.prose.narrative_model import load_model
        import pipeline.runner  # noqa: F401  (the stages and their extractors)

        get_nlp()
        load_model()
    except Exception:
        pass


def _finish_in_pool(state, path: str, run_id: str) -> tuple[str, object]:
    return finish_to_rows(state, path, run_id)


def _process_in_pool(path: str, run_id: str, entry: dict | None, ocr_threads: int) -> tuple[str, object]:
    from pipeline.readers import ocr

    ocr.set_mode(None, ocr_threads)  # known only once the warehouse said how many files are new
    return process_to_rows(path, run_id, entry)


# A file this big is read in a process of its own even with --workers 1: at the memory limit,
# CPython can abort the whole process ("Cannot recover from MemoryErrors while normalizing
# exceptions") instead of raising MemoryError, and the run must outlive the file.
IN_PROCESS_MAX_BYTES = 5 * 1024 * 1024


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _process_isolated(path: str, run_id: str, entry: dict | None, password: str | None, ocr_mode: str,
                      ocr_threads: int, file_limits: Limits) -> tuple[str, object]:
    """One file in a worker process of its own; a worker that dies is the file's failure, in words."""
    from pipeline import limits

    with ProcessPoolExecutor(max_workers=1, initializer=_init_worker,
                             initargs=(password, ocr_mode, ocr_threads, file_limits)) as pool:
        try:
            return pool.submit(_process_in_pool, path, run_id, entry, ocr_threads).result()
        except Exception as exc:  # the worker aborted: at the memory limit, or a library crashed
            if file_limits is not None and file_limits.max_memory:
                return "error", f"{path}: {limits.memory_words()}"
            return "error", f"{path}: worker failed ({type(exc).__name__}: {exc})"


def start_warm_pool(workers: int, password: str | None, ocr_mode: str, file_limits: Limits,
                    initializer=None) -> ProcessPoolExecutor:
    pool = ProcessPoolExecutor(max_workers=workers, initializer=initializer or _init_warm_worker,
                               initargs=(password, ocr_mode, file_limits))
    pool.submit(os.getpid)  # starts the workers now (all of them, with fork), each running the initializer
    return pool


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Workers started for files that turned out unchanged: stopped without waiting for their models."""
    processes = list(getattr(pool, "_processes", None) or {})  # pids (a private attribute, hence getattr)
    pool.shutdown(wait=False, cancel_futures=True)
    for pid in processes:
        try:
            os.kill(pid, 15)
        except OSError:
            pass


def catalogue_key(entry) -> str | None:
    """How a catalogue entry is stored on `documents`, to see whether it changed since the last run."""
    return json.dumps(entry.as_dict(), ensure_ascii=False, default=str) if entry is not None else None


def ingest(db: str, paths: list[str], *, workers: int | None = None, password: str | None = None,
           progress=None, force: bool = False, executor: str = "local", catalogue=None,
           ocr: str = "auto", limits: Limits | None = None) -> IngestSummary:
    run_id = uuid.uuid4().hex[:12]
    summary = IngestSummary(run_id=run_id)
    files, missing = discover(paths)
    summary.seen = len(files) + len(missing)
    requested_workers = workers
    workers = max(1, workers or os.cpu_count() or 1)
    limits = replace(limits or Limits())
    if limits.max_memory is None:  # sized from the machine and how many workers share it
        limits.max_memory = default_memory(workers)
    # The workers start now and load their models while the files are hashed and the warehouse is
    # checked, not after, when they will surely have work: a new warehouse, or no more files than
    # workers (a run of a few files is mostly loading models). If every file turns out unchanged
    # they are stopped. A run over an existing warehouse starts its pool after the check: a
    # re-ingest of unchanged files would otherwise pay for workers loading models beside the
    # hashing (bench/PERF.md, fourth round). `--workers 1` reads in this process, after the check.
    # One small file is read here (the stages before spaCy, the language detector's models loaded
    # here) while the one worker loads spaCy's model; the worker then runs the stages from spaCy's
    # on (bench/PERF.md, fifth round).
    split = executor == "local" and workers > 1 and len(files) == 1 and _size(str(files[0])) <= IN_PROCESS_MAX_BYTES
    if split:
        import pipeline.runner  # noqa: F401  (the stages: both processes need them, imported once before the fork)
    early_pool = start_warm_pool(min(len(files), workers), password, ocr, limits,
                                 _init_parsing_worker if split else _init_warm_worker) \
        if executor == "local" and workers > 1 and len(files) > 0 \
        and (len(files) <= workers or not Path(db).exists()) else None
    try:
        # The warehouse is held only while a batch loads, so `planscope sql` can read between batches.
        with _warehouse(db) as con:
            store.insert(con, "ingest_runs", [dict(run_id=run_id, started_at=store.now(), paths=[str(p) for p in paths],
                                                   workers=requested_workers or 1)])
            known = store.known_files(con)
            catalogued = store.known_catalogue(con)
        entries = {str(f.resolve()): catalogue.lookup(f) for f in files} if catalogue is not None else {}
        summary.uncatalogued = [e.file for e in catalogue.unmatched(files)] if catalogue is not None else []
        by_sha = {sha: path for path, sha in known.items()}
        copies: dict[str, list[str]] = {}  # path -> later paths with the same bytes
        todo: list[tuple[str, list[str]]] = []
        for f in files:
            key = str(f.resolve())
            try:
                sha = file_sha256(f)
            except OSError as exc:
                summary.failed.append((str(f), f"{f}: cannot open: {exc.strerror}"))
                continue
            if not force and known.get(key) == sha and catalogue_key(entries.get(key)) == catalogued.get(key):
                summary.skipped += 1  # unchanged, and so is what the catalogue says of it
                continue
            if sha in by_sha and by_sha[sha] != key:
                summary.skipped += 1  # the same bytes under another path: one copy in the warehouse is enough
                summary.duplicates.append((key, by_sha[sha]))
                copies.setdefault(by_sha[sha], []).append(key)
                continue
            by_sha[sha] = key
            replaces = [known[key]] if key in known and known[key] != sha else []
            todo.append((key, replaces))
        for path, reason in missing:
            summary.failed.append((path, f"{path}: {reason}"))
    except BaseException:
        if early_pool is not None:
            stop_pool(early_pool)
        raise
    if progress:
        progress.start(total=len(todo), skipped=summary.skipped)
    # Files run in parallel first; when there are fewer files than workers, a file's OCR pages share the rest.
    ocr_threads = max(1, workers // max(1, min(workers, len(todo))))
    pending: list[dict] = []
    last_con = None

    def flush() -> None:
        if pending:
            with _warehouse(db, schema=False) as con:  # the run's first connect made the schema
                store.load_batch(con, pending)
            pending.clear()

    def handle(path: str, replaces: list[str], status: str, result) -> None:
        if status == "ok":
            result["replaces"] = replaces
            pending.append(result)
            summary.ingested += 1
            summary.records += result["document"]["records"]
            summary.quarantined += result["document"]["quarantined"]
            summary.pages += result["document"]["pages"] or 0
            if len(pending) >= BATCH_FILES:
                flush()
        elif status == "internal":
            line, trace = result
            summary.failed.append((path, line))
            summary.internal[path] = trace
        else:
            summary.failed.append((path, result))
        if progress:
            info = {**result["document"], "ocr_pages": result.get("ocr_pages", 0)} if status == "ok" \
                else summary.failed[-1][1]
            progress.advance(path, "ok" if status == "ok" else "error", info)

    try:
        if executor == "ray":
            for path, replaces, status, result in run_on_ray(todo, run_id, workers, password, entries, ocr,
                                                             limits=limits):
                handle(path, replaces, status, result)
        elif early_pool is not None and split and len(todo) == 1:
            path, replaces = todo[0]
            try:
                _init_worker(password, ocr, ocr_threads, limits)  # this process reads the file, as --workers 1 does
                status, result = read_to_state(path, _entry(entries, path))
                if status == "ok":
                    try:
                        status, result = early_pool.submit(_finish_in_pool, result, path, run_id).result()
                    except Exception as exc:  # a worker that died (killed, out of memory)
                        status, result = "error", f"{path}: worker failed ({type(exc).__name__}: {exc})"
                    early_pool.shutdown(wait=False)  # the worker exits while the rows load
                else:  # the file failed before spaCy: the worker's models are not waited for
                    stop_pool(early_pool)
            except BaseException:  # interrupted: the worker is stopped, not left to finish loading
                stop_pool(early_pool)
                raise
            handle(path, replaces, status, result)
        elif early_pool is not None and todo:
            with early_pool as pool:
                _run_in_pool(pool, todo, run_id, entries, ocr_threads, workers, handle)
        elif workers == 1 or len(todo) <= 1:
            _init_worker(password, ocr, ocr_threads, limits)
            for path, replaces in todo:
                if _size(path) > IN_PROCESS_MAX_BYTES:
                    handle(path, replaces, *_process_isolated(path, run_id, _entry(entries, path), password, ocr,
                                                              ocr_threads, limits))
                else:
                    handle(path, replaces, *process_to_rows(path, run_id, _entry(entries, path)))
        else:
            with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                                     initargs=(password, ocr, ocr_threads, limits)) as pool:
                _run_in_pool(pool, todo, run_id, entries, ocr_threads, workers, handle)
        if pending:  # the last batch, on the connection that then records the run (one open, not two)
            last_con = store.connect(db, wait_seconds=LOCK_WAIT_SECONDS, schema=False)
            store.load_batch(last_con, pending)
            pending.clear()
        _copies_share_failures(summary, copies)
        status = "failed" if summary.failed else "ok"
    except BaseException:
        status = "interrupted"  # what was committed stays; the next run does the rest
        raise
    finally:
        if early_pool is not None and not todo:
            stop_pool(early_pool)
        if early_pool is not None:
            early_pool.shutdown(wait=True)  # joins the workers (already stopped, or exiting since their last file)
        if progress:
            progress.stop()
        failures = [dict(run_id=run_id, path=p, reason=r, failed_at=store.now(),
                         kind="internal" if p in summary.internal else "file", detail=summary.internal.get(p))
                    for p, r in summary.failed]
        con = last_con or store.connect(db, wait_seconds=LOCK_WAIT_SECONDS, schema=False)
        try:
            _upgrade_failures(con)
            store.insert(con, "failures", failures)
            con.execute(
                "UPDATE ingest_runs SET finished_at = ?, files_seen = ?, files_ingested = ?, files_skipped = ?, "
                "files_failed = ?, records = ?, status = ? WHERE run_id = ?",
                [store.now(), summary.seen, summary.ingested, summary.skipped, len(summary.failed), summary.records,
                 status, run_id],
            )
        finally:
            con.close()
    return summary


def _run_in_pool(pool, todo, run_id: str, entries: dict, ocr_threads: int, workers: int, handle) -> None:
    queue = list(todo)
    running = {}
    while queue or running:
        while queue and len(running) < workers * 2:
            path, replaces = queue.pop(0)
            running[pool.submit(_process_in_pool, path, run_id, _entry(entries, path), ocr_threads)] = (path, replaces)
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for fut in done:
            path, replaces = running.pop(fut)
            try:
                status, result = fut.result()
            except Exception as exc:  # a worker that died (killed, out of memory)
                status, result = "error", f"{path}: worker failed ({type(exc).__name__}: {exc})"
            handle(path, replaces, status, result)


def _upgrade_failures(con) -> None:
    """Warehouses made before failures had `kind` and `detail` get the two columns."""
    con.execute("ALTER TABLE failures ADD COLUMN IF NOT EXISTS kind VARCHAR DEFAULT 'file'")
    con.execute("ALTER TABLE failures ADD COLUMN IF NOT EXISTS detail VARCHAR")


def _entry(entries: dict, path: str) -> dict | None:
    entry = entries.get(path)
    return entry.as_dict() if entry is not None else None


def _process_with_password(path: str, run_id: str, password: str | None, entry: dict | None = None,
                           ocr_mode: str = "auto", file_limits: Limits | None = None):
    _init_worker(password, ocr_mode, file_limits=file_limits)
    return process_to_rows(path, run_id, entry)


def ray_init_kwargs(workers: int) -> dict:
    """How to start or join Ray: the cluster RAY_ADDRESS names, else a new local instance.
    `address="local"` matters: with no address, ray.init joins whatever cluster the last
    `ray start` wrote to /tmp/ray/ray_current_cluster, and dies when that cluster is gone."""
    address = os.environ.get("RAY_ADDRESS") or None
    if address:
        return dict(address=address, include_dashboard=False, log_to_driver=False)
    return dict(address="local", num_cpus=workers, include_dashboard=False, log_to_driver=False,
                runtime_env={"env_vars": {"PYTHONPATH": os.pathsep.join(sys.path)}})


def run_on_ray(todo: list[tuple[str, list[str]]], run_id: str, workers: int, password: str | None,
               entries: dict | None = None, ocr_mode: str = "auto", task=_process_with_password,
               limits: Limits | None = None):
    """The per-file work as Ray tasks; the load stays here, in one writer. RAY_ADDRESS names a cluster.
    A task that dies (worker killed, node lost) is that file's failure; the other files go on."""
    try:
        import ray
    except ImportError:
        raise PlanscopeError("--executor ray needs Ray: pip install 'ray==2.60.0'") from None
    started_here = not ray.is_initialized()
    if started_here:
        try:
            ray.init(**ray_init_kwargs(workers))
        except Exception as exc:  # an unreachable RAY_ADDRESS, a head that asks for a token ...
            raise PlanscopeError(f"cannot start or join Ray ({type(exc).__name__}: "
                                 f"{' '.join(str(exc).split())[:200]})") from None
    remote = ray.remote(max_retries=1)(task)  # a node lost mid-task: one more try, then the file fails
    try:
        extra = {"file_limits": limits} if limits is not None else {}
        pending = {remote.remote(path, run_id, password, _entry(entries or {}, path), ocr_mode, **extra): (path, replaces)
                   for path, replaces in todo}
        while pending:
            done, _ = ray.wait(list(pending), num_returns=1)
            for ref in done:
                path, replaces = pending.pop(ref)
                try:
                    status, result = ray.get(ref)
                except Exception as exc:  # a task or node that died
                    status, result = "error", f"{path}: Ray task failed ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})"
                yield path, replaces, status, result
    finally:
        if started_here:
            ray.shutdown()


def _copies_share_failures(summary: IngestSummary, copies: dict[str, list[str]]) -> None:
    """A copy of a file that failed fails too, under its own name."""
    for path, reason in list(summary.failed):
        for copy in copies.get(path, []):
            summary.failed.append((copy, reason.replace(path, copy)))
            if path in summary.internal:
                summary.internal[copy] = summary.internal[path]
            summary.duplicates = [d for d in summary.duplicates if d[0] != copy]
            summary.skipped -= 1


@contextmanager
def _warehouse(db: str, schema: bool = True):
    con = store.connect(db, wait_seconds=LOCK_WAIT_SECONDS, schema=schema)
    try:
        yield con
    finally:
        con.close()
