"""Building the database engine: SQLite (WAL, foreign keys, one writer at a
time) by default, any SQLAlchemy URL (PostgreSQL for a group) when asked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from selfkind.errors import StorageError

SQLITE_BUSY_MS = 15_000


def describe(url: str) -> str:
    """Where the database is, for messages (no password)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def make_engine(url: str) -> Engine:
    """Create an engine for ``url``; raise :class:`StorageError` if it can't be."""
    try:
        parsed: URL = make_url(url)
    except ArgumentError:
        raise StorageError(f"The database address {url!r} isn't one selfkind can read.") from None
    backend = parsed.get_backend_name()
    if backend == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        if backend == "sqlite":
            return _sqlite_engine(parsed)
        return create_engine(parsed, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise StorageError(
            f"The database at {describe(url)} needs the Python package {exc.name!r}; "
            "install it with: pip install 'selfkind[postgres]'"
        ) from None


def _sqlite_engine(url: URL) -> Engine:
    database = url.database
    if database and database != ":memory:":
        path = Path(database).expanduser()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"Can't open the database at {path}: can't create its folder ({exc.strerror})."
            ) from None
        if path.is_dir():
            raise StorageError(f"Can't open the database at {path}: that is a folder.")
        url = url.set(database=str(path))
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Take the write lock up front: two selfkind processes then queue
        # instead of failing half-way with "database is locked".
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
