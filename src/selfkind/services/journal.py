"""The journal: every practice's result goes in here, and comes back out."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from selfkind.core.analysis import Analysis, Analyzer, CrisisLevel
from selfkind.core.clock import Clock
from selfkind.core.entries import (
    Answer,
    Entry,
    EntryKind,
    EntryReading,
    EntryStatus,
    NewEntry,
    matches,
    personal_text,
)
from selfkind.errors import InvalidInput, NotFound
from selfkind.storage.entry_store import EntryQuery, EntryStore

logger = logging.getLogger(__name__)

_LEVEL_ORDER = {CrisisLevel.NONE: 0, CrisisLevel.POSSIBLE: 1, CrisisLevel.LIKELY: 2}
# Kinds whose words are the person's own; the others hold chosen texts or a timer.
READ_KINDS = frozenset({EntryKind.BREAK, EntryKind.LETTER, EntryKind.SELFTALK,
                        EntryKind.PRACTICE, EntryKind.INTENTION, EntryKind.MOMENT,
                        EntryKind.NOTE})


class JournalService:
    """One owner's journal. ``analyzer`` is a factory so that commands which
    never read text never load the model."""

    def __init__(
        self,
        store: EntryStore,
        *,
        clock: Clock,
        analyzer: Callable[[], Analyzer | None],
    ) -> None:
        self._store = store
        self._clock = clock
        self._analyzer = analyzer

    # -- reading what was written ------------------------------------------
    def analyze_texts(self, texts: list[str]) -> list[Analysis]:
        analyzer = self._analyzer()
        if analyzer is None or not texts:
            return []
        return analyzer.analyze_many(texts)

    def reading_for(
        self, answers: tuple[Answer, ...], kind: EntryKind
    ) -> tuple[EntryReading, list[Analysis]]:
        """The entry's reading: stance of its first text, the highest crisis level of all."""
        if kind not in READ_KINDS:
            return EntryReading(), []
        try:
            analyses = self.analyze_texts(personal_text(answers))
        except Exception:  # a broken analyzer must never cost a word
            logger.exception("could not read an entry; saving it without a reading")
            return EntryReading(), []
        if not analyses:
            return EntryReading(), []
        level = max((a.crisis_level for a in analyses), key=_LEVEL_ORDER.__getitem__)
        first = analyses[0]
        return EntryReading(
            dominant=first.dominant.value,
            compassion=round(first.compassion, 4),
            crisis_level=level,
        ), analyses

    # -- writing ------------------------------------------------------------
    def record(self, new: NewEntry, *, draft_id: str | None = None) -> Entry:
        """Store a finished entry (replacing the draft it came from, if any)."""
        reading, _ = self.reading_for(new.answers, new.kind)
        now = self._clock.now()
        entry = Entry(
            id=draft_id or str(uuid.uuid4()),
            kind=new.kind,
            answers=new.answers,
            practice_id=new.practice_id,
            context=new.context,
            status=new.status,
            minutes=new.minutes,
            reading=reading,
            created_at=now,
            updated_at=now,
        )
        if draft_id is None or not self._store.replace(entry):
            self._store.add(entry)
        return entry

    def save_draft(self, new: NewEntry, *, draft_id: str | None = None) -> Entry:
        return self.record(replace(new, status=EntryStatus.DRAFT), draft_id=draft_id)

    def find_draft(self, practice_id: str) -> Entry | None:
        found = self._store.find(EntryQuery(practice_id=practice_id, status=EntryStatus.DRAFT,
                                            limit=1))
        return next(iter(found), None)

    def edit(self, entry_id: str, answers: tuple[Answer, ...]) -> Entry:
        entry = self.get(entry_id)
        reading, _ = self.reading_for(answers, entry.kind)
        updated = replace(entry, answers=answers, reading=reading,
                          updated_at=self._clock.now())
        self._store.replace(updated)
        return updated

    def delete(self, entry_id: str) -> Entry:
        entry = self.get(entry_id)
        self._store.remove(entry.id)
        return entry

    # -- finding ------------------------------------------------------------
    def get(self, entry_id: str) -> Entry:
        """An entry by id or by a unique prefix of at least 4 characters."""
        entry_id = entry_id.strip()
        entry = self._store.get(entry_id)
        if entry is not None:
            return entry
        if len(entry_id) >= 4:
            candidates = self._store.ids_with_prefix(entry_id)
            if len(candidates) == 1:
                found = self._store.get(candidates[0])
                if found is not None:
                    return found
            if len(candidates) > 1:
                raise InvalidInput(
                    f"More than one entry starts with {entry_id!r}; type a few more characters."
                )
        raise NotFound(f"No entry with the id {entry_id!r} in your journal.")

    def entries(
        self,
        *,
        kind: EntryKind | None = None,
        context: str | None = None,
        practice_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        drafts: bool = False,
        limit: int | None = None,
        newest_first: bool = True,
    ) -> list[Entry]:
        query = EntryQuery(
            kind=kind, context=context, practice_id=practice_id, since=since, until=until,
            status=EntryStatus.DRAFT if drafts else EntryStatus.COMPLETE, limit=limit,
            newest_first=newest_first,
        )
        return list(self._store.find(query))

    def search(
        self,
        terms: list[str],
        *,
        limit: int | None = None,
        kind: EntryKind | None = None,
        context: str | None = None,
        practice_id: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[Entry]:
        """Entries containing every term (decoded here, so it works on encrypted text too)."""
        terms = [t for t in terms if t.strip()]
        if not terms:
            raise InvalidInput("Type at least one word to search for.")
        candidates = self.entries(kind=kind, context=context, practice_id=practice_id,
                                  since=since, until=until)
        found = [e for e in candidates if matches(e, terms)]
        return found[:limit] if limit else found

    def all_entries(self) -> list[Entry]:
        return list(self._store.find(EntryQuery(status=None, newest_first=False)))

    def count(self) -> int:
        return self._store.count()
