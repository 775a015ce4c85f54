"""The SQL behind the pages. Every value goes in as a bound parameter; the only text spliced into
SQL is built here from fixed fragments.

Search ranks with a small BM25 written in SQL rather than DuckDB's `fts` extension, because
extensions download from the internet on first use and planscope must run offline. Terms match
as case-insensitive substrings (so "traffick" finds "trafficking"); every term must occur.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

PAGE_SIZE = 25
FACET_SIZE = 12
MAX_EXPORT_ROWS = 100_000
MAX_TERMS = 8
BM25_K1, BM25_B = 1.2, 0.75


ASCII_NUMBER = re.compile(r"[0-9]+")


class BadParameter(ValueError):
    """A URL parameter that is not of its kind (the message is for the user: a 400 page)."""


# Facets a search may hold several values of (OR within a facet, AND across facets).
MULTI = ("kind", "theme", "actor", "country", "location", "doc", "genre")
MAX_VALUES = 50  # values of one facet in one URL
FACETS = ("theme", "year", "kind", "genre", "actor", "country", "location", "doc")


@dataclass(frozen=True)
class Filters:
    """A search, as it lives in the URL. A facet holds a tuple of values: `kind=event&kind=activity`
    keeps the records of either kind."""

    q: str = ""
    kind: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    actor: tuple[str, ...] = ()  # registry entity_ids (every name it had), else names as read
    country: tuple[str, ...] = ()
    location: tuple[str, ...] = ()
    doc: tuple[str, ...] = ()
    genre: tuple[str, ...] = ()  # the document's kind: table_plan, narrative_plan, report, unknown
    what: str = "records"  # records | passages
    more: str = ""  # a facet shown with all its values, not only the first FACET_SIZE
    page: int = 1

    @classmethod
    def from_params(cls, params) -> "Filters":
        """The search in `params`; BadParameter for a page or year that is not plain ASCII digits
        (`str.isdigit()` and `\\d` accept "²" or "٣", which `int()` refuses or reads unexpectedly)."""
        def year(name):
            value = (params.get(name) or "").strip()
            if not value:
                return None
            if not ASCII_NUMBER.fullmatch(value) or len(value) > 4:
                raise BadParameter(f"{name} must be a year in digits 0-9, not {value[:20]!r}")
            return int(value)

        def values(name) -> tuple[str, ...]:
            got = params.getlist(name) if hasattr(params, "getlist") else [params.get(name) or ""]
            out = tuple(dict.fromkeys(v for v in got if v))  # each once, in the URL's order
            if len(out) > MAX_VALUES:
                raise BadParameter(f"at most {MAX_VALUES} values of {name}, not {len(out)}")
            return out

        page_text = (params.get("page") or "1").strip()
        if not ASCII_NUMBER.fullmatch(page_text) or len(page_text) > 6:
            raise BadParameter(f"page must be a whole number in digits 0-9, not {page_text[:20]!r}")
        page = max(1, min(int(page_text), 10_000))
        what = params.get("what") or "records"
        more = params.get("more") or ""
        return cls(q=(params.get("q") or "").strip()[:200], year_from=year("year_from"), year_to=year("year_to"),
                   what=what if what in ("records", "passages") else "records", more=more if more in FACETS else "",
                   page=page, **{name: values(name) for name in MULTI})

    def params(self, **changes) -> dict:
        """The non-empty URL parameters of this search with `changes` applied (a change resets the page;
        a facet's change may be one value or a tuple of them)."""
        if changes and "page" not in changes:
            changes["page"] = 1
        for name in MULTI:
            if name in changes and isinstance(changes[name], str):
                changes[name] = (changes[name],) if changes[name] else ()
        # (a page of results builds a URL per facet value: the fields are read directly rather than
        # through dataclasses.replace and fields(), which took 7% of a loaded server's time)
        out = {}
        for name in FIELD_NAMES:
            value = changes[name] if name in changes else getattr(self, name)
            if value in ("", None, ()) or (name == "page" and value == 1) or (name == "what" and value == "records"):
                continue
            out[name] = value
        return out

    def url(self, path: str = "/search", **changes) -> str:
        query = urlencode(self.params(**changes), doseq=True)
        return f"{path}?{query}" if query else path

    def toggled(self, name: str, value: str) -> str:
        """This search with `value` added to facet `name` (OR), or taken out if it is there."""
        have = getattr(self, name)
        return self.url(**{name: tuple(v for v in have if v != value) if value in have else have + (value,)})

    def active(self) -> list[tuple[str, str, str]]:
        """(name, value, URL without it) of each filter set, for the "remove" chips."""
        out = []
        for name, value in self.params().items():
            if name in ("q", "page", "what", "more"):
                continue
            if name in MULTI:
                out += [(name, v, self.toggled(name, v)) for v in value]
            else:
                out.append((name, str(value), self.url(**{name: None})))
        return out


FIELD_NAMES = tuple(fld.name for fld in fields(Filters))


def terms_of(q: str) -> list[str]:
    words = re.findall(r"\w[\w'-]*", q.lower())
    seen = []
    for w in words:
        if len(w) >= 2 and w not in seen:
            seen.append(w)
    return seen[:MAX_TERMS]


def _term_match(text_sql: str, extra_sql: str | None) -> str:
    """A term occurs in the text (or in `extra_sql`, e.g. the record's place: "trafficking Vienna")."""
    base = f"contains(lower({text_sql}), ?)"
    return f"({base} OR contains(lower(coalesce({extra_sql}, '')), ?))" if extra_sql else base


FACET_CONDITIONS = {
    "kind": "list_contains(?, r.kind)", "location": "list_contains(?, r.location)", "doc": "list_contains(?, r.doc)",
    "genre": "list_contains(?, d.kind)", "country": "list_has_any(r.countries, ?)",
    "theme": "EXISTS (SELECT 1 FROM record_themes t WHERE t.record_id = r.record_id AND list_contains(?, t.theme))",
    "actor": "EXISTS (SELECT 1 FROM record_actors a WHERE a.record_id = r.record_id "
             "AND a.source_field <> 'funding' AND list_contains(?, coalesce(a.entity_id, a.name)))",
}


def _record_conditions(f: Filters, terms: list[str], hidden: tuple[str, ...] = ()) -> tuple[list[str], list]:
    """The WHERE of a record search but for its facets' values (_facet_flags), and its arguments."""
    conds, args = [], []
    for t in terms:
        conds.append(_term_match("r.text", "r.location"))
        args += [t, t]
    if hidden:  # renditions of a document listed under another rendition (serve/renditions.py)
        conds.append("r.doc_sha256 NOT IN (SELECT unnest(?::VARCHAR[]))")
        args.append(list(hidden))
    # A record belongs to the year it starts in (the timeline counts it there too).
    if f.year_from is not None:
        conds.append("year(r.start_date) >= ?")
        args.append(f.year_from)
    if f.year_to is not None:
        conds.append("year(r.start_date) <= ?")
        args.append(f.year_to)
    return conds or ["true"], args


def _facet_flags(f: Filters) -> tuple[list[str], list]:
    """(names of the facets with values chosen, [their condition AS in_<name>], arguments)."""
    names = [name for name in MULTI if getattr(f, name)]
    return names, [f"{FACET_CONDITIONS[name]} AS in_{name}" for name in names], [list(getattr(f, name)) for name in names]


def _bm25(text_sql: str, table_sql: str, terms: list[str], extra_sql: str | None = None) -> tuple[str, str, list]:
    """(stats CTE, score expression, args of the CTE): BM25 over `text_sql` with document frequencies
    over the whole table; a term found only in `extra_sql` (the place) counts as one occurrence.
    (Lower-casing each column apart is ~10x faster in DuckDB than lower-casing a concatenation.)"""
    if not terms:
        return "stats AS (SELECT 1 AS n)", "0.0", []
    df = ", ".join(f"count(*) FILTER (WHERE {_term_match(text_sql, extra_sql)}) AS df{i}" for i in range(len(terms)))
    stats = f"stats AS (SELECT count(*) AS n, avg(length({text_sql})) AS avglen, {df} FROM {table_sql})"
    parts = []
    for i, t in enumerate(terms):
        lit = _sql_literal(t)
        tf = f"((length(lower({text_sql})) - length(replace(lower({text_sql}), '{lit}', ''))) / {len(t)})"
        if extra_sql:
            tf = f"greatest({tf}, CASE WHEN contains(lower(coalesce({extra_sql}, '')), '{lit}') THEN 1 ELSE 0 END)"
        idf = f"ln(1 + (stats.n - stats.df{i} + 0.5) / (stats.df{i} + 0.5))"
        norm = f"{BM25_K1} * (1 - {BM25_B} + {BM25_B} * length({text_sql}) / stats.avglen)"
        parts.append(f"{idf} * ({tf} * {BM25_K1 + 1}) / ({tf} + {norm})")
    return stats, " + ".join(parts), [t for t in terms for _ in range(2 if extra_sql else 1)]


def _sql_literal(term: str) -> str:
    # terms are \w, ' and - only (terms_of); doubling quotes keeps a literal a literal regardless
    return term.replace("'", "''")


# What a search carries through its hits: enough to rank, order and count facets; the text and
# the lists are fetched for the shown page only.
HIT_COLUMNS = ("r.record_id, r.doc, r.kind, r.start_date, r.block_no, r.row_no, r.location, r.countries, "
               "d.kind AS genre")


def _record_hits_sql(f: Filters, hidden: tuple[str, ...] = ()) -> tuple[str, list, dict[str, str]]:
    """(WITH stats, hits ..., its arguments, the CTE each facet counts over).

    With facet values chosen, one scan finds the records that meet every other condition (`base`),
    each with a flag per chosen facet; `hits` are those with every flag, and a chosen facet counts
    its values over those with every other flag (`hits_kind`): so that `kind=event` still shows
    how many activities choosing `activity` as well would add (OR within a facet)."""
    terms = terms_of(f.q)
    stats, score, stat_args = _bm25("r.text", "record_facts r", terms, "r.location")
    conds, args = _record_conditions(f, terms, hidden)
    chosen, flags, flag_args = _facet_flags(f)
    source = {name: "hits" for name in FACETS}
    select = f"SELECT {HIT_COLUMNS}, {score} AS score{''.join(', ' + fl for fl in flags)} " \
             f"FROM record_facts r JOIN documents d USING (doc_sha256), stats WHERE {' AND '.join(conds)}"
    if not chosen:
        return f"WITH {stats}, hits AS MATERIALIZED ({select})", stat_args + args, source

    def every(names):
        return " AND ".join(f"in_{n}" for n in names) or "true"

    sql = f"WITH {stats}, base AS MATERIALIZED ({select}), hits AS MATERIALIZED (SELECT * FROM base WHERE {every(chosen)})"
    for name in chosen:
        sql += f", hits_{name} AS (SELECT * FROM base WHERE {every([n for n in chosen if n != name])})"
        source[name] = f"hits_{name}"
    return sql, stat_args + flag_args + args, source


ORDER_RECORDS = "ORDER BY score DESC, start_date NULLS LAST, doc, block_no, row_no, record_id"

FACET_COUNTS = """
    counts AS (
      SELECT 'kind' AS facet, kind AS value, kind AS label, count(*) AS n FROM {kind} GROUP BY kind
      UNION ALL SELECT 'genre', genre, genre, count(*) FROM {genre} GROUP BY genre
      UNION ALL SELECT 'year', CAST(year(start_date) AS VARCHAR), CAST(year(start_date) AS VARCHAR), count(*)
                FROM {year} WHERE start_date IS NOT NULL GROUP BY year(start_date)
      UNION ALL SELECT 'doc', doc, doc, count(*) FROM {doc} GROUP BY doc
      UNION ALL SELECT 'location', location, location, count(*) FROM {location} WHERE location IS NOT NULL GROUP BY location
      UNION ALL SELECT 'country', c, c, count(*) FROM (SELECT unnest(countries) AS c FROM {country}) GROUP BY c
      UNION ALL SELECT 'theme', t.theme, t.theme, count(*) FROM {theme} JOIN record_themes t USING (record_id) GROUP BY t.theme
      UNION ALL SELECT 'actor', coalesce(a.entity_id, a.name), arg_max(a.name, h.start_date), count(DISTINCT h.record_id)
                FROM {actor} h JOIN record_actors a USING (record_id) WHERE a.source_field <> 'funding'
                GROUP BY coalesce(a.entity_id, a.name)
      UNION ALL SELECT 'total', NULL, NULL, count(*) FROM hits),
    top AS (SELECT facet, value, label, n, count(*) OVER (PARTITION BY facet) AS facet_values FROM counts
            QUALIFY row_number() OVER (PARTITION BY facet ORDER BY CASE WHEN facet = 'year' THEN 0 ELSE n END DESC, value)
                    <= CASE WHEN facet = ? THEN {more} WHEN facet = 'year' THEN {years} ELSE {limit} END)"""

PAGE_ROWS = """
    shown AS (SELECT record_id, score, row_number() OVER () AS pos FROM (SELECT record_id, score FROM hits {order}
              LIMIT {limit} OFFSET {offset})),
    shown_rows AS (
      SELECT s.pos, r.record_id, r.doc, r.doc_sha256, r.kind, r.text, r.start_date, r.end_date, r.ref, r.page, r.row_no,
             r.paragraph_no, r.block_no, r.location, r.countries, s.score
      FROM shown s JOIN record_facts r USING (record_id))"""


FACET_MORE = 500  # values of the facet asked for in full (`more=`)
YEAR_VALUES = FACET_SIZE * 4  # years are shown in order, not by count


def facet_limit(name: str, f: Filters) -> int:
    return FACET_MORE if name == f.more else YEAR_VALUES if name == "year" else FACET_SIZE


def search_records(cur, index, f: Filters, hidden: tuple[str, ...] = ()) -> dict:
    """One page of ranked records with their actors and themes, the total and the facet counts, from
    `index` (serve/search_index.py: the hits, their order and the counts), reading only the shown
    records from DuckDB. `hidden`: documents (sha256) not listed, being renditions of one listed
    under another format."""
    at, scores, over = index.search(f, hidden)
    facets, total = _group_facets(index.facet_items(f, over), f)
    start = (f.page - 1) * PAGE_SIZE
    shown = at[start:start + PAGE_SIZE].tolist()
    rows = [{"pos": n, **row, "score": score} for n, (row, score) in
            enumerate(zip(index.rows_at(shown), scores[start:start + PAGE_SIZE].tolist()), start + 1)]
    for r, pos in zip(rows, shown):
        r["themes"] = index.themes_at(pos)
        r["actors"] = index.actors_at(pos)
    return {"rows": rows, "total": total, "facets": facets, "terms": terms_of(f.q)}


SHOWN_COLUMNS = ("r.record_id, r.doc, r.doc_sha256, r.kind, r.text, r.start_date, r.end_date, r.ref, r.page, "
                 "r.row_no, r.paragraph_no, r.block_no, r.location, r.countries")
SHOWN_PASSAGE_COLUMNS = ("r.doc, r.doc_sha256, r.block_no, r.kind, r.label, r.text, r.page, r.paragraph_no, d.kind AS genre, "
                         "r.table_no, r.row_no, r.column_no, r.\"column\"")
EXPORT_COLUMNS = """r.record_id, r.doc, r.kind, r.start_date AS start, r.end_date AS "end", r.ref, r.page, r.row_no,
    r.paragraph_no, r.location, r.countries,
    coalesce((SELECT list(t.theme ORDER BY t.ord) FROM record_themes t WHERE t.record_id = r.record_id), []) AS themes,
    coalesce((SELECT list(a.name ORDER BY a.ord) FROM record_actors a
              WHERE a.record_id = r.record_id AND a.source_field <> 'funding'), []) AS actors,
    r.text"""


def _in_order(cur, table: str, key: str, keys: list, columns: str) -> tuple[list[str], list[tuple]]:
    """(column names, the rows of `table` whose `key` is each of `keys`, in that order). Read with an
    IN list and put in order here: joined to the list instead, DuckDB reads the whole table."""
    if key == "rowid":  # numbers written out: DuckDB then reads only the row groups that hold them
        cur.execute(f"SELECT r.rowid AS _key, {columns} FROM {table} r WHERE r.rowid IN ({', '.join(str(int(k)) for k in keys) or '-1'})")
    else:
        cur.execute(f"SELECT r.{key} AS _key, {columns} FROM {table} r WHERE r.{key} IN (SELECT unnest(?))", [keys])
    names = [d[0] for d in cur.description][1:]
    found = {row[0]: row[1:] for row in cur.fetchall()}
    return names, [found[k] for k in keys]


def search_records_sql(cur, f: Filters, hidden: tuple[str, ...] = ()) -> dict:
    """search_records in SQL alone: the definition the index is tested against
    (tests/test_serve_index.py), in one statement so that the hits are found once."""
    hits, args, source = _record_hits_sql(f, hidden)
    sql = (f"{hits}, {FACET_COUNTS.format(limit=FACET_SIZE, years=YEAR_VALUES, more=FACET_MORE, **source)}, "
           f"{PAGE_ROWS.format(order=ORDER_RECORDS, limit=PAGE_SIZE, offset=(f.page - 1) * PAGE_SIZE)}\n"
           "SELECT (SELECT list(top) FROM top) AS facets, (SELECT list(shown_rows ORDER BY pos) FROM shown_rows) AS rows")
    facet_rows, rows = cur.execute(sql, args + [f.more]).fetchone()
    facets, total = _group_facets(facet_rows or [], f)
    attach_lists(cur, rows or [])  # apart: as correlated subqueries here they cost ~10x more
    return {"rows": rows or [], "total": total, "facets": facets, "terms": terms_of(f.q)}


def _group_facets(items: list[dict], f: Filters) -> tuple[dict, int]:
    """{facet: {"values": [...], "more": how many values it has in all when not all are shown}}, and the total."""
    facets: dict[str, dict] = {}
    total = 0
    for item in items:
        if item["facet"] == "total":
            total = item["n"]
        else:
            facets.setdefault(item["facet"], {"values": [], "all": item["facet_values"]})["values"].append(item)
    for name, facet in facets.items():
        values = facet["values"]
        if name == "year":
            values.sort(key=lambda i: i["value"])
        else:
            values.sort(key=lambda i: (-i["n"], i["value"]))
        del values[facet_limit(name, f):]
        # a chosen value is always shown, even when it has no records among these hits
        chosen = getattr(f, name, ()) if name in MULTI else ()
        values += [{"facet": name, "value": v, "label": v, "n": 0} for v in chosen if v not in {i["value"] for i in values}]
        facet["cut"] = facet["all"] > len(values)
        facet["expanded"] = name == f.more and len(values) > FACET_SIZE
    return facets, total


def attach_lists(cur, rows: list[dict]) -> None:
    """Each row's themes and exported actors (name + key for its page), in their stored order."""
    if not rows:
        return
    ids = [r["record_id"] for r in rows]
    themes, actors = {}, {}
    for rid, theme in cur.execute("SELECT record_id, theme FROM record_themes WHERE record_id IN (SELECT unnest(?::VARCHAR[])) "
                                  "ORDER BY record_id, ord", [ids]).fetchall():
        themes.setdefault(rid, []).append(theme)
    for rid, name, key in cur.execute("SELECT record_id, name, coalesce(entity_id, name) FROM record_actors "
                                      "WHERE record_id IN (SELECT unnest(?::VARCHAR[])) AND source_field <> 'funding' "
                                      "ORDER BY record_id, ord", [ids]).fetchall():
        actors.setdefault(rid, []).append({"name": name, "key": key})
    for r in rows:
        r["themes"] = themes.get(r["record_id"], [])
        r["actors"] = actors.get(r["record_id"], [])


def export_records(cur, index, f: Filters, hidden: tuple[str, ...] = ()) -> tuple[list[str], list[tuple]]:
    """Every matching record (up to MAX_EXPORT_ROWS) in the search's order, flat, for CSV and JSON."""
    at, scores, _ = index.search(f, hidden)
    at, scores = at[:MAX_EXPORT_ROWS], scores[:MAX_EXPORT_ROWS]
    names, rows = _in_order(cur, "record_facts", "record_id", [index.ids[i] for i in at.tolist()],
                            EXPORT_COLUMNS)
    return names + ["score"], [row + (round(score, 4),) for row, score in zip(rows, scores.tolist())]


def export_records_sql(cur, f: Filters, hidden: tuple[str, ...] = ()) -> tuple[list[str], list[tuple]]:
    """export_records in SQL alone (the reference of the tests)."""
    hits, args, _ = _record_hits_sql(f, hidden)
    sql = f"""{hits}
    SELECT record_id, doc, kind, start_date AS start, end_date AS "end", ref, page, row_no, paragraph_no, location,
           countries,
           coalesce((SELECT list(t.theme ORDER BY t.ord) FROM record_themes t WHERE t.record_id = h.record_id), []) AS themes,
           coalesce((SELECT list(a.name ORDER BY a.ord) FROM record_actors a
                     WHERE a.record_id = h.record_id AND a.source_field <> 'funding'), []) AS actors,
           text, round(score, 4) AS score
    FROM (SELECT hits.record_id, hits.doc, hits.kind, hits.start_date, hits.block_no, hits.row_no, hits.location,
                 hits.countries, hits.score, r.end_date, r.ref, r.page, r.paragraph_no, r.text FROM hits JOIN record_facts r USING (record_id)) h
    {ORDER_RECORDS} LIMIT {MAX_EXPORT_ROWS}"""
    cur.execute(sql, args)
    return [d[0] for d in cur.description], cur.fetchall()


# -- passages ---------------------------------------------------------------------------------

def _passage_hits_sql(f: Filters, hidden: tuple[str, ...] = ()) -> tuple[str, list]:
    terms = terms_of(f.q)
    stats, score, stat_args = _bm25("p.text", "passages p", terms)
    conds, args = [], []
    for t in terms:
        conds.append("contains(lower(p.text), ?)")
        args.append(t)
    if hidden:
        conds.append("p.doc_sha256 NOT IN (SELECT unnest(?::VARCHAR[]))")
        args.append(list(hidden))
    for name, cond in {"doc": "list_contains(?, p.doc)", "genre": "list_contains(?, d.kind)"}.items():
        if getattr(f, name):
            conds.append(cond)
            args.append(list(getattr(f, name)))
    sql = (f"WITH {stats}, hits AS MATERIALIZED (SELECT p.doc, p.doc_sha256, p.block_no, p.kind, p.label, p.text, p.page, "
           f"p.paragraph_no, d.kind AS genre, {score} AS score FROM passages p JOIN documents d USING (doc_sha256), stats "
           f"WHERE {' AND '.join(conds) or 'true'})")
    return sql, stat_args + args


ORDER_PASSAGES = "ORDER BY score DESC, doc, block_no"


def search_passages(cur, index, f: Filters, hidden: tuple[str, ...] = ()) -> dict:
    """One page of ranked passages, the total and the doc and genre counts, from `index`
    (serve/search_index.py), reading only the shown passages from DuckDB."""
    at, scores = index.search(f, hidden)
    facets, total = _group_facets(index.facet_items(f, at), f)
    start = (f.page - 1) * PAGE_SIZE
    rows = [{**row, "score": score} for row, score in
            zip(index.rows_at(at[start:start + PAGE_SIZE].tolist()), scores[start:start + PAGE_SIZE].tolist())]
    return {"rows": rows, "total": total, "facets": facets, "terms": terms_of(f.q)}


def export_passages(cur, index, f: Filters, hidden: tuple[str, ...] = ()) -> tuple[list[str], list[tuple]]:
    at, scores = index.search(f, hidden)
    at, scores = at[:MAX_EXPORT_ROWS], scores[:MAX_EXPORT_ROWS]
    names, rows = _in_order(cur, "passages", "rowid", index.rowids[at].tolist(),
                            "r.doc, r.block_no, r.kind, r.label, r.page, r.paragraph_no, r.text")
    return names + ["score"], [row + (round(score, 4),) for row, score in zip(rows, scores.tolist())]


def search_passages_sql(cur, f: Filters, hidden: tuple[str, ...] = ()) -> dict:
    """search_passages in SQL alone (the reference of the tests)."""
    hits, args = _passage_hits_sql(f, hidden)
    rows = _dicts(cur.execute(f"{hits} SELECT * FROM hits {ORDER_PASSAGES} LIMIT ? OFFSET ?",
                              args + [PAGE_SIZE, (f.page - 1) * PAGE_SIZE]))
    items = [{"facet": facet, "value": value, "label": value, "n": n, "facet_values": k} for facet, value, n, k in cur.execute(f"""{hits},
        counts AS (SELECT 'doc' AS facet, doc AS value, count(*) AS n FROM hits GROUP BY doc
                   UNION ALL SELECT 'genre', genre, count(*) FROM hits GROUP BY genre
                   UNION ALL SELECT 'total', NULL, count(*) FROM hits)
        SELECT *, count(*) OVER (PARTITION BY facet) FROM counts""", args).fetchall()]
    facets, total = _group_facets(items, f)
    return {"rows": rows, "total": total, "facets": facets, "terms": terms_of(f.q)}


def export_passages_sql(cur, f: Filters, hidden: tuple[str, ...] = ()) -> tuple[list[str], list[tuple]]:
    hits, args = _passage_hits_sql(f, hidden)
    cur.execute(f"{hits} SELECT doc, block_no, kind, label, page, paragraph_no, text, round(score, 4) AS score "
                f"FROM hits {ORDER_PASSAGES} LIMIT {MAX_EXPORT_ROWS}", args)
    return [d[0] for d in cur.description], cur.fetchall()


# -- timeline ---------------------------------------------------------------------------------

def timeline(index, f: Filters, hidden: tuple[str, ...] = ()) -> list[tuple[int, str, int]]:
    """(year, theme, records) for the records the filters select (a record counts once per theme)."""
    return index.timeline(f, hidden)


def timeline_sql(cur, f: Filters, hidden: tuple[str, ...] = ()) -> list[tuple[int, str, int]]:
    """timeline in SQL alone (the reference of the tests)."""
    hits, args, _ = _record_hits_sql(replace(f, theme=()), hidden)
    sql = f"""{hits}
    SELECT year(h.start_date) AS y, coalesce(t.theme, '(no theme)') AS theme, count(*) AS n
    FROM hits h LEFT JOIN record_themes t USING (record_id)
    WHERE h.start_date IS NOT NULL {"AND list_contains(?, t.theme)" if f.theme else ""}
    GROUP BY ALL ORDER BY y, theme"""
    return cur.execute(sql, args + ([list(f.theme)] if f.theme else [])).fetchall()


# -- single pages -----------------------------------------------------------------------------

def record(cur, record_id: str, index=None) -> dict | None:
    """The record with its document's fields, its actors and themes (read by the rowids `index`
    holds for them, when given: a scan of record_actors and record_themes otherwise). Three
    statements: as correlated subqueries of one, the lists cost more."""
    rows = _dicts(cur.execute("""
        SELECT r.*, d.path, d.period_raw, d.period_start, d.period_end, d.kind AS genre, d.title, d.format
        FROM record_facts r JOIN documents d USING (doc_sha256) WHERE r.record_id = ?""", [record_id]))
    if not rows:
        return None
    rec = rows[0]

    def rows_of(table: str, columns: str) -> list[dict]:
        stored = index.stored_rows(table, record_id) if index is not None else None
        where = f"rowid IN ({', '.join(str(int(i)) for i in stored) or '-1'}) AND " if stored is not None else ""
        return _dicts(cur.execute(f"SELECT {columns} FROM {table} WHERE {where}record_id = ? ORDER BY ord", [record_id]))

    rec["actor_links"] = rows_of("record_actors", "name, coalesce(entity_id, name) AS key, entity_id, as_written, role, "
                                                  "source_field, kind, reason")
    rec["theme_links"] = rows_of("record_themes", "theme, source, reason")
    return rec


def passages_around(cur, doc_sha256: str, block_no: int | None, before: int = 2, after: int = 2) -> list[dict]:
    """The record's own block with its neighbours, in reading order: the passage in context."""
    if block_no is None:
        return []
    return _dicts(cur.execute(
        "SELECT block_no, kind, label, text, page, paragraph_no FROM passages WHERE doc_sha256 = ? "
        "AND block_no BETWEEN ? AND ? ORDER BY block_no", [doc_sha256, block_no - before, block_no + after]))


def table_row_around(cur, doc_sha256: str, table_no: int, row_no: int | None) -> dict:
    """A plan-table row in context: the passage just before its table (its heading, as a rule), the
    table's header row and the row itself, cell by cell. Not the blocks around it: every cell of a
    table is a passage of the table's one block, so "two blocks either side" is whole tables."""
    cells = _dicts(cur.execute(
        "SELECT row_no, column_no, \"column\", text FROM passages WHERE doc_sha256 = ? AND table_no = ? AND kind = 'table_cell' "
        "AND row_no IN (0, ?) ORDER BY row_no, column_no", [doc_sha256, table_no, row_no if row_no is not None else -1]))
    before = _dicts(cur.execute(
        "SELECT block_no, kind, label, text FROM passages WHERE doc_sha256 = ? AND table_no IS NULL AND block_no < "
        "(SELECT min(block_no) FROM passages WHERE doc_sha256 = ? AND table_no = ?) ORDER BY block_no DESC LIMIT 1",
        [doc_sha256, doc_sha256, table_no]))
    return {"before": before, "header": [c for c in cells if c["row_no"] == 0 and row_no != 0],
            "row": [c for c in cells if c["row_no"] == row_no]}


def document(cur, name: str) -> dict | None:
    rows = _dicts(cur.execute("SELECT * FROM documents WHERE name = ?", [name]))
    return rows[0] if rows else None


def document_records(cur, sha: str, limit: int, offset: int = 0, index=None) -> list[dict]:
    """A page of the document's records in reading order, with their themes and actors (from
    `index` when given: serve/search_index.py)."""
    rows = _dicts(cur.execute(
        "SELECT r.record_id, r.doc, r.doc_sha256, r.kind, r.text, r.start_date, r.end_date, r.ref, r.page, r.row_no, r.paragraph_no, "
        "r.block_no, r.location, r.countries FROM record_facts r "
        "WHERE r.doc_sha256 = ? ORDER BY r.block_no NULLS LAST, r.row_no, r.paragraph_no, r.record_id LIMIT ? OFFSET ?",
        [sha, limit, offset]))
    if index is not None:
        index.attach_lists(rows)
    else:
        attach_lists(cur, rows)
    return rows


def document_passages(cur, sha: str, budget: int = 500_000, text_chars: int = 10_000) -> tuple[list[dict], int]:
    """(the document's passages in reading order while their shown text stays within `budget`
    characters (each shown up to `text_chars`), how many it has in all)."""
    rows = _dicts(cur.execute(
        "SELECT block_no, kind, label, text, page, paragraph_no, count(*) OVER () AS passages_in_all FROM ("
        "  SELECT *, sum(least(length(text), ?)) OVER (ORDER BY block_no, row_no NULLS FIRST, column_no NULLS FIRST "
        "                                              ROWS UNBOUNDED PRECEDING) AS upto"
        "  FROM passages WHERE doc_sha256 = ?) "
        "QUALIFY upto - least(length(text), ?) < ? OR row_number() OVER (ORDER BY upto) = 1 "
        "ORDER BY block_no, row_no NULLS FIRST, column_no NULLS FIRST", [text_chars, sha, text_chars, budget]))
    in_all = cur.execute("SELECT count(*) FROM passages WHERE doc_sha256 = ?", [sha]).fetchone()[0]
    return rows, in_all


def documents(cur) -> list[dict]:
    return _dicts(cur.execute("SELECT doc_sha256, name, format, kind, title, period_start, period_end, pages, records, quarantined "
                              "FROM documents ORDER BY name"))


def source_file(cur, sha: str) -> tuple[str, str] | None:
    """(path, name) of an ingested file; nothing else is ever served."""
    row = cur.execute("SELECT path, name FROM documents WHERE doc_sha256 = ?", [sha]).fetchone()
    return (row[0], row[1]) if row else None


def actor(cur, key: str) -> dict | None:
    names = _dicts(cur.execute("""
        SELECT a.name, a.as_written, min(year(r.start_date)) AS first_year, max(year(r.start_date)) AS last_year,
               count(DISTINCT a.record_id) AS records, any_value(a.kind) AS kind
        FROM record_actors a JOIN record_facts r USING (record_id)
        WHERE coalesce(a.entity_id, a.name) = ? GROUP BY a.name, a.as_written ORDER BY first_year NULLS LAST, a.name""",
                                [key]))
    if not names:
        return None
    by_year = cur.execute("""
        SELECT year(r.start_date) AS y, count(DISTINCT r.record_id) FROM record_actors a JOIN record_facts r USING (record_id)
        WHERE coalesce(a.entity_id, a.name) = ? AND a.source_field <> 'funding' AND r.start_date IS NOT NULL
        GROUP BY y ORDER BY y""", [key]).fetchall()
    roles = cur.execute("SELECT role, count(*) FROM record_actors WHERE coalesce(entity_id, name) = ? GROUP BY role "
                        "ORDER BY 2 DESC", [key]).fetchall()
    return {"key": key, "names": names, "by_year": by_year, "roles": roles,
            "label": names[-1]["name"]}


def check_runs(cur) -> list[dict]:
    return _dicts(cur.execute("""
        SELECT c.check_id, c.report_doc, c.plan_docs, c.created_at, c.commitments,
               count(*) FILTER (WHERE k.status = 'evidenced') AS evidenced,
               count(*) FILTER (WHERE k.status = 'partly evidenced') AS partly,
               count(*) FILTER (WHERE k.status = 'no evidence') AS none,
               count(*) FILTER (WHERE k.status = 'overdue') AS overdue
        FROM check_runs c LEFT JOIN commitment_checks k USING (check_id) GROUP BY ALL ORDER BY c.created_at DESC"""))


def _dicts(cur) -> list[dict]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


# -- tables, browsed without SQL --------------------------------------------------------------

TABLE_PAGE = 50


def tables(cur) -> list[tuple[str, str, int]]:
    """(name, 'table' or 'view', rows) of every table and view of the warehouse."""
    out = []
    for name, kind in cur.execute("SELECT table_name, table_type FROM information_schema.tables "
                                  "WHERE table_schema = 'main' ORDER BY table_name").fetchall():
        out.append((name, "view" if kind == "VIEW" else "table",
                    cur.execute(f"SELECT count(*) FROM {_ident(name)}").fetchone()[0]))
    return out


def table_columns(cur, name: str) -> list[str]:
    """The columns of table or view `name`, in order; [] when the warehouse has no such table."""
    return [c for (c,) in cur.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' "
        "AND table_name = ? ORDER BY column_index", [name]).fetchall()]


def _ident(name: str) -> str:
    # only ever called with a name read from the warehouse's own catalogue; quoting keeps it one identifier
    return '"' + name.replace('"', '""') + '"'


def browse_table(cur, name: str, sort: str = "", descending: bool = False, page: int = 1,
                 doc: str = "") -> dict | None:
    """One page of table `name` ordered by column `sort` (then by every column, so pages are stable),
    optionally only the rows of document `doc`. None when there is no such table; BadParameter for a
    column it does not have. Names reach the SQL only after they were found in the table's schema."""
    columns = table_columns(cur, name)
    if not columns:
        return None
    if sort and sort not in columns:
        raise BadParameter(f"{name} has no column {sort[:60]!r}; its columns: {', '.join(columns)}")
    doc_column = next((c for c in ("doc", "name", "path") if c in columns), None) if doc else None
    if doc and doc_column is None:
        raise BadParameter(f"{name} has no document column to choose rows by")
    where, args = (f"WHERE {_ident(doc_column)} = ?", [doc]) if doc_column else ("", [])
    order = ([f"{_ident(sort)} {'DESC' if descending else 'ASC'} NULLS LAST"] if sort else []) + \
            [f"{_ident(c)} NULLS LAST" for c in columns if c != sort]
    total = cur.execute(f"SELECT count(*) FROM {_ident(name)} {where}", args).fetchone()[0]
    cur.execute(f"SELECT * FROM {_ident(name)} {where} ORDER BY {', '.join(order)} LIMIT ? OFFSET ?",
                args + [TABLE_PAGE, (page - 1) * TABLE_PAGE])
    return {"name": name, "columns": columns, "rows": cur.fetchall(), "total": total}
