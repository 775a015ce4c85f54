"""Server-drawn SVG: no chart library, no JavaScript, every bar a link."""
from __future__ import annotations

from collections import defaultdict
from html import escape

from markupsafe import Markup

PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173"]


def theme_colours(themes) -> dict[str, str]:
    return {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(sorted(set(themes)))}


def timeline_svg(counts: list[tuple[int, str, int]], link, height: int = 320, bar: int = 26) -> Markup:
    """Stacked bars: records per year by theme. `link(year, theme)` gives each segment's URL."""
    if not counts:
        return Markup("<p>No dated records match.</p>")
    by_year: dict[int, dict[str, int]] = defaultdict(dict)
    for year, theme, n in counts:
        by_year[year][theme] = n
    years = list(range(min(by_year), max(by_year) + 1))
    colours = theme_colours(t for _, t, _ in counts)
    top = max(sum(v.values()) for v in by_year.values())
    left, bottom, gap = 40, 24, 6
    width = left + len(years) * (bar + gap) + 10
    scale = (height - bottom - 10) / top
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="records per year by theme">',
             f'<text x="4" y="14" font-size="11">{top}</text>',
             f'<line x1="{left - 4}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#999"/>']
    for i, year in enumerate(years):
        x = left + i * (bar + gap)
        y = height - bottom
        for theme, n in sorted(by_year.get(year, {}).items()):
            h = n * scale
            y -= h
            parts.append(f'<a href="{escape(link(year, theme))}" class="bar" data-year="{year}" data-theme="{escape(theme)}">'
                         f'<rect x="{x}" y="{y:.1f}" width="{bar}" height="{max(h, 0.5):.1f}" fill="{colours[theme]}">'
                         f'<title>{year} · {escape(theme)}: {n}</title></rect></a>')
        if by_year.get(year):
            parts.append(f'<a href="{escape(link(year, None))}"><text x="{x + bar / 2}" y="{height - 8}" font-size="10" '
                         f'text-anchor="middle">{year}</text></a>')
    parts.append("</svg>")
    legend = "".join(f'<span class="swatch" style="background:{c}"></span>{escape(t)} ' for t, c in colours.items())
    return Markup("".join(parts) + f'<div class="legend">{legend}</div>')


def year_bars_svg(by_year: list[tuple[int, int]], link, height: int = 120, bar: int = 22) -> Markup:
    """One series of bars (an actor's records per year)."""
    if not by_year:
        return Markup("")
    counts = dict(by_year)
    years = list(range(min(counts), max(counts) + 1))
    top = max(counts.values())
    width = len(years) * (bar + 4) + 10
    scale = (height - 30) / top
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" aria-label="records per year">']
    for i, year in enumerate(years):
        n = counts.get(year, 0)
        x = 4 + i * (bar + 4)
        if n:
            h = n * scale
            parts.append(f'<a href="{escape(link(year))}"><rect x="{x}" y="{height - 18 - h:.1f}" width="{bar}" '
                         f'height="{h:.1f}" fill="#1f77b4"><title>{year}: {n}</title></rect></a>'
                         f'<text x="{x + bar / 2}" y="{height - 21 - h:.1f}" font-size="9" text-anchor="middle">{n}</text>')
        parts.append(f'<text x="{x + bar / 2}" y="{height - 4}" font-size="9" text-anchor="middle">{year}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
