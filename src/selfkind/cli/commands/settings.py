"""`selfkind settings` and `selfkind help-now`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from selfkind.cli.env import CliEnv
from selfkind.cli.render import show_care
from selfkind.content import message
from selfkind.core.analysis import CrisisLevel
from selfkind.errors import InvalidInput


def register(app: typer.Typer) -> None:
    @app.command()
    def settings(
        ctx: typer.Context,
        gentle: Annotated[str | None, typer.Option(
            help="on: shorter, softer practices (for when kindness feels hard); off: full.")]
        = None,
    ) -> None:
        """Show or change your settings."""
        env: CliEnv = ctx.obj
        services = env.services()
        if gentle is not None:
            if gentle not in {"on", "off"}:
                raise InvalidInput(f"--gentle takes on or off (got {gentle!r}).")
            services.preferences.set_gentle(gentle == "on")
            env.prompter.say(message("settings.gentle_now", state=gentle))
            return
        from selfkind.storage.engine import describe

        table = Table(title=message("settings.show"), show_header=False, box=None)
        table.add_row("gentle", "on" if services.preferences.gentle else "off")
        table.add_row(message("settings.database"),
                      describe(services.settings.resolved_database_url))
        env.console.print(table)

    @app.command("help-now")
    def help_now(ctx: typer.Context) -> None:
        """Where to find a person to talk to, right now."""
        env: CliEnv = ctx.obj
        show_care(env.console, CrisisLevel.LIKELY)
