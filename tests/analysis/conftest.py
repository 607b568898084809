"""Fixtures for the analyzer tests: the real model, loaded once per session."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from selfkind.analysis.crisis import CrisisReading
from selfkind.analysis.engine import AnalyzerEngine
from selfkind.core.analysis import CrisisLevel, CrisisSignal


@dataclass
class FixedDetector:
    """A test double: reports the same reading for every text, and records calls."""

    reading: CrisisReading
    calls: int = 0

    def detect(self, text: str, *, embedding: np.ndarray | None = None) -> CrisisReading:
        assert embedding is not None and embedding.shape == (384,)
        self.calls += 1
        return self.reading


CALM = CrisisReading(CrisisLevel.NONE)
ALARM = CrisisReading(CrisisLevel.LIKELY, (CrisisSignal("active_ideation", 0, 4),))


@pytest.fixture(scope="session")
def parts() -> dict[str, object]:
    from selfkind.analysis.embedder import load_embedder
    from selfkind.analysis.patterns import load_pattern_head, load_rules
    from selfkind.analysis.reframes import load_template_reframer
    from selfkind.analysis.stance_head import load_stance_head

    templates = load_template_reframer()
    return {
        "embedder": load_embedder(),
        "stance": load_stance_head(),
        "patterns": load_pattern_head(),
        "rules": load_rules(),
        "templates": templates,
        "reframer": templates,
    }


def make_engine(parts: dict[str, object], detector: object, **overrides: object) -> AnalyzerEngine:
    return AnalyzerEngine(**{**parts, "detector": detector, **overrides})  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def engine(parts: dict[str, object]) -> AnalyzerEngine:
    """The real parts with a calm crisis double (tests of the analyzer's own logic)."""
    return make_engine(parts, FixedDetector(CALM))


@pytest.fixture
def calm_detector() -> FixedDetector:
    return FixedDetector(CALM)


@pytest.fixture
def alarm_detector() -> FixedDetector:
    return FixedDetector(ALARM)


@pytest.fixture
def alarmed(parts: dict[str, object]) -> tuple[AnalyzerEngine, FixedDetector]:
    """The real parts with a crisis double that reports a likely crisis for every text."""
    detector = FixedDetector(ALARM)
    return make_engine(parts, detector), detector
