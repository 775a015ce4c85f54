"""List labels shared by the readers: recognising "1)", "a.", "IV", "1.2" and bullets in text,
and formatting counters the way Word's numbering does."""
from __future__ import annotations

import re

# "-" is how plain text and e-mail write bullets; it counts only with a space after. ("*" does
# not: it marks a footnote, "* Priorities: A: ...", as often as an item.)
BULLET_CHARS = "·•▪◦‣●○■□–-→➢►▶✓\uf0b7\uf0a7\uf076\uf0d8\uf0fc"
ROMAN_RE = re.compile(r"^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")

# A numbered label at the start of a paragraph, as printed.
LABEL_RE = re.compile(
    r"""^\s*(?:
        (?P<outline>\d{1,2}(?:\.\d{1,2})+)\.?(?=\s)      # 1.1  2.3.1
      | (?P<dec>\d{1,2})(?P<dpunct>[.)])(?=\s|$|(?<=\d\d\.)[A-Z][a-z])  # 1)  1.  and "10.Instruct": Word's
                                                        # tab after a two-digit number shrinks to nothing
      | \((?P<pdec>\d{1,2})\)(?=\s)                        # (1)
      | (?P<lrom>[ivx]{2,5})(?P<lrpunct>[.)])(?=\s)        # ii.  iv)   (i. is read as a letter)
      | \((?P<plrom>[ivx]{2,5})\)(?=\s)                    # (iv)
      | (?P<let>[a-z])(?P<lpunct>[.)])(?=\s)               # a)  a.
      | \((?P<plet>[a-z])\)(?=\s)                          # (a)
      | (?P<rom>[IVX]{1,5})(?P<rpunct>[.)]?)(?=\s)         # IV  IV)  IV.
    )\s*""",
    re.VERBOSE,
)


# a month's name or abbreviation, not any word that starts like one ("Mark", "Declaration", "Marine")
MONTH_WORD = (r"(?i)(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
              r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\b")


def roman_value(text: str) -> int | None:
    text = text.upper()
    if not text or not ROMAN_RE.match(text):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total


def to_roman(n: int) -> str:
    out = ""
    for value, sym in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def to_letters(n: int) -> str:
    # Word repeats the letter after z: aa, bb ...
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return to_letters(n)
    if fmt == "upperLetter":
        return to_letters(n).upper()
    if fmt == "lowerRoman":
        return to_roman(n).lower()
    if fmt == "upperRoman":
        return to_roman(n)
    return str(n)


def starts_with_month(text: str) -> bool:
    """"Oktober", "Mai", "maja": a month name of a region language (extractors/time/dates_i18n.py)."""
    from extractors.time.dates_i18n import month_forms

    word = re.match(r"\s*([^\W\d_]+)", text)
    return bool(word) and word.group(1).lower() in month_forms()


def split_label(text: str) -> tuple[str | None, int | None, str, str | None]:
    """(label, ordinal, rest, kind) of a paragraph that starts with a printed list label.

    kind is decimal | letter | roman | lower_roman | outline | bullet, or None when there is no label.
    (Lower-case roman labels are list items; upper-case ones open sections.)
    A bare roman numeral counts only when what follows starts like a sentence or a quote.
    """
    stripped = text.lstrip()
    if stripped[:1] and stripped[0] in BULLET_CHARS and (len(stripped) == 1 or stripped[1].isspace()):
        return stripped[0], None, stripped[1:].strip(), "bullet"
    # Word's second-level bullet (Courier "o") as plain text gives it: "o hosted by ...", "o 45 participants";
    # "o 2017" alone is no item
    if re.match(r"o (?:[^\W\d_]|\d+\s+[^\W\d_])", stripped):
        return "o", None, stripped[2:].strip(), "bullet"
    m = LABEL_RE.match(text)
    if not m:
        return None, None, text, None
    rest = text[m.end():]
    if m.group("outline"):
        label = m.group("outline")
        return label, int(label.split(".")[-1]), rest, "outline"
    if m.group("dec"):
        if m.group("dpunct") == "." and (re.match(MONTH_WORD, rest) or starts_with_month(rest)):
            return None, None, text, None  # "3. September, Oslo": a date written the German way
        return m.group("dec") + m.group("dpunct"), int(m.group("dec")), rest, "decimal"
    if m.group("pdec"):
        return f"({m.group('pdec')})", int(m.group("pdec")), rest, "decimal"
    if m.group("lrom") or m.group("plrom"):
        rom = m.group("lrom") or m.group("plrom")
        value = roman_value(rom)
        if value is None:
            return None, None, text, None
        label = rom + m.group("lrpunct") if m.group("lrom") else f"({rom})"
        return label, value, rest, "lower_roman"
    if m.group("let"):
        letter = m.group("let")
        return letter + m.group("lpunct"), ord(letter) - 96, rest, "letter"
    if m.group("plet"):
        letter = m.group("plet")
        return f"({letter})", ord(letter) - 96, rest, "letter"
    rom = m.group("rom")
    value = roman_value(rom)
    if value is None or not rest[:1] or not (rest[0].isupper() or rest[0] in "“\"'‘"):
        return None, None, text, None
    short_title = len(rest.split()) <= 10 and not rest.rstrip().endswith((".", ",", ";"))
    if rom == "I" and not m.group("rpunct") and not rest.startswith(("“", '"')) and not short_title:
        return None, None, text, None  # "I am ..." is a sentence, not a section
    return rom + m.group("rpunct"), value, rest, "roman"


def block_from_text(text: str, prov, *, heading: bool = False, heading_level: int = 2, italic: bool = False,
                    bold: bool = False, style: str | None = None):
    """A paragraph's block, with a printed list label split off into label/number.

    Roman-numbered paragraphs ("II Establishment of ...") open sections: they become headings.
    """
    from schemas.document import Block, BlockKind

    label, number, rest, kind = split_label(text)
    common = dict(italic=italic, bold=bold, style=style, prov=prov)
    if kind == "roman":
        return Block(kind=BlockKind.heading, level=heading_level, label=label, number=number, numbered=True,
                     text=text, **common)
    if kind is not None and rest.strip():
        level = max(label.count(".") - 1, 0) if kind == "outline" else 0
        return Block(kind=BlockKind.list_item, label=label, number=number, numbered=kind != "bullet",
                     level=level, text=rest.strip(), **common)
    if heading:
        return Block(kind=BlockKind.heading, level=heading_level, text=text, **common)
    return Block(kind=BlockKind.paragraph, text=text, **common)
