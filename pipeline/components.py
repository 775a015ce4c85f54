"""The ingest stages, registered by name (as spaCy registers pipeline components) and assembled
from `pipeline/config.toml`. Each stage does one thing to the shared `IngestState`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from pydantic import ValidationError

from extractors.entities.actors import (actors_from_cell, actors_in_parenthesis, actors_in_text, lead_in_subject,
                                       resolve_short_names, title_block_bodies)
from extractors.catalogue import CatalogueEntry
from extractors.funding import funding_in_text
from extractors.time.dates import (DATE_STAMP, ends_before, normalise, record_time, tidy_ordinals, dates_itself,
                                   within_period)
from extractors.time.project_months import in_calendar_months, project_start
from extractors.time.dates_i18n import normalise_multilingual, normalise_text_multilingual, refine_period
from extractors.entities.places import city_in_text, countries_from_cell, countries_in_text, locate
from extractors.entities.registry import Registry, load_registry
from extractors.segment import PLAN_KINDS, Draft, clean, priority_codes, segment
from extractors.structure import Structure, analyse, title_block
from extractors.entities.themes import inherited_themes, lead_topic_themes, legend_themes, word_themes
from schemas.document import BlockKind, Document
from schemas.records import ActorRole, DateValue, Period, Quarantined, Record, ThemeAssignment

Stage = Callable[["IngestState"], None]
STAGES: dict[str, Stage] = {}


def stage(name: str):
    def wrap(fn: Stage) -> Stage:
        STAGES[name] = fn
        return fn

    return wrap


@dataclass
class IngestState:
    path: Path
    doc: Document | None = None
    structure: Structure | None = None
    drafts: list[Draft] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    quarantine: list[Quarantined] = field(default_factory=list)
    registry: Registry = field(default_factory=load_registry)
    catalogue: dict | None = None  # the archivist's catalogue entry for this file (extractors/catalogue.py)
    candidates: int = 0  # prose units judged by `classify`

    def __getstate__(self) -> dict:  # handed to a worker (pipeline/ingest.py): the shared registry stays behind
        state = dict(self.__dict__)
        if state.get("registry") is load_registry():
            state["registry"] = None
        return state

    def __setstate__(self, state: dict) -> None:
        if state.get("registry") is None:
            state["registry"] = load_registry()
        self.__dict__.update(state)

    @property
    def when(self) -> date | None:
        """The document's time, for naming bodies as they were then called."""
        period = self.structure.period if self.structure else None
        return period.end if period else None


@stage("read")
def read(state: IngestState) -> None:
    from pipeline.readers import read_document

    state.doc = read_document(state.path)


@stage("analyse")
def analyse_structure(state: IngestState) -> None:
    entry = CatalogueEntry.from_dict(state.catalogue) if state.catalogue else None
    state.structure = analyse(state.doc, entry)
    refine_period(state.structure, state.doc)  # "июль 2016 – июнь 2017": extractors/time/dates_i18n.py


@stage("segment")
def segment_records(state: IngestState) -> None:
    state.drafts = segment(state.doc, state.structure, state.registry)


@stage("classify")
def classify(state: IngestState) -> None:
    """Prose units become events, activities, or nothing (extractors/prose/narrative_kind.py)."""
    from extractors.prose.narrative import trim_title_event
    from extractors.prose.narrative_kind import ELABORATION_ACTORS, cue_words, decide
    from extractors.prose.narrative_model import classify_texts, model_opinion, unit_context

    # The rules first, then the classifier over every unit of the document in one batch.
    ruled = {}
    for d in state.drafts:
        if d.kind == "candidate":
            has_city = city_in_text(d.text, state.registry) is not None
            decision = decide(d.unit, d.nlp_doc, has_city)
            ruled[id(d)] = decision, cue_words(d.unit, d.nlp_doc, has_city, decision)
    candidates = [d for d in state.drafts if id(d) in ruled]
    scores = classify_texts([unit_context(d.unit, state.structure.kind, ruled[id(d)][1]) for d in candidates]) \
        if candidates else []
    scored = {id(d): s for d, s in zip(candidates, scores)}
    kept: list[Draft] = []
    seen_texts: set[str] = set()
    last_event: Draft | None = None
    for d in state.drafts:
        if d.kind != "candidate":
            kept.append(d)
            continue
        state.candidates += 1
        decision, cues = ruled[id(d)]
        rule_kind, rule = decision.kind, decision.rule  # model_opinion updates the decision in place
        decision = model_opinion(decision, d, state.structure.kind, cues, scores=scored[id(d)])
        if decision.kind == "activity" and rule_kind == "event" and ends_before(d.text, state.structure.period):
            # "Joint Investigation Team set up in 2006" in a 2008 deck: nobody plans the past
            decision.kind, decision.rule = "event", rule
            decision.reasons.append("dated before the document's period: no plan, the rules' event stands")
        if _classifier_background(decision, d, state.structure.period) \
                or d.commitment_only and decision.kind != "activity" \
                and not (decision.kind == "event" and dates_itself(d.text, state.structure.period)) \
                or d.events_only and decision.kind != "event":  # let in for its date: what happened, or nothing
            continue
        if decision.elaborates and last_event is not None and d.nlp_doc is not None \
                and _root_lemma(d.nlp_doc) in ELABORATION_ACTORS:  # "The meeting was hosted by ...": its hosts
            last_event.elaborations.append(d.nlp_doc)
        key = " ".join(d.text.lower().split())
        if decision.kind is None or key in seen_texts:  # a title slide repeated on the last slide: once
            continue
        d.kind, d.decision = decision.kind, decision
        if d.kind == "event" and d.unit.shape == "title" and d.unit.entry_date_raw is None:
            titled = trim_title_event(d.text, lambda w: state.registry.city(w))
            if titled:  # a title slide: the event's name, then its city and dates
                d.text, d.place_raw, d.unit.entry_date_raw = titled
                d.unit.entry_place_raw = d.place_raw
                d.prov.char_end = (d.prov.char_start or 0) + len(d.text)
                key = " ".join(d.text.lower().split())
                if key in seen_texts:
                    continue
        seen_texts.add(key)
        if d.kind == "event":
            last_event = d
        kept.append(d)
    state.drafts = kept


def _classifier_background(decision, d: Draft, period: Period | None) -> bool:
    """An event only the classifier saw, dated before the document's own period, is background
    (records.md: sentences that describe background are not records): a report retelling how its
    body was set up years earlier. The rules' own events keep their verdict."""
    if decision.kind != "event" or not decision.rule.startswith("classifier") or period is None \
            or period.start is None:
        return False
    return ends_before(d.text, period)


def _root_lemma(sdoc) -> str:
    root = next((t for t in sdoc if t.dep_ == "ROOT"), None)
    return root.lemma_.lower() if root is not None else ""


@stage("dates")
def dates(state: IngestState) -> None:
    period = state.structure.period
    m1 = project_start(state.doc.text()) if state.doc is not None else None  # "M20" -> a calendar month
    for d in state.drafts:
        if d.unit is not None:
            d.date = narrative_date(d.unit, period, m1)
        elif d.date_raw is not None and d.kind == "activity" and not d.date_in_text:
            value = normalise_multilingual(in_calendar_months(d.date_raw, m1), period)  # English or a region language
            # a deadline cell that says "Yearly" or "TBD" states a time but no date: null, not the period
            d.date = within_period(value, period) if not clean(d.date_raw) else value
        elif d.date_raw is not None:
            d.date = normalise_multilingual(in_calendar_months(d.date_raw, m1), period)
        elif state.doc.language not in (None, "en"):  # "Seminar ..., Frühjahr 2009"
            d.date = within_period(normalise_text_multilingual(d.text, period), period)
        else:
            d.date = within_period(normalise(in_calendar_months(d.text, m1), period, scan=True), period)


@stage("nlp")
def run_nlp(state: IngestState) -> None:
    """Run spaCy over every text later stages read, in nlp.pipe batches. Record texts and lead-ins
    get the whole pipeline (parse, lemmas, NER); table cells only need the registry's EntityRuler."""
    from extractors.entities.nlp import get_nlp

    if not state.drafts:
        return  # nothing to parse: the model is not even loaded
    nlp = get_nlp()
    # A table row's actors come from its cells: its activity text needs lemmas and the registry's
    # entities (themes), not the parser or the statistical NER, which cost most of the time.
    light = [d.text for d in state.drafts if d.cells]
    full = [d.text for d in state.drafts if not d.cells] + [d.lead_in for d in state.drafts if d.lead_in]
    light, full = list(dict.fromkeys(light)), list(dict.fromkeys(full))  # a lead-in shared by ten items: once
    parsed = dict(zip(light, nlp.pipe(light, batch_size=128, disable=["parser", "ner"])))
    # a web page's date stamp ("2011-05-20 | The network met ...") is parsed away: the sentence starts after it
    parsed.update(zip(full, nlp.pipe([DATE_STAMP.sub("", text, count=1) for text in full], batch_size=64)))
    for d in state.drafts:
        d.nlp_doc = parsed[d.text]
        d.lead_doc = parsed[d.lead_in] if d.lead_in else None
    cells = [(d, role) for d in state.drafts for role in ("responsible", "partners", "funding") if d.cells.get(role)]
    only_ruler = [name for name in nlp.pipe_names if name != "entity_ruler"]
    cell_docs = nlp.pipe([d.cells[role] for d, role in cells], batch_size=256, disable=only_ruler)
    state._cell_docs = {(id(d), f"cell:{role}"): sdoc for (d, role), sdoc in zip(cells, cell_docs)}  # type: ignore[attr-defined]


def narrative_date(unit, period: Period | None, m1: date | None = None) -> DateValue:
    """A prose record's own date; else the dated heading it sits under ("April 2000" on an
    announcements page); else the document's period (records.md). A day or month with no year
    takes it from the dated heading, else from the period."""
    reference = period
    if unit.heading_date is not None:
        reference = Period(start=unit.heading_date.start, end=unit.heading_date.end, raw=unit.heading_date.raw or "")
    own = record_time(tidy_ordinals(in_calendar_months(unit.text, m1)), reference)
    # an entry's date prefix is the record's date, unless the text states its own day or days:
    # a page's date stamp ("12/05/2011 - On 3 and 4 May ...") or a press release's dateline
    # ("Tallinn, 25 September 1997 - The ministers met on 24-25 September") is when it was written
    if unit.entry_date_raw and not (own.start is not None and (DATE_STAMP.match(unit.entry_date_raw + " ")
                                                               or _states_its_days(own))):
        return normalise(tidy_ordinals(unit.entry_date_raw), reference)
    if own.start is not None:
        return own
    if unit.heading_date is not None:
        return unit.heading_date.model_copy(update={"source": "heading"})
    return within_period(own, period)


def _states_its_days(value: DateValue) -> bool:
    """A day, or a range of days within a month or two: a time the record states for itself."""
    if value.granularity == "day":
        return True
    return value.granularity == "range" and value.start is not None and (value.end - value.start).days <= 62


CELL_ROLES = {"responsible": ActorRole.responsible, "partners": ActorRole.partner, "funding": ActorRole.funder}


@stage("actors")
def actors(state: IngestState) -> None:
    cell_docs = getattr(state, "_cell_docs", {})
    for d in state.drafts:
        links = []
        if d.unit is not None:
            links = _narrative_actors(d, state)
        elif d.cells:
            for column, role in CELL_ROLES.items():
                if d.cells.get(column):
                    links += actors_from_cell(d.cells[column], state.registry, state.when, role, column,
                                              cell_docs.get((id(d), f"cell:{column}")))
        elif d.kind == "activity":
            if d.lead_doc is not None:
                links += actors_in_text(d.lead_doc, state.registry, state.when, mode="event",
                                        default_role=ActorRole.responsible)
            first_sentence = next(iter(d.nlp_doc.sents)).end_char if d.nlp_doc is not None and len(d.nlp_doc) else None
            links += actors_in_text(d.nlp_doc, state.registry, state.when, mode="plan", limit_chars=first_sentence)
            links += actors_in_parenthesis(d.text, state.registry, state.when)
        else:
            links += actors_in_text(d.nlp_doc, state.registry, state.when, mode="event")
        d.actors = links
    _imperatives_to_owner(state)
    _we_to_owner(state)
    resolve_short_names([d.actors for d in state.drafts], state.doc.text() if state.doc else "", state.registry,
                        title_block(state.doc) if state.doc else "")
    _referring_subject_to_previous(state)
    _names_of_the_time(state)
    for d in state.drafts:
        seen, unique = set(), []
        for link in d.actors:
            key = link.entity_id or link.name.lower()
            if key not in seen:
                seen.add(key)
                unique.append(link)
        d.actors = unique


def _names_of_the_time(state: IngestState) -> None:
    """A body a short name was resolved to ("the Group", "the Unit" of a 2003 report) is named as in
    the document's time, like every body its records name in full: the WGCC in 2007, the Children's
    Unit in 2003 (the registry's eras), not the name it bears today."""
    for d in state.drafts:
        for i, link in enumerate(d.actors):
            body = state.registry.by_id(link.entity_id) if link.entity_id else None
            if body is None or not body.eras or link.name not in {body.canonical, *(name for _, name in body.eras)}:
                continue
            named = body.name_at(state.when)
            if named != link.name:
                d.actors[i] = link.model_copy(update={"name": named})


def _narrative_actors(d: Draft, state: IngestState) -> list:
    """An event: everyone its sentence names as taking part, and the hosts a following "The meeting
    was hosted by ..." adds. An activity: who its words name, else who its lead-in names."""
    if d.kind == "event":
        links = actors_in_text(d.nlp_doc, state.registry, state.when, mode="narrative")
        for extra in d.elaborations:
            links += actors_in_text(extra, state.registry, state.when, mode="event", default_role=ActorRole.organiser)
        return links
    links = actors_in_text(d.nlp_doc, state.registry, state.when, mode="narrative", default_role=ActorRole.responsible)
    links += actors_in_parenthesis(d.text, state.registry, state.when)
    if d.unit is not None and d.unit.lead_in and _opens_with_verb(d):
        links = lead_in_subject(d.unit.lead_in) + links  # "The Ministers:" / "decided to extend the mandate ..."
    if not links and d.lead_doc is not None:
        links = actors_in_text(d.lead_doc, state.registry, state.when, mode="narrative", default_role=ActorRole.responsible)
    return links


def _imperatives_to_owner(state: IngestState) -> None:
    """A plan's item in the imperative that names no one ("Instruct the ... to ...", "Organise a
    seminar on ..."): the body whose plan it is does it, as its title block names it."""
    if state.structure is None or state.structure.kind not in PLAN_KINDS or state.doc is None:
        return
    owners = None
    for d in state.drafts:
        if d.kind == "activity" and not d.actors and d.nlp_doc is not None and len(d.nlp_doc) \
                and d.nlp_doc[0].tag_ == "VB" and d.nlp_doc[0].text[:1].isupper():
            if owners is None:
                owners = [link for link in _title_block_bodies(state) if link.kind != "state"]
            d.actors = [link.model_copy() for link in owners]


def _we_to_owner(state: IngestState) -> None:
    """"In 2011 we made 38 visits to schools": a document written in the first person plural speaks
    for the body whose document it is, as its title block (or its catalogue title) names it."""
    if state.doc is None:
        return
    owners = None
    for d in state.drafts:
        if d.kind is None or d.nlp_doc is None or not _we_acts(d.nlp_doc):
            continue
        if owners is None:
            owners = _document_owners(state)
        known = {(link.entity_id or link.name.lower()) for link in d.actors}
        d.actors = [link.model_copy() for link in owners if (link.entity_id or link.name.lower()) not in known] + d.actors


# "The three organisations signed ...", "They also adopted ...": a subject that refers back to the
# bodies the sentences before named (not "the participants": people at a meeting, not its bodies)
REFERRING_SUBJECT = re.compile(r"^(?:they|(?:the|both|all)\s+(?:two|three|four|five|six|seven|eight|nine|ten)?\s*"
                               r"(?:organi[sz]ations|partners|parties|bodies|agencies|institutions|networks))$", re.I)
REFERRING_REACH = 2  # blocks back: the same paragraph or the one or two before it


def _referring_subject_to_previous(state: IngestState) -> None:
    """A record whose subject refers back and names no one takes the actors of the record before it
    in the same or a nearby paragraph."""
    last, last_block = None, None
    for d in state.drafts:
        block = d.unit.block if d.unit is not None else None
        if d.kind is not None and not d.actors and d.nlp_doc is not None and block is not None \
                and last and block - last_block <= REFERRING_REACH and _refers_back(d.nlp_doc):
            d.actors = [link.model_copy() for link in last]
        if d.actors and block is not None:
            last, last_block = d.actors, block


def _refers_back(sdoc) -> bool:
    root = next((t for t in sdoc if t.dep_ == "ROOT"), None)
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
    return subj is not None and REFERRING_SUBJECT.match(" ".join(t.text for t in subj.subtree)) is not None


def _we_acts(sdoc) -> bool:
    """"we" is the subject of the sentence's main verb (or of a verb joined to it)."""
    return any(t.lower_ == "we" and t.dep_ in ("nsubj", "nsubjpass") and (t.head.dep_ in ("ROOT", "conj"))
               for t in sdoc)


def _title_block_bodies(state: IngestState) -> list:
    """The bodies the document's title block names (its owner, for imperatives, "we" and themes)."""
    return title_block_bodies(title_block(state.doc), state.doc.text(), state.registry)


def _document_owners(state: IngestState) -> list:
    text = state.doc.text()
    owners = _title_block_bodies(state)
    if not owners and state.structure is not None and state.structure.title_source == "catalogue":
        owners = title_block_bodies(state.structure.title or "", text, state.registry)
    bodies = [link for link in owners if link.kind != "state"]
    return bodies or owners


def _opens_with_verb(d: Draft) -> bool:
    """An operative item without a subject of its own: its first word is its verb."""
    return d.nlp_doc is not None and len(d.nlp_doc) > 0 and d.nlp_doc[0].pos_ == "VERB" \
        and d.nlp_doc[0].tag_ in ("VBD", "VBN", "VB", "VBP")


PEOPLE_CELLS = ("responsible", "partners", "member_state", "funding", "activity")


@stage("places")
def places(state: IngestState) -> None:
    for d in state.drafts:
        if d.unit is not None:
            if d.kind == "event":
                place = locate(d.place_raw, state.registry) if d.place_raw else (None, None)
                # a prefix's known city, else the city the sentence names, else the prefix as written
                # ("Update 20 September: The seminar ... in Arkhangelsk": no city called "Update")
                hit = (place if place[0] and place[1] else None) or city_in_text(d.text, state.registry) \
                    or (place if place[0] else None)
                if hit:
                    d.city, d.city_country = hit
            continue
        if d.kind in ("activity", "event") and d.city is None:
            hit = city_in_text(d.text, state.registry) or city_in_text(d.cells.get("tools", ""), state.registry)
            if hit is None and d.kind == "event":  # a done row's place is in its remarks: "Held in Riga, 40 experts"
                hit = next((found for role, cell in d.cells.items() if role not in PEOPLE_CELLS
                            for found in [city_in_text(cell, state.registry)] if found), None)
            if hit:
                d.city, d.city_country = hit


@stage("retold")
def retold_titles(state: IngestState) -> None:
    """A report's title block names the meeting it reports ("REPORT FROM THE MEETING IN MURMANSK,
    26-27 SEPTEMBER 2017") and its first section tells it ("The group met in Murmansk on 26-27
    September"): one happening, recorded once, from the sentence. The title's event stands when no
    sentence tells the same days (in the same city, when the title's city is known): a title slide,
    a programme's cover."""
    told = [(d.date.start, d.date.end, d.city) for d in state.drafts
            if d.kind == "event" and d.unit is not None and not d.unit.in_title and d.date and d.date.start]

    def retold(d) -> bool:  # the same days, in the same city when the title names one it knows
        return any((start, end) == (d.date.start, d.date.end) and (d.city is None or city == d.city)
                   for start, end, city in told)

    state.drafts = [d for d in state.drafts
                    if not (d.kind == "event" and d.unit is not None and d.unit.in_title and d.date
                            and d.date.start and retold(d))]


@stage("countries")
def countries(state: IngestState) -> None:
    for d in state.drafts:
        if "member_state" in d.cells:
            d.countries = countries_from_cell(d.cells["member_state"], state.registry)
        else:
            found = countries_in_text(d.text, state.registry)
            if d.city_country and d.city_country not in found:
                found.insert(0, d.city_country)
            d.countries = found


@stage("funding")
def funding(state: IngestState) -> None:
    """A table's funding cell, else what the sentence says pays for the work."""
    for d in state.drafts:
        if d.cells.get("funding"):
            d.funding = d.cells["funding"]
        elif d.unit is not None:
            d.funding = funding_in_text(d.text)


@stage("themes")
def themes(state: IngestState) -> None:
    block = state.structure.legend_block
    legend = legend_themes(state.structure.legend, ocr=block is not None and bool(state.doc.blocks[block].prov.ocr))
    title = state.structure.title or ""
    doc_themes = inherited_themes(title, "document") if _title_sets_themes(state.structure) else []
    doc_themes += _title_body_themes(state)
    if state.doc is not None:
        doc_themes += lead_topic_themes([b.text for b in state.doc.blocks if b.kind is not BlockKind.table])
    for d in state.drafts:
        assigned: list[ThemeAssignment] = []
        label = (d.unit.label or "").strip("().") if d.unit is not None else ""
        if label and (label.isdigit() or d.unit.in_priorities and label.isalnum()):
            d.priority_codes = [label]  # a numbered item's own number, as printed ("1." -> "1")
        if "priority" in d.cells:
            d.priority_codes = priority_codes(d.cells["priority"], state.structure.legend)
            for code in d.priority_codes:
                assigned += legend.get(code, [])
        assigned += doc_themes
        for heading in d.section_headings:
            assigned += inherited_themes(heading, "section")
        lemmas = " ".join(t.lemma_ for t in d.nlp_doc) if d.nlp_doc is not None else None
        assigned += word_themes(d.text, lemmas, event=d.kind == "event")
        assigned += _entity_themes(d, state.registry)
        if not assigned:
            assigned.append(ThemeAssignment(theme="governance", source="words",
                                            reason="no topical words: the group's own working by default"))
        seen, d.themes = set(), []
        for t in assigned:
            if t.theme not in seen:
                seen.add(t.theme)
                d.themes.append(t)


ABOUT_TITLE = re.compile(r"\b(programme|program|plan|strategy|action plan|report|conference|seminar|study|project|"
                         r"guidelines|recommendations|campaign|questionnaire|survey|declaration|communiqu\w+|"
                         r"workshop|handbook|manual)\s+(on|against|for|concerning|about)\b"
                         r"|\b(discuss(?:es|ed)?|focus(?:es|ed)? on|devoted to|dedicated to|tackles?)\s", re.I)


def _title_sets_themes(structure: Structure) -> bool:
    """A plan's title names what every row is about; a prose document's title does so only when it
    says so ("The programme on unaccompanied and trafficked children"), not a headline about one event."""
    if structure.kind in ("table_plan", "narrative_plan", "unknown"):
        return True
    return bool(ABOUT_TITLE.search(structure.title or ""))


def _title_body_themes(state: IngestState) -> list[ThemeAssignment]:
    """A body the title block names by its topic ("Ombudsman for Children in Finland", "Task Force
    against Trafficking in Human Beings: Annual Report") works on that topic in the whole document:
    themes.md passes a whole document's theme to every record in it."""
    if state.doc is None:
        return []
    out: list[ThemeAssignment] = []
    for link in _title_block_bodies(state):
        out += inherited_themes(link.as_written, "document")
    return out


def _entity_themes(d: Draft, registry: Registry) -> list[ThemeAssignment]:
    """Projects and bodies the registry ties to a theme (AudTrain -> alternative care)."""
    out = []
    if d.nlp_doc is None:
        return out
    for ent in d.nlp_doc.ents:
        if ent.label_ in ("PROJECT", "BODY"):
            item = registry.by_id(ent.ent_id_)
            for theme in item.themes if item else ():
                out.append(ThemeAssignment(theme=theme, source="words", reason=f"words: {ent.text!r} ({item.canonical})"))
    return out


@stage("validate")
def validate(state: IngestState) -> None:
    for d in state.drafts:
        try:
            state.records.append(Record(
                doc=state.doc.name, kind=d.kind, text=d.text, date=d.date or DateValue(), actors=d.actors,
                countries=d.countries, themes=d.themes, priority_codes=d.priority_codes, location=d.city,
                location_country=d.city_country, funding=d.funding, section=d.section, ref=d.ref, cells=d.cells,
                prov=d.prov, doc_sha256=state.doc.sha256, why=d.decision.explain() if d.decision else None,
            ))
        except ValidationError as exc:
            reason = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            state.quarantine.append(Quarantined(doc=state.doc.name, stage="validate", reason=reason,
                                                raw_text=d.text, raw={"cells": d.cells, "ref": d.ref}, prov=d.prov))

