from __future__ import annotations

import pytest

from selfkind.analysis.language import detect_language


@pytest.mark.parametrize("text", [
    "I'm such an idiot for forgetting her birthday.",
    "Lazy, lazy, lazy.",
    "ok 😊",
    "Failed the chem quiz again.",
    "🙃🙃🙃",
])
def test_english(text: str) -> None:
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", [
    "Soy un idiota, siempre lo arruino todo",
    "Je suis nul, je rate tout ce que je fais",
    "Ich bin so dumm und ich schaffe nichts",
    "私は本当にダメな人間だ",
    "Я никому не нужен",
])
def test_other(text: str) -> None:
    assert detect_language(text) == "other"
