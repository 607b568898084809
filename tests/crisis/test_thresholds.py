"""Choosing the model's thresholds by replaying readings through the rules."""

from __future__ import annotations

import numpy as np

from selfkind.analysis.crisis.corpus import CrisisExample
from selfkind.analysis.crisis.detector import RuleDetector
from selfkind.analysis.crisis.model import Folding
from selfkind.analysis.crisis.thresholds import choose_thresholds, replay
from selfkind.core.analysis import CrisisLevel

CLASSES = ["none:figurative", "plan"]
# Wording no pattern knows, and ordinary figurative talk.
CRISIS = [
    "Everything feels very far away.",
    "Nothing feels real lately.",
    "The days blur together.",
]
ORDINARY = ["The sky is grey today.", "Lunch was fine.", "Traffic again on the ring road."]


def _examples() -> list[CrisisExample]:
    crisis = [CrisisExample(t, CrisisLevel.LIKELY, (), "plan", False) for t in CRISIS]
    ordinary = [CrisisExample(t, CrisisLevel.NONE, (), "figurative", False) for t in ORDINARY]
    return crisis + ordinary


def _probabilities(crisis: float, ordinary: list[float]) -> np.ndarray:
    plan = [crisis] * len(CRISIS) + ordinary
    return np.array([[1.0 - p, p] for p in plan])


def test_the_model_is_let_in_where_it_separates(rules: RuleDetector) -> None:
    examples = _examples()
    findings = [rules.findings(e.text) for e in examples]
    folding = Folding.of(CLASSES)
    chosen = choose_thresholds(examples, findings, folding, _probabilities(0.8, [0.2] * 3))
    assert chosen.recall == 1.0
    assert chosen.possible_at <= 0.8 < 1.0
    assert chosen.likely_share["figurative"] == 0.0
    assert chosen.possible_share["figurative"] == 0.0


def test_the_model_is_kept_out_where_it_would_cry_wolf(rules: RuleDetector) -> None:
    examples = _examples()
    findings = [rules.findings(e.text) for e in examples]
    folding = Folding.of(CLASSES)
    # One ordinary statement reads more crisis-like than every real one: any
    # threshold that lets the real ones in alarms on a third of the ordinary ones.
    chosen = choose_thresholds(examples, findings, folding, _probabilities(0.8, [0.2, 0.2, 0.9]))
    assert chosen.recall == 0.0
    assert chosen.possible_share["figurative"] == 0.0


def test_replay_without_rules_is_the_rules_alone(rules: RuleDetector) -> None:
    examples = _examples()
    findings = [rules.findings(e.text) for e in examples]
    outcome = replay(examples, findings, Folding.of(CLASSES), None, 1.0, 1.0)
    assert set(outcome.levels) == {CrisisLevel.NONE}
