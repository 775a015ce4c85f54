"""Property tests: random and mutated inputs make the normaliser and the readers raise nothing
but planscope's own clean errors. (A longer fuzz run: bench/fuzz_readers.py.)"""
from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.time.dates import normalise
from schemas.errors import PlanscopeError, internal_error_line, is_file_fault
from pipeline.ingest import process_to_rows
from pipeline.readers import read_document
from schemas.records import Period
from tests.conftest import CORPUS
from tests.byte_mutation import mutate

PERIOD = Period(start=date(2016, 7, 1), end=date(2017, 6, 30), raw="July 2016 – June 2017")
DATE_WORDS = st.sampled_from(["29-30 August", "spring", "2009", "of", "–", "1st", "end of", "mid-", "winter 2009/10",
                              "May", "and", "21th of June", "12.–13.", "Q3", "31", "February", "0", "99", "2099"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(DATE_WORDS, max_size=8).map(" ".join)), st.booleans(), st.booleans())
def test_normaliser_never_raises_and_keeps_order(text, with_period, scan):
    value = normalise(text, PERIOD if with_period else None, scan=scan)
    assert (value.start is None) == (value.end is None)
    if value.start:
        assert value.start <= value.end


SEEDS = {ext: (CORPUS / f"000_e3e456b1fc67bad2.{ext}").read_bytes() for ext in ("docx", "pdf", "txt")}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(SEEDS)),
       st.lists(st.tuples(st.integers(0, 3), st.integers(0, 10**7), st.integers(0, 255)), min_size=1, max_size=6),
       st.sampled_from([".docx", ".pdf", ".txt", ".doc"]))
def test_mutated_files_raise_only_planscope_errors(fmt, ops, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"mutant{suffix}"
        path.write_bytes(mutate(SEEDS[fmt], ops))
        try:
            doc = read_document(path)
        except PlanscopeError as exc:
            assert str(exc).startswith(str(path)) and "\n" not in str(exc)
            assert is_file_fault(exc)
        except Exception as exc:  # read_document passes on only planscope's own bugs
            raise AssertionError(f"planscope fault on a mutated {fmt} file: {internal_error_line(str(path), exc)}") from exc
        else:
            assert doc.blocks


TXT_SEED = (CORPUS / "004_2ce97f0e434d4dce.txt").read_bytes()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=4))
def test_mutated_files_through_every_stage_never_fault_planscope(ops):
    """The whole pipeline (read, segment, dates, spaCy, actors, themes, validate, rows) on mutated
    reports: a file's fault or rows, never an internal error."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mutant.txt"
        path.write_bytes(mutate(TXT_SEED, ops))
        status, result = process_to_rows(str(path), "prop")
        assert status in ("ok", "error"), result[1] if status == "internal" else result
