"""Shared detectors for the crisis tests (built once per session: loading the
patterns takes a few milliseconds, compiling them is the slow part)."""

from __future__ import annotations

import numpy as np
import pytest

from selfkind.analysis.crisis.detector import RuleDetector, build_detector
from selfkind.analysis.crisis.guards import load_guards
from selfkind.analysis.crisis.model import EmbeddingScorer
from selfkind.analysis.crisis.normalize import load_lexicon
from selfkind.analysis.crisis.patterns import load_signal_patterns

DIM = 384


@pytest.fixture(scope="session")
def rules() -> RuleDetector:
    """The packaged rules without the model signal (as when no embedding is given)."""
    return build_detector(use_model=False)


@pytest.fixture(scope="session")
def with_fake_model() -> RuleDetector:
    """Real rules plus a scorer that reads dimension 0 as crisis and 1 as calm.

    A one-hot vector on 0 scores ~0.99, on 1 ~0.01, on 2 exactly 0.5.
    """
    weights = np.zeros(DIM, dtype=np.float32)
    weights[0], weights[1] = 5.0, -5.0
    scorer = EmbeddingScorer(
        weights=weights, bias=0.0, possible_at=0.6, likely_at=0.9, embedding_model="fake"
    )
    return RuleDetector(
        lexicon=load_lexicon(), signals=load_signal_patterns(), guards=load_guards(), scorer=scorer
    )
