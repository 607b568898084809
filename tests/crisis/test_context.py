"""Guards read each hit in its own clause: who says it, when, and whether it is denied.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest

from selfkind.analysis.crisis.detector import RuleDetector
from selfkind.core.analysis import CrisisLevel


@pytest.mark.parametrize(
    "text",
    [
        # A denial as the answer to a question about the sign.
        "The nurse at my check-up asked about self harm. Nope. Just tired.",
        # Heading off the dark reading elsewhere in the text.
        "Sorting my records into boxes for my nephew. Not a goodbye thing, he asked for them.",
        # An ordinary reason for giving things away, said with "because".
        "Giving my camping gear away because my flat is tiny now.",
        # A negator a few words back, in the same clause.
        "I am definitely not having any of those suicidal thoughts tonight.",
    ],
)
def test_denied_or_ordinary_is_no_alarm(rules: RuleDetector, text: str) -> None:
    assert rules.detect(text).level is CrisisLevel.NONE, rules.explain(text)


def test_a_hedge_is_not_a_denial(rules: RuleDetector) -> None:
    reading = rules.detect("Not going to lie, I keep wishing I could stop existing.")
    assert reading.level is CrisisLevel.LIKELY


def test_a_denial_does_not_cover_a_later_but(rules: RuleDetector) -> None:
    text = "Not a goodbye thing, I promise. But I did write letters to each of them to find later."
    assert rules.detect(text).level is not CrisisLevel.NONE


def test_a_dark_reason_is_not_ordinary(rules: RuleDetector) -> None:
    reading = rules.detect("Giving my guitar away because I won't need it where I'm going.")
    assert reading.level is CrisisLevel.LIKELY


@pytest.mark.parametrize(
    "text",
    [
        "When I was fifteen I tried to end my life. I'm forty now and I coach netball.",
        "Six years clean from self harm this month and still counting.",
        "My attempt was a long time ago. These days I help run a support group.",
    ],
)
def test_a_recovery_story_is_no_alarm(rules: RuleDetector, text: str) -> None:
    assert rules.detect(text).level is CrisisLevel.NONE, rules.explain(text)


def test_an_attempt_told_without_recovery_stands(rules: RuleDetector) -> None:
    # An attempt is past by nature: telling of one is a warning sign in itself.
    for text in ["My first attempt was at sixteen.", "I overdosed at 19 and nobody knows."]:
        assert rules.detect(text).level is CrisisLevel.LIKELY, rules.explain(text)


def test_a_live_cue_undoes_recovery(rules: RuleDetector) -> None:
    text = "I used to cut myself in school. I did it again last night."
    assert rules.detect(text).level is CrisisLevel.LIKELY


@pytest.mark.parametrize(
    "text",
    [
        # Someone else's words in quotation marks.
        "My cousin messaged me 'no one would even notice if I vanished' and won't pick up.",
        # A reflexive that cannot be the writer's under a third-person subject.
        "My brother keeps joking about kms and I'm worried about him.",
        # Someone else's body and actions.
        "My daughter has scratches on her arms. How do I bring it up with her?",
        # A sign held by someone the writer asks about.
        "What should I say to a teammate with bulimia?",
    ],
)
def test_worry_about_someone_else(rules: RuleDetector, text: str) -> None:
    reading = rules.detect(text)
    assert reading.level is CrisisLevel.NONE, rules.explain(text)
    assert reading.about_other is True


def test_the_writers_own_signs_beat_someone_elses(rules: RuleDetector) -> None:
    text = "My flatmate keeps saying she wants to die. Honestly I want to die too."
    reading = rules.detect(text)
    assert reading.level is CrisisLevel.LIKELY
    assert reading.about_other is False


def test_burden_talk_is_the_writers_though_its_subject_is_others(rules: RuleDetector) -> None:
    reading = rules.detect("My parents would honestly be happier if I wasn't around.")
    assert reading.level is CrisisLevel.LIKELY
    assert [s.signal for s in reading.signals] == ["burden_hopelessness"]


def test_harm_named_without_me_is_still_the_writers(rules: RuleDetector) -> None:
    text = "He said next time he'll break my arm. I'm staying at my aunt's tonight."
    assert rules.detect(text).level is CrisisLevel.LIKELY


@pytest.mark.parametrize(
    "text",
    [
        "If my neighbour plays that drum solo one more time I'm jumping off the roof.",
        "So hungover I want to die, never again with the sambuca.",
        "My landlord is going to kill me, I lost the spare key.",
        "Mondays can go jump off a cliff.",
    ],
)
def test_hyperbole_is_no_alarm(rules: RuleDetector, text: str) -> None:
    assert rules.detect(text).level is CrisisLevel.NONE, rules.explain(text)


def test_saying_it_is_not_a_joke_keeps_an_idiom_readable(rules: RuleDetector) -> None:
    reading = rules.detect("I want the ground to swallow me, for real, not as a joke.")
    assert reading.level is not CrisisLevel.NONE


def test_a_laughing_text_needs_the_words_not_just_the_model(with_fake_model: RuleDetector) -> None:
    import numpy as np

    crisis_like = np.zeros(384, dtype=np.float32)
    crisis_like[0] = 1.0
    text = "this week has been a lot lol"
    assert with_fake_model.detect(text, embedding=crisis_like).level is CrisisLevel.NONE
