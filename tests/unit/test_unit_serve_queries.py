"""serve's queries, exactly (issue 29): a search as the URL holds it, and each page's data read in
SQL from a warehouse of two documents and four records written row by row. Expected values by
hand: BM25 ranks the shorter of two texts with the same term once higher; a facet counts over the
hits that meet every other facet (OR within a facet, AND across)."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from starlette.datastructures import QueryParams

from serve import queries as q
from serve.queries import BadParameter, Filters, terms_of
from tests.unit.warehouse_rows import empty_warehouse, insert

pytestmark = pytest.mark.unit

P, R = "P" * 64, "R" * 64
NOW = datetime(2011, 1, 1, 12, 0)


@pytest.fixture(scope="module")
def cur(tmp_path_factory):
    """Built once for the module: the tests only read it (the last adds a check run of its own)."""
    con = build_warehouse(tmp_path_factory.mktemp("serve_queries") / "w.duckdb")
    yield con.cursor()
    con.close()


def build_warehouse(path):
    """Two documents, four records, their themes, actors and passages (also tests/unit/test_unit_serve_pages.py)."""
    con = empty_warehouse(path)
    insert(con, "documents", doc_sha256=P, name="plan_2009.docx", path="/nowhere/plan_2009.docx", format="docx",
           kind="table_plan", title="Plan 2009", period_start=date(2009, 1, 1), period_end=date(2009, 12, 31),
           period_raw="2009", pages=3, blocks=4, records=2, quarantined=0, ingested_at=NOW)
    insert(con, "documents", doc_sha256=R, name="report_2010.txt", path="/nowhere/report_2010.txt", format="txt",
           kind="report", blocks=6, records=2, quarantined=1, ingested_at=NOW)
    records = [
        ("p1", P, "plan_2009.docx", "activity", "Training on child trafficking for police in Riga.", date(2009, 3, 1),
         date(2009, 3, 31), "Riga", ["LV"], 1, 1),
        ("p2", P, "plan_2009.docx", "activity", "Publish a guide on guardianship.", date(2009, 9, 1), date(2009, 12, 31),
         None, [], 1, 2),
        ("r1", R, "report_2010.txt", "event", "A seminar on trafficking was held in Vilnius.", date(2010, 5, 12),
         date(2010, 5, 12), "Vilnius", ["LT"], 2, None),
        ("r2", R, "report_2010.txt", "event", "The guide was published.", None, None, None, [], 3, None),
    ]
    for rid, sha, doc, kind, text, start, end, location, countries, block, row in records:
        insert(con, "record_facts", record_id=rid, doc_sha256=sha, doc=doc, kind=kind, text=text, start_date=start,
               end_date=end, location=location, countries=countries, block_no=block, row_no=row,
               table_no=1 if row else None, date_granularity="day", date_source="record")
    for rid, ord_, theme in (("p1", 0, "trafficking"), ("p1", 1, "law_enforcement"), ("r1", 0, "trafficking"),
                             ("p2", 0, "guardianship")):
        insert(con, "record_themes", record_id=rid, ord=ord_, theme=theme, source="text", reason="a word")
    for rid, ord_, name, entity, role, field in (
            ("p1", 0, "Police Academy", None, "participant", "text"),
            ("r1", 0, "Ministry of the Interior", "lt_moi", "organiser", "text"),
            ("r1", 1, "Nordic Council", "ncm", "funder", "funding"),
            ("p2", 0, "Interior Ministry", "lt_moi", "responsible", "responsible")):
        insert(con, "record_actors", record_id=rid, ord=ord_, name=name, entity_id=entity, as_written=name, role=role,
               source_field=field, kind="body", reason="named")
    for block, kind, text, table, row, column in (
            (0, "heading", "Plan 2009", None, None, None),
            (1, "table_cell", "Activity", 1, 0, 0), (1, "table_cell", "Deadline", 1, 0, 1),
            (1, "table_cell", "Training on child trafficking for police in Riga.", 1, 1, 0),
            (1, "table_cell", "March 2009", 1, 1, 1),
            (1, "table_cell", "Publish a guide on guardianship.", 1, 2, 0)):
        insert(con, "passages", doc_sha256=P, doc="plan_2009.docx", block_no=block, kind=kind, text=text, table_no=table,
               row_no=row, column_no=column, column=None)
    for block, kind, text in ((0, "heading", "Report 2010"), (1, "paragraph", "The year began quietly."),
                              (2, "paragraph", "A seminar on trafficking was held in Vilnius."),
                              (3, "paragraph", "The guide was published."), (4, "paragraph", "Trafficking fell."),
                              (5, "paragraph", "The end.")):
        insert(con, "passages", doc_sha256=R, doc="report_2010.txt", block_no=block, kind=kind, text=text)
    return con


# --- a search in the URL -----------------------------------------------------------------------------

def test_terms_of_a_query():
    assert terms_of("Trafficking, trafficking and EU-wide's x") == ["trafficking", "and", "eu-wide's"]
    assert terms_of("a1 b2 c3 d4 e5 f6 g7 h8 i9") == ["a1", "b2", "c3", "d4", "e5", "f6", "g7", "h8"]


def test_filters_from_the_url():
    f = Filters.from_params(QueryParams("q=++trafficking++&page=3&year_from=2009&year_to=2010&kind=event&kind=activity"
                                        "&kind=event&what=passages&more=theme"))
    assert f == Filters(q="trafficking", page=3, year_from=2009, year_to=2010, kind=("event", "activity"),
                        what="passages", more="theme")
    assert Filters.from_params({"what": "everything", "more": "nothing"}) == Filters()
    assert Filters.from_params({"page": "0"}).page == 1
    assert Filters.from_params({"page": "20000"}).page == 10_000
    assert Filters.from_params({"page": "999999"}).page == 10_000
    assert Filters.from_params({"q": "x" * 300}).q == "x" * 200
    assert Filters.from_params({"year_from": "  "}).year_from is None


@pytest.mark.parametrize("params, message", [
    ({"page": "1234567"}, "page must be a whole number in digits 0-9, not '1234567'"),
    ({"page": "²"}, "page must be a whole number in digits 0-9, not '²'"),
    ({"page": "-1"}, "page must be a whole number in digits 0-9, not '-1'"),
    ({"year_from": "٢٠٠٩"}, "year_from must be a year in digits 0-9, not '٢٠٠٩'"),
    ({"year_to": "12345"}, "year_to must be a year in digits 0-9, not '12345'"),
])
def test_filters_refuse_what_is_not_a_number_in_ascii_digits(params, message):
    with pytest.raises(BadParameter) as err:
        Filters.from_params(params)
    assert str(err.value) == message


def test_at_most_fifty_values_of_a_facet():
    assert len(Filters.from_params(QueryParams("&".join(f"doc=d{i}" for i in range(50)))).doc) == 50
    with pytest.raises(BadParameter) as err:
        Filters.from_params(QueryParams("&".join(f"doc=d{i}" for i in range(51))))
    assert str(err.value) == "at most 50 values of doc, not 51"


def test_urls_of_a_search():
    f = Filters(q="x", kind=("event",), page=2)
    assert f.params() == {"q": "x", "kind": ("event",), "page": 2}
    assert f.url() == "/search?q=x&kind=event&page=2"
    assert f.url("/export.csv") == "/export.csv?q=x&kind=event&page=2"
    assert f.url(kind="activity") == "/search?q=x&kind=activity"  # a change goes back to page 1
    assert f.url(kind="") == "/search?q=x"
    assert f.url(page=3) == "/search?q=x&kind=event&page=3"
    assert f.toggled("kind", "event") == "/search?q=x"
    assert f.toggled("kind", "activity") == "/search?q=x&kind=event&kind=activity"
    assert Filters(what="records", page=1).url() == "/search"
    assert Filters(what="passages").url() == "/search?what=passages"


def test_the_chips_of_a_search_each_remove_one_filter():
    f = Filters(q="x", kind=("event", "activity"), year_from=2009, page=4, what="passages", more="theme")
    assert f.active() == [
        ("kind", "event", "/search?q=x&kind=activity&year_from=2009&what=passages&more=theme"),
        ("kind", "activity", "/search?q=x&kind=event&year_from=2009&what=passages&more=theme"),
        ("year_from", "2009", "/search?q=x&kind=event&kind=activity&what=passages&more=theme"),
    ]


# --- searching in SQL ------------------------------------------------------------------------------------

def values(result, facet) -> dict:
    return {v["value"]: v["n"] for v in result["facets"].get(facet, {"values": []})["values"]}


def test_search_records_ranks_the_shorter_text_first_and_counts_facets(cur):
    result = q.search_records_sql(cur, Filters(q="trafficking"))
    assert [r["record_id"] for r in result["rows"]] == ["r1", "p1"]  # 45 characters before 49
    assert (result["total"], result["terms"]) == (2, ["trafficking"])
    assert values(result, "kind") == {"activity": 1, "event": 1}
    assert values(result, "theme") == {"trafficking": 2, "law_enforcement": 1}
    assert values(result, "year") == {"2009": 1, "2010": 1}
    assert values(result, "actor") == {"Police Academy": 1, "lt_moi": 1}  # the funder is no actor
    assert {r["record_id"]: (r["themes"], [a["key"] for a in r["actors"]]) for r in result["rows"]} == {
        "r1": (["trafficking"], ["lt_moi"]), "p1": (["trafficking", "law_enforcement"], ["Police Academy"])}


def test_a_term_may_be_the_records_place(cur):
    assert [r["record_id"] for r in q.search_records_sql(cur, Filters(q="vilnius"))["rows"]] == ["r1"]
    assert [r["record_id"] for r in q.search_records_sql(cur, Filters(q="riga trafficking"))["rows"]] == ["p1"]


@pytest.mark.parametrize("f, ids", [
    (Filters(), ["p1", "p2", "r1", "r2"]),  # no terms: by start date, undated last
    (Filters(kind=("event",)), ["r1", "r2"]),
    (Filters(kind=("event", "activity")), ["p1", "p2", "r1", "r2"]),
    (Filters(year_from=2010), ["r1"]),  # an undated record is in no year
    (Filters(year_to=2009), ["p1", "p2"]),
    (Filters(year_from=2009, year_to=2009), ["p1", "p2"]),
    (Filters(actor=("lt_moi",)), ["p2", "r1"]),
    (Filters(actor=("ncm",)), []),  # named as a funder only
    (Filters(theme=("trafficking",)), ["p1", "r1"]),
    (Filters(country=("LT",)), ["r1"]),
    (Filters(location=("Riga",)), ["p1"]),
    (Filters(doc=("report_2010.txt",)), ["r1", "r2"]),
    (Filters(genre=("table_plan",)), ["p1", "p2"]),
    (Filters(theme=("trafficking",), kind=("activity",)), ["p1"]),
])
def test_each_facet_filters_the_records(cur, f, ids):
    result = q.search_records_sql(cur, f)
    assert [r["record_id"] for r in result["rows"]] == ids
    assert result["total"] == len(ids)


def test_a_chosen_facet_counts_over_the_other_facets_hits(cur):
    result = q.search_records_sql(cur, Filters(kind=("event",), theme=("trafficking",)))
    assert [r["record_id"] for r in result["rows"]] == ["r1"]
    assert values(result, "kind") == {"activity": 1, "event": 1}  # choosing activity as well would add p1
    assert values(result, "theme") == {"trafficking": 1}  # r2 (no theme) is among the events


def test_renditions_listed_elsewhere_are_hidden(cur):
    assert [r["record_id"] for r in q.search_records_sql(cur, Filters(), hidden=(R,))["rows"]] == ["p1", "p2"]


def test_export_records_in_sql(cur):
    names, rows = q.export_records_sql(cur, Filters(q="trafficking"))
    assert names == ["record_id", "doc", "kind", "start", "end", "ref", "page", "row_no", "paragraph_no", "location",
                     "countries", "themes", "actors", "text", "score"]
    assert [(r[0], r[11], r[12]) for r in rows] == [("r1", ["trafficking"], ["Ministry of the Interior"]),
                                                    ("p1", ["trafficking", "law_enforcement"], ["Police Academy"])]
    assert rows[0][14] > rows[1][14] > 0


def test_search_and_export_passages_in_sql(cur):
    result = q.search_passages_sql(cur, Filters(q="trafficking", what="passages"))
    assert [(r["doc"], r["block_no"]) for r in result["rows"]] == [
        ("report_2010.txt", 4), ("report_2010.txt", 2), ("plan_2009.docx", 1)]  # 17, 45, 49 characters
    assert result["total"] == 3
    assert values(result, "doc") == {"report_2010.txt": 2, "plan_2009.docx": 1}
    assert values(result, "genre") == {"report": 2, "table_plan": 1}
    only_plan = q.search_passages_sql(cur, Filters(q="trafficking", genre=("table_plan",)))
    assert [r["block_no"] for r in only_plan["rows"]] == [1]
    names, rows = q.export_passages_sql(cur, Filters(q="trafficking", doc=("report_2010.txt",)))
    assert names == ["doc", "block_no", "kind", "label", "page", "paragraph_no", "text", "score"]
    assert [r[6] for r in rows] == ["Trafficking fell.", "A seminar on trafficking was held in Vilnius."]
    assert q.search_passages_sql(cur, Filters(q="trafficking"), hidden=(R,))["total"] == 1


def test_timeline_counts_records_per_year_and_theme(cur):
    assert q.timeline_sql(cur, Filters()) == [(2009, "guardianship", 1), (2009, "law_enforcement", 1),
                                              (2009, "trafficking", 1), (2010, "trafficking", 1)]
    assert q.timeline_sql(cur, Filters(theme=("trafficking",))) == [(2009, "trafficking", 1), (2010, "trafficking", 1)]


# --- single pages ------------------------------------------------------------------------------------------

def test_a_record_with_its_document_actors_and_themes(cur):
    rec = q.record(cur, "r1")
    assert (rec["text"], rec["genre"], rec["path"], rec["format"], rec["title"]) == (
        "A seminar on trafficking was held in Vilnius.", "report", "/nowhere/report_2010.txt", "txt", None)
    assert [(a["name"], a["key"], a["role"], a["source_field"]) for a in rec["actor_links"]] == [
        ("Ministry of the Interior", "lt_moi", "organiser", "text"), ("Nordic Council", "ncm", "funder", "funding")]
    assert rec["theme_links"] == [{"theme": "trafficking", "source": "text", "reason": "a word"}]
    p1 = q.record(cur, "p1")
    assert (p1["period_raw"], p1["period_start"], p1["actor_links"][0]["key"]) == ("2009", date(2009, 1, 1), "Police Academy")
    assert q.record(cur, "nothing") is None


def test_passages_around_a_block(cur):
    assert [p["block_no"] for p in q.passages_around(cur, R, 3)] == [1, 2, 3, 4, 5]
    assert [p["block_no"] for p in q.passages_around(cur, R, 0)] == [0, 1, 2]
    assert [p["block_no"] for p in q.passages_around(cur, R, 3, before=1, after=0)] == [2, 3]
    assert q.passages_around(cur, R, None) == []


def test_a_table_row_with_its_header_and_the_heading_before_its_table(cur):
    around = q.table_row_around(cur, P, 1, 1)
    assert [p["text"] for p in around["before"]] == ["Plan 2009"]
    assert [c["text"] for c in around["header"]] == ["Activity", "Deadline"]
    assert [c["text"] for c in around["row"]] == ["Training on child trafficking for police in Riga.", "March 2009"]
    header = q.table_row_around(cur, P, 1, 0)  # the header row itself: no header above it
    assert (header["header"], [c["text"] for c in header["row"]]) == ([], ["Activity", "Deadline"])
    assert q.table_row_around(cur, P, 1, None)["row"] == []


def test_documents_and_their_records_and_passages(cur):
    assert [d["name"] for d in q.documents(cur)] == ["plan_2009.docx", "report_2010.txt"]
    assert q.document(cur, "report_2010.txt")["quarantined"] == 1
    assert q.document(cur, "nothing.txt") is None
    assert q.source_file(cur, P) == ("/nowhere/plan_2009.docx", "plan_2009.docx")
    assert q.source_file(cur, "X" * 64) is None
    rows = q.document_records(cur, R, limit=10)
    assert [(r["record_id"], r["themes"], [a["name"] for a in r["actors"]]) for r in rows] == [
        ("r1", ["trafficking"], ["Ministry of the Interior"]), ("r2", [], [])]
    assert [r["record_id"] for r in q.document_records(cur, P, limit=1, offset=1)] == ["p2"]
    passages, in_all = q.document_passages(cur, R)
    assert ([p["block_no"] for p in passages], in_all) == ([0, 1, 2, 3, 4, 5], 6)
    # within 30 characters: "Report 2010" (11) and "The year began quietly." (23) make 34; the first is always shown
    passages, in_all = q.document_passages(cur, R, budget=30)
    assert ([p["block_no"] for p in passages], in_all) == ([0, 1], 6)
    passages, _ = q.document_passages(cur, R, budget=5)
    assert [p["block_no"] for p in passages] == [0]


def test_an_actors_page(cur):
    page = q.actor(cur, "lt_moi")
    assert [(n["name"], n["first_year"], n["last_year"], n["records"]) for n in page["names"]] == [
        ("Interior Ministry", 2009, 2009, 1), ("Ministry of the Interior", 2010, 2010, 1)]
    assert page["by_year"] == [(2009, 1), (2010, 1)]
    assert sorted(page["roles"]) == [("organiser", 1), ("responsible", 1)]
    assert (page["key"], page["label"]) == ("lt_moi", "Ministry of the Interior")
    assert q.actor(cur, "ncm")["by_year"] == []  # a funder only: no year of activity
    assert q.actor(cur, "nobody") is None


def test_check_runs_with_their_counts(cur):
    insert(cur, "check_runs", check_id="c1", report_doc="report_2010.txt", report_sha256=R, plan_docs=["plan_2009.docx"],
           created_at=NOW, threshold_evidenced=0.6, threshold_partly=0.4, commitments=3)
    for rid, status in (("p1", "evidenced"), ("p2", "overdue"), ("x", "partly evidenced")):
        insert(cur, "commitment_checks", check_id="c1", record_id=rid, plan_doc="plan_2009.docx", commitment_text="t",
               status=status, score=0.5)
    runs = q.check_runs(cur)
    assert [(r["check_id"], r["commitments"], r["evidenced"], r["partly"], r["none"], r["overdue"]) for r in runs] == [
        ("c1", 3, 1, 1, 0, 1)]
