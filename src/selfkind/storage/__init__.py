"""Storage: SQLAlchemy tables, Alembic migrations and the owner-scoped entry store."""
