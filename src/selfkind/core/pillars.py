"""Neff's three pillars and the seven stances the analyzer reads."""

from __future__ import annotations

from enum import StrEnum


class Pillar(StrEnum):
    SELF_KINDNESS = "self_kindness"
    COMMON_HUMANITY = "common_humanity"
    MINDFULNESS = "mindfulness"


class Stance(StrEnum):
    SELF_JUDGMENT = "self_judgment"
    ISOLATION = "isolation"
    OVER_IDENTIFICATION = "over_identification"
    SELF_KINDNESS = "self_kindness"
    COMMON_HUMANITY = "common_humanity"
    MINDFULNESS = "mindfulness"
    NEUTRAL = "neutral"

    @property
    def harsh(self) -> bool:
        return self in HARSH_STANCES

    @property
    def compassionate(self) -> bool:
        return self in COMPASSIONATE_STANCES


HARSH_STANCES = frozenset(
    {Stance.SELF_JUDGMENT, Stance.ISOLATION, Stance.OVER_IDENTIFICATION}
)
COMPASSIONATE_STANCES = frozenset(
    {Stance.SELF_KINDNESS, Stance.COMMON_HUMANITY, Stance.MINDFULNESS}
)

#: Each pillar's healthy pole paired with the pole it answers.
PILLAR_PAIRS: dict[Pillar, tuple[Stance, Stance]] = {
    Pillar.SELF_KINDNESS: (Stance.SELF_KINDNESS, Stance.SELF_JUDGMENT),
    Pillar.COMMON_HUMANITY: (Stance.COMMON_HUMANITY, Stance.ISOLATION),
    Pillar.MINDFULNESS: (Stance.MINDFULNESS, Stance.OVER_IDENTIFICATION),
}
