"""A body's full name as a document writes it: capitalised words ending in a body noun, with a
lower-case "at"/"of"/"for"/"and" between capitalised words ("Children at Risk Unit"), never a
cut-off tail ("Risk Unit"). Expectations written by hand."""
from __future__ import annotations

import pytest

from extractors.entities.actors import WRITTEN_BODY, _written_bodies
from extractors.entities.registry import load_registry

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, names", [
    ("Mr Lars Edvardsen, Head of the Children at Risk Unit, CBSS Secretariat",
     ["Children at Risk Unit", "CBSS Secretariat"]),
    ("The Ministry of Health and Social Affairs hosted it.", ["The Ministry of Health and Social Affairs"]),
    ("In May the Unit met.", ["Unit"]),  # "the" is no connector: the month is not part of the name
    ("The Committee for Health and Social Affairs met.", ["The Committee for Health and Social Affairs"]),
    ("Estonia and the Expert Group", ["Expert Group"]),
])
def test_written_body_names(text, names):
    assert [m.group(0) for m in WRITTEN_BODY.finditer(text)] == names


def test_a_written_name_the_registry_knows_takes_its_canonical_entity():
    links = _written_bodies("Head of the Children at Risk Unit, CBSS Secretariat", load_registry())
    assert [(link.name, link.entity_id) for link in links][0] == ("Children at Risk Unit", "cbss_children_unit")
    assert not any(link.name == "Risk Unit" for link in links)
