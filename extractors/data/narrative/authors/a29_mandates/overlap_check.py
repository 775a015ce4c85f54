"""(adapted from a24_conferencereports/overlap_check.py) Word-Dice overlap of a29's sentences (units, docs, sealed docs) against the other authors' units
and documents, train.jsonl and heldout.jsonl, and of sealed against units/docs. Prints pairs >= 0.8."""
import collections, glob, json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = HERE
while not os.path.isdir(os.path.join(ROOT, "extractors", "data", "narrative", "sheets")):
    ROOT = os.path.dirname(ROOT)
SEALED = os.path.join(HERE, "sealed")
if not os.path.isdir(SEALED):
    SEALED = os.path.join(ROOT, "tests/fixtures/prose_sealed/a29_mandates")
NARR = os.path.join(ROOT, "extractors/data/narrative")
def words(t):
    return collections.Counter(re.sub(r"[^\w\s]", " ", t.lower()).split())
def dice(a, b):
    n = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / n if n else 0
def sents(text):
    text = re.sub(r"-\n", "-", text)
    out = []
    for block in re.split(r"\n\s*\n", text):
        for line in block.split("\t"):
            for s in re.split(r"(?<=[.;!?])\s+", " ".join(line.split())):
                if len(s.split()) >= 4:
                    out.append(s)
    return out
def unit_texts(p):
    return [l.split(" ", 1)[1].strip() for l in open(p, encoding="utf-8")
            if re.match(r"^[EAN]\*? ", l)]
mine, sealed = [], []
mine += [("units", t) for t in unit_texts(f"{HERE}/units.txt")]
for p in glob.glob(f"{HERE}/docs/*.txt"):
    mine += [(os.path.basename(p), s) for s in sents(open(p).read())]
for p in glob.glob(f"{SEALED}/docs/*.txt"):
    sealed += [("sealed/" + os.path.basename(p), s) for s in sents(open(p).read())]
corpus = []
for p in (q for q in glob.glob(f"{NARR}/authors/*/units.txt") if "/a29_mandates/" not in q):  # not itself, once moved
    corpus += [(p.split("/")[-2], t) for t in unit_texts(p)]
for p in (q for q in glob.glob(f"{NARR}/authors/*/docs/*.txt") if "/a29_mandates/" not in q):
    corpus += [(p.split("/")[-3] + "/" + os.path.basename(p), s) for s in sents(open(p).read())]
for f in ("train.jsonl", "heldout.jsonl"):
    corpus += [(f, json.loads(l)["text"]) for l in open(f"{NARR}/{f}")]
print(len(mine), len(sealed), len(corpus))
def index(items):
    inv = collections.defaultdict(set)
    cw = [words(t) for _, t in items]
    for i, w in enumerate(cw):
        for k in w:
            inv[k].add(i)
    return inv, cw
def compare(a_items, b_items, label):
    inv, cw = index(b_items)
    hits = 0
    for src, t in a_items:
        w = words(t)
        if sum(w.values()) < 3:
            continue
        cand = collections.Counter()
        for k in w:
            if len(inv.get(k, ())) < 3000:
                for i in inv.get(k, ()):
                    cand[i] += 1
        for i, _ in cand.most_common(30):
            d = dice(w, cw[i])
            if d >= 0.8:
                hits += 1
                print(f"{label} {d:.2f} [{src}] {t}\n      [{b_items[i][0]}] {b_items[i][1]}")
    return hits
h = compare(mine + sealed, corpus, "REPO")
h += compare(sealed, mine, "SEALED")
# units against this set's own documents (the documents should not repeat the units)
docs_only = [m for m in mine if m[0] != "units"]
h += compare([m for m in mine if m[0] == "units"], docs_only, "OWNDOCS")
print("pairs >= 0.8:", h)
