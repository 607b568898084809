"""The analyzer end to end on the real model (with a crisis test double)."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from selfkind.analysis.engine import AnalyzerEngine
from selfkind.core.analysis import PATTERN_NAMES, CrisisLevel
from selfkind.core.pillars import Stance
from selfkind.errors import InvalidInput

pytestmark = pytest.mark.model

KEYS = {"text", "dominant", "scores", "harsh", "compassion", "patterns", "crisis",
        "crisis_level", "crisis_signals", "about_other", "reframe", "friend_prompt",
        "language", "driver_sentence", "sentences"}


def test_json_contract(engine: AnalyzerEngine) -> None:
    text = "I'm such an idiot, I missed the deadline again."
    data = json.loads(json.dumps(engine.analyze(text).to_dict()))
    assert set(data) == KEYS
    assert data["text"] == text
    assert data["dominant"] in {s.value for s in Stance}
    assert set(data["scores"]) == {s.value for s in Stance}
    assert math.isclose(sum(data["scores"].values()), 1.0, abs_tol=1e-5)
    assert all(0.0 <= v <= 1.0 for v in data["scores"].values())
    assert isinstance(data["harsh"], bool) and isinstance(data["crisis"], bool)
    assert -1.0 <= data["compassion"] <= 1.0
    assert data["crisis_level"] == "none" and data["crisis_signals"] == []
    assert isinstance(data["reframe"], str) and "missed the deadline again" in data["reframe"]
    assert data["friend_prompt"] == (
        "What would you say to a friend who missed the deadline again?")
    assert data["language"] == "en"
    for hit in data["patterns"]:
        assert hit["name"] in PATTERN_NAMES
        assert 0 <= hit["start"] < hit["end"] <= len(text)


def test_reads_harsh_and_kind_statements(engine: AnalyzerEngine) -> None:
    harsh = engine.analyze("I'm pathetic. Everyone else copes and I can't do anything right.")
    kind = engine.analyze(
        "It makes sense that I'm tired after this week; I'll go easy on myself tonight.")
    neutral = engine.analyze("The dentist appointment moved to Thursday at 3pm.")
    assert harsh.harsh and harsh.compassion < 0
    assert kind.dominant.compassionate and kind.compassion > 0
    assert neutral.dominant is Stance.NEUTRAL and neutral.reframe is None


def test_pattern_spans_lie_on_the_words(engine: AnalyzerEngine) -> None:
    text = "Work was long today. I'm such an idiot, and I should have known better."
    result = engine.analyze(text)
    spans = {p.name: text[p.start:p.end] for p in result.patterns}
    assert spans["labeling"] == "I'm such an idiot"
    assert spans["should_statements"].startswith("I should have")
    for hit in result.patterns:
        start, end = result.sentences[hit.sentence]
        assert start <= hit.start < hit.end <= end


def test_learned_patterns_point_at_a_clause(engine: AnalyzerEngine) -> None:
    text = "My friend got the job I wanted, so clearly I'm the least capable person I know."
    result = engine.analyze(text)
    for hit in result.patterns:
        piece = text[hit.start:hit.end]
        assert piece == piece.strip() and len(piece) >= 3
        assert piece[0].isalnum() and (piece[-1].isalnum() or piece[-1] in "'’")


@pytest.mark.parametrize(("text", "name", "words"), [
    ("I got an A on the essay, but the teacher is just an easy marker.",
     "discounting_positive", "the teacher is just an easy marker"),
    ("The party was a flop and that is on me, I picked the wrong venue.",
     "personalizing", "The party was a flop and that is on me"),
])
def test_learned_pattern_span_is_the_telling_clause(engine: AnalyzerEngine, text: str,
                                                     name: str, words: str) -> None:
    spans = {p.name: text[p.start:p.end] for p in engine.analyze(text).patterns}
    assert spans.get(name) == words


def test_a_guess_about_the_past_is_not_a_should(engine: AnalyzerEngine) -> None:
    text = "My friend seemed quiet at lunch, so I must have upset her somehow."
    names = {p.name for p in engine.analyze(text).patterns}
    assert "should_statements" not in names
    assert engine.analyze("I must always be the one who fixes it.").patterns


@pytest.mark.parametrize("text", ["", "   ", "\n\t ", "\x00\x01"])
def test_empty_input_is_refused(engine: AnalyzerEngine, text: str) -> None:
    with pytest.raises(InvalidInput, match="nothing to analyse"):
        engine.analyze(text)


def test_no_texts_no_results(engine: AnalyzerEngine) -> None:
    assert engine.analyze_many([]) == []


def test_empty_item_in_a_batch_is_named(engine: AnalyzerEngine) -> None:
    with pytest.raises(InvalidInput, match="statement 2"):
        engine.analyze_many(["I'm fine.", " "])


def test_long_text_is_read_sentence_by_sentence(engine: AnalyzerEngine) -> None:
    filler = [f"On day {i} I walked to the shop and bought bread and milk." for i in range(120)]
    harsh = "I'm such a pathetic failure, I can't even keep a plant alive."
    sentences = [*filler[:70], harsh, *filler[70:]]
    text = " ".join(sentences)
    assert len(text) > 6_000
    result = engine.analyze(text)
    assert len(result.sentences) == len(sentences)
    start, end = result.sentences[result.driver_sentence]
    assert text[start:end] == harsh
    assert result.harsh
    labels = [p for p in result.patterns if p.name == "labeling"]
    assert labels and labels[0].sentence == 70
    assert text[labels[0].start:labels[0].end].startswith("I'm such a pathetic failure")


def test_ten_thousand_characters(engine: AnalyzerEngine) -> None:
    text = ("I keep thinking about the meeting and I can't let it go. " * 200)[:10_500]
    result = engine.analyze(text)
    assert len(result.sentences) > 100
    assert math.isclose(sum(result.scores.values()), 1.0, abs_tol=1e-6)
    assert 0 <= result.driver_sentence < len(result.sentences)


@pytest.mark.parametrize("text", [
    "I failed again 😭😭😭 why am I like this 🙃",
    "I\x00 missed\x07 the\u200b deadline\ufeff again\x1b[31m.",
    "Soy un idiota, siempre lo arruino todo.",
    "日本語と English が混ざった文です。I'm so tired.",
    "🙃",
    "a",
    "\U0001F600" * 500,
])
def test_odd_text_does_not_crash(engine: AnalyzerEngine, text: str) -> None:
    result = engine.analyze(text)
    assert result.text == text
    assert math.isclose(sum(result.scores.values()), 1.0, abs_tol=1e-6)
    for hit in result.patterns:
        assert 0 <= hit.start < hit.end <= len(text)


def test_non_english_is_flagged(engine: AnalyzerEngine) -> None:
    result = engine.analyze("Soy un idiota, siempre lo arruino todo.")
    assert result.language == "other"
    assert "Soy" not in result.friend_prompt  # no English sentence built from Spanish words


def test_crisis_means_no_reframe(alarmed: tuple[AnalyzerEngine, Any]) -> None:
    engine, detector = alarmed
    result = engine.analyze("I'm such an idiot, I missed the deadline again.")
    assert detector.calls == 1
    assert result.crisis and result.crisis_level is CrisisLevel.LIKELY
    assert result.reframe is None and result.to_dict()["reframe"] is None
    assert result.friend_prompt == ""
    assert result.to_dict()["crisis_signals"][0]["signal"] == "active_ideation"


def test_batch_equals_one_by_one(engine: AnalyzerEngine) -> None:
    texts = ["I'm such an idiot.", "Everyone struggles sometimes; I'm not alone in this.",
             "Bought milk. Then I forgot my keys and I'm an idiot, honestly.",
             "I notice a tight feeling in my chest and I'm letting it be there."]
    batch = engine.analyze_many(texts)
    for text, result in zip(texts, batch, strict=True):
        single = engine.analyze(text)
        assert single.dominant is result.dominant
        for stance in Stance:
            assert single.scores[stance] == pytest.approx(result.scores[stance], abs=1e-6)
        assert single.patterns == result.patterns
