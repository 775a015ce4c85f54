"""Sanity checks for a18_agendas (no planscope import). Run from this folder:
    python check_a18.py [--docx]   (--docx also checks the .docx renditions; needs python-docx)
Checks: units.txt markers; expected/*.jsonl parse and fields per records.md; record texts are
substrings of the whitespace-normalised documents; manifest rows; sealed texts not reused.
"""
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEALED = os.path.normpath(os.path.join(HERE, "../../../../../tests/fixtures/prose_sealed/a18_agendas"))
THEMES = {"sexual_exploitation", "online_exploitation", "trafficking", "migration",
          "alternative_care", "street_children", "young_offenders", "child_friendly_justice",
          "violence_prevention", "early_intervention", "child_rights", "governance"}
KEYS = {"doc", "kind", "text", "start", "end", "actors", "countries", "themes",
        "priority_codes", "location", "funding", "optional"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
errors = []


def norm(t):
    return " ".join(t.split())


def check_units(path):
    n = 0
    for i, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith(("@g ", "@h ", "@l ")):
            if line.startswith("@g ") and line[3:].strip() not in {
                    "report", "news", "slides", "priorities", "plan"}:
                errors.append(f"units {i}: bad genre")
            continue
        tag, _, text = line.partition(" ")
        if tag not in {"E", "A", "N", "E*", "A*", "N*"} or not text.strip():
            errors.append(f"units {i}: bad line {line[:50]}")
        n += 1
    return n


def docx_text(path):
    from docx import Document
    d = Document(path)
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for r in t.rows:
            parts += [c.text for c in r.cells]
    for s in d.sections:
        parts += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
    return norm(" ".join(parts))


def check_set(root, do_docx):
    man = list(csv.DictReader(open(f"{root}/manifest.csv", encoding="utf-8")))
    assert [*man[0].keys()] == ["file", "title", "period_start", "period_end", "genre", "source"]
    texts = []
    for row in man:
        stem = row["file"]
        if not (DATE.match(row["period_start"]) and DATE.match(row["period_end"])):
            errors.append(f"{stem}: bad period")
        doc = norm(open(f"{root}/docs/{stem}.txt", encoding="utf-8").read())
        # hard-wrapped lines: words split only at spaces, so normalising is enough
        dx = None
        if do_docx and os.path.exists(f"{root}/docs_docx/{stem}.docx"):
            dx = docx_text(f"{root}/docs_docx/{stem}.docx")
        counts = {"event": 0, "activity": 0, "optional": 0}
        for k, line in enumerate(open(f"{root}/expected/{stem}.jsonl", encoding="utf-8"), 1):
            r = json.loads(line)
            where = f"{stem}:{k}"
            if set(r) - KEYS:
                errors.append(f"{where}: unknown keys {set(r) - KEYS}")
            if r["doc"] != stem:
                errors.append(f"{where}: doc")
            if r["kind"] not in ("event", "activity"):
                errors.append(f"{where}: kind")
            counts[r["kind"]] += 1
            counts["optional"] += bool(r.get("optional"))
            if norm(r["text"]) != r["text"] or r["text"] not in doc:
                errors.append(f"{where}: text not in doc: {r['text'][:50]}")
            if dx is not None and r["text"] not in dx:
                errors.append(f"{where}: text not in docx: {r['text'][:50]}")
            for f in ("start", "end"):
                if f in r and r[f] is not None and not DATE.match(r[f]):
                    errors.append(f"{where}: {f}")
            if ("start" in r) != ("end" in r):
                errors.append(f"{where}: start/end pair")
            if r.get("start") and r.get("end") and r["start"] > r["end"]:
                errors.append(f"{where}: start > end")
            if "actors" in r and not all(isinstance(a, list) and a and all(
                    isinstance(x, str) for x in a) for a in r["actors"]):
                errors.append(f"{where}: actors must be list of lists")
            if "themes" in r and (not r["themes"] or set(r["themes"]) - THEMES):
                errors.append(f"{where}: themes")
            if r["kind"] == "activity" and "location" in r:
                errors.append(f"{where}: location on activity")
            if "location" in r and r["location"] and r["location"] not in r["text"]:
                errors.append(f"{where}: location not named in text")
            texts.append(r["text"])
        print(f"{stem}: {counts['event'] + counts['activity']} records "
              f"({counts['event']} E / {counts['activity']} A / {counts['optional']} optional), "
              f"{len(doc.split())} words")
    return texts


if __name__ == "__main__":
    do_docx = "--docx" in sys.argv
    n = check_units(f"{HERE}/units.txt")
    print("units:", n)
    own = check_set(HERE, do_docx)
    sealed = check_set(SEALED, do_docx)
    unit_texts = {norm(l[2:].lstrip()) for l in open(f"{HERE}/units.txt", encoding="utf-8")
                  if l[:1] in "EAN"}
    docs_all = " ".join(norm(open(f"{HERE}/docs/{f}", encoding="utf-8").read())
                        for f in os.listdir(f"{HERE}/docs"))
    for t in sealed:
        if t in unit_texts or (len(t.split()) > 3 and t in docs_all):
            errors.append(f"sealed text reused: {t[:50]}")
    for t in own:
        if t in unit_texts:
            print("note: doc record also a unit:", t[:60])
    print("\n".join(errors) if errors else "OK")
    sys.exit(1 if errors else 0)
