"""Actors in running text (issue 29): actors_in_text in its three modes, and the helpers that read
the parse (whole ORG names, longer group names, the sentence's subject), on one-sentence texts
parsed by the pipeline's spaCy model with the shipped registry. No ingest. Each expected link is
written by hand from the rules of extractors/entities/actors.py applied to the sentence's words."""
from __future__ import annotations

from datetime import date

import pytest

from extractors.entities import actors as A
from extractors.entities.registry import load_registry
from schemas.records import ActorRole

pytestmark = pytest.mark.unit

R = ActorRole


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def brief(links):
    return [(x.name, x.entity_id, x.role, x.kind) for x in links]


def test_organisers_and_funders_by_the_words_before_them(nlp, reg):
    doc = nlp("The seminar was organised by the CBSS and funded by Sweden.")
    for mode in ("event", "plan", "narrative"):
        got = A.actors_in_text(doc, reg, None, mode=mode)
        assert brief(got) == [("CBSS", "cbss", R.organiser, "organisation"), ("Sweden", "state:SE", R.funder, "state")]
        assert [(x.as_written, x.source_field, x.reason) for x in got] == [
            ("CBSS", "text", "text names 'CBSS'"), ("Sweden", "text", "text names 'Sweden' as funder")]


def test_a_subject_and_a_partner_named_as_of_the_date(nlp, reg):
    doc = nlp("The Expert Group met with UNICEF in Riga.")
    assert brief(A.actors_in_text(doc, reg, None, mode="event")) == [
        ("Expert Group on Children at Risk", "cbss_children_at_risk_group", R.participant, "body"),
        ("UNICEF", "unicef", R.partner, "organisation")]
    assert brief(A.actors_in_text(doc, reg, date(2008, 1, 1), mode="plan")) == [
        ("WGCC", "cbss_children_at_risk_group", R.responsible, "body"), ("UNICEF", "unicef", R.partner, "organisation")]
    assert brief(A.actors_in_text(doc, reg, None, mode="plan", default_role=R.organiser)) == [
        ("Expert Group on Children at Risk", "cbss_children_at_risk_group", R.organiser, "body"),
        ("UNICEF", "unicef", R.partner, "organisation")]
    got = A.actors_in_text(doc, reg, None, mode="event", limit_chars=10)  # UNICEF starts at 25
    assert [x.as_written for x in got] == ["Expert Group"]


def test_a_body_reported_to_or_addressed_is_no_actor(nlp, reg):
    doc = nlp("The Children's Unit will report to the WGCC.")
    for mode, role in (("plan", R.responsible), ("event", R.participant)):
        assert brief(A.actors_in_text(doc, reg, None, mode=mode)) == [
            ("Children at Risk Unit", "cbss_children_unit", role, "unit")]
    doc = nlp("A proposal was sent to the European Commission.")
    for mode in ("plan", "event", "narrative"):
        assert A.actors_in_text(doc, reg, None, mode=mode) == []


def test_a_plan_leaves_out_a_body_it_sits_inside_and_a_stray_capitalised_phrase(nlp, reg):
    doc = nlp("The Unit of the WGCC will prepare a report together with the Council of Europe.")
    assert brief(A.actors_in_text(doc, reg, None, mode="plan")) == [
        ("Council of Europe", "council_of_europe", R.partner, "organisation")]


def test_an_event_takes_everyone_its_opening_names(nlp, reg):
    doc = nlp("Experts from UNICEF and the Council of Europe attended the meeting.")
    assert brief(A.actors_in_text(doc, reg, None, mode="event")) == [
        ("UNICEF", "unicef", R.participant, "organisation"),
        ("Council of Europe", "council_of_europe", R.partner, "organisation")]  # "... and the ": a partner


def test_a_narrative_subject_of_people_from_bodies_names_the_bodies(nlp, reg):
    doc = nlp("Experts from UNICEF and the Council of Europe attended the meeting.")
    got = A.actors_in_text(doc, reg, None, mode="narrative")
    assert [(x.name, x.entity_id, x.as_written, x.kind, x.reason) for x in got] == [
        ("UNICEF", None, "UNICEF", "organisation", "the sentence's subject, a body not in the registry"),
        ("Council of Europe", None, "Council of Europe", "organisation",
         "the sentence's subject, a body not in the registry")]


def test_a_presidency_of_a_body_is_the_presidency_not_the_body(nlp, reg):
    doc = nlp("The Danish Presidency of the CBSS organised a conference.")
    got = A.actors_in_text(doc, reg, None, mode="narrative", default_role=R.responsible)
    assert [(x.name, x.as_written, x.role, x.kind, x.reason) for x in got] == [
        ("Danish Presidency", "Danish Presidency", R.responsible, "organisation", "text names a state's presidency")]
    doc = nlp("The Estonian presidency opened the session.")
    assert [(x.name, x.as_written) for x in A.actors_in_text(doc, reg, None, mode="narrative")] == [
        ("Estonian Presidency", "Estonian presidency")]


def test_a_subject_the_model_does_not_know_is_kept_as_written(nlp, reg):
    doc = nlp("The Presidential Commissioner for Children's Rights in Russia organised a seminar.")
    assert brief(A.actors_in_text(doc, reg, None, mode="narrative")) == [
        ("Presidential Commissioner for Children's Rights in Russia", None, R.participant, "organisation")]
    doc = nlp("The Unit and the Polish Ombudsman for Children organised a seminar.")
    assert [x.name for x in A.actors_in_text(doc, reg, None, mode="narrative")] == [
        "Unit", "Polish Ombudsman for Children"]
    doc = nlp("In November 2015 the Unit published a report.")
    assert [x.name for x in A.actors_in_text(doc, reg, None, mode="narrative")] == ["Unit"]


def test_a_subject_named_by_its_head_noun(nlp, reg):
    for text, name in (("The presidency hosted the meeting.", "presidency"),
                       ("The new youth council met in Oslo.", "new youth council")):
        got = A.actors_in_text(nlp(text), reg, None, mode="narrative")
        assert [(x.name, x.as_written, x.entity_id, x.reason) for x in got] == [
            (name, name, None, "the sentence's subject, a body named by its head noun")]


def test_an_entry_without_a_verb_names_who_met(nlp, reg):
    doc = nlp("Expert Group on Children at Risk, Riga, 23-24 May 2018")
    for mode in ("narrative", "event"):
        assert brief(A.actors_in_text(doc, reg, None, mode=mode)) == [
            ("Expert Group on Children at Risk", "cbss_children_at_risk_group", R.participant, "body")]


def test_a_person_named_with_a_role_is_the_person(nlp, reg):
    doc = nlp("Bragi Gudbrandsson, EGCC Chair, opened the meeting.")
    for mode in ("event", "narrative"):
        got = A.actors_in_text(doc, reg, None, mode=mode)
        assert [(x.name, x.kind, x.reason) for x in got] == [
            ("Bragi Gudbrandsson", "person", "named entity (PERSON) not in the registry")]
    assert A.actors_in_text(nlp("John attended the meeting."), reg, None, mode="event") == []  # one word


def test_a_short_abbreviation_before_a_title_word_names_a_document(nlp, reg):
    doc = nlp("The EU Strategy for the Baltic Sea Region was adopted.")
    assert A.actors_in_text(doc, reg, None, mode="event") == []


def test_a_projects_partners_and_groups_of_people(nlp, reg):
    got = A.actors_in_text(nlp("The PROMISE partners met in Stockholm."), reg, None, mode="event")
    assert [(x.name, x.as_written, x.role, x.kind, x.reason) for x in got] == [
        ("PROMISE partners", "PROMISE partners", R.partner, "network", "text names the partners of PROMISE")]
    doc = nlp("Parliamentarians from Lithuania and members of parliament from Latvia met.")
    assert brief(A.actors_in_text(doc, reg, None, mode="event")) == [
        ("members of parliament from Latvia", None, R.participant, "group")]


def test_an_org_cut_short_by_a_lower_case_noun_is_no_body(nlp, reg):
    doc = nlp("The meeting was organised by the Swedish Research institution.")
    assert A.actors_in_text(doc, reg, None, mode="event") == []


def test_a_ministry_cut_short_by_the_model_is_read_whole(nlp, reg):
    doc = nlp("The Ministry of Education and Research of Estonia hosted the meeting.")
    org = doc.ents[0]
    assert (org.text, org.label_) == ("The Ministry of Education and Research of", "ORG")  # the model's cut
    assert A.whole_org_names(org) == ["The Ministry of Education and Research of Estonia"]
    got = A.actors_in_text(doc, reg, None, mode="narrative")
    assert [(x.name, x.as_written, x.kind, x.reason) for x in got] == [
        ("Ministry of Education and Research of Estonia", "The Ministry of Education and Research of Estonia",
         "organisation", "named entity (ORG) not in the registry")]

    doc = nlp("The Latvian Ministry of the Interior hosted the seminar.")
    assert A.whole_org_names(doc.ents[0]) == ["The Latvian Ministry of the Interior"]
    assert [x.name for x in A.actors_in_text(doc, reg, None, mode="narrative")] == ["Latvian Ministry of the Interior"]


def test_a_ministry_and_a_body_after_it_are_two(nlp):
    doc = nlp("The Ministry of Social Security and Labour and UNICEF organised a seminar.")
    assert doc.ents[0].text == "The Ministry of Social Security"
    assert A.whole_org_names(doc.ents[0]) == ["The Ministry of Social Security and Labour", "UNICEF"]


def test_a_group_named_past_what_the_model_found(nlp, reg):
    doc = nlp("The Joint Working Group on Youth met in Oslo.")
    body = next(e for e in doc.ents if e.label_ == "BODY")
    assert A._longer_name(body) == "Joint Working Group on Youth"
    got = A.actors_in_text(doc, reg, None, mode="narrative")
    assert [(x.name, x.entity_id, x.reason) for x in got] == [
        ("Joint Working Group on Youth", None, "named entity (ORG) not in the registry")]
    got = A.actors_in_text(doc, reg, None, mode="event")
    assert ("Joint Working Group on Youth", None, "text names 'Joint Working Group on Youth'") in [
        (x.name, x.entity_id, x.reason) for x in got]
    doc = nlp("The Task Force against Trafficking in Human Beings met in Oslo.")
    assert A._longer_name(doc.ents[0]) is None  # the name is whole; it does not end in a group noun


def test_subject_spans_run_from_the_opening_adverbial_to_the_verb(nlp):
    doc = nlp("In November 2015 the Unit published a report.")
    assert A._subject_spans(doc) == [(0, 4), (3, 4)]
    assert A._subject_head(doc, (0, 4)).text == "Unit"
    doc = nlp("The Expert Group met with UNICEF in Riga.")
    assert A._subject_spans(doc) == [(0, 2), (0, 2)]
    assert A._subject_spans(nlp("Expert Group on Children at Risk, Riga, 23-24 May 2018")) == []


# --- hand-made parses: the words, their tags, heads and entities written here, not the model's ---

def made(nlp, rows, sent_starts=None):
    """A Doc from (word, pos, dep, head index, entity IOB) rows."""
    from spacy.tokens import Doc

    rows = [r if len(r) == 5 else r + ("O",) for r in rows]
    words, pos, deps, heads, ents = zip(*rows)
    kw = {"pos": list(pos), "deps": list(deps), "heads": list(heads)} if sent_starts is None else {
        "pos": list(pos), "sent_starts": sent_starts}
    return Doc(nlp.vocab, words=list(words), ents=list(ents), lemmas=[w.lower() for w in words], **kw)


def org_names(nlp, rows, sent_starts=None):
    doc = made(nlp, rows, sent_starts)
    return A.whole_org_names(next(e for e in doc.ents if e.label_ == "ORG"))


def test_an_org_name_goes_on_over_a_state_after_of_but_stops_at_a_state_or_date_otherwise(nlp):
    assert org_names(nlp, [("Ministry", "PROPN", "nsubj", 5, "B-ORG"), ("of", "ADP", "prep", 0, "I-ORG"),
                           ("Education", "PROPN", "pobj", 1, "I-ORG"), ("of", "ADP", "prep", 2, "I-ORG"),
                           ("Estonia", "PROPN", "pobj", 3, "B-GPE"), ("met", "VERB", "ROOT", 5, "O")]) == [
        "Ministry of Education of Estonia"]
    assert org_names(nlp, [("Ministry", "PROPN", "nsubj", 2, "B-ORG"), ("Latvia", "PROPN", "appos", 0, "B-GPE"),
                           ("met", "VERB", "ROOT", 2, "O")]) == ["Ministry"]
    assert org_names(nlp, [("Council", "PROPN", "nsubj", 2, "B-ORG"), ("May", "PROPN", "npadvmod", 2, "B-DATE"),
                           ("met", "VERB", "ROOT", 2, "O")]) == ["Council"]


def test_an_org_name_stops_at_a_new_sentence_and_at_the_end_of_the_text(nlp):
    rows = [("Nordic", "PROPN", "", 0, "B-ORG"), ("Council", "PROPN", "", 0, "I-ORG"),
            ("Ministers", "PROPN", "", 0, "O"), ("met", "VERB", "", 0, "O")]
    assert org_names(nlp, rows, sent_starts=[True, False, True, False]) == ["Nordic Council"]
    assert org_names(nlp, rows, sent_starts=[True, False, False, False]) == ["Nordic Council Ministers"]
    assert org_names(nlp, rows[:3], sent_starts=[True, False, False]) == ["Nordic Council Ministers"]


@pytest.mark.parametrize("joiner, tail, name", [
    ("and", "Social", "Ministry of Health and Social"),
    ("&", "Care", "Ministry of Health & Care"),
    ("for", "Youth", "Ministry of Health for Youth"),
    ("of", "Sweden", "Ministry of Health of Sweden"),
    ("and", "others", "Ministry of Health"),  # a lower-case word after "and": the name has ended
])
def test_an_org_name_goes_on_over_a_joining_word_and_a_capital(nlp, joiner, tail, name):
    assert org_names(nlp, [("Ministry", "PROPN", "nsubj", 5, "B-ORG"), ("of", "ADP", "prep", 0, "I-ORG"),
                           ("Health", "PROPN", "pobj", 1, "I-ORG"), (joiner, "CCONJ", "cc", 2, "O"),
                           (tail, "PROPN", "conj", 2, "O"), ("met", "VERB", "ROOT", 5, "O")]) == [name]


def test_a_joining_word_without_a_body_word_or_at_the_end_ends_the_name(nlp):
    assert org_names(nlp, [("Save", "PROPN", "nsubj", 3, "B-ORG"), ("and", "CCONJ", "cc", 0, "O"),
                           ("Care", "PROPN", "conj", 0, "O"), ("met", "VERB", "ROOT", 3, "O")]) == ["Save"]
    assert org_names(nlp, [("The", "DET", "det", 1, "O"), ("Ministry", "PROPN", "ROOT", 1, "B-ORG"),
                           ("and", "CCONJ", "cc", 1, "O")]) == ["Ministry"]


@pytest.mark.parametrize("words, i, text, expected", [
    (["Ministry", "of", "the", "Interior"], 1, "Ministry", True),
    (["Ministry", "for", "the", "Environment"], 1, "Latvian ministry", True),
    (["Department", "of", "the", "Treasury"], 1, "Department", True),
    (["Ministry", "of", "the", "interior"], 1, "Ministry", False),  # no capital
    (["Ministry", "of", "a", "Interior"], 1, "Ministry", False),
    (["Ministry", "and", "the", "Interior"], 1, "Ministry", False),
    (["Agency", "of", "the", "Interior"], 1, "Agency", False),  # not a ministry
    (["Ministry", "of", "the"], 1, "Ministry", False),  # the text ends
    (["Ministry", "of"], 1, "Ministry", False),
    (["Council", "Ministry", "of", "the", "interior"], 2, "Ministry", False),
])
def test_a_ministry_goes_on_with_of_the_and_a_capital(nlp, words, i, text, expected):
    from spacy.tokens import Doc

    assert A._of_the_name(Doc(nlp.vocab, words=words), i, text) is expected


def test_a_subject_loses_an_opening_time_or_place(nlp):
    doc = made(nlp, [("In", "ADP", "prep", 5, "O"), ("November", "PROPN", "pobj", 0, "B-DATE"),
                     ("2015", "NUM", "nummod", 1, "I-DATE"), ("the", "DET", "det", 4, "O"),
                     ("Unit", "PROPN", "nsubj", 5, "O"), ("met", "VERB", "ROOT", 5, "O")])
    words = list(doc[0:5])
    assert [t.text for t in A._without_opening_adverbial(words, doc[4])] == ["the", "Unit"]
    assert A._without_opening_adverbial(words, None) == words
    assert A._without_opening_adverbial([], doc[4]) == []
    assert A._without_opening_adverbial(words[3:], doc[4]) == words[3:]  # already starts after the opening
    doc = made(nlp, [("On", "ADP", "prep", 2, "O"), ("Unit", "PROPN", "nsubj", 2, "O"), ("met", "VERB", "ROOT", 2, "O")])
    assert [t.text for t in A._without_opening_adverbial([doc[0], doc[1]], doc[1])] == ["Unit"]
    doc = made(nlp, [("2015", "NUM", "npadvmod", 3, "B-DATE"), ("the", "DET", "det", 2, "O"),
                     ("Unit", "PROPN", "nsubj", 3, "O"), ("met", "VERB", "ROOT", 3, "O")])
    assert [t.text for t in A._without_opening_adverbial(list(doc[0:3]), doc[2])] == ["the", "Unit"]
    doc = made(nlp, [("Swedish", "ADJ", "amod", 2, "O"), ("the", "DET", "det", 2, "O"),
                     ("Unit", "PROPN", "nsubj", 3, "O"), ("met", "VERB", "ROOT", 3, "O")])
    assert [t.text for t in A._without_opening_adverbial(list(doc[0:3]), doc[2])] == ["Swedish", "the", "Unit"]


def test_whether_a_name_is_in_a_subject_phrase(nlp):
    doc = nlp("The Expert Group met with UNICEF in Riga.")
    assert A._is_subject_name(doc, "Expert Group")
    assert not A._is_subject_name(doc, "Group met")
    assert not A._is_subject_name(doc, "UNICEF")


def ent_of(doc, label="ORG"):
    return next(e for e in doc.ents if e.label_ == label)


@pytest.mark.parametrize("rows, expected", [
    ([("Expert", "PROPN", "compound", 1, "B-ORG"), ("Group", "PROPN", "ROOT", 1, "I-ORG"), (",", "PUNCT", "punct", 1),
      ("Riga", "PROPN", "appos", 1, "B-GPE")], True),
    ([("Expert", "PROPN", "compound", 1, "B-ORG"), ("Group", "PROPN", "ROOT", 1, "I-ORG")], True),  # no comma at all
    ([("The", "DET", "det", 2), ("New", "PROPN", "compound", 2, "B-ORG"), ("Group", "PROPN", "ROOT", 2, "I-ORG")], True),
    ([("The", "DET", "det", 3), ("new", "ADJ", "amod", 3), ("Expert", "PROPN", "compound", 3, "B-ORG"),
      ("Group", "PROPN", "ROOT", 3, "I-ORG")], True),  # after "the" and one word
    ([("A", "DET", "det", 3), ("new", "ADJ", "amod", 3), ("Expert", "PROPN", "compound", 3, "B-ORG"),
      ("Group", "PROPN", "ROOT", 3, "I-ORG")], False),  # two words in, without "the"
    ([("New", "ADJ", "amod", 2), ("Expert", "PROPN", "compound", 2, "B-ORG"), ("Group", "PROPN", "ROOT", 2, "I-ORG")],
     True),  # one word in
    ([("Group", "PROPN", "nsubj", 1, "B-ORG"), ("met", "VERB", "ROOT", 1)], False),  # a verb: a sentence, no title
    ([("Group", "PROPN", "nsubj", 1, "B-ORG"), ("is", "AUX", "ROOT", 1)], False),
    ([("Hi", "INTJ", "ROOT", 0), ("Group", "PROPN", "ROOT", 1, "B-ORG")], False),  # not the first sentence
    ([(",", "PUNCT", "punct", 1), ("Council", "PROPN", "ROOT", 1, "B-ORG")], False),  # after the first comma
    ([("–", "PUNCT", "punct", 1), ("Council", "PROPN", "ROOT", 1, "B-ORG")], False),
    ([("-", "PUNCT", "punct", 1), ("Council", "PROPN", "ROOT", 1, "B-ORG")], False),
    ([(":", "PUNCT", "punct", 1), ("Council", "PROPN", "ROOT", 1, "B-ORG")], False),
])
def test_an_entry_title_is_the_body_before_the_first_comma(nlp, rows, expected):
    assert A._in_entry_title(ent_of(made(nlp, rows))) is expected


def narrative(nlp, rows, role=R.participant, label="ORG"):
    doc = made(nlp, rows)
    return A._in_narrative_role(ent_of(doc, label), role, A._subject_spans(doc))



@pytest.mark.parametrize("rows, role, expected", [
    # the subject's own body, last in its phrase
    ([("The", "DET", "det", 1), ("CBSS", "PROPN", "nsubj", 2, "B-ORG"), ("met", "VERB", "ROOT", 2)], R.participant, True),
    # an opening time inside the subject's span is no actor: the body is still the first
    ([("In", "ADP", "prep", 3), ("2015", "NUM", "pobj", 0, "B-DATE"), ("CBSS", "PROPN", "nsubj", 3, "B-ORG"),
      ("met", "VERB", "ROOT", 3)], R.participant, True),
    # "the Danish Presidency": the presidency acts, not the body that qualifies it
    ([("The", "DET", "det", 2), ("Danish", "PROPN", "compound", 2, "B-ORG"), ("Presidency", "PROPN", "nsubj", 3),
      ("met", "VERB", "ROOT", 3)], R.participant, False),
    # a meeting of the body: the body meets
    ([("They", "PRON", "nsubj", 1), ("went", "VERB", "ROOT", 1), ("to", "ADP", "prep", 1), ("the", "DET", "det", 5),
      ("CBSS", "PROPN", "compound", 5, "B-ORG"), ("meeting", "NOUN", "pobj", 2)], R.participant, True),
    # the body's staff, met with: the body
    ([("They", "PRON", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("with", "ADP", "prep", 1),
      ("CBSS", "PROPN", "compound", 4, "B-ORG"), ("staff", "NOUN", "pobj", 2)], R.participant, True),
    # the body's colours: no actor, whatever the preposition
    ([("They", "PRON", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("with", "ADP", "prep", 1),
      ("CBSS", "PROPN", "compound", 4, "B-ORG"), ("colours", "NOUN", "pobj", 2)], R.participant, False),
    # a body joined to one met with
    ([("They", "PRON", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("with", "ADP", "prep", 1),
      ("UNICEF", "PROPN", "pobj", 2, "B-GPE"), ("and", "CCONJ", "cc", 3), ("CBSS", "PROPN", "conj", 3, "B-ORG")],
     R.participant, True),
    # written to: never an actor, not even as an organiser
    ([("They", "PRON", "nsubj", 1), ("wrote", "VERB", "ROOT", 1), ("to", "ADP", "prep", 1),
      ("CBSS", "PROPN", "pobj", 2, "B-ORG")], R.organiser, False),
    # an object: an actor when named as organiser or funder only
    ([("They", "PRON", "nsubj", 1), ("thanked", "VERB", "ROOT", 1), ("CBSS", "PROPN", "dobj", 1, "B-ORG")],
     R.organiser, True),
    ([("They", "PRON", "nsubj", 1), ("thanked", "VERB", "ROOT", 1), ("CBSS", "PROPN", "dobj", 1, "B-ORG")],
     R.participant, False),
    # of a role or an event: the body
    ([("They", "PRON", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("the", "DET", "det", 3), ("director", "NOUN", "dobj", 1),
      ("of", "ADP", "prep", 3), ("CBSS", "PROPN", "pobj", 4, "B-ORG")], R.participant, True),
    ([("They", "PRON", "nsubj", 1), ("held", "VERB", "ROOT", 1), ("a", "DET", "det", 3), ("meeting", "NOUN", "dobj", 1),
      ("for", "ADP", "prep", 3), ("CBSS", "PROPN", "pobj", 4, "B-ORG")], R.participant, True),
    ([("They", "PRON", "nsubj", 1), ("saw", "VERB", "ROOT", 1), ("the", "DET", "det", 3), ("colours", "NOUN", "dobj", 1),
      ("of", "ADP", "prep", 3), ("CBSS", "PROPN", "pobj", 4, "B-ORG")], R.participant, False),
])
def test_who_acts_in_a_sentence(nlp, rows, role, expected):
    assert narrative(nlp, rows, role) is expected


def test_a_second_body_joined_to_the_subject_acts_too(nlp):
    doc = made(nlp, [("CBSS", "PROPN", "nsubj", 3, "B-ORG"), ("and", "CCONJ", "cc", 0),
                     ("UNICEF", "PROPN", "conj", 0, "B-GPE"), ("met", "VERB", "ROOT", 3)])
    assert A._in_narrative_role(ent_of(doc, "GPE"), R.participant, A._subject_spans(doc)) is True


def subject_links(nlp, rows):
    return [(x.name, x.as_written, x.entity_id, x.role, x.source_field, x.kind, x.reason)
            for x in A._named_subject(made(nlp, rows), R.partner)]


def unknown(name):
    return (name, name, None, R.partner, "text", "organisation", "the sentence's subject, a body not in the registry")


@pytest.mark.parametrize("rows, expected", [
    ([("They", "PRON", "nsubj", 1), ("met", "VERB", "ROOT", 1)], []),  # no noun
    ([("The", "DET", "det", 2), ("Nordic", "PROPN", "compound", 2), ("Unit", "PROPN", "nsubj", 4),
      ("similarly", "ADV", "advmod", 4), ("met", "VERB", "ROOT", 4)], [unknown("Nordic Unit")]),
    ([("Also", "ADV", "advmod", 3), ("the", "DET", "det", 2), ("Unit", "PROPN", "nsubj", 3), ("met", "VERB", "ROOT", 3)],
     [unknown("Unit")]),
    ([("And", "CCONJ", "cc", 3), ("the", "DET", "det", 2), ("Unit", "PROPN", "nsubj", 3), ("met", "VERB", "ROOT", 3)],
     [unknown("Unit")]),
    ([("The", "DET", "det", 1), ("Council", "PROPN", "nsubj", 4), ("of", "ADP", "prep", 1), ("youth", "NOUN", "pobj", 2),
      ("met", "VERB", "ROOT", 4)], []),  # one capital
    ([("The", "DET", "det", 1), ("Government", "PROPN", "nsubj", 2), ("met", "VERB", "ROOT", 2)],
     [unknown("Government")]),  # a bare body noun: "The Government adopted the plan"
    ([("The", "DET", "det", 1), ("Directorate", "PROPN", "nsubj", 2), ("met", "VERB", "ROOT", 2)], []),  # not one
    ([("The", "DET", "det", 1), ("Unit", "PROPN", "nsubj", 5), (",", "PUNCT", "punct", 1), ("the", "DET", "det", 4),
      ("Council", "PROPN", "appos", 1), ("met", "VERB", "ROOT", 5)], []),  # a comma: a list, not a name
    ([("Representatives", "NOUN", "nsubj", 7), ("of", "ADP", "prep", 0), ("the", "DET", "det", 3),
      ("Council", "PROPN", "pobj", 1), ("and", "CCONJ", "cc", 3), ("the", "DET", "det", 6), ("Ministry", "PROPN", "conj", 3),
      ("met", "VERB", "ROOT", 7)], [unknown("Council"), unknown("Ministry")]),
])
def test_the_subject_a_model_did_not_know(nlp, rows, expected):
    assert subject_links(nlp, rows) == expected


def test_a_subject_named_by_its_head_noun_is_a_whole_link(nlp):
    rows = [("The", "DET", "det", 2), ("acting", "VERB", "amod", 2), ("council", "NOUN", "nsubj", 3),
            ("met", "VERB", "ROOT", 3)]
    assert subject_links(nlp, rows) == [("acting council", "acting council", None, R.partner, "text", "organisation",
                                         "the sentence's subject, a body named by its head noun")]


@pytest.mark.parametrize("rows, head, start, short", [
    ([("the", "DET", "det", 2), ("Youth", "NOUN", "compound", 2), ("council", "NOUN", "nsubj", 3),
      ("met", "VERB", "ROOT", 3)], 2, 0, None),  # a capital before it: a name, not a head noun
    ([("saw", "VERB", "ROOT", 0), ("the", "DET", "det", 3), ("youth", "NOUN", "compound", 3),
      ("council", "NOUN", "dobj", 0)], 3, 1, "youth council"),
    ([("the", "DET", "det", 2), ("youth", "NOUN", "compound", 2), ("council", "NOUN", "nsubj", 3),
      ("met", "VERB", "ROOT", 3)], 2, 1, None),  # "the" outside the span
    ([("a", "DET", "det", 1), ("council", "NOUN", "nsubj", 2), ("met", "VERB", "ROOT", 2)], 1, 0, None),
    ([("the", "DET", "det", 1), ("meeting", "NOUN", "nsubj", 2), ("ended", "VERB", "ROOT", 2)], 1, 0, None),
    ([("the", "DET", "det", 1), ("Council", "PROPN", "nsubj", 2), ("met", "VERB", "ROOT", 2)], 1, 0, None),
])
def test_a_head_noun_after_the(nlp, rows, head, start, short):
    doc = made(nlp, rows)
    assert A._short_name(doc, doc[head], start) == short


@pytest.mark.parametrize("text, label, plausible", [
    ("unicef", "ORG", False), ("UNICEF 2", "ORG", False), ("UN", "ORG", False), ("UNICEF", "ORG", True),
    ("Riga", "ORG", False), ("Sweden", "ORG", False), ("Swedish", "ORG", False), ("Annual Report", "ORG", False),
    ("Partners/Donors", "ORG", False), ("Anna", "PERSON", False), ("ANNA", "PERSON", True), ("Anna Berg", "PERSON", True),
])
def test_a_name_the_model_found_is_plausible(nlp, reg, text, label, plausible):
    doc = made(nlp, [(text, "PROPN", "nsubj", 1, f"B-{label}"), ("met", "VERB", "ROOT", 1)])
    assert A._plausible_name(text, ent_of(doc, label), [], reg) is plausible


def test_a_name_inside_a_project_or_cut_before_a_noun_is_not_plausible(nlp, reg):
    doc = made(nlp, [("Swedish", "PROPN", "compound", 2, "B-ORG"), ("Research", "PROPN", "compound", 2, "I-ORG"),
                     ("institution", "NOUN", "nsubj", 3), ("met", "VERB", "ROOT", 3)])
    assert A._plausible_name("Swedish Research", ent_of(doc), [], reg) is False
    doc = made(nlp, [("Youth", "PROPN", "compound", 1, "B-ORG"), ("Network", "PROPN", "compound", 2, "I-ORG"),
                     ("meeting", "NOUN", "nsubj", 3), ("ended", "VERB", "ROOT", 3)])
    assert A._plausible_name("Youth Network", ent_of(doc), [], reg) is True  # "... Network meeting": the network met
    doc = made(nlp, [("PROMISE", "PROPN", "compound", 1, "B-ORG"), ("Group", "PROPN", "nsubj", 2, "I-ORG"),
                     ("met", "VERB", "ROOT", 2)])
    assert A._plausible_name("PROMISE Group", ent_of(doc), [doc[0:1]], reg) is False


def longer(nlp, words, ent_at, ents=None, pos=None):
    """_longer_name of the ORG entity over words[ent_at[0]:ent_at[1]] in a flat hand-made parse
    (every token hangs on the last; POS PROPN for capitalised words unless given)."""
    from spacy.tokens import Doc

    n = len(words)
    tags = ents or ["O"] * n
    tags = [("B-ORG" if i == ent_at[0] else "I-ORG") if ent_at[0] <= i < ent_at[1] else tags[i] for i in range(n)]
    pos = pos or ["PROPN" if w[:1].isupper() else "ADP" if w in ("on", "for", "against", "of", "in") else "NOUN"
                  for w in words]
    doc = Doc(nlp.vocab, words=words, pos=pos, heads=[n - 1] * n, deps=["dep"] * (n - 1) + ["ROOT"], ents=tags)
    return A._longer_name(ent_of(doc))


@pytest.mark.parametrize("words, ent_at, ents, name", [
    (["The", "Joint", "Working", "Group", "on", "Youth", "met"], (2, 4), None, "Joint Working Group on Youth"),
    (["The", "big", "Joint", "Working", "Group", "on", "Youth", "met"], (3, 5), None, "Joint Working Group on Youth"),
    (["The", "CBSS", "Working", "Group", "on", "Youth", "met"], (2, 4), None, "Working Group on Youth"),  # CBSS's group
    (["The", "Working", "Group", "met"], (1, 3), None, None),  # nothing more
    (["Working", "Group", "met", "in", "Oslo"], (0, 2), None, None),
    (["Working", "Group", "on"], (0, 2), None, None),  # the text ends
    (["Working", "Group", "on", "Youth"], (0, 2), None, "Working Group on Youth"),
    (["Task", "Force", "against", "Trafficking", "in", "Human", "Beings", "met"], (0, 2), None,
     "Task Force against Trafficking in Human Beings"),
    (["Working", "Group", "for", "Youth", "and", "Sport", "met"], (0, 2), None, "Working Group for Youth and Sport"),
    (["Working", "Group", "of", "Experts", "&", "Friends", "met"], (0, 2), None, "Working Group of Experts & Friends"),
    (["Working", "Group", "on", "Youth", "May", "met"], (0, 2), ["O", "O", "O", "O", "B-DATE", "O"], "Working Group on Youth"),
    (["Working", "Group", "on", "Sweden", "met"], (0, 2), ["O", "O", "O", "B-GPE", "O"], None),
    (["Working", "Group", "on", "Children", "met"], (0, 2), ["O", "O", "O", "B-BODY", "O"], None),
    (["Ministry", "of", "Health", "met"], (0, 1), None, None),  # not a group's head noun
])
def test_a_group_named_past_its_entity(nlp, words, ent_at, ents, name):
    assert longer(nlp, words, ent_at, ents) == name


@pytest.mark.parametrize("label", ["DATE", "GPE", "STATE", "CITY"])
def test_a_group_name_does_not_take_in_a_place_or_a_time_before_it(nlp, label):
    words = ["The", "Riga", "Working", "Group", "on", "Youth", "met"]
    ents = ["O", f"B-{label}", "O", "O", "O", "O", "O"]
    assert longer(nlp, words, (2, 4), ents) == "Working Group on Youth"


THEY_MET_WITH = [("They", "PRON", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("with", "ADP", "prep", 1)]


@pytest.mark.parametrize("rows, label, attachment", [
    (THEY_MET_WITH + [("UNICEF", "PROPN", "pobj", 2, "B-GPE"), ("and", "CCONJ", "cc", 3),
                      ("CBSS", "PROPN", "conj", 3, "B-ORG")], "ORG", ("with", "met")),  # through a conjunction
    (THEY_MET_WITH + [("UNICEF", "PROPN", "pobj", 2, "B-GPE"), (",", "PUNCT", "punct", 3),
                      ("Agency", "PROPN", "appos", 3, "B-ORG")], "ORG", ("with", "met")),  # through an apposition
    (THEY_MET_WITH + [("CBSS", "PROPN", "compound", 4, "B-ORG"), ("staff", "NOUN", "pobj", 2)], "ORG", ("with", "met")),
    (THEY_MET_WITH + [("CBSS", "PROPN", "dep", 2, "B-ORG")], "ORG", (None, None)),  # not the object of the preposition
    ([("They", "PRON", "nsubj", 1), ("Thanked", "VERB", "ROOT", 1), ("CBSS", "PROPN", "dobj", 1, "B-ORG")], "ORG",
     (None, None)),
    ([("They", "PRON", "nsubj", 1), ("Met", "VERB", "ROOT", 1), ("bodies", "NOUN", "dobj", 1), ("such", "ADJ", "amod", 2),
      ("as", "ADP", "prep", 3), ("CBSS", "PROPN", "pobj", 4, "B-ORG")], "ORG", ("such as", "bodies")),
    ([("They", "PRON", "nsubj", 1), ("Met", "VERB", "ROOT", 1), ("as", "ADP", "prep", 1),
      ("CBSS", "PROPN", "pobj", 2, "B-ORG")], "ORG", ("as", "met")),
    ([("It", "PRON", "nsubjpass", 2), ("was", "AUX", "auxpass", 2), ("Funded", "VERB", "ROOT", 2),
      ("by", "ADP", "agent", 2), ("CBSS", "PROPN", "pobj", 3, "B-ORG")], "ORG", ("by", "funded")),
])
def test_the_preposition_that_introduces_a_name(nlp, rows, label, attachment):
    assert A._attachment(ent_of(made(nlp, rows), label)) == attachment


@pytest.mark.parametrize("rows, subject", [
    ([("CBSS", "PROPN", "compound", 1, "B-ORG"), ("Group", "PROPN", "nsubj", 2), ("met", "VERB", "ROOT", 2)], True),
    ([("UNICEF", "PROPN", "nsubj", 3, "B-GPE"), ("and", "CCONJ", "cc", 0), ("CBSS", "PROPN", "conj", 0, "B-ORG"),
      ("met", "VERB", "ROOT", 3)], True),
    ([("Agency", "PROPN", "nsubj", 3, "B-GPE"), (",", "PUNCT", "punct", 0), ("CBSS", "PROPN", "appos", 0, "B-ORG"),
      ("met", "VERB", "ROOT", 3)], True),
    ([("CBSS", "PROPN", "nsubjpass", 2, "B-ORG"), ("was", "AUX", "auxpass", 2), ("funded", "VERB", "ROOT", 2)], True),
    ([("CBSS", "PROPN", "ROOT", 0, "B-ORG"), (",", "PUNCT", "punct", 0)], True),
    ([("They", "PRON", "nsubj", 1), ("thanked", "VERB", "ROOT", 1), ("CBSS", "PROPN", "dobj", 1, "B-ORG")], False),
])
def test_whether_a_name_is_the_subject(nlp, rows, subject):
    assert A._is_subject(ent_of(made(nlp, rows))) is subject


@pytest.mark.parametrize("subj, conj, expected", [("nsubj", False, True), ("nsubjpass", False, True),
                                                  ("nsubj", True, True), ("dobj", False, False)])
def test_a_body_a_subject_is_sent_to_is_part_of_the_subject(nlp, subj, conj, expected):
    rows = [("secondment", "NOUN", subj, 5), ("to", "ADP", "prep", 0), ("Unit", "PROPN", "pobj", 1, "B-GPE"),
            ("and", "CCONJ", "cc", 2), ("Council", "PROPN", "conj", 2, "B-ORG"), ("acts", "VERB", "ROOT", 5)]
    assert A._in_plan_role(ent_of(made(nlp, rows), "ORG" if conj else "GPE")) is expected


def test_report_to_a_body_is_no_plan_role(nlp):
    rows = [("Unit", "PROPN", "nsubj", 1), ("reports", "VERB", "ROOT", 1), ("to", "ADP", "prep", 1),
            ("CBSS", "PROPN", "pobj", 2, "B-ORG")]
    assert A._in_plan_role(ent_of(made(nlp, rows))) is False


@pytest.mark.parametrize("rows, first_end, role, expected", [
    ([("Hi", "INTJ", "ROOT", 0), ("CBSS", "PROPN", "npadvmod", 0, "B-ORG")], 3, R.participant, False),  # starts at 3
    ([("Hi", "INTJ", "ROOT", 0), ("CBSS", "PROPN", "npadvmod", 0, "B-ORG")], 4, R.participant, True),  # in the opening
    ([("They", "PRON", "nsubj", 1), ("thanked", "VERB", "ROOT", 1), ("CBSS", "PROPN", "dobj", 1, "B-ORG")], 0,
     R.organiser, True),
    ([("They", "PRON", "nsubj", 1), ("thanked", "VERB", "ROOT", 1), ("CBSS", "PROPN", "dobj", 1, "B-ORG")], 0,
     R.participant, False),
    ([("CBSS", "PROPN", "nsubj", 1, "B-ORG"), ("met", "VERB", "ROOT", 1)], 0, R.participant, True),  # a later subject
    ([("They", "PRON", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("the", "DET", "det", 3), ("director", "NOUN", "dobj", 1),
      ("of", "ADP", "prep", 3), ("CBSS", "PROPN", "pobj", 4, "B-ORG")], 0, R.participant, True),
    ([("They", "PRON", "nsubj", 1), ("met", "VERB", "ROOT", 1), ("the", "DET", "det", 3), ("director", "NOUN", "dobj", 1),
      ("for", "ADP", "prep", 3), ("CBSS", "PROPN", "pobj", 4, "B-ORG")], 0, R.participant, False),
    ([("They", "PRON", "nsubj", 1), ("saw", "VERB", "ROOT", 1), ("the", "DET", "det", 3), ("colours", "NOUN", "dobj", 1),
      ("of", "ADP", "prep", 3), ("CBSS", "PROPN", "pobj", 4, "B-ORG")], 0, R.participant, False),
    ([("They", "PRON", "nsubj", 1), ("wrote", "VERB", "ROOT", 1), ("to", "ADP", "prep", 1),
      ("CBSS", "PROPN", "pobj", 2, "B-ORG")], 100, R.organiser, False),  # an addressee, even in the opening
])
def test_who_takes_part_in_an_event_entry(nlp, rows, first_end, role, expected):
    assert A._in_event_role(ent_of(made(nlp, rows)), first_end, role) is expected


@pytest.mark.parametrize("text, expected", [
    # who a body meets takes part, named from its office noun on, with its country
    ("In May the Chair met the Minister of Education in Oslo.",
     [("Chair", R.participant), ("Minister of Education", R.participant)]),
    ("The conference was hosted by the Commissioner for Children and Young People in Scotland.",
     [("Commissioner for Children and Young People in Scotland", R.organiser)]),
    ("The seminar was hosted by the Mayor of Tartu.", [("Mayor of Tartu", R.organiser)]),
    # an office noun alone names nobody
    ("The reception was hosted by the Ambassador.", []),
    ("The delegation met the Minister in Riga.", []),
])
def test_a_body_met_or_hosting_is_named_from_its_office_noun(nlp, reg, text, expected):
    got = A.actors_in_text(nlp(text), reg, None, mode="narrative")
    assert [(x.name, x.role) for x in got] == expected


def names(links):
    return [x.name for x in links]


def test_the_subject_nearest_the_verb_not_a_days_apposition(nlp, reg):
    """"On <date>, <the day's name>, <the body> did ...": the parser makes the day a second subject."""
    doc = nlp("On 10 December 2019, Human Rights Day, the Ministry of Justice opened a legal aid office in Tartu.")
    assert names(A.actors_in_text(doc, reg, None, mode="narrative")) == ["Ministry of Justice"]


def test_a_subject_after_a_country_and_a_dash(nlp, reg):
    doc = nlp("Norway – The Directorate for Children and Youth launched a helpline in March.")
    assert names(A.actors_in_text(doc, reg, None, mode="narrative")) == ["Directorate for Children and Youth"]


def test_a_body_whose_name_holds_a_document_word(nlp, reg):
    """"Programme" or "Project" inside a name that ends in a body noun names a body; a gathering
    ("Youth Forum") does not, whatever its last word."""
    doc = nlp("The Project Steering Committee met in Kaunas on 3 May.")
    assert names(A.actors_in_text(doc, reg, None, mode="narrative")) == ["Project Steering Committee"]
    doc = nlp("Nordic Youth Forum, Bergen, 14-16 June 2018")
    assert names(A.actors_in_text(doc, reg, None, mode="narrative")) == []
    doc = nlp("The course was hosted by the Nordic Training Centre in Oslo.")  # "Training" qualifies the centre
    assert names(A.actors_in_text(doc, reg, None, mode="narrative")) == ["Nordic Training Centre"]


def test_a_place_label_before_a_dash_does_nothing(nlp, reg):
    """A bulletin's "Country – ..." says where; the body after the dash acts."""
    doc = nlp("Finland – The National Police Board opened a new unit in Espoo in March.")
    assert names(A.actors_in_text(doc, reg, None, mode="narrative")) == ["National Police Board"]
    doc = nlp("Latvia – A shelter for young mothers opened in Jelgava in May.")
    assert names(A.actors_in_text(doc, reg, None, mode="narrative")) == []


def test_the_people_of_a_body_take_part_for_it(nlp, reg):
    doc = nlp("The guardians met with researchers of the Norwegian Institute of Public Health in May.")
    assert names(A.actors_in_text(doc, reg, None, mode="narrative")) == ["Norwegian Institute of Public Health"]


def test_a_state_among_the_doers_of_a_passive(nlp, reg):
    doc = nlp("A workshop on oil spills was organised by the Secretariat and Finland in Turku.")
    assert [(x.name, x.role) for x in A.actors_in_text(doc, reg, None, mode="narrative")][-1] == ("Finland", R.partner)
    doc = nlp("The report was translated into Finnish in Turku.")
    assert names(A.actors_in_text(doc, reg, None, mode="narrative")) == []


def test_an_abbreviation_before_meeting_is_the_body_that_meets(nlp, reg):
    doc = nlp("The NBCN meeting in Kiel approved the budget.")
    assert names(A.actors_in_text(doc, reg, None, mode="narrative")) == ["NBCN"]
    doc = nlp("The Swedish Research institution hosted it.")  # a description the NER cut short stays out
    assert "Swedish Research" not in names(A.actors_in_text(doc, reg, None, mode="narrative"))


@pytest.mark.parametrize("sentence, actors", [
    ("Turku – The City Board approved a climate programme in May.", ["City Board"]),  # a city's label too
    ("The delegation visited the National Police Board in Helsinki in May.", ["National Police Board"]),
    ("Next spring — the Ministry of Justice will open a legal aid office in Tartu.", ["Ministry of Justice"]),
    ("On 10 December, Human Rights Day, the Ombudsman Office was opened by the minister in Tartu.", ["Ombudsman Office"]),
])
def test_subjects_after_labels_dashes_and_appositions_and_the_body_visited(nlp, reg, sentence, actors):
    assert names(A.actors_in_text(nlp(sentence), reg, None, mode="narrative")) == actors
