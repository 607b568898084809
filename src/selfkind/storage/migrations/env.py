"""Alembic environment: selfkind always hands in a live connection."""

from __future__ import annotations

from alembic import context

from selfkind.storage.tables import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - offline SQL generation is not used
    raise RuntimeError("selfkind runs migrations through selfkind.storage.migrate.upgrade")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
