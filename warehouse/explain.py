"""`planscope explain`: a record, where it came from, and why each date, actor and theme is there."""
from __future__ import annotations

import json


def explain(con, record_id: str) -> str | None:
    row = con.execute("""
        SELECT r.record_id, r.doc, r.kind, r.text, r.start_date, r.end_date, r.date_raw, r.date_granularity,
               r.date_source, r.countries, r.priority_codes, r.location, r.location_country, r.funding, r.ref,
               r.section, r.page, r.table_no, r.row_no, r.paragraph_no, r.char_start, r.char_end, r.cells_json,
               d.path, d.period_raw, r.why, d.period_source
        FROM record_facts r JOIN documents d USING (doc_sha256) WHERE r.record_id = ?""", [record_id]).fetchone()
    if row is None:
        return None
    (rid, doc, kind, text, start, end, raw, gran, dsource, countries, codes, loc, loc_c, funding, ref, section, page,
     table_no, row_no, para, cs, ce, cells, path, period_raw, why, period_source) = row
    where = ", ".join(x for x in [
        f"page {page}" if page is not None else "", f"table {table_no}" if table_no is not None else "",
        f"row {row_no}" if row_no is not None else "", f"paragraph {para}" if para is not None else "",
        f"chars {cs}-{ce}" if cs is not None else ""] if x)
    lines = [f"record {rid} ({kind}) from {doc}", f"  source: {path}; {where}", f"  ref: {ref or '-'}   section: {section or '-'}",
             f"  text: {text}", ""]
    if why:
        lines.insert(-1, f"  why a record: {why}")
    if dsource == "document_period":
        why_date = f"the record states no time: the document's period ({period_raw}; from {period_source or 'text'})"
    elif dsource == "heading":
        why_date = f"the record states no time: the dated heading above it ({raw!r})"
    elif raw:
        why_date = f"read from {raw!r} as {gran}"
    else:
        why_date = "no time stated"
    lines.append(f"date: {start} .. {end}  <- {why_date}")
    lines.append(f"location: {loc or '-'} {('(' + loc_c + ')') if loc_c else ''}   countries: {', '.join(countries or []) or '-'}")
    lines.append(f"priority codes: {', '.join(codes or []) or '-'}   funding: {funding or '-'}")
    lines.append("actors:")
    for name, role, source, written, reason in con.execute(
            "SELECT name, role, source_field, as_written, reason FROM record_actors WHERE record_id = ? ORDER BY ord", [rid]).fetchall():
        note = " (funding cell: not exported as an actor)" if source == "funding" else ""
        lines.append(f"  - {name} [{role}] as written {written!r}: {reason}{note}")
    lines.append("themes:")
    for theme, source, reason in con.execute(
            "SELECT theme, source, reason FROM record_themes WHERE record_id = ? ORDER BY ord", [rid]).fetchall():
        lines.append(f"  - {theme} [{source}]: {reason}")
    parsed = json.loads(cells or "{}")
    if parsed:
        lines.append("raw cells:")
        lines.extend(f"  {k}: {v}" for k, v in parsed.items())
    return "\n".join(lines)
