"""`planscope check` on a small plan of each shape (table rows, numbered items, `Action:` clauses
and their a.)/b.) parts, a presidency programme's "will"-sentences, a priorities list) against a
small report: which commitments it reads, and what it decides for each, with its reasons.

The plans and reports are in tests/fixtures/check/shapes/, written by hand; every expectation
below is written by hand from reading them."""
from __future__ import annotations

import json

import pytest

from checking import calibration
from checking.run import run_check
from tests.conftest import FIXTURES, run_cli

SHAPES = FIXTURES / "check" / "shapes"
POSITIVE = ("evidenced", "partly evidenced")


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    db = tmp_path_factory.mktemp("shapes") / "w.duckdb"

    def check(shape: str):
        result = run_check(str(db), str(SHAPES / f"report_{shape}.txt"), [str(SHAPES / f"plan_{shape}.txt")],
                           store_results=False)
        return {r.commitment.text: r for r in result.results}

    return check


def test_table_rows_tab_separated(checked):
    rows = checked("table")
    assert list(rows) == ["Translate the guidelines on foster care into Russian",
                          "Organise a conference on child poverty in Gdansk",
                          "Publish a newsletter on children in care"]
    assert rows["Translate the guidelines on foster care into Russian"].status in POSITIVE
    # cancelled, and another body's own conference on the same topic: no evidence, overdue by May
    gdansk = rows["Organise a conference on child poverty in Gdansk"]
    assert gdansk.status == "overdue"
    assert "cancelled" in gdansk.nearest[0].text and "not done" in gdansk.reason
    assert rows["Publish a newsletter on children in care"].status not in POSITIVE


def test_numbered_items(checked):
    items = checked("numbered")
    assert list(items) == ["Organise a study visit for social workers to residential homes in Finland.",
                           "Prepare a report on guardianship of unaccompanied children.",
                           "Set up a website for the national contact points."]
    visit = items["Organise a study visit for social workers to residential homes in Finland."]
    assert visit.status in POSITIVE and "study visit" in visit.evidence[0][0].text
    # "A first draft ... is being prepared": begun, not done
    report = items["Prepare a report on guardianship of unaccompanied children."]
    assert report.status == "partly evidenced" and "under way" in report.reason
    assert items["Set up a website for the national contact points."].status not in POSITIVE


def test_action_clause_parts_are_the_commitments(checked):
    parts = checked("action")
    # the rationale ("Foster families need training and advice.") is not a commitment; each part is
    assert list(parts) == ["map the training offered to foster families in the member states",
                           "run a pilot course for foster parents in Kaunas in 2015.",
                           "publish a handbook on aftercare for social workers",
                           "hold a seminar on aftercare in Tallinn."]
    assert [r.commitment.ref for r in parts.values()] == ["item 1.a", "item 1.b", "item 2.a", "item 2.b"]
    assert parts["map the training offered to foster families in the member states"].status in POSITIVE
    assert parts["run a pilot course for foster parents in Kaunas in 2015."].status in POSITIVE
    seminar = parts["hold a seminar on aftercare in Tallinn."]
    assert seminar.status not in POSITIVE and "postponed" in seminar.reason
    assert parts["publish a handbook on aftercare for social workers"].status not in POSITIVE


def test_will_sentences_of_a_presidency_programme(checked):
    sentences = checked("will")
    # the introduction's sentences are background, not commitments
    assert list(sentences) == [
        "The presidency will organise a seminar on family-based care in Tallinn in November 2015.",
        "The presidency will publish a comparative study of foster care allowances in the member states.",
        "Estonia will propose a common position on the age assessment of unaccompanied minors."]
    seminar = sentences["The presidency will organise a seminar on family-based care in Tallinn in November 2015."]
    assert seminar.status in POSITIVE
    assert seminar.evidence[0][0].text.startswith("On 12-13 November 2015 the presidency hosted a seminar in Tallinn")
    study = sentences["The presidency will publish a comparative study of foster care allowances in the member states."]
    assert study.status not in POSITIVE and "could not" in study.reason  # "could not be completed"
    assert "could not be completed" in study.nearest[0].text


def test_priorities_list_says_which_items_are_commitments(checked):
    items = checked("priorities")
    assert list(items) == ["Children's rights in the digital environment",
                           "Organise a conference on online abuse of children in Copenhagen",
                           "Mental health of children and adolescents",
                           "Map the support services for children of prisoners"]
    for topic in ("Children's rights in the digital environment", "Mental health of children and adolescents"):
        assert items[topic].status == "not a commitment" and items[topic].commitment.kind == "topic"
    conference = items["Organise a conference on online abuse of children in Copenhagen"]
    assert conference.status in POSITIVE and conference.commitment.kind == "commitment"
    mapping = items["Map the support services for children of prisoners"]
    assert mapping.status not in POSITIVE and "has not been" in mapping.reason


def test_another_bodys_work_is_no_evidence_and_an_organ_is_the_bodys_own(checked):
    """The doer of a passage: FRONTEX (named nowhere in the plan or the report's opening) held
    the course, so it is not the plan's course; "the Secretariat" is an organ of the body that
    reports, though the plan never names it; "decided to postpone" says it was not done; a
    conference "organised by the European Commission" is the Commission's, whoever spoke there."""
    rows = checked("doers")
    course = rows["Hold a training course for border guards on child trafficking"]
    assert course.status not in POSITIVE
    assert course.nearest[0].text.startswith("FRONTEX held its course") and "another body" in course.reason
    assert "frontex" in course.reason
    handbook = rows["Publish a handbook on guardianship for social workers"]
    assert handbook.status in POSITIVE and "The Secretariat published the handbook" in handbook.evidence[0][0].text
    seminar = rows["Hold a seminar on aftercare for care leavers in Tallinn"]
    assert seminar.status not in POSITIVE and "'postpone'" in seminar.reason
    # the Group spoke there, but the European Commission organised it: not the plan's conference
    conference = rows["Organise a conference on guardianship for judges"]
    assert conference.status not in POSITIVE and "another body's work (european commission)" in conference.reason


def test_what_a_report_tells_of_another_edition_body_or_the_future_is_no_evidence(tmp_path):
    """Issue 22, precision first: two small plans of table rows against one report
    (tests/fixtures/check/shapes/*_vetoes*.txt), each row written to meet one rule; the leaflet
    and the Vilnius meeting are the commitments done."""
    db = tmp_path / "w.duckdb"
    rows = {}
    for plan in ("plan_vetoes", "plan_vetoes_2"):
        result = run_check(str(db), str(SHAPES / "report_vetoes.txt"), [str(SHAPES / f"{plan}.txt")], store_results=False)
        rows.update({r.commitment.text: r for r in result.results})
    assert len(rows) == 8
    expected = {  # commitment -> (status, words of its reason)
        "Publish the third annual report on guardianship": ("overdue", "another edition"),
        # its one close sentence says the incoming Chair "will prepare" them: the future, vetoed
        "Prepare recommendations on children in care": ("no evidence", "nearest passage"),
        "Set up a youth advisory panel on guardianship": ("overdue", "still planned"),
        "Organise two staff exchanges between member offices": ("no evidence", "not done ('No staff exchanges"),
        "Organise a seminar on guardians for refugee children": ("overdue", "speaking at an event"),
        "Survey guardians with the Nordic Care Institute": ("overdue", "another body's work (nordic care institute)"),
    }
    for text, (status, why) in expected.items():
        assert rows[text].status == status, text
        assert why in rows[text].reason, (text, rows[text].reason)
    assert rows["Hold a meeting of the Group in Vilnius"].status in POSITIVE  # the Group's own meeting, done
    leaflet = rows["Publish a leaflet on guardianship for children"]
    assert leaflet.status in POSITIVE and "published a leaflet" in leaflet.evidence[0][0].text


def test_strategy_in_two_levels_and_sentences_of_work_done_in_part(checked):
    """A strategy whose title stands under the body's name ("NETWORK STRATEGY 2016-2018"), numbered
    in two levels ("1. Introduction" heads a section; "1.1 ..." is the work), against a report whose
    sentences tell work done and not done at once (tests/fixtures/check/shapes/*_strategy.txt)."""
    items = checked("strategy")
    # every "N.N" item is a commitment; "1. Introduction", the objectives and the prose are not
    assert list(items) == ["Publish the Network newsletter four times a year.",
                           "Run a campaign on loneliness among older people in Estonia and Latvia.",
                           "Move the Network website to a new content management system.",
                           "Organise a visit of the working group to a rehabilitation centre in Cyprus.",
                           "Publish a summary of the national reports on long-term care.",
                           "Hold a seminar on mental health in old age in Vilnius.",
                           "Agree a joint roadmap on dementia care with the Nordic Council of Ministers."]
    assert items["Publish the Network newsletter four times a year."].status in POSITIVE
    # "No Longer Alone" is the campaign's title, not "no longer" done
    assert items["Run a campaign on loneliness among older people in Estonia and Latvia."].status in POSITIVE
    # "is not yet complete: the news pages went live": begun, partly; "cancelled in March, took place in October": done late
    website = items["Move the Network website to a new content management system."]
    assert website.status == "partly evidenced" and "part of it was done" in website.reason
    assert items["Organise a visit of the working group to a rehabilitation centre in Cyprus."].status in POSITIVE
    # what the sentence says was not done is the commitment's own action ("it has not been published") or
    # object ("The seminar ... was not held"), whatever else it tells as done; not overdue: the strategy
    # runs 2016-2018 (its title's years, not the day it was adopted), the report tells of 2016
    summary = items["Publish a summary of the national reports on long-term care."]
    assert summary.status == "no evidence" and "has not been" in summary.reason
    seminar = items["Hold a seminar on mental health in old age in Vilnius."]
    assert seminar.status == "no evidence" and "was not held" in seminar.reason
    # "A draft ... was discussed ..., but it has not yet been agreed": what is "not yet" done is work begun
    assert items["Agree a joint roadmap on dementia care with the Nordic Council of Ministers."].status == "partly evidenced"


def test_a_strategy_titled_under_its_body_is_a_plan_of_numbered_items(tmp_path):
    """p7_health's strategy (tests/fixtures/check/authored/p7_health/plan_2.txt): its first line is the
    body's name, the title "PARTNERSHIP STRATEGY 2015-2018" the second, and it is long enough to pass
    for a report. Read as a plan, every "N.N" item is a commitment (4.1 and 4.3 were lost when it was
    read as a report's prose) and "1. Introduction", "Objective 1 - ..." and "Lead: ..." are not."""
    authored = FIXTURES / "check" / "authored" / "p7_health"
    result = run_check(str(tmp_path / "w.duckdb"), str(authored / "report_2.txt"), [str(authored / "plan_2.txt")],
                       store_results=False)
    texts = [r.commitment.text for r in result.results]
    assert "Adopt a communication strategy of the Partnership in 2015." in texts
    assert "Publish the Partnership newsletter four times a year." in texts
    assert "Hold a high-level conference on social and health inequalities in the northern regions in 2016." in texts
    assert not [t for t in texts if t.startswith(("Objective", "Lead:", "Introduction", "Implementation"))]
    assert len(texts) == 21  # 9 items without an Action clause, 12 lettered parts of the 5 with one (as labelled)


def test_output_says_why_with_quote_section_date_and_nearest(tmp_path):
    out = run_cli("check", str(SHAPES / "report_table.txt"), "--against", str(SHAPES / "plan_table.txt"),
                  "--format", "json", db=tmp_path / "w.duckdb", check=True)
    rows = {r["commitment_text"]: r for r in json.loads(out.stdout)}
    done = rows["Translate the guidelines on foster care into Russian"]
    quote = done["evidence"][0]
    assert quote["text"].startswith("The Russian version of the guidelines on foster care was translated")
    assert quote["section"] == "Publications" and {"Russian", "translated"} <= set(quote["shared_terms"])
    assert "model score" in done["reason"] and done["status"] in POSITIVE
    never = rows["Publish a newsletter on children in care"]
    assert never["evidence"] == [] and never["nearest"]["text"] and never["reason"].startswith("nearest passage")
    # its nearest is the report's own title ("Annual report of the Expert Group on Children in Care"): no statement
    assert never["reason"] == "nearest passage is the report's title, not a statement"
    md = run_cli("check", str(SHAPES / "report_table.txt"), "--against", str(SHAPES / "plan_table.txt"),
                 "--format", "md", db=tmp_path / "w.duckdb", check=True).stdout
    assert "section “Publications”" in md and "nearest passage" in md


def test_authored_labels_are_matched_to_extracted_commitments_and_misses_reported():
    """The loader matches a labelled text to the extracted commitment by Dice >= 0.8 on
    normalised words, one to one; a labelled commitment nothing matches is returned as missed."""
    class C:
        def __init__(self, text):
            self.text = text

    extracted = [C("Organise a seminar on foster care in Riga, 2015."), C("Publish the newsletter")]
    entries = [{"text": "organise a seminar on foster care in Riga 2015", "label": "evidenced"},
               {"text": "Translate the guide into Russian", "label": "partly"},
               {"text": "Publish the newsletter twice a year", "label": "none"}]
    matched, missed = calibration.match_entries(entries, extracted)
    assert matched == {0: entries[0]}  # "Publish the newsletter" vs "... twice a year": Dice 0.67
    assert missed == entries[1:]


def test_a_missed_positive_counts_as_a_false_negative():
    model = {"bias": 0.0, "weights": {}, "thresholds": {"evidenced": 0.9, "partly": 0.5}}
    counts = calibration.measure(model, [(None, "evidenced"), (None, "none")])
    assert (counts["tp"], counts["fp"], counts["fn"], counts["missed"]) == (0, 0, 1, 2)
