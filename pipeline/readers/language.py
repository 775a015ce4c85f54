"""A document's language, as an ISO 639-1 code, from its body text.

Detector: `lingua-language-detector` 2.1.1 (Rust core, models inside the wheel: nothing is
downloaded at run time). Installed size 100 MB for all 75 languages, no further dependencies;
only the region's languages and English are loaded (en, ru, de, pl, sv, fi, da, nb, nn, et, lv,
lt, is), in low-accuracy mode (trigram models only), which keeps it fast: building the detector
takes ~3 ms, the first call loads the models (~0.4 s, once per process), then a document's first
4000 characters take ~0.7 ms (median; figures in bench/language.md, `python bench/bench_language.py`).
Why not `langdetect` (also on the registry, pure Python): its answers are random unless seeded,
and it loads all 55 of its profiles (no restriction to the region without custom profile files).
Low-accuracy mode loses accuracy only on texts of a few words; a document has hundreds.

A restricted set means a text in another language comes out as the nearest of these; below a
minimum of letters the answer is None (a table of numbers has no language).
"""
from __future__ import annotations

from functools import lru_cache
from itertools import islice

REGION_LANGUAGES = ("ENGLISH", "RUSSIAN", "GERMAN", "POLISH", "SWEDISH", "FINNISH", "DANISH", "BOKMAL", "NYNORSK",
                    "ESTONIAN", "LATVIAN", "LITHUANIAN", "ICELANDIC")
SAMPLE_CHARS = 4000
MIN_LETTERS = 20


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in REGION_LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """`ru`, `de`, `pl`, `en`, ... for the text's main language; None when it has too few letters."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if not _has_letters(sample, MIN_LETTERS):
        return None
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language is not None else None


def _has_letters(text: str, n: int) -> bool:
    """At least n letters in the text: counted until the nth, not through the whole sample."""
    return n <= 0 or next(islice(filter(str.isalpha, text), n - 1, None), None) is not None
