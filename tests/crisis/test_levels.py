"""How signs combine into a level, with and without the model signal."""

from __future__ import annotations

import numpy as np

from selfkind.analysis.crisis.detector import RuleDetector
from selfkind.analysis.crisis.levels import Evidence, Hit, decide_level
from selfkind.analysis.crisis.patterns import Strength
from selfkind.core.analysis import CrisisLevel


def unit(index: int) -> np.ndarray:
    """A one-hot "embedding": the fake scorer reads 0 as crisis, 1 as calm, 2 as 50/50."""
    vector = np.zeros(384, dtype=np.float32)
    vector[index] = 1.0
    return vector


def weak(start: int) -> Hit:
    return Hit("burden_hopelessness", Strength.WEAK, start, start + 5)


def test_one_weak_sign_is_possible() -> None:
    assert decide_level(Evidence((weak(0),)), possible_at=0.6, likely_at=0.9) is (
        CrisisLevel.POSSIBLE
    )


def test_two_separate_weak_signs_are_likely() -> None:
    hits = (weak(0), weak(20))
    assert decide_level(Evidence(hits), possible_at=0.6, likely_at=0.9) is CrisisLevel.LIKELY


def test_overlapping_weak_hits_count_once() -> None:
    hits = (weak(0), weak(2))
    assert decide_level(Evidence(hits), possible_at=0.6, likely_at=0.9) is CrisisLevel.POSSIBLE


def test_one_strong_sign_is_likely() -> None:
    hit = Hit("preparation", Strength.STRONG, 0, 4)
    assert decide_level(Evidence((hit,)), possible_at=0.6, likely_at=0.9) is CrisisLevel.LIKELY


def test_hopelessness_alone_is_possible(rules: RuleDetector) -> None:
    assert rules.detect("I can't do this anymore.").level is CrisisLevel.POSSIBLE
    assert rules.detect("Nothing is ever going to get better.").level is CrisisLevel.POSSIBLE


def test_several_weak_signs_are_likely(rules: RuleDetector) -> None:
    text = "Nothing is ever going to get better. I can't do this anymore. What's the point."
    assert rules.detect(text).level is CrisisLevel.LIKELY


def test_preparation_alone_is_likely(rules: RuleDetector) -> None:
    assert rules.detect("I wrote a goodbye note tonight.").level is CrisisLevel.LIKELY


def test_model_alone_raises_possible_without_signals(with_fake_model: RuleDetector) -> None:
    text = "Everything feels very far away and quiet lately."
    assert with_fake_model.detect(text).level is CrisisLevel.NONE
    reading = with_fake_model.detect(text, embedding=unit(0))
    assert reading.level is CrisisLevel.POSSIBLE
    assert reading.signals == ()
    assert with_fake_model.detect(text, embedding=unit(1)).level is CrisisLevel.NONE


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


def test_sentence_matrix_uses_the_most_crisis_like_row(with_fake_model: RuleDetector) -> None:
    text = "Fine day. Everything feels far away."
    rows = np.stack([unit(1), unit(0)])
    assert with_fake_model.detect(text, embedding=rows).level is CrisisLevel.POSSIBLE
