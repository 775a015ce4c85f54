"""The sixth round's shortcuts (bench/PERF.md) give what the long way gives: date atoms with
patterns skipped when the text lacks their words, theme phrases with their order worked out once.
(Speed itself is measured in bench/, never asserted here.)"""
from __future__ import annotations

import random

from hypothesis import given, settings, strategies as st

from extractors.time import atoms
from extractors.entities.themes import fold, load_lexicon
from tests.conftest import ROOT


def _scan_all(text: str) -> list[tuple]:
    """scan_atoms as it was: every pattern over the text (with the long s read as s, as scan_atoms reads it)."""
    text = text.replace("ſ", "s")
    taken, out = [], []
    for kind, pattern in atoms.ATOM_PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if e <= s or any(s < te and ts < e for ts, te in taken):
                continue
            atom = atoms._atom(kind, m)
            if atom is None:
                continue
            taken.append((s, e))
            out.append(atom)
    out.sort(key=lambda a: a.span[0])
    return [(a.kind, a.start, a.end, a.span, a.raw, a.year_given) for a in out]


def _scan(text: str) -> list[tuple]:
    return [(a.kind, a.start, a.end, a.span, a.raw, a.year_given) for a in atoms.scan_atoms(text)]


def _outcome(scan, text: str):
    """What a scan gives, or the exception it raises."""
    try:
        return scan(text)
    except Exception as exc:  # noqa: BLE001
        return type(exc).__name__


def _texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "corpus").rglob("*.txt")) + sorted((ROOT / "tests" / "fixtures").rglob("*.txt")):
        texts += [line for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    return texts


def test_scan_atoms_equals_every_pattern_run_on_real_lines():
    texts = _texts()
    assert len(texts) > 1000
    for text in texts:
        assert _scan(text) == _scan_all(text), text


PIECES = ["May", "may", "MAR", "march", "Sept.", "sep", "spring", "Fall", "winter", "quarter", "Q3", "third",
          "end", "early", "mid", "of", "the", "2008", "19", "08", "3", "31st", "-", "–", "/", ".", ",", " ",
          "and", "to", "ſeptember", "K", "٣", "2008/09", "1.5.2009", "2009-05-01", "first half", "summer"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12), st.text(max_size=8))
def test_scan_atoms_equals_every_pattern_run_on_made_up_text(pieces, noise):
    text = " ".join(pieces) + noise
    assert _outcome(_scan, text) == _outcome(_scan_all, text)


def _matches_as_before(lex, *texts: str) -> dict[str, str]:
    """Lexicon.matches as it was: order and rank rebuilt, every prefix tested per phrase."""
    words = {w for t in texts for w in t.split()}
    order = {t: i for i, t in enumerate(lex.phrases)}
    rank = {(t, p): i for t, pats in lex.phrases.items() for i, (p, _) in enumerate(pats)}
    cands = [c for w in words for c in lex._by_word.get(w, ())]
    cands += [(theme, phrase, pattern) for prefix, theme, phrase, pattern in lex._by_prefix
              if any(w.startswith(prefix) for w in words)]
    found: dict[str, str] = {}
    for theme, phrase, pattern in sorted(cands, key=lambda c: (order[c[0]], rank[(c[0], c[1])])):
        if theme not in found and any(pattern.search(t) for t in texts):
            found[theme] = phrase
    for patterns, themes, label in lex.combos:
        if all(any(p.search(t) for t in texts) for p in patterns):
            for theme in themes:
                found.setdefault(theme, label)
    return dict(sorted(found.items(), key=lambda kv: order.get(kv[0], 99)))


def test_theme_matches_equal_the_long_way():
    lex = load_lexicon()
    texts = [fold(t) for t in _texts()]
    rnd = random.Random(6)
    for text in texts:
        assert lex.matches(text) == _matches_as_before(lex, text)
    for _ in range(500):  # two texts at once, as word_themes asks (the text and its lemmas)
        a, b = rnd.choice(texts), rnd.choice(texts)
        assert list(lex.matches(a, b).items()) == list(_matches_as_before(lex, a, b).items())


# --- ToUnicode maps: pdf_fast.unicode_map_from against pdfminer's CMapParser ---------------------

def _pdfminer_map(data: bytes):
    from io import BytesIO

    from pdfminer.cmapdb import CMapParser, FileUnicodeMap

    cmap = FileUnicodeMap()
    CMapParser(cmap, BytesIO(data)).run()
    return list(cmap.cid2unichr.items()), repr(cmap.attrs)


HEADER = (b"%!PS-Adobe-3.0 Resource-CMap\n/CIDInit/ProcSet findresource begin\n12 dict begin\nbegincmap\n"
          b"/CIDSystemInfo<<\n/Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n"
          b"/CMapName/Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n")
FOOTER = b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
CMAPS = {
    "bfchar": HEADER + b"3 beginbfchar\n<01> <0054>\n<02> <0068>\n<03> <D835DC00>\nendbfchar\n" + FOOTER,
    "bfrange of strings": HEADER + b"2 beginbfrange\n<20> <22> <0041>\n<0100> <0102> <00FE>\nendbfrange\n" + FOOTER,
    "bfrange of arrays": HEADER + b"1 beginbfrange\n<05> <07> [<0061> <0062> <0063>]\nendbfrange\n" + FOOTER,
    "short array": HEADER + b"1 beginbfrange\n<05> <08> [<0061> <0062>]\nendbfrange\n" + FOOTER,
    "unequal range ends": HEADER + b"1 beginbfrange\n<05> <0008> <0061>\nendbfrange\n" + FOOTER,
    "nbsp after space": HEADER + b"2 beginbfchar\n<03> <0020>\n<03> <00A0>\nendbfchar\n" + FOOTER,
    "odd pair left over": HEADER + b"2 beginbfchar\n<01> <0041>\n<02>\nendbfchar\n" + FOOTER,
    "no begincmap": b"1 beginbfchar\n<01> <0041>\nendbfchar\n",
    "after endcmap": HEADER + FOOTER + b"1 beginbfchar\n<01> <0041>\nendbfchar\n",
    "keyword as a value": HEADER + b"/WMode foo def\n1 beginbfchar\n<01> <0041>\nendbfchar\n" + FOOTER,
    "hex with spaces and odd digits": HEADER + b"1 beginbfchar\n<0 1> <004>\nendbfchar\n" + FOOTER,
    "literal destination": HEADER + b"1 beginbfchar\n<01> (A)\nendbfchar\n" + FOOTER,
    "comment inside": HEADER + b"1 beginbfchar % the letters\n<01> <0041>\nendbfchar\n" + FOOTER,
    "name destination": HEADER + b"1 beginbfrange\n<01> <02> [/A /B]\nendbfrange\n" + FOOTER,
}


def test_tounicode_maps_equal_pdfminer_on_hand_made_cmaps():
    from pipeline.readers.pdf_fast import unicode_map_from

    for name, data in CMAPS.items():
        fast = unicode_map_from(data)
        assert fast is not None, name
        assert (list(fast.cid2unichr.items()), repr(fast.attrs)) == _pdfminer_map(data), name


def test_tounicode_maps_left_to_pdfminer():
    from pipeline.readers.pdf_fast import unicode_map_from

    assert unicode_map_from(HEADER + b"/Identity-H usecmap\n" + FOOTER) is None  # another CMap
    assert unicode_map_from(HEADER + b"1 begincidrange\n<00> <FF> 0\nendcidrange\n" + FOOTER) is None
    assert unicode_map_from(HEADER + b"1 beginbfchar\n<01> <0041>\nendbfchar\n{ proc } def\n" + FOOTER) is None
    assert unicode_map_from(b"begincmap def") is None  # pdfminer's pop(2) fails its own way


def test_tounicode_maps_of_every_fixture_and_corpus_pdf():
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFStream, resolve1, stream_value

    from pipeline.readers.pdf_fast import unicode_map_from

    streams = {}
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*.pdf")) + sorted((ROOT / "corpus").rglob("*.pdf")):
        try:
            doc = PDFDocument(PDFParser(open(path, "rb")))
            for xref in doc.xrefs:
                for objid in xref.get_objids():
                    obj = doc.getobj(objid)
                    if isinstance(obj, dict) and isinstance(resolve1(obj.get("ToUnicode")), PDFStream):
                        streams[stream_value(resolve1(obj["ToUnicode"])).get_data()] = path.name
        except Exception:  # noqa: BLE001  (the damaged fixtures)
            continue
    assert len(streams) >= 10
    for data, name in streams.items():
        fast = unicode_map_from(data)
        assert fast is not None, name
        assert (list(fast.cid2unichr.items()), repr(fast.attrs)) == _pdfminer_map(data), name
