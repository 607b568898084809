"""What the guards know about one whole normalised text, and its clauses.

Worked out once per text and shared by every pattern hit in it; the clause
helpers are bounded (they look back at most ``LOOK_BACK`` characters), so a long
journal entry stays linear in time.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

# Words that start a new clause: a negator before one of them does not reach past it.
CLAUSE_BREAK = re.compile(
    r'(?:^|\s)(?:[.,;:"?]|but|and|so|because|though|although|yet|cause|except|however|then|or)'
    r"(?=\s|$)"
)
SENTENCE_BREAK = re.compile(r"(?:^|\s)\.(?:\s|$)")
# How far back (in characters) the speaker and negation checks look.
LOOK_BACK = 300


@dataclass(frozen=True, slots=True)
class Scene:
    """Facts about one whole normalised text, worked out once and shared by every hit."""

    text: str
    # Where each sentence starts and ends in ``text`` (the first starts at 0).
    sentence_starts: tuple[int, ...]
    sentence_ends: tuple[int, ...]
    laughs: bool
    # A sign of a live state anywhere ("again", "lately", "relapsed").
    live: bool
    media: bool
    education: bool
    helping: bool
    past_anywhere: bool
    recovering: bool
    coping: bool
    # Where the text heads off the dark reading ("not like that", "not a goodbye thing").
    reassurances: tuple[tuple[int, int], ...]
    # The text asks how to help, or worries about, someone it names.
    about_someone: bool
    # The writer says the words are theirs after all ("i lied", "not for a novel").
    admitted: bool
    not_accident: bool
    # Offsets of the quotation marks, for "is this hit inside a quote".
    quotes: tuple[int, ...]

    def inside_quotes(self, position: int) -> bool:
        """Between an opening and a closing quotation mark."""
        before = bisect.bisect_left(self.quotes, position)
        return before % 2 == 1 and before < len(self.quotes)

    def sentence(self, position: int) -> tuple[int, int]:
        """Start and end of the sentence holding ``position``."""
        index = max(0, bisect.bisect_right(self.sentence_starts, position) - 1)
        return self.sentence_starts[index], self.sentence_ends[index]

    def next_sentence(self, position: int) -> tuple[int, int] | None:
        index = bisect.bisect_right(self.sentence_starts, position)
        if index >= len(self.sentence_starts):
            return None
        return self.sentence_starts[index], self.sentence_ends[index]


def alternation(items: Iterable[str]) -> re.Pattern[str]:
    parts = [f"(?:{item})" for item in items]
    if not parts:
        return re.compile(r"(?!)")  # an empty list matches nothing, not everything
    body = "|".join(parts)
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])")


def clause_prefix(text: str, start: int, *, breaks_on_comma: bool = True) -> str:
    prefix = text[max(0, start - LOOK_BACK) : start]
    cut = 0
    for found in CLAUSE_BREAK.finditer(prefix):
        if not breaks_on_comma and found.group().strip() in {",", ":"}:
            continue
        cut = found.end()
    return prefix[cut:]
