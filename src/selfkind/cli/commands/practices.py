"""The guided practices: break, letter, self-talk, life contexts, intention, moment."""

from __future__ import annotations

import random
from typing import Annotated

import typer
from rich.panel import Panel
from rich.table import Table

from selfkind import content
from selfkind.cli.commands.options import AnswerOpt, ResumeOpt, read_text_option
from selfkind.cli.env import CliEnv
from selfkind.cli.flow import CareWatch, PracticeRun, care_hooks, run_practice
from selfkind.cli.render import show_analysis, when
from selfkind.cli.runner import Hooks
from selfkind.content import message
from selfkind.core.analysis import Analysis
from selfkind.core.entries import Answer, EntryKind
from selfkind.core.practices import PracticeGroup, Step
from selfkind.errors import InvalidInput

CONTEXT_GROUPS = (PracticeGroup.WORK, PracticeGroup.RELATIONSHIPS, PracticeGroup.TRANSITIONS,
                  PracticeGroup.OBSTACLES)


def _presets(**values: str | None) -> dict[str, str]:
    return {k: v for k, v in values.items() if v is not None}


def register(app: typer.Typer) -> None:
    @app.command("break")
    def break_(
        ctx: typer.Context,
        before: Annotated[str | None, typer.Option(help="Distress now, 0-10.")] = None,
        after: Annotated[str | None, typer.Option(help="Distress after, 0-10.")] = None,
        answer: AnswerOpt = None,
        resume: ResumeOpt = None,
    ) -> None:
        """The self-compassion break: three short steps for a hard moment."""
        env: CliEnv = ctx.obj
        run = PracticeRun(content.practice("break"), EntryKind.BREAK, "break")
        run_practice(env, run, answers=answer or [], resume=resume,
                     extra_presets=_presets(before=before, after=after))

    @app.command()
    def letter(
        ctx: typer.Context,
        text: Annotated[str | None, typer.Option(
            "--text", "-t", help="The letter itself ('-' reads standard input).")] = None,
        read: Annotated[bool, typer.Option(
            "--read", help="Read back a letter you wrote before.")] = False,
        answer: AnswerOpt = None,
        resume: ResumeOpt = None,
    ) -> None:
        """Write a self-compassionate letter, from a friend who loves you as you are."""
        env: CliEnv = ctx.obj
        if read:
            _read_letter(env)
            return
        run = PracticeRun(content.practice("letter"), EntryKind.LETTER, "letter")
        run_practice(env, run, answers=answer or [], resume=resume,
                     extra_presets=_presets(letter=read_text_option(text, env.prompter)))

    @app.command()
    def selftalk(
        ctx: typer.Context,
        text: Annotated[str | None, typer.Option(
            "--text", "-t", help="The harsh thought ('-' reads standard input).")] = None,
        friend: Annotated[str | None, typer.Option(
            help="What you would say to a friend.")] = None,
        to_self: Annotated[str | None, typer.Option(
            "--to-self", help="Those words, said to yourself.")] = None,
        use_reframe: Annotated[bool, typer.Option(
            "--use-reframe", help="Say the suggested kinder words to yourself.")] = False,
        answer: AnswerOpt = None,
        resume: ResumeOpt = None,
    ) -> None:
        """The self-talk check: what would you say to a friend?"""
        env: CliEnv = ctx.obj
        _selftalk(env, presets=_presets(thought=read_text_option(text, env.prompter), friend=friend,
                                        to_self=to_self),
                  answers=answer or [], resume=resume, use_reframe=use_reframe)

    @app.command()
    def practice(
        ctx: typer.Context,
        group: Annotated[str, typer.Argument(
            help="work, relationships, transitions or obstacles.")],
        name: Annotated[str | None, typer.Argument(help="Which practice in the group.")] = None,
        answer: AnswerOpt = None,
        resume: ResumeOpt = None,
    ) -> None:
        """Practices for work, relationships, transitions and loss, and when it's hard."""
        env: CliEnv = ctx.obj
        chosen = _pick_practice(env, group, name)
        run = PracticeRun(chosen, EntryKind.PRACTICE, f"practice {group} {chosen.short_id}",
                          context=chosen.group.value)
        run_practice(env, run, answers=answer or [], resume=resume)

    @app.command()
    def intention(
        ctx: typer.Context,
        text: Annotated[str | None, typer.Option(
            "--text", "-t", help="Your intention, in your own words.")] = None,
        answer: AnswerOpt = None,
        resume: ResumeOpt = None,
    ) -> None:
        """A morning intention, in under five minutes."""
        env: CliEnv = ctx.obj
        run = PracticeRun(content.practice("intention"), EntryKind.INTENTION, "intention")
        run_practice(env, run, answers=answer or [], resume=resume,
                     extra_presets=_presets(intention=text))

    @app.command()
    def moment(
        ctx: typer.Context,
        met: Annotated[bool | None, typer.Option(
            "--met/--missed",
            help="A moment you met yourself with compassion, or a chance you missed.")] = None,
        text: Annotated[str | None, typer.Option(
            "--text", "-t", help="What happened ('-' reads standard input).")] = None,
        response: Annotated[str | None, typer.Option(
            help="How you responded to yourself.")] = None,
        reflection: Annotated[str | None, typer.Option(
            help="Your answer to the follow-up question.")] = None,
        answer: AnswerOpt = None,
        resume: ResumeOpt = None,
    ) -> None:
        """Note a moment of self-compassion, or a chance you noticed but missed."""
        env: CliEnv = ctx.obj
        _moment(env, met=met, presets=_presets(what_happened=read_text_option(text, env.prompter),
                                               response=response),
                reflection=reflection, answers=answer or [], resume=resume)


def _read_letter(env: CliEnv) -> None:
    letters = env.services().journal.entries(kind=EntryKind.LETTER)
    if not letters:
        env.prompter.say(message("letter.read_none"))
        return
    chosen = random.choice(letters)
    body = next((a.text for a in chosen.answers if a.step == "letter" and a.text), None)
    env.prompter.say(message("letter.read_intro", when=when(chosen.created_at)))
    env.console.print(Panel(body or chosen.title, border_style="magenta"))


def _pick_practice(env: CliEnv, group: str, name: str | None) -> content.Practice:
    groups = {g.value: g for g in CONTEXT_GROUPS}
    if group not in groups:
        raise InvalidInput(message("practice.unknown_group", group=group,
                                   groups=", ".join(groups)))
    members = [p for p in content.practices().values() if p.group is groups[group]]
    by_name = {p.short_id: p for p in members}
    names = [key.replace("_", "-") for key in by_name]
    if name is not None:
        key = name.replace("-", "_")
        if key not in by_name:
            raise InvalidInput(message("practice.unknown_name", group=group, name=name,
                                       names=", ".join(names)))
        return by_name[key]
    if not env.prompter.interactive:
        raise InvalidInput(message("practice.which", group=group, names=", ".join(names),
                                   first=names[0]))
    env.prompter.say(message("practice.pick_group", group=group))
    table = Table(box=None, show_header=False)
    for number, item in enumerate(members, start=1):
        table.add_row(f"{number}.", item.short_id.replace("_", "-"), item.summary)
    env.console.print(table)
    while True:
        line = env.prompter.ask_text(message("practice.pick_one"), step="practice")
        assert line is not None
        if line.isdigit() and 1 <= int(line) <= len(members):
            return members[int(line) - 1]
        if line.replace("-", "_") in by_name:
            return by_name[line.replace("-", "_")]


def _selftalk(env: CliEnv, *, presets: dict[str, str], answers: list[str],
              resume: bool | None, use_reframe: bool) -> None:
    watch = CareWatch(env)
    seen: dict[str, Analysis] = {}
    said: dict[str, str] = {}
    base = care_hooks(env, watch)

    def after(step: Step, answer: Answer) -> None:
        if step.id == "thought" and answer.text:
            analysis = env.services().journal.analyze_texts([answer.text])[0]
            seen["thought"] = analysis
            show_analysis(env.console, analysis, with_reframe=False)
            watch.shown = analysis.crisis or analysis.about_other
            return
        if step.id == "friend":
            said["friend"] = answer.text or ""
            thought = seen.get("thought")
            if thought and thought.reframe and not thought.crisis:
                env.console.print(Panel(thought.reframe, title=message("selftalk.suggestion"),
                                        border_style="green"))
                env.prompter.say(message("prompt.use_suggestion"), style="dim")
        base.after(step, answer)

    def prompt_for(step: Step) -> str | None:
        thought = seen.get("thought")
        if step.id == "friend" and thought and thought.friend_prompt:
            return thought.friend_prompt
        return None

    def default_for(step: Step) -> str | None:
        # "Then say those words to yourself": by default, the words given to the friend;
        # with --use-reframe, the suggestion.
        if step.id != "to_self":
            return None
        thought = seen.get("thought")
        if use_reframe and thought and thought.reframe and not thought.crisis:
            return thought.reframe
        return said.get("friend")

    hooks = Hooks(prompt_for=prompt_for, default_for=default_for, after=after)
    run = PracticeRun(content.practice("selftalk"), EntryKind.SELFTALK, "selftalk")
    entry = run_practice(env, run, answers=answers, resume=resume, hooks=hooks,
                         extra_presets=presets)
    texts = {a.step: a.text for a in entry.answers}
    if texts.get("thought") and texts.get("to_self"):
        table = Table(title=message("selftalk.side_by_side"), show_lines=True)
        table.add_column(message("selftalk.harsh_label"), style="yellow")
        table.add_column(message("selftalk.kind_label"), style="green")
        table.add_row(texts["thought"] or "", texts["to_self"] or "")
        env.console.print(table)


def _moment(env: CliEnv, *, met: bool | None, presets: dict[str, str], reflection: str | None,
            answers: list[str], resume: bool | None) -> None:
    practice = content.practice("moment")
    extras = practice.extras or {}
    if met is None:
        if not env.prompter.interactive:
            raise InvalidInput(message("missing.not_interactive", what="The kind of moment",
                                       hint="--met or --missed"))
        while met is None:
            line = env.prompter.ask_text(message("moment.which"), step="kind") or ""
            met = {"1": True, "2": False}.get(line.strip())
    kind = "met" if met else "missed"
    env.console.print(Panel(str(extras.get(f"intro_{kind}", "")).strip(), border_style="magenta"))
    question = random.choice(list(extras.get(f"questions_{kind}", ["What do you notice now?"])))
    holder: dict[str, str | None] = {}

    watch = CareWatch(env)
    base = care_hooks(env, watch)
    run = PracticeRun(practice, EntryKind.MOMENT, f"moment --{kind}", context=kind)

    def after(step: Step, answer: Answer) -> None:
        base.after(step, answer)
        if step.id == practice.steps[-1].id:
            env.prompter.blank()
            env.prompter.say(message("moment.question"), style="dim")
            holder["reflection"] = reflection if reflection is not None else (
                env.prompter.ask_text(question, step="reflection", optional=True)
                if env.prompter.interactive else None)

    entry = run_practice(env, run, answers=answers, resume=resume,
                         hooks=Hooks(after=after), extra_presets=presets, show_intro=False)
    if holder.get("reflection"):
        added = (*entry.answers, Answer(step="reflection", prompt=question,
                                        text=holder["reflection"]))
        env.services().journal.edit(entry.id, added)
