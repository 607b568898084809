"""Odd input never crashes the detector."""

from __future__ import annotations

import pytest

from selfkind.analysis.crisis.detector import RuleDetector
from selfkind.core.analysis import CrisisLevel


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\x00\x01\x02", "😀😀😀", "\u202e\u200b", "...", "''''", '"""', "-", "@#$%^&*"],
)
def test_junk_is_none(rules: RuleDetector, text: str) -> None:
    assert rules.detect(text).level is CrisisLevel.NONE


def test_emoji_and_control_characters_around_a_sign(rules: RuleDetector) -> None:
    text = "😔\x07 i want to die \u200b😭"
    reading = rules.detect(text)
    assert reading.level is CrisisLevel.LIKELY
    assert all(0 <= s.start < s.end <= len(text) for s in reading.signals)


def test_huge_input_finds_a_sign_at_the_end(rules: RuleDetector) -> None:
    text = "Normal day, went to work and back. " * 5000 + "I want to die."
    reading = rules.detect(text)
    assert reading.level is CrisisLevel.LIKELY
    assert text[reading.signals[0].start : reading.signals[0].end].endswith("die")


def test_repetition_does_not_blow_up_the_regexes(rules: RuleDetector) -> None:
    # Nested optional words are the classic catastrophic-backtracking trap.
    text = "i " + "really just so " * 400 + "want"
    assert rules.detect(text).level is CrisisLevel.NONE


def test_non_english_text_is_none(rules: RuleDetector) -> None:
    assert rules.detect("Heute war ein schöner Tag im Park.").level is CrisisLevel.NONE
