from __future__ import annotations

import re

import pytest

from selfkind.analysis.reframes import ReframeRequest, load_template_reframer, load_templates
from selfkind.analysis.situation import NO_SITUATION, find_situation
from selfkind.core.analysis import PATTERN_NAMES
from selfkind.core.pillars import Stance

FORBIDDEN = re.compile(r"you\s+should|bright side|everything happens for a reason|"
                       r"don't feel|stop feeling|calm down|just relax", re.IGNORECASE)


def all_lines() -> list[str]:
    t = load_templates()
    lines = [t.friend_prompt, *t.pattern.values()]
    for table in (t.notice, t.notice_generic, t.shared, t.kind, t.step):
        for options in table.values():
            lines.extend(options)
    return lines


def test_templates_keep_the_house_rules() -> None:
    lines = all_lines()
    assert len(lines) > 30
    for line in lines:
        assert not FORBIDDEN.search(line), line
        words = re.findall(r"[A-Za-z']+", line)
        # Plain words: short sentences of mostly short words.
        assert len(words) <= 25, line
        assert sum(len(w) for w in words) / len(words) < 6.0, line


def test_every_pattern_has_a_line() -> None:
    assert set(load_templates().pattern) == set(PATTERN_NAMES)


@pytest.mark.parametrize("stance", list(Stance))
def test_reframe_refers_to_the_situation_and_is_stable(stance: Stance) -> None:
    reframer = load_template_reframer()
    text = "I'm such an idiot, I missed the deadline again."
    request = ReframeRequest(text=text, dominant=stance, patterns=("labeling",),
                             situation=find_situation([text]))
    first = reframer.reframe(request)
    assert first is not None and first == reframer.reframe(request)
    assert "missed the deadline again" in first
    assert not FORBIDDEN.search(first)
    if stance.harsh:
        assert "not a name for who you are" in first  # the labeling line


def test_neutral_without_patterns_has_no_reframe() -> None:
    reframer = load_template_reframer()
    request = ReframeRequest(text="Standup moved to 9:30.", dominant=Stance.NEUTRAL,
                             patterns=(), situation=NO_SITUATION)
    assert reframer.reframe(request) is None


def test_friend_prompt_uses_the_situation() -> None:
    reframer = load_template_reframer()
    situation = find_situation(["I forgot Maya's birthday for the second year running."])
    assert reframer.friend_prompt(situation) == (
        "What would you say to a friend who forgot Maya's birthday for the second year running?")
