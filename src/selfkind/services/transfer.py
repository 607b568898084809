"""Export and import: your words are yours to take anywhere."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from selfkind.core.clock import Clock
from selfkind.core.entries import Answer, Entry, EntryKind, EntryStatus
from selfkind.core.entry_format import entry_from_dict, entry_to_dict
from selfkind.errors import ImportFormatError
from selfkind.storage.entry_store import EntryStore
from selfkind.storage.owners import PreferenceStore

EXPORT_FORMAT = "selfkind-export"
EXPORT_VERSION = 1
_JRNL_NAMESPACE = uuid.UUID("6f1c63c8-7d0e-4f0a-9c1e-4b6b1f2f7a11")


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    skipped: int
    source: str


class TransferService:
    def __init__(self, store: EntryStore, preferences: PreferenceStore, *, clock: Clock):
        self._store = store
        self._preferences = preferences
        self._clock = clock

    # -- export -------------------------------------------------------------
    def export_data(self) -> dict[str, Any]:
        entries = self._all()
        return {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "exported_at": self._clock.now().isoformat(),
            "preferences": dict(sorted(self._preferences.all().items())),
            "entries": [entry_to_dict(e) for e in entries],
        }

    def export_json(self) -> str:
        return json.dumps(self.export_data(), ensure_ascii=False, indent=2) + "\n"

    def export_markdown(self) -> str:
        from selfkind.services.markdown import entries_to_markdown

        entries = self._all()
        return entries_to_markdown(entries)

    def _all(self) -> list[Entry]:
        from selfkind.storage.entry_store import EntryQuery

        return list(self._store.find(EntryQuery(status=None, newest_first=False)))

    def delete_all(self) -> int:
        """Every entry and setting, gone in one transaction."""
        return self._store.wipe()

    # -- import -------------------------------------------------------------
    def import_text(self, text: str, *, source: str = "the file") -> ImportResult:
        """Read a selfkind or jrnl JSON export; everything or nothing is imported."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ImportFormatError(
                f"{source} isn't valid JSON (line {exc.lineno}, column {exc.colno}). "
                "Nothing was imported."
            ) from None
        if isinstance(data, dict) and data.get("format") == EXPORT_FORMAT:
            entries, prefs = self._read_selfkind(data, source)
            kind = "selfkind"
        elif isinstance(data, dict) and isinstance(data.get("entries"), list) and "tags" in data:
            entries, prefs = self._read_jrnl(data, source), None
            kind = "jrnl"
        else:
            raise ImportFormatError(
                f"{source} isn't a selfkind or jrnl JSON export. Nothing was imported."
            )
        existing = self._store.existing_ids([e.id for e in entries])
        fresh = [e for e in entries if e.id not in existing]
        self._store.add_many(fresh, preferences=prefs)
        return ImportResult(added=len(fresh), skipped=len(entries) - len(fresh), source=kind)

    def _read_selfkind(
        self, data: dict[str, Any], source: str
    ) -> tuple[list[Entry], dict[str, str]]:
        version = data.get("version")
        if version != EXPORT_VERSION:
            raise ImportFormatError(
                f"{source} is a selfkind export of format version {version!r}; this selfkind "
                f"reads version {EXPORT_VERSION}. Nothing was imported."
            )
        raw_entries = data.get("entries")
        if not isinstance(raw_entries, list):
            raise ImportFormatError(f"{source} has no list of entries. Nothing was imported.")
        entries: list[Entry] = []
        seen: set[str] = set()
        for number, raw in enumerate(raw_entries, start=1):
            try:
                entry = entry_from_dict(raw)
                uuid.UUID(entry.id)
            except (KeyError, ValueError, TypeError, AttributeError) as exc:
                raise ImportFormatError(
                    f"Entry {number} in {source} can't be read ({_reason(exc)}). "
                    "Nothing was imported."
                ) from None
            if entry.id in seen:
                raise ImportFormatError(
                    f"Entry {number} in {source} repeats the id {entry.id}. Nothing was imported."
                )
            seen.add(entry.id)
            entries.append(entry)
        prefs = data.get("preferences") or {}
        if not isinstance(prefs, dict):
            raise ImportFormatError(f"{source} has unreadable preferences. Nothing was imported.")
        return entries, {str(k): str(v) for k, v in prefs.items()}

    def _read_jrnl(self, data: dict[str, Any], source: str) -> list[Entry]:
        entries: list[Entry] = []
        local_zone = datetime.now().astimezone().tzinfo
        for number, raw in enumerate(data["entries"], start=1):
            try:
                when = datetime.fromisoformat(f"{raw['date']}T{raw.get('time', '00:00')}")
                title = str(raw.get("title", "")).strip()
                body = str(raw.get("body", "")).strip()
            except (KeyError, ValueError, TypeError, AttributeError) as exc:
                raise ImportFormatError(
                    f"jrnl entry {number} in {source} can't be read ({_reason(exc)}). "
                    "Nothing was imported."
                ) from None
            if when.tzinfo is None:
                when = when.replace(tzinfo=local_zone)
            answers = [Answer(step="title", prompt="Title", text=title)]
            if body:
                answers.append(Answer(step="body", prompt="Entry", text=body))
            tags = raw.get("tags") or []
            if tags:
                answers.append(Answer(step="tags", prompt="Tags", text=" ".join(map(str, tags))))
            key = f"{raw['date']} {raw.get('time', '')}\n{title}\n{body}"
            entries.append(Entry(
                id=str(uuid.uuid5(_JRNL_NAMESPACE, key)),
                kind=EntryKind.NOTE,
                practice_id="jrnl",
                status=EntryStatus.COMPLETE,
                answers=tuple(answers),
                created_at=when,
                updated_at=when,
            ))
        return entries


def _reason(exc: BaseException) -> str:
    if isinstance(exc, KeyError):
        return f"missing {exc.args[0]!r}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
