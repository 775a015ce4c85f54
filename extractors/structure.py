"""What kind of document this is, its title, its period, its legend and its sections."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from extractors.catalogue import CatalogueEntry
from extractors.columns import column_roles, is_plan_table
from extractors.time.dates import find_period, normalise, scan_atoms, tidy_ordinals
from extractors.entities.places import PLACE_FIRST
from extractors.entities.themes import parse_legend
from schemas.document import Block, BlockKind, Document
from schemas.records import DateValue, Period

ACTIVITY_MARKER = re.compile(
    r"^(?:planned\s+|proposed\s+|main\s+)?(?:activities|actions|measures|tasks|commitments|action points|"
    r"activities planned|next steps)\b[^.]{0,60}:?\s*$", re.I)
LEAD_IN = re.compile(r"\b(will|shall|should|is to|are to|commits? to|undertakes? to)\s*:\s*$", re.I)
REPORT_WORDS = re.compile(r"\b(annual report|activity report|progress report|report on|list of events|events and meetings|"
                          r"(?:final|interim|technical|implementation|mid-?term|narrative) report|"
                          r"report (?:of|from) the)\b", re.I)
PLAN_NAMES = (r"plan of action|action plan|activity plan|work ?plan|plans? of activities|annual plan|"
              r"programme of work|work ?programme|national programme")
PLAN_WORDS = re.compile(rf"\b({PLAN_NAMES}|strategy)\b", re.I)
# A title block (a document's first lines: body, unit, then the title) that names a plan or a
# programme of priorities says what the document is whatever its layout.
TITLE_PLAN = re.compile(rf"\b({PLAN_NAMES}|(?:19|20)\d\d\W{{1,3}}(?:19|20)\d\d programme|programme (?:19|20)\d\d)\b", re.I)
TITLE_PRIORITIES = re.compile(r"\b(priorities|presidency programme|programme of the presidency|presidency (?:19|20)\d\d"
                              r"(?:\W{1,3}(?:19|20)?\d\d)?\W{1,3}programme|focus areas)\b", re.I)
BACKGROUND = re.compile(r"^(background|introduction|preamble|contents|table of contents|summary|executive summary)\b", re.I)


@dataclass
class Section:
    label: str | None
    heading: str
    level: int


@dataclass
class Structure:
    kind: str
    title: str | None
    period: Period | None
    legend: dict[str, str] = field(default_factory=dict)
    legend_block: int | None = None
    sections: list[list[Section]] = field(default_factory=list)  # per block: the chain of enclosing headings
    title_source: str = "text"  # catalogue | text | none
    period_source: str = "none"  # catalogue | chairmanship | text | dateline | headings | none
    genre: str | None = None  # the catalogue's genre, a hint for the kind
    source: str | None = None  # the catalogue's source (a URL, a shelf mark)
    catalogue: dict | None = None  # the catalogue entry the document was matched to


def is_marker(block: Block) -> bool:
    return block.kind in (BlockKind.heading, BlockKind.paragraph) and bool(ACTIVITY_MARKER.match(block.text))


def is_lead_in(block: Block) -> bool:
    return block.kind in (BlockKind.heading, BlockKind.paragraph) and bool(LEAD_IN.search(block.text)) and len(block.text) < 300


def looks_like_event_entry(text: str) -> bool:
    atoms = scan_atoms(text[:60])
    if atoms and atoms[0].kind == "day" and atoms[0].span[0] <= 3 and re.match(r"\s*[,.:;]", text[atoms[0].span[1]:]):
        return True
    from extractors.time.dates_i18n import event_date_end  # "29-30 августа, Стокгольм: ..." in the region's languages

    return event_date_end(text[:60], None) is not None


def promote_outline_headings(blocks: list[Block]) -> None:
    """In `1.`/`1.1`/`1.1.1`-numbered plans, `1. Protection ...` heads the section its `1.1` items
    sit in, and `3.1 Communicable diseases` the section of its `3.1.1` items."""
    outline = r"\d{1,2}(?:\.\d{1,2})*[.)]?"
    for i, b in enumerate(blocks):
        if b.kind is not BlockKind.list_item or not b.label or not re.fullmatch(outline, b.label):
            continue
        if _capitals_title(b.text):  # "3. COMPOSITION AND WORKING METHODS": a section, whatever follows
            b.kind, b.level, b.numbered = BlockKind.heading, 2, True
            b.text = f"{b.label} {b.text}"
            continue
        prefix = b.label.rstrip(".)") + "."
        for nxt in blocks[i + 1:]:
            if nxt.kind is BlockKind.heading and nxt.numbered:
                break
            if nxt.kind is not BlockKind.list_item or not nxt.label or not re.fullmatch(outline, nxt.label):
                continue
            if nxt.label.startswith(prefix) and len(nxt.label.rstrip(".)")) > len(prefix):
                b.kind, b.level, b.numbered = BlockKind.heading, 2, True
                b.text = f"{b.label} {b.text}"
            break  # the next numbered line says it: a child of this one, or a sibling


def _capitals_title(text: str) -> bool:
    """A short line in capitals, two words or more: "COMPOSITION AND WORKING METHODS", "PRIORITIES 2017-2020"."""
    words = text.split()
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(words) <= 10 and len(letters) >= 6 and all(c.isupper() for c in letters)


# An agenda item's title names a topic; a numbered line that says what to do or what happened
# ("1. Organise a seminar", "2. The group met ...") is an item whatever follows it.
SECTION_TITLE_END = re.compile(r"[.;:!?]$")


def promote_numbered_sections(blocks: list[Block]) -> None:
    """Minutes and meeting reports number their agenda items ("1. Opening of the meeting", then a
    paragraph, "2. Adoption of the agenda", then a paragraph): a top-level numbered line that is a
    short title followed by prose of its own, never by the next item, heads a section rather than
    being a list item, when most of the document's numbered lines are such titles. A plan's
    numbered work items are sentences or are followed by the next item, so they stay items."""
    # numbered lines that open in a capital ("take note of the report;" is an item of a list)
    numbered = [i for i, b in enumerate(blocks) if b.kind is BlockKind.list_item and b.numbered and b.level == 0
                and b.label and re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*[.)]?", b.label) and b.text[:1].isupper()]
    starts = set(numbered)

    def title(i: int) -> bool:
        """Short, no sentence end, and what follows is its section's content (prose, a table, its
        bullets), not the next numbered line."""
        text = blocks[i].text.strip()
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        return len(text.split()) <= 10 and not SECTION_TITLE_END.search(text) and following is not None \
            and i + 1 not in starts and not (following.kind is BlockKind.list_item and following.numbered)

    titles = [i for i in numbered if title(i)]
    if len(titles) < 3 or 3 * len(titles) < 2 * len(numbered):
        return
    for i in titles:
        b = blocks[i]
        b.kind, b.level = BlockKind.heading, 2
        b.text = f"{b.label} {b.text}"


def promote_plan_sections(blocks: list[Block]) -> None:
    """A plan numbered in two levels ("1. Introduction", prose, "2. Objectives and activities",
    "1.1 Improve access ...", "1.2 ..."): its one-level numbered lines that are short titles
    followed by prose or a heading, not by an item, head sections; its "N.N" items are the work."""
    dotted = [b for b in blocks if b.kind is BlockKind.list_item and b.label and re.fullmatch(r"\d{1,2}\.\d{1,2}\.?", b.label)]
    if len(dotted) < 3:
        return
    for i, b in enumerate(blocks):
        if not (b.kind is BlockKind.list_item and b.label and re.fullmatch(r"\d{1,2}[.)]", b.label)):
            continue
        text = b.text.strip()
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if len(text.split()) <= PLAN_SECTION_WORDS and not SECTION_TITLE_END.search(text) and text[:1].isupper() \
                and (following is None or following.kind is not BlockKind.list_item):
            b.kind, b.level = BlockKind.heading, 2
            b.text = f"{b.label} {text}"


PLAN_SECTION_WORDS = 6


def analyse(doc: Document, entry: CatalogueEntry | None = None) -> Structure:
    promote_outline_headings(doc.blocks)
    texts = [b.text for b in doc.blocks if b.kind is not BlockKind.table]
    title = next((b.text for b in doc.blocks if b.kind is not BlockKind.table and b.text.strip()), None)
    title_source = "text" if title else "none"
    if entry is not None and entry.title:
        title, title_source = entry.title, "catalogue"
    kind = _kind(doc, title or "", entry.genre if entry else None)
    period, period_source = _period(doc, texts, title, entry, plan=kind in ("narrative_plan", "table_plan"))
    if kind in ("report", "news", "narrative_plan"):  # a plan's item lists are kept by the majority rule
        promote_numbered_sections(doc.blocks)
    if kind == "narrative_plan":  # then a two-level plan's "1. Introduction" over prose heads a section
        promote_plan_sections(doc.blocks)
    legend, legend_block = {}, None
    for i, b in enumerate(doc.blocks):
        # a scan's "* Priorities: ..." can come out of OCR as a bulleted item: a legend all the same
        if b.kind in (BlockKind.paragraph, BlockKind.footnote, BlockKind.heading, BlockKind.list_item):
            found = parse_legend(_legend_text(doc.blocks, i))
            if found and re.match(r"^\W*(\*\s*)?(priorit|legend|key|codes?)", b.text, re.I):
                legend, legend_block = found, i
                break
    return Structure(kind=kind, title=title, period=period, legend=legend, legend_block=legend_block,
                     sections=_sections(doc.blocks), title_source=title_source, period_source=period_source,
                     genre=entry.genre if entry else None, source=entry.source if entry else None,
                     catalogue=entry.as_dict() if entry else None)


# CBSS chairmanships and presidencies run 1 July to 30 June: "Lithuanian chairmanship 2005-2006".
TERM_RE = re.compile(
    r"\b(?:chairmanship|presidency|chair)\b[^.\n]{0,40}?(?<!\d)(?P<y1>(?:19|20)\d{2})\s*[-–—/]\s*(?P<y2>(?:19|20)?\d{2})(?!\d)"
    r"|(?<!\d)(?P<y3>(?:19|20)\d{2})\s*[-–—/]\s*(?P<y4>(?:19|20)?\d{2})(?!\d)[^.\n]{0,30}?\b(?:chairmanship|presidency)\b", re.I)


def term_period(text: str) -> Period | None:
    """A chairmanship or presidency named with its two years runs from 1 July to the next 30 June."""
    m = TERM_RE.search(text or "")
    if not m:
        return None
    y1 = int(m.group("y1") or m.group("y3"))
    y2s = m.group("y2") or m.group("y4")
    y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
    if y2 != y1 + 1:
        return None
    return Period(start=date(y1, 7, 1), end=date(y2, 6, 30), raw=m.group(0))


def _period(doc: Document, texts: list[str], title: str | None, entry: CatalogueEntry | None,
            plan: bool = False) -> tuple[Period | None, str]:
    """Catalogue first, then a chairmanship's July-June, then the document's own words; a plan's
    title naming its years before the day it was adopted."""
    if entry is not None and entry.period_start and entry.period_end:
        return Period(start=entry.period_start, end=entry.period_end, raw=f"catalogue {entry.manifest}:{entry.line}"), "catalogue"
    heads = [title or ""] + texts[:3] + doc.furniture
    for text in heads:
        term = term_period(text)
        if term:
            return term, "chairmanship"
    period = find_period(texts[:3]) or find_period([b.text for b in doc.blocks if b.kind is BlockKind.heading])
    if period:
        return period, "text"
    named = _named_span_period(texts[:3]) if plan else None
    if named:
        return named, "text"
    dateline = _dateline_period(texts[:3])
    if dateline:
        return dateline, "dateline"
    spanned = _dated_headings_period(doc)
    if spanned:
        return spanned, "headings"
    period = find_period(texts) or find_period(doc.furniture)
    if period:
        return period, "text"
    for text in heads[:4]:  # "Work of the Unit 2012": a title's one year
        years = re.findall(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/-])", text or "")
        if len(set(years)) == 1:
            y = int(years[0])
            return Period(start=date(y, 1, 1), end=date(y, 12, 31), raw=years[0]), "title year"
    return None, "none"


# "Strategy 2015-2018", "Action Plan for 2021-2026": a plan named with its years runs over them,
# however many; find_period's two-year limit is for spans that merely appear in an opening.
NAMED_SPAN = re.compile(rf"\b(?:{PLAN_NAMES}|strategy|programme|agenda|framework|priorities)\s+(?:for\s+(?:the\s+)?(?:years\s+|period\s+)?)?"
                        r"(?P<y1>(?:19|20)\d\d)\s*[-–—/]\s*(?P<y2>(?:19|20)\d\d)\b", re.I)


def _named_span_period(texts: list[str]) -> Period | None:
    """The years of a title line (a short line, not a sentence that names a funding programme)."""
    for text in texts:
        m = NAMED_SPAN.search(text or "") if len((text or "").split()) <= TITLE_LINE_WORDS else None
        if m and 0 < int(m["y2"]) - int(m["y1"]) <= 10:
            return Period(start=date(int(m["y1"]), 1, 1), end=date(int(m["y2"]), 12, 31), raw=m.group(0))
    return None


def _dateline_period(texts: list[str]) -> Period | None:
    """A news item's period is the date it reports: "On 4-5 November 2019, ..." in its opening."""
    for text in texts:
        for atom in scan_atoms(tidy_ordinals(text[:200])):
            if atom.kind == "day" and atom.year_given:
                value = normalise(atom.raw)
                if value.start:
                    return Period(start=value.start, end=value.end, raw=atom.raw)
    return None


def _dated_headings_period(doc: Document) -> Period | None:
    """An announcements page or timeline: its dated headings ("April 1999" ... "June 2002") span it."""
    blocks = [b for b in doc.blocks if b.kind in (BlockKind.heading, BlockKind.paragraph)]
    values = [dated_heading(b.text) for b in blocks]
    if values and values[0] is not None and sum(v is not None for v in values) == 1:
        return Period(start=values[0].start, end=values[0].end, raw=f"dateline {blocks[0].text}")  # "Vilnius, May 2014"
    values = [v for v in values if v is not None]
    if len(values) < 2:
        return None
    start, end = min(v.start for v in values), max(v.end for v in values)
    return Period(start=start, end=end, raw=f"dated headings {start:%B %Y} - {end:%B %Y}")


DATED_HEADING = re.compile(r"^(?:read more)?\s*(?:(?P<place>[A-Z][\w’'.-]+(?:\s[A-Z][\w.-]+)?),?\s+)?(?P<when>.{3,30})$", re.I)


def dated_heading(text: str) -> DateValue | None:
    """A heading or line that is only a date, maybe after web debris or a place: "April 2000",
    "Read more1997", "Vilnius, September 2014". Returns its interval, or None."""
    text = " ".join((text or "").split())
    if not text or len(text) > 45:
        return None
    text = re.sub(r"^read more\s*", "", text, flags=re.I)
    atoms = scan_atoms(text)
    if len(atoms) != 1 or not atoms[0].year_given:
        return None
    before, after = text[: atoms[0].span[0]].strip(), text[atoms[0].span[1]:].strip(" ,.–-")
    if after or (before and not re.fullmatch(r"[A-Z][\w’'.-]+(?:\s[A-Z][\w.-]+)?,", before)):
        return None  # only a date, or "Place, date": "Priorities 2015-2016" is a title
    value = normalise(atoms[0].raw)
    return value if value.start else None


def _legend_text(blocks: list[Block], i: int) -> str:
    """A legend on one line, or its intro followed by one entry a paragraph ("A: ..." lines); a
    paragraph that starts in lower case carries on the line before it (a scan's line broken mid-entry)."""
    text = blocks[i].text
    for b in blocks[i + 1: i + 15]:
        if b.kind is BlockKind.table or not re.match(r"^([A-Z]|\d{1,2})\s*[:=)]\s|^[a-z]", b.text):
            break
        text += " " + b.text
    return text


def _kind(doc: Document, title: str, genre: str | None = None) -> str:
    """From the content first; the catalogue's genre is a hint where the content is prose."""
    plan_tables = [b for b in doc.blocks if b.kind is BlockKind.table and is_plan_table(b.header)]
    # a progress report's table of work-plan items with their status is the report's, not a plan
    reported = (genre in ("report", "news") if genre else bool(REPORT_WORDS.search(title))) \
        and any("status" in column_roles(b.header) for b in plan_tables)
    if plan_tables and not reported:
        return "table_plan"
    if doc.language not in (None, "en"):
        return region_kind(doc, genre)
    if genre in ("slides", "priorities"):
        return _prose_kind(doc, title, genre)  # the archivist's genre: a deck's timeline is still a deck's
    entries = sum(1 for b in doc.blocks if b.kind in (BlockKind.paragraph, BlockKind.list_item) and looks_like_event_entry(b.text))
    if entries >= 3 or REPORT_WORDS.search(title) or REPORT_WORDS.search(title_block(doc)):
        return "report"  # "Annual Report 2011" under the body's name, a title page's second line
    numbered = sum(1 for b in doc.blocks if b.kind is BlockKind.list_item and b.numbered)
    if numbered >= 3 and (PLAN_WORDS.search(title) or any(is_marker(b) for b in doc.blocks)):
        return "narrative_plan"
    kind = _prose_kind(doc, title, genre)
    if kind not in ("slides", "priorities") and genre is None and numbered >= 3 and _titled_plan(doc):
        return "narrative_plan"
    head = title_block(doc)
    if kind not in ("slides", "priorities") and genre is None and TITLE_PLAN.search(head) \
            and not REPORT_WORDS.search(head) and not TITLE_PRIORITIES.search(head):
        return "narrative_plan"
    return kind


TITLE_LINE_WORDS = 8


def _titled_plan(doc: Document) -> bool:
    """A plan's title under the body's name: "NORTHERN PARTNERSHIP ... | PARTNERSHIP STRATEGY
    2015-2018 | Adopted by ...": a short line of the title block names a plan or a strategy, and no
    line of it names a report ("Report on the Action Plan ...")."""
    lines = [b.text for b in doc.blocks if b.kind is not BlockKind.table and b.text.strip()][:3]
    if any(re.search(r"\breports?\b", line, re.I) for line in lines):
        return False
    return any(len(line.split()) <= TITLE_LINE_WORDS and PLAN_WORDS.search(line) for line in lines)


def title_block(doc: Document) -> str:
    """The document's first three lines: where a body, its unit and the title stand."""
    lines = [b.text for b in doc.blocks if b.kind is not BlockKind.table and b.text.strip()][:3]
    return " | ".join(line for line in lines if len(line.split()) <= 16)


def is_dated_entry(text: str) -> bool:
    """An events-list entry in any of the region's languages: its date first ("3. Oktober 2016, Riga:
    ...", "2016 m. lapkričio 3 d.: ...") or after its place ("Riga, 3. November 2016 – ...")."""
    if looks_like_event_entry(text):
        return True
    m = PLACE_FIRST.match(text)
    return bool(m) and looks_like_event_entry(text[m.end():])


def region_kind(doc: Document, genre: str | None) -> str:
    """The kind of a document in one of the region's languages (no plan table), from its structure
    alone, since the cue words of the English rules ("action plan", "annual report") are not there:
    three or more dated entries make a report; then the catalogue's genre, where there is one;
    three or more numbered items, or bulleted ones making up a third of the text, a plan; two or
    more dated headings a report; short prose news, longer prose a report."""
    blocks = [b for b in doc.blocks if b.kind is not BlockKind.table and b.text.strip()]
    if not blocks:
        return "unknown"
    entries = sum(1 for b in blocks if b.kind in (BlockKind.paragraph, BlockKind.list_item) and is_dated_entry(b.text))
    if entries >= 3:
        return "report"
    if genre in ("news", "report", "slides", "priorities"):
        return genre
    if genre == "plan":
        return "narrative_plan"
    items = [b for b in blocks if b.kind is BlockKind.list_item]
    if sum(b.numbered for b in items) >= 3 or (len(items) >= 3 and len(items) >= len(blocks) / 3):
        return "narrative_plan"
    from extractors.time.dates_i18n import to_english  # "Март 2017" is a dated heading too

    if sum(1 for b in blocks if b.kind is BlockKind.heading and dated_heading(to_english(b.text)) is not None) >= 2:
        return "report"  # an account kept under its dates
    words = sum(len(b.text.split()) for b in blocks)
    return "news" if words < 600 else "report"


SLIDE_WORDS = re.compile(r"\b(presentation transcript|presentation on theme|slide ?show|powerpoint|slides?)\b", re.I)
SLIDE_NUMBER = re.compile(r"^\d{1,2}\s?(?=[A-Z])")
NUMBERED_HEADING = re.compile(r"^\d{1,2}\s+[A-Z]")
PRIORITY_WORDS = re.compile(r"\b(priorit(y|ies)|focus (areas?|would be|will be|is on)|aims?\b|objectives)\b", re.I)


def _starts_with_date(text: str) -> bool:
    atoms = scan_atoms(text[:40])
    return bool(atoms) and atoms[0].span[0] == 0 and atoms[0].kind != "year"


def _prose_kind(doc: Document, title: str, genre: str | None) -> str:
    """slides, priorities, news or report, for documents that are mostly prose."""
    lines = [b.text for b in doc.blocks if b.kind is not BlockKind.table and b.text.strip()]
    if not lines:
        return "unknown"
    # "6 December 2017" on a calendar page is a date, not slide 6
    # "1 The year in brief" as a heading is a numbered section of a report, not slide 1
    numbered_slides = sum(1 for b in doc.blocks if b.kind is not BlockKind.table and SLIDE_NUMBER.match(b.text)
                          and not _starts_with_date(b.text)
                          and not (b.kind is BlockKind.heading and NUMBERED_HEADING.match(b.text)))
    short = sum(1 for t in lines if len(t.split()) <= 12) / len(lines)
    if SLIDE_WORDS.search(title) or any(SLIDE_WORDS.search(t) for t in lines[:6]) or numbered_slides >= 3 \
            or genre == "slides":
        return "slides"
    items = [b for b in doc.blocks if b.kind is BlockKind.list_item]
    if genre == "priorities" or (PRIORITY_WORDS.search(title) and items and len(items) >= len(lines) / 3):
        return "priorities"
    if genre is None and TITLE_PRIORITIES.search(title_block(doc)) and len(items) >= 2:
        return "priorities"
    if genre in ("news", "report"):
        return genre
    if genre == "plan":
        return "narrative_plan"  # the archivist's word for a plan written as prose is kept
    if term_period(title) or any(term_period(t) for t in lines[:2]):
        return "report"  # a chairmanship's or presidency's account
    words = sum(len(t.split()) for t in lines)
    if words < 600 and (_dateline_period(lines[:3]) or short > 0.5):
        return "news"
    return "report"


def _sections(blocks: list[Block]) -> list[list[Section]]:
    chain: list[Section] = []
    out: list[list[Section]] = []
    for i, b in enumerate(blocks):
        if b.kind is BlockKind.heading and i > 0 and not is_marker(b) and not is_lead_in(b):
            level = b.level or 2
            chain = [s for s in chain if s.level < level] + [Section(label=b.label, heading=b.text, level=level)]
        out.append(list(chain))
    return out


def section_label(chain: list[Section]) -> str | None:
    labels = [s.label.rstrip(".)") for s in chain if s.label]
    return ".".join(labels) if labels else None
