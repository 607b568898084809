"""Owners, entries and preferences.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from selfkind.storage.tables import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "owners",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_owners")),
        sa.UniqueConstraint("name", name=op.f("uq_owners_name")),
    )
    op.create_table(
        "entries",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("practice_id", sa.String(length=64), nullable=True),
        sa.Column("context", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("distress_before", sa.SmallInteger(), nullable=True),
        sa.Column("distress_after", sa.SmallInteger(), nullable=True),
        sa.Column("minutes", sa.Float(), nullable=True),
        sa.Column("dominant", sa.String(length=32), nullable=True),
        sa.Column("compassion", sa.Float(), nullable=True),
        sa.Column("crisis_level", sa.String(length=16), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["owners.id"],
            name=op.f("fk_entries_owner_id_owners"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entries")),
    )
    op.create_index("ix_entries_owner_created", "entries", ["owner_id", "created_at"])
    op.create_index(
        "ix_entries_owner_kind_created", "entries", ["owner_id", "kind", "created_at"]
    )
    op.create_index("ix_entries_owner_status", "entries", ["owner_id", "status"])
    op.create_table(
        "preferences",
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["owners.id"],
            name=op.f("fk_preferences_owner_id_owners"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("owner_id", "key", name=op.f("pk_preferences")),
    )


def downgrade() -> None:
    op.drop_table("preferences")
    op.drop_index("ix_entries_owner_status", table_name="entries")
    op.drop_index("ix_entries_owner_kind_created", table_name="entries")
    op.drop_index("ix_entries_owner_created", table_name="entries")
    op.drop_table("entries")
    op.drop_table("owners")
