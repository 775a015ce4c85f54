"""`planscope check` on hand-labelled plan/report pairs and on the corpus, in every output format."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import duckdb
import pytest

from checking.run import run_check
from tests.conftest import CORPUS, FIXTURES, run_cli

CHECK = FIXTURES / "check"
LABELS = json.loads((CHECK / "labels.json").read_text())


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    db = tmp_path_factory.mktemp("check") / "w.duckdb"
    results = []
    for pair in LABELS["pairs"]:
        result = run_check(str(db), str(CHECK / pair["report"]), [str(CHECK / pair["plan"])])
        results.append((pair, result))
    return db, results


def test_evidenced_precision_and_recall_on_labelled_pairs(checked):
    _, results = checked
    tp = fp = fn = 0
    for pair, result in results:
        got = {r.commitment.ref: r.status for r in result.results}
        assert set(got) == set(pair["labels"])
        for ref, label in pair["labels"].items():
            predicted = got[ref] == "evidenced"
            tp += predicted and label == "evidenced"
            fp += predicted and label != "evidenced"
            fn += (not predicted) and label == "evidenced"
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.85 and recall >= 0.85, (precision, recall)


def test_postponed_is_not_evidence_and_overdue_is_flagged(checked):
    _, results = checked
    plan_a = {r.commitment.ref: r for r in results[0][1].results}
    assert plan_a["row 9"].status == "overdue"  # "postponed to 2012": a strong match that says it was not done
    assert plan_a["row 7"].status == "overdue"  # due April 2011, nothing in the report
    assert plan_a["row 4"].status == "no evidence"  # due at the report's end: not overdue yet
    best = plan_a["row 3"].evidence[0]
    assert best[0].text.startswith("Meeting of the National Contact Points") and best[0].kind == "event"


def test_results_are_stored_and_queryable(checked):
    db, _ = checked
    con = duckdb.connect(str(db), read_only=True)
    never = con.execute("""SELECT c.ref FROM commitment_checks c JOIN check_runs r USING (check_id)
        WHERE r.report_doc = 'report_2010_2011.txt' AND c.status IN ('no evidence', 'overdue') ORDER BY c.ref""").fetchall()
    assert [r[0] for r in never] == ["row 4", "row 7", "row 9"]
    quotes = con.execute("SELECT count(*) FROM commitment_evidence WHERE evidence_text LIKE '%AudTrain%'").fetchone()[0]
    assert quotes >= 1


@pytest.mark.parametrize("fmt", ["json", "csv", "md", "html"])
def test_every_output_format(tmp_path, fmt):
    out = tmp_path / f"check.{fmt}"
    db = tmp_path / "w.duckdb"
    run_cli("check", str(CHECK / "report_2012_2013.txt"), "--against", str(CHECK / "plan_alternative_care_2012_2013.txt"),
            "--format", fmt, "--out", str(out), db=db, check=True)
    text = out.read_text()
    if fmt == "json":
        rows = json.loads(text)
        assert len(rows) == 10
        assert {"commitment_text", "plan_doc", "deadline", "status", "score", "evidence"} <= set(rows[0])
        assert {"text", "doc", "page", "score"} <= set(rows[0]["evidence"][0])
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == 10 and rows[0]["status"] == "evidenced"
    elif fmt == "md":
        assert text.startswith("# Commitments checked against report_2012_2013.txt") and text.count("\n| plan_alt") == 10
    else:
        assert "<svg" in text and 'id="summary"' in text and "<mark>" in text


def test_check_on_the_corpus_report_against_the_warehouse(corpus_db, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copyfile(corpus_db, db)
    out = run_cli("check", str(CORPUS / "004_2ce97f0e434d4dce.docx"), "--format", "json", db=db, check=True)
    rows = json.loads(out.stdout)
    assert len(rows) == 20 + 35  # each earlier plan once, not once per rendition
    assert {r["plan_doc"].split(".")[0] for r in rows} == {"000_e3e456b1fc67bad2", "001_856aa1f959aca59f"}
    assert all(r["status"] in ("evidenced", "partly evidenced", "overdue") for r in rows)  # all due years before 2017


def chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(not chromium(), reason="Debian chromium not installed (.ci/run installs it)")
def test_html_report_renders_in_headless_chromium(tmp_path):
    html = tmp_path / "check.html"
    db = tmp_path / "w.duckdb"
    run_cli("check", str(CHECK / "report_2010_2011.txt"), "--against", str(CHECK / "plan_2010_2011.txt"),
            "--format", "html", "--out", str(html), db=db, check=True)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    shot = tmp_path / "summary.png"
    subprocess.run([chromium(), *flags, f"--screenshot={shot}", "--window-size=1280,800", html.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000
    from PIL import Image

    image = Image.open(shot).convert("RGB")
    colours = {c for _, c in image.getcolors(maxcolors=1 << 22)}
    assert (0x2e, 0x7d, 0x32) in colours and (0xc6, 0x28, 0x28) in colours  # evidenced and overdue bars drawn
    dom = subprocess.run([chromium(), *flags, "--dump-dom", html.as_uri()], capture_output=True, text=True, timeout=120)
    assert 'id="summary"' in dom.stdout and "12</div>commitments" in dom.stdout
