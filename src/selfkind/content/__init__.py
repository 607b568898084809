"""Everything a person reads lives in the TOML files beside this module,
so wording is reviewed in one place. This module only loads it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from selfkind.core.practices import Practice, practice_from_dict

__all__ = ["Practice", "message", "practice", "practices"]


def _load(name: str) -> dict[str, Any]:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def practices() -> dict[str, Practice]:
    """Every practice, by id."""
    folder = resources.files(__name__).joinpath("practices")
    found: dict[str, Practice] = {}
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".toml"):
            practice = practice_from_dict(tomllib.loads(item.read_text(encoding="utf-8")))
            found[practice.id] = practice
    return found


def practice(practice_id: str) -> Practice:
    return practices()[practice_id]


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    title: str
    body: str
    try_this: str = ""


@cache
def cards() -> tuple[Card, ...]:
    data = _load("cards.toml")
    return tuple(
        Card(id=c["id"], title=c["title"], body=c["body"].strip(),
             try_this=c.get("try", "").strip())
        for c in data["cards"]
    )


@dataclass(frozen=True, slots=True)
class Affirmation:
    text: str
    context: str


@cache
def affirmations() -> tuple[Affirmation, ...]:
    data = _load("affirmations.toml")
    return tuple(Affirmation(text=a["text"], context=a.get("context", "general"))
                 for a in data["affirmations"])


@cache
def meditation() -> dict[str, Any]:
    return _load("meditation.toml")


@cache
def _messages() -> dict[str, Any]:
    return _load("messages.toml")


def message(key: str, **slots: object) -> str:
    """A sentence from ``messages.toml`` by dotted key, with ``{slots}`` filled."""
    node: Any = _messages()
    for part in key.split("."):
        node = node[part]
    return str(node).strip().format(**slots)
