"""`selfkind analyze`: read a statement by the three pillars."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, BinaryIO

import typer

from selfkind.cli.env import CliEnv
from selfkind.cli.render import show_analysis
from selfkind.content import message
from selfkind.core.analysis import Analyzer
from selfkind.errors import InvalidInput

_BATCH = 256


def _analyzer() -> Analyzer:
    # Imported here: the model loads only for this command.
    from selfkind.analysis import get_analyzer

    return get_analyzer()


def _lines(stream: BinaryIO) -> Iterator[str]:
    for raw in stream:
        # Invalid UTF-8 becomes U+FFFD instead of stopping the whole file.
        yield raw.decode("utf-8", errors="replace").rstrip("\r\n")


def _write_jsonl(lines: Iterator[str]) -> None:
    analyzer = _analyzer()
    out = sys.stdout
    batch: list[str] = []

    def flush() -> None:
        texts = [t for t in batch if t.strip()]
        results = iter(analyzer.analyze_many(texts)) if texts else iter(())
        for text in batch:
            if text.strip():
                record = next(results).to_dict()
            else:
                record = {"text": text, "error": message("analyze.empty_line")}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
        batch.clear()

    for line in lines:
        batch.append(line)
        if len(batch) >= _BATCH:
            flush()
    flush()


def register(app: typer.Typer) -> None:
    @app.command()
    def analyze(
        ctx: typer.Context,
        source: Annotated[str | None, typer.Argument(
            help="The text (or, with --jsonl, a file of one statement per line). "
                 "'-' or nothing reads standard input.")] = None,
        jsonl: Annotated[bool, typer.Option(
            "--jsonl", help="One statement per line in, one JSON object per line out.")]
        = False,
        as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
        = False,
    ) -> None:
        """Read a statement by the three pillars: stance, thinking patterns, a kinder reframe."""
        env: CliEnv = ctx.obj
        if jsonl:
            if source in (None, "-"):
                _write_jsonl(_lines(sys.stdin.buffer))
                return
            path = Path(source)
            try:
                with path.open("rb") as handle:
                    _write_jsonl(_lines(handle))
            except OSError as exc:
                raise InvalidInput(message("analyze.file_unreadable", path=path,
                                           reason=exc.strerror or exc)) from None
            return
        text = sys.stdin.read() if source in (None, "-") else source
        if not text.strip():
            raise InvalidInput(message("missing.text_empty"))
        analysis = _analyzer().analyze(text)
        if as_json:
            sys.stdout.write(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2) + "\n")
            return
        show_analysis(env.console, analysis)
