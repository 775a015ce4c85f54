"""A plan of numbered items with prose around them (issue 21): the items are its commitments, and so
is a prose sentence that says in so many words what will be done; its undated background and what
it quotes are not records, a dated account of what happened is. Text written for this test; expectations by hand."""
from __future__ import annotations

import pytest

from pipeline.runner import process_file
from extractors.segment import says_what_will_be_done

pytestmark = pytest.mark.unit

PLAN = """Nordic Forest Fire Network
WORK PLAN 2021

I. Background

The network was founded in Kuopio in 2012.

The group held its fifth meeting in Umeå on 3-4 November 2020.

II. Tasks for 2021

1. Map the fire stations along the borders.
2. Train volunteers in two pilot regions.
3. Publish a guide on early warning.
4. Compare the insurance rules of the member states.
5. Hold a drill with the rescue services.

III. Meetings

The sixth meeting will take place in Tromsø in May 2021.

The Secretariat is to send the minutes within two weeks.

"The members will share data freely", the founding charter says.

Video meetings will not replace the annual meeting.
"""


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    path = tmp_path_factory.mktemp("pp") / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return {r.text: r.kind.value for r in process_file(str(path), catalogue={"file": path.name, "genre": "plan"}).records}


def test_a_structured_plans_will_sentences_are_activities_and_its_background_is_not(records):
    assert records == {
        "Map the fire stations along the borders.": "activity",
        "Train volunteers in two pilot regions.": "activity",
        "Publish a guide on early warning.": "activity",
        "Compare the insurance rules of the member states.": "activity",
        "Hold a drill with the rescue services.": "activity",
        "The sixth meeting will take place in Tromsø in May 2021.": "activity",
        "The Secretariat is to send the minutes within two weeks.": "activity",
        # a dated account of what happened is a record of it (sixth session: the plans of three authors
        # count their dated background as events); undated background and quotations stay out
        "The group held its fifth meeting in Umeå on 3-4 November 2020.": "event",
    }


@pytest.mark.parametrize("text, expected", [
    ("The Secretariat will publish the outcome.", True),
    ("The working groups are to report in June.", True),
    ("The chair shall report to the Council.", True),
    ("Video meetings will not replace the annual meeting.", False),
    ("\u201cThe members will share data\u201d, the charter says.", False),
    ("The group met in Umeå.", False),
    ("This should include training.", False),
])
def test_what_says_what_will_be_done(text, expected):
    assert says_what_will_be_done(text) is expected
