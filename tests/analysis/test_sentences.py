from __future__ import annotations

from selfkind.analysis.sentences import MAX_CHARS, split_sentences


def pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_splits_on_end_marks_and_lines() -> None:
    text = "I failed the test. Dr. Smith said so!! Why me?\nNew line here"
    assert pieces(text) == ["I failed the test.", "Dr. Smith said so!!", "Why me?",
                            "New line here"]


def test_keeps_quotes_and_abbreviations_with_their_sentence() -> None:
    assert pieces('She said "fine." Then e.g. nothing.') == ['She said "fine."',
                                                             "Then e.g. nothing."]


def test_blank_text_has_no_sentences() -> None:
    assert split_sentences("  \n\t ") == []


def test_long_run_without_punctuation_is_cut_near_the_limit() -> None:
    text = "and so it goes on " * 200
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(0 < b - a <= MAX_CHARS for a, b in spans)
    assert all(text[a] != " " and text[b - 1] != " " for a, b in spans)
    # Nothing but spaces is lost between the pieces.
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")
