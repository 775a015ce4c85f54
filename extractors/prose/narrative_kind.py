"""Is a prose unit an event, an activity, or nothing? (records.md, "Narrative documents")

Two opinions are combined, as the field does it:
- rules over spaCy's parse, which carry most of the decision and say why: the main verb's
  tense and voice ("was held", "met", "will oversee", "is organising"), whether it is a verb of
  holding or deciding, the subject (a body, or "the meeting" that only elaborates an event
  already told), the unit's own date and place, the unit's position (an item of a priorities
  list, after a lead-in);
- a trained text classifier (`extractors/prose/narrative_model.py`, spaCy textcat on sentences written
  for the purpose), which decides where the rules have no opinion and can veto a weak rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.time.dates import scan_atoms, tidy_ordinals
from extractors.time.project_months import PROJECT_MONTH
from extractors.prose.narrative import Unit

# Verbs that make something happen or decide something: a meeting held, a plan adopted.
EVENT_VERBS = {
    "hold", "organise", "organize", "co-organise", "co-organize", "convene", "meet", "host", "launch", "adopt",
    "decide", "arrange", "conduct", "sign", "publish", "approve", "endorse", "elect", "appoint", "propose",
    "establish", "start", "begin", "initiate", "open", "visit", "underline", "note", "welcome", "stress",
    "recommend", "agree", "invite", "celebrate", "present", "release", "inaugurate", "set", "found", "create",
    "run", "take", "attend", "participate", "follow", "train", "complete", "finish", "finalise", "finalize", "submit",
    "commission", "introduce", "elaborate", "identify", "discuss", "sponsor", "realise", "realize", "carry",
    "ratify", "deliver",
}
# Of those, the verbs that on their own say an event happened; the rest need a date, a place or a body.
STRONG_EVENT_VERBS = {"hold", "organise", "organize", "co-organise", "co-organize", "convene", "meet", "host", "launch",
                      "adopt", "decide", "sign", "publish", "approve", "endorse", "inaugurate", "celebrate", "conduct"}
# Verbs that tell what happened inside a meeting: not records of their own without a date.
CONTENT_VERBS = {"discuss", "present", "elaborate", "identify", "follow", "note", "introduce", "participate", "attend",
                 "take", "set", "run", "start", "begin", "visit", "open", "complete", "finish", "train", "invite"}
EVENT_NOUNS = re.compile(
    r"\b(meetings?|conferences?|seminars?|summits?|workshops?|trainings?|training courses?|visits?|sessions?|"
    r"round ?tables?|consultations?|forums?|fora|symposi(?:um|a)|hearings?|launch(?:es)?|study visits?|"
    r"congress(?:es)?|expert meetings?|webinars?|ceremon(?:y|ies)|campaigns?|events?|festivals?)\b", re.I)
WORK_VERBS_ONGOING = {"organise", "organize", "prepare", "develop", "plan", "map", "implement", "coordinate",
                      "establish", "set", "launch", "focus", "work", "build", "draft", "conduct", "run", "carry",
                      "support", "finalise", "finalize", "arrange", "host", "compile", "update", "revise", "design"}
ANAPHORIC = re.compile(r"^(it|they|this|these|that|those|he|she|there|we|the (?:meeting|conference|seminar|event|"
                       r"workshop|training|session|project|study|report|meetings|conferences|visit|programme|group|"
                       r"participants|discussion|discussions|two|originators|representatives|members)|"
                       r"this (?:\w+)|these (?:\w+))\b", re.I)
NOMINAL_EVENT_START = re.compile(r"^(?:[\w’'-]+\s){0,4}?(meeting|conference|seminar|workshop|training|visit|summit|"
                                 r"consultation|round ?table|session|forum|launch|expert meeting|study visit|"
                                 r"webinar|hearing|symposium)\b", re.I)
# A quotation: the sentence opens in quotation marks, or quotes and names its speaker
# (a title in quotation marks opens a sentence too: '"Children in the Streets" was held in Tallinn')
SPEECH = r"(?:said|says|stressed|noted|added|underlined|explained|told|according to)\b"
QUOTED = re.compile(rf"^\s*[\"“„«][^\"”»]{{20,}}[\"”»]\s*(?:$|[,–-]?\s*{SPEECH})|[,.!?…][\"”»]\s*[,–-]?\s*{SPEECH}", re.I)
# "No ministerial meeting was held", "The conference ... was cancelled", "could not take place"
NOT_HAPPENED = re.compile(r"^\s*no\s+(?:[\w-]+\s+){0,4}(?:was|were|has been|have been)\s+(?:held|organi[sz]ed|adopted)\b|"
                          r"\b(?:was|were|has been|have been|had to be)\s+(?:cancell?ed|called off)\b|"
                          r"\b(?:did|could|will) not take place\b", re.I)
# "Mr Matti Salo, Director of Social Services", "Ms Tiina Mäkelä, secretary": who, with no verb
PERSON_LINE = re.compile(r"^(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+[A-ZÀ-Ž][\w’'-]+(?:\s+[A-ZÀ-Ž][\w’'-]+){0,2}\s*(?:,|\()"
                         r"(?![^.]*\b(?:opened|chaired|welcomed|presented|reported|said|stressed|informed|will|was|were|"
                         r"has|had)\b)")
# Who holds the chair and when it changes hands: "Lithuania held the presidency from 1 July 2020",
# "Finland will take over the chairmanship from Sweden", "The Danish chairmanship will begin on 1 July"
ROTATION = re.compile(r"\b(?:held|holds?|holding|takes? over|taking over|took over|hand(?:s|ed)? over|handing over|"
                      r"assume[sd]?)\s+(?:the\s+|its\s+|[A-Z][\w’'-]*\s+){0,2}(?:presidency|chairmanship|chair)\b|"
                      r"^\W*(?:the\s+)?(?:[\w’'-]+\s+){0,2}(?:presidency|chairmanship)\b[^.;]{0,30}?\b(?:begins?|began|"
                      r"will begin|ends?|ended|will end|starts?|started|will start|pass(?:es|ed)|hand(?:s|ed)? over)\b", re.I)
# "At the end of the meeting Iceland assumed the chairmanship": the meeting only says when the chair
# changed hands; a rotation told with an event of its own ("began with a conference") is that event
WHEN_AT_MEETING = re.compile(r"\b(?:at|during|after|before)\s+(?:the\s+(?:end|close|start|opening)\s+of\s+)?"
                             r"(?:the|its|their|this)\s+(?:[\w’'-]+\s+)?(?:meeting|session|summit)\b", re.I)
# "Action plan approved by Government, Dec. 2001", "Agreement signed in Vilnius, 15 October": a
# fragment that tells a thing done, with its date or place (slides, timelines, results lists)
DONE_PARTICIPLE = re.compile(r"\b(launched|held|organi[sz]ed|adopted|published|approved|signed|set up|established|"
                             r"founded|opened|issued|completed|finali[sz]ed|ratified|dismantled|introduced|"
                             r"carried out|conducted|presented|created|started|submitted|delivered)\b", re.I)
FUTURE_CUES = re.compile(r"\b(will|shall|(?:is|are) to (?=[a-z]+\b)(?!\.)|plans? to|planned to|intends? to|is going to|are going to|"
                         r"aims? to|is expected to|are expected to|is scheduled|are scheduled|is planned|are planned|"
                         r"is foreseen|are foreseen|upcoming|forthcoming)\b", re.I)
# A line of an event's programme: a clock time, maybe a span of them, then the session
# ("09:30 Welcome by the Minister", "14.00-15.30 Workshops"); "14.10.2022 ..." is a date, not a time.
# With a dot, only a time of the working day on the quarter hour: "2.12 Publish ..." is an outline number.
PROGRAMME_SLOT = re.compile(r"^\s*(?:\d{1,2}:\d{2}|(?:0?[7-9]|1\d|2[0-2])\.(?:00|15|30|45))(?![.:/]?\d)"
                            r"(?:\s*[-–]\s*\d{1,2}[:.]\d{2}(?![.:/]?\d))?(?:\s|$)")
# The title of an announcement page ("Save the date: PROMISE conference, Vilnius, 12-13 November
# 2019"): the event is told in the page's own sentences, once.
ANNOUNCEMENT_TITLE = re.compile(r"^\W*(save the date|call for (?:papers|proposals|applications|participants|"
                                r"abstracts|nominations)|invitation\b|announcement\b|registration (?:is )?open)", re.I)
DEBRIS = re.compile(r"^(read more|share|print|download|click|see also|similar presentations|presentation|photo|"
                    r"image|source|copyright|©|tags?:|posted|session [ivx\d]+:|key ?note|welcome and)", re.I)
ELABORATING_PASSIVE = {"host", "organise", "organize", "open", "chair", "moderate", "support", "fund", "attend",
                       "finance", "sponsor", "co-organise", "co-organize", "facilitate"}
# Of those, the ones whose agents are the event's own actors (hosts, organisers, funders).
ELABORATION_ACTORS = {"host", "organise", "organize", "support", "fund", "finance", "sponsor", "co-organise", "co-organize"}


@dataclass
class Decision:
    kind: str | None  # "event", "activity" or None
    reasons: list[str] = field(default_factory=list)
    rule: str = ""
    model_scores: dict[str, float] = field(default_factory=dict)
    elaborates: bool = False  # "The meeting was hosted by ...": adds to the event before it

    def explain(self) -> str:
        parts = [f"{self.kind or 'no record'} by rule {self.rule!r}"] + self.reasons
        if self.model_scores:
            parts.append("classifier " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(self.model_scores.items())))
        return "; ".join(parts)


BODY_NOUNS = re.compile(r"\b(presidency|chairmanship|ministry|ministers?|secretariat|council|committee|group|unit|"
                        r"network|task force|government|agency|office|commission|members?|partners?|we)\b", re.I)
TREND_VERBS = {"remain", "continue", "increase", "grow", "rise", "fall", "decline", "decrease", "feel", "become",
               "keep", "stay", "persist", "double", "benefit", "face", "suffer", "worsen", "improve", "change", "last"}


def _prediction(root) -> bool:
    """"The number of children arriving alone will remain high", "Pressures will increase": a trend
    or forecast about things, not work a body will do (GUIDELINES rule 11)."""
    subj = _subject(root)
    expected = next((c for c in root.children if c.dep_ == "xcomp"), None) if root.lemma_.lower() == "expect" \
        and _passive(root) else None
    if expected is not None:  # "Shipping is expected to grow strongly": the forecast is the verb it expects
        root = expected
    if subj is None or root.lemma_.lower() not in TREND_VERBS or any(c.dep_ == "dobj" for c in root.children):
        return False  # "The presidency will increase support to NGOs": an object done to is work
    if expected is not None:  # a forecast's subject is its head: "Shipping in the Baltic Sea" is shipping
        head_named = subj.pos_ == "PROPN" or subj.ent_type_ in ("BODY", "ORG", "PERSON", "STATE", "NORP", "GPE")
        return not (head_named or BODY_NOUNS.search(subj.text))
    if _is_body(subj) or BODY_NOUNS.search(_subject_text(subj)):
        return False
    return True


def _decided_work(verbs):
    """The clause a decision verb governs when it is work to be done: a to-infinitive ("decided to
    hold ...") or a clause with will/would ("decided that ... will take place"); else None."""
    for verb in verbs:
        if verb.lemma_.lower() not in ("decide", "agree"):
            continue
        for child in verb.children:
            if child.dep_ == "xcomp" and any(c.lower_ == "to" for c in child.children):
                if any(c.dep_ == "neg" for c in child.children):
                    continue  # "decided not to pursue the joint procurement": nothing to do
                return child
            if child.dep_ in ("ccomp", "csubj", "csubjpass") and any(
                    t.lower_ in ("will", "would", "shall") for t in child.subtree):
                return child
    return None


# Verbs by which a body gives another a task ("asked the Working Group to give priority to ...",
# "tasked the Committee of Senior Officials to prepare ..."): the task is work to be done, even
# told in the past; not an invitation to come to something ("invited experts to attend ...").
DIRECTIVE_VERBS = {"ask", "request", "task", "instruct", "invite", "call", "urge", "encourage", "mandate",
                   "commission", "charge", "entrust", "direct"}
ATTENDANCE_VERBS = {"attend", "participate", "join", "take", "speak", "present", "introduce", "visit", "come"}


def _directed_task(verbs):
    """The to-infinitive a directive verb governs ("asked X to prepare"), or None."""
    for verb in verbs:
        if verb.lemma_.lower() not in DIRECTIVE_VERBS:
            continue
        for child in verb.children:
            if child.dep_ in ("xcomp", "ccomp", "advcl") and child.pos_ == "VERB" \
                    and any(c.lower_ == "to" and c.dep_ == "aux" for c in child.children):
                return None if child.lemma_.lower() in ATTENDANCE_VERBS else child
    return None


def action_point_doer(sdoc) -> str | None:
    """Minutes' action point, with no finite verb: a body, then "to" and what it is to do ("The
    Secretariat to prepare a draft Strategy by June 2020", "EG FC to run two courses in 2020",
    "Members to send their figures ..."). The doer, or None: "Measures to protect children" names
    no body, "Visit to Riga" nothing to do."""
    words = [t for t in sdoc if not t.is_space]
    to = next((k for k, t in enumerate(words[:9]) if t.lower_ == "to"), None)
    if to is None or to == 0 or to + 1 >= len(words) or words[to + 1].tag_ != "VB":
        return None
    doer = words[:to]
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN",) for t in doer) or any(t.is_punct for t in doer):
        return None
    text = " ".join(t.text for t in doer)
    named = any(t.pos_ == "PROPN" or t.ent_type_ in ("BODY", "ORG", "STATE", "GPE", "NORP") for t in doer)
    return text if named or BODY_NOUNS.search(text) or re.search(r"\bchair\b", text, re.I) else None


def _outside(sdoc, clause) -> str:
    """The sentence without a clause: where the decision's own date would stand."""
    inside = {t.i for t in clause.subtree}
    return " ".join(t.text for t in sdoc if t.i not in inside)


def _placed_outside(sdoc, clause) -> bool:
    """Does the sentence say where the decision was taken, outside the work decided ("The ministers
    decided in Kalmar to ...", "In Warsaw the group agreed to ...")? Then the deciding is a happening
    of its own, told like a meeting (GUIDELINES rule 10 takes a decision without date or place as work)."""
    inside = {t.i for t in clause.subtree}
    return any(ent.label_ == "CITY" and ent.start not in inside for ent in sdoc.ents)


def _main_verb(sdoc):
    root = next((t for t in sdoc if t.dep_ == "ROOT"), None)
    if root is None:
        return None
    if root.pos_ not in ("VERB", "AUX"):
        verb = next((t for t in root.children if t.pos_ == "VERB" and t.dep_ in ("relcl", "acl", "ccomp", "conj")), None)
        return verb if verb is not None and root.pos_ in ("NOUN", "PROPN") and verb.dep_ == "acl" else root
    return root


# What a call asks its readers to do: apply, register, submit ... ("invites NGOs to apply for support")
CALL_VERBS = {"apply", "register", "submit", "send", "nominate", "propose", "attend", "join", "enrol", "enroll"}


def _call_to(verb) -> bool:
    """An active "X invites Y to <apply/register/...>": a call whose work is to come."""
    subject = _subject(verb)
    if subject is None or subject.dep_ != "nsubj":
        return False
    to_do = any(c.dep_ in ("xcomp", "advcl", "ccomp") and c.lemma_.lower() in CALL_VERBS for c in verb.children)
    to_event = any(c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(
        EVENT_NOUNS.search(o.text) for o in c.children if o.dep_ == "pobj") for c in verb.children)
    return to_do or to_event  # "... invites professionals to a seminar in Arkhangelsk"


# "The Meeting is invited to adopt ...", "Member states are encouraged to appoint ...", "It is
# recommended that the Unit seek ...", "The evaluation recommends that the Ministry publish ...",
# "The Secretariat should transfer ...": a call on a body to do work, in the present (an agenda's
# decision requested, an evaluation's recommendation) is work to be done (GUIDELINES rules 16-17).
# Told in the past ("were invited to", "recommended") it is what happened; "should" of things, in
# the passive or in a subordinate clause ("Applications should be sent", "how a contact point
# should act") is no call.
CALLED_ON = {"invite", "encourage", "urge", "request", "ask", "call"}
# "is invited to take note of", "are kindly asked to confirm participation": noting and a meeting's
# logistics, no work
ONLY_NOTING = {"note", "take", "notice", "acknowledge", "elect", "confirm", "register", "book", "reply", "respond"}


# "Recommendation 4: develop a common form ...", "Recommendation 1: IOM should extend ...": a numbered
# recommendation whose words are a call; not a management response ("Recommendation 1: Accepted.")
# nor a title over its grounds ("Recommendation 2: Foster care – Foster care is still rare ...")
RECOMMENDATION_LABEL = re.compile(r"^\W*recommendation\s+\d{1,2}\s*[:.]\s+", re.I)
# an item under "The evaluation recommends that UNICEF:", "We call on the member states to:": the
# recommended or called-for work, whatever its verb's form (GUIDELINES rule 16)
CALL_LEAD_IN = re.compile(r"\brecommend(?:s|ed|ations?)?\b|\bcall(?:s|ed)?\s+(?:up)?on\b|\burge[sd]?\b|"
                          r"\bencourage[sd]?\b|\binvite[sd]?\b", re.I)


def _labelled_recommendation(sdoc, text: str) -> bool:
    label = RECOMMENDATION_LABEL.match(text)
    if label is None or re.search(r"\s[–—-]\s", text[label.end():]):
        return False
    words = [t for t in sdoc if t.idx >= label.end()]
    if words and words[0].tag_ == "VB":  # "develop a common form": the call in the imperative
        return True
    return any(t.lower_ == "should" and t.head.pos_ == "VERB" and t.head.lemma_.lower() != "be"
               and not _passive(t.head) for t in words)


def called_to_work(sdoc, root) -> str | None:
    """The words of a present-tense call on a body to do something, or None."""
    if _labelled_recommendation(sdoc, sdoc.text):
        return "a numbered recommendation"
    for verb in sdoc:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or _tense(verb) != "present":
            continue
        if lemma in CALLED_ON and _passive(verb):
            task = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"), None)
            if task is not None and task.lemma_.lower() not in ONLY_NOTING:
                return f"{verb.text} to {task.text}"
        if lemma == "recommend" and (_passive(verb) or any(c.dep_ == "ccomp" for c in verb.children)):
            return verb.text
    if root is not None and root.pos_ == "VERB" and root.lemma_.lower() != "be" and not _passive(root) \
            and any(c.dep_ == "aux" and c.lower_ == "should" for c in root.children):
        subject = _subject(root)
        if subject is not None and subject.pos_ != "PRON" and (
                subject.pos_ == "PROPN" or subject.ent_type_ or BODY_NOUNS.search(_subject_text(subject))):
            return f"should {root.text}"
    return None


def _verbs(root) -> list:
    """The main verb and the verbs it is coordinated with ("met ... and agreed")."""
    return [root] + [t for t in root.conjuncts if t.pos_ in ("VERB", "AUX")]


def _tense(verb) -> str:
    """past | perfect | future | progressive | present | none, read from the verb and its auxiliaries."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_lower = {a.lower_ for a in aux}
    if aux_lower & {"will", "shall", "'ll"}:
        return "future"
    if aux_lower & {"has", "have", "had"}:
        return "perfect"
    if verb.tag_ == "VBG" and aux_lower & {"is", "are", "am"}:
        return "progressive"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and aux_lower & {"was", "were"}):
        return "past"
    if verb.tag_ == "VBN" and not aux:
        return "participle"
    if verb.tag_ in ("VBZ", "VBP") or aux_lower & {"is", "are", "am"}:
        return "present"
    return "none"


def _subject(verb):
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "expl"):
            return c
    if verb.dep_ == "conj":
        return _subject(verb.head)
    return None


def _subject_text(subj) -> str:
    return " ".join(t.text for t in subj.subtree) if subj is not None else ""


def _is_body(subj) -> bool:
    if subj is None:
        return False
    ents = [e for e in subj.doc.ents if e.start >= subj.left_edge.i and e.end <= subj.right_edge.i + 1]
    return any(e.label_ in ("BODY", "ORG", "PERSON", "STATE", "NORP", "GPE") for e in ents) or (
        subj.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in subj.subtree))


def _slide_done(unit: Unit, root) -> bool:
    """A slide's telegraphic line telling a thing done, without its "was": "Working group on sham
    marriages set up", "Children's Unit opened in the Secretariat" (not under a heading of plans)."""
    if unit.slide is None or unit.shape != "item" or unit.planned or root is None \
            or root.tag_ not in ("VBD", "VBN") or root.lemma_.lower() not in EVENT_VERBS \
            or any(c.dep_ in ("aux", "auxpass") for c in root.children):
        return False
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.pos_ in ("NOUN", "PROPN") and not ANAPHORIC.match(_subject_text(subj))


def _pluperfect(verb) -> bool:
    return any(t.dep_ == "aux" and t.lower_ in ("had", "'d") for t in verb.children)


def _passive(verb) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _has_agent(verb) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)


def _day_or_month(text: str) -> bool:
    return any(a.kind in ("day", "month", "season") for a in scan_atoms(tidy_ordinals(text)))


def own_date(text: str) -> bool:
    """Does the unit's own wording state a time (a day, a month, a season, a year, a project month)?"""
    return any(a.kind in ("day", "month", "season", "part_of_year", "year") for a in scan_atoms(tidy_ordinals(text))) \
        or PROJECT_MONTH.search(text) is not None


def decide(unit: Unit, sdoc, has_city: bool) -> Decision:
    """The rules. `sdoc` is the spaCy parse of unit.text; `has_city` whether it names a known city."""
    text = unit.text
    if DEBRIS.match(text) or len(text.split()) < 2:
        return Decision(None, ["web or slide debris"], rule="debris")
    if PROGRAMME_SLOT.match(f"{unit.label or ''} {text}".strip()):  # "14.00" may have been read as the item's number
        return Decision(None, ["a time slot of an event's programme ('14:00 Parallel workshops')"], rule="programme slot")
    if ANNOUNCEMENT_TITLE.match(text) and not text.rstrip().endswith((".", "!", "?")):
        return Decision(None, ["an announcement's title: its body tells the event"], rule="announcement title")
    if unit.shape == "title" and not (EVENT_NOUNS.search(text) and own_date(text)):
        return Decision(None, ["a slide or page title"], rule="title")
    if QUOTED.search(text):
        return Decision(None, ["someone's words in quotation marks (GUIDELINES: quotes are no records)"], rule="quote")
    if SIGNATURE.match(text):
        return Decision(None, ["a declaration's signature line ('Done at Riga, 28 October 1999')"], rule="signature")
    if NOT_HAPPENED.search(text):
        return Decision(None, ["says the thing did not happen (cancelled, no meeting held)"], rule="not happened")
    if PERSON_LINE.match(text):
        return Decision(None, ["a person and their office: a list of participants"], rule="person")
    if ROTATION.search(text) and not EVENT_NOUNS.search(WHEN_AT_MEETING.sub("", text)):
        return Decision(None, ["a presidency or chair changes hands (GUIDELINES rule 8)"], rule="rotation")
    dated = own_date(text)
    reasons = []
    if dated:
        reasons.append("states its own date")
    if has_city:
        reasons.append("names a city")
    root = _main_verb(sdoc)
    finite = root is not None and root.pos_ in ("VERB", "AUX") and _tense(root) not in ("none", "participle")
    if ADOPTION_LINE.match(text) and (root is None or root.i == 0):  # the line alone, no clause after it
        return Decision(None, reasons + ["the document's own adoption line ('Adopted by the Working Group on 17 May "
                                         "2004.')"], rule="signature")
    if PREAMBLE.match(text) and not FUTURE_CUES.search(text) and (
            root is None or root.i == 0 or root.tag_ == "VBG"
            or not any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i == root.i for t in sdoc)):
        # no main clause after the participle ("Marking the anniversary, the Council held ..." has one)
        return Decision(None, reasons + ["a preambular paragraph ('Recalling ...', 'Welcoming ...'): the grounds "
                                         "of the decisions that follow, not a record"], rule="preamble")
    if unit.shape == "item" and unit.planned and not (finite and _tense(root) in ("past", "perfect")):
        return Decision("activity", reasons + [f"an item under {unit.heading!r}"], rule="planned item")
    if unit.shape == "item" and unit.in_priorities and not finite:
        return Decision("activity", reasons + ["an item of a priorities list"], rule="priority item")
    doer = None if finite else action_point_doer(sdoc)
    if doer is not None:
        return Decision("activity", reasons + [f"an action point: {doer!r} to do it"], rule="action point")
    future = FUTURE_CUES.search(text)
    if future and future.group(0).lower() in ("will", "shall") and root is not None and finite:
        main = {v.i for v in _verbs(root)}
        if not any(t.lower_ in ("will", "shall") and t.head.i in main for t in sdoc):
            future = None  # "... that hopefully will strengthen": a subordinate clause's future
    if finite and _tense(root) == "present" and root.lemma_.lower() == "invite" and not _passive(root) \
            and not text.rstrip().endswith(":") and _call_to(root):
        # "The Nordic Council of Ministers invites NGOs to apply ...": a call, the work is to come
        return Decision("activity", reasons + ["an invitation to take part: work to come"], rule="invitation")
    if unit.shape == "item" and unit.lead_in and CALL_LEAD_IN.search(unit.lead_in) \
            and not unit.lead_in.rstrip().endswith(".") and not QUOTED.search(text):
        return Decision("activity", reasons + [f"an item of the call {unit.lead_in[:60]!r}"], rule="called to work")
    called = called_to_work(sdoc, root) if not future else None
    if called is not None:
        return Decision("activity", reasons + [f"a call on a body to do work ({called!r})"], rule="called to work")
    if future and finite and _prediction(root):
        return Decision(None, reasons + [f"a prediction ({root.lemma_!r} of {_subject_text(_subject(root))!r})"],
                        rule="prediction")
    if future and (finite or unit.shape == "item"):
        return Decision("activity", reasons + [f"says what will be done ({future.group(0)!r})"], rule="future")
    if unit.shape == "entry" and unit.planned and not (finite and _tense(root) in ("past", "perfect")):
        # "14.02.2000 - The presidency hosted a seminar ...": told as done, whatever the page plans
        return Decision("activity", reasons + [f"an entry dated {unit.entry_date_raw!r} under {unit.heading!r} or after "
                                               "the document's period"], rule="planned entry")
    if unit.shape == "entry":
        return Decision("event", reasons + [f"an entry dated {unit.entry_date_raw!r}"], rule="dated entry")
    if root is None:
        return Decision(None, reasons + ["no parse"], rule="none")
    verbs = _verbs(root) if finite else []
    lemmas = {v.lemma_.lower() for v in verbs}
    tense = _tense(root) if finite else "none"
    subj = _subject(root) if finite else None
    subj_text = _subject_text(subj)
    anaphoric = bool(ANAPHORIC.match(subj_text)) if subj is not None else False
    content = _decided_work(verbs) if lemmas & {"decide", "agree"} and tense in ("past", "perfect") else None
    if content is not None and not own_date(_outside(sdoc, content)) and not _placed_outside(sdoc, content):
        # "The group decided to set up a task group" / "It was decided that the conference will take
        # place in Gdansk": the decision's content is work to be done (GUIDELINES rule 10)
        return Decision("activity", reasons + ["decided work to be done, no date of its own"], rule="decided work")
    if finite and root.lemma_.lower() in RECALLING_VERBS and not FUTURE_CUES.search(text):
        # "The Ministers recalled their first joint meeting, held in Tallinn in June 1998": told again
        return Decision(None, reasons + [f"recalls what was ({root.lemma_!r})"], rule="recalled")
    # "invited the Children's Unit to organise ...": an operative item under "The Ministers:" opens with its verb
    opens_with_verb = root.i == 0 and root.tag_ in ("VBD", "VBN")
    task = _directed_task(verbs if finite else [root]) if tense in ("past", "perfect") or opens_with_verb else None
    if task is not None and not own_date(sdoc[: task.i].text):  # a date before the task dates the asking
        return Decision("activity", reasons + [f"gives a body a task ({task.lemma_!r}), no date of its own"],
                        rule="directed work")
    if tense == "progressive" and lemmas & WORK_VERBS_ONGOING:
        return Decision("activity", reasons + [f"ongoing work ({root.text!r})"], rule="ongoing work")
    if unit.shape == "item" and unit.lead_in and not finite and not (_day_or_month(text) and NOMINAL_EVENT_START.search(text)):
        return Decision("activity", reasons + [f"an item after the lead-in {unit.lead_in[:60]!r}"], rule="lead-in item")
    if not finite and _slide_done(unit, root):
        return Decision("event", reasons + ["a slide's line telling a thing done"], rule="slide done")
    if not finite:
        if (NOMINAL_EVENT_START.search(text) or DONE_PARTICIPLE.search(text)) and (dated or has_city) \
                and not any(t.tag_ == "MD" and t.lower_ in MODALS for t in sdoc):  # "Tenders must be submitted by 8 May"
            return Decision("event", reasons + ["names an event with its date or place"], rule="nominal event")

        return Decision(None, reasons + ["no finite verb"], rule="fragment")
    launched = re.match(r"^(launched|held|organi[sz]ed|adopted|signed|opened|established)\b[^,]{0,40}?,", text, re.I)
    if launched and own_date(text[: launched.end()]):
        return Decision("event", reasons + [f"opens with {launched.group(1)!r} and its date"], rule="dated participle")
    if tense in ("past", "perfect"):
        if anaphoric and root.lemma_.lower() in ELABORATING_PASSIVE and (_has_agent(root) or _passive(root)):
            return Decision(None, reasons + [f"elaborates an event already told ({subj_text!r} ... by)"], rule="elaboration",
                            elaborates=True)
        event_verbs = lemmas & EVENT_VERBS
        if "ratify" in event_verbs and (tense != "past" or _passive(root) or _pluperfect(root)):
            event_verbs = event_verbs - {"ratify"}  # "had ratified in 1991", "ratified by 47 states": a state of things
        strong = lemmas & STRONG_EVENT_VERBS
        body = _is_body(subj) and not anaphoric
        event_noun = bool(EVENT_NOUNS.search(text))
        if event_verbs:
            reasons.append(f"verb of holding or deciding ({', '.join(sorted(event_verbs))}, {tense})")
        if anaphoric and not dated:
            return Decision(None, reasons + [f"subject {subj_text!r} refers back and no date of its own"], rule="anaphoric")
        if anaphoric and dated and not strong:
            return Decision(None, reasons + [f"subject {subj_text!r} refers back; the date is another event's"], rule="anaphoric")
        only_content = event_verbs and event_verbs <= CONTENT_VERBS
        if only_content and root.lemma_.lower() in FINISHING_VERBS and _passive(root):
            only_content = False  # "The evaluation was completed in June 2009": a piece of work done, dated
        if strong and (dated or has_city or body or unit.heading_date is not None):
            return Decision("event", reasons, rule="event verb")
        if event_verbs and not only_content and (dated or has_city):
            return Decision("event", reasons, rule="event verb with date or place")
        if event_verbs and body and (dated or unit.heading_date is not None):
            return Decision("event", reasons + [f"subject {subj_text!r} is a body"], rule="body acts")
        if event_noun and dated and (body or has_city):
            return Decision("event", reasons + ["names a meeting or conference with its date"], rule="dated event noun")
        if lemmas & TRAINING_VERBS and any(t.like_num and t.ent_type_ != "DATE" for t in sdoc):
            # "Were trained also 54 employees of State Border Guard": a training told by its count of people
            return Decision("event", reasons + ["people trained, counted"], rule="trained people")
        if _slide_done(unit, root):
            return Decision("event", reasons + ["a slide's line telling a thing done"], rule="slide done")
        return Decision(None, reasons + [f"past tense but no event ({root.lemma_})"], rule="past description")
    return Decision(None, reasons + [f"{tense} tense: describes"], rule="description")


# Declarations and resolutions open with who speaks ("We, the Ministers of ...,") and participles that
# give their grounds, one paragraph each,
# ending with a comma; the operative part follows in finite verbs ("Decide to ...", "The Ministers agreed").
PREAMBLE = re.compile(r"^(?:we,\s|(?:recalling|recognizing|recognising|noting|welcoming|reaffirming|acknowledging|emphasizing|"
                      r"emphasising|stressing|underlining|reiterating|bearing in mind|mindful|convinced|concerned|"
                      r"aware|considering|having (?:regard|considered|examined)|guided|taking (?:note|into account)|"
                      r"expressing|marking|appreciating|deeply concerned|alarmed|determined)\b(?!\s*[:.]))", re.I)
# "Done at Riga, 28 October 1999", "Adopted by the Working Group on 17 May 2004.": a document's own
# signature or adoption line, standing alone; the document is no record of itself
SIGNATURE = re.compile(r"^(?:[Dd]one|[Ss]igned)\s+(?:at|in)\s+[A-Z]")
ADOPTION_LINE = re.compile(r"^(?:Adopted|Approved|Endorsed|Prolonged|Extended|Amended|Revised|Updated)\s+"
                           r"(?:by|at|in|until)\s+(?:the\s+)?[A-Z][^.;:!?]{0,150}\.?$")


FINISHING_VERBS = {"complete", "finish", "finalise", "finalize"}
RECALLING_VERBS = {"recall", "remind", "reiterate", "reaffirm", "recollect"}
TRAINING_VERBS = {"train", "educate", "instruct", "qualify", "retrain"}


MODALS = {"will", "shall", "would", "should", "must", "may", "can", "could", "might"}
PRIORITY_WORDS = re.compile(r"\b(priorit(?:y|ies)|focus|aims?|objectives?|strateg(?:y|ic)|mandate)\b", re.I)


def cue_words(unit: Unit, sdoc, has_city: bool, decision: Decision | None = None) -> list[str]:
    """The rules' cues as words a linear model can weigh (it learns how far to trust each):
    the main verb's tense, voice, modality and class, the subject, the unit's own date and
    place, its shape and position, and the rules' own verdict. Nothing here decides alone."""
    text = unit.text
    words = [f"cueshape{unit.shape}"]
    if unit.in_priorities:
        words.append("cuepriorities")
    if unit.planned:
        words.append("cueplanned")
    if unit.lead_in:
        words.append("cueleadin")
        if FUTURE_CUES.search(unit.lead_in) or PRIORITY_WORDS.search(unit.lead_in):
            words.append("cueleadinfuture")
    if unit.heading and PRIORITY_WORDS.search(unit.heading):
        words.append("cueheadingpriority")
    if unit.heading_date is not None:
        words.append("cueheadingdate")
    if unit.entry_date_raw:
        words.append("cueentrydate")
    if own_date(text):
        words.append("cuedated")
        if _day_or_month(text):
            words.append("cuedayormonth")
    if has_city:
        words.append("cuecity")
    if DEBRIS.match(text):
        words.append("cuedebris")
    n = len(text.split())
    words.append("cuelen" + ("1" if n < 4 else "2" if n < 8 else "3" if n < 20 else "4"))
    if EVENT_NOUNS.search(text):
        words.append("cueeventnoun")
    if NOMINAL_EVENT_START.search(text):
        words.append("cuenominalevent")
    future = FUTURE_CUES.search(text)
    if future:
        words.append("cuefuture")
    if decision is not None:
        words.append("cuerule" + re.sub(r"\W", "", decision.rule))
        words.append("cuerulekind" + (decision.kind or "none"))
    if sdoc is None or not len(sdoc):
        return words + ["cuenoparse"]
    root = _main_verb(sdoc)
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return words + ["cuenoverb"]
    tense = _tense(root)
    words.append(f"cuetense{tense}")
    if _passive(root):
        words.append("cuepassive")
        if _has_agent(root):
            words.append("cueagent")
    lemma = root.lemma_.lower()
    words.append("cueverb" + re.sub(r"\W", "", lemma))
    if lemma in STRONG_EVENT_VERBS:
        words.append("cueverbstrong")
    elif lemma in CONTENT_VERBS:
        words.append("cueverbcontent")
    elif lemma in EVENT_VERBS:
        words.append("cueverbevent")
    if lemma in WORK_VERBS_ONGOING:
        words.append("cueverbwork")
    aux = {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    for modal in sorted(aux & MODALS):
        words.append(f"cuemodal{modal}")
    if root.dep_ != "ROOT":
        words.append("cueverbembedded")
    subj = _subject(root)
    if subj is None:
        words.append("cuesubjnone")
    else:
        subj_text = _subject_text(subj)
        if ANAPHORIC.match(subj_text):
            words.append("cuesubjanaphoric")
        elif _is_body(subj):
            words.append("cuesubjbody")
        else:
            words.append("cuesubjother")
        if subj.lower_ in ("we", "i"):
            words.append("cuesubjfirstperson")
    return words
