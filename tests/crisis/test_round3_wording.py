"""Categories of indirect wording added in round 3, by the rules alone.

Each category was found by reading the misses on development data; the
sentences here are written for this test (none is copied from a corpus), and
each has an ordinary neighbour that must stay quiet.
"""

from __future__ import annotations

import pytest

from selfkind.analysis.crisis.detector import RuleDetector
from selfkind.core.analysis import CrisisLevel

STRONG = [
    # wishing one's body or an illness would give out
    ("passive_death_wish", "Honestly I want my lungs to give out so this can stop."),
    ("passive_death_wish", "Secretly hoping this infection takes me, if I'm honest."),
    # hoping for a fatal accident
    ("passive_death_wish", "Every time I walk to work I hope a lorry runs me over."),
    # not wanting another year, another tomorrow
    ("passive_death_wish", "I really want to not see another christmas."),
    ("passive_death_wish", "I'd love to close my eyes and never wake again."),
    ("passive_death_wish", "I wish I had never been born, genuinely."),
    # daydreaming about one's own exit
    ("active_ideation", "Lately I keep fantasising about my own exit."),
    ("active_ideation", "I want to take myself out of this life quietly."),
    # asking whether the medicines at home would be enough
    ("method", "Would the meds in my drawer be enough, I keep wondering."),
    ("method", "If I swallowed everything in the medicine cabinet would it work"),
    ("intent", "I have made up my mind about ending my life."),
    ("preparation", "The car loan is all paid off for after."),
    ("preparation", "Clearing up unfinished business for when I am gone."),
    ("past_attempt", "I'm only alive because my flatmate found me."),
    ("self_harm", "The burns on my leg are from me, deliberately."),
    ("burden_hopelessness", "My kids deserve a mum who is not me."),
    ("harm_from_others", "My stepdad punched his fist through the door next to my head."),
    ("harm_from_others", "My uncle pinches me when nobody is looking."),
    ("eating_disorder", "Been living on 400 calories a day since spring."),
    ("eating_disorder", "The night binges have started again and I hide the wrappers."),
    ("eating_disorder", "My throat is raw from all the purging."),
]

WEAK = [
    ("burden_hopelessness", "I can't imagine anything beyond this winter."),
    ("burden_hopelessness", "I've stopped caring whether I live, to be honest."),
    ("burden_hopelessness", "Some days I wonder why I bother waking up."),
    ("burden_hopelessness", "I've become a weight on my parents."),
    ("burden_hopelessness", "I've become a chore for everyone at home."),
    ("harm_from_others", "My brother hides my inhaler and laughs."),
    ("eating_disorder", "Only had diet coke all day and I feel proud."),
    ("preparation", "If anyone is reading this, I am sorry."),
]


@pytest.mark.parametrize(("signal", "text"), STRONG)
def test_direct_category_is_likely(rules: RuleDetector, signal: str, text: str) -> None:
    reading = rules.detect(text)
    assert reading.level is CrisisLevel.LIKELY, rules.explain(text)
    assert signal in {s.signal for s in reading.signals}, reading.signals


@pytest.mark.parametrize(("signal", "text"), WEAK)
def test_indirect_category_is_raised(rules: RuleDetector, signal: str, text: str) -> None:
    reading = rules.detect(text)
    assert reading.level is not CrisisLevel.NONE, rules.explain(text)
    assert signal in {s.signal for s in reading.signals}, reading.signals


QUIET = [
    "I'm the weak link in the relay team, obviously.",
    "If anyone finds this useful, share it with your team.",
    "I only had a coffee all morning because the meeting ran over.",
    "I can't picture myself in that dress, it's too bright.",
    "Aiming for under 20 minutes on the park run.",
    "The heating bill is covered after the refund.",
]


@pytest.mark.parametrize("text", QUIET)
def test_ordinary_neighbours_stay_quiet(rules: RuleDetector, text: str) -> None:
    assert rules.detect(text).level is CrisisLevel.NONE, rules.explain(text)


def test_negator_before_a_new_subject_does_not_reach_the_hit(rules: RuleDetector) -> None:
    text = "My sister moved away and without her I started cutting myself again."
    assert rules.detect(text).level is CrisisLevel.LIKELY, rules.explain(text)


def test_leaving_no_loose_ends_is_not_a_denial(rules: RuleDetector) -> None:
    text = "Cleared my desk. I don't want to leave loose ends when I'm gone."
    assert rules.detect(text).level is CrisisLevel.LIKELY, rules.explain(text)


def test_not_knowing_how_to_go_on_is_not_helping_someone(rules: RuleDetector) -> None:
    # The helper cue must still read "I don't know what to say to her".
    quiet = "My friend told me she wants to die and I don't know what to say to her."
    assert rules.detect(quiet).level is CrisisLevel.NONE, rules.explain(quiet)
    text = "I honestly don't know how to keep going."
    assert rules.detect(text).level is not CrisisLevel.NONE, rules.explain(text)


RECOVERED = [
    "The old me wanted to kill myself. The new me runs a book club.",
    "The me from last spring wanted to die. The me from this spring plants tomatoes.",
    "I had suicidal thoughts for years and came out the other side.",
    "I overdosed at 22; CBT and a good GP honestly saved my life.",
    "I used to purge after dinner. I now eat three meals with my housemates.",
    "There was a time I believed everyone would be better off without me.",
]


@pytest.mark.parametrize("text", RECOVERED)
def test_then_and_now_is_read_as_recovery(rules: RuleDetector, text: str) -> None:
    assert rules.detect(text).level is CrisisLevel.NONE, rules.explain(text)


def test_a_live_sign_outweighs_the_then_and_now(rules: RuleDetector) -> None:
    text = "The old me coped. The new me wants to kill myself again tonight."
    assert rules.detect(text).level is CrisisLevel.LIKELY, rules.explain(text)
