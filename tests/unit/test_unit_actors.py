"""Actors from cells, closing parentheses, roles, presidencies and short names (issue 29), on a
small registry written here and on short hand-written strings: no ingest, no spaCy. Each expected
link is written out whole from the module's rules (extractors/entities/actors.py), never from its
output."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from extractors.entities import actors as A
from extractors.entities.registry import Body, Registry, State
from schemas.records import ActorLink, ActorRole

pytestmark = pytest.mark.unit

R = ActorRole


def registry() -> Registry:
    bodies = [
        Body("cbss_children_at_risk_group", "body", "Expert Group on Children at Risk",
             ("WGCC", "EGCC", "Working Group", "Expert Group"), eras=((date(2009, 6, 30), "WGCC"),)),
        Body("cbss_children_unit", "unit", "Children at Risk Unit", ("Children's Unit", "Children at Risk Unit"),
             eras=((date(2012, 12, 31), "Children's Unit"),)),
        Body("cbss", "body", "Council of the Baltic Sea States", ("CBSS", "Council of the Baltic Sea States")),
        Body("chair", "role", "Chair", ("Chair",)),
        Body("cbss_presidency", "role", "CBSS Presidency", ("Presidency",)),
    ]
    projects = [Body("promise", "project", "PROMISE", ("PROMISE",))]
    states = {"SE": State("SE", ["Sweden"], ["Swedish"], [], True),
              "EE": State("EE", ["Estonia"], ["Estonian"], [], True),
              "LT": State("LT", ["Lithuania"], ["Lithuanian"], [], True),
              "RU": State("RU", ["Russia", "Russian Federation"], ["Russian"], [], True)}
    return Registry(bodies=bodies, projects=projects, states=states, cities={"Riga": "LV", "Kirkenes": "NO"}).index()


REG = registry()


def link(name, as_written, role, source, reason, entity_id=None, kind="organisation"):
    return ActorLink(name=name, entity_id=entity_id, as_written=as_written, role=role, source_field=source, kind=kind,
                     reason=reason)


UNIT_2010 = link("Children's Unit", "Children's Unit", R.responsible, "responsible",
                 "responsible cell names \"Children's Unit\"", "cbss_children_unit", "unit")


# --- actors_from_cell ---

def test_a_cell_is_split_into_bodies_and_states_named_as_of_its_date():
    got = A.actors_from_cell("Children's Unit and WGCC; Sweden", REG, date(2010, 1, 1), R.responsible, "responsible")
    assert got == [
        UNIT_2010,
        link("Expert Group on Children at Risk", "WGCC", R.responsible, "responsible", "responsible cell names 'WGCC'",
             "cbss_children_at_risk_group", "body"),
        link("Sweden", "Sweden", R.responsible, "responsible", "responsible cell names the state", "state:SE", "state"),
    ]


def test_a_body_takes_the_name_of_its_era_and_its_canonical_name_without_a_date():
    assert A.actors_from_cell("WGCC", REG, date(2009, 6, 30), R.funder, "funding")[0].name == "WGCC"
    assert A.actors_from_cell("WGCC", REG, None, R.funder, "funding")[0].name == "Expert Group on Children at Risk"


@pytest.mark.parametrize("cell", [
    "CBSS in cooperation with Sweden", "CBSS in co-operation with Sweden", "CBSS together with Sweden",
    "CBSS with Sweden", "CBSS supported by Sweden", "CBSS as well as Sweden", "CBSS + Sweden", "CBSS & Sweden",
    "CBSS / Sweden", "CBSS, Sweden", "CBSS; Sweden", "CBSS AND Sweden", "(the CBSS), Sweden.",
])
def test_each_separator_of_a_cell(cell):
    got = A.actors_from_cell(cell, REG, None, R.partner, "partners")
    assert [(x.name, x.entity_id, x.as_written) for x in got] == [
        ("Council of the Baltic Sea States", "cbss", "CBSS"), ("Sweden", "state:SE", "Sweden")]


def test_fillers_budgets_numbers_and_projects_name_no_one():
    cell = ("the, TBD, others, n/a, etc, all, Partners, in budget for 2010, Ministry budgets, external experts, "
            "national funding, 2011, PROMISE, x")
    assert A.actors_from_cell(cell, REG, None, R.funder, "funding") == []
    assert A.actors_from_cell("   ", REG, None, R.funder, "funding") == []
    assert A.actors_from_cell(None, REG, None, R.funder, "funding") == []


def test_a_body_not_in_the_registry_is_kept_as_written_once():
    got = A.actors_from_cell("The Nordic  Council of Ministers, nordic council of ministers, Save the Children",
                             REG, None, R.partner, "partners")
    assert got == [
        link("Nordic Council of Ministers", "Nordic Council of Ministers", R.partner, "partners",
             "partners cell names 'Nordic Council of Ministers' (not in the registry)"),
        link("Save the Children", "Save the Children", R.partner, "partners",
             "partners cell names 'Save the Children' (not in the registry)"),
    ]


def test_two_names_of_one_body_give_one_link_the_first():
    got = A.actors_from_cell("WGCC and EGCC", REG, None, R.responsible, "lead")
    assert [(x.entity_id, x.as_written) for x in got] == [("cbss_children_at_risk_group", "WGCC")]


def ent(text, label, ent_id=""):
    return SimpleNamespace(text=text, label_=label, ent_id_=ent_id)


def test_a_parsed_cell_takes_its_bodies_longest_first_from_the_parse():
    doc = SimpleNamespace(ents=[ent("Unit", "BODY", "cbss_children_unit"), ent("Sweden", "GPE"),
                                ent("Children's Unit", "BODY", "cbss_children_unit")])
    got = A.actors_from_cell("Children's Unit and Sweden", REG, date(2010, 1, 1), R.responsible, "responsible",
                             nlp_doc=doc)
    assert got == [UNIT_2010,
                   link("Sweden", "Sweden", R.responsible, "responsible", "responsible cell names the state",
                        "state:SE", "state")]


# --- actors_in_parenthesis ---

def test_a_closing_parenthesis_with_a_label_and_a_time_names_who_is_responsible():
    got = A.actors_in_parenthesis("Set up the network (Responsible: Children's Unit, CBSS; autumn 2022).", REG,
                                  date(2010, 1, 1))
    assert got == [
        link("Children's Unit", "Children's Unit", R.responsible, "text", "text cell names \"Children's Unit\"",
             "cbss_children_unit", "unit"),
        link("Council of the Baltic Sea States", "CBSS", R.responsible, "text", "text cell names 'CBSS'", "cbss", "body"),
    ]


@pytest.mark.parametrize("text, names", [
    ("Hold a seminar (Children's Unit, Q4 2014)", ["Children at Risk Unit"]),  # a time after a comma
    ("Hold a seminar (CBSS, by October 2022);", ["Council of the Baltic Sea States"]),
    ("Hold a seminar (CBSS; ongoing) ,", ["Council of the Baltic Sea States"]),  # a time after a semicolon
    ("Hold a seminar (Lead: CBSS)", ["Council of the Baltic Sea States"]),  # a label without a time
    ("Hold a seminar (led by CBSS).", ["Council of the Baltic Sea States"]),
    ("Hold a seminar (by CBSS)", ["Council of the Baltic Sea States"]),
    ("Hold a seminar (Responsible bodies: CBSS, Sweden)", ["Council of the Baltic Sea States", "Sweden"]),
    ("Hold a seminar (Implemented by Sweden)", ["Sweden"]),
    ("Hold a seminar (actors: Sweden)", ["Sweden"]),
    ("Hold a seminar (NDPHS)", []),  # neither a label nor a time
    ("Hold a seminar (see annex 2)", []),  # a time word first: no names
    ("Hold a seminar (in Riga, spring 2010)", []),  # lower case: a place phrase
    ("Hold a seminar (Riga, 2010)", []),  # a city
    ("Hold a seminar (Lead: One Two Three Four Five Six Seven Eight Nine; 2010)", []),  # nine words
    ("Hold a seminar (Lead: One Two Three Four Five Six Seven Eight; 2010)", ["One Two Three Four Five Six Seven Eight"]),
    ("Hold a seminar (CBSS; 2010) in Riga", []),  # not closing
    ("Hold a seminar (C)", []),  # too short
    ("", []),
    (None, []),
])
def test_what_a_closing_parenthesis_names(text, names):
    assert [x.name for x in A.actors_in_parenthesis(text, REG, date(2014, 1, 1))] == names


def test_a_parenthesis_passes_on_its_role():
    got = A.actors_in_parenthesis("Meet (Lead: CBSS)", REG, None, role=R.partner)
    assert [(x.role, x.source_field) for x in got] == [(R.partner, "text")]


# --- roles from the words before a name ---

@pytest.mark.parametrize("left, role", [
    ("The seminar was organised by the ", R.organiser),
    ("It was hosted by", R.organiser),
    ("co-organized by ", R.organiser),
    ("convened by an ", R.organiser),
    ("at the invitation of ", R.organiser),
    ("held at the initiative of the ", R.organiser),
    ("funded by ", R.funder),
    ("sponsored by a ", R.funder),
    ("with financial support from ", R.funder),
    ("with a grant of ", R.funder),
    ("courtesy of ", R.funder),
    ("together with ", R.partner),
    ("in co-operation with the ", R.partner),
    ("bodies such as ", R.partner),
    ("between ", R.partner),
    ("The meeting of ", R.participant),
    ("organised by the seminar on ", R.participant),  # the cue must close the text
    ("", R.participant),
])
def test_the_role_a_name_takes_from_the_words_before_it(left, role):
    assert A._role_from_context(left, R.participant) == role


def test_only_the_last_48_characters_decide_the_role():
    assert A._role_from_context("hosted by" + " " * 39, R.responsible) == R.organiser  # 48 characters
    assert A._role_from_context("hosted by" + " " * 40, R.responsible) == R.responsible  # "osted by ..."


@pytest.mark.parametrize("text, clean", [
    ("Mr. Dr. John Smith", "John Smith"),
    ("H.E. Ms Anna Berg", "Anna Berg"),
    ("Prof Jan Nowak.", "Jan Nowak"),
    ("  the Council’s ", "Council"),
    ("An Agency's", "Agency"),
    ("Sir Ian", "Ian"),
    ("Mrsson Group, ", "Mrsson Group"),
])
def test_a_name_without_titles_articles_and_possessive(text, clean):
    assert A._clean_name(text) == clean


# --- presidencies, groups of people, places and times after a name ---

def test_a_states_presidency_in_any_case_but_not_a_state_or_a_body():
    text = "The Estonian presidency and the swedish Chairmanship met; the Council Presidency and Sweden Presidency too."
    assert A._presidencies(text, REG, R.participant) == [
        link("Estonian Presidency", "Estonian presidency", R.participant, "text", "text names a state's presidency"),
        link("Swedish Chairmanship", "swedish Chairmanship", R.participant, "text", "text names a state's presidency"),
    ]


def test_groups_of_people_named_by_their_state():
    text = "Parliamentarians from Lithuania, MPs from the Russian Federation and members of parliament from Narnia."
    got = A._group_mentions(text, REG, R.participant)
    assert got == [link("MPs from the Russian Federation", "MPs from the Russian Federation", R.participant, "text",
                        "text names a group of people by their state", kind="group")]
    got = A._group_mentions("members of parliament from Lithuania met", REG, R.partner)
    assert [(x.name, x.kind, x.role) for x in got] == [("members of parliament from Lithuania", "group", R.partner)]


@pytest.mark.parametrize("name, cut", [
    ("Council in May", "Council"),
    ("Council on Spring Matters", "Council"),
    ("Secretariat in Riga Office", "Secretariat"),
    ("Office at Sweden House", "Office"),
    ("Working Group in Kirkenes", "Working Group"),
    ("Working Group in Bergen", "Working Group"),  # one capitalised word closing the name is a place
    ("Task Force on Trafficking in Human Beings", "Task Force on Trafficking in Human Beings"),
    ("Council of the Baltic Sea States", "Council of the Baltic Sea States"),
])
def test_a_name_ends_before_a_place_or_a_time(name, cut):
    assert A._cut_at_place_or_time(name, REG) == cut


def test_bodies_a_document_writes_in_full():
    text = "In 2010 the Nordic Council of Ministers met in Riga. The Working Group met the Unit. Ministry on Youth in May."
    got = A._written_bodies(text, REG)
    assert [(x.name, x.entity_id, x.as_written, x.kind, x.reason) for x in got] == [
        ("Nordic Council of Ministers", None, "Nordic Council of Ministers", "organisation",
         "document names 'Nordic Council of Ministers'"),
        ("Expert Group on Children at Risk", "cbss_children_at_risk_group", "Working Group", "body",
         "document names 'Working Group'"),
        ("Ministry on Youth", None, "Ministry on Youth", "organisation", "document names 'Ministry on Youth'"),
    ]
    assert {x.role for x in got} == {R.responsible}
    assert {x.source_field for x in got} == {"text"}


# --- short names resolved to the body a document names in full ---

def short(name, entity_id=None, as_written=None, kind="organisation"):
    return link(name, as_written or f"the {name}", R.responsible, "text", "", entity_id, kind)


def test_one_body_named_by_a_short_name():
    full = [short("Joint Working Group on Health"), short("Children at Risk Unit", "cbss_children_unit"),
            short("Working Group"), short("Unit")]
    assert A._one_body_named("working group", full) is full[0]
    assert A._one_body_named("Unit", full) is full[1]
    assert A._one_body_named("Secretariat", full) is None


@pytest.mark.parametrize("estonian, swedish, chosen", [
    (2, 1, "Estonian Presidency"), (4, 2, "Estonian Presidency"), (2, 0, "Estonian Presidency"),
    (1, 0, None), (2, 2, None), (3, 2, None), (1, 2, "Swedish Presidency"), (0, 3, "Swedish Presidency"),
])
def test_of_several_the_one_a_document_names_most_often(estonian, swedish, chosen):
    full = [short("Estonian Presidency", as_written="Estonian Presidency"),
            short("Swedish Presidency", as_written="Swedish Presidency")]
    text = " ".join(["the Estonian presidency."] * estonian + ["the Swedish Presidency."] * swedish)
    found = A._one_body_named("Presidency", full, text)
    assert (found.name if found else None) == chosen


def test_whether_a_document_names_a_body_or_its_parent_in_full():
    unit = REG.by_id("cbss_children_unit")
    assert A._names_body_in_full("Report of the CBSS.", unit, REG)  # its parent, by abbreviation
    assert A._names_body_in_full("the Children at Risk Unit met", unit, REG)  # three words
    assert not A._names_body_in_full("the Children's Unit met", unit, REG)  # two words, not an abbreviation
    assert not A._names_body_in_full("the XCBSS and CBSSX", unit, REG)
    group = REG.by_id("cbss_children_at_risk_group")
    assert A._names_body_in_full("the CBSS and the Working Group", group, REG)  # its parent
    assert A._names_body_in_full("the WGCC met", group, REG)
    assert not A._names_body_in_full("the Working Group met", group, REG)
    assert not A._names_body_in_full("the Chair and the CBSS", REG.by_id("chair"), REG)  # no parent listed


def test_a_short_name_takes_the_full_name_another_record_gives():
    drafts = [[short("Unit")], [short("Children at Risk Unit", "cbss_children_unit", "Children at Risk Unit", "unit")]]
    A.resolve_short_names(drafts, "The Unit met. The Children at Risk Unit wrote.", REG)
    assert drafts[0] == [link("Children at Risk Unit", "the Unit", R.responsible, "text",
                              "'the Unit': the Children at Risk Unit the document names", "cbss_children_unit", "unit")]
    assert drafts[1][0].reason == ""


def test_a_generic_alias_of_a_body_never_named_in_full_stays_as_written():
    drafts = [[short("Expert Group on Children at Risk", "cbss_children_at_risk_group", "the Working Group", "body")]]
    A.resolve_short_names(drafts, "The Working Group met.", REG)
    assert drafts == [[link("Working Group", "the Working Group", R.responsible, "text",
                            "'Working Group': the document never names Expert Group on Children at Risk in full")]]


def test_a_generic_alias_of_a_body_named_in_full_keeps_the_body():
    drafts = [[short("Expert Group on Children at Risk", "cbss_children_at_risk_group", "the Working Group", "body")]]
    A.resolve_short_names(drafts, "The WGCC met. The Working Group met.", REG)
    assert [(x.name, x.entity_id, x.reason) for x in drafts[0]] == [
        ("Expert Group on Children at Risk", "cbss_children_at_risk_group", "")]


def test_a_short_name_the_text_names_in_full_elsewhere():
    drafts = [[short("Secretariat")]]
    A.resolve_short_names(drafts, "The Barents Regional Secretariat was set up. The Secretariat met.", REG)
    assert drafts == [[link("Barents Regional Secretariat", "the Secretariat", R.responsible, "text",
                            "'the Secretariat': the Barents Regional Secretariat the document names")]]


def test_a_lower_case_short_name_never_named_in_full_is_dropped_and_a_state_kept():
    drafts = [[short("presidency"), short("Sweden", "state:SE", "Sweden", "state"), short("Secretariat")]]
    A.resolve_short_names(drafts, "The presidency met Sweden.", REG)
    assert [(x.name, x.entity_id) for x in drafts[0]] == [("Sweden", "state:SE"), ("Secretariat", None)]


def test_a_lower_case_short_name_takes_a_full_name_the_text_writes():
    drafts = [[short("youth council")]]
    A.resolve_short_names(drafts, "The Swedish Presidency met. The Danish Youth Council and the youth council met.", REG)
    assert [(x.name, x.entity_id) for x in drafts[0]] == [("Danish Youth Council", None)]


def test_the_presidency_of_a_presidency_programme_is_its_own_term():
    drafts = [[short("CBSS Presidency", "cbss_presidency", "the Presidency", "role")]]
    A.resolve_short_names(drafts, "The Estonian Presidency opened. The Presidency closed.", REG)
    assert drafts == [[link("Estonian Presidency", "the Presidency", R.responsible, "text",
                            "'the Presidency': the Estonian Presidency the document names")]]
