"""Candidate units of prose documents: every sentence, list item, slide line and
`Place, Month Year – text` entry of a report, news item, slide transcript or priorities page.

Each unit keeps what a reader uses to judge it (records.md, "Narrative documents"): the
heading it sits under, a dated heading above it ("April 2000" on an announcements page), the
lead-in that introduces it ("... which included:"), and whether it is an item of a priorities
list. Whether a unit is an event, an activity or nothing is decided later
(`extractors/prose/narrative_kind.py`), once spaCy has parsed it.

Web and slide text arrives broken: lines wrapped mid-sentence, slide numbers glued to titles
("3Activities during the year"), items run together ("... September 2006 - Conference ..."),
inline numbering ("Priorities: 1.Sexual exploitation ... 2.Unaccompanied ..."). The functions
below undo that before splitting, and every unit keeps its character span in the document text.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from extractors.entities.registry import load_registry
from extractors.time.dates import DATE_STAMP, ends_before, scan_atoms, tidy_ordinals
from extractors.structure import Structure, dated_heading
from schemas.document import Block, BlockKind, Document
from schemas.records import DateValue

BULLET = re.compile(r"^\s*(?:[-–•▪◦*·]|\uf0b7|\uf0a7|\uf0d8)\s+")
NOTES = re.compile(r"^\s*(?:speaker\s+)?notes\s*:\s*", re.I)
SLIDE_ALONE = re.compile(r"(?:slide|page)\s*(\d{1,3})\s*[.:]?", re.I)
SLIDE_NUMBER = re.compile(r"^(?:[Ss]lide\s+(?=\d{1,2}\s?[:.–—|-]?\s?[A-Z]))?(\d{1,2})(?:\s?[:.–—|-])?\s?(?=[A-Z])")
# a web page's navigation; a word that can also open a sentence ("Next steps", "Back in 2005 ...")
# counts only alone ("Next »", "Share") or as a link's words ("Back to top", "Next article")
WEB_DEBRIS = re.compile(r"^(?:(read more|similar presentations|presentation transcript|presentation on theme|more news|"
                        r"posted in|download)\b|tags?:|(?:share|print|back|next|previous|related|tags?)\W*$|"
                        r"(?:back to|next|previous|related) (?:the )?(?:top|page|article|post|story|news|item|home|links?)\b)",
                        re.I)
PRIORITY_CONTEXT = re.compile(
    r"\b(priorit(?:y|ies)|focus(?:es|ed)? (?:would|will|is|are|was|on)|focus areas?|areas? of (?:co-?operation|work|focus)|"
    r"aims?|objectives|mandate|thematic areas|key areas|main areas)\b", re.I)
PLANNED_CONTEXT = re.compile(r"^(?:\W*)(planned|upcoming|forthcoming|future|next)\b|\b(planned|upcoming|forthcoming) "
                             r"(activities|events|meetings|work)\b|\b(?:next|coming)\s+(?:\w+\s+)?(?:months|years|steps)\b",
                             re.I)
# "List of participants" / "Annex 2: Participants": names and offices to the next section, no records
ROSTER_HEADING = re.compile(r"^(?:annex\s*\w{0,4}\s*[:.–-]?\s*)?(?:list of |the )?(?:participants|attendees|delegates|"
                            r"members present|attendance|those present)\b[^.!?]{0,30}$", re.I)
# "Annexes:" / "Enclosures:" at a letter's end lists what is attached, not what was done
ATTACHMENT_LIST = re.compile(r"^(?:annex(?:es)?|attachments?|enclosures?|appendi(?:x|ces)|encl\.)\s*:?\s*$", re.I)
ROSTER_LINE = re.compile(r"^[^:]{2,60}:\s")  # "Norway: Ingrid Berg, Ministry of ..." may pass for a heading
LEAD_IN_END = re.compile(r"(:|\b(?:include[sd]?|including|are|were|is|was|following|as follows|namely))\s*$", re.I)
ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Vol|Rec|Art|para|approx|incl|cf|ca|vs|etc|i\.a|e\.g|i\.e|[Dd]oc|[Rr]ef|pp|[Ff]ig|[Tt]el|"
                           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z]|(?:[A-Z]\.)+[A-Z])\.$")
# "...children.(3) The", "...adviser.1 Its": a footnote's mark after the full stop ends the sentence too
SENTENCE_END = re.compile(r"(?<=[.!?…])(?:\(\d{1,2}\)|\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}|(?<=[a-z][.!?])\d{1,2}(?=\s+[A-Z]))?[\"”’)]?\s+"
                          r"(?=[\"“‘(]?[A-Z0-9])")


@dataclass
class Unit:
    """One candidate record of a prose document."""

    text: str
    block: int  # the block it starts in
    char_start: int  # span in Document.text()
    char_end: int
    shape: str  # sentence | item | entry | title
    heading: str | None = None
    heading_date: DateValue | None = None
    heading_place: str | None = None
    lead_in: str | None = None
    in_priorities: bool = False
    planned: bool = False  # under a "Planned activities" / "Upcoming events" heading
    label: str | None = None  # an item's own number or letter, as printed
    entry_date_raw: str | None = None
    entry_place_raw: str | None = None
    slide: int | None = None
    in_title: bool = False  # from the lines above a document's first section or sentence
    notes: list[str] = field(default_factory=list)


@dataclass
class _Line:
    text: str
    block: int
    start: int  # offset of text[0] in Document.text()
    kind: str  # heading | paragraph | item
    label: str | None = None
    slide_start: bool = False
    slide: int | None = None
    offsets: list[int] = field(default_factory=list)  # per character of text: its document offset
    notes: bool = False  # a slide's speaker notes
    last_length: int | None = None  # after lines were joined: the length of the last one


def _line(text: str, block: int, start: int, kind: str, label: str | None = None) -> _Line:
    return _Line(text=text, block=block, start=start, kind=kind, label=label, offsets=list(range(start, start + len(text))))


def _strip(line: _Line, n: int) -> None:
    """Drop the first n characters (a bullet, a slide number), keeping offsets aligned."""
    line.text, line.offsets = line.text[n:], line.offsets[n:]


# Word's footnotes in a plain-text export: a rule of underscores, then lines that open with the note's
# mark ("¹ Communiqué of the 7th Ministerial Session, ..."); a superscript mark opens a note anywhere.
NOTE_RULE = re.compile(r"^\s*[_\-–—]{5,}\s*$")
NOTE_MARK = re.compile(r"^\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S")
NOTE_MARK_AFTER_RULE = re.compile(r"^\s*(?:\d{1,2}|\*{1,3})\s+\S")


def _footnote(text: str, after_rule: bool) -> bool:
    # after the rule a note is a citation or a sentence, "2 Priorities" below a dashed line a heading
    return NOTE_MARK.match(text) is not None or after_rule and NOTE_MARK_AFTER_RULE.match(text) is not None \
        and len(text.split()) >= 5


# A questionnaire's reply is a table of questions and answers; the answers are the report's prose.
QUESTION_COLUMN = re.compile(r"(?:questions?|issues?|items?)", re.I)
ANSWER_COLUMN = re.compile(r"(?:answers?|repl(?:y|ies)|responses?|comments?|information)", re.I)


def _answer_lines(block: Block, i: int) -> list[_Line]:
    header = [h.strip(" :*") for h in block.header or []]
    question = next((c for c, h in enumerate(header) if QUESTION_COLUMN.fullmatch(h)), None)
    answer = next((c for c, h in enumerate(header) if ANSWER_COLUMN.fullmatch(h)), None)
    if question is None or answer is None or not block.rows:
        return []
    out = []
    offset = (block.prov.char_start or 0) + len("\t".join(block.header)) + 1
    for row in block.rows:
        if answer < len(row.cells) and row.cells[answer].strip():
            start = offset + sum(len(c) + 1 for c in row.cells[:answer])
            out.append(_line(row.cells[answer], i, start, "paragraph"))
        offset += len("\t".join(row.cells)) + 1
    return out


def _lines(doc: Document, skip_blocks: set[int], slides: bool) -> list[_Line]:
    out: list[_Line] = []
    slide_no, pending, page, notes = None, False, None, False
    after_rule = False  # below a footnote rule: the notes, to the first line that is not one
    # a transcript that numbers its slides ("Slide 4", "2Priorities") is cut by its numbers, else by its pages
    numbered = slides and sum(1 for b in doc.blocks if SLIDE_ALONE.fullmatch(b.text.strip()) or (
        b.kind is not BlockKind.list_item and SLIDE_NUMBER.match(b.text))) >= 2
    for i, b in enumerate(doc.blocks):
        if b.kind is BlockKind.table and i not in skip_blocks:
            out += _answer_lines(b, i)
            continue
        if i in skip_blocks or b.kind in (BlockKind.table, BlockKind.footnote) or not b.text.strip():
            continue
        if NOTE_RULE.match(b.text):
            after_rule = True
            continue
        after_rule = after_rule and _footnote(b.text, True)
        if _footnote(b.text, after_rule):
            continue
        kind = {"heading": "heading", "list_item": "item"}.get(b.kind.value, "paragraph")
        line = _line(b.text, i, b.prov.char_start or 0, kind, b.label if b.kind is BlockKind.list_item else None)
        m = BULLET.match(line.text)
        if m:
            line.label, line.kind = line.text[: m.end()].strip(), "item"
            _strip(line, m.end())
        if slides:
            line.text = re.sub(r"^Title:\s*", lambda mm: " " * len(mm.group(0)), line.text)
            alone = SLIDE_ALONE.fullmatch(line.text.strip())
            if alone:  # "Slide 4" on a line of its own: the next line starts the slide (its title)
                slide_no, pending = int(alone.group(1)), True
                continue
            m = SLIDE_NUMBER.match(line.text)
            if m and (slide_no is None or int(m.group(1)) > slide_no) and line.kind != "item":
                slide_no = int(m.group(1))
                line.slide_start = True
                _strip(line, m.end())
            elif pending:
                line.slide_start = True
            elif not numbered and b.prov.page is not None and b.prov.page != page:
                # no slide numbers in the text: a new page (a PDF page, a footer left in the text) is a new slide
                slide_no, line.slide_start = b.prov.page, page is not None
            page = b.prov.page if b.prov.page is not None else page
            pending = False
            line.slide = slide_no
            notes = notes and not line.slide_start
            head = NOTES.match(line.text)
            if head:  # "Notes:": the speaker's notes below a slide are sentences, not slide lines
                notes = True
                _strip(line, head.end())
            line.notes = notes
        lead = len(line.text) - len(line.text.lstrip())
        _strip(line, lead)
        if line.text.strip():
            out.append(line)
    return out


PARALLEL_TO = re.compile(r"^to [a-z]+\b")


def _joinable(prev: _Line, nxt: _Line, slides: bool, bulleted: bool = False, width: int | None = None) -> bool:
    """Does `nxt` continue `prev` (a line wrapped mid-sentence)? `bulleted`: the slide marks its
    items with bullets, so a line without one goes on from the line before. `width`: the width a
    transcript's lines were cut at; a slide line the next line's first word would not fit on was cut."""
    if nxt.kind == "item" or nxt.slide_start or nxt.notes != prev.notes:
        return False
    if nxt.notes:  # speaker notes are running text: joined as wrapped prose
        slides = False
    if slides and bulleted:
        return True
    if slides and width and (prev.last_length or len(prev.text)) + 1 + len(nxt.text.split()[0]) > width \
            and not re.search(r"[.!?:;…\"”]\s*$", prev.text) \
            and not (nxt.text[:1].isupper() and (prev.last_length or len(prev.text)) < width - 2):
        return True  # the next line's first word would not have fitted: the line was cut (a line well short
        # of the width before a capital is an item of its own: the longest item sets the width)
    # On a slide without bullets every line is an item; a line wrapped at the slide's width goes on
    # in lower case or after a word that cannot end a phrase, as in any other wrapped text.
    if not slides and (prev.kind == "heading" or nxt.kind == "heading"):
        return False
    if re.search(r"[.!?:;…\"”]\s*$", prev.text):
        return False
    if PARALLEL_TO.match(prev.text) and PARALLEL_TO.match(nxt.text):
        return False  # "to prevent domestic violence ..." / "to provide assistance ...": a list of aims, a line each
    return bool(re.match(r"[a-z(]", nxt.text)) or bool(re.search(r"(,|\b(of|the|and|to|in|for|on|with|a|an|by))\s*$", prev.text))


def _cut_width(lines: list[_Line]) -> int | None:
    """The width a slide transcript's lines were cut at (copied out of a PDF or a web page): its
    longest line, when that is a plausible page width that a tenth of the lines come close to;
    None for lines of any length."""
    lengths = sorted(len(line.text) for line in lines)
    if len(lengths) < 8:
        return None
    width = lengths[-1]  # a cut line fills the width; a longer one would mean nothing was cut there
    return width if 40 <= width <= 110 and lengths[int(0.9 * (len(lengths) - 1))] >= width - 12 else None


def _bulleted_slides(lines: list[_Line]) -> set[int | None]:
    """The slides (by number) whose items carry bullets."""
    return {line.slide for line in lines if line.kind == "item" and not line.slide_start}


# A slide line that ends as a lead-in ("The Estonian chairmanship will") heads one item a line below it.
LEAD_MODAL = re.compile(r"\b(will|shall|should|would|must|is to|are to|plans? to|aims? to|intends? to|wants? to|"
                        r"(?:is|are) going to)(?:\s+(?:also|further|then|now|jointly|together|in addition))?\s*:?\s*$",
                        re.I)


def _reflow(lines: list[_Line], slides: bool) -> list[_Line]:
    out: list[_Line] = []
    bulleted = _bulleted_slides(lines) if slides else set()
    width = _cut_width(lines) if slides else None
    listing = False  # on a slide, after a lead-in line: each line an item, though it starts in lower case
    for line in lines:
        if line.slide_start:
            listing = False
        if slides and out and not listing and line.slide not in bulleted and LEAD_MODAL.search(out[-1].text):
            listing = True
        if listing and out and out[-1].slide == line.slide and not line.slide_start:
            out.append(line)
            continue
        if out and _joinable(out[-1], line, slides, line.slide in bulleted, width):
            prev = out[-1]
            prev.offsets = prev.offsets + [prev.offsets[-1] + 1] + line.offsets
            prev.text = prev.text + " " + line.text
            prev.last_length = len(line.text)
            if prev.kind == "heading":
                prev.kind = "paragraph"
        else:
            out.append(line)
    return out


def _piece(line: _Line, s: int, e: int) -> tuple[str, int, int]:
    """text[s:e] of a line, trimmed, with its document span."""
    while s < e and line.text[s].isspace():
        s += 1
    while e > s and line.text[e - 1].isspace():
        e -= 1
    if s >= e:
        return "", 0, 0
    return line.text[s:e], line.offsets[s], line.offsets[e - 1] + 1


DAY_AND_MONTH_ABBREVIATION = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation, not after abbreviations or initials ("Mr.", "C.A.R.")."""
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        left = text[start: m.start()].rstrip("\"”’)")
        if ABBREVIATIONS.search(left[-12:]) and not (DAY_AND_MONTH_ABBREVIATION.search(left[-12:])
                                                     and text[m.end(): m.end() + 1].isupper()):
            continue  # "on 14 Sept. Studies show ...": a day's month ends the sentence before a capital
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [piece for s, e in spans if text[s:e].strip() for piece in _missing_stops(text, s, e)]


# A full stop left out between two sentences: "... as many fear new rules The municipality will
# hold ...". Only before a capitalised "The/This/These/It/We" followed by a lower-case word, after a
# lower-case word, so "in The Hague" and "of The Times" stay whole.
MISSING_STOP = re.compile(r"(?<![\w'’.-])[a-z]{2,}(?P<gap> )(?=(?:The|This|These|Those|It|We) [a-z])")
MISSING_STOP_MIN_WORDS = 4


def _missing_stops(text: str, s: int, e: int) -> list[tuple[int, int]]:
    pieces, start = [], s
    for m in MISSING_STOP.finditer(text, s, e):
        cut, after = m.start("gap"), m.end("gap")
        if min(len(text[start: cut].split()), len(text[after: e].split())) >= MISSING_STOP_MIN_WORDS:
            pieces.append((start, cut))
            start = after
    pieces.append((start, e))
    return pieces


INLINE_MARKER = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=:))(?P<label>\d{1,2}|[a-h])\.(?=\s?[A-Za-z])")


def inline_items(text: str) -> list[tuple[str, int, int, int]] | None:
    """Numbered items written inside one paragraph: `... included: 1. all ... 2. intensify ...`,
    `Priorities: 1.Sexual exploitation ... 2.Unaccompanied ... a.Report from ...`.

    Returns (label, level, start, end) of each item's text after its marker, or None when the
    markers do not count 1, 2, 3 ... (a stray "5." is no list)."""
    found = []
    expect_num, expect_letter = 1, "a"
    for m in INLINE_MARKER.finditer(text):
        label = m.group("label")
        if label.isdigit() and int(label) == expect_num:
            found.append((label, 0, m))
            expect_num, expect_letter = expect_num + 1, "a"
        elif label.isalpha() and label == expect_letter and expect_num > 1:
            found.append((label, 1, m))
            expect_letter = chr(ord(expect_letter) + 1)
    if sum(1 for _, level, _ in found if level == 0) < 2:
        return None
    out = []
    for k, (label, level, m) in enumerate(found):
        end = found[k + 1][2].start() if k + 1 < len(found) else len(text)
        out.append((label, level, m.end(), end))
    return out


# "Action:", "Actions:", "Follow-up:", "Next steps:" open the part of an item that says what is to be
# done; "Result:", "Responsible:", "Deadline:" end it. Plans and minutes write their commitments so:
# "3. Support to foster families – Foster families need training. Action: a.) map ...; b.) run ...".
ACTION_CLAUSE = re.compile(r"(?:(?<=\s)|^|(?<=[.;–-]))(?P<name>actions?|activit(?:y|ies)|follow[- ]up|next steps?|"
                           r"measures?|tasks?|to do)\s*:\s*", re.I)
CLAUSE_END = re.compile(r"(?:(?<=\s)|(?<=[.;]))(?:results?|expected results?|outputs?|outcomes?|responsible|lead|"
                        r"deadline|time ?limit|timeline|by whom|when|budget|funding)\s*:", re.I)
PART_MARKER = re.compile(r"(?:(?<=\s)|^|(?<=[:;]))(?:\((?P<p>[a-h])\)|(?P<l>[a-h])(?:\.\)|\)|\.(?=\s)))\s*")


def action_parts(text: str) -> tuple[int, list[tuple[str, int, int]]] | None:
    """The action clause of an item or paragraph: (where the clause's name begins, [(part label,
    start, end)]), one part per `a.)`/`b)`/`(c)` in order, or the whole clause as one part.
    None when the text has no action clause."""
    m = next((m for m in ACTION_CLAUSE.finditer(text)
              if not re.search(r"\b(?:of|for)\s*$", text[: m.start()], re.I)), None)  # "Plan of Action:" is a title
    if m is None or not text[m.end():].strip():
        return None
    end_m = CLAUSE_END.search(text, m.end())
    end = end_m.start() if end_m else len(text)
    parts: list[tuple[str, int, re.Match]] = []
    expect = "a"
    for pm in PART_MARKER.finditer(text, m.end(), end):
        label = pm.group("p") or pm.group("l")
        if label == expect:
            parts.append((label, pm.end(), pm))
            expect = chr(ord(expect) + 1)
    if len(parts) < 2:
        clause = text[m.end(): end]  # "Action: the Secretariat to publish ...; Denmark to circulate ..."
        lead = len(clause) - len(clause.lstrip())
        points = _action_points(clause.strip())
        return m.start(), [("", m.end() + lead + a, m.end() + lead + b) for a, b in points] if len(points) > 1 \
            else [("", m.end(), end)]
    out = []
    for k, (label, start, _) in enumerate(parts):
        stop = parts[k + 1][2].start() if k + 1 < len(parts) else end
        out.append((label, start, stop))
    return m.start(), out


DASH_SPLIT = re.compile(r"\s+[-–](?:\s+|(?=[A-Z]))(?=[A-Z])")
ENDS_WITH_DATE = re.compile(r"((19|20)\d{2}|\b(january|february|march|april|may|june|july|august|september|october|"
                            r"november|december))\W*$", re.I)


# minutes close with the next meeting's date and place: work to come, whether a heading or a line
NEXT_MEETING = re.compile(r"^\W*(?:the\s+)?next\s+(?:meeting|session|conference)\b[^.]{0,15}?[:–—-]\s*\S", re.I)
JOINING_WORDS = {"of", "on", "in", "for", "and", "with", "to", "the", "a", "an", "at", "by", "from", "against", "&"}


def _capitals_run(text: str) -> list[tuple[int, int]] | None:
    """A slide's title and its list run together on one line with nothing between them ("Priorities
    1999 Children's rights Youth participation Social inclusion"): cut before each capital that follows
    a lower-case word or a number (never after a word that joins, as in "Cooperation with Russia"),
    when that gives at least four pieces of one to four words and the line has no punctuation."""
    if re.search(r"[.,;:!?()–—-]", text):
        return None
    words = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+", text)]
    cuts = [0]
    for k in range(1, len(words)):
        prev, word = words[k - 1][2], words[k][2]
        if word[:1].isupper() and prev.lower() not in JOINING_WORDS and (prev[:1].islower() or prev.isdigit()):
            cuts.append(k)
    if len(cuts) < 4:
        return None
    bounds = cuts + [len(words)]
    if any(not 1 <= bounds[i + 1] - bounds[i] <= 4 for i in range(len(cuts))):
        return None
    return [(words[bounds[i]][0], words[bounds[i + 1] - 1][1]) for i in range(len(cuts))]


def slide_pieces(text: str) -> list[tuple[int, int]]:
    """Items a transcript ran together on one line: `..., September 2006 - Conference The Rights
    ...`. A dash followed by two capitalised words continues a title ("States - Improving Child
    Participation"), and so does a dash between two names ("Turku – Mariehamn"), unless a date ends
    the text before it."""
    cuts = [0]
    for m in DASH_SPLIT.finditer(text):
        words = text[m.end():].split()[:2]
        before = text[cuts[-1]: m.start()].split()
        title_goes_on = len(words) == 2 and all(w[:1].isupper() for w in words)
        # "Video link Turku – Mariehamn opened", "exchange Lithuania – Sweden, autumn 2018": two names
        pair = len(before) >= 2 and bool(words) and all(_place_word(w) for w in (before[-1], words[0]))
        if (title_goes_on or pair) and not ENDS_WITH_DATE.search(text[cuts[-1]: m.start()]):
            continue
        cuts += [m.start(), m.end()]
    cuts.append(len(text))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]


def _place_word(word: str) -> bool:
    """A city or a state by name ("Turku", "Sweden,")."""
    word = word.strip(",.;:()")
    registry = load_registry()
    return bool(word[:1].isupper() and (registry.city(word) or registry.state(word)))


ENTRY_SEPARATOR = re.compile(r"\s+[–—-]\s+|:\s+")


def entry_prefix(text: str) -> tuple[str | None, str, int] | None:
    """`Tallinn October 2005 – text`, `Reykjavik, May 2006 – text`, `March 2009: text` ->
    (place, date as written, where the text starts); None when the line is no such entry."""
    sep = ENTRY_SEPARATOR.search(text[:70])
    if not sep:
        return None
    head = text[: sep.start()].strip(" ,")
    atoms = scan_atoms(head)
    if len(atoms) != 1 or atoms[0].kind not in ("day", "month", "season", "part_of_year") \
            or not atoms[0].year_given and atoms[0].kind != "day":
        return None
    place, after = head[: atoms[0].span[0]].strip(" ,"), head[atoms[0].span[1]:].strip(" ,.")
    if after:  # "4 July, Vilnius – ...": the place after the date
        if place or not head[atoms[0].span[1]:].lstrip().startswith(","):
            return None
        place = after
    if place and (len(place.split()) > 3 or not all(w[:1].isupper() for w in place.replace(",", " ").split())):
        return None
    if _date_line(text[sep.end():]):
        return None  # "1 July 2016 - 30 June 2017": a range of dates, no entry
    return place or None, atoms[0].raw, sep.end()


# A presidency's or chairmanship's programme lists the meetings of its term to come, except under
# a heading that looks back ("Meetings held", "Results so far").
PAST_CONTEXT = re.compile(r"\b(held|past|previous|results?|achievements?|so far|took place|review of|report on)\b", re.I)


def _ends_with_date(text: str) -> bool:
    """"Summer meeting of the Nordic prime ministers, Þingvellir, 9 June": a nominal entry dated at its end."""
    atoms = scan_atoms(text)
    return bool(atoms) and not text[atoms[-1].span[1]:].strip(" .;,)") and "," in text[: atoms[-1].span[0]]


def dated_tail(text: str) -> str | None:
    """"Oil spill exercise BALEX DELTA, Kiel, 29 August", "Mapping of services, Dec 2015 – Feb 2016":
    a line that names a thing, then, after a comma or a dash, its days, month or season (a year alone
    is a title's). Returns the date as written, or None."""
    atoms = scan_atoms(text)
    if not atoms or atoms[-1].kind not in ("day", "month", "season") or text[atoms[-1].span[1]:].strip(" .;)"):
        return None
    first = len(atoms) - 1
    while first > 0 and re.fullmatch(r"\s*(?:[-–—]|to|until)?\s*", text[atoms[first - 1].span[1]: atoms[first].span[0]]):
        first -= 1
    before = text[: atoms[first].span[0]].rstrip()
    return text[atoms[first].span[0]: atoms[-1].span[1]] if before.endswith((",", "–", "-", "—")) and \
        len(before.split()) >= 2 else None


def _unit(line: _Line, s: int, e: int, shape: str, ctx: dict, **kw) -> Unit | None:
    text, start, end = _piece(line, s, e)
    text = text.strip(" ;,-–")
    if len(text) < 3 or not re.search(r"[A-Za-z]{2}", text):
        return None
    planned = kw.pop("planned", False) or ctx["planned"] or (
        ctx.get("programme", False) and not PAST_CONTEXT.search(ctx.get("heading") or "")
        and (shape == "entry" or shape == "item" and _ends_with_date(text)))
    if not planned and shape in ("item", "title"):  # a dated line after the document's period: what comes next
        when = dated_tail(text)
        planned = when is not None and _after_period(when, ctx.get("period"))
    if planned and ends_before(tidy_ordinals(kw.get("entry_date_raw") or text), ctx.get("period")):
        planned = False  # "Report on family reunification, Oct 2016" on a 2017-2018 page: done before its time
    return Unit(text=text, block=line.block, char_start=start, char_end=end, shape=shape, heading=ctx["heading"],
                heading_date=ctx["date"], heading_place=ctx["place"], slide=line.slide, planned=planned, **kw)


def narrative_units(doc: Document, structure: Structure, skip_blocks: set[int] | None = None) -> list[Unit]:
    """Every candidate unit of a prose document, in reading order."""
    slides = structure.kind == "slides"
    lines = _lines(doc, skip_blocks or set(), slides)
    if slides:
        marked = any(line.slide_start for line in lines)
        for line in lines:  # the slides' own titles are marked; a short line inside a slide is an item
            if line.kind == "heading" and not line.slide_start and (marked or not _slide_heading(line.text)):
                line.kind = "paragraph"
    lines = _reflow(lines, slides)
    calendar = {} if slides else _calendar_entries(lines)
    taken = {j for place, when in calendar.values() for j in (place, when)}
    dated = [i for i, line in enumerate(lines) if line.kind != "item" and dated_heading(line.text) is not None]
    if not slides and dated and dated[0] < 4 and _heading_place(lines[dated[0]].text) \
            and dated[0] + 1 < len(lines) and lines[dated[0] + 1].kind == "heading":
        taken.add(dated[0])  # "Riga, July 2000" under the title: when the document was written, no section's date
    ctx = {"heading": None, "date": None, "place": None, "lead_in": None, "priorities": False, "planned": False,
           "period": structure.period, "news": structure.kind == "news",
           # a programme's or plan's dated entries ("Q1 2025: Kick-off meeting ...") are what it plans
           "programme": structure.kind in ("priorities", "narrative_plan", "table_plan")}
    units: list[Unit] = []
    ctx["first_line"] = lines[0] if lines else None  # a transcript's first line is its title slide
    body = next((i for i, line in enumerate(lines) if line.label or _body_sentence(line.text)), len(lines))
    for i, line in enumerate(lines):
        if i in taken:
            continue
        if i in calendar:  # "Expert meeting on guardianship" / "Vilnius, Lithuania" / "9-10 June 2010"
            place, when = (lines[j].text.strip() for j in calendar[i])
            unit = _unit(line, 0, len(line.text), "entry", ctx, entry_date_raw=when,
                         entry_place_raw=None if ONLINE.fullmatch(place.strip(" .")) else place.split(",")[0].strip())
            if unit:
                unit.notes.append("a calendar entry: its place and date on the lines after it")
                units.append(unit)
            continue
        if ctx.get("roster"):
            if line.kind != "heading" or ROSTER_LINE.match(line.text.strip()):
                continue
            ctx["roster"] = False
        if not slides and (line.kind == "heading" and ROSTER_HEADING.match(line.text.strip())
                           or ATTACHMENT_LIST.match(line.text.strip())):
            ctx["roster"] = True
            continue
        if line.slide_start:
            ctx.update(heading=None, lead_in=None, priorities=False, date=None, place=None, planned=False)
        if WEB_DEBRIS.match(line.text) and not dated_heading(line.text):
            stripped = re.sub(r"^read more\s*", "", line.text, flags=re.I)
            if not stripped or stripped == line.text:
                continue
        if not slides and line.kind == "heading" and (ctx.get("unmarked") and _unmarked_list_item(line.text, ctx)
                                                      or _semicolon_item(line.text, ctx)):
            units += _paragraph_units(line, ctx)  # the next line of a list without bullets, short enough to pass
            continue  # for a heading
        if not slides and ctx.get("lead_in") and line.kind != "item" and _place_and_date(line.text):
            units += _paragraph_units(line, ctx)  # a short "Vilnius, 4-5 December" under a lead-in: its item, no heading
            continue
        when = dated_heading(line.text)
        period = ctx.get("period")
        if when is not None and line.kind != "item" and not slides and _heading_place(line.text) \
                and period is not None and period.end is not None and when.start is not None and when.start > period.end:
            continue  # "Jyväskylä, February 2012" under a 2011 report's foreword: where and when it was signed
        if when is not None and line.kind != "item":
            if slides and _meeting_title(units[-1] if units else None, line):
                _add_place_and_date(units[-1], line)  # "Nordic-Baltic Police Seminar" / "Palanga, 22-23 May 2008"
            ctx.update(date=when, place=_heading_place(line.text), heading=line.text, lead_in=None, priorities=False,
                       planned=bool(PLANNED_CONTEXT.search(line.text)))  # "Next steps – 2012"
            continue
        if not slides and NEXT_MEETING.match(line.text) and scan_atoms(line.text):
            unit = _unit(line, 0, len(line.text), "item", ctx, planned=True)  # "Next meeting: 14-15 March 2012, Oslo"
            if unit:
                units.append(unit)
            continue
        if line.kind == "heading" and not slides and line.text.rstrip().endswith(":") and len(line.text.split()) >= 4:
            # "The Presidency has chosen four main areas:" is a list's lead-in, not a section heading
            ctx.update(lead_in=line.text.strip(), priorities=ctx["priorities"] or bool(PRIORITY_CONTEXT.search(line.text)),
                       unmarked=True)
            continue
        # a long one is read as a paragraph line: a title of its own all the same when no full stop ends it
        action = PRIORITY_ACTION.match(line.text) if not slides and line.kind in ("heading", "paragraph") \
            and not line.text.rstrip().endswith((".", "!", "?")) and len(line.text.split()) <= 24 else None
        if action is not None and action.group("verb").lower() in IMPERATIVE_STARTS:
            # "Priority 3: Set up a common catalogue of ...": a priority that names work to do is a
            # commitment of its own, and still heads the sentences under it ("Priority 2: Digital
            # inclusion" names a topic only: a heading)
            unit = _unit(line, action.start("verb"), len(line.text), "item", ctx, label=action.group("label"),
                         planned=True, in_priorities=True)
            if unit:
                units.append(unit)
            ctx.update(heading=line.text, lead_in=None, priorities=True, planned=False)
            continue
        if line.kind == "heading" and not _sentence_like(line.text) and not _entry_line(line.text):
            lead_in = line.text if slides and LEAD_MODAL.search(line.text) else None  # "The chairmanship will"
            ctx.update(heading=line.text, lead_in=lead_in, priorities=bool(PRIORITY_CONTEXT.search(line.text)),
                       planned=bool(PLANNED_CONTEXT.search(line.text)))
            continue
        if slides and line.notes:
            units += _paragraph_units(line, ctx)
            continue
        if slides:
            units += _slide_units(line, ctx)
            continue
        point = _action_point(line, ctx)
        if point is not None:  # "AP 4/2019: The Secretariat to prepare ..."
            units += point
            continue
        numbered = NUMBERED_ACTION.match(line.text) if ctx.get("programme") else None
        if numbered is not None:  # a strategy's "Action 3.3 Hold a series of webinars ...": a plan's item, its number its label
            unit = _unit(line, numbered.end(), len(line.text), "item", ctx, label=" ".join(numbered.group("label").split()),
                         planned=True)
            if unit:
                units.append(unit)
            continue
        if line.kind == "item" and action_parts(line.text) is not None:
            units += _action_units(line, ctx, action_parts(line.text), label=line.label)
            continue
        if line.kind == "item" and entry_prefix(line.text) is not None:  # "• Reykjavik, 26-27 January - Ministers ..."
            place, when, start = entry_prefix(line.text)
            unit = _unit(line, start, len(line.text), "entry", ctx, entry_date_raw=when, entry_place_raw=place,
                         label=line.label)
            if unit:
                unit.planned = unit.planned or _after_period(when, ctx.get("period"))
                units.append(unit)
            continue
        titled = _run_in_title(line.text) if line.kind == "item" else None
        if titled is not None:  # "4.1 Street children. The questionnaire ... was answered ..."
            title, sentences_start = titled
            rest = copy.copy(line)
            _strip(rest, sentences_start)
            saved = ctx["heading"]
            ctx["heading"] = title
            for unit in _paragraph_units(rest, ctx):
                unit.label = line.label
                units.append(unit)
            ctx["heading"] = saved
            continue
        decisions = _decision_item(line, ctx)
        if decisions is not None:  # "3.3 The chair of the EG SAR reported ... The Plenary decided to set up ..."
            units += decisions
            continue
        if line.kind == "item":
            for s, e in _run_together(line.text):
                unit = _unit(line, s, e, "item", ctx, lead_in=ctx["lead_in"], in_priorities=ctx["priorities"],
                             label=line.label)
                if unit:
                    units.append(unit)
            continue
        units += _paragraph_units(line, ctx)
    for unit in units:
        unit.in_title = not slides and unit.char_start < (lines[body].start if body < len(lines) else 1 << 30)
    units += _calendar_table_units(doc, skip_blocks or set(), lines, ctx)
    units.sort(key=lambda u: u.char_start)
    return units


# A calendar written as a Word table: a date column, a column naming the meeting, maybe a place.
DATE_COLUMN = re.compile(r"(date|dates|when|time|day|period)", re.I)
TITLE_COLUMN = re.compile(r"(meetings?|events?|activit(y|ies)|title|what|topic|subject|description|programme|visits?)"
                          r"(\s*(or|and|/|&)\s*(meetings?|events?|activit(y|ies)|visits?|title|topic))?", re.I)
PLACE_COLUMN = re.compile(r"(place|venue|location|where|city|town|country)", re.I)


def _column(header: list[str], pattern: re.Pattern) -> int | None:
    return next((i for i, h in enumerate(header) if pattern.fullmatch(h.strip(" :*").lower())), None)


def _calendar_table_units(doc: Document, skip_blocks: set[int], lines: list[_Line], ctx: dict) -> list[Unit]:
    """One entry a row of a calendar table ("7-8 October 2010 | Oslo | Expert Group meeting"): the
    meeting's name with the row's date and place, under the heading above the table."""
    units: list[Unit] = []
    for i, block in enumerate(doc.blocks):
        if block.kind is not BlockKind.table or i in skip_blocks or not block.rows:
            continue
        when, title, place = (_column(block.header, p) for p in (DATE_COLUMN, TITLE_COLUMN, PLACE_COLUMN)) \
            if block.header else _columns_by_content(block)
        if block.header and title is None and when is not None and place is not None:
            title = _wordiest_column(block, {when, place})  # "Date | Place | Participants | Number": who met
        if when is None or title is None:
            continue
        heading = next((line.text for line in reversed(lines) if line.block < i and line.kind == "heading"), None)
        # a newsletter's calendar lists what is to come; a report's, what was held
        row_ctx = dict(ctx, heading=heading, lead_in=None, priorities=False, date=None, place=None,
                       planned=bool(heading and PLANNED_CONTEXT.search(heading)) or ctx.get("news", False))
        offset = (block.prov.char_start or 0) + len("\t".join(block.header)) + 1
        for row in block.rows:
            row_text = "\t".join(row.cells)
            cells = row.cells + [""] * (len(block.header) - len(row.cells))
            name = " ".join(cells[title].split())
            if name and scan_atoms(cells[when]):
                start = offset + sum(len(c) + 1 for c in row.cells[:title])
                unit = _unit(_line(cells[title], i, start, "paragraph"), 0, len(cells[title]), "entry", row_ctx,
                             entry_date_raw=" ".join(cells[when].split()),
                             entry_place_raw=(" ".join(cells[place].split()).split(",")[0] or None)
                             if place is not None else None)
                if unit:
                    unit.notes.append("a row of a calendar table")
                    units.append(unit)
            offset += len(row_text) + 1
    return units


def _wordiest_column(block: Block, taken: set[int]) -> int | None:
    """Of a table's other columns, the one of most words a cell: what its rows are about."""
    width = max(len(r.cells) for r in block.rows)
    words = {c: sum(len(r.cells[c].split()) for r in block.rows if c < len(r.cells)) for c in range(width) if c not in taken}
    best = max(words, key=lambda c: words[c], default=None)
    return best if best is not None and words[best] / len(block.rows) >= 3 else None


def _columns_by_content(block: Block) -> tuple[int | None, int | None, int | None]:
    """The date, meeting and place columns of a calendar without a header row: the date column is
    the first whose every cell holds a date; the meeting's, of the others, the one of most words;
    a place column is one more of short capitalised cells ("Reykjavik", "Oslo, Norway")."""
    width = max(len(r.cells) for r in block.rows)
    columns = [[r.cells[c] if c < len(r.cells) else "" for r in block.rows] for c in range(width)]
    when = next((c for c, cells in enumerate(columns) if all(not x.strip() or scan_atoms(x) for x in cells)
                 and sum(1 for x in cells if x.strip()) >= len(cells) - 1), None)
    others = [c for c in range(width) if c != when and any(x.strip() for x in columns[c])]
    if when is None or not others:
        return None, None, None
    words = {c: sum(len(x.split()) for x in columns[c]) / len(columns[c]) for c in others}
    title = max(others, key=lambda c: words[c])
    place = next((c for c in others if c != title and words[c] <= 3
                  and all(not x.strip() or x.strip()[:1].isupper() for x in columns[c])), None)
    return when, title, place


# A calendar page writes an entry's title, place and date on lines of their own, in either order
# after the title. A date line holds dates and the words around them only; a place line is a known
# city or state, maybe with its country or venue ("Gdansk, at the city hall"), or "online".
DATE_LINE_WORDS = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:the|of|and|to|from|until|at|on|"
                             r"early|late|mid|beginning|end|o'clock|am|pm|cet|cest|eet|eest|utc|gmt|noon|"
                             r"tbc|tba|tbd|date|be|confirmed|announced)\b|\d{1,2}[:.]\d{2}|\d{1,2}\s*(?:h|hrs)\b",
                             re.I)
ONLINE = re.compile(r"(?:online|virtual|web(?:inar)?|via zoom|on zoom|teams)\b\.?", re.I)


def _date_line(text: str) -> bool:
    text = tidy_ordinals(" ".join(text.split()))
    if not text or len(text) > 90:
        return False
    atoms = scan_atoms(text)
    if not atoms:
        return False
    rest = text
    for atom in sorted(atoms, key=lambda a: -a.span[0]):
        rest = rest[: atom.span[0]] + " " + rest[atom.span[1]:]
    return not re.sub(r"[\W\d_]+", " ", DATE_LINE_WORDS.sub(" ", rest)).strip()


def _unmarked_item(text: str) -> bool:
    """A line of a list written without bullets: short, a capital first (or an aim's "to ..."), no
    sentence of its own. Read as an item only under a lead-in of aims, or of a plan's priorities: in
    reports such lines under a colon are as often names, figures or headings (measured: dev, prose
    and the sealed pages all fell when every such line under any lead-in was an item)."""
    text = text.strip()
    if SECTION_NAME.search(text) or PLANNED_CONTEXT.search(text):
        return False  # "Expert Group meetings", "Planned meetings": the next section's name
    return 2 <= len(text.split()) <= 14 and (text[:1].isupper() or PARALLEL_TO.match(text) is not None) \
        and not text.endswith((".", "!", "?", ":")) and len(split_sentences(text)) == 1


SEMICOLON_END = re.compile(r"(?:;|;\s*(?:and|or)|,\s*and)\s*$")
SEMICOLON_ITEM_WORDS = 40


def _semicolon_item(text: str, ctx: dict) -> bool:
    """A line of a list without bullets under a lead-in, its items closed by semicolons and the last
    by a full stop: one sentence, not too long for an item."""
    text = text.strip()
    if not ctx.get("lead_in") or len(text.split()) > SEMICOLON_ITEM_WORDS or len(split_sentences(text)) != 1:
        return False
    return SEMICOLON_END.search(text) is not None or bool(ctx.get("semicolons")) and text.endswith(".")


def _unmarked_list_item(text: str, ctx: dict) -> bool:
    """An item of a list without bullets under the lead-in in force: aims ("to ...") or a plan's priorities."""
    lead = ctx.get("lead_in")
    return bool(lead) and _unmarked_item(text) and (
        PARALLEL_TO.match(text) is not None or bool(ctx.get("programme")) and PRIORITY_CONTEXT.search(lead) is not None)


SECTION_NAME = re.compile(r"\b(?:meetings|events|conferences|seminars|activities|visits|publications|projects)\s*$", re.I)
FUTURE_LEAD = re.compile(r"\b(?:will|shall|is to|are to|plans? to|planned)\b", re.I)


def _place_line(text: str) -> bool:
    text = " ".join(text.split()).strip(" .")
    if not text or len(text) > 60 or ONLINE.fullmatch(text):
        return bool(text) and ONLINE.fullmatch(text) is not None
    first = text.split(",")[0].strip()
    registry = load_registry()
    return len(first.split()) <= 3 and (registry.city(first) is not None or registry.state(first) is not None)


def _calendar_entries(lines: list[_Line]) -> dict[int, tuple[int, int]]:
    """Title line -> (place line, date line), for titles followed by a place line and a date line."""
    out: dict[int, tuple[int, int]] = {}
    for i in range(len(lines) - 2):
        title, a, b = lines[i], lines[i + 1], lines[i + 2]
        if title.kind == "item" or len(title.text.split()) > 25 or _date_line(title.text) or _place_line(title.text) \
                or dated_heading(title.text) or any(i - k in out for k in (1, 2)):
            continue
        if _place_line(a.text) and _date_line(b.text):
            out[i] = (i + 1, i + 2)
        elif _date_line(a.text) and _place_line(b.text):
            out[i] = (i + 2, i + 1)
    return out


MEETING_NAME = re.compile(r"\b(meeting|conference|seminar|summit|workshop|forum|session|symposium|congress|"
                          r"round ?table|hearing|webinar)s?\b", re.I)


def _meeting_title(unit: Unit | None, line: _Line) -> bool:
    """A slide's title line that names a meeting, on the line right before its place and date."""
    return unit is not None and unit.shape in ("title", "item") and unit.entry_date_raw is None \
        and unit.slide == line.slide and unit.char_end <= line.start and line.start - unit.char_end <= 2 \
        and MEETING_NAME.search(unit.text) is not None


def _add_place_and_date(unit: Unit, line: _Line) -> None:
    unit.text = f"{unit.text} {line.text.strip()}"
    unit.char_end = line.offsets[-1] + 1 if line.offsets else unit.char_end
    unit.entry_date_raw = line.text.strip()
    unit.entry_place_raw = _heading_place(line.text)
    unit.shape = "title"
    unit.notes.append("a meeting's name with its place and date on the next line")


SECTION_WORDS = re.compile(r"\b(activities|results|achievements|highlights|outcomes|plans|agenda|contents)\b", re.I)


def _slide_heading(text: str) -> bool:
    """In a transcript without slide marks, a line the reader took for a heading heads what follows
    only when it reads as one: in title case, ending in a colon, or naming a section (planned work,
    priorities, results); any other short line is a slide's item."""
    return _topic_line(text) or text.rstrip().endswith(":") or bool(
        PLANNED_CONTEXT.search(text) or PRIORITY_CONTEXT.search(text) or SECTION_WORDS.search(text))


def _topic_line(text: str) -> bool:
    """A short line in title case with no date: a slide's sub-topic, not an item."""
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) > 3]
    if not words or len(text.split()) > 10 or re.search(r"\d", text) or text.rstrip().endswith((".", ":")):
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.6


def trim_title_event(text: str, city_of) -> tuple[str, str, str] | None:
    """`Children at Risk Meeting of ... Helsinki 13th to 15th of June 2004 Head of Unit ...` ->
    (the event's name, its city, its date as written): a title slide names an event, then where and when."""

    tidy = tidy_ordinals(text)
    for m in re.finditer(r"\b[A-ZÅÄÖ][\w’'.-]+", tidy):
        if m.start() < 10 or not city_of(m.group(0)):
            continue
        atoms = scan_atoms(tidy[m.end(): m.end() + 60])
        if atoms and atoms[0].span[0] <= 3:
            date_raw = tidy[m.end() + atoms[0].span[0]: m.end() + atoms[0].span[1]]
            name = re.sub(r"\s+(in|at|on|,)$", "", tidy[: m.start()].strip(" ,–-"))
            return name, m.group(0), date_raw
    return None


def _heading_place(text: str) -> str | None:
    m = re.match(r"^(?:read more)?\s*([A-Z][\w’'.-]+(?:\s[A-Z][\w.-]+)?),\s", text, re.I)
    return m.group(1) if m else None


EVENT_NAME = re.compile(r"\b(meetings?|conferences?|seminars?|workshops?|trainings?|courses?|visits?|sessions?|"
                        r"round ?tables?|forums?|summits?|symposi(?:um|a)|hearings?|exercises?|festivals?|"
                        r"webinars?|consultations?|launch(?:es)?|congress(?:es)?)\b", re.I)


def _entry_line(text: str) -> bool:
    """A short line that a reader took for a heading but that records a happening: a dated entry
    ("Helsinki, 15-16 September 2003 – Meeting of the Working Group") or a nominal one that ends
    with its place and date ("Workshop on marine litter, Tallinn, autumn 2012"). A line that is only
    a date ("April 2000", "Vilnius, September 2014") stays a dated heading."""
    if dated_heading(text) is not None:
        return False
    if entry_prefix(text) is not None:
        return True
    atoms = scan_atoms(text)
    if not atoms or text[atoms[-1].span[1]:].strip(" .") or "," not in text[: atoms[-1].span[0]]:
        return False
    name = text[: atoms[-1].span[0]].split(",")[0]
    if len(name.split()) < 2 or text.rstrip().endswith(":"):
        return False
    # "Danish Presidency, 2005" is a title; a happening is named ("Workshop ..., Tallinn, 2012") or
    # dated finer than a year ("..., Kiel, 29 August")
    return atoms[-1].kind != "year" or bool(EVENT_NAME.search(name))


def _body_sentence(text: str) -> bool:
    """A line of running text: where a document's title block (name, body, place, date) has ended."""
    return len(text.split()) >= 6 and bool(re.search(r"[a-z]{2}[.!?]\W*$", text))


def _sentence_like(text: str) -> bool:
    """A "heading" a PDF reader guessed from a large font that is really a sentence."""
    return len(text.split()) >= 10 and bool(re.search(r"[.!?]\s*$", text))


def _place_and_date(text: str) -> bool:
    """"Stockholm, 9-10 October", "Riga, May 2009": a place and a date, nothing else."""
    place, _, when = text.partition(",")
    return bool(when.strip()) and _place_line(place) and _date_line(when)


def _paragraph_units(line: _Line, ctx: dict) -> list[Unit]:
    units: list[Unit] = []
    if ctx.get("lead_in") and _place_and_date(line.text):
        # "The Task Force will meet four times during the period:" / "Stockholm, 9-10 October" / ...:
        # each line an item of the lead-in, which says what happens there; the lead-in goes on
        place, _, when = line.text.partition(",")
        unit = _unit(line, 0, len(line.text), "item", ctx, lead_in=ctx["lead_in"], entry_date_raw=when.strip(),
                     entry_place_raw=place.strip(), planned=bool(FUTURE_LEAD.search(ctx["lead_in"])))
        return [unit] if unit else []
    if _semicolon_item(line.text, ctx):
        # "In the next period the partnership will:" / "finish the first monitoring year;" / "hold ...;" /
        # "... in June.": semicolons mark the list, whatever the case of its first letters
        unit = _unit(line, 0, len(line.text), "item", ctx, lead_in=ctx["lead_in"], in_priorities=ctx["priorities"],
                     planned=bool(FUTURE_LEAD.search(ctx["lead_in"])))
        ctx["semicolons"] = not line.text.rstrip().endswith(".")
        return [unit] if unit else []
    ctx["semicolons"] = False
    if _unmarked_list_item(line.text, ctx):
        # "The programme covers four priority areas:" / "Communicable diseases, in particular ..." / ...:
        # a list without bullets, a line an item; the lead-in goes on to the next
        unit = _unit(line, 0, len(line.text), "item", ctx, lead_in=ctx["lead_in"], in_priorities=ctx["priorities"])
        ctx["unmarked"] = True
        return [unit] if unit else []
    ctx["unmarked"] = False
    entry = entry_prefix(line.text)
    if entry is not None and entry[0] is None and DATE_STAMP.match(line.text) \
            and len(split_sentences(line.text[entry[2]:])) >= 2:
        return _stamped_sentences(line, entry[1], entry[2], ctx)
    if entry is not None:
        return _entry_units(line, entry, ctx)
    action = action_parts(line.text)
    if action is not None:
        return _action_units(line, ctx, action)
    bullets = _inline_bullets(line.text)
    if bullets:  # "Children in institutions • Commercial sexual exploitation • Unaccompanied ...": a list on one line
        return [u for u in (_unit(line, s, e, "item", ctx, lead_in=ctx.get("lead_in"), in_priorities=ctx["priorities"])
                            for s, e in bullets) if u]
    topics = _topic_list(line.text)
    if topics:  # "Culture and language: Nordic children's literature; Film and television co-production"
        label, spans = topics
        return [u for u in (_unit(line, s, e, "item", ctx, lead_in=label, in_priorities=ctx["priorities"])
                            for s, e in spans) if u]
    items = inline_items(line.text)
    body_end = _marker_start(line.text, items[0]) if items else len(line.text)
    sentences = split_sentences(line.text[:body_end]) if body_end else []
    last_sentence = None
    # "The Ministers:" / "decided to extend ...; asked the Working Group to ...": operative paragraphs
    # that open in lower case with their verb continue the heading that names who acts
    heading = ctx.get("heading") or ""
    subject_lead = heading.strip() if heading.rstrip().endswith(":") and line.text[:1].islower() else None
    for s, e in sentences:
        for a, b in _action_points(line.text[s:e]):  # "the Secretariat to publish ...; Denmark to circulate ..."
            unit = _unit(line, s + a, s + b, "sentence", ctx, **({"lead_in": subject_lead} if subject_lead else {}))
            if unit:
                units.append(unit)
                last_sentence = unit.text
    # a paragraph that ends with a lead-in introduces the list after it
    ctx["lead_in"] = last_sentence if last_sentence and LEAD_IN_END.search(last_sentence) else None
    ctx["unmarked"] = bool(ctx["lead_in"]) and last_sentence.rstrip().endswith(":")  # a list may follow, unmarked
    if ctx["lead_in"]:
        ctx["priorities"] = bool(PRIORITY_CONTEXT.search(ctx["lead_in"])) or ctx["priorities"]
    if items:
        lead = line.text[:body_end].strip()
        lead_in = split_sentences(lead)[-1] if lead else None
        lead_text = lead[lead_in[0]:lead_in[1]] if lead_in else None
        priorities = ctx["priorities"] or bool(lead_text and PRIORITY_CONTEXT.search(lead_text))
        for label, level, s, e in items:
            unit = _unit(line, s, e, "item", ctx, lead_in=lead_text if level == 0 else None,
                         in_priorities=priorities and level == 0, label=label)
            if unit:
                units.append(unit)
    return units


def _entry_units(line: _Line, entry: tuple, ctx: dict) -> list[Unit]:
    """An entry under its place and date: the whole text after them is the record's text
    (records.md), however many sentences it has. (Cutting it at its first sentence was measured and
    dropped, 2026-12-07: the dev set's entries are whole, 0.824 -> 0.802.)"""
    place, when, start = entry
    ctx["lead_in"] = None
    unit = _unit(line, start, len(line.text), "entry", ctx, entry_date_raw=when, entry_place_raw=place)
    if unit and _after_period(when, ctx.get("period")):
        unit.planned = True  # a report's entry dated after its own period is what comes next
    return [unit] if unit else []


def _stamped_sentences(line: _Line, stamp: str, start: int, ctx: dict) -> list[Unit]:
    """"18/12/2003 - The group met ... . In 2004 the group will ...": a news page's item under the day
    it was posted; each sentence is a unit of its own, dated by its own words or else by the stamp."""
    ctx["lead_in"] = None
    units = []
    for s, e in split_sentences(line.text[start:]):
        for a, b in _action_points(line.text[start + s: start + e]):
            unit = _unit(line, start + s + a, start + s + b, "sentence", ctx, entry_date_raw=stamp)
            if unit:
                units.append(unit)
    return units


def _run_in_title(text: str) -> tuple[str, int] | None:
    """A numbered item of a report that opens with a run-in title ("Street children. The
    questionnaire ...") and goes on in sentences: (the title, where its sentences start)."""
    spans = split_sentences(text)
    if len(spans) < 2:
        return None
    first = text[spans[0][0]: spans[0][1]].strip()
    words = first.rstrip(".").split()
    if not 1 <= len(words) <= 6 or not first.endswith(".") or not words[0][:1].isupper() \
            or any(w.lower() in TITLE_VERBS for w in words):
        return None
    return first.rstrip(". "), spans[1][0]


# words that make a short opening sentence a statement ("Work continues."), not a run-in title
TITLE_VERBS = {"is", "are", "was", "were", "has", "have", "had", "will", "met", "continues", "continued", "held",
               "took", "agreed", "adopted", "decided", "started", "ended", "began", "opened", "closed"}


# "the Secretariat to publish the chapter", "Denmark to circulate a draft": who, then what to do
ACTION_POINT = re.compile(r"^(?:the\s+)?[\w’'().-]+(?:\s+[\w’'().-]+){0,6}?\s+to\s+(?!the\b|a\b|an\b)[a-z]+\b")


def _action_points(text: str) -> list[tuple[int, int]]:
    """A sentence of action points run together by semicolons (minutes' follow-up): one span each,
    when every part names who is to do what; else the sentence whole."""
    parts, start = [], 0
    for m in re.finditer(r";\s+(?:and\s+)?", text):
        parts.append((start, m.start() + 1))
        start = m.end()
    parts.append((start, len(text)))
    if len(parts) < 2 or not all(ACTION_POINT.match(text[a:b]) for a, b in parts):
        return [(0, len(text))]
    return parts


# A plan's numbered action, measure or task before its text: "Action 3.3 Hold ...", "Measure 2.1: Train ..."
# (An objective, a goal or an aim that opens with a verb states an outcome, "Objective 1: Reduce the
# spread of HIV": its actions are listed under it, tests/test_check_shapes.py)
PRIORITY_ACTION = re.compile(r"^\s*(?P<label>Priority\s+(?:\d{1,2}|[IVX]{1,4}|[A-H]))\s*[:.–—-]\s+"
                             r"(?P<verb>[A-Z][a-z]+)\b")
# Verbs a priority or an objective opens with when it names work to do, in the base form of a plan's
# imperative ("Set up ...", "Prepare ...", "Bring ... into ..."); a topic opens with a noun.
IMPERATIVE_STARTS = {
    "set", "bring", "prepare", "establish", "create", "build", "develop", "strengthen", "promote", "support",
    "improve", "ensure", "raise", "reduce", "increase", "provide", "make", "open", "launch", "extend", "hold",
    "organise", "organize", "publish", "adopt", "draft", "map", "train", "introduce", "implement", "complete",
    "finalise", "finalize", "update", "revise", "review", "harmonise", "harmonize", "link", "connect", "expand",
    "secure", "protect", "prevent", "combat", "fight", "end", "stop", "help", "enable", "enhance", "foster",
    "encourage", "involve", "engage", "integrate", "coordinate", "agree", "design", "test", "pilot", "run",
    "set up", "start", "begin", "continue", "invite", "offer", "collect", "compile", "share", "exchange",
}
NUMBERED_ACTION = re.compile(r"^\s*(?P<label>(?:Action|Measure|Task|Activity)\s+\d{1,2}(?:\.\d{1,2}){0,2})\s*[:.–—-]?\s+"
                             r"(?=[A-Z][a-z])")


# The number of a minutes' action point before its text: "AP 4/2019:", "AP 12:", "Action point 3 –"
ACTION_POINT_LABEL = re.compile(r"^\s*(?P<label>(?:AP|A\.P\.|action\s+point)\s*\d{1,3}(?:\s*/\s*(?:19|20)?\d{2})?)\s*[:.–—-]\s+(?=\S)",
                                re.I)


def _action_point(line: _Line, ctx: dict) -> list[Unit] | None:
    """A numbered action point of minutes ("AP 4/2019: The Secretariat to prepare a draft Strategy ...
    by June 2020."): one unit, its number as its label (not its text), as a list item's number is."""
    m = ACTION_POINT_LABEL.match(line.text)
    if m is None:
        return None
    unit = _unit(line, m.end(), len(line.text), "sentence", ctx, label=" ".join(m.group("label").split()))
    return [unit] if unit else []


# A decision of the meeting about work to do: "The Plenary decided to set up ...", "Members agreed to ...";
# not "decided not to pursue" (nothing to do)
DECISION = re.compile(r"\b(?:decided|agreed)\s+(?:that\b|to\s+(?!not\b)[a-z]+)", re.I)


def _decision_item(line: _Line, ctx: dict) -> list[Unit] | None:
    """A numbered paragraph of minutes that tells the discussion and then the decision ("3.3 The chair of
    the EG SAR reported that ... The Plenary decided to set up a task group ..."): read sentence by
    sentence, as a paragraph is, so that the decision is a unit of its own. None for any other line:
    a one-sentence item, or one whose first sentence is the decision, stays whole."""
    if line.kind != "item":
        return None
    spans = split_sentences(line.text)
    if len(spans) < 2 or not any(DECISION.search(line.text[s:e]) for s, e in spans[1:]):
        return None
    return [u for s, e in spans if (u := _unit(line, s, e, "sentence", ctx, label=line.label))]


def _run_together(text: str) -> list[tuple[int, int]]:
    """An item that runs several together, separated by semicolons ("support for young people
    leaving care; Foster care instead of institutions"): one span each, when every part is short
    and none is a clause going on from the one before (lower case after the semicolon)."""
    parts, start = [], 0
    for m in re.finditer(r";\s+", text):
        parts.append((start, m.start() + 1))
        start = m.end()
    parts.append((start, len(text)))
    if len(parts) < 2 or any(len(text[s:e].split()) > 12 for s, e in parts) \
            or any(not text[s:s + 1].isupper() for s, _ in parts[1:]):
        return [(0, len(text))]
    return parts


INLINE_BULLET = re.compile(r"\s+[•▪◦·]\s+")


def _inline_bullets(text: str) -> list[tuple[int, int]] | None:
    """Items written on one line between bullets, each short and without a sentence end of its own."""
    cuts = list(INLINE_BULLET.finditer(text))
    if len(cuts) < 2:
        return None
    spans, start = [], 0
    for m in cuts:
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    if any(not 1 <= len(text[s:e].split()) <= 10 or re.search(r"[.!?](?:\s|$)", text[s:e].strip()) for s, e in spans):
        return None
    return spans


TOPIC_LABEL = re.compile(r"^([A-Z][^:.;!?]{2,60}):\s+")


def _topic_list(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """"Label: a; B; C" on one line: the label and the spans of its run-together items."""
    m = TOPIC_LABEL.match(text)
    if not m:
        return None
    spans = _run_together(text[m.end():])
    if len(spans) < 2:
        return None
    return m.group(1), [(m.end() + s, m.end() + e) for s, e in spans]


def _after_period(when: str, period) -> bool:
    """Does an entry's date (with its year, or the period's) start after the document's period?"""
    from extractors.time.dates import normalise

    if period is None or period.end is None:
        return False
    value = normalise(tidy_ordinals(when), period)
    return value.start is not None and value.start > period.end


def _action_units(line: _Line, ctx: dict, action: tuple[int, list[tuple[str, int, int]]],
                  label: str | None = None) -> list[Unit]:
    """An item or paragraph with an action clause: its rationale as sentences, then each part of
    the clause as a planned item (records.md: "Action: ..." items are activities)."""
    clause_start, parts = action
    units = [u for s, e in split_sentences(line.text[:clause_start]) if (u := _unit(line, s, e, "sentence", ctx))]
    lead = line.text[clause_start: parts[0][1]].strip() or None
    planned = dict(ctx, planned=True)
    for part_label, s, e in parts:
        unit = _unit(line, s, e, "item", planned, lead_in=lead,
                     label=".".join(x for x in ((label or "").strip("().") or None, part_label or None) if x) or None)
        if unit:
            units.append(unit)
    ctx["lead_in"] = None
    return units


def _marker_start(text: str, item: tuple[str, int, int, int]) -> int:
    """Where an inline item's marker ("1." / "a.") begins, the text before it being the lead."""
    label, _, start, _ = item
    return max(0, text.rfind(label + ".", 0, start))


def _slide_units(line: _Line, ctx: dict) -> list[Unit]:
    """A slide line: its items run together on one line are split; a line that ends as a lead-in
    ("Programme adopted by the group includes") makes the items after it belong to it."""
    units: list[Unit] = []
    text = line.text
    run = _capitals_run(text) if line.slide_start else None
    if run:  # "Priorities 1999 Children's rights Youth participation Social inclusion": a title, then items
        (s0, e0), items = run[0], run[1:]
        title = text[s0:e0]
        ctx.update(heading=title, lead_in=None, priorities=bool(PRIORITY_CONTEXT.search(title)),
                   planned=bool(PLANNED_CONTEXT.search(title)))
        for s, e in items:
            unit = _unit(line, s, e, "item", ctx, in_priorities=ctx["priorities"])
            if unit:
                units.append(unit)
        return units
    if line.slide_start and len(text.split()) <= 12 and not inline_items(text):
        ctx.update(heading=text, lead_in=text if LEAD_MODAL.search(text) else None,
                   priorities=bool(PRIORITY_CONTEXT.search(text)), planned=bool(PLANNED_CONTEXT.search(text)))
        title = _unit(line, 0, len(text), "title", ctx)
        return [title] if title else []
    bullets = _inline_bullets(text)
    pieces = bullets if bullets else slide_pieces(text)  # "Children in institutions • Commercial sexual ..."
    for n, (s, e) in enumerate(pieces):
        piece, _, _ = _piece(line, s, e)
        if not piece:
            continue
        if len(piece.split()) <= 2 and PRIORITY_CONTEXT.search(piece):
            ctx.update(heading=piece, lead_in=None, priorities=True)  # "- Priorities" heads the items below
            continue
        if len(piece.split()) <= 3 and PLANNED_CONTEXT.search(piece):
            ctx.update(heading=piece, lead_in=None, priorities=False, planned=True)  # "Planned activities"
            continue
        items = inline_items(piece)
        if items:
            head = piece[: _marker_start(piece, items[0])]
            if PRIORITY_CONTEXT.search(head):
                ctx["priorities"] = True
            first_line = line.slide_start and n == 0
            for label, level, a, b in items:
                unit = _unit(line, s + a, s + b, "item", ctx, lead_in=(head.strip() or None) if level == 0 else None,
                             in_priorities=ctx["priorities"] and level == 0, label=label)
                if unit:
                    units.append(unit)
            if first_line:
                ctx["heading"] = head.strip()
            continue
        first = line.slide_start or line is ctx["first_line"]
        shape = "title" if first and n == 0 else "item"
        if shape == "item" and not ctx["priorities"] and not ctx["planned"] and _topic_line(piece):
            ctx["heading"] = piece  # "The Rights of Children in Institutions": the items below are about it
            shape = "title"
        unit = _unit(line, s, e, shape, ctx, lead_in=ctx["lead_in"], in_priorities=ctx["priorities"] and shape == "item",
                     label=line.label)
        if unit:
            units.append(unit)
            if (LEAD_IN_END.search(unit.text) or LEAD_MODAL.search(unit.text)) and len(unit.text.split()) <= 12:
                ctx["lead_in"] = unit.text
                unit.notes.append("lead-in of the items below")
    return units
