"""A second scanner: scans of the seed PDFs unlike tests/fixtures/ocr/make_scans.py (which the OCR
code was tuned on), to measure OCR on scans it has never seen.

What differs from the first scanner, each as an office scanner of another make would do it:
- 200 dpi (not 150), rendered by pypdfium2 in colour with its own anti-aliasing, then a slightly
  yellowed paper tint and uneven brightness across the page (a lid that does not close flat);
- a larger skew, 1.3-2.2 degrees, resampled bicubically, and a small shift of the page on the glass;
- Gaussian sensor noise (sigma 9 grey levels) instead of dust speckles, plus a slight blur (lens);
- JPEG artefacts: each page round-tripped through JPEG at quality 35 before the image-only PDF is written.
The random seed is fixed, so the scans are the same on every run.

    python bench/make_scans_alt.py OUT_DIR [SEED_PDF...]
"""
from __future__ import annotations

import io
import random
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
SEED_PDFS = [ROOT / "corpus" / f"{stem}.pdf" for stem in
             ("000_e3e456b1fc67bad2", "001_856aa1f959aca59f", "004_2ce97f0e434d4dce")]
DPI = 200
SKEW_DEGREES = (1.3, 2.2)
NOISE_SIGMA = 9.0
JPEG_QUALITY = 35
PAPER_TINT = (246, 240, 222)  # RGB of the paper


def render_pages(pdf: Path, dpi: int = DPI) -> list[Image.Image]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [page.render(scale=dpi / 72, may_draw_forms=False).to_pil().convert("RGB") for page in doc]
    finally:
        doc.close()


def scan_page(page: Image.Image, rnd: random.Random) -> Image.Image:
    """Tint, skew, shift, blur, add sensor noise and JPEG artefacts to one colour page."""
    rng = np.random.default_rng(rnd.randrange(2**32))
    angle = rnd.uniform(*SKEW_DEGREES) * rnd.choice((-1, 1))
    shift = (rnd.randint(-12, 12), rnd.randint(-12, 12))
    page = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, translate=shift,
                       fillcolor=(255, 255, 255))
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    pixels = np.asarray(page, dtype=np.float32) / 255.0
    h, w, _ = pixels.shape
    paper = np.array(PAPER_TINT, dtype=np.float32) / 255.0
    shade = 1.0 - 0.10 * np.linspace(0, 1, w, dtype=np.float32)[None, :, None]  # darker towards one edge
    pixels = pixels * paper * shade
    pixels = pixels * 255.0 + rng.normal(0.0, NOISE_SIGMA, size=(h, w, 1)).astype(np.float32)
    page = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "RGB")
    buffer = io.BytesIO()
    page.save(buffer, "JPEG", quality=JPEG_QUALITY)
    buffer.seek(0)
    return Image.open(buffer).convert("RGB")


def make_scan(pdf: Path, out: Path, seed: int = 23) -> Path:
    rnd = random.Random(f"{seed}:{pdf.stem}")
    pages = [scan_page(p, rnd) for p in render_pages(pdf)]
    out.parent.mkdir(parents=True, exist_ok=True)
    pages[0].save(out, "PDF", resolution=DPI, save_all=True, append_images=pages[1:], quality=JPEG_QUALITY)
    return out


def make_scans(out_dir: Path, pdfs: list[Path] = SEED_PDFS) -> list[Path]:
    """One scan per PDF, under the same file name (the scorer keys documents on the seed stem)."""
    return [make_scan(pdf, Path(out_dir) / pdf.name) for pdf in pdfs]


if __name__ == "__main__":
    out = Path(sys.argv[1])
    paths = [Path(p) for p in sys.argv[2:]] or SEED_PDFS
    for made in make_scans(out, paths):
        print(made, made.stat().st_size)
