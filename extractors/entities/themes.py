"""Themes from one vocabulary across the years (spec/themes.md), each with the reason it is there:
the plan's own legend for its priority codes, the document or section a record sits in, and
the record's own words (lemma patterns from data/themes.toml)."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path

from schemas.records import THEME_IDS, ThemeAssignment

DATA = Path(__file__).resolve().parent.parent / "data"  # extractors/data, shared by the subpackages


_SPACED_HYPHEN = re.compile(r"\s*-\s*")
_CO_HYPHEN = re.compile(r"\bco-(operat|ordinat)")
_NOT_WORD_CHARS = re.compile(r"[^\w'\- ]+")


def fold(text: str) -> str:
    """Lower case, one apostrophe, hyphens and co-operate spellings folded, single spaces."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = _SPACED_HYPHEN.sub("-", text)
    text = _CO_HYPHEN.sub(r"co\1", text)
    text = _NOT_WORD_CHARS.sub(" ", text)
    return " ".join(text.split())


def _phrase_regex(phrase: str) -> re.Pattern:
    words = [re.escape(w).replace("qqstarqq", r"[\w'-]*") for w in fold(phrase.replace("*", "qqstarqq")).split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w])")


@dataclass
class Lexicon:
    phrases: dict[str, list[tuple[str, re.Pattern]]]
    weak: dict[str, set[str]]
    combos: list[tuple[list[re.Pattern], list[str], str]]
    not_inherited: set[str]

    def __post_init__(self):
        # Index phrases by their first word (or its prefix, for "traffick*"), so a text is checked
        # only against the phrases whose first word it contains.
        self._by_word: dict[str, list[tuple[str, str, re.Pattern]]] = {}
        self._by_prefix: list[tuple[str, str, str, re.Pattern]] = []
        for theme, patterns in self.phrases.items():
            for phrase, pattern in patterns:
                first = fold(phrase.replace("*", "qqstarqq")).split()[0]
                if "qqstarqq" in first:
                    self._by_prefix.append((first.split("qqstarqq")[0], theme, phrase, pattern))
                else:
                    self._by_word.setdefault(first, []).append((theme, phrase, pattern))
        # the order `matches` reports in, worked out once (it was rebuilt on every call)
        self._order = {t: i for i, t in enumerate(self.phrases)}
        self._rank = {(t, p): i for t, pats in self.phrases.items() for i, (p, _) in enumerate(pats)}
        self._prefixes = tuple(sorted({prefix for prefix, *_ in self._by_prefix}))
        self._prefix_lengths = tuple(sorted({len(prefix) for prefix in self._prefixes}))
        # the phrases that can give each theme, by the same index (`has_theme`)
        self._theme_words: dict[str, dict[str, list[re.Pattern]]] = {}
        for word, entries in self._by_word.items():
            for theme, _, pattern in entries:
                self._theme_words.setdefault(theme, {}).setdefault(word, []).append(pattern)
        self._theme_prefixes: dict[str, list[tuple[str, re.Pattern]]] = {}
        for prefix, theme, _, pattern in self._by_prefix:
            self._theme_prefixes.setdefault(theme, []).append((prefix, pattern))

    def _present_prefixes(self, words: set[str]) -> set[str]:
        """The prefixes some word starts with: each word's own beginnings of the prefixes' lengths,
        met with the prefixes (a word starts with a prefix exactly when its first len(prefix) letters
        are the prefix; one set lookup a word and length instead of a scan of the words a prefix)."""
        starts = {w[:n] for w in words for n in self._prefix_lengths if len(w) >= n}
        return starts.intersection(self._prefixes)

    def _candidates(self, words: set[str]):
        for w in words:
            yield from self._by_word.get(w, ())
        if self._by_prefix:
            present = self._present_prefixes(words)
            for prefix, theme, phrase, pattern in self._by_prefix:
                if prefix in present:
                    yield theme, phrase, pattern

    def has_theme(self, theme: str, text: str) -> bool:
        """`theme in self.matches(text)`, asking only the phrases and combinations that give the
        theme: one of its phrases whose first word (or prefix) the text has is found in it, or a
        combination naming it has all its parts in the text."""
        words = set(text.split())
        by_word = self._theme_words.get(theme, {})
        for w in words:
            for pattern in by_word.get(w, ()):
                if pattern.search(text):
                    return True
        prefixed = self._theme_prefixes.get(theme)
        if prefixed:
            present = self._present_prefixes(words)
            if any(prefix in present and pattern.search(text) for prefix, pattern in prefixed):
                return True
        return any(theme in themes and all(p.search(text) for p in patterns) for patterns, themes, _ in self.combos)

    def matches(self, *texts: str) -> dict[str, str]:
        """theme -> the phrase that put it there, over the given (already folded) texts."""
        words = {w for t in texts for w in t.split()}
        found: dict[str, str] = {}
        order, rank = self._order, self._rank
        # within a theme the phrase listed first names the reason, as in the data file's order
        for theme, phrase, pattern in sorted(self._candidates(words), key=lambda c: (order[c[0]], rank[(c[0], c[1])])):
            if theme not in found and any(pattern.search(t) for t in texts):
                found[theme] = phrase
        for patterns, themes, label in self.combos:
            if all(any(p.search(t) for t in texts) for p in patterns):
                for theme in themes:
                    found.setdefault(theme, label)
        return dict(sorted(found.items(), key=lambda kv: order.get(kv[0], 99)))


@lru_cache(maxsize=2)
def load_lexicon(path: str | None = None) -> Lexicon:
    data = tomllib.loads(Path(path or DATA / "themes.toml").read_text(encoding="utf-8"))
    phrases, weak, not_inherited = {}, {}, set()
    for theme, spec in data["themes"].items():
        if theme not in THEME_IDS:
            raise ValueError(f"themes.toml: unknown theme id {theme!r}")
        phrases[theme] = [(p, _phrase_regex(p)) for p in spec["phrases"]]
        weak[theme] = set(spec.get("weak_in_events", []))
        if spec.get("inherit") is False:
            not_inherited.add(theme)
    combos = [([_phrase_regex(p) for p in c["all"]], c["themes"], " + ".join(c["all"])) for c in data.get("combos", [])]
    return Lexicon(phrases, weak, combos, not_inherited)


def word_themes(text: str, lemmas: str | None, *, event: bool = False) -> list[ThemeAssignment]:
    """Themes the record's own words carry."""
    lex = load_lexicon()
    texts = [fold(text)] + ([fold(lemmas)] if lemmas else [])
    found = lex.matches(*texts)
    if event:
        strong = {t for t, p in found.items() if p not in lex.weak.get(t, set())}
        if strong:
            found = {t: p for t, p in found.items() if t in strong}
    return [ThemeAssignment(theme=t, source="words", reason=f"words: {p!r}") for t, p in found.items()]


@lru_cache(maxsize=1024)
def inherited_themes(text: str, source: str) -> list[ThemeAssignment]:
    """Topical themes a document title or a section heading passes to every record inside it."""
    lex = load_lexicon()
    found = lex.matches(fold(text))
    return [ThemeAssignment(theme=t, source=source, reason=f"{source}: {p!r} in {text[:80]!r}")
            for t, p in found.items() if t not in lex.not_inherited]


LEAD_TITLE_LINES = 3  # a title block: the first lines, each short (as `structure.title_block` reads it)
LEAD_MIN_WORDS = 12  # the opening paragraph: the first line long enough to be prose, not a heading
LEAD_SEARCH = 8  # ... among the document's first lines
LEAD_MAX_TOPICS = 2  # an opening that names more topics introduces an overview, not one topic
LEAD_RECURS = 2  # other lines of the document that name the topic again


def lead_topic_themes(lines: list[str]) -> list[ThemeAssignment]:
    """A document says what it is about where it opens: its title block and its first paragraph
    ("'Safe Return': reintegration of children returned after trafficking"; "The Ombudsman for
    Children promotes the rights of the child"). When that opening names one or two topics and
    the body names them again, the whole document is about them, and themes.md passes a whole
    document's theme to every record in it. An opening naming many topics (a report's overview of
    its priorities) passes none."""
    lex = load_lexicon()
    lines = [t for t in lines if t.strip()]
    head = [t for t in lines[:LEAD_TITLE_LINES] if len(t.split()) <= 16]
    lead = next((i for i, t in enumerate(lines[:LEAD_SEARCH]) if len(t.split()) >= LEAD_MIN_WORDS), None)
    opening = head + ([lines[lead]] if lead is not None else [])
    if not opening:
        return []
    found = {t: p for t, p in lex.matches(*(fold(t) for t in opening)).items() if t not in lex.not_inherited}
    if not found or len(found) > LEAD_MAX_TOPICS:
        return []
    used = set(head) | ({lines[lead]} if lead is not None else set())
    rest = [fold(t) for t in lines if t not in used]
    out = []
    for theme, phrase in found.items():
        # the first LEAD_RECURS lines that name it are enough to know there are that many
        if sum(1 for _ in islice((t for t in rest if lex.has_theme(theme, t)), LEAD_RECURS)) >= LEAD_RECURS:
            out.append(ThemeAssignment(theme=theme, source="document",
                                       reason=f"document: {phrase!r} where it opens, and again in its body"))
    return out


LEGEND_INTRO = re.compile(r"^\W*(?:\*\s*)?(priorit\w*|legend|key|codes?|focus areas?|areas?)\b[^:]{0,40}:\s*", re.I)
LEGEND_ENTRY = re.compile(r"(?:^|(?<=[\s.;]))(?P<code>[A-Z]|\d{1,2})\s*[:=)]\s*(?P<text>.+?)(?=(?:\s*[.;]?\s+(?:[A-Z]|\d{1,2})\s*[:=)]\s)|$)")


def parse_legend(text: str) -> dict[str, str]:
    """`* Priorities: A: Protection from sexual exploitation. B: Street children ...` -> {code: text}."""
    m = LEGEND_INTRO.match(text)
    body = text[m.end():] if m else text
    entries = {}
    for e in LEGEND_ENTRY.finditer(body):
        entries[e.group("code")] = e.group("text").strip(" .;")
    return entries if len(entries) >= 2 or (m and entries) else {}


def legend_themes(legend: dict[str, str], ocr: bool = False) -> dict[str, list[ThemeAssignment]]:
    """code -> themes of its legend text. A legend read by OCR has its misread words put right
    first ("Unacconipanied" -> "unaccompanied"), against the words of the theme phrases only."""
    out = {}
    lex = load_lexicon()
    for code, text in legend.items():
        folded = repair_ocr_words(fold(text)) if ocr else fold(text)
        found = lex.matches(folded)
        out[code] = [ThemeAssignment(theme=t, source="legend", reason=f"legend {code}: {text!r}") for t in found]
    return out


OCR_MATCH = 0.85  # difflib ratio: "unacconipanied" ~ "unaccompanied" 0.89; "accompanied" ~ it too, hence OCR only


def repair_ocr_words(folded: str) -> str:
    """Each word of at least six letters that no theme phrase has, replaced by the phrase word it
    is closest to, when that is close enough to be a misreading of it."""
    import difflib

    vocabulary = _phrase_words()
    words = []
    for word in folded.split():
        if len(word) >= 6 and word not in vocabulary:
            close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=OCR_MATCH)
            word = close[0] if close else word
        words.append(word)
    return " ".join(words)


@lru_cache(maxsize=1)
def _phrase_words() -> list[str]:
    lex = load_lexicon()
    return sorted({w for patterns in lex.phrases.values() for phrase, _ in patterns
                   for w in fold(phrase.replace("*", "")).split()})
