"""Rules of extractors/prose/narrative_kind.py and narrative_model.py that a mutation run (issue 29,
sample 5 of 2026-12-07, at 46e6588) showed no test holding: the explanation of a programme slot, an
adoption line, an action point and people trained; a question after "Save the date"; "shall" on the
main verb; an invitation that ends in a colon; a task given in the past tense or by a participle that
opens the line; the grammar helpers (a progressive with "am", an auxiliary coordinated with the main
verb, an ORG that is no proper noun, a forecast's named subject, a decision's "shall" or subject
clause, a directive's task and its attendance verbs, an action point's doer, a call by an adverbial
clause, a first person "I"); the classifier's priors and veto without a "none" score, and its training
loop's batches. Parses are the shipped model's where it gives the construction, else hand-made
(spacy.tokens.Doc with their tags, as tests/unit/test_unit_check_rules.py does). Every expected text
by hand from the rule's wording."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from extractors.prose import narrative_kind as K
from extractors.prose import narrative_model as nm
from extractors.prose.narrative import Unit

pytestmark = pytest.mark.unit

VOCAB = spacy.blank("en").vocab


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


def unit(text: str, shape: str = "sentence", **kw) -> Unit:
    return Unit(text=text, block=0, char_start=0, char_end=len(text), shape=shape, **kw)


def why(nlp, text: str, shape: str = "sentence", **kw) -> str:
    return K.decide(unit(text, shape, **kw), nlp(text), False).explain()


def parse(rows, ents=None):
    """rows: (word, pos, tag, dep, head, lemma); head as an absolute index."""
    words, pos, tags, deps, heads, lemmas = (list(x) for x in zip(*rows))
    return Doc(VOCAB, words=words, pos=pos, tags=tags, deps=deps, heads=heads, lemmas=lemmas, ents=ents)


# --- the rules' explanations ----------------------------------------------------------------------

EXPLAINED = [
    ("14:00 Parallel workshops",
     "no record by rule 'programme slot'; a time slot of an event's programme ('14:00 Parallel workshops')"),
    ("Adopted by the Working Group on 17 May 2004.",
     "no record by rule 'signature'; states its own date; the document's own adoption line ('Adopted by the Working "
     "Group on 17 May 2004.')"),
    ("The Secretariat to prepare a draft strategy by June 2020",
     "activity by rule 'action point'; states its own date; an action point: 'The Secretariat' to do it"),
    ("Were trained also 48 officers of the Border Police at Bratislava airport.",
     "event by rule 'trained people'; verb of holding or deciding (train, past); people trained, counted"),
    ("The Council shall prepare a report.", "activity by rule 'future'; says what will be done ('shall')"),
    # the past tense of asking, not at the line's start: a task given
    ("The Ministers asked the Working Group to prepare a report.",
     "activity by rule 'directed work'; gives a body a task ('prepare'), no date of its own"),
]


@pytest.mark.parametrize("text, explanation", EXPLAINED, ids=[c[0][:30] for c in EXPLAINED])
def test_the_explanation_of_each_rule(nlp, text, explanation):
    assert why(nlp, text) == explanation


def test_save_the_date_asked_as_a_question_is_no_announcement_title(nlp):
    text = "Save the date: who will host the seminar?"
    d = K.decide(unit(text), nlp(text), False)
    assert d.rule != "announcement title"
    assert K.decide(unit("Save the date: who will host the seminar"), nlp("Save the date: who will host the seminar"),
                    False).rule == "announcement title"


def test_an_invitation_ending_in_a_colon_leads_in_and_is_no_call(nlp):
    text = "The Nordic Council of Ministers invites NGOs to apply: "
    assert K.decide(unit(text), nlp(text), False).rule != "invitation"
    text = "The Nordic Council of Ministers invites NGOs to apply."
    assert K.decide(unit(text), nlp(text), False).rule == "invitation"


def test_a_participle_opening_the_line_gives_a_task():
    # "Asked the Committee of Senior Officials of the Council of Ministers to prepare a report": the "to" is past
    # the ninth word, so no action point; the participle at the start gives the task
    rows = [("Asked", "VERB", "VBN", "ROOT", 0, "ask"), ("the", "DET", "DT", "det", 2, "the"),
            ("Committee", "PROPN", "NNP", "dobj", 0, "Committee"), ("of", "ADP", "IN", "prep", 2, "of"),
            ("Senior", "PROPN", "NNP", "compound", 5, "Senior"), ("Officials", "PROPN", "NNPS", "pobj", 3, "Officials"),
            ("of", "ADP", "IN", "prep", 5, "of"), ("the", "DET", "DT", "det", 8, "the"),
            ("Council", "PROPN", "NNP", "pobj", 6, "Council"), ("of", "ADP", "IN", "prep", 8, "of"),
            ("Ministers", "PROPN", "NNPS", "pobj", 9, "Ministers"), ("to", "PART", "TO", "aux", 12, "to"),
            ("prepare", "VERB", "VB", "xcomp", 0, "prepare"), ("a", "DET", "DT", "det", 14, "a"),
            ("report", "NOUN", "NN", "dobj", 12, "report")]
    sdoc = parse(rows)
    d = K.decide(unit(sdoc.text), sdoc, False)
    assert (d.kind, d.rule) == ("activity", "directed work")


# --- the grammar helpers ----------------------------------------------------------------------------


def test_a_progressive_with_am():
    sdoc = parse([("I", "PRON", "PRP", "nsubj", 2, "I"), ("am", "AUX", "VBP", "aux", 2, "be"),
                  ("preparing", "VERB", "VBG", "ROOT", 2, "prepare"), ("a", "DET", "DT", "det", 4, "a"),
                  ("guide", "NOUN", "NN", "dobj", 2, "guide")])
    assert K._tense(sdoc[2]) == "progressive"


def test_the_verbs_coordinated_with_the_main_one_include_an_auxiliary():
    sdoc = parse([("The", "DET", "DT", "det", 1, "the"), ("Group", "PROPN", "NNP", "nsubj", 2, "Group"),
                  ("met", "VERB", "VBD", "ROOT", 2, "meet"), ("and", "CCONJ", "CC", "cc", 2, "and"),
                  ("was", "AUX", "VBD", "conj", 2, "be"), ("pleased", "ADJ", "JJ", "acomp", 4, "pleased"),
                  ("and", "CCONJ", "CC", "cc", 4, "and"), ("lunch", "NOUN", "NN", "conj", 4, "lunch")])
    assert [t.text for t in K._verbs(sdoc[2])] == ["met", "was"]


def test_a_subject_tagged_org_is_a_body_though_no_proper_noun():
    rows = [("the", "DET", "DT", "det", 1, "the"), ("council", "NOUN", "NN", "nsubj", 2, "council"),
            ("met", "VERB", "VBD", "ROOT", 2, "meet")]
    assert K._is_body(parse(rows, ents=["O", "B-ORG", "O"])[1]) is True
    assert K._is_body(parse(rows)[1]) is False


def _expected_to_grow(word, pos, ent=None):
    rows = [(word, pos, "NN" if pos == "NOUN" else "NNP", "nsubjpass", 2, word), ("is", "AUX", "VBZ", "auxpass", 2, "be"),
            ("expected", "VERB", "VBN", "ROOT", 2, "expect"), ("to", "PART", "TO", "aux", 4, "to"),
            ("grow", "VERB", "VB", "xcomp", 2, "grow")]
    return parse(rows, ents=[f"B-{ent}" if ent else "O", "O", "O", "O", "O"])


def test_a_forecast_of_a_named_subject_is_its_work_not_a_prediction():
    assert K._prediction(_expected_to_grow("Shipping", "NOUN")[2]) is True  # "Shipping is expected to grow"
    assert K._prediction(_expected_to_grow("Maersk", "PROPN")[2]) is False
    assert K._prediction(_expected_to_grow("nordics", "NOUN", "NORP")[2]) is False


def test_only_expect_in_the_passive_hands_the_forecast_to_its_verb():
    # "The number will continue to grow": the trend verb is "continue" itself, with no object
    rows = [("The", "DET", "DT", "det", 1, "the"), ("number", "NOUN", "NN", "nsubj", 3, "number"),
            ("will", "AUX", "MD", "aux", 3, "will"), ("continue", "VERB", "VB", "ROOT", 3, "continue"),
            ("to", "PART", "TO", "aux", 5, "to"), ("prepare", "VERB", "VB", "xcomp", 3, "prepare")]
    assert K._prediction(parse(rows)[3]) is True  # "continue" is a trend verb; "prepare" is not


def test_a_body_noun_subject_will_grow_is_no_prediction():
    rows = [("The", "DET", "DT", "det", 1, "the"), ("secretariat", "NOUN", "NN", "nsubj", 3, "secretariat"),
            ("will", "AUX", "MD", "aux", 3, "will"), ("grow", "VERB", "VB", "ROOT", 3, "grow")]
    assert K._prediction(parse(rows)[3]) is False


def test_decided_that_something_shall_be_and_a_subject_clause():
    rows = [("The", "DET", "DT", "det", 1, "the"), ("Council", "PROPN", "NNP", "nsubj", 2, "Council"),
            ("decided", "VERB", "VBD", "ROOT", 2, "decide"), ("that", "SCONJ", "IN", "mark", 6, "that"),
            ("the", "DET", "DT", "det", 5, "the"), ("seminar", "NOUN", "NN", "nsubj", 6, "seminar"),
            ("take", "VERB", "VB", "ccomp", 2, "take"), ("place", "NOUN", "NN", "dobj", 6, "place")]
    shifted = [(w, p, t, d, h + 1 if h >= 6 else h, lem) for w, p, t, d, h, lem in rows]  # "shall" before "take"
    with_shall = shifted[:6] + [("shall", "AUX", "MD", "aux", 7, "shall")] + shifted[6:]
    sdoc = parse(with_shall)
    assert K._decided_work([sdoc[2]]).text == "take"
    assert K._decided_work([parse(rows)[2]]) is None  # no will, would or shall: no work decided
    # "That the group will meet was agreed" with the clause as the verb's subject
    rows = [("That", "SCONJ", "IN", "mark", 4, "that"), ("the", "DET", "DT", "det", 2, "the"),
            ("group", "NOUN", "NN", "nsubj", 4, "group"), ("will", "AUX", "MD", "aux", 4, "will"),
            ("meet", "VERB", "VB", "csubj", 5, "meet"), ("agreed", "VERB", "VBD", "ROOT", 5, "agree")]
    assert K._decided_work([parse(rows)[5]]).text == "meet"


def _asked(child_dep, child_lemma, child_pos="VERB"):
    return parse([("The", "DET", "DT", "det", 1, "the"), ("Council", "PROPN", "NNP", "nsubj", 2, "Council"),
                  ("asked", "VERB", "VBD", "ROOT", 2, "ask"), ("members", "NOUN", "NNS", "dobj", 2, "member"),
                  ("to", "PART", "TO", "aux", 5, "to"), (child_lemma, child_pos, "VB", child_dep, 2, child_lemma)])


def test_a_directive_verbs_task_and_its_attendance_verbs():
    assert K._directed_task([_asked("xcomp", "prepare")[2]]).text == "prepare"
    assert K._directed_task([_asked("xcomp", "attend")[2]]) is None  # asked to come: no task
    assert K._directed_task([_asked("dep", "prepare")[2]]) is None  # a clause not its complement
    assert K._directed_task([_asked("xcomp", "prepare", "NOUN")[2]]) is None


def test_an_action_points_doer(nlp):
    assert K.action_point_doer(nlp("The Secretariat to prepare a draft strategy by June 2020")) == "The Secretariat"
    assert K.action_point_doer(nlp("The Group agreed to prepare a report")) is None  # a finite verb: no action point
    # a doer tagged a state or place though not a proper noun
    sdoc = parse([("latvia", "NOUN", "NN", "nsubj", 2, "latvia"), ("to", "PART", "TO", "aux", 2, "to"),
                  ("host", "VERB", "VB", "ROOT", 2, "host"), ("the", "DET", "DT", "det", 4, "the"),
                  ("seminar", "NOUN", "NN", "dobj", 2, "seminar")], ents=["B-GPE", "O", "O", "O", "O"])
    assert K.action_point_doer(sdoc) == "latvia"
    sdoc = parse([("experts", "NOUN", "NNS", "nsubj", 2, "expert"), ("to", "PART", "TO", "aux", 2, "to"),
                  ("host", "VERB", "VB", "ROOT", 2, "host"), ("the", "DET", "DT", "det", 4, "the"),
                  ("seminar", "NOUN", "NN", "dobj", 2, "seminar")])
    assert K.action_point_doer(sdoc) is None  # no body named


def test_a_doer_with_a_participle_is_still_a_doer():
    sdoc = parse([("Experts", "NOUN", "NNS", "nsubj", 4, "expert"), ("nominated", "VERB", "VBN", "acl", 0, "nominate"),
                  ("by", "ADP", "IN", "agent", 1, "by"), ("Latvia", "PROPN", "NNP", "pobj", 2, "Latvia"),
                  ("to", "PART", "TO", "aux", 5, "to"), ("host", "VERB", "VB", "ROOT", 5, "host"),
                  ("it", "PRON", "PRP", "dobj", 5, "it")])
    assert K.action_point_doer(sdoc) == "Experts nominated by Latvia"


def test_a_call_to_apply_by_an_adverbial_clause():
    rows = [("The", "DET", "DT", "det", 1, "the"), ("Council", "PROPN", "NNP", "nsubj", 2, "Council"),
            ("invites", "VERB", "VBZ", "ROOT", 2, "invite"), ("NGOs", "PROPN", "NNPS", "dobj", 2, "NGOs"),
            ("to", "PART", "TO", "aux", 5, "to"), ("apply", "VERB", "VB", "advcl", 2, "apply")]
    assert K._call_to(parse(rows)[2]) is True


def test_i_is_a_first_person_subject(nlp):
    text = "I met the minister in Riga."
    sdoc = nlp(text)
    assert "cuesubjfirstperson" in K.cue_words(unit(text), sdoc, True)


# --- the classifier ---------------------------------------------------------------------------------


def test_a_label_without_a_score_keeps_nought_under_the_priors():
    third = {"event": 1 / 3, "activity": 1 / 3, "none": 1 / 3}
    assert nm.adjust_to_priors({"event": 0.5, "activity": 0.5}, third, third) == \
        pytest.approx({"event": 0.5, "activity": 0.5, "none": 0.0})


def test_no_veto_without_a_none_score():
    d = K.Decision("event", [], rule="body acts")
    nm.combine(d, {"event": 0.9, "activity": 0.1})
    assert (d.kind, d.rule) == ("event", "body acts")
    d = K.Decision("event", [], rule="body acts")
    nm.combine(d, {"event": 0.3, "activity": 0.1, "none": 0.6})
    assert (d.kind, d.rule) == (None, "classifier veto")


def test_training_passes_over_the_data_once_an_epoch_in_batches_of_32(tmp_path, monkeypatch):
    sizes = []
    monkeypatch.setattr(spacy.language.Language, "update", lambda self, batch, **kw: sizes.append(len(batch)))
    examples = [(f"ctxprose text number {k}", nm.LABELS[k % 3]) for k in range(40)]
    nm.train(examples, out_dir=tmp_path / "a" / "model", epochs=2)
    assert sizes == [32, 8, 32, 8]
    assert (tmp_path / "a" / "model" / "config.cfg").is_file()  # its folder made with its parents
