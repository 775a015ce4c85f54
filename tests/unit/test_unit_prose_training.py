"""The classifier's training code (extractors/prose/narrative_model.py load_examples, train) on a
handful of examples: each example's context words by hand, the priors counted, the model saved
only when asked. One epoch: what is tested is the plumbing, not the model's quality."""
from __future__ import annotations

import json

import pytest

from extractors.prose import narrative_model as nm

pytestmark = pytest.mark.unit


def test_load_examples_reads_each_line_in_context(tmp_path):
    path = tmp_path / "train.jsonl"
    path.write_text(json.dumps({"text": "The group met.", "label": "event"}) + "\n\n"
                    + json.dumps({"text": "Train police", "label": "activity", "in_list": True, "heading": "Our aims",
                                  "lead_in": "We will:", "genre": "plan"}) + "\n", encoding="utf-8")
    assert nm.load_examples(path) == [
        ("ctxprose ctxgenrereport The group met.", "event"),
        ("ctxitem hwour hwaims ctxleadin ctxpriorities ctxgenreplan Train police", "activity")]


EXAMPLES = [("ctxprose ctxgenrereport The seminar was held in Riga.", "event"),
            ("ctxprose ctxgenrereport The group met in Oslo.", "event"),
            ("ctxitem ctxgenreplan Train the police", "activity"),
            ("ctxprose ctxgenrereport Children face many risks.", "none")]


def test_train_counts_the_priors_and_saves_only_when_asked(tmp_path):
    nlp = nm.train(EXAMPLES, out_dir=None, epochs=1)
    assert nlp.meta["label_priors"] == {"event": 0.5, "activity": 0.25, "none": 0.25}
    assert set(nlp.get_pipe("textcat").labels) == set(nm.LABELS) == {"event", "activity", "none"}
    cats = nlp("ctxprose ctxgenrereport The seminar was held in Riga.").cats
    assert set(cats) == {"event", "activity", "none"} and sum(cats.values()) == pytest.approx(1.0)
    assert list(tmp_path.iterdir()) == []
    out = tmp_path / "model"
    nm.train(EXAMPLES[:2], out_dir=out, epochs=1)
    assert (out / "config.cfg").is_file() and (out / "meta.json").is_file()
    assert json.loads((out / "meta.json").read_text())["label_priors"] == {"event": 1.0, "activity": 0.0, "none": 0.0}
