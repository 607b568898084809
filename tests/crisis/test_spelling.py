"""Typos, texting forms and coded words are still caught."""

from __future__ import annotations

import pytest

from selfkind.analysis.crisis.detector import RuleDetector
from selfkind.analysis.crisis.normalize import load_lexicon, normalize
from selfkind.analysis.crisis.spelling import Speller
from selfkind.core.analysis import CrisisLevel


@pytest.mark.parametrize(
    "text",
    [
        "kms",
        "i wnat to die",
        "feeling suicidl tonight",
        "i wanna unalive myself",
        "thinking about sewerslide again",
        "i want to kil myslef",
        "i dont want to be alive anymore",
        "im gonna end it all tmrw",
        "su1c1dal again",
        "I want to d!e",
        "everyone wud be better off without me",
    ],
)
def test_texting_and_typos_are_caught(rules: RuleDetector, text: str) -> None:
    assert rules.detect(text).level is not CrisisLevel.NONE, rules.explain(text)


def test_real_words_are_not_corrected_into_crisis_words() -> None:
    lexicon = load_lexicon()
    # "tried" is one swap from "tired"; "wait" one letter from "want".
    assert normalize("tried wait cold world giving", lexicon).text == (
        "tried wait cold world giving"
    )


def test_speller_fixes_one_typo_only() -> None:
    speller = Speller(["suicidal", "want"])
    assert speller.correct("suicidl") == "suicidal"
    assert speller.correct("wnat") == "want"
    assert speller.correct("suicdl") is None  # two edits
    assert speller.correct("wabt") is None  # short words: swaps only


def test_offsets_map_back_to_the_original() -> None:
    lexicon = load_lexicon()
    text = "ok so  im gonna  do it"
    norm = normalize(text, lexicon)
    start = norm.text.index("going to")
    assert text[slice(*norm.source_span(start, start + len("going to")))] == "gonna"
