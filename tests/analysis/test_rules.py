"""The regex rules in rules/patterns.toml: each fires on its words and spans them."""

from __future__ import annotations

import pytest

from selfkind.analysis.patterns import clause_spans, load_rules, match_rules
from selfkind.core.analysis import PATTERN_NAMES

RULES = load_rules()

POSITIVE = [
    ("all_or_nothing", "One typo and the whole report is worthless.",
     "the whole report is worthless"),
    ("overgeneralizing", "I never get anything right.", "I never get anything"),
    ("labeling", "Honestly I'm such an idiot.", "I'm such an idiot"),
    ("should_statements", "I should have known better.", "I should have"),
    ("catastrophizing", "My whole career is over now.", "My whole career is over"),
    ("mind_reading", "My boss thinks I'm useless.", "My boss thinks I'm"),
    ("fortune_telling", "I'll never find someone.", "I'll never find someone"),
    ("personalizing", "The party flopped and it's all my fault.", "it's all my fault"),
    ("discounting_positive", "I passed, but that was pure luck.", "pure luck"),
    ("emotional_reasoning", "I feel stupid, so I must be stupid.", "I feel stupid, so I must"),
    ("comparing", "Everyone else in my class gets it.", "Everyone else"),
    ("mental_filter", "That one bad review is all I can think about.",
     "is all I can think about"),
    ("blaming", "It's my boss's fault I'm miserable.", "It's my boss's fault"),
]


@pytest.mark.parametrize(("pattern", "sentence", "words"), POSITIVE)
def test_rule_fires_on_the_words(pattern: str, sentence: str, words: str) -> None:
    found = {f.pattern: sentence[f.start:f.end] for f in match_rules(RULES, sentence)}
    assert found.get(pattern) == words


@pytest.mark.parametrize("sentence", [
    "Everyone makes mistakes, and I'm learning.",
    "I noticed a wave of worry and let it pass.",
    "The meeting moved to Thursday at 3pm.",
    "It makes sense that I'm tired; I'll rest tonight.",
])
def test_kind_and_neutral_sentences_stay_quiet(sentence: str) -> None:
    assert match_rules(RULES, sentence) == []


def test_every_pattern_has_a_rule() -> None:
    assert {r.pattern for r in RULES} == set(PATTERN_NAMES)


def test_offsets_hold_when_lower_casing_changes_length() -> None:
    sentence = "İstanbul trip: I'm such an idiot."
    assert len(sentence.lower()) != len(sentence)
    [hit] = [f for f in match_rules(RULES, sentence) if f.pattern == "labeling"]
    assert sentence[hit.start:hit.end] == "I'm such an idiot"


def test_clauses_split_at_punctuation_and_joins() -> None:
    sentence = "I tried hard, but it failed; meeting at 9:30 (again)"
    assert [sentence[a:b] for a, b in clause_spans(sentence)] == [
        "I tried hard", "it failed", "meeting at 9:30", "again"]
