"""The fast layer's own settings."""
from __future__ import annotations

import re


def pytest_make_parametrize_id(config, val, argname):
    """An ASCII id for a parameter pytest would escape (non-ASCII text, bytes, backslashes, quotes):
    mutmut passes the node ids of new tests back to an in-process pytest, which does not find escaped
    ids again (`mutmut run NAMES` then fails at its stats collection). None: pytest's own id."""
    if isinstance(val, bytes) or (isinstance(val, str) and (not val.isascii() or not val.isprintable() or re.search(r"[\\\"'\[\]]", val))):
        text = val.decode("latin-1") if isinstance(val, bytes) else val
        return re.sub(r"[^A-Za-z0-9]+", "_", text.encode("ascii", "backslashreplace").decode()).strip("_")[:40] or "empty"
    return None
