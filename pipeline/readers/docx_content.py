"""Word XML that python-docx does not reach: the visible text of a paragraph with its content
controls, check boxes, equations, symbols and WordArt; text boxes, shapes, groups and canvases in
reading order; Strict Open XML namespaces.

Why hand-written: python-docx's `Paragraph.text` reads only runs and hyperlinks (inline content
controls, equations and text boxes are lost), and it cannot open Strict Open XML at all. The one
OMML package on the registry (`dwml`, last release 2020) turns equations into LaTeX; search and
quotes want the plain linear text Word itself shows ("a/b", "x^2"), which takes the few lines below.
"""
from __future__ import annotations

import io
import re
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
V = "{urn:schemas-microsoft-com:vml}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
WPG = "{http://schemas.microsoft.com/office/word/2010/wordprocessingGroup}"
WPC = "{http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

CHECKED, UNCHECKED = "☒", "☐"

# ---------------------------------------------------------------------------------------------
# Strict Open XML (ISO/IEC 29500 Strict): the same parts under purl.oclc.org namespaces.

STRICT_NS = re.compile(rb"http://purl\.oclc\.org/ooxml/(wordprocessingml|drawingml|officeDocument|spreadsheetml|presentationml)/")
STRICT_MARK = b"http://purl.oclc.org/ooxml/wordprocessingml/main"


def is_strict(document_xml: bytes) -> bool:
    return STRICT_MARK in document_xml[:4000]


def strict_to_transitional(data: bytes) -> bytes:
    """The package with every Strict namespace and relationship type mapped to its transitional
    twin (`.../ooxml/wordprocessingml/main` -> `.../wordprocessingml/2006/main`), so python-docx
    opens it. Attribute values Strict writes differently (`on`/`off`, percentages) are left: the
    reader only reads text, styles and numbering ids."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                blob = STRICT_NS.sub(lambda m: b"http://schemas.openxmlformats.org/" + m.group(1) + b"/2006/", blob)
            dst.writestr(info, blob)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Paragraph text


def paragraph_text(p_el) -> str:
    """The text a reader sees in a paragraph, whitespace-normalised."""
    parts: list[str] = []
    _walk(p_el, parts)
    return " ".join("".join(parts).split())


def paragraph_lines(p_el) -> list[str]:
    """A paragraph's lines, where it has line breaks (Shift+Enter), each whitespace-normalised."""
    parts: list[str] = []
    _walk(p_el, parts)
    return [line for line in (" ".join(chunk.split()) for chunk in "".join(parts).split("\n")) if line]


def lines_of_their_own(lines: list[str]) -> bool:
    """Do a paragraph's line breaks set lines apart (a title page's name / meeting / speaker, an
    address) rather than wrap one sentence? Each line short, and each next line starts anew (a
    capital or a digit) after a line that does not end in a word that joins."""
    if len(lines) < 2 or any(len(line.split()) > 12 for line in lines):
        return False
    return all(nxt[:1].isupper() or nxt[:1].isdigit() for nxt in lines[1:]) and not any(
        re.search(r"(?:,|\b(?:of|the|and|to|in|for|on|with|a|an|by|at))$", line) for line in lines[:-1])


SKIPPED = {W + "delText", W + "instrText", W + "del", W + "pPr", W + "rPr", W + "sdtPr", W + "sdtEndPr",
           W + "moveFrom", W + "commentReference", W + "footnoteReference", W + "endnoteReference",
           W + "txbxContent", MC + "Fallback", W + "fldData"}


def _walk(el, parts: list[str]) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED:
            continue  # comments, processing instructions; deleted text; field codes; text boxes (read as blocks)
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "sym":
            parts.append(_symbol(child))
        elif tag == W + "sdt":
            _content_control(child, parts)
        elif tag == W + "fldChar":
            box = child.find(f"{W}ffData/{W}checkBox")
            if box is not None:  # a legacy FORMCHECKBOX field
                parts.append(CHECKED if _on(box.find(W + "checked") if box.find(W + "checked") is not None
                                            else box.find(W + "default")) else UNCHECKED)
        elif tag in (M + "oMath", M + "oMathPara"):
            parts.append(" " + math_text(child) + " ")
        elif tag == V + "textpath":  # legacy WordArt: its words are only in an attribute
            parts.append(" " + (child.get("string") or "") + " ")
        else:
            _walk(child, parts)


def _on(el) -> bool:
    if el is None:
        return False
    val = el.get(W + "val", el.get(W14 + "val", "1"))
    return val not in ("0", "false", "off")


def _symbol(el) -> str:
    code = el.get(W + "char", "")
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:  # a Symbol/Wingdings glyph: the font's own code page, no Unicode meaning
        return {0xF0FE: CHECKED, 0xF06F: UNCHECKED, 0xF0A8: UNCHECKED, 0xF078: CHECKED}.get(value, "")
    return chr(value)


def _content_control(sdt, parts: list[str]) -> None:
    """An inline content control: its content; a check box as ☒/☐ from its state."""
    pr = sdt.find(W + "sdtPr")
    box = pr.find(W14 + "checkbox") if pr is not None else None
    if box is not None:
        parts.append(CHECKED if _on(box.find(W14 + "checked")) else UNCHECKED)
        return
    content = sdt.find(W + "sdtContent")
    if content is not None:
        _walk(content, parts)


def text_boxes(el) -> list:
    """The `w:txbxContent` elements anchored in `el` (DrawingML `wps:txbx` or VML `v:textbox`),
    outermost only, each once: a DrawingML box's VML fallback copy is skipped. The shapes of a
    group or a drawing canvas come in reading order (top to bottom, then left to right, by their
    offsets in the group), not in the order they were drawn, which is how Word stores them."""
    found = []

    def visit(node):
        children = [c for c in node if isinstance(c.tag, str) and c.tag != MC + "Fallback"]
        if node.tag in (WPG + "wgp", WPG + "grpSp", WPC + "wpc"):
            children.sort(key=_shape_offset)
        for child in children:
            if child.tag == W + "txbxContent":
                found.append(child)
                continue  # boxes nested in this box are read with it
            visit(child)

    visit(el)
    return found


def _shape_offset(el) -> tuple[int, int]:
    """(y, x) of a shape or sub-group in its group's coordinates; properties first (-1, -1)."""
    off = el.find(f"{WPS}spPr/{A}xfrm/{A}off")
    if off is None:
        off = el.find(f"{WPG}grpSpPr/{A}xfrm/{A}off")
    if off is None:
        return (-1, -1)
    try:
        return int(off.get("y", "0")), int(off.get("x", "0"))
    except ValueError:
        return (-1, -1)


BLOCK_SDT_PARENTS = {W + "body", W + "tbl", W + "tr", W + "tc", W + "txbxContent", W + "sdtContent",
                     W + "hdr", W + "ftr", W + "footnote", W + "endnote", W + "comment", W + "customXml"}


def unwrap_block_controls(root) -> None:
    """Replace block-, row- and cell-level content controls (and custom XML wrappers) by their
    content, so that paragraphs, rows and cells inside them are read where they stand
    (python-docx's body and tables skip them)."""
    while True:
        wrappers = [el for el in root.iter(W + "sdt", W + "customXml")
                    if el.getparent() is not None and el.getparent().tag in BLOCK_SDT_PARENTS]
        if not wrappers:
            return
        for wrapper in wrappers:
            parent = wrapper.getparent()
            if parent is None:
                continue  # inside a wrapper removed in this pass: handled in the next one
            content = wrapper.find(W + "sdtContent") if wrapper.tag == W + "sdt" else wrapper
            children = [c for c in content if c.tag != W + "customXmlPr"] if content is not None else []
            index = parent.index(wrapper)
            parent.remove(wrapper)
            for offset, child in enumerate(children):
                parent.insert(index + offset, child)


# ---------------------------------------------------------------------------------------------
# Equations (OMML) as linear text

NARY_DEFAULT = "∫"


def math_text(el) -> str:
    """An OMML equation in linear form: fractions `(a)/(b)`, scripts `x^2`, `x_i`, roots `√(x)`,
    n-ary operators `∑_(i=1)^n`, delimiters, functions, matrices `[a, b; c, d]`."""
    return "".join(_math(child) for child in el).strip()


def _arg(el, name: str) -> str:
    part = el.find(M + name)
    return "".join(_math(c) for c in part) if part is not None else ""


def _group(text: str) -> str:
    return text if len(text) <= 1 or re.fullmatch(r"\w+", text) else f"({text})"


def _math(el) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    if not tag or tag.endswith("Pr"):
        return ""  # properties (m:fPr, m:naryPr, w:rPr ...) and comments
    if tag in (M + "t", W + "t"):
        return el.text or ""
    if tag == M + "f":
        return f"{_group(_arg(el, 'num'))}/{_group(_arg(el, 'den'))}"
    if tag == M + "sSup":
        return f"{_arg(el, 'e')}^{_group(_arg(el, 'sup'))}"
    if tag == M + "sSub":
        return f"{_arg(el, 'e')}_{_group(_arg(el, 'sub'))}"
    if tag == M + "sSubSup":
        return f"{_arg(el, 'e')}_{_group(_arg(el, 'sub'))}^{_group(_arg(el, 'sup'))}"
    if tag == M + "sPre":
        return f"_{_group(_arg(el, 'sub'))}^{_group(_arg(el, 'sup'))}{_arg(el, 'e')}"
    if tag == M + "rad":
        degree = _arg(el, "deg")
        return f"{'√' if not degree else '∛' if degree == '3' else f'({degree})√'}({_arg(el, 'e')})"
    if tag == M + "nary":
        pr = el.find(M + "naryPr")
        chr_el = pr.find(M + "chr") if pr is not None else None
        op = chr_el.get(M + "val") if chr_el is not None else NARY_DEFAULT
        sub, sup = _arg(el, "sub"), _arg(el, "sup")
        return op + (f"_{_group(sub)}" if sub else "") + (f"^{_group(sup)}" if sup else "") + " " + _arg(el, "e")
    if tag == M + "d":
        pr = el.find(M + "dPr")

        def val(name, default):
            found = pr.find(M + name) if pr is not None else None
            return found.get(M + "val", "") if found is not None else default

        items = ["".join(_math(c) for c in e) for e in el.findall(M + "e")]
        return val("begChr", "(") + val("sepChr", "|").join(items) + val("endChr", ")")
    if tag == M + "func":
        return f"{_arg(el, 'fName')}({_arg(el, 'e')})"
    if tag == M + "m":
        rows = [", ".join("".join(_math(c) for c in e) for e in mr.findall(M + "e")) for mr in el.findall(M + "mr")]
        return "[" + "; ".join(rows) + "]"
    if tag == M + "eqArr":
        return "; ".join("".join(_math(c) for c in e) for e in el.findall(M + "e"))
    if tag in (M + "limLow", M + "limUpp"):
        sep = "_" if tag == M + "limLow" else "^"
        return f"{_arg(el, 'e')}{sep}{_group(_arg(el, 'lim'))}"
    return "".join(_math(c) for c in el)  # oMath, r, e, box, acc, bar, groupChr, borderBox ...
