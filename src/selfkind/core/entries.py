"""Journal entries: what a practice leaves behind."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from selfkind.core.analysis import CrisisLevel


class EntryKind(StrEnum):
    BREAK = "break"
    LETTER = "letter"
    SELFTALK = "selftalk"
    PRACTICE = "practice"
    INTENTION = "intention"
    MEDITATION = "meditation"
    AFFIRMATION = "affirmation"
    MOMENT = "moment"
    LEARN = "learn"
    NOTE = "note"


class EntryStatus(StrEnum):
    COMPLETE = "complete"
    DRAFT = "draft"


@dataclass(frozen=True, slots=True)
class Answer:
    """One step's answer. ``text`` holds words, ``rating`` a 0-10 number,
    ``choice`` the 1-based option picked (``None`` for the person's own words)."""

    step: str
    prompt: str = ""
    text: str | None = None
    rating: int | None = None
    choice: int | None = None


@dataclass(frozen=True, slots=True)
class EntryReading:
    """What the analyzer saw in an entry, kept as columns for progress views."""

    dominant: str | None = None
    compassion: float | None = None
    crisis_level: CrisisLevel = CrisisLevel.NONE


@dataclass(frozen=True)
class NewEntry:
    """An entry before it is stored."""

    kind: EntryKind
    answers: tuple[Answer, ...] = ()
    practice_id: str | None = None
    context: str | None = None
    status: EntryStatus = EntryStatus.COMPLETE
    minutes: float | None = None
    reading: EntryReading = field(default_factory=EntryReading)

    @property
    def distress_before(self) -> int | None:
        return _rating(self.answers, "before")

    @property
    def distress_after(self) -> int | None:
        return _rating(self.answers, "after")


@dataclass(frozen=True)
class Entry(NewEntry):
    """A stored entry; ``id`` is a UUID string."""

    id: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def title(self) -> str:
        return entry_title(self)

    def with_answers(self, answers: tuple[Answer, ...]) -> Entry:
        return replace(self, answers=answers)


def _rating(answers: tuple[Answer, ...], step: str) -> int | None:
    for answer in answers:
        if answer.step == step and answer.rating is not None:
            return answer.rating
    return None


def personal_text(answers: tuple[Answer, ...]) -> list[str]:
    """The words a person wrote (or chose), in order: what the analyzer reads."""
    return [a.text for a in answers if a.text and a.text.strip()]


def entry_title(entry: NewEntry, *, width: int = 60) -> str:
    if entry.kind is EntryKind.MEDITATION and entry.minutes is not None:
        return f"{entry.minutes:g} minutes of mindfulness"
    texts = personal_text(entry.answers)
    first = texts[0].strip().splitlines()[0] if texts else ""
    if len(first) > width:
        first = first[: width - 1].rstrip() + "…"
    return first


def matches(entry: NewEntry, terms: list[str]) -> bool:
    """Full-text match: every term appears somewhere in the entry (any case)."""
    haystack = " ".join(personal_text(entry.answers)).casefold()
    return all(term.casefold() in haystack for term in terms)
