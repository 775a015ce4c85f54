"""Check runs as stored by `planscope check`, rendered by the same HTML renderer as
`check --format html` (one report, one look)."""
from __future__ import annotations

from collections import defaultdict


def check_renderers() -> dict:
    """The renderers of `planscope check` (html, json, csv, md)."""
    from checking.output import RENDERERS

    return RENDERERS


def load_check(cur, check_id: str):
    """A stored check run rebuilt as the CheckResult the renderers take, or None."""
    from checking.evidence import Commitment, Unit
    from checking.run import CheckResult, CommitmentResult
    from schemas.records import Period

    run = cur.execute("""
        SELECT c.check_id, c.report_doc, c.plan_docs, d.period_start, d.period_end, d.period_raw
        FROM check_runs c LEFT JOIN documents d ON d.doc_sha256 = c.report_sha256 WHERE c.check_id = ?""",
                      [check_id]).fetchone()
    if run is None:
        return None
    check_id, report_doc, plan_docs, p_start, p_end, p_raw = run
    evidence = defaultdict(list)
    for rid, text, doc, kind, page, para, score, terms in cur.execute("""
            SELECT record_id, evidence_text, doc, kind, page, paragraph_no, score, shared_terms
            FROM commitment_evidence WHERE check_id = ? ORDER BY record_id, rank""", [check_id]).fetchall():
        unit = Unit(text=text, doc=doc, kind=kind, page=page, paragraph_no=para, block_no=None, start=None, end=None)
        evidence[rid].append((unit, score, list(terms or [])))
    results = []
    for rid, plan_doc, ref, text, deadline, status, score, themes, start in cur.execute("""
            SELECT k.record_id, k.plan_doc, k.ref, k.commitment_text, k.deadline, k.status, k.score, k.themes, r.start_date
            FROM commitment_checks k LEFT JOIN record_facts r USING (record_id)
            WHERE k.check_id = ? ORDER BY k.plan_doc, r.block_no, r.row_no, k.record_id""", [check_id]).fetchall():
        commitment = Commitment(record_id=rid, ref=ref, text=text, plan_doc=plan_doc, start=start, end=deadline,
                                themes=list(themes or []))
        results.append(CommitmentResult(commitment=commitment, status=status, score=score, evidence=evidence[rid]))
    period = Period(start=p_start, end=p_end, raw=p_raw or "") if p_start and p_end else None
    return CheckResult(check_id=check_id, report_doc=report_doc, report_period=period, plan_docs=list(plan_docs or []),
                       results=results)
