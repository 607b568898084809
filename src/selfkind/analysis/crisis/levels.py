"""From kept pattern hits (and the model's reading) to a crisis level.

``possible`` is a single weak or ambiguous sign, answered with a gentle check-in;
``likely`` is any direct or preparatory sign, or several weak ones, answered with
help first. A miss is the worst failure, so when in doubt the level goes up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from selfkind.analysis.crisis.model import ModelReading
from selfkind.analysis.crisis.patterns import Strength
from selfkind.core.analysis import CrisisLevel


@dataclass(frozen=True, slots=True)
class Hit:
    """One pattern match that survived the guards, in normalised-text offsets."""

    signal: str
    strength: Strength
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """Everything the level decision looks at."""

    hits: tuple[Hit, ...]
    # A pattern matched but a guard set it aside (denial, recovery, other person,
    # quote, idiom), or the text says it is not the writer's present: the text is
    # ABOUT crisis words, and the model, which cannot see tense, negation or who
    # speaks, may not raise the level alone.
    guarded: bool = False
    model: ModelReading | None = None


def separate_weak(hits: Sequence[Hit]) -> int:
    """Weak hits that do not overlap each other (one phrase is one sign)."""
    spans = sorted((h.start, h.end) for h in hits if h.strength is Strength.WEAK)
    count, last_end = 0, -1
    for start, end in spans:
        if start >= last_end:
            count += 1
            last_end = end
        else:
            last_end = max(last_end, end)
    return count


def decide_level(
    evidence: Evidence, *, possible_at: float, likely_at: float, soften_at: float = 1.01
) -> CrisisLevel:
    """The level for one statement (thresholds are the model's; unused without one).

    Any strong sign is `likely` (`possible` when the model is sure the text looks
    back on recovery or denies it); two separate weak signs are `likely`; one weak
    sign is `possible`, or `likely` when the model reads the text as a direct sign
    too. With no kept sign the model alone may raise the level, unless a guard
    said the crisis words are not the writer's present state.
    """
    model = evidence.model
    weak = separate_weak(evidence.hits)
    if any(h.strength is Strength.STRONG for h in evidence.hits) or weak >= 2:
        # A recovery story or a denial the guards did not catch, when the model is
        # sure of it: still answered, with a check-in instead of help first.
        if model is not None and model.receding >= soften_at:
            return CrisisLevel.POSSIBLE
        return CrisisLevel.LIKELY
    if weak == 1:
        if model is not None and model.direct >= likely_at:
            return CrisisLevel.LIKELY
        return CrisisLevel.POSSIBLE
    if model is None or evidence.guarded:
        return CrisisLevel.NONE
    if model.direct >= likely_at:
        return CrisisLevel.LIKELY
    if model.crisis >= possible_at:
        return CrisisLevel.POSSIBLE
    return CrisisLevel.NONE
