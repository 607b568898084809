"""Owners (one per person; a single local owner on the embedded default)
and their preferences."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from selfkind.storage.tables import EntryRow, OwnerRow, PreferenceRow


def ensure_owner(sessions: sessionmaker[Session], name: str, *, now: datetime) -> int:
    """The owner's id, creating the owner on first use (race-safe)."""
    for _ in range(2):
        with sessions() as session:
            found = session.scalar(select(OwnerRow.id).where(OwnerRow.name == name))
            if found is not None:
                return int(found)
        try:
            with sessions.begin() as session:
                row = OwnerRow(name=name, created_at=now)
                session.add(row)
                session.flush()
                return int(row.id)
        except IntegrityError:
            continue  # another process created it first
    raise RuntimeError(f"could not create owner {name!r}")


class PreferenceStore:
    def __init__(self, sessions: sessionmaker[Session], *, owner_id: int) -> None:
        self._sessions = sessions
        self._owner_id = owner_id

    def all(self) -> dict[str, str]:
        with self._sessions() as session:
            rows = session.scalars(
                select(PreferenceRow).where(PreferenceRow.owner_id == self._owner_id)
            )
            return {row.key: row.value for row in rows}

    def get(self, key: str) -> str | None:
        return self.all().get(key)

    def set(self, key: str, value: str) -> None:
        with self._sessions.begin() as session:
            row = session.get(PreferenceRow, (self._owner_id, key))
            if row is None:
                session.add(PreferenceRow(owner_id=self._owner_id, key=key, value=value))
            else:
                row.value = value



def wipe_owner_data(sessions: sessionmaker[Session], owner_id: int) -> int:
    """Delete every entry and preference of one owner, in one transaction."""
    with sessions.begin() as session:
        result = session.execute(delete(EntryRow).where(EntryRow.owner_id == owner_id))
        session.execute(delete(PreferenceRow).where(PreferenceRow.owner_id == owner_id))
        return int(result.rowcount)  # type: ignore[attr-defined]
