"""OCR for PDF pages with no usable text layer (scans, photocopies): page image -> words with boxes
and confidence (Tesseract) -> the lines and page tables pdf_reader turns into the document model.

Why Tesseract and not an ONNX engine from PyPI: see bench/OCR.md (rapidocr's bundled recogniser drops
the spaces between English words, is ~5x slower per page on this machine and needs ~10x the memory).

The page is rendered at 300 dpi (pypdfium2, no poppler) or, when that would pass the pixel limit
(`--max-page-pixels`, pipeline/limits.py), at the highest DPI that stays under it: a poster-size
page is read coarser, never refused for its size alone, deskewed (projection profile), and read by
`tesseract ... tsv` in a subprocess, so several pages OCR at once on threads without a process pool.
Tables are found from the page's ruling lines (long dark runs in the image); each word goes to the
cell its box centre falls in. A page with no rulings gives lines only, which pdf_reader groups into
paragraphs and list items as it does for a text layer.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from statistics import median

from schemas.errors import UnreadableFile

DPI = 300
PT_PER_PX = 72 / DPI
RULE_INK = 200  # grey level under which a pixel may belong to a ruling (thin rules come out light grey)
LOW_CONFIDENCE = 0.60  # mean word confidence under which a page is flagged in doc.warnings
MIN_WORD_CONFIDENCE = 30
BODY_PT = 11.0  # the size every OCR'd body line is given
PARA_PITCH = 1.1  # a line this much further below the last than the page's usual pitch starts a paragraph  # below this, a word with no letters or digits is speckle, not text
MODES = ("auto", "off", "force")
SETTINGS = {"mode": "auto", "threads": 1}  # set by the CLI / worker initialiser (--ocr, --workers)
BULLET_LOOKALIKES = set("e«°*©»o¢+·•®@")
SPECKLE_LABEL = re.compile(r"^[-–—~.,'`]+(\d{1,2}[.)])$")
KEEP_PUNCTUATION = {"-", "–", "—", "&", "•", "/"}


@dataclass
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float  # 0-100
    line_key: tuple[int, int, int]  # tesseract's block, paragraph, line

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class OcrPage:
    page: int
    lines: list = field(default_factory=list)  # page_layout.Line
    tables: list = field(default_factory=list)  # page_layout.PageTable
    confidence: float | None = None  # mean word confidence, 0-1; None when no text was found
    words: int = 0
    dpi: int = DPI  # lower than DPI on a page too big for the pixel limit


# -- when to OCR ---------------------------------------------------------------------------------

def set_mode(mode: str | None, threads: int | None = None) -> None:
    if mode is not None:
        if mode not in MODES:
            raise ValueError(f"--ocr must be one of {', '.join(MODES)}")
        SETTINGS["mode"] = mode
    if threads is not None:
        SETTINGS["threads"] = max(1, threads)


def tesseract_path() -> str | None:
    return shutil.which("tesseract")


def text_layer_is_garbage(text: str) -> bool:
    """A text layer no one can read: (cid:NN) glyph codes, or mostly characters that are not letters."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return True
    if len(re.findall(r"\(cid:\d+\)", text)) * 8 > len(chars) * 0.2:
        return True
    letters = sum(c.isalpha() for c in chars)
    return len(chars) >= 20 and letters / len(chars) < 0.5


def page_needs_ocr(lines, tables) -> bool:
    """--ocr off: never; force: every page; auto: a page with no text layer or a garbage one."""
    mode = SETTINGS["mode"]
    if mode == "off":
        return False
    if mode == "force":
        return True
    text = " ".join(ln.text for ln in lines) + " " + " ".join(c for t in tables for r in t.rows for c in r)
    return text_layer_is_garbage(text)


def no_text_reason(pages: int, ocr_pages: list[OcrPage]) -> str:
    """The one line for a PDF in which nothing could be read."""
    if SETTINGS["mode"] == "off":
        return "no text layer: OCR is not enabled"
    if tesseract_path() is None:
        return "no text layer, and OCR needs Tesseract: apt-get install tesseract-ocr"
    coarse = [p for p in ocr_pages if p.dpi < DPI]
    why = (f"; page {coarse[0].page} is too big for {DPI} dpi and was read at {coarse[0].dpi} dpi "
           f"(--max-page-pixels)" if coarse else "")
    return (f"no readable text: no text layer, and OCR found no text on its {len(ocr_pages) or pages} "
            f"page(s) (blank pages, or images without legible text){why}")


# -- the hook pdf_reader calls ---------------------------------------------------------------------

def read_pages(path, data: bytes, pages: list[int], page_heights: dict[int, float], doc) -> list[OcrPage]:
    """OCR these 1-based pages of the PDF; warnings for blank and low-confidence pages go to doc.warnings."""
    if not pages:
        return []
    if tesseract_path() is None:
        doc.warnings.append(f"{len(pages)} page(s) have no text layer and were skipped: OCR needs Tesseract")
        return []
    threads = min(SETTINGS["threads"], len(pages))
    results: list[OcrPage] = []
    # pdfium is not thread-safe: pages are rendered here, a few at a time (a 300-dpi page is ~9 MB, a
    # long scan must not be held whole), and OCR'd on threads (each runs a Tesseract subprocess)
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for start in range(0, len(pages), threads * 2):
            chunk = pages[start:start + threads * 2]
            images = _render(path, data, chunk)
            for pno, image in zip(chunk, images):
                if image is not None and "pixels_at_full_dpi" in image.info:
                    doc.warnings.append(f"page {pno} needs {image.info['pixels_at_full_dpi'] / 1e9:.1f} GB of pixels at "
                                        f"{DPI} dpi; read at {image.info['dpi'][0]} dpi (--max-page-pixels)")
            results += pool.map(lambda job: ocr_image(job[1], job[0], page_heights[job[0]]), zip(chunk, images))
    for res in results:
        if res.confidence is None:
            doc.warnings.append(f"page {res.page}: OCR found no text (blank page or illegible image)")
        elif res.confidence < LOW_CONFIDENCE:
            doc.warnings.append(f"page {res.page}: low OCR confidence {res.confidence:.0%}; check its text")
    _align_repeated_headers([t for r in results for t in r.tables])
    split_glued_words(results)
    return results


# -- words Tesseract ran together ------------------------------------------------------------------

# short words a narrow gap glues to the word before them: "Reviseand", "Decisionson", "Commissionedto"
GLUE_WORDS = ("and", "the", "of", "to", "on", "in", "for", "with", "by")
FALLBACK_GLUE_WORDS = ("and", "the", "of", "to", "in", "for", "with")  # "on" ends too many words ("lesson")
GLUED_PAIRS = {"inthe": "in the", "ofthe": "of the", "tothe": "to the", "onthe": "on the", "forthe": "for the",
               "andthe": "and the", "bythe": "by the", "isa": "is a", "ina": "in a"}
WORD = re.compile(r"(?<![^\W\d_])[A-Za-z]{3,}(?![^\W\d_])")  # ASCII letters only: other scripts are left


def split_glued_words(pages: list[OcrPage]) -> None:
    """"Reviseand" -> "Revise and", "Decisionson" -> "Decisions on", "isa" -> "is a": a word followed
    by a short function word with the gap between them lost. Split only where the whole is no word
    and the first part is one: the dictionary is Tesseract's own English word list (`english_words`),
    so "lesson" or "Poland" stay whole; without it, the document's own words stand in (the first
    part must occur on its own elsewhere, the whole nowhere else) and "on" is never split off."""
    texts = [ln.text for p in pages for ln in p.lines] + [c for p in pages for t in p.tables for r in t.rows for c in r]
    counts = Counter(w.lower() for t in texts for w in WORD.findall(t))
    dictionary = english_words()

    def is_word(w: str) -> bool:
        return w in dictionary if dictionary else counts[w] >= 1

    def fix(m: re.Match) -> str:
        word = m.group(0)
        lower = word.lower()
        if lower in GLUED_PAIRS:
            return GLUED_PAIRS[lower] if word.islower() else word
        if (lower in dictionary) if dictionary else counts[lower] > 1:
            return word
        for glue in GLUE_WORDS if dictionary else FALLBACK_GLUE_WORDS:
            head = word[: -len(glue)]
            if lower.endswith(glue) and len(head) >= 4 and head.lower() not in GLUE_WORDS and is_word(head.lower()):
                return f"{head} {word[-len(glue):]}"
        return word

    for page in pages:
        for line in page.lines:
            line.text = WORD.sub(fix, line.text)
        for table in page.tables:
            table.rows = [[WORD.sub(fix, c) for c in row] for row in table.rows]


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The word list inside Tesseract's English model (~340,000 forms, lower-cased), unpacked with
    the tools the tesseract-ocr package ships (combine_tessdata, dawg2wordlist; ~2 s once per
    process); empty when they or the model are missing."""
    import tempfile

    listing = subprocess.run([tesseract_path() or "tesseract", "--list-langs"], capture_output=True, text=True)
    folder = re.search(r'"([^"]+)"', listing.stdout + listing.stderr)
    model = Path(folder.group(1)) / "eng.traineddata" if folder else None
    if model is None or not model.exists() or not shutil.which("combine_tessdata") or not shutil.which("dawg2wordlist"):
        return frozenset()
    with tempfile.TemporaryDirectory() as tmp:
        prefix = str(Path(tmp) / "eng.")
        subprocess.run(["combine_tessdata", "-u", str(model), prefix], capture_output=True, timeout=60)
        out = Path(tmp) / "words.txt"
        subprocess.run(["dawg2wordlist", prefix + "lstm-unicharset", prefix + "lstm-word-dawg", str(out)],
                       capture_output=True, timeout=60)
        if not out.exists():
            return frozenset()
        return frozenset(w.lower() for w in out.read_text(encoding="utf-8", errors="replace").split())


def mark_blocks(blocks, ocr_pages: list[OcrPage]) -> None:
    """Provenance of every block that came from an OCR'd page: ocr=True and the page's confidence
    (the lowest one when a table runs over several OCR'd pages)."""
    conf = {p.page: p.confidence for p in ocr_pages}
    for block in blocks:
        pages = {block.prov.page} | {pg for r in block.rows for pg in r.pages}
        scores = [conf[p] for p in pages if p in conf and conf[p] is not None]
        if scores:
            block.prov.ocr = True
            block.prov.ocr_confidence = round(min(scores), 3)


# -- image -> words --------------------------------------------------------------------------------

def _render(path, data: bytes, pages: list[int]):
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:
        raise UnreadableFile(str(path), f"cannot render PDF pages for OCR ({type(exc).__name__}: {exc})") from None
    try:
        images = []
        for p in pages:
            page = pdf[p - 1]
            width, height = page.get_size()
            dpi = page_dpi(width, height)
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            image.info["dpi"] = (dpi, dpi)  # ocr_image reads the page's scale from here
            if dpi < DPI:
                image.info["pixels_at_full_dpi"] = round(width * DPI / 72) * round(height * DPI / 72)
            images.append(image)
        return images
    finally:
        pdf.close()


MIN_DPI = 10  # find_tables needs rulings of a few pixels; a 200-inch page at 10 dpi is 4 M pixels


def page_dpi(width_pt: float, height_pt: float) -> int:
    """The DPI to render a page at: DPI, or less when DPI would make more pixels than the limit
    (one grey byte a pixel, and OCR's own copies of the image a small multiple of that)."""
    from pipeline.limits import LIMITS

    pixels_at_dpi = (width_pt / 72 * DPI) * (height_pt / 72 * DPI)
    if pixels_at_dpi <= LIMITS.max_page_pixels:
        return DPI
    return max(MIN_DPI, int(DPI * (LIMITS.max_page_pixels / pixels_at_dpi) ** 0.5))


def ocr_image(image, pno: int, page_height_pt: float) -> OcrPage:
    """One greyscale page image -> lines and tables in PDF points."""
    import numpy as np

    from PIL import ImageFilter

    dpi = int((getattr(image, "info", None) or {}).get("dpi", (DPI,))[0])
    pt_per_px = 72 / dpi
    image = deskew(image)
    clean = image.filter(ImageFilter.MedianFilter(3))  # speckle off; strokes and rules stay
    words = run_tesseract(clean, dpi)
    grids = find_tables(np.asarray(image) < RULE_INK, dpi)
    out = OcrPage(page=pno, words=len(words), dpi=dpi)
    if words:
        out.confidence = sum(w.conf for w in words) / len(words) / 100
    in_table: set[int] = set()
    for grid in grids:
        rows, used = grid_rows(grid, words)
        in_table |= used
        rows = [r for r in rows if any(r)]
        if rows:
            from pipeline.readers.page_layout import PageTable

            out.tables.append(PageTable(page=pno, top=grid.top * pt_per_px, bottom=grid.bottom * pt_per_px, rows=rows))
    content_bottom = max((w.bottom * pt_per_px for w in words if w.bottom * pt_per_px < page_height_pt * 0.91), default=0)
    for t in out.tables:
        t.content_bottom = content_bottom
    out.lines = words_to_lines([w for i, w in enumerate(words) if i not in in_table], pno, page_height_pt,
                               np.asarray(clean) < 128, pt_per_px)
    return out


def deskew(image, max_degrees: float = 3.0):
    """Turn the page so its text lines are level: the shear that makes the row profile of dark
    pixels most peaked (lines of text and rulings line up into few rows)."""
    import numpy as np
    from PIL import Image

    small = image.reduce(4) if min(image.size) > 800 else image
    ys, xs = np.nonzero(np.asarray(small) < 128)
    if len(xs) < 50:
        return image

    def score(deg: float) -> float:
        shifted = np.round(ys - xs * np.tan(np.radians(deg))).astype(int)
        counts = np.bincount(shifted - shifted.min())
        return float((counts.astype(np.float64) ** 2).sum())

    coarse = max(np.arange(-max_degrees, max_degrees + 0.01, 0.25), key=score)
    best = max(np.arange(coarse - 0.25, coarse + 0.26, 0.05), key=score)
    if abs(best) < 0.05:
        return image
    # text lines fall by tan(best) per pixel to the right; turning the image by `best` degrees
    # (PIL turns counter-clockwise) levels them
    return image.rotate(best, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=255)


def run_tesseract(image, dpi: int = DPI) -> list[Word]:
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # parallelism comes from pages, not from OpenMP
    proc = subprocess.run([tesseract_path() or "tesseract", "stdin", "stdout", "-l", "eng", "--psm", "3",
                           "--dpi", str(dpi), "tsv"], input=buf.getvalue(), capture_output=True, env=env, timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(f"tesseract failed: {proc.stderr.decode(errors='replace').strip()[:200]}")
    return parse_tsv(proc.stdout.decode("utf-8", errors="replace"))


def parse_tsv(tsv: str) -> list[Word]:
    """Tesseract's TSV: level 5 rows are words with a box and a confidence; speckle is dropped."""
    words = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        conf = float(cols[10])
        if not text or conf < 0 or not _is_text(text, conf):
            continue
        left, top, width, height = map(int, cols[6:10])
        words.append(Word(text, left, top, left + width, top + height, conf, (int(cols[2]), int(cols[3]), int(cols[4]))))
    return words


def _is_text(text: str, conf: float) -> bool:
    if any(c.isalnum() for c in text):
        return conf >= 20  # under 20, Tesseract has read speckle or two lines run together
    return text in KEEP_PUNCTUATION and conf >= MIN_WORD_CONFIDENCE


# -- words -> lines --------------------------------------------------------------------------------

def words_to_lines(words: list[Word], pno: int, page_height_pt: float, ink=None, pt_per_px: float = PT_PER_PX) -> list:
    """Words -> pdf_reader Lines (PDF points), grouped by where their boxes sit on the page (a list
    number far left of its text is on the same line, though Tesseract may give it a block of its own).

    OCR gives no font sizes and no bold: every line gets the page's body size, except a line clearly
    taller than the body (a title), which keeps its height; so paragraph breaks come from gaps and
    list labels, not from OCR jitter in box heights."""
    from pipeline.readers.labels import split_label
    from pipeline.readers.page_layout import MARGIN_SHARE, Line

    if not words:
        return []
    heights = sorted(w.bottom - w.top for w in words)
    body = heights[len(heights) * 3 // 4]  # a word with ascenders or descenders ("the", "people")
    typical = median(heights)
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.cy):
        near = [r for r in rows[-2:] if abs(w.cy - median(x.cy for x in r)) <= 0.5 * body]
        if near:
            min(near, key=lambda r: abs(w.cy - median(x.cy for x in r))).append(w)
        else:
            rows.append([w])
    # OCR gives no font sizes: every body line on every OCR'd page gets BODY_PT (sizes are compared
    # across the document), a clearly taller line a size in proportion (pdf_reader makes it a heading).
    # Paragraph breaks: pdf_reader starts one when the gap to the last line's bottom exceeds 0.45 of the
    # size. OCR boxes hug the ink, so their gaps are noisy; a line's top is its median word top and its
    # bottom is placed so that the break falls where the pitch exceeds PARA_PITCH times the page's
    # usual line pitch (a blank line, or paragraph spacing).
    tops = [median(w.top for w in ws) for ws in rows]
    pitches = [b - a for a, b in zip(tops, tops[1:]) if 0 < b - a < 3 * body]
    pitch_pt = (median(pitches) if pitches else 1.2 * body) * pt_per_px
    extent = PARA_PITCH * pitch_pt - 0.45 * BODY_PT
    lines = []
    for ws, top in zip(rows, tops):
        ws.sort(key=lambda w: w.x0)
        words_height = median(w.bottom - w.top for w in ws)  # one stray tall box does not make a title
        # a line that starts in lower case carries on a sentence: never a title, however tall its boxes
        tall = words_height > 1.35 * typical and len(ws) > 1 and not ws[0].text[:1].islower()
        size = round(BODY_PT * words_height / typical, 1) if tall else BODY_PT
        texts = _bullet_fixed([w.text for w in ws], ws)
        if len(texts) > 1 and texts[0] in ("-", "–", "—") and split_label(" ".join(texts[1:]))[3] is not None:
            texts = texts[1:]  # a speckle read as a dash before a list number
        glued = SPECKLE_LABEL.match(texts[0])
        if glued and len(texts) > 1:
            texts = [glued.group(1)] + texts[1:]  # the same, run into the number: "-3)"
        if ink is not None and texts[0] != "•" and _bullet_left_of(ink, ws[0], body):
            texts = ["•"] + texts
        text = " ".join(texts)
        if not page_height_pt * MARGIN_SHARE < top * pt_per_px < page_height_pt * (1 - MARGIN_SHARE):
            # running headers/footers repeat; speckle read as a stray ',' or '’' next to one must not
            # make each page's copy look different to pdf_reader's furniture check
            text = text.strip(" ,.;:'’‘`\"“”°|") or text
        ln = Line(page=pno, text=text, x0=ws[0].x0 * pt_per_px, top=top * pt_per_px,
                  bottom=top * pt_per_px + extent * size / BODY_PT, size=size, bold=False, italic=False)
        ln.page_height = page_height_pt  # type: ignore[attr-defined]
        ln.ocr = True  # type: ignore[attr-defined]  # pdf_reader: a list label always starts a new block here
        lines.append(ln)
    return lines


def _bullet_left_of(ink, first: Word, body_line: float) -> bool:
    """Tesseract drops bullet glyphs; a bullet is a small solid blob just left of a line's first word."""
    import numpy as np

    x1 = int(first.x0) - 2
    x0 = max(0, int(first.x0 - 4 * body_line))
    if x1 - x0 < 4:
        return False
    region = ink[int(first.top):int(first.bottom) + 1, x0:x1]
    ys, xs = np.nonzero(region)
    if len(xs) == 0:
        return False
    w, h = xs.max() - xs.min() + 1, ys.max() - ys.min() + 1
    small, big = 0.15 * body_line, 0.6 * body_line
    return small <= w <= big and small <= h <= big and len(xs) >= 0.5 * w * h


def _bullet_fixed(texts: list[str], ws: list[Word]) -> list[str]:
    """A bullet is read as 'e', '«', '°'...: a one-character first word set apart from the text."""
    if len(ws) >= 2 and len(texts[0]) == 1 and texts[0] in BULLET_LOOKALIKES:
        gap = ws[1].x0 - ws[0].x1
        if gap > (ws[1].bottom - ws[1].top) * 0.8:
            return ["•"] + texts[1:]
    return texts


# -- tables from ruling lines ----------------------------------------------------------------------

@dataclass
class Grid:
    xs: list[float]  # column boundaries, left to right
    ys: list[float]  # row boundaries, top to bottom

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]


def _runs(mask, min_len: int):
    """Per row of `mask`: True where a run of at least min_len dark pixels covers the pixel's window start."""
    import numpy as np

    c = np.cumsum(mask, axis=1, dtype=np.int32)
    c = np.concatenate([np.zeros((mask.shape[0], 1), np.int32), c], axis=1)
    return (c[:, min_len:] - c[:, :-min_len]) >= int(min_len * 0.9)


def _segments(mask, min_len: int) -> list[tuple[float, int, int]]:
    """Straight dark lines along axis 1: (position on axis 0, start, end) with neighbouring rows merged."""
    import numpy as np

    thick = mask.copy()
    thick[1:] |= mask[:-1]
    thick[:-1] |= mask[1:]  # a line a pixel off level stays one line
    full = _runs(thick, min_len)
    open_segs: list[list] = []  # [first row, last row, start, end] still growing
    segs: list[list] = []
    for r in np.nonzero(full.any(axis=1))[0]:
        cols = np.nonzero(full[r])[0]
        breaks = np.nonzero(np.diff(cols) > 1)[0]
        starts = np.concatenate([cols[:1], cols[breaks + 1]])
        ends = np.concatenate([cols[breaks], cols[-1:]]) + min_len
        for start, end in zip(starts.tolist(), ends.tolist()):
            for seg in open_segs:
                if r - seg[1] <= 2 and start < seg[3] and end > seg[2]:
                    seg[1], seg[2], seg[3] = r, min(seg[2], start), max(seg[3], end)
                    break
            else:
                seg = [r, r, start, end]
                segs.append(seg)
        open_segs = [s for s in segs if r - s[1] <= 2]
    return [((s[0] + s[1]) / 2, s[2], s[3]) for s in segs]


def _cluster(values: list[float], gap: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= gap:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


def find_tables(ink, dpi: int = DPI) -> list[Grid]:
    """Ruled tables: vertical rulings that overlap in height form one table; its column boundaries are
    their x positions, its row boundaries the horizontal rulings across it."""
    horizontal = _segments(ink, dpi)  # at least an inch long
    vertical = _segments(ink.T, dpi // 2)  # at least half an inch: longer than a big title's letters
    groups: list[list[tuple[float, int, int]]] = []
    for v in sorted(vertical, key=lambda s: s[1]):
        for g in groups:
            if any(v[1] < o[2] + 10 and o[1] < v[2] + 10 for o in g):
                g.append(v)
                break
        else:
            groups.append([v])
    grids = []
    for g in groups:
        top, bottom = min(v[1] for v in g), max(v[2] for v in g)
        height = bottom - top
        xs = _cluster([v[0] for v in g if v[2] - v[1] >= 0.3 * height], dpi / 20)
        if len(xs) < 3:  # one column is a box or a margin rule, not a table
            continue
        left, right = xs[0], xs[-1]
        ys = [h[0] for h in horizontal if top - 10 <= h[0] <= bottom + 10
              and h[1] <= left + 0.25 * (right - left) and h[2] >= right - 0.25 * (right - left)]
        ys = _cluster(ys + [top, bottom], dpi / 12)
        if len(ys) >= 2:
            grids.append(Grid(xs=xs, ys=ys))
    return grids


def grid_rows(grid: Grid, words: list[Word]) -> tuple[list[list[str]], set[int]]:
    """Cell texts row by row, and the indices of the words used."""
    cells: dict[tuple[int, int], list[Word]] = {}
    used: set[int] = set()
    for i, w in enumerate(words):
        if not (grid.ys[0] <= w.cy <= grid.ys[-1] and grid.xs[0] <= w.cx <= grid.xs[-1]):
            continue
        r = max(j for j, y in enumerate(grid.ys[:-1]) if w.cy >= y)
        c = max(j for j, x in enumerate(grid.xs[:-1]) if w.cx >= x)
        cells.setdefault((r, c), []).append(w)
        used.add(i)
    rows = [[_cell_text(cells.get((r, c), [])) for c in range(len(grid.xs) - 1)] for r in range(len(grid.ys) - 1)]
    return rows, used


def _cell_text(words: list[Word]) -> str:
    """Words of one cell in reading order: lines by box centre, then left to right."""
    if not words:
        return ""
    words = sorted(words, key=lambda w: w.cy)
    lines: list[list[Word]] = []
    for w in words:
        if lines and abs(w.cy - lines[-1][-1].cy) <= 0.5 * (w.bottom - w.top):
            lines[-1].append(w)
        else:
            lines.append([w])
    text = "\n".join(" ".join(w.text for w in sorted(ln, key=lambda w: w.x0)) for ln in lines)
    text = re.sub(r"-\n(?=\w)", "-", text)  # "Co-\nordinators" was wrapped at its own hyphen
    return " ".join(text.split())


def _align_repeated_headers(tables) -> None:
    """OCR reads the header a layout engine repeats on each page a little differently each time; a
    first row close enough to the first table's header is made identical, so pdf_reader's table
    joining recognises and drops it."""
    header: list[str] | None = None
    for t in tables:
        first = t.rows[0]
        if header is not None and len(first) == len(header) and _similar(first, header):
            t.rows[0] = list(header)
        elif header is None or len(first) != len(header):
            header = first


def _similar(a: list[str], b: list[str]) -> bool:
    def norm(cells):
        return re.sub(r"\W+", "", " ".join(cells)).lower()

    return SequenceMatcher(None, norm(a), norm(b)).ratio() >= 0.8
