"""The records and passages of one warehouse version held in memory for search: an inverted index
of their words, their facet values as integer codes, BM25's statistics, the columns a page shows
and each document's rows in reading order, built once per version.

Why: a faceted search in SQL scanned every record's text, joined `record_themes` and
`record_actors` for the theme and actor facets and flags, and materialised the hits several times:
80-105 ms of CPU for each search on 100,000 records, so that 20 concurrent users waited seconds
(bench/SERVE.md). Here the same search is a few numpy operations over arrays built once, and the
25 records shown are taken from an Arrow table: no statement reads DuckDB.

The search means exactly what the SQL of `queries.search_records_sql` means (the reference the
tests compare it with): a term matches a record when it is a substring of the record's text
lower-cased by DuckDB (or of its place); its frequency is the number of non-overlapping
occurrences; document frequencies and the average length are over every record of the warehouse.

Substrings from an index of words: a term is made of word characters, apostrophes and hyphens
(`queries.terms_of`), never a space, so each of its occurrences lies inside one space-separated
"word" of the lower-cased text. The vocabulary is every distinct word; a term's occurrences in a
record are its occurrences in the record's words, found by searching the vocabulary (a few MB at
most) instead of the texts (15 million characters on 100,000 records), and its frequency is, over
the words that hold it, the occurrences in the word times the word's count in the record.
Non-overlapping occurrences in a text are those in its words, since none spans two words.
"""
from __future__ import annotations

import threading
from dataclasses import replace

import numpy as np

from serve import queries

# The tie order of a search's ranking: a stable sort by score alone then gives the SQL's order.
POSITIONS = """positions AS (SELECT record_id, (row_number() OVER (ORDER BY start_date NULLS LAST, doc, block_no NULLS LAST,
                   row_no NULLS LAST, record_id) - 1)::INTEGER AS pos FROM record_facts)"""


class Codes:
    """Values (strings, None allowed) as integer codes, in order of first appearance; `rank` is each
    code's place in the values' order (None last), to sort by value without comparing strings."""

    def __init__(self, values):
        index: dict = {}
        self.codes = np.fromiter((index.setdefault(v, len(index)) for v in values), dtype=np.int32, count=len(values))
        self.values = list(index)
        self.of = index
        order = sorted(range(len(self.values)), key=lambda c: (self.values[c] is None, self.values[c] or ""))
        self.rank = np.empty(len(self.values), dtype=np.int64)
        self.rank[order] = np.arange(len(self.values))

    def table(self, chosen) -> np.ndarray:
        """A lookup table: True at the codes of `chosen`."""
        out = np.zeros(len(self.values), dtype=bool)
        out[[self.of[v] for v in chosen if v in self.of]] = True
        return out

    def having(self, n: int, chosen) -> np.ndarray:
        return self.table(chosen)[self.codes]

    def top(self, counts: np.ndarray, limit: int) -> tuple[list[int], int]:
        """(codes of the first `limit` values with records, by count then value, how many values have records)."""
        present = np.flatnonzero(counts)
        return present[np.lexsort((self.rank[present], -counts[present]))[:limit]].tolist(), len(present)


class Pairs:
    """A many-valued attribute: (record position, value code) pairs, in the stored order."""

    def __init__(self, rec: np.ndarray, values: list):
        self.rec = np.asarray(rec, dtype=np.int64)
        self.value = Codes(values)

    def having(self, n: int, chosen) -> np.ndarray:
        """Records with at least one of `chosen`."""
        mask = np.zeros(n, dtype=bool)
        mask[self.rec[self.value.table(chosen)[self.value.codes]]] = True
        return mask


class WordIndex:
    """Which rows of a table hold a term, and how often, through the vocabulary of their words: for
    each distinct word, the rows holding it (by position, ascending) and how many times.
    `positions`: a CTE naming each row's position (`pos`) by `key`, the column joining it to `table`."""

    def __init__(self, cur, n: int, table: str, positions: str, key: str):
        # Words are split at spaces: no term holds one, so no occurrence of a term spans two words.
        # (Splitting at punctuation as well would give a smaller vocabulary, but DuckDB's regular
        # expression split is ~50 times slower than its split at one character.)
        # a word's postings hold a row once per occurrence (grouping by row as well doubles the build)
        table = cur.sql(f"""
            WITH {positions},
            words AS (SELECT pos, unnest(string_split(lower(t.text), ' ')) AS word
                      FROM {table} t JOIN positions ON t.{key} = positions.{key})
            SELECT word, list(pos) AS recs FROM words WHERE word <> '' GROUP BY word""").to_arrow_table()
        recs = table.column("recs").combine_chunks()
        self.words = table.column("word").to_pylist()
        self.rec = recs.values.to_numpy().astype(np.int32)
        self.starts = recs.offsets.to_numpy().astype(np.int64)
        del table, recs
        self._joined = "\n".join(self.words)  # a term holds no line break: no match spans two words
        self._word_at = np.cumsum([0] + [len(w) + 1 for w in self.words])
        self.n = n

    def frequencies(self, term: str) -> np.ndarray:
        """Non-overlapping occurrences of `term` in each record (an array of length n)."""
        found, at, step = [], self._joined.find(term), len(term)
        while at >= 0:
            found.append(at)
            at = self._joined.find(term, at + step)
        if not found:
            return np.zeros(self.n, dtype=np.float64)
        words = np.searchsorted(self._word_at, np.array(found), side="right") - 1
        # occurrences of the term in each word holding it (sorted, since the words are in order)
        first = np.r_[True, words[1:] != words[:-1]]
        per_word = np.diff(np.r_[np.flatnonzero(first), len(words)])
        words = words[first]
        lengths = self.starts[words + 1] - self.starts[words]
        picks = np.repeat(self.starts[words] - np.cumsum(np.r_[0, lengths[:-1]]), lengths) + np.arange(lengths.sum())
        return np.bincount(self.rec[picks], weights=np.repeat(per_word, lengths).astype(np.float64), minlength=self.n)


class RecordIndex:
    """Every record of one warehouse version, in the tie order of a search's ranking (start date,
    document, block, row, id)."""

    def __init__(self, cur):
        cols = cur.execute(f"""
            WITH {POSITIONS}
            SELECT r.record_id, r.doc, r.doc_sha256, r.kind, d.kind AS genre, d.doc_sha256 IS NOT NULL AS has_doc,
                   coalesce(year(r.start_date), -1) AS year, coalesce(epoch_ms(r.start_date::TIMESTAMP), -1e18) AS start_ms,
                   r.location, lower(coalesce(r.location, '')) AS place, length(r.text) AS length
            FROM record_facts r JOIN positions USING (record_id) LEFT JOIN documents d USING (doc_sha256)
            ORDER BY pos""").fetchnumpy()
        self.ids = cols["record_id"].tolist()
        self.position = {rid: i for i, rid in enumerate(self.ids)}
        n = self.n = len(self.ids)
        self.has_doc = np.asarray(cols["has_doc"], dtype=bool)
        self.year = np.asarray(cols["year"], dtype=np.int64)
        self.start_ms = np.asarray(cols["start_ms"], dtype=np.float64)
        self.length = np.asarray(cols["length"], dtype=np.float64)
        # DuckDB's own average, not numpy's: a last bit of difference would reorder records of equal score
        self.avglen = float(cur.execute("SELECT coalesce(avg(length(text)), 0) FROM record_facts").fetchall()[0][0])
        self.norm = bm25_norm(self.length, self.avglen)
        self.sha = Codes(cols["doc_sha256"].tolist())
        self.doc = Codes(cols["doc"].tolist())
        self.kind = Codes(cols["kind"].tolist())
        self.genre = Codes(_plain(cols["genre"]))
        self.location = Codes(_plain(cols["location"]))
        self.place = Codes(cols["place"].tolist())
        self.first_year = int(self.year[self.year != -1].min()) if (self.year != -1).any() else 0
        del cols
        self.words = WordIndex(cur, n, "record_facts", POSITIONS, "record_id")
        # what a result page shows of each record, in position order (Arrow keeps the texts as one
        # UTF-8 buffer): a page takes its 25 rows from here instead of a query that reads the table
        self.shown = cur.sql(f"WITH {POSITIONS} SELECT {queries.SHOWN_COLUMNS} FROM record_facts r "
                             f"JOIN positions USING (record_id) ORDER BY pos").to_arrow_table()
        self.shown = _compact(self.shown, ("doc", "doc_sha256", "kind"))

        def pairs(sql):
            got = cur.execute(f"WITH {POSITIONS} {sql}").fetchnumpy()
            return Pairs(got["pos"], _plain(got["value"])), got

        self.countries, _ = pairs("SELECT pos, unnest(countries) AS value FROM record_facts "
                                  "JOIN positions USING (record_id) ORDER BY pos")
        self.themes, _ = pairs("SELECT pos, theme AS value FROM record_themes JOIN positions USING (record_id) "
                               "ORDER BY pos, ord")
        self.actors, got = pairs("SELECT pos, coalesce(entity_id, name) AS value, name FROM record_actors "
                                 "JOIN positions USING (record_id) WHERE source_field <> 'funding' ORDER BY pos, ord")
        self.actor_names = _plain(got["name"])
        # an actor counts each record once; its label is its name in its latest record
        codes, recs = self.actors.value.codes.astype(np.int64), self.actors.rec
        self._actor_once = np.unique(codes * max(n, 1) + recs) if len(codes) else np.zeros(0, np.int64)
        self._actor_latest = np.lexsort((-self.start_ms[recs], codes)) if len(codes) else np.zeros(0, np.int64)
        self._themes_of = _lists(self.themes.rec, [self.themes.value.values[c] for c in self.themes.value.codes.tolist()], n)
        self._actors_of = _lists(self.actors.rec, [{"name": name, "key": self.actors.value.values[c]} for name, c in
                                                   zip(self.actor_names, self.actors.value.codes.tolist())], n)
        self._hidden: tuple[tuple, np.ndarray] | None = None
        # a document's records in its reading order (block, row, paragraph, id), for its page
        in_doc_order = cur.execute(f"""WITH {POSITIONS} SELECT pos FROM record_facts JOIN positions USING (record_id)
            ORDER BY doc_sha256, block_no NULLS LAST, row_no NULLS LAST, paragraph_no NULLS LAST, record_id""").fetchnumpy()
        self._doc_order = np.asarray(in_doc_order["pos"], dtype=np.int64)
        self._of_doc = _groups(self.sha.codes[self._doc_order], self._doc_order)
        # where each record's actor and theme rows are stored, so that its page reads only those
        self.rows_of = {}
        for table in ("record_actors", "record_themes"):
            got = cur.execute(f"WITH {POSITIONS} SELECT pos, t.rowid AS rid FROM {table} t "
                              f"JOIN positions USING (record_id)").fetchnumpy()
            self.rows_of[table] = _groups(np.asarray(got["pos"], dtype=np.int64), np.asarray(got["rid"], dtype=np.int64))

    def stored_rows(self, table: str, record_id: str) -> list[int] | None:
        """The rowids of the record's rows in `table` (record_actors or record_themes); None for a
        record the index does not know."""
        pos = self.position.get(record_id)
        return None if pos is None else self.rows_of[table].get(pos, np.zeros(0, np.int64)).tolist()

    def of_doc(self, sha: str) -> np.ndarray:
        """Positions of the document's records in its reading order."""
        code = self.sha.of.get(sha)
        return self._of_doc.get(code, np.zeros(0, np.int64)) if code is not None else np.zeros(0, np.int64)

    def document_records(self, sha: str, limit: int, offset: int) -> tuple[list[dict], int]:
        """(a page of the document's records with their themes and actors, how many it has)."""
        at = self.of_doc(sha)
        rows = self.rows_at(at[offset:offset + limit].tolist())
        for r, pos in zip(rows, at[offset:offset + limit].tolist()):
            r["themes"], r["actors"] = self.themes_at(pos), self.actors_at(pos)
        return rows, len(at)

    # -- lists of the shown records ------------------------------------------------------------

    def rows_at(self, positions: list[int]) -> list[dict]:
        return self.shown.take(positions).to_pylist() if positions else []

    def attach_lists(self, rows: list[dict]) -> None:
        """Each row's themes and exported actors, as `queries.attach_lists` reads them."""
        for r in rows:
            pos = self.position.get(r["record_id"])
            r["themes"] = self.themes_at(pos) if pos is not None else []
            r["actors"] = self.actors_at(pos) if pos is not None else []

    def themes_at(self, pos: int) -> list[str]:
        return list(self._themes_of[pos])

    def actors_at(self, pos: int) -> list[dict]:
        return [dict(a) for a in self._actors_of[pos]]

    # -- search --------------------------------------------------------------------------------

    def scores(self, terms: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(records holding every term, their BM25 score): as `queries._bm25` over text and place."""
        def in_place(term):
            return np.array([term in p for p in self.place.values], dtype=bool)[self.place.codes]

        return bm25(self.words, terms, self.norm, in_place)

    def base(self, f: "queries.Filters", terms: list[str], hidden: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
        """(records meeting every condition but the facets' values, scores)."""
        mask, score = self.scores(terms)
        mask &= self.has_doc
        if hidden:
            mask &= ~self._hidden_mask(hidden)
        if f.year_from is not None:
            mask &= (self.year >= f.year_from) & (self.year != -1)
        if f.year_to is not None:
            mask &= (self.year <= f.year_to) & (self.year != -1)
        return mask, score

    def _hidden_mask(self, hidden: tuple[str, ...]) -> np.ndarray:
        kept = self._hidden  # the renditions left out are the same for every search of a version
        if kept is None or kept[0] != hidden:
            kept = self._hidden = (hidden, self.sha.having(self.n, hidden))
        return kept[1]

    def flags(self, f: "queries.Filters") -> dict[str, np.ndarray]:
        """{facet with values chosen: the records having one of them}."""
        out = {}
        for name in queries.MULTI:
            if getattr(f, name):
                out[name] = self._facet(name).having(self.n, getattr(f, name))
        return out

    def _facet(self, name: str):
        return {"kind": self.kind, "location": self.location, "doc": self.doc, "genre": self.genre,
                "country": self.countries, "theme": self.themes, "actor": self.actors}[name]

    def search(self, f: "queries.Filters", hidden: tuple[str, ...] = ()) -> tuple[np.ndarray, np.ndarray, dict]:
        """(positions of the hits in ranking order, their scores, {facet: the records it counts over}):
        a chosen facet counts over the records that meet every other condition (OR within a facet)."""
        base, score = self.base(f, queries.terms_of(f.q), hidden)
        flags = self.flags(f)
        hits = base.copy()
        for flag in flags.values():
            hits &= flag
        over = {name: hits for name in queries.FACETS}
        for name in flags:
            others = base.copy()
            for other, flag in flags.items():
                if other != name:
                    others &= flag
            over[name] = others
        at = np.flatnonzero(hits)
        if f.q:
            order = np.argsort(-score[at], kind="stable")
            at = at[order]
        return at, score[at], over

    def facet_items(self, f: "queries.Filters", over: dict[str, np.ndarray]) -> list[dict]:
        """The facet counts as `queries.FACET_COUNTS` gives them: per facet its first values (by count,
        years by value; `more` in full), each with how many values the facet has in all."""
        items = []
        for name in queries.FACETS:
            limit = queries.FACET_MORE if name == f.more else queries.YEAR_VALUES if name == "year" else queries.FACET_SIZE
            items += self._counted(name, over[name], limit)
        items.append({"facet": "total", "value": None, "label": None, "n": int(np.count_nonzero(over["year"])),
                      "facet_values": 1})
        return items

    def _counted(self, name: str, mask: np.ndarray, limit: int) -> list[dict]:
        if name == "year":
            dated = mask & (self.year != -1)
            counts = np.bincount(self.year[dated] - self.first_year)
            years = np.flatnonzero(counts)
            shown = sorted(years.tolist(), key=lambda y: str(y + self.first_year))[:limit]
            return [{"facet": name, "value": str(y + self.first_year), "label": str(y + self.first_year),
                     "n": int(counts[y]), "facet_values": len(years)} for y in shown]
        facet = self._facet(name)
        codes = facet.value if isinstance(facet, Pairs) else facet
        labels = {}
        if isinstance(facet, Pairs):
            held = mask[facet.rec]
            if name == "actor":
                once = self._actor_once[mask[self._actor_once % max(self.n, 1)]]
                counts = np.bincount(once // max(self.n, 1), minlength=len(codes.values))
            else:
                counts = np.bincount(facet.value.codes[held], minlength=len(codes.values))
        else:
            counts = np.bincount(facet.codes[mask], minlength=len(codes.values))
            if name == "location" and None in codes.of:
                counts[codes.of[None]] = 0
        shown, in_all = codes.top(counts, limit)
        if name == "actor" and shown:
            labels = self._actor_labels(held, set(shown))
        return [{"facet": name, "value": codes.values[c], "label": labels.get(c, codes.values[c]), "n": int(counts[c]),
                 "facet_values": in_all} for c in shown]

    def _actor_labels(self, held: np.ndarray, wanted: set[int]) -> dict[int, str]:
        """{actor code: its name in the latest of the held records}, for the codes `wanted`."""
        latest = self._actor_latest[held[self._actor_latest]]
        codes = self.actors.value.codes[latest]
        first = latest[np.r_[True, codes[1:] != codes[:-1]]] if len(latest) else latest
        return {c: self.actor_names[i] for i in first.tolist() if (c := int(self.actors.value.codes[i])) in wanted}

    def timeline(self, f: "queries.Filters", hidden: tuple[str, ...] = ()) -> list[tuple[int, str, int]]:
        """(year, theme, records) as `queries.timeline_sql`: a record counts once per theme it has
        (among the chosen themes, when some are), records without one under "(no theme)"."""
        at, _, _ = self.search(replace(f, theme=()), hidden)
        at = at[self.year[at] != -1]
        hit = np.zeros(self.n, dtype=bool)
        hit[at] = True
        held = hit[self.themes.rec]
        recs, codes = self.themes.rec[held], self.themes.value.codes[held]
        names = self.themes.value.values
        counts: dict[tuple[int, str], int] = {}
        if f.theme:
            keep = self.themes.value.table(f.theme)[codes]
            recs, codes = recs[keep], codes[keep]
        else:
            themed = np.zeros(self.n, dtype=bool)
            themed[recs] = True
            for y in self.year[at[~themed[at]]].tolist():
                counts[(y, "(no theme)")] = counts.get((y, "(no theme)"), 0) + 1
        for y, code in zip(self.year[recs].tolist(), codes.tolist()):
            key = (y, names[code] if names[code] is not None else "(no theme)")
            counts[key] = counts.get(key, 0) + 1
        return sorted(((y, t, n) for (y, t), n in counts.items()), key=lambda r: (r[0], r[1]))


def bm25_norm(length: np.ndarray, avglen: float) -> np.ndarray:
    """BM25's length normalisation of each row (the same for every search of a version)."""
    k1, b = queries.BM25_K1, queries.BM25_B
    return k1 * (1 - b + b * length / avglen) if avglen else np.full(len(length), k1 * (1 - b))


def bm25(words: WordIndex, terms: list[str], norm: np.ndarray, extra=None) -> tuple[np.ndarray, np.ndarray]:
    """(rows holding every term, their BM25 score) as `queries._bm25` computes them, with document
    frequencies over every row; `extra(term)`: rows where the term counts once more (a record's place)."""
    n = len(norm)
    every = np.ones(n, dtype=bool)
    score = np.zeros(n, dtype=np.float64)
    k1 = queries.BM25_K1
    for term in terms:
        tf = words.frequencies(term)
        if extra is not None:
            tf = np.maximum(tf, extra(term))
        found = tf > 0
        df = float(np.count_nonzero(found))
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
        at = np.flatnonzero(found)  # a term's score is 0 where it does not occur
        score[at] += idf * (tf[at] * (k1 + 1)) / (tf[at] + norm[at])
        every &= found
    return every, score


class PassageIndex:
    """Every passage of one warehouse version for the passage search, in the tie order of its
    ranking (document, block; then row, column and storage order, which the SQL leaves open)."""

    POSITIONS = """positions AS (SELECT rowid AS rid, (row_number() OVER (ORDER BY doc, block_no, row_no NULLS FIRST,
                       column_no NULLS FIRST, rowid) - 1)::INTEGER AS pos FROM passages)"""

    def __init__(self, cur):
        cols = cur.execute(f"""
            WITH {self.POSITIONS}
            SELECT p.rowid AS rid, p.doc, p.doc_sha256, d.kind AS genre, d.doc_sha256 IS NOT NULL AS has_doc,
                   length(p.text) AS length, p.block_no, p.table_no, p.row_no, p.kind = 'table_cell' AS is_cell
            FROM passages p JOIN positions ON p.rowid = positions.rid LEFT JOIN documents d USING (doc_sha256)
            ORDER BY pos""").fetchnumpy()
        self.rowids = np.asarray(cols["rid"], dtype=np.int64)
        self.block_no = _ints(cols["block_no"])
        self.table_no = _ints(cols["table_no"])
        self.row_no = _ints(cols["row_no"])
        self.is_cell = np.asarray(cols["is_cell"], dtype=bool)
        self.n = len(self.rowids)
        self.has_doc = np.asarray(cols["has_doc"], dtype=bool)
        self.length = np.asarray(cols["length"], dtype=np.float64)
        self.doc = Codes(cols["doc"].tolist())
        self.sha = Codes(cols["doc_sha256"].tolist())
        self.genre = Codes(_plain(cols["genre"]))
        del cols
        self._of_doc = _groups(self.sha.codes)
        self.avglen = float(cur.execute("SELECT coalesce(avg(length(text)), 0) FROM passages").fetchall()[0][0])
        self.norm = bm25_norm(self.length, self.avglen)
        self.words = WordIndex(cur, self.n, "passages", self.POSITIONS.replace("AS rid", "AS rowid"), "rowid")
        self.shown = cur.sql(f"WITH {self.POSITIONS} SELECT {queries.SHOWN_PASSAGE_COLUMNS} FROM passages r "
                             f"JOIN positions ON r.rowid = positions.rid LEFT JOIN documents d USING (doc_sha256) "
                             f"ORDER BY pos").to_arrow_table()
        self.shown = _compact(self.shown, ("doc", "doc_sha256", "kind", "genre"))
        self._hidden: tuple[tuple, np.ndarray] | None = None

    def search(self, f: "queries.Filters", hidden: tuple[str, ...] = ()) -> tuple[np.ndarray, np.ndarray]:
        """(positions of the hits in ranking order, their scores)."""
        terms = queries.terms_of(f.q)
        hits, score = bm25(self.words, terms, self.norm)
        hits &= self.has_doc
        if hidden:
            kept = self._hidden
            if kept is None or kept[0] != hidden:
                kept = self._hidden = (hidden, self.sha.having(self.n, hidden))
            hits &= ~kept[1]
        if f.doc:
            hits &= self.doc.having(self.n, f.doc)
        if f.genre:
            hits &= self.genre.having(self.n, f.genre)
        at = np.flatnonzero(hits)
        if terms:
            at = at[np.argsort(-score[at], kind="stable")]
        return at, score[at]

    def rows_at(self, positions: list[int]) -> list[dict]:
        return self.shown.take(positions).to_pylist() if positions else []

    # -- a document's passages (its page, a record's context), without a scan of the table ------

    def of_doc(self, sha: str) -> np.ndarray:
        """Positions of the document's passages, in reading order (block, row, column)."""
        code = self.sha.of.get(sha)
        return self._of_doc.get(code, np.zeros(0, np.int64)) if code is not None else np.zeros(0, np.int64)

    def around(self, sha: str, block_no: int, before: int, after: int) -> list[dict]:
        """As `queries.passages_around`: the blocks block_no - before .. block_no + after."""
        at = self.of_doc(sha)
        at = at[(self.block_no[at] >= block_no - before) & (self.block_no[at] <= block_no + after)]
        return self.rows_at(at.tolist())

    def table_row(self, sha: str, table_no: int, row_no: int | None) -> dict:
        """As `queries.table_row_around`: the passage before the table, its header row and the row."""
        at = self.of_doc(sha)
        table = at[self.table_no[at] == table_no]
        cells = table[self.is_cell[table] & np.isin(self.row_no[table], (0, row_no if row_no is not None else -1))]
        cells = self.rows_at(cells.tolist())
        cells.sort(key=lambda c: (c["row_no"], c["column_no"] if c["column_no"] is not None else -1))
        before = []
        if len(table):
            first = self.block_no[table].min()
            outside = at[(self.table_no[at] == -1) & (self.block_no[at] < first) & (self.block_no[at] != -1)]
            if len(outside):
                last = outside[self.block_no[outside] == self.block_no[outside].max()]
                before = self.rows_at(last[-1:].tolist())
        return {"before": before, "header": [c for c in cells if c["row_no"] == 0 and row_no != 0],
                "row": [c for c in cells if c["row_no"] == row_no]}

    def document(self, sha: str, budget: int, text_chars: int) -> tuple[list[dict], int]:
        """As `queries.document_passages`: the passages in reading order while their shown text
        (each up to `text_chars`) stays within `budget` characters (always the first), and how many."""
        at = self.of_doc(sha)
        shown = np.minimum(self.length[at], text_chars)
        before = np.cumsum(shown) - shown  # characters shown before each passage
        keep = at[(before < budget) | (np.arange(len(at)) == 0)]
        return self.rows_at(keep.tolist()), len(at)

    def facet_items(self, f: "queries.Filters", at: np.ndarray) -> list[dict]:
        items = []
        for name, codes in (("doc", self.doc), ("genre", self.genre)):
            counts = np.bincount(codes.codes[at], minlength=len(codes.values))
            shown, in_all = codes.top(counts, queries.facet_limit(name, f))
            items += [{"facet": name, "value": codes.values[c], "label": codes.values[c], "n": int(counts[c]),
                       "facet_values": in_all} for c in shown]
        return items + [{"facet": "total", "value": None, "label": None, "n": len(at), "facet_values": 1}]


def _ints(values) -> np.ndarray:
    """An integer column with -1 for NULL."""
    if isinstance(values, np.ma.MaskedArray):
        return np.where(np.ma.getmaskarray(values), -1, values.filled(-1)).astype(np.int64)
    return np.asarray(values, dtype=np.int64)


def _groups(codes: np.ndarray, items: np.ndarray | None = None) -> dict[int, np.ndarray]:
    """{code: the items (default: the indexes) with that code, in their order}."""
    items = np.arange(len(codes)) if items is None else items
    order = np.argsort(codes, kind="stable")
    codes, items = codes[order], items[order]
    bounds = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1], True]) if len(codes) else np.zeros(1, np.int64)
    return {int(codes[a]): items[a:b] for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist())}


def _compact(table, repeated: tuple[str, ...]):
    """`table` in one chunk (a take() from many chunks copies them all), the columns `repeated` (a
    document's name and sha256 on each of its rows) kept once per value."""
    import pyarrow.compute as pc

    for name in repeated:
        table = table.set_column(table.schema.get_field_index(name), name, pc.dictionary_encode(table.column(name)))
    return table.combine_chunks()


def _lists(rec: np.ndarray, values: list, n: int) -> list[list]:
    """values grouped by record position (in their order), one list per position."""
    out: list[list] = [[] for _ in range(n)]
    for r, v in zip(rec.tolist(), values):
        out[r].append(v)
    return out


def _plain(values) -> list:
    """A numpy column as a list, its masked (NULL) entries as None."""
    if isinstance(values, np.ma.MaskedArray):
        return [None if m else v for v, m in zip(values.data.tolist(), np.ma.getmaskarray(values).tolist())]
    return values.tolist()


class IndexOf:
    """The record and passage indexes of the warehouse's current version, each built on first use
    after a change (requests meanwhile wait for it rather than build their own)."""

    def __init__(self, warehouse):
        self.warehouse = warehouse
        self._locks = {"records": threading.Lock(), "passages": threading.Lock()}
        self._built: dict[str, tuple[object, object]] = {}
        self.builds = 0

    def get(self) -> RecordIndex:
        return self._get("records", RecordIndex)

    def passages(self) -> PassageIndex:
        return self._get("passages", PassageIndex)

    def _get(self, name: str, make):
        version = self.warehouse.version()
        with self._locks[name]:
            kept = self._built.get(name)
            if kept is None or kept[0] != version:
                self._built.pop(name, None)  # the old version's arrays go before the new ones are built
                with self.warehouse.cursor() as cur:
                    self._built[name] = (version, make(cur))
                self.builds += name == "records"
            return self._built[name][1]
