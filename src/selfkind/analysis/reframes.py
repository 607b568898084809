"""Deterministic reframes and friend prompts, composed from ``rules/reframes.toml``.

Chosen by the dominant stance and the first thinking pattern found, with the
person's own situation in the slots. The same text always gets the same words
(variants are picked by a stable hash of the text, never at random).
"""

from __future__ import annotations

import tomllib
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from selfkind.analysis.situation import Situation
from selfkind.core.pillars import Stance


@dataclass(frozen=True, slots=True)
class ReframeRequest:
    """What a reframer may use: never called when a crisis was detected."""

    text: str
    dominant: Stance
    patterns: tuple[str, ...]
    situation: Situation
    english: bool = True


class Reframer(Protocol):
    def reframe(self, request: ReframeRequest) -> str | None: ...


@dataclass(frozen=True)
class ReframeTemplates:
    friend_prompt: str
    notice: Mapping[str, tuple[str, ...]]
    notice_generic: Mapping[str, tuple[str, ...]]
    pattern: Mapping[str, str]
    shared: Mapping[str, tuple[str, ...]]
    kind: Mapping[str, tuple[str, ...]]
    step: Mapping[str, tuple[str, ...]]
    llm_system: str


def load_templates(path: Path | None = None) -> ReframeTemplates:
    if path is None:
        source = resources.files("selfkind.analysis") / "rules" / "reframes.toml"
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    else:
        data = tomllib.loads(path.read_text(encoding="utf-8"))

    def lists(section: str) -> dict[str, tuple[str, ...]]:
        table: dict[str, Any] = data[section]
        return {key: tuple(value) for key, value in table.items()}

    return ReframeTemplates(
        friend_prompt=data["friend_prompt"],
        notice=lists("notice"),
        notice_generic=lists("notice_generic"),
        pattern=dict(data["pattern"]),
        shared=lists("shared"),
        kind=lists("kind"),
        step=lists("step"),
        llm_system=data["llm"]["system"],
    )


def _group(stance: Stance) -> str:
    if stance.compassionate:
        return "compassionate"
    return stance.value


def _pick(options: Sequence[str], key: str, salt: str) -> str:
    return options[zlib.crc32(f"{salt}\0{key}".encode()) % len(options)]


class TemplateReframer:
    """The default reframer: no network, same input gives the same words."""

    def __init__(self, templates: ReframeTemplates) -> None:
        self.templates = templates

    def friend_prompt(self, situation: Situation) -> str:
        return self.templates.friend_prompt.format(friend=situation.friend)

    def reframe(self, request: ReframeRequest) -> str | None:
        # Neutral notes with no thinking pattern have nothing to reframe.
        if request.dominant is Stance.NEUTRAL and not request.patterns:
            return None
        t = self.templates
        group = _group(request.dominant)
        if group == "neutral":
            group = "self_judgment"  # a pattern in a matter-of-fact note is still harsh
        key = request.text
        has_slot = request.situation.kind != "none" and request.english
        if has_slot:
            notice = _pick(t.notice[group], key, "notice").format(you=request.situation.you)
        else:
            notice = _pick(t.notice_generic[group], key, "notice")
        parts = [_capitalize(notice)]
        if request.patterns and group != "compassionate":
            parts.append(t.pattern[request.patterns[0]])
        parts.append(_pick(t.shared[group], key, "shared"))
        parts.append(_pick(t.kind[group], key, "kind"))
        step_group = "compassionate" if group == "compassionate" else "harsh"
        if group == "self_judgment" or group == "compassionate":
            parts.append(_pick(t.step[step_group], key, "step"))
        return " ".join(parts)


def _capitalize(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def load_template_reframer() -> TemplateReframer:
    return TemplateReframer(load_templates())
