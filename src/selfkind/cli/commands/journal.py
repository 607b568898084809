"""The journal: list, filter, search, show, edit and delete entries."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Annotated

import typer

from selfkind.cli.env import CliEnv
from selfkind.cli.render import entry_table, show_care, show_entry
from selfkind.content import message
from selfkind.core.analysis import CrisisLevel
from selfkind.core.entries import Answer, Entry, EntryKind
from selfkind.core.ratings import parse_rating
from selfkind.errors import InvalidInput

journal_app = typer.Typer(help="Your journal: everything you've practised.",
                          invoke_without_command=True, no_args_is_help=False)

KindOpt = Annotated[str | None, typer.Option(
    "--kind", "-k", help="break, letter, selftalk, practice, intention, meditation, "
                         "affirmation, moment, learn or note.")]
ContextOpt = Annotated[str | None, typer.Option(
    "--context", "-c", help="work, relationships, transitions, obstacles, met, missed…")]
PracticeOpt = Annotated[str | None, typer.Option("--practice", "-p",
                                                 help="A practice id, e.g. work.feedback.")]
SinceOpt = Annotated[str | None, typer.Option(help="From this date on (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option(help="Up to and including this date.")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many.")]


def _day(value: str | None, *, end: bool = False) -> datetime | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(message("journal.bad_date", value=value)) from None
    if end:
        day += timedelta(days=1)
    return datetime.combine(day, time()).astimezone()


def _kind(value: str | None) -> EntryKind | None:
    if value is None:
        return None
    try:
        return EntryKind(value)
    except ValueError:
        raise InvalidInput(f"There's no entry kind called {value!r}. Kinds: "
                           + ", ".join(k.value for k in EntryKind) + ".") from None


def _print_list(env: CliEnv, entries: list[Entry], *, empty: str) -> None:
    if not entries:
        env.prompter.say(message(empty))
        return
    env.console.print(entry_table(entries))


@journal_app.callback()
def journal_home(ctx: typer.Context) -> None:
    """Your journal: everything you've practised."""
    if ctx.invoked_subcommand is None:
        env: CliEnv = ctx.obj
        _print_list(env, env.services().journal.entries(limit=20), empty="journal.empty")


@journal_app.command("list")
def list_(
    ctx: typer.Context,
    kind: KindOpt = None,
    context: ContextOpt = None,
    practice: PracticeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: LimitOpt = 50,
    drafts: Annotated[bool, typer.Option("--drafts", help="Unfinished drafts only.")] = False,
) -> None:
    """List entries, newest first, filtered by kind, context, practice or date."""
    env: CliEnv = ctx.obj
    found = env.services().journal.entries(
        drafts=drafts, limit=limit, kind=_kind(kind), context=context, practice_id=practice,
        since=_day(since), until=_day(until, end=True))
    _print_list(env, found, empty="journal.none_found")


@journal_app.command()
def search(
    ctx: typer.Context,
    words: Annotated[list[str], typer.Argument(help="Words that must all appear.")],
    kind: KindOpt = None,
    context: ContextOpt = None,
    practice: PracticeOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: LimitOpt = 50,
) -> None:
    """Full-text search: entries that contain every word."""
    env: CliEnv = ctx.obj
    found = env.services().journal.search(
        words, limit=limit, kind=_kind(kind), context=context, practice_id=practice,
        since=_day(since), until=_day(until, end=True))
    _print_list(env, found, empty="journal.none_found")


@journal_app.command()
def show(ctx: typer.Context,
         entry_id: Annotated[str, typer.Argument(metavar="ID", help="An id or its start.")]
         ) -> None:
    """Show one entry in full."""
    env: CliEnv = ctx.obj
    show_entry(env.console, env.services().journal.get(entry_id))


@journal_app.command()
def edit(
    ctx: typer.Context,
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="An id or its start.")],
    answer: Annotated[list[str] | None, typer.Option(
        "--answer", "-a", metavar="STEP=VALUE", help="New words for a step (repeatable).")]
    = None,
) -> None:
    """Change the words of an entry (opens your editor when no --answer is given)."""
    env: CliEnv = ctx.obj
    journal = env.services().journal
    entry = journal.get(entry_id)
    if answer:
        answers = _apply(entry, answer)
    else:
        edited = env.prompter.ask_editor(_to_editable(entry))
        if edited is None:
            if not env.prompter.interactive:
                raise InvalidInput(message("missing.not_interactive", what="Editing",
                                           hint="--answer STEP=VALUE"))
            answers = _ask_each(env, entry)
        else:
            answers = _from_editable(entry, edited)
    saved = journal.edit(entry.id, answers)
    env.prompter.say(message("journal.edited"))
    if saved.reading.crisis_level is not CrisisLevel.NONE:
        show_care(env.console, saved.reading.crisis_level)


@journal_app.command()
def delete(
    ctx: typer.Context,
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="An id or its start.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask first.")] = False,
) -> None:
    """Delete one entry."""
    env: CliEnv = ctx.obj
    journal = env.services().journal
    entry = journal.get(entry_id)
    if not yes:
        show_entry(env.console, entry)
        if not env.prompter.interactive:
            raise InvalidInput(message("missing.not_interactive", what="Deleting",
                                       hint="--yes"))
        if not env.prompter.confirm(message("journal.delete_confirm"), default=False):
            env.prompter.say(message("journal.kept"))
            return
    journal.delete(entry.id)
    env.prompter.say(message("journal.deleted"))


def _apply(entry: Entry, values: list[str]) -> tuple[Answer, ...]:
    answers = list(entry.answers)
    steps = [a.step for a in answers]
    for value in values:
        step, sep, new = value.partition("=")
        if not sep or step not in steps:
            raise InvalidInput(f"{step!r} isn't a step of this entry. Its steps are: "
                               + ", ".join(steps) + ".")
        index = steps.index(step)
        old = answers[index]
        if old.rating is not None:
            answers[index] = replace(old, rating=parse_rating(new, what=step))
        else:
            if not new.strip():
                raise InvalidInput(message("missing.text_empty"))
            answers[index] = replace(old, text=new.strip(), choice=None)
    return tuple(answers)


def _to_editable(entry: Entry) -> str:
    parts = []
    for answer in entry.answers:
        if answer.text is not None:
            parts.append(f"## {answer.step}: {answer.prompt}\n\n{answer.text.strip()}\n")
    return "\n".join(parts)


_HEADING = re.compile(r"^## ([a-z0-9_]+):.*$", re.MULTILINE)


def _from_editable(entry: Entry, edited: str) -> tuple[Answer, ...]:
    found: dict[str, str] = {}
    pieces = _HEADING.split(edited)
    for step, text in zip(pieces[1::2], pieces[2::2], strict=True):
        found[step] = text.strip()
    answers = []
    for answer in entry.answers:
        new = found.get(answer.step)
        if answer.text is not None and new:
            answers.append(replace(answer, text=new, choice=None if new != answer.text
                                   else answer.choice))
        else:
            answers.append(answer)
    return tuple(answers)


def _ask_each(env: CliEnv, entry: Entry) -> tuple[Answer, ...]:
    answers = []
    for answer in entry.answers:
        if answer.text is None:
            answers.append(answer)
            continue
        env.prompter.say(answer.text, style="dim")
        new = env.prompter.ask_text(answer.prompt or answer.step, step=answer.step,
                                    default=answer.text)
        answers.append(replace(answer, text=new) if new != answer.text else answer)
    return tuple(answers)


def register(app: typer.Typer) -> None:
    app.add_typer(journal_app, name="journal")
