"""serve's page cache and charts, exactly (issue 29): small inputs, values by hand."""
from __future__ import annotations

import pytest

from serve.cache import Entry, PageCache
from serve.charts import PALETTE, theme_colours, timeline_svg, year_bars_svg

pytestmark = pytest.mark.unit


def page(body: bytes) -> Entry:
    return Entry(body=body, status=200, media_type="text/html", headers=())


def test_a_page_is_rendered_once_per_version_and_forgotten_when_it_changes():
    version = {"v": 1}
    cache = PageCache(lambda: version["v"], max_bytes=100, max_entry_bytes=50)
    renders = []

    def render(body=b"abc"):
        renders.append(body)
        return page(body)

    assert cache.get("/a", render) == (page(b"abc"), False)
    assert cache.get("/a", render) == (page(b"abc"), True)
    assert (cache.hits, len(renders)) == (1, 1)
    version["v"] = 2  # an ingest wrote the warehouse
    assert cache.get("/a", render) == (page(b"abc"), False)
    assert len(renders) == 2


def test_what_must_not_be_kept_is_not_kept():
    cache = PageCache(lambda: 1, max_bytes=100, max_entry_bytes=10)
    assert cache.get("/err", lambda: None) == (None, False)
    assert cache.get("/big", lambda: page(b"x" * 11)) == (page(b"x" * 11), False)
    assert cache.get("/big", lambda: page(b"y" * 11))[1] is False  # over max_entry_bytes: rendered each time
    assert cache.get("/ten", lambda: page(b"z" * 10)) == (page(b"z" * 10), False)
    assert cache.get("/ten", lambda: page(b"q"))[1] is True  # exactly max_entry_bytes is kept


def test_a_page_rendered_while_the_warehouse_changed_is_not_kept():
    versions = iter([1, 1, 2, 2, 2, 2])
    cache = PageCache(lambda: next(versions), max_bytes=100)
    assert cache.get("/a", lambda: page(b"old")) == (page(b"old"), False)
    assert cache.get("/a", lambda: page(b"new")) == (page(b"new"), False)


def test_least_recently_used_pages_go_first_past_the_byte_limit():
    cache = PageCache(lambda: 1, max_bytes=10, max_entry_bytes=10)
    cache.get("/a", lambda: page(b"aaaa"))
    cache.get("/b", lambda: page(b"bbbb"))
    cache.get("/a", lambda: page(b"----"))  # /a used again: /b is now the oldest
    cache.get("/c", lambda: page(b"cccc"))  # 12 bytes > 10: /b goes
    assert cache.get("/a", lambda: page(b"----"))[1] is True
    assert cache.get("/c", lambda: page(b"----"))[1] is True
    assert cache.get("/b", lambda: page(b"bbbb"))[1] is False
    assert cache.max_entry_bytes == 10 and PageCache(lambda: 1, max_bytes=5, max_entry_bytes=10).max_entry_bytes == 5


def test_theme_colours_follow_the_sorted_themes():
    assert theme_colours(["b", "a", "b"]) == {"a": PALETTE[0], "b": PALETTE[1]}
    many = theme_colours([f"t{i:02d}" for i in range(16)])
    assert many["t15"] == PALETTE[0]


def test_timeline_bars_are_stacked_and_linked():
    svg = str(timeline_svg([(2001, "care", 2), (2001, "police", 1), (2003, "care", 3)],
                           lambda y, t: f"/search?year={y}&theme={t or ''}", height=130, bar=20))
    # top 3 -> scale (130 - 24 - 10) / 3 = 32 per record; years 2001..2003, 26 px apart from x = 40
    assert '<text x="4" y="14" font-size="11">3</text>' in svg
    assert 'width="128" height="130"' in svg
    assert ('<a href="/search?year=2001&amp;theme=care" class="bar" data-year="2001" data-theme="care">'
            '<rect x="40" y="42.0" width="20" height="64.0" fill="#1f77b4"><title>2001 · care: 2</title></rect></a>') in svg
    assert '<rect x="40" y="10.0" width="20" height="32.0" fill="#ff7f0e"><title>2001 · police: 1</title></rect>' in svg
    assert '<rect x="92" y="10.0" width="20" height="96.0" fill="#1f77b4"><title>2003 · care: 3</title></rect>' in svg
    assert 'x="66"' not in svg  # 2002 has no records: no bar and no label
    assert '<a href="/search?year=2003&amp;theme="><text x="102.0" y="122" font-size="10"' in svg
    assert svg.endswith('<div class="legend"><span class="swatch" style="background:#1f77b4"></span>care '
                        '<span class="swatch" style="background:#ff7f0e"></span>police </div>')
    assert str(timeline_svg([], lambda y, t: "")) == "<p>No dated records match.</p>"


def test_year_bars():
    svg = str(year_bars_svg([(2001, 2), (2003, 4)], lambda y: f"/y/{y}", height=70, bar=10))
    # top 4 -> scale (70 - 30) / 4 = 10 per record; years 14 px apart from x = 4
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="52" height="70"')
    assert '<a href="/y/2001"><rect x="4" y="32.0" width="10" height="20.0" fill="#1f77b4"><title>2001: 2</title></rect></a>' in svg
    assert '<text x="9.0" y="29.0" font-size="9" text-anchor="middle">2</text>' in svg
    assert '<rect x="32" y="12.0" width="10" height="40.0"' in svg
    assert '<text x="23.0" y="66" font-size="9" text-anchor="middle">2002</text>' in svg and "/y/2002" not in svg
    assert str(year_bars_svg([], lambda y: "")) == ""
