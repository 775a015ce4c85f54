"""Themes of prose records (spec/themes.md): a news item whose headline says what it is about
passes that theme to every record inside; topic words of the vocabulary. Expectations by hand."""
from __future__ import annotations

import json
import textwrap

from conftest import run_cli
from tests.test_narrative import write


def _themes(tmp_path, body: str) -> dict[str, list[str]]:
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder / "news.txt", body)
    manifest = write(tmp_path / "manifest.csv", "file,title,period_start,period_end,genre,source\n"
                                                 "news,,2011-01-01,2011-12-31,news,test\n")
    run_cli("ingest", str(folder), "--manifest", str(manifest), db=tmp_path / "w.duckdb", check=True)
    out = run_cli("sql", "--json", "SELECT text, themes FROM records ORDER BY char_start", db=tmp_path / "w.duckdb",
                  check=True)
    return {r["text"]: r["themes"] for r in json.loads(out.stdout)}


def test_a_headline_that_says_what_the_news_is_about_passes_its_theme_down(tmp_path):
    themes = _themes(tmp_path, textwrap.dedent("""\
        Expert Group meets in Vilnius to discuss children in care

        On 3-4 May 2011 the Expert Group met in Vilnius at the invitation of the Lithuanian ministry.

        In January 2011 the Unit published a short guide on age assessment.
        """))
    met = [t for text, t in themes.items() if text.startswith("On 3-4 May")]
    guide = [t for text, t in themes.items() if text.startswith("In January")]
    assert met and "alternative_care" in met[0]
    assert guide and {"alternative_care", "migration"} <= set(guide[0])


def test_a_headline_about_one_event_passes_nothing_down(tmp_path):
    themes = _themes(tmp_path, textwrap.dedent("""\
        Expert Group meets in Vilnius

        On 3-4 May 2011 the Expert Group met in Vilnius at the invitation of the Lithuanian ministry.
        """))
    assert list(themes.values()) == [["governance"]]
