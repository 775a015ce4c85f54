"""Leave-one-author-out: train the prose classifier on every author but one, score the one left out.

    python bench/narrative_loao.py [--variants cues,plain,rules,cues3,sklr] [--cache F] [--save | --save-only]

Each author wrote labelled units for the purpose in one genre and voice
(`extractors/data/narrative/authors/*/units.txt`; `a0_original` is the first set,
train.jsonl + heldout.jsonl). For each author the model is trained on all the others and
scored on that author's units: macro F1 over event / activity / none, per author, and the mean.
A fold's training set never holds the held-out author's units, nor another author's unit whose
text is the same as one of them ("Thank you for your attention", "Questions": 54 such texts);
the count dropped is printed.

Variants: `cues` (words + position + the rules' cue words: the shipped model, spaCy TextCatBOW,
word pairs, 20 epochs), `plain` (words + position, the earlier model), `rules` (the rules alone,
no training), and two alternatives compared in bench/NARRATIVE.md: `cues3` (the same TextCatBOW
over word triples too) and `sklr` (scikit-learn logistic regression over the same text, words and
word pairs, tf-idf, C picked inside each fold by three-fold leave-authors-out on its training
authors; needs scikit-learn, which is not a dependency: `--sklearn-path` adds a folder holding it).
Every variant's probabilities are moved to the document priors before the arg-max, as ingest does.
`--save` trains the shipped model on every author and writes it to extractors/data/narrative/model/.
The archive's dev documents are not used here.
"""
from __future__ import annotations

import argparse
import pickle
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.prose import narrative_data as nd  # noqa: E402
from extractors.prose import narrative_model as nm  # noqa: E402


def macro_f1(gold: list[str], pred: list[str]) -> tuple[float, dict[str, float]]:
    per = {}
    for label in nm.LABELS:
        tp = sum(g == p == label for g, p in zip(gold, pred))
        n_pred, n_gold = sum(p == label for p in pred), sum(g == label for g in gold)
        prec, rec = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
        per[label] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return sum(per.values()) / len(per), per


def predict(model, texts: list[str]) -> list[str]:
    return [max(s, key=s.get) for s in nm.classify_texts(texts, model)]


def norm(example: nd.Example) -> str:
    """The unit's own words (its position tags stripped), lower-case, punctuation dropped."""
    text = re.sub(r"^.*?\bctxgenre\w+ ", "", example.plain, count=1)
    return re.sub(r"\W+", " ", text.lower()).strip()


def train_bow(pairs: list[tuple[str, str]], epochs: int, ngram_size: int, seed: int = 7):
    """nm.train's recipe with another n-gram size (the alternative `cues3`)."""
    import random

    import spacy
    from spacy.training import Example

    random.seed(seed)
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": ngram_size,
        "no_output_layer": False, "length": 262144}})
    for label in nm.LABELS:
        textcat.add_label(label)
    data = [Example.from_dict(nlp.make_doc(text), {"cats": {lab: float(lab == label) for lab in nm.LABELS}})
            for text, label in pairs]
    optimizer = nlp.initialize(lambda: data)
    for _ in range(epochs):
        random.shuffle(data)
        for start in range(0, len(data), 32):
            nlp.update(data[start:start + 32], sgd=optimizer, drop=0.2)
    counts = {lab: sum(label == lab for _, label in pairs) for lab in nm.LABELS}
    nlp.meta["label_priors"] = {lab: counts[lab] / max(1, len(pairs)) for lab in nm.LABELS}
    return nlp


def sklearn_predict(train: list[nd.Example], test: list[nd.Example],
                    fixed_c: float | None = None) -> tuple[list[str], float]:
    """Logistic regression over tf-idf words and word pairs of the same context text; C chosen by
    three-fold leave-authors-out inside the training authors (never on the held-out author), or
    `fixed_c` (ten times cheaper)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    def fit(rows, c):
        pipe = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"),
                             LogisticRegression(C=c, max_iter=3000))
        return pipe.fit([e.context for e in rows], [e.label for e in rows])

    authors = sorted({e.author for e in train})
    groups = [authors[i::3] for i in range(3)]
    best_c, best = 1.0, -1.0
    for c in () if fixed_c else (1.0, 4.0, 16.0):
        f1s = []
        for group in groups:
            inner_train = [e for e in train if e.author not in group]
            inner_test = [e for e in train if e.author in group]
            pipe = fit(inner_train, c)
            f1s.append(macro_f1([e.label for e in inner_test], _shifted(pipe, inner_train, inner_test))[0])
        if sum(f1s) / 3 > best:
            best_c, best = c, sum(f1s) / 3
    best_c = fixed_c or best_c
    pipe = fit(train, best_c)
    return _shifted(pipe, train, test), best_c


def _shifted(pipe, train, test) -> list[str]:
    """The arg-max after moving the probabilities to the document priors, as nm.classify_texts does."""
    trained = {lab: sum(e.label == lab for e in train) / len(train) for lab in nm.LABELS}
    classes = list(pipe.classes_)
    out = []
    for row in pipe.predict_proba([e.context for e in test]):
        scores = nm.adjust_to_priors({lab: float(row[classes.index(lab)]) for lab in nm.LABELS}, trained)
        out.append(max(scores, key=scores.get))
    return out


def run(variants: list[str], examples: dict[str, list[nd.Example]], epochs: int,
        only: list[str] | None = None,
        sklr_c: float | None = None) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    table: dict[str, dict[str, float]] = {v: {} for v in variants}
    seconds = {v: 0.0 for v in variants}
    for held in examples:
        if only and held not in only:
            continue
        test = examples[held]
        gold = [e.label for e in test]
        seen = {norm(e) for e in test}
        train = [e for a, rows in examples.items() if a != held for e in rows if norm(e) not in seen]
        dropped = sum(len(r) for a, r in examples.items() if a != held) - len(train)
        assert not any(e.author == held for e in train)
        for variant in variants:
            t0 = time.perf_counter()
            note = ""
            if variant == "rules":
                pred = [e.rule_kind for e in test]
            elif variant == "sklr":
                pred, c = sklearn_predict(train, test, sklr_c)
                note = f" C={c:g}"
            elif variant == "cues3":
                model = train_bow([(e.context, e.label) for e in train], epochs, 3)
                pred = predict(model, [e.context for e in test])
            else:
                field = "context" if variant == "cues" else "plain"
                model = nm.train([(getattr(e, field), e.label) for e in train], out_dir=None, epochs=epochs)
                pred = predict(model, [getattr(e, field) for e in test])
            seconds[variant] += time.perf_counter() - t0
            table[variant][held], per = macro_f1(gold, pred)
            print(f"{held:24s} {variant:6s} n={len(test):4d} macro F1 {table[variant][held]:.3f}  "
                  + "  ".join(f"{k} {v:.3f}" for k, v in per.items())
                  + f"  (train {len(train)}, {dropped} same-text units dropped){note}", flush=True)
    return table, seconds


def load_examples(cache: str | None) -> dict[str, list[nd.Example]]:
    if cache and Path(cache).exists():
        return pickle.loads(Path(cache).read_bytes())
    by_author = nd.authors()
    examples = {a: nd.featurise(rows) for a, rows in by_author.items()}
    if cache:
        Path(cache).write_bytes(pickle.dumps(examples))
    return examples


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--variants", default="cues,plain,rules")
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--authors", help="comma-separated: score only these held-out authors (quick checks)")
    ap.add_argument("--cache", help="pickle of the featurised units: written if absent, read if present "
                                    "(only valid for one state of the rules)")
    ap.add_argument("--sklearn-path", help="a folder holding scikit-learn (pip install --target), for `sklr`")
    ap.add_argument("--sklr-c", type=float, help="`sklr` with this C instead of picking it inside each fold")
    ap.add_argument("--save", action="store_true", help="train on every author and write the shipped model")
    ap.add_argument("--save-only", action="store_true", help="--save without the leave-one-author-out runs")
    args = ap.parse_args()
    if args.sklearn_path:
        sys.path.append(args.sklearn_path)
    t0 = time.perf_counter()
    examples = load_examples(args.cache)
    print(f"{sum(map(len, examples.values()))} units from {len(examples)} authors, featurised in "
          f"{time.perf_counter() - t0:.1f} s", flush=True)
    table, seconds = ({}, {}) if args.save_only else run(
        args.variants.split(","), examples, args.epochs, args.authors.split(",") if args.authors else None,
        args.sklr_c)
    if any(table.values()):
        print()
        print("| author | units | " + " | ".join(table) + " |")
        print("| --- | --- | " + " | ".join("---" for _ in table) + " |")
        for a in examples:
            if a in next(iter(table.values())):
                print(f"| {a} | {len(examples[a])} | " + " | ".join(f"{table[v][a]:.3f}" for v in table) + " |")
        print("| **mean** | | " + " | ".join(f"**{sum(t.values()) / len(t):.3f}**" for t in table.values()) + " |")
        print("| min | | " + " | ".join(f"{min(t.values()):.3f}" for t in table.values()) + " |")
        print("seconds: " + ", ".join(f"{v} {s:.0f}" for v, s in seconds.items()))
    if args.save or args.save_only:
        everything = [(e.context, e.label) for rows in examples.values() for e in rows]
        nm.train(everything, out_dir=nm.MODEL_DIR, epochs=args.epochs)
        print(f"saved the model trained on {len(everything)} units to {nm.MODEL_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
