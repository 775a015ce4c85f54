"""`planscope check`: which earlier commitments a report shows done, with the quotes that show it."""
from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extractors.dates import normalise
from extractors.evidence import (Commitment, Unit, content_lemmas, features, idf_table, load_model, named_things,
                                 score, shared_terms, status_for)
from extractors.registry import load_registry
from pipeline.errors import PlanscopeError
from pipeline.readers import file_sha256
from schemas.records import Period
from warehouse import store

TOP_QUOTES = 3


@dataclass
class CommitmentResult:
    commitment: Commitment
    status: str
    score: float
    evidence: list[tuple[Unit, float, list[str]]] = field(default_factory=list)

    def as_dict(self) -> dict:
        c = self.commitment
        return {
            "record_id": c.record_id, "ref": c.ref, "commitment_text": c.text, "plan_doc": c.plan_doc,
            "deadline": c.end.isoformat() if c.end else None, "status": self.status, "score": round(self.score, 3),
            "themes": c.themes,
            "evidence": [{"text": u.text, "doc": u.doc, "page": u.page, "paragraph": u.paragraph_no, "kind": u.kind,
                          "score": round(s, 3), "shared_terms": terms} for u, s, terms in self.evidence],
        }


@dataclass
class CheckResult:
    check_id: str
    report_doc: str
    report_period: Period | None
    plan_docs: list[str]
    results: list[CommitmentResult]

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in ("evidenced", "partly evidenced", "no evidence", "overdue")}
        for r in self.results:
            out[r.status] += 1
        return out


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


def _plan_docs(con, report_sha: str, report_end: date | None) -> list[str]:
    """Every plan whose period overlaps or precedes the report's; one rendition per plan."""
    rows = con.execute("""
        SELECT d.doc_sha256, d.name, d.format, d.title, d.period_start, d.period_end, count(r.record_id)
        FROM documents d JOIN record_facts r USING (doc_sha256)
        WHERE r.kind = 'activity' AND d.doc_sha256 <> ? AND (d.period_start IS NULL OR ? IS NULL OR d.period_start <= ?)
        GROUP BY ALL ORDER BY d.name""", [report_sha, report_end, report_end]).fetchall()
    chosen: dict[tuple, tuple] = {}
    preference = {"docx": 0, "pdf": 1, "txt": 2}
    for sha, name, fmt, title, ps, pe, n in rows:
        key = (title, ps, pe, n)  # the same plan as .docx, .pdf and .txt
        if key not in chosen or preference.get(fmt, 3) < preference.get(chosen[key][1], 3):
            chosen[key] = (sha, fmt)
    return [sha for sha, _ in chosen.values()]


def load_commitments(con, plan_shas: list[str]) -> list[Commitment]:
    rows = con.execute("""
        SELECT r.record_id, r.ref, r.text, r.doc, r.start_date, r.end_date, r.location,
               coalesce((SELECT list(t.theme ORDER BY t.ord) FROM record_themes t WHERE t.record_id = r.record_id), []),
               coalesce((SELECT list(a.entity_id) FROM record_actors a WHERE a.record_id = r.record_id
                         AND a.entity_id LIKE 'state:%'), [])
        FROM record_facts r WHERE r.kind = 'activity' AND list_contains(?, r.doc_sha256)
        ORDER BY r.doc, r.table_no, r.row_no, r.char_start""", [plan_shas]).fetchall()
    out = []
    for rid, ref, text, doc, start, end, location, themes, states in rows:
        c = Commitment(record_id=rid, ref=ref, text=text, plan_doc=doc, start=start, end=end, themes=list(themes))
        c.named = {f"state:{s.split(':', 1)[1]}" for s in states}
        c._location = location  # type: ignore[attr-defined]
        out.append(c)
    return out


def load_units(con, report_sha: str, period: Period | None, nlp) -> list[Unit]:
    """The report's events, and every sentence of its other paragraphs and list items."""
    units = []
    event_blocks = set()
    for text, doc, page, para, block, start, end, location in con.execute("""
            SELECT text, doc, page, paragraph_no, block_no, start_date, end_date, location FROM record_facts
            WHERE doc_sha256 = ? AND kind = 'event' ORDER BY char_start""", [report_sha]).fetchall():
        event_blocks.add(block)
        u = Unit(text=text, doc=doc, kind="event", page=page, paragraph_no=para, block_no=block, start=start, end=end)
        u._location = location  # type: ignore[attr-defined]
        units.append(u)
    passages = con.execute("""SELECT text, doc, page, paragraph_no, block_no FROM passages
                              WHERE doc_sha256 = ? AND kind IN ('paragraph', 'list_item', 'footnote')
                              ORDER BY block_no""", [report_sha]).fetchall()
    kept = [p for p in passages if p[4] not in event_blocks]
    for (text, doc, page, para, block), sdoc in zip(kept, nlp.pipe([p[0] for p in kept], batch_size=64)):
        for sent in sdoc.sents:
            s = sent.text.strip()
            if len(s.split()) < 4:
                continue
            value = normalise(s, period, scan=True)
            units.append(Unit(text=s, doc=doc, kind="sentence", page=page, paragraph_no=para, block_no=block,
                              start=value.start, end=value.end))
    return units


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


def build_inputs(db: str, report: str, against: list[str] | None = None) -> CheckInputs:
    """Commitments and evidence units with their lemmas and named things, from the warehouse."""
    from extractors.nlp import get_nlp

    report_sha = ensure_ingested(db, [report])[0]
    plan_shas = ensure_ingested(db, against) if against else None
    nlp, registry = get_nlp(), load_registry()
    with store.connect(db, wait_seconds=30) as con:
        name, ps, pe, raw = con.execute("SELECT name, period_start, period_end, period_raw FROM documents WHERE doc_sha256 = ?",
                                        [report_sha]).fetchone()
        period = Period(start=ps, end=pe, raw=raw) if ps and pe else None
        if plan_shas is None:
            plan_shas = _plan_docs(con, report_sha, pe)
        plan_names = [r[0] for r in con.execute("SELECT name FROM documents WHERE list_contains(?, doc_sha256) ORDER BY name",
                                                [plan_shas]).fetchall()]
        commitments = load_commitments(con, plan_shas)
        units = load_units(con, report_sha, period, nlp)
    for obj, sdoc in zip(commitments + units, nlp.pipe([o.text for o in commitments + units], batch_size=64)):
        obj.lemmas = content_lemmas(sdoc)
        obj.named |= named_things(sdoc, registry, [getattr(obj, "_location", None)])
    return CheckInputs(report_sha=report_sha, report_doc=name, period=period, plan_docs=plan_names,
                       commitments=commitments, units=units,
                       idf=idf_table([o.lemmas for o in commitments + units]),
                       named_idf=idf_table([Counter(o.named) for o in commitments + units]))


def assess(inputs: CheckInputs, model: dict) -> list[CommitmentResult]:
    report_end = inputs.period.end if inputs.period else None
    results = []
    t_ev = model["thresholds"]["evidenced"]
    for c in inputs.commitments:
        scored, in_progress = [], []
        for u in inputs.units:
            f = features(c, u, inputs.idf, inputs.named_idf)
            scored.append((u, score(f, model)))
            if f["in_progress"]:  # "the guide has been written; the translation is under way"
                in_progress.append((u, score({**f, "in_progress": 0.0}, model)))
        scored.sort(key=lambda x: -x[1])
        best = scored[0][1] if scored else 0.0
        status = status_for(best, c.end, report_end, model)
        progress = max(in_progress, key=lambda x: x[1], default=None)
        if status not in ("evidenced",) and progress and progress[1] >= t_ev:
            status = "partly evidenced"  # the passage would evidence it, but says the work is not finished
            scored.insert(0, (progress[0], best))
        top = [(u, s, shared_terms(c, u)) for u, s in scored[:TOP_QUOTES] if s >= model["thresholds"]["partly"] * 0.8]
        results.append(CommitmentResult(c, status, best, top))
    return results


def run_check(db: str, report: str, against: list[str] | None = None, *, store_results: bool = True) -> CheckResult:
    model = load_model()
    inputs = build_inputs(db, report, against)
    result = CheckResult(check_id=uuid.uuid4().hex[:12], report_doc=inputs.report_doc, report_period=inputs.period,
                         plan_docs=inputs.plan_docs, results=assess(inputs, model))
    if store_results:
        save(db, result, inputs.report_sha, model)
    return result


def save(db: str, result: CheckResult, report_sha: str, model: dict) -> None:
    with store.connect(db, wait_seconds=30) as con:
        con.execute("BEGIN TRANSACTION")
        store.insert(con, "check_runs", [dict(
            check_id=result.check_id, report_doc=result.report_doc, report_sha256=report_sha, plan_docs=result.plan_docs,
            created_at=store.now(), threshold_evidenced=model["thresholds"]["evidenced"],
            threshold_partly=model["thresholds"]["partly"], commitments=len(result.results))])
        store.insert(con, "commitment_checks", [dict(
            check_id=result.check_id, record_id=r.commitment.record_id, plan_doc=r.commitment.plan_doc,
            ref=r.commitment.ref, commitment_text=r.commitment.text, deadline=r.commitment.end, status=r.status,
            score=r.score, themes=r.commitment.themes) for r in result.results])
        store.insert(con, "commitment_evidence", [dict(
            check_id=result.check_id, record_id=r.commitment.record_id, rank=i + 1, evidence_text=u.text, doc=u.doc,
            kind=u.kind, page=u.page, paragraph_no=u.paragraph_no, score=s, shared_terms=terms)
            for r in result.results for i, (u, s, terms) in enumerate(r.evidence)])
        con.execute("COMMIT")
