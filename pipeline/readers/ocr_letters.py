"""Letters an OCR engine read as digits, put right: "wi11" -> "will", "P1an" -> "Plan", "0ctober" ->
"October", "2O02" -> "2002".

Scans read by Tesseract here, and text files someone else's OCR made, mistake l for 1 and O for 0.
A model or a rule never matches "wi11" to "will" or "Counci1" to "Council", so a future tense, a
body's name or a date is lost. Each repair swaps one character for one, so every character span
the readers assigned stays true. A document is repaired only when it shows three or more such
words: one "Win10" or "H1N1" in clean text is left alone, and a word is touched only where the
digit sits among lower-case letters.

Tesseract's own word list (`ocr.english_words`) would say which repairs make words, but reading it
costs about 2 s per process, more than a small text file takes to ingest; the patterns below are
narrow enough without it (measured on the OCR'd documents of the written sets).
"""
from __future__ import annotations

import re

# a 1 (or two) among letters ("he1d", "P1an", "Ta11inn"), ending a word after three letters ("technica1", "Counci1"),
# or the pair ending one after two ("wi11", "a11"); never after or before a digit
ONE_AS_L = re.compile(r"(?<=[A-Za-z])11?(?=[a-z])|(?<=[a-z]{3})1(?![\w])|(?<=[a-z]{2})11(?![\w])")
# a 0 opening a word of letters ("0ctober", "0fficials", "0CT") or among lower-case letters ("c0mmittee")
ZERO_AS_O = re.compile(r"(?<![\w])0(?=[A-Za-z]{2,}(?![\w]))|(?<=[a-z])0(?=[a-z])")
# an O inside a year or number ("2O02", "19O7")
O_AS_ZERO = re.compile(r"(?<=\d)[Oo](?=\d)")
MIN_DAMAGED_WORDS = 3


# What each pattern cannot match without, found by a plain scan (the patterns' lookbehinds are
# tried at every character of every block, and almost no text has any of them): a 1 right after
# a letter (each branch of ONE_AS_L has one), a 0 right before one (ZERO_AS_O's), an O between
# two ASCII digits (O_AS_ZERO's, in a text of ASCII only: there \d is [0-9]).
_LETTER_ONE = re.compile(r"[A-Za-z]1")
_ZERO_LETTER = re.compile(r"0[A-Za-z]")
_ASCII_DIGIT_O = re.compile(r"[0-9][Oo][0-9]")


def damaged_words(text: str) -> int:
    found = 0
    if "1" in text and _LETTER_ONE.search(text):
        found += len(ONE_AS_L.findall(text))
    if "0" in text and _ZERO_LETTER.search(text):
        found += len(ZERO_AS_O.findall(text))
    if not text.isascii() or _ASCII_DIGIT_O.search(text):
        found += len(O_AS_ZERO.findall(text))
    return found


def repair(text: str) -> str:
    """The same text, the same length, with the misread characters put right."""
    text = ONE_AS_L.sub(lambda m: "l" * len(m.group(0)), text)
    text = ZERO_AS_O.sub(lambda m: "O" if _upper_context(m) else "o", text)
    return O_AS_ZERO.sub("0", text)


def _upper_context(m: re.Match) -> bool:
    """"0CT" and "0ctober" open with a capital; "c0mmittee" keeps its lower case."""
    after = m.string[m.end(): m.end() + 1]
    before = m.string[m.start() - 1: m.start()] if m.start() else ""
    return after.isupper() or not before.isalpha()


def repair_document(doc) -> int:
    """Repair every block's text and table cells when the document shows OCR damage; the number of
    words repaired (0 when it shows too little to be OCR's)."""
    from schemas.document import block_plain_text

    found = sum(damaged_words(block_plain_text(b)) for b in doc.blocks)
    if found < MIN_DAMAGED_WORDS:
        return 0
    for block in doc.blocks:
        block.text = repair(block.text)
        block.header = [repair(c) for c in block.header]
        for row in block.rows:
            row.cells = [repair(c) for c in row.cells]
    doc.furniture = [repair(t) for t in doc.furniture]
    return found
