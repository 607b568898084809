"""Guided practices as data: a practice is a list of steps read from TOML."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class StepKind(StrEnum):
    SAY = "say"
    RATING = "rating"
    TEXT = "text"
    CHOICE = "choice"
    LETTER = "letter"

    @property
    def asks(self) -> bool:
        return self is not StepKind.SAY


class PracticeGroup(StrEnum):
    CORE = "core"
    WORK = "work"
    RELATIONSHIPS = "relationships"
    TRANSITIONS = "transitions"
    OBSTACLES = "obstacles"
    DAILY = "daily"


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    kind: StepKind
    prompt: str = ""
    guide: str = ""
    pillar: str | None = None
    optional: bool = False
    gentle: bool = True
    options: tuple[str, ...] = ()
    placeholder: str = ""


@dataclass(frozen=True)
class Practice:
    id: str
    group: PracticeGroup
    title: str
    summary: str
    minutes: int
    pillars: tuple[str, ...]
    intro: str
    outro: str
    steps: tuple[Step, ...]
    gentle_intro: str = ""
    extras: Mapping[str, Any] | None = None

    @property
    def short_id(self) -> str:
        """``work.feedback`` -> ``feedback``."""
        return self.id.split(".", 1)[-1]

    def steps_for(self, *, gentle: bool) -> tuple[Step, ...]:
        """Gentle mode keeps only the steps marked ``gentle``."""
        if not gentle:
            return self.steps
        return tuple(step for step in self.steps if step.gentle)

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    @property
    def answer_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.steps if s.kind.asks)


_KNOWN_KEYS = {"schema", "id", "group", "title", "summary", "minutes", "pillars",
               "intro", "outro", "gentle_intro", "steps"}


def practice_from_dict(data: Mapping[str, Any]) -> Practice:
    """Build a :class:`Practice` from parsed TOML, checking what it must hold."""
    if data.get("schema") != 1:
        raise ValueError(f"practice {data.get('id')!r}: unsupported schema {data.get('schema')!r}")
    steps = []
    seen: set[str] = set()
    for raw in data.get("steps", []):
        step = Step(
            id=str(raw["id"]),
            kind=StepKind(raw["kind"]),
            prompt=str(raw.get("prompt", "")),
            guide=str(raw.get("guide", "")).strip(),
            pillar=raw.get("pillar"),
            optional=bool(raw.get("optional", False)),
            gentle=bool(raw.get("gentle", True)),
            options=tuple(str(o) for o in raw.get("options", ())),
            placeholder=str(raw.get("placeholder", "")),
        )
        if step.id in seen:
            raise ValueError(f"practice {data['id']!r}: step id {step.id!r} repeats")
        if step.kind is StepKind.CHOICE and not step.options:
            raise ValueError(f"practice {data['id']!r}: choice step {step.id!r} has no options")
        seen.add(step.id)
        steps.append(step)
    extras = {k: v for k, v in data.items() if k not in _KNOWN_KEYS}
    return Practice(
        id=str(data["id"]),
        group=PracticeGroup(data["group"]),
        title=str(data["title"]),
        summary=str(data.get("summary", "")),
        minutes=int(data.get("minutes", 5)),
        pillars=tuple(data.get("pillars", ())),
        intro=str(data.get("intro", "")).strip(),
        outro=str(data.get("outro", "")).strip(),
        gentle_intro=str(data.get("gentle_intro", "")).strip(),
        steps=tuple(steps),
        extras=extras,
    )
