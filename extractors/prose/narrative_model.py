"""The trained half of the narrative decision: a spaCy text classifier (bag of words and word
pairs, `spacy.TextCatBOW.v3`, three exclusive classes: event, activity, none) over the unit's
words, its position (item, lead-in, heading words, genre) and the rules' cue words (tense, voice,
modality, verb class, subject, own date and city, the rules' own verdict: `narrative_kind.cue_words`).

Why spaCy textcat and not scikit-learn: spaCy is already the pipeline's NLP library, so the
model adds no dependency; a BOW model is a linear model over hashed features, trains in seconds on
a few thousand units and classifies one in microseconds. Compared in bench/NARRATIVE.md.

Training units: written for the purpose by seven authors, one genre and voice each
(`extractors/data/narrative/train.jsonl` + `heldout.jsonl`, and `authors/*/units.txt`), kept apart
per author so that `bench/narrative_loao.py` reports leave-one-author-out; none taken from the
archive's dev or judged documents. `planscope train-classifier` retrains it.

How it decides (`model_opinion`, DECISION below): by default the rules' sure decisions stand and the
classifier decides the rest; its probabilities are moved from the training mix (a third each) to
the mix of real prose documents (DOCUMENT_PRIORS).
"""
from __future__ import annotations

import json
import os
import random
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "narrative"  # extractors/data, shared by the subpackages
MODEL_DIR = Path(os.environ.get("PLANSCOPE_NARRATIVE_MODEL") or DATA / "model")
PRIORS_FILE = "label_priors.json"
LABELS = ("event", "activity", "none")
PRIORITY = re.compile(r"\b(priorit(?:y|ies)|focus|aims?|objectives|areas? of (?:co-?operation|work))\b", re.I)

# Rules that decide alone; the classifier only explains.
SURE_RULES = {"decided work", "directed work", "recalled", "debris", "signature", "preamble", "title", "rotation", "quote", "not happened", "person", "priority item", "planned item", "future", "ongoing work", "dated entry", "dated participle",
              "event verb", "lead-in item", "elaboration",
              "programme slot", "announcement title", "invitation", "called to work"}
# Rules whose "no record" a confident classifier may overturn, and whose "record" it may veto.
OPEN_NONE_RULES = {"description", "past description", "fragment", "none", "anaphoric"}
WEAK_RECORD_RULES = {"event verb with date or place", "body acts", "dated event noun", "nominal event"}
# The classifier never makes a record alone: at any threshold, the records it added on real prose
# (the dev documents) were mostly descriptions, though it helped on the held-out sentences written
# like its training set (bench/NARRATIVE.md). It vetoes weak rule decisions instead.
ADD_AT: float | None = None
VETO_AT = 0.6  # classifier probability of "none" needed to drop a weak rule's record (set on held-out sentences)


def context_text(text: str, *, in_list: bool, lead_in: str | None, heading: str | None, genre: str | None,
                 cues: list[str] | tuple[str, ...] = ()) -> str:
    """The sentence with its position and the rules' cues as words the bag-of-words model can weigh."""
    tags = ["ctxitem" if in_list else "ctxprose", *cues]
    # the heading's words, marked as such: "What we did" / "Next steps" / "Planned" tell past from planned
    tags += ["hw" + w for w in re.findall(r"[a-z]{3,}", (heading or "").lower())[:8]]
    if lead_in:
        tags.append("ctxleadin")
    if PRIORITY.search(" ".join(x for x in (heading, lead_in) if x)):
        tags.append("ctxpriorities")
    tags.append(f"ctxgenre{genre or 'report'}")
    return " ".join(tags) + " " + text


GENRE_OF_KIND = {"table_plan": "plan", "narrative_plan": "plan", "unknown": "report"}


def unit_context(unit, doc_kind: str | None, cues: list[str] | tuple[str, ...] = ()) -> str:
    genre = GENRE_OF_KIND.get(doc_kind or "", doc_kind)
    return context_text(unit.text, in_list=unit.shape == "item", lead_in=unit.lead_in, heading=unit.heading,
                        genre=genre, cues=cues)


def load_examples(path: Path) -> list[tuple[str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append((context_text(row["text"], in_list=row.get("in_list", False), lead_in=row.get("lead_in"),
                                     heading=row.get("heading"), genre=row.get("genre")), row["label"]))
    return out


def train(examples: list[tuple[str, str]], out_dir: Path | None = MODEL_DIR, epochs: int = 20, seed: int = 7):
    """Train the classifier on (context text, label) pairs; save it to out_dir when given."""
    import spacy
    from spacy.training import Example

    random.seed(seed)
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
        "no_output_layer": False, "length": 65536}})
    for label in LABELS:
        textcat.add_label(label)
    data = [Example.from_dict(nlp.make_doc(text), {"cats": {lab: float(lab == label) for lab in LABELS}})
            for text, label in examples]
    optimizer = nlp.initialize(lambda: data)
    for _ in range(epochs):
        random.shuffle(data)
        for start in range(0, len(data), 32):
            nlp.update(data[start:start + 32], sgd=optimizer, drop=0.2)
    counts = {lab: sum(label == lab for _, label in examples) for lab in LABELS}
    nlp.meta["label_priors"] = {lab: counts[lab] / max(1, len(examples)) for lab in LABELS}
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        nlp.to_disk(out_dir)
    return nlp


@lru_cache(maxsize=1)
def load_model():
    """The packaged classifier, or None when it has not been trained (the rules then decide alone)."""
    if not (MODEL_DIR / "config.cfg").exists():
        return None
    from extractors.entities.nlp import load_sharing_tokenizer  # its tokenizer is the English model's: loaded once

    return load_sharing_tokenizer(MODEL_DIR)


# How often a unit of a real prose document is an event, an activity or nothing. The written
# training units are near balanced (a third each) so that every label has examples; whole
# documents are mostly description. Bayes' rule moves the classifier's probabilities from the
# training mix to this one (Saerens et al. 2002, "Adjusting the outputs of a classifier to new a
# priori probabilities"). Measured on the authors' whole written documents (units cut by the
# segmenter, labelled by their expected records), never on the archive's dev documents.
DOCUMENT_PRIORS = {"event": 0.23, "activity": 0.32, "none": 0.45}


def adjust_to_priors(scores: dict[str, float], trained: dict[str, float] | None,
                     target: dict[str, float] | None = None) -> dict[str, float]:
    target = target or DOCUMENT_PRIORS
    if not scores or not trained:
        return scores
    # a label the model never saw in training keeps probability 0 (no division by a zero prior)
    raw = {lab: scores.get(lab, 0.0) * target[lab] / trained[lab] if trained.get(lab) else 0.0 for lab in LABELS}
    total = sum(raw.values()) or 1.0
    return {lab: value / total for lab, value in raw.items()}


def classify_texts(texts: list[str], nlp=None, priors: dict[str, float] | None = None) -> list[dict[str, float]]:
    """Each text's probabilities of event / activity / none, moved to the document priors."""
    nlp = nlp or load_model()
    if nlp is None:
        return [{} for _ in texts]
    trained = nlp.meta.get("label_priors")
    return [adjust_to_priors(dict(d.cats), trained, priors) for d in nlp.pipe(texts, batch_size=256)]


def combine(decision, scores: dict[str, float]):
    """The rules' decision, adjusted by the classifier where the rules are unsure."""
    decision.model_scores = scores
    if not scores or decision.rule in SURE_RULES:
        return decision
    best = max(scores, key=scores.get)
    if ADD_AT is not None and decision.kind is None and decision.rule in OPEN_NONE_RULES and best != "none" \
            and scores[best] >= ADD_AT:
        decision.kind, decision.rule = best, "classifier"
        decision.reasons.append(f"the classifier is sure it is an {best} ({scores[best]:.2f})")
    elif decision.kind is not None and decision.rule in WEAK_RECORD_RULES and scores.get("none", 0) >= VETO_AT:
        decision.reasons.append(f"the classifier is sure it is no record ({scores['none']:.2f})")
        decision.kind, decision.rule = None, "classifier veto"
    return decision


def decide_by_model(decision, scores: dict[str, float]):
    """The classifier decides; the rules' verdict and cues are among its input words, so the
    rules inform the decision without gating it. Without a model the rules decide alone."""
    decision.model_scores = scores
    if not scores:
        return decision
    best = max(scores, key=scores.get)
    kind = None if best == "none" else best
    if decision.kind is None and kind is not None and scores[best] < ADD_RECORD_AT:
        kind = None  # the rules found no record: the classifier must be sure to make one
    if kind != decision.kind:
        decision.reasons.append(f"the classifier says {best} ({scores[best]:.2f}) where the rules said "
                                f"{decision.kind or 'no record'}")
        decision.rule = f"classifier over {decision.rule}"
    decision.kind = kind
    return decision


# Where the rules found no record, the classifier makes one only at this probability (after the
# prior shift); set by leave-one-author-out on the authors' documents (bench/NARRATIVE.md).
ADD_RECORD_AT = float(os.environ.get("PLANSCOPE_ADD_RECORD_AT", "0.6"))

# "hybrid" (the default): the rules' sure decisions stand (debris, titles, priority and planned items,
# "will", dated entries, strong event verbs); everywhere else the classifier decides over the rules'
# cues. "model": the classifier decides everything. "veto": the earlier way, the rules decide and a
# confident classifier vetoes their weak records. Figures for the three in bench/NARRATIVE.md.
DECISION = os.environ.get("PLANSCOPE_NARRATIVE_DECISION", "hybrid")


def model_opinion(decision, draft, doc_kind: str | None = None, cues: list[str] | tuple[str, ...] = (),
                  scores: dict[str, float] | None = None):
    """The decision for one draft: the classifier over its words, position and the rules' cues.
    `scores`: the draft's classify_texts result when the caller scored a document's units in one batch."""
    if scores is None:
        scores = classify_texts([unit_context(draft.unit, doc_kind, cues)])[0]
    if DECISION == "veto":
        return combine(decision, scores)
    if DECISION == "hybrid" and decision.rule in SURE_RULES:
        decision.model_scores = scores
        return decision
    return decide_by_model(decision, scores)
