"""The rules' verdict on one sentence or slide line, for unit tests of extractors/prose/narrative_kind.py."""
from __future__ import annotations

from extractors.entities.nlp import get_nlp
from extractors.entities.places import city_in_text
from extractors.entities.registry import load_registry
from extractors.prose.narrative import Unit
from extractors.prose.narrative_kind import Decision, decide


def decision_of(text: str, shape: str = "sentence", city: bool = False) -> Decision:
    """`city`: let the rules know whether the text names a known city, as the pipeline does."""
    unit = Unit(text=text, block=0, char_start=0, char_end=len(text), shape=shape)
    has_city = city and city_in_text(text, load_registry()) is not None
    return decide(unit, get_nlp()(text), has_city)
