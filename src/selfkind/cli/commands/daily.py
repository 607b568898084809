"""Daily habits: affirmations, the mindfulness timer, learning cards."""

from __future__ import annotations

import random
import sys
import time
from typing import Annotated

import typer
from rich.panel import Panel

from selfkind import content
from selfkind.cli.env import CliEnv
from selfkind.cli.flow import report_saved
from selfkind.content import message
from selfkind.core.entries import Answer, EntryKind, NewEntry
from selfkind.errors import InvalidInput

MAX_MINUTES = 180.0


def register(app: typer.Typer) -> None:
    @app.command()
    def affirm(
        ctx: typer.Context,
        context: Annotated[str | None, typer.Option(
            help="general, work, relationships, loss, body, health, parenting or study.")] = None,
        own: Annotated[str | None, typer.Option(help="Keep your own words instead.")] = None,
        keep: Annotated[bool, typer.Option(
            "--keep", help="Keep the first one shown without being asked.")] = False,
    ) -> None:
        """An affirmation that holds what's hard and what's worthy together."""
        env: CliEnv = ctx.obj
        pool = list(content.affirmations())
        if context is not None:
            contexts = sorted({a.context for a in pool})
            pool = [a for a in pool if a.context == context]
            if not pool:
                raise InvalidInput(message("affirm.no_context", context=context,
                                           contexts=", ".join(contexts)))
        random.shuffle(pool)
        chosen: str | None = own.strip() if own and own.strip() else None
        tag = context or "general"
        if chosen is None:
            for item in pool:
                env.prompter.say(message("affirm.intro"), style="dim")
                env.console.print(Panel(item.text, border_style="green"))
                if keep or not env.prompter.interactive:
                    chosen, tag = item.text, item.context
                    break
                reply = (env.prompter.ask_text(message("affirm.fit"), step="fit") or "").strip()
                if reply.lower() in {"y", "yes"}:
                    chosen, tag = item.text, item.context
                    break
                if reply.lower() not in {"n", "no"}:
                    chosen = reply  # the person's own words
                    break
        if chosen is None:
            env.prompter.say(message("affirm.none_kept"))
            return
        entry = env.services().journal.record(NewEntry(
            kind=EntryKind.AFFIRMATION, practice_id="affirm", context=tag,
            answers=(Answer(step="affirmation", prompt="Affirmation", text=chosen),),
        ))
        env.prompter.say(message("affirm.kept"), style="dim")
        report_saved(env, entry)

    @app.command()
    def meditate(
        ctx: typer.Context,
        minutes: Annotated[float, typer.Option(help="How long to sit.")] = 5.0,
        interval: Annotated[float | None, typer.Option(
            help="Minutes between soft interval bells (default: none).")] = None,
    ) -> None:
        """A mindfulness timer with start, interval and end bells. Ctrl-C stops it kindly."""
        env: CliEnv = ctx.obj
        if not 0 < minutes <= MAX_MINUTES:
            raise InvalidInput(message("meditate.minutes_range", value=f"{minutes:g}"))
        if interval is not None and interval <= 0:
            raise InvalidInput(message("meditate.interval_range", value=f"{interval:g}"))
        env.services()  # open the journal first, so a bad database is reported before sitting
        script = content.meditation()
        cues = list(script["interval"])
        env.prompter.say(message("meditate.starting", minutes=f"{minutes:g}"), style="dim")
        _bell(env)
        env.console.print(Panel(script["start"].strip(), border_style="cyan"))
        total = minutes * 60.0
        started = time.monotonic()
        next_bell = interval * 60.0 if interval else None
        cue = 0
        stopped = False
        try:
            while (elapsed := time.monotonic() - started) < total:
                if next_bell is not None and elapsed >= next_bell:
                    _bell(env)
                    env.prompter.say(cues[cue % len(cues)], style="cyan")
                    cue += 1
                    next_bell += interval * 60.0  # type: ignore[operator]
                wait = total - elapsed
                if next_bell is not None:
                    wait = min(wait, next_bell - elapsed)
                time.sleep(max(0.0, min(wait, 0.5)))
        except KeyboardInterrupt:
            stopped = True
        sat = round(min(time.monotonic() - started, total) / 60.0, 2)
        _bell(env)
        closing = script["stopped_early"] if stopped else script["end"]
        env.console.print(Panel(closing.strip(), border_style="cyan"))
        entry = env.services().journal.record(NewEntry(
            kind=EntryKind.MEDITATION, practice_id="meditate", minutes=sat,
            answers=(Answer(step="planned", prompt="Planned minutes", text=f"{minutes:g}"),),
        ))
        env.prompter.say(message("meditate.done", minutes=f"{sat:g}"), style="dim")
        report_saved(env, entry)

    @app.command()
    def learn(
        ctx: typer.Context,
        card: Annotated[str | None, typer.Argument(help="A card's name (default: the next one).")]
        = None,
        note: Annotated[str | None, typer.Option(help="A note to keep with the card.")] = None,
        list_cards: Annotated[bool, typer.Option("--list", help="List the cards.")] = False,
    ) -> None:
        """Short cards about what self-compassion is, and what it isn't."""
        env: CliEnv = ctx.obj
        cards = content.cards()
        if list_cards:
            for item in cards:
                env.prompter.say(f"{item.id.replace('_', '-'):22} {item.title}")
            return
        services = env.services()
        if card is None:
            read = {e.context for e in services.journal.entries(kind=EntryKind.LEARN)}
            chosen = next((c for c in cards if c.id not in read), cards[0])
        else:
            key = card.replace("-", "_")
            found = [c for c in cards if c.id == key]
            if not found:
                raise InvalidInput(message("learn.unknown", card=card, cards=", ".join(
                    c.id.replace("_", "-") for c in cards)))
            chosen = found[0]
        body = chosen.body
        if chosen.try_this:
            body += f"\n\n[bold]{message('learn.try_label')}:[/bold] {chosen.try_this}"
        env.console.print(Panel(body, title=chosen.title, border_style="magenta"))
        answers = [Answer(step="card", prompt=chosen.title, text=chosen.title)]
        reflection = note
        if reflection is None and env.prompter.interactive:
            reflection = env.prompter.ask_text(message("learn.reflect"), step="note",
                                               optional=True)
        if reflection:
            answers.append(Answer(step="note", prompt=message("learn.reflect"), text=reflection))
        entry = services.journal.record(NewEntry(kind=EntryKind.LEARN, practice_id="learn",
                                                 context=chosen.id, answers=tuple(answers)))
        report_saved(env, entry)


def _bell(env: CliEnv) -> None:
    if env.console.is_terminal:
        sys.stdout.write("\a")
        sys.stdout.flush()
    env.prompter.say(message("meditate.bell"))
