"""Walking a person through a practice's steps, one answer at a time."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from rich.panel import Panel

from selfkind.cli.prompter import Prompter, choice_from
from selfkind.content import message
from selfkind.core.entries import Answer
from selfkind.core.practices import Practice, Step, StepKind
from selfkind.core.ratings import parse_rating
from selfkind.errors import InvalidInput


@dataclass
class Hooks:
    """Ways a command can shape a run (the self-talk check uses all three)."""

    prompt_for: Callable[[Step], str | None] = lambda step: None
    default_for: Callable[[Step], str | None] = lambda step: None
    after: Callable[[Step, Answer], None] = lambda step, answer: None


@dataclass
class RunState:
    """Answers so far; kept by the caller so an interruption can save a draft."""

    answers: list[Answer] = field(default_factory=list)

    def answered(self, step_id: str) -> bool:
        return any(a.step == step_id for a in self.answers)


def parse_presets(values: list[str], practice: Practice) -> dict[str, str]:
    """``--answer step=value`` pairs, checked against the practice's steps."""
    presets: dict[str, str] = {}
    for value in values:
        step_id, sep, answer = value.partition("=")
        step_id = step_id.strip()
        if not sep or not step_id:
            raise InvalidInput(message("missing.answer_format", value=value))
        if practice.step(step_id) is None or step_id not in practice.answer_ids:
            raise InvalidInput(message("missing.unknown_step", step=step_id, title=practice.title,
                                       steps=", ".join(practice.answer_ids)))
        presets[step_id] = answer
    return presets


def preset_answer(step: Step, prompt: str, value: str) -> Answer | None:
    """Turn a command-line value into an answer, with the same rules as typing it."""
    if step.kind is StepKind.RATING:
        if not value.strip() and step.optional:
            return None
        return Answer(step=step.id, prompt=prompt,
                      rating=parse_rating(value, what=step.id.replace("_", " ")))
    if not value.strip():
        if step.optional:
            return None
        raise InvalidInput(message("missing.text_empty"))
    if step.kind is StepKind.CHOICE:
        words, number = choice_from(value, step.options, step=step.id)
        return Answer(step=step.id, prompt=prompt, text=words, choice=number)
    return Answer(step=step.id, prompt=prompt, text=value.strip())


def validate_presets(practice: Practice, presets: Mapping[str, str]) -> None:
    """Fail before anything is asked or saved if a preset can't be used."""
    for step_id, value in presets.items():
        step = practice.step(step_id)
        assert step is not None
        preset_answer(step, step.prompt, value)


def run_steps(
    practice: Practice,
    steps: tuple[Step, ...],
    prompter: Prompter,
    state: RunState,
    *,
    presets: Mapping[str, str],
    hooks: Hooks | None = None,
) -> None:
    hooks = hooks or Hooks()
    for step in steps:
        if state.answered(step.id):
            continue
        prompt = hooks.prompt_for(step) or step.prompt
        if step.id in presets:
            answer = preset_answer(step, prompt, presets[step.id])
        else:
            answer = _ask(step, prompt, prompter, default=hooks.default_for(step))
        if answer is not None:
            state.answers.append(answer)
            hooks.after(step, answer)


def _ask(step: Step, prompt: str, prompter: Prompter, *, default: str | None) -> Answer | None:
    prompter.blank()
    if step.guide:
        prompter.console.print(Panel(step.guide, border_style="cyan", padding=(0, 1)))
    if step.kind is StepKind.SAY:
        return None
    if step.kind is StepKind.RATING:
        rating = prompter.ask_rating(prompt, step=step.id, optional=step.optional)
        return None if rating is None else Answer(step=step.id, prompt=prompt, rating=rating)
    if step.kind is StepKind.CHOICE:
        picked = prompter.ask_choice(prompt, step.options, step=step.id, optional=step.optional)
        if picked is None:
            return None
        return Answer(step=step.id, prompt=prompt, text=picked[0], choice=picked[1])
    if step.kind is StepKind.LETTER:
        prompter.say(prompt)
        text = prompter.ask_editor()
        if text is None:
            text = prompter.ask_multiline("", step=step.id, optional=step.optional)
        return None if text is None else Answer(step=step.id, prompt=prompt, text=text)
    text = prompter.ask_text(prompt, step=step.id, optional=step.optional,
                             placeholder=step.placeholder, default=default)
    return None if text is None else Answer(step=step.id, prompt=prompt, text=text)
