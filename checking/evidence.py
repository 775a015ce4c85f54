"""Evidence that a commitment was carried out: which passages of a report show it, scored 0..1.

Reports paraphrase plans ("Publication of the report X" becomes "X was prepared and published";
"Pilot training for staff" becomes "experts conducted a four-day pilot training"), so the
features look past the exact words:
- lexical / coverage: TF-IDF cosine and IDF-weighted coverage of content lemmas, each lemma
  mapped to its word family (data/word_families.toml: publication -> publish, trainers -> train,
  seminar/conference -> meeting),
- object: the object of the commitment's action (the head noun the parse hangs on its main verb,
  or the head of a nominal commitment), not the filler verbs and words every plan shares,
- title: the share of a quoted or Capitalised Multi Word title of the commitment that the
  passage repeats, in any case and word form,
- named: the commitment's projects, bodies, places and states the passage also names,
- dates: whether the passage is dated inside or after the commitment's window,
- cues: the passage reports something done (past tense, "took place"), not done ("postponed"),
  or under way ("a draft").
Weights and thresholds come from labelled pairs (bench/calibrate_check.py -> data/evidence_model.json).
"""
from __future__ import annotations

import json
import math
import os
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
MODEL_PATH = DATA / "evidence_model.json"
FAMILIES_PATH = DATA / "word_families.toml"
# Rules switched off by name, for measuring what each is worth (bench/check_quick.py); empty in use.
RULES_OFF = frozenset(os.environ.get("PLANSCOPE_CHECK_RULES_OFF", "").split(","))


def rule(name: str) -> bool:
    return name not in RULES_OFF


# Named in almost every record of this archive: sharing them says nothing about one commitment.
OWN_BODIES = {"cbss_children_at_risk_group", "cbss_children_unit", "cbss", "chair", "member_states"}
NOT_DONE = re.compile(r"\b(postpone[ds]?|postponing|not yet|has yet to|have yet to|no \w+(?: \w+){0,5} (?:has|have) been|cancell?ed|called off|did not take place|was not (held|organised|published|possible)|"
                      r"not (yet )?(held|done|started|agreed|published|possible)|no (common )?\w+ was agreed|"
                      r"lack of funding|delayed to|moved to|been moved|was moved|put off|pushed back|rescheduled|"
                      r"could not|did not|decided not to|has not been|have not been|had not been|were not|was not|"
                      r"will not|will no longer|no longer|not be (held|organised|started|completed|published)|"
                      r"drop|dropped|abandoned|carried over|deferred|put on hold|shelved|instead|replaced by|replaces|"
                      r"originally intended|had intended|was to (present|be|hold|organi[sz]e|publish))\b", re.I)
# "No staff exchanges took place in 2020", "Nothing was published", "decided to move the platform to 2017"
NOT_DONE_MORE = re.compile(r"\b(delayed|postponed|cancelled|called off)\s*$|(^|[.;:] )(no|none of the|nothing)\b(?: [\w-]+){0,6} (took place|happened|was held|were held|was organised|were organised)\b|"
                           r"\bdecided to (move|postpone|defer|drop|suspend|stop|cancel|put off)\b", re.I)
# "No application was made to NORDBUK", "but no agreement was reached", "The Youth Council chose not to travel":
# nothing of the kind was done, at the head of a clause (not "there was no doubt the report was published").
NOT_DONE_NONE = re.compile(r"(^|[.;:,] |\b(?:but|and) )(no|none of the|nothing)\b(?: [\w-]+){0,5} (was|were|could be|can be) (made|reached|taken|found|spared|"
                           r"submitted|sent|signed|held|organi[sz]ed|arranged|published|launched|prepared|started|begun|set up|"
                           r"carried out|adopted|agreed)\b|"
                           r"\b(chose|chooses|opted|elected|preferred) not to\b", re.I)
# The same at a sentence's head with a longer subject: "No protocol with the police on passing on suspected cases
# of forced labour was agreed" (a noun phrase of up to fourteen words, no comma or verb form between).
NOT_DONE_LONG = re.compile(r"^\W*(no|none of the)\b(?! (?:later|sooner|more|less|fewer|longer|doubt)\b)(?: [\w'’-]+){6,14} (was|were) (made|reached|taken|found|"
                           r"submitted|sent|signed|held|organi[sz]ed|arranged|published|launched|prepared|started|begun|set up|"
                           r"carried out|adopted|agreed)\b", re.I)
# Something else was done in its stead: "Staff did, however, attend the Council of Europe training"
# (the plan's own seminar was cancelled). Read in the fourth author's errors; the other authors'
# reports use it twice, once of work not done ("Much remains to be done, however, ...").
INSTEAD = re.compile(r"\w, however,")


def not_done_cue(text: str):
    """The words that say the thing was not done (or something else in its stead), or None. Words
    inside quotes are a title, not what happened: the campaign "Not a drop" was launched."""
    if rule("quoted"):
        text = QUOTED_SPAN.sub(lambda m: m.group(0)[0] + "_" * (len(m.group(0)) - 2) + m.group(0)[-1], text)
    return (NOT_DONE.search(text) or INSTEAD.search(text) or (NOT_DONE_MORE.search(text) if rule("no_took_place") else None)
            or (NOT_DONE_NONE.search(text) if rule("none_done") else None)
            or (NOT_DONE_LONG.search(text) if rule("none_long") else None))


QUOTED_SPAN = re.compile(r"[“\"][^“”\"]{2,120}[”\"]")
# Where a sentence's clauses part: "... is not yet complete: the news pages went live in January, while ...",
# "The visit, cancelled in 2020, took place in October 2021".
CLAUSE_BREAK = re.compile(r"[;:,]|\s(?=(?:but|while|whereas|although)\b)", re.I)
# "... were discussed in October and will be published once ...": a second verb with its own future or present
# auxiliary after "and" is a clause of its own (`mixed_done`).
AND_CLAUSE = re.compile(r"\s(?=and (?:will|shall|is|are)\b)", re.I)
# Past verbs that tell of a decision or a word, not of the work done: "decided to run it in 2017".
SAYING = {"decide", "agree", "ask", "plan", "intend", "propose", "hope", "want", "expect", "say", "state", "note", "remind",
          "inform", "fail", "try", "have", "be", "do", "raise", "mention", "stress", "underline"}


CHOSE_NOT = re.compile(r"\b(decided|decides|chose|chooses|opted|elected|preferred) not to\b", re.I)


def mixed_done(sdoc) -> str:
    """A sentence that says something was not done and, in another clause of it, that work was done:
    "The migration ... is not yet complete: the news and calendar pages went live in January 2016",
    "The visit to Cyprus, cancelled in 2020, took place in October 2021", "A draft roadmap was
    discussed ..., but it has not yet been agreed". It tells of work done in part, not of work undone.
    Returns the clause that says not done (or planned), "" when the sentence is not such."""
    text = sdoc.text
    cue = not_done_cue(text) or PLANNED_AGAIN.search(text)
    if cue is None or INSTEAD.search(text):  # "Staff did, however, attend ...": something else in its stead
        return ""
    if rule("chose_not") and CHOSE_NOT.search(text):  # "chose not to travel ..., and followed the Games online":
        return ""  # a choice not to do it, and something else done in its stead
    bounds = sorted({0, len(text), *(m.end() for m in CLAUSE_BREAK.finditer(text)),
                     *((m.end() for m in AND_CLAUSE.finditer(text)) if rule("planned_part") else ())})
    undone = next(text[a:b] for a, b in zip(bounds, bounds[1:]) if a <= cue.start() < b)
    for a, b in zip(bounds, bounds[1:]):
        if a <= cue.start() < b:
            continue  # the clause that says not done
        part = text[a:b]
        if not_done_cue(part) or PLANNED_AGAIN.search(part) or WILL.search(part):
            continue
        if any(a <= t.idx < b and _done_verb(t) for t in sdoc):
            return undone
    return ""


def _done_verb(t) -> bool:
    """A verb that tells of work done in a clause of its own: a past tense ("went live", "joined",
    "took place") or a past passive ("was discussed"), not in a clause that gives a reason or a
    time ("Because the programme was shortened, ..."), not a word said ("was raised again")."""
    if t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() in SAYING or t.dep_ in ("advcl", "acl", "relcl", "amod", "aux", "auxpass"):
        return False
    if any(c.dep_ == "mark" for c in t.children):
        return False
    if t.tag_ == "VBD":
        return True
    if t.tag_ == "VBN" and rule("planned_part") and _perfect_or_now(t):  # "has been edited", "have collected"
        return True
    return t.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in t.children)


# Taking part in an event is not organising it: "NORDBUK members took part in the meeting organised by ...".
ATTENDED = re.compile(r"\b(took part in|taking part in|participated in|attended(?!\s+by)|(was|were) represented at|as (an )?observers?)\b", re.I)

SPOKE = re.compile(r"\b(spoke (at|on|about)|gave (a|the) (short )?(presentation|speech|talk|keynote)|keynote speech|as (a )?speakers?)\b", re.I)
ORGANISE = re.compile(r"\b(organi[sz]e|arrange|hold|host|convene)\b", re.I)
# "Run a workshop", "run a pilot course": to run an event is to organise it (not "run a website").
RUN_EVENT = re.compile(r"\brun (an? |the )?([\w-]+ ){0,3}(workshop|seminar|course|conference|meeting|training|camp|session|forum|webinar)s?\b", re.I)
# Another body's own activity: "FRONTEX held its own course", "published her own report".
OWN_ACTIVITY = re.compile(r"\b(its|her|his|their) own\b", re.I)
IN_PROGRESS = re.compile(r"\b(under way|underway|ongoing|on-going|continues|in progress|a draft|first draft|"
                         r"first outline|is planned|planning (is|has)|being (prepared|drafted|developed|translated)|drafting)\b", re.I)
DONE = re.compile(r"\b(took place|was (held|organised|organized|arranged|launched|published|prepared|conducted|adopted|"
                  r"established|carried out|completed|finali[sz]ed|translated|printed|hosted|convened)|were (held|organised|"
                  r"organized|trained|published|conducted|adopted|established)|has been|have been)\b", re.I)
# A passive in the past: "a comparison ... was presented", "the answers were discussed".
PASSIVE_DONE = re.compile(r"\b(was|were|has been|have been|had been)\s+(\w+ly\s+)?(\w+ed|\w+en|sent|held|made|set|run|met|brought|taught|"
                          r"built|spent|sold|bought|put|read|led|won|begun|done|shown|drawn|grown|known)\b", re.I)
# The passage says the thing is still to be done: planned again, not reported done.
PLANNED_AGAIN = re.compile(r"\b(plans? to|planned for|is to be|are to be|intends? to|is expected (to|in)|are expected (to|in)|"
                           r"next year|in the coming|look for ways|will be (held|organised|published|set up|prepared|started|"
                           r"presented|launched|made|carried out|done|ready|completed|finished|\w+ed)|will make)\b", re.I)
WILL = re.compile(r"\b(will|shall)\s+(?!not\b|no\b)(\w+ly\s+)?[a-z]+", re.I)
# A position taken, not something done: "The Presidency regards ... as one of the most serious threats",
# "The Group underlined at its Gdansk meeting that no child should be returned ...".
POSITION = re.compile(r"\b(regards?|considers?|believes?|encourages?|continues? to (regard|consider|see)|underlined that|"
                      r"underlined at [\w\s']{3,40} that|stressed that|is of the view)\b", re.I)
QUOTED = re.compile(r"[“\"‘']([^“”\"‘’']{6,200})[”\"’']")
TITLE_SMALL = {"of", "the", "and", "on", "in", "for", "to", "a", "an", "with", "between", "from", "at"}
FEATURES = ("lexical", "coverage", "object", "object_detail", "title", "named", "date_fit", "done", "not_done", "in_progress",
            "outranked", "action", "planned_again", "other_actor", "block")
# How much closer another commitment of the plans must be to a passage to outrank this one.
OUTRANK_MARGIN = 0.1


@dataclass
class Unit:
    """A piece of a report that can evidence a commitment: an event entry, a sentence, or a
    headed section (a news entry or slide, heading and lines together)."""

    text: str
    doc: str
    kind: str  # event | sentence | section
    page: int | None
    paragraph_no: int | None
    block_no: int | None
    start: date | None
    end: date | None
    lemmas: Counter = field(default_factory=Counter)
    named: set[str] = field(default_factory=set)
    done: bool = False
    # The report's period: what an undated sentence of a report speaks of, for date fit only.
    report_start: date | None = None
    report_end: date | None = None
    closest: float = 0.0  # the highest lexical similarity any commitment being checked has to it
    surface: dict[str, set[str]] = field(default_factory=dict)  # family lemma -> the words as written
    section: str | None = None  # the heading the passage stands under
    agents: set[str] = field(default_factory=set)  # the named doers of its actions ("FRONTEX held ...", "organised by the Sejm")
    lead: set[str] = field(default_factory=set)  # the named doers of its main verbs only ("the OECD published ...")
    finite: bool = True  # False for a title or a heading ("REPORT OF THE FINNISH PRESIDENCY"): no finite verb
    future: bool = False  # its main verb is in the future: "The incoming Chair will prepare them"
    opening: bool = False  # in the report's first two blocks, where its title stands
    mixed: str = ""  # says one thing not done and, in another clause, work done: the not-done clause (`mixed_done`)


@dataclass
class Commitment:
    record_id: str
    ref: str | None
    text: str
    plan_doc: str
    start: date | None
    end: date | None
    themes: list[str]
    lemmas: Counter = field(default_factory=Counter)
    named: set[str] = field(default_factory=set)
    objects: set[str] = field(default_factory=set)
    object_detail: set[str] = field(default_factory=set)
    titles: list[set[str]] = field(default_factory=list)
    verbs: set[str] = field(default_factory=set)  # what the commitment does, beyond filler verbs ("translate", "publish")
    why: str | None = None  # why the pipeline made it an activity ("an item of a priorities list")
    kind: str = "commitment"  # or "topic" (a priority that names nothing to do) or "lead-in" ("will focus on:")
    own_words: frozenset[str] = frozenset()  # words of its plan and of the report's opening (`mark_own_names`)
    own_acronyms: frozenset[str] = frozenset()
    own_agents: frozenset[str] = frozenset()  # doers the report names again and again
    plan_start: date | None = None  # the start of its plan's period (the documents table's)


@lru_cache(maxsize=1)
def families() -> tuple[dict[str, str], frozenset[str]]:
    """lemma -> family head, and the filler verbs (data/word_families.toml)."""
    data = tomllib.loads(FAMILIES_PATH.read_text(encoding="utf-8"))
    head_of = {}
    for head, members in data["families"].items():
        head_of[head] = head
        for m in members:
            head_of[m] = head
    return head_of, frozenset(data["filler"]["verbs"])


@lru_cache(maxsize=1)
def light_nouns() -> frozenset[str]:
    return frozenset(tomllib.loads(FAMILIES_PATH.read_text(encoding="utf-8"))["light"]["nouns"])


# Nominalisations and their verbs share a stem: comparison/compare, translation/translate,
# financing/finance. Longest suffix first; the stem keeps four letters at least.
SUFFIXES = ("ations", "ation", "itions", "ition", "isons", "ison", "ments", "ment", "ings", "ing", "ions", "ion", "ed", "es",
            "e", "s")


def stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def family(lemma: str) -> str:
    """The word family's head (data/word_families.toml), else the lemma's stem."""
    head_of = families()[0]
    return head_of[lemma] if lemma in head_of else stem(lemma)


def _is_content(t) -> bool:
    return t.is_alpha and not t.is_stop and len(t) > 2 and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")


def _lemma(t) -> str:
    """Lower-case lemma by word family; the small model lemmatises capitalised nouns as names
    ("Publication", "Trainings"), so capitalised words take the lemma of their lower-case form."""
    lemma = t.lemma_.lower()
    if t.pos_ == "PROPN" or lemma == t.text:
        lemma = t.lower_[:-1] if t.lower_.endswith("s") and not t.lower_.endswith("ss") and len(t) > 4 else t.lower_
    return family(lemma)


NAME_LABELS = ("BODY", "PROJECT", "CITY", "STATE")


def _in_name(t) -> bool:
    """A word of a registry name ("Contact" in "National Contact Points"): matched as a named thing."""
    return t.ent_type_ in NAME_LABELS


def content_lemmas(sdoc) -> Counter:
    return Counter(_lemma(t) for t in sdoc if _is_content(t) and not _in_name(t))


def _first_sentence(sdoc):
    return next(iter(sdoc.sents), sdoc[:])


# A plan item's number before its text ("1.2 Develop and pilot ...", "4.3 Organise ...", "b) hold ..."): the
# parser reads the verb after it as a name ("Develop" NNP), so the item is parsed without it. A year is no number.
ITEM_NUMBER = re.compile(r"^\s*(?:\(?\d{1,2}(?:\.\d{1,2})+\.?\)?|\(?\d{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+(?=[A-Za-z])")


def parse_text(text: str) -> str:
    """The commitment's text as it is parsed: without the item's number before it."""
    return ITEM_NUMBER.sub("", text, count=1) if rule("item_number") else text


# Verbs of deciding or meaning to do: their object is that of the work decided ("The Plenary decided to revise
# the guidelines" acts on the guidelines, not on a decision).
INTEND_VERBS = {"decide", "agree", "plan", "intend", "aim", "undertake", "propose", "hope", "want", "expect", "try",
                "begin", "start", "commit"}


def _object_head(sent):
    """The noun (or, failing one, the verb) a commitment's first sentence acts on: the object of
    its main verb, through filler verbs ("organise seminars", "support the establishment of")
    and verbs of deciding ("decided to revise the guidelines"), or the root of a nominal
    commitment ("Pilot training for staff"); an action point's verb ("EG FC to run two courses")."""
    filler = families()[1]
    root = sent.root
    objects = rule("object_parse")
    if objects and root.pos_ in ("NOUN", "PROPN"):
        # "EG FC to run two courses": a body, then "to" and the work; "Commission and publish a study": a verb
        # the parser took for a noun, joined to a verb with an object
        work = [c for c in root.children if c.pos_ == "VERB" and (
            c.dep_ in ("relcl", "acl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            or c.dep_ == "conj" and any(a.dep_ in ("dobj", "obj") for a in c.children))]
        if work and not any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
            root = work[0]
    seen = 0
    while root.pos_ in ("VERB", "AUX") and seen < 4:
        seen += 1
        objs = [c for c in root.children if c.dep_ in ("dobj", "obj", "attr", "nsubjpass")]
        if not objs:
            objs = [c for c in root.children if c.dep_ in ("xcomp", "ccomp", "conj") and c.pos_ in ("VERB", "NOUN")]
        if objs:
            nxt = objs[0]
            passing = root.lemma_.lower() in filler or objects and root.lemma_.lower() in INTEND_VERBS and nxt.dep_ == "xcomp"
            if not passing and nxt.pos_ not in ("NOUN", "PROPN") and nxt.dep_ != "conj":
                return root
            root = nxt
            continue
        return root if root.lemma_.lower() not in filler else None
    # "the establishment of national working groups": the head of a light noun is its 'of' object ("take part in
    # the launch": the part's 'in' object)
    lemma = root.lemma_.lower()
    if lemma in filler or lemma in light_nouns() or family(lemma) == "establish":
        preps, heads = (("of", "in"), [root, root.head]) if objects and lemma == "part" else (("of",), [root])
        for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in preps):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                return pobj
    return root


def action_object(sdoc) -> tuple[set[str], set[str]]:
    """(head, detail) of what the commitment acts on, as family lemmas. head: the object noun and
    its compounds ("training seminars" -> {meeting, train}); detail: its modifiers and the nouns
    of its prepositional phrases ("with the National Contact Points", "for law enforcement")."""
    head = _object_head(_first_sentence(sdoc))
    if head is None:
        return set(), set()
    if _in_name(head):
        return set(), set()
    heads = {_lemma(head)}
    filler = families()[1]
    detail = {_lemma(c) for c in head.subtree if c is not head and _is_content(c) and not _in_name(c)
              and c.lemma_.lower() not in filler and c.dep_ != "relcl"}
    return heads, detail - heads


def action_objects(sdoc) -> set[str]:
    heads, _ = action_object(sdoc)
    return heads


def titles(text: str, sdoc) -> list[set[str]]:
    """Titles a commitment names: quoted spans (two content words at least) and runs of
    Capitalised Words (small words allowed inside; three content words at least), each as its
    set of family lemmas."""
    quoted = [m.span(1) for m in QUOTED.finditer(text)]
    spans = []
    run: list = []
    for t in [*sdoc, None]:
        if t is not None and (t.text[:1].isupper() and t.i > 0 or (run and t.lower_ in TITLE_SMALL)):
            run.append(t)
            continue
        while run and run[-1].lower_ in TITLE_SMALL:
            run.pop()
        if sum(1 for w in run if w.text[:1].isupper()) >= 2:
            spans.append((run[0].idx, run[-1].idx + len(run[-1])))
        run = []
    # Names of bodies, places and states are matched as named things, not as titles.
    named = {t.i for ent in sdoc.ents if ent.label_ in ("BODY", "CITY", "STATE") for t in ent}
    out = []
    # Two capitalised words are as often a name or a heading's style ("National Coordination")
    # as a title; a quoted span of two words is a title.
    for (a, b), least in [*((q, 2) for q in quoted), *((r, 3) for r in spans)]:
        words = {_lemma(t) for t in sdoc if a <= t.idx < b and _is_content(t) and t.i not in named}
        if len(words) >= least and words not in out:
            out.append(words)
    return out


def done_cue(sdoc) -> bool:
    """The passage reports something as done: "was held", "took place", a past passive ("a
    comparison ... was presented"; pooled held-out F1 0.702 -> 0.713), or a past-tense main verb."""
    if DONE.search(sdoc.text) or PASSIVE_DONE.search(sdoc.text):
        return True
    if any(t.tag_ == "VBD" and t.dep_ in ("ROOT", "conj") for t in sdoc):
        return True
    return rule("perfect") and any(_perfect_or_now(t) for t in sdoc)


def _perfect_or_now(t) -> bool:
    """A main clause's verb in the perfect ("The Secretariat has drafted a plan", "every inspectorate had named
    one person") or in the present with "now", the state the work left ("The leaflet is now available in Arabic",
    "Fifteen municipalities now use it"): work done, told as its result."""
    if t.dep_ not in ("ROOT", "conj", "ccomp") or any(c.dep_ == "mark" for c in t.children):
        return False
    aux = {c.lower_ for c in t.children if c.dep_ == "aux"}
    if t.tag_ == "VBN" and aux & {"has", "have", "had"} and not aux & {"will", "shall", "would", "could", "should", "may", "might", "must"}:
        return True
    return t.tag_ in ("VBZ", "VBP") and not aux and any(c.dep_ == "advmod" and c.lower_ == "now" for c in t.children)


def named_things(sdoc, registry, extra: list[str] = ()) -> set[str]:
    """Projects, bodies (but the group's own), cities, states and other names a text mentions."""
    out = set()
    for ent in sdoc.ents:
        if ent.label_ in ("BODY", "PROJECT"):
            if ent.ent_id_ not in OWN_BODIES:
                out.add(f"{ent.label_.lower()}:{ent.ent_id_}")
        elif ent.label_ == "CITY":
            out.add(f"place:{ent.text.lower()}")
            out.add(f"state:{ent.ent_id_}")
        elif ent.label_ == "STATE":
            out.add(f"state:{ent.ent_id_}")
        elif ent.label_ in ("ORG", "PERSON", "GPE", "NORP") and len(ent.text) > 2:
            code = registry.state(ent.text, adjectives=True)
            out.add(f"state:{code}" if code else f"name:{ent.text.lower()}")
    for token in sdoc:  # "Latvian ministry", "Lithuanian social workers"
        code = registry.state(token.text, adjectives=True) if token.text[:1].isupper() else None
        if code:
            out.add(f"state:{code}")
    for place in extra:
        if place:
            out.add(f"place:{place.lower()}")
            hit = registry.city(place)
            if hit:
                out.add(f"state:{hit[1]}")
    return out


def action_verbs(sdoc) -> set[str]:
    """The families of the verbs (and verb-like nouns: "translation", "publication") a commitment
    acts with, filler verbs aside: "Translate the brochure into Russian and print it" -> {translate, publish}."""
    filler = families()[1]
    out = set()
    for t in sdoc:
        if t.pos_ == "VERB" and t.lemma_.lower() not in filler and not _in_name(t):
            out.add(_lemma(t))
    return out


# Nouns that name something to do ("Organisation of a seminar", "Translation of the guide"): a
# priority that has one, or a verb, is a commitment; one that has neither is a topic.
ACTION_FAMILIES = {"publish", "train", "meeting", "translate", "develop", "report", "monitor", "establish", "assess",
                   "campaign", "visit", "exchange", "guideline", "project", "survey", "study", "conference", "review"}


TITLE_HEADS = {"plan", "programme", "program", "report", "strategy", "agenda"}
# A plan's line that names the office it is the plan of, with its dates ("Norwegian Presidency, 1 January – 31
# December 2025"): a title when nothing to do is named in it.
OFFICE_HEADS = {"presidency", "chairmanship"}
# A heading put as a question ("How the Chair will work", "What we will do in 2024"): short, no comma, no stop.
WH_HEADING = re.compile(r"^\s*(?:how|what|why|where|when|who)\b[^.,;:!?]*$", re.I)
WH_HEADING_WORDS = 8


def is_title(text: str, sdoc) -> bool:
    """A plan's title or a heading read as a commitment: in capitals ("PROGRAMME OF THE FINNISH
    PRESIDENCY ..."), a quoted title alone ('"Water services for a hotter Mediterranean"'), or a
    plan-word head with nothing to do ("Programme for the health and social sector")."""
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum(ch.isupper() for ch in letters) > 0.8 * len(letters):
        return True
    stripped = text.strip()
    if stripped[:1] in "\"“‘'" and stripped[-1:] in "\"”’'":
        return True
    root = _first_sentence(sdoc).root
    head = _lemma(root)
    heads = TITLE_HEADS | OFFICE_HEADS if rule("office_title") else TITLE_HEADS
    if head not in heads and root.lemma_.lower() not in heads:
        return False
    return not (ACTION_FAMILIES - {head, root.lemma_.lower()}) & set(content_lemmas(sdoc))


# A plan's sentence about its own working, not a thing to do: "All activities are to be completed by 30 June
# unless the Task Force agrees otherwise", "The Danish authorities will bear the cost of the events they host".
PLAN_METHOD = re.compile(r"^\W*(?:(?:where|unless|if)\b[^,]*,\s*)?(?:all|the|other|these|each|any)\s+(?:other\s+)?"
                         r"(?:activit(?:y|ies)|deadlines?|costs?)\b|\b(?:bear|cover|pay)\s+the\s+costs?\b", re.I)


# A field of a plan item, on a line of its own under the item: who leads it, with whom, when, at what cost ("Lead: Working
# Group on Heat, with Nordic Energy Research", "Timeline: 2023-2025", "Period of implementation: autumn 2006 - June 2008").
FIELD_LINE = re.compile(r"^\W*(?:lead(?: partners?| body| organi[sz]ation)?|led by|responsible(?: body| bodies)?|responsibility|"
                        r"partners?|timeline|timing|time ?frame|period of implementation|deadline|budget|funding|costs?)\s*:", re.I)


def commitment_kind(c: Commitment, sdoc) -> str:
    """"lead-in" for a line that introduces a list ("The presidency will focus on:"), "topic" for
    an item of a priorities list that names nothing to do ("Children's rights", "Welfare in
    times of crisis"), else "commitment". Only prose records (those the pipeline says why it
    kept) are judged: a plan table's row is a commitment whatever its words."""
    if c.text.rstrip().endswith(":") or rule("kinds") and re.search(r"\bthe following\b", c.text, re.I):
        return "lead-in"
    if rule("kinds") and c.why and "no finite verb" in c.why and is_title(c.text, sdoc):
        return "title"
    if rule("wh_heading") and WH_HEADING.match(c.text) and len(c.text.split()) <= WH_HEADING_WORDS:
        return "title"
    if rule("field") and c.why and "no finite verb" in c.why and FIELD_LINE.match(c.text):
        return "field"  # says who, when or at what cost, not what to do
    if rule("method") and c.why and PLAN_METHOD.search(c.text):  # a prose sentence of the plan, not a table row
        return "method"
    if not c.why or "priorit" not in c.why:
        return "commitment"
    # a verb that only describes a noun ("Children fleeing the war", "children affected by") names no action
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" and t.dep_ not in ("acl", "amod", "relcl") for t in sdoc):
        return "commitment"
    if ACTION_FAMILIES & set(c.lemmas):
        return "commitment"
    return "topic"


def prepare_commitment(c: Commitment, sdoc, registry, location: str | None = None) -> None:
    """`sdoc`: the parse of `parse_text(c.text)`."""
    c.lemmas = content_lemmas(sdoc)
    c.verbs = action_verbs(sdoc)
    c.kind = commitment_kind(c, sdoc)
    c.named |= named_things(sdoc, registry, [location])
    c.objects, c.object_detail = action_object(sdoc)
    c.titles = titles(sdoc.text, sdoc)


def prepare_unit(u: Unit, sdoc, registry, location: str | None = None) -> None:
    u.lemmas = content_lemmas(sdoc)
    for t in sdoc:
        if _is_content(t) and not _in_name(t):
            u.surface.setdefault(_lemma(t), set()).add(t.text)
    u.named |= named_things(sdoc, registry, [location])
    u.done = done_cue(sdoc)
    u.mixed = mixed_done(sdoc) if u.kind in ("sentence", "event") else ""
    u.agents = agents(sdoc)
    u.lead = lead_agents(sdoc)
    u.finite = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in sdoc)
    u.future = future_tense(sdoc)


def future_tense(sdoc) -> bool:
    """A sentence's main verb is in the future ("The incoming Chair will prepare them"); a "will"
    in a clause beside it is not ("the website went online, with an area that will host ...")."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for sent in sdoc.sents for c in sent.root.children)


MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}


ORGANISING = {"organise", "organize", "arrange", "convene", "run", "hold", "launch", "chair"}


def agents(sdoc) -> set[str]:
    """Who did what a passage reports, where it is named: the proper-noun subject of a verb
    ("FRONTEX held its course") or the agent of a passive ("organised by the Chancellery of the
    Sejm"), lower case, as written; each of joined subjects apart ("the Expert Group with the
    Ministry of Social Affairs and the Agency"). Member states, places, dates and persons are not
    other bodies ("trainers from Denmark, Lithuania and Poland ran a course" is the group's own
    work), nor are words in capitals longer than an acronym (a heading's "CURRICULUM READY")."""
    out = set()
    for t in sdoc:
        if t.dep_ in ("nsubj", "pobj") and (t.dep_ == "nsubj" or t.head.lower_ == "by" and t.head.dep_ == "agent"):
            if t.dep_ == "pobj" and t.head.head.lemma_.lower() == "host":
                continue  # a member state's ministry hosts the group's meeting: the host is not the doer
            # "the conference organised by the European Commission": its organiser, marked "by:"
            organiser = t.dep_ == "pobj" and t.head.head.lemma_.lower() in ORGANISING
            if rule("by_modifier") and t.dep_ == "pobj" and not organiser and t.head.head.dep_ in ("acl", "relcl"):
                # the agent of a participle that describes a noun ("the exchange programme, proposed by the Youth Panel,
                # started in March", "a page on Poland, written by the Polish inspectorate"): it tells who proposed or
                # wrote the thing, not who did what the passage reports
                continue
            for head in [t, *t.conjuncts]:
                name = _name_words(head)
                if name:
                    out.add(("by:" if organiser else "") + " ".join(name))
    return out


def lead_agents(sdoc) -> set[str]:
    """The named doers of each sentence's main verb: its proper-noun subject, or a passive's
    agent ("In 2019 the OECD published a review ...; the Office's experts commented" -> oecd).
    A body named only in a clause beside it ("the Bureau discussed it") is not the doer of what
    the passage tells first."""
    out = set()
    for sent in sdoc.sents:
        root = sent.root
        if root.pos_ not in ("VERB", "AUX"):
            continue
        heads = [c for c in root.children if c.dep_ == "nsubj"]
        if not (rule("lead_host") and root.lemma_.lower() == "host"):  # "was hosted by the Slovenian Ombudsman": a host
            heads += [g for c in root.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        for h in heads:
            for head in [h, *h.conjuncts]:
                name = _name_words(head)
                if name:
                    out.add(" ".join(name))
    return out


# People named by what they are to a body ("representatives of DUF", "students of the University of Innsbruck",
# "the managers of the national TB programmes"): they come from it and take part in the work told; the body is not
# its doer (its organs are: "the secretariat of HELCOM", "the board of the Fund").
PEOPLE_NOUNS = {"representative", "member", "manager", "student", "staff", "expert", "delegate", "official", "officer",
                "employee", "researcher", "teacher", "volunteer", "participant", "specialist", "director", "head",
                "inspector", "trainer", "worker", "colleague", "pupil", "leader"}


def _name_words(head) -> list[str]:
    """The proper-noun words of one doer: its head, the words before it ("CBSS Task Force") and
    an 'of' name after it ("Council of Ministers"), unless the head is people of that body
    ("representatives of DUF": `PEOPLE_NOUNS`)."""
    words = [w for w in head.lefts if w.dep_ in ("compound", "amod", "poss", "nmod")] + [head]
    people = rule("people_of") and head.pos_ == "NOUN" and head.lemma_.lower() in PEOPLE_NOUNS
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of" and not people):
        words += [w for w in prep.subtree if w.dep_ in ("pobj", "compound")]
    shouting = _in_capitals(head.sent)
    return [w.lower_ for w in words if w.pos_ == "PROPN" and w.text[:1].isupper() and not (w.is_upper and shouting)
            and w.ent_type_ not in ("STATE", "CITY", "DATE", "GPE", "PERSON") and w.lower_ not in MONTHS]


def _in_capitals(sent) -> bool:
    """A heading in capitals ("CURRICULUM READY IN DRAFT"): its words are no names; an acronym in a
    sentence ("FRONTEX held its course") is."""
    words = [w for w in sent if w.is_alpha and len(w) > 2]
    return sum(1 for w in words if w.is_upper) > 0.3 * len(words) if words else False


SMALL_WORDS = TITLE_SMALL | {"'s", "’s"}


def acronyms(text: str) -> set[str]:
    """The initials of each run of Capitalised Words ("Expert Group for Cooperation on Children at
    Risk" -> "egccr"), lower case: a report's "EGCC" is the plan's Expert Group when it starts them."""
    out = set()
    for run in re.findall(r"(?:[A-Z][\w’'-]*(?:\s+(?:of|the|and|on|in|for|to|at|with)\s+|\s+|$))+", text):
        initials = "".join(w[0] for w in run.split() if w[:1].isupper())
        if len(initials) >= 3:
            out.add(initials.lower())
    return out


# A doer named only by an organ ("the Bureau", "the Working Group", "the Secretariat") is a body's
# own organ, whatever the plan called it ("Executive Board").
ORGAN_WORDS = {"bureau", "board", "secretariat", "group", "groups", "working", "wg", "unit", "office", "chair", "chairmanship",
               "presidency", "network", "members", "member", "panel", "head", "team", "staff", "coordinator"}
# A doer named first by an organ word is one of the body's own organs named by its task, whatever the topic
# words after it ("the WG Benchmarking drafted eight indicators", "Working Group on Rescue Cooperation"), or its
# president; an outside body's organ is named with the body first ("the OSCE Working Group").
ORGAN_HEADS = {"wg", "working", "bureau", "secretariat", "president", "presidency", "chair", "chairmanship", "unit"}
# A doer the report names this often is the reporting body or one of its organs, not a look-alike
# named once ("FRONTEX held its course").
RECURRING = 3


def mark_own_names(commitments: list[Commitment], units: list[Unit]) -> None:
    """Each commitment's own names: every word of its plan's commitments and of the report's
    opening (its title block names who reports), the acronyms of their capitalised names, and
    the doers the report names again and again. A passage's doer made only of these words is
    the plan's own body, not another's."""
    opening = " ".join(u.text for u in sorted(units, key=lambda u: (u.block_no is None, u.block_no or 0))[:3])
    first = sorted({u.block_no for u in units if u.block_no is not None})[:2]
    for u in units:
        u.opening = u.block_no in first
    sentences = {u.text: u for u in units if u.kind in ("sentence", "event")}.values()
    words_of = [set(re.findall(r"[\w’'-]+", u.text.lower())) for u in sentences]
    named = {a.removeprefix("by:") for u in units for a in u.agents}
    recurring = frozenset(a for a in named if sum(1 for ws in words_of if set(a.split()) - SMALL_WORDS <= ws) >= RECURRING)
    by_plan: dict[str, list[Commitment]] = {}
    for c in commitments:
        by_plan.setdefault(c.plan_doc, []).append(c)
    for plan in by_plan.values():
        text = " ".join(c.text for c in plan) + " " + opening
        words = frozenset(w.lower() for w in re.findall(r"[\w’'-]+", text))
        initials = frozenset(acronyms(text))
        for c in plan:
            c.own_words, c.own_acronyms, c.own_agents = words, initials, recurring


PARTNER = re.compile(r"\b(?:with|using|jointly with|together with|in cooperation with)\s+(?:the\s+)?"
                     r"((?:[A-Z][\w’'/-]*(?:\s+(?:of|for|and|on|the)\s+|\s+|$))+)")
# What makes a name an organisation of its own ("the World Bank", "the NASK research institute",
# "the OECD"), not the plan's network members ("the National Contact Points", "the Youth Panel").
ORG_WORDS = {"bank", "institute", "institution", "association", "organisation", "organization", "agency", "commission",
             "ministry", "university", "foundation", "administration", "unicef", "who", "ngo", "authority"}


@lru_cache(maxsize=4096)
def partners(text: str) -> tuple[frozenset[str], ...]:
    """Organisations a commitment works with or uses ("a data-sharing agreement with the World
    Bank's IBNET database", "using the OECD framework"): named in the plan, but not the plan's own
    body; their own work ("the OECD published a review") is not the commitment done. A partner is
    an organisation by an organisation word or an acronym of three capitals or more."""
    out = []
    for m in PARTNER.finditer(text):
        raw = [w.removesuffix("’s").removesuffix("'s") for w in m.group(1).split() if w[:1].isupper()]
        words = frozenset(w.lower() for w in raw) - SMALL_WORDS
        if words and (words & ORG_WORDS or any(len(w) >= 3 and w.isupper() and w.isalpha() for w in raw)):
            out.append(words)
    return tuple(out)


def is_own(agent: str, c: Commitment) -> bool:
    """A passage's doer is the plan's own body: all its words are the plan's or the report's
    opening's, an organ word, the initials of an own name, or a doer the report names again and
    again; not an organisation the commitment names as its partner."""
    words = [w for w in agent.split() if w not in SMALL_WORDS]
    if rule("partner") and words and any(set(words) <= p for p in partners(c.text)):
        return False  # an organisation the commitment works with, doing its own work
    if agent in c.own_agents:
        return True
    if len(words) == 1 and len(words[0]) >= 3 and any(a.startswith(words[0].replace("-", "")) for a in c.own_acronyms):
        return True
    if rule("organ") and words and words[0] in ORGAN_HEADS:
        return True  # the body's own organ named by its task: "the WG Benchmarking", "the President"
    # a word may be the initials of an own name: "The Senior Officials' Committee (SOC) met" -> "committee soc"
    acronyms = c.own_acronyms if rule("own_initials") else frozenset()
    return all(w in c.own_words or w in ORGAN_WORDS or w in acronyms for w in words)


def idf_table(counters: list[Counter]) -> dict[str, float]:
    df = Counter()
    for c in counters:
        df.update(set(c))
    n = len(counters)
    return {term: math.log((n + 1) / (d + 1)) + 1 for term, d in df.items()}


def cosine(a: Counter, b: Counter, idf: dict[str, float]) -> float:
    wa = {t: c * idf.get(t, 1.0) for t, c in a.items()}
    wb = {t: c * idf.get(t, 1.0) for t, c in b.items()}
    dot = sum(v * wb.get(t, 0.0) for t, v in wa.items())
    na = math.sqrt(sum(v * v for v in wa.values()))
    nb = math.sqrt(sum(v * v for v in wb.values()))
    return dot / (na * nb) if na and nb else 0.0


def coverage(a, b, idf: dict[str, float]) -> float:
    """Share of the commitment's (IDF-weighted) content words the passage also has: a long passage
    that contains the commitment is not diluted as it is under cosine."""
    total = sum(idf.get(t, 1.0) for t in a)
    return sum(idf.get(t, 1.0) for t in a if t in b) / total if total else 0.0


def mark_closest(commitments: list[Commitment], units: list[Unit], idf: dict[str, float]) -> None:
    """Each unit's highest similarity to any commitment; a calendar row that restates another commitment
    (`mark_restated`) is that commitment told again, and competes with nobody."""
    rivals = [c for c in commitments if c.kind != "restated" or not rule("restated")]
    for u in units:
        u.closest = max((cosine(c.lemmas, u.lemmas, idf) for c in rivals), default=0.0)


# A plan's calendar or programme row: a title with its date ("September 2024 | Steering Committee | Bovec").
CALENDAR_ROW = re.compile(r"\brule 'planned entry'")
# How much of a calendar row's words a sentence of its plan must hold to be the row told in full.
RESTATED_SHARE = 2 / 3


def mark_restated(commitments: list[Commitment]) -> None:
    """A plan that says "The Chair will host the 10th General Assembly of the Network in Bovec in October 2024"
    and lists "10-11 October 2024 | 10th General Assembly | Bovec" in its calendar commits to one thing, told
    twice: the row is kind "restated" (with `restates`, the commitment that tells it in full), not checked on
    its own, and does not compete with that commitment for the report's passages (`mark_closest`)."""
    if not rule("restated"):
        return
    for c in commitments:
        if c.kind != "commitment" or not c.why or not CALENDAR_ROW.search(c.why):
            continue
        words = set(c.lemmas)  # words only: names are written differently ("the Steering Committee")
        if not words:
            continue
        # the sentence that holds most of the row's words; of those, one that holds the meeting ("host", "convene"),
        # then the one with fewest words of its own
        best = max(((len(words & (theirs := set(o.lemmas))) / len(words), bool(ORGANISE.search(o.text)),
                     len(words & theirs) / len(theirs), -k)
                    for k, o in enumerate(commitments) if o is not c and o.plan_doc == c.plan_doc
                    and o.kind == "commitment" and o.lemmas and not (o.why and CALENDAR_ROW.search(o.why))),
                   default=None)
        if best is not None and best[0] >= RESTATED_SHARE:
            c.kind = "restated"
            c.restates = commitments[-best[3]].text  # type: ignore[attr-defined]


def title_match(c: Commitment, u: Unit, idf: dict[str, float]) -> float:
    """The best IDF-weighted share of one of the commitment's titles the passage repeats (0
    without titles): a title of rare words repeated is strong evidence, one of common words is not.
    Squared, so that a title repeated whole counts far more than a few of its common words
    ("children", "cooperation") that any passage of the archive has."""
    return max((coverage(t, u.lemmas, idf) ** 2 for t in c.titles), default=0.0)


def named_overlap(c: set[str], u: set[str], named_idf: dict[str, float]) -> float:
    """Share of the commitment's named things the passage names too; 0.5 (no information) when it names none."""
    if not c:
        return 0.5
    total = sum(named_idf.get(x, 1.0) for x in c)
    return sum(named_idf.get(x, 1.0) for x in c & u) / total


def date_fit(c: Commitment, u: Unit) -> float:
    """1 when the passage is dated inside or soon after the commitment's window, 0 when well
    before it, 0.25 when years after its deadline, 0.5 when either has no date. An undated
    sentence of a report speaks of the report's period ("the conference aimed to..." in a
    2011-2012 report is not a 2008 meeting)."""
    start, end = (u.start, u.end) if u.start is not None else (u.report_start, u.report_end)
    if start is None or end is None or c.start is None:
        return 0.5
    if end < c.start - timedelta(days=31):
        return 0.0
    if c.end is not None and start > c.end + timedelta(days=730):
        return 0.25  # years after the deadline: more likely a later, similar activity
    return 1.0


# A report's section on what is still to come or was not done: what it tells is no evidence.
AHEAD = re.compile(r"\b(looking ahead|look ahead|next steps?|outlook|the year ahead|future (work|plans|activities)|plans for|"
                   r"next year|could not be done|not yet (started|done)|postponed)\b", re.I)
# How long before its plan's period a passage may be dated and still tell of the plan's work
# (a plan adopted some weeks after the work began).
BEFORE_PLAN_DAYS = 92


def before_plan(c: Commitment, u: Unit) -> float:
    """1 when the passage is dated, by a date of its own, wholly before its commitment's plan
    began: an earlier year's event ("the study visit to The Hague in May 2011" for a 2013 plan)."""
    if u.start is None or u.end is None or c.plan_start is None:
        return 0.0
    if rule("before_plan_year") and not _dated_in_the_past(u.text):
        return 0.0
    return 1.0 if u.end < c.plan_start - timedelta(days=BEFORE_PLAN_DAYS) else 0.0


YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A date that tells how long a state has lasted ("pending since 2016", "Since January the Unit has had its own pages") or
# what data a thing is made of ("based on 2014 data"), not when the work told was done.
SINCE_OR_DATA = re.compile(r"\bsince\b|\b(?:19|20)\d\d(?:[-–/]\d{2,4})? (?:data|figures)\b", re.I)


@lru_cache(maxsize=20000)
def _dated_in_the_past(text: str) -> bool:
    """The passage's first date is its own and says when: it names a year (a month alone, "printed in February", takes
    its year from the report's period, which may be two years long), and not as a "since" or a data year."""
    return bool(YEAR.search(text)) and not SINCE_OR_DATA.search(text)


ORDINALS = {w: i for i, w in enumerate(("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                                         "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth"), 1)}
ORDINAL = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
                     r"fourteenth|fifteenth|(\d{1,2})(?:st|nd|rd|th))\s+([a-z]+)", re.I)


@lru_cache(maxsize=20000)
def ordinals_in(text: str) -> frozenset[tuple[int, str]]:
    """(number, the word after it): "the seventh regional performance report" -> (7, "regional")."""
    return frozenset((int(m.group(2)) if m.group(2) else ORDINALS[m.group(1).lower()], m.group(3).lower())
                     for m in ORDINAL.finditer(text))


def other_place(c: Commitment, u: Unit) -> float:
    """1 when the commitment names the city it happens in and the passage names other cities but
    not that one: "Foster parents meet in Petrozavodsk" for a seminar in Arkhangelsk."""
    mine = {x for x in c.named if x.startswith("place:")}
    theirs = {x for x in u.named if x.startswith("place:")}
    return 1.0 if mine and theirs and not mine & theirs else 0.0


def other_edition(c: Commitment, u: Unit) -> float:
    """1 when the passage names another number of the same thing ("the sixth regional performance
    report" for "the seventh regional performance report"; "the 11th General Assembly" for the 10th)."""
    co, uo = ordinals_in(c.text), ordinals_in(u.text)
    if not co or not uo or co & uo:
        return 0.0
    return 1.0 if {w for _, w in co} & {w for _, w in uo} else 0.0


# How near (in characters) to the words that say "not done" the commitment's object must stand.
UNDONE_WINDOW = 30


# A clause set between commas just before the words that say not done: it stands between them and their subject.
INSERTION = re.compile(r",[^,;:]{3,120},\s*$")


def object_undone(c: Commitment, u: Unit) -> float:
    """1 when the passage says of the commitment's object itself that it was not done: the object,
    as written, within the not-done words or beside them ("No staff exchanges took place"; not
    "the working group of Focal Points did not begin its work on guidelines" for a list of Focal Points)."""
    cue = not_done_cue(u.text)
    if cue is None or not c.objects:
        return 0.0
    # the object as the commitment writes it ("exchanges"), not another of its word family ("seminar" for "conference")
    words = {w.lower() for o in c.objects for w in u.surface.get(o, ()) if w.lower()[: max(4, len(w) - 2)] in c.text.lower()}
    after = u.text[cue.start(): cue.end() + UNDONE_WINDOW].lower()  # "No staff exchanges took place", "cancelled the seminar"
    if any(re.search(rf"\b{re.escape(w)}\b", after) for w in words):
        return 1.0
    # the subject just before: "the summer school was cancelled", not "the group of Focal Points did not begin"
    head = u.text[: cue.start()]
    if rule("insertion"):  # "The summer camp, which Pärnu hosted in July 2017, did not take place": past the insertion
        head = INSERTION.sub(" ", head)
    before = re.findall(r"[\w'’-]+", head.lower())[-4:]
    for k, w in enumerate(before):
        if w in words:
            return 0.0 if "of" in before[:k] else 1.0
    return 0.0


# "not yet": what is still pending, beside what was done, is the work begun ("A draft roadmap was discussed
# ..., but it has not yet been agreed"), not the work undone ("it has not been published").
UNFINISHED = re.compile(r"\bnot yet\b|\b(has|have) yet to\b", re.I)


def part_done(c: Commitment, u: Unit) -> bool:
    """The passage tells of work done in part (`mixed_done`), and what it says was not done is not
    the commitment's object itself ("The conference was not held, but the report was published" for
    a conference): evidence at most partly, not a veto."""
    clause = getattr(u, "mixed", "") if rule("mixed") else ""
    if not clause or object_undone(c, u):
        return False
    # what is said not done is the commitment's own action or object, in any of its word forms: "it has not
    # been published" for "Publish a child-friendly version ...", "The seminar ... was not held, and the funds
    # were returned"; but what is "not yet" done is work begun ("The migration of the website ... is not yet
    # complete: the news pages went live")
    # ; and what is planned after work done is the rest of the work begun ("Training of trainers took place in three
    # countries; courses in the others are planned for 2017", "The volume has been edited; it will be published in 2026")
    planned = rule("planned_part") and not not_done_cue(clause) and PLANNED_AGAIN.search(clause)
    heads = set() if UNFINISHED.search(clause) or planned else c.verbs | c.objects
    own = {w.lower() for f in heads for w in u.surface.get(f, ())}
    return not any(re.search(rf"\b{re.escape(w)}\b", clause.lower()) for w in own)


def features(c: Commitment, u: Unit, idf: dict[str, float], named_idf: dict[str, float]) -> dict[str, float]:
    return {
        "lexical": cosine(c.lemmas, u.lemmas, idf),
        "coverage": coverage(c.lemmas, u.lemmas, idf),
        "object": (1.0 if c.objects & set(u.lemmas) else 0.0) if c.objects else 0.0,
        "object_detail": coverage(c.object_detail, u.lemmas, idf) if c.object_detail else 0.0,
        "title": title_match(c, u, idf),
        "named": named_overlap(c.named, u.named, named_idf),
        "date_fit": date_fit(c, u),
        "done": 1.0 if u.done else 0.0,
        "not_done": 0.0 if part_done(c, u) else 1.0 if not_done_cue(u.text) else 0.0,
        "in_progress": 1.0 if IN_PROGRESS.search(u.text) else 0.0,
        "part_done": 1.0 if part_done(c, u) else 0.0,  # at most partly (checking/run.py: assess), not a veto
        # Plans repeat themselves ("training seminars for police", "seminars on care"): a passage
        # is evidence first for the commitment it is closest to.
        "outranked": 1.0 if cosine(c.lemmas, u.lemmas, idf) < u.closest - OUTRANK_MARGIN else 0.0,
        # the same action: the commitment's own verbs ("translate", "publish"), not only its object
        "action": (1.0 if c.verbs & set(u.lemmas) else 0.0) if c.verbs else 0.5,
        "planned_again": 1.0 if PLANNED_AGAIN.search(u.text) else 0.0,
        "other_actor": other_actor(c, u),
        # veto cues only (see `vetoed`), not features of the model
        "own_activity": 1.0 if OWN_ACTIVITY.search(u.text) else 0.0,
        "attended_only": 1.0 if (ORGANISE.search(c.text) or rule("run") and RUN_EVENT.search(c.text)) and (ATTENDED.search(u.text) or rule("spoke") and SPOKE.search(u.text)) else 0.0,
        "object_undone": object_undone(c, u),
        "other_place": other_place(c, u) if rule("city") else 0.0,
        "position": 1.0 if rule("position") and u.kind in ("sentence", "event") and POSITION.search(u.text) else 0.0,
        "other_edition": other_edition(c, u) if rule("edition") else 0.0,
        "unsigned": unsigned(c, u),
        # a paragraph or a section: its words come from several sentences, so its coverage says less than a sentence's
        "block": 1.0 if rule("block_feature") and u.kind in ("paragraph", "section") else 0.0,
        # a report's future tense in a sentence: "The Lithuanian Chairmanship will inherit ..."
        "will": 1.0 if rule("will") and u.kind in ("sentence", "event") and getattr(u, "future", False) else 0.0,
        # planned for a year after the report's ("is to be set up in 2024", in a 2023 report), whatever is under way
        # ("a call for candidates is being prepared"); "a draft was discussed, publication is planned for autumn" of
        # the report's own year stays begun
        "planned_later": 1.0 if (rule("later") and u.start is not None and u.report_end is not None
                                 and u.start.year > u.report_end.year and PLANNED_AGAIN.search(u.text)) else 0.0,
        # the report's title ("REPORT OF THE FINNISH PRESIDENCY ..."): in its opening, no finite verb
        "title_line": 1.0 if rule("title") and getattr(u, "opening", False) and not getattr(u, "finite", True) else 0.0,
        "before_plan": before_plan(c, u),
        "ahead": 1.0 if u.section and AHEAD.search(u.section) else 0.0,
    }


# To sign or conclude an agreement is one act, done or not: talks about it ("exploratory talks on the exchange of
# information", "our talks on a memorandum went well"), or the intention to conclude it, are not it.
DECISIVE_VERBS = {"sign", "conclude"}
DECISIVE_DONE = re.compile(r"\b(signed|signature|signing|concluded)\b", re.I)


def unsigned(c: Commitment, u: Unit) -> float:
    """1 when the commitment is to sign or conclude something and the passage does not tell of it signed or
    concluded."""
    if not rule("decisive") or not c.verbs & {family(v) for v in DECISIVE_VERBS}:
        return 0.0
    return 0.0 if DECISIVE_DONE.search(u.text) else 1.0


def other_actor(c: Commitment, u: Unit) -> float:
    """1 when the passage names who did it and that is nobody of the plan's own (see
    `mark_own_names`): "FRONTEX held its course for border guards" is not the group's training
    course; "The EGCC convened in Riga" is the Expert Group's meeting."""
    agents = {a.removeprefix("by:") for a in u.agents}
    if not c.own_words:  # own names not marked: the commitment's text only
        text = c.text.lower()
        names = {a for a in agents if not any(w in text for w in a.split() if len(w) > 3)}
    else:
        names = {a for a in agents if not is_own(a, c)}
        # another body organised it, whoever of ours took part: "attended the conference organised by the Commission"
        if any(not is_own(a[3:], c) for a in u.agents if a.startswith("by:")):
            return 1.0
    if rule("lead") and u.lead and c.own_words and not any(is_own(a, c) for a in u.lead):
        return 1.0  # the main verb's doer is another body: "the Slovenian Administration ... held the national exercise"
    return 1.0 if names and len(names) == len(agents) else 0.0


# How much of a block's shared words (IDF coverage) its closest sentence must carry for its veto to be the block's.
BLOCK_SHARE = 0.5


def mark_parts(units: list[Unit]) -> None:
    """Each paragraph or section unit's parts: the indices of the sentences and events of the report that
    it holds (their text within its own, from its first block on)."""
    for u in units:
        if u.kind in ("paragraph", "section"):
            u.parts = tuple(k for k, v in enumerate(units) if v.kind in ("sentence", "event") and v.block_no is not None
                            and u.block_no is not None and v.block_no >= u.block_no and v.text.strip() in u.text)


def unit_rows(c: Commitment, units: list[Unit], idf: dict[str, float], named_idf: dict[str, float]) -> list[dict[str, float]]:
    """The features of every passage for one commitment. A paragraph or a section says many things; what it
    says of the commitment is in its sentence closest in words to it (IDF coverage): when that sentence carries half
    the block's shared words or more and may not evidence it (another body's study, a meeting postponed, a plan for next year), neither may the block, however
    many of the commitment's words its other sentences add ("5. Return In 2007 the IOM published a study ... The
    Group discussed ...")."""
    rows = [features(c, u, idf, named_idf) for u in units]
    if not rule("block"):
        return rows
    if any(u.kind in ("paragraph", "section") and not hasattr(u, "parts") for u in units):
        mark_parts(units)  # inputs built before parts were marked
    for u, f in zip(units, rows):
        parts = getattr(u, "parts", ())
        if parts:
            closest = max(parts, key=lambda k: (rows[k]["coverage"], -k))
            # the sentence carries at least half of the words the block shares with the commitment; else the block
            # tells it in other words, heading and sentences together ("How we met: ... Groningen ... an assessment")
            f["block_veto"] = 1.0 if vetoed(rows[closest]) and rows[closest]["coverage"] >= BLOCK_SHARE * f["coverage"] else 0.0
    return rows


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> dict:
    return json.loads(Path(path or MODEL_PATH).read_text())


def linear(feats: dict[str, float], model: dict) -> float:
    return model["bias"] + sum(model["weights"].get(k, 0.0) * feats[k] for k in FEATURES)


FEATURE_WORDS = {"lexical": "similar words", "coverage": "its words covered", "object": "its object", "object_detail": "its object's details",
                 "title": "its title", "named": "its names", "date_fit": "date fits", "done": "told as done", "action": "its action",
                 "outranked": "closer to another commitment"}


def strongest(feats: dict[str, float], model: dict, n: int = 3) -> str:
    """The features that weigh most in a passage's score, in words, with their values:
    "its words covered 0.79, its object 1.00, its names 1.00"."""
    parts = sorted(((model["weights"].get(k, 0.0) * feats[k], k) for k in FEATURES), reverse=True)
    return ", ".join(f"{FEATURE_WORDS.get(k, k)} {feats[k]:.2f}" for v, k in parts[:n] if v > 0)


def vetoed(feats: dict[str, float]) -> bool:
    """A passage that says the thing was not done, is only planned again, or was another body's
    own activity evidences nothing, however close its words (precision first: a secretariat
    signs what the report shows done)."""
    # "a draft was discussed, and publication is planned for autumn": begun, so partly, not vetoed.
    # Taking part in someone's event does not evidence organising one.
    # (A veto on passages dated before the commitment's time was tried: held-out F1 0.642 -> 0.612.)
    # A passage whose doer is a body the plan does not name is that body's work ("FRONTEX held its
    # course for border guards"): a veto raised the pooled held-out F1 0.694 -> 0.712, precision
    # 0.697 -> 0.755, where as a fitted feature it stayed near nought weight.
    return bool(feats["not_done"] or feats["planned_again"] and not (feats["in_progress"] or feats.get("part_done"))
                or feats["own_activity"]
                or feats["attended_only"] or feats["other_actor"] or feats.get("before_plan")
                or feats.get("ahead") or feats.get("other_edition")
                or feats.get("will") and not (feats["in_progress"] or feats.get("part_done") and rule("planned_part")) or feats.get("planned_later") and not feats.get("part_done") or feats.get("title_line")
                or feats.get("other_place") or feats.get("position") or feats.get("block_veto") or feats.get("unsigned"))


# How much more of the commitment's words (IDF-weighted coverage) the passage that says it was
# not done must share than any passage that may evidence it.
NOT_DONE_MARGIN = 0.1


def said_not_done(rows: list[dict[str, float]], units: list[Unit]) -> int | None:
    """The index of the passage that says the commitment was not done ("postponed to 2014",
    "cancelled for lack of funding") when it is closer in words to the commitment than any
    passage that may evidence it: the report tells of this very commitment, undone, so another
    passage alike in words is a look-alike. None otherwise. Only a sentence or an event says
    so: in a paragraph or a section, "postponed" may be said of another item beside it."""
    def near(f):  # its words covered, doubled when it says the commitment's object itself was not done
        # ("No staff exchanges took place" for "Organise two staff exchanges between member regulators")
        return f["coverage"] * (2.0 if f.get("object_undone") and rule("said_object") else 1.0)

    said = [(near(f), i) for i, (f, u) in enumerate(zip(rows, units)) if f["not_done"] and u.kind in ("sentence", "event")]
    if not said:
        return None
    best_said, i = max(said)
    best_ok = max((near(f) for f in rows if not vetoed(f)), default=0.0)
    return i if best_said > best_ok + NOT_DONE_MARGIN else None


def score(feats: dict[str, float], model: dict | None = None) -> float:
    z = linear(feats, model or load_model())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def shared_terms(c: Commitment, u: Unit) -> list[str]:
    """The passage's words (as written) that share a word family with the commitment's."""
    return sorted({w for lemma in set(c.lemmas) & set(u.lemmas) for w in u.surface.get(lemma, {lemma})})


def missing_terms(c: Commitment, u: Unit) -> list[str]:
    """The commitment's content words (as their family) the passage does not have: what a
    partly evidenced commitment still lacks ("Russian", "print")."""
    return sorted(set(c.lemmas) - set(u.lemmas))


def status_for(best: float, deadline: date | None, report_end: date | None, model: dict | None = None) -> str:
    model = model or load_model()
    if best >= model["thresholds"]["evidenced"]:
        return "evidenced"
    if best >= model["thresholds"]["partly"]:
        return "partly evidenced"
    if deadline is not None and report_end is not None and deadline < report_end:
        return "overdue"
    return "no evidence"
