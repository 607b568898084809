"""The `selfkind` command: builds the Typer app and is the one place that
turns errors into messages and exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Annotated

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from selfkind._version import __version__
from selfkind.cli.commands import analyze, daily, data, journal, practices, settings
from selfkind.cli.env import CliEnv
from selfkind.cli.flow import Interrupted
from selfkind.cli.prompter import Prompter
from selfkind.content import message
from selfkind.errors import SelfkindError

EXIT_INTERRUPTED = 130
EXIT_INTERNAL = 70

_MENU: tuple[tuple[str, list[str], str], ...] = (
    ("Self-compassion break", ["break"], "a few minutes for a hard moment"),
    ("Self-talk check", ["selftalk"], "what would you say to a friend?"),
    ("Self-compassionate letter", ["letter"], "words from someone who loves you"),
    ("At work", ["practice", "work"], "feedback, nerves, burnout"),
    ("In relationships", ["practice", "relationships"], "after a conflict, a boundary"),
    ("Transitions and loss", ["practice", "transitions"], "grief, heartbreak, setbacks"),
    ("When self-compassion is hard", ["practice", "obstacles"], "the critic, going soft"),
    ("Morning intention", ["intention"], "under five minutes"),
    ("Mindfulness timer", ["meditate"], "a quiet sit with bells"),
    ("An affirmation", ["affirm"], "honest words to carry"),
    ("Note a moment", ["moment"], "a moment of care, or a missed chance"),
    ("Learn", ["learn"], "short cards"),
    ("Your journal", ["journal"], "everything you've practised"),
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"selfkind {__version__}")
        raise typer.Exit()


def create_app() -> typer.Typer:
    app = typer.Typer(
        name="selfkind",
        help="selfkind: a local-first companion for practising self-compassion. "
             "Not therapy, not a crisis service: `selfkind help-now` shows where to find help.",
        add_completion=False,
        invoke_without_command=True,
        no_args_is_help=False,
        pretty_exceptions_enable=False,
    )

    @app.callback()
    def home(
        ctx: typer.Context,
        version: Annotated[bool, typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version.")] = False,
    ) -> None:
        if ctx.invoked_subcommand is None:
            _home(ctx)

    for module in (practices, daily, journal, data, analyze, settings):
        module.register(app)
    return app


def _home(ctx: typer.Context) -> None:
    env: CliEnv = ctx.obj
    console = env.console
    console.print(Panel(
        f"{message('home.tagline')}\n\n[dim]{message('home.not_therapy')}\n"
        f"{message('home.help_line')}[/dim]",
        title=message("home.title"), border_style="magenta"))
    table = Table(box=None, show_header=False)
    for number, (title, _, summary) in enumerate(_MENU, start=1):
        table.add_row(f"{number:>2}.", title, f"[dim]{summary}[/dim]")
    console.print(table)
    console.print(message("home.menu_hint"), style="dim")
    if not env.prompter.interactive:
        return
    line = env.prompter.ask_text(message("home.pick"), step="menu", optional=True,
                                 hint=False)
    if not line or not line.isdigit() or not 1 <= int(line) <= len(_MENU):
        console.print(message("home.closing"), style="magenta")
        return
    args = _MENU[int(line) - 1][1]
    sub = ctx.command.get_command(ctx, args[0])  # type: ignore[attr-defined]
    if sub is None:  # pragma: no cover - the menu only names registered commands
        return
    with sub.make_context(args[0], list(args[1:]), parent=ctx, obj=env) as sub_ctx:
        sub.invoke(sub_ctx)


def main(argv: Sequence[str] | None = None, *, env: CliEnv | None = None) -> int:
    """Run the CLI; returns the exit code (the console script exits with it)."""
    console = Console(highlight=False)
    errors = Console(stderr=True, highlight=False)
    env = env or CliEnv(console=console, prompter=Prompter(console))
    command = typer.main.get_command(create_app())
    try:
        result = command.main(args=list(argv) if argv is not None else sys.argv[1:],
                              prog_name="selfkind", obj=env, standalone_mode=False)
        return result if isinstance(result, int) else 0
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.TyperException as exc:  # usage errors: unknown command, option, value
        show = getattr(exc, "show", None)
        if show is not None:
            show(file=sys.stderr)
        else:  # pragma: no cover - every Typer error we know of can show itself
            errors.print(str(exc), markup=False, soft_wrap=True)
        return int(getattr(exc, "exit_code", 2))
    except (typer.Abort, KeyboardInterrupt, Interrupted):
        errors.print(message("errors.interrupted"))
        return EXIT_INTERRUPTED
    except SelfkindError as exc:
        errors.print(exc.message, markup=False, soft_wrap=True)
        return exc.exit_code
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: a message, not a traceback
        if os.environ.get("SELFKIND_DEBUG"):
            raise
        errors.print(f"Something went wrong inside selfkind ({type(exc).__name__}: {exc}). "
                     "Your journal is safe. Run again with SELFKIND_DEBUG=1 to see details.",
                     markup=False, soft_wrap=True)
        return EXIT_INTERNAL
    finally:
        env.close()
