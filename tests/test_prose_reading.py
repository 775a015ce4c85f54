"""Prose read as a reader reads it. Who acts: the body after an opening date, a body's whole name
past a registry alias inside it, two bodies joined by "and", the short names a document uses once
it has named a body in full ("the Unit", "the Presidency"). Slides with and without bullets, cut
lines, title slides. A record's own days over a dateline. Background the classifier would take
for an event. Expectations written by hand."""
from __future__ import annotations

import json
import textwrap
from datetime import date
from types import SimpleNamespace

import pytest

from extractors.entities.actors import actors_in_text
from extractors.entities.nlp import get_nlp
from extractors.entities.registry import load_registry
from pipeline.components import _classifier_background
from schemas.records import Period

from conftest import run_cli
from tests.test_narrative import write


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def _names(nlp, sentence: str) -> list[tuple[str, str | None]]:
    links = actors_in_text(nlp(sentence), load_registry(), None, mode="narrative")
    return [(link.name, link.entity_id) for link in links]


@pytest.mark.parametrize("sentence, expected", [
    ("In November 2015 the Unit published a report on the return of unaccompanied children.", [("Unit", None)]),
    ("On 17 February 2016 the Unit and the Polish Ombudsman for Children organised a conference.",
     [("Unit", None), ("Polish Ombudsman for Children", None)]),  # two bodies, not one name
    ("The presidency hosted a seminar on street children in Oslo on 10 February.", [("presidency", None)]),
    ("On 20 June the Minister launched national quality standards for Barnahus.", [("Minister", None)]),
])
def test_the_subject_after_an_opening_date_is_the_body_not_the_date(nlp, sentence, expected):
    assert _names(nlp, sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The Working Group on Environment is preparing a report on climate adaptation.",
     [("Working Group on Environment", None)]),
    ("The Joint Working Group on Youth organised the Barents Youth Conference in Luleå, 15-17 Nov.",
     [("Joint Working Group on Youth", None)]),
])
def test_a_bodys_whole_name_is_not_cut_to_a_registry_alias_inside_it(nlp, sentence, expected):
    assert _names(nlp, sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("On the eve of the Anti-Trafficking Day, the Latvian Ministry of the Interior and the Council of Europe held a "
     "conference in Riga.", ["Latvian Ministry of the Interior", "Council of Europe"]),
    ("Working Group meeting, Turku, 24-25 March 2003", ["Expert Group on Children at Risk"]),  # the group that meets
    ("The Danish Presidency conference on child poverty was held in Copenhagen.", ["Danish Presidency"]),
])
def test_a_ministry_of_the_x_and_the_body_holding_a_meeting_are_actors(nlp, sentence, expected):
    assert [n for n, _ in _names(nlp, sentence)] == expected


def test_a_ministry_and_an_abbreviated_body_are_two_actors_but_a_ministrys_own_and_is_not(nlp):
    assert [n for n, _ in _names(nlp, "A conference took place in Vilnius, co-organised with the Lithuanian Ministry "
                                      "of Social Security and Labour and UNICEF.")] == [
        "Lithuanian Ministry of Social Security and Labour", "UNICEF"]
    assert [n for n, _ in _names(nlp, "The meeting was hosted by the Ministry of Health and Social Affairs.")] == [
        "Ministry of Health and Social Affairs"]


def _actors(tmp_path, name: str, body: str, manifest: str) -> dict[str, list[str]]:
    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    write(folder / name, body)
    run_cli("ingest", str(folder), "--manifest", str(write(tmp_path / "manifest.csv", manifest)),
            db=tmp_path / "w.duckdb", check=True)
    out = run_cli("sql", "--json", "SELECT text, actors FROM records ORDER BY char_start", db=tmp_path / "w.duckdb",
                  check=True)
    return {r["text"]: r["actors"] for r in json.loads(out.stdout)}


def test_short_names_resolve_to_the_body_the_document_names_in_full(tmp_path):
    recs = _actors(tmp_path, "news.txt", textwrap.dedent("""\
        News from the Icelandic Presidency of the Council of the Baltic Sea States

        The Icelandic Presidency opened its term with a conference in Reykjavik on 3 July 2016.

        On 5 October 2016 the Children at Risk Unit took part in a seminar on guardianship in Riga.

        In November 2016 the Unit published a report on the return of unaccompanied children.

        The Presidency will publish a short guide on hearing children in court in spring 2017.

        The presidency hosted a seminar on street children in Riga on 10 February 2017.

        The secretariat held a workshop on guardianship in Riga on 12 February 2017.
        """), "file,title,period_start,period_end,genre,source\n"
                  "news,News from the Icelandic Presidency,2016-07-01,2017-06-30,news,test\n")
    unit = [actors for text, actors in recs.items() if text.startswith("In November 2016")]
    presidency = [actors for text, actors in recs.items() if text.startswith("The Presidency will")]
    assert unit == [["Children at Risk Unit"]]
    assert presidency == [["Icelandic Presidency"]]
    assert [a for text, a in recs.items() if text.startswith("The presidency hosted")] == [["Icelandic Presidency"]]
    assert [a for text, a in recs.items() if text.startswith("The secretariat held")] == [[]]  # never named in full


def test_a_generic_alias_is_not_the_registry_body_in_a_document_that_never_names_it(tmp_path):
    recs = _actors(tmp_path, "barents.txt", textwrap.dedent("""\
        Barents Euro-Arctic Council: news from the health cooperation

        The Joint Working Group on Health and Related Social Issues met in Luleå on 27-28 September 2016.

        The Working Group adopted a programme on tuberculosis on 28 September 2016.
        """), "file,title,period_start,period_end,genre,source\n"
                  "barents,Barents news,2016-01-01,2016-12-31,news,test\n")
    adopted = [actors for text, actors in recs.items() if "tuberculosis" in text]
    assert adopted == [["Joint Working Group on Health and Related Social Issues"]]


SLIDES_MANIFEST = ("file,title,period_start,period_end,genre,source\n"
                   "deck,Slides,2018-01-01,2018-12-31,slides,test\n")


def _texts(tmp_path, body: str) -> list[str]:
    return list(_actors(tmp_path, "deck.txt", body, SLIDES_MANIFEST))


def test_a_slide_without_bullets_has_one_item_a_line(tmp_path):
    texts = _texts(tmp_path, textwrap.dedent("""\
        Barnahus in Europe
        Regional Forum, Tallinn, 18 April 2018


        Slide 2 – Results so far
        Kick-off meeting, Stockholm, 12-13 December 2017
        Thematic expert meeting on forensic interviews, Oslo, 6-7 March 2018
        Closing conference, Stockholm, 13 June 2018
        """))
    assert "Kick-off meeting, Stockholm, 12-13 December 2017" in texts
    assert "Thematic expert meeting on forensic interviews, Oslo, 6-7 March 2018" in texts
    assert not any("December 2017 Thematic" in t for t in texts)


def test_a_bulleted_slides_line_without_a_bullet_goes_on_from_the_line_before(tmp_path):
    texts = _texts(tmp_path, textwrap.dedent("""\
        Barnahus in Europe
        Regional Forum, Tallinn, 18 April 2018


        Slide 2 – Results so far
        • Thematic expert meeting on forensic interviews with young
        Children, Oslo, 6-7 March 2018
        • Kick-off meeting, Stockholm, 12-13 December 2017
        """))
    assert "Thematic expert meeting on forensic interviews with young Children, Oslo, 6-7 March 2018" in texts


PERIOD = Period(start=date(2016, 7, 1), end=date(2017, 6, 30), raw="2016-2017")


@pytest.mark.parametrize("rule, kind, text, background", [
    ("classifier over anaphoric", "event", "The group was set up by the ministers in March 2002.", True),
    ("classifier over anaphoric", "event", "The group met in Riga on 3 October 2016.", False),
    ("classifier over anaphoric", "event", "The group met in Riga on 30 June 2016.", True),  # the day before
    ("classifier over anaphoric", "event", "The group met in Riga on 1 July 2016.", False),  # the first day
    ("event verb", "event", "The group was set up by the ministers in March 2002.", False),  # the rules' own
    ("classifier over none", "activity", "The group was to report in March 2002.", False),
    ("classifier over none", "event", "The group met in Riga.", False),  # no date of its own
])
def test_an_event_only_the_classifier_saw_dated_before_the_period_is_background(rule, kind, text, background):
    decision = SimpleNamespace(kind=kind, rule=rule)
    assert _classifier_background(decision, SimpleNamespace(text=text), PERIOD) is background


def _slide_units(tmp_path, body: str) -> list[str]:
    from extractors.catalogue import CatalogueEntry
    from extractors.prose.narrative import narrative_units
    from extractors.structure import analyse
    from pipeline.readers import read_document

    doc = read_document(write(tmp_path / "deck.txt", body))
    entry = CatalogueEntry(file="deck", period_start=date(2007, 1, 1), period_end=date(2007, 12, 31), genre="slides")
    return [u.text for u in narrative_units(doc, analyse(doc, entry))]


def test_a_slide_line_cut_at_the_transcripts_width_goes_on_and_a_short_one_does_not(tmp_path):
    units = _slide_units(tmp_path, textwrap.dedent("""\
        Police cooperation against trafficking
        Palanga, 22-23 May 2008


        Slide 2 – Results 2007
        Joint Investigation Team with the Netherlands set up in 2006
        Liaison officers were posted to London
        Training on victim identification for 160 police officers in the cities of
        Vilnius, Kaunas and Klaipėda, October 2007
        Study visit of Norwegian investigators to Vilnius, April 2007


        Slide 3 – Plans
        Joint operation with the Swedish police
        New unit in Kaunas
        """))
    assert units[1:] == [
        "Joint Investigation Team with the Netherlands set up in 2006",
        "Liaison officers were posted to London",  # "Liaison" would have fitted on the line before: not cut
        "Training on victim identification for 160 police officers in the cities of Vilnius, Kaunas and Klaipėda, "
        "October 2007",  # 74 letters, the widest line: cut
        "Study visit of Norwegian investigators to Vilnius, April 2007",
        "Joint operation with the Swedish police",
        "New unit in Kaunas",
    ]


def test_a_title_slides_meeting_name_takes_the_place_and_date_on_the_next_line(tmp_path):
    units = _slide_units(tmp_path, textwrap.dedent("""\
        LITHUANIAN CRIMINAL POLICE BUREAU

        Nordic-Baltic Police Seminar on Trafficking in Human Beings
        Palanga, 22-23 May 2007

        Chief Commissioner Darius Mockus


        Slide 2 – Our unit
        Board set up within the Criminal Police Bureau in September 2003
        """))
    assert "Nordic-Baltic Police Seminar on Trafficking in Human Beings Palanga, 22-23 May 2007" in units
    assert "Chief Commissioner Darius Mockus" in units  # a speaker's line takes no date


def test_a_sentences_own_days_beat_the_press_releases_dateline(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder / "press.txt", textwrap.dedent("""\
        Nordic and Baltic culture ministers agree on a joint programme

        Tallinn, 25 September 1997 – The ministers for culture of the Nordic and Baltic countries met in Tallinn on 24-25 September for their annual meeting.

        Riga, 3 October 1997 – The ministers of the interior signed an agreement on police cooperation.
        """))
    manifest = write(tmp_path / "manifest.csv", "file,title,period_start,period_end,genre,source\n"
                                                 "press,,1997-01-01,1997-12-31,news,test\n")
    run_cli("ingest", str(folder), "--manifest", str(manifest), db=tmp_path / "w.duckdb", check=True)
    out = run_cli("sql", "--json", "SELECT start, \"end\" FROM records ORDER BY char_start", db=tmp_path / "w.duckdb",
                  check=True)
    assert [(r["start"], r["end"]) for r in json.loads(out.stdout)] == [
        ("1997-09-24", "1997-09-25"),  # the meeting's own days, not the day the release was dated
        ("1997-10-03", "1997-10-03"),  # no date of its own: the dateline's
    ]


def test_a_transcript_without_slide_marks_keeps_its_short_lines_as_items_under_their_section(tmp_path):
    units = _slide_units(tmp_path, textwrap.dedent("""\
        Activities during the year
        Conference in Riga, September 2007
        Seminar on care, Oslo, May 2007
        Planned activities
        Guide for police
        Study on care leavers
        Training for guardians
        """))
    assert units == ["Conference in Riga, September 2007", "Seminar on care, Oslo, May 2007", "Guide for police",
                     "Study on care leavers", "Training for guardians"]  # no heading glued to an item, none lost


def test_who_acts_named_in_parentheses_funders_hosts_entry_titles_and_short_names(tmp_path):
    """records.md: actors are those responsible, organising, hosting or taking part, a funder named
    as a partner included. A plan item's closing parenthesis names who does it before its time; an
    entry without a verb names who met before its first comma; "the youth council" is the one
    council the document names in full, even where no record names it."""
    recs = _actors(tmp_path, "report.txt", textwrap.dedent("""\
        Annual report 2019 of the Bergen Youth Council

        The Bergen Youth Council brings together 31 young people elected in the schools of the city.

        Meetings

        Nordic Youth Network meeting, Oslo, 3 May 2019

        The youth council met the mayor in the City Hall on 18 September 2019.

        A training for the councillors was held in Bergen on 23-24 March 2019 with funding from the Nordic Council of Ministers.

        The councillors visited Tromsø at the invitation of the Norwegian Barents Secretariat on 5 June 2019.

        Plans for 2020

        - run a survey on safety on the way to school (Responsible: Save the Children Norway, Bergen Red Cross; spring 2020)
        - publish the survey's results in the local press (Nordic Youth Network; by June 2020)
        - hold a youth festival in the park in the summer (see the annex)
        """), "file,title,period_start,period_end,genre,source\n"
                  "report,Annual report 2019,2019-01-01,2019-12-31,report,test\n")
    by_start = {text.split()[0] + " " + text.split()[1]: actors for text, actors in recs.items()}
    assert by_start["Nordic Youth"] == ["Nordic Youth Network"]  # the entry names who met before its first comma
    assert by_start["The youth"] == ["Bergen Youth Council"]
    assert by_start["A training"] == ["Nordic Council of Ministers"]
    assert by_start["The councillors"] == ["Norwegian Barents Secretariat"]
    assert by_start["run a"] == ["Save the Children Norway", "Bergen Red Cross"]
    assert by_start["publish the"] == ["Nordic Youth Network"]
    assert by_start["hold a"] == []  # a parenthesis with neither a label nor a time names no one


def test_a_calendar_entry_is_its_title_with_the_place_and_date_on_the_lines_after_it(tmp_path):
    """A web calendar writes each entry's title, place and date on lines of their own (the date
    before or after the place); lines that start with a day of the month do not make the page a
    slide transcript."""
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder / "events.txt", textwrap.dedent("""\
        Events of the Nordic Welfare Network

        Past events

        Seminar on foster care for teenagers
        Tampere, Finland
        6 March 2019
        About 60 social workers took part.

        Round table on guardianship
        12 April 2019
        Vilnius, Lithuania

        Steering group meeting
        Online
        7 May 2019, 10:00-12:00 CET

        Closing conference of the network
        Copenhagen, Denmark
        Tuesday the 4th of June - Wednesday the 5th of June
        """))
    run_cli("ingest", str(folder), "--manifest", str(write(tmp_path / "m.csv",
            "file,title,period_start,period_end,genre,source\nevents,Events,2019-01-01,2019-12-31,news,test\n")),
            db=tmp_path / "w.duckdb", check=True)
    out = run_cli("sql", "--json", 'SELECT kind, text, "start", "end", location FROM records ORDER BY char_start',
                  db=tmp_path / "w.duckdb", check=True)
    rows = [(r["text"], r["start"], r["end"], r["location"]) for r in json.loads(out.stdout)
            if r["kind"] == "event"]
    assert ("Seminar on foster care for teenagers", "2019-03-06", "2019-03-06", "Tampere") in rows
    assert ("Round table on guardianship", "2019-04-12", "2019-04-12", "Vilnius") in rows
    assert ("Steering group meeting", "2019-05-07", "2019-05-07", None) in rows
    assert ("Closing conference of the network", "2019-06-04", "2019-06-05", "Copenhagen") in rows
    texts = [r[0] for r in rows]
    assert not any(t.startswith(("Tampere", "Vilnius", "Online", "Copenhagen", "6 March", "Tuesday")) for t in texts)


def test_a_bulleted_calendar_line_and_run_together_topics_are_split(tmp_path):
    """"• 4 July, Vilnius - Opening conference" is an entry whose text follows its date and place; a
    line of topics run together by semicolons is one item each; a sentence with a semicolon is not."""
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder / "prio.txt", textwrap.dedent("""\
        Programme of the Lithuanian Presidency 2013

        Priorities

        Culture and language: Nordic children's literature; Film and television co-production; The sagas in the digital age

        - support for young people leaving care; Foster care instead of institutions

        The Presidency will hold a conference on child poverty; it will also publish a report on it.

        Main meetings

        • 4 July, Vilnius - Opening conference of the Presidency
        • Kaunas, 11-12 November - Annual Forum of the Strategy
        """))
    run_cli("ingest", str(folder), "--manifest", str(write(tmp_path / "m.csv",
            "file,title,period_start,period_end,genre,source\nprio,Programme,2013-07-01,2013-12-31,priorities,test\n")),
            db=tmp_path / "w.duckdb", check=True)
    out = run_cli("sql", "--json", 'SELECT text, "start", location FROM records ORDER BY char_start',
                  db=tmp_path / "w.duckdb", check=True)
    rows = {r["text"].rstrip(";"): (r["start"], r["location"]) for r in json.loads(out.stdout)}
    for topic in ("Nordic children's literature", "Film and television co-production", "The sagas in the digital age",
                  "support for young people leaving care"):
        assert topic in rows
    assert not any(";" in text and "Foster" in text for text in rows)  # the item's second part is not glued on
    assert "The Presidency will hold a conference on child poverty; it will also publish a report on it." in rows
    assert rows["Opening conference of the Presidency"][0] == "2013-07-04"
    assert rows["Annual Forum of the Strategy"][0] == "2013-11-11"


def test_a_dateline_under_the_title_is_not_the_date_of_every_section(tmp_path):
    """"Riga, July 2000" under a programme's title says when it was written; a month without its
    year later on takes the year from the presidency's period (July-June), not from the dateline."""
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder / "prio.txt", textwrap.dedent("""\
        Priorities of the Latvian Presidency in the field of Children at Risk

        Riga, July 2000

        Introduction

        Latvia holds the Presidency of the Council of the Baltic Sea States for one year.

        Plans

        The Working Group will agree a common reporting form at its meeting in Riga in April.
        """))
    run_cli("ingest", str(folder), "--manifest", str(write(tmp_path / "m.csv",
            "file,title,period_start,period_end,genre,source\nprio,Priorities,2000-07-01,2001-06-30,priorities,test\n")),
            db=tmp_path / "w.duckdb", check=True)
    out = run_cli("sql", "--json", 'SELECT text, "start", "end" FROM records', db=tmp_path / "w.duckdb", check=True)
    rows = {r["text"]: (r["start"], r["end"]) for r in json.loads(out.stdout)}
    assert rows["The Working Group will agree a common reporting form at its meeting in Riga in April."] == (
        "2001-04-01", "2001-04-30")


def test_a_slide_line_that_ends_as_a_lead_in_heads_one_item_a_line(tmp_path):
    """"The Estonian chairmanship will" / "host the autumn meeting ..." / "put foster care on the
    agenda": each line under the lead-in is an item, though it starts in lower case."""
    from tests.test_narrative import units_of

    units, _ = units_of(tmp_path, textwrap.dedent("""\
        Working Group on Children at Risk
        Report to the senior officials, June 2018


        Slide 2
        Who we are
        Eleven member states
        Contact persons in ministries
        A small unit in Stockholm


        Slide 3
        Results of the year
        Seminar on foster care, Tallinn, March 2018
        Handbook for guardians published in May 2018
        Website in Russian


        Slide 4
        Challenges
        Limited budget
        Contact persons change often


        Slide 5
        The Estonian chairmanship will
        host the autumn meeting of the Working Group in Tallinn
        put foster care on the agenda of the ministers
        invite NGO representatives to one session
        """), "deck.txt")
    by_text = {u.text: u for u in units}
    texts = list(by_text)
    assert "host the autumn meeting of the Working Group in Tallinn" in texts
    assert "put foster care on the agenda of the ministers" in texts
    assert "invite NGO representatives to one session" in texts
    assert by_text["put foster care on the agenda of the ministers"].lead_in == "The Estonian chairmanship will"


def test_a_programmes_calendar_is_planned_but_its_meetings_held_are_events(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder / "prio.txt", textwrap.dedent("""\
        Programme of the Icelandic Presidency of the Nordic Council of Ministers 2009

        Introduction

        Iceland takes over the Presidency on 1 January 2009 for one year.

        Meetings held in the first weeks

        Reykjavik, 8 January - Meeting of the secretaries-general

        Main meetings of the Presidency

        Reykjavik, 26-27 January - Ministers for Nordic Cooperation
        Akureyri, 2-3 April - Conference on the West Nordic region and the Arctic
        • Summer meeting of the Nordic prime ministers, Thingvellir, 9 June
        """))
    run_cli("ingest", str(folder), "--manifest", str(write(tmp_path / "m.csv",
            "file,title,period_start,period_end,genre,source\nprio,Programme,2009-01-01,2009-12-31,priorities,test\n")),
            db=tmp_path / "w.duckdb", check=True)
    out = run_cli("sql", "--json", "SELECT kind, text FROM records", db=tmp_path / "w.duckdb", check=True)
    kinds = {r["text"]: r["kind"] for r in json.loads(out.stdout)}
    assert kinds["Ministers for Nordic Cooperation"] == "activity"
    assert kinds["Conference on the West Nordic region and the Arctic"] == "activity"
    assert kinds["Meeting of the secretaries-general"] == "event"
    assert kinds["Summer meeting of the Nordic prime ministers, Thingvellir, 9 June"] == "activity"


def test_a_short_line_ending_in_a_colon_is_the_lead_in_of_the_priority_list_below(tmp_path):
    """"The Presidency has chosen four main areas:" looks like a heading to the text reader; it is
    the lead-in of a priority list, whose items are activities (records.md)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder / "prio.txt", "Programme of the Icelandic Presidency 2009\n\nPriorities of the Icelandic Presidency\n\n"
          "The Presidency has chosen four main areas:\n\n• The Nordic welfare model in times of crisis;\n"
          "• the West Nordic region and the Arctic;\n\nThe Presidency will hold a conference in May.\n")
    run_cli("ingest", str(folder), "--manifest", str(write(tmp_path / "m.csv",
            "file,title,period_start,period_end,genre,source\nprio,Programme,2009-01-01,2009-12-31,priorities,test\n")),
            db=tmp_path / "w.duckdb", check=True)
    out = run_cli("sql", "--json", "SELECT kind, text FROM records", db=tmp_path / "w.duckdb", check=True)
    kinds = {r["text"].rstrip(";"): r["kind"] for r in json.loads(out.stdout)}
    assert kinds["The Nordic welfare model in times of crisis"] == "activity"
    assert kinds["the West Nordic region and the Arctic"] == "activity"


def test_the_presidency_is_the_one_the_document_names_most_when_it_names_two(tmp_path):
    recs = _actors(tmp_path, "prog.txt", textwrap.dedent("""\
        Programme of the Lithuanian Presidency of the Council of the EU

        The Lithuanian Presidency starts on 1 July 2013. The Lithuanian Presidency will build on the work done.

        The Strategy was endorsed on 29-30 October 2009, during the Swedish Presidency.

        The Presidency will host the Eastern Partnership summit in Vilnius on 28-29 November 2013.
        """), "file,title,period_start,period_end,genre,source\n"
                  "prog,Programme,2013-07-01,2013-12-31,priorities,test\n")
    hosted = [actors for text, actors in recs.items() if text.startswith("The Presidency will host")]
    assert hosted == [["Lithuanian Presidency"]]


def test_the_chairmanship_is_the_states_chairmanship_the_document_names(tmp_path):
    recs = _actors(tmp_path, "barents.txt", textwrap.dedent("""\
        Programme of the Finnish Chairmanship of the Barents Euro-Arctic Council 2013-2015

        Finland takes over the chairmanship in October 2013. The Finnish chairmanship will work with the
        CBSS Expert Group on children at risk.

        The Chairmanship will organise the Barents Rescue exercise in Lapland in 2015.
        """), "file,title,period_start,period_end,genre,source\n"
                  "barents,Programme,2013-10-01,2015-10-31,priorities,test\n")
    assert [a for text, a in recs.items() if text.startswith("The Chairmanship will")] == [["Finnish Chairmanship"]]


def test_a_calendar_table_in_a_word_programme_gives_one_entry_a_row(tmp_path):
    """A programme's calendar as a Word table (Date | Place | Meeting): one planned entry a row, with
    the row's date and place."""
    import docx

    folder = tmp_path / "docs"
    folder.mkdir()
    d = docx.Document()
    d.add_heading("Programme of the Norwegian Presidency 2010-2011", 1)
    d.add_paragraph("Norway holds the Presidency of the Council of the Baltic Sea States from 1 July 2010.")
    d.add_heading("Calendar", 2)
    table = d.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Date", "Place", "Meeting")):
        cell.text = text
    for row in (("7-8 October 2010", "Oslo", "Expert Group meeting"),
                ("9 March 2011", "Stockholm", "Meeting of the contact points for unaccompanied children")):
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    d.save(folder / "prog.docx")
    run_cli("ingest", str(folder), "--manifest", str(write(tmp_path / "m.csv",
            "file,title,period_start,period_end,genre,source\nprog,Programme,2010-07-01,2011-06-30,priorities,test\n")),
            db=tmp_path / "w.duckdb", check=True)
    out = run_cli("sql", "--json", 'SELECT kind, text, "start", "end" FROM records', db=tmp_path / "w.duckdb", check=True)
    rows = {r["text"]: (r["kind"], r["start"], r["end"]) for r in json.loads(out.stdout)}
    assert rows["Expert Group meeting"] == ("activity", "2010-10-07", "2010-10-08")
    assert rows["Meeting of the contact points for unaccompanied children"] == ("activity", "2011-03-09", "2011-03-09")


def test_a_meeting_report_gives_the_meeting_once_and_no_agenda_titles_or_participants(tmp_path):
    """Minutes read as a reader reads them: the numbered agenda titles head sections (no activity
    "Opening of the meeting"), the title's meeting is the first section's sentence (one record),
    the agenda adopted under its document code is one sentence, and the list of participants at
    the end gives no records."""
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder / "minutes.txt", textwrap.dedent("""\
        Nordic Youth Committee
        REPORT FROM THE MEETING IN TROMSØ, 4-5 MAY 2015

        1. Opening of the meeting

        The Nordic Youth Committee met in Tromsø on 4-5 May 2015 at the invitation of Troms County.

        2. Adoption of the agenda

        The agenda (doc. NYC/2015/3) was adopted without changes.

        3. Youth exchange

        The committee approved the new exchange programme 2016-2018.
        The secretariat will publish the first call for projects in June 2015.

        List of participants
        Norway: Kari Nilsen, Troms County; Per Olsen, Ministry of Children and Equality
        Sweden: Eva Berg, Region Norrbotten; Anders Lind, Swedish Agency for Youth
        """))
    run_cli("ingest", str(folder), "--manifest", str(write(tmp_path / "m.csv",
            "file,title,period_start,period_end,genre,source\nminutes,Report,2015-05-04,2015-05-05,report,test\n")),
            db=tmp_path / "w.duckdb", check=True)
    out = run_cli("sql", "--json", 'SELECT kind, text, "start", location FROM records ORDER BY char_start',
                  db=tmp_path / "w.duckdb", check=True)
    rows = [(r["kind"], r["text"], r["start"], r["location"]) for r in json.loads(out.stdout)]
    assert [r[:2] for r in rows] == [
        ("event", "The Nordic Youth Committee met in Tromsø on 4-5 May 2015 at the invitation of Troms County."),
        ("event", "The agenda (doc. NYC/2015/3) was adopted without changes."),
        ("event", "The committee approved the new exchange programme 2016-2018."),
        ("activity", "The secretariat will publish the first call for projects in June 2015."),
    ]
    assert rows[0][2:] == ("2015-05-04", "Tromsø")
