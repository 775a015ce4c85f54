"""Candidate records from the document model: one activity per plan-table row, one per numbered
item of a narrative plan's activities, one event per dated entry of a report's events list."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.columns import column_roles, is_plan_table, roles_from_content
from extractors.entities.places import split_event_entry, split_place_first_entry
from extractors.entities.registry import Registry
from extractors.structure import BACKGROUND, Structure, is_lead_in, is_marker, section_label
from extractors.time.dates import dates_itself
from schemas.document import Block, BlockKind, Document, Provenance
from schemas.records import ActorLink, DateValue, ThemeAssignment


@dataclass
class Draft:
    """A record before validation; the extract stages fill it in."""

    kind: str
    text: str
    prov: Provenance
    ref: str | None = None
    section: str | None = None
    section_headings: list[str] = field(default_factory=list)
    date_raw: str | None = None  # an explicit time expression (a deadline cell, an entry's date)
    date_in_text: bool = False  # else look for time expressions in the record's own words
    cells: dict[str, str] = field(default_factory=dict)
    lead_in: str | None = None
    place_raw: str | None = None
    city: str | None = None
    city_country: str | None = None
    date: DateValue | None = None
    actors: list[ActorLink] = field(default_factory=list)
    themes: list[ThemeAssignment] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    priority_codes: list[str] = field(default_factory=list)
    funding: str | None = None
    nlp_doc: object | None = None
    lead_doc: object | None = None
    unit: object | None = None  # a prose unit (extractors.prose.narrative.Unit) still to be judged
    decision: object | None = None  # why a prose unit is an event or activity (narrative_kind.Decision)
    elaborations: list = field(default_factory=list)  # parses of "The meeting was hosted by ..." that follow an event
    commitment_only: bool = False  # a structured plan's prose: only a sentence saying what will be done counts
    events_only: bool = False  # ... or, let in for the time it states, only as what happened


def clean(text: str) -> str:
    return " ".join((text or "").split())


def table_roles(block: Block, structure: Structure, registry: Registry | None) -> dict[str, int]:
    """Column roles from the header, then by content for the member-state and priority columns."""
    roles = column_roles(block.header)
    if registry is None:
        return roles
    from extractors.entities.places import countries_from_cell

    legend = structure.legend or {c: c for c in "ABCDEFG"}
    letters = "".join(c for c in legend if len(c) == 1 and c.isalpha())

    def is_codes(cell: str) -> bool:
        return bool(letters) and bool(re.fullmatch(rf"[\W{letters}{letters.lower()}lI|]*", cell)) \
            and bool(priority_codes(cell, legend))

    return roles_from_content(block.header, [r.cells for r in block.rows], roles,
                              lambda c: bool(countries_from_cell(c, registry)), is_codes)


def table_row_drafts(doc: Document, structure: Structure, registry: Registry | None = None) -> list[Draft]:
    """One draft per row. Consecutive tables with the same header are one logical table (a plan
    split into several Word tables, or one table a reader met in pieces): rows are numbered across them."""
    drafts = []
    logical, row_no, last_header = -1, 0, None
    for block in (b for b in doc.blocks if b.kind is BlockKind.table and is_plan_table(b.header)):
        if _header_key(block.header) != last_header:
            logical, row_no, last_header = logical + 1, 0, _header_key(block.header)
        roles = table_roles(block, structure, registry)
        offset = (block.prov.char_start or 0) + len("\t".join(block.header)) + 1
        for row in block.rows:
            row_no += 1
            line = "\t".join(row.cells)
            cells = {role: clean(row.cells[i]) for role, i in roles.items() if i < len(row.cells)}
            for i, name in enumerate(block.header):  # keep unnamed columns too, under their header
                if i not in roles.values() and i < len(row.cells):
                    cells[clean(name) or f"column {i + 1}"] = clean(row.cells[i])
            act_i = roles["activity"]
            cell_start = offset + sum(len(c) + 1 for c in row.cells[:act_i])
            text = clean(row.cells[act_i]) if act_i < len(row.cells) else ""
            prov = Provenance(file=doc.name, page=row.pages[0] if row.pages else block.prov.page, table=logical,
                              row=row_no, block=block.prov.block, cell=act_i, char_start=cell_start,
                              char_end=cell_start + len(row.cells[act_i]) if act_i < len(row.cells) else cell_start)
            kind = status_kind(cells.get("status", ""))
            if kind is None:  # "Cancelled": the row says the work will not be done, no record
                offset += len(line) + 1
                continue
            drafts.append(Draft(kind=kind, text=text, prov=prov,
                                ref=f"row {row_no}" if logical == 0 else f"table {logical + 1} row {row_no}",
                                date_raw=cells.get("deadline", ""), cells=cells,
                                section_headings=[s.heading for s in structure.sections[block.prov.block or 0]]))
            offset += len(line) + 1
    return drafts


# A progress report's status column says what became of each row: done is an event, work still
# open (ongoing, postponed, not started) an activity, work dropped no record at all.
STATUS_DONE = re.compile(r"^\W*(completed?|done|finished|held|carried out|achieved|implemented|finali[sz]ed|accomplished|"
                         r"published|adopted|launched|delivered|took place|выполнено|завершено|abgeschlossen|"
                         r"erledigt|zrealizowan[eoa]|wykonan[eoa]|genomförd|klar)\b", re.I)
STATUS_DROPPED = re.compile(r"^\W*(cancell?ed|dropped|withdrawn|abandoned|discontinued|отменено|abgesagt|"
                            r"gestrichen|odwołan[eoa]|inställd|struken)\b", re.I)


def status_kind(status: str) -> str | None:
    """"Completed" -> event, "Cancelled" -> None, anything else (or no status column) -> activity."""
    if STATUS_DROPPED.match(status):
        return None
    return "event" if STATUS_DONE.match(status) else "activity"


def _header_key(header: list[str]) -> list[str]:
    return [re.sub(r"\W+", "", h).lower() for h in header]


def narrative_item_drafts(doc: Document, structure: Structure) -> list[Draft]:
    """Numbered items under an "Activities:" marker or a lead-in ("The RFP will:"); where a plan
    has no such markers, its numbered items outside background sections."""
    has_markers = any(is_marker(b) or is_lead_in(b) for b in doc.blocks)
    drafts: list[Draft] = []
    in_zone, lead_in, priorities_heading = False, None, False
    sub_lead: tuple[int, str] | None = None  # (level, text) of a list item that ends in a colon
    for i, block in enumerate(doc.blocks):
        chain = structure.sections[i] if i < len(structure.sections) else []
        if block.kind is BlockKind.heading and not is_marker(block) and not is_lead_in(block):
            # "Our priorities 2022-2024" over a numbered list: the plan's priorities are its
            # commitments as much as the items under "Planned activities" are
            in_zone, lead_in = False, None
            priorities_heading = bool(PRIORITIES_HEADING.match(block.text))
            continue
        if is_marker(block):
            in_zone, lead_in = True, None
            continue
        if is_lead_in(block) and (in_zone or has_markers):
            in_zone, lead_in = True, block.text
            continue
        if block.kind is not BlockKind.list_item:
            continue
        # a plan in a region language has no English markers: all its items, numbered or bulleted, are its activities
        listed = block.numbered or doc.language not in (None, "en")
        wanted = (in_zone or (priorities_heading and block.numbered)) if has_markers else (
            structure.kind == "narrative_plan" and listed and not any(BACKGROUND.match(s.heading) for s in chain))
        if not wanted:
            continue
        if _introduces_sub_items(doc.blocks, i):
            # "7. Request the working groups, during the Chairmanship, to:" over "1. draw up ...", "2. prepare ...":
            # the item is their lead-in, each sub-item an activity of its own
            sub_lead = (block.level, block.text)
            continue
        if sub_lead is not None and block.level <= sub_lead[0] and not _restarts(doc.blocks, i, sub_lead):
            sub_lead = None
        if block.level > 0 and drafts and drafts[-1].prov.block == _prev_item_block(doc.blocks, i):
            parent = drafts[-1]  # a sub-item belongs to the activity above it
            parent.text = f"{parent.text} {block.text}"
            parent.prov.char_end = block.prov.char_end
            continue
        label = section_label(chain)
        number = (block.label or "").strip("().") if block.numbered else None
        if number and "." in number:
            ref = number  # "1.2" already says where it sits
        else:
            ref = ".".join(x for x in (label, number) if x) or None
        follow = _item_continuation(doc.blocks, i)
        acting = [b for b in follow if _opens_action(b.text)]
        parts = _action_split(block, ref)
        if acting and not _has_action(block.text):
            parts = []  # "2. Safe return – <why>" over lines "Action: ...": the item is the rationale
        for extra in follow:
            if extra in acting:
                parts += _action_split(extra, ref)
            elif acting and PLANNED_SENTENCE.search(extra.text):  # "The Task Force will hold ..." among them
                parts.append((clean(extra.text), extra.prov.model_copy(), ref))
        headings = [s.heading for s in chain]
        # a numbered priority's number is its priority code, as printed (records.md)
        codes = [number] if number and PRIORITY_LIST.search(" ".join([lead_in or "", *headings])) else []
        for text, prov, part_ref in parts:
            drafts.append(Draft(kind="activity", text=text, prov=prov, ref=part_ref, section=label,
                                section_headings=headings, date_in_text=True,
                                lead_in=sub_lead[1] if sub_lead is not None else lead_in,
                                priority_codes=list(codes)))
    return drafts


def _introduces_sub_items(blocks: list[Block], i: int) -> bool:
    """A list item ending in a colon with a deeper list after it (a level down, or numbered from 1 again)."""
    block = blocks[i]
    if block.kind is not BlockKind.list_item or not block.text.rstrip().endswith(":"):
        return False
    nxt = next((b for b in blocks[i + 1:] if b.text.strip()), None)
    return nxt is not None and nxt.kind is BlockKind.list_item and (
        nxt.level > block.level or nxt.numbered and nxt.number == 1 and (block.number or 0) > 1)


def _restarts(blocks: list[Block], i: int, sub_lead: tuple[int, str]) -> bool:
    """Still a sub-item of a lead-in item at the same level: numbered on from the sub-list's own 1."""
    prev = next((b for b in reversed(blocks[:i]) if b.kind is BlockKind.list_item), None)
    block = blocks[i]
    return prev is not None and prev.text != sub_lead[1] and block.numbered and prev.numbered \
        and block.number == (prev.number or 0) + 1 and block.level == prev.level


# a heading that names the list under it as the priorities ("Our priorities 2022-2024", "Thematic
# priority areas"), not one that only mentions them ("How we work on the priorities")
PRIORITIES_HEADING = re.compile(r"^\W*(?:[\dIVX]+[.)]?\s+)?(?:(?:our|the|main|key|thematic|strategic|new)\s+)*"
                                r"(?:priorit(?:y|ies)|focus areas?)\b", re.I)
PRIORITY_LIST = re.compile(r"\b(priorit(?:y|ies)|focus(?:es)? (?:would|will|is|are) (?:be )?on|focus areas?)\b", re.I)


PLANNED_SENTENCE = re.compile(r"^(?!(?:results?|outputs?|time ?limit|deadline|responsible)\s*:).*\b(will|shall|is to|are to|"
                              r"plans? to|intends? to)\b", re.I)


def _has_action(text: str) -> bool:
    from extractors.prose.narrative import action_parts

    return action_parts(text) is not None


def _opens_action(text: str) -> bool:
    from extractors.prose.narrative import ACTION_CLAUSE

    m = ACTION_CLAUSE.match(text.strip())
    return m is not None and m.start() == 0


def _item_continuation(blocks: list[Block], i: int) -> list[Block]:
    """Paragraphs after a numbered item and before the next item, heading, marker or lead-in: in a
    plain-text plan the item's "Action: ..." and "Result: ..." lines stand there as paragraphs."""
    out = []
    for b in blocks[i + 1:]:
        if b.kind is not BlockKind.paragraph or is_marker(b) or is_lead_in(b):
            break
        out.append(b)
    return out


def _action_split(block: Block, ref: str | None) -> list[tuple[str, Provenance, str | None]]:
    """An item whose commitments stand in an action clause ("... Action: a.) map ...; b.) run ...")
    is one activity per part, without its rationale; any other item is one activity."""
    from extractors.prose.narrative import action_parts

    action = action_parts(block.text)
    if action is None:
        return [(clean(block.text), block.prov.model_copy(), ref)]
    out = []
    base = block.prov.char_start or 0
    for label, start, end in action[1]:
        text = clean(block.text[start:end]).strip(" ;,")
        if len(text) < 3:
            continue
        prov = block.prov.model_copy(update={"char_start": base + start, "char_end": base + end})
        out.append((text, prov, ".".join(x for x in (ref, label) if x) or None))
    return out or [(clean(block.text), block.prov.model_copy(), ref)]


def _prev_item_block(blocks: list[Block], i: int) -> int | None:
    """The top-level item a sub-item hangs under; none across a heading, a marker or a lead-in
    (a list indented under "Activities: ... will:" is its own list, not the last one's sub-items)."""
    for j in range(i - 1, -1, -1):
        if blocks[j].kind is BlockKind.list_item and blocks[j].level == 0:
            return blocks[j].prov.block
        if blocks[j].kind is BlockKind.heading or is_marker(blocks[j]) or is_lead_in(blocks[j]):
            return None
    return None


def event_entry_drafts(doc: Document, structure: Structure, registry: Registry) -> list[Draft]:
    """Dated entries (`29-30 August, Stockholm: ...`); a lone match is prose, not a list of events."""
    drafts = []
    for i, block in enumerate(doc.blocks):
        if block.kind not in (BlockKind.paragraph, BlockKind.list_item):
            continue
        entry = split_event_entry(block.text, structure.period, registry)
        if entry is None and doc.language not in (None, "en"):  # "Riga, 3. November 2016 – ..."
            entry = split_place_first_entry(block.text, structure.period, registry)
        if entry is None or not entry.text:
            continue
        start = (block.prov.char_start or 0) + entry.text_offset
        prov = block.prov.model_copy(update={"char_start": start, "char_end": start + len(entry.text)})
        chain = structure.sections[i] if i < len(structure.sections) else []
        drafts.append(Draft(kind="event", text=clean(entry.text), prov=prov, ref=f"{entry.date_raw}, {entry.place_raw or ''}".strip(", "),
                            section=section_label(chain), section_headings=[s.heading for s in chain],
                            date_raw=entry.date_raw, place_raw=entry.place_raw, city=entry.city,
                            city_country=entry.country))
    return drafts if len(drafts) >= 2 else []


PLAN_KINDS = ("table_plan", "narrative_plan")


def segment(doc: Document, structure: Structure, registry: Registry) -> list[Draft]:
    drafts = table_row_drafts(doc, structure, registry)
    if structure.kind != "report":  # a report's numbered lists recount; its commitments live in plans
        drafts += narrative_item_drafts(doc, structure)
    entries = event_entry_drafts(doc, structure, registry)
    drafts += entries
    # A plan's prose is background; a report's is its substance, unless the report keeps its own
    # list of dated events (an annual report's "events and meetings"): then that list is the record
    # and its narrative retells it. A short list of planned items does not make the prose a retelling.
    if structure.kind not in PLAN_KINDS and len(entries) < STRUCTURED_ENOUGH:
        drafts += prose_candidate_drafts(doc, structure, {d.prov.block for d in drafts})
    elif structure.kind not in PLAN_KINDS:
        # beside its events list a report's narrative retells them (and its "will"-sentences are the
        # strategy it restates); the items of a list it opens with what will be done next ("In 2011 the
        # Partnership will:") or puts under a heading of plans it cannot retell
        prose = prose_candidate_drafts(doc, structure, {d.prov.block for d in drafts})
        for d in prose:
            d.commitment_only = True
        drafts += [d for d in prose if _under_will_lead_in(d)]
    elif structure.kind in ("narrative_plan", "table_plan"):
        # a plan written mostly as prose says what will be done in sentences too (and a plan's table
        # comes with a mandate's "The Working Group shall meet twice a year"); the lead-ins and
        # markers of its item lists ("The group agreed on the following.", "Activities:") are not records.
        # Beside a plan's own items its prose is background, but for a sentence that says in so
        # many words what will be done ("The Secretariat will publish ...", "The group is to meet ...").
        taken = {d.prov.block for d in drafts} | {i for i, b in enumerate(doc.blocks)
                                                 if is_lead_in(b) or is_marker(b) or _introduces_list(doc.blocks, i)
                                                 or _introduces_sub_items(doc.blocks, i)
                                                 or clean(b.text) == clean(structure.title or "")} | _title_block(doc)
        if structure.legend_block is not None:
            taken.add(structure.legend_block)  # "* Priorities: A: ...": the codes' key, no record
        # a plan table is the plan, however few its rows: beside it prose counts only as said below
        structured = len(drafts) >= STRUCTURED_ENOUGH or structure.kind == "table_plan"
        prose = prose_candidate_drafts(doc, structure, taken)
        for d in prose:
            d.commitment_only = structured
            d.events_only = structured and not says_what_will_be_done(d.text) and not _listed_priority(d) \
                and not _under_will_lead_in(d)
        # ... or one that states its own time ("To prepare the meeting, senior officials met in Bratislava on
        # 2-3 June"): the classify stage keeps it only as an event
        drafts += [d for d in prose if not structured or says_what_will_be_done(d.text)
                   or dates_itself(d.text, structure.period) or _listed_priority(d)]
    return drafts


STRUCTURED_ENOUGH = 5


def _listed_priority(d: Draft) -> bool:
    """An item of a plan's list of priority areas ("The programme covers four priority areas:")."""
    unit = getattr(d, "unit", None)
    return unit is not None and unit.shape == "item" and unit.in_priorities


def _under_will_lead_in(d: Draft) -> bool:
    """An item under "In 2011 the Partnership will:" or under a heading of what is planned."""
    unit = getattr(d, "unit", None)
    # not a strategy's priorities restated ("... will support the member states in the following priorities:")
    return unit is not None and unit.shape == "item" and not unit.in_priorities and (
        bool(unit.lead_in) and says_what_will_be_done(unit.lead_in) and unit.lead_in.rstrip().endswith(":")
        or unit.planned)
# "will", "shall", "is to": the plan's own future in so many words, outside a quotation ("“The Plan of
# Action will take note ...”" quotes a recommendation, it does not commit)
WILL_BE_DONE = re.compile(r"\b(?:will|shall|(?:is|are) to)\b(?!\s+not\b)", re.I)
QUOTED = re.compile(r"[“\"„«]")


def says_what_will_be_done(text: str) -> bool:
    return WILL_BE_DONE.search(text) is not None and QUOTED.search(text[:12]) is None


def _title_block(doc: Document) -> set[int]:
    """The first line when it reads as the document's title (short, no sentence end)."""
    first = next((i for i, b in enumerate(doc.blocks) if b.text.strip()), None)
    if first is None:
        return set()
    text = doc.blocks[first].text.strip()
    return {first} if len(text.split()) <= 15 and not text.endswith((".", "!", "?")) else set()


POINTS_ON = re.compile(r"\b(?:the following|as follows|below)\b", re.I)  # "The group agreed on the following."


def _introduces_list(blocks: list[Block], i: int) -> bool:
    """A paragraph followed by a marker or a list: the list's introduction."""
    nxt = next((b for b in blocks[i + 1:] if b.text.strip()), None)
    # a sentence that ends with its full stop says its own thing ("By end of 2025 the Secretariat will
    # sign ...") even above a heading "Tasks running through the year"
    return blocks[i].kind is BlockKind.paragraph and nxt is not None and (
        is_marker(nxt) and (not blocks[i].text.rstrip().endswith((".", "!", "?")) or POINTS_ON.search(blocks[i].text))
        or nxt.kind is BlockKind.list_item)


def prose_candidate_drafts(doc: Document, structure: Structure, taken_blocks: set[int]) -> list[Draft]:
    """Every sentence, item and entry of the prose not already read as a list entry or plan item:
    candidates that the `classify` stage turns into events, activities, or nothing."""
    from extractors.prose.narrative import narrative_units

    drafts = []
    for unit in narrative_units(doc, structure, skip_blocks=taken_blocks):
        block = doc.blocks[unit.block]
        prov = block.prov.model_copy(update={"char_start": unit.char_start, "char_end": unit.char_end})
        chain = structure.sections[unit.block] if unit.block < len(structure.sections) else []
        headings = [s.heading for s in chain]
        if unit.heading and unit.heading not in headings and unit.heading_date is None:
            headings.append(unit.heading)
        ref = unit.label and f"item {unit.label}" or (f"{unit.entry_date_raw}, {unit.entry_place_raw or ''}".strip(", ")
                                                       if unit.shape == "entry" else None)
        drafts.append(Draft(kind="candidate", text=clean(unit.text), prov=prov, ref=ref, section=section_label(chain),
                            section_headings=headings, lead_in=unit.lead_in, date_raw=unit.entry_date_raw,
                            place_raw=unit.entry_place_raw, unit=unit))
    return drafts


PRIORITY_SPLIT = re.compile(r"\s*(?:,|;|/|\+|&|\band\b|\s)\s*")
# what OCR makes of the commas between codes: "D, E" read as "DLE", "D,E" as "DIE" or "D|E"
OCR_SEPARATORS = set("lLIi1|!J")


def priority_codes(cell: str, legend: dict[str, str]) -> list[str]:
    """`A, B, C, D, E` -> [A, B, C, D, E]; codes the legend does not know are kept as printed.
    With a legend of letters, a scan's noise is read through: "Cc" -> [C], "C, DLE" -> [C, D, E],
    "A,B,C,.D,E" -> [A, B, C, D, E]."""
    codes = []
    for part in PRIORITY_SPLIT.split(clean(cell)):
        part = part.strip(" .*()")
        if re.fullmatch(r"[A-Za-z]|\d{1,2}|[IVX]{1,4}", part):
            found = [part.upper() if legend and part.upper() in legend else part]
        else:
            found = _ocr_codes(part, legend)
        codes += [c for c in found if c not in codes]
    return codes


def _ocr_codes(token: str, legend: dict[str, str]) -> list[str]:
    """The legend's letter codes in a token OCR ran together, or [] when the token is a word."""
    letters = {c for c in legend if len(c) == 1 and c.isalpha()}
    token = re.sub(r"[^\w|!]", "", token).strip("|!")  # "|-C": a rule or a dash read into the cell
    if not letters or not token or len(token) > 7:
        return []
    if len(set(token.upper())) == 1 and token.upper()[0] in letters:
        return [token.upper()[0]]  # "Cc": one code, printed small and large
    codes, seps = re.escape("".join(sorted(letters))), re.escape("".join(sorted(OCR_SEPARATORS - letters)))
    if re.fullmatch(rf"[{codes}](?:[{seps}]?[{codes}])*", token):  # a separator only between two codes
        return [ch for ch in token if ch in letters]
    return []
