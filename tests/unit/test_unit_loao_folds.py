"""bench/narrative_loao.py's folds: the held-out author's units never train the model that scores
them, nor does another author's unit with the same words ("Thank you for your attention"). The
training is replaced by a recorder: what is tested is who trains which fold, not the model."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from extractors.prose import narrative_data as nd
from extractors.prose import narrative_model as nm

pytestmark = pytest.mark.unit

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "narrative_loao.py"


def load_script():
    spec = importlib.util.spec_from_file_location("narrative_loao", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def example(author: str, text: str, label: str) -> nd.Example:
    return nd.Example(context=f"ctxprose cuelen2 ctxgenrereport {text}", plain=f"ctxprose ctxgenrereport {text}",
                      rule_kind=label, label=label, author=author)


def test_a_fold_trains_on_the_other_authors_only_and_drops_their_same_text_units(monkeypatch):
    loao = load_script()
    examples = {
        "a1": [example("a1", "The group met in Oslo.", "event"), example("a1", "Thank you for your attention!", "none")],
        "a2": [example("a2", "Train the police.", "activity"), example("a2", "Thank you for your attention", "none")],
        "a3": [example("a3", "The seminar was held in Riga.", "event")],
    }
    trained_on: list[list[str]] = []

    def fake_train(pairs, out_dir=None, epochs=20):
        trained_on.append([text for text, _ in pairs])
        return "model"

    monkeypatch.setattr(nm, "train", fake_train)
    monkeypatch.setattr(nm, "classify_texts", lambda texts, model: [{"event": 1.0} for _ in texts])
    table, _ = loao.run(["cues"], examples, epochs=1)
    assert set(table["cues"]) == {"a1", "a2", "a3"}
    fold_a1, fold_a2, fold_a3 = trained_on
    assert not any("Oslo" in t or "attention" in t for t in fold_a1)  # a1's own, and a2's same words
    assert any("police" in t for t in fold_a1) and any("Riga" in t for t in fold_a1)
    assert not any("police" in t or "attention" in t for t in fold_a2)
    assert sum("attention" in t for t in fold_a3) == 2  # a3 has no such unit: both others' stay


def test_norm_reads_the_unit_words_without_its_position_tags():
    loao = load_script()
    unit = nd.Example(context="", plain="ctxitem hwnext hwsteps ctxleadin ctxgenreslides Thank you, all!",
                      rule_kind="none", label="none", author="a1")
    assert loao.norm(unit) == "thank you all"
