"""Shared detectors for the crisis tests (built once per session: compiling the
patterns is the slow part)."""

from __future__ import annotations

import numpy as np
import pytest

from selfkind.analysis.crisis.detector import RuleDetector, build_detector
from selfkind.analysis.crisis.guards import load_guards
from selfkind.analysis.crisis.model import SignalModel
from selfkind.analysis.crisis.normalize import load_lexicon
from selfkind.analysis.crisis.patterns import load_overlap_order, load_signal_patterns

DIM = 384


def fake_model() -> SignalModel:
    """A model that reads one-hot "embeddings": dimension 0 as a plan, 1 as calm,
    3 as mild hopelessness; dimension 2 is a three-way tie. It knows no words.

    unit(0): crisis 0.99 (direct)  -> likely
    unit(1): crisis 0.01           -> none
    unit(2): crisis 0.67, direct 0.33 -> possible
    unit(3): crisis 0.99, direct 0.01 -> possible (a mild class is never likely)
    """
    classes = ("none:figurative", "plan", "burden_hopelessness:possible")
    weights = np.zeros((3, DIM), dtype=np.float32)
    weights[0, 1] = weights[1, 0] = weights[2, 3] = 5.0
    return SignalModel(
        classes=classes,
        embedding_weights=weights,
        term_index={},
        idf=np.zeros(0, dtype=np.float32),
        term_weights=np.zeros((3, 0), dtype=np.float32),
        bias=np.zeros(3, dtype=np.float32),
        possible_at=0.45,
        likely_at=0.9,
        embedding_model="fake",
    )


@pytest.fixture
def fake() -> SignalModel:
    return fake_model()


@pytest.fixture(scope="session")
def rules() -> RuleDetector:
    """The packaged rules without the model signal (as when no embedding is given)."""
    return build_detector(use_model=False)


@pytest.fixture(scope="session")
def with_fake_model(rules: RuleDetector) -> RuleDetector:
    """Real rules plus the fake model above."""
    return RuleDetector(
        lexicon=load_lexicon(),
        signals=load_signal_patterns(),
        guards=load_guards(),
        model=fake_model(),
        overlap_order=load_overlap_order(),
    )
