"""Where a record took place: the first known city the text names, but not a city that names a
treaty, a declaration or a body ("the Bonn Agreement", "the Helsinki Commission"); the towns of the
region where meetings are held are known. Expectations written by hand."""
from __future__ import annotations

import pytest

from extractors.entities.places import city_in_text
from extractors.entities.registry import load_registry

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, city", [
    ("The Chairman attended the meeting of the Bonn Agreement in Ostend in September 1998.", ("Ostend", "BE")),
    ("The region was set up with the Kirkenes Declaration in 1993.", None),
    ("The Helsinki Commission met in Helsinki on 3 March.", ("Helsinki", "FI")),
    ("A seminar on the Oslo Convention was held in Tromsø.", ("Tromsø", "NO")),
    ("The Joint Committee met in Kirkenes on 19-20 September.", ("Kirkenes", "NO")),
    ("At their meeting in Inari in February the ministers agreed.", ("Inari", "FI")),
    ("The youth forum gathered in Luleå.", ("Luleå", "SE")),
    ("The conference took place in Lisbon.", ("Lisbon", "PT")),
    ("The Riga meeting adopted the plan.", ("Riga", "LV")),  # a meeting named after its city is held there
])
def test_the_city_a_record_names(text, city):
    assert city_in_text(text, load_registry()) == city
