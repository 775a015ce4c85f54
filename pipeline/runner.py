"""Chains the named stages from config over one file and returns what they made."""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from pipeline.components import STAGES, IngestState

CONFIG = Path(__file__).resolve().parent / "config.toml"


@lru_cache(maxsize=4)
def stage_names(config: str | None = None) -> tuple[str, ...]:
    names = tomllib.loads(Path(config or CONFIG).read_text())["pipeline"]["stages"]
    unknown = [n for n in names if n not in STAGES]
    if unknown:
        raise ValueError(f"pipeline config names unknown stages: {unknown}")
    return tuple(names)


def process_file(path: str | Path, config: str | None = None, catalogue: dict | None = None) -> IngestState:
    """Run every stage over one file. Raises PlanscopeError for a file that cannot be read.
    `catalogue` is the file's entry in the archivist's catalogue, if any."""
    state = IngestState(path=Path(path), catalogue=catalogue)
    for name in stage_names(config):
        STAGES[name](state)
    return state
