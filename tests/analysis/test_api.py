"""The public API and its promise not to load the model at import time."""

from __future__ import annotations

import subprocess
import sys

import pytest

import selfkind.analysis
from selfkind.core.analysis import Analysis


def test_public_api() -> None:
    assert sorted(selfkind.analysis.__all__) == [
        "analyze", "analyze_many", "build_analyzer", "get_analyzer"]


def test_import_loads_no_model_library() -> None:
    probe = ("import sys, selfkind.analysis, selfkind.analysis.engine;"
             "print(sorted(m for m in ('onnxruntime', 'tokenizers', 'sklearn') "
             "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.model
def test_get_analyzer_builds_once_with_the_real_detector() -> None:
    first = selfkind.analysis.get_analyzer()
    assert selfkind.analysis.get_analyzer() is first
    result = selfkind.analysis.analyze("I'm such an idiot, I missed the deadline again.")
    assert isinstance(result, Analysis) and result.harsh
    [again] = selfkind.analysis.analyze_many(["I'm such an idiot, I missed the deadline again."])
    assert again.scores == result.scores
