"""What every command gets: settings, a clock, a console, a prompter and the
services, opened on first use (so `--help` never touches the database)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.console import Console

from selfkind.cli.prompter import Prompter
from selfkind.core.clock import Clock, SystemClock

if TYPE_CHECKING:
    from selfkind.core.analysis import Analyzer
    from selfkind.services import Services
    from selfkind.settings import Settings


@dataclass
class CliEnv:
    console: Console
    prompter: Prompter
    settings_factory: Callable[[], Settings] | None = None
    clock: Clock = field(default_factory=SystemClock)
    # Tests hand in a test double; None means the real analyzer, loaded on first use.
    analyzer: Callable[[], Analyzer | None] | None = None
    _services: Services | None = None

    def services(self) -> Services:
        if self._services is None:
            # Imported here so `--help` never loads SQLAlchemy or Alembic.
            from selfkind.services import open_services
            from selfkind.settings import Settings

            factory = self.settings_factory or Settings
            self._services = open_services(factory(), clock=self.clock, analyzer=self.analyzer)
        return self._services

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = None
