"""How signs combine into a level, with and without the model signal."""

from __future__ import annotations

import numpy as np

from selfkind.analysis.crisis.detector import RuleDetector
from selfkind.analysis.crisis.levels import Evidence, Hit, decide_level
from selfkind.analysis.crisis.model import ModelReading
from selfkind.analysis.crisis.patterns import Strength
from selfkind.core.analysis import CrisisLevel


def unit(index: int) -> np.ndarray:
    """A one-hot "embedding" (see the fake model in conftest)."""
    vector = np.zeros(384, dtype=np.float32)
    vector[index] = 1.0
    return vector


def weak(start: int, signal: str = "burden_hopelessness") -> Hit:
    return Hit(signal, Strength.WEAK, start, start + 5)


def reading(crisis: float, direct: float) -> ModelReading:
    return ModelReading(crisis=crisis, direct=direct, signal="plan", signal_probability=1.0)


def level(evidence: Evidence) -> CrisisLevel:
    return decide_level(evidence, possible_at=0.5, likely_at=0.8)


def test_one_weak_sign_is_possible() -> None:
    assert level(Evidence((weak(0),))) is CrisisLevel.POSSIBLE


def test_two_separate_weak_signs_are_likely() -> None:
    assert level(Evidence((weak(0), weak(20, "passive_death_wish")))) is CrisisLevel.LIKELY


def test_overlapping_weak_hits_count_once() -> None:
    assert level(Evidence((weak(0), weak(2)))) is CrisisLevel.POSSIBLE


def test_one_strong_sign_is_likely() -> None:
    hit = Hit("preparation", Strength.STRONG, 0, 4)
    assert level(Evidence((hit,))) is CrisisLevel.LIKELY


def test_the_model_alone_follows_its_two_thresholds() -> None:
    assert level(Evidence((), model=reading(0.3, 0.3))) is CrisisLevel.NONE
    assert level(Evidence((), model=reading(0.6, 0.6))) is CrisisLevel.POSSIBLE
    assert level(Evidence((), model=reading(0.9, 0.85))) is CrisisLevel.LIKELY
    # Mostly a mild sign: crisis-like, but not a direct one.
    assert level(Evidence((), model=reading(0.95, 0.2))) is CrisisLevel.POSSIBLE


def test_a_guard_keeps_the_model_alone_silent() -> None:
    assert level(Evidence((), guarded=True, model=reading(0.99, 0.99))) is CrisisLevel.NONE


def test_hopelessness_alone_is_possible(rules: RuleDetector) -> None:
    assert rules.detect("I can't do this anymore.").level is CrisisLevel.POSSIBLE
    assert rules.detect("Nothing is ever going to get better.").level is CrisisLevel.POSSIBLE


def test_several_weak_signs_are_likely(rules: RuleDetector) -> None:
    text = "Nothing is ever going to get better. I can't do this anymore. What's the point."
    assert rules.detect(text).level is CrisisLevel.LIKELY


def test_preparation_alone_is_likely(rules: RuleDetector) -> None:
    assert rules.detect("I wrote a goodbye note tonight.").level is CrisisLevel.LIKELY


def test_model_alone_names_its_sign_on_a_sentence(with_fake_model: RuleDetector) -> None:
    text = "Everything feels very far away and quiet lately."
    assert with_fake_model.detect(text).level is CrisisLevel.NONE
    found = with_fake_model.detect(text, embedding=unit(0))
    assert found.level is CrisisLevel.LIKELY
    assert [(s.signal, s.start, s.end) for s in found.signals] == [("plan", 0, len(text))]
    assert with_fake_model.detect(text, embedding=unit(1)).level is CrisisLevel.NONE


def test_model_alone_on_a_mild_sign_is_possible(with_fake_model: RuleDetector) -> None:
    text = "Everything feels very far away and quiet lately."
    found = with_fake_model.detect(text, embedding=unit(3))
    assert found.level is CrisisLevel.POSSIBLE
    assert [s.signal for s in found.signals] == ["burden_hopelessness"]
    assert with_fake_model.detect(text, embedding=unit(2)).level is CrisisLevel.POSSIBLE


def test_model_makes_a_weak_sign_likely(with_fake_model: RuleDetector) -> None:
    text = "I can't do this anymore."
    assert with_fake_model.detect(text, embedding=unit(2)).level is CrisisLevel.POSSIBLE
    assert with_fake_model.detect(text, embedding=unit(0)).level is CrisisLevel.LIKELY


def test_model_never_overrides_a_guard(with_fake_model: RuleDetector) -> None:
    text = "I'm not suicidal, just tired."
    assert with_fake_model.detect(text, embedding=unit(0)).level is CrisisLevel.NONE


def test_model_cannot_lower_a_rule_alarm(with_fake_model: RuleDetector) -> None:
    text = "I'm going to kill myself tonight."
    assert with_fake_model.detect(text, embedding=unit(1)).level is CrisisLevel.LIKELY


def test_unusable_embeddings_are_ignored(with_fake_model: RuleDetector) -> None:
    text = "Everything feels very far away and quiet lately."
    bad = [np.zeros(10, dtype=np.float32), np.full(384, np.nan, dtype=np.float32)]
    for embedding in bad:
        assert with_fake_model.detect(text, embedding=embedding).level is CrisisLevel.NONE


def test_sentence_rows_point_at_the_sentence(with_fake_model: RuleDetector) -> None:
    # Read as a whole (the mean of its rows) the text is half calm, half a plan:
    # `possible`, and the plan is pointed at in the second sentence.
    text = "Fine day. Everything feels far away."
    found = with_fake_model.detect(text, embedding=np.stack([unit(1), unit(0)]))
    assert found.level is CrisisLevel.POSSIBLE
    assert [(s.signal, s.sentence, text[s.start : s.end]) for s in found.signals] == [
        ("plan", 1, "Everything feels far away.")
    ]
