"""Building the services for one owner from settings (a factory, no globals)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from selfkind.core.analysis import Analyzer
from selfkind.core.clock import Clock, SystemClock
from selfkind.services.journal import JournalService
from selfkind.services.preferences import PreferenceService
from selfkind.services.transfer import TransferService
from selfkind.settings import Settings
from selfkind.storage.codec import FieldCodec, PlainCodec
from selfkind.storage.engine import make_engine
from selfkind.storage.entry_store import EntryStore
from selfkind.storage.migrate import upgrade
from selfkind.storage.owners import PreferenceStore, ensure_owner

AnalyzerFactory = Callable[[], Analyzer | None]


def default_analyzer() -> Analyzer | None:
    # Imported here: loading the model costs ~0.5 s, and most commands never need it.
    from selfkind.analysis import get_analyzer

    return get_analyzer()


class _Lazy:
    """Calls the factory once, on first use."""

    def __init__(self, factory: AnalyzerFactory) -> None:
        self._factory = factory
        self._made = False
        self._value: Analyzer | None = None

    def __call__(self) -> Analyzer | None:
        if not self._made:
            self._value = self._factory()
            self._made = True
        return self._value


@dataclass
class Services:
    settings: Settings
    engine: Engine
    owner_id: int
    journal: JournalService
    transfer: TransferService
    preferences: PreferenceService
    analyzer: Callable[[], Analyzer | None]
    clock: Clock = field(default_factory=SystemClock)

    def close(self) -> None:
        self.engine.dispose()


def open_services(
    settings: Settings | None = None,
    *,
    clock: Clock | None = None,
    analyzer: AnalyzerFactory | None = None,
    codec: FieldCodec | None = None,
) -> Services:
    """Open (and migrate) the database and build the services for one owner."""
    settings = settings or Settings()
    clock = clock or SystemClock()
    codec = codec or PlainCodec()
    engine = make_engine(settings.resolved_database_url)
    upgrade(engine)
    sessions = sessionmaker(engine, expire_on_commit=False)
    owner_id = ensure_owner(sessions, settings.owner, now=clock.now())
    store = EntryStore(sessions, owner_id=owner_id, codec=codec)
    prefs = PreferenceStore(sessions, owner_id=owner_id)
    lazy = _Lazy(analyzer or default_analyzer)
    return Services(
        settings=settings,
        engine=engine,
        owner_id=owner_id,
        journal=JournalService(store, clock=clock, analyzer=lazy),
        transfer=TransferService(store, prefs, clock=clock),
        preferences=PreferenceService(prefs),
        analyzer=lazy,
        clock=clock,
    )
