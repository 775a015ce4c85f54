"""What check reads from a parsed commitment or passage, exactly (issue 29): the object of its
action, its titles, its kind, whether it says the thing was done, and who did it. spaCy parses
each sentence as check does; expected values by hand, as family lemmas (checking/data/word_families.toml:
seminar -> meeting, training -> train, residential -> institution)."""
from __future__ import annotations

import pytest

from checking.evidence import (Commitment, action_object, action_objects, agents, commitment_kind, content_lemmas,
                               done_cue, future_tense, lead_agents, titles)

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


@pytest.mark.parametrize("text, heads", [
    ("Organise a seminar for social workers.", {"meeting"}),  # through the filler verb to its object
    ("Translate the handbook into Russian.", {"handbook"}),
    ("Hold a conference.", {"meeting"}),
    ("Support the establishment of national working groups.", {"group"}),  # a light noun's 'of' object
    ("Pilot training for staff.", {"train"}),  # a nominal commitment: its root
])
def test_the_object_of_a_commitments_action(nlp, text, heads):
    assert action_object(nlp(text))[0] == heads
    assert action_objects(nlp(text)) == heads


def test_the_detail_of_the_object_is_its_modifiers_and_prepositional_nouns(nlp):
    assert action_object(nlp("Organise a seminar for social workers.")) == ({"meeting"}, {"social", "worker"})
    assert action_object(nlp("Translate the handbook into Russian.")) == ({"handbook"}, set())


def test_titles_quoted_or_in_capitalised_words(nlp):
    text = 'Publish the report "Safe homes for children".'  # quoted: two content words are enough
    assert titles(text, nlp(text)) == [{"safe", "home", "child"}]
    text = 'Publish the report "Children on the Move".'  # spaCy counts "move" as a stop word: one word left
    assert titles(text, nlp(text)) == []
    text = "Translate the Handbook for Social Workers in Residential Care into Russian."
    assert titles(text, nlp(text)) == [{"handbook", "social", "worker", "institution", "care"}]
    text = "Organise two seminars in Riga."
    assert titles(text, nlp(text)) == []


def commitment(text: str, why: str | None, nlp) -> Commitment:
    c = Commitment(record_id="r", ref="1", text=text, plan_doc="p", start=None, end=None, themes=[], why=why)
    c.lemmas = content_lemmas(nlp(text))
    return c


PRIORITY = "an item of a priorities list"


@pytest.mark.parametrize("text, why, kind", [
    ("The presidency will focus on:", PRIORITY, "lead-in"),
    ("The presidency will focus on:", None, "lead-in"),
    ("Children's rights", None, "commitment"),  # not a prose priority: a plan's row is a commitment
    ("Children's rights", PRIORITY, "topic"),
    ("Children fleeing the war", PRIORITY, "topic"),  # a verb that only describes a noun
    ("Training of border guards", PRIORITY, "commitment"),  # a noun that names something to do
    ("Develop guidelines on guardianship", PRIORITY, "commitment"),
])
def test_commitment_kind(nlp, text, why, kind):
    assert commitment_kind(commitment(text, why, nlp), nlp(text)) == kind


@pytest.mark.parametrize("text, done", [
    ("The seminar was held in Riga.", True),
    ("The group met in Riga.", True),  # a past-tense main verb
    ("The group will meet in Riga.", False),
    ("A seminar for social workers in Riga.", False),
])
def test_done_cue(nlp, text, done):
    assert done_cue(nlp(text)) is done


@pytest.mark.parametrize("text, expected", [
    ("FRONTEX held a course for border guards.", {"frontex"}),
    ("The conference was organised by the European Commission.", {"by:european commission"}),
    ("The meeting was hosted by the Ministry of Social Affairs.", set()),  # a host is not the doer
    ("Experts from Denmark ran a course.", set()),  # no proper-noun doer
])
def test_agents(nlp, text, expected):
    assert agents(nlp(text)) == expected


FRAGMENT = "activity by rule 'classifier over fragment'; no finite verb"


@pytest.mark.parametrize("text, why, kind", [
    # a plan's title or heading read as a commitment (issue 22): in capitals, a quoted title alone,
    # a plan word with nothing to do
    ("PROGRAMME OF THE ESTONIAN PRESIDENCY OF THE COUNCIL", FRAGMENT, "title"),
    ('"Safe homes for every child"', FRAGMENT, "title"),
    ("Programme for the health and social sector", FRAGMENT, "title"),
    ("Training programme for social workers", FRAGMENT, "commitment"),  # names something to do
    ("Programme for the health and social sector", None, "commitment"),  # a plan's table row stays one
    # a sentence that announces the list after it
    ("The members adopted the following recommendations and the actions of the Network in 2015.", "future", "lead-in"),
])
def test_titles_and_lead_ins_are_not_commitments(nlp, text, why, kind):
    assert commitment_kind(commitment(text, why, nlp), nlp(text)) == kind


@pytest.mark.parametrize("text, future", [
    ("The incoming Chair will prepare the recommendations in 2017.", True),
    # "will" in a clause beside a main verb in the past: the website is done
    ("Our new website went online in July, with a members' area that will later host the data platform.", False),
    ("The recommendations were adopted in May.", False),
])
def test_future_tense_is_the_main_verbs(nlp, text, future):
    assert future_tense(nlp(text)) is future


@pytest.mark.parametrize("text, expected", [
    ("In 2019 the OECD published a review of the governance of regulators.", {"oecd"}),
    # the Bureau is named in a clause beside it, not as the doer of the main verb
    ("FRONTEX held its course in Warsaw, which the Bureau discussed in May.", {"frontex"}),
    ("Experts from Denmark ran a course.", set()),
])
def test_lead_agents_are_the_main_verbs_doers(nlp, text, expected):
    assert lead_agents(nlp(text)) == expected
