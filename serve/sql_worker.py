"""The SQL page's queries run here, in a process of their own, so that the time limit is a hard stop.

DuckDB checks for an interrupt between chunks of work; a single long call (levenshtein of two
200,000-letter strings) runs to its end first. A worker process can simply be killed. It also
keeps the memory a query takes (a 300 MB string, a string_agg of everything) out of the server:
the worker has DuckDB's `memory_limit`, an address-space limit on top, and it cuts cells and rows
to the caps it is given before anything is sent to the server.

Protocol (parent <-> child over stdin/stdout): length-prefixed pickles. Request: a dict with sql,
row_limit (None: all), cell_chars, byte_cap, batch. Replies: ("names", [...]), ("rows", [...])
any number of times, then ("done", notes) or ("error", message).

Run as `python -m serve.sql_worker DB MEMORY_LIMIT ADDRESS_SPACE_BYTES IDLE_SECONDS`.
"""
from __future__ import annotations

import os
import pickle
import select
import struct
import sys

SANDBOX = {
    "enable_external_access": "false",
    "autoinstall_known_extensions": "false",
    "autoload_known_extensions": "false",
    "threads": "1",
}
HEADER = struct.Struct("!I")


def send(out, message) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(HEADER.pack(len(data)) + data)
    out.flush()


def receive(inp):
    head = inp.read(HEADER.size)
    if len(head) < HEADER.size:
        return None
    (size,) = HEADER.unpack(head)
    return pickle.loads(inp.read(size))


def value_size(value) -> int:
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, (list, tuple, dict)):
        return len(repr(value))
    return 16


def cut_cell(value, chars: int):
    """(value, its length if it was cut else None)."""
    if isinstance(value, (str, bytes)) and len(value) > chars:
        return value[:chars], len(value)
    return value, None


def answer(con, request: dict, out) -> None:
    import duckdb

    cur = con.cursor()
    try:
        cur.execute(request["sql"])
    except duckdb.Error as exc:
        send(out, ("error", (str(exc).splitlines() or [type(exc).__name__])[0]))
        return
    if cur.description is None:
        send(out, ("names", []))
        send(out, ("done", {"truncated": False, "cut_cells": [], "cut_bytes": False}))
        return
    names = [d[0] for d in cur.description]
    send(out, ("names", names))
    row_limit, chars, cap, batch = request["row_limit"], request["cell_chars"], request["byte_cap"], request["batch"]
    sent = used = 0
    cut_cells, truncated, cut_bytes = [], False, False
    while True:
        want = batch if row_limit is None else min(batch, row_limit + 1 - sent)
        try:
            rows = cur.fetchmany(want) if want > 0 else []
        except duckdb.Error as exc:
            send(out, ("error", (str(exc).splitlines() or [type(exc).__name__])[0]))
            return
        if not rows:
            break
        kept = []
        for row in rows:
            if row_limit is not None and sent + len(kept) >= row_limit:
                truncated = True
                break
            cells = []
            for column, value in enumerate(row):
                value, full = cut_cell(value, min(chars, max(cap - used, 0)))
                if full is not None and len(cut_cells) < 20:
                    cut_cells.append((sent + len(kept) + 1, names[column], full))
                cells.append(value)
                used += value_size(value)
            kept.append(tuple(cells))
            if used >= cap:
                cut_bytes = True
                break
        if kept:
            send(out, ("rows", kept))
            sent += len(kept)
        if truncated or cut_bytes:
            break
    send(out, ("done", {"truncated": truncated, "cut_cells": cut_cells, "cut_bytes": cut_bytes, "rows": sent}))


def main(argv: list[str]) -> int:
    db, memory_limit, address_space, idle = argv[0], argv[1], int(argv[2]), float(argv[3])
    if address_space > 0:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    import duckdb

    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write to the channel
    con = None
    while True:
        ready, _, _ = select.select([inp], [], [], idle if con is not None else None)
        if not ready:  # idle: let go of the file so that `planscope ingest` can write
            con.close()
            con = None
            continue
        request = receive(inp)
        if request is None:
            return 0
        if con is None:
            con = duckdb.connect(db, read_only=True, config={**SANDBOX, "memory_limit": memory_limit,
                                                             "lock_configuration": "true"})
        try:
            answer(con, request, out)
        except MemoryError:
            send(out, ("error", "the query needed more memory than the SQL page allows"))
        except BrokenPipeError:
            return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main(sys.argv[1:]))
