"""`planscope check`: which earlier commitments a report shows done, with the quotes that show it.

One report (`check REPORT [--against PLAN...]`) or every report in the warehouse against every
plan that started before it ended (`check --all`). A report's period is the documents table's
(period_start, period_end) and nothing else: the rules that set it (catalogue first, then a
chairmanship's July-to-June years) live in ingest.
"""
from __future__ import annotations

import itertools
import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from checking.evidence import (AHEAD, rule, ATTENDED, IN_PROGRESS, OWN_ACTIVITY, PLANNED_AGAIN, SPOKE, WILL, Commitment, Unit, features, idf_table, is_own, load_model,
                               mark_closest, mark_own_names, mark_parts, mark_restated, parse_text, unit_rows, missing_terms, not_done_cue, prepare_commitment, prepare_unit, said_not_done, score, shared_terms,
                               ordinals_in, strongest,
                               status_for, vetoed)
from extractors.prose.narrative import split_sentences
from extractors.time.dates import normalise
from extractors.entities.registry import load_registry
from schemas.errors import PlanscopeError
from pipeline.readers import file_sha256
from schemas.records import Period
from warehouse import store

TOP_QUOTES = 3
PLAN_KINDS = ("table_plan", "narrative_plan")
RENDITION_PREFERENCE = {"docx": 0, "pdf": 1, "txt": 2}


@dataclass
class CommitmentResult:
    commitment: Commitment
    status: str
    score: float
    evidence: list[tuple[Unit, float, list[str]]] = field(default_factory=list)
    reason: str = ""  # why this status, in words a secretariat can check
    missing: list[str] = field(default_factory=list)  # for partly: the commitment's words the evidence lacks
    nearest: tuple[Unit, float, str] | None = None  # for no evidence: the closest passage considered, and why it fell short

    def as_dict(self) -> dict:
        c = self.commitment
        return {
            "record_id": c.record_id, "ref": c.ref, "commitment_text": c.text, "plan_doc": c.plan_doc,
            "kind": c.kind, "deadline": c.end.isoformat() if c.end else None, "status": self.status,
            "score": round(self.score, 3), "reason": self.reason, "missing": self.missing, "themes": c.themes,
            "evidence": [_passage(u, s) | {"shared_terms": terms} for u, s, terms in self.evidence],
            "nearest": _passage(self.nearest[0], self.nearest[1]) | {"note": self.nearest[2]} if self.nearest else None,
        }


def _passage(u: Unit, s: float) -> dict:
    return {"text": u.text, "doc": u.doc, "section": u.section, "page": u.page, "paragraph": u.paragraph_no,
            "kind": u.kind, "date": u.start.isoformat() if u.start else None, "score": round(s, 3)}


@dataclass
class CheckResult:
    check_id: str
    report_doc: str
    report_period: Period | None
    plan_docs: list[str]
    results: list[CommitmentResult]

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in ("evidenced", "partly evidenced", "no evidence", "overdue", "not a commitment")}
        for r in self.results:
            out[r.status] += 1
        return out


@dataclass
class CheckInputs:
    report_sha: str
    report_doc: str
    period: Period | None
    plan_docs: list[str]
    commitments: list[Commitment]
    units: list[Unit]
    idf: dict[str, float]
    named_idf: dict[str, float]


def ensure_ingested(db: str, paths: list[str]) -> list[str]:
    """sha256 of each file, ingesting those the warehouse does not hold yet."""
    from pipeline.ingest import ingest

    shas = []
    for p in paths:
        if not Path(p).is_file():
            raise PlanscopeError(f"{p}: no such file")
        shas.append(file_sha256(Path(p)))
    with store.connect(db, wait_seconds=30) as con:
        missing = [p for p, s in zip(paths, shas) if not store.has_sha(con, s)]
    if missing:
        summary = ingest(db, missing, workers=1)
        if summary.failed:
            raise PlanscopeError(summary.failed[0][1])
    return shas


def _one_per_rendition(rows) -> list[tuple]:
    """The same document as .docx, .pdf and .txt counts once (the .docx first): rows are
    (sha, format, *key) with key what the renditions share."""
    chosen: dict[tuple, tuple] = {}
    for sha, fmt, *key in rows:
        key = tuple(key)
        if key not in chosen or RENDITION_PREFERENCE.get(fmt, 3) < RENDITION_PREFERENCE.get(chosen[key][1], 3):
            chosen[key] = (sha, fmt, *key)
    return sorted(chosen.values(), key=lambda r: [str(x) for x in r[2:]])


def plan_sources(con, before: date | None = None, exclude: str | None = None) -> list[str]:
    """Every document with activity records (plans of every kind, and reports that carry
    activities) whose period starts by `before`; one rendition per document."""
    rows = con.execute("""
        SELECT d.doc_sha256, d.format, d.title, d.period_start, d.period_end, count(r.record_id)
        FROM documents d JOIN record_facts r USING (doc_sha256)
        WHERE r.kind = 'activity' AND d.doc_sha256 IS DISTINCT FROM ?
          AND (d.period_start IS NULL OR ?::DATE IS NULL OR d.period_start <= ?::DATE)
        GROUP BY ALL""", [exclude, before, before]).fetchall()
    return [r[0] for r in _one_per_rendition(rows)]


def reports(con) -> list[tuple[str, date, date]]:
    """Every dated document that is not a plan, one rendition each: (sha, period_start, period_end)."""
    rows = con.execute("""
        SELECT doc_sha256, format, title, period_start, period_end FROM documents
        WHERE kind NOT IN (SELECT unnest(?::VARCHAR[])) AND period_end IS NOT NULL""", [list(PLAN_KINDS)]).fetchall()
    return [(r[0], r[3], r[4]) for r in _one_per_rendition(rows)]


def load_commitments(con, plan_shas: list[str]) -> list[Commitment]:
    rows = con.execute("""
        SELECT r.record_id, r.ref, r.text, r.doc, r.start_date, r.end_date, r.location, r.doc_sha256, r.why,
               (SELECT d.period_start FROM documents d WHERE d.doc_sha256 = r.doc_sha256),
               coalesce((SELECT list(t.theme ORDER BY t.ord) FROM record_themes t WHERE t.record_id = r.record_id), []),
               coalesce((SELECT list(a.entity_id) FROM record_actors a WHERE a.record_id = r.record_id
                         AND a.entity_id LIKE 'state:%'), [])
        FROM record_facts r WHERE r.kind = 'activity' AND list_contains(?, r.doc_sha256)
        ORDER BY r.doc, r.table_no, r.row_no, r.char_start""", [plan_shas]).fetchall()
    out = []
    for rid, ref, text, doc, start, end, location, sha, why, plan_start, themes, states in rows:
        c = Commitment(record_id=rid, ref=ref, text=text, plan_doc=doc, start=start, end=end, themes=list(themes), why=why,
                       plan_start=plan_start)
        c.named = {f"state:{s.split(':', 1)[1]}" for s in states}
        c._location = location  # type: ignore[attr-defined]
        c._sha = sha  # type: ignore[attr-defined]
        out.append(c)
    return out


def load_units(con, report_sha: str, period: Period | None, nlp) -> list[Unit]:
    """The report's events, every sentence of its other paragraphs and list items, and each
    headed section whole (a news entry or slide: its heading says what, its lines say how)."""
    units = []
    event_blocks = set()
    for text, doc, page, para, block, start, end, location in con.execute("""
            SELECT text, doc, page, paragraph_no, block_no, start_date, end_date, location FROM record_facts
            WHERE doc_sha256 = ? AND kind = 'event' ORDER BY char_start""", [report_sha]).fetchall():
        event_blocks.add(block)
        u = Unit(text=text, doc=doc, kind="event", page=page, paragraph_no=para, block_no=block, start=start, end=end)
        u._location = location  # type: ignore[attr-defined]
        units.append(u)
    rows = con.execute("""SELECT text, doc, page, paragraph_no, block_no, kind, table_no, row_no FROM passages
                          WHERE doc_sha256 = ? AND kind IN ('heading', 'paragraph', 'list_item', 'footnote', 'table_cell')
                          ORDER BY block_no, row_no, column_no""", [report_sha]).fetchall()
    passages = [r[:6] for r in rows]
    kept = [p for p in passages if p[4] not in event_blocks and p[5] != "heading"]
    if rule("row"):  # a table's short cells are read with their row ("Mass rescue exercise | Cancelled")
        units += table_row_units([r for r in rows if r[4] not in event_blocks and r[5] == "table_cell"], period)
        kept = [p for p in kept if p[5] != "table_cell" or not short_cell(p[0])]
    for (text, doc, page, para, block, _), sdoc in zip(kept, nlp.pipe([p[0] for p in kept], batch_size=64)):
        if len(list(sdoc.sents)) > 1:  # the paragraph whole: "a first draft ... Several delegations asked for more time"
            units.append(_block_unit(text, "paragraph", (doc, page, para, block), period))
        for sent in sdoc.sents:
            s = sent.text.strip()
            if len(s.split()) < 4:
                continue
            value = normalise(s, period, scan=True)
            units.append(Unit(text=s, doc=doc, kind="sentence", page=page, paragraph_no=para, block_no=block,
                              start=value.start, end=value.end))
    units += section_units(passages, period)
    headings = [(p[4], p[0]) for p in passages if p[5] == "heading"]
    for u in units:
        u.report_start, u.report_end = (period.start, period.end) if period else (None, None)
        u.section = next((text for block, text in reversed(headings) if u.block_no is not None and block <= u.block_no), None)
    return units


SECTION_CHARS = 600
# A table cell of running text (several sentences, or a long one) gives sentences of its own; a shorter one is read
# with its row only.
CELL_WORDS = 25
REF_CELL = re.compile(r"^\W*[\d./–-]*\W*$")  # "2/2019", "3.1": a row's number, not its date


def short_cell(text: str) -> bool:
    return len(text.split()) < CELL_WORDS and len(split_sentences(text)) < 2


def table_row_units(cells: list[tuple], period: Period | None) -> list[Unit]:
    """Each row of a table (not a calendar of events) with two or more cells, as one unit: "2/2019 Mass rescue
    exercise in the Kvarken Cancelled (COVID-19)" says what the row's subject is and what became of it, which
    neither cell says alone. Dated by its cells' own dates, a row's number aside."""
    units = []
    for (block, table, row), group in itertools.groupby(cells, key=lambda r: (r[4], r[6], r[7])):
        group = [r for r in group if r[0].strip()]
        if len(group) < 2 or row is None:
            continue
        text = " ".join(" ".join(r[0].split()) for r in group)
        words = " ".join(r[0] for r in group if not REF_CELL.match(r[0]))  # the row's number aside
        if len(words.split()) < 4:
            continue
        value = normalise(words, period, scan=True)
        _, doc, page, para = group[0][:4]
        units.append(Unit(text=text, doc=doc, kind="sentence", page=page, paragraph_no=para, block_no=block,
                          start=value.start, end=value.end))
    return units
DATE_LINE_WORDS = 5


def section_units(passages: list[tuple], period: Period | None) -> list[Unit]:
    """A heading, or a line that is only a date ("5-7 December"), and the passages under it up to
    the next, as one unit: "RETURNING CHILDREN - CLOSING THE GAPS IN CARE" over "70 participants:
    shelter staff..." is one event. A date line just above a heading opens that heading's section."""
    sections: list[list[tuple]] = []
    current: list[tuple] | None = None
    for p in passages:
        if p[5] != "heading" and _is_date_line(p[0], period):
            current = [p]
            sections.append(current)
        elif p[5] == "heading":
            if current is not None and len(current) == 1 and current[0][5] != "heading":
                current.append(p)  # the dated entry's title
            else:
                current = [p]
                sections.append(current)
        elif current is not None:
            current.append(p)
    return [_block_unit(" ".join(p[0] for p in parts), "section", parts[0][1:5], period)
            for parts in sections if len(parts) >= 2]


def _block_unit(text: str, kind: str, where: tuple, period: Period | None) -> Unit:
    """A unit of several sentences (a paragraph, a section): cut at SECTION_CHARS on a word
    boundary, dated by the first date in its opening."""
    if len(text) > SECTION_CHARS:
        text = text[:SECTION_CHARS].rsplit(" ", 1)[0] + " …"
    doc, page, para, block = where
    value = normalise(text[:200], period, scan=True)
    return Unit(text=text, doc=doc, kind=kind, page=page, paragraph_no=para, block_no=block,
                start=value.start, end=value.end)


def _is_date_line(text: str, period: Period | None) -> bool:
    return len(text.split()) <= DATE_LINE_WORDS and normalise(text, period, scan=True).start is not None


def report_period(con, report_sha: str) -> tuple[str, Period | None]:
    """The report's name and its period, as the documents table holds it."""
    name, ps, pe, raw = con.execute("SELECT name, period_start, period_end, period_raw FROM documents WHERE doc_sha256 = ?",
                                    [report_sha]).fetchone()
    return name, (Period(start=ps, end=pe, raw=raw or f"{ps}..{pe}") if ps and pe else None)


def prepare_commitments(commitments: list[Commitment], nlp, registry) -> None:
    for c, sdoc in zip(commitments, nlp.pipe([parse_text(c.text) for c in commitments], batch_size=64)):
        prepare_commitment(c, sdoc, registry, getattr(c, "_location", None))
    mark_restated(commitments)


def prepare_units(units: list[Unit], nlp, registry) -> None:
    for u, sdoc in zip(units, nlp.pipe([u.text for u in units], batch_size=64)):
        prepare_unit(u, sdoc, registry, getattr(u, "_location", None))


def inputs_for(con, report_sha: str, commitments: list[Commitment], plan_shas: list[str], nlp, registry) -> CheckInputs:
    """The inputs of one report against commitments already prepared."""
    name, period = report_period(con, report_sha)
    plan_names = [r[0] for r in con.execute("SELECT name FROM documents WHERE list_contains(?, doc_sha256) ORDER BY name",
                                            [plan_shas]).fetchall()]
    units = load_units(con, report_sha, period, nlp)
    prepare_units(units, nlp, registry)
    idf = idf_table([o.lemmas for o in commitments + units])
    mark_closest(commitments, units, idf)
    mark_own_names(commitments, units)
    mark_parts(units)
    return CheckInputs(report_sha=report_sha, report_doc=name, period=period, plan_docs=plan_names,
                       commitments=commitments, units=units, idf=idf,
                       named_idf=idf_table([Counter(o.named) for o in commitments + units]))


def build_inputs(db: str, report: str, against: list[str] | None = None) -> CheckInputs:
    """Commitments and evidence units with their lemmas and named things, from the warehouse."""
    from extractors.entities.nlp import get_nlp

    report_sha = ensure_ingested(db, [report])[0]
    plan_shas = ensure_ingested(db, against) if against else None
    nlp, registry = get_nlp(), load_registry()
    with store.connect(db, wait_seconds=30) as con:
        _, period = report_period(con, report_sha)
        if plan_shas is None:
            plan_shas = plan_sources(con, period.end if period else None, exclude=report_sha)
        commitments = load_commitments(con, plan_shas)
        prepare_commitments(commitments, nlp, registry)
        return inputs_for(con, report_sha, commitments, plan_shas, nlp, registry)


def veto_note(u: Unit, feats: dict | None = None, c: Commitment | None = None) -> str:
    """Why a passage close in words cannot evidence the commitment."""
    if not_done_cue(u.text):
        return f"says it was not done ({not_done_cue(u.text).group(0)!r})"
    if PLANNED_AGAIN.search(u.text):
        return f"says it is still planned ({PLANNED_AGAIN.search(u.text).group(0)!r})"
    if OWN_ACTIVITY.search(u.text):
        return f"another body's own activity ({OWN_ACTIVITY.search(u.text).group(0)!r})"
    if ATTENDED.search(u.text):
        return f"tells of taking part in an event, not organising one ({ATTENDED.search(u.text).group(0)!r})"
    if feats and feats.get("attended_only") and SPOKE.search(u.text):
        return f"tells of speaking at an event, not organising one ({SPOKE.search(u.text).group(0)!r})"
    if feats and feats.get("planned_later"):
        return "says it is planned for after the report's period"
    if feats and feats.get("will") and WILL.search(u.text):
        return f"says what will be done ({WILL.search(u.text).group(0)!r}), not what was done"
    if feats and feats.get("unsigned"):
        return "tells of no signature or conclusion: talks or an intention are not the act"
    if feats and feats.get("other_edition"):
        return "tells of another edition (" + ", ".join(f"{n}. {w}" for n, w in sorted(ordinals_in(u.text))) + ")"
    if feats and feats.get("title_line"):
        return "is the report's title, not a statement"
    if feats and feats.get("before_plan"):
        return "is dated before its plan began"
    if u.section and AHEAD.search(u.section):
        return f"stands under {u.section!r}, what is still to come"
    if feats and feats.get("block_veto"):
        return "its sentence closest to the commitment cannot evidence it (not done, planned, or another body's)"
    if feats and feats.get("other_actor"):
        names = {a.removeprefix("by:") for a in u.agents}
        return f"tells of another body's work ({', '.join(sorted(a for a in names if c is None or not is_own(a, c)))})"
    return ""


def assess(inputs: CheckInputs, model: dict) -> list[CommitmentResult]:
    """Each commitment's status from its best passage. A passage that says the thing was not
    done, is planned again or was another body's own does not count; a priority that names
    nothing to do, or a list's lead-in, is "not a commitment"."""
    report_end = inputs.period.end if inputs.period else None
    results = []
    t_ev, t_part = model["thresholds"]["evidenced"], model["thresholds"]["partly"]
    for c in inputs.commitments:
        if c.kind != "commitment":
            results.append(_not_a_commitment(c))
            continue
        scored, turned_down, in_progress = [], [], []
        rows = unit_rows(c, inputs.units, inputs.idf, inputs.named_idf)
        undone = said_not_done(rows, inputs.units)
        if undone is not None:  # the report tells of this commitment, not done: no other passage evidences it
            u = inputs.units[undone]
            status = status_for(0.0, c.end, report_end, model)
            cue = not_done_cue(u.text)
            note = veto_note(u, rows[undone], c)
            results.append(CommitmentResult(c, status, 0.0, [], nearest=(u, score(rows[undone], model), note),
                                            reason=f"the report says it was not done ({cue.group(0)!r})" if cue
                                            else f"the report says it is still to be done: its closest passage {note}"))
            continue
        feats_of = {id(u): f for u, f in zip(inputs.units, rows)}
        for u, f in zip(inputs.units, rows):
            s = score(f, model)
            if vetoed(f):
                turned_down.append((u, s, f))
                continue
            scored.append((u, s))
            if f["in_progress"]:  # "the guide has been written; the translation is under way"
                in_progress.append((u, score({**f, "in_progress": 0.0}, model)))
        scored.sort(key=lambda x: -x[1])
        best = scored[0][1] if scored else 0.0
        status = status_for(best, c.end, report_end, model)
        reason = ""
        progress = max(in_progress, key=lambda x: x[1], default=None)
        best_feats = feats_of[id(scored[0][0])] if scored else {}
        if status in ("evidenced", "partly evidenced") and (best_feats["in_progress"] or best_feats["part_done"]):
            status = "partly evidenced"  # the best passage says the work is not finished: "a first draft is being prepared"
            text = scored[0][0].text
            # the clause not done may say so ("was not held") or say it is still planned ("is planned for 2024")
            undone = not_done_cue(text) or PLANNED_AGAIN.search(text)
            reason = (f"the report says the work is under way ({IN_PROGRESS.search(text).group(0)!r}), not finished"
                      if IN_PROGRESS.search(text) else
                      f"the report says part of it was done and part not ({undone.group(0) if undone else scored[0][0].mixed!r})")
        elif status != "evidenced" and progress and progress[1] >= t_ev:
            status = "partly evidenced"  # the passage would evidence it, but says the work is not finished
            # that passage first, once (it is among the scored ones too), and quoted whatever its own score
            scored = [(progress[0], best)] + [(u, s) for u, s in scored if u is not progress[0]]
            reason = "the report says the work is under way, not finished"
        positive = status in ("evidenced", "partly evidenced")
        top = ([(u, s, shared_terms(c, u)) for i, (u, s) in enumerate(scored[:TOP_QUOTES]) if s >= t_part * 0.8 or i == 0]
               if positive else [])
        result = CommitmentResult(c, status, best, top)
        if status in ("evidenced", "partly evidenced"):
            u = top[0][0]
            result.missing = missing_terms(c, u) if status == "partly evidenced" else []
            result.reason = reason or (f"model score {best:.2f} (evidenced from {t_ev:.2f}, partly from {t_part:.2f}) "
                                       f"from {strongest(feats_of[id(u)], model)}; same words: {', '.join(top[0][2]) or 'none'}")
        else:
            near = max([(u, s, "") for u, s in scored[:1]] + [(u, s, veto_note(u, f, c)) for u, s, f in turned_down],
                       key=lambda x: x[1], default=None)
            result.nearest = near
            result.reason = ("nothing in the report comes close" if near is None else
                             f"nearest passage {near[2] or f'scored {near[1]:.2f}, below {t_part:.2f} ({strongest(feats_of[id(near[0])], model)})'}")
        results.append(result)
    return results


def _not_a_commitment(c: Commitment) -> CommitmentResult:
    reason = ("a priority that names a topic, not something to do" if c.kind == "topic"
              else f"a calendar row that restates {getattr(c, 'restates', '')[:80]!r}, checked there" if c.kind == "restated"
              else "a title or heading, not something to do" if c.kind == "title"
              else "says how the plan works (its activities, deadlines or costs), not something to do" if c.kind == "method"
              else "a field of the item above it (who leads it, when, at what cost), not something to do" if c.kind == "field"
              else "a lead-in that introduces the commitments after it")
    return CommitmentResult(c, "not a commitment", 0.0, [], reason=reason)


def run_check(db: str, report: str, against: list[str] | None = None, *, store_results: bool = True) -> CheckResult:
    model = load_model()
    inputs = build_inputs(db, report, against)
    result = _result(inputs, model)
    if store_results:
        save(db, [(result, inputs.report_sha)], model)
    return result


def _result(inputs: CheckInputs, model: dict) -> CheckResult:
    return CheckResult(check_id=uuid.uuid4().hex[:12], report_doc=inputs.report_doc, report_period=inputs.period,
                       plan_docs=inputs.plan_docs, results=assess(inputs, model))


def run_all(db: str, *, store_results: bool = True) -> list[CheckResult]:
    """Every report in the warehouse against every plan's commitments that started by the
    report's end (later or overlapping reports); each commitment is parsed once."""
    from extractors.entities.nlp import get_nlp

    model = load_model()
    nlp, registry = get_nlp(), load_registry()
    done = []
    with store.connect(db, wait_seconds=30) as con:
        all_plans = plan_sources(con)
        commitments = load_commitments(con, all_plans)
        prepare_commitments(commitments, nlp, registry)
        for report_sha, _, report_end in reports(con):
            plan_shas = plan_sources(con, report_end, exclude=report_sha)
            mine = [c for c in commitments if c._sha in plan_shas]  # type: ignore[attr-defined]
            if not mine:
                continue
            inputs = inputs_for(con, report_sha, mine, plan_shas, nlp, registry)
            done.append((_result(inputs, model), report_sha))
    if store_results:
        save(db, done, model)
    return [r for r, _ in done]


def save(db: str, results: list[tuple[CheckResult, str]], model: dict) -> None:
    """Every check of the run in one transaction."""
    with store.connect(db, wait_seconds=30) as con:
        con.execute("BEGIN TRANSACTION")
        for result, report_sha in results:
            store.insert(con, "check_runs", [dict(
                check_id=result.check_id, report_doc=result.report_doc, report_sha256=report_sha,
                plan_docs=result.plan_docs, created_at=store.now(), threshold_evidenced=model["thresholds"]["evidenced"],
                threshold_partly=model["thresholds"]["partly"], commitments=len(result.results))])
            store.insert(con, "commitment_checks", [dict(
                check_id=result.check_id, record_id=r.commitment.record_id, plan_doc=r.commitment.plan_doc,
                ref=r.commitment.ref, commitment_text=r.commitment.text, deadline=r.commitment.end, status=r.status,
                score=r.score, themes=r.commitment.themes) for r in result.results])
            store.insert(con, "commitment_evidence", [dict(
                check_id=result.check_id, record_id=r.commitment.record_id, rank=i + 1, evidence_text=u.text, doc=u.doc,
                kind=u.kind, page=u.page, paragraph_no=u.paragraph_no, start_date=u.start, end_date=u.end, score=s,
                shared_terms=terms)
                for r in result.results for i, (u, s, terms) in enumerate(r.evidence)])
        con.execute("COMMIT")

