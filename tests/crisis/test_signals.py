"""Each warning sign is caught, named, and its span sits on the words that show it.

All examples are written for these tests (none is taken from a corpus).
"""

from __future__ import annotations

import pytest

from selfkind.analysis.crisis.detector import RuleDetector
from selfkind.core.analysis import CrisisLevel

# (text, signal, words the span must cover)
CASES = [
    (
        "Some mornings I wish I could just stay asleep forever.",
        "passive_death_wish",
        "wish I could just stay asleep forever",
    ),
    ("I don't want to be alive anymore.", "passive_death_wish", "want to be alive"),
    ("I keep hoping a bus hits me on the way home.", "passive_death_wish", "hoping a bus hits me"),
    ("I've been having suicidal thoughts most nights.", "active_ideation", "suicidal thoughts"),
    ("I keep thinking about killing myself.", "active_ideation", "killing myself"),
    (
        "I looked up how many of my sleeping pills it would take.",
        "method",
        "how many of my sleeping pills",
    ),
    (
        "I've been staring at the bridge railing and thinking about jumping.",
        "method",
        "thinking about jumping",
    ),
    ("I'm going to kill myself this weekend.", "intent", "going to kill myself"),
    ("You won't have to worry about me much longer.", "intent", "worry about me much longer"),
    ("I have a plan and I've picked the date.", "plan", "have a plan"),
    ("When the house is empty on Friday, I'm going to do it.", "plan", "house is empty"),
    (
        "I wrote goodbye letters to my sister and my dad last night.",
        "preparation",
        "goodbye letters",
    ),
    (
        "I've been giving away my things, my books and my guitar.",
        "preparation",
        "giving away my things",
    ),
    ("Found someone to rehome my cat so she's looked after.", "preparation", "rehome my cat"),
    ("Made a will and wrote down all my passwords for my brother.", "preparation", "Made a will"),
    ("I've been stockpiling my tablets in a sock drawer.", "preparation", "stockpiling my tablets"),
    (
        "I tried to overdose in January and ended up in hospital.",
        "past_attempt",
        "tried to overdose",
    ),
    ("I cut myself again last night.", "self_harm", "cut myself"),
    (
        "I burned my arm with a lighter, it helps me feel something.",
        "self_harm",
        "helps me feel something",
    ),
    ("Everyone would be better off without me.", "burden_hopelessness", "better off without me"),
    ("I'm such a burden to my family.", "burden_hopelessness", "burden"),
    ("My stepdad hits me when he's been drinking.", "harm_from_others", "hits me"),
    ("He checks my phone and won't let me see my friends.", "harm_from_others", "checks my phone"),
    ("I make myself throw up after every meal.", "eating_disorder", "make myself throw up"),
    (
        "I haven't eaten anything in four days and I don't want to.",
        "eating_disorder",
        "eaten anything in four days",
    ),
    ("I binged until I felt sick and couldn't stop.", "eating_disorder", "couldn't stop"),
]


@pytest.mark.parametrize(("text", "signal", "words"), CASES)
def test_signal_is_named_with_a_span_on_its_words(
    rules: RuleDetector, text: str, signal: str, words: str
) -> None:
    reading = rules.detect(text)
    assert reading.level is not CrisisLevel.NONE
    named = [s for s in reading.signals if s.signal == signal]
    assert named, f"{signal} not found in {reading.signals}"
    target_start = text.index(words)
    target_end = target_start + len(words)
    assert any(s.start < target_end and target_start < s.end for s in named)
    for s in named:
        assert 0 <= s.start < s.end <= len(text)


def test_every_signal_in_the_interface_has_an_example() -> None:
    from selfkind.core.analysis import CRISIS_SIGNALS

    assert {signal for _, signal, _ in CASES} == set(CRISIS_SIGNALS)


def test_spans_point_at_original_text_even_after_expansion(rules: RuleDetector) -> None:
    text = "honestly kms"
    reading = rules.detect(text)
    assert reading.level is CrisisLevel.LIKELY
    assert any(text[s.start : s.end].endswith("kms") for s in reading.signals)


def test_sentence_index_of_a_signal(rules: RuleDetector) -> None:
    reading = rules.detect("Work was fine. Then I came home. I want to die.")
    assert [s.sentence for s in reading.signals] == [2]
