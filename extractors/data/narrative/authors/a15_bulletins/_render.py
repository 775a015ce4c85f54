"""Render a15_bulletins documents (no content here) to .txt, .docx and expected .jsonl.

A document is a dict: stem, title, period (start, end), wrap (int or None), header, footer,
blocks. Blocks:
  ("mast", [lines])           masthead lines
  ("h1", text) / ("h2", text)  headings
  ("p", [items])               paragraph; items are str or R(...)
  ("ul", [items])              bulleted list (one item each)
  ("cal", [(date, place, item)])  calendar table; item is str or R(...)
  ("fn", text)                 footnote text
  ("pb",)                      page break (txt: footer + header repeated)
R(kind, text, pre="", **fields): a record; `pre` is printed before the text but is not part
of the record's text (a dateline "Riga, 30 November – ").
"""
import json
import os
import textwrap


class R:
    def __init__(self, kind, text, pre="", **fields):
        self.kind = {"E": "event", "A": "activity"}[kind]
        self.text, self.pre, self.fields = text, pre, fields

    def printed(self):
        return self.pre + self.text


def s(item):
    return item.printed() if isinstance(item, R) else item


def records(doc):
    out = []

    def add(item):
        if isinstance(item, R):
            rec = {"doc": doc["stem"], "kind": item.kind, "text": " ".join(item.text.split())}
            rec.update(item.fields)
            out.append(rec)

    for b in doc["blocks"]:
        if b[0] in ("p", "ul"):
            for it in b[1]:
                add(it)
        elif b[0] == "cal":
            for _, _, it in b[1]:
                add(it)
    return out


def render_txt(doc):
    w = doc.get("wrap")
    lines = []
    page = [1]

    def wrap(text, indent="", first=""):
        if not w:
            return [first + text]
        return textwrap.wrap(text, width=w, initial_indent=first, subsequent_indent=indent,
                             break_on_hyphens=False) or [""]

    if doc.get("header"):
        lines += [doc["header"], ""]
    fns = []
    for b in doc["blocks"]:
        t = b[0]
        if t == "mast":
            lines += b[1] + [""]
        elif t == "h1":
            lines += [b[1], ""]
        elif t == "h2":
            lines += [b[1], ""]
        elif t == "p":
            lines += wrap(" ".join(s(i) for i in b[1])) + [""]
        elif t == "ul":
            for i in b[1]:
                lines += wrap(s(i), indent="  ", first=doc.get("bullet", "- "))
            lines += [""]
        elif t == "cal":
            for d, pl, it in b[1]:
                head = f"{d:<22}{pl:<14}"
                if w:
                    lines += textwrap.wrap(s(it), width=w, initial_indent=head,
                                           subsequent_indent=" " * 36)
                else:
                    lines.append(head + s(it))
            lines += [""]
        elif t == "fn":
            fns.append(b[1])
        elif t == "pb":
            if fns:
                lines += ["_____", *fns, ""]
                fns = []
            if doc.get("footer"):
                lines += [doc["footer"].format(page=page[0]), "\f" if doc.get("formfeed") else ""]
            page[0] += 1
            if doc.get("header"):
                lines += [doc["header"], ""]
    if fns:
        lines += ["_____", *fns, ""]
    if doc.get("footer"):
        lines += [doc["footer"].format(page=page[0])]
    return "\n".join(lines).rstrip() + "\n"


def render_docx(doc, path):
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    d = Document()
    sec = d.sections[0]
    if doc.get("header"):
        sec.header.paragraphs[0].text = doc["header"]
    if doc.get("footer"):
        sec.footer.paragraphs[0].text = doc["footer"].replace("page {page}", "").replace(
            "{page}", "").strip(" |·-")
    first_mast = True
    for b in doc["blocks"]:
        t = b[0]
        if t == "mast":
            for ln in b[1]:
                if first_mast:
                    d.add_paragraph(ln, style="Title")
                    first_mast = False
                else:
                    d.add_paragraph(ln, style="Subtitle")
        elif t == "h1":
            d.add_heading(b[1], level=1)
        elif t == "h2":
            d.add_heading(b[1], level=2)
        elif t == "p":
            d.add_paragraph(" ".join(s(i) for i in b[1]))
        elif t == "ul":
            for i in b[1]:
                d.add_paragraph(s(i), style="List Bullet")
        elif t == "cal":
            tab = d.add_table(rows=0, cols=3)
            tab.style = "Light Grid Accent 1"
            for dt, pl, it in b[1]:
                row = tab.add_row().cells
                row[0].text, row[1].text, row[2].text = dt, pl, s(it)
            d.add_paragraph("")
        elif t == "fn":
            p = d.add_paragraph(b[1])
            for r in p.runs:
                r.font.size = Pt(8)
        elif t == "pb":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.save(path)


def build(docs, root, docx_stems=()):
    os.makedirs(f"{root}/docs", exist_ok=True)
    os.makedirs(f"{root}/expected", exist_ok=True)
    rows = ["file,title,period_start,period_end,genre,source"]
    for doc in docs:
        with open(f"{root}/docs/{doc['stem']}.txt", "w") as f:
            f.write(render_txt(doc))
        with open(f"{root}/expected/{doc['stem']}.jsonl", "w") as f:
            for r in records(doc):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        title = doc["title"]
        if "," in title or '"' in title:
            title = '"' + title.replace('"', '""') + '"'
        rows.append(f"{doc['stem']},{title},{doc['period'][0]},{doc['period'][1]},news,"
                    "written for planscope (a15_bulletins)")
        if doc["stem"] in docx_stems:
            os.makedirs(f"{root}/docs_docx", exist_ok=True)
            render_docx(doc, f"{root}/docs_docx/{doc['stem']}.docx")
    with open(f"{root}/manifest.csv", "w") as f:
        f.write("\n".join(rows) + "\n")
