"""Options shared by the practice commands."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from selfkind.content import message
from selfkind.errors import InvalidInput

AnswerOpt = Annotated[
    list[str] | None,
    typer.Option("--answer", "-a", metavar="STEP=VALUE",
                 help="Answer a step without being asked (repeatable)."),
]
ResumeOpt = Annotated[
    bool | None,
    typer.Option("--resume/--fresh",
                 help="Pick up an unfinished draft, or start fresh (default: ask)."),
]


def read_text_option(value: str | None) -> str | None:
    """``--text -`` reads standard input; empty text is an error."""
    if value is None:
        return None
    if value == "-":
        value = sys.stdin.read()
    if not value.strip():
        raise InvalidInput(message("missing.text_empty"))
    return value.strip()


def obj(ctx: typer.Context):  # type: ignore[no-untyped-def]
    """The command's CliEnv (typed at the call sites)."""
    return ctx.ensure_object(object)
