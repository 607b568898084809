"""Options shared by the practice commands."""

from __future__ import annotations

from typing import Annotated

import typer

from selfkind.cli.prompter import Prompter
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


def read_text_option(value: str | None, prompter: Prompter) -> str | None:
    """``--text -`` reads standard input; empty text is an error."""
    if value is None:
        return None
    if value == "-":
        value = prompter.read_all()
    if not value.strip():
        raise InvalidInput(message("missing.text_empty"))
    return value.strip()

