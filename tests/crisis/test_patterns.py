"""Compiling patterns.toml: macros, and the prefix tree that keeps scanning fast."""

from __future__ import annotations

import re

import pytest

from selfkind.analysis.crisis.patterns import (
    _alternatives,
    _prefix_tree,
    compile_signals,
    load_overlap_order,
)
from selfkind.core.analysis import CRISIS_SIGNALS

PATTERNS = [
    r"(?:gave|give|giving) (?:away )?my (?:cat|dog)",
    r"(?:i )?(?:really )?want to (?:die|disappear)",
    r"(?:no one|nobody) would (?:miss|notice) me",
    r"going to (?:\w+ ){0,2}end it",
    r"^ ?suicidal\b",
    r"gave up",
]
TEXTS = [
    "i gave my cat to my sister",
    "giving away my dog",
    "i really want to die",
    "want to disappear",
    "nobody would notice me",
    "i am going to just end it",
    "suicidal again",
    "she gave up smoking",
    "forgave my dog",
    "nothing here",
]


def _plain(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?:{'|'.join(f'(?:{p})' for p in patterns)})(?![\w'])")


def _tree(patterns: list[str]) -> re.Pattern[str]:
    branches = [b for p in patterns for b in _alternatives(p)]
    return re.compile(rf"(?<![\w'])(?:{_prefix_tree(branches, 3)})(?![\w'])")


@pytest.mark.parametrize("text", TEXTS)
def test_the_prefix_tree_finds_what_the_plain_alternation_finds(text: str) -> None:
    plain = [m.start() for m in _plain(PATTERNS).finditer(text)]
    tree = [m.start() for m in _tree(PATTERNS).finditer(text)]
    assert tree == plain


def test_leading_choices_are_spelled_out() -> None:
    spelled = _alternatives("(?:gave|give) my (?:cat|dog)")
    assert spelled == ["gave my (?:cat|dog)", "give my (?:cat|dog)"]
    assert _alternatives("(?:i )?want") == ["i want", "want"]
    # A repeated group cannot be spelled out.
    assert _alternatives("(?:very )*sad") == ["(?:very )*sad"]


def test_unknown_signals_and_macros_are_errors() -> None:
    with pytest.raises(ValueError, match="unknown crisis signal"):
        compile_signals({"signals": {"feeling_blue": {"strong": ["sad"]}}})
    with pytest.raises(KeyError, match="@nothere"):
        compile_signals({"signals": {"plan": {"strong": ["@nothere"]}}})


def test_every_signal_has_an_overlap_rank() -> None:
    assert sorted(load_overlap_order()) == sorted(CRISIS_SIGNALS)
