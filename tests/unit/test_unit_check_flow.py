"""`planscope check REPORT` and `check --all` end to end on a warehouse written row by row (issue 29):
a plan of five lines and a report of a few passages, parsed by spaCy as check parses them, each
commitment with its exact status. Nothing is ingested: the two files exist, and the warehouse
already holds their sha256, so `ensure_ingested` finds them. Expected statuses by hand: what the
report says was done is evidenced, what it does not mention and was due before its end is
overdue, a list's lead-in and a priority that names a topic are not commitments."""
from __future__ import annotations

import csv
import io
import json
from argparse import Namespace
from datetime import date, datetime

import duckdb
import pytest

from checking import run as check_run
from checking.command import check_command
from pipeline.readers import file_sha256
from tests.unit.warehouse_rows import empty_warehouse, insert

pytestmark = pytest.mark.unit

NOW = datetime(2010, 1, 1)
PLAN_LINES = [
    # (ref, text, end, why)
    ("1", "Publish a guide for police officers on child trafficking.", date(2009, 6, 30), None),
    ("2", "Organise a seminar for social workers in Riga.", date(2009, 6, 30), None),
    ("3", "Translate the handbook on child labour into Russian.", date(2008, 12, 31), None),
    ("4", "The presidency will focus on:", None, "a lead-in of a priorities list"),
    ("5", "Children's rights", None, "an item of a priorities list"),
    ("6", "Hold a conference on child protection in Vilnius.", date(2009, 6, 30), None),
    ("7", "Develop guidelines on guardianship for orphanages.", date(2009, 6, 30), None),
]
REPORT_PASSAGES = [
    # (block_no, kind, text)
    (0, "heading", "Annual report of the Expert Group, July 2008 - June 2009"),
    (1, "paragraph", "The guide for police officers on child trafficking was published in March 2009. "
                     "It was sent to every police academy of the region."),
    (2, "paragraph", "A seminar for social workers was held in Riga on 12 May 2009."),
    (3, "paragraph", "The weather in the region was mild."),
    (4, "paragraph", "The conference on child protection in Vilnius was postponed until next year."),
    (5, "paragraph", "A first draft of the guidelines on guardianship for orphanages is being prepared."),
]
EXPECTED = {"1": "evidenced", "2": "evidenced", "3": "overdue", "4": "not a commitment", "5": "not a commitment",
            "6": "no evidence",  # the report says it was postponed; due on the report's last day: not overdue
            "7": "partly evidenced"}  # under way, not finished


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("check_flow")
    plan, report = folder / "plan_2008.txt", folder / "report_2009.txt"
    plan.write_text("\n".join(t for _, t, _, _ in PLAN_LINES) + "\n", encoding="utf-8")
    report.write_text("\n\n".join(t for _, _, t in REPORT_PASSAGES) + "\n", encoding="utf-8")
    return plan, report


@pytest.fixture
def db(tmp_path, files):
    plan, report = files
    plan_sha, report_sha = file_sha256(plan), file_sha256(report)
    path = tmp_path / "w.duckdb"
    con = empty_warehouse(path)
    for sha, name, kind in ((plan_sha, plan.name, "narrative_plan"), (report_sha, report.name, "report")):
        insert(con, "documents", doc_sha256=sha, name=name, path=str(plan if sha == plan_sha else report), format="txt",
               kind=kind, blocks=5, records=5, quarantined=0, ingested_at=NOW, period_start=date(2008, 7, 1),
               period_end=date(2009, 6, 30), period_raw="July 2008 - June 2009")
    for i, (ref, text, end, why) in enumerate(PLAN_LINES):
        insert(con, "record_facts", record_id=f"plan_{ref}", doc_sha256=plan_sha, doc=plan.name, kind="activity",
               text=text, end_date=end, date_granularity="day" if end else "none", date_source="record", ref=ref,
               why=why, row_no=i, block_no=i, char_start=i * 100)
    for block, kind, text in REPORT_PASSAGES:
        insert(con, "passages", doc_sha256=report_sha, doc=report.name, block_no=block, kind=kind, text=text,
               paragraph_no=block)
    # the seminar is also an event record of the report, as the pipeline makes one
    insert(con, "record_facts", record_id="report_event", doc_sha256=report_sha, doc=report.name, kind="event",
           text=REPORT_PASSAGES[2][2], start_date=date(2009, 5, 12), end_date=date(2009, 5, 12),
           date_granularity="day", date_source="record", location="Riga", block_no=2, char_start=300)
    con.close()
    return str(path)


def statuses(result) -> dict[str, str]:
    return {r.commitment.ref: r.status for r in result.results}


def test_check_of_one_report_gives_each_commitment_its_status(db, files):
    result = check_run.run_check(db, str(files[1]), store_results=False)
    assert statuses(result) == EXPECTED
    assert (result.report_doc, result.plan_docs) == ("report_2009.txt", ["plan_2008.txt"])
    assert (result.report_period.start, result.report_period.end) == (date(2008, 7, 1), date(2009, 6, 30))
    by_ref = {r.commitment.ref: r for r in result.results}
    assert by_ref["1"].evidence[0][0].text == "The guide for police officers on child trafficking was published in March 2009."
    assert by_ref["2"].evidence[0][0].text == "A seminar for social workers was held in Riga on 12 May 2009."
    assert by_ref["4"].reason == "a lead-in that introduces the commitments after it"
    assert by_ref["5"].reason == "a priority that names a topic, not something to do"
    assert by_ref["6"].reason == "the report says it was not done ('postponed')"  # check's wording since the 'said not done' rule
    assert by_ref["7"].reason.startswith("the report says the work is under way")
    assert by_ref["3"].evidence == [] and by_ref["6"].evidence == []


def test_check_command_writes_csv_and_stores_the_check(db, files, capsys):
    args = Namespace(db=db, report=str(files[1]), all=False, against=None, format="csv", out=None)
    assert check_command(args) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["ref"]: r["status"] for r in rows} == EXPECTED
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(*), min(commitments) FROM check_runs").fetchone() == (1, 7)
    assert dict(con.execute("SELECT ref, status FROM commitment_checks").fetchall()) == EXPECTED
    con.close()


def test_check_command_against_a_named_plan_and_into_a_file(db, files, tmp_path, capsys):
    out = tmp_path / "check.json"
    args = Namespace(db=db, report=str(files[1]), all=False, against=[str(files[0])], format="json", out=str(out))
    assert check_command(args) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {r["ref"]: r["status"] for r in data} == EXPECTED
    assert "7 commitments -> " in capsys.readouterr().err


def test_check_all_prints_one_line_per_report(db, capsys):
    args = Namespace(db=db, report=None, all=True, against=None, format="table", out=None)
    assert check_command(args) == 0
    captured = capsys.readouterr()
    assert captured.out == ("report_2009.txt (2008-07-01..2009-06-30): 7 commitments, 2 evidenced, 1 partly, "
                            "1 overdue\n")
    assert "1 reports checked" in captured.err


@pytest.mark.parametrize("report, all_", [(None, False), ("x.txt", True)])
def test_check_needs_a_report_or_all_not_both(report, all_, capsys):
    assert check_command(Namespace(db="nowhere.duckdb", report=report, all=all_, against=None, format="csv",
                                   out=None)) == 2
    assert capsys.readouterr().err == "planscope: check needs a REPORT or --all (not both)\n"


def test_check_of_a_missing_file_is_an_error_in_words(db, tmp_path, capsys):
    missing = tmp_path / "nothing.txt"
    assert check_command(Namespace(db=db, report=str(missing), all=False, against=None, format="csv", out=None)) == 1
    assert capsys.readouterr().err == f"planscope: {missing}: no such file\n"


# --- the pieces, on hand-written inputs ----------------------------------------------------------------

PERIOD = check_run.Period(start=date(2008, 7, 1), end=date(2009, 6, 30), raw="July 2008 - June 2009")


def test_a_heading_or_a_date_line_opens_a_section_of_the_passages_under_it():
    passages = [  # (text, doc, page, paragraph_no, block_no, kind)
        ("RETURNING CHILDREN", "r.txt", 1, 1, 1, "heading"),
        ("70 participants: shelter staff met.", "r.txt", 1, 2, 2, "paragraph"),
        ("5-7 December", "r.txt", 2, 3, 3, "paragraph"),  # a date line: its heading is the entry's title
        ("Seminar on care", "r.txt", 2, 4, 4, "heading"),
        ("Twenty staff took part.", "r.txt", 2, 5, 5, "paragraph"),
        ("A heading with nothing under it", "r.txt", 3, 6, 6, "heading"),
    ]
    units = check_run.section_units(passages, PERIOD)
    assert [(u.text, u.kind, u.doc, u.page, u.paragraph_no, u.block_no, u.start, u.end) for u in units] == [
        ("RETURNING CHILDREN 70 participants: shelter staff met.", "section", "r.txt", 1, 1, 1, None, None),
        ("5-7 December Seminar on care Twenty staff took part.", "section", "r.txt", 2, 3, 3,
         date(2008, 12, 5), date(2008, 12, 7)),
    ]


def test_a_date_line_is_five_words_at_most():
    assert check_run._is_date_line("5-7 December 2008, Riga, Latvia", PERIOD) is True
    assert check_run._is_date_line("On 5-7 December 2008 in Riga", PERIOD) is False  # six words
    assert check_run._is_date_line("Riga, Latvia", PERIOD) is False  # no date


def test_a_long_section_is_cut_on_a_word_boundary():
    text = "word " * 200  # 1000 characters
    unit = check_run._block_unit(text.strip(), "section", ("r.txt", 1, 2, 3), PERIOD)
    assert unit.text == ("word " * 120).strip() + " …"  # 600 characters end in a space: cut before it
    assert (unit.kind, unit.doc, unit.page, unit.paragraph_no, unit.block_no) == ("section", "r.txt", 1, 2, 3)
    short = check_run._block_unit("In March 2009 the group met.", "paragraph", ("r.txt", None, None, 7), PERIOD)
    assert (short.text, short.start, short.end) == ("In March 2009 the group met.", date(2009, 3, 1), date(2009, 3, 31))


def test_one_rendition_per_document_the_docx_first():
    rows = [("a", "txt", "T"), ("b", "docx", "T"), ("c", "pdf", "T"), ("d", "pdf", "U"), ("e", "txt", "U"),
            ("f", "odt", "V"), ("g", "odt", "W"), ("h", "txt", "W")]
    assert check_run._one_per_rendition(rows) == [("b", "docx", "T"), ("d", "pdf", "U"), ("f", "odt", "V"),
                                                  ("h", "txt", "W")]


def test_reports_are_the_dated_documents_that_are_not_plans(tmp_path):
    con = empty_warehouse(tmp_path / "w.duckdb")
    for sha, kind, end in (("R", "report", date(2009, 6, 30)), ("N", "news", date(2009, 1, 31)),
                           ("P", "narrative_plan", date(2009, 6, 30)), ("T", "table_plan", date(2009, 6, 30)),
                           ("U", "report", None)):
        insert(con, "documents", doc_sha256=sha, name=f"{sha}.txt", path=f"/nowhere/{sha}.txt", format="txt", kind=kind,
               blocks=1, records=0, quarantined=0, ingested_at=NOW, period_start=date(2008, 7, 1) if end else None,
               period_end=end)
    assert sorted(check_run.reports(con)) == [("N", date(2008, 7, 1), date(2009, 1, 31)),
                                              ("R", date(2008, 7, 1), date(2009, 6, 30))]
    con.close()


def test_acronyms_of_runs_of_capitalised_words():
    from checking.evidence import acronyms

    assert acronyms("the Expert Group for Cooperation on Children at Risk met") == {"egccr"}
    assert acronyms("the Council of Baltic Sea States") == {"cbss"}
    assert acronyms("The Working Group met.") == {"twg"}
    assert acronyms("Riga and Oslo") == set()  # two initials: no acronym


def own_commitment():
    from checking.evidence import Commitment

    c = Commitment(record_id="r", ref="1", text="t", plan_doc="p", start=None, end=None, themes=[])
    c.own_words, c.own_acronyms, c.own_agents = frozenset({"expert", "group"}), frozenset({"egccr"}), frozenset({"sejm"})
    return c


@pytest.mark.parametrize("agent, own", [
    ("expert group", True), ("the expert group", True), ("egcc", True), ("working group", True), ("sejm", True),
    ("frontex", False), ("eg", False), ("expert panel of frontex", False),
])
def test_is_own(agent, own):
    from checking.evidence import is_own

    assert is_own(agent, own_commitment()) is own


def test_own_names_come_from_the_plan_and_the_reports_opening():
    from checking.evidence import Commitment, Unit, mark_own_names

    plan = [Commitment(record_id=f"r{i}", ref=str(i), text=t, plan_doc="plan.txt", start=None, end=None, themes=[])
            for i, t in enumerate(["The Working Group will hold a seminar.", "Publish a guide."])]
    other = Commitment(record_id="o", ref="9", text="Visit Oslo.", plan_doc="other.txt", start=None, end=None, themes=[])

    def unit(text, block, agents=()):
        return Unit(text=text, doc="r.txt", kind="sentence", page=None, paragraph_no=None, block_no=block, start=None,
                    end=None, agents=set(agents))

    # (a name right before a full stop loses its last initial: "... at Risk." gives "egcc")
    units = [unit("Annual report of the Expert Group for Cooperation on Children at Risk", 0),
             *[unit(f"then FRONTEX held course {i} in Riga.", i, ["frontex"]) for i in range(1, 4)],
             unit("The Sejm hosted a meeting.", 5, ["sejm"])]
    mark_own_names(plan + [other], units)
    assert plan[0].own_words == plan[1].own_words
    assert {"working", "guide", "expert", "risk", "frontex"} <= plan[0].own_words  # the opening is its first 3 units
    assert "oslo" not in plan[0].own_words and "oslo" in other.own_words
    assert plan[0].own_acronyms == frozenset({"twg", "egccr"})
    assert plan[0].own_agents == other.own_agents == frozenset({"frontex"})  # named three times; the Sejm once


@pytest.mark.parametrize("text, note", [
    ("The seminar was postponed.", "says it was not done ('postponed')"),
    ("The seminar is planned for May.", "says it is still planned ('planned for')"),
    ("Each ministry ran its own seminar.", "another body's own activity ('its own')"),
    ("Experts took part in the seminar.", "tells of taking part in an event, not organising one ('took part in')"),
    ("The seminar took place in Riga.", ""),
])
def test_veto_note_says_why_a_close_passage_does_not_count(text, note):
    from checking.evidence import Unit

    u = Unit(text=text, doc="r.txt", kind="sentence", page=None, paragraph_no=None, block_no=1, start=None, end=None)
    assert check_run.veto_note(u) == note


def test_veto_note_names_the_other_bodies_not_the_plans_own():
    from checking.evidence import Unit

    u = Unit(text="The course took place.", doc="r.txt", kind="sentence", page=None, paragraph_no=None, block_no=1,
             start=None, end=None, agents={"by:frontex", "expert group"})
    assert check_run.veto_note(u, {"other_actor": 1.0}, own_commitment()) == "tells of another body's work (frontex)"
    assert check_run.veto_note(u, {"other_actor": 1.0}) == "tells of another body's work (expert group, frontex)"
    assert check_run.veto_note(u, {"other_actor": 0.0}) == ""


def test_check_command_prints_a_table_on_the_terminal(db, files, capsys):
    args = Namespace(db=db, report=str(files[1]), all=False, against=None, format="table", out=None)
    assert check_command(args) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ("report_2009.txt (2008-07-01 – 2009-06-30) against 1 plan(s): 2 evidenced, "
                                   "1 partly evidenced, 1 no evidence, 1 overdue, 2 not a commitment")
    for ref, status in EXPECTED.items():
        assert status.split()[0] in out
    assert "Translate the handbook on child labour" in out  # folded at 45 characters
