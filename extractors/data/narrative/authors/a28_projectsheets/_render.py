"""Render a24_conferencereports documents (no content here) to .txt, .docx and expected .jsonl.

Copy of a22_projectreports/_render.py, no logic changed; that file was adapted from extractors/data/narrative/authors/a18_agendas/_render.py (itself from a15), with
the themes / theme_why / ref handling of a16_announcements/_render.py. A document's "themes"
({theme: why}) pass to every record; a record's themes=[...] and why={...} add to them
(a document with "themes" None and records without themes gets no "themes" key). A table cell
may be a list of items (str or R) printed as one paragraph. A document is a dict: stem, title, period (start, end),
genre, wrap (int or None), numbers ("typed": item numbers printed in the .txt, as typed by the
author; "auto": Word auto-numbers, absent from the .txt), bullet, header, footer, blocks.
Blocks:
  ("title", text) / ("sub", text)   title and subtitle lines
  ("h1", text) / ("h2", text)       headings
  ("item", num, title)              agenda/programme item heading; docx: "List Number" (auto),
                                     txt: "num. title" when numbers == "typed", else "title"
  ("p", [items])                    paragraph; items are str or R(...)
  ("ul", [items])                   bulleted list ("List Bullet"; txt: doc bullet or none)
  ("ol", [(num, item)])             numbered list; num printed only when typed
  ("tab", [header], [[cells]])      table; a cell is str, R(...) or a list of them
  ("tab", [header], [[cells]], "tsv")  same, .txt as Word's export: a row per line, TAB between cells
  doc["docx_col_cm"] = {ncols: [cm, ...]} sets .docx column widths for tables of ncols columns.
  ("fn", text)                      small print at the end of a page
  ("pb",)                           page break (txt: footer + header repeated)
R(kind, text, pre="", **fields): a record; `pre` is printed before the text but is not part
of the record's text.
"""
import csv
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
    if isinstance(item, list):
        return " ".join(s(i) for i in item)
    return item.printed() if isinstance(item, R) else item


def _flat(item):
    if isinstance(item, list):
        for i in item:
            yield from _flat(i)
    else:
        yield item


def _items(doc):
    for b in doc["blocks"]:
        if b[0] in ("p", "ul"):
            yield from b[1]
        elif b[0] == "ol":
            for _, it in b[1]:
                yield it
        elif b[0] == "tab":
            for row in b[2]:
                for c in row:
                    yield from _flat(c)


def records(doc):
    out = []
    for n, it in enumerate(i for i in _items(doc) if isinstance(i, R)):
        f = dict(it.fields)
        why = dict(doc.get("themes") or {})
        for t, w in f.pop("why", {}).items():
            why[t] = w
        for t in f.pop("themes", []):
            why.setdefault(t, "words")
        rec = {"doc": doc["stem"], "kind": it.kind, "text": " ".join(it.text.split())}
        opt = f.pop("optional", False)
        rec.update(f)
        if why:
            rec["themes"] = list(why)
        if opt:
            rec["optional"] = True
        rec["ref"] = f"r{n + 1}"
        if why:
            rec["theme_why"] = why
        out.append(rec)
    return out


def render_txt(doc):
    w = doc.get("wrap")
    typed = doc.get("numbers") == "typed"
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
        if t in ("title", "sub"):
            lines += [b[1]]
            if t == "title":
                lines += [""]
        elif t in ("h1", "h2"):
            if lines and lines[-1] != "":
                lines.append("")
            lines += [b[1].upper() if (t == "h1" and doc.get("caps_h1")) else b[1], ""]
        elif t == "item":
            if lines and lines[-1] != "":
                lines.append("")
            lines += [(f"{b[1]}. " if typed else "") + b[2], ""]
        elif t == "p":
            lines += wrap(" ".join(s(i) for i in b[1])) + [""]
        elif t == "ul":
            bl = doc.get("bullet", "")
            for i in b[1]:
                lines += wrap(s(i), indent=" " * len(bl), first=bl)
            lines += [""]
        elif t == "ol":
            for num, i in b[1]:
                first = f"{num} " if typed else doc.get("ol_indent", "")
                lines += wrap(s(i), indent=" " * len(first), first=first)
            lines += [""]
        elif t == "tab" and len(b) > 3 and b[3] == "tsv":
            # Word's plain-text export: one line per row, cells separated by TAB
            lines.append("\t".join(b[1]))
            for row in b[2]:
                lines.append("\t".join(s(c) for c in row))
            lines += [""]
        elif t == "tab":
            widths = doc.get("tab_widths", [22, 16])
            hdr = b[1]
            head = "".join(f"{c:<{widths[k]}}" for k, c in enumerate(hdr[:-1])) + hdr[-1]
            lines.append(head)
            pad = sum(widths[:len(hdr) - 1])
            for row in b[2]:
                lead = "".join(f"{s(c):<{widths[k]}}" for k, c in enumerate(row[:-1]))
                last = s(row[-1])
                if w:
                    lines += textwrap.wrap(last, width=w, initial_indent=lead,
                                           subsequent_indent=" " * pad) or [lead]
                else:
                    lines.append(lead + last)
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
            "{page}", "").strip(" |·-–")
    for b in doc["blocks"]:
        t = b[0]
        if t == "title":
            d.add_paragraph(b[1], style="Title")
        elif t == "sub":
            d.add_paragraph(b[1], style="Subtitle")
        elif t == "h1":
            d.add_heading(b[1], level=1)
        elif t == "h2":
            d.add_heading(b[1], level=2)
        elif t == "item":
            p = d.add_paragraph(style="List Number")
            r = p.add_run(b[2])
            r.bold = True
        elif t == "p":
            d.add_paragraph(" ".join(s(i) for i in b[1]))
        elif t == "ul":
            for i in b[1]:
                d.add_paragraph(s(i), style="List Bullet")
        elif t == "ol":
            for _, i in b[1]:
                d.add_paragraph(s(i), style=doc.get("ol_style", "List Number 2"))
        elif t == "tab":
            tab = d.add_table(rows=1, cols=len(b[1]))
            tab.style = "Light Grid Accent 1"
            cm = doc.get("docx_col_cm", {}).get(len(b[1]))
            if cm:
                from docx.shared import Cm
                tab.autofit = False
                for k, wcm in enumerate(cm):
                    for cell in tab.columns[k].cells:
                        cell.width = Cm(wcm)
            for k, c in enumerate(b[1]):
                tab.rows[0].cells[k].text = c
            for row in b[2]:
                cells = tab.add_row().cells
                for k, c in enumerate(row):
                    cells[k].text = s(c)
                    if cm:
                        cells[k].width = Cm(cm[k])
            d.add_paragraph("")
        elif t == "fn":
            p = d.add_paragraph(b[1])
            for r in p.runs:
                r.font.size = Pt(8)
        elif t == "pb":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    d.save(path)


def build(docs, root, source, docx_stems=()):
    os.makedirs(f"{root}/docs", exist_ok=True)
    os.makedirs(f"{root}/expected", exist_ok=True)
    rows = [["file", "title", "period_start", "period_end", "genre", "source"]]
    for doc in docs:
        with open(f"{root}/docs/{doc['stem']}.txt", "w") as f:
            f.write(render_txt(doc))
        with open(f"{root}/expected/{doc['stem']}.jsonl", "w") as f:
            for r in records(doc):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        rows.append([doc["stem"], doc["title"], doc["period"][0], doc["period"][1],
                     doc["genre"], source])
        if doc["stem"] in docx_stems:
            os.makedirs(f"{root}/docs_docx", exist_ok=True)
            render_docx(doc, f"{root}/docs_docx/{doc['stem']}.docx")
    with open(f"{root}/manifest.csv", "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
