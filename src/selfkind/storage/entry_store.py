"""Reading and writing one owner's entries. Every query is scoped to the owner."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from selfkind.core.analysis import CrisisLevel
from selfkind.core.entries import Entry, EntryKind, EntryReading, EntryStatus
from selfkind.core.entry_format import answers_from_json, answers_to_json
from selfkind.storage.codec import FieldCodec
from selfkind.storage.tables import EntryRow, PreferenceRow


@dataclass(frozen=True, slots=True)
class EntryQuery:
    kind: EntryKind | None = None
    practice_id: str | None = None
    context: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    status: EntryStatus | None = EntryStatus.COMPLETE
    limit: int | None = None
    newest_first: bool = True


class EntryStore:
    def __init__(self, sessions: sessionmaker[Session], *, owner_id: int, codec: FieldCodec):
        self._sessions = sessions
        self._owner_id = owner_id
        self._codec = codec

    # -- conversion ---------------------------------------------------------
    def _to_row(self, entry: Entry) -> EntryRow:
        row = EntryRow(id=entry.id, owner_id=self._owner_id)
        self._fill(row, entry)
        return row

    def _fill(self, row: EntryRow, entry: Entry) -> None:
        row.kind = entry.kind.value
        row.practice_id = entry.practice_id
        row.context = entry.context
        row.status = entry.status.value
        assert entry.created_at is not None and entry.updated_at is not None
        row.created_at = entry.created_at
        row.updated_at = entry.updated_at
        row.distress_before = entry.distress_before
        row.distress_after = entry.distress_after
        row.minutes = entry.minutes
        row.dominant = entry.reading.dominant
        row.compassion = entry.reading.compassion
        row.crisis_level = entry.reading.crisis_level.value
        row.body = self._codec.encode(json.dumps(answers_to_json(entry.answers),
                                                 ensure_ascii=False))

    def _to_entry(self, row: EntryRow) -> Entry:
        return Entry(
            id=row.id,
            kind=EntryKind(row.kind),
            practice_id=row.practice_id,
            context=row.context,
            status=EntryStatus(row.status),
            created_at=row.created_at,
            updated_at=row.updated_at,
            minutes=row.minutes,
            reading=EntryReading(
                dominant=row.dominant,
                compassion=row.compassion,
                crisis_level=CrisisLevel(row.crisis_level),
            ),
            answers=answers_from_json(json.loads(self._codec.decode(row.body))),
        )

    # -- writes (each one transaction) -------------------------------------
    def add(self, entry: Entry) -> None:
        with self._sessions.begin() as session:
            session.add(self._to_row(entry))

    def add_many(self, entries: list[Entry], *, preferences: dict[str, str] | None = None) -> None:
        """Entries (and the owner's preferences, when given): all or nothing."""
        with self._sessions.begin() as session:
            session.add_all(self._to_row(e) for e in entries)
            for key, value in (preferences or {}).items():
                session.merge(PreferenceRow(owner_id=self._owner_id, key=key, value=value))

    def replace(self, entry: Entry) -> bool:
        with self._sessions.begin() as session:
            row = self._get_row(session, entry.id)
            if row is None:
                return False
            self._fill(row, entry)
            return True

    def remove(self, entry_id: str) -> bool:
        with self._sessions.begin() as session:
            result = session.execute(
                delete(EntryRow).where(EntryRow.owner_id == self._owner_id,
                                       EntryRow.id == entry_id)
            )
            return bool(result.rowcount)  # type: ignore[attr-defined]

    def wipe(self) -> int:
        """This owner's entries and preferences, in one transaction."""
        from selfkind.storage.owners import wipe_owner_data

        return wipe_owner_data(self._sessions, self._owner_id)

    # -- reads --------------------------------------------------------------
    def _get_row(self, session: Session, entry_id: str) -> EntryRow | None:
        return session.scalar(
            select(EntryRow).where(EntryRow.owner_id == self._owner_id, EntryRow.id == entry_id)
        )

    def get(self, entry_id: str) -> Entry | None:
        with self._sessions() as session:
            row = self._get_row(session, entry_id)
            return None if row is None else self._to_entry(row)

    def ids_with_prefix(self, prefix: str) -> list[str]:
        with self._sessions() as session:
            return list(session.scalars(
                select(EntryRow.id).where(EntryRow.owner_id == self._owner_id,
                                          EntryRow.id.startswith(prefix, autoescape=True))
                .limit(5)
            ))

    def existing_ids(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        with self._sessions() as session:
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                found.update(session.scalars(select(EntryRow.id).where(EntryRow.id.in_(chunk))))
        return found

    def find(self, query: EntryQuery) -> Iterator[Entry]:
        stmt = select(EntryRow).where(EntryRow.owner_id == self._owner_id)
        if query.kind is not None:
            stmt = stmt.where(EntryRow.kind == query.kind.value)
        if query.practice_id is not None:
            stmt = stmt.where(EntryRow.practice_id == query.practice_id)
        if query.context is not None:
            stmt = stmt.where(EntryRow.context == query.context)
        if query.status is not None:
            stmt = stmt.where(EntryRow.status == query.status.value)
        if query.since is not None:
            stmt = stmt.where(EntryRow.created_at >= query.since)
        if query.until is not None:
            stmt = stmt.where(EntryRow.created_at < query.until)
        order = (EntryRow.created_at.desc(), EntryRow.id.desc()) if query.newest_first else (
            EntryRow.created_at.asc(), EntryRow.id.asc())
        stmt = stmt.order_by(*order)
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
        with self._sessions() as session:
            for row in session.scalars(stmt).all():
                yield self._to_entry(row)

    def count(self) -> int:
        with self._sessions() as session:
            return int(session.scalar(
                select(func.count()).select_from(EntryRow)
                .where(EntryRow.owner_id == self._owner_id)) or 0)
