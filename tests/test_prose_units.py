"""Prose units cut as a reader cuts them (issue: prose that generalises): action clauses and their
lettered parts, hard-wrapped plain text, Word's "o" bullets, a record's own date over the dates it
names; and the labelled units the classifier learns from, kept per author. Expectations written by hand."""
from __future__ import annotations

import textwrap
from datetime import date

import pytest

from extractors.time.dates import record_time
from extractors.prose.narrative import action_parts
from pipeline.readers import read_document
from pipeline.readers.labels import split_label
from pipeline.readers.txt_reader import unwrap, wrap_width
from schemas.records import Period

from conftest import run_cli
from tests.test_narrative import write

PERIOD_2010 = Period(start=date(2010, 1, 1), end=date(2010, 12, 31), raw="2010")


@pytest.mark.parametrize("text, start, end", [
    ("On 4 March 2021 the group adopted its Action Plan 2021-2026.", "2021-03-04", "2021-03-04"),
    ("In 2021 the group adopted its Action Plan 2021-2026.", "2021-01-01", "2021-12-31"),
    ("On March 3rd to 5th 2010 the group met in Riga.", "2010-03-03", "2010-03-05"),
    ("The conference took place on June 9-11, 2015 in Oslo.", "2015-06-09", "2015-06-11"),
    ("The group agreed on a mandate for 2015 - 2019 at its meeting on 3 June 2014.", "2014-06-03", "2014-06-03"),
    ("12/05/2011 - On 3 and 4 May 2011 the group met.", "2011-05-03", "2011-05-04"),
    ("The annual report for 2012-2013 was adopted on 4 June 2013.", "2013-06-04", "2013-06-04"),
    ("In 2009 and 2010 the unit ran a project.", "2009-01-01", "2010-12-31"),
    ("The group met in Riga in September.", "2010-09-01", "2010-09-30"),
    ("In Sept. the programme organised a study visit to Tromsø.", "2010-09-01", "2010-09-30"),  # dotted, alone
    ("The group met in Oct. and Nov. in Riga.", "2010-10-01", "2010-11-30"),
    ("The Dec. 5 decision was published.", "2010-12-05", "2010-12-05"),  # a day, not the month
])
def test_a_record_is_dated_by_its_own_time_not_the_times_it_names(text, start, end):
    value = record_time(text, PERIOD_2010)
    assert (value.start.isoformat(), value.end.isoformat()) == (start, end)


def test_an_action_clause_is_cut_into_its_lettered_parts():
    text = ("3. Support to foster families – Foster families need training. Action: a.) map the training on "
            "offer; b.) run a pilot course in 2009. Responsible: WGCC")
    start, parts = action_parts(text)
    assert text[start:].startswith("Action:")
    assert [(label, text[s:e].strip(" ;")) for label, s, e in parts] == [
        ("a", "map the training on offer"), ("b", "run a pilot course in 2009.")]
    listed = "Actions: (a) draft; (b) consult; (c) report"
    assert [listed[s:e].strip(" ;") for _, s, e in action_parts(listed)[1]] == ["draft", "consult", "report"]
    one = "Foster care – discussed. Action: the Secretariat to circulate the paper by May."
    assert [one[s:e] for _, s, e in action_parts(one)[1]] == ["the Secretariat to circulate the paper by May."]
    assert action_parts("The Plan of Action: a new start") is None
    assert action_parts("No clause here at all.") is None


def _records(tmp_path, name: str, body: str, manifest: str | None = None) -> list[tuple]:
    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    write(folder / name, body)
    args = ["ingest", str(folder)]
    if manifest:
        args += ["--manifest", str(write(tmp_path / "manifest.csv", manifest))]
    run_cli(*args, db=tmp_path / "w.duckdb", check=True)
    out = run_cli("sql", "--json", "SELECT kind, ref, text, start FROM records ORDER BY char_start",
                  db=tmp_path / "w.duckdb", check=True)
    import json

    return [(r["kind"], r["ref"], r["text"]) for r in json.loads(out.stdout)]


def test_a_plans_action_parts_are_activities_and_its_rationale_is_not(tmp_path):
    recs = _records(tmp_path, "plan.txt", textwrap.dedent("""\
        Work plan of the Expert Group 2010-2011

        Activities:

        1. Support to foster families – Foster families need training and support. Action: a.) map the training on offer in each member state; b.) run a pilot course in Riga in spring 2011.
        2. Child-friendly justice – Action: the Secretariat to compile national practice by June 2011.
        """))
    assert [(k, text) for k, _, text in recs] == [
        ("activity", "map the training on offer in each member state"),
        ("activity", "run a pilot course in Riga in spring 2011."),
        ("activity", "the Secretariat to compile national practice by June 2011.")]
    assert [ref for _, ref, _ in recs] == ["1.a", "1.b", "2"]  # a plan: refs by item number and part


WRAPPED = [
    "Report of the Nordic Council of Ministers presidency 2012",
    "The Nordic Council of Ministers for Social Affairs met in Helsinki on 4 May 2012 under the chairmanship "
    "of the Finnish Minister, and the ministers agreed on a joint statement on the protection of children in "
    "residential care. Representatives of the Baltic Sea States Subregional Co-operation also took part.",
    "Planned for next year",
    "The presidency will organise a seminar on foster care in Turku in October 2013, together with the "
    "Committee of Senior Officials and the Council of the Baltic Sea States Secretariat.",
]


def test_a_hard_wrapped_text_file_is_read_as_whole_paragraphs(tmp_path):
    path = write(tmp_path / "wrapped.txt", "\n\n".join(textwrap.fill(p, 70) for p in WRAPPED) + "\n")
    doc = read_document(path)
    assert [b.text for b in doc.blocks] == WRAPPED
    assert [b.kind.value for b in doc.blocks] == ["heading", "paragraph", "heading", "paragraph"]


def test_a_file_of_one_paragraph_a_line_is_left_as_it_is():
    lines = ["Short heading"] + [p for p in WRAPPED[1:]] * 4
    assert wrap_width(lines) is None and unwrap(lines) == lines
    wrapped = textwrap.fill(WRAPPED[1], 60).split("\n") + [""] + textwrap.fill(WRAPPED[3], 60).split("\n")
    assert 50 <= wrap_width(wrapped) <= 60
    # a slide number glued to a title starts a line of its own even where the line before is full
    assert unwrap(["x" * 58, "y" * 57, "z" * 59, "w" * 58, "v" * 60, "u" * 58, "t" * 59, "s" * 58, "2Priorities"])[-1] \
        == "2Priorities"


def test_words_o_bullet_is_a_bullet_and_a_word_o_is_not():
    assert split_label("o Until 2017 a child was interviewed") == ("o", None, "Until 2017 a child was interviewed", "bullet")
    assert split_label("o set national standards")[3] == "bullet"
    assert split_label("on 3 May the group met")[3] is None
    assert split_label("o 2017")[3] is None


def test_a_catalogued_plan_stays_a_plan(tmp_path):
    body = ("The Task Force will meet four times in 2009.\n\nIt will publish a handbook on the identification "
            "of child victims by June 2009.\n")
    manifest = "file,title,period_start,period_end,genre,source\nshortplan,Work plan 2009,2009-01-01,2009-12-31,plan,test\n"
    _records(tmp_path, "shortplan.txt", body, manifest)
    out = run_cli("sql", "--json", "SELECT kind FROM documents", db=tmp_path / "w.duckdb", check=True)
    assert '"narrative_plan"' in out.stdout


def test_each_authors_units_are_read_apart_and_a_bad_line_is_named(tmp_path):
    from extractors.prose import narrative_data as nd

    by_author = nd.authors()
    assert len(by_author) >= 7 and sum(map(len, by_author.values())) >= 3000
    assert all(u.author == a for a, units in by_author.items() for u in units)
    sheet = write(tmp_path / "units.txt", "@g news\n@h Planned\n@l The presidency will:\nA* host a seminar\n"
                                          "E The group met in Riga.\n")
    units = nd.read_sheet(sheet, "x")
    assert [(u.label, u.in_list, u.heading, u.lead_in) for u in units] == [
        ("activity", True, "Planned", "The presidency will:"), ("event", False, "Planned", None)]
    unit = nd.as_unit(nd.LabelledUnit("Riga, 14 March 2011 – The group met.", "event", False, None, None, "report", "x"))
    assert (unit.shape, unit.text, unit.entry_date_raw, unit.entry_place_raw) == (
        "entry", "The group met.", "14 March 2011", "Riga")
    with pytest.raises(ValueError, match=r"units.txt:2: not a labelled line"):
        nd.read_sheet(write(tmp_path / "units.txt", "@g news\nX what\n"), "x")
    with pytest.raises(ValueError, match="unknown genre"):
        nd.read_sheet(write(tmp_path / "units.txt", "@g poem\n"), "x")


def test_tab_separated_lines_are_a_table(tmp_path):
    path = write(tmp_path / "plan.txt", "WORK PLAN 2019\n\nActivity\tResponsible\tTime limit\n"
                                         "Organise the spring meeting in Turku\tSecretariat\tApril 2019\n"
                                         "Hold four webinars\tSecretariat with Helsinki\t2019-2020\n\nClosing words.\n")
    doc = read_document(path)
    table = next(b for b in doc.blocks if b.kind.value == "table")
    assert table.header == ["Activity", "Responsible", "Time limit"]
    assert [r.cells for r in table.rows] == [["Organise the spring meeting in Turku", "Secretariat", "April 2019"],
                                             ["Hold four webinars", "Secretariat with Helsinki", "2019-2020"]]
    assert doc.blocks[-1].text == "Closing words."


def test_an_item_word_that_starts_like_a_month_is_no_date():
    assert split_label("7. Mark the EU Anti-Trafficking Day")[3] == "decimal"
    assert split_label("3. Declaration of the ministers")[3] == "decimal"
    assert split_label("3. September, Oslo – meeting")[3] is None  # a date written the German way


def test_action_lines_under_a_plan_item_are_its_activities(tmp_path):
    recs = _records(tmp_path, "plan.txt", textwrap.dedent("""\
        PLAN OF ACTIVITIES 2008-2009

        II. RECOMMENDATIONS AND ACTIVITIES

        1. Identification of victims – Victims who are not identified get no help. Action: a.) prepare a handbook for consular staff; b.) train consular staff in five member states.
        2. Safe return – Too many victims are sent home without an assessment of the risks.
        Action: map the return programmes run by IOM in the region.
        The Task Force will hold an expert meeting on safe return in Vilnius on 4-5 December 2008.
        Result: a common approach to return.
        3. Labour exploitation – Little is known about forced labour.
        Action: commission a pilot study in Finland and Poland.
        """))
    assert [text for kind, _, text in recs if kind == "activity"] == [
        "prepare a handbook for consular staff", "train consular staff in five member states.",
        "map the return programmes run by IOM in the region.",
        "The Task Force will hold an expert meeting on safe return in Vilnius on 4-5 December 2008.",
        "commission a pilot study in Finland and Poland."]


def test_every_commitment_of_plans_written_by_other_authors_is_read(tmp_path):
    """Thirty-four plans of six shapes (table, numbered, action clauses, "will" sentences, priorities),
    written by ten authors for `check` (tests/fixtures/check/authored): each labelled commitment is
    an activity record, its text matched as the scorer matches (Dice >= 0.8)."""
    import collections
    import json
    import re

    from conftest import ROOT

    def words(t):
        return collections.Counter(re.sub(r"[^\w\s]", " ", t.lower()).split())

    def dice(a, b):
        a, b = words(a), words(b)
        return 2 * sum((a & b).values()) / (sum(a.values()) + sum(b.values()))

    labels = sorted((ROOT / "tests" / "fixtures" / "check" / "authored").glob("*/labels_*.json"))
    plans = [str(p.parent / f"{json.loads(p.read_text())['plan']}.txt") for p in labels]
    run_cli("ingest", *plans, db=tmp_path / "w.duckdb", check=True)
    out = run_cli("sql", "--json", "SELECT doc, text FROM records WHERE kind = 'activity'", db=tmp_path / "w.duckdb",
                  check=True)
    by_doc = collections.defaultdict(list)
    for r in json.loads(out.stdout):
        by_doc[r["doc"]].append(r["text"])
    missing = []
    for path in labels:
        pair = json.loads(path.read_text())
        # plans of one name from different authors share a doc name here: look among all of them
        texts = [t for doc, ts in by_doc.items() if doc == f"{pair['plan']}.txt" for t in ts]
        for c in pair["commitments"]:
            # a topic (labelled "topic", or marked "topic": true) names nothing to do
            if not c.get("topic") and c["label"] != "topic" and not any(dice(c["text"], t) >= 0.8 for t in texts):
                missing.append((pair["author"], c["text"][:60]))
    assert len(labels) == 43 and missing == []


def test_a_slide_number_on_its_own_line_starts_a_slide_and_its_title_heads_the_items(tmp_path):
    deck = textwrap.dedent("""\
        Slide 1
        Health cooperation in the north: results 2008
        Joint Working Group on Health

        Slide 2
        Priority areas
        - Prevention of tuberculosis
        - Children and youth at risk

        Slide 3
        Results 2008
        - Working group meeting, Arkhangelsk, 12-13 March
        - Health Day organised in Kirkenes on 15 September
        """)
    manifest = "file,title,period_start,period_end,genre,source\ndeck,Health cooperation,2008-01-01,2008-12-31,slides,test\n"
    recs = _records(tmp_path, "deck.txt", deck, manifest)
    kinds = {text: kind for kind, _, text in recs}
    assert kinds["Prevention of tuberculosis"] == "activity" and kinds["Children and youth at risk"] == "activity"
    assert kinds["Working group meeting, Arkhangelsk, 12-13 March"] == "event"
    assert not any("Slide" in text or "Results 2008" in text for text in kinds)


@pytest.mark.parametrize("text, kind, rule", [
    ("The number of children arriving alone in the region will remain high.", None, "prediction"),
    ("Pressures from shipping will increase as traffic grows.", None, "prediction"),
    ("The presidency will increase support to NGOs.", "activity", "future"),
    ("The Working Group will continue its work on guardianship.", "activity", "future"),
    ("The group decided to set up a small task group on guardianship, led by Sweden.", "activity", "decided work"),
    ("It was decided that the final conference will take place in Gdansk in spring 2014.", "activity", "decided work"),
    ("On 12 March 2009 the group decided to extend the mandate.", "event", "event verb"),
])
def test_the_rules_tell_predictions_and_decided_work_apart(text, kind, rule):
    from extractors.prose.narrative import Unit
    from extractors.prose.narrative_kind import decide
    from extractors.entities.nlp import get_nlp

    unit = Unit(text=text, block=0, char_start=0, char_end=len(text), shape="sentence")
    decision = decide(unit, get_nlp()(text), False)
    assert (decision.kind, decision.rule) == (kind, rule)


def test_a_reports_entry_dated_after_its_period_is_planned(tmp_path):
    report = textwrap.dedent("""\
        Chairmanship report 2002-2003

        Riga, 14 March 2003 – Meeting of the Working Group on street children

        Helsinki, 15-16 September 2003 – Meeting of the Working Group
        """)
    manifest = ("file,title,period_start,period_end,genre,source\n"
                "chair,Chairmanship report,2002-07-01,2003-06-30,report,test\n")
    recs = _records(tmp_path, "chair.txt", report, manifest)
    assert [(kind, text) for kind, _, text in recs] == [
        ("event", "Meeting of the Working Group on street children"), ("activity", "Meeting of the Working Group")]


def test_a_wrapped_file_with_a_long_title_and_web_address_is_still_unwrapped():
    lines = [
        "Baltic Sea rescue services train together for a major storm in the Gulf of Finland this autumn",  # 95
        "",
        "Tallinn, 8 September 2016 - Rescue services, coast guards and",
        "municipal crisis teams from nine Baltic Sea states took part in the",
        "regional exercise in and around Tallinn on 6-7 September 2016.",
        "",
        "The exercise was organised by the Estonian Rescue Board and the",
        "Estonian Ministry of the Interior within the CBSS Civil Protection",
        "Network, with co-funding from the European Commission's civil",
        "protection budget. It simulated a winter storm that cuts power to",
        "the whole of northern Estonia and damages a passenger ship.",
        "",
        "About 650 rescuers, 14 vessels and 6 helicopters were involved, and",
        "teams from Finland, Latvia, Lithuania and Sweden crossed the border",
        "with their equipment in less than twelve hours. The directors of",
        "the rescue services met on the second day to review the first",
        "lessons and agreed that the guidelines on host nation support will",
        "be revised by the network's secretariat before the next exercise,",
        "which Latvia has offered to host in the Gulf of Riga in 2018.",
        "",
        "More: https://www.cbss.org/civil-protection-network/baltic-storm-2016-exercise-report",  # 87
    ]
    assert wrap_width(lines) == 67
    out = unwrap(lines)
    assert out[2] == ("Tallinn, 8 September 2016 - Rescue services, coast guards and municipal crisis teams from "
                      "nine Baltic Sea states took part in the regional exercise in and around Tallinn on 6-7 "
                      "September 2016.")
    assert wrap_width(lines + ["A third line far longer than the width the rest of this file was wrapped at, "
                               "which no wrapping program would have left standing"] * 3) is None


def test_an_action_line_without_a_full_stop_is_the_items_clause_not_a_heading(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("Work plan 2019\n\n2. Hazardous substances\n"
                    "Action: update the list of substances of specific concern – TBD\n"
                    "Action: prepare a report on pharmaceuticals in the environment together with UNESCO, by June 2019.\n",
                    encoding="utf-8")
    kinds = [(b.kind.value, b.text[:12]) for b in read_document(path).blocks]
    assert kinds[1:] == [("list_item", "Hazardous su"), ("paragraph", "Action: upda"), ("paragraph", "Action: prep")]
