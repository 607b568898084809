"""Bring a database up to the newest schema with Alembic (every table change
is a migration, from the first table on)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from selfkind.errors import StorageError
from selfkind.storage.engine import describe

MIGRATIONS = Path(__file__).with_name("migrations")
# Any constant works: it only has to be the same in every selfkind process.
_PG_LOCK_KEY = 5_318_008


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Migrate to head; safe when several processes start at once."""
    head = head_revision()
    try:
        if current_revision(engine) == head:
            return
        config = alembic_config()
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise StorageError(
            f"Can't open the database at {describe(engine.url.render_as_string(False))}: {reason}"
        ) from None
