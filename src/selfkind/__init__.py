"""selfkind: a local-first companion for practising self-compassion.

The public Python API::

    import selfkind
    result = selfkind.analyze("I always mess everything up")
    results = selfkind.analyze_many(["...", "..."])

``analyze`` loads the embedding model on first use (about half a second).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from selfkind._version import __version__
from selfkind.core.analysis import Analysis, CrisisLevel, CrisisSignal, PatternHit
from selfkind.core.clock import Clock, FixedClock, SystemClock
from selfkind.core.entries import Answer, Entry, EntryKind, NewEntry
from selfkind.core.pillars import Pillar, Stance
from selfkind.errors import InvalidInput, NotFound, SelfkindError, StorageError

if TYPE_CHECKING:
    from selfkind.services import Services
    from selfkind.settings import Settings


def analyze(text: str) -> Analysis:
    """Read one statement: stance, thinking patterns, crisis signals, a kinder reframe."""
    from selfkind.analysis import analyze as _analyze

    return _analyze(text)


def analyze_many(texts: Sequence[str]) -> list[Analysis]:
    """Read many statements in batches (much faster than one at a time)."""
    from selfkind.analysis import analyze_many as _analyze_many

    return _analyze_many(texts)


def __getattr__(name: str) -> object:
    # Settings pulls in pydantic-settings; load it only when asked for.
    if name == "Settings":
        from selfkind.settings import Settings

        return Settings
    raise AttributeError(f"module 'selfkind' has no attribute {name!r}")


def open_services(settings: Settings | None = None, **options: object) -> Services:
    """Open a journal (SQLite by default) and return its services."""
    from selfkind.services import open_services as _open

    return _open(settings, **options)  # type: ignore[arg-type]


__all__ = [
    "Analysis",
    "Answer",
    "Clock",
    "CrisisLevel",
    "CrisisSignal",
    "Entry",
    "EntryKind",
    "FixedClock",
    "InvalidInput",
    "NewEntry",
    "NotFound",
    "PatternHit",
    "Pillar",
    "SelfkindError",
    "Settings",
    "Stance",
    "StorageError",
    "SystemClock",
    "__version__",
    "analyze",
    "analyze_many",
    "open_services",
]
