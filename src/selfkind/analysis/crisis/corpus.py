"""Reading crisis corpora (``corpus/crisis/*.jsonl`` and the set-aside file).

One JSON object per line: ``text``, ``level`` (none/possible/likely), ``signals``
(each ``signal`` with ``evidence``, an exact substring of the text), ``category``
and ``about_other``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from selfkind.core.analysis import CrisisLevel

# Statements that must not raise an alarm, with the bars of the issue:
# `likely` on at most 3% of them, `possible` on at most 10%.
FALSE_ALARM_CATEGORIES = frozenset({"figurative", "negated", "past_recovery", "third_person"})


@dataclass(frozen=True, slots=True)
class Evidence:
    signal: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CrisisExample:
    text: str
    level: CrisisLevel
    signals: tuple[Evidence, ...]
    category: str
    about_other: bool


def _evidence(text: str, item: object) -> Evidence:
    if not isinstance(item, dict):
        raise ValueError("each signal must be an object")
    quote = str(item.get("evidence", ""))
    start = text.find(quote) if quote else -1
    # Evidence should be an exact substring; when it is not, fall back to the whole
    # text so span checks stay lenient rather than crash.
    if start < 0:
        start, end = 0, len(text)
    else:
        end = start + len(quote)
    return Evidence(signal=str(item.get("signal", "")), text=quote, start=start, end=end)


def read_corpus(path: Path) -> list[CrisisExample]:
    """Every example in a JSON-lines crisis corpus (blank lines skipped)."""
    examples: list[CrisisExample] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text = str(row["text"])
            examples.append(
                CrisisExample(
                    text=text,
                    level=CrisisLevel(str(row.get("level", "none"))),
                    signals=tuple(_evidence(text, s) for s in row.get("signals", [])),
                    category=str(row.get("category", "")),
                    about_other=bool(row.get("about_other", False)),
                )
            )
        except (KeyError, ValueError, TypeError) as error:
            raise ValueError(f"{path}:{number}: {error}") from error
    return examples
