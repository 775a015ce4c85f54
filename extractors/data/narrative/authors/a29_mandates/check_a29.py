"""Self-check of a29_mandates without planscope (adapted from a24_conferencereports/check_a24.py) (run from this folder with a Python that
has python-docx and pdfplumber): units parse and counts, expected .jsonl shape, record texts in
.txt / .docx / .pdf (whitespace-normalised), manifest, sealed texts not reused."""
import collections, csv, datetime, glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
# the repo root is found by walking up; the sealed part is in sealed/ or, once moved, in
# tests/fixtures/prose_sealed/a29_mandates
ROOT = HERE
while not os.path.isdir(os.path.join(ROOT, "extractors", "data", "narrative", "sheets")):
    ROOT = os.path.dirname(ROOT)
SEALED = os.path.join(HERE, "sealed")
if not os.path.isdir(SEALED):
    SEALED = os.path.join(ROOT, "tests/fixtures/prose_sealed/a29_mandates")
sys.path.insert(0, os.path.join(ROOT, "extractors/data/narrative/sheets"))
from build_jsonl import parse  # noqa: E402

THEMES = {"sexual_exploitation", "online_exploitation", "trafficking", "migration",
          "alternative_care", "street_children", "young_offenders", "child_friendly_justice",
          "violence_prevention", "early_intervention", "child_rights", "governance"}
KEYS = {"doc", "kind", "text", "start", "end", "actors", "themes", "location", "funding",
        "optional", "ref", "theme_why"}
norm = lambda t: " ".join(t.split())
bad = []


def docx_text(p):
    from docx import Document
    d = Document(p)
    parts = [x.text for x in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for c in row.cells:
                parts.append(c.text)
    return norm(" ".join(parts))


def pdf_text(p):
    """Page text (a hyphen at a line end joined to the next line) plus the text of every table
    cell (pdfplumber.extract_tables), since a PDF interleaves the lines of a table's cells."""
    import pdfplumber
    parts, cells = [], []
    with pdfplumber.open(p) as pdf:
        for pg in pdf.pages:
            parts.append(re.sub(r"-\n", "-", pg.extract_text() or ""))
            for t in pg.extract_tables():
                for row in t:
                    cells += [re.sub(r"-\n", "-", c or "") for c in row]
    # cells in order, so that a row split over a page break reads on
    return norm(" ".join(parts) + " " + " ".join(cells))


def check_set(root, period_of):
    n = collections.Counter()
    for f in sorted(glob.glob(f"{root}/expected/*.jsonl")):
        stem = os.path.basename(f)[:-6]
        txt = norm(open(f"{root}/docs/{stem}.txt").read())
        dx = f"{root}/docs_docx/{stem}.docx"
        pf = f"{root}/docs_pdf/{stem}.pdf"
        dxt = docx_text(dx) if os.path.exists(dx) else None
        pft = pdf_text(pf) if os.path.exists(pf) else None
        if os.path.exists(dx) != os.path.exists(pf):
            bad.append(("docx/pdf pair", stem))
        recs = [json.loads(l) for l in open(f)]
        for r in recs:
            n[(stem, r["kind"])] += 1
            n[(stem, "optional")] += bool(r.get("optional"))
            if set(r) - KEYS: bad.append(("keys", stem, set(r) - KEYS))
            if r["doc"] != stem or r["kind"] not in ("event", "activity"): bad.append(("doc/kind", r))
            if r["text"] not in txt: bad.append(("not in txt", stem, r["text"]))
            if dxt is not None and r["text"] not in dxt: bad.append(("not in docx", stem, r["text"]))
            if pft is not None and r["text"] not in pft: bad.append(("not in pdf", stem, r["text"]))
            for k in ("start", "end"):
                if r.get(k) is not None:
                    datetime.date.fromisoformat(r[k])
            if ("start" in r) != ("end" in r): bad.append(("start/end", r["text"]))
            if r.get("start") and r.get("end") and r["start"] > r["end"]: bad.append(("order", r["text"]))
            if r["kind"] == "activity" and "location" in r: bad.append(("location on activity", r["text"]))
            if r.get("location") and r["location"] not in txt: bad.append(("location not in doc", r["text"]))
            a = r.get("actors", [])
            if not (isinstance(a, list) and all(isinstance(x, list) and x and all(isinstance(y, str) for y in x) for x in a)):
                bad.append(("actors", r["text"]))
            if "themes" in r:
                if not r["themes"] or set(r["themes"]) - THEMES: bad.append(("themes", r))
                if set(r["theme_why"]) != set(r["themes"]): bad.append(("theme_why", r["text"]))
        print(stem, len(recs), "E", n[(stem, "event")], "A", n[(stem, "activity")],
              "opt", n[(stem, "optional")], "words", len(open(f"{root}/docs/{stem}.txt").read().split()),
              "docx" if dxt else "", "pdf" if pft else "")
    rows = list(csv.DictReader(open(f"{root}/manifest.csv")))
    stems = {os.path.basename(p)[:-4] for p in glob.glob(f"{root}/docs/*.txt")}
    if {r["file"] for r in rows} != stems: bad.append(("manifest", root))
    for r in rows:
        datetime.date.fromisoformat(r["period_start"]); datetime.date.fromisoformat(r["period_end"])
        if r["genre"] not in ("report", "plan", "news", "slides", "priorities"): bad.append(("genre", r))


units = parse(f"{HERE}/units.txt")
for i, l in enumerate(open(f"{HERE}/units.txt"), 1):
    if l.strip() and not re.match(r"^(#|@g |@h |@l |[EAN]\*? )", l): bad.append(("unit line", i, l))
c = collections.Counter(u["label"] for u in units)
print("units", len(units), dict(c), {k: f"{v / len(units):.0%}" for k, v in c.items()},
      "in_list", sum(u["in_list"] for u in units), dict(collections.Counter(u["genre"] for u in units)))
print("headings", sum(1 for l in open(f"{HERE}/units.txt") if l.startswith("@h ")),
      "lead-ins", sum(1 for l in open(f"{HERE}/units.txt") if l.startswith("@l ")))
dups = [t for t, k in collections.Counter(u["text"] for u in units).items() if k > 1]
if dups: bad.append(("dup units", dups))
check_set(HERE, None)
check_set(f"{SEALED}", None)

# sealed shares no sentence with units or docs
def sents(t):
    return [norm(s) for s in re.split(r"(?<=[.;!?])\s+|\n\s*\n", t) if len(s.split()) >= 4]
open_s = {s.lower() for u in units for s in [u["text"]]}
for p in glob.glob(f"{HERE}/docs/*.txt"):
    open_s |= {s.lower() for s in sents(open(p).read())}
for p in glob.glob(f"{SEALED}/docs/*.txt"):
    for s in sents(open(p).read()):
        if s.lower() in open_s: bad.append(("sealed reuses", s))
# a29 brief: 350-450 units, each label roughly a third; documents 400-700 words; CBSS
# children-at-risk material at most 30 % of the units (part 10 of units.txt) and 1 of 5 documents
if not 350 <= len(units) <= 450: bad.append(("unit count", len(units)))
for k, v in c.items():
    if not 0.25 <= v / len(units) <= 0.42: bad.append(("label share", k, v))
lines = open(f"{HERE}/units.txt", encoding="utf-8").read().split("# part 10", 1)
cbss = sum(1 for l in lines[1].splitlines() if re.match(r"^[EAN]\*? ", l)) if len(lines) > 1 else 0
print("CBSS children-at-risk units", cbss, f"{cbss / len(units):.0%}")
if cbss / len(units) > 0.30: bad.append(("CBSS share", cbss))
for p in glob.glob(f"{HERE}/docs/*.txt") + glob.glob(f"{SEALED}/docs/*.txt"):
    nw = len(open(p).read().split())
    if not 400 <= nw <= 700: bad.append(("words", p, nw))
# docx: Word styles, header/footer present, no typed bullet characters in list paragraphs
from docx import Document
for p in glob.glob(f"{HERE}/docs_docx/*.docx") + glob.glob(f"{SEALED}/docs_docx/*.docx"):
    d = Document(p)
    styles = {x.style.name for x in d.paragraphs}
    if not {"Title", "Heading 1"} <= styles or not any(x.startswith("List") for x in styles):
        bad.append(("docx styles", p, styles))
    if not d.sections[0].header.paragraphs[0].text or not d.sections[0].footer.paragraphs[0].text:
        bad.append(("docx header/footer", p))
    if not d.tables: bad.append(("docx table", p))
    for x in d.paragraphs:
        if x.style.name.startswith("List") and x.text[:1] in "-•*\u2022–": bad.append(("bullet char", p, x.text))
print("PROBLEMS:" if bad else "all checks passed")
for b in bad: print(" ", b)
