"""The evaluation report on a small hand-made corpus."""

from __future__ import annotations

import json
from pathlib import Path

from selfkind.analysis.crisis.evaluate import report

ROWS = [
    {
        "text": "I want to die.",
        "level": "likely",
        "category": "passive_death_wish",
        "about_other": False,
        "signals": [{"signal": "passive_death_wish", "evidence": "I want to die"}],
    },
    {
        "text": "This commute is killing me.",
        "level": "none",
        "category": "figurative",
        "about_other": False,
        "signals": [],
    },
    {
        "text": "My friend said she wants to die, how do I help?",
        "level": "none",
        "category": "third_person",
        "about_other": True,
        "signals": [],
    },
]


def test_report_has_every_section(tmp_path: Path) -> None:
    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n", encoding="utf-8")
    text = report(corpus, use_model=False)
    assert "mode: rules only" in text
    assert "recall (level != none) overall: 100.0%" in text
    assert "passive_death_wish" in text
    assert "figurative" in text and "third_person" in text
    assert "reported signals on the annotated evidence of the same signal: 100.0%" in text
    assert "about_other: found 1/1" in text
    assert "level confusion" in text
    # Aggregates only: the statements themselves are never printed.
    assert "commute" not in text
