"""Choosing the model's two thresholds by replaying readings through the real rules.

Used by :mod:`selfkind.analysis.crisis.train`: given each training statement's
rule findings and an out-of-fold model reading, ``replay`` gives the levels the
detector would give for a pair of thresholds, and ``choose_thresholds`` picks the
pair with the most recall the false-alarm budgets allow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from selfkind.analysis.crisis.corpus import FALSE_ALARM_CATEGORIES, CrisisExample
from selfkind.analysis.crisis.detector import RuleFindings
from selfkind.analysis.crisis.levels import Evidence, decide_level
from selfkind.analysis.crisis.model import Folding
from selfkind.core.analysis import CrisisLevel

# Bars: `likely` <= 3% and `possible` <= 10% on each false-alarm category. The
# thresholds aim well under them: the replay flatters, because the guards were
# written while reading these corpora. Where the rules alone already spend more,
# the model may add only a little.
POSSIBLE_BUDGET = 0.06
LIKELY_BUDGET = 0.015
MODEL_EXTRA = 0.01
# Other ordinary text (everyday distress, quotes, study) has no bar, but help-first
# on a bad day, or a check-in on most of them, teaches people to stop trusting the
# app: `likely` at most this often, any reading at most OTHER_RAISED.
OTHER_ORDINARY = frozenset({"everyday_distress", "quote_lyrics_news", "clinical_talk"})
OTHER_LIKELY = 0.05
OTHER_RAISED = 0.30
# Ordinary self-talk (the stance corpus): harsh words about oneself are what selfkind
# exists to answer, so an alarm there takes the practice away from the person.
SELF_TALK = "self_talk"
SELF_TALK_LIKELY = 0.02
SELF_TALK_RAISED = 0.10
GRID = tuple(round(0.30 + 0.01 * i, 2) for i in range(70))


@dataclass(frozen=True, slots=True)
class Outcome:
    """The replayed levels for one pair of thresholds, and their headline figures."""

    possible_at: float
    likely_at: float
    levels: tuple[CrisisLevel, ...]
    recall: float
    agreement: float
    # Per category: the share read `possible`, and the share read `likely`.
    possible_share: dict[str, float]
    likely_share: dict[str, float]


def replay(
    examples: Sequence[CrisisExample],
    findings: Sequence[RuleFindings],
    folding: Folding,
    probabilities: np.ndarray | None,
    possible_at: float,
    likely_at: float,
    *,
    without_hits: bool = False,
    soften_at: float = 1.01,
) -> Outcome:
    """The levels the detector would give for these thresholds.

    ``without_hits``: as if no pattern had matched (the guards still gate the
    model) - the model's part on wording the patterns do not know.
    """
    levels = []
    for i, f in enumerate(findings):
        reading = None if probabilities is None else folding.fold(probabilities[i])
        hits = () if without_hits else f.evidence.hits
        evidence = Evidence(hits, f.evidence.guarded, reading)
        levels.append(decide_level(evidence, possible_at=possible_at, likely_at=likely_at,
                                   soften_at=soften_at))
    pairs = list(zip(examples, levels, strict=True))
    crisis = [(e, lv) for e, lv in pairs if e.level is not CrisisLevel.NONE]
    possible_share: dict[str, float] = {}
    likely_share: dict[str, float] = {}
    for category in sorted({e.category for e in examples}):
        got = [lv for e, lv in pairs if e.category == category]
        possible_share[category] = sum(lv is CrisisLevel.POSSIBLE for lv in got) / len(got)
        likely_share[category] = sum(lv is CrisisLevel.LIKELY for lv in got) / len(got)
    return Outcome(
        possible_at=possible_at,
        likely_at=likely_at,
        levels=tuple(levels),
        recall=sum(lv is not CrisisLevel.NONE for _, lv in crisis) / max(1, len(crisis)),
        agreement=sum(lv is e.level for e, lv in crisis) / max(1, len(crisis)),
        possible_share=possible_share,
        likely_share=likely_share,
    )


@dataclass(frozen=True, slots=True)
class Budgets:
    """How much false alarm each ordinary category may carry."""

    possible: dict[str, float]
    likely: dict[str, float]
    raised: dict[str, float]

    @classmethod
    def around(cls, rules: Outcome) -> Budgets:
        """The standing budgets, widened a little where the rules alone spend more."""
        guarded = [c for c in rules.possible_share if c in FALSE_ALARM_CATEGORIES]
        other = [c for c in rules.possible_share if c in OTHER_ORDINARY]
        return cls(
            possible={
                c: max(POSSIBLE_BUDGET, rules.possible_share[c] + MODEL_EXTRA) for c in guarded
            },
            likely={
                **{c: max(LIKELY_BUDGET, rules.likely_share[c] + MODEL_EXTRA) for c in guarded},
                **{c: max(OTHER_LIKELY, rules.likely_share[c] + MODEL_EXTRA) for c in other},
                **{c: max(SELF_TALK_LIKELY, rules.likely_share[c])
                   for c in rules.likely_share if c == SELF_TALK},
            },
            raised={
                **{c: max(OTHER_RAISED, rules.possible_share[c] + rules.likely_share[c])
                   for c in other},
                **{c: max(SELF_TALK_RAISED, rules.possible_share[c] + rules.likely_share[c])
                   for c in rules.possible_share if c == SELF_TALK},
            },
        )

    def allow(self, o: Outcome) -> bool:
        return (
            all(o.possible_share[c] <= v for c, v in self.possible.items())
            and all(o.likely_share[c] <= v for c, v in self.likely.items())
            and all(o.possible_share[c] + o.likely_share[c] <= v for c, v in self.raised.items())
        )


def choose_thresholds(
    examples: Sequence[CrisisExample],
    findings: Sequence[RuleFindings],
    folding: Folding,
    probabilities: np.ndarray,
) -> Outcome:
    """The most recall the budgets allow, then the best level agreement.

    The patterns were written from these corpora, so on them they find nearly
    everything and leave the model little to do; on a new writer's words they
    find far less. So the thresholds are chosen on the replay *without* pattern
    hits (the model's part on unfamiliar wording, the guards still gating), and
    must keep the false alarms within budget both with and without the hits.
    ``possible_at`` decides recall (a model-only reading is at least `possible`),
    so it is chosen first; ``likely_at`` then moves readings between `possible`
    and `likely` for the best agreement with the annotations.
    """
    budgets = Budgets.around(replay(examples, findings, folding, None, 1.0, 1.0))

    def within(possible_at: float, likely_at: float) -> Outcome | None:
        both = [
            replay(examples, findings, folding, probabilities, possible_at, likely_at,
                   without_hits=w)
            for w in (True, False)
        ]  # fmt: skip
        return both[0] if all(budgets.allow(o) for o in both) else None

    best = replay(examples, findings, folding, probabilities, 1.0, 1.0, without_hits=True)
    for possible_at in GRID:
        o = within(possible_at, 1.0)
        if o is not None and o.recall > best.recall:
            best = o
    for likely_at in [t for t in GRID if t >= best.possible_at]:
        o = within(best.possible_at, likely_at)
        if o is not None and o.agreement > best.agreement:
            best = o
    return best


# Softening may cost at most this share of annotated-likely statements read `likely`
# (they stay `possible`, so recall is unchanged).
SOFTEN_COST = 0.01
SOFTEN_FLOOR = 0.5


def choose_soften(
    examples: Sequence[CrisisExample],
    findings: Sequence[RuleFindings],
    folding: Folding,
    probabilities: np.ndarray,
    chosen: Outcome,
) -> float:
    """The lowest model certainty of recovery/denial at which a pattern hit is
    softened to `possible`, within SOFTEN_COST of annotated-likely agreement."""

    def likely_share(o: Outcome) -> float:
        gold = [lv for e, lv in zip(examples, o.levels, strict=True)
                if e.level is CrisisLevel.LIKELY]
        return sum(lv is CrisisLevel.LIKELY for lv in gold) / max(1, len(gold))

    def outcome(soften_at: float) -> Outcome:
        return replay(examples, findings, folding, probabilities, chosen.possible_at,
                      chosen.likely_at, soften_at=soften_at)

    base = likely_share(outcome(1.01))
    best = 1.01
    # Only when the model finds recovery or denial more likely than not.
    for soften_at in sorted((t for t in GRID if t >= SOFTEN_FLOOR), reverse=True):
        if likely_share(outcome(soften_at)) >= base - SOFTEN_COST:
            best = soften_at
    return best


def figures(examples: Sequence[CrisisExample], o: Outcome) -> dict[str, Any]:
    """The report's figures for replayed levels: overall, per signal, per category."""
    per_signal: dict[str, list[bool]] = {}
    for example, lv in zip(examples, o.levels, strict=True):
        if example.level is not CrisisLevel.NONE:
            for name in {e.signal for e in example.signals}:
                per_signal.setdefault(name, []).append(lv is not CrisisLevel.NONE)
    likely_gold = [
        lv for e, lv in zip(examples, o.levels, strict=True) if e.level is CrisisLevel.LIKELY
    ]
    return {
        "possible_at": o.possible_at,
        "likely_at": o.likely_at,
        "recall": round(o.recall, 4),
        "annotated_likely_read_as_likely": round(
            sum(lv is CrisisLevel.LIKELY for lv in likely_gold) / max(1, len(likely_gold)), 4
        ),
        "level_agreement": round(o.agreement, 4),
        "recall_per_signal": {s: round(sum(v) / len(v), 4) for s, v in sorted(per_signal.items())},
        "ordinary_likely_possible": {
            c: [round(o.likely_share[c], 4), round(o.possible_share[c], 4)]
            for c in sorted(o.possible_share)
            if c in FALSE_ALARM_CATEGORIES | OTHER_ORDINARY | {SELF_TALK}
        },
    }
