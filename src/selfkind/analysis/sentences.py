"""Splitting text into sentences, keeping each sentence's character span.

Plain rules, no model: ends at . ! ? … (with closing quotes or brackets) before
whitespace, and at line breaks. A run of text with no break at all is cut near
``MAX_CHARS`` at a clause mark or a space, because the embedding model only reads
its first 256 tokens and a finding must still point at a readable piece of text.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

MAX_CHARS = 600
# Words ending in "." that do not end a sentence.
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "approx",
     "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
_BREAK = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)|\n\s*")
_SOFT_BREAK = re.compile(r"[;:,–—]\s|\s")


def split_sentences(text: str) -> list[Span]:
    """Spans of the non-blank sentences of ``text`` (trimmed of surrounding space)."""
    spans: list[Span] = []
    start = 0
    for match in _BREAK.finditer(text):
        end = match.end()
        if match.group().startswith(".") and _ends_with_abbreviation(text, start, match.start()):
            continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _ends_with_abbreviation(text: str, start: int, dot: int) -> bool:
    word_start = dot
    while word_start > start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha() and word != "i")


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_CHARS:
        cut = _cut_point(text, start, start + MAX_CHARS)
        _add(text, start, cut, spans)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def _cut_point(text: str, start: int, limit: int) -> int:
    """The last clause mark or space before ``limit`` (past the middle), else ``limit``."""
    best = -1
    for match in _SOFT_BREAK.finditer(text, start + MAX_CHARS // 2, limit):
        best = match.end() if not match.group().isspace() else match.start()
    return best if best > start else limit
