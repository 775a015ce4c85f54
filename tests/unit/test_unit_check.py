"""`planscope check`'s rules, exactly (issue 29): each status threshold just below and just
above, an undated passage dated by the report's period, no plan that starts after the report,
and every string of `check --format html` escaped. Expected values by hand; the warehouse is
written row by row, so nothing is ingested."""
from __future__ import annotations

import csv
import io
import math
from collections import Counter
from datetime import date, datetime

import duckdb
import pytest

from checking import run as check_run
from checking.evidence import Commitment, Unit, date_fit, load_model, status_for
from checking.output import to_html
from checking.run import CheckInputs, CheckResult, CommitmentResult, assess, plan_sources
from schemas.records import Period
from tests.unit.warehouse_rows import empty_warehouse, insert

pytestmark = pytest.mark.unit

MODEL = {"thresholds": {"evidenced": 0.6, "partly": 0.4}}
REPORT_END = date(2010, 6, 30)


@pytest.mark.parametrize("best, status", [
    (0.61, "evidenced"), (0.60, "evidenced"),
    (0.59, "partly evidenced"),  # between the two: partly (the order of the two tests matters)
    (0.41, "partly evidenced"), (0.40, "partly evidenced"),
    (0.39, "no evidence"),
])
def test_status_thresholds_just_below_and_above(best, status):
    assert status_for(best, None, REPORT_END, MODEL) == status


@pytest.mark.parametrize("deadline, status", [
    (date(2010, 6, 29), "overdue"),  # due before the report's end, nothing found
    (date(2010, 6, 30), "no evidence"),  # due on its last day: not overdue yet
    (None, "no evidence"),
])
def test_overdue_only_when_the_deadline_passed_before_the_reports_end(deadline, status):
    assert status_for(0.1, deadline, REPORT_END, MODEL) == status


def test_the_shipped_thresholds_give_all_three_statuses():
    model = load_model()
    evidenced, partly = model["thresholds"]["evidenced"], model["thresholds"]["partly"]
    assert 0 < partly < evidenced < 1
    assert status_for(evidenced, None, None, model) == "evidenced"
    assert status_for(evidenced - 1e-4, None, None, model) == "partly evidenced"
    assert status_for(partly, None, None, model) == "partly evidenced"
    assert status_for(partly - 1e-4, None, None, model) == "no evidence"


def commitment(start: date | None, end: date | None, text: str = "Publish a guide for police") -> Commitment:
    return Commitment(record_id="r1", ref="1", text=text, plan_doc="plan.txt", start=start, end=end, themes=[])


def unit(start: date | None = None, end: date | None = None, report: tuple[date, date] | None = None,
         text: str = "A guide for police was published.") -> Unit:
    u = Unit(text=text, doc="report.txt", kind="sentence", page=None, paragraph_no=1, block_no=1, start=start, end=end)
    if report:
        u.report_start, u.report_end = report
    return u


def test_an_undated_passage_is_dated_by_the_reports_period():
    plan_2011 = commitment(date(2011, 1, 1), date(2011, 12, 31))
    # a 2004-2005 report speaks of 2004-2005: well before a 2011 commitment
    assert date_fit(plan_2011, unit(report=(date(2004, 7, 1), date(2005, 6, 30)))) == 0.0
    assert date_fit(plan_2011, unit(report=(date(2011, 7, 1), date(2012, 6, 30)))) == 1.0
    assert date_fit(plan_2011, unit()) == 0.5  # no date at all: no opinion
    # the passage's own date comes first
    assert date_fit(plan_2011, unit(date(2011, 5, 1), date(2011, 5, 1), report=(date(2004, 7, 1), date(2005, 6, 30)))) == 1.0


@pytest.mark.parametrize("day, fit", [
    (date(2010, 11, 30), 0.0),  # 32 days before the commitment's start: before it
    (date(2010, 12, 1), 1.0),  # 31 days before: preparations count
    (date(2013, 12, 30), 1.0),  # 730 days after its deadline (2012 has 366 days)
    (date(2013, 12, 31), 0.25),  # 731 days after: a later, similar activity
])
def test_date_fit_just_inside_and_outside_its_window(day, fit):
    c = commitment(date(2011, 1, 1), date(2011, 12, 31))
    assert date_fit(c, unit(day, day)) == fit


def model_scoring(p: float) -> dict:
    """A model whose every passage scores p (weights zero, the bias alone)."""
    return {"bias": math.log(p / (1 - p)), "weights": {}, "thresholds": {"evidenced": 0.6, "partly": 0.4}}


@pytest.mark.parametrize("p, status", [(0.62, "evidenced"), (0.58, "partly evidenced"), (0.42, "partly evidenced"),
                                       (0.38, "no evidence")])
def test_assess_gives_the_status_of_the_best_passage(p, status):
    c = commitment(date(2010, 1, 1), date(2010, 12, 31))
    inputs = CheckInputs(report_sha="s", report_doc="report.txt", period=Period(start=date(2010, 1, 1),
                         end=date(2010, 12, 31), raw="2010"), plan_docs=["plan.txt"], commitments=[c],
                         units=[unit(report=(date(2010, 1, 1), date(2010, 12, 31)))], idf={}, named_idf={})
    result = assess(inputs, model_scoring(p))[0]
    assert (result.status, round(result.score, 2)) == (status, p)


# -- which plans a report is checked against ------------------------------------------------

NOW = datetime(2020, 1, 1)




def add_document(con, sha: str, name: str, kind: str, start: date | None, end: date | None, activities: int) -> None:
    insert(con, "documents", doc_sha256=sha, name=name, path=f"/nowhere/{name}", format="txt", kind=kind, blocks=1,
           records=activities, quarantined=0, ingested_at=NOW, period_start=start, period_end=end,
           period_raw=f"{start}..{end}" if start else None)
    for i in range(activities):
        insert(con, "record_facts", record_id=f"{sha}_{i}", doc_sha256=sha, doc=name, kind="activity",
               text=f"Activity {i} of {name}", date_granularity="none", date_source="none", row_no=i)


@pytest.fixture
def warehouse(tmp_path):
    """A report of July 2008 - June 2009; a plan of 2004, one starting on the report's last day,
    one starting the day after it, and an undated one."""
    db = tmp_path / "w.duckdb"
    con = empty_warehouse(db)
    add_document(con, "R" * 64, "report_2008.txt", "report", date(2008, 7, 1), date(2009, 6, 30), 0)
    add_document(con, "A" * 64, "plan_2004.txt", "narrative_plan", date(2004, 1, 1), date(2005, 12, 31), 2)
    add_document(con, "B" * 64, "plan_last_day.txt", "table_plan", date(2009, 6, 30), date(2010, 6, 30), 1)
    add_document(con, "C" * 64, "plan_after.txt", "table_plan", date(2009, 7, 1), date(2010, 6, 30), 1)
    add_document(con, "D" * 64, "plan_undated.txt", "narrative_plan", None, None, 1)
    con.close()
    return db


def test_plan_sources_leave_out_plans_that_start_after_the_report(warehouse):
    con = duckdb.connect(str(warehouse), read_only=True)
    assert sorted(plan_sources(con, date(2009, 6, 30), exclude="R" * 64)) == ["A" * 64, "B" * 64, "D" * 64]
    assert sorted(plan_sources(con, None)) == ["A" * 64, "B" * 64, "C" * 64, "D" * 64]
    con.close()


@pytest.fixture
def no_parsing(monkeypatch):
    """The plan choice only: no spaCy, no registry; `inputs_for` hands back the plans chosen."""
    import extractors.entities.nlp

    monkeypatch.setattr(extractors.entities.nlp, "get_nlp", lambda *a, **k: None)
    monkeypatch.setattr(check_run, "load_registry", lambda: None)
    monkeypatch.setattr(check_run, "prepare_commitments", lambda *a: None)
    monkeypatch.setattr(check_run, "inputs_for", lambda con, sha, commitments, plan_shas, nlp, reg: sorted(plan_shas))


def test_check_of_one_report_is_against_the_plans_begun_by_its_end(warehouse, no_parsing, monkeypatch):
    monkeypatch.setattr(check_run, "ensure_ingested", lambda db, paths: ["R" * 64])
    assert check_run.build_inputs(str(warehouse), "report_2008.txt") == ["A" * 64, "B" * 64, "D" * 64]


def test_check_all_checks_no_report_against_a_later_plan(warehouse, no_parsing, monkeypatch):
    monkeypatch.setattr(check_run, "_result", lambda plan_shas, model: plan_shas)
    assert check_run.run_all(str(warehouse), store_results=False) == [["A" * 64, "B" * 64, "D" * 64]]


def test_every_passage_of_a_report_carries_the_reports_period(warehouse):
    from extractors.entities.nlp import get_nlp

    con = duckdb.connect(str(warehouse))
    for block, text in enumerate(["The working group met in Riga to discuss care. It agreed on a guide for police.",
                                  "The seminar was held in Riga on 3 May 2009 for police officers."]):
        insert(con, "passages", doc_sha256="R" * 64, doc="report_2008.txt", block_no=block, kind="paragraph", text=text)
    period = Period(start=date(2008, 7, 1), end=date(2009, 6, 30), raw="2008-2009")
    units = check_run.load_units(con, "R" * 64, period, get_nlp())
    con.close()
    sentences = {u.text: (u.start, u.end) for u in units if u.kind == "sentence"}
    assert sentences == {"The working group met in Riga to discuss care.": (None, None),
                         "It agreed on a guide for police.": (None, None),
                         "The seminar was held in Riga on 3 May 2009 for police officers.": (date(2009, 5, 3), date(2009, 5, 3))}
    assert {(u.report_start, u.report_end) for u in units} == {(date(2008, 7, 1), date(2009, 6, 30))}
    # so an undated sentence of this report is no evidence of a plan made years later
    undated = next(u for u in units if u.text == "It agreed on a guide for police.")
    assert date_fit(commitment(date(2012, 1, 1), date(2012, 12, 31)), undated) == 0.0


# -- check --format html ----------------------------------------------------------------------

HOSTILE = '"><script>alert(1)</script>'
ESCAPED = "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"


def hostile_result() -> CheckResult:
    c = Commitment(record_id="r1", ref="ref" + HOSTILE, text="Train police" + HOSTILE, plan_doc="plan" + HOSTILE,
                   start=date(2010, 1, 1), end=date(2010, 12, 31), themes=["theme" + HOSTILE])
    evidence = Unit(text="Police were trained" + HOSTILE, doc="report" + HOSTILE, kind="sentence", page=3,
                    paragraph_no=4, block_no=4, start=None, end=None, section="section" + HOSTILE)
    near = Unit(text="Nearest" + HOSTILE, doc="report" + HOSTILE, kind="sentence", page=None, paragraph_no=5,
                block_no=5, start=None, end=None)
    found = CommitmentResult(c, "evidenced", 0.9, [(evidence, 0.9, ["police"])], reason="reason" + HOSTILE,
                             missing=["missing" + HOSTILE])
    missed = CommitmentResult(c, "no evidence", 0.1, [], reason="reason" + HOSTILE, nearest=(near, 0.1, ""))
    return CheckResult(check_id="c1", report_doc="report" + HOSTILE, report_period=None,
                       plan_docs=["plan" + HOSTILE], results=[found, missed])


def test_check_html_escapes_every_string_from_the_documents():
    page = to_html(hostile_result())
    assert "<script>alert" not in page and 'alert(1)</script>' not in page
    for text in ("ref", "Train police", "plan", "theme", "reason", "missing", "Nearest", "report"):
        assert text + ESCAPED in page, text
    assert "<mark>Police</mark> were trained" + ESCAPED in page
    assert "section “section" + ESCAPED + "”" in page


# -- the evidence features, on small inputs -----------------------------------------------------

from checking.evidence import (cosine, coverage, features, idf_table, other_place, missing_terms, named_overlap,  # noqa: E402
                               not_done_cue, object_undone, other_actor, other_edition, partners, said_not_done, shared_terms, stem,
                               title_match, vetoed)


@pytest.mark.parametrize("word, expected", [
    ("translations", "transl"), ("comparison", "compar"), ("agreements", "agree"), ("trainings", "train"),
    ("financing", "financ"), ("published", "publish"), ("guides", "guid"), ("care", "care"), ("sing", "sing"),
])
def test_stem_keeps_four_letters(word, expected):
    assert stem(word) == expected


def test_idf_cosine_and_coverage_by_hand():
    a, b, c = Counter({"guide": 1, "police": 1}), Counter({"guide": 1}), Counter({"care": 2})
    idf = idf_table([a, b, c])
    # n = 3: idf = ln((n+1)/(df+1)) + 1
    assert idf == pytest.approx({"guide": math.log(4 / 3) + 1, "police": math.log(2) + 1, "care": math.log(2) + 1})
    flat = {}
    assert cosine(a, b, flat) == pytest.approx(1 / math.sqrt(2))
    assert cosine(a, c, flat) == 0.0
    assert cosine(Counter(), b, flat) == 0.0
    assert coverage(a, b, flat) == 0.5
    assert coverage({"guide": 1, "police": 1}, {"guide": 1}, {"guide": 3.0, "police": 1.0}) == 0.75
    assert coverage({}, b, flat) == 0.0


def test_title_match_is_the_best_title_squared():
    c = commitment(None, None)
    c.titles = [{"rights", "child"}, {"guide"}]
    u = unit()
    u.lemmas = Counter({"rights": 1, "guide": 1})
    assert title_match(c, u, {}) == 1.0
    c.titles = [{"rights", "child"}]
    assert title_match(c, u, {}) == 0.25
    c.titles = []
    assert title_match(c, u, {}) == 0.0


def test_named_overlap_weighs_rare_names_more():
    assert named_overlap(set(), {"state:LV"}, {}) == 0.5
    assert named_overlap({"state:LV", "body:x"}, {"state:LV"}, {"state:LV": 3.0, "body:x": 1.0}) == 0.75
    assert named_overlap({"state:LV"}, set(), {}) == 0.0


def test_another_body_doing_it_is_other_actor():
    c = commitment(None, None, text="Frontex and the group train border guards")
    u = unit()
    u.agents = {"frontex"}
    assert other_actor(c, u) == 0.0  # the commitment names Frontex
    u.agents = {"europol"}
    assert other_actor(c, u) == 1.0
    u.agents = {"europol", "frontex"}
    assert other_actor(c, u) == 0.0
    u.agents = set()
    assert other_actor(c, u) == 0.0


ZERO = {"not_done": 0.0, "planned_again": 0.0, "in_progress": 0.0, "own_activity": 0.0, "attended_only": 0.0,
        "other_actor": 0.0}


@pytest.mark.parametrize("cues, is_vetoed", [
    ({}, False), ({"not_done": 1.0}, True), ({"planned_again": 1.0}, True),
    ({"other_edition": 1.0}, True), ({"planned_later": 1.0}, True),
    ({"planned_later": 1.0, "in_progress": 1.0}, True),  # "is to be set up in 2024; a call is being prepared"
    ({"will": 1.0}, True), ({"will": 1.0, "in_progress": 1.0}, False), ({"title_line": 1.0}, True),
    ({"planned_again": 1.0, "in_progress": 1.0}, False),  # begun, and more planned: partly, not vetoed
    ({"own_activity": 1.0}, True), ({"attended_only": 1.0}, True), ({"in_progress": 1.0}, False),
    ({"other_actor": 1.0}, True),  # another body's work (FRONTEX's course) evidences nothing of ours
])
def test_vetoes(cues, is_vetoed):
    assert vetoed({**ZERO, **cues}) is is_vetoed


def test_shared_and_missing_terms_as_written():
    c = commitment(None, None)
    c.lemmas = Counter({"guide": 1, "police": 1, "russian": 1})
    u = unit()
    u.lemmas = Counter({"guide": 2, "police": 1, "publish": 1})
    u.surface = {"guide": {"Guides", "guide"}, "police": {"police"}}
    assert shared_terms(c, u) == ["Guides", "guide", "police"]
    assert missing_terms(c, u) == ["russian"]


# -- the other renderings, exactly ---------------------------------------------------------------

from checking.output import _bars_svg, to_csv, to_markdown, why_line  # noqa: E402


def plain_result() -> CheckResult:
    c = Commitment(record_id="r1", ref="row 3", text="Publish a guide | for police", plan_doc="plan.docx",
                   start=date(2010, 1, 1), end=date(2010, 12, 31), themes=["police"])
    ev = Unit(text="A guide was published.", doc="report.txt", kind="sentence", page=4, paragraph_no=7, block_no=7,
              start=date(2010, 5, 1), end=date(2010, 5, 31), section="Results")
    near = Unit(text="Police met.", doc="report.txt", kind="sentence", page=None, paragraph_no=2, block_no=2,
                start=None, end=None)
    partly = CommitmentResult(c, "partly evidenced", 0.5812, [(ev, 0.5812, ["guide"])], reason="model score 0.58",
                              missing=["police", "russian"])
    nothing = CommitmentResult(c, "no evidence", 0.1, [], reason="nearest passage scored 0.10", nearest=(near, 0.1, ""))
    bare = CommitmentResult(Commitment(record_id="r2", ref=None, text="Map services", plan_doc="plan.docx", start=None,
                                       end=None, themes=[]), "not a commitment", 0.0, [], reason="a lead-in")
    return CheckResult(check_id="c1", report_doc="report.txt",
                       report_period=Period(start=date(2010, 1, 1), end=date(2010, 12, 31), raw="2010"),
                       plan_docs=["plan.docx"], results=[partly, nothing, bare])


def test_why_line_says_the_quote_where_and_what_is_missing():
    partly, nothing, bare = (r.as_dict() for r in plain_result().results)
    assert why_line(partly) == ("“A guide was published.” (report.txt, section “Results”, 2010-05-01, p. 4); "
                                "model score 0.58; missing: police, russian")
    assert why_line(nothing) == "nearest passage scored 0.10: “Police met.” (report.txt)"
    assert why_line(bare) == "a lead-in"


def test_csv_has_one_row_per_commitment_with_its_best_evidence():
    rows = list(csv.reader(io.StringIO(to_csv(plain_result()))))
    assert rows[0][:6] == ["plan_doc", "ref", "deadline", "status", "score", "commitment_text"]
    assert rows[1] == ["plan.docx", "row 3", "2010-12-31", "partly evidenced", "0.581", "Publish a guide | for police",
                       "A guide was published.", "report.txt", "4", "0.581", "Results", "2010-05-01", "model score 0.58",
                       "police; russian"]
    assert rows[2][:7] == ["plan.docx", "row 3", "2010-12-31", "no evidence", "0.1", "Publish a guide | for police", ""]
    assert rows[3][:5] == ["plan.docx", "", "", "not a commitment", "0.0"]
    assert len(rows) == 4


def test_markdown_summary_and_table():
    md = to_markdown(plain_result()).splitlines()
    assert md[0] == "# Commitments checked against report.txt"
    assert md[2] == ("report.txt (2010-01-01 – 2010-12-31) against 1 plan(s): 0 evidenced, 1 partly evidenced, "
                     "1 no evidence, 0 overdue, 1 not a commitment")
    assert md[6] == ("| plan.docx | row 3 | 2010-12-31 | partly evidenced | 0.58 | Publish a guide / for police | "
                     "“A guide was published.” (report.txt, section “Results”, 2010-05-01, p. 4); model score 0.58; "
                     "missing: police, russian |")
    assert md[8] == "| plan.docx |  |  | not a commitment | 0.00 | Map services | a lead-in |"


def test_html_summary_counts_and_period():
    page = to_html(plain_result())
    assert "<h1>Commitments checked against report.txt</h1>" in page
    assert '<p class="sub">Report period 2010-01-01 – 2010-12-31; plans: plan.docx</p>' in page
    assert '<div class="big">3</div>' in page
    assert '<span class="badge" style="background:#f9a825">partly evidenced: 1</span>' in page
    assert '<tr class="partly-evidenced">' in page and '<tr class="not-a-commitment">' in page
    assert '<blockquote class="nearest">Police met.<footer>nearest passage considered · report.txt · score 0.10' in page
    assert "paragraph 7 · score 0.58</footer>" in page
    assert '<p class="why">model score 0.58; missing: police, russian</p>' in page


def test_bars_are_as_wide_as_their_counts():
    svg = _bars_svg([("a", Counter({"evidenced": 2, "overdue": 1})), ("b", Counter({"no evidence": 4}))], width=400)
    assert '<rect x="170.0" y="5" width="200.0" height="18" fill="#2e7d32"><title>a: 2 evidenced</title></rect>' in svg
    assert '<rect x="370.0" y="5" width="100.0" height="18" fill="#c62828"><title>a: 1 overdue</title></rect>' in svg
    assert '<rect x="170.0" y="31" width="400.0" height="18" fill="#9e9e9e"><title>b: 4 no evidence</title></rect>' in svg
    assert 'height="62"' in svg and '<text x="474.0" y="18" font-size="11">3</text>' in svg


# Issue 22: a passage of another edition, a report's own future, a partner's own work,
# and "No ... took place".

@pytest.mark.parametrize("text, other", [
    ("The sixth regional performance report was published in January.", 1.0),
    ("The seventh regional performance report was published in January.", 0.0),
    ("For the first time the members met online.", 0.0),  # another number of another thing
    ("The regional performance report was published in January.", 0.0),
])
def test_another_number_of_the_same_thing_is_another_edition(text, other):
    c = commitment(None, None, text="Publish the seventh regional performance report (2019 data)")
    assert other_edition(c, unit(text=text)) == other


def test_organisations_a_commitment_works_with_are_partners_not_its_own_body():
    assert partners("carry out a self-assessment using the OECD framework for regulators") == (frozenset({"oecd"}),)
    assert partners("conclude an agreement with the World Bank's IBNET database.") == (frozenset({"world", "bank", "ibnet"}),)
    # the network's own members are no organisation of their own
    assert partners("Organise regional meetings with the National Contact Points") == ()
    c = commitment(None, None, text="carry out a self-assessment using the OECD framework for regulators")
    c.own_words = frozenset({"carry", "out", "oecd", "framework", "the", "network"})
    u = unit(text="In 2019 the OECD published a review of the governance of regulators.")
    u.agents = u.lead = {"oecd"}
    assert other_actor(c, u) == 1.0  # the plan names the OECD, but the OECD's review is not the self-assessment
    u.agents = u.lead = {"network"}
    assert other_actor(c, u) == 0.0


@pytest.mark.parametrize("text, undone", [
    ("No staff exchanges took place in 2020 or 2021 because of the travel restrictions.", True),
    ("The tender received no valid offers, and the ExCo decided to move the platform to 2017.", True),
    ("The outline was submitted in May; no decision has yet been taken.", False),  # still open, not undone
    ("Two staff exchanges took place in May.", False),
])
def test_no_thing_took_place_says_not_done(text, undone):
    assert bool(not_done_cue(text)) is undone


def test_a_not_done_sentence_that_names_the_object_outranks_a_closer_look_alike():
    """"No staff exchanges took place" says the commitment's object itself was not done; a passage
    on an induction course shares more of its words ("staff", "member", "regulators") but not its
    object: the commitment is told as not done."""
    c = commitment(None, None, text="Organise two staff exchanges between member regulators each year.")
    c.objects = {"exchang"}
    said_unit = unit(text="No staff exchanges took place in 2020 or 2021 because of the travel restrictions.")
    said_unit.surface = {"exchang": {"exchanges"}}
    assert object_undone(c, said_unit) == 1.0
    other = unit(text="Because of the vacancy, the working group of staff exchanges did not begin its work.")
    other.surface = {"exchang": {"exchanges"}}
    assert object_undone(c, other) == 0.0  # the object in an 'of' phrase of the subject: not what was not done
    said = {**ZERO, "not_done": 1.0, "coverage": 0.39, "object_undone": 1.0}
    look_alike = {**ZERO, "coverage": 0.56}
    units = [said_unit, unit(text="The induction course for staff of member regulators went live.")]
    assert said_not_done([said, look_alike], units) == 0
    assert said_not_done([{**said, "object_undone": 0.0}, look_alike], units) is None


@pytest.mark.parametrize("text, position", [
    ("The Presidency regards the sexual exploitation of children online as one of the most serious threats.", True),
    ("The Group underlined at its Gdansk meeting that no child should be returned without an assessment.", True),
    ("The Presidency raised the sexual exploitation of children online with the ministries of justice.", False),
])
def test_a_position_taken_is_no_action_done(text, position):
    c = commitment(None, None, text="The Presidency will raise the sexual exploitation of children online with the ministries")
    assert features(c, unit(text=text), {}, {})["position"] == (1.0 if position else 0.0)


def test_a_passage_in_another_city_than_the_commitments_is_another_event():
    c = commitment(None, None, text="Organise a training seminar for foster parents in Arkhangelsk")
    c.named = {"place:arkhangelsk", "state:RU"}
    u = unit(text="Foster parents meet in Petrozavodsk")
    u.named = {"place:petrozavodsk", "state:RU"}
    assert other_place(c, u) == 1.0
    u.named = {"place:petrozavodsk", "place:arkhangelsk"}
    assert other_place(c, u) == 0.0
    u.named = set()  # names no city: nothing to tell
    assert other_place(c, u) == 0.0


@pytest.mark.parametrize("text, undone", [
    ("Strategy proposal delayed", True),  # a news headline
    ("Work began in September, later than planned because of the delayed selection of the provider.", False),
])
def test_a_headline_that_ends_delayed_says_not_done(text, undone):
    assert bool(not_done_cue(text)) is undone
