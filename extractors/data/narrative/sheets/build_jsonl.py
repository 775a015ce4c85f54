"""Turn the hand-written annotation sheets into jsonl (the sheets are the source of truth).

Sheet format, one line each: `@g GENRE` sets the genre (and clears heading and lead-in);
`@h HEADING` sets the heading (`@h -` for none) and clears the lead-in; `@l LEAD-IN` sets the
lead-in of the list items that follow; `E|A|N text` is an event/activity/none line, and a `*`
after the letter (`A* ...`) marks a list item. `#` starts a comment.

    python extractors/data/narrative/sheets/build_jsonl.py extractors/data/narrative/train.jsonl extractors/data/narrative/sheets/train_*.txt
    python extractors/data/narrative/sheets/build_jsonl.py extractors/data/narrative/heldout.jsonl extractors/data/narrative/sheets/heldout/*.txt
"""
import json, sys, collections
LAB = {"E": "event", "A": "activity", "N": "none"}
GENRES = {"report", "news", "slides", "priorities", "plan"}
def parse(path):
    out = []
    g = h = l = None
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@g "):
            g = line[3:].strip(); assert g in GENRES, (path, n, g); h = l = None; continue
        if line.startswith("@h "):
            v = line[3:].strip(); h = None if v == "-" else v; l = None; continue
        if line.startswith("@l "):
            v = line[3:].strip(); l = None if v == "-" else v; continue
        tag, _, text = line.partition(" ")
        in_list = tag.endswith("*")
        lab = LAB.get(tag.rstrip("*"))
        assert lab and text.strip() and g, (path, n, line)
        out.append({"text": text.strip(), "label": lab, "in_list": in_list,
                    "heading": h, "lead_in": l if in_list else None, "genre": g})
    return out
if __name__ == "__main__":
    dest = sys.argv[1]; rows = []
    for p in sys.argv[2:]:
        rows += parse(p)
    texts = [r["text"] for r in rows]
    dups = [t for t, c in collections.Counter(texts).items() if c > 1]
    if dups: print("DUPLICATES", dups)
    with open(dest, "w", encoding="utf-8") as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(dest, len(rows), collections.Counter(r["label"] for r in rows), collections.Counter(r["genre"] for r in rows))
