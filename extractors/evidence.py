"""Evidence that a commitment was carried out: which passages of a report show it, scored 0..1.

The score is a logistic model over features that generalise beyond any one document:
- lexical: TF-IDF cosine of content lemmas (IDF over the report's passages and the commitments),
- named things: the share of the commitment's projects, bodies, places and states the passage
  also names (bodies named in nearly every record, like the group itself, carry no evidence),
- dates: whether the passage is dated inside or after the commitment's window,
- cues: "postponed", "cancelled" (not done) and "under way", "draft" (in progress).
Weights and thresholds come from labelled pairs (bench/calibrate_check.py -> data/evidence_model.json).
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent / "data" / "evidence_model.json"
# Named in almost every record of this archive: sharing them says nothing about one commitment.
OWN_BODIES = {"cbss_children_at_risk_group", "cbss_children_unit", "cbss", "chair", "member_states"}
NOT_DONE = re.compile(r"\b(postponed|cancell?ed|called off|did not take place|was not (held|organised|published|possible)|"
                      r"not (yet )?(held|done|started|agreed|published|possible)|no (common )?\w+ was agreed|"
                      r"lack of funding|delayed to|moved to 20\d\d)\b", re.I)
IN_PROGRESS = re.compile(r"\b(under way|underway|ongoing|on-going|continues|continued|in progress|a draft|first draft|"
                         r"first outline|is planned|planning (is|has)|being (prepared|drafted|developed|translated)|drafting)\b", re.I)
FEATURES = ("lexical", "coverage", "named", "date_fit", "not_done", "in_progress")


@dataclass
class Unit:
    """A piece of a report that can evidence a commitment: an event entry or a sentence."""

    text: str
    doc: str
    kind: str  # event | sentence
    page: int | None
    paragraph_no: int | None
    block_no: int | None
    start: date | None
    end: date | None
    lemmas: Counter = field(default_factory=Counter)
    named: set[str] = field(default_factory=set)


@dataclass
class Commitment:
    record_id: str
    ref: str | None
    text: str
    plan_doc: str
    start: date | None
    end: date | None
    themes: list[str]
    lemmas: Counter = field(default_factory=Counter)
    named: set[str] = field(default_factory=set)


def content_lemmas(sdoc) -> Counter:
    return Counter(t.lemma_.lower() for t in sdoc
                   if t.is_alpha and not t.is_stop and len(t) > 2 and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ"))


def named_things(sdoc, registry, extra: list[str] = ()) -> set[str]:
    """Projects, bodies (but the group's own), cities, states and other names a text mentions."""
    out = set()
    for ent in sdoc.ents:
        if ent.label_ in ("BODY", "PROJECT"):
            if ent.ent_id_ not in OWN_BODIES:
                out.add(f"{ent.label_.lower()}:{ent.ent_id_}")
        elif ent.label_ == "CITY":
            out.add(f"place:{ent.text.lower()}")
            out.add(f"state:{ent.ent_id_}")
        elif ent.label_ == "STATE":
            out.add(f"state:{ent.ent_id_}")
        elif ent.label_ in ("ORG", "PERSON", "GPE", "NORP") and len(ent.text) > 2:
            code = registry.state(ent.text, adjectives=True)
            out.add(f"state:{code}" if code else f"name:{ent.text.lower()}")
    for token in sdoc:  # "Latvian ministry", "Lithuanian social workers"
        code = registry.state(token.text, adjectives=True) if token.text[:1].isupper() else None
        if code:
            out.add(f"state:{code}")
    for place in extra:
        if place:
            out.add(f"place:{place.lower()}")
            hit = registry.city(place)
            if hit:
                out.add(f"state:{hit[1]}")
    return out


def idf_table(counters: list[Counter]) -> dict[str, float]:
    df = Counter()
    for c in counters:
        df.update(set(c))
    n = len(counters)
    return {term: math.log((n + 1) / (d + 1)) + 1 for term, d in df.items()}


def cosine(a: Counter, b: Counter, idf: dict[str, float]) -> float:
    wa = {t: c * idf.get(t, 1.0) for t, c in a.items()}
    wb = {t: c * idf.get(t, 1.0) for t, c in b.items()}
    dot = sum(v * wb.get(t, 0.0) for t, v in wa.items())
    na = math.sqrt(sum(v * v for v in wa.values()))
    nb = math.sqrt(sum(v * v for v in wb.values()))
    return dot / (na * nb) if na and nb else 0.0


def coverage(a: Counter, b: Counter, idf: dict[str, float]) -> float:
    """Share of the commitment's (IDF-weighted) content words the passage also has: a long passage
    that contains the commitment is not diluted as it is under cosine."""
    total = sum(idf.get(t, 1.0) for t in a)
    return sum(idf.get(t, 1.0) for t in a if t in b) / total if total else 0.0


def named_overlap(c: set[str], u: set[str], named_idf: dict[str, float]) -> float:
    """Share of the commitment's named things the passage names too; 0.5 (no information) when it names none."""
    if not c:
        return 0.5
    total = sum(named_idf.get(x, 1.0) for x in c)
    return sum(named_idf.get(x, 1.0) for x in c & u) / total


def date_fit(c: Commitment, u: Unit) -> float:
    """1 when the passage is dated inside or after the commitment's window, 0 when before it, 0.5 unknown."""
    if u.start is None or c.start is None:
        return 0.5
    return 0.0 if u.end < c.start - timedelta(days=31) else 1.0


def features(c: Commitment, u: Unit, idf: dict[str, float], named_idf: dict[str, float]) -> dict[str, float]:
    return {
        "lexical": cosine(c.lemmas, u.lemmas, idf),
        "coverage": coverage(c.lemmas, u.lemmas, idf),
        "named": named_overlap(c.named, u.named, named_idf),
        "date_fit": date_fit(c, u),
        "not_done": 1.0 if NOT_DONE.search(u.text) else 0.0,
        "in_progress": 1.0 if IN_PROGRESS.search(u.text) else 0.0,
    }


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> dict:
    return json.loads(Path(path or MODEL_PATH).read_text())


def score(feats: dict[str, float], model: dict | None = None) -> float:
    model = model or load_model()
    z = model["bias"] + sum(model["weights"][k] * feats[k] for k in FEATURES)
    return 1 / (1 + math.exp(-z))


def shared_terms(c: Commitment, u: Unit) -> list[str]:
    return sorted(set(c.lemmas) & set(u.lemmas))


def status_for(best: float, deadline: date | None, report_end: date | None, model: dict | None = None) -> str:
    model = model or load_model()
    if best >= model["thresholds"]["evidenced"]:
        return "evidenced"
    if best >= model["thresholds"]["partly"]:
        return "partly evidenced"
    if deadline is not None and report_end is not None and deadline < report_end:
        return "overdue"
    return "no evidence"
