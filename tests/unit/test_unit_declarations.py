"""Declarations, chair's conclusions and national replies (issue 21, sixth session): how they write
their grounds, their decisions, their signatures, footnotes, questionnaires and training tables.
Text written for these tests (a made-up Danube ministers' meeting and a Slovak reply); every
expectation by hand."""
from __future__ import annotations

import pytest

from extractors.time.dates import dates_itself, record_time
from pipeline.runner import process_file
from schemas.records import Period

pytestmark = pytest.mark.unit

CONCLUSIONS = """DANUBE RIVER MINISTERS – 6th Meeting

Chair's Conclusions
Vienna, 14 May 2009

The 6th Meeting of the Danube River Ministers was held in Vienna on 13-14 May 2009.

Recalling the Sofia Declaration adopted at the 5th Meeting in 2007,

Noting with concern that floods have grown more frequent since 2002,

The Ministers recalled that the International Commission for the Protection of the Danube River was set up in 1998.\u00b9 The Ministers approved the work programme of the Flood Expert Group for 2009-2010.

The Ministers:

decided to renew the mandate of the Flood Expert Group for two years;
asked the Flood Expert Group to draw up a map of flood risks along the river by the end of 2010;

Done at Vienna, 14 May 2009, in the English language.

_____
\u00b9 Convention on Cooperation for the Protection of the Danube, Sofia, 29 June 1994.
2 Data of the national hydrological services, as reported in March 2009.
"""


def _records(tmp_path, name, text, genre, start, end):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    entry = {"file": name, "title": "", "period_start": start, "period_end": end, "genre": genre, "source": "test"}
    return {r.text: r for r in process_file(str(path), catalogue=entry).records}


@pytest.fixture(scope="module")
def conclusions(tmp_path_factory):
    return _records(tmp_path_factory.mktemp("decl"), "conclusions.txt", CONCLUSIONS, "report", "2008-07-01", "2009-06-30")


def test_a_footnote_mark_after_the_full_stop_ends_the_sentence(conclusions):
    assert "The Ministers approved the work programme of the Flood Expert Group for 2009-2010." in conclusions
    assert not any(text.startswith("The Ministers recalled") and "approved" in text for text in conclusions)


def test_footnotes_signature_and_preamble_are_no_records(conclusions):
    for text in conclusions:
        assert not text.startswith(("Convention on", "\u00b9", "Data of", "2 Data", "Done at", "Recalling", "Noting"))


def test_a_task_given_to_a_body_is_its_work_and_the_body_its_actor(conclusions):
    asked = conclusions["asked the Flood Expert Group to draw up a map of flood risks along the river by the end of 2010"]
    assert asked.kind.value == "activity"
    assert [a.name for a in asked.actors] == ["Ministers", "Flood Expert Group"]
    decided = conclusions["decided to renew the mandate of the Flood Expert Group for two years"]
    assert decided.kind.value == "activity"
    assert decided.actors[0].name == "Ministers"  # the heading "The Ministers:" names who decided


def test_the_ministers_who_approve_are_the_actor(conclusions):
    approved = conclusions["The Ministers approved the work programme of the Flood Expert Group for 2009-2010."]
    assert approved.kind.value == "event"
    assert [a.name for a in approved.actors][:1] == ["Ministers"]


COMMUNIQUE = """JOINT COMMUNIQUE OF THE DANUBE SOCIAL MINISTERS

Budapest, 20 November 2003

The Ministers of Social Affairs of Austria, Hungary and Slovakia met in Budapest on 19-20 November 2003.
To prepare the meeting, senior officials met in Bratislava on 2-3 June.
The ministers first met in Vienna in 1999.

The Ministers agreed on the following:

1. A joint programme on homeless young people will be carried out in 2004-2005.
2. Hungary will host a conference on foster care in Szeged in the spring of 2004.
3. The senior officials will meet twice a year.
4. A website of the programme will be opened in January 2004.
5. The programme will publish a report in 2005.

Adopted by the Danube Social Ministers in Budapest on 20 November 2003.
"""


def test_a_plans_dated_account_of_what_happened_keeps_its_events(tmp_path):
    records = _records(tmp_path, "communique.txt", COMMUNIQUE, "plan", "2003-01-01", "2003-12-31")
    kinds = {text: (r.kind.value, str(r.date.start)) for text, r in records.items()}
    assert kinds["To prepare the meeting, senior officials met in Bratislava on 2-3 June."] == ("event", "2003-06-02")
    assert kinds["The ministers first met in Vienna in 1999."] == ("event", "1999-01-01")  # dated: the plan tells its past
    assert not any(text.startswith("Adopted by") for text in kinds)  # the communiqué's own adoption line
    assert kinds["Hungary will host a conference on foster care in Szeged in the spring of 2004."][0] == "activity"


def test_dates_itself_needs_a_time_of_its_own():
    period = Period(start="2003-01-01", end="2003-12-31", raw="test")
    assert dates_itself("senior officials met in Bratislava on 2-3 June", period)
    assert dates_itself("the board met in March 1999", period)
    assert dates_itself("the board first met in 1999", period)
    assert not dates_itself("the board met twice a year", period)
    assert not dates_itself("the board has met regularly since it was set up", None)


REPLY = """Reply of the Slovak Republic to the questionnaire

Question\tAnswer
1. Is there a national coordinator?\tYes. On 3 March 2010 the Government appointed a national coordinator at the Ministry of Interior.
2. Is there a shelter for children?\tThere is no special shelter.

Part II. Measures taken in 2010

Were trained also 48 officers of the Border Police at Bratislava airport.

On 5 May 2010 the Cabinet of Ministers approved the national plan against trafficking 2010-2013.

Trainings carried out in 2010:

Date\tPlace\tParticipants\tNumber
2010 02 11-12\tKosice\tlabour inspectors of the eastern region, training on forced labour\t28
2010.10.05\tNitra\tsocial workers of municipal crisis centres\t19
Total\t\t\t47

Inspectorate plans to organise two seminars for judges in II quarter of 2011.

Annexes:

Statistics of the Border Police on unaccompanied minors, 2010
Leaflet on the rights of child victims
"""


@pytest.fixture(scope="module")
def reply(tmp_path_factory):
    records = _records(tmp_path_factory.mktemp("reply"), "reply.txt", REPLY, "report", "2010-01-01", "2010-12-31")
    return {text: (r.kind.value, str(r.date.start), str(r.date.end)) for text, r in records.items()}


def test_a_questionnaires_answers_are_read_as_prose(reply):
    assert reply["On 3 March 2010 the Government appointed a national coordinator at the Ministry of Interior."] == \
        ("event", "2010-03-03", "2010-03-03")
    assert not any(text.startswith(("Is there", "1.", "There is no")) for text in reply)


def test_people_trained_and_counted_is_an_event(reply):
    assert reply["Were trained also 48 officers of the Border Police at Bratislava airport."][0] == "event"


def test_a_table_of_trainings_by_date_and_place_lists_events(reply):
    assert reply["labour inspectors of the eastern region, training on forced labour"] == ("event", "2010-02-11", "2010-02-12")
    assert reply["social workers of municipal crisis centres"] == ("event", "2010-10-05", "2010-10-05")
    assert not any(text.startswith("Total") for text in reply)


def test_a_roman_quarter_dates_the_plan(reply):
    assert reply["Inspectorate plans to organise two seminars for judges in II quarter of 2011."] == \
        ("activity", "2011-04-01", "2011-06-30")


def test_what_a_letter_encloses_is_no_record(reply):
    assert not any(text.startswith(("Statistics of", "Leaflet")) for text in reply)


@pytest.mark.parametrize("written, start, end", [
    ("2012 10 04", "2012-10-04", "2012-10-04"),
    ("2012.11.29", "2012-11-29", "2012-11-29"),
    ("2012 02 21-22", "2012-02-21", "2012-02-22"),
    ("IV quarter of 2012", "2012-10-01", "2012-12-31"),
])
def test_year_first_dates_and_roman_quarters(written, start, end):
    value = record_time(written, Period(start="2012-01-01", end="2012-12-31", raw="test"))
    assert (str(value.start), str(value.end)) == (start, end)


@pytest.mark.parametrize("written", ["in 2012 15 participants", "2012 13 01", "2012 10 04-02"])
def test_year_first_lookalikes_are_no_days(written):
    value = record_time(written, Period(start="2012-01-01", end="2012-12-31", raw="test"))
    assert value.granularity != "day"



WORK_PLAN = """Work Plan of the Danube Flood Expert Group 2010-2011

Activities:

1. Update the flood risk map of the upper Danube by June 2010.
2. Request the national hydrological services, during the Austrian chairmanship, to:
   1. share their gauge data every month;
   2. train forecasters from Serbia and Moldova.
3. Hold a seminar on early warning in Novi Sad in autumn 2010.
"""


def test_an_item_ending_in_a_colon_leads_in_its_sub_items(tmp_path):
    records = _records(tmp_path, "plan.txt", WORK_PLAN, "plan", "2010-01-01", "2011-12-31")
    assert sorted(records) == sorted([
        "Update the flood risk map of the upper Danube by June 2010.",
        "share their gauge data every month;",
        "train forecasters from Serbia and Moldova.",
        "Hold a seminar on early warning in Novi Sad in autumn 2010.",
    ])
    assert {r.kind.value for r in records.values()} == {"activity"}


@pytest.mark.parametrize("text, label, rest", [
    ("10.Instruct the Senior Officials to report", "10.", "Instruct the Senior Officials to report"),
    ("11. Welcome the new Chair", "11.", "Welcome the new Chair"),
    ("1.Sexual exploitation", None, "1.Sexual exploitation"),  # one digit: a run-together list, read elsewhere
    ("10.March 2010 Riga", None, "10.March 2010 Riga"),  # a date written the German way
])
def test_a_two_digit_number_glued_to_its_item(text, label, rest):
    from pipeline.readers.labels import split_label

    got = split_label(text)
    assert (got[0], got[2]) == (label, rest)


@pytest.mark.parametrize("text, sentences", [
    ("Officials met in Linz on 2-3 April and in Graz on 14 Sept. Studies show more floods.",
     ["Officials met in Linz on 2-3 April and in Graz on 14 Sept.", "Studies show more floods."]),
    ("The board met on 14 Sept. 2010 in Graz.", ["The board met on 14 Sept. 2010 in Graz."]),
    ("The board met in Sept. The Chair reported.", ["The board met in Sept. The Chair reported."]),  # no day: kept
    ("It was founded in 1998.\u00b2 The board met twice.", ["It was founded in 1998.", "The board met twice."]),
])
def test_sentences_end_after_a_days_month_and_a_footnote_mark(text, sentences):
    from extractors.prose.narrative import split_sentences

    assert [text[a:b].strip() for a, b in split_sentences(text)] == sentences


DECLARATION = """Danube Commission · 7th Ministerial Meeting · Linz 2011

LINZ DECLARATION

We, the Ministers of the Danube states,

Hereby:

1. Decide to hold a conference on river ecology in Ulm in 2012;
2. Instruct the Flood Expert Group to report on the flood maps in 2012;
3. Adopt the Strategy on Sediment 2011-2015 and review it in 2013;
4. Call upon the riparian states to open their gauge data;
5. Ask the Secretariat to publish a guide to fish passes in 2012.
"""


def test_a_declarations_imperatives_are_done_by_its_body(tmp_path):
    records = _records(tmp_path, "decl.txt", DECLARATION, "plan", "2011-01-01", "2013-12-31")
    actors = {text.split()[0]: [a.name for a in r.actors] for text, r in records.items()}
    assert actors["Decide"] == ["Danube Commission"]  # the title block names whose declaration it is
    assert actors["Adopt"] == ["Danube Commission"]
    assert actors["Instruct"] == ["Flood Expert Group"]  # the body given the task does it


def test_a_date_before_the_subject_is_no_part_of_its_name(tmp_path):
    records = _records(tmp_path, "reply.txt", REPLY, "report", "2010-01-01", "2010-12-31")
    approved = records["On 5 May 2010 the Cabinet of Ministers approved the national plan against trafficking 2010-2013."]
    assert [a.name for a in approved.actors] == ["Cabinet of Ministers"]


@pytest.mark.parametrize("sentence, rule", [
    ("The Ministers recalled their first meeting, held in Vienna in June 2001, and its conclusions.", "recalled"),
    ("The Board reaffirmed its decision of 3 May 2008 to close the office in Linz.", "recalled"),
])
def test_what_is_recalled_is_told_again(sentence, rule):
    from extractors.entities.nlp import get_nlp
    from extractors.prose.narrative import Unit
    from extractors.prose.narrative_kind import decide

    unit = Unit(text=sentence, block=0, char_start=0, char_end=len(sentence), shape="sentence")
    decision = decide(unit, get_nlp()(sentence), False)
    assert (decision.kind, decision.rule) == (None, rule)


def test_a_reminder_of_what_will_be_is_no_recollection():
    from extractors.entities.nlp import get_nlp
    from extractors.prose.narrative import Unit
    from extractors.prose.narrative_kind import decide

    sentence = "The Chair reminded the delegations that the next meeting will be held in Graz."
    unit = Unit(text=sentence, block=0, char_start=0, char_end=len(sentence), shape="sentence")
    assert decide(unit, get_nlp()(sentence), False).rule != "recalled"


@pytest.mark.parametrize("sentence, rule", [
    ("We, the Ministers of the Danube states, joined by the observers of the river commissions,", "preamble"),
    ("Recalling the Sofia Declaration adopted in 2007,", "preamble"),
    ("Welcoming the adoption of the Flood Strategy in Linz on 3 June 2009,", "preamble"),
    ("Marking its tenth year, the Commission held a conference in Ulm on 5 May 2010.", "event verb"),
    ("We, the members of the Board, met in Graz on 5 May 2010.", "event verb"),
])
def test_a_preamble_has_no_main_clause_of_its_own(sentence, rule):
    from extractors.entities.nlp import get_nlp
    from extractors.prose.narrative import Unit
    from extractors.prose.narrative_kind import decide

    unit = Unit(text=sentence, block=0, char_start=0, char_end=len(sentence), shape="sentence")
    assert decide(unit, get_nlp()(sentence), True).rule == rule
