"""What the self-talk analyzer returns, as plain data (the engine lives in
``selfkind.analysis``; this module imports no model library)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from selfkind.core.pillars import COMPASSIONATE_STANCES, HARSH_STANCES, Stance

PATTERN_NAMES: tuple[str, ...] = (
    "all_or_nothing",
    "overgeneralizing",
    "labeling",
    "should_statements",
    "catastrophizing",
    "mind_reading",
    "fortune_telling",
    "personalizing",
    "discounting_positive",
    "emotional_reasoning",
    "comparing",
    "mental_filter",
    "blaming",
)


class CrisisLevel(StrEnum):
    NONE = "none"
    POSSIBLE = "possible"
    LIKELY = "likely"


CRISIS_SIGNALS: tuple[str, ...] = (
    "passive_death_wish",
    "active_ideation",
    "method",
    "intent",
    "plan",
    "preparation",
    "past_attempt",
    "self_harm",
    "burden_hopelessness",
    "harm_from_others",
    "eating_disorder",
)


@dataclass(frozen=True, slots=True)
class PatternHit:
    """A thinking pattern and the character span (in the whole text) that shows it."""

    name: str
    start: int
    end: int
    sentence: int = 0


@dataclass(frozen=True, slots=True)
class CrisisSignal:
    """A crisis warning sign and the character span that shows it."""

    signal: str
    start: int
    end: int
    sentence: int = 0


@dataclass(frozen=True)
class Analysis:
    """The analyzer's reading of one statement."""

    text: str
    dominant: Stance
    scores: Mapping[Stance, float]
    patterns: tuple[PatternHit, ...] = ()
    crisis_level: CrisisLevel = CrisisLevel.NONE
    crisis_signals: tuple[CrisisSignal, ...] = ()
    about_other: bool = False
    reframe: str | None = None
    friend_prompt: str = ""
    language: str = "en"
    driver_sentence: int = 0
    sentences: tuple[tuple[int, int], ...] = field(default=())

    @property
    def harsh(self) -> bool:
        return self.dominant in HARSH_STANCES

    @property
    def crisis(self) -> bool:
        return self.crisis_level is not CrisisLevel.NONE

    @property
    def compassion(self) -> float:
        """Summed compassionate scores minus summed uncompassionate ones (-1..1)."""
        up = sum(self.scores.get(s, 0.0) for s in COMPASSIONATE_STANCES)
        down = sum(self.scores.get(s, 0.0) for s in HARSH_STANCES)
        return max(-1.0, min(1.0, up - down))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (the ``--jsonl`` contract)."""
        return {
            "text": self.text,
            "dominant": self.dominant.value,
            "scores": {s.value: round(float(self.scores.get(s, 0.0)), 6) for s in Stance},
            "harsh": self.harsh,
            "compassion": round(self.compassion, 6),
            "patterns": [
                {"name": p.name, "start": p.start, "end": p.end, "sentence": p.sentence}
                for p in self.patterns
            ],
            "crisis": self.crisis,
            "crisis_level": self.crisis_level.value,
            "crisis_signals": [
                {"signal": c.signal, "start": c.start, "end": c.end, "sentence": c.sentence}
                for c in self.crisis_signals
            ],
            "about_other": self.about_other,
            "reframe": None if self.crisis else self.reframe,
            "friend_prompt": self.friend_prompt,
            "language": self.language,
            "driver_sentence": self.driver_sentence,
            "sentences": [list(span) for span in self.sentences],
        }


class Analyzer(Protocol):
    """The seam the services call; ``selfkind.analysis`` provides the real one."""

    def analyze(self, text: str) -> Analysis: ...

    def analyze_many(self, texts: Sequence[str]) -> list[Analysis]: ...
