"""The versioned JSON shapes of entries: the stored body and the export."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from selfkind.core.analysis import CrisisLevel
from selfkind.core.entries import Answer, Entry, EntryKind, EntryReading, EntryStatus

BODY_VERSION = 1


def answers_to_json(answers: tuple[Answer, ...]) -> dict[str, Any]:
    return {"v": BODY_VERSION, "answers": [answer_to_dict(a) for a in answers]}


def answers_from_json(data: dict[str, Any]) -> tuple[Answer, ...]:
    if data.get("v") != BODY_VERSION:
        raise ValueError(f"entry body version {data.get('v')!r} is not one this selfkind reads")
    return tuple(answer_from_dict(a) for a in data["answers"])


def answer_to_dict(answer: Answer) -> dict[str, Any]:
    out: dict[str, Any] = {"step": answer.step, "prompt": answer.prompt}
    if answer.text is not None:
        out["text"] = answer.text
    if answer.rating is not None:
        out["rating"] = answer.rating
    if answer.choice is not None:
        out["choice"] = answer.choice
    return out


def answer_from_dict(data: dict[str, Any]) -> Answer:
    return Answer(
        step=str(data["step"]),
        prompt=str(data.get("prompt", "")),
        text=data.get("text"),
        rating=data.get("rating"),
        choice=data.get("choice"),
    )


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    assert entry.created_at is not None and entry.updated_at is not None
    return {
        "id": entry.id,
        "kind": entry.kind.value,
        "practice_id": entry.practice_id,
        "context": entry.context,
        "status": entry.status.value,
        "created_at": entry.created_at.isoformat(),
        "updated_at": entry.updated_at.isoformat(),
        "minutes": entry.minutes,
        "reading": {
            "dominant": entry.reading.dominant,
            "compassion": entry.reading.compassion,
            "crisis_level": entry.reading.crisis_level.value,
        },
        "answers": [answer_to_dict(a) for a in entry.answers],
    }


def entry_from_dict(data: dict[str, Any]) -> Entry:
    reading = data.get("reading") or {}
    return Entry(
        id=str(data["id"]),
        kind=EntryKind(data["kind"]),
        practice_id=data.get("practice_id"),
        context=data.get("context"),
        status=EntryStatus(data.get("status", "complete")),
        created_at=_aware(data["created_at"]),
        updated_at=_aware(data.get("updated_at", data["created_at"])),
        minutes=data.get("minutes"),
        reading=EntryReading(
            dominant=reading.get("dominant"),
            compassion=reading.get("compassion"),
            crisis_level=CrisisLevel(reading.get("crisis_level", "none")),
        ),
        answers=tuple(answer_from_dict(a) for a in data.get("answers", [])),
    )


def _aware(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError(f"time {value!r} has no timezone")
    return parsed
