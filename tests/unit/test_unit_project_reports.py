"""Project reports and documents about one topic (issue 21, seventh session): the topic a document
opens with passes to its records; a piece of work "was completed" on a date; a list whose items
end in semicolons under a lead-in. Text written for these tests; expectations by hand."""
from __future__ import annotations

import pytest

from extractors.entities.themes import lead_topic_themes
from pipeline.runner import process_file

pytestmark = pytest.mark.unit

REPORT = """Safe Harbour - Final report

"Safe Harbour": support to children returned after trafficking in the Nordic countries
Reporting period: 1 March 2012 - 28 February 2014

Summary

The project helped social services in four countries to receive children who had been returned across a border.
Most of them had been victims of trafficking for begging or theft.

Activities

The partners met in Bergen on 4-5 June 2012 to agree on a common intake form.
A handbook for social workers was published in Norwegian and Estonian in May 2013.
Two trainings on the return of trafficked children were held in Tartu in autumn 2013.
The evaluation of the intake form was completed in January 2014.

Next steps

In the coming year the partners will:
translate the handbook into Latvian;
hold a closing seminar in Riga in May 2014;
present the results to the ministries in June.

Report prepared by the coordinator.
"""


def _records(tmp_path, text, name="report.txt", genre=None):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    entry = None
    if genre:
        entry = {"file": name, "title": "", "period_start": "2012-03-01", "period_end": "2014-02-28",
                 "genre": genre, "source": "test"}
    return {r.text: r for r in process_file(str(path), catalogue=entry).records}


def test_the_topic_a_document_opens_with_passes_to_every_record(tmp_path):
    records = _records(tmp_path, REPORT)
    meeting = records["The partners met in Bergen on 4-5 June 2012 to agree on a common intake form."]
    # trafficking: in the subtitle and twice again in the body; the meeting's own words name no topic
    assert "trafficking" in [t.theme for t in meeting.themes]
    assert next(t for t in meeting.themes if t.theme == "trafficking").source == "document"


def test_a_piece_of_work_completed_on_a_date_is_an_event(tmp_path):
    records = _records(tmp_path, REPORT)
    done = records["The evaluation of the intake form was completed in January 2014."]
    assert done.kind.value == "event"
    assert (str(done.date.start), str(done.date.end)) == ("2014-01-01", "2014-01-31")


def test_items_closed_by_semicolons_under_a_lead_in_are_activities(tmp_path):
    records = _records(tmp_path, REPORT)
    assert records["translate the handbook into Latvian"].kind.value == "activity"
    seminar = records["hold a closing seminar in Riga in May 2014"]
    assert seminar.kind.value == "activity"
    assert str(seminar.date.start) == "2014-05-01"
    assert records["present the results to the ministries in June."].kind.value == "activity"


def test_an_opening_that_names_many_topics_passes_none():
    lines = ["Annual report 2015",
             "The group worked on trafficking, on children in alternative care, on violence against children and "
             "on unaccompanied migrant children.",
             "Trafficking was discussed in May.", "A report on alternative care was published.",
             "Violence against children was the subject of a seminar.", "Migrant children were met in Oslo."]
    assert lead_topic_themes(lines) == []


def test_an_opening_topic_the_body_never_names_again_passes_none():
    lines = ["Network report 2015",
             "The network was set up to protect children from trafficking across the region's borders.",
             "The board met twice.", "A website was launched in March."]
    assert lead_topic_themes(lines) == []


def test_an_opening_topic_named_twice_more_in_the_body_passes():
    lines = ["Network report 2015",
             "The network was set up to protect children from trafficking across the region's borders.",
             "The board met twice.", "A study on trafficking routes was published.",
             "Police officers were trained to recognise victims of trafficking."]
    assert [t.theme for t in lead_topic_themes(lines)] == ["trafficking"]


def test_a_short_line_or_a_lone_comma_list_is_no_semicolon_list(tmp_path):
    text = ("Work of the network 2013\n\nThe following partners took part:\n\nCity of Turku, Finland\n\n"
            "City of Tartu, Estonia\n\nThe network met in Turku on 3 May 2013.\n")
    records = _records(tmp_path, text, name="partners.txt")
    assert "City of Turku, Finland" not in records
    assert records["The network met in Turku on 3 May 2013."].kind.value == "event"


@pytest.mark.parametrize("text, pieces", [
    # a full stop left out before "The ..."
    ("farmers were harder to recruit than expected, as many fear new rules The municipality will hold a meeting in April.",
     ["farmers were harder to recruit than expected, as many fear new rules",
      "The municipality will hold a meeting in April."]),
    # a place named "The ..." is no sentence start
    ("The delegation travelled to The Hague in May for a meeting.", ["The delegation travelled to The Hague in May for a meeting."]),
    # too short a piece on either side: no cut
    ("Done as planned The end.", ["Done as planned The end."]),
    ("We met the new team leaders in Oslo This went well", ["We met the new team leaders in Oslo This went well"]),
    # after a capitalised word ("Bergen This ..."): no cut; after a lower-case one: a cut
    ("We met the new team leaders in Oslo and Bergen This went well for all",
     ["We met the new team leaders in Oslo and Bergen This went well for all"]),
    ("We met the new team leaders in both cities This went well for all", [
        "We met the new team leaders in both cities", "This went well for all"]),
])
def test_a_left_out_full_stop_cuts_the_sentence(text, pieces):
    from extractors.prose.narrative import split_sentences
    assert [text[s:e].strip() for s, e in split_sentences(text)] == pieces


def test_a_submitted_proposal_is_an_event_a_rule_to_submit_and_a_past_ratification_are_not(tmp_path):
    text = ("Annual report 2009\n\nEstonia had ratified the Convention in 1991.\n\n"
            "The Convention had been ratified by 29 states by the end of 2009.\n\n"
            "Tenders must be submitted electronically no later than 12:00 on 8 May 2009.\n\n"
            "Joint proposal on pilotage submitted to IMO \u2013 December 2009\n")
    records = _records(tmp_path, text, name="ratified.txt")
    submitted = records["Joint proposal on pilotage submitted to IMO \u2013 December 2009"]
    assert submitted.kind.value == "event"
    assert str(submitted.date.start) == "2009-12-01"
    assert set(records) == {"Joint proposal on pilotage submitted to IMO \u2013 December 2009"}


def test_ratified_counts_only_in_the_simple_past_active():
    from extractors.entities.nlp import get_nlp
    from extractors.prose.narrative import Unit
    from extractors.prose.narrative_kind import decide

    def rule(text):
        unit = Unit(text=text, block=0, char_start=0, char_end=len(text), shape="sentence")
        return decide(unit, get_nlp()(text), False).rule

    assert rule("Latvia ratified the Convention in 2008.") == "event verb with date or place"
    assert rule("Latvia had ratified the Convention in 2008.") != "event verb with date or place"
    assert rule("The Convention was ratified by Latvia in 2008.") != "event verb with date or place"


OMBUDS_REPORT = """Ombudsman for Children in Estonia
Annual Report 2012

In March 2012 we visited four children's homes in Tartu.

In May we met the Minister of Social Affairs to discuss the shortage of foster families.

The Nordic ombudspersons met in Oslo on 3-4 September 2012.
"""


def test_we_in_a_report_is_the_body_whose_report_it_is(tmp_path):
    records = _records(tmp_path, OMBUDS_REPORT, name="ombuds.txt")
    visits = records["In March 2012 we visited four children's homes in Tartu."]
    assert [a.name for a in visits.actors] == ["Ombudsman for Children in Estonia"]
    met = records["In May we met the Minister of Social Affairs to discuss the shortage of foster families."]
    assert [a.name for a in met.actors][0] == "Ombudsman for Children in Estonia"
    # no "we": the owner is not put on every record
    others = records["The Nordic ombudspersons met in Oslo on 3-4 September 2012."]
    assert "Ombudsman for Children in Estonia" not in [a.name for a in others.actors]


def test_the_month_may_is_no_modal_verb(tmp_path):
    text = "Annual report 2015\n\nExpert meeting on transnational cases held in Riga, 5-6 May 2015\n"
    records = _records(tmp_path, text, name="may.txt")
    assert records["Expert meeting on transnational cases held in Riga, 5-6 May 2015"].kind.value == "event"


def test_a_subject_that_refers_back_takes_the_actors_before_it(tmp_path):
    text = ("News 2016\n\nThe Council of the Baltic Sea States and the International Organization for Migration "
            "met in Stockholm on 16 March 2016.\n\n"
            "The two organisations signed a joint letter of intent on 17 March 2016.\n\n"
            "Several ministries sent comments.\n\n\n\nBackground\n\nA seminar on guardianship was held in Riga.\n\n"
            "More text.\n\nMore text again.\n\nThey adopted a work plan on 18 March 2016.\n")
    records = _records(tmp_path, text, name="referring.txt")
    first = [a.name for a in records["The Council of the Baltic Sea States and the International Organization for "
                                     "Migration met in Stockholm on 16 March 2016."].actors]
    assert first and [a.name for a in records["The two organisations signed a joint letter of intent on 17 March "
                                              "2016."].actors] == first
    # too far back (three paragraphs): no actors are borrowed
    assert records["They adopted a work plan on 18 March 2016."].actors == []


DECK = """1Alpine Rivers Network
Annual meeting, Innsbruck, 2014
2Achievements of the year
- Flood atlas of the upper Rhine published in March
- Working group on gauging stations set up
- Training centre opened in Bregenz
3Next steps
- Joint protocol on data exchange adopted by the board
"""


def test_a_slides_telegraphic_line_of_a_thing_done_is_an_event(tmp_path):
    path = tmp_path / "deck.txt"
    path.write_text(DECK, encoding="utf-8")
    entry = {"file": "deck.txt", "title": "", "period_start": "2014-01-01", "period_end": "2014-12-31",
             "genre": "slides", "source": "test"}
    records = {r.text: r.kind.value for r in process_file(str(path), catalogue=entry).records}
    assert records["Working group on gauging stations set up"] == "event"
    assert records["Training centre opened in Bregenz"] == "event"
    # under "Next steps" the same wording is what is to be done
    assert records["Joint protocol on data exchange adopted by the board"] == "activity"


@pytest.mark.parametrize("text, slide, planned, kind", [
    ("Working group on gauging stations set up", 2, False, "event"),
    ("Children's Unit opened in the Secretariat", 2, False, "event"),
    ("Children's Unit opened in the Secretariat", None, False, None),  # prose: no date, no event
    ("Children's Unit opened in the Secretariat", 2, True, None),  # under "Next steps": not told as done
    ("It opened in the Secretariat", 2, False, None),  # refers back
])
def test_the_slide_done_rule(text, slide, planned, kind):
    from extractors.entities.nlp import get_nlp
    from extractors.prose.narrative import Unit
    from extractors.prose.narrative_kind import decide

    unit = Unit(text=text, block=0, char_start=0, char_end=len(text), shape="item", slide=slide, planned=planned)
    assert decide(unit, get_nlp()(text), False).kind == kind
