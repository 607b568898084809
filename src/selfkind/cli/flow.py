"""Running one practice end to end: drafts, gentle mode, crisis care, saving."""

from __future__ import annotations

from dataclasses import dataclass

from rich.panel import Panel

from selfkind.cli.env import CliEnv
from selfkind.cli.render import show_care, when
from selfkind.cli.runner import Hooks, RunState, parse_presets, run_steps, validate_presets
from selfkind.content import message
from selfkind.core.analysis import CrisisLevel
from selfkind.core.entries import Answer, Entry, EntryKind, NewEntry
from selfkind.core.practices import Practice, Step, StepKind
from selfkind.errors import SelfkindError


class Interrupted(Exception):
    """Ctrl-C during a practice, after any draft was kept."""


@dataclass
class PracticeRun:
    practice: Practice
    kind: EntryKind
    command: str
    context: str | None = None


class CareWatch:
    """Checks each piece of writing as it is given and shows help at once (only once)."""

    def __init__(self, env: CliEnv) -> None:
        self._env = env
        self.shown = False
        self.level = CrisisLevel.NONE

    def check(self, text: str) -> None:
        if self.shown or not text.strip():
            return
        analyses = self._env.services().journal.analyze_texts([text])
        if not analyses:
            return
        reading = analyses[0]
        if reading.crisis or reading.about_other:
            self.level = reading.crisis_level
            show_care(self._env.console, reading.crisis_level, about_other=reading.about_other)
            self.shown = True


def care_hooks(env: CliEnv, watch: CareWatch) -> Hooks:
    def after(step: Step, answer: Answer) -> None:
        if step.kind in (StepKind.TEXT, StepKind.LETTER) and answer.text:
            watch.check(answer.text)

    return Hooks(after=after)


def run_practice(
    env: CliEnv,
    run: PracticeRun,
    *,
    answers: list[str],
    resume: bool | None,
    hooks: Hooks | None = None,
    extra_presets: dict[str, str] | None = None,
    show_intro: bool = True,
) -> Entry:
    """Run a practice; Ctrl-C keeps what was written as a draft."""
    practice = run.practice
    presets = parse_presets(answers, practice)
    presets.update(extra_presets or {})
    validate_presets(practice, presets)
    services = env.services()
    prompter = env.prompter
    gentle = services.preferences.gentle
    state = RunState()
    draft_id: str | None = None
    draft = services.journal.find_draft(practice.id)
    if draft is not None:
        wants = resume
        if wants is None and prompter.interactive:
            wants = prompter.confirm(
                message("draft.resume", title=practice.title.lower(), when=when(draft.created_at)),
                default=True,
            )
        if wants:
            state.answers.extend(draft.answers)
            draft_id = draft.id
            prompter.say(message("draft.resumed"), style="dim")
    if show_intro:
        intro = practice.gentle_intro if gentle and practice.gentle_intro else practice.intro
        prompter.console.print(Panel(intro, title=practice.title, border_style="magenta"))
        if gentle:
            prompter.say(message("practice.gentle_on"), style="dim")
    hooks = hooks or care_hooks(env, CareWatch(env))
    try:
        run_steps(practice, practice.steps_for(gentle=gentle), prompter, state,
                  presets=presets, hooks=hooks)
    except KeyboardInterrupt:
        prompter.blank()
        if state.answers:
            services.journal.save_draft(_new_entry(run, state), draft_id=draft_id)
            prompter.say(message("draft.saved", command=run.command), style="yellow")
        else:
            prompter.say(message("draft.nothing"), style="yellow")
        raise Interrupted from None
    except SelfkindError:
        raise  # bad input: nothing is half-saved
    except Exception:
        # Something broke inside selfkind: keep every word written so far.
        if state.answers:
            services.journal.save_draft(_new_entry(run, state), draft_id=draft_id)
            prompter.say(message("draft.saved", command=run.command), style="yellow")
        raise
    entry = services.journal.record(_new_entry(run, state), draft_id=draft_id)
    if practice.outro:
        prompter.blank()
        prompter.say(practice.outro, style="magenta")
    report_saved(env, entry)
    return entry


def _new_entry(run: PracticeRun, state: RunState) -> NewEntry:
    return NewEntry(kind=run.kind, practice_id=run.practice.id, context=run.context,
                    answers=tuple(state.answers))


def report_saved(env: CliEnv, entry: Entry) -> None:
    if entry.distress_before is not None and entry.distress_after is not None:
        env.prompter.say(message("saved.distress", before=entry.distress_before,
                                 after=entry.distress_after))
    env.prompter.say(message("saved.entry", id=entry.id[:8]), style="dim")
