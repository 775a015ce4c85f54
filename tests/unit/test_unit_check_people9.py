"""People named by what they are to a body (helper check9, issue 22): "representatives of the Youth Forum met the
Board", "students of the University of Tartu counted visitors" tell who took part, not that another body did the work;
a body's organ ("the secretariat of HELCOM") and a body's own name ("the Council of Ministers") stay its doers.
Texts written for these tests; every expected value by hand."""
from __future__ import annotations

import pytest

from checking import evidence as E

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


@pytest.mark.parametrize("text", [
    "Representatives of the Youth Forum of Malta met the Board in Valletta in June.",
    "Students of the University of Tartu, working with the network, counted visitors at ten museums.",
])
def test_people_of_a_body_are_no_other_doer(nlp, text, monkeypatch):
    sdoc = nlp(text)
    assert E.agents(sdoc) == set()
    assert E.lead_agents(sdoc) == set()
    monkeypatch.setattr(E, "RULES_OFF", frozenset({"people_of"}))
    assert E.agents(sdoc) != set()  # the body in the 'of' phrase was read as the doer


def test_a_bodys_organ_and_a_bodys_name_stay_its_doers(nlp):
    assert E.agents(nlp("The secretariat of HELCOM published the guide in May.")) == {"helcom"}
    assert E.lead_agents(nlp("The Council of Ministers adopted the plan.")) == {"council ministers"}
