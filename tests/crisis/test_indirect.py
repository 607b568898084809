"""Indirect wording of each sign is caught as that sign, by the rules alone.

The categories named in the issue: preparation (arranging for others to have
one's pets, accounts or children's care "after"; messages to be read later;
debts settled so nobody is stuck; "in case"), passive wishes (not waking up,
hoping for an accident or illness, fading away), harm from others (control,
threats, monitoring, money, being locked in), eating disorders (purging, hiding
food, compensating, counting). Every sentence is written for this test.
"""

from __future__ import annotations

import pytest

from selfkind.analysis.crisis.detector import RuleDetector
from selfkind.core.analysis import CrisisLevel

CASES = [
    ("preparation", "Made sure someone will feed the rabbits after, when I'm gone."),
    ("preparation", "Printed instructions for how to access my accounts and left them out."),
    ("preparation", "I've scheduled a message to go out to everyone on Friday."),
    ("preparation", "Paid off the overdraft so nobody is stuck with it."),
    ("preparation", "Wrote a letter for each of them to find later."),
    ("preparation", "Just in case I'm not around, the spare key is under the pot."),
    ("passive_death_wish", "Every night I pray I won't wake up."),
    ("passive_death_wish", "Honestly I'd be relieved if the scan came back as something bad."),
    ("passive_death_wish", "I just want to fade away and never come back."),
    ("passive_death_wish", "It would be so peaceful to just cease."),
    ("harm_from_others", "He takes my wages every Friday and gives me an allowance."),
    ("harm_from_others", "She locks me in my room when she goes out."),
    ("harm_from_others", "He tracks my location and goes through my messages."),
    ("harm_from_others", "He said he'd hurt the cat if I told anyone."),
    ("eating_disorder", "After tea I made myself be sick in the shower again."),
    ("eating_disorder", "I hid my dinner in a napkin so they'd think I ate."),
    ("eating_disorder", "I run it off after every meal or I can't sleep."),
    ("eating_disorder", "Weighed myself twelve times today."),
]


@pytest.mark.parametrize(("signal", "text"), CASES)
def test_indirect_wording_is_named(rules: RuleDetector, signal: str, text: str) -> None:
    reading = rules.detect(text)
    assert reading.level is not CrisisLevel.NONE, rules.explain(text)
    assert signal in {s.signal for s in reading.signals}, reading.signals


def test_one_phrase_reports_its_most_specific_sign(rules: RuleDetector) -> None:
    # "gonna kms" is both intent and active ideation: intent is reported.
    reading = rules.detect("i'm gonna kms tonight")
    assert reading.level is CrisisLevel.LIKELY
    assert {s.signal for s in reading.signals} == {"intent"}
