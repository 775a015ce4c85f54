"""Work-verb families (helper check9, issue 22): to convene a body is to hold its meeting ("Convene the Board twice"
is evidenced by "The Board met in Riga"), to release a text is to publish it ("released the guide"). General English,
in checking/data/word_families.toml. Texts written for these tests; every expected value by hand."""
from __future__ import annotations

import pytest

from checking import evidence as E

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


def test_convene_and_release_join_their_families():
    assert E.family("convene") == E.family("meet") == E.family("seminar") == "meeting"
    assert E.family("release") == E.family("publication") == "publish"


def test_a_body_convened_is_a_meeting_held(nlp):
    c = nlp("The Chair will convene the Steering Committee twice a year.")
    u = nlp("The Steering Committee met in Riga in May and in Vilnius in November.")
    assert E.action_verbs(c) == {"meeting"}
    assert "meeting" in E.content_lemmas(u)


def test_a_text_released_is_a_text_published(nlp):
    assert E.action_verbs(nlp("Publish a guide to funding for small towns")) == {"publish"}
    assert E.content_lemmas(nlp("In June the group released its guide to funding."))["publish"] == 1
