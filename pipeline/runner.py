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
    return finish_file(start_file(path, config, catalogue), config)


# The first stage that needs spaCy's model. A run of one small file reads it (the stages before
# this one) in the main process while a worker loads spaCy, then hands the state over (ingest.py).
FIRST_NLP_STAGE = "nlp"


def _split(config: str | None) -> int:
    names = stage_names(config)
    return names.index(FIRST_NLP_STAGE) if FIRST_NLP_STAGE in names else len(names)


def start_file(path: str | Path, config: str | None = None, catalogue: dict | None = None) -> IngestState:
    """The stages before the first that needs spaCy (read, analyse, segment): no model loaded."""
    state = IngestState(path=Path(path), catalogue=catalogue)
    for name in stage_names(config)[:_split(config)]:
        STAGES[name](state)
    return state


def finish_file(state: IngestState, config: str | None = None) -> IngestState:
    """The stages from the first that needs spaCy on."""
    for name in stage_names(config)[_split(config):]:
        STAGES[name](state)
    return state
