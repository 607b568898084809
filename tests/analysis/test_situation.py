from __future__ import annotations

import pytest

from selfkind.analysis.situation import NO_SITUATION, find_situation


@pytest.mark.parametrize(("sentences", "you", "friend"), [
    (["I'm such an idiot, I missed the deadline again."],
     "you missed the deadline again", "missed the deadline again"),
    (["Failed the chem quiz again.", "I'm just too stupid for this subject."],
     "you failed the chem quiz again", "failed the chem quiz again"),
    (["I yelled at my kid over spilled juice."],
     "you yelled at your kid over spilled juice", "yelled at their kid over spilled juice"),
    (["I'm such an idiot for sending that email without checking my attachment."],
     "you're being hard on yourself for sending that email without checking your attachment",
     "is being hard on themselves for sending that email without checking their attachment"),
    (["I'm a lousy friend."], "you called yourself a lousy friend",
     "called themselves a lousy friend"),
    (["I can't stop thinking about what my boss said"],
     "you can't stop thinking about what your boss said",
     "can't stop thinking about what their boss said"),
    (["I'm so tired of everything"], "you're so tired of everything",
     "is so tired of everything"),
])
def test_situation_said_back(sentences: list[str], you: str, friend: str) -> None:
    found = find_situation(sentences)
    assert (found.you, found.friend) == (you, friend)


def test_nothing_to_say_back() -> None:
    assert find_situation(["Lazy, lazy, lazy."]) == NO_SITUATION


@pytest.mark.parametrize(("text", "friend"), [
    ("I always mess everything up", "always messes everything up"),
    ("I never finish anything I start", "never finishes anything they start"),
    ("I always try too hard", "always tries too hard"),
    ("I never went to the gym this week", "never went to the gym this week"),
])
def test_a_friend_who_gets_the_verb_right(text: str, friend: str) -> None:
    assert find_situation([text]).friend == friend
