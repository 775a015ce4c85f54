"""A PDF page's objects (chars, lines, rects, curves, images) without pdfminer's tokenizer.

pdfminer reads a page's content stream a byte at a time (PSBaseParser) and builds an LTChar object
per glyph; that is three quarters of a PDF page's time (bench/PERF.md). Here the stream is split
into tokens by one regular expression, and the operators run through pdfminer's own interpreter
(`PDFPageInterpreter`, its `do_*` methods, argument stack and all) into pdfplumber's own device,
exactly as `PDFPageInterpreter.execute` runs them; only showing text differs: the device's
`render_string` builds pdfplumber's char dicts directly (pdfminer's font objects for decoding,
widths, descent and Unicode, and the arithmetic of `render_string_horizontal`, `LTChar` and
`pdf_reader._char` in the same order), not LTChar objects. So every object is the one pdfminer
and pdfplumber make, value for value: tests/test_pdf_fast.py and bench/pdf_fast_check.py compare
them on every page of the fixtures, the corpus and the bench. A char dict holds only the keys the
reader reads (CHAR_KEYS: text, font, size and box); the other eight (matrix, advance, width,
y0/y1, ...) cost a third of the page's time, most of it the garbage collector walking the matrix
tuples. A run of rotated or mirrored text goes to pdfminer, whose full dicts pdfplumber's word
extractor reads on such a page.

A page is read here only when all of its content stream is in the syntax this tokenizer knows
(numbers, names without # escapes, strings with balanced escapes, hex strings, arrays,
dictionaries, operators); an inline image, a vertical font, a page with layout analysis,
rotation or Unicode normalisation, or any error returns None, and pdfminer reads the page as
before (and meets the same error in its own way).
"""
from __future__ import annotations

import re
from binascii import unhexlify

# One token and the white space after it: a text array, a number, a name, a literal string (its
# escapes resolved later), a hex string, array and dictionary brackets, a comment, an operator, or
# a byte none of these can start with ("bad": pdfminer reads the page).
TOKEN = re.compile(
    rb"(?:\[(?P<textarray>(?:\s*(?:<[0-9a-fA-F]*>|\((?:[^()\\]|\\.)*\)|[+-]?(?:\d+\.?\d*|\.\d+)(?![\w.#+-])))*\s*)\]"
    rb"|(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))(?![\w.#+-])"
    rb"|/(?P<name>[^\s/\[\]()<>{}%#\x7f-\xff]*)(?=[\s/\[\]()<>{}%]|$)"
    rb"|\((?P<str>(?:[^()\\]|\\.)*)\)"
    rb"|<(?P<hex>[0-9a-fA-F\s]*)>"
    rb"|(?P<open>\[)|(?P<close>\])|(?P<dopen><<)|(?P<dclose>>>)"
    rb"|%[^\r\n]*"
    rb"|(?P<op>[A-Za-z'\"*][A-Za-z0-9'\"*]*)(?=[\s/\[\]()<>{}%]|$)"
    rb"|(?P<bad>.))\s*",
    re.S,
)
LEADING_SPACE = re.compile(rb"\s*")
# the items of a TJ array of strings and numbers (the common case, read in one go)
TEXT_ARRAY_ITEM = re.compile(rb"(<[0-9a-fA-F]*>)|(\((?:[^()\\]|\\.)*\))|([+-]?(?:\d+\.?\d*|\.\d+))", re.S)
# the items of a TJ array with no literal string: a hex string's digits, or a number
HEX_OR_NUMBER = re.compile(rb"<([0-9a-fA-F]*)>|([+-]?(?:\d+\.?\d*|\.\d+))")
LITERAL_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|(\r\n|.))", re.S)
ESCAPES = {b"b": b"\x08", b"t": b"\t", b"n": b"\n", b"f": b"\x0c", b"r": b"\r", b"(": b"(", b")": b")", b"\\": b"\\"}
HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.", re.S)
SPACE = re.compile(rb"\s")


# the keys of a char dict made here: what pdf_reader reads of an upright char (words, lines, table cells)
CHAR_KEYS = ("text", "fontname", "size", "upright", "x0", "x1", "top", "bottom", "doctop")


def lean_objects(objects: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """pdfplumber's page objects with each char cut to CHAR_KEYS: what this reader makes of a page
    pdfminer reads (bench/pdf_fast_check.py and the tests compare the two this way)."""
    return {kind: [{k: c[k] for k in CHAR_KEYS} for c in items] if kind == "char" else items
            for kind, items in objects.items()}


class NotTextOnly(Exception):
    """The page holds something this reader does not follow: pdfminer reads it."""


def _literal(body: bytes) -> bytes:
    """A literal string's bytes, escapes resolved as pdfminer's PSBaseParser resolves them (an
    unknown escape drops the backslash and the char after it; a backslash at a line end joins)."""
    if b"\\" not in body:
        return body

    def resolve(m: re.Match) -> bytes:
        if m.group(1):
            code = int(m.group(1), 8)
            if code > 255:
                raise NotTextOnly("octal escape over 255")
            return bytes((code,))
        return ESCAPES.get(m.group(2), b"")

    return LITERAL_ESCAPE.sub(resolve, body)


def _hex(body: bytes) -> bytes:
    if len(body) % 2 == 0:
        try:
            return bytes.fromhex(body.decode("ascii"))  # pairs of hex digits, the common case
        except ValueError:
            pass  # white space inside, or an odd digit
    return HEX_PAIR.sub(lambda m: bytes((int(m.group(0), 16),)), SPACE.sub(b"", body))


def _number(token: bytes):
    return float(token) if b"." in token else int(token)


def _text_array(body: bytes) -> list:
    """A TJ array of strings and numbers, in one go (its syntax checked by TOKEN already)."""
    if b"(" not in body:  # hex strings and numbers only (LibreOffice's, and most glyph-id fonts')
        try:  # an even number of hex digits each, the common case: unhexlify, as below
            return [unhexlify(digits) if not number else float(number) if b"." in number else int(number)
                    for digits, number in HEX_OR_NUMBER.findall(body)]
        except ValueError:  # an odd digit: item by item, below
            pass
    out = []
    for hexstring, literal, number in TEXT_ARRAY_ITEM.findall(body):  # each with its delimiters, or b""
        if hexstring:
            digits = hexstring[1:-1]
            out.append(unhexlify(digits) if not len(digits) % 2 else _hex(digits))
        elif literal:
            out.append(_literal(literal[1:-1]))
        else:
            out.append(float(number) if b"." in number else int(number))
    return out


class _Operator(str):
    """An operator token (pdfminer's PSKeyword), told apart from the operands."""


_GROUP = {name: index for name, index in TOKEN.groupindex.items()}  # a match's lastindex -> its kind, as numbers
_NUM, _OP, _TEXTARRAY, _NAME = _GROUP["num"], _GROUP["op"], _GROUP["textarray"], _GROUP["name"]
_STR, _HEX, _OPEN, _DOPEN, _CLOSE, _DCLOSE, _BAD = (_GROUP[k] for k in ("str", "hex", "open", "dopen", "close",
                                                                        "dclose", "bad"))
NOT_HERE = frozenset(("BI", "ID", "EI", "true", "false", "null"))  # operators this reader leaves to pdfminer


def _tokens(data: bytes):
    """The stream's objects in order, as pdfminer's PDFContentParser gives them: numbers, names
    as PSLiteral, strings as bytes, arrays as lists, dictionaries as dicts, and operators."""
    from pdfminer.psparser import LIT, literal_name

    open_: list[list] = []  # arrays and dictionaries being read, innermost last
    operators: dict[bytes, _Operator] = {}  # one _Operator per distinct operator of the stream
    # tokens follow each other with nothing between them: each takes the white space after it
    for m in TOKEN.finditer(data, LEADING_SPACE.match(data).end()):
        kind = m.lastindex  # the one group that matched (none is nested), None for a comment
        if kind == _NUM:
            token = m.group(_NUM)
            value = float(token) if b"." in token else int(token)  # _number
        elif kind == _OP:
            op = operators.get(m.group(_OP))
            if op is None:
                op = operators[m.group(_OP)] = _Operator(m.group(_OP).decode("ascii"))
            if open_ or op in NOT_HERE:
                raise NotTextOnly(f"operator {op!r} here")
            yield op
            continue
        elif kind == _TEXTARRAY:
            value = _text_array(m.group(_TEXTARRAY))
        elif kind is None:
            continue  # a comment
        elif kind == _BAD:
            raise NotTextOnly(f"unreadable byte at {m.start()}")
        elif kind == _STR:
            value = _literal(m.group(_STR))
        elif kind == _HEX:
            value = _hex(m.group(_HEX))
        elif kind == _NAME:
            value = LIT(m.group(_NAME).decode("ascii"))
        elif kind == _OPEN or kind == _DOPEN:
            open_.append(["open" if kind == _OPEN else "dopen"])
            continue
        else:  # _CLOSE or _DCLOSE
            closing = "open" if kind == _CLOSE else "dopen"
            if not open_ or open_[-1][0] != closing:
                raise NotTextOnly("unbalanced brackets")
            items = open_.pop()[1:]
            if kind == _CLOSE:
                value = items
            else:
                if len(items) % 2:
                    raise NotTextOnly("odd dictionary")
                value = {literal_name(k): v for k, v in zip(items[::2], items[1::2])}
        if open_:
            open_[-1].append(value)
        else:
            yield value
    if open_:
        raise NotTextOnly("stream ends inside brackets")


def page_objects(page, process_object) -> dict[str, list[dict]] | None:
    """What `pdf_reader._page_objects` returns for the page, or None when pdfminer must read it.
    `process_object` turns a non-char layout object into pdfplumber's dict (Page.process_object).
    Any error is pdfminer's to meet too (a damaged stream, a font it cannot load): it reads the
    page again and fails, or copes, in its own way."""
    try:
        return _page_objects(page, process_object)
    except Exception:
        return None


def _page_objects(page, process_object) -> dict[str, list[dict]]:
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdftypes import stream_value

    pdf = page.pdf
    if pdf.laparams is not None or pdf.unicode_norm is not None:
        raise NotTextOnly("layout analysis or Unicode normalisation")
    streams = [stream_value(s) for s in page.page_obj.contents]
    if any(s.objid is None for s in streams):
        raise NotTextOnly("a content stream without an object id")
    tokens = _tokens(b"".join(s.get_data() for s in streams))
    device = _char_device(page)
    interpreter = PDFPageInterpreter(pdf.rsrcmgr, device)
    # PDFPageInterpreter.process_page and render_contents, then execute's loop over our tokens
    (x0, y0, x1, y1) = page.page_obj.mediabox
    rotate = page.page_obj.rotate
    if rotate == 90:
        ctm = (0, -1, 1, 0, -y0, x1)
    elif rotate == 180:
        ctm = (-1, 0, 0, -1, x1, y1)
    elif rotate == 270:
        ctm = (0, 1, -1, 0, y1, -x0)
    else:
        ctm = (1, 0, 0, 1, -x0, -y0)
    device.begin_page(page.page_obj, ctm)
    with _FontCMaps():  # ToUnicode maps by this module's tokenizer where it can
        interpreter.init_resources(page.page_obj.resources)
    interpreter.init_state(ctm)
    interpreter.stream_ids.update(s.objid for s in streams)
    methods: dict[str, tuple] = {}  # operator -> (bound do_ method or None, its operand count)
    push = interpreter.push
    for token in tokens:
        if type(token) is not _Operator:
            push(token)
            continue
        if token not in methods:
            func = getattr(interpreter, "do_" + token.replace("*", "_a").replace('"', "_w").replace("'", "_q"), None)
            methods[token] = (func, func.__code__.co_argcount - 1 if func is not None else 0)
        func, nargs = methods[token]
        if func is None:
            continue  # pdfminer passes over an unknown operator (not STRICT)
        if nargs:
            args = interpreter.pop(nargs)
            if len(args) == nargs:
                func(*args)
        else:
            func()
    device.end_page(page.page_obj)
    objects: dict[str, list[dict]] = {}
    if device.chars:
        objects["char"] = device.chars

    def walk(items) -> None:  # pdf_reader._page_objects's walk, with no chars left in the tree
        for obj in items:
            if hasattr(obj, "_objs"):
                walk(obj._objs)
            else:
                d = process_object(obj)
                if d["object_type"] != "anno":
                    objects.setdefault(d["object_type"], []).append(d)

    walk(device.get_result()._objs)
    return objects


_CLASSES: dict[str, type] = {}


def _char_device(page):
    """pdfplumber's device, whose render_string makes char dicts instead of LTChar objects."""
    if "device" not in _CLASSES:
        from pdfplumber.page import PDFPageAggregatorWithMarkedContent

        class CharDictDevice(PDFPageAggregatorWithMarkedContent):
            render_string = _render_string

        _CLASSES["device"] = CharDictDevice
    device = _CLASSES["device"](page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    device.chars = []
    device.page = page
    device.glyph_cache = {}
    device.advance_cache = {}
    return device


def _simple_decode():
    """pdfminer's PDFFont.decode (a simple font's: the string's bytes are its cids)."""
    if "decode" not in _CLASSES:
        from pdfminer.pdffont import PDFFont

        _CLASSES["decode"] = PDFFont.decode
    return _CLASSES["decode"]


def _render_string(self, textstate, seq, ncs, graphicstate) -> None:
    """PDFTextDevice.render_string and render_string_horizontal, with render_char, LTChar and
    pdf_reader._char folded into one loop that appends pdfplumber's char dicts to self.chars."""
    from pdfminer.utils import apply_matrix_rect, mult_matrix

    matrix = mult_matrix(textstate.matrix, self.ctm)
    font = textstate.font
    fontsize = textstate.fontsize
    scaling = textstate.scaling * 0.01
    charspace = textstate.charspace * scaling
    wordspace = textstate.wordspace * scaling
    rise = textstate.rise
    if font.is_multibyte():
        wordspace = 0
    dxscale = 0.001 * fontsize * scaling
    if font.is_vertical():
        raise NotTextOnly("vertical font")
    glyphs = self.glyph_cache.setdefault(id(font), {})
    # cid -> (text, advance, font name) at this size and scaling: the advance is the same product
    # (width * fontsize * scaling, in that order) for every glyph of a cid, so it is made once
    advances = self.advance_cache.setdefault((font, fontsize, scaling), {})  # the font held: its id stays its own
    # a simple font's decode is bytearray(string): its bytes are the cids, read straight from the string
    decode = None if type(font).decode is _simple_decode() else font.decode
    descent = font.get_descent() * fontsize
    page = self.page
    page_height, mb_x0, mb_top = page.height, page.mediabox[0], page.mediabox[1]
    doctop, chars = page.initial_doctop, self.chars
    (a, b, c, d, e, f) = matrix
    if not (a * d * scaling > 0 and b * c <= 0):  # LTChar's upright
        raise NotTextOnly("a rotated or mirrored run of text")
    straight = b == 0 and c == 0
    (x, y) = textstate.linematrix
    needcharspace = False
    append = chars.append
    last_cf, vertical = None, None  # a straight run's chars share cf, and so their vertical values
    for obj in seq:
        kind = type(obj)
        if kind is int or kind is float:
            x -= obj * dxscale
            needcharspace = True
        elif kind is bytes:
            for cid in (obj if decode is None else decode(obj)):
                if needcharspace:
                    x += charspace
                glyph = advances.get(cid)
                if glyph is None:
                    text, textwidth, fontname = glyphs.get(cid) or _glyph(font, glyphs, cid)
                    glyph = advances[cid] = (text, textwidth * fontsize * scaling, fontname)
                text, adv, fontname = glyph
                ce, cf = x * a + y * c + e, x * b + y * d + f  # translate_matrix(matrix, (x, y))
                if straight:
                    # apply_matrix_rect without its zero terms: adding x * 0 leaves a sum as it was
                    xa, xb = a * 0 + ce, a * adv + ce
                    x0, x1 = (xa, xb) if xa <= xb else (xb, xa)
                    if cf != last_cf:
                        ya, yb = d * (descent + rise) + cf, d * (descent + rise + fontsize) + cf
                        y0, y1 = (ya, yb) if ya <= yb else (yb, ya)
                        top = (page_height - y1) + mb_top
                        last_cf, vertical = cf, (y0, y1, y1 - y0, top, (page_height - y0) + mb_top, doctop + top)
                    y0, y1, height, top, bottom, char_doctop = vertical
                else:
                    (x0, y0, x1, y1) = apply_matrix_rect((a, b, c, d, ce, cf),
                                                         (0, descent + rise, adv, descent + rise + fontsize))
                    if x1 < x0:
                        (x0, x1) = (x1, x0)
                    if y1 < y0:
                        (y0, y1) = (y1, y0)
                    height = y1 - y0
                    top = (page_height - y1) + mb_top
                    bottom, char_doctop = (page_height - y0) + mb_top, doctop + top
                if mb_x0 != 0:
                    x0, x1 = x0 + mb_x0, x1 + mb_x0
                append({"text": text, "fontname": fontname, "size": height, "upright": True, "x0": x0, "x1": x1,
                        "top": top, "bottom": bottom, "doctop": char_doctop})
                x += adv
                if cid == 32 and wordspace:
                    x += wordspace
                needcharspace = True
    textstate.linematrix = (x, y)


def _glyph(font, glyphs: dict, cid: int) -> tuple:
    """(text, width, font name) of a cid, as PDFLayoutAnalyzer.render_char and LTChar take them."""
    from pdfminer.pdffont import PDFUnicodeNotDefined

    try:
        text = font.to_unichr(cid)
    except PDFUnicodeNotDefined:
        text = f"(cid:{cid})"
    fontname = font.fontname
    if isinstance(fontname, bytes):
        from pdfplumber.page import fix_fontname_bytes

        fontname = fix_fontname_bytes(fontname)
    glyphs[cid] = (text, font.char_width(cid), fontname)
    return glyphs[cid]


# --- ToUnicode maps ------------------------------------------------------------------------------
# A font's ToUnicode CMap is parsed by pdfminer's CMapParser, a byte at a time (PSBaseParser): a
# tenth of a bench page's time, one parse per font of each file. The same stream read with this
# module's tokenizer, and its keywords run as CMapParser.do_keyword runs them (begin* and end*
# ranges, def, begincmap/endcmap, unknown keywords pushed), gives the same map. Anything this does
# not follow (usecmap, cid ranges, a bfrange destination that is neither a string nor an array,
# syntax the tokenizer refuses, any error) leaves the stream to pdfminer's parser.

def unicode_map_from(data: bytes):
    """pdfminer's FileUnicodeMap of a ToUnicode stream, or None when pdfminer must parse it."""
    import struct

    from pdfminer.cmapdb import FileUnicodeMap
    from pdfminer.psparser import KWD, literal_name
    from pdfminer.utils import nunpack

    try:
        tokens = list(_tokens(data))
    except NotTextOnly:
        return None
    cmap = FileUnicodeMap()
    stack: list = []
    in_cmap = True
    try:
        for token in tokens:
            if type(token) is not _Operator:
                stack.append(token)
                continue
            if token == "begincmap":
                in_cmap, stack = True, []
                continue
            if token == "endcmap":
                in_cmap = False
                continue
            if not in_cmap:
                continue
            if token == "def":
                if len(stack) < 2:
                    return None  # pdfminer's pop(2) unpacking fails: its own way
                k, v = stack[-2:]
                del stack[-2:]
                cmap.set_attr(literal_name(k), v)
            elif token in ("usecmap", "endcidrange", "endcidchar"):
                return None
            elif token in ("begincodespacerange", "endcodespacerange", "begincidrange", "begincidchar",
                           "beginbfrange", "beginbfchar", "beginnotdefrange", "endnotdefrange"):
                stack = []
            elif token == "endbfrange":
                objs, stack = stack, []
                for start_byte, end_byte, code in zip(*[iter(objs)] * 3):  # choplist(3, objs)
                    if not isinstance(start_byte, bytes) or not isinstance(end_byte, bytes) \
                            or len(start_byte) != len(end_byte):
                        continue  # pdfminer warns and skips
                    start, end = nunpack(start_byte), nunpack(end_byte)
                    if isinstance(code, list):
                        for cid, unicode_value in zip(range(start, end + 1), code):
                            cmap.add_cid2unichr(cid, unicode_value)
                    elif isinstance(code, bytes):
                        var, prefix = code[-4:], code[:-4]
                        base, vlen = nunpack(var), len(var)
                        for i in range(end - start + 1):
                            cmap.add_cid2unichr(start + i, prefix + struct.pack(">L", base + i)[-vlen:])
                    else:
                        return None  # pdfminer's assertion
            elif token == "endbfchar":
                objs, stack = stack, []
                for cid, code in zip(*[iter(objs)] * 2):  # choplist(2, objs)
                    if isinstance(cid, bytes) and isinstance(code, bytes):
                        cmap.add_cid2unichr(nunpack(cid), code)
            else:
                stack.append(KWD(token.encode("ascii")))  # an unknown keyword, pushed as pdfminer pushes it
    except Exception:
        return None
    return cmap


class _FontCMaps:
    """While a page's fonts load (`_page_objects`): pdfminer's fonts get their ToUnicode maps from
    `unicode_map_from`, else from pdfminer's own CMapParser."""

    def __enter__(self):
        from pdfminer import pdffont
        from pdfminer.cmapdb import CMapParser, FileUnicodeMap

        class Parser(CMapParser):
            def __init__(self, cmap, fp):
                super().__init__(cmap, fp)
                self._data = fp.getvalue() if type(cmap) is FileUnicodeMap and not cmap.cid2unichr \
                    and not cmap.attrs and hasattr(fp, "getvalue") else None

            def run(self):
                fast = unicode_map_from(self._data) if self._data is not None else None
                if fast is None:
                    return super().run()
                self.cmap.attrs.update(fast.attrs)
                self.cmap.cid2unichr.update(fast.cid2unichr)

        self.module, self.original = pdffont, pdffont.CMapParser
        pdffont.CMapParser = Parser
        return self

    def __exit__(self, *exc):
        self.module.CMapParser = self.original
        return False
