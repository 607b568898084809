"""Asking a person for answers, in a terminal or from a script's stdin.

The same prompts read piped standard input line by line, so every practice
can be scripted; a script that runs out of answers gets a clear message.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from rich.console import Console

from selfkind.content import message
from selfkind.core.ratings import parse_rating
from selfkind.errors import InvalidInput

_END_MARK = "."


class Prompter:
    def __init__(
        self,
        console: Console,
        *,
        stdin: TextIO | None = None,
        interactive: bool | None = None,
    ) -> None:
        self.console = console
        self._stdin = stdin if stdin is not None else sys.stdin
        if interactive is None:
            interactive = bool(getattr(self._stdin, "isatty", lambda: False)())
        self.interactive = interactive

    # -- output -------------------------------------------------------------
    def say(self, text: str, *, style: str | None = None) -> None:
        if text:
            self.console.print(text, style=style, highlight=False)

    def blank(self) -> None:
        self.console.print()

    # -- input primitives ---------------------------------------------------
    def _read_line(self, prompt: str) -> str | None:
        """One line without its newline; ``None`` at end of input."""
        self.console.print(f"[bold]{prompt}[/bold] ", end="", highlight=False, markup=True)
        line = self._stdin.readline()
        if not self.interactive:
            self.console.print(line.rstrip("\n") if line else "", highlight=False, markup=False)
        if line == "":
            return None
        return line.rstrip("\r\n")

    def _missing(self, step: str, prompt: str) -> InvalidInput:
        return InvalidInput(message("missing.answer", step=step, prompt=prompt.rstrip(" ?:.")))

    def read_all(self) -> str:
        """Everything left on standard input (for `--text -`)."""
        return self._stdin.read()

    # -- questions ------------------------------------------------------------
    def ask_rating(self, prompt: str, *, step: str, optional: bool = False) -> int | None:
        self.say(prompt)
        hint = message("prompt.rating_hint")
        if optional:
            hint += " " + message("prompt.optional_hint")
        while True:
            line = self._read_line(">")
            if line is None:
                if optional:
                    return None
                raise self._missing(step, prompt)
            if not line.strip() and optional:
                return None
            try:
                return parse_rating(line, what=step.replace("_", " "))
            except InvalidInput:
                if not self.interactive:
                    raise
                self.say(message("prompt.rating_again"), style="yellow")
                self.say(hint, style="dim")

    def ask_text(
        self,
        prompt: str,
        *,
        step: str,
        optional: bool = False,
        placeholder: str = "",
        default: str | None = None,
        hint: bool = True,
    ) -> str | None:
        self.say(prompt)
        if placeholder:
            self.say(placeholder, style="dim")
        if optional and hint:
            self.say(message("prompt.optional_hint"), style="dim")
        while True:
            line = self._read_line(">")
            if line is None or not line.strip():
                if default is not None:
                    return default
                if optional:
                    return None
                if line is None or not self.interactive:
                    raise self._missing(step, prompt)
                self.say(message("prompt.empty_again"), style="yellow")
                continue
            return line.strip()

    def ask_multiline(self, prompt: str, *, step: str, optional: bool = False) -> str | None:
        self.say(prompt)
        self.say(message("prompt.multiline_hint"), style="dim")
        lines: list[str] = []
        while True:
            line = self._read_line("")
            if line is None or line.strip() == _END_MARK:
                break
            lines.append(line)
        text = "\n".join(lines).strip()
        if text:
            return text
        if optional:
            return None
        raise self._missing(step, prompt)

    def ask_choice(
        self, prompt: str, options: tuple[str, ...], *, step: str, optional: bool = False
    ) -> tuple[str, int | None] | None:
        """Returns (words, 1-based option or None for own words)."""
        self.say(prompt)
        for number, option in enumerate(options, start=1):
            self.say(f"  {number}. {option}")
        self.say(message("prompt.choice_hint"), style="dim")
        while True:
            line = self._read_line(">")
            if line is None or not line.strip():
                if optional:
                    return None
                if line is None or not self.interactive:
                    raise self._missing(step, prompt)
                self.say(message("prompt.empty_again"), style="yellow")
                continue
            try:
                return choice_from(line, options, step=step)
            except InvalidInput as exc:
                if not self.interactive:
                    raise
                self.say(exc.message, style="yellow")

    def ask_editor(self, initial: str = "") -> str | None:
        """Open $VISUAL/$EDITOR (terminal sessions only)."""
        if not self.interactive or not (os.environ.get("VISUAL") or os.environ.get("EDITOR")):
            return None
        self.say(message("prompt.editor_opening"), style="dim")
        edited = edit_in_editor(initial)
        return edited.strip() if edited and edited.strip() else None

    def confirm(self, question: str, *, default: bool) -> bool:
        suffix = "[Y/n]" if default else "[y/N]"
        line = self._read_line(f"{question} {suffix}")
        if line is None or not line.strip():
            return default
        return line.strip().lower() in {"y", "yes"}


def edit_in_editor(initial: str) -> str | None:
    """Write ``initial`` to a private temporary file, open the editor, read it back."""
    import shlex
    import subprocess
    import tempfile
    from pathlib import Path

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or ""
    with tempfile.TemporaryDirectory(prefix="selfkind-") as folder:
        path = Path(folder) / "entry.md"
        path.write_text(initial, encoding="utf-8")
        try:
            subprocess.run([*shlex.split(editor), str(path)], check=True)
        except (OSError, subprocess.CalledProcessError):
            return None
        return path.read_text(encoding="utf-8")


def choice_from(value: str, options: tuple[str, ...], *, step: str) -> tuple[str, int | None]:
    value = value.strip()
    if value.isdigit():
        number = int(value)
        if 1 <= number <= len(options):
            return options[number - 1], number
        raise InvalidInput(message("missing.choice_range", step=step, count=len(options)))
    return value, None
