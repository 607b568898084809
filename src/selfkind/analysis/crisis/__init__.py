"""Crisis detection: runs before everything else the analyzer does, and favours recall.

The seam the analyzer engine calls is :class:`CrisisDetector`; ``detect`` gets the
text and, when the engine already has it, the text's sentence embedding (so the
model signal costs no extra embedding).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from selfkind.core.analysis import CrisisLevel, CrisisSignal

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True, slots=True)
class CrisisReading:
    level: CrisisLevel
    signals: tuple[CrisisSignal, ...] = ()
    # The worry is about someone else ("my friend said she wants to die"):
    # route to resources for helping another person, not to a personal alarm.
    about_other: bool = False


class CrisisDetector(Protocol):
    def detect(self, text: str, *, embedding: np.ndarray | None = None) -> CrisisReading: ...
