"""A person's settings (gentle mode, and more later)."""

from __future__ import annotations

from selfkind.storage.owners import PreferenceStore

GENTLE = "gentle"


class PreferenceService:
    def __init__(self, store: PreferenceStore) -> None:
        self._store = store

    @property
    def gentle(self) -> bool:
        return self._store.get(GENTLE) == "on"

    def set_gentle(self, on: bool) -> None:
        self._store.set(GENTLE, "on" if on else "off")

    def all(self) -> dict[str, str]:
        return self._store.all()

