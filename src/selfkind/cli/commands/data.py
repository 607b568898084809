"""Your data: export, import, delete everything."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from selfkind.cli.env import CliEnv
from selfkind.content import message
from selfkind.errors import InvalidInput


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export_(
        ctx: typer.Context,
        output: Annotated[str, typer.Option(
            "--output", "-o", help="A file to write ('-' for standard output).")] = "-",
        fmt: Annotated[str, typer.Option("--format", "-f", help="json or markdown.")] = "json",
    ) -> None:
        """Export your whole journal (JSON with a format version, or Markdown)."""
        env: CliEnv = ctx.obj
        transfer = env.services().transfer
        if fmt == "json":
            text = transfer.export_json()
        elif fmt in {"markdown", "md"}:
            text = transfer.export_markdown()
        else:
            raise InvalidInput(message("data.format_unknown", value=fmt))
        if output == "-":
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        path = Path(output).expanduser()
        try:
            tmp = path.with_name(path.name + ".part")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
        except OSError as exc:
            raise InvalidInput(message("data.file_missing", path=path,
                                       reason=exc.strerror or exc)) from None
        count = env.services().journal.count()
        env.prompter.say(message("data.exported", count=count, path=path))

    @app.command("import")
    def import_(
        ctx: typer.Context,
        source: Annotated[str, typer.Argument(
            help="A selfkind or jrnl JSON export ('-' for standard input).")],
    ) -> None:
        """Import a selfkind JSON export (exactly) or a jrnl JSON export."""
        env: CliEnv = ctx.obj
        if source == "-":
            text, label = sys.stdin.read(), "standard input"
        else:
            path = Path(source).expanduser()
            try:
                text = path.read_bytes().decode("utf-8")
            except OSError as exc:
                raise InvalidInput(message("data.file_missing", path=path,
                                           reason=exc.strerror or exc)) from None
            except UnicodeDecodeError:
                raise InvalidInput(message("data.file_missing", path=path,
                                           reason="it isn't UTF-8 text")) from None
            label = str(path)
        result = env.services().transfer.import_text(text, source=label)
        key = "data.imported_skipped" if result.skipped else "data.imported"
        env.prompter.say(message(key, added=result.added, skipped=result.skipped,
                                 source=result.source))

    @app.command()
    def delete(
        ctx: typer.Context,
        all_: Annotated[bool, typer.Option("--all", help="Delete every entry and setting.")]
        = False,
        yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask first.")] = False,
    ) -> None:
        """Delete your whole journal (to delete one entry: selfkind journal delete ID)."""
        env: CliEnv = ctx.obj
        if not all_:
            raise InvalidInput(message("data.delete_all_needs_flag"))
        services = env.services()
        if not yes:
            if not env.prompter.interactive:
                raise InvalidInput(message("data.delete_all_needs_flag"))
            reply = env.prompter.ask_text(message("data.delete_all_confirm"), step="confirm",
                                          optional=True)
            if reply != "DELETE":
                env.prompter.say(message("data.delete_all_kept"))
                return
        count = services.transfer.delete_all()
        env.prompter.say(message("data.delete_all_done", count=count))
