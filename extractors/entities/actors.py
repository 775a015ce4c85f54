"""Actors: bodies, organisations and people a record names as responsible, organising,
funding, partnering or taking part, each by its canonical name.

Structured cells ("Chair and Children's Unit", "Children's Unit and Russia+ EU") are split on
their separators; running text goes through the spaCy pipeline, whose EntityRuler knows the
registry and whose statistical NER finds organisations and people the registry does not know
(kept under the name as written).
"""
from __future__ import annotations

import re
from datetime import date

from extractors.entities.registry import BARE_BODY_NOUNS, CURRENCY_CODES, Body, Registry, name_key
from schemas.records import ActorLink, ActorRole

CELL_SEPARATORS = re.compile(
    r"\s*(?:,|;|\+|&|/|\band\b|\bin co-?operation with\b|\btogether with\b|\bwith\b|\bsupported by\b|\bas well as\b)\s*",
    re.I,
)
FILLER = {"", "the", "in budget", "external", "all", "tbd", "others", "other", "etc", "n/a", "na", "none", "various",
          "other experts", "experts", "partners", "possible partners", "in budget for"}
# Words that make an NER "organisation" a document, event or generic noun rather than a body.
NOT_A_BODY = re.compile(
    r"\b(convention|protocol|plan|report|strategy|guidelines?|conclusions|conference|forum|meeting|mandate|programme|"
    r"program|project|addendum|standards?|tool|presidency|table|agenda|declaration|resolution|recommendations?|"
    r"summit|seminar|workshop|training|consultation|exchange|session|movement|model|portal|website|region|area|"
    r"year|partner/expert|partner|partners|expert|experts|participants|tor|terms of reference)\b", re.I)
PERSON_TITLES = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|H\.?\s?M|H\.?\s?E|Sir)\.?\s+)+")
ROLE_CUES = [
    (re.compile(r"\b(organi[sz]ed|hosted|arranged|co-organi[sz]ed|convened)\s+by\s*$", re.I), ActorRole.organiser),
    (re.compile(r"\b(funded|financed|sponsored|supported)\s+by\s*$|\b(grant|grants|funding|funds|(?:financial\s+)?support)\s+"
                r"(from|of)\s*$|\bcourtesy\s+of\s*$", re.I), ActorRole.funder),
    (re.compile(r"\b(at|on)\s+the\s+invitation\s+of\s*$|\bat\s+the\s+initiative\s+of\s*$", re.I), ActorRole.organiser),
    (re.compile(r"\b(with|between|and|such as|together with|in co-?operation with|partners?)\s*$", re.I), ActorRole.partner),
]
TITLE_FOLLOWERS = re.compile(r"^\s+(Strategy|Convention|Directive|Framework|Recommendation|Programme|Presidency|funded|Member|"
                             r"Council Framework|Regulation|Action Plan)\b")


def _link(registry: Registry, body: Body, when: date | None, as_written: str, role: ActorRole, source: str,
          reason: str) -> ActorLink:
    return ActorLink(name=body.name_at(when), entity_id=body.id, as_written=as_written, role=role,
                     source_field=source, kind=body.kind, reason=reason)


def _state_link(registry: Registry, code: str, as_written: str, role: ActorRole, source: str) -> ActorLink:
    return ActorLink(name=registry.states[code].name, entity_id=f"state:{code}", as_written=as_written, role=role,
                     source_field=source, kind="state", reason=f"{source} cell names the state")


def actors_from_cell(text: str, registry: Registry, when: date | None, role: ActorRole, source: str,
                     nlp_doc=None) -> list[ActorLink]:
    """Split a Responsible/Lead/Partners/Funding cell into its actors."""
    text = " ".join((text or "").split())
    if not text:
        return []
    links: list[ActorLink] = []
    remainder = text
    if nlp_doc is not None:
        for ent in sorted(nlp_doc.ents, key=lambda e: -len(e.text)):
            if ent.label_ == "BODY":
                body = registry.by_id(ent.ent_id_)
                links.append(_link(registry, body, when, ent.text, role, source, f"{source} cell names {ent.text!r}"))
                remainder = remainder.replace(ent.text, " , ")
    for fragment in CELL_SEPARATORS.split(remainder):
        fragment = re.sub(r"^(the|a|an)\s+", "", fragment.strip(" .,;:-–()"), flags=re.I).strip()
        if name_key(fragment) in FILLER or not re.search(r"[A-Za-z]{2}", fragment):
            continue
        body = registry.body(fragment)
        code = registry.state(fragment)
        if body is not None and body.kind != "project":
            links.append(_link(registry, body, when, fragment, role, source, f"{source} cell names {fragment!r}"))
        elif code is not None:
            links.append(_state_link(registry, code, fragment, role, source))
        elif body is None and not re.fullmatch(r"[a-z ]+budgets?.*|in budget.*|external.*|national funding", fragment, re.I):
            links.append(ActorLink(name=fragment, as_written=fragment, role=role, source_field=source, kind="organisation",
                                   reason=f"{source} cell names {fragment!r} (not in the registry)"))
    return _dedupe(links)


# A plan item names who does it in a closing parenthesis, before its time: "(Responsible: Unit,
# PROMISE network; autumn 2022)", "(Unit; by October 2022)", "(Unit, Q4 2014)".
CLOSING_PARENTHESIS = re.compile(r"\(([^()]{2,160})\)\s*[.;,:]?\s*$")
RESPONSIBLE_LABEL = re.compile(r"^(?:responsible(?:\s+bod(?:y|ies))?|lead(?:\s+partners?)?|led\s+by|by|who|"
                               r"responsibility|implemented\s+by|actors?)\s*:?\s+", re.I)
TIME_WORDS = re.compile(r"\d|\b(?:tbd|tba|tbc|ongoing|continuous(?:ly)?|permanent|regularly|annually|yearly|spring|summer|"
                        r"autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|"
                        r"november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|q[1-4]|by|until|"
                        r"during|end|mid|early|late|before|after|from|throughout|each|every|first|second|half)\b",
                        re.I)


def actors_in_parenthesis(text: str, registry: Registry, when: date | None,
                          role: ActorRole = ActorRole.responsible) -> list[ActorLink]:
    """Who a plan item's closing parenthesis names before its time. A parenthesis with neither a
    label nor a time ("(NDPHS)", "(see annex 2)") names no one responsible."""
    m = CLOSING_PARENTHESIS.search(text or "")
    if not m:
        return []
    segments = [s.strip() for s in m.group(1).split(";")]
    first = segments[0]
    label = RESPONSIBLE_LABEL.match(first)
    first = first[label.end():] if label else first
    names, timed = [], len(segments) > 1
    for part in (p.strip() for p in first.split(",")):
        if TIME_WORDS.search(part):
            timed = True
            break
        names.append(part)
    if not names or not (label or timed):
        return []
    if any(not n[:1].isupper() or len(n.split()) > 8 or registry.city(n) for n in names):
        return []  # "(in Riga, spring 2010)", "(see the annex; 2011)": not a list of who
    return actors_from_cell(", ".join(names), registry, when, role, "text")


def _dedupe(links: list[ActorLink]) -> list[ActorLink]:
    out: list[ActorLink] = []
    seen: set[str] = set()
    for link in links:
        key = link.entity_id or name_key(link.name)
        if key not in seen:
            seen.add(key)
            out.append(link)
    return out


_TRAILING_ARTICLE = re.compile(r"\b(the|a|an)\s*$", re.I)


def _role_from_context(left: str, default: ActorRole) -> ActorRole:
    left = _TRAILING_ARTICLE.sub("", left[-48:])
    for cue, role in ROLE_CUES:
        if cue.search(left):
            return role
    return default


def _attachment(ent) -> tuple[str | None, str | None]:
    """(preposition, what the preposition hangs on) that introduces the entity, following conjunctions
    and the noun it modifies ("attended by CBSS staff")."""
    tok = ent.root
    while tok.dep_ in ("conj", "appos", "compound") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        prep = tok.head
        head = prep.head
        if prep.lower_ == "as" and head.lower_ == "such":
            return "such as", head.head.lemma_.lower()
        return prep.lower_, head.lemma_.lower()
    return None, None


INCLUDING_PREPOSITIONS = {"with", "through", "by", "between", "as", "such as", "among", "including"}
ROLE_NOUNS = {"director", "head", "chair", "member", "members", "representative", "representatives", "ambassador",
              "minister", "secretary", "staff", "president", "coordinator", "officer", "expert", "experts",
              # the people of a body take part for it: "researchers of the National Institute", "specialists of the Inspectorate"
              "researcher", "specialist", "employee", "official", "adviser", "advisor", "delegate", "delegation",
              "inspector", "lawyer", "judge", "teacher", "volunteer", "professional", "team", "worker"}


def _is_subject(ent) -> bool:
    tok = ent.root
    while tok.dep_ in ("conj", "appos", "compound") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass", "ROOT")


def _in_plan_role(ent) -> bool:
    """A commitment's actor is its subject or a body it works with, through or as; not one it reports
    to, supports or sits inside ("report to the WGCC", "the Unit of the WGCC")."""
    if _is_subject(ent) or _given_task(ent):
        return True
    prep, head = _attachment(ent)
    if prep in INCLUDING_PREPOSITIONS:
        return True
    if prep == "to":  # "the secondment to the Children's Unit will act ...": part of the subject
        tok = ent.root
        while tok.dep_ in ("conj", "appos") and tok.head is not tok:
            tok = tok.head
        return tok.head.head.dep_ in ("nsubj", "nsubjpass")
    return False


def _in_event_role(ent, first_sentence_end: int, role: ActorRole) -> bool:
    """Everyone an entry's opening names takes part, but an addressee ("a proposal to the EC");
    later sentences add only their subjects and named organisers or funders."""
    prep, head = _attachment(ent)
    if prep == "to":
        return False
    if ent.start_char < first_sentence_end:
        return True
    if role in (ActorRole.funder, ActorRole.organiser) or _is_subject(ent):
        return True
    return prep == "of" and head in ROLE_NOUNS


NARRATIVE_PREPOSITIONS = {"with", "by", "between", "among", "including", "such as"}


def _subject_spans(doc) -> list[tuple[int, int]]:
    """Token spans of subject phrases. The main clause's runs from after its opening adverbial
    ("In 2014 and 2015, ...") to its verb, which survives a parser that picked the wrong head noun."""
    label = _place_label_end(doc)
    spans = [(max(t.left_edge.i, label), t.right_edge.i) for t in doc if t.dep_ in ("nsubj", "nsubjpass")
             and t.right_edge.i >= label]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    # the subject nearest the verb: "On 18 October, the European Anti-Trafficking Day, the Ministry
    # opened ...": the parser makes the day a second subject; the day is the date's apposition
    subj = next((c for c in reversed(list(root.lefts)) if c.dep_ in ("nsubj", "nsubjpass")), None) \
        if root is not None else None
    if subj is not None and subj.i < root.i:
        # the clause opens after a comma or a dash: "Germany – The Federal Ministry ... plans to ..."
        commas = [t.i for t in doc[: subj.left_edge.i] if t.text in (",", "–", "—")]
        start = max(commas[-1] + 1 if commas else 0, label)
        spans.insert(0, (start, root.i - 1))
    return spans


def _place_label_end(doc) -> int:
    """Where a bulletin's place label ends: "Lithuania – A crisis centre opened ...", "Turku – In
    February the city council approved ...": the country or city before the dash says where, it does
    nothing. 0 when the sentence has no such label."""
    for i in range(1, min(4, len(doc))):
        if doc[i].text in ("–", "—", "-") and all(t.text[:1].isupper() for t in doc[:i]) \
                and any(t.ent_type_ in ("STATE", "CITY", "GPE", "LOC") for t in doc[:i]):
            return i + 1
    return 0


def _subject_head(doc, span: tuple[int, int]):
    """The noun a subject phrase is about: the first noun of the span whose head lies outside it."""
    for t in doc[span[0]: span[1] + 1]:
        if t.pos_ in ("NOUN", "PROPN") and not (span[0] <= t.head.i <= span[1]) and t.ent_type_ != "DATE":
            return t  # not "March" of "On 4 March 2009 the Cabinet ...", a date the span took in
    return None


EVENT_HEADS = {"meeting", "conference", "seminar", "session", "summit", "workshop", "mandate", "priority", "programme",
               "plan", "delegation", "visit", "consultation"}
ACTOR_LABELS = ("BODY", "ORG", "PERSON", "STATE")
MEETING_HEADS = {"meeting", "conference", "seminar", "session", "summit", "workshop", "forum"}


def _in_narrative_role(ent, role: ActorRole, subject_spans: list[tuple[int, int]]) -> bool:
    """In a prose sentence, the actors are who does the thing (the head of its subject), who it is
    done by or with, the members of a meeting it names, and named organisers and funders; not
    bodies that only qualify a noun ("the Presidency of the CBSS", "CBSS colours") or receive
    something ("a proposal to ...")."""
    if _in_entry_title(ent):
        return True
    span = next((sp for sp in subject_spans if sp[0] <= ent.start <= sp[1]), None)
    if span is not None:  # in a subject phrase only its leading body counts, and bodies coordinated with it
        doc = ent.doc
        head = _subject_head(doc, span)
        if head is not None and head.text[:1].isupper() and not any(e.start <= head.i < e.end for e in doc.ents
                                                                    if e.label_ in ACTOR_LABELS):
            return False  # "the Danish Presidency of the CBSS": the presidency acts, named as written
        first = next((e for e in doc.ents if span[0] <= e.start <= span[1] and e.label_ in ACTOR_LABELS), None)
        return first is not None and (first.start == ent.start or ent.root.dep_ == "conj")
    if ent.root.dep_ in ("compound", "nmod", "amod") and ent.root.head.pos_ in ("NOUN", "PROPN"):
        if ent.root.head.lemma_.lower() in MEETING_HEADS:
            return True  # "Expert Group meeting, Turku, ...": the group that meets
        if ent.root.head.lemma_.lower() not in ROLE_NOUNS:
            return False  # "CBSS colours"
    prep, head = _attachment(ent)
    if prep == "to":
        return False
    if role in (ActorRole.funder, ActorRole.organiser) or prep in NARRATIVE_PREPOSITIONS:
        return True
    if _met_directly(ent) or _given_task(ent):
        return True
    return prep in ("of", "for") and (head in ROLE_NOUNS or head in EVENT_HEADS)


# "asked the Working Group to give priority ...", "Instruct the Sustainable Development Working
# Group to continue ...", "called upon the member states to appoint ...": the body given the task does it.
TASKING_VERBS = {"ask", "request", "task", "instruct", "invite", "call", "urge", "encourage", "mandate",
                 "commission", "charge", "entrust", "direct"}


def _given_task(ent) -> bool:
    tok = ent.root
    while tok.dep_ in ("conj", "appos", "compound") and tok.head is not tok:
        tok = tok.head
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ == "of" and verb.head.dep_ == "dobj":
        verb = verb.head.head  # "asked the Secretariat of the Nordic Council of Ministers to prepare ...": its body
    elif tok.dep_ == "pobj" and verb.lower_ in ("upon", "on"):
        verb = verb.head  # "call upon X to ..."
    elif tok.dep_ != "dobj":
        return False
    return verb.lemma_.lower() in TASKING_VERBS and any(
        c.dep_ in ("xcomp", "ccomp", "advcl") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
        for c in verb.children)


HOSTING_VERBS = {"host", "organise", "organize", "arrange", "convene", "fund", "invite"}
OFFICE_NOUNS = re.compile(r"Commissioner|Ambassador|Mayor|Governor|Chancellor")


def _met_bodies(doc, role: ActorRole) -> list[ActorLink]:
    """"met the Minister of Education", "met the new Minister of Basic Services", "hosted by the
    Commissioner for Children and Young People in Scotland": a body the NER did not know, met
    directly or hosting, named with capitals from its body noun on ("Minister", "Committee")."""
    out = []
    for tok in doc:
        met = tok.dep_ == "dobj" and tok.head.lemma_.lower() == "meet"
        hosting = tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.lemma_.lower() in HOSTING_VERBS
        if not (met or hosting) or not (BARE_BODY_NOUNS.fullmatch(tok.text) or OFFICE_NOUNS.fullmatch(tok.text)) \
                or any(e.start <= tok.i < e.end for e in doc.ents if e.label_ in ACTOR_LABELS):
            continue
        end = tok.i + 1
        while end + 1 < len(doc) and doc[end].lower_ in ("of", "for") and doc[end + 1].text[:1].isupper():
            end += 2
            while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].lower_ == "and"
                                      and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()):
                end += 1
        if end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].ent_type_ in ("GPE", "STATE"):
            end += 2  # "Commissioner for Children and Young People in Scotland": the office's country
        name = doc[tok.i: end].text
        if end > tok.i + 1:
            verb = tok.head.head.lemma_.lower() if hosting else "meet"
            as_role = ActorRole.funder if verb == "fund" else ActorRole.organiser if hosting else role
            out.append(ActorLink(name=name, as_written=name, role=as_role, source_field="text", kind="organisation",
                                 reason=f"a body the NER did not know, {'met' if met else verb + 'ing'}: {name!r}"))
    return out


def _met_directly(ent) -> bool:
    """"the Chair met the Minister", "a delegation met the UN Committee": who is met takes part in
    the meeting, as "met with the Minister" says with a preposition."""
    tok = ent.root
    while tok.dep_ in ("conj", "appos", "compound") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("meet", "visit")  # the body visited hosts the visit


def _in_entry_title(ent) -> bool:
    """In an entry without a verb ("Expert Group on Children at Risk, Riga, 23-24 May 2018"), the
    body before its first comma is who met."""
    doc = ent.doc
    sent = ent.sent
    if sent.start != 0 or sent.root.pos_ in ("VERB", "AUX"):
        return False
    first_comma = next((t.i for t in sent if t.text in (",", "–", "-", ":")), sent.end)
    return ent.end <= first_comma and ent.start <= 1 + (doc[0].lower_ == "the")


def _clean_name(text: str) -> str:
    text = PERSON_TITLES.sub("", text.strip())
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    return re.sub(r"(’s|'s)$", "", text).strip(" ,.;:")


def actors_in_text(doc, registry: Registry, when: date | None, *, mode: str, limit_chars: int | None = None,
                   default_role: ActorRole | None = None) -> list[ActorLink]:
    """Actors named in running text (a plan item, an event entry).

    mode="plan": a commitment's actors are its subject and the bodies it works with or through;
    bodies it reports to, supports or works inside are not. mode="event": everyone named as
    organising, hosting, funding or taking part, except projects and places.
    """
    role_default = default_role or (ActorRole.responsible if mode == "plan" else ActorRole.participant)
    links: list[ActorLink] = []
    ents = list(doc.ents)
    persons = [e for e in ents if e.label_ == "PERSON"]
    projects = [e for e in ents if e.label_ == "PROJECT"]
    first_end = next(iter(doc.sents)).end_char if len(doc) else 0
    subject_spans = _subject_spans(doc)
    label = _place_label_end(doc) if mode == "narrative" else 0
    consumed: set[int] = set()  # entities read as the tail of the name before them
    for ent in ents:
        if limit_chars is not None and ent.start_char >= limit_chars:
            break
        if ent.start in consumed or ent.end < label:
            continue
        left = doc.text[: ent.start_char]
        right = doc.text[ent.end_char:]
        role = _role_from_context(left, role_default)
        if mode == "plan" and not _in_plan_role(ent):
            continue
        if mode == "event" and not _in_event_role(ent, first_end, role):
            continue
        if mode == "narrative" and not _in_narrative_role(ent, role, subject_spans):
            continue
        longer = _longer_name(ent) if ent.label_ in ("BODY", "ORG") else None
        if longer and not registry.body(longer):  # "Working Group on Environment" is not "the Working Group"
            links.append(ActorLink(name=longer, as_written=longer, role=role, source_field="text",
                                   kind="organisation", reason=f"text names {longer!r}"))
            continue
        owner = _owner_after(ent, ents) if ent.label_ == "BODY" else None
        if owner is not None:  # "the Committee of Senior Officials of the Barents Euro-Arctic Council"
            consumed.add(owner.start)
            whole = doc.text[ent.start_char: owner.end_char]
            known = registry.body(whole)
            links.append(_link(registry, known, when, whole, role, "text", f"text names {whole!r}") if known else
                         ActorLink(name=whole, as_written=whole, role=role, source_field="text", kind="organisation",
                                   reason=f"text names {whole!r}: {ent.text!r} of another body"))
            continue
        if ent.label_ == "BODY":
            body = registry.by_id(ent.ent_id_)
            if body.kind == "state_group" and mode in ("event", "narrative"):
                continue
            if body.kind == "role" and any(abs(p.end_char - ent.start_char) <= 3 or abs(ent.end_char - p.start_char) <= 3 for p in persons):
                continue  # "Bragi Gudbrandson, EGCC Chair": the person is named, the role is his
            if len(ent.text) <= 4 and TITLE_FOLLOWERS.match(right):
                continue  # "EU Strategy for the Baltic Sea Region" names a strategy, not the EU
            links.append(_link(registry, body, when, ent.text, role, "text", f"text names {ent.text!r}"))
        elif ent.label_ == "PROJECT":
            m = re.match(r"\s*(project\s+|programme\s+)?partners\b", right, re.I)
            if m:
                name = f"{ent.text} {right[:m.end()].strip()}"
                name = name[0].upper() + name[1:]
                links.append(ActorLink(name=name, as_written=name, role=ActorRole.partner, source_field="text",
                                       kind="network", reason=f"text names the partners of {ent.text}"))
        elif ent.label_ == "STATE" and (role in (ActorRole.funder, ActorRole.organiser)
                                         or mode == "narrative" and (_is_subject(ent) or _attachment(ent)[0] == "by")):
            code = ent.ent_id_  # "funded by Sweden": a state named as funder or host is an actor
            links.append(ActorLink(name=registry.states[code].name, entity_id=f"state:{code}", as_written=ent.text,
                                   role=role, source_field="text", kind="state", reason=f"text names {ent.text!r} as {role.value}"))
        elif ent.label_ in ("ORG", "PERSON"):
            names = whole_org_names(ent) if ent.label_ == "ORG" and mode == "narrative" else [ent.text]
            for written in names:
                name = _clean_name(written)
                if not _plausible_name(name, ent, projects, registry):
                    continue
                if mode == "plan" and ent.label_ == "ORG" and not re.search(r"[A-Z]{2,}", name):
                    continue  # plans name their actors by registry names; stray capitalised phrases are noise
                kind = "person" if ent.label_ == "PERSON" else "organisation"
                links.append(ActorLink(name=name, as_written=written, role=role, source_field="text", kind=kind,
                                       reason=f"named entity ({ent.label_}) not in the registry"))
    links.extend(_group_mentions(doc.text, registry, role_default))
    if mode == "narrative":
        terms = _presidencies(doc.text, registry, role_default)
        held = {w for t in terms for w in (t.as_written.split()[-1].lower(), t.as_written.split("-")[-1].lower())}
        # "the Danish chair", "the Norwegian co-chair": not also "Chair"
        links = [link for link in links if link.as_written.lower() not in held] + terms
    if mode == "narrative" and not any(link.source_field == "text" and _is_subject_name(doc, link.as_written)
                                       for link in links):
        links = _named_subject(doc, role_default) + links
    if mode == "narrative":
        links += _met_bodies(doc, role_default) + _coordinated_short_names(doc, role_default)
    return _dedupe(links)


def _coordinated_short_names(doc, role: ActorRole) -> list[ActorLink]:
    """"the presidency and the Nordic Council of Ministers organised ...": a body named by its head
    noun beside a named one in the subject, resolved later like any short name."""
    spans = _subject_spans(doc)
    if not spans:
        return []
    a, b = spans[0]
    out = []
    for tok in doc[a: b + 1]:
        if tok.dep_ == "conj" or tok.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "conj" for c in tok.children):
            short = _short_name(doc, tok, a)
            if short:
                out.append(ActorLink(name=short, as_written=short, role=role, source_field="text", kind="organisation",
                                     reason="a body named by its head noun, coordinated in the subject"))
    return out


# A list's lead-in that is only its subject ("The Ministers:", "The Council:"): the operative items
# under it open with their verbs ("decided to ...", "asked the Working Group to ..."), its subject acts.
LEAD_SUBJECT = re.compile(r"^\s*(?:[Tt]he\s+)?(?P<name>[A-Z][\w'’-]*(?:\s+(?:of|for|and|the|[A-Z][\w'’-]*)){0,8})\s*:\s*$")


def lead_in_subject(lead_in: str) -> list[ActorLink]:
    m = LEAD_SUBJECT.match(lead_in or "")
    if m is None:
        return []
    name = m.group("name").strip()
    if name != "Ministers" and not (SUBJECT_NOUNS.search(name) and len(name.split()) >= 2):
        return []
    return [ActorLink(name=name, as_written=name, role=ActorRole.responsible, source_field="text", kind="organisation",
                      reason=f"the subject of the lead-in {lead_in.strip()!r}")]


def _owner_after(ent, ents):
    """The body an organ belongs to when the text names it right after ("Committee of Senior
    Officials of the Barents Euro-Arctic Council", "Secretariat of the Nordic Council"): the organ
    is that body's, not the registry's body of the same name."""
    m = re.match(r"(\s+of\s+)(?:the\s+)?", ent.doc.text[ent.end_char:])
    if m is None or not GROUP_HEADS.search(ent.text) and not re.search(r"\b(?:Officials|Secretariat)$", ent.text):
        return None
    starts = {ent.end_char + m.end(1), ent.end_char + m.end()}  # the entity may take in "the" or not
    owner = next((e for e in ents if e.start_char in starts and e.label_ in ("BODY", "ORG")), None)
    if owner is None or owner.label_ == "BODY" and owner.ent_id_ == ent.ent_id_:
        return None
    return owner


SUBJECT_NOUNS = re.compile(r"\b(presidency|chairmanship|commission|commissioner|ombuds\w*|ministry|ministers?|secretariat|council|"
                           r"committee|agency|board|government|parliament|embassy|unit|group|network|office|"
                           r"foundation|institute|centre|center|service|authority|task force|bureau|assembly|plenary|"
                           r"city|municipality|representative|rapporteur|coordinator|envoy|delegation|inspectorate|"
                           r"court|police)\b", re.I)


def _is_subject_name(doc, written: str) -> bool:
    spans = _subject_spans(doc)
    return any(written in doc[a: b + 1].text for a, b in spans)


def _named_subject(doc, role: ActorRole) -> list[ActorLink]:
    """A body the model's NER did not know but the sentence makes its subject, written with
    capitals: "The Danish Presidency will oversee ...", "The Presidential Commissioner for
    Children's Rights in Russia organised ...". Kept under the name as written."""
    spans = _subject_spans(doc)
    if not spans:
        return []
    head = _subject_head(doc, spans[0])
    short = _short_name(doc, head, spans[0][0]) if head is not None else None
    if short:  # "the presidency hosted ...", "the youth council met": kept only if the document names it in full
        return [ActorLink(name=short, as_written=short, role=role, source_field="text", kind="organisation",
                          reason="the sentence's subject, a body named by its head noun")]
    if head is None or not head.text[:1].isupper() or any(e.start <= head.i < e.end for e in doc.ents if e.label_ in ACTOR_LABELS):
        return []
    words = [t for t in doc[spans[0][0]: spans[0][1] + 1] if t.dep_ != "punct"]
    words = _without_opening_adverbial(words, head)
    while words and (words[0].dep_ in ("det", "advmod", "cc") or words[0].is_lower
                     or words[0].like_num or words[0].ent_type_ == "DATE" and words[0].i < head.i):
        words = words[1:]  # "On 4 March 2009 the Cabinet of Ministers approved ...": the date is no part of it
    while words and words[-1].pos_ not in ("NOUN", "PROPN"):
        words = words[:-1]  # "... in Russia similarly", "... of the CBSS is"
    if not words:
        return []
    name = doc[words[0].i: words[-1].i + 1].text.strip(" ,")
    capitals = sum(1 for t in words if t.text[:1].isupper())
    # "The Unit published ...", and a communiqué's "The Ministers agreed ...": the meeting's ministers as a body
    bare_body = len(words) == 1 and (BARE_BODY_NOUNS.fullmatch(name) is not None or name == "Ministers")
    if len(words) > 12 or (capitals < 2 and not bare_body) or not SUBJECT_NOUNS.search(name) or "," in name:
        return []
    people = re.match(r"^(?:experts?|representatives?|delegates?|officials?|staff|members?)\s+(?:from|of)\s+(?:the\s+)?",
                      name, re.I)
    names = [p for p in re.split(r"\s+and\s+(?:the\s+)?(?=[A-Z])", name[people.end():]) if p] if people else [name]
    parts = re.split(r"\s+and\s+(?:the\s+)?(?=[A-Z])", name)
    if not people and len(parts) > 1 and all(SUBJECT_NOUNS.search(p) or p.isupper() for p in parts):
        names = parts  # "the Unit and the Polish Ombudsman for Children": two bodies, not one name
    return [ActorLink(name=n, as_written=n, role=role, source_field="text", kind="organisation",
                      reason="the sentence's subject, a body not in the registry") for n in names]


# A body a document names by its head noun alone once it has named it in full ("the Unit", "the
# Presidency"): the sentence's subject, resolved to the full name by `resolve_short_names`.


def _short_name(doc, head, span_start: int) -> str | None:
    """"the presidency", "the working group", "the new youth council": a lower-case body noun after
    "the", with the lower-case words that name it more closely."""
    if not head.is_lower or not BARE_BODY_NOUNS.fullmatch(head.text.capitalize()):
        return None
    i = head.i
    while i - 1 >= span_start and doc[i - 1].is_lower and doc[i - 1].pos_ in ("NOUN", "ADJ", "VERB") \
            and doc[i - 1].dep_ in ("compound", "amod"):
        i -= 1
    if i == 0 or doc[i - 1].lower_ != "the" or i - 1 < span_start:
        return None
    return doc[i: head.i + 1].text


def _without_opening_adverbial(words: list, head) -> list:
    """The subject phrase without an opening time or place phrase the span took in when no comma
    closed it ("In November 2015 the Unit" -> "the Unit", "On 20 June the Minister" -> "the Minister")."""
    if head is None or not words or words[0].i >= head.i:
        return words
    opening = words[0]
    if opening.dep_ == "prep" or opening.ent_type_ == "DATE":
        start = head.left_edge.i
        if start > opening.i:
            return [t for t in words if t.i >= start]
    return words


PRESIDENCY_RE = re.compile(r"\b([A-Za-z]+)\s+(presidency|chairmanship|co-chair|chair)\b(?!-)", re.I)  # "the Danish chair"


def _presidencies(text: str, registry: Registry, role: ActorRole) -> list[ActorLink]:
    """"the Estonian presidency", "the estonian Presidency": a state's term at the head of a body
    acts (records.md: a presidency that presents or oversees something is an actor), in any case."""
    out = []
    for m in PRESIDENCY_RE.finditer(text):
        if registry.state(m.group(1), adjectives=True) and not registry.state(m.group(1)):
            name = f"{m.group(1).capitalize()} {m.group(2).capitalize()}"
            out.append(ActorLink(name=name, as_written=m.group(0), role=role, source_field="text", kind="organisation",
                                 reason="text names a state's presidency"))
    return out


def _of_the_name(doc, i: int, text: str) -> bool:
    """"Latvian Ministry" | "of the Interior": a ministry's name goes on with "of the" and a capital."""
    return doc[i].lower_ in ("of", "for") and i + 2 < len(doc) and doc[i + 1].lower_ == "the" \
        and doc[i + 2].text[:1].isupper() and re.search(r"\b(ministry|department)$", text, re.I) is not None


def whole_org_names(ent) -> list[str]:
    """What an ORG entity of the small English model really names. It cuts ministries short
    ("Ministry of Education and Research of" | "Estonia"; "Ministry of Health" | "and Social Affairs")
    and runs lists together ("Experts from UNICEF and the Council of Europe"): the name is extended
    over a cut tail of capitalised words and a list is split into its bodies."""
    doc, text = ent.doc, ent.text
    end = ent.end
    while end < len(doc) and (doc[end].text[:1].isupper() or (
            doc[end].lower_ in ("and", "of", "for", "&") and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()
            and re.search(r"\b(ministry|department|agency|office|council|committee|board)\b", text, re.I))
            or _of_the_name(doc, end, text)):
        if doc[end].is_sent_start or doc[end].ent_type_ in ("DATE", "GPE") and not re.search(r"\b(of|for)$", text):
            break
        end += 2 if _of_the_name(doc, end, text) else 1
    longer = _longer_name(ent, ent.start, end)
    if longer:
        return [longer]
    if end > ent.end:
        text = doc[ent.start: end].text
    text = re.sub(r"^.*?\b(?:from|by|of)\s+(?=(?:the\s+)?[A-Z])", "", text) if re.match(
        r"^(?:experts?|representatives?|delegates?|officials?|staff|members?)\b", text, re.I) else text
    tail = re.match(r"^(.*\b(?i:ministry|department)\b.*?)\s+and\s+((?:the\s+)?[A-Z]{2,}\b.*|the\s+[A-Z].*)$", text)
    if tail:  # "the Ministry of Social Security and Labour and UNICEF": "and Labour" stays, "and UNICEF" is a body
        return [tail.group(1), re.sub(r"^the\s+", "", tail.group(2))]
    parts = [p for p in re.split(r"\s*,\s*|\s+and\s+(?=(?:the\s+)?[A-Z])", text) if p.strip()]
    if len(parts) > 1 and all(p.strip()[:1].isupper() or p.lower().startswith("the ") for p in parts) \
            and not re.search(r"\b(ministry|department)\b", text, re.I):
        return _and_inside_names(text, parts)
    return [text]


# what a body's name ends in, or starts with: "Norwegian Heart and Lung Association" is one body,
# "UNICEF and the Council of Europe" two
ORG_END = re.compile(rf"\b(?:{BARE_BODY_NOUNS.pattern}|Association|Bank|Fund|Foundation|Organi[sz]ation|University|"
                     r"Police|Parliament|Government|Ombudsman|Society|Federation|Union|Authority|Service|Project|Chair|Co-chair|"
                     r"Chairman|Chairperson)$")


def _and_inside_names(text: str, parts: list[str]) -> list[str]:
    """A list's parts, except where "and" joins two halves of one name: either half is no name of
    its own ("Norwegian Heart", "Development", "Social Affairs" in "Commission on Health and Social Affairs")."""
    def named(part: str) -> bool:
        part = re.sub(r"^the\s+", "", part.strip())
        return part.isupper() or bool(ORG_END.search(part)) or len(part.split()) >= 3 \
            or bool(re.match(r"(?:University|Council|Ministry|Office|Bank) of\b", part))
    out: list[str] = []
    for part in parts:
        joined = out and re.search(rf"{re.escape(out[-1])}\s+and\s+{re.escape(part)}", text)
        if joined and (not named(out[-1]) or not named(part)):
            out[-1] = joined.group(0)
        else:
            out.append(part)
    return out


GROUP_HEADS = re.compile(r"\b(group|committee|council|commission|task force|network|board|forum|panel|"
                         r"programme|partnership|working party)$", re.I)


def _longer_name(ent, start: int | None = None, end: int | None = None) -> str | None:
    """A body's name that goes on past what the entity covers: "Joint Working Group on Youth" for
    "Working Group", "Task Force against Trafficking in Human Beings" for "Task Force". Capitalised
    words before it and "on|for|against|of X" after it, X capitalised words joined by "and"/"in"."""
    doc = ent.doc
    start = ent.start if start is None else start
    end = ent.end if end is None else end
    if not GROUP_HEADS.search(doc[start:end].text):
        return None
    first = (start, end)
    while start > 0 and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_sent_start \
            and doc[start - 1].ent_type_ not in ("DATE", "GPE", "STATE", "CITY") and doc[start - 1].pos_ == "PROPN" \
            and not doc[start - 1].text.isupper():  # "CBSS Working Group" is the CBSS's group
        start -= 1
    if end + 1 < len(doc) and doc[end].lower_ in ("on", "for", "against", "of") and doc[end + 1].text[:1].isupper() \
            and doc[end + 1].ent_type_ not in ("DATE", "GPE", "STATE", "CITY", "BODY"):
        end += 2
        while end < len(doc) and (doc[end].text[:1].isupper() and doc[end].ent_type_ not in ("DATE",) or (
                doc[end].lower_ in ("and", "in", "&") and end + 1 < len(doc) and doc[end + 1].text[:1].isupper())):
            end += 1 if doc[end].text[:1].isupper() else 2
    if (start, end) == first:
        return None
    return _clean_name(doc[start:end].text)


GROUP_RE = re.compile(r"\b(parliamentarians|members of parliament|MPs)\s+from\s+(?:the\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")


def _group_mentions(text: str, registry: Registry, role: ActorRole) -> list[ActorLink]:
    """Groups of people named by their state: "parliamentarians from Lithuania"."""
    out = []
    for m in GROUP_RE.finditer(text):
        if registry.state(m.group(2)):
            out.append(ActorLink(name=m.group(0), as_written=m.group(0), role=role, source_field="text", kind="group",
                                 reason="text names a group of people by their state"))
    return out


BODY_END = re.compile(rf"\b(?:{BARE_BODY_NOUNS.pattern}|Association|Foundation|Organi[sz]ation|University|Police|"
                      r"Federation|Union|Authority|Service|Society)$")


GATHERING = re.compile(r"\b(conference|forum|meeting|seminar|summit|session|workshop|training|consultation|congress)$",
                       re.I)  # "General Conference of the Union", "Youth Forum": a gathering, not a body


def _name_head(name: str) -> str:
    """A name up to its head noun, before its "of|for|on|against" tail: "General Conference" of
    "General Conference of the Union of the Baltic Cities", "Baltic Training Centre" whole."""
    return re.split(r"\s+(?:of|for|on|against)\s+", name, maxsplit=1)[0]


CURRENCY = re.compile(CURRENCY_CODES)  # "EUR 12,000": an amount, no body


def _plausible_name(name: str, ent, projects, registry: Registry) -> bool:
    if len(name) < 3 or not name[0].isupper() or re.search(r"\d", name) or CURRENCY.fullmatch(name):
        return False
    if any(p.start_char < ent.end_char and ent.start_char < p.end_char for p in projects):
        return False
    if registry.city(name) or registry.state(name) or registry.state(name, adjectives=True):
        return False
    if ent.label_ == "ORG":
        # a word of NOT_A_BODY inside a name that ends in a body noun is no document: "Programme
        # Implementation Task Force", "Project Steering Committee"
        if NOT_A_BODY.search(name) and not (len(name.split()) >= 2 and BODY_END.search(_name_head(name))
                                            and not GATHERING.search(_name_head(name))) or "/" in name:
            return False
        nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN" and not (
                nxt.lemma_ in MEETING_HEADS and (BARE_BODY_NOUNS.fullmatch(ent[-1].text) or ent.text.isupper())):
            return False  # "Swedish Research institution": NER cut a description short ("... Network meeting" is not)
    if ent.label_ == "PERSON" and len(name.split()) < 2 and not name.isupper():
        return False
    return True


# Registry aliases that name a body only inside a document about it: "the Working Group" is the
# CBSS group in a CBSS report and the Barents group in a Barents one.
GENERIC_ALIAS = re.compile(r"(?:the\s+)?(?:(?:working|expert)\s+group|group|commission|secretariat|unit|chair|"
                           r"presidency|network|committee)", re.I)
PARENT_BODY = {"cbss_children_at_risk_group": "cbss", "cbss_children_unit": "cbss", "cbss_cso": "cbss",
               "cbss_secretariat": "cbss", "helcom_secretariat": "helcom"}


def _names_body_in_full(text: str, body: Body, registry: Registry) -> bool:
    """Whether the document names the body (or the organisation it belongs to) by a name that is
    not generic: an abbreviation or a name of three words or more."""
    ids = [body.id] + ([PARENT_BODY[body.id]] if body.id in PARENT_BODY else [])
    for body_id in ids:
        target = registry.by_id(body_id)
        for alias in (target.aliases + (target.canonical,)) if target else ():
            specific = alias.isupper() and len(alias) >= 2 or len(alias.split()) >= 3
            if specific and re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", text):
                return True
    return False


# A body's full name as a document writes it anywhere (a heading, a sentence that is no record):
# capitalised words ending in a body noun, and an "of|for|on ..." tail in capitals.
_CAP = r"(?:[A-Z][\w'’&-]*|of(?:[ \t]+the)?|for(?:[ \t]+the)?|on|at|and(?![ \t]+the\b)|in)"
# ("Children at Risk Unit": a lower-case "at", "of" or "for" between two capitalised words; never "and",
# which joins two bodies: "Chair and Children’s Unit")
WRITTEN_BODY = re.compile(rf"\b(?:[A-Z][\w'’-]*[ \t]+(?:(?:at|of|for)[ \t]+(?=[A-Z]))?){{0,6}}"
                          rf"(?:{BARE_BODY_NOUNS.pattern})\b"
                          rf"(?:[ \t]+(?:of|for|on|against|in)[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+{_CAP})*)?")


MONTH_WORD = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?|Spring|Summer|Autumn|Winter", re.I)


def _cut_at_place_or_time(name: str, registry: Registry) -> str:
    """"Council in May", "Secretariat in Riga": the name ends before a time or a place; a name the
    registry knows whole is kept ("... Cooperation on Children at Risk": "Risk" is no place)."""
    if registry.body(name) is not None:
        return name
    for m in re.finditer(r"\s+(?:in|at|on)\s+([A-Z][\w'’-]*)", name):
        word = m.group(1)
        if MONTH_WORD.fullmatch(word) or registry.city(word) or registry.state(word) or m.end() == len(name):
            return name[: m.start()]  # a single capitalised word closing the name is a place: "... in Kirkenes"
    return name


SMALL_WORDS = {"of", "the", "for", "and", "on", "in", "at", "against", "to", "a", "an"}
TITLE_SEPARATORS = re.compile(r"\s+[–—-]\s+|\s*[:|,(·•]\s*")
NO_TITLE_BODY = re.compile(r"\b(presidency|chairmanship)\b", re.I)  # a state's term: `_presidencies` names it
# "Report of the Secretariat", "Prepared by the NDPHS Secretariat": the body is after the words
TITLE_LEAD = re.compile(r"^(?:(?:annual |activity |progress )?report|minutes|programme|newsletter|news|prepared|"
                        r"published|issued|compiled)\s+(?:of|by|from|for)\s+(?:the\s+)?", re.I)


def title_block_bodies(title_block: str, text: str, registry: Registry) -> list[ActorLink]:
    """The bodies a document's title block names as a whole line or a part of one ("Baltic Sea NGO
    Network", "Social and Health Committee", "Children at Risk Unit – activities 2016-2017"): a short
    part without digits, every word capitalised but the small ones, one of them a body noun; not a
    headline ("Helsinki Commission meets in Helsinki"). Capitals are undone ("CHILDREN AT RISK
    UNIT"), except for the acronyms the text writes in capitals elsewhere (CBSS, UBC). A state's
    presidency is named as `_presidencies` names it ("Lithuanian Presidency")."""
    acronyms = {w for line in text.splitlines() if re.search(r"[a-z]", line)
                for w in re.findall(r"\b[A-Z]{2,}\b", line)}
    out = _presidencies(title_block, registry, ActorRole.responsible)
    for line in title_block.split(" | "):
        line = re.sub(r"^\d{1,2}(?=[A-Z])", "", line.strip())  # "1Children at Risk Unit": a slide number glued on
        for part in TITLE_SEPARATORS.split(line):
            part = TITLE_LEAD.sub("", re.sub(r"^(?:the|a|an)\s+", "", part.strip(" .;"), flags=re.I))
            words = part.split()
            if part.isupper():
                words = [w if w in acronyms else w.lower() if w.lower() in SMALL_WORDS and i else w.capitalize()
                         for i, w in enumerate(words)]
                part = " ".join(words)
            if not 2 <= len(words) <= 9 or re.search(r"\d", part) or NO_TITLE_BODY.search(part) \
                    or not any(BARE_BODY_NOUNS.fullmatch(w) for w in words) \
                    or any(not w[:1].isupper() and w.lower() not in SMALL_WORDS for w in words):
                continue
            body = registry.body(part)
            out.append(_link(registry, body, None, part, ActorRole.responsible, "text", f"title block names {part!r}")
                       if body is not None else
                       ActorLink(name=part, as_written=part, role=ActorRole.responsible, source_field="text",
                                 kind="organisation", reason=f"title block names {part!r}"))
    return out


def _written_bodies(text: str, registry: Registry) -> list[ActorLink]:
    out = []
    for m in WRITTEN_BODY.finditer(text):
        name = re.sub(r"^(?:The|A|An|In|On|At|By|For|With|From|Under|During|Since)\s+", "", m.group(0))
        name = _cut_at_place_or_time(name, registry)
        name = re.sub(r"(?:\s+(?:of|for|on|at|and|the|in))+$", "", name)
        if len(name.split()) < 2:
            continue
        body = registry.body(name)
        if body is not None:
            out.append(_link(registry, body, None, name, ActorRole.responsible, "text", f"document names {name!r}"))
        else:
            out.append(ActorLink(name=name, as_written=name, role=ActorRole.responsible, source_field="text",
                                 kind="organisation", reason=f"document names {name!r}"))
    return out


def _full_names_in(links_by_draft: list[list[ActorLink]], text: str, registry: Registry) -> list[ActorLink]:
    """The bodies a document names in full: its records' actors of two words or more and the
    presidencies it names."""
    # a full name the document wrote, not one the registry gave a generic alias ("the Commission")
    out = [link for links in links_by_draft for link in links if len(link.name.split()) >= 2
           and not GENERIC_ALIAS.fullmatch(_clean_name(link.as_written or link.name))]
    out += _presidencies(text, registry, ActorRole.responsible)
    return out


def _rival_body(written: str, entity_id: str, full: list[ActorLink], text: str) -> ActorLink | None:
    """Another body with the same head noun ("Helsinki Commission" beside "European Commission")
    that the document names clearly more often than the registry's body of that alias: the
    document's own body is the one it calls by the bare noun."""
    noun = re.sub(r"^the\s+", "", written, flags=re.I)
    found = _one_body_named(noun, full, text)
    return found if found is not None and found.entity_id != entity_id and any(
        f.entity_id == entity_id for f in full) else None


def _one_body_named(short: str, full: list[ActorLink], text: str = "") -> ActorLink | None:
    """The one full name that contains a short name: "working group" in "Joint Working Group on
    Health", "Unit" in "Children at Risk Unit". Of several, the one the document names most often,
    if clearly so (a presidency's programme names its own presidency more than the one before it)."""
    # by the name as written too: "the Commission" of a text that wrote "Helsinki Commission" (HELCOM)
    matches = {(f.entity_id or f.name.lower()): f for f in full
               if any(re.search(rf"\b{re.escape(short)}\b", name, re.I) and not GENERIC_ALIAS.fullmatch(name)
                      and name.lower() != short.lower() for name in {f.name, _clean_name(f.as_written or f.name)})}
    if len(matches) == 1:
        return next(iter(matches.values()))
    counts = sorted(((len(re.findall(rf"\b{re.escape(f.as_written or f.name)}\b", text, re.I)), key)
                     for key, f in matches.items()), reverse=True)
    if len(counts) > 1 and counts[0][0] >= 2 and counts[0][0] >= 2 * counts[1][0]:
        return matches[counts[0][1]]
    return None


def resolve_short_names(links_by_draft: list[list[ActorLink]], text: str, registry: Registry,
                        title_block: str = "") -> None:
    """Resolve, in place, actors a document names by a head noun ("the Unit", "the Presidency") or a
    generic alias to the one body the document names in full with that head noun; a generic alias
    of a registry body the document never names in full stays as written. Of several such bodies
    the text names, the one in the document's title block is its own ("Baltic Sea NGO Network" over
    a member's "Norwegian Children's Rights Network": "the network" is the document's)."""
    full = _full_names_in(links_by_draft, text, registry)
    own = None  # the bodies its title block names, asked only when the text's bodies do not tell
    in_text = None  # the bodies its text names anywhere, asked only when its records' actors do not tell
    # What the loop asks of the whole document depends only on the name asked (`full`, `own`,
    # `in_text` and the text do not change in it): each answer once, not once a record's link
    # (a 1,237-page report's 1,077 "the Commission" links scanned its text 2,154 times).
    answers: dict = {}

    def once(key, work):
        if key not in answers:
            answers[key] = work()
        return answers[key]

    for links in links_by_draft:
        for i, link in enumerate(links):
            written = _clean_name(link.as_written)
            own_term = re.fullmatch(r"(?:the\s+)?(?:presidency|chairmanship)", written, re.I) is not None \
                and once("presidencies", lambda: bool(_presidencies(text, registry, ActorRole.responsible)))  # "the Chairmanship": the Finnish one
            if link.entity_id and not link.entity_id.startswith("state:") and (GENERIC_ALIAS.fullmatch(written)
                                                                               or own_term):
                body = registry.by_id(link.entity_id)
                rival = once(("rival", written, link.entity_id), lambda: _rival_body(written, link.entity_id, full, text)) \
                    if not own_term else None
                if rival is not None:  # "the Commission" of a HELCOM report: the Helsinki Commission
                    links[i] = link = link.model_copy(update={
                        "name": rival.name, "entity_id": rival.entity_id, "kind": rival.kind,
                        "reason": f"{written!r}: the {rival.name} the document names most"})
                    continue
                if body is not None and (own_term or not once(("in full", body.id),
                                                              lambda: _names_body_in_full(text, body, registry))):
                    links[i] = link = link.model_copy(update={"name": written, "entity_id": None,
                                                              "kind": "organisation",
                                                              "reason": f"{written!r}: the document never names "
                                                                        f"{body.canonical} in full"})
            if link.entity_id is None and (BARE_BODY_NOUNS.fullmatch(link.name.capitalize())
                                           or GENERIC_ALIAS.fullmatch(link.name) or link.name.islower()):
                # the document's own body first: its title block's ("the network" of the network's newsletter)
                own = title_block_bodies(title_block, text, registry) if own is None else own
                found = once(("own", link.name), lambda: _one_body_named(link.name, own, text))
                if found is None:
                    found = once(("full", link.name), lambda: _one_body_named(link.name, full, text))
                if found is None:
                    in_text = _written_bodies(text, registry) if in_text is None else in_text
                    found = once(("in text", link.name), lambda: _one_body_named(link.name, in_text, text))
                if found is not None:
                    links[i] = link.model_copy(update={"name": found.name, "entity_id": found.entity_id,
                                                       "kind": found.kind,
                                                       "reason": f"{link.as_written!r}: the {found.name} the "
                                                                 f"document names"})
        links[:] = [link for link in links if not link.name.islower()]  # "the presidency" it never names in full
