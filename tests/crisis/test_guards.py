"""What must not raise an alarm: idioms, denials, recovery, other people, quotes."""

from __future__ import annotations

import pytest

from selfkind.analysis.crisis.detector import RuleDetector
from selfkind.core.analysis import CrisisLevel

FIGURATIVE = [
    "We absolutely killed it at the pub quiz.",
    "I'm dying for a cup of tea.",
    "Wearing that to the office would be social suicide.",
    "I'll kill him if he eats my leftovers again.",
    "I'm dead lol 💀",
    "This heatwave is killing me.",
    "I could die of embarrassment, I waved at a stranger.",
    "I'd kill for a coffee right now.",
    "My phone died halfway through the film.",
    "The suspense is killing me, just tell me!",
    "I'm bored to death in this lecture.",
    "Mum's going to kill me when she sees the scratch on the car.",
    "If I hear that jingle one more time I'm jumping out the window lol",
    "Purged my inbox, 3000 emails gone.",
    "I'm so done with this printer.",
    "Killing time before my train.",
    "Gave my old bike to my nephew because we're moving abroad.",
    "I burned myself on the oven tray making dinner, ouch.",
    "There's no hope of getting concert tickets now.",
    "I'm so tired of trying to fix this printer.",
    "Overdosed on chocolate at the weekend, no regrets.",
    "Bingeing the whole series tonight.",
]
NEGATED = [
    "I'm not suicidal, just exhausted.",
    "I don't want to die, I want things to change.",
    "I would never hurt myself, I'm just angry.",
    "I've never thought about ending my life.",
    "It's not that I want to die, I just want this week over.",
    "I'm not a burden and I know it.",
    "Nobody's hurting me at home, honestly.",
]
PAST = [
    "Two years since I last cut, proud of that.",
    "I used to self harm as a teenager. I'm doing well now.",
    "I tried to kill myself when I was nineteen. Now I'm studying to be a nurse.",
    "When I was sixteen I wanted to die every day. I'm so glad I stayed.",
    "Recovered from bulimia and I actually enjoy cooking now.",
    "My old self harm scars are part of my story.",
]
OTHER_PEOPLE = [
    "My friend said she wants to die. How do I help her?",
    "My brother told me he's been cutting himself. What should I say?",
    "My dad said he has a plan to end his life. I'm scared.",
    "My flatmate keeps making herself sick after meals. Should I say something?",
]
QUOTES_AND_NEWS = [
    'The chorus goes "I want to die" and it is stuck in my head.',
    "The article said suicide rates among older men are rising.",
    "Writing my essay on self harm prevention in schools.",
    "In the film the hero fakes his own death.",
]


@pytest.mark.parametrize("text", FIGURATIVE + NEGATED + PAST + QUOTES_AND_NEWS)
def test_no_alarm(rules: RuleDetector, text: str) -> None:
    assert rules.detect(text).level is CrisisLevel.NONE, rules.explain(text)


@pytest.mark.parametrize("text", OTHER_PEOPLE)
def test_someone_else_is_not_a_personal_alarm(rules: RuleDetector, text: str) -> None:
    reading = rules.detect(text)
    assert reading.level is CrisisLevel.NONE
    assert reading.about_other is True


def test_someone_else_plus_the_writer_is_the_writers_alarm(rules: RuleDetector) -> None:
    reading = rules.detect("My friend wants to die and honestly so do I. I want to die too.")
    assert reading.level is CrisisLevel.LIKELY
    assert reading.about_other is False


def test_a_denial_does_not_reach_the_next_clause(rules: RuleDetector) -> None:
    reading = rules.detect("I'm not suicidal, but I keep wishing I could disappear forever.")
    assert reading.level is not CrisisLevel.NONE


def test_a_hedge_is_not_a_denial(rules: RuleDetector) -> None:
    assert rules.detect("I'm not sure I want to be alive anymore.").level is not CrisisLevel.NONE


def test_an_accident_said_to_be_deliberate_is_self_harm(rules: RuleDetector) -> None:
    text = "Burned my arm on the oven tray. Not an accident this time."
    assert rules.detect(text).level is not CrisisLevel.NONE


def test_recovery_with_a_relapse_is_live(rules: RuleDetector) -> None:
    reading = rules.detect("I was clean for two years but I started cutting again last week.")
    assert reading.level is CrisisLevel.LIKELY


def test_a_joke_marker_softens_but_does_not_silence(rules: RuleDetector) -> None:
    reading = rules.detect("kms this group project is a disaster 💀")
    assert reading.level is not CrisisLevel.LIKELY
    assert rules.detect("not joking, i actually want to kms").level is CrisisLevel.LIKELY
