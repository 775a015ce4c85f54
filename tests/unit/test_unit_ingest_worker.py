"""What a process that runs the stages is set up with (pipeline/ingest.py). Expectations by hand."""
from __future__ import annotations

import gc
from concurrent.futures import ProcessPoolExecutor

import pytest

from pipeline.ingest import _init_worker

pytestmark = pytest.mark.unit


def test_a_worker_collects_cyclic_garbage_every_ten_thousand_allocations_not_seven_hundred():
    with ProcessPoolExecutor(max_workers=1, initializer=_init_worker, initargs=(None,)) as pool:
        assert pool.submit(gc.get_threshold).result() == (10_000, 10, 10)
