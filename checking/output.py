"""Render a check: terminal table, Markdown, one self-contained HTML page, JSON, CSV."""
from __future__ import annotations

import csv
import html
import io
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from string import Template

from checking.run import CheckResult

TEMPLATE = Template((Path(__file__).resolve().parent / "templates" / "report.html").read_text(encoding="utf-8"))

STATUSES = ("evidenced", "partly evidenced", "no evidence", "overdue", "not a commitment")
COLOURS = {"evidenced": "#2e7d32", "partly evidenced": "#f9a825", "no evidence": "#9e9e9e", "overdue": "#c62828",
           "not a commitment": "#607d8b"}


def _where(p: dict) -> str:
    """Where a passage stands: document, section, date, page."""
    parts = [p["doc"]]
    if p.get("section"):
        parts.append(f"section “{p['section']}”")
    if p.get("date"):
        parts.append(p["date"])
    if p.get("page"):
        parts.append(f"p. {p['page']}")
    return ", ".join(parts)


def why_line(d: dict) -> str:
    """The status said in words: the quote and where it stands for evidence, what is missing for
    partly, the nearest passage considered for no evidence."""
    ev = d["evidence"][0] if d["evidence"] else None
    if d["status"] in ("evidenced", "partly evidenced") and ev:
        out = f"“{ev['text']}” ({_where(ev)}); {d['reason']}"
        if d["missing"]:
            out += f"; missing: {', '.join(d['missing'])}"
        return out
    near = d.get("nearest")
    if near:
        return f"{d['reason']}: “{near['text']}” ({_where(near)})"
    return d["reason"]


def to_json(result: CheckResult) -> str:
    return json.dumps([r.as_dict() for r in result.results], ensure_ascii=False, indent=1)


def to_csv(result: CheckResult) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["plan_doc", "ref", "deadline", "status", "score", "commitment_text", "best_evidence", "evidence_doc",
                "evidence_page", "evidence_score", "evidence_section", "evidence_date", "reason", "missing"])
    for r in result.results:
        d = r.as_dict()
        ev = d["evidence"][0] if d["evidence"] else {}
        w.writerow([d["plan_doc"], d["ref"], d["deadline"], d["status"], d["score"], d["commitment_text"],
                    ev.get("text", ""), ev.get("doc", ""), ev.get("page", ""), ev.get("score", ""), ev.get("section", ""),
                    ev.get("date", ""), d["reason"], "; ".join(d["missing"])])
    return out.getvalue()


def _summary_line(result: CheckResult) -> str:
    counts = result.counts()
    period = f"{result.report_period.start} – {result.report_period.end}" if result.report_period else "no period"
    return (f"{result.report_doc} ({period}) against {len(result.plan_docs)} plan(s): "
            + ", ".join(f"{counts[s]} {s}" for s in STATUSES))


def to_markdown(result: CheckResult) -> str:
    lines = [f"# Commitments checked against {result.report_doc}", "", _summary_line(result), "",
             "| plan | ref | deadline | status | score | commitment | why |", "|---|---|---|---|---|---|---|"]
    for r in result.results:
        d = r.as_dict()
        cells = [d["plan_doc"], d["ref"] or "", d["deadline"] or "", d["status"], f"{d['score']:.2f}", d["commitment_text"],
                 why_line(d)]
        lines.append("| " + " | ".join(str(c).replace("|", "/") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def to_terminal(result: CheckResult) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=160)
    console.print(_summary_line(result))
    table = Table(show_lines=True)
    for name, width in (("status", 12), ("deadline", 10), ("ref", 8), ("commitment", 45), ("why", 70), ("score", 5)):
        table.add_column(name, max_width=width, overflow="fold")
    for r in result.results:
        d = r.as_dict()
        colour = COLOURS[d["status"]]
        table.add_row(f"[{colour}]{d['status']}[/]", d["deadline"] or "", d["ref"] or "", d["commitment_text"], why_line(d),
                      f"{d['score']:.2f}")
    console.print(table)


def _highlight(text: str, terms: list[str]) -> str:
    escaped = html.escape(text)
    if not terms:
        return escaped
    pattern = re.compile(r"\b(" + "|".join(re.escape(t[:max(4, len(t) - 2)]) for t in sorted(terms, key=len, reverse=True))
                         + r")[\w-]*", re.I)
    return pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)


def _bars_svg(rows: list[tuple[str, Counter]], width: int = 560) -> str:
    """Horizontal stacked bars, one per row label, segments by status."""
    bar_h, gap, label_w = 18, 8, 170
    total_max = max((sum(c.values()) for _, c in rows), default=1) or 1
    height = len(rows) * (bar_h + gap) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + width + 40}" height="{height}" role="img">']
    for i, (label, counts) in enumerate(rows):
        y = i * (bar_h + gap) + 5
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end" font-size="12">{html.escape(label)}</text>')
        x = label_w
        for status in STATUSES:
            n = counts.get(status, 0)
            if not n:
                continue
            w = n / total_max * width
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{COLOURS[status]}">'
                         f'<title>{html.escape(label)}: {n} {status}</title></rect>')
            if w > 14:
                parts.append(f'<text x="{x + w / 2:.1f}" y="{y + 13}" text-anchor="middle" font-size="11" fill="#fff">{n}</text>')
            x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 13}" font-size="11">{sum(counts.values())}</text>')
    parts.append("</svg>")
    return "".join(parts)


def to_html(result: CheckResult) -> str:
    counts = result.counts()
    by_theme: dict[str, Counter] = defaultdict(Counter)
    for r in result.results:
        for theme in r.commitment.themes or ["(none)"]:
            by_theme[theme][r.status] += 1
    legend = " ".join(f'<span class="badge" style="background:{COLOURS[s]}">{s}: {counts[s]}</span>' for s in STATUSES)
    rows = []
    for r in result.results:
        d = r.as_dict()
        quotes = "".join(
            f'<blockquote>{_highlight(e["text"], e["shared_terms"])}<footer>{html.escape(_where(e))}'
            f', paragraph {e["paragraph"] or "-"} · score {e["score"]:.2f}</footer></blockquote>' for e in d["evidence"])
        reason = html.escape(d["reason"] + (f"; missing: {', '.join(d['missing'])}" if d["missing"] else ""))
        if not quotes and d.get("nearest"):
            near = d["nearest"]
            quotes = (f'<blockquote class="nearest">{html.escape(near["text"])}<footer>nearest passage considered · '
                      f'{html.escape(_where(near))} · score {near["score"]:.2f}</footer></blockquote>')
        quotes = f'<p class="why">{reason}</p>' + quotes
        rows.append(
            f'<tr class="{d["status"].replace(" ", "-")}"><td><span class="badge" style="background:{COLOURS[d["status"]]}">'
            f'{d["status"]}</span><div class="score">{d["score"]:.2f}</div></td>'
            f'<td>{html.escape(d["plan_doc"])}<br><small>{html.escape(d["ref"] or "")}</small></td>'
            f'<td>{d["deadline"] or "—"}</td><td>{html.escape(d["commitment_text"])}'
            f'<div class="themes">{", ".join(map(html.escape, d["themes"]))}</div></td>'
            f'<td>{quotes}</td></tr>')
    period = f"{result.report_period.start} – {result.report_period.end}" if result.report_period else "no period found"
    return TEMPLATE.substitute(
        report_doc=html.escape(result.report_doc), period=period, plans=html.escape(", ".join(result.plan_docs)),
        total=sum(counts.values()), legend=legend,
        status_bars=_bars_svg([(s, Counter({s: counts[s]})) for s in STATUSES]),
        theme_bars=_bars_svg(sorted(by_theme.items(), key=lambda kv: -sum(kv[1].values()))), rows="\n".join(rows))


RENDERERS = {"json": to_json, "csv": to_csv, "md": to_markdown, "html": to_html}
