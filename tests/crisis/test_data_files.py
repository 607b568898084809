"""The data files load, name only known signals, and the detector stays light."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from selfkind.analysis.crisis.patterns import expand_macros, load_signal_patterns
from selfkind.core.analysis import CRISIS_SIGNALS


def test_every_signal_has_patterns() -> None:
    names = {p.signal for p in load_signal_patterns()}
    assert names == set(CRISIS_SIGNALS)


def test_macros_expand_and_swallow_their_space() -> None:
    macros = {"adv": "(?:(?:really|just) )*", "die": "(?:die|be dead)"}
    expanded = expand_macros("want @adv to @die", macros)
    assert expanded == "want (?:(?:really|just) )*to (?:die|be dead)"


def test_building_the_detector_loads_no_model_library() -> None:
    code = (
        "import sys\n"
        "from selfkind.analysis.crisis.detector import build_detector\n"
        "d = build_detector()\n"
        "d.detect('I want to die')\n"
        "bad = [m for m in ('onnxruntime', 'tokenizers', 'sklearn') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(src)},
    )
    assert out.stdout.strip() == ""
