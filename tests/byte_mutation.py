"""Byte-level mutations of real files, shared by the property tests and bench/fuzz_readers.py."""
from __future__ import annotations


def mutate(data: bytes, ops: list[tuple[int, int, int]]) -> bytes:
    """Apply (kind, position, value) operations: 0 overwrite a byte, 1 delete a run, 2 insert a run,
    3 splice in a chunk copied from elsewhere in the file."""
    buf = bytearray(data)
    for kind, pos, value in ops:
        if not buf:
            break
        pos %= len(buf)
        if kind == 0:
            buf[pos] = value
        elif kind == 1:
            del buf[pos: pos + value * 53]
        elif kind == 2:
            buf[pos:pos] = bytes([value]) * (value % 11 + 1)
        else:
            other = (pos * 7919) % len(buf)
            buf[pos:pos] = buf[other: other + value]
    return bytes(buf)
