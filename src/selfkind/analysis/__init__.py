"""The self-talk analyzer: ``analyze(text)``, ``analyze_many(texts)``.

Nothing is loaded at import time. ``get_analyzer()`` builds one process-wide
engine on first use (about half a second: the ONNX session), and every later
call reuses it. ``build_analyzer()`` builds a fresh one from explicit parts
(settings, a crisis detector), for tests and for callers that want their own.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from selfkind.core.analysis import Analysis

if TYPE_CHECKING:
    from selfkind.analysis.crisis import CrisisDetector
    from selfkind.analysis.engine import AnalyzerEngine
    from selfkind.settings import Settings

__all__ = ["analyze", "analyze_many", "build_analyzer", "get_analyzer"]

_lock = threading.Lock()
_shared: AnalyzerEngine | None = None


def build_analyzer(settings: Settings | None = None, *,
                   detector: CrisisDetector | None = None) -> AnalyzerEngine:
    """A new engine: the embedding model, the heads, the rules and a reframer.

    ``detector`` defaults to the crisis engineer's ``build_detector()``; crisis
    detection is never skipped silently, so a missing detector is an error.
    """
    from selfkind.analysis.embedder import load_embedder
    from selfkind.analysis.engine import AnalyzerEngine
    from selfkind.analysis.llm_reframe import build_reframer
    from selfkind.analysis.patterns import load_pattern_head, load_rules
    from selfkind.analysis.reframes import load_template_reframer
    from selfkind.analysis.stance_head import load_stance_head

    if detector is None:
        from selfkind.analysis.crisis.detector import build_detector

        detector = build_detector()
    if settings is None:
        from selfkind.settings import Settings

        settings = Settings()
    templates = load_template_reframer()
    reframer = build_reframer(url=settings.reframe_url, model=settings.reframe_model,
                              timeout=settings.reframe_timeout, fallback=templates)
    return AnalyzerEngine(
        embedder=load_embedder(),
        stance=load_stance_head(),
        patterns=load_pattern_head(),
        rules=load_rules(),
        detector=detector,
        reframer=reframer,
        templates=templates,
    )


def get_analyzer() -> AnalyzerEngine:
    """The process-wide engine, built on the first call (thread-safe)."""
    global _shared
    if _shared is None:
        with _lock:
            if _shared is None:
                _shared = build_analyzer()
    return _shared


def analyze(text: str) -> Analysis:
    """Read one statement: stance, thinking patterns, crisis, reframe."""
    return get_analyzer().analyze(text)


def analyze_many(texts: Sequence[str]) -> list[Analysis]:
    """Read many statements in one batched pass (much faster than one by one)."""
    return get_analyzer().analyze_many(texts)
