"""Driving the CLI: in-process with a scripted stdin (fast, test-double analyzer),
and end to end through the installed `selfkind` script (real model)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.console import Console

from selfkind.cli.app import main
from selfkind.cli.env import CliEnv
from selfkind.cli.prompter import Prompter
from selfkind.core.clock import FixedClock
from selfkind.settings import Settings
from tests.conftest import KeywordAnalyzer


@dataclass
class Result:
    code: int
    out: str
    err: str


RunInProcess = Callable[..., Result]


@pytest.fixture
def cli(db_url: str, clock: FixedClock, analyzer: KeywordAnalyzer,
        capsys: pytest.CaptureFixture[str]) -> RunInProcess:
    def run(*args: str, stdin: str = "") -> Result:
        buffer = io.StringIO()
        console = Console(file=buffer, width=120, color_system=None, highlight=False)
        env = CliEnv(console=console,
                     prompter=Prompter(console, stdin=io.StringIO(stdin), interactive=False),
                     settings_factory=lambda: Settings(database_url=db_url),
                     clock=clock, analyzer=lambda: analyzer)
        code = main(list(args), env=env)
        captured = capsys.readouterr()
        return Result(code, buffer.getvalue() + captured.out, captured.err)

    return run


def selfkind_script() -> str:
    found = Path(sys.executable).with_name("selfkind")
    return str(found) if found.exists() else (shutil.which("selfkind") or "selfkind")


RunScript = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def sk(db_url: str, tmp_path: Path) -> RunScript:
    def run(*args: str, stdin: str = "", extra: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "SELFKIND_DATABASE_URL": db_url,
               "SELFKIND_DATA_DIR": str(tmp_path / "data"), "NO_COLOR": "1",
               "COLUMNS": "120", **(extra or {})}
        env.pop("SELFKIND_DEBUG", None)
        return subprocess.run([selfkind_script(), *args], input=stdin, capture_output=True,
                              text=True, env=env, timeout=180)

    return run
